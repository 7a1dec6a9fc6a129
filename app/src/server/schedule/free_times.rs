//! The times a patient may book: each practitioner's working hours on each
//! local day of the clinic's zone, less breaks (the gaps between a day's
//! ranges), time off, clinic closures, other appointments with their
//! buffers, the minimum notice and the horizon.
//!
//! Hours are wall-clock times on local dates and everything else is an
//! instant, so a 9:00 start is 9:00 local on both sides of a daylight-saving
//! change, a 30-minute appointment lasts 30 minutes even across one, and
//! only the skipped hour (spring) has no times and the repeated hour
//! (autumn) has them twice.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Times are offered every quarter of an hour from the start of a working range.
pub const STEP: SignedDuration = SignedDuration::from_mins(15);

/// One local day's working ranges, in order; the gaps are breaks.
pub type DayHours = Vec<(Time, Time)>;

/// A practitioner's usual week, Monday first.
#[derive(Clone, Debug, Default)]
pub struct WeeklyHours(pub [DayHours; 7]);

impl WeeklyHours {
    fn on(&self, day: Date) -> &DayHours {
        &self.0[usize::try_from(day.weekday().to_monday_zero_offset()).unwrap_or(0)]
    }
}

/// A change to the usual week.
#[derive(Clone, Debug)]
pub enum Exception {
    /// No work from `first` to `last` (local dates, both included): one
    /// practitioner's time off, or (`None`) the clinic closed.
    Off {
        practitioner: Option<i64>,
        first: Date,
        last: Date,
    },
    /// Other hours than usual on `day` (none: the day off).
    Hours {
        practitioner: i64,
        day: Date,
        hours: DayHours,
    },
}

/// Instants from `start` (included) to `end` (excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Span {
    fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How long an appointment of a type takes, and the time kept free around it.
#[derive(Clone, Copy, Debug)]
pub struct Length {
    pub duration: SignedDuration,
    pub before: SignedDuration,
    pub after: SignedDuration,
}

impl Length {
    /// The appointment itself.
    pub fn visit(&self, start: Timestamp) -> Span {
        Span {
            start,
            end: start + self.duration,
        }
    }

    /// What it keeps from other appointments: itself and its buffers.
    pub fn block(&self, start: Timestamp) -> Span {
        Span {
            start: start - self.before,
            end: start + self.duration + self.after,
        }
    }
}

/// The clinic's booking rules.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// No time sooner than this from now.
    pub notice: SignedDuration,
    /// No day later than this many days after today (local).
    pub horizon_days: i32,
}

/// A practitioner as the schedule needs them.
#[derive(Clone, Debug)]
pub struct Practitioner {
    pub id: i64,
    pub hours: WeeklyHours,
}

/// A time a patient may book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FreeTime {
    pub practitioner: i64,
    pub start: Timestamp,
}

/// Everything that decides which times are free.
pub struct Schedule<'a> {
    pub zone: &'a TimeZone,
    pub practitioners: &'a [Practitioner],
    pub exceptions: &'a [Exception],
    /// Appointments that hold their time (buffers included): by
    /// practitioner, each practitioner's in order and never overlapping.
    pub booked: &'a [(i64, Vec<Span>)],
    pub rules: Rules,
}

impl Schedule<'_> {
    /// Free starts for `length` on the local days `first..=last`, earliest
    /// first (by practitioner in the given order when two start together).
    pub fn free_times(
        &self,
        length: &Length,
        first: Date,
        last: Date,
        now: Timestamp,
    ) -> Vec<FreeTime> {
        let today = now.to_zoned_datetime(self.zone.clone()).date();
        let last = last.min(today.saturating_add(jiff::Span::new().days(self.rules.horizon_days)));
        let earliest = now + self.rules.notice;
        let mut found = Vec::new();
        let mut day = first.max(today);
        while day <= last {
            for practitioner in self.practitioners {
                for start in self.starts_on(practitioner, day, length) {
                    if start >= earliest && !self.is_booked(practitioner.id, length.block(start)) {
                        found.push(FreeTime {
                            practitioner: practitioner.id,
                            start,
                        });
                    }
                }
            }
            let Ok(next) = day.tomorrow() else { break };
            day = next;
        }
        found.sort_by_key(|time| time.start);
        found
    }

    /// Whether a patient may book `start` with `practitioner`: exactly one
    /// of [`Schedule::free_times`]' answers, as a booking checks again.
    pub fn is_free(
        &self,
        practitioner: i64,
        length: &Length,
        start: Timestamp,
        now: Timestamp,
    ) -> bool {
        let day = start.to_zoned_datetime(self.zone.clone()).date();
        let Some(found) = self.practitioners.iter().find(|p| p.id == practitioner) else {
            return false;
        };
        let single = std::slice::from_ref(found);
        let one = Schedule {
            practitioners: single,
            ..*self
        };
        one.free_times(length, day, day, now)
            .iter()
            .any(|time| time.start == start)
    }

    /// The day's working ranges for `practitioner` as instants.
    fn working(&self, practitioner: &Practitioner, day: Date) -> Vec<Span> {
        // Other hours that day replace the usual ones (all of that day's
        // ranges together); time off or a closure leaves none.
        let mut changed: Option<DayHours> = None;
        for exception in self.exceptions {
            match exception {
                Exception::Off {
                    practitioner: who,
                    first,
                    last,
                } if who.is_none_or(|who| who == practitioner.id)
                    && (*first..=*last).contains(&day) =>
                {
                    return Vec::new();
                }
                Exception::Hours {
                    practitioner: who,
                    day: on,
                    hours,
                } if *who == practitioner.id && *on == day => {
                    changed
                        .get_or_insert_with(Vec::new)
                        .extend(hours.iter().copied());
                }
                _ => {}
            }
        }
        changed
            .as_ref()
            .unwrap_or_else(|| practitioner.hours.on(day))
            .iter()
            .filter_map(|&(from, to)| {
                // A wall-clock time the change skips is read as the later
                // side of it; one it repeats, as the earlier.
                let start = day
                    .to_datetime(from)
                    .to_zoned_datetime(self.zone.clone())
                    .ok()?
                    .timestamp();
                let end = day
                    .to_datetime(to)
                    .to_zoned_datetime(self.zone.clone())
                    .ok()?
                    .timestamp();
                (start < end).then_some(Span { start, end })
            })
            .collect()
    }

    /// Every start on the quarter-hour grid of each working range whose
    /// appointment ends within it.
    fn starts_on(&self, practitioner: &Practitioner, day: Date, length: &Length) -> Vec<Timestamp> {
        let mut starts = Vec::new();
        for range in self.working(practitioner, day) {
            let mut start = range.start;
            while start + length.duration <= range.end {
                starts.push(start);
                start += STEP;
            }
        }
        starts
    }

    fn is_booked(&self, practitioner: i64, block: Span) -> bool {
        let Some((_, spans)) = self.booked.iter().find(|(id, _)| *id == practitioner) else {
            return false;
        };
        // In order and never overlapping, so ends are in order too: the
        // first that ends after the block starts is the only one to check.
        let next = spans.partition_point(|span| span.end <= block.start);
        spans.get(next).is_some_and(|span| span.overlaps(block))
    }
}

#[cfg(test)]
mod tests;
