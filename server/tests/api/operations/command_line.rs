//! The server binary's command line, as an administrator meets it: help on
//! stdout with 0, a mistake on stderr with 2, a failure as one sentence.

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

async fn server(dir: &std::path::Path, args: &[&str]) -> Ran {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let dir = dir.to_owned();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(&args)
            .current_dir(&dir)
            .env("DATABASE_URL", "sqlite://data/clinic.db")
            .env("RUST_BACKTRACE", "1")
            .stdin(std::process::Stdio::null())
            .output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("{e}"));
    Ran {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[tokio::test]
async fn help_is_printed_to_stdout_and_exits_0_for_the_server_and_each_command() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let help = server(dir.path(), &["--help"]).await;
    assert_eq!(help.code, Some(0), "{}", help.stderr);
    for command in [
        "serve",
        "create-admin",
        "import-wordpress",
        "precompress",
        "verify-audit",
        "rotate-key",
        "backup",
        "restore",
        "migrate-to-postgres",
    ] {
        assert!(
            help.stdout.contains(command),
            "--help lists {command}:\n{}",
            help.stdout
        );
        let own = server(dir.path(), &[command, "--help"]).await;
        assert_eq!(own.code, Some(0), "{command} --help: {}", own.stderr);
        assert!(
            own.stdout.contains("Usage: server"),
            "{command} --help:\n{}",
            own.stdout
        );
    }
    let import = server(dir.path(), &["import-wordpress", "--help"]).await;
    for option in ["--pages", "--uploads <DIR>", "--fetch"] {
        assert!(
            import.stdout.contains(option),
            "{option}:\n{}",
            import.stdout
        );
    }
    // Reading the help creates nothing: no database, no key.
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
}

#[tokio::test]
async fn a_wrong_command_or_argument_prints_the_usage_to_stderr_and_exits_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for args in [
        &["no-such-command"][..],
        &["backup"],
        &["restore", "a", "b"],
        &["create-admin", "--email", "a@clinic.example"],
        &[
            "import-wordpress",
            "export.xml",
            "--uploads",
            "x",
            "--fetch",
        ],
        &["--no-such-flag"],
    ] {
        let ran = server(dir.path(), args).await;
        assert_eq!(ran.code, Some(2), "{args:?}: {}", ran.stderr);
        assert!(ran.stdout.is_empty(), "{args:?}: {}", ran.stdout);
        assert!(
            ran.stderr.contains("Usage: server"),
            "{args:?}: {}",
            ran.stderr
        );
    }
    let typo = server(dir.path(), &["bakup", "/tmp/x"]).await;
    assert!(
        typo.stderr.contains("backup"),
        "a close command is suggested: {}",
        typo.stderr
    );
}

#[tokio::test]
async fn a_command_that_fails_says_why_in_one_line_without_a_trace() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("no-such-backup");
    let ran = server(dir.path(), &["restore", &missing.display().to_string()]).await;
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.starts_with("error: "), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("no-such-backup"),
        "names what it could not use: {}",
        ran.stderr
    );
    for trace in [
        "panicked",
        "stack backtrace",
        "Stack backtrace",
        "Caused by",
    ] {
        assert!(!ran.stderr.contains(trace), "{trace}: {}", ran.stderr);
    }
}
