//! The staff second factor: TOTP (RFC 6238: SHA-1, six digits, 30-second
//! steps, what every authenticator app speaks) and one-time recovery codes.

use crate::domain::staff::{Enrolment, RECOVERY_CODES};
use crate::server::ServerError;
use rand::RngCore;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;
/// Steps either side of now that are still accepted (a phone's clock a
/// little off, a code typed as it changed).
const SKEW: i64 = 1;
/// The recovery codes' alphabet: no 0/o, 1/l/i to misread.
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// A new secret: 160 random bits, as RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0; 20];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], issuer: &str, account: &str) -> Result<TOTP, ServerError> {
    TOTP::new(
        Algorithm::SHA1,
        6,
        0,
        STEP_SECS,
        secret.to_vec(),
        Some(issuer.to_owned()),
        account.to_owned(),
    )
    .map_err(|e| ServerError::Corrupt(format!("TOTP secret: {e}")))
}

/// What the enrolment page shows: the secret, its address and a QR code.
pub fn enrolment(secret: &[u8], issuer: &str, account: &str) -> Result<Enrolment, ServerError> {
    let uri = totp(secret, issuer, account)?.get_url();
    let qr = qrcode::QrCode::new(uri.as_bytes())
        .map_err(|e| ServerError::Corrupt(format!("QR code: {e}")))?;
    let qr_svg = qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(Enrolment {
        secret: Secret::Raw(secret.to_vec()).to_encoded().to_string(),
        uri,
        qr_svg,
    })
}

/// The time step of `code` if it is the code of a step within [`SKEW`] of
/// `now` (unix seconds).
pub fn matching_step(secret: &[u8], code: &str, now: i64) -> Option<i64> {
    let code = six_digits(code)?;
    let totp = totp(secret, "", "x").ok()?;
    let step_secs = i64::try_from(STEP_SECS).ok()?;
    let now_step = now / step_secs;
    (now_step - SKEW..=now_step + SKEW)
        .find(|step| u64::try_from(step * step_secs).is_ok_and(|time| totp.check(&code, time)))
}

/// The code typed, if it is six digits (spaces allowed), not a recovery code.
fn six_digits(input: &str) -> Option<String> {
    let code = input.trim().replace(' ', "");
    (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// Whether `input` looks like a six-digit code rather than a recovery code.
pub fn is_totp_code(input: &str) -> bool {
    six_digits(input).is_some()
}

/// Ten new recovery codes, `xxxxx-xxxxx` (50 random bits each).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..10)
                .map(|_| {
                    let i = usize::try_from(rng.next_u32()).unwrap_or(0) % ALPHABET.len();
                    char::from(ALPHABET[i])
                })
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// The stored form of a recovery code, however it was typed (case,
/// spaces, the dash).
pub fn recovery_hash(code: &str) -> Vec<u8> {
    let normal: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::new()
        .chain_update(b"clinic recovery code\0")
        .chain_update(normal.as_bytes())
        .finalize()
        .to_vec()
}

/// The associated data of a member's sealed secret.
pub fn secret_context(staff_id: i64) -> String {
    format!("staff:{staff_id}:totp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_own_step_and_its_neighbours_only() {
        let secret = new_secret();
        let totp = totp(&secret, "Clinic", "ada@clinic.example").unwrap_or_else(|e| panic!("{e}"));
        let now = 1_800_000_015;
        let code = totp.generate(u64::try_from(now).unwrap_or(0));
        assert_eq!(matching_step(&secret, &code, now), Some(now / 30));
        assert_eq!(matching_step(&secret, &code, now + 30), Some(now / 30));
        assert_eq!(
            matching_step(&secret, &code, now + 95),
            None,
            "three steps later"
        );
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_the_same_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(
            recovery_hash(code),
            recovery_hash(&code.to_uppercase().replace('-', " "))
        );
        assert_ne!(recovery_hash(code), recovery_hash(&codes[1]));
    }

    #[test]
    fn enrolment_draws_the_address_as_a_qr_code() {
        let enrolment = enrolment(&new_secret(), "Clinic staff", "ada@clinic.example")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            enrolment
                .uri
                .starts_with("otpauth://totp/Clinic%20staff:ada%40clinic.example?"),
            "{}",
            enrolment.uri
        );
        assert!(enrolment
            .uri
            .contains(&format!("secret={}", enrolment.secret)));
        assert!(enrolment.qr_svg.contains("<svg"));
        assert_eq!(enrolment.secret.len(), 32, "160 bits in base32");
    }
}
