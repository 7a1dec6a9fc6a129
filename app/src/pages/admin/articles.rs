use crate::api::admin::articles::admin_articles;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::routes;
use leptos::prelude::*;

/// Every article with its status; search by title, filter by category.
#[component]
pub fn AdminArticles() -> impl IntoView {
    let (search, set_search) = signal(String::new());
    let (category, set_category) = signal(String::new());
    let table = Resource::new(
        move || (search.get(), category.get()),
        |(search, category)| admin_articles(search, Some(category)),
    );
    // Every category, whatever the filter: loaded once for the menu.
    let categories = Resource::new(
        || (),
        |()| async {
            admin_articles(String::new(), None)
                .await
                .map(|t| t.categories)
        },
    );
    view! {
        <PageMeta title=Some("Articles".to_owned()) description="The clinic's articles."/>
        <h1>"Articles"</h1>
        <p><a class="button" href=routes::ADMIN_NEW_ARTICLE>"Write a new article"</a></p>
        <div class="field">
            <label for="article-search">"Search by title"</label>
            <input id="article-search" type="search" autocomplete="off"
                on:input=move |ev| set_search.set(event_target_value(&ev))/>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                categories.await.ok().map(|names| view! {
                    <div class="field">
                        <label for="article-category-filter">"Category"</label>
                        <select id="article-category-filter" on:change=move |ev| set_category.set(event_target_value(&ev))>
                            <option value="">"All categories"</option>
                            {names.into_iter().map(|name| view! {
                                <option value=name.clone()>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                })
            })}
        </Suspense>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(table.await, |table| if table.rows.is_empty() {
                    view! { <p>"No articles match this search."</p> }.into_any()
                } else { view! {
                    <div class="table-wrap">
                        <table class="admin-table">
                            <caption class="visually-hidden">"Articles, last changed first"</caption>
                            <thead><tr><th scope="col">"Title"</th><th scope="col">"Category"</th>
                                <th scope="col">"Status"</th><th scope="col">"Published"</th></tr></thead>
                            <tbody>
                                {table.rows.into_iter().map(|r| view! {
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
                }.into_any() })
            })}
        </Transition>
    }
}
