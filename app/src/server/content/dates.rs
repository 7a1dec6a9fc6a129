//! Moments as stored (UTC) and as people read them: in the clinic's time
//! zone (`CLINIC_TIME_ZONE`), so "received 14:05 EST" is the front desk's
//! clock and an article published late in the evening keeps its local date.

use super::ServerError;
use jiff::tz::TimeZone;
use std::sync::OnceLock;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

/// The clinic's zone when `CLINIC_TIME_ZONE` is not set: our first
/// customer's, in New Jersey.
pub const DEFAULT_ZONE: &str = "America/New_York";

static CLINIC_ZONE: OnceLock<TimeZone> = OnceLock::new();

/// Sets the zone dates are read in, by IANA name, once per process. An
/// unknown name, or a second zone in the same process, is an error.
pub fn use_clinic_zone(name: &str) -> anyhow::Result<()> {
    let zone = TimeZone::get(name).map_err(|e| {
        anyhow::anyhow!(
            "CLINIC_TIME_ZONE={name:?} is not a time zone name such as America/New_York: {e}"
        )
    })?;
    let kept = CLINIC_ZONE.get_or_init(|| zone.clone());
    anyhow::ensure!(
        kept.iana_name() == zone.iana_name(),
        "CLINIC_TIME_ZONE={name:?}: this process already reads times in {}",
        kept.iana_name().unwrap_or("another zone")
    );
    Ok(())
}

/// The zone the clinic's clocks show (`CLINIC_TIME_ZONE`).
pub fn clinic_zone() -> &'static TimeZone {
    CLINIC_ZONE.get_or_init(|| TimeZone::get(DEFAULT_ZONE).unwrap_or(TimeZone::UTC))
}

/// A moment as stored: RFC 3339 in UTC, second precision, so text order is time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn from_datetime(at: OffsetDateTime) -> Self {
        Self(
            at.to_offset(UtcOffset::UTC)
                .replace_nanosecond(0)
                .unwrap_or(at),
        )
    }

    /// Midnight at the clinic of a `YYYY-MM-DD` date.
    pub fn parse_date(raw: &str) -> anyhow::Result<Self> {
        let date: jiff::civil::Date = raw
            .parse()
            .map_err(|e| anyhow::anyhow!("{raw:?} is not a YYYY-MM-DD date: {e}"))?;
        Self::on_clinic_clock(date.to_datetime(jiff::civil::Time::midnight()))
    }

    /// `2023-12-13T15:04:05`, a wall-clock time at the clinic.
    pub fn parse_clinic_time(raw: &str) -> anyhow::Result<Self> {
        let at: jiff::civil::DateTime = raw
            .parse()
            .map_err(|e| anyhow::anyhow!("{raw:?} is not a date and time: {e}"))?;
        Self::on_clinic_clock(at)
    }

    fn on_clinic_clock(at: jiff::civil::DateTime) -> anyhow::Result<Self> {
        let zoned = at
            .to_zoned_datetime(clinic_zone().clone())
            .map_err(|e| anyhow::anyhow!("{at} at the clinic: {e}"))?;
        Ok(Self::from_unix(zoned.timestamp().as_second()))
    }

    pub fn parse_stored(raw: &str) -> Result<Self, ServerError> {
        OffsetDateTime::parse(raw, &Rfc3339)
            .map(Self)
            .map_err(|e| ServerError::Corrupt(format!("timestamp {raw:?}: {e}")))
    }

    pub fn from_unix(seconds: i64) -> Self {
        Self::from_datetime(
            OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }

    pub fn unix(&self) -> i64 {
        self.0.unix_timestamp()
    }

    pub fn to_stored(&self) -> String {
        let f = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
        self.0.format(f).unwrap_or_default()
    }

    /// `Wed, 13 Dec 2023 00:00:00 +0000`, for RSS.
    pub fn rfc2822(&self) -> String {
        self.0
            .format(&time::format_description::well_known::Rfc2822)
            .unwrap_or_default()
    }

    /// This moment on the clinic's clock and calendar.
    fn at_clinic(&self) -> jiff::ZonedDateTime {
        jiff::Timestamp::from_second(self.0.unix_timestamp())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned_datetime(clinic_zone().clone())
    }

    /// `2023-12-13`, the clinic's date, for `<time datetime>`.
    pub fn iso_date(&self) -> String {
        self.at_clinic().strftime("%Y-%m-%d").to_string()
    }

    /// `Dec 13, 2023`, the clinic's date, as its pages have always shown
    /// dates (the message files' short date).
    pub fn label(&self) -> String {
        self.label_in(crate::domain::Locale::En)
    }

    /// The clinic's date as `locale` writes it short ("13 dic 2023").
    pub fn label_in(&self, locale: crate::domain::Locale) -> String {
        let at = self.at_clinic();
        crate::server::i18n::date_short(
            locale,
            at.year(),
            at.month().unsigned_abs(),
            at.day().unsigned_abs(),
        )
    }
}

/// A stored timestamp as staff pages show it: `Dec 13, 2023 14:05 EST`.
pub fn staff_time(stored: &str) -> Result<String, ServerError> {
    let t = Timestamp::parse_stored(stored)?;
    Ok(t.at_clinic().strftime("%b %-d, %Y %H:%M %Z").to_string())
}

pub fn now_utc() -> Timestamp {
    Timestamp::from_datetime(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_way_the_clinic_writes_them() -> anyhow::Result<()> {
        // Tests run in the default zone, New York (UTC-5 in December).
        let t = Timestamp::parse_date("2023-12-13")?;
        assert_eq!(t.label(), "Dec 13, 2023");
        assert_eq!(t.iso_date(), "2023-12-13");
        assert_eq!(t.to_stored(), "2023-12-13T05:00:00Z");
        assert_eq!(
            Timestamp::parse_stored(&t.to_stored()).map_err(|e| anyhow::anyhow!("{e}"))?,
            t
        );
        assert_eq!(Timestamp::parse_date("2024-03-05")?.label(), "Mar 5, 2024");
        assert!(Timestamp::parse_date("13/12/2023").is_err());
        Ok(())
    }

    #[test]
    fn people_read_times_on_the_clinics_clock() -> anyhow::Result<()> {
        let stored = |raw: &str| Timestamp::parse_stored(raw).map_err(|e| anyhow::anyhow!("{e}"));
        // 22:30 in New York is already the next day in UTC.
        let evening = stored("2023-12-14T03:30:00Z")?;
        assert_eq!(evening.label(), "Dec 13, 2023");
        assert_eq!(evening.iso_date(), "2023-12-13");
        assert_eq!(
            staff_time("2023-12-14T03:30:00Z").map_err(|e| anyhow::anyhow!("{e}"))?,
            "Dec 13, 2023 22:30 EST"
        );
        // Summer time.
        assert_eq!(
            staff_time("2024-07-01T18:05:00Z").map_err(|e| anyhow::anyhow!("{e}"))?,
            "Jul 1, 2024 14:05 EDT"
        );
        assert_eq!(
            Timestamp::parse_clinic_time("2024-07-01T14:05:00")?.to_stored(),
            "2024-07-01T18:05:00Z"
        );
        Ok(())
    }

    #[test]
    fn an_unknown_zone_is_refused_by_name() {
        let error = use_clinic_zone("Mars/Olympus_Mons")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("CLINIC_TIME_ZONE=\"Mars/Olympus_Mons\""),
            "{error}"
        );
    }
}
