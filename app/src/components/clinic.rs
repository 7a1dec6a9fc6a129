use super::{page_resource, PageResource};
use crate::api::content::get_clinic;
use crate::domain::{ClinicInfo, Locale};
use leptos::prelude::*;

/// The clinic's facts, with the shell's words in the language of the
/// address shown, loaded once per visit and shared by every component;
/// fetched again only when a navigation changes the language.
#[derive(Clone, Copy)]
pub struct ClinicContext(pub PageResource<ClinicInfo>);

impl ClinicContext {
    fn new() -> Self {
        let location = leptos_router::hooks::use_location();
        let locale = Memo::new(move |_| location.pathname.with(|path| Locale::of_path(path)));
        Self(page_resource(move || locale.get(), get_clinic))
    }
}

/// Provides the clinic's facts to `children`: inside the router, whose
/// address names the language.
#[component]
pub fn ClinicProvider(children: Children) -> impl IntoView {
    provide_context(ClinicContext::new());
    children()
}

pub fn use_clinic() -> PageResource<ClinicInfo> {
    // `ClinicProvider` provides it before any component that calls this.
    use_context::<ClinicContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| ClinicContext::new().0)
}
