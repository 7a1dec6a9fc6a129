//! A page in another language, in its own tab of the article or service
//! editor: its address there, its heading, summary and text, with the same
//! preview as the English page. Both kinds share this form; what differs
//! is in `Translated`'s rules and the labels below.

use super::article_preview::render_preview;
use super::draft_form::{text_field, DraftForm, TextField};
use crate::api::ApiError;
use crate::domain::{Field, Locale, PageTranslation, Slug, Translated, Translation};
use crate::routes::Pages;
use leptos::prelude::*;
use std::future::Future;

/// A translation saved by someone else since this tab opened it: nothing of
/// either is lost, but this one is not saved over theirs.
pub(super) const STALE: &str = "Someone else saved this translation after you opened it, so yours was not saved over theirs. Copy your text, reload the page to see theirs, and save again.";

/// The page's address in `locale`.
fn address(kind: Translated, locale: Locale, slug: &Slug) -> String {
    match kind {
        Translated::Article => Pages(locale).article(slug),
        Translated::Service => Pages(locale).service(slug),
    }
}

/// Where the page's addresses start in `locale`.
fn address_root(kind: Translated, locale: Locale) -> &'static str {
    match kind {
        Translated::Article => Pages(locale).articles_root(),
        Translated::Service => Pages(locale).services(),
    }
}

/// The form's four fields for `kind` in `locale`, with the element ids `id`
/// makes. Labels name the language: every tab's fields are in the page at
/// once.
fn fields(
    kind: Translated,
    locale: Locale,
    id: impl Fn(&str) -> String,
) -> [TextField<PageTranslation>; 4] {
    let language = locale.english_name();
    let code = locale.code();
    let mut slug = TextField::line(
        id("slug"),
        format!(
            "Address in {language} (after {}/)",
            address_root(kind, locale)
        ),
        Field::Slug,
        |d: &PageTranslation| d.slug.clone(),
        |d, v| d.slug = v,
    );
    if !kind.address_required() {
        slug = slug.hint(
            "Leave empty to keep the English address. Lowercase letters, digits and hyphens.",
        );
    }
    let (heading_label, summary_label, body_label, body_hint) = match kind {
        Translated::Article => (
            format!("Title in {language}"),
            format!("Summary in {language} (lists and search results show it)"),
            format!("Text in {language} (Markdown)"),
            None,
        ),
        Translated::Service => (
            format!("Name in {language}"),
            format!("Summary in {language} (the services list and search results show it)"),
            format!("Text in {language} (Markdown, optional)"),
            Some(format!(
                "Left empty, the {language} page shows the English text with a note saying so."
            )),
        ),
    };
    let heading = TextField::line(
        id(kind.title_field().name()),
        heading_label,
        kind.title_field(),
        |d: &PageTranslation| d.title.clone(),
        |d, v| d.title = v,
    )
    .max(kind.title_max())
    .lang(code);
    let summary = TextField::summary(
        id("summary"),
        summary_label,
        |d: &PageTranslation| d.summary.clone(),
        |d, v| d.summary = v,
    )
    .lang(code);
    let mut body = TextField::markdown(
        id("body"),
        body_label,
        |d: &PageTranslation| d.body_md.clone(),
        |d, v| d.body_md = v,
    )
    .lang(code);
    if let Some(hint) = body_hint {
        body = body.hint(hint);
    }
    [slug, heading, summary, body]
}

/// The translation of the page at `english` into `saved.locale`; `send`
/// saves a draft given the version it was opened at and answers the new one.
pub fn translation_editor<Fut>(
    kind: Translated,
    english: Slug,
    saved: Translation<PageTranslation>,
    send: impl Fn(PageTranslation, i64) -> Fut + Clone + 'static,
) -> impl IntoView
where
    Fut: Future<Output = Result<i64, ApiError>> + 'static,
{
    let locale = saved.locale;
    let form = DraftForm::new(saved.fields, saved.version).when_stale(STALE);
    let preview = RwSignal::new(None::<String>);
    let code = locale.code();
    let language = locale.english_name();
    let noun = match kind {
        Translated::Article => "article",
        Translated::Service => "service",
    };
    let id = move |name: &str| format!("{noun}-{code}-{name}");
    let public_address = move || {
        form.draft.with(|d| match Slug::parse(d.slug.trim()) {
            Ok(own) => Some(address(kind, locale, &own)),
            Err(_) if d.slug.trim().is_empty() && !kind.address_required() => {
                Some(address(kind, locale, &english))
            }
            Err(_) => None,
        })
    };
    let saved_message = match kind {
        Translated::Article => {
            format!("Saved: the {language} page shows it now (once the article is published).")
        }
        Translated::Service => format!("Saved: the {language} page shows it now."),
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(send.clone(), saved_message.clone());
    };
    let show_preview = move |_| {
        render_preview(form.draft.get_untracked().body_md, preview, form.notice);
    };
    let [slug, heading, summary, body] = fields(kind, locale, id);
    view! {
        <p>"Public address: "
            {move || public_address().map(|a| view! { <a href=a.clone()>{a.clone()}</a> })}
            {move || form.dirty.get().then_some(" · unsaved changes")}</p>
        {form.notice_view()}
        <form class="editor" on:submit=save>
            {text_field(form, slug)}
            {text_field(form, heading)}
            {text_field(form, summary)}
            {text_field(form, body)}
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>
                    {format!("Save {language}")}
                </button>
                <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
            </p>
        </form>
        {move || preview.get().map(|html| view! {
            <section class="preview" aria-labelledby=id("preview-title") lang=code>
                <h2 id=id("preview-title") lang="en">"Preview"</h2>
                <article class="article">
                    <h1>{form.draft.with(|d| d.title.clone())}</h1>
                    <div class="prose" inner_html=html></div>
                </article>
            </section>
        })}
    }
}
