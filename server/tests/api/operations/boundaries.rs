//! The boundaries ARCHITECTURE.md states, checked in the source: a change
//! that crosses one fails here, not in a reviewer's memory.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or_else(|| panic!("the server crate is inside the repository"))
        .to_owned()
}

/// Every `.rs` file under `dir`, relative to the repository.
fn sources(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&repo().join(dir), &mut found);
    let mut names: Vec<String> = found
        .iter()
        .filter_map(|p| p.strip_prefix(repo()).ok())
        .map(|p| p.display().to_string())
        .collect();
    names.sort();
    names
}

/// A file's code as the program runs it: comments and its unit tests
/// (which may reach into anything to check it) left out.
fn code(file: &str) -> String {
    let text = std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Files that are a test module of their own (`#[cfg(test)] mod tests;`
/// in their parent module), found from the parents' declarations.
fn test_modules(files: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(repo().join(file)).unwrap_or_default();
        let path = Path::new(file);
        let dir = match path.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => path.parent().map(Path::to_path_buf),
            _ => Some(path.with_extension("")),
        }
        .unwrap_or_default();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let declared = pair[1]
                .strip_prefix("mod ")
                .or_else(|| pair[1].strip_prefix("pub mod "))
                .and_then(|rest| rest.strip_suffix(';'));
            if let (true, Some(name)) = (
                pair[0].starts_with("#[cfg(") && pair[0].contains("test"),
                declared,
            ) {
                found.push(dir.join(format!("{name}.rs")).display().to_string());
                found.push(dir.join(name).join("mod.rs").display().to_string());
            }
        }
    }
    found
}

/// Files under `dirs` whose code holds any of `words`, except `allowed`
/// and test modules.
fn crossing(dirs: &[&str], words: &[&str], allowed: &[&str]) -> Vec<String> {
    let files: Vec<String> = dirs.iter().flat_map(|dir| sources(dir)).collect();
    let tests = test_modules(&files);
    files
        .into_iter()
        .filter(|file| !tests.contains(file))
        .filter(|file| !allowed.iter().any(|a| file.starts_with(a)))
        .filter_map(|file| {
            let code = code(&file);
            let found: Vec<&str> = words.iter().copied().filter(|w| code.contains(w)).collect();
            (!found.is_empty()).then(|| format!("{file}: {}", found.join(", ")))
        })
        .collect()
}

#[test]
fn no_sql_is_written_outside_the_data_layer_and_the_migration_tool() {
    let found = crossing(
        &["app/src", "server/src"],
        &[
            "sqlx::query",
            "rusqlite::",
            "on_pool!",
            "on_tx!",
            ".execute(",
            "fetch_one(",
            "fetch_all(",
            "fetch_optional(",
        ],
        &["app/src/server/db/", "server/src/migrate.rs"],
    );
    assert!(
        found.is_empty(),
        "SQL outside app/src/server/db/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_domain_depends_on_nothing_but_itself() {
    let found = crossing(
        &["app/src/domain"],
        &[
            "crate::server",
            "crate::api",
            "crate::pages",
            "crate::components",
            "leptos",
            "sqlx",
            "axum",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "the domain reaches out:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_below_the_api_layer_knows_how_a_browser_is_answered() {
    let found = crossing(
        &["app/src/server", "app/src/domain"],
        &[
            "ApiError",
            "crate::api",
            "crate::pages",
            "crate::components",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "below the api layer:\n{}",
        found.join("\n")
    );
}

/// The scan itself finds what it looks for: a boundary test that cannot
/// fail proves nothing.
#[test]
fn the_scan_sees_a_crossing() {
    let found = crossing(&["server/src"], &["sqlx::query"], &[]);
    assert!(
        found.iter().any(|f| f.starts_with("server/src/migrate.rs")),
        "{found:?}"
    );
}

/// Functions of over `limit` lines in `text`, by name and length, that do
/// not say in the comment above them why they are one step ("One step:").
fn long_functions(text: &str, limit: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let head = line.trim_start();
        let signature = ["pub ", "pub(crate) ", "pub(super) ", "async ", "const "]
            .iter()
            .fold(head, |h, prefix| h.strip_prefix(prefix).unwrap_or(h));
        let Some(name) = signature.strip_prefix("fn ") else {
            i += 1;
            continue;
        };
        let name: String = name
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        let end = (i + 1..lines.len())
            .find(|&j| lines[j] == close)
            .unwrap_or(i);
        let said = lines[..i]
            .iter()
            .rev()
            .take_while(|l| {
                let l = l.trim_start();
                l.starts_with("//") || l.starts_with("#[")
            })
            .any(|l| l.contains("One step:"));
        if end + 1 - i > limit && !said {
            found.push((name, end + 1 - i));
        }
        i = end.max(i) + 1;
    }
    found
}

/// A function too long to read at once says why it is one step (a view's
/// markup, a table of rules, a route table), or is split.
#[test]
fn no_function_is_over_80_lines_without_saying_why_it_is_one_step() {
    let mut files = sources("app/src");
    files.extend(sources("server/src"));
    let tests = test_modules(&files);
    let mut long = Vec::new();
    for file in files.iter().filter(|f| !tests.contains(f)) {
        let text =
            std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (name, lines) in long_functions(text, 80) {
            long.push(format!("{file}: {name} ({lines} lines)"));
        }
    }
    assert!(
        long.is_empty(),
        "split these, or say why each is one step:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_scan_sees_a_long_function_and_its_reason() {
    let body = "    let x = 1;\n".repeat(81);
    let plain = format!("/// Does it.\npub async fn long() {{\n{body}}}\n");
    assert_eq!(long_functions(&plain, 80), [("long".to_owned(), 83)]);
    let said =
        format!("/// Does it.\n/// One step: a table.\n#[allow(x)]\nfn long() {{\n{body}}}\n");
    assert!(long_functions(&said, 80).is_empty());
    let short = "fn short() {\n    1\n}\n";
    assert!(long_functions(short, 80).is_empty());
}
