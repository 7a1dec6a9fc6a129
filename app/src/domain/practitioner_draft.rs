//! A practitioner as administrators edit them: a name, a short bio, an
//! optional photo with its alt text, the languages they see patients in,
//! the services they offer, whether patients may book them, and their usual
//! week written as a person would ("Monday 9:00-12:00, 13:00-17:00", one
//! day a line; a day not written is a day off). Validated here, on both
//! sides, before anything is saved.

use super::draft_errors::{DraftErrors, Field};
use super::media::MediaKey;
use super::Locale;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 120;
pub const BIO_MAX: usize = 600;
pub const PHOTO_ALT_MAX: usize = 200;

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The practitioner's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A field a form leaves out (an unticked box) is its empty value.
#[serde(default)]
pub struct PractitionerDraft {
    pub name: String,
    pub bio: String,
    /// The bio in the site's other languages (empty: the English one shows).
    pub other_bios: Vec<OtherBio>,
    /// A photo from the media library (uploaded first).
    pub photo: Option<MediaKey>,
    /// What the photo shows, for people who can't see it.
    pub photo_alt: String,
    /// The languages they see patients in.
    pub languages: Vec<Locale>,
    /// One day a line (see the module's note).
    pub hours: String,
    pub active: bool,
    /// The services' slugs.
    pub services: Vec<String>,
}

/// The bio in another language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherBio {
    pub locale: Locale,
    pub bio: String,
}

/// A practitioner that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPractitioner {
    pub name: String,
    pub bio: String,
    /// The bios written in other languages, each language once.
    pub other_bios: Vec<(Locale, String)>,
    /// The photo and its alt text.
    pub photo: Option<(MediaKey, String)>,
    /// In the registry's order, each once.
    pub languages: Vec<Locale>,
    /// (weekday, Monday 0; start and end minute of the day), in order.
    pub week: Vec<(i64, i64, i64)>,
    pub active: bool,
    pub services: Vec<String>,
}

/// A practitioner open in the editor (`id` `None`: a new one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedPractitioner {
    pub id: Option<i64>,
    pub version: i64,
    pub draft: PractitionerDraft,
}

/// The practitioners' editor: each practitioner, the services one may
/// offer (slug, name), time off and closures from today on, and the
/// clinic's booking rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PractitionerSetup {
    pub practitioners: Vec<EditedPractitioner>,
    pub services: Vec<(String, String)>,
    pub time_off: Vec<TimeOff>,
    pub changed_days: Vec<ChangedDay>,
    pub rules: BookingRules,
}

/// Days off for one practitioner, or a closure of the whole clinic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeOff {
    pub id: i64,
    /// The practitioner's name; `None`: the whole clinic.
    pub who: Option<String>,
    /// `YYYY-MM-DD`, both included.
    pub first_day: String,
    pub last_day: String,
    pub note: String,
}

/// Other hours than usual for one practitioner on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedDay {
    pub practitioner: i64,
    pub who: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// "9:00-12:00, 13:00-15:00".
    pub hours: String,
    pub note: String,
}

/// The clinic's booking rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingRules {
    /// No booking sooner than this many minutes from now.
    pub notice_minutes: i64,
    /// No booking further ahead than this many days.
    pub horizon_days: i64,
    /// Patients may move or cancel until this many hours before.
    pub cutoff_hours: i64,
    /// The reminder goes this many hours before (0: none).
    pub reminder_hours: i64,
}

impl BookingRules {
    /// What is wrong with these rules, in a sentence; `None` when they hold.
    pub fn problem(&self) -> Option<&'static str> {
        if !(0..=10_080).contains(&self.notice_minutes) {
            Some("The notice is between 0 minutes and a week (10080 minutes).")
        } else if !(1..=365).contains(&self.horizon_days) {
            Some("Patients can book between 1 and 365 days ahead.")
        } else if !(0..=720).contains(&self.cutoff_hours) {
            Some("The cutoff for changes is between 0 and 720 hours.")
        } else if !(0..=168).contains(&self.reminder_hours) {
            Some("The reminder goes between 0 (none) and 168 hours before.")
        } else {
            None
        }
    }
}

impl PractitionerDraft {
    /// The bio typed for `locale`.
    pub fn bio_in(&self, locale: Locale) -> String {
        self.other_bios
            .iter()
            .find(|b| b.locale == locale)
            .map(|b| b.bio.clone())
            .unwrap_or_default()
    }

    /// Sets the bio for `locale`.
    pub fn set_bio_in(&mut self, locale: Locale, bio: String) {
        match self.other_bios.iter_mut().find(|b| b.locale == locale) {
            Some(other) => other.bio = bio,
            None => self.other_bios.push(OtherBio { locale, bio }),
        }
    }

    /// The bios written in other languages, each under the limit.
    fn other_bios_checked(&self, errors: &mut DraftErrors) -> Vec<(Locale, String)> {
        let mut other_bios = Vec::new();
        for locale in Locale::En.others() {
            let bio = self.bio_in(locale);
            let bio = bio.trim();
            if bio.chars().count() > BIO_MAX {
                errors.add(
                    Field::OtherNames,
                    format!(
                        "Keep the {} bio under {BIO_MAX} characters.",
                        locale.english_name()
                    ),
                );
            } else if !bio.is_empty() {
                other_bios.push((locale, bio.to_owned()));
            }
        }
        other_bios
    }

    /// The photo with what it shows, which it needs.
    fn photo_checked(&self, errors: &mut DraftErrors) -> Option<(MediaKey, String)> {
        let alt = self.photo_alt.trim();
        match &self.photo {
            Some(_) if alt.is_empty() => {
                errors.add(
                    Field::PhotoAlt,
                    "Say what the photo shows, such as \"Dr. Rivera smiling, in a white coat\".",
                );
                None
            }
            Some(_) if alt.chars().count() > PHOTO_ALT_MAX => {
                errors.add(
                    Field::PhotoAlt,
                    format!("Keep the description under {PHOTO_ALT_MAX} characters."),
                );
                None
            }
            Some(key) => Some((key.clone(), alt.to_owned())),
            None => None,
        }
    }

    pub fn validate(&self) -> Result<ValidPractitioner, DraftErrors> {
        let mut errors = DraftErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add(
                Field::Name,
                "Write the practitioner's name as patients will see it.",
            );
        } else if name.chars().count() > NAME_MAX {
            errors.add(
                Field::Name,
                format!("Keep the name under {NAME_MAX} characters."),
            );
        }
        let bio = self.bio.trim();
        if bio.chars().count() > BIO_MAX {
            errors.add(
                Field::About,
                format!("Keep the bio under {BIO_MAX} characters."),
            );
        }
        let other_bios = self.other_bios_checked(&mut errors);
        let photo = self.photo_checked(&mut errors);
        let languages: Vec<Locale> = Locale::ALL
            .into_iter()
            .filter(|l| self.languages.contains(l))
            .collect();
        if languages.is_empty() {
            errors.add(
                Field::Languages,
                "Choose at least one language they see patients in.",
            );
        }
        let week = match parse_week(&self.hours) {
            Ok(week) => week,
            Err(message) => {
                errors.add(Field::Hours, message);
                Vec::new()
            }
        };
        if self.active && self.services.is_empty() {
            errors.add(
                Field::Specialties,
                "Choose at least one service, or make them not bookable.",
            );
        }
        errors.or_ok(|| ValidPractitioner {
            name: name.to_owned(),
            bio: bio.to_owned(),
            other_bios,
            photo,
            languages,
            week,
            active: self.active,
            services: self.services.clone(),
        })
    }
}

/// The week as the editor shows it: one line a working day.
pub fn week_text(week: &[(i64, i64, i64)]) -> String {
    let mut lines = Vec::new();
    for (weekday, name) in (0_i64..).zip(DAYS) {
        let ranges: Vec<String> = week
            .iter()
            .filter(|(d, _, _)| *d == weekday)
            .map(|(_, from, to)| format!("{}-{}", clock(*from), clock(*to)))
            .collect();
        if !ranges.is_empty() {
            lines.push(format!("{name} {}", ranges.join(", ")));
        }
    }
    lines.join("\n")
}

/// Reads the week (see the module's note); says what is wrong, by line.
fn parse_week(text: &str) -> Result<Vec<(i64, i64, i64)>, String> {
    let mut week: Vec<(i64, i64, i64)> = Vec::new();
    for (number, line) in (1..).zip(text.lines()) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let example = "such as \"Monday 9:00-12:00, 13:00-17:00\"";
        let (day, ranges) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("Line {number}: write a day and its hours, {example}."))?;
        let weekday = weekday(day).ok_or_else(|| {
            format!("Line {number}: \"{day}\" is not a day of the week; write it in English, {example}.")
        })?;
        if week.iter().any(|(d, _, _)| *d == weekday) {
            return Err(format!(
                "Line {number}: {} is written twice; give all its hours on one line.",
                DAYS[usize::try_from(weekday).unwrap_or(0)]
            ));
        }
        let day_ranges =
            parse_ranges(ranges, example).map_err(|problem| format!("Line {number}: {problem}"))?;
        week.extend(day_ranges.into_iter().map(|(from, to)| (weekday, from, to)));
    }
    week.sort_unstable();
    Ok(week)
}

/// One day's hours as written ("9:00-12:00, 13:00-15:00"): (start, end)
/// minutes after midnight, in order; or what is wrong, in a sentence.
pub fn day_hours(text: &str) -> Result<Vec<(i64, i64)>, String> {
    if text.trim().is_empty() {
        return Err("Write the day's hours, such as \"9:00-12:00, 13:00-15:00\"; for a day off, add time off instead.".into());
    }
    parse_ranges(text, "such as \"9:00-12:00, 13:00-15:00\"").map_err(|problem| {
        let mut chars = problem.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    })
}

/// Hours as text, "9:00-12:00, 13:00-15:00".
pub fn hours_text(ranges: &[(i64, i64)]) -> String {
    ranges
        .iter()
        .map(|(from, to)| format!("{}-{}", clock(*from), clock(*to)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn clock(minute: i64) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

/// Comma-separated ranges, each start-end; sorted, none overlapping.
fn parse_ranges(text: &str, example: &str) -> Result<Vec<(i64, i64)>, String> {
    let mut ranges = Vec::new();
    for range in text.split(',') {
        let (from, to) = range
            .trim()
            .split_once(['-', '–'])
            .ok_or_else(|| format!("write each range as start-end, {example}."))?;
        let (Some(from), Some(to)) = (minute(from), minute(to)) else {
            return Err(format!(
                "write times as hours:minutes on a 24-hour clock, {example}."
            ));
        };
        if from >= to {
            return Err("each range must end after it starts.".into());
        }
        ranges.push((from, to));
    }
    ranges.sort_unstable();
    if ranges.windows(2).any(|w| w[0].1 > w[1].0) {
        return Err("the ranges overlap.".into());
    }
    Ok(ranges)
}

fn weekday(word: &str) -> Option<i64> {
    let word = word.trim_end_matches(':').to_ascii_lowercase();
    (0..)
        .zip(DAYS)
        .find(|(_, name)| {
            let name = name.to_ascii_lowercase();
            word.len() >= 3 && name.starts_with(&word)
        })
        .map(|(n, _)| n)
}

/// "9:00", "09:30", "17:00" or "24:00" as minutes after midnight.
fn minute(text: &str) -> Option<i64> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    ((0..60).contains(&minutes) && (0..=1440).contains(&total)).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(hours: &str) -> PractitionerDraft {
        PractitionerDraft {
            name: "Dr. Rivera".into(),
            hours: hours.into(),
            active: true,
            languages: vec![Locale::En],
            services: vec!["chiropractic".into()],
            ..PractitionerDraft::default()
        }
    }

    #[test]
    fn a_week_reads_as_written_and_writes_back_the_same() {
        let valid =
            draft("Mon 9:00-12:00, 13:00-17:00\nwednesday 08:30–12:00\n\nFriday: 9:00-13:00")
                .validate()
                .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            valid.week,
            [(0, 540, 720), (0, 780, 1020), (2, 510, 720), (4, 540, 780)]
        );
        let text = week_text(&valid.week);
        assert_eq!(
            text,
            "Monday 9:00-12:00, 13:00-17:00\nWednesday 8:30-12:00\nFriday 9:00-13:00"
        );
        assert_eq!(draft(&text).validate().map(|v| v.week), Ok(valid.week));
    }

    #[test]
    fn a_wrong_week_says_which_line_and_why() {
        for (hours, said) in [
            ("Someday 9:00-12:00", "Line 1: \"Someday\" is not a day"),
            ("Monday 9-12", "hours:minutes"),
            ("Monday 12:00-9:00", "end after it starts"),
            ("Monday 9:00-12:00, 11:00-13:00", "overlap"),
            ("Monday 9:00-12:00\nMon 13:00-14:00", "written twice"),
            ("Monday\tnoon", "Line 1: write each range as start-end"),
        ] {
            let errors = draft(hours).validate().err().unwrap_or_default();
            let message = errors.get(Field::Hours).unwrap_or_default();
            assert!(message.contains(said), "{hours:?}: {message}");
        }
        let mut nameless = draft("");
        nameless.name = " ".into();
        nameless.services.clear();
        nameless.languages.clear();
        let errors = nameless.validate().err().unwrap_or_default();
        for field in [Field::Name, Field::Specialties, Field::Languages] {
            assert!(errors.get(field).is_some(), "{field:?}: {errors:?}");
        }
    }

    #[test]
    fn a_photo_needs_its_description_and_languages_keep_the_sites_order() {
        let key = MediaKey::parse("0123456789abcdef0123456789abcdef").ok();
        let mut with_photo = draft("Monday 9:00-12:00");
        with_photo.photo = key.clone();
        with_photo.languages = vec![Locale::Es, Locale::En, Locale::Es];
        let errors = with_photo.validate().err().unwrap_or_default();
        assert!(errors.get(Field::PhotoAlt).is_some(), "{errors:?}");
        with_photo.photo_alt = " Dr. Rivera at the front desk ".into();
        let valid = with_photo.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(valid.languages, [Locale::En, Locale::Es]);
        assert_eq!(
            valid.photo.map(|(_, alt)| alt),
            Some("Dr. Rivera at the front desk".to_owned())
        );
    }
}

#[cfg(test)]
mod day_tests {
    use super::*;

    #[test]
    fn a_changed_days_hours_read_in_order_and_say_what_is_wrong() {
        assert_eq!(
            day_hours("13:00-15:00, 8:30-12:00"),
            Ok(vec![(510, 720), (780, 900)])
        );
        assert_eq!(
            hours_text(&[(510, 720), (780, 900)]),
            "8:30-12:00, 13:00-15:00"
        );
        for (text, said) in [
            ("", "for a day off"),
            ("9-12", "Write times as hours:minutes"),
            ("12:00-9:00", "Each range must end"),
            ("9:00-12:00, 11:00-13:00", "The ranges overlap"),
        ] {
            let problem = day_hours(text).err().unwrap_or_default();
            assert!(
                problem.starts_with(said) || problem.contains(said),
                "{text:?}: {problem}"
            );
        }
    }
}
