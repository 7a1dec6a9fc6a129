use crate::api::{content::get_clinic, ApiError};
use crate::domain::ClinicInfo;
use leptos::prelude::*;

/// The clinic's facts, loaded once per visit and shared by every component.
#[derive(Clone, Copy)]
pub struct ClinicContext(pub Resource<Result<ClinicInfo, ApiError>>);

impl ClinicContext {
    pub fn provide() {
        provide_context(Self(Resource::new(|| (), |()| get_clinic())));
    }
}

pub fn use_clinic() -> Resource<Result<ClinicInfo, ApiError>> {
    // `App` provides it before any component that calls this is built.
    use_context::<ClinicContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| Resource::new(|| (), |()| get_clinic()))
}
