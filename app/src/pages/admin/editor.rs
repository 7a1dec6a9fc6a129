use super::article_delete::DeleteArticle;
use super::article_preview::render_preview;
use super::article_preview::ArticlePreview;
use super::draft_form::{text_field, DraftForm, TextField};
use super::hero_field::HeroField;
use super::kept_draft::{keep_unsaved, storage_key, UnsavedChanges};
use super::language_tabs::{language_tabs, panel_id, tab_id};
use super::seo_fields::SeoFields;
use super::translation_editor::translation_editor;
use crate::api::admin::articles::{
    article_revision, open_article, save_article, save_article_translation, set_article_state,
};
use crate::components::browser::{local_storage_set, local_to_utc, replace_url};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::article_admin::{ArticleState, EditedArticle};
use crate::domain::article_draft::{ArticleDraft, TITLE_MAX};
use crate::domain::{Field, Locale, Slug, Translated};
use crate::routes::{self, ArticleIdParams};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params;

/// Writing an article: fields, a preview exactly as patients will see it,
/// and publishing. Unsaved text is kept in this browser until it is saved.
#[component]
pub fn AdminArticleEditor() -> impl IntoView {
    let params = use_params::<ArticleIdParams>();
    let id = move || {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.id.as_deref().and_then(|i| i.parse::<i64>().ok()))
    };
    let article = Resource::new(id, |id| async move {
        match id {
            None => Ok(None),
            Some(id) => open_article(id).await.map(Some),
        }
    });
    view! {
        <PageMeta title=Some("Edit article".to_owned()) description="Write and publish an article."/>
        <p><a href=routes::ADMIN_ARTICLES>"← All articles"</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { show_loaded(article.await, editor) })}
        </Suspense>
    }
}

/// What the editor holds while an article is open: the draft (with its
/// version, errors and notice), the article's id once saved, its state.
#[derive(Clone, Copy)]
struct Editing {
    form: DraftForm<ArticleDraft>,
    id: RwSignal<Option<i64>>,
    state: RwSignal<ArticleState>,
}

impl Editing {
    fn new(article: Option<&EditedArticle>) -> Self {
        let saved = article.map(|a| a.draft.clone()).unwrap_or_default();
        Self {
            form: DraftForm::new(saved, article.map_or(0, |a| a.version)),
            id: RwSignal::new(article.map(|a| a.id)),
            state: RwSignal::new(article.map_or(ArticleState::Draft, |a| a.state)),
        }
    }

    /// Saves the draft, then moves it to `then`'s state (`published`,
    /// `scheduled` at a time, or `draft`) if given.
    fn save(self, then: Option<(&'static str, Option<String>)>) {
        let Some(current) = self.form.begin() else {
            return;
        };
        spawn_local(async move {
            let old_id = self.id.get_untracked();
            let version = self.form.version.get_untracked();
            match save_article(old_id, version, current.clone()).await {
                Ok((new_id, new_version)) => {
                    local_storage_set(&storage_key(old_id), None);
                    self.id.set(Some(new_id));
                    let message = match then {
                        None => "Saved.",
                        Some((new_state, at)) => {
                            match set_article_state(new_id, new_state.to_owned(), at).await {
                                Ok(()) => self.moved_to(new_state),
                                Err(e) => {
                                    // The text is saved; only the state change failed.
                                    self.form.saved(current, new_version, String::new());
                                    return self.form.fail(e);
                                }
                            }
                        }
                    };
                    self.form.saved(current, new_version, message);
                    if old_id.is_none() {
                        // Give the new article its own address without rebuilding the editor.
                        replace_url(&routes::admin_article(new_id));
                    }
                }
                Err(e) => self.form.fail(e),
            }
        });
    }

    /// Records the article's new state; what to tell the editor.
    fn moved_to(self, new_state: &str) -> &'static str {
        self.state
            .set(ArticleState::parse(new_state).unwrap_or(ArticleState::Draft));
        match new_state {
            "published" => "Saved and published: it is on the public site now.",
            "scheduled" => "Saved and scheduled.",
            _ => "Saved and taken off the public site.",
        }
    }

    /// Puts a saved version's text in the editor (saving keeps it).
    fn restore(self, version_no: i64) {
        let Some(article) = self.id.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match article_revision(article, version_no).await {
                Ok(old) => {
                    self.form.draft.set(old);
                    self.form.notice.set(Some(format!(
                        "Version {version_no} is in the editor. Save to keep it."
                    )));
                }
                Err(e) => self.form.notice.set(Some(e.to_string())),
            }
        });
    }
}

fn editor(article: Option<EditedArticle>) -> impl IntoView {
    let ed = Editing::new(article.as_ref());
    let when = article.as_ref().and_then(|a| a.when.clone());
    // The saved address, which a translation keeps unless it has its own.
    let english = article
        .as_ref()
        .and_then(|a| Slug::parse(&a.draft.slug).ok());
    let (revisions, translations) = article
        .map(|a| (a.revisions, a.translations))
        .unwrap_or_default();
    let id = ed.id;
    let DraftForm {
        draft,
        last_saved,
        notice,
        dirty,
        ..
    } = ed.form;
    let preview = RwSignal::new(None::<String>);

    // Unsaved text survives a closed tab or a failed save.
    let left_before = keep_unsaved(id, draft, dirty);

    let show_preview = move |_| render_preview(draft.get_untracked().body_md, preview, notice);
    let status_line = move || {
        let s = ed.state.get();
        match (s, &when) {
            (ArticleState::Draft, _) | (_, None) => s.label().to_owned(),
            (_, Some(at)) => format!("{} ({at})", s.label()),
        }
    };

    // A saved article can be written in Spanish too, in its own tab.
    let tab = RwSignal::new(Locale::En);
    let saved_id = id.get_untracked();
    view! {
        <h1>{move || if id.get().is_some() { "Edit article" } else { "New article" }}</h1>
        {saved_id.map(|_| language_tabs(tab))}
        <div role=saved_id.map(|_| "tabpanel") id=panel_id(Locale::En) aria-labelledby=saved_id.map(|_| tab_id(Locale::En))
            hidden=move || tab.get() != Locale::En>
        <p>"Status: " <strong>{status_line}</strong> {move || dirty.get().then_some(" · unsaved changes")}</p>
        <UnsavedChanges left_before draft/>
        {ed.form.notice_view()}
        <form class="editor" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); ed.save(None); }>
            {article_fields(ed)}
            <PublishActions ed show_preview/>
        </form>
        <ArticlePreview draft html=preview/>
        {saved_versions(ed, revisions)}
        <DeleteArticle id draft last_saved notice/>
        </div>
        {saved_id.zip(english).map(|(article, english)| translations.into_iter().map(|saved| {
            let locale = saved.locale;
            let send = move |draft, version| save_article_translation(article, locale, version, draft);
            view! {
                <div role="tabpanel" id=panel_id(locale) aria-labelledby=tab_id(locale)
                    hidden=move || tab.get() != locale>
                    {translation_editor(Translated::Article, english.clone(), saved, send)}
                </div>
            }
        }).collect_view())}
    }
}

/// The article's fields, each with its error.
fn article_fields(ed: Editing) -> impl IntoView {
    let form = ed.form;
    let draft = form.draft;
    let title = TextField::line(
        "article-title",
        "Title",
        Field::Title,
        |d: &ArticleDraft| d.title.clone(),
        |d, v| d.title = v,
    )
    .max(TITLE_MAX);
    let slug = TextField::line("article-slug", "Address", Field::Slug, |d: &ArticleDraft| d.slug.clone(), |d, v| d.slug = v)
        .hint("/articles/… — leave empty to make it from the title. Lowercase letters, digits and hyphens.");
    let category = TextField::line(
        "article-category",
        "Category",
        Field::Category,
        |d: &ArticleDraft| d.category.clone(),
        |d, v| d.category = v,
    );
    let summary = TextField::summary(
        "article-summary",
        "Summary (also the description search engines show)",
        |d: &ArticleDraft| d.summary.clone(),
        |d, v| d.summary = v,
    );
    let body = TextField::markdown(
        "article-body",
        "Text (Markdown)",
        |d: &ArticleDraft| d.body_md.clone(),
        |d, v| d.body_md = v,
    )
    .hint("Blank line between paragraphs; ## for a heading; 1. for a numbered list; **bold**.");
    view! {
        {text_field(form, title)}
        {text_field(form, slug)}
        {text_field(form, category)}
        {text_field(form, summary)}
        <HeroField draft errors=form.errors/>
        <SeoFields prefix="article"
            title=Signal::derive(move || draft.with(|d| d.seo_title.clone()))
            on_title=Callback::new(move |v| draft.update(|d| d.seo_title = v))
            description=Signal::derive(move || draft.with(|d| d.seo_description.clone()))
            on_description=Callback::new(move |v| draft.update(|d| d.seo_description = v))
            title_error=Signal::derive(form.error(Field::SeoTitle))
            description_error=Signal::derive(form.error(Field::SeoDescription))/>
        {text_field(form, body)}
    }
}

/// Save, preview, publish, unpublish and schedule.
#[component]
fn PublishActions(
    ed: Editing,
    show_preview: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let schedule_at = RwSignal::new(String::new());
    view! {
        <p class="editor-actions">
            <button class="button" type="submit" aria-disabled=move || ed.form.busy.get().to_string()>"Save draft"</button>
            <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
            <button class="button" type="button" on:click=move |_| ed.save(Some(("published", None)))>"Publish now"</button>
            {move || (ed.state.get() != ArticleState::Draft).then(|| view! {
                <button class="button button-secondary" type="button" on:click=move |_| ed.save(Some(("draft", None)))>"Unpublish"</button>
            })}
        </p>
        <div class="field inline-form">
            <div class="field">
                <label for="article-schedule">"Publish later (your local time)"</label>
                <input id="article-schedule" type="datetime-local" on:input=move |ev| schedule_at.set(event_target_value(&ev))/>
            </div>
            <button class="button button-secondary" type="button" on:click=move |_| {
                ed.save(Some(("scheduled", local_to_utc(&schedule_at.get_untracked()))))
            }>"Schedule"</button>
        </div>
    }
}

/// Earlier versions, each of which can be put back in the editor.
fn saved_versions(ed: Editing, revisions: Vec<(i64, String, String)>) -> impl IntoView {
    (!revisions.is_empty()).then(|| view! {
        <h2>"Saved versions"</h2>
        <ul class="plain">
            {revisions.into_iter().map(|(v, at, by)| view! {
                <li>"Version " {v} ", " {at} " by " {by} " "
                    <button class="button button-secondary" type="button" on:click=move |_| ed.restore(v)>
                        "Put version " {v} " in the editor"
                    </button>
                </li>
            }).collect_view()}
        </ul>
    })
}
