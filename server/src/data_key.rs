//! The data key: loading it at start (creating it for a new database only),
//! checking it is this database's, and rotating it (`server rotate-key`).
//!
//! The database stores a key check (a constant sealed under its key), never
//! the key. A rotation writes the new key to `<DATA_KEY_FILE>.next`,
//! re-seals every value under it in batches, records the new key's check,
//! then retires the old key to `<DATA_KEY_FILE>.old` and moves the new one
//! into place. Every step can be repeated, so an interrupted rotation is
//! finished by running it again, and a server started in between holds
//! both keys and reads everything.

use crate::config::{Config, DataKeySource};
use anyhow::{bail, Context};
use app::server::db::{self, requests::Reseal, Db};
use app::server::vault::{sealed_key_name, DataKey, Vault};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::io::Write;
use std::path::{Path, PathBuf};

const CHECK: &str = "data_key_check";
/// Values of each field re-sealed per transaction.
pub const BATCH: u32 = 200;

/// The vault the server runs with. A new database gets a new key file; a
/// database with sealed data and no key, or with another key, stops the
/// start with what to do. Values stored in plain text by an earlier
/// version are sealed now.
pub async fn open_vault(config: &Config, db: &Db) -> anyhow::Result<Vault> {
    let check = db::secrets::find(db, CHECK).await?;
    let vault = match (held_keys(&config.data_key)?, &check) {
        (Some(vault), _) => vault,
        (None, Some(_)) => bail!(missing_key(&config.data_key)),
        (None, None) => {
            if db::requests::any_sealed(db).await? {
                bail!(missing_key(&config.data_key));
            }
            let DataKeySource::File(path) = &config.data_key else {
                bail!("DATA_KEY is set but was not read")
            };
            let key = create_key_file(path)?;
            tracing::info!(file = %path.display(), key = %key.id(), "created the data key: back it up apart from the database");
            Vault::new(key, Vec::new())
        }
    };
    match check {
        Some(check) if !vault.opens_check(&check) => bail!(
            "the data key from {} (key {}) is not this database's: its requests are sealed under key {}. \
             Use the key file that was backed up with this database; starting with another key would leave every request unreadable",
            describe(&config.data_key),
            vault.current().id(),
            sealed_key_name(&check).unwrap_or_else(|| "?".into())
        ),
        Some(_) => {}
        None => db::secrets::set(db, CHECK, &vault.key_check()).await?,
    }
    let mut sealed = 0;
    loop {
        let done = db::requests::reseal(db, &vault, Reseal::Plain, BATCH).await?;
        if done == 0 {
            break;
        }
        sealed += done;
    }
    if sealed > 0 {
        db::checkpoint(db).await?;
        tracing::info!(
            values = sealed,
            "sealed values stored before encryption at rest"
        );
    }
    Ok(vault)
}

/// How far a rotation got.
#[derive(Debug, PartialEq, Eq)]
pub struct Rotation {
    /// Values re-sealed by this run.
    pub resealed: u64,
    /// The new key is in place and the old one retired.
    pub finished: bool,
    /// The key now in `DATA_KEY_FILE` (or `.next`, if not finished).
    pub key: String,
}

/// Re-seals everything under a new key (see the module doc), `batch`
/// values of each field per transaction. `max_batches` stops early, as an
/// interruption would (tests); `None` runs to the end.
pub async fn rotate(
    config: &Config,
    db: &Db,
    batch: u32,
    max_batches: Option<u32>,
) -> anyhow::Result<Rotation> {
    let DataKeySource::File(path) = &config.data_key else {
        bail!(
            "rotate-key works on a key file, and DATA_KEY is set: put the current key in a file (mode 0600), \
             point DATA_KEY_FILE at it, unset DATA_KEY, and run rotate-key again"
        )
    };
    // Refuses a wrong or missing key, exactly as a start would.
    open_vault(config, db).await?;
    let next_path = with_suffix(path, "next");
    if path.exists() && !next_path.exists() {
        create_key_file(&next_path)?;
    }
    let Some(vault) = held_keys(&config.data_key)? else {
        bail!(missing_key(&config.data_key))
    };
    let mut resealed = 0;
    let mut batches = 0;
    loop {
        if max_batches.is_some_and(|max| batches >= max) {
            return Ok(Rotation {
                resealed,
                finished: false,
                key: vault.current().id(),
            });
        }
        let done = db::requests::reseal(db, &vault, Reseal::NotCurrent, batch).await?;
        if done == 0 {
            break;
        }
        resealed += done;
        batches += 1;
    }
    db::secrets::set(db, CHECK, &vault.key_check()).await?;
    db::checkpoint(db).await?;
    if path.exists() && next_path.exists() {
        std::fs::rename(path, with_suffix(path, "old"))
            .with_context(|| format!("retiring the old key {}", path.display()))?;
    }
    if next_path.exists() {
        std::fs::rename(&next_path, path)
            .with_context(|| format!("moving the new key into {}", path.display()))?;
    }
    Ok(Rotation {
        resealed,
        finished: true,
        key: vault.current().id(),
    })
}

/// The keys this server holds: during a rotation the new key seals and
/// both open. `None`: no key at all.
fn held_keys(source: &DataKeySource) -> anyhow::Result<Option<Vault>> {
    match source {
        DataKeySource::Inline(text) => {
            let key = decode(text.trim()).context(
                "DATA_KEY is not a data key: expected the base64 of 32 bytes, as in a key file",
            )?;
            Ok(Some(Vault::new(key, Vec::new())))
        }
        DataKeySource::File(path) => {
            let current = read_key_file(path)?;
            let next = read_key_file(&with_suffix(path, "next"))?;
            Ok(match (next, current) {
                (Some(next), current) => Some(Vault::new(next, current.into_iter().collect())),
                (None, Some(current)) => Some(Vault::new(current, Vec::new())),
                (None, None) => None,
            })
        }
    }
}

fn missing_key(source: &DataKeySource) -> String {
    format!(
        "this database holds patients' requests sealed under a data key, and there is no key at {}. \
         Restore the key file from its backup (see docs/privacy-and-security.md); \
         a new key would not open the existing requests, so none is created",
        describe(source)
    )
}

fn describe(source: &DataKeySource) -> String {
    match source {
        DataKeySource::File(path) => format!("DATA_KEY_FILE {}", path.display()),
        DataKeySource::Inline(_) => "DATA_KEY".to_owned(),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn decode(text: &str) -> anyhow::Result<DataKey> {
    let bytes = STANDARD.decode(text).context("not base64")?;
    DataKey::from_bytes(&bytes)
        .with_context(|| format!("{} bytes, not {}", bytes.len(), DataKey::LEN))
}

/// The key in `path`; `None` if there is no such file. A file others can
/// read is refused: the key is as private as every request it opens.
fn read_key_file(path: &Path) -> anyhow::Result<Option<DataKey>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the data key {}", path.display()))
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .with_context(|| format!("reading the data key {}", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            bail!(
                "the data key {} can be read by other users (mode {:o}): run `chmod 600 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
    }
    decode(text.trim())
        .map(Some)
        .with_context(|| format!("the data key {} is damaged", path.display()))
}

/// Writes a new random key to `path` (which must not exist), readable and
/// writable by its owner only, and synced to disk before it is used.
fn create_key_file(path: &Path) -> anyhow::Result<DataKey> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("creating the folder of the data key {}", dir.display()))?;
    }
    let bytes = DataKey::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating the data key {}", path.display()))?;
    writeln!(file, "{}", STANDARD.encode(bytes))
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing the data key {}", path.display()))?;
    DataKey::from_bytes(&bytes).context("a generated key has the right length")
}

/// The id of the key this configuration holds (the next one during a
/// rotation), without touching any database; `None`: no key yet.
pub fn held_key_id(source: &DataKeySource) -> anyhow::Result<Option<String>> {
    Ok(held_keys(source)?.map(|vault| vault.current().id()))
}
