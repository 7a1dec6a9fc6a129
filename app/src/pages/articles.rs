use crate::api::content::list_articles;
use crate::components::{page_data, show_loaded, ArticleItem, Loading, PageMeta, Words};
use crate::domain::seo::PageSeo;
use crate::domain::{ArticleList as List, Msg, PageNumber};
use crate::routes::ArticleListQuery;
use leptos::prelude::*;
use leptos_router::hooks::use_query;

#[component]
pub fn ArticleList() -> impl IntoView {
    let w = Words::here();
    let query = use_query::<ArticleListQuery>();
    let (category, page) = query
        .read_untracked()
        .as_ref()
        .map(|q| (q.category.clone(), q.page.clone()))
        .unwrap_or_default();
    let list = page_data(|| list_articles(w.locale, category, page));
    view! {
        <div class="wrap section">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { show_loaded(list.await, move |list| list_view(w, list)) })}
            </Suspense>
        </div>
    }
}

fn list_view(w: Words, list: List) -> impl IntoView {
    let pages = w.pages();
    let heading = match &list.category {
        Some(c) => w.with(Msg::ArticlesAbout, &[("category", &c.name)]),
        None => w.t(Msg::ArticlesTitle),
    };
    let (page, total) = (list.page.get().to_string(), list.total_pages.to_string());
    let title = if list.page.get() > 1 {
        w.with(
            Msg::ArticlesPaged,
            &[("heading", &heading), ("page", &page), ("pages", &total)],
        )
    } else {
        heading.clone()
    };
    let description = match &list.category {
        Some(c) => w.with(
            Msg::ArticlesCategoryDescription,
            &[("category", &c.name.to_lowercase())],
        ),
        None => w.t(Msg::ArticlesDescription),
    };
    let active = list.category.as_ref().map(|c| c.slug.clone());
    let filter_link = move |label: String,
                            lang: Option<&'static str>,
                            slug: Option<crate::domain::Slug>,
                            current: bool| {
        view! {
            <li>
                <a href=pages.articles(slug.as_ref(), PageNumber::FIRST) aria-current=current.then_some("page") lang=lang>
                    {label}
                </a>
            </li>
        }
    };
    let previous = list
        .has_previous()
        .then(|| pages.articles(active.as_ref(), PageNumber::new(list.page.get() - 1)));
    let next = list
        .has_next()
        .then(|| pages.articles(active.as_ref(), PageNumber::new(list.page.get() + 1)));
    let seo = PageSeo::page(
        title.clone(),
        description.clone(),
        pages.articles(list.category.as_ref().map(|c| &c.slug), list.page),
    );
    let seo = if list.category.is_some() || list.page.get() > 1 {
        seo.under(&[(w.t(Msg::ArticlesTitle).as_str(), pages.articles_root())])
    } else {
        seo
    };
    view! {
        <PageMeta title=Some(title) description seo/>
        <h1>{heading}</h1>
        <nav aria-label=w.t(Msg::ArticlesCategories)>
            <ul class="pill-list">
                {filter_link(w.t(Msg::ArticlesAll), None, None, active.is_none())}
                {list.categories.iter().map(|c| {
                    filter_link(c.name.clone(), w.lang_of(c.locale), Some(c.slug.clone()), active.as_ref() == Some(&c.slug))
                }).collect_view()}
            </ul>
        </nav>
        <h2 class="visually-hidden">{w.t(Msg::ArticlesNewest)}</h2>
        <ul class="card-list">
            {list.items.into_iter().map(|article| view! { <ArticleItem article/> }).collect_view()}
        </ul>
        {(list.total_pages > 1).then(|| view! {
            <nav class="pagination" aria-label=w.t(Msg::ArticlesPages)>
                {previous.map(|href| view! { <a href=href rel="prev">{w.t(Msg::ArticlesNewer)}</a> })}
                <span>{w.with(Msg::ArticlesPageOf, &[("page", &page), ("pages", &total)])}</span>
                {next.map(|href| view! { <a href=href rel="next">{w.t(Msg::ArticlesOlder)}</a> })}
            </nav>
        })}
    }
}
