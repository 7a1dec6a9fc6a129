use crate::domain::ArticleSummary;
use crate::routes;
use leptos::prelude::*;

/// One article in a list: title, date and category, summary.
#[component]
pub fn ArticleItem(article: ArticleSummary) -> impl IntoView {
    view! {
        <li class="card article-item">
            <h3><a href=routes::article(&article.slug)>{article.title}</a></h3>
            <p class="byline">
                <time datetime=article.published_on>{article.published_label}</time>
                " | "
                {article.category.name}
            </p>
            <p>{article.summary}</p>
        </li>
    }
}
