use crate::api::content::get_article;
use crate::components::{
    page_data, show_loaded, ArticleItem, CallToAction, Loading, PageMeta, Words,
};
use crate::domain::seo::{or, PageKind, PageSeo, ShareImage};
use crate::domain::{ArticleView, Msg, PageNumber};
use crate::routes::{self, Pages};
use leptos::prelude::*;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let w = Words::here();
    let slug = routes::use_slug();
    let view = page_data(|| get_article(w.locale, slug.get_untracked()));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(view.await, move |view| {
                    // Reached by another language's address (the language
                    // switch keeps the slug): its own address instead.
                    if slug.get_untracked() != view.article.summary.slug.as_str() {
                        crate::api::redirect_page(&w.pages().article(&view.article.summary.slug));
                    }
                    article_view(w, view)
                })
            })}
        </Suspense>
    }
}

fn article_view(w: Words, view: ArticleView) -> impl IntoView {
    let ArticleView { article, related } = view;
    let pages = w.pages();
    let summary = article.summary;
    // An article not yet written in the page's language is shown as it
    // was written, marked as such for screen readers and translators.
    let lang = w.lang_of(summary.locale);
    let description = or(&article.seo_description, &summary.summary);
    let category_path = pages.articles(Some(&summary.category.slug), PageNumber::FIRST);
    let seo = PageSeo {
        alternates: article
            .slugs
            .iter()
            .map(|(l, slug)| (*l, Pages(*l).article(slug)))
            .collect(),
        kind: PageKind::Article {
            published: article.published_at.clone(),
            modified: article.modified_at.clone(),
            section: summary.category.name.clone(),
        },
        image: article.hero.as_ref().map(|hero| ShareImage {
            path: hero.image.key.url(hero.image.width),
            width: hero.image.width,
            height: hero.image.height,
            alt: if hero.alt.is_empty() {
                summary.title.clone()
            } else {
                hero.alt.clone()
            },
        }),
        ..PageSeo::page(
            summary.title.clone(),
            description.clone(),
            pages.article(&summary.slug),
        )
        .under(&[
            (w.t(Msg::ArticlesTitle).as_str(), pages.articles_root()),
            (&summary.category.name, &category_path),
        ])
    };
    view! {
        <PageMeta title=Some(or(&article.seo_title, &summary.title)) description seo/>
        {lang.map(|_| view! { <p class="wrap notice translation-note">{w.t(Msg::NotTranslated)}</p> })}
        <article class="wrap section article">
            <header>
                <h1 lang=lang>{summary.title.clone()}</h1>
                <p class="byline">
                    <time datetime=summary.published_on.clone()>{summary.published_label.clone()}</time>
                    " | "
                    <a href=category_path.clone() lang=w.lang_of(summary.category.locale)>
                        {summary.category.name.clone()}
                    </a>
                </p>
            </header>
            {article.hero.map(|hero| view! {
                <figure class="hero-image">
                    // Never lazy: the hero is what paints first.
                    <img src=hero.image.src() srcset=hero.image.srcset() sizes="(min-width: 46rem) 42rem, 100vw"
                        alt=hero.alt width=hero.image.width height=hero.image.height fetchpriority="high"/>
                </figure>
            })}
            <div class="prose" lang=lang inner_html=article.body_html></div>
            <CallToAction/>
        </article>
        {(!related.is_empty()).then(|| view! {
            <section class="wrap section" aria-labelledby="related-posts">
                <h2 id="related-posts">{w.t(Msg::ArticleRelated)}</h2>
                <ul class="card-list">
                    {related.into_iter().map(|article| view! { <ArticleItem article/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
