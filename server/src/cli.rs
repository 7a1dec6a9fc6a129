//! Commands of the server binary besides serving.

use crate::config::Config;
use crate::wordpress::Source;
use anyhow::Context;
use app::domain::staff::Role;
use app::server::auth::accounts::{self, CreateError};
use app::server::db;
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The server binary's command line. Parsed before anything else is read,
/// so `--help` works without a database or a configuration.
#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "The clinic's site: serves it, or runs one of the commands below.",
    long_about = "The clinic's site: with no command it serves the site; a command \
                  runs once and exits. Configuration comes from the environment \
                  (see README.md, Configuration)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the same as no command).
    Serve,
    /// Create an administrator; the password is read from standard input,
    /// so it never appears in the shell history or `ps`.
    CreateAdmin {
        /// The administrator's e-mail address, which they sign in with.
        #[arg(long)]
        email: String,
        /// Their name, as colleagues see it.
        #[arg(long)]
        name: String,
    },
    /// Import posts (and pages, as drafts) from a WordPress export with their
    /// images; safe to run again.
    ImportWordpress {
        /// The export file (WordPress: Tools, Export, All content).
        file: PathBuf,
        /// Import the site's pages too, as drafts.
        #[arg(long)]
        pages: bool,
        /// Take the images from a copy of the old site's wp-content/uploads.
        #[arg(long, value_name = "DIR", conflicts_with = "fetch")]
        uploads: Option<PathBuf>,
        /// Fetch the images from the old site, while it still answers.
        #[arg(long)]
        fetch: bool,
    },
    /// Write brotli and gzip copies of the built files (run after each build).
    Precompress,
    /// Check that no audit log entry was changed, removed or inserted afterwards.
    VerifyAudit,
    /// Re-seal patients' data under a new data key (stop the server first;
    /// run again if interrupted).
    RotateKey,
    /// Write a consistent copy of the database, the uploaded images and the
    /// data key's id to DIR (safe while the site runs; the key is not in it).
    Backup {
        /// The folder to write; it must not exist or be empty.
        dir: PathBuf,
    },
    /// Put a backup in place (the site stopped); checks its integrity and
    /// that the data key matches.
    Restore {
        /// The backup's folder.
        dir: PathBuf,
        /// Overwrite an existing database.
        #[arg(long)]
        replace: bool,
    },
    /// Copy this SQLite site (DATABASE_URL) into an empty PostgreSQL
    /// database, checking every table's count.
    MigrateToPostgres {
        /// The PostgreSQL database's URL (postgres://…).
        url: String,
    },
}

impl Command {
    /// Runs a command that is not serving.
    pub async fn run(self, config: &Config) -> anyhow::Result<()> {
        match self {
            Command::Serve => unreachable!("serving is started by main"),
            Command::CreateAdmin { email, name } => create_admin(config, &email, &name).await,
            Command::ImportWordpress {
                file,
                pages,
                uploads,
                fetch,
            } => {
                let source = match (uploads, fetch) {
                    (Some(dir), _) => {
                        anyhow::ensure!(
                            dir.is_dir(),
                            "--uploads {}: not a folder (give a copy of wp-content/uploads)",
                            dir.display()
                        );
                        Source::Uploads(dir)
                    }
                    (None, true) => Source::fetch()?,
                    (None, false) => Source::Off,
                };
                import_wordpress(config, &file, pages, source).await
            }
            Command::Precompress => precompress(config),
            Command::VerifyAudit => verify_audit(config).await,
            Command::RotateKey => rotate_key(config).await,
            Command::Backup { dir } => backup(config, &dir).await,
            Command::Restore { dir, replace } => restore(config, &dir, replace).await,
            Command::MigrateToPostgres { url } => migrate_to_postgres(config, &url).await,
        }
    }
}

/// Re-seals every patient value under a new data key (see `data_key.rs`).
async fn rotate_key(config: &Config) -> anyhow::Result<()> {
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
async fn backup(config: &Config, dir: &Path) -> anyhow::Result<()> {
    let done = crate::backup::backup(config, dir).await?;
    let dir = dir.display();
    println!(
        "backed up the database and {} image files to {dir}; its requests open only with data key {}, which is not in it",
        done.media_files, done.key_id
    );
    Ok(())
}

/// Puts a backup in place (the server stopped).
async fn restore(config: &Config, dir: &Path, replace: bool) -> anyhow::Result<()> {
    let done = crate::backup::restore(config, dir, replace).await?;
    let dir = dir.display();
    println!(
        "restored the database and {} image files from {dir}; start the server",
        done.media_files
    );
    Ok(())
}

/// Copies the SQLite site into an empty PostgreSQL database, and says
/// what the PostgreSQL servers need besides.
async fn migrate_to_postgres(config: &Config, to: &str) -> anyhow::Result<()> {
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
async fn verify_audit(config: &Config) -> anyhow::Result<()> {
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
async fn import_wordpress(
    config: &Config,
    file: &Path,
    with_pages: bool,
    source: Source,
) -> anyhow::Result<()> {
    let pool = db::connect(&config.database_url).await?;
    app::server::seed::seed_if_empty(&pool).await?;
    crate::wordpress::run(&pool, config.media()?, file, with_pages, source).await
}

/// Creates the first administrator (or another one). The password comes from
/// standard input so it never appears in the shell history or `ps`.
async fn create_admin(config: &Config, email: &str, name: &str) -> anyhow::Result<()> {
    eprintln!("Password for {email} (at least 12 characters), then Enter:");
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("reading the password")?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    let pool = db::connect(&config.database_url).await?;
    match accounts::create(&pool, email, name, Role::Admin, password, None).await {
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
