use crate::components::PageMeta;
use crate::routes;
use leptos::prelude::*;

/// For unknown addresses and unknown slugs. The server sends it with status
/// 404: the fallback handler for addresses, `show_loaded` for slugs.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageMeta title=Some("Page not found".to_owned()) description="This page doesn't exist. Find our services and articles from here."/>
        <section class="wrap section notice">
            <h1>"Page not found"</h1>
            <p>"We couldn't find that page. It may have moved, or the address may be mistyped."</p>
            <ul>
                <li><a href=routes::HOME>"Home page"</a></li>
                <li><a href=routes::SERVICES>"Our services"</a></li>
                <li><a href=routes::ARTICLES>"Articles"</a></li>
                <li><a href=routes::CONTACT>"Contact us"</a></li>
            </ul>
        </section>
    }
}
