//! Commands of the server binary besides serving.

use crate::config::Config;
use anyhow::Context;
use app::domain::staff::Role;
use app::server::auth::accounts::{self, CreateError};
use app::server::db;
use std::io::BufRead;

pub const USAGE: &str = "\
usage:
  server                                         serve the site
  server create-admin --email E --name \"N\"       create an administrator;
                                                 the password is read from standard input
  server import-wordpress FILE [--pages] [--uploads DIR | --fetch]
                                                 import posts (and pages, as drafts) from a
                                                 WordPress export with their images, read
                                                 from a copy of wp-content/uploads or fetched
                                                 from the old site; safe to run again
  server precompress                             write brotli and gzip copies of the built
                                                 files (run after each build)
  server verify-audit                            check that no audit log entry was changed,
                                                 removed or inserted afterwards
  server rotate-key                              re-seal patients' data under a new data key
                                                 (stop the server first; run again if interrupted)
  server backup DIR                              write a consistent copy of the database, the
                                                 uploaded images and the data key's id to DIR
                                                 (safe while the site runs; the key is not in it)
  server restore DIR [--replace]                 put a backup in place (the site stopped); checks
                                                 its integrity and that the data key matches
  server migrate-to-postgres URL                 copy this SQLite site (DATABASE_URL) into the empty
                                                 PostgreSQL database URL, checking every table's count";

/// Re-seals every patient value under a new data key (see `data_key.rs`).
pub async fn rotate_key(config: &Config) -> anyhow::Result<()> {
    let pool = db::connect(&config.database_url).await?;
    let rotation = crate::data_key::rotate(config, &pool, crate::data_key::BATCH, None).await?;
    println!(
        "re-sealed {} values under the new data key {}; the old key is kept beside it with the suffix .old \
         for backups made before now: delete it when they expire",
        rotation.resealed, rotation.key
    );
    Ok(())
}

/// Writes a consistent copy of the database, the images and the key's id
/// (safe while the server runs).
pub async fn backup(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let [dir] = args else {
        anyhow::bail!("backup takes one argument, the folder to write\n{USAGE}")
    };
    let done = crate::backup::backup(config, std::path::Path::new(dir)).await?;
    println!(
        "backed up the database and {} image files to {dir}; its requests open only with data key {}, which is not in it",
        done.media_files, done.key_id
    );
    Ok(())
}

/// Puts a backup in place (the server stopped).
pub async fn restore(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let (dir, replace) = match args {
        [dir] => (dir, false),
        [dir, flag] if flag == "--replace" => (dir, true),
        _ => anyhow::bail!(
            "restore takes the backup's folder, and --replace to overwrite a database\n{USAGE}"
        ),
    };
    let done = crate::backup::restore(config, std::path::Path::new(dir), replace).await?;
    println!(
        "restored the database and {} image files from {dir}; start the server",
        done.media_files
    );
    Ok(())
}

/// Copies the SQLite site into an empty PostgreSQL database, and says
/// what the PostgreSQL servers need besides.
pub async fn migrate_to_postgres(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let [to] = args else {
        anyhow::bail!(
            "migrate-to-postgres takes one argument, the PostgreSQL database's URL\n{USAGE}"
        )
    };
    let key = crate::data_key::open_vault(config, &db::connect(&config.database_url).await?)
        .await
        .context("opening this site's data key, which the copied values are sealed under")?
        .current()
        .id();
    let copied = crate::migrate::to_postgres(&config.database_url, to).await?;
    let key_source = match &config.data_key {
        crate::config::DataKeySource::File(path) => format!("DATA_KEY_FILE={}", path.display()),
        crate::config::DataKeySource::Inline(_) => "the same DATA_KEY".to_owned(),
    };
    for (table, rows) in &copied.tables {
        println!("{table:>20}: {rows} rows");
    }
    println!(
        "copied into PostgreSQL; each table's count checked. Before starting servers on it:\n\
         - give them this site's data key {key} ({key_source}), or no patient value opens;\n\
         - give them the images: {} (a volume they all mount, or MEDIA_STORE's bucket);\n\
         - staff sign in again (sessions are not copied).",
        config.media()?.describe()
    );
    Ok(())
}

/// Recomputes the audit log's hash chain; fails at the first broken link.
pub async fn verify_audit(config: &Config) -> anyhow::Result<()> {
    use app::server::db::audit::{verify, Verified};
    let pool = db::connect(&config.database_url).await?;
    match verify(&pool).await.map_err(|e| anyhow::anyhow!("{e}"))? {
        Verified::Intact { entries } => {
            println!("audit log intact: {entries} entries, each linked to the one before");
            Ok(())
        }
        Verified::BrokenAt { id, at } => anyhow::bail!(
            "audit log broken at entry {id} ({at}): it, or the entry before it, was changed, removed or inserted after it was written"
        ),
    }
}

/// Compresses the built site's files once, at their best, so the server
/// never compresses them per request.
pub fn precompress(config: &Config) -> anyhow::Result<()> {
    let root = std::path::Path::new(config.leptos.site_root.as_ref());
    let (files, before, after) = crate::assets::precompress(root)
        .with_context(|| format!("compressing the files under {}", root.display()))?;
    println!(
        "precompressed {files} files under {}: {} KB, {} KB with brotli",
        root.display(),
        before / 1024,
        after / 1024
    );
    Ok(())
}

/// Imports a WordPress export into the configured database (seeding it
/// first if it is new, so the clinic's own content is matched, not doubled).
pub async fn import_wordpress(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let pool = db::connect(&config.database_url).await?;
    app::server::seed::seed_if_empty(&pool).await?;
    crate::wordpress::run(&pool, config.media()?, args).await
}

/// Creates the first administrator (or another one). The password comes from
/// standard input so it never appears in the shell history or `ps`.
pub async fn create_admin(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let mut email = None;
    let mut name = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--email" => email = rest.next().cloned(),
            "--name" => name = rest.next().cloned(),
            other => anyhow::bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let (Some(email), Some(name)) = (email, name) else {
        anyhow::bail!("--email and --name are required\n{USAGE}")
    };
    eprintln!("Password for {email} (at least 12 characters), then Enter:");
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("reading the password")?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    let pool = db::connect(&config.database_url).await?;
    match accounts::create(&pool, &email, &name, Role::Admin, password).await {
        Ok(member) => {
            println!(
                "Created administrator {} <{}>. Sign in at /admin.",
                member.name, member.email
            );
            Ok(())
        }
        Err(CreateError::EmailTaken) => anyhow::bail!("an account with {email} already exists"),
        Err(CreateError::Invalid(message)) => anyhow::bail!("{message}"),
        Err(CreateError::Server(e)) => Err(anyhow::anyhow!("{e}")),
    }
}
