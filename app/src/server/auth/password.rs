use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::fmt;
use std::sync::LazyLock;

/// An argon2id hash in PHC format. Not `Serialize` and not `Display`, so it
/// can't end up in a response or a log line by accident.
#[derive(Clone)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

/// Hashes with argon2id's default parameters, off the async executor.
pub async fn hash_password(password: String) -> anyhow::Result<PasswordHash> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| PasswordHash(h.to_string()))
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await?
}

/// A hash to check against when the account doesn't exist, so an unknown
/// e-mail costs the same time as a wrong password.
static DUMMY: LazyLock<Option<String>> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(b"no such account", &salt)
        .ok()
        .map(|h| h.to_string())
});

/// Checks a password against a stored hash (or the dummy), off the executor.
pub async fn verify_password(password: String, stored: Option<PasswordHash>) -> bool {
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let phc = match stored {
            Some(hash) => hash.0,
            None => DUMMY.clone().unwrap_or_default(),
        };
        let Ok(parsed) = argon2::password_hash::PasswordHash::new(&phc) else {
            return false;
        };
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        exists && matches
    })
    .await
    .unwrap_or(false)
}
