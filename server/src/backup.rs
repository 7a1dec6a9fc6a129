//! `server backup DIR` and `server restore DIR`: a consistent copy of the
//! database (taken while the site serves and writes), the uploaded images,
//! and the data key's id (never the key: it is backed up apart).
//!
//! A running server holds a shared lock on `<database>.lock`; a restore
//! takes it exclusively, so it never overwrites a running site's database.

use crate::config::{database_file, Config};
use anyhow::{bail, Context};
use app::server::db;
use std::fs::File;
use std::path::{Path, PathBuf};

const DATABASE: &str = "clinic.db";
const MEDIA: &str = "media";
const KEY_ID: &str = "data-key-id.txt";

/// Held by a running server for as long as it runs (on SQLite: a
/// PostgreSQL server keeps its own).
pub struct RunningLock {
    _file: Option<File>,
}

fn lock_path(config: &Config) -> PathBuf {
    let mut name = database_file(&config.database_url).into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// Marks the database as in use by a running server (others may share it).
pub fn hold_running_lock(config: &Config) -> anyhow::Result<RunningLock> {
    if crate::config::is_postgres(&config.database_url) {
        return Ok(RunningLock { _file: None });
    }
    let path = lock_path(config);
    let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    file.try_lock_shared()
        .map_err(|e| anyhow::anyhow!("{}: {e}: a restore is under way", path.display()))?;
    Ok(RunningLock { _file: Some(file) })
}

/// What a backup wrote.
#[derive(Debug)]
pub struct Backup {
    pub media_files: usize,
    pub key_id: String,
}

pub async fn backup(config: &Config, dest: &Path) -> anyhow::Result<Backup> {
    if crate::config::is_postgres(&config.database_url) {
        bail!("`server backup` copies a SQLite database: back PostgreSQL up with pg_dump (see docs/postgresql.md)");
    }
    if dest.join(DATABASE).exists() {
        bail!(
            "{} already holds a backup: choose a new folder",
            dest.display()
        );
    }
    std::fs::create_dir_all(dest).with_context(|| format!("creating {}", dest.display()))?;
    let pool = db::connect(&config.database_url).await?;
    let key_id = crate::data_key::open_vault(config, &pool)
        .await?
        .current()
        .id();
    db::backup(&pool, &dest.join(DATABASE)).await?;
    // A bucket (MEDIA_STORE) is backed up by its own provider's means.
    let media_files = match config.media_store {
        None => copy_dir(&config.media_dir, &dest.join(MEDIA))?,
        Some(_) => 0,
    };
    std::fs::write(
        dest.join(KEY_ID),
        format!("{key_id}\n# The id of the data key the requests are sealed under. The key itself is not here.\n"),
    )?;
    Ok(Backup {
        media_files,
        key_id,
    })
}

/// What a restore put in place.
#[derive(Debug)]
pub struct Restored {
    pub media_files: usize,
}

/// Puts a backup in place of the configured database (`replace`: even if
/// one exists) and media folder, after checking the backup's integrity and
/// that the configured data key is the one its requests are sealed under.
pub async fn restore(config: &Config, src: &Path, replace: bool) -> anyhow::Result<Restored> {
    if crate::config::is_postgres(&config.database_url) {
        bail!("`server restore` restores a SQLite database: restore PostgreSQL with pg_restore (see docs/postgresql.md)");
    }
    let lock_file = lock_path(config);
    if let Some(dir) = lock_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let lock = File::create(&lock_file)?;
    if lock.try_lock().is_err() {
        bail!(
            "the site is running on {}: stop it before restoring",
            config.database_url
        );
    }
    let backup = src.join(DATABASE);
    if !backup.exists() {
        bail!("{} holds no backup ({DATABASE} is missing)", src.display());
    }
    let target = database_file(&config.database_url);
    if target.exists() && !replace {
        bail!(
            "{} exists: pass --replace to put the backup in its place (what it holds now is lost)",
            target.display()
        );
    }
    let check = db::connect_read_only(&backup).await?;
    let integrity = db::integrity_check(&check)
        .await
        .context("checking the backup's integrity")?;
    check.close().await;
    if integrity != "ok" {
        bail!("the backup in {} is damaged: {integrity}", src.display());
    }
    let wanted = std::fs::read_to_string(src.join(KEY_ID)).unwrap_or_default();
    let wanted = wanted.lines().next().unwrap_or_default().trim().to_owned();
    match crate::data_key::held_key_id(&config.data_key)? {
        Some(held) if !wanted.is_empty() && held != wanted => bail!(
            "this backup's requests are sealed under data key {wanted}, and the configured key is {held}: restore that key file first"
        ),
        Some(_) => {}
        None => bail!(
            "there is no data key here: restore the key file (key {wanted}) from its own backup first, then run restore again"
        ),
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut stale = target.clone().into_os_string();
        stale.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(stale));
    }
    std::fs::copy(&backup, &target).with_context(|| format!("copying to {}", target.display()))?;
    let media_files = copy_dir(&src.join(MEDIA), &config.media_dir)?;
    // Opens it as the server will: migrations, and the key check.
    let pool = db::connect(&config.database_url).await?;
    crate::data_key::open_vault(config, &pool).await?;
    Ok(Restored { media_files })
}

/// Copies the files of `from` (and its folders) into `to`; none if `from`
/// does not exist.
fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<usize> {
    if !from.exists() {
        return Ok(0);
    }
    std::fs::create_dir_all(to)?;
    let mut copied = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copied += copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            copied += 1;
        }
    }
    Ok(copied)
}
