//! Two pages, a router, a title and a description; with `resource`, one
//! page reads a server function's result through a `Resource`.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title text="Floor"/>
        <Meta name="description" content="The smallest Leptos app"/>
        <Router>
            <nav><a href="/">"Home"</a> <a href="/articles/first">"Article"</a></nav>
            <main>
                <Routes fallback=|| "Not found">
                    <Route path=path!("") view=Home/>
                    <Route path=path!("articles/:slug") view=Article/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Home() -> impl IntoView {
    let count = RwSignal::new(0);
    view! { <h1>"Home"</h1> <button on:click=move |_| *count.write() += 1>{count}</button> }
}

#[cfg(not(feature = "resource"))]
#[component]
fn Article() -> impl IntoView {
    view! { <h1>"Article"</h1> }
}

#[cfg(feature = "resource")]
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ArticleData {
    title: String,
    body_html: String,
    tags: Vec<String>,
}

#[cfg(feature = "resource")]
#[server]
pub async fn get_article(slug: String) -> Result<ArticleData, ServerFnError> {
    Ok(ArticleData { title: slug, body_html: String::new(), tags: Vec::new() })
}

#[cfg(feature = "resource")]
#[component]
fn Article() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let article = Resource::new(move || params.read().get("slug").unwrap_or_default(), get_article);
    view! {
        <Suspense fallback=|| "Loading">
            {move || Suspend::new(async move {
                article.await.map(|a| view! {
                    <h1>{a.title}</h1> <div inner_html=a.body_html></div> <p>{a.tags.join(", ")}</p>
                })
            })}
        </Suspense>
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
