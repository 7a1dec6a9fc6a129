//! Earlier builds' files, kept after a deploy. A page loaded before the
//! deploy keeps running the old build, and the admin's pages fetch their
//! wasm chunks on first use: without the old files, a staff member's open
//! tab would get 404s and a dead page on the next click. Each start copies
//! the running build to `<dir>/<hash>/`; the newest builds are kept.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// How many builds stay on disk, the running one included (each a few MB).
pub const KEPT: usize = 5;

/// A build's directory name is its fingerprint: 16 lowercase hex digits.
fn is_build_name(name: &str) -> bool {
    name.len() == 16 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Copies the running build (`pkg`, fingerprint `hash`) into `dir` unless it
/// is there, records when it last started, removes all but the newest
/// [`KEPT`] builds, and returns the earlier ones still kept: (hash, files).
pub fn keep(dir: &Path, pkg: &Path, hash: &str) -> std::io::Result<Vec<(String, PathBuf)>> {
    std::fs::create_dir_all(dir)?;
    let copy = dir.join(hash);
    if !copy.is_dir() && pkg.is_dir() {
        // Copied whole, then renamed: a half-copied build is never served.
        let partial = dir.join(format!(".{hash}.partial"));
        if partial.exists() {
            std::fs::remove_dir_all(&partial)?;
        }
        copy_tree(pkg, &partial)?;
        std::fs::rename(&partial, &copy)?;
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::fs::write(started_file(dir, hash), now.to_string())?;

    let mut builds: Vec<(u128, String)> = std::fs::read_dir(dir)?
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .filter(|name| is_build_name(name))
        .map(|name| (last_started(dir, &name), name))
        .collect();
    // Newest first; a build with no record sorts last and goes first.
    builds.sort_by(|a, b| b.cmp(a));
    let mut kept = Vec::new();
    for (rank, (_, name)) in builds.into_iter().enumerate() {
        if rank >= KEPT {
            std::fs::remove_dir_all(dir.join(&name))?;
            let _ = std::fs::remove_file(started_file(dir, &name));
        } else if name != hash {
            kept.push((name.clone(), dir.join(name)));
        }
    }
    Ok(kept)
}

fn started_file(dir: &Path, hash: &str) -> PathBuf {
    dir.join(format!("{hash}.started"))
}

fn last_started(dir: &Path, hash: &str) -> u128 {
    std::fs::read_to_string(started_file(dir, hash))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// Copies `from` into a new directory `to`, leaving out half-written files.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else if path.extension().is_none_or(|e| e != "partial") {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(root: &Path, n: usize) -> (PathBuf, String) {
        let pkg = root.join(format!("pkg{n}"));
        std::fs::create_dir_all(&pkg).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(pkg.join("clinic.js"), format!("build {n}"))
            .unwrap_or_else(|e| panic!("{e}"));
        (pkg, format!("{n:016x}"))
    }

    #[test]
    fn keeps_the_newest_builds_and_their_files() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = root.path().join("builds");
        for n in 1..=KEPT + 2 {
            let (pkg, hash) = build(root.path(), n);
            let earlier = keep(&dir, &pkg, &hash).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(earlier.len(), (n - 1).min(KEPT - 1), "after build {n}");
        }
        let newest = KEPT + 2;
        // The oldest two are gone; the others are whole.
        for n in 1..=newest {
            let copy = dir.join(format!("{n:016x}")).join("clinic.js");
            if n <= 2 {
                assert!(!copy.exists(), "build {n} should be removed");
            } else {
                let text = std::fs::read_to_string(&copy).unwrap_or_default();
                assert_eq!(text, format!("build {n}"));
            }
        }
    }

    #[test]
    fn a_restarted_build_counts_as_newest() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = root.path().join("builds");
        let (first, first_hash) = build(root.path(), 1);
        keep(&dir, &first, &first_hash).unwrap_or_else(|e| panic!("{e}"));
        for n in 2..=KEPT {
            let (pkg, hash) = build(root.path(), n);
            keep(&dir, &pkg, &hash).unwrap_or_else(|e| panic!("{e}"));
        }
        // A rollback to the first build, then one more deploy: the rollback
        // is recent, so the second build is the one removed.
        keep(&dir, &first, &first_hash).unwrap_or_else(|e| panic!("{e}"));
        let (pkg, hash) = build(root.path(), KEPT + 1);
        let earlier = keep(&dir, &pkg, &hash).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<_> = earlier.into_iter().map(|(name, _)| name).collect();
        assert!(names.contains(&first_hash));
        assert!(!names.contains(&format!("{:016x}", 2)));
    }

    #[test]
    fn only_build_names_are_served() {
        assert!(is_build_name("0123456789abcdef"));
        assert!(!is_build_name("../../etc/passwd"));
        assert!(!is_build_name("0123456789ABCDEF"));
        assert!(!is_build_name(".0123456789abcde"));
    }
}
