use leptos::prelude::*;

/// The first focusable element: lets keyboard users jump past the header.
/// Without JavaScript the browser follows `#main`; once the app runs, the
/// router would take the click as a navigation and leave focus on the link,
/// so the click moves focus into the content itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = move |ev: leptos::ev::MouseEvent| {
        use leptos::wasm_bindgen::JsCast;
        let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|m| m.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        else {
            return;
        };
        ev.prevent_default();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &leptos::wasm_bindgen::JsValue::NULL,
                "",
                Some("#main"),
            );
        }
        main.scroll_into_view();
        let _ = main.focus();
    };
    let clinic = super::use_clinic();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let words = clinic.await.map(|c| c.text.skip_to_content).unwrap_or_default();
                view! { <a class="skip-link" href="#main" on:click=skip>{words}</a> }
            })}
        </Suspense>
    }
}
