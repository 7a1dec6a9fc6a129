use crate::api::admin::articles::admin_articles;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::routes;
use leptos::prelude::*;

/// Every article with its status; search by title.
#[component]
pub fn AdminArticles() -> impl IntoView {
    let (search, set_search) = signal(String::new());
    let rows = Resource::new(move || search.get(), admin_articles);
    view! {
        <PageMeta title=Some("Articles".to_owned()) description="The clinic's articles."/>
        <h1>"Articles"</h1>
        <p><a class="button" href=routes::ADMIN_NEW_ARTICLE>"Write a new article"</a></p>
        <div class="field">
            <label for="article-search">"Search by title"</label>
            <input id="article-search" type="search" autocomplete="off"
                on:input=move |ev| set_search.set(event_target_value(&ev))/>
        </div>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(rows.await, |rows| view! {
                    <div class="table-wrap">
                        <table class="admin-table">
                            <caption class="visually-hidden">"Articles, last changed first"</caption>
                            <thead><tr><th scope="col">"Title"</th><th scope="col">"Category"</th>
                                <th scope="col">"Status"</th><th scope="col">"Published (UTC)"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td><a href=routes::admin_article(r.id)>{r.title}</a></td>
                                        <td>{r.category}</td>
                                        <td>{r.state.label()}</td>
                                        <td>{r.when.unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            })}
        </Transition>
    }
}
