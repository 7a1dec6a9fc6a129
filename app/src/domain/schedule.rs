//! The front desk's schedule: a day or a week of appointments, the
//! requests for a time waiting to be confirmed, and booking for a caller.
//! Shared by the server, which fills them, and the admin page.

use super::booking::{BookingDetails, BookingReference, PractitionerChoice, ServiceTypes};
use serde::{Deserialize, Serialize};

/// What an appointment is now, and what the front desk may make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppointmentStatus {
    /// Asked for online (a "request" type): waits for the front desk.
    Requested,
    Booked,
    Arrived,
    NoShow,
    Cancelled,
    /// A request the front desk could not give.
    Declined,
}

impl AppointmentStatus {
    pub const ALL: [Self; 6] = [
        Self::Requested,
        Self::Booked,
        Self::Arrived,
        Self::NoShow,
        Self::Cancelled,
        Self::Declined,
    ];

    /// The value stored in the database.
    pub fn value(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Booked => "booked",
            Self::Arrived => "arrived",
            Self::NoShow => "no_show",
            Self::Cancelled => "cancelled",
            Self::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.value() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Requested => "Waiting for confirmation",
            Self::Booked => "Booked",
            Self::Arrived => "Arrived",
            Self::NoShow => "No-show",
            Self::Cancelled => "Cancelled",
            Self::Declined => "Declined",
        }
    }

    /// The statuses the front desk may set from this one, with the
    /// button's words: a request is confirmed or declined; a booked visit
    /// is marked arrived or no-show, or cancelled; a mark is undone.
    pub fn next(self) -> &'static [(Self, &'static str)] {
        match self {
            Self::Requested => &[(Self::Booked, "Confirm"), (Self::Declined, "Decline")],
            Self::Booked => &[
                (Self::Arrived, "Arrived"),
                (Self::NoShow, "No-show"),
                (Self::Cancelled, "Cancel"),
            ],
            Self::Arrived | Self::NoShow => &[(Self::Booked, "Undo")],
            Self::Cancelled | Self::Declined => &[],
        }
    }

    /// It holds its time (no other appointment may overlap it).
    pub fn holds_time(self) -> bool {
        matches!(self, Self::Booked | Self::Arrived | Self::NoShow)
    }
}

/// One appointment as the front desk sees it: reading it is audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAppointment {
    pub reference: BookingReference,
    /// Unix seconds.
    pub start: i64,
    /// "Wednesday, December 9, 2026", in the clinic's zone.
    pub day: String,
    /// "9:00 AM – 9:30 AM EST".
    pub time: String,
    /// Its local day (`YYYY-MM-DD`) and start (`HH:MM`), for moving it.
    pub date: String,
    pub clock: String,
    pub practitioner_id: i64,
    pub practitioner: String,
    pub kind: String,
    pub status: AppointmentStatus,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// "new" or "returning".
    pub patient: String,
    pub message: String,
    /// The language it was booked in ("English", "Spanish").
    pub language: String,
    /// Booked by the patient online (else by the front desk).
    pub online: bool,
}

/// One day's column of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "Wednesday, December 9, 2026".
    pub label: String,
    pub appointments: Vec<StaffAppointment>,
}

/// The schedule page: a day or a week, for one practitioner or everyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchedulePage {
    /// `day` or `week`.
    pub view: String,
    /// The first day shown, `YYYY-MM-DD`.
    pub date: String,
    pub today: String,
    /// The first day of the period before and after.
    pub previous: String,
    pub next: String,
    pub practitioner: Option<i64>,
    pub practitioners: Vec<PractitionerChoice>,
    pub days: Vec<ScheduleDay>,
    /// Requests for a time, on any day, oldest first.
    pub waiting: Vec<StaffAppointment>,
    /// What the front desk can book for a caller.
    pub services: Vec<ServiceTypes>,
    /// The clinic's zone now ("EST").
    pub zone: String,
}

/// The schedule's address: a view, a day and a practitioner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleQuery {
    #[serde(default)]
    pub view: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub practitioner: Option<i64>,
}

impl ScheduleQuery {
    pub fn href(&self) -> String {
        let mut parts = Vec::new();
        if let Some(view) = &self.view {
            parts.push(format!("view={view}"));
        }
        if let Some(date) = &self.date {
            parts.push(format!("date={date}"));
        }
        if let Some(p) = self.practitioner {
            parts.push(format!("practitioner={p}"));
        }
        let root = crate::routes::ADMIN_SCHEDULE;
        if parts.is_empty() {
            root.to_owned()
        } else {
            format!("{root}?{}", parts.join("&"))
        }
    }
}

/// A booking the front desk makes for a caller: a local day and clock
/// time in the clinic's zone, and the caller's details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskBooking {
    pub type_id: i64,
    pub practitioner: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, 24-hour.
    pub time: String,
    pub details: BookingDetails,
    /// Book outside the practitioner's hours or the notice; never over
    /// another appointment.
    #[serde(default)]
    pub outside_rules: bool,
    /// The consultation request this answers (its reference), if any: it
    /// is marked scheduled once the appointment is booked.
    #[serde(default)]
    pub request: String,
}

/// An appointment the front desk moves for a caller: to a local day and
/// clock time in the clinic's zone, with a practitioner who offers its
/// type (the same one or another).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskMove {
    /// The appointment's reference (`AP-…`).
    pub reference: String,
    pub practitioner: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, 24-hour.
    pub time: String,
    /// Move it outside the practitioner's hours or the notice; never over
    /// another appointment.
    #[serde(default)]
    pub outside_rules: bool,
}

/// What a booking for a caller came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskBooked {
    pub reference: BookingReference,
    /// Said when the booking is outside the usual rules.
    pub overridden: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_only_a_request_is_confirmed() {
        for status in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::parse(status.value()), Some(status));
        }
        assert!(AppointmentStatus::Requested
            .next()
            .iter()
            .any(|(s, _)| *s == AppointmentStatus::Booked));
        assert!(AppointmentStatus::Cancelled.next().is_empty());
        assert!(!AppointmentStatus::Requested.holds_time());
    }
}
