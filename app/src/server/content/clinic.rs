use crate::domain::{ClinicInfo, Locale, Phone, SocialLink};
use crate::server::db::{self, Db};
use crate::server::ServerError;

/// The clinic's facts as written (in English).
pub async fn get(db: &Db) -> Result<ClinicInfo, ServerError> {
    in_locale(db, Locale::En).await
}

/// The clinic's facts with their words in `locale` where written.
#[tracing::instrument(skip_all)]
pub async fn in_locale(db: &Db, locale: Locale) -> Result<ClinicInfo, ServerError> {
    let row = db::clinic::get(db, locale.code())
        .await?
        .ok_or_else(|| ServerError::Corrupt("the clinic row is missing".into()))?;
    let social = db::clinic::social_links(db)
        .await?
        .into_iter()
        .map(|row| SocialLink {
            label: row.label,
            url: row.url,
        })
        .collect();
    let phone =
        Phone::parse(&row.phone).map_err(|e| ServerError::Corrupt(format!("clinic phone: {e}")))?;
    Ok(ClinicInfo {
        name: row.name,
        tagline: row.tagline,
        description: row.description,
        about: row.about,
        area_served: row.area_served,
        phone,
        email: row.email,
        address: row.address.filter(|a| !a.trim().is_empty()),
        hours: lines(&row.hours),
        specialties: lines(&row.specialties),
        social,
        base_url: String::new(),
        services: Vec::new(),
        text: Default::default(),
    })
}

/// The facts with what pages need beside them, in `locale` where
/// translated: the services and the site's public address.
pub async fn for_pages(
    state: &crate::server::AppState,
    locale: Locale,
) -> Result<ClinicInfo, ServerError> {
    let mut info = in_locale(&state.db, locale).await?;
    info.services = super::services::list(&state.db, locale).await?;
    info.base_url.clone_from(&state.public_url);
    Ok(info)
}

/// The facts patients read, in another language.
pub struct ClinicTranslation {
    pub locale: Locale,
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub hours: Vec<String>,
}

/// Adds or replaces the facts in another language.
#[tracing::instrument(skip_all)]
pub async fn save_translation(db: &Db, t: &ClinicTranslation) -> Result<(), ServerError> {
    db::clinic::save_translation(
        db,
        t.locale.code(),
        &db::clinic::ClinicTranslationRow {
            tagline: t.tagline.clone(),
            description: t.description.clone(),
            about: t.about.clone(),
            area_served: t.area_served.clone(),
            hours: t.hours.join("\n"),
        },
    )
    .await
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Writes the clinic's facts (the single row) and its social links.
#[tracing::instrument(skip_all)]
pub async fn save(db: &Db, clinic: &ClinicInfo) -> Result<(), ServerError> {
    db::clinic::save(db, clinic).await
}
