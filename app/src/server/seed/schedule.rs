//! The schedule's starting point (`schedule.toml`): written once, when a
//! database has no appointment types and no practitioners yet, so an
//! existing site gets it on its first start after the upgrade and staff's
//! own schedule is never written over.

use crate::server::db::{self, Db};
use anyhow::Context;
use serde::Deserialize;

const SCHEDULE: &str = include_str!("schedule.toml");

#[derive(Deserialize)]
struct ScheduleSeed {
    types: Vec<TypeSeed>,
    practitioners: Vec<PractitionerSeed>,
}

#[derive(Deserialize)]
struct TypeSeed {
    service: String,
    name: String,
    es: String,
    minutes: i64,
    #[serde(default)]
    after: i64,
    #[serde(default = "both")]
    patients: String,
    #[serde(default = "instant")]
    mode: String,
}

fn both() -> String {
    "both".into()
}

fn instant() -> String {
    "instant".into()
}

#[derive(Deserialize)]
struct PractitionerSeed {
    name: String,
    bio: String,
    services: Vec<String>,
    languages: Vec<String>,
}

/// Monday to Friday, 9:00 to 12:00 and 13:00 to 17:00 (minutes after midnight).
const WEEKDAY_HOURS: [(i64, i64); 2] = [(9 * 60, 12 * 60), (13 * 60, 17 * 60)];

/// Writes the schedule's starting point if the database has none; says
/// whether it did.
pub async fn seed_if_empty(db: &Db) -> anyhow::Result<bool> {
    if !db::appointments::schedule_is_empty(db).await? {
        return Ok(false);
    }
    let seed: ScheduleSeed = toml::from_str(SCHEDULE).context("seed/schedule.toml")?;
    let types: Vec<db::appointments::SeedType<'_>> = seed
        .types
        .iter()
        .map(|t| db::appointments::SeedType {
            service: &t.service,
            name: &t.name,
            translations: vec![("es", t.es.as_str())],
            minutes: t.minutes,
            after: t.after,
            patients: &t.patients,
            mode: &t.mode,
        })
        .collect();
    let hours: Vec<(i64, i64, i64)> = (0..5)
        .flat_map(|day| WEEKDAY_HOURS.map(|(from, to)| (day, from, to)))
        .collect();
    let practitioners: Vec<db::appointments::SeedPractitioner<'_>> = seed
        .practitioners
        .iter()
        .map(|p| db::appointments::SeedPractitioner {
            name: &p.name,
            bio: &p.bio,
            services: p.services.iter().map(String::as_str).collect(),
            languages: p.languages.join(","),
            hours: hours.clone(),
        })
        .collect();
    db::appointments::seed(db, &types, &practitioners)
        .await
        .context("seeding the schedule")?;
    tracing::info!("seeded the schedule's starting point");
    Ok(true)
}
