use super::article_preview::render_preview;
use super::language_tabs::{language_tabs, panel_id, tab_id};
use super::seo_fields::SeoFields;
use crate::api::admin::services::{
    admin_services, open_service, save_service, save_service_translation,
};
use crate::api::ApiError;
use crate::components::browser::warn_before_leaving;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::article_draft::{DraftErrors, BODY_MAX, SUMMARY_MAX};
use crate::domain::service_draft::{EditedService, ServiceDraft, TranslationDraft, NAME_MAX};
use crate::domain::{Locale, Slug, Translation};
use crate::routes;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The service pages, in the order patients see them.
#[component]
pub fn AdminServices() -> impl IntoView {
    let services = Resource::new(|| (), |()| admin_services());
    view! {
        <PageMeta title=Some("Services".to_owned()) description="The clinic's service pages."/>
        <h1>"Services"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(services.await, |services| view! {
                    <ul class="plain service-rows">
                        {services.into_iter().map(|s| view! {
                            <li>
                                <a href=routes::admin_service(&s.slug)>{s.name}</a>
                                " — " <span class="field-hint">{routes::service(&s.slug)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}

/// Editing one service page: its name, summary and text, with a preview.
#[component]
pub fn AdminServiceEditor() -> impl IntoView {
    let slug = routes::use_slug();
    let service = Resource::new(
        move || slug.get(),
        |slug| async move {
            match Slug::parse(&slug) {
                Ok(slug) => open_service(slug).await,
                Err(_) => Err(ApiError::NotFound),
            }
        },
    );
    view! {
        <PageMeta title=Some("Edit service".to_owned()) description="Edit a service page."/>
        <p><a href=routes::ADMIN_SERVICES>"← All services"</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { show_loaded(service.await, service_editor) })}
        </Suspense>
    }
}

fn service_editor(service: EditedService) -> impl IntoView {
    let translations = service.translations.clone();
    let slug = service.slug.clone();
    let version = RwSignal::new(service.version);
    let draft = RwSignal::new(service.draft.clone());
    let last_saved = RwSignal::new(service.draft);
    let dirty = Memo::new(move |_| draft.get() != last_saved.get());
    let errors = RwSignal::new(DraftErrors::default());
    let notice = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    warn_before_leaving(dirty);

    let field = move |name: &'static str| move || errors.with(|e| e.get(name).map(str::to_owned));
    let set = move |f: fn(&mut ServiceDraft, String)| {
        move |ev| draft.update(|d| f(d, event_target_value(&ev)))
    };
    let public_address = routes::service(&slug);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        errors.set(DraftErrors::default());
        notice.set(None);
        let current = draft.get_untracked();
        let slug = slug.clone();
        spawn_local(async move {
            match save_service(slug, version.get_untracked(), current.clone()).await {
                Ok(new_version) => {
                    version.set(new_version);
                    last_saved.set(current);
                    notice.set(Some("Saved: the public page shows it now.".to_owned()));
                }
                Err(ApiError::InvalidDraft(found)) => errors.set(found),
                Err(e) => notice.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let show_preview = move |_| render_preview(draft.get_untracked().body_md, preview, notice);

    let tab = RwSignal::new(Locale::En);
    view! {
        <h1>"Edit service: " {move || draft.with(|d| d.name.clone())}</h1>
        {language_tabs(tab)}
        <div role="tabpanel" id=panel_id(Locale::En) aria-labelledby=tab_id(Locale::En) hidden=move || tab.get() != Locale::En>
        <p>"Public address: " <a href=public_address.clone()>{public_address.clone()}</a>
            {move || dirty.get().then_some(" · unsaved changes")}</p>
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=save>
            <div class="field">
                <label for="service-name">"Name"</label>
                <input id="service-name" type="text" maxlength=NAME_MAX autocomplete="off"
                    aria-describedby="service-name-error" aria-invalid=move || field("name")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.name.clone()) on:input=set(|d, v| d.name = v)/>
                <p class="field-error" id="service-name-error">{field("name")}</p>
            </div>
            <div class="field">
                <label for="service-summary">"Summary (the services list and search results show it)"</label>
                <textarea id="service-summary" rows="2" maxlength=SUMMARY_MAX aria-describedby="service-summary-error"
                    aria-invalid=move || field("summary")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.summary.clone()) on:input=set(|d, v| d.summary = v)></textarea>
                <p class="field-error" id="service-summary-error">{field("summary")}</p>
            </div>
            <div class="field">
                <label for="service-body">"Text (Markdown)"</label>
                <p class="field-hint" id="service-body-hint">"Blank line between paragraphs; ## for a heading; - for a list; **bold**."</p>
                <textarea id="service-body" rows="16" maxlength=BODY_MAX aria-describedby="service-body-hint service-body-error"
                    aria-invalid=move || field("body_md")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.body_md.clone()) on:input=set(|d, v| d.body_md = v)></textarea>
                <p class="field-error" id="service-body-error">{field("body_md")}</p>
            </div>
            <SeoFields prefix="service"
                title=Signal::derive(move || draft.with(|d| d.seo_title.clone()))
                on_title=Callback::new(move |v| draft.update(|d| d.seo_title = v))
                description=Signal::derive(move || draft.with(|d| d.seo_description.clone()))
                on_description=Callback::new(move |v| draft.update(|d| d.seo_description = v))
                title_error=Signal::derive(field("seo_title"))
                description_error=Signal::derive(field("seo_description"))/>
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>"Save"</button>
                <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
            </p>
        </form>
        {move || preview.get().map(|html| view! {
            <section class="preview" aria-labelledby="preview-title">
                <h2 id="preview-title">"Preview"</h2>
                <article class="article">
                    <h1>{draft.with(|d| d.name.clone())}</h1>
                    <div class="prose" inner_html=html></div>
                </article>
            </section>
        })}
        </div>
        {translations.into_iter().map(|saved| {
            let locale = saved.locale;
            view! {
                <div role="tabpanel" id=panel_id(locale) aria-labelledby=tab_id(locale) hidden=move || tab.get() != locale>
                    {translation_editor(service.slug.clone(), saved)}
                </div>
            }
        }).collect_view()}
    }
}

/// The page in another language: its own address, name, summary and,
/// optionally, text (without it patients read the English text with a
/// note), with the same preview as the English page.
fn translation_editor(slug: Slug, saved: Translation<TranslationDraft>) -> impl IntoView {
    let locale = saved.locale;
    let version = RwSignal::new(saved.version);
    let saved = saved.fields;
    let draft = RwSignal::new(saved.clone());
    let last_saved = RwSignal::new(saved);
    let dirty = Memo::new(move |_| draft.get() != last_saved.get());
    let errors = RwSignal::new(DraftErrors::default());
    let notice = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    warn_before_leaving(dirty);
    let field = move |name: &'static str| move || errors.with(|e| e.get(name).map(str::to_owned));
    let set = move |f: fn(&mut TranslationDraft, String)| {
        move |ev| draft.update(|d| f(d, event_target_value(&ev)))
    };
    let code = locale.code();
    let address = move || {
        draft.with(|d| {
            Slug::parse(d.slug.trim())
                .ok()
                .map(|s| routes::Pages(locale).service(&s))
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        errors.set(DraftErrors::default());
        notice.set(None);
        let current = draft.get_untracked();
        let slug = slug.clone();
        spawn_local(async move {
            match save_service_translation(slug, locale, version.get_untracked(), current.clone())
                .await
            {
                Ok(new_version) => {
                    version.set(new_version);
                    last_saved.set(current);
                    notice.set(Some(format!(
                        "Saved: the {} page shows it now.",
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
    let id = move |name: &str| format!("service-{code}-{name}");
    // Labels name the language: both tabs' fields are in the page at once.
    let language = locale.english_name();
    view! {
        <p>"Public address: "
            {move || address().map(|a| view! { <a href=a.clone()>{a.clone()}</a> })}
            {move || dirty.get().then_some(" · unsaved changes")}</p>
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=save>
            <div class="field">
                <label for=id("slug")>"Address in " {language} " (after " {routes::Pages(locale).services()} "/)"</label>
                <input id=id("slug") type="text" autocomplete="off" aria-describedby=id("slug-error")
                    aria-invalid=move || field("slug")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.slug.clone()) on:input=set(|d, v| d.slug = v)/>
                <p class="field-error" id=id("slug-error")>{field("slug")}</p>
            </div>
            <div class="field">
                <label for=id("name")>"Name in " {language}</label>
                <input id=id("name") type="text" lang=code maxlength=NAME_MAX autocomplete="off" aria-describedby=id("name-error")
                    aria-invalid=move || field("name")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.name.clone()) on:input=set(|d, v| d.name = v)/>
                <p class="field-error" id=id("name-error")>{field("name")}</p>
            </div>
            <div class="field">
                <label for=id("summary")>"Summary in " {language} " (the services list and search results show it)"</label>
                <textarea id=id("summary") lang=code rows="2" maxlength=SUMMARY_MAX aria-describedby=id("summary-error")
                    aria-invalid=move || field("summary")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.summary.clone()) on:input=set(|d, v| d.summary = v)></textarea>
                <p class="field-error" id=id("summary-error")>{field("summary")}</p>
            </div>
            <div class="field">
                <label for=id("body")>"Text in " {language} " (Markdown, optional)"</label>
                <p class="field-hint" id=id("body-hint")>{format!("Left empty, the {language} page shows the English text with a note saying so.")}</p>
                <textarea id=id("body") lang=code rows="16" maxlength=BODY_MAX aria-describedby=format!("{} {}", id("body-hint"), id("body-error"))
                    aria-invalid=move || field("body_md")().is_some().to_string()
                    prop:value=move || draft.with(|d| d.body_md.clone()) on:input=set(|d, v| d.body_md = v)></textarea>
                <p class="field-error" id=id("body-error")>{field("body_md")}</p>
            </div>
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>{format!("Save {language}")}</button>
                <button class="button button-secondary" type="button" on:click=show_preview>"Preview"</button>
            </p>
        </form>
        {move || preview.get().map(|html| view! {
            <section class="preview" aria-labelledby=id("preview-title") lang=code>
                <h2 id=id("preview-title") lang="en">"Preview"</h2>
                <article class="article">
                    <h1>{draft.with(|d| d.name.clone())}</h1>
                    <div class="prose" inner_html=html></div>
                </article>
            </section>
        })}
    }
}
