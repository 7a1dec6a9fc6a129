use super::Words;
use crate::domain::ArticleSummary;
use leptos::prelude::*;

/// One article in a list: title, date and category, summary.
#[component]
pub fn ArticleItem(article: ArticleSummary) -> impl IntoView {
    let w = Words::here();
    let lang = w.lang_of(article.locale);
    view! {
        <li class="card article-item">
            <h3 lang=lang><a href=w.pages().article(&article.slug)>{article.title}</a></h3>
            <p class="byline">
                <time datetime=article.published_on>{article.published_label}</time>
                " | "
                <span lang=w.lang_of(article.category.locale)>{article.category.name}</span>
            </p>
            <p lang=lang>{article.summary}</p>
        </li>
    }
}
