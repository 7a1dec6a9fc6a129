//! An article in another language, in its own tab of the editor: its
//! title, summary and text, with the same preview as the English article.

use super::article_preview::render_preview;
use crate::api::admin::articles::save_article_translation;
use crate::api::ApiError;
use crate::components::browser::warn_before_leaving;
use crate::domain::article_draft::{
    ArticleTranslation, DraftErrors, BODY_MAX, SUMMARY_MAX, TITLE_MAX,
};
use crate::domain::Translation;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The translation of article `id` into one language, as last saved (it
/// comes with the article).
#[component]
pub fn ArticleTranslationEditor(id: i64, saved: Translation<ArticleTranslation>) -> impl IntoView {
    let locale = saved.locale;
    let version = RwSignal::new(saved.version);
    let draft = RwSignal::new(saved.fields.clone());
    let last_saved = RwSignal::new(saved.fields);
    let dirty = Memo::new(move |_| draft.get() != last_saved.get());
    let errors = RwSignal::new(DraftErrors::default());
    let notice = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    warn_before_leaving(dirty);
    let field = move |name: &'static str| move || errors.with(|e| e.get(name).map(str::to_owned));
    let set = move |f: fn(&mut ArticleTranslation, String)| {
        move |ev| draft.update(|d| f(d, event_target_value(&ev)))
    };
    let code = locale.code();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        errors.set(DraftErrors::default());
        notice.set(None);
        let current = draft.get_untracked();
        spawn_local(async move {
            match save_article_translation(id, locale, version.get_untracked(), current.clone())
                .await
            {
                Ok(new_version) => {
                    version.set(new_version);
                    last_saved.set(current);
                    notice.set(Some(format!(
                        "Saved: the {} page shows it now (once the article is published).",
                        locale.english_name()
                    )));
                }
                Err(ApiError::InvalidDraft(found)) => errors.set(found),
                Err(ApiError::Conflict) => notice.set(Some(super::STALE_TRANSLATION.to_owned())),
                Err(e) => notice.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let show_preview = move |_| render_preview(draft.get_untracked().body_md, preview, notice);
    let id_of = move |name: &str| format!("article-{code}-{name}");
    // Labels name the language: both tabs' fields are in the page at once.
    let language = locale.english_name();
    view! {
        <p>{move || dirty.get().then_some("Unsaved changes")}</p>
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=save>
            <div class="field">
                <label for=id_of("title")>"Title in " {language}</label>
                <input id=id_of("title") type="text" lang=code maxlength=TITLE_MAX autocomplete="off"
                    aria-describedby=id_of("title-error") aria-invalid=move || field("title")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.title.clone()) on:input=set(|d, v| d.title = v)/>
                <p class="field-error" id=id_of("title-error")>{field("title")}</p>
            </div>
            <div class="field">
                <label for=id_of("summary")>"Summary in " {language} " (lists and search results show it)"</label>
                <textarea id=id_of("summary") lang=code rows="2" maxlength=SUMMARY_MAX aria-describedby=id_of("summary-error")
                    aria-invalid=move || field("summary")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.summary.clone()) on:input=set(|d, v| d.summary = v)></textarea>
                <p class="field-error" id=id_of("summary-error")>{field("summary")}</p>
            </div>
            <div class="field">
                <label for=id_of("body")>"Text in " {language} " (Markdown)"</label>
                <textarea id=id_of("body") lang=code rows="16" maxlength=BODY_MAX aria-describedby=id_of("body-error")
                    aria-invalid=move || field("body_md")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.body_md.clone()) on:input=set(|d, v| d.body_md = v)></textarea>
                <p class="field-error" id=id_of("body-error")>{field("body_md")}</p>
            </div>
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>
                    {format!("Save {}", locale.english_name())}
                </button>
                <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
            </p>
        </form>
        {move || preview.get().map(|html| view! {
            <section class="preview" aria-labelledby=id_of("preview-title")>
                <h2 id=id_of("preview-title")>"Preview"</h2>
                <article class="article" lang=code>
                    <h1>{draft.with(|d| d.title.clone())}</h1>
                    <div class="prose" inner_html=html></div>
                </article>
            </section>
        })}
    }
}
