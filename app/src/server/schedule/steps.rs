//! The booking page's current step, from its address: the bookable types,
//! then the practitioners of the chosen one, then two weeks of days with
//! their free times, a day's times, and the chosen time with a fresh form
//! token. A choice the schedule no longer offers is dropped, so the page
//! asks for it again instead of failing.

use super::load::Loaded;
use super::words::{day_label, view_of, zone_at};
use crate::domain::booking::{
    BookingStep, DayChoice, FreeTimeView, ServiceTypes, StepQuery, TypeChoice,
};
use crate::domain::Locale;
use crate::server::content::{clinic_zone, now_utc};
use crate::server::db::{appointments, Db};
use crate::server::requests::RequestDesk;
use crate::server::ServerError;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// Days shown at once.
const DAYS: i32 = 14;

pub async fn step(
    db: &Db,
    desk: &RequestDesk,
    locale: Locale,
    query: &StepQuery,
) -> Result<BookingStep, ServerError> {
    let zone = clinic_zone();
    let now = Timestamp::from_second(now_utc().unix())
        .map_err(|e| ServerError::Corrupt(format!("the clock: {e}")))?;
    let mut step = BookingStep {
        zone: zone_name(zone, now),
        services: services(&appointments::bookable(db, locale.code()).await?),
        ..BookingStep::default()
    };
    let Some(kind) = query.kind.and_then(|id| {
        step.services
            .iter()
            .flat_map(|s| &s.types)
            .find(|t| t.id == id)
            .cloned()
    }) else {
        return Ok(step);
    };
    let today = now.to_zoned_datetime(zone.clone()).date();
    let parse = |raw: &Option<String>| raw.as_deref().and_then(|d| d.parse::<Date>().ok());
    let from = parse(&query.from)
        .or_else(|| parse(&query.day))
        .unwrap_or(today)
        .max(today);
    let last = from.saturating_add((DAYS - 1).days());
    let Some(loaded) = Loaded::read(db, kind.id, locale, from, last).await? else {
        return Ok(step);
    };
    step.kind = Some(kind);
    step.practitioners = loaded.names.clone();
    let with = match query.with() {
        Some(Some(id)) if loaded.names.iter().any(|p| p.id == id) => Some(id),
        Some(None) => None,
        _ => return Ok(step),
    };
    step.with = Some(with);
    let times = free_views(&loaded, locale, with, (from, last), now);
    let horizon = today.saturating_add(loaded.rules.horizon_days.days());
    step.days = days(locale, &times, from, last.min(horizon));
    let next = last.saturating_add(1.days());
    step.later = (next <= horizon).then(|| next.to_string());
    step.earlier = (from > today).then(|| from.saturating_sub(DAYS.days()).max(today).to_string());
    let Some(chosen) = parse(&query.day).filter(|d| (from..=last).contains(d)) else {
        return Ok(step);
    };
    step.day = step
        .days
        .iter()
        .find(|d| d.date == chosen.to_string())
        .cloned();
    step.times = times
        .into_iter()
        .filter(|(d, _)| *d == chosen)
        .map(|(_, view)| view)
        .collect();
    if let Some(start) = query.start {
        // A time asked for has the details form, also when it was taken
        // (a refused booking shown again offers the nearest ones in it).
        step.time = step.times.iter().find(|t| t.start == start).cloned();
        step.token = Some(desk.signer.issue(now_utc().unix()));
        step.words = Some(crate::server::i18n::form_words(locale));
    }
    Ok(step)
}

/// The free times of `with` (anyone: `None`) on the days `from..=last`, by
/// day. For anyone, one time per start: the first practitioner free then
/// books it.
pub(super) fn free_views(
    loaded: &Loaded,
    locale: Locale,
    with: Option<i64>,
    (from, last): (Date, Date),
    now: Timestamp,
) -> Vec<(Date, FreeTimeView)> {
    let free = loaded
        .schedule()
        .free_times(&loaded.length, from, last, now)
        .into_iter()
        .filter(|t| with.is_none_or(|id| id == t.practitioner));
    let mut times: Vec<(Date, FreeTimeView)> = Vec::new();
    for time in free {
        if times
            .last()
            .is_some_and(|(_, last)| last.start == time.start.as_second())
        {
            continue;
        }
        let day = time.start.to_zoned_datetime(loaded.zone.clone()).date();
        let view = view_of(
            locale,
            &time,
            &loaded.zone,
            loaded.kind.duration_minutes,
            loaded.name_of(time.practitioner),
        );
        times.push((day, view));
    }
    times
}

/// The days `from..=last`, each with how many of `times` fall on it.
pub(super) fn days(
    locale: Locale,
    times: &[(Date, FreeTimeView)],
    from: Date,
    last: Date,
) -> Vec<DayChoice> {
    let mut days = Vec::new();
    let mut day = from;
    while day <= last {
        days.push(DayChoice {
            date: day.to_string(),
            label: day_label(locale, day),
            free: times.iter().filter(|(d, _)| *d == day).count(),
        });
        day = day.saturating_add(1.days());
    }
    days
}

/// "EST, UTC−5": the clinic's zone as a patient reads it now, the same in
/// every language.
fn zone_name(zone: &jiff::tz::TimeZone, now: Timestamp) -> String {
    let offset = now.to_zoned_datetime(zone.clone()).offset().seconds() / 3600;
    let sign = if offset < 0 { '\u{2212}' } else { '+' };
    format!("{}, UTC{sign}{}", zone_at(now, zone), offset.abs())
}

/// The bookable types grouped by service, in order.
pub(super) fn services(rows: &[appointments::BookableRow]) -> Vec<ServiceTypes> {
    let mut services: Vec<ServiceTypes> = Vec::new();
    for row in rows {
        let kind = TypeChoice {
            id: row.id,
            name: row.name.clone(),
            minutes: row.duration_minutes,
            patients: row.patients.clone(),
            requested: row.mode == "request",
        };
        match services.last_mut() {
            Some(service) if service.slug == row.service_slug => service.types.push(kind),
            _ => services.push(ServiceTypes {
                slug: row.service_slug.clone(),
                name: row.service_name.clone(),
                types: vec![kind],
            }),
        }
    }
    services
}

/// The booking page's address at the details of `start` (where a refused
/// booking is shown again): its day read in the clinic's zone.
pub fn details_address(
    pages: crate::routes::Pages,
    kind: i64,
    with: Option<i64>,
    start: i64,
) -> String {
    let day = Timestamp::from_second(start).ok().map(|t| {
        t.to_zoned_datetime(clinic_zone().clone())
            .date()
            .to_string()
    });
    StepQuery {
        kind: Some(kind),
        with: Some(with.map_or_else(|| "any".to_owned(), |id| id.to_string())),
        day,
        start: Some(start),
        ..StepQuery::default()
    }
    .href(pages.book())
}
