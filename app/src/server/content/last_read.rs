//! What every page's frame and the consultation form are built from (the
//! clinic's facts, the services to choose from), as last read from the
//! database, per language: used only when the database cannot be reached,
//! so that a patient whose send could not be stored gets the form back
//! with everything typed, under its own header, instead of losing it.

use crate::domain::{ClinicInfo, Locale, ServiceSummary};
use crate::server::ServerError;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// One server's last reads, shared by its requests.
#[derive(Clone, Default)]
pub struct LastRead {
    clinic: Kept<ClinicInfo>,
    choices: Kept<Vec<ServiceSummary>>,
}

type Kept<T> = Arc<RwLock<HashMap<Locale, T>>>;

impl LastRead {
    /// `read`'s answer, kept; or, when the database is unavailable, the
    /// answer kept last time.
    pub async fn clinic(
        &self,
        locale: Locale,
        read: impl std::future::Future<Output = Result<ClinicInfo, ServerError>>,
    ) -> Result<ClinicInfo, ServerError> {
        or_kept(&self.clinic, locale, read.await)
    }

    /// The clinic's facts in `locale` as last read, if they were.
    pub fn kept_clinic(&self, locale: Locale) -> Option<ClinicInfo> {
        self.clinic.read().ok()?.get(&locale).cloned()
    }

    /// As [`Self::clinic`], for the form's service choices.
    pub async fn choices(
        &self,
        locale: Locale,
        read: impl std::future::Future<Output = Result<Vec<ServiceSummary>, ServerError>>,
    ) -> Result<Vec<ServiceSummary>, ServerError> {
        or_kept(&self.choices, locale, read.await)
    }
}

fn or_kept<T: Clone>(
    kept: &Kept<T>,
    locale: Locale,
    read: Result<T, ServerError>,
) -> Result<T, ServerError> {
    match read {
        Ok(value) => {
            if let Ok(mut kept) = kept.write() {
                kept.insert(locale, value.clone());
            }
            Ok(value)
        }
        Err(ServerError::Unavailable(e)) => kept
            .read()
            .ok()
            .and_then(|kept| kept.get(&locale).cloned())
            .ok_or(ServerError::Unavailable(e)),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unavailable() -> ServerError {
        ServerError::Unavailable(sqlx::Error::PoolTimedOut)
    }

    #[test]
    fn an_outage_is_answered_with_the_last_read_of_the_same_language_only() {
        let kept: Kept<u32> = Kept::default();
        assert!(matches!(
            or_kept(&kept, Locale::En, Err(unavailable())),
            Err(ServerError::Unavailable(_))
        ));
        assert_eq!(or_kept(&kept, Locale::En, Ok(1)).ok(), Some(1));
        assert_eq!(or_kept(&kept, Locale::En, Err(unavailable())).ok(), Some(1));
        assert!(or_kept(&kept, Locale::Es, Err(unavailable())).is_err());
        // Other failures are not hidden.
        assert!(matches!(
            or_kept(&kept, Locale::En, Err(ServerError::NotFound)),
            Err(ServerError::NotFound)
        ));
    }
}
