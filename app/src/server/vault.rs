//! Encryption of patients' data at rest. Each value is sealed on its own
//! with XChaCha20-Poly1305 (random 192-bit nonce, so nonces never need
//! counting), bound by associated data to the row and field it belongs to:
//! a value copied into another request's row, or into another field, fails
//! to open instead of showing the wrong patient's data.
//!
//! A sealed value is `[1][key id: 4][nonce: 24][ciphertext + tag]`. The key
//! id names the key it was sealed under, so a keyring holding the current
//! and the next key reads a database that a rotation left half done.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use std::sync::Arc;

const VERSION: u8 = 1;
const ID_LEN: usize = 4;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 1 + ID_LEN + NONCE_LEN;
/// What the key check seals: opening it proves a key is the database's.
const CHECK_PLAINTEXT: &[u8] = b"clinic data key check";
const CHECK_CONTEXT: &str = "secrets:data_key_check";

/// A 256-bit data key.
#[derive(Clone)]
pub struct DataKey {
    id: [u8; ID_LEN],
    cipher: XChaCha20Poly1305,
}

impl DataKey {
    pub const LEN: usize = 32;

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != Self::LEN {
            return None;
        }
        let digest = Sha256::new()
            .chain_update(b"clinic data key id\0")
            .chain_update(bytes)
            .finalize();
        let mut id = [0; ID_LEN];
        id.copy_from_slice(&digest[..ID_LEN]);
        Some(Self {
            id,
            cipher: XChaCha20Poly1305::new(Key::from_slice(bytes)),
        })
    }

    /// A new random key's bytes, from the OS.
    pub fn generate() -> [u8; Self::LEN] {
        XChaCha20Poly1305::generate_key(&mut OsRng).into()
    }

    /// The key's public name (eight hex digits), safe to print and log.
    pub fn id(&self) -> String {
        hex(&self.id)
    }
}

/// Why a sealed value did not open.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("sealed under key {0}, which this server does not hold")]
    UnknownKey(String),
    #[error("not a sealed value, or changed or moved since it was sealed")]
    Tampered,
}

/// The keys the server holds: the current one seals; any of them opens.
#[derive(Clone)]
pub struct Vault(Arc<Keyring>);

struct Keyring {
    current: DataKey,
    others: Vec<DataKey>,
}

impl Vault {
    pub fn new(current: DataKey, others: Vec<DataKey>) -> Self {
        Self(Arc::new(Keyring { current, others }))
    }

    /// The key new values are sealed under.
    pub fn current(&self) -> &DataKey {
        &self.0.current
    }

    /// Seals `plaintext` for the field named by `context`
    /// (`"consultations:<reference>:name"`).
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        let key = &self.0.current;
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.push(VERSION);
        header.extend_from_slice(&key.id);
        header.extend_from_slice(&nonce);
        let aad = [&header[..], context.as_bytes()].concat();
        // Encryption fails only for plaintexts of ~256 GiB.
        let sealed = key
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .unwrap_or_default();
        header.extend_from_slice(&sealed);
        header
    }

    pub fn seal_str(&self, context: &str, plaintext: &str) -> Vec<u8> {
        self.seal(context, plaintext.as_bytes())
    }

    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        if sealed.len() < HEADER_LEN || sealed[0] != VERSION {
            return Err(OpenError::Tampered);
        }
        let (header, body) = sealed.split_at(HEADER_LEN);
        let id = &header[1..=ID_LEN];
        let key = std::iter::once(&self.0.current)
            .chain(&self.0.others)
            .find(|k| k.id == id)
            .ok_or_else(|| OpenError::UnknownKey(hex(id)))?;
        let aad = [header, context.as_bytes()].concat();
        key.cipher
            .decrypt(
                XNonce::from_slice(&header[1 + ID_LEN..]),
                Payload {
                    msg: body,
                    aad: &aad,
                },
            )
            .map_err(|_| OpenError::Tampered)
    }

    pub fn open_str(&self, context: &str, sealed: &[u8]) -> Result<String, OpenError> {
        String::from_utf8(self.open(context, sealed)?).map_err(|_| OpenError::Tampered)
    }

    /// A value only this vault's current key opens: stored beside the data
    /// so a server started with another key stops instead of failing on
    /// every request.
    pub fn key_check(&self) -> Vec<u8> {
        self.seal(CHECK_CONTEXT, CHECK_PLAINTEXT)
    }

    /// Whether `check` was made by one of this vault's keys.
    pub fn opens_check(&self, check: &[u8]) -> bool {
        self.open(CHECK_CONTEXT, check)
            .is_ok_and(|plain| plain == CHECK_PLAINTEXT)
    }

    /// The current key's id as it is stored in each sealed value.
    pub fn current_id(&self) -> [u8; ID_LEN] {
        self.0.current.id
    }
}

/// The id of the key `sealed` names, if it is a sealed value.
pub fn sealed_key_id(sealed: &[u8]) -> Option<&[u8]> {
    (sealed.len() >= HEADER_LEN && sealed[0] == VERSION).then(|| &sealed[1..=ID_LEN])
}

/// The id `sealed` names, as [`DataKey::id`] prints it.
pub fn sealed_key_name(sealed: &[u8]) -> Option<String> {
    sealed_key_id(sealed).map(hex)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> Vault {
        Vault::new(
            DataKey::from_bytes(&DataKey::generate()).unwrap_or_else(|| panic!("key")),
            Vec::new(),
        )
    }

    #[test]
    fn a_sealed_value_opens_only_in_its_own_place() {
        let vault = vault();
        let sealed = vault.seal_str("consultations:AB12:name", "Maria Lopez");
        assert!(!sealed.windows(5).any(|w| w == b"Maria"));
        assert_eq!(
            vault.open_str("consultations:AB12:name", &sealed),
            Ok("Maria Lopez".to_owned())
        );
        // Moved to another request, or to another field of the same one.
        assert_eq!(
            vault.open_str("consultations:CD34:name", &sealed),
            Err(OpenError::Tampered)
        );
        assert_eq!(
            vault.open_str("consultations:AB12:message", &sealed),
            Err(OpenError::Tampered)
        );
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(
            vault.open_str("consultations:AB12:name", &flipped),
            Err(OpenError::Tampered)
        );
    }

    #[test]
    fn every_value_has_its_own_nonce() {
        let vault = vault();
        let a = vault.seal_str("c", "same");
        let b = vault.seal_str("c", "same");
        assert_ne!(a, b);
    }

    #[test]
    fn another_key_neither_opens_values_nor_passes_the_check() {
        let (ours, theirs) = (vault(), vault());
        let sealed = ours.seal_str("c", "secret");
        assert!(matches!(
            theirs.open_str("c", &sealed),
            Err(OpenError::UnknownKey(_))
        ));
        assert!(ours.opens_check(&ours.key_check()));
        assert!(!theirs.opens_check(&ours.key_check()));
    }

    #[test]
    fn a_keyring_opens_values_under_its_earlier_key() {
        let old = DataKey::from_bytes(&DataKey::generate()).unwrap_or_else(|| panic!("key"));
        let new = DataKey::from_bytes(&DataKey::generate()).unwrap_or_else(|| panic!("key"));
        let before = Vault::new(old.clone(), Vec::new()).seal_str("c", "kept");
        let during = Vault::new(new, vec![old]);
        let current = during.current_id();
        assert_ne!(sealed_key_id(&before), Some(&current[..]));
        assert_eq!(during.open_str("c", &before), Ok("kept".to_owned()));
        assert_eq!(
            sealed_key_id(&during.seal_str("c", "x")),
            Some(&current[..])
        );
    }
}
