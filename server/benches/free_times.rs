//! How long the free-time engine takes for the busiest question a page
//! asks: five practitioners, the whole 60-day horizon, 300 appointments
//! already booked, a closure and time off. Target (issue 28): at most
//! 5 ms. Run with `cargo bench -p server --bench free_times` (release
//! profile); prints the median, the 99th percentile and the slowest of
//! 500 runs, in wall time of one thread.

use app::server::schedule::free_times::{
    Exception, FreeTime, Length, Practitioner, Rules, Schedule, Span, WeeklyHours,
};
use jiff::civil::{date, time, Date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, ToSpan};
use std::time::{Duration, Instant};

fn main() {
    let zone = TimeZone::get("America/New_York").unwrap_or_else(|e| panic!("{e}"));
    let today: Date = date(2026, 12, 7);
    let now = today
        .at(8, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .unwrap_or_else(|e| panic!("{e}"))
        .timestamp();
    let weekday = vec![
        (time(9, 0, 0, 0), time(12, 0, 0, 0)),
        (time(13, 0, 0, 0), time(17, 0, 0, 0)),
    ];
    let mut week: [Vec<_>; 7] = Default::default();
    for day in week.iter_mut().take(5) {
        *day = weekday.clone();
    }
    let practitioners: Vec<Practitioner> = (1..=5)
        .map(|id| Practitioner {
            id,
            hours: WeeklyHours(week.clone()),
        })
        .collect();
    let length = Length {
        duration: SignedDuration::from_mins(30),
        before: SignedDuration::ZERO,
        after: SignedDuration::from_mins(5),
    };
    // 60 appointments each, one an hour from 9:00 on the working days.
    let mut booked = Vec::new();
    for id in 1..=5 {
        let mut spans = Vec::new();
        let mut day = today;
        while spans.len() < 60 {
            if day.weekday().to_monday_zero_offset() < 5 {
                let start = day
                    .at(9 + i8::try_from(spans.len() % 3).unwrap_or(0) * 2, 0, 0, 0)
                    .to_zoned_datetime(zone.clone())
                    .unwrap_or_else(|e| panic!("{e}"))
                    .timestamp();
                spans.push(length.block(start));
            }
            day = day.tomorrow().unwrap_or_else(|e| panic!("{e}"));
        }
        booked.push((id, spans));
    }
    let exceptions = [
        Exception::Off {
            practitioner: None,
            first: date(2026, 12, 24),
            last: date(2026, 12, 26),
        },
        Exception::Off {
            practitioner: Some(3),
            first: date(2027, 1, 4),
            last: date(2027, 1, 8),
        },
    ];
    let schedule = Schedule {
        zone: &zone,
        practitioners: &practitioners,
        exceptions: &exceptions,
        booked: &booked,
        rules: Rules {
            notice: SignedDuration::from_hours(2),
            horizon_days: 60,
        },
    };
    let last = today.saturating_add(60.days());
    let mut found: Vec<FreeTime> = Vec::new();
    let mut took: Vec<Duration> = (0..500)
        .map(|_| {
            let started = Instant::now();
            found = std::hint::black_box(schedule.free_times(&length, today, last, now));
            started.elapsed()
        })
        .collect();
    took.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let booked_count: usize = booked.iter().map(|(_, s): &(i64, Vec<Span>)| s.len()).sum();
    println!(
        "free times, 5 practitioners x 60 days, {booked_count} booked: {} found; median {:.2} ms, p99 {:.2} ms, slowest {:.2} ms (500 runs, one thread, release build; target 5 ms)",
        found.len(),
        ms(took[250]),
        ms(took[495]),
        ms(took[499])
    );
}
