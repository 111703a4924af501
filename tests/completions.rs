//! The completion scripts in `completions/` are exactly what the binary prints.

mod common;

use common::*;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "idenfy-cli.bash"),
    ("zsh", "_idenfy-cli"),
    ("fish", "idenfy-cli.fish"),
    ("powershell", "_idenfy-cli.ps1"),
    ("elvish", "idenfy-cli.elv"),
];

#[test]
fn checked_in_completions_match_the_binary() {
    let env = TestEnv::new();
    for (shell, file) in SCRIPTS {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(file);
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == stdout(&out),
            "completions/{file} is out of date; regenerate it with: idenfy-cli completions {shell} > completions/{file}"
        );
        assert!(
            checked_in.contains("status") && checked_in.contains("base-url"),
            "{shell}"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("idenfy-cli: error: invalid value 'tcsh'"));
}
