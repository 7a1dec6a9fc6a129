//! The practitioners' editor as it opens: each practitioner as a draft,
//! time off and days with other hours from today on, and the rules.

use crate::domain::media::MediaKey;
use crate::domain::practitioner_draft::{
    hours_text, week_text, BookingRules, ChangedDay, EditedPractitioner, OtherBio,
    PractitionerDraft, PractitionerSetup, TimeOff,
};
use crate::domain::Locale;
use crate::server::content::clinic_zone;
use crate::server::db::appointments::{self, PractitionerRow};
use crate::server::db::Db;
use crate::server::ServerError;

/// Everything the practitioners' editor shows.
pub async fn practitioners(db: &Db) -> Result<PractitionerSetup, ServerError> {
    let practitioners = appointments::practitioners_for_editing(db)
        .await?
        .into_iter()
        .map(edited)
        .collect();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(clinic_zone().clone())
        .date()
        .to_string();
    let time_off = appointments::time_off_from(db, &today)
        .await?
        .into_iter()
        .map(|(id, who, first_day, last_day, note)| TimeOff {
            id,
            who,
            first_day,
            last_day,
            note,
        })
        .collect();
    let changed_days = changed_days(appointments::changed_days_from(db, &today).await?);
    let rules = appointments::rules(db).await?;
    Ok(PractitionerSetup {
        practitioners,
        services: appointments::services_by_slug(db).await?,
        time_off,
        changed_days,
        rules: BookingRules {
            notice_minutes: rules.min_notice_minutes,
            horizon_days: rules.horizon_days,
            cutoff_hours: rules.cancel_cutoff_hours,
            reminder_hours: rules.reminder_hours,
        },
    })
}

/// A stored practitioner as the editor's draft, with a bio field for each
/// other language.
fn edited(row: PractitionerRow) -> EditedPractitioner {
    let other_bios = Locale::En
        .others()
        .map(|locale| OtherBio {
            locale,
            bio: row
                .other_bios
                .iter()
                .find(|(code, _)| code == locale.code())
                .map(|(_, bio)| bio.clone())
                .unwrap_or_default(),
        })
        .collect();
    EditedPractitioner {
        id: Some(row.id),
        version: row.version,
        draft: PractitionerDraft {
            name: row.name,
            bio: row.bio,
            other_bios,
            photo: row.photo_key.and_then(|key| MediaKey::parse(&key).ok()),
            photo_alt: row.photo_alt,
            languages: row
                .languages
                .split(',')
                .filter_map(Locale::from_code)
                .collect(),
            hours: week_text(&row.week),
            active: row.active,
            services: row.services,
        },
    }
}

/// The changed days' ranges (in order), one entry a practitioner and day.
fn changed_days(rows: Vec<(i64, String, String, i64, i64, String)>) -> Vec<ChangedDay> {
    let mut days: Vec<ChangedDay> = Vec::new();
    for (practitioner, who, day, from, to, note) in rows {
        let range = hours_text(&[(from, to)]);
        match days.last_mut() {
            Some(last) if last.practitioner == practitioner && last.day == day => {
                last.hours = format!("{}, {range}", last.hours);
            }
            _ => days.push(ChangedDay {
                practitioner,
                who,
                day,
                hours: range,
                note,
            }),
        }
    }
    days
}
