//! Thin entry point: read configuration, start telemetry, serve until stopped.

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let config = server::config::Config::from_env()?;
    let app = server::startup::Application::build(config).await?;
    println!("The clinic's site is running at http://{}", app.address());
    app.run_until_stopped().await
}
