//! The editor's preview: the article as patients will see it, with the body
//! rendered and sanitised by the server.

use crate::api::admin::articles::preview_article;
use crate::domain::article_draft::ArticleDraft;
use leptos::prelude::*;

/// Asks the server to render `body` (Markdown) as patients will see it:
/// into `preview`, or a sentence into `notice`. Every editor's Preview
/// button, in every language, does this.
pub fn render_preview(
    body: String,
    preview: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        match preview_article(body).await {
            Ok(html) => preview.set(Some(html)),
            Err(e) => notice.set(Some(e.to_string())),
        }
    });
}

/// Shown once staff ask for a preview (`html` is the server's rendering).
#[component]
pub fn ArticlePreview(
    draft: RwSignal<ArticleDraft>,
    html: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        html.get().map(|html| view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <article class="article">
                <h1>{draft.with(|d| d.title.clone())}</h1>
                {draft.with(|d| d.hero.clone().map(|key| {
                    let alt = if d.hero_decorative { String::new() } else { d.hero_alt.clone() };
                    view! {
                        <figure class="hero-image">
                            <img src=key.url(crate::domain::media::WIDTHS[1]) alt=alt/>
                        </figure>
                    }
                }))}
                <div class="prose" inner_html=html></div>
            </article>
        </section>
    })
    }
}
