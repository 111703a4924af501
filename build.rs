//! Build script: `--version` names the commit when built from a git checkout.
//!
//! Sets `VERSION_WITH_COMMIT` for the compiler: the package version, then the short commit in
//! parentheses when the package root holds `.git` and git answers; the version alone
//! otherwise (a crate tarball, `cargo install` of a download, no git).

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let shown = match commit(&root) {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo:rustc-env=VERSION_WITH_COMMIT={shown}");
}

/// The short commit of HEAD; asks to be run again when HEAD or the branch it names moves.
fn commit(root: &Path) -> Option<String> {
    if !root.join(".git").exists() {
        return None;
    }
    let commit = git(root, &["rev-parse", "--short", "HEAD"])?;
    // In a worktree or with packed refs these live elsewhere than .git/: ask git where.
    let mut watched = vec![git(root, &["rev-parse", "--git-path", "HEAD"])];
    if let Some(branch) = git(root, &["symbolic-ref", "-q", "HEAD"]) {
        watched.push(git(root, &["rev-parse", "--git-path", &branch]));
    }
    watched.push(git(root, &["rev-parse", "--git-path", "packed-refs"]));
    for path in watched.into_iter().flatten() {
        let path = root.join(path);
        // A path that does not exist would make cargo run this script on every build.
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    Some(commit)
}

/// git's one-line answer, run in `root`; `None` when git is missing or fails.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
