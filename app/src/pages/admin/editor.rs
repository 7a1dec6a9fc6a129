use super::article_delete::DeleteArticle;
use super::article_preview::ArticlePreview;
use super::hero_field::HeroField;
use super::kept_draft::{keep_unsaved, storage_key, UnsavedChanges};
use super::seo_fields::SeoFields;
use crate::api::admin::articles::{
    article_revision, open_article, preview_article, save_article, set_article_state,
};
use crate::api::ApiError;
use crate::components::browser::{
    local_storage_set, local_to_utc, replace_url, warn_before_leaving,
};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::article_admin::{ArticleState, EditedArticle};
use crate::domain::article_draft::{ArticleDraft, DraftErrors, BODY_MAX, SUMMARY_MAX, TITLE_MAX};
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

fn editor(article: Option<EditedArticle>) -> impl IntoView {
    let id = RwSignal::new(article.as_ref().map(|a| a.id));
    let version = RwSignal::new(article.as_ref().map_or(0, |a| a.version));
    let state = RwSignal::new(article.as_ref().map_or(ArticleState::Draft, |a| a.state));
    let when = RwSignal::new(article.as_ref().and_then(|a| a.when.clone()));
    let saved = article
        .as_ref()
        .map(|a| a.draft.clone())
        .unwrap_or_default();
    let revisions = article
        .as_ref()
        .map(|a| a.revisions.clone())
        .unwrap_or_default();
    let draft = RwSignal::new(saved.clone());
    let last_saved = RwSignal::new(saved);
    let dirty = Memo::new(move |_| draft.get() != last_saved.get());
    let errors = RwSignal::new(DraftErrors::default());
    let notice = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let schedule_at = RwSignal::new(String::new());

    // Unsaved text survives a closed tab or a failed save.
    let left_before = keep_unsaved(id, draft, dirty);
    warn_before_leaving(dirty);

    let field = move |name: &'static str| move || errors.with(|e| e.get(name).map(str::to_owned));
    let set = move |f: fn(&mut ArticleDraft, String)| {
        move |ev| draft.update(|d| f(d, event_target_value(&ev)))
    };
    let fail = move |e: ApiError| {
        match e {
            ApiError::InvalidDraft(found) => errors.set(found),
            other => notice.set(Some(other.to_string())),
        }
        busy.set(false);
    };
    let save = move |then: Option<(&'static str, Option<String>)>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        errors.set(DraftErrors::default());
        notice.set(None);
        let current = draft.get_untracked();
        spawn_local(async move {
            match save_article(id.get_untracked(), version.get_untracked(), current.clone()).await {
                Ok((new_id, new_version)) => {
                    local_storage_set(&storage_key(id.get_untracked()), None);
                    let created = id.get_untracked().is_none();
                    id.set(Some(new_id));
                    version.set(new_version);
                    last_saved.set(current);
                    let mut message = "Saved.".to_owned();
                    if let Some((new_state, at)) = then {
                        match set_article_state(new_id, new_state.to_owned(), at).await {
                            Ok(()) => {
                                state.set(
                                    ArticleState::parse(new_state).unwrap_or(ArticleState::Draft),
                                );
                                message = match new_state {
                                    "published" => {
                                        "Saved and published: it is on the public site now."
                                            .to_owned()
                                    }
                                    "scheduled" => "Saved and scheduled.".to_owned(),
                                    _ => "Saved and taken off the public site.".to_owned(),
                                };
                            }
                            Err(e) => return fail(e),
                        }
                    }
                    notice.set(Some(message));
                    busy.set(false);
                    if created {
                        // Give the new article its own address without rebuilding the editor.
                        replace_url(&routes::admin_article(new_id));
                    }
                }
                Err(e) => fail(e),
            }
        });
    };
    let show_preview = move |_| {
        let body = draft.get_untracked().body_md;
        spawn_local(async move {
            match preview_article(body).await {
                Ok(html) => preview.set(Some(html)),
                Err(e) => notice.set(Some(e.to_string())),
            }
        });
    };
    let restore = move |version_no: i64| {
        let Some(article) = id.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match article_revision(article, version_no).await {
                Ok(old) => {
                    draft.set(old);
                    notice.set(Some(format!(
                        "Version {version_no} is in the editor. Save to keep it."
                    )));
                }
                Err(e) => notice.set(Some(e.to_string())),
            }
        });
    };
    let status_line = move || {
        let s = state.get();
        match (s, when.get()) {
            (ArticleState::Draft, _) | (_, None) => s.label().to_owned(),
            (_, Some(at)) => format!("{} ({at})", s.label()),
        }
    };

    view! {
        <h1>{move || if id.get().is_some() { "Edit article" } else { "New article" }}</h1>
        <p>"Status: " <strong>{status_line}</strong> {move || dirty.get().then_some(" · unsaved changes")}</p>
        <UnsavedChanges left_before draft/>
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); save(None); }>
            <div class="field">
                <label for="article-title">"Title"</label>
                <input id="article-title" type="text" maxlength=TITLE_MAX autocomplete="off"
                    aria-describedby="article-title-error" aria-invalid=move || field("title")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.title.clone()) on:input=set(|d, v| d.title = v)/>
                <p class="field-error" id="article-title-error">{field("title")}</p>
            </div>
            <div class="field">
                <label for="article-slug">"Address"</label>
                <p class="field-hint" id="article-slug-hint">"/articles/… — leave empty to make it from the title. Lowercase letters, digits and hyphens."</p>
                <input id="article-slug" type="text" autocomplete="off" aria-describedby="article-slug-hint article-slug-error"
                    aria-invalid=move || field("slug")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.slug.clone()) on:input=set(|d, v| d.slug = v)/>
                <p class="field-error" id="article-slug-error">{field("slug")}</p>
            </div>
            <div class="field">
                <label for="article-category">"Category"</label>
                <input id="article-category" type="text" autocomplete="off" aria-describedby="article-category-error"
                    aria-invalid=move || field("category")().is_some().to_string()
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
                    aria-invalid=move || field("body_md")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.body_md.clone()) on:input=set(|d, v| d.body_md = v)></textarea>
                <p class="field-error" id="article-body-error">{field("body_md")}</p>
            </div>
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>"Save draft"</button>
                <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
                <button class="button" type="button" on:click=move |_| save(Some(("published", None)))>"Publish now"</button>
                {move || (state.get() != ArticleState::Draft).then(|| view! {
                    <button class="button button-secondary" type="button" on:click=move |_| save(Some(("draft", None)))>"Unpublish"</button>
                })}
            </p>
            <div class="field inline-form">
                <div class="field">
                    <label for="article-schedule">"Publish later (your local time)"</label>
                    <input id="article-schedule" type="datetime-local" on:input=move |ev| schedule_at.set(event_target_value(&ev))/>
                </div>
                <button class="button button-secondary" type="button" on:click=move |_| {
                    save(Some(("scheduled", local_to_utc(&schedule_at.get_untracked()))))
                }>"Schedule"</button>
            </div>
        </form>
        <ArticlePreview draft html=preview/>
        {(!revisions.is_empty()).then(|| view! {
            <h2>"Saved versions"</h2>
            <ul class="plain">
                {revisions.into_iter().map(|(v, at, by)| view! {
                    <li>"Version " {v} ", " {at} " by " {by} " "
                        <button class="button button-secondary" type="button" on:click=move |_| restore(v)>
                            "Put version " {v} " in the editor"
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <DeleteArticle id draft last_saved notice/>
    }
}
