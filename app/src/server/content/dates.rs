use super::ServerError;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

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

    /// Midnight UTC of a `YYYY-MM-DD` date.
    pub fn parse_date(raw: &str) -> anyhow::Result<Self> {
        let date = time::Date::parse(raw, format_description!("[year]-[month]-[day]"))
            .map_err(|e| anyhow::anyhow!("{raw:?} is not a YYYY-MM-DD date: {e}"))?;
        Ok(Self(date.midnight().assume_utc()))
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

    /// `2023-12-13`, for `<time datetime>`.
    pub fn iso_date(&self) -> String {
        self.0
            .date()
            .format(format_description!("[year]-[month]-[day]"))
            .unwrap_or_default()
    }

    /// `14:05 UTC`, for staff pages.
    pub fn clock(&self) -> String {
        self.0
            .format(format_description!("[hour]:[minute] UTC"))
            .unwrap_or_default()
    }

    /// `Dec 13, 2023`, as the clinic's pages have always shown dates.
    pub fn label(&self) -> String {
        self.0
            .date()
            .format(format_description!(
                "[month repr:short] [day padding:none], [year]"
            ))
            .unwrap_or_default()
    }
}

/// A stored timestamp as staff pages show it: `Dec 13, 2023 14:05 UTC`.
pub fn staff_time(stored: &str) -> Result<String, ServerError> {
    let t = Timestamp::parse_stored(stored)?;
    Ok(format!("{} {}", t.label(), t.clock()))
}

pub fn now_utc() -> Timestamp {
    Timestamp::from_datetime(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_way_the_clinic_writes_them() -> anyhow::Result<()> {
        let t = Timestamp::parse_date("2023-12-13")?;
        assert_eq!(t.label(), "Dec 13, 2023");
        assert_eq!(t.iso_date(), "2023-12-13");
        assert_eq!(t.to_stored(), "2023-12-13T00:00:00Z");
        assert_eq!(
            Timestamp::parse_stored(&t.to_stored()).map_err(|e| anyhow::anyhow!("{e}"))?,
            t
        );
        assert_eq!(Timestamp::parse_date("2024-03-05")?.label(), "Mar 5, 2024");
        assert!(Timestamp::parse_date("13/12/2023").is_err());
        Ok(())
    }
}
