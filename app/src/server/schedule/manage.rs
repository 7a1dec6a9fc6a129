//! A patient's own appointment, found by the secret in their link (only
//! its hash is stored): what the confirmation page shows, and the
//! calendar file. Neither opens what the patient typed: a link passed on
//! shows a time, not a person.

use super::words::label;
use crate::domain::booking::{BookingReference, ManagedBooking};
use crate::domain::Locale;
use crate::server::content::{clinic_zone, now_utc};
use crate::server::db::{appointments, Db};
use crate::server::ServerError;
use jiff::Timestamp;

/// The appointment behind a manage link's `token`, in `locale`.
pub async fn find(
    db: &Db,
    token: &str,
    locale: Locale,
) -> Result<Option<ManagedBooking>, ServerError> {
    let hash = super::manage_token_hash(token);
    let Some(row) = appointments::by_manage_hash(db, &hash, locale.code()).await? else {
        return Ok(None);
    };
    let start = Timestamp::from_second(row.starts_at)
        .map_err(|e| ServerError::Corrupt(format!("an appointment's start: {e}")))?;
    let reference = BookingReference::parse(&row.reference).ok_or_else(|| {
        ServerError::Corrupt(format!("appointment reference {:?}", row.reference))
    })?;
    Ok(Some(ManagedBooking {
        reference,
        kind: row.type_name.clone(),
        when: label(
            locale,
            start,
            clinic_zone(),
            row.duration_minutes,
            &row.practitioner_name,
        ),
        status: row.status.clone(),
        past: row.starts_at <= now_utc().unix(),
    }))
}

/// The appointment as an iCalendar file (RFC 5545): its instants in UTC,
/// so every calendar shows it at the right local time, on either side of
/// a daylight-saving change. `None` for an unknown token.
pub async fn calendar(
    db: &Db,
    token: &str,
    clinic: &crate::domain::ClinicInfo,
    host: &str,
) -> Result<Option<(String, String)>, ServerError> {
    let hash = super::manage_token_hash(token);
    let Some(row) = appointments::by_manage_hash(db, &hash, "en").await? else {
        return Ok(None);
    };
    let utc = |seconds: i64| -> Result<String, ServerError> {
        Timestamp::from_second(seconds)
            .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
            .map_err(|e| ServerError::Corrupt(format!("an appointment's time: {e}")))
    };
    let status = if row.status == "requested" {
        "TENTATIVE"
    } else if row.status == "cancelled" || row.status == "declined" {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//{}//Online booking//EN", text(&clinic.name)),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@{}", row.reference, text(host)),
        format!("DTSTAMP:{}", utc(now_utc().unix())?),
        format!("DTSTART:{}", utc(row.starts_at)?),
        format!("DTEND:{}", utc(row.ends_at)?),
        format!(
            "SUMMARY:{}",
            text(&format!("{} ({})", row.type_name, clinic.name))
        ),
        format!(
            "DESCRIPTION:{}",
            text(&format!(
                "{} with {}. Reference {}. Call {} to change it.",
                row.type_name, row.practitioner_name, row.reference, clinic.phone
            ))
        ),
        format!("STATUS:{status}"),
    ];
    if let Some(address) = &clinic.address {
        lines.push(format!("LOCATION:{}", text(address)));
    }
    lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
    let body: String = lines.iter().map(|line| fold(line)).collect();
    Ok(Some((row.reference, body)))
}

/// A TEXT value, escaped as RFC 5545 says.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// One content line, folded at 75 octets (never inside a character), CRLF-ended.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_and_text_is_escaped() {
        let folded = fold(&format!("DESCRIPTION:{}", "ñ".repeat(60)));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
