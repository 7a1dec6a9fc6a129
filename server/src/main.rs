//! Thin entry point: read configuration, start telemetry, then serve until
//! stopped or run a command (see `server::cli::USAGE`).

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let config = server::config::Config::from_env()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => {
            let app = server::startup::Application::build(config).await?;
            println!("The clinic's site is running at http://{}", app.address());
            app.run_until_stopped().await
        }
        Some("create-admin") => server::cli::create_admin(&config, &args[1..]).await,
        Some("precompress") => server::cli::precompress(&config),
        Some("verify-audit") => server::cli::verify_audit(&config).await,
        Some("rotate-key") => server::cli::rotate_key(&config).await,
        Some("backup") => server::cli::backup(&config, &args[1..]).await,
        Some("restore") => server::cli::restore(&config, &args[1..]).await,
        Some("migrate-to-postgres") => server::cli::migrate_to_postgres(&config, &args[1..]).await,
        Some("import-wordpress") => server::cli::import_wordpress(&config, &args[1..]).await,
        Some(_) => anyhow::bail!("{}", server::cli::USAGE),
    }
}
