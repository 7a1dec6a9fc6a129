//! The clinic's content as first installed. It is compiled into the binary,
//! so a fresh machine needs nothing but the binary to show the real site.

use super::content::articles::{self, NewArticle};
use super::content::clinic::{self, ClinicTranslation};
use super::content::services::{self, NewService, ServiceTranslation};
use super::content::Timestamp;
use super::db::{self, Db};
use super::front_matter::Document;
use crate::domain::article_admin::ArticleState;
use crate::domain::{ClinicInfo, Locale, Phone, Slug, SocialLink};
use anyhow::Context;
use serde::Deserialize;

pub mod schedule;

const CLINIC: &str = include_str!("seed/clinic.toml");

/// Each service's page: its English file (with its Spanish name, address
/// and summary) and its Spanish text.
const SERVICES: [(&str, &str, &str); 5] = [
    (
        "chiropractic.md",
        include_str!("seed/services/chiropractic.md"),
        include_str!("seed/services/es/chiropractic.md"),
    ),
    (
        "physical-therapy.md",
        include_str!("seed/services/physical-therapy.md"),
        include_str!("seed/services/es/physical-therapy.md"),
    ),
    (
        "occupational-therapy.md",
        include_str!("seed/services/occupational-therapy.md"),
        include_str!("seed/services/es/occupational-therapy.md"),
    ),
    (
        "scoliosis-treatments.md",
        include_str!("seed/services/scoliosis-treatments.md"),
        include_str!("seed/services/es/scoliosis-treatments.md"),
    ),
    (
        "acupuncture.md",
        include_str!("seed/services/acupuncture.md"),
        include_str!("seed/services/es/acupuncture.md"),
    ),
];

const ARTICLES: [(&str, &str); 1] = [(
    "5-ways-that-acupuncture-helps-with-low-back-pain.md",
    include_str!("seed/articles/5-ways-that-acupuncture-helps-with-low-back-pain.md"),
)];

#[derive(Deserialize)]
struct ClinicSeed {
    name: String,
    tagline: String,
    description: String,
    about: String,
    area_served: String,
    phone: String,
    email: String,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    hours: Vec<String>,
    #[serde(default)]
    social: Vec<SocialSeed>,
    #[serde(default)]
    specialties: Vec<String>,
    /// The facts patients read, in Spanish.
    es: ClinicSeedText,
}

#[derive(Deserialize)]
struct ClinicSeedText {
    tagline: String,
    description: String,
    about: String,
    area_served: String,
    #[serde(default)]
    hours: Vec<String>,
}

#[derive(Deserialize)]
struct SocialSeed {
    label: String,
    url: String,
}

/// Seeds an empty database; leaves one that has content untouched.
/// Returns whether it seeded.
#[tracing::instrument(skip_all)]
pub async fn seed_if_empty(db: &Db) -> anyhow::Result<bool> {
    let seeded = db::clinic::exists(db)
        .await
        .context("checking whether the database is seeded")?;
    if seeded {
        return Ok(false);
    }
    clinic::save(db, &clinic_info()?)
        .await
        .context("seeding the clinic's facts")?;
    clinic::save_translation(db, &clinic_in_spanish()?)
        .await
        .context("seeding the clinic's facts in Spanish")?;
    for (service, spanish) in services()? {
        services::insert(db, &service)
            .await
            .context("seeding a service")?;
        services::save_translation(db, &service.slug, &spanish)
            .await
            .context("seeding a service in Spanish")?;
    }
    for article in articles()? {
        articles::insert(db, &article)
            .await
            .context("seeding an article")?;
    }
    tracing::info!("seeded the clinic's content into an empty database");
    Ok(true)
}

fn clinic_info() -> anyhow::Result<ClinicInfo> {
    let seed: ClinicSeed = toml::from_str(CLINIC).context("seed/clinic.toml")?;
    Ok(ClinicInfo {
        name: seed.name,
        tagline: seed.tagline,
        description: seed.description,
        about: seed.about,
        area_served: seed.area_served,
        phone: Phone::parse(&seed.phone).context("seed/clinic.toml phone")?,
        email: seed.email,
        address: seed.address,
        hours: seed.hours,
        specialties: seed.specialties,
        base_url: String::new(),
        services: Vec::new(),
        text: Default::default(),
        social: seed
            .social
            .into_iter()
            .map(|s| SocialLink {
                label: s.label,
                url: s.url,
            })
            .collect(),
    })
}

fn clinic_in_spanish() -> anyhow::Result<ClinicTranslation> {
    let seed: ClinicSeed = toml::from_str(CLINIC).context("seed/clinic.toml")?;
    Ok(ClinicTranslation {
        locale: Locale::Es,
        tagline: seed.es.tagline,
        description: seed.es.description,
        about: seed.es.about,
        area_served: seed.es.area_served,
        hours: seed.es.hours,
    })
}

/// Each service, and its page in Spanish.
fn services() -> anyhow::Result<Vec<(NewService, ServiceTranslation)>> {
    SERVICES
        .iter()
        .map(|(name, text, spanish_text)| {
            let doc = Document::parse(name, text)?;
            let spanish = ServiceTranslation {
                locale: Locale::Es,
                slug: Slug::parse(doc.get("slug_es")?)
                    .with_context(|| format!("{name}: slug_es"))?,
                name: doc.get("title_es")?.to_owned(),
                summary: doc.get("summary_es")?.to_owned(),
                body_md: spanish_text.trim().to_owned(),
            };
            let english = NewService {
                slug: Slug::parse(doc.get("slug")?).with_context(|| format!("{name}: slug"))?,
                name: doc.get("title")?.to_owned(),
                summary: doc.get("summary")?.to_owned(),
                body_md: doc.body.to_owned(),
                position: doc
                    .get("position")?
                    .parse()
                    .with_context(|| format!("{name}: position"))?,
            };
            Ok((english, spanish))
        })
        .collect()
}

fn articles() -> anyhow::Result<Vec<NewArticle>> {
    ARTICLES
        .iter()
        .map(|(name, text)| {
            let doc = Document::parse(name, text)?;
            Ok(NewArticle {
                wordpress_id: None,
                slug: Slug::parse(doc.get("slug")?).with_context(|| format!("{name}: slug"))?,
                title: doc.get("title")?.to_owned(),
                category: doc.get("category")?.to_owned(),
                summary: doc.optional("summary").map(str::to_owned),
                body_md: doc.body.to_owned(),
                // The clinic's own article has alt text but no image file survived:
                // a hero is shown only when both exist.
                hero: None,
                status: ArticleState::Published,
                published_at: Some(Timestamp::parse_date(doc.get("published")?)?),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_file_parses() -> anyhow::Result<()> {
        let clinic = clinic_info()?;
        assert_eq!(clinic.phone.tel_href(), "tel:+17323451377");
        let services = services()?;
        let names: Vec<_> = services.iter().map(|(s, _)| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Chiropractic",
                "Physical Therapy",
                "Occupational Therapy",
                "Scoliosis Treatments",
                "Acupuncture"
            ]
        );
        let spanish: Vec<_> = services.iter().map(|(_, t)| t.slug.as_str()).collect();
        assert_eq!(
            spanish,
            [
                "quiropractica",
                "fisioterapia",
                "terapia-ocupacional",
                "tratamientos-de-escoliosis",
                "acupuntura"
            ]
        );
        assert_eq!(clinic_in_spanish()?.area_served, "Condado de Monmouth, NJ");
        let articles = articles()?;
        assert_eq!(
            articles[0].title,
            "5 Ways that Acupuncture Helps with Low Back Pain"
        );
        assert!(articles[0]
            .body_md
            .starts_with("Acupuncture has long been recognized"));
        Ok(())
    }
}
