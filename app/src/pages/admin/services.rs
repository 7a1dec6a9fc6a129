use super::article_preview::render_preview;
use super::draft_form::{text_field, DraftForm, TextField};
use super::language_tabs::{language_tabs, panel_id, tab_id};
use super::seo_fields::SeoFields;
use super::translation_editor::translation_editor;
use crate::api::admin::services::{
    admin_services, open_service, save_service, save_service_translation,
};
use crate::api::ApiError;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::service_draft::{EditedService, ServiceDraft, NAME_MAX};
use crate::domain::{Field, Locale, Slug, Translated};
use crate::routes;
use leptos::prelude::*;

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

/// The English page's name, summary and text.
fn service_fields() -> [TextField<ServiceDraft>; 3] {
    let name = TextField::line(
        "service-name",
        "Name",
        Field::Name,
        |d: &ServiceDraft| d.name.clone(),
        |d, v| d.name = v,
    )
    .max(NAME_MAX);
    let summary = TextField::summary(
        "service-summary",
        "Summary (the services list and search results show it)",
        |d: &ServiceDraft| d.summary.clone(),
        |d, v| d.summary = v,
    );
    let body = TextField::markdown(
        "service-body",
        "Text (Markdown)",
        |d: &ServiceDraft| d.body_md.clone(),
        |d, v| d.body_md = v,
    )
    .hint("Blank line between paragraphs; ## for a heading; - for a list; **bold**.");
    [name, summary, body]
}

fn service_editor(service: EditedService) -> impl IntoView {
    let translations = service.translations.clone();
    let slug = service.slug.clone();
    let form = DraftForm::new(service.draft, service.version);
    let preview = RwSignal::new(None::<String>);
    let public_address = routes::service(&slug);
    let save = {
        let slug = slug.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let slug = slug.clone();
            form.submit(
                move |draft, version| save_service(slug, version, draft),
                "Saved: the public page shows it now.".to_owned(),
            );
        }
    };
    let show_preview =
        move |_| render_preview(form.draft.get_untracked().body_md, preview, form.notice);
    let draft = form.draft;
    let [name, summary, body] = service_fields();

    let tab = RwSignal::new(Locale::En);
    view! {
        <h1>"Edit service: " {move || draft.with(|d| d.name.clone())}</h1>
        {language_tabs(tab)}
        <div role="tabpanel" id=panel_id(Locale::En) aria-labelledby=tab_id(Locale::En) hidden=move || tab.get() != Locale::En>
        <p>"Public address: " <a href=public_address.clone()>{public_address.clone()}</a>
            {move || form.dirty.get().then_some(" · unsaved changes")}</p>
        {form.notice_view()}
        <form class="editor" on:submit=save>
            {text_field(form, name)}
            {text_field(form, summary)}
            {text_field(form, body)}
            <SeoFields prefix="service"
                title=Signal::derive(move || draft.with(|d| d.seo_title.clone()))
                on_title=Callback::new(move |v| draft.update(|d| d.seo_title = v))
                description=Signal::derive(move || draft.with(|d| d.seo_description.clone()))
                on_description=Callback::new(move |v| draft.update(|d| d.seo_description = v))
                title_error=Signal::derive(form.error(Field::SeoTitle))
                description_error=Signal::derive(form.error(Field::SeoDescription))/>
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>"Save"</button>
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
            let english = slug.clone();
            let send = {
                let slug = slug.clone();
                move |draft, version| save_service_translation(slug.clone(), locale, version, draft)
            };
            view! {
                <div role="tabpanel" id=panel_id(locale) aria-labelledby=tab_id(locale) hidden=move || tab.get() != locale>
                    {translation_editor(Translated::Service, english, saved, send)}
                </div>
            }
        }).collect_view()}
    }
}
