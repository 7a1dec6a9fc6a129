//! Thin entry point: parse the command line, start telemetry, read the
//! configuration, then serve until stopped or run a command (`server::cli`).

use clap::Parser;
use server::cli::{Cli, Command};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    // clap answers --help on stdout with 0, and a wrong command or argument
    // with the usage on stderr and 2, before anything else is read.
    let cli = Cli::parse();
    server::telemetry::init();
    match run(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The message and its causes on one line: what to fix, no trace.
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Option<Command>) -> anyhow::Result<()> {
    let config = server::config::Config::from_env()?;
    match command {
        None | Some(Command::Serve) => {
            let app = server::startup::Application::build(config).await?;
            // The addresses as bound (a port of 0 is chosen by the system).
            if let Some(metrics) = app.metrics_address {
                println!("Metrics are served at http://{metrics}/metrics");
            }
            println!("The clinic's site is running at http://{}", app.address());
            app.run_until_stopped().await
        }
        Some(command) => command.run(&config).await,
    }
}
