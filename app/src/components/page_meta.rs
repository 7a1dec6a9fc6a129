use super::use_clinic;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The page's `<title>` ("Page | Clinic") and meta description.
/// `title: None` is the home page: the clinic's name leads.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Option<String>,
    #[prop(into)] description: String,
) -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <Meta name="description" content=description/>
        <Suspense>
            {move || {
                let title = title.clone();
                Suspend::new(async move {
                    let name = clinic.await.map(|c| c.name).unwrap_or_default();
                    let text = match title {
                        Some(title) if name.is_empty() => title,
                        Some(title) => format!("{title} | {name}"),
                        None => name,
                    };
                    view! { <Title text=text/> }
                })
            }}
        </Suspense>
    }
}
