use super::use_clinic;
use crate::domain::seo::{absolute, PageKind, PageSeo, ShareImage};
use crate::domain::{ClinicInfo, Locale};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// The page's head: `<title>` ("Page | Clinic"; `title: None` is the home
/// page, where the clinic's name leads) and meta description; for public
/// pages (`seo`), the canonical address, link-preview tags and the JSON-LD
/// graph. Pages without `seo` (admin, confirmations, errors) are `noindex`.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Option<String>,
    #[prop(into)] description: String,
    #[prop(optional)] seo: Option<PageSeo>,
) -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <Meta name="description" content=description.clone()/>
        <Suspense>
            {move || {
                let title = title.clone();
                let description = description.clone();
                let seo = seo.clone();
                Suspend::new(async move {
                    let clinic = clinic.await.ok();
                    let name = clinic.as_ref().map(|c| c.name.clone()).unwrap_or_default();
                    let (text, share_title) = match title {
                        Some(title) if name.is_empty() => (title.clone(), title),
                        Some(title) => (format!("{title} | {name}"), title),
                        None => (name.clone(), name),
                    };
                    let head = match (seo, clinic) {
                        (Some(seo), Some(clinic)) => {
                            public_head(&clinic, share_title, description, &seo).into_any()
                        }
                        (Some(_), None) => ().into_any(),
                        (None, _) => view! { <Meta name="robots" content="noindex"/> }.into_any(),
                    };
                    view! { <Title text=text/> {head} }
                })
            }}
        </Suspense>
    }
}

/// Canonical link, Open Graph and Twitter tags, and the JSON-LD graph.
fn public_head(
    clinic: &ClinicInfo,
    title: String,
    description: String,
    seo: &PageSeo,
) -> impl IntoView {
    let base = clinic.base_url.as_str();
    let url = absolute(base, &seo.path);
    let image = seo
        .image
        .clone()
        .unwrap_or_else(|| ShareImage::site_icon(&clinic.name));
    let card = if seo.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image_url = absolute(base, &image.path);
    let article = match &seo.kind {
        PageKind::Article {
            published,
            modified,
            section,
        } => Some(view! {
            <Meta property="article:published_time" content=published.clone()/>
            <Meta property="article:modified_time" content=modified.clone()/>
            <Meta property="article:section" content=section.clone()/>
        }),
        _ => None,
    };
    let og_type = if article.is_some() {
        "article"
    } else {
        "website"
    };
    let graph = structured_data(clinic, seo);
    // The page in each language, and English for every other language.
    let addresses = seo.addresses();
    let x_default = addresses
        .iter()
        .find(|(l, _)| *l == Locale::En)
        .map(|(_, path)| absolute(base, path));
    let locale = Locale::of_path(&seo.path);
    let alternates = addresses
        .into_iter()
        .map(|(l, path)| {
            let og = (l != locale)
                .then(|| view! { <Meta property="og:locale:alternate" content=og_locale(l)/> });
            view! { <Link rel="alternate" hreflang=l.code() href=absolute(base, &path)/> {og} }
        })
        .collect_view();
    view! {
        <Link rel="canonical" href=url.clone()/>
        {alternates}
        {x_default.map(|href| view! { <Link rel="alternate" hreflang="x-default" href=href/> })}
        <Meta property="og:type" content=og_type/>
        <Meta property="og:site_name" content=clinic.name.clone()/>
        <Meta property="og:locale" content=og_locale(locale)/>
        <Meta property="og:url" content=url/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:image" content=image_url.clone()/>
        <Meta property="og:image:width" content=image.width.to_string()/>
        <Meta property="og:image:height" content=image.height.to_string()/>
        <Meta property="og:image:alt" content=image.alt.clone()/>
        {article}
        <Meta name="twitter:card" content=card/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        <Meta name="twitter:image" content=image_url/>
        <Meta name="twitter:image:alt" content=image.alt/>
        <script type="application/ld+json" inner_html=graph></script>
    }
}

/// Open Graph's name for a language (the registry's).
fn og_locale(locale: Locale) -> &'static str {
    locale.spec().og
}

/// The JSON-LD graph, written by the server only. Hydration keeps the served
/// text (`inner_html` is not set again when hydrating), so the browser's
/// bundle needs no JSON builder. After client-side navigation the element is
/// empty: structured data is for crawlers, which load each page from the
/// server.
#[cfg(feature = "ssr")]
fn structured_data(clinic: &ClinicInfo, seo: &PageSeo) -> String {
    crate::server::json_ld::json_ld(clinic, seo)
}

#[cfg(not(feature = "ssr"))]
fn structured_data(_: &ClinicInfo, _: &PageSeo) -> String {
    String::new()
}
