//! Times and days as a patient reads them, in the page's language and the
//! clinic's zone with the zone named: "Wednesday, December 9, 2026,
//! 10:30 AM EST, 30 minutes, with …" is also each time button's
//! accessible name, so it says the whole thing in words.

use crate::domain::booking::PractitionerChoice;
use crate::domain::media::MediaKey;
use crate::domain::{Locale, Msg};
use crate::server::db::appointments;
use crate::server::i18n::{date_long, text, text_with};
use fluent_bundle::FluentValue;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

const WEEKDAYS: [Msg; 7] = [
    Msg::Weekday1,
    Msg::Weekday2,
    Msg::Weekday3,
    Msg::Weekday4,
    Msg::Weekday5,
    Msg::Weekday6,
    Msg::Weekday7,
];

/// A practitioner as a patient chooses them, in `locale`: their photo
/// (its smallest stored width) and the languages they see patients in.
pub fn practitioner(locale: Locale, who: appointments::BookableWho) -> PractitionerChoice {
    let names: Vec<String> = Locale::ALL
        .into_iter()
        .filter(|l| who.languages.split(',').any(|code| code == l.code()))
        .map(|l| text(locale, language_name(l)))
        .collect();
    let speaks = match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, first)) => text_with(
            locale,
            Msg::ListAnd,
            &[
                ("first", FluentValue::from(first.join(", "))),
                ("last", FluentValue::from(last.as_str())),
            ],
        ),
    };
    PractitionerChoice {
        id: who.id,
        photo: who
            .photo_key
            .and_then(|key| MediaKey::parse(&key).ok())
            .map(|key| (key.thumbnail_url(), who.photo_alt)),
        speaks: if speaks.is_empty() {
            speaks
        } else {
            text_with(
                locale,
                Msg::BookingSpeaks,
                &[("languages", FluentValue::from(speaks))],
            )
        },
        name: who.name,
        bio: who.bio,
    }
}

fn language_name(locale: Locale) -> Msg {
    match locale {
        Locale::En => Msg::LanguageNameEn,
        Locale::Es => Msg::LanguageNameEs,
    }
}

/// "Wednesday, December 9, 2026".
pub fn day_label(locale: Locale, day: Date) -> String {
    let weekday = WEEKDAYS[usize::try_from(day.weekday().to_monday_zero_offset()).unwrap_or(0)];
    let date = date_long(
        locale,
        day.year(),
        u8::try_from(day.month()).unwrap_or(1),
        u8::try_from(day.day()).unwrap_or(1),
    );
    text_with(
        locale,
        Msg::BookingDay,
        &[
            ("weekday", FluentValue::from(text(locale, weekday))),
            ("date", FluentValue::from(date)),
        ],
    )
}

/// "10:30 AM".
pub fn clock(locale: Locale, start: Timestamp, zone: &TimeZone) -> String {
    let local = start.to_zoned_datetime(zone.clone());
    let hour = local.hour();
    let half = text(
        locale,
        if hour < 12 {
            Msg::ClockAm
        } else {
            Msg::ClockPm
        },
    );
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    text_with(
        locale,
        Msg::BookingClock,
        &[
            ("hour", FluentValue::from(hour12.to_string())),
            (
                "minute",
                FluentValue::from(format!("{:02}", local.minute())),
            ),
            ("half", FluentValue::from(half)),
        ],
    )
}

/// The zone's abbreviation at `start` (EST or EDT).
pub fn zone_at(start: Timestamp, zone: &TimeZone) -> String {
    start
        .to_zoned_datetime(zone.clone())
        .strftime("%Z")
        .to_string()
}

/// A time in full: its day, clock and zone, how long, and with whom.
pub fn label(locale: Locale, start: Timestamp, zone: &TimeZone, minutes: i64, who: &str) -> String {
    let day = day_label(locale, start.to_zoned_datetime(zone.clone()).date());
    text_with(
        locale,
        Msg::BookingTime,
        &[
            ("day", FluentValue::from(day)),
            ("clock", FluentValue::from(clock(locale, start, zone))),
            ("zone", FluentValue::from(zone_at(start, zone))),
            ("minutes", FluentValue::from(minutes.to_string())),
            ("who", FluentValue::from(who.to_owned())),
        ],
    )
}

/// A free time as a page offers it.
pub fn view_of(
    locale: Locale,
    time: &super::free_times::FreeTime,
    zone: &TimeZone,
    minutes: i64,
    who: &str,
) -> crate::domain::booking::FreeTimeView {
    crate::domain::booking::FreeTimeView {
        practitioner: time.practitioner,
        start: time.start.as_second(),
        date: time
            .start
            .to_zoned_datetime(zone.clone())
            .date()
            .to_string(),
        clock: clock(locale, time.start, zone),
        label: label(locale, time.start, zone, minutes, who),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 9:00 visit reads 9:00 on both sides of each change, zone named.
    #[test]
    fn a_time_reads_on_the_clinics_clock_across_daylight_saving() {
        let zone = TimeZone::get("America/New_York").unwrap_or_else(|e| panic!("{e}"));
        for (utc, said) in [
            (1_772_805_600, "Friday, March 6, 2026, 9:00 AM EST"),
            (1_773_061_200, "Monday, March 9, 2026, 9:00 AM EDT"),
            (1_793_365_200, "Friday, October 30, 2026, 9:00 AM EDT"),
            (1_793_628_000, "Monday, November 2, 2026, 9:00 AM EST"),
        ] {
            let at = Timestamp::from_second(utc).unwrap_or_else(|e| panic!("{e}"));
            let label = label(Locale::En, at, &zone, 30, "X");
            assert_eq!(label, format!("{said}, 30 minutes, with X"));
        }
    }
}
