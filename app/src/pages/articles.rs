use crate::api::content::list_articles;
use crate::components::{page_resource, show_loaded, ArticleItem, Loading, PageMeta};
use crate::domain::seo::PageSeo;
use crate::domain::{ArticleList as List, PageNumber};
use crate::routes::{self, ArticleListQuery};
use leptos::prelude::*;
use leptos_router::hooks::use_query;

#[component]
pub fn ArticleList() -> impl IntoView {
    let query = use_query::<ArticleListQuery>();
    let args = move || {
        query
            .read()
            .as_ref()
            .map(|q| (q.category.clone(), q.page.clone()))
            .unwrap_or_default()
    };
    let list = page_resource(args, |(category, page)| list_articles(category, page));
    view! {
        <div class="wrap section">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { show_loaded(list.await, list_view) })}
            </Suspense>
        </div>
    }
}

fn list_view(list: List) -> impl IntoView {
    let heading = match &list.category {
        Some(c) => format!("Articles about {}", c.name),
        None => "Articles".to_owned(),
    };
    let title = if list.page.get() > 1 {
        format!(
            "{heading} (page {} of {})",
            list.page.get(),
            list.total_pages
        )
    } else {
        heading.clone()
    };
    let description = match &list.category {
        Some(c) => format!(
            "Articles from our clinicians about {}.",
            c.name.to_lowercase()
        ),
        None => {
            "Articles from our clinicians on pain, posture, scoliosis and the treatments we offer."
                .to_owned()
        }
    };
    let active = list.category.as_ref().map(|c| c.slug.clone());
    let filter_link = |label: String, slug: Option<crate::domain::Slug>, current: bool| {
        view! {
            <li>
                <a href=routes::articles(slug.as_ref(), PageNumber::FIRST) aria-current=current.then_some("page")>
                    {label}
                </a>
            </li>
        }
    };
    let previous = list
        .has_previous()
        .then(|| routes::articles(active.as_ref(), PageNumber::new(list.page.get() - 1)));
    let next = list
        .has_next()
        .then(|| routes::articles(active.as_ref(), PageNumber::new(list.page.get() + 1)));
    view! {
        <PageMeta title=Some(title.clone()) description=description.clone() seo={
            let seo = PageSeo::page(title, description, routes::articles(list.category.as_ref().map(|c| &c.slug), list.page));
            if list.category.is_some() || list.page.get() > 1 { seo.under(&[("Articles", routes::ARTICLES)]) } else { seo }
        }/>
        <h1>{heading}</h1>
        <nav aria-label="Article categories">
            <ul class="pill-list">
                {filter_link("All".to_owned(), None, active.is_none())}
                {list.categories.iter().map(|c| {
                    filter_link(c.name.clone(), Some(c.slug.clone()), active.as_ref() == Some(&c.slug))
                }).collect_view()}
            </ul>
        </nav>
        <h2 class="visually-hidden">"Newest first"</h2>
        <ul class="card-list">
            {list.items.into_iter().map(|article| view! { <ArticleItem article/> }).collect_view()}
        </ul>
        {(list.total_pages > 1).then(|| view! {
            <nav class="pagination" aria-label="Pages">
                {previous.map(|href| view! { <a href=href rel="prev">"Newer articles"</a> })}
                <span>"Page " {list.page.get()} " of " {list.total_pages}</span>
                {next.map(|href| view! { <a href=href rel="next">"Older articles"</a> })}
            </nav>
        })}
    }
}
