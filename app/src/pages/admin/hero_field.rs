use crate::components::browser::{chosen_file, upload};
use crate::domain::article_draft::{ArticleDraft, ALT_MAX};
use crate::domain::media::{MAX_UPLOAD_BYTES, MIN_WIDTH};
use crate::domain::{DraftErrors, Field};
use crate::routes;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The article's hero image: upload, replace or remove it, and say what it
/// shows (or that it is decorative). The upload happens at once; the
/// article keeps the image when it is saved.
#[component]
pub fn HeroField(draft: RwSignal<ArticleDraft>, errors: RwSignal<DraftErrors>) -> impl IntoView {
    let upload_error = RwSignal::new(None::<String>);
    let uploading = RwSignal::new(false);
    let has_image = move || draft.with(|d| d.hero.is_some());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        uploading.set(true);
        upload_error.set(None);
        spawn_local(async move {
            match upload(file, routes::ADMIN_MEDIA_UPLOAD).await {
                Ok(stored) => draft.update(|d| d.hero = Some(stored.key)),
                Err(message) => upload_error.set(Some(message)),
            }
            uploading.set(false);
        });
    };
    let image_error = move || {
        upload_error
            .get()
            .or_else(|| errors.with(|e| e.get(Field::Hero).map(str::to_owned)))
    };
    let alt_error = move || errors.with(|e| e.get(Field::HeroAlt).map(str::to_owned));
    let limit_mb = MAX_UPLOAD_BYTES / (1024 * 1024);

    view! {
        <fieldset class="field hero-field">
            <legend>"Image at the top " <span class="optional">"(optional)"</span></legend>
            {move || draft.with(|d| d.hero.clone()).map(|key| view! {
                <p class="hero-thumb">
                    <img src=key.thumbnail_url() alt="" width="240" height="135"/>
                    <button class="button button-secondary" type="button" on:click=move |_| draft.update(|d| {
                        d.hero = None;
                        d.hero_alt.clear();
                        d.hero_decorative = false;
                    })>"Remove image"</button>
                </p>
            })}
            <label for="article-hero-file">
                {move || if has_image() { "Replace the image" } else { "Choose an image" }}
            </label>
            <p class="field-hint" id="article-hero-hint">
                {format!("JPEG, PNG or WebP, at least {MIN_WIDTH} pixels wide, up to {limit_mb} MB. Location data in photos is removed.")}
            </p>
            <input id="article-hero-file" type="file" accept="image/jpeg,image/png,image/webp"
                aria-describedby="article-hero-hint article-hero-error"
                aria-invalid=move || image_error().is_some().to_string()
                on:change=on_change/>
            <p class="field-error" id="article-hero-error" role="alert">{image_error}</p>
            <p aria-live="polite" class="field-hint">{move || uploading.get().then_some("Uploading and resizing…")}</p>
            <div class="field" hidden=move || !has_image()>
                <label for="article-hero-alt">"What the image shows (for people who can't see it)"</label>
                <input id="article-hero-alt" type="text" maxlength=ALT_MAX autocomplete="off"
                    aria-describedby="article-hero-alt-error"
                    aria-invalid=move || alt_error().is_some().to_string()
                    disabled=move || draft.with(|d| d.hero_decorative)
                    prop:value=move || draft.with(|d| d.hero_alt.clone())
                    on:input=move |ev| draft.update(|d| d.hero_alt = event_target_value(&ev))/>
                <p class="field-error" id="article-hero-alt-error">{alt_error}</p>
            </div>
            <div class="field field-check" hidden=move || !has_image()>
                <input id="article-hero-decorative" type="checkbox"
                    prop:checked=move || draft.with(|d| d.hero_decorative)
                    on:change=move |ev| draft.update(|d| d.hero_decorative = event_target_checked(&ev))/>
                <label for="article-hero-decorative">
                    "Decorative: it shows nothing the text doesn't say, so screen readers skip it"
                </label>
            </div>
        </fieldset>
    }
}
