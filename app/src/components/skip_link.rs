use leptos::prelude::*;

/// The first focusable element: lets keyboard users jump past the header.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to main content"</a> }
}
