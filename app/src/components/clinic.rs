use super::{page_resource, PageResource};
use crate::api::content::get_clinic;
use crate::domain::ClinicInfo;
use leptos::prelude::*;

/// The clinic's facts, loaded once per visit and shared by every component.
#[derive(Clone, Copy)]
pub struct ClinicContext(pub PageResource<ClinicInfo>);

impl ClinicContext {
    pub fn provide() {
        provide_context(Self(page_resource(|| (), |()| get_clinic())));
    }
}

pub fn use_clinic() -> PageResource<ClinicInfo> {
    // `App` provides it before any component that calls this is built.
    use_context::<ClinicContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| page_resource(|| (), |()| get_clinic()))
}
