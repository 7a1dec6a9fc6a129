use crate::components::{PageMeta, Words};
use crate::domain::Msg;
use leptos::prelude::*;

/// For unknown addresses and unknown slugs. The server sends it with status
/// 404: the fallback handler for addresses, `show_loaded` for slugs.
#[component]
pub fn NotFound() -> impl IntoView {
    let w = Words::here();
    let pages = w.pages();
    view! {
        <PageMeta title=Some(w.t(Msg::NotFoundTitle)) description=w.t(Msg::NotFoundDescription)/>
        <section class="wrap section notice">
            <h1>{w.t(Msg::NotFoundTitle)}</h1>
            <p>{w.t(Msg::NotFoundText)}</p>
            <ul>
                <li><a href=pages.home()>{w.t(Msg::NotFoundHome)}</a></li>
                <li><a href=pages.services()>{w.t(Msg::NotFoundServices)}</a></li>
                <li><a href=pages.articles_root()>{w.t(Msg::NotFoundArticles)}</a></li>
                <li><a href=pages.contact()>{w.t(Msg::NotFoundContact)}</a></li>
            </ul>
        </section>
    }
}
