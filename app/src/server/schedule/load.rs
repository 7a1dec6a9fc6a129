//! The schedule of one appointment type, read for the free-time engine:
//! the practitioners who offer its service, their hours and exceptions,
//! the time their appointments hold, and the clinic's rules.

use super::free_times::{
    DayHours, Exception, Length, Practitioner, Rules, Schedule, Span, WeeklyHours,
};
use crate::domain::booking::PractitionerChoice;
use crate::domain::Locale;
use crate::server::content::clinic_zone;
use crate::server::db::appointments::{self, TypeRow};
use crate::server::db::Db;
use crate::server::ServerError;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Everything [`Schedule`] needs for one type over some days.
pub struct Loaded {
    pub kind: TypeRow,
    pub length: Length,
    pub practitioners: Vec<Practitioner>,
    /// Who they are, in the same order.
    pub names: Vec<PractitionerChoice>,
    pub exceptions: Vec<Exception>,
    pub booked: Vec<(i64, Vec<Span>)>,
    pub rules: Rules,
    /// The clinic's rules as stored: also the cancel cutoff and the reminder.
    pub settings: appointments::RulesRow,
    pub zone: TimeZone,
}

impl Loaded {
    /// Reads type `type_id`'s schedule for the local days `first..=last`;
    /// `None` when no active type has that id.
    pub async fn read(
        db: &Db,
        type_id: i64,
        locale: Locale,
        first: Date,
        last: Date,
    ) -> Result<Option<Self>, ServerError> {
        let Some(kind) = appointments::active_type(db, type_id, locale.code()).await? else {
            return Ok(None);
        };
        let zone = clinic_zone().clone();
        let names: Vec<PractitionerChoice> =
            appointments::practitioners_for(db, kind.service_id, locale.code())
                .await?
                .into_iter()
                .map(|who| super::words::practitioner(locale, who))
                .collect();
        let ids: Vec<i64> = names.iter().map(|p| p.id).collect();
        let hours = appointments::hours_of(db, &ids).await?;
        let practitioners = ids
            .iter()
            .map(|&id| {
                let mut week = WeeklyHours::default();
                for row in hours.iter().filter(|row| row.practitioner_id == id) {
                    if let (Some(day), Some(from), Some(to)) = (
                        usize::try_from(row.weekday)
                            .ok()
                            .and_then(|d| week.0.get_mut(d)),
                        clock(row.start_minute),
                        clock(row.end_minute),
                    ) {
                        day.push((from, to));
                    }
                }
                Practitioner { id, hours: week }
            })
            .collect();
        let exceptions =
            appointments::exceptions_between(db, &first.to_string(), &last.to_string())
                .await?
                .into_iter()
                .filter_map(|row| exception(&row))
                .collect();
        // A day's first appointment may hold time from the evening before
        // (its buffer); a day back and forward covers every held block.
        let from = instant(first.yesterday().unwrap_or(first), &zone);
        let to = instant(
            last.tomorrow().unwrap_or(last).tomorrow().unwrap_or(last),
            &zone,
        );
        let held = appointments::held_between(db, &ids, from.as_second(), to.as_second()).await?;
        let booked = by_practitioner(held)?;
        let rules = appointments::rules(db).await?;
        Ok(Some(Self {
            length: Length {
                duration: SignedDuration::from_mins(kind.duration_minutes),
                before: SignedDuration::from_mins(kind.buffer_before_minutes),
                after: SignedDuration::from_mins(kind.buffer_after_minutes),
            },
            kind,
            practitioners,
            names,
            exceptions,
            booked,
            rules: Rules {
                notice: SignedDuration::from_mins(rules.min_notice_minutes),
                horizon_days: i32::try_from(rules.horizon_days).unwrap_or(60),
            },
            settings: rules,
            zone,
        }))
    }

    pub fn schedule(&self) -> Schedule<'_> {
        Schedule {
            zone: &self.zone,
            practitioners: &self.practitioners,
            exceptions: &self.exceptions,
            booked: &self.booked,
            rules: self.rules,
        }
    }

    pub fn name_of(&self, practitioner: i64) -> &str {
        self.names
            .iter()
            .find(|p| p.id == practitioner)
            .map_or("", |p| p.name.as_str())
    }
}

/// Local midnight starting `day` as an instant.
pub fn instant(day: Date, zone: &TimeZone) -> Timestamp {
    day.to_zoned_datetime(zone.clone())
        .map_or(Timestamp::UNIX_EPOCH, |zoned| zoned.timestamp())
}

fn clock(minute: i64) -> Option<Time> {
    // 24:00 (1440) ends a day's last range: the last representable moment.
    if minute == 1440 {
        return Some(Time::MAX);
    }
    let hour = i8::try_from(minute / 60).ok()?;
    let minute = i8::try_from(minute % 60).ok()?;
    Time::new(hour, minute, 0, 0).ok()
}

fn exception(row: &appointments::ExceptionRow) -> Option<Exception> {
    let first: Date = row.first_day.parse().ok()?;
    let last: Date = row.last_day.parse().ok()?;
    match (row.start_minute, row.end_minute, row.practitioner_id) {
        (Some(from), Some(to), Some(practitioner)) => {
            let hours: DayHours = vec![(clock(from)?, clock(to)?)];
            Some(Exception::Hours {
                practitioner,
                day: first,
                hours,
            })
        }
        _ => Some(Exception::Off {
            practitioner: row.practitioner_id,
            first,
            last,
        }),
    }
}

/// Held times (practitioner, from, until), in practitioner order, as spans
/// grouped by practitioner.
fn by_practitioner(held: Vec<(i64, i64, i64)>) -> Result<Vec<(i64, Vec<Span>)>, ServerError> {
    let mut booked: Vec<(i64, Vec<Span>)> = Vec::new();
    for (practitioner, start, end) in held {
        let span = Span {
            start: Timestamp::from_second(start).map_err(corrupt)?,
            end: Timestamp::from_second(end).map_err(corrupt)?,
        };
        match booked.last_mut() {
            Some((id, spans)) if *id == practitioner => spans.push(span),
            _ => booked.push((practitioner, vec![span])),
        }
    }
    Ok(booked)
}

fn corrupt(e: jiff::Error) -> ServerError {
    ServerError::Corrupt(format!("an appointment's time: {e}"))
}
