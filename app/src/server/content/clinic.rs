use crate::domain::{ClinicInfo, Phone, SocialLink};
use crate::server::ServerError;
use sqlx::SqlitePool;

#[derive(sqlx::FromRow)]
struct ClinicRow {
    name: String,
    tagline: String,
    description: String,
    about: String,
    area_served: String,
    phone: String,
    email: String,
    address: Option<String>,
    hours: String,
    specialties: String,
}

#[tracing::instrument(skip_all)]
pub async fn get(db: &SqlitePool) -> Result<ClinicInfo, ServerError> {
    let row: ClinicRow = sqlx::query_as(
        "SELECT name, tagline, description, about, area_served, phone, email, address, hours,
                specialties
         FROM clinic WHERE id = 1",
    )
    .fetch_optional(db)
    .await?
    .ok_or_else(|| ServerError::Corrupt("the clinic row is missing".into()))?;
    let social = sqlx::query_as::<_, (String, String)>(
        "SELECT label, url FROM social_links ORDER BY position, id",
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(label, url)| SocialLink { label, url })
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
    })
}

/// The facts with what pages need beside them: the services and the
/// site's public address.
pub async fn for_pages(state: &crate::server::AppState) -> Result<ClinicInfo, ServerError> {
    let mut info = get(&state.db).await?;
    info.services = super::services::list(&state.db).await?;
    info.base_url.clone_from(&state.public_url);
    Ok(info)
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
pub async fn save(db: &SqlitePool, clinic: &ClinicInfo) -> Result<(), ServerError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO clinic (id, name, tagline, description, about, area_served, phone, email, address,
           hours, specialties)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, tagline = excluded.tagline,
           description = excluded.description, about = excluded.about,
           area_served = excluded.area_served, phone = excluded.phone, email = excluded.email,
           address = excluded.address, hours = excluded.hours, specialties = excluded.specialties",
    )
    .bind(&clinic.name)
    .bind(&clinic.tagline)
    .bind(&clinic.description)
    .bind(&clinic.about)
    .bind(&clinic.area_served)
    .bind(clinic.phone.digits())
    .bind(&clinic.email)
    .bind(&clinic.address)
    .bind(clinic.hours.join("\n"))
    .bind(clinic.specialties.join("\n"))
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM social_links")
        .execute(&mut *tx)
        .await?;
    for (position, link) in (0_i64..).zip(&clinic.social) {
        sqlx::query("INSERT INTO social_links (label, url, position) VALUES (?, ?, ?)")
            .bind(&link.label)
            .bind(&link.url)
            .bind(position)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
