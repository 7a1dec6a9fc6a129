use super::*;
use jiff::civil::{date, time};

fn new_york() -> TimeZone {
    TimeZone::get("America/New_York").unwrap_or_else(|e| panic!("{e}"))
}

fn every_day(hours: DayHours) -> WeeklyHours {
    WeeklyHours(std::array::from_fn(|_| hours.clone()))
}

fn minutes(n: i64) -> SignedDuration {
    SignedDuration::from_mins(n)
}

fn visit(duration: i64) -> Length {
    Length {
        duration: minutes(duration),
        before: SignedDuration::ZERO,
        after: SignedDuration::ZERO,
    }
}

const RULES: Rules = Rules {
    notice: SignedDuration::from_hours(2),
    horizon_days: 60,
};

/// Long before the days asked about.
fn a_month_before(day: Date, zone: &TimeZone) -> Timestamp {
    day.saturating_sub(jiff::Span::new().days(30))
        .to_zoned_datetime(zone.clone())
        .unwrap_or_else(|e| panic!("{e}"))
        .timestamp()
}

/// The wall-clock times of `times` in `zone`, with the zone's abbreviation.
fn local(times: &[FreeTime], zone: &TimeZone) -> Vec<String> {
    times
        .iter()
        .map(|t| {
            t.start
                .to_zoned_datetime(zone.clone())
                .strftime("%F %H:%M %Z")
                .to_string()
        })
        .collect()
}

fn on_day<'a>(times: &'a [FreeTime], day: Date, zone: &TimeZone) -> Vec<&'a FreeTime> {
    times
        .iter()
        .filter(|t| t.start.to_zoned_datetime(zone.clone()).date() == day)
        .collect()
}

fn free(
    zone: &TimeZone,
    hours: WeeklyHours,
    exceptions: &[Exception],
    booked: &[(i64, Vec<Span>)],
    length: Length,
    days: (Date, Date),
    now: Timestamp,
) -> Vec<FreeTime> {
    let practitioners = [Practitioner { id: 1, hours }];
    Schedule {
        zone,
        practitioners: &practitioners,
        exceptions,
        booked,
        rules: RULES,
    }
    .free_times(&length, days.0, days.1, now)
}

#[test]
fn a_nine_oclock_start_stays_nine_local_through_both_changes_of_the_clocks() {
    let zone = new_york();
    // 2026: clocks go forward on Sunday 8 March and back on Sunday 1 November.
    for (first, change, last) in [
        (date(2026, 3, 5), date(2026, 3, 8), date(2026, 3, 11)),
        (date(2026, 10, 29), date(2026, 11, 1), date(2026, 11, 4)),
    ] {
        let times = free(
            &zone,
            every_day(vec![(time(9, 0, 0, 0), time(17, 0, 0, 0))]),
            &[],
            &[],
            visit(30),
            (first, last),
            a_month_before(first, &zone),
        );
        let mut day = first;
        while day <= last {
            let that_day = on_day(&times, day, &zone);
            // 9:00 to 16:30, every quarter hour: the same 31 times every
            // day, the change's own day included.
            assert_eq!(that_day.len(), 31, "{day}");
            let clock = |t: &FreeTime| t.start.to_zoned_datetime(zone.clone()).time();
            assert_eq!(clock(that_day[0]), time(9, 0, 0, 0), "{day}");
            assert_eq!(clock(that_day[30]), time(16, 30, 0, 0), "{day}");
            day = day.tomorrow().unwrap_or_else(|e| panic!("{e}"));
        }
        // The offset did change in the middle of the week.
        let offset = |day: Date| {
            on_day(&times, day, &zone)[0]
                .start
                .to_zoned_datetime(zone.clone())
                .offset()
        };
        assert_ne!(offset(first), offset(last), "{change}");
    }
}

#[test]
fn only_the_skipped_hour_has_no_times_and_only_the_repeated_hour_has_them_twice() {
    let zone = new_york();
    let night = every_day(vec![(time(0, 0, 0, 0), time(6, 0, 0, 0))]);
    let spring = free(
        &zone,
        night.clone(),
        &[],
        &[],
        visit(15),
        (date(2026, 3, 8), date(2026, 3, 8)),
        a_month_before(date(2026, 3, 8), &zone),
    );
    let wall = local(&spring, &zone);
    // 00:00 to 05:45 less the hour from 2:00 that does not exist: 20 times.
    assert_eq!(spring.len(), 20, "{wall:?}");
    assert!(wall.iter().all(|t| !t.contains(" 02:")), "{wall:?}");
    assert!(wall.contains(&"2026-03-08 01:45 EST".to_owned()));
    assert!(wall.contains(&"2026-03-08 03:00 EDT".to_owned()));
    // Each a quarter of an hour after the last, across the change too.
    for pair in spring.windows(2) {
        assert_eq!(pair[1].start.duration_since(pair[0].start), STEP);
    }

    let autumn = free(
        &zone,
        night,
        &[],
        &[],
        visit(15),
        (date(2026, 11, 1), date(2026, 11, 1)),
        a_month_before(date(2026, 11, 1), &zone),
    );
    let wall = local(&autumn, &zone);
    // Seven hours of clock time: 28 times, 1:00 to 1:45 twice.
    assert_eq!(autumn.len(), 28, "{wall:?}");
    for clock in ["01:00", "01:15", "01:30", "01:45"] {
        let edt = format!("2026-11-01 {clock} EDT");
        let est = format!("2026-11-01 {clock} EST");
        assert!(
            wall.contains(&edt) && wall.contains(&est),
            "{clock}: {wall:?}"
        );
    }
    assert!(
        autumn
            .windows(2)
            .all(|p| p[1].start.duration_since(p[0].start) == STEP),
        "{wall:?}"
    );
}

#[test]
fn an_appointment_across_the_change_lasts_exactly_its_duration() {
    let zone = new_york();
    let times = free(
        &zone,
        every_day(vec![(time(0, 0, 0, 0), time(6, 0, 0, 0))]),
        &[],
        &[],
        visit(60),
        (date(2026, 3, 8), date(2026, 3, 8)),
        a_month_before(date(2026, 3, 8), &zone),
    );
    let at_1_30 = times
        .iter()
        .find(|t| t.start.to_zoned_datetime(zone.clone()).time() == time(1, 30, 0, 0))
        .unwrap_or_else(|| panic!("1:30 is free"));
    let ends = visit(60)
        .visit(at_1_30.start)
        .end
        .to_zoned_datetime(zone.clone());
    // An hour later by the clock on the wall is 3:30 daylight time.
    assert_eq!(ends.strftime("%H:%M %Z").to_string(), "03:30 EDT");
    // Every visit ends within the day's hours: the last starts at 5:00.
    let last = times
        .last()
        .map(|t| t.start.to_zoned_datetime(zone.clone()).time());
    assert_eq!(last, Some(time(5, 0, 0, 0)));
}

#[test]
fn breaks_time_off_closures_and_other_appointments_with_buffers_are_not_free() {
    let zone = new_york();
    let monday = date(2026, 12, 14);
    let at = |day: Date, h: i8, m: i8| {
        day.at(h, m, 0, 0)
            .to_zoned_datetime(zone.clone())
            .unwrap_or_else(|e| panic!("{e}"))
            .timestamp()
    };
    // 9 to 12 and 13 to 17: lunch is a break.
    let hours = every_day(vec![
        (time(9, 0, 0, 0), time(12, 0, 0, 0)),
        (time(13, 0, 0, 0), time(17, 0, 0, 0)),
    ]);
    let length = Length {
        duration: minutes(30),
        before: minutes(15),
        after: minutes(15),
    };
    // Booked 10:00-10:30 with the same buffers: 9:45 to 10:45 is held.
    let booked = [(1, vec![length.block(at(monday, 10, 0))])];
    let exceptions = [
        Exception::Off {
            practitioner: Some(1),
            first: date(2026, 12, 15),
            last: date(2026, 12, 15),
        },
        Exception::Off {
            practitioner: None,
            first: date(2026, 12, 25),
            last: date(2026, 12, 25),
        },
        Exception::Hours {
            practitioner: 1,
            day: date(2026, 12, 16),
            hours: vec![(time(14, 0, 0, 0), time(15, 0, 0, 0))],
        },
    ];
    let times = free(
        &zone,
        hours,
        &exceptions,
        &booked,
        length,
        (monday, date(2026, 12, 25)),
        a_month_before(monday, &zone),
    );
    let clocks = |day: Date| -> Vec<String> {
        on_day(&times, day, &zone)
            .iter()
            .map(|t| {
                t.start
                    .to_zoned_datetime(zone.clone())
                    .strftime("%H:%M")
                    .to_string()
            })
            .collect()
    };
    let monday_times = clocks(monday);
    // Our block (15 before, 15 after) may not touch 9:45-10:45: 9:00 is the
    // last before it, 11:00 the first after.
    assert!(monday_times.contains(&"09:00".to_owned()));
    for taken in [
        "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45",
    ] {
        assert!(!monday_times.contains(&taken.to_owned()), "{taken}");
    }
    assert!(monday_times.contains(&"11:00".to_owned()));
    // 11:30 ends at 12:00; nothing during lunch; 13:00 again.
    assert!(monday_times.contains(&"11:30".to_owned()));
    assert!(!monday_times.iter().any(|t| t.starts_with("12:")));
    assert!(monday_times.contains(&"13:00".to_owned()));
    assert_eq!(monday_times.last().map(String::as_str), Some("16:30"));
    assert!(clocks(date(2026, 12, 15)).is_empty(), "time off");
    assert_eq!(
        clocks(date(2026, 12, 16)),
        ["14:00", "14:15", "14:30"],
        "changed day"
    );
    assert!(
        clocks(date(2026, 12, 25)).is_empty(),
        "the clinic is closed"
    );
    assert_eq!(
        clocks(date(2026, 12, 24)).len(),
        clocks(date(2026, 12, 17)).len()
    );
}

#[test]
fn nothing_sooner_than_the_notice_or_later_than_the_horizon() {
    let zone = new_york();
    let today = date(2026, 12, 14);
    let now = today
        .at(10, 5, 0, 0)
        .to_zoned_datetime(zone.clone())
        .unwrap_or_else(|e| panic!("{e}"))
        .timestamp();
    let times = free(
        &zone,
        every_day(vec![(time(9, 0, 0, 0), time(17, 0, 0, 0))]),
        &[],
        &[],
        visit(30),
        (date(2026, 12, 1), date(2027, 6, 1)),
        now,
    );
    let first = times
        .first()
        .map(|t| t.start.to_zoned_datetime(zone.clone()));
    // Two hours' notice from 10:05: 12:15 is the first quarter after.
    assert_eq!(
        first.map(|z| z.strftime("%F %H:%M").to_string()).as_deref(),
        Some("2026-12-14 12:15")
    );
    let last_day = times
        .last()
        .map(|t| t.start.to_zoned_datetime(zone.clone()).date());
    assert_eq!(last_day, Some(date(2027, 2, 12)), "60 days after today");
}

#[test]
fn a_time_is_free_exactly_when_it_is_offered() {
    let zone = new_york();
    let practitioners = [
        Practitioner {
            id: 1,
            hours: every_day(vec![(time(9, 0, 0, 0), time(12, 0, 0, 0))]),
        },
        Practitioner {
            id: 2,
            hours: every_day(vec![(time(10, 0, 0, 0), time(11, 0, 0, 0))]),
        },
    ];
    let day = date(2026, 12, 14);
    let length = visit(30);
    let ten = day
        .at(10, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .unwrap_or_else(|e| panic!("{e}"))
        .timestamp();
    let booked = [(2, vec![length.block(ten)])];
    let schedule = Schedule {
        zone: &zone,
        practitioners: &practitioners,
        exceptions: &[],
        booked: &booked,
        rules: RULES,
    };
    let now = a_month_before(day, &zone);
    let offered = schedule.free_times(&length, day, day, now);
    assert!(offered.contains(&FreeTime {
        practitioner: 1,
        start: ten
    }));
    assert!(!offered.contains(&FreeTime {
        practitioner: 2,
        start: ten
    }));
    for time in &offered {
        assert!(schedule.is_free(time.practitioner, &length, time.start, now));
    }
    assert!(!schedule.is_free(2, &length, ten, now), "booked");
    assert!(
        !schedule.is_free(1, &length, ten + minutes(5), now),
        "off the grid"
    );
    assert!(
        !schedule.is_free(3, &length, ten, now),
        "no such practitioner"
    );
}
