//! The article categories' names in other languages: what the chips, the
//! list's heading and the search results say on those languages' pages.

use super::draft_form::{text_field, DraftForm, TextField};
use crate::api::admin::categories::{admin_categories, save_category_name};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::article_draft::CATEGORY_MAX;
use crate::domain::category_draft::{CategoryName, EditedCategory};
use crate::domain::{Field, Slug, Translation};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn AdminCategories() -> impl IntoView {
    let categories = Resource::new(|| (), |()| admin_categories());
    view! {
        <PageMeta title=Some("Categories".to_owned()) description="The article categories' names in each language."/>
        <h1>"Categories"</h1>
        <p>"A category is named in English where staff file an article under it. Its name in each other language is what that language's pages show; without one they show the English name."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(categories.await, |categories| view! {
                    <ul class="plain category-rows">
                        {categories.into_iter().map(category_row).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}

fn category_row(category: EditedCategory) -> impl IntoView {
    let EditedCategory {
        slug,
        name,
        translations,
    } = category;
    view! {
        <li>
            <h2>{name.clone()}</h2>
            <p class="field-hint">{routes::articles(Some(&slug), crate::domain::PageNumber::FIRST)}</p>
            {translations.into_iter().map(|saved| name_form(&slug, &name, saved)).collect_view()}
        </li>
    }
}

/// The category's name in one other language, saved on its own.
fn name_form(slug: &Slug, english: &str, saved: Translation<CategoryName>) -> impl IntoView {
    let locale = saved.locale;
    let language = locale.english_name();
    let form = DraftForm::new(saved.fields, saved.version);
    let field = TextField::line(
        format!("category-{slug}-{}-name", locale.code()),
        format!("{english} in {language}"),
        Field::Name,
        |d: &CategoryName| d.name.clone(),
        |d, v| d.name = v,
    )
    .max(CATEGORY_MAX)
    .lang(locale.code());
    let slug = slug.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = slug.clone();
        form.submit(
            move |name, version| save_category_name(slug, locale, version, name),
            format!("Saved: the {language} pages show it now."),
        );
    };
    view! {
        <form class="editor inline-form" on:submit=save>
            {text_field(form, field)}
            <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()
                aria-label=format!("Save the {language} name of {english}")>"Save"</button>
            {form.notice_view()}
        </form>
    }
}
