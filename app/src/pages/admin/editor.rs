use super::article_delete::DeleteArticle;
use super::article_preview::render_preview;
use super::article_preview::ArticlePreview;
use super::article_translation::ArticleTranslationEditor;
use super::hero_field::HeroField;
use super::kept_draft::{keep_unsaved, storage_key, UnsavedChanges};
use super::language_tabs::{language_tabs, panel_id, tab_id};
use super::seo_fields::SeoFields;
use crate::api::admin::articles::{
    article_revision, open_article, save_article, set_article_state,
};
use crate::api::ApiError;
use crate::components::browser::{
    local_storage_set, local_to_utc, replace_url, warn_before_leaving,
};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::article_admin::{ArticleState, EditedArticle};
use crate::domain::article_draft::{ArticleDraft, DraftErrors, BODY_MAX, SUMMARY_MAX, TITLE_MAX};
use crate::domain::Locale;
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

/// What the editor holds while an article is open.
#[derive(Clone, Copy)]
struct Editing {
    id: RwSignal<Option<i64>>,
    version: RwSignal<i64>,
    state: RwSignal<ArticleState>,
    draft: RwSignal<ArticleDraft>,
    last_saved: RwSignal<ArticleDraft>,
    errors: RwSignal<DraftErrors>,
    notice: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
}

impl Editing {
    fn new(article: Option<&EditedArticle>) -> Self {
        let saved = article.map(|a| a.draft.clone()).unwrap_or_default();
        Self {
            id: RwSignal::new(article.map(|a| a.id)),
            version: RwSignal::new(article.map_or(0, |a| a.version)),
            state: RwSignal::new(article.map_or(ArticleState::Draft, |a| a.state)),
            draft: RwSignal::new(saved.clone()),
            last_saved: RwSignal::new(saved),
            errors: RwSignal::new(DraftErrors::default()),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// A field's error, tracking changes.
    fn error(self, name: &'static str) -> impl Fn() -> Option<String> + Copy {
        move || self.errors.with(|e| e.get(name).map(str::to_owned))
    }

    /// An input handler writing the typed value into the draft with `f`.
    fn setter(self, f: fn(&mut ArticleDraft, String)) -> impl Fn(leptos::ev::Event) + Copy {
        move |ev| {
            let value = event_target_value(&ev);
            self.draft.update(|d| f(d, value));
        }
    }

    fn fail(self, e: ApiError) {
        match e {
            ApiError::InvalidDraft(found) => self.errors.set(found),
            other => self.notice.set(Some(other.to_string())),
        }
        self.busy.set(false);
    }

    /// Saves the draft, then moves it to `then`'s state (`published`,
    /// `scheduled` at a time, or `draft`) if given.
    fn save(self, then: Option<(&'static str, Option<String>)>) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.errors.set(DraftErrors::default());
        self.notice.set(None);
        let current = self.draft.get_untracked();
        spawn_local(async move {
            let old_id = self.id.get_untracked();
            match save_article(old_id, self.version.get_untracked(), current.clone()).await {
                Ok((new_id, new_version)) => {
                    local_storage_set(&storage_key(old_id), None);
                    self.id.set(Some(new_id));
                    self.version.set(new_version);
                    self.last_saved.set(current);
                    let message = match then {
                        None => "Saved.",
                        Some((new_state, at)) => {
                            match set_article_state(new_id, new_state.to_owned(), at).await {
                                Ok(()) => self.moved_to(new_state),
                                Err(e) => return self.fail(e),
                            }
                        }
                    };
                    self.notice.set(Some(message.to_owned()));
                    self.busy.set(false);
                    if old_id.is_none() {
                        // Give the new article its own address without rebuilding the editor.
                        replace_url(&routes::admin_article(new_id));
                    }
                }
                Err(e) => self.fail(e),
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
                    self.draft.set(old);
                    self.notice.set(Some(format!(
                        "Version {version_no} is in the editor. Save to keep it."
                    )));
                }
                Err(e) => self.notice.set(Some(e.to_string())),
            }
        });
    }
}

fn editor(article: Option<EditedArticle>) -> impl IntoView {
    let ed = Editing::new(article.as_ref());
    let when = article.as_ref().and_then(|a| a.when.clone());
    let (revisions, translations) = article
        .map(|a| (a.revisions, a.translations))
        .unwrap_or_default();
    let Editing {
        id,
        draft,
        last_saved,
        notice,
        ..
    } = ed;
    let dirty = Memo::new(move |_| draft.get() != last_saved.get());
    let preview = RwSignal::new(None::<String>);

    // Unsaved text survives a closed tab or a failed save.
    let left_before = keep_unsaved(id, draft, dirty);
    warn_before_leaving(dirty);

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
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); ed.save(None); }>
            {article_fields(ed)}
            <PublishActions ed show_preview/>
        </form>
        <ArticlePreview draft html=preview/>
        {saved_versions(ed, revisions)}
        <DeleteArticle id draft last_saved notice/>
        </div>
        {saved_id.map(|article| translations.into_iter().map(|saved| {
            let locale = saved.locale;
            view! {
                <div role="tabpanel" id=panel_id(locale) aria-labelledby=tab_id(locale)
                    hidden=move || tab.get() != locale>
                    <ArticleTranslationEditor id=article saved/>
                </div>
            }
        }).collect_view())}
    }
}

/// The article's fields, each with its error.
fn article_fields(ed: Editing) -> impl IntoView {
    let Editing { draft, errors, .. } = ed;
    let field = move |name: &'static str| ed.error(name);
    let invalid = move |name: &'static str| move || field(name)().is_some().to_string();
    let set = move |f: fn(&mut ArticleDraft, String)| ed.setter(f);
    view! {
        <div class="field">
            <label for="article-title">"Title"</label>
            <input id="article-title" type="text" maxlength=TITLE_MAX autocomplete="off"
                aria-describedby="article-title-error" aria-invalid=invalid("title")
                prop:value=move || draft.with(|d| d.title.clone()) on:input=set(|d, v| d.title = v)/>
            <p class="field-error" id="article-title-error">{field("title")}</p>
        </div>
        <div class="field">
            <label for="article-slug">"Address"</label>
            <p class="field-hint" id="article-slug-hint">"/articles/… — leave empty to make it from the title. Lowercase letters, digits and hyphens."</p>
            <input id="article-slug" type="text" autocomplete="off" aria-describedby="article-slug-hint article-slug-error"
                aria-invalid=invalid("slug")
                prop:value=move || draft.with(|d| d.slug.clone()) on:input=set(|d, v| d.slug = v)/>
            <p class="field-error" id="article-slug-error">{field("slug")}</p>
        </div>
        <div class="field">
            <label for="article-category">"Category"</label>
            <input id="article-category" type="text" autocomplete="off" aria-describedby="article-category-error"
                aria-invalid=invalid("category")
                prop:value=move || draft.with(|d| d.category.clone()) on:input=set(|d, v| d.category = v)/>
            <p class="field-error" id="article-category-error">{field("category")}</p>
        </div>
        <div class="field">
            <label for="article-summary">"Summary (also the description search engines show)"</label>
            <textarea id="article-summary" rows="2" maxlength=SUMMARY_MAX aria-describedby="article-summary-error"
                prop:value=move || draft.with(|d| d.summary.clone()) on:input=set(|d, v| d.summary = v)></textarea>
            <p class="field-error" id="article-summary-error">{field("summary")}</p>
        </div>
        <HeroField draft errors/>
        <SeoFields prefix="article"
            title=Signal::derive(move || draft.with(|d| d.seo_title.clone()))
            on_title=Callback::new(move |v| draft.update(|d| d.seo_title = v))
            description=Signal::derive(move || draft.with(|d| d.seo_description.clone()))
            on_description=Callback::new(move |v| draft.update(|d| d.seo_description = v))
            title_error=Signal::derive(field("seo_title"))
            description_error=Signal::derive(field("seo_description"))/>
        <div class="field">
            <label for="article-body">"Text (Markdown)"</label>
            <p class="field-hint" id="article-body-hint">"Blank line between paragraphs; ## for a heading; 1. for a numbered list; **bold**."</p>
            <textarea id="article-body" rows="16" maxlength=BODY_MAX aria-describedby="article-body-hint article-body-error"
                aria-invalid=invalid("body_md")
                prop:value=move || draft.with(|d| d.body_md.clone()) on:input=set(|d, v| d.body_md = v)></textarea>
            <p class="field-error" id="article-body-error">{field("body_md")}</p>
        </div>
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
            <button class="button" type="submit" aria-disabled=move || ed.busy.get().to_string()>"Save draft"</button>
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
