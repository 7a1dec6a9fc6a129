use crate::server::db::{self, Db};
use anyhow::Context;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::sync::Arc;

const KEY_NAME: &str = "form_signing_key";

/// Issues and checks the token each rendered form carries: a random nonce
/// (the request's idempotency key) and the render time, signed so neither
/// can be forged.
#[derive(Clone)]
pub struct FormSigner {
    key: Arc<[u8; 32]>,
}

/// A token that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedToken {
    pub nonce: String,
    pub issued_at: i64,
}

impl FormSigner {
    /// Loads the key kept in the database, creating it on first start, so
    /// forms rendered before a restart still verify after it.
    pub async fn load_or_create(db: &Db) -> anyhow::Result<Self> {
        let mut fresh = [0_u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut fresh);
        db::secrets::store_if_absent(db, KEY_NAME, fresh.as_slice())
            .await
            .context("storing the form signing key")?;
        let stored = db::secrets::get(db, KEY_NAME)
            .await
            .context("reading the form signing key")?;
        let key: [u8; 32] = stored
            .try_into()
            .map_err(|_| anyhow::anyhow!("the stored form signing key is not 32 bytes"))?;
        Ok(Self { key: Arc::new(key) })
    }

    fn mac(&self, payload: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.key.as_slice())
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(payload.as_bytes());
        mac
    }

    pub fn issue(&self, now_unix: i64) -> String {
        let mut nonce = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = format!("{}.{now_unix}", hex(&nonce));
        let signature = hex(&self.mac(&payload).finalize().into_bytes());
        format!("{payload}.{signature}")
    }

    /// A keyed hash of the client's address, to count its sends by without
    /// storing the address. The same on every server sharing the database.
    pub fn client_tag(&self, client: super::ClientKey) -> String {
        let digest = self
            .mac(&format!("client:{}", client.0))
            .finalize()
            .into_bytes();
        hex(&digest[..16])
    }

    /// The secret of an appointment's manage link: a keyed hash of its
    /// reference (256 bits), so the e-mails can carry the link while the
    /// database keeps only the link's hash. The same on every server.
    pub fn manage_token(&self, reference: &str) -> String {
        hex(&self
            .mac(&format!("manage:{reference}"))
            .finalize()
            .into_bytes())
    }

    pub fn verify(&self, token: &str) -> Option<IssuedToken> {
        let (payload, signature) = token.rsplit_once('.')?;
        let (nonce, issued_at) = payload.split_once('.')?;
        let signature = unhex(signature)?;
        self.mac(payload).verify_slice(&signature).ok()?;
        Some(IssuedToken {
            nonce: nonce.to_owned(),
            issued_at: issued_at.parse().ok()?,
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_as_issued() {
        let signer = FormSigner {
            key: Arc::new([7; 32]),
        };
        let token = signer.issue(1_700_000_000);
        let issued = signer.verify(&token);
        assert_eq!(issued.as_ref().map(|t| t.issued_at), Some(1_700_000_000));
        assert_eq!(issued.map(|t| t.nonce.len()), Some(32));
        let (payload, _) = token.rsplit_once('.').unwrap_or_default();
        let (nonce, _) = payload.split_once('.').unwrap_or_default();
        let backdated = format!(
            "{nonce}.1600000000.{}",
            token.rsplit('.').next().unwrap_or_default()
        );
        assert_eq!(signer.verify(&backdated), None, "changed time");
        assert_eq!(signer.verify("garbage"), None);
        let other = FormSigner {
            key: Arc::new([8; 32]),
        };
        assert_eq!(other.verify(&token), None, "another key");
    }
}
