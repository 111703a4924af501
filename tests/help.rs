//! The help: examples in every command's help, global options apart and only where they
//! mean something, the help topics, and the usage errors of options that mean nothing.

use crate::common::*;

/// The help of `path` (`--help`), checked to succeed.
fn help(env: &TestEnv, path: &[&str], flag: &str) -> String {
    let out = env.cmd().args(path).arg(flag).output().unwrap();
    assert!(out.status.success(), "{path:?}: {}", stderr(&out));
    stdout(&out)
}

/// The names listed under `Commands:` in a help.
fn listed_commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// Every command's path, nested ones included, found by reading the helps.
fn every_command(env: &TestEnv) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut pending: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = pending.pop() {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        let text = help(env, &args, "--help");
        if path.first().map(String::as_str) != Some("help") {
            for name in listed_commands(&text) {
                let mut inner = path.clone();
                inner.push(name);
                pending.push(inner);
            }
        }
        if !path.is_empty() {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_command_is_found() {
    let env = TestEnv::new();
    let found: Vec<String> = every_command(&env).iter().map(|p| p.join(" ")).collect();
    for expected in [
        "status",
        "data",
        "files",
        "case",
        "find",
        "explain",
        "webhook",
        "webhook verify",
        "webhook show",
        "webhook diff",
        "config",
        "config show",
        "config path",
        "config init",
        "completions",
        "man",
        "help",
    ] {
        assert!(found.iter().any(|f| f == expected), "{expected}: {found:?}");
    }
}

/// The lines of the part after `Examples:`, which must end the help.
fn examples(text: &str) -> Vec<String> {
    let (_, part) = text
        .rsplit_once("\nExamples:\n")
        .unwrap_or_else(|| panic!("no Examples part:\n{text}"));
    part.lines().map(str::to_string).collect()
}

#[test]
fn every_command_help_ends_with_two_to_four_examples() {
    let env = TestEnv::new();
    for path in every_command(&env) {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        for flag in ["--help", "-h"] {
            let text = help(&env, &args, flag);
            let lines = examples(&text);
            assert!((2..=4).contains(&lines.len()), "{path:?} {flag}: {lines:?}");
            for line in &lines {
                assert!(line.starts_with("  idenfy-cli "), "{path:?}: {line}");
                assert!(line.chars().count() <= 90, "{path:?}: {line}");
            }
        }
    }
    let top = help(&env, &[], "--help");
    assert!((2..=4).contains(&examples(&top).len()), "{top}");
}

/// The first look a help page suggests works outside a checkout: the sample comes from the
/// binary, and the command reads it.
#[test]
fn examples_use_real_commands_and_the_shipped_samples() {
    let env = TestEnv::new();
    let text = help(&env, &["status"], "--help");
    assert!(text.contains("  idenfy-cli samples status-denied | idenfy-cli status --input -\n"));
    let sample = env
        .cmd()
        .args(["samples", "status-denied"])
        .output()
        .unwrap();
    let out = env
        .cmd()
        .args(["status", "--input", "-"])
        .write_stdin(sample.stdout)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("DENIED: "), "{}", stdout(&out));
}

/// The command's own options, and the global ones after `Global options:`.
fn parts(text: &str) -> (String, String) {
    let (own, global) = text
        .split_once("\nGlobal options:\n")
        .unwrap_or_else(|| panic!("no Global options heading:\n{text}"));
    let global = global.split("\n\n").next().unwrap_or_default();
    (own.to_string(), global.to_string())
}

#[test]
fn global_options_are_listed_under_their_own_heading() {
    let env = TestEnv::new();
    for path in every_command(&env) {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        let text = help(&env, &args, "-h");
        let (own, global) = parts(&text);
        assert!(global.contains("--color <WHEN>"), "{path:?}: {text}");
        assert!(global.contains("--quiet"), "{path:?}: {text}");
        for option in ["--color", "--json", "--redact", "--base-url", "--profile"] {
            assert!(
                !own.contains(option),
                "{path:?}: {option} in its own:\n{own}"
            );
        }
    }
    let (own, global) = parts(&help(&env, &["status"], "-h"));
    assert!(own.contains("--input <FILE>") && own.contains("--from <FILE>"));
    for option in ["--json", "--format", "--base-url", "--timeout", "--profile"] {
        assert!(global.contains(option), "{option}: {global}");
    }
}

#[test]
fn options_that_do_nothing_for_a_command_are_not_offered_there() {
    let env = TestEnv::new();
    let connection = [
        "--base-url",
        "--timeout",
        "--profile",
        "--config",
        "--verbose",
    ];
    for path in [
        &["explain"][..],
        &["completions"],
        &["man"],
        &["help"],
        &["webhook", "show"],
    ] {
        let text = help(&env, path, "--help");
        for option in connection {
            assert!(!text.contains(option), "{path:?} offers {option}:\n{text}");
        }
    }
    for path in [&["completions"][..], &["man"], &["help"]] {
        let text = help(&env, path, "--help");
        for option in ["--json", "--format", "--redact"] {
            assert!(!text.contains(option), "{path:?} offers {option}:\n{text}");
        }
    }
    let verify = help(&env, &["webhook", "verify"], "--help");
    assert!(verify.contains("--profile") && verify.contains("--config"));
    assert!(!verify.contains("--base-url") && !verify.contains("--timeout"));
    for path in [&["status"][..], &["case"], &["find"], &["webhook", "diff"]] {
        let text = help(&env, path, "--help");
        for option in connection {
            assert!(text.contains(option), "{path:?} lacks {option}");
        }
    }
    // Hidden, not refused: a shared alias that adds them keeps working.
    let out = env
        .cmd()
        .args([
            "explain",
            "DOC_EXPIRED",
            "--base-url",
            "https://example.test",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn top_level_help_says_where_credentials_come_from() {
    let env = TestEnv::new();
    let text = help(&env, &[], "--help");
    let (_, credentials) = text.split_once("\nCredentials:\n").expect(&text);
    for needed in [
        "IDENFY_API_KEY",
        "IDENFY_API_SECRET",
        "the system keyring (idenfy-cli auth login)",
        "api_secret_command",
        "profile",
        "idenfy-cli auth status",
    ] {
        assert!(credentials.contains(needed), "{needed}: {credentials}");
    }
    assert!(text.contains("idenfy-cli help environment"));
    assert!(text.contains("idenfy-cli help exit-codes"));
}

#[test]
fn completions_help_says_where_each_shell_wants_the_file() {
    let env = TestEnv::new();
    let text = help(&env, &["completions"], "--help");
    for place in [
        "~/.local/share/bash-completion/completions/idenfy-cli",
        "_idenfy-cli",
        "$fpath",
        "~/.config/fish/completions/idenfy-cli.fish",
        "$PROFILE",
        "rc.elv",
    ] {
        assert!(text.contains(place), "{place}: {text}");
    }
}

const VARIABLES: [&str; 25] = [
    "IDENFY_API_KEY",
    "IDENFY_API_SECRET",
    "IDENFY_PROFILE",
    "IDENFY_CONFIG",
    "IDENFY_BASE_URL",
    "IDENFY_TIMEOUT",
    "IDENFY_WEBHOOK_KEY",
    "IDENFY_CA_FILE",
    "SSL_CERT_FILE",
    "IDENFY_PAGER",
    "PAGER",
    "LESS",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "IDENFY_NOW",
    // Named in the text, read by the pager or the program's defaults.
    "less -FRX",
    "https://ivs.idenfy.com",
    "RFC 3339",
];

const EXIT_CODES: [u8; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 74, 129, 130, 143];

#[test]
fn help_environment_lists_every_variable_within_eighty_columns() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("COLUMNS", "200")
        .args(["help", "environment"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for variable in VARIABLES {
        assert!(text.contains(variable), "{variable}:\n{text}");
    }
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn help_exit_codes_lists_every_code_within_eighty_columns() {
    let env = TestEnv::new();
    let out = env.cmd().args(["help", "exit-codes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let listed: Vec<u8> = text
        .lines()
        .filter_map(|line| line.strip_prefix("  "))
        .filter_map(|line| line.split_whitespace().next()?.parse().ok())
        .collect();
    assert_eq!(listed, EXIT_CODES, "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn help_of_a_command_is_its_long_help() {
    let env = TestEnv::new();
    for path in [&["webhook", "verify"][..], &["status"], &["config"]] {
        let mut args = vec!["help"];
        args.extend_from_slice(path);
        let out = env.cmd().args(&args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), help(&env, path, "--help"), "{path:?}");
    }
    let out = env.cmd().arg("help").output().unwrap();
    assert_eq!(stdout(&out), help(&env, &[], "--help"));
}

#[test]
fn help_of_something_unknown_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.cmd().args(["help", "statu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("idenfy-cli: error: unrecognized subcommand 'statu'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn data_options_are_usage_errors_where_nothing_is_data() {
    let env = TestEnv::new();
    let cases: [(&[&str], &str); 6] = [
        (
            &["completions", "bash", "--json"],
            "--json has no meaning for completions",
        ),
        (
            &["--redact", "completions", "zsh"],
            "--redact has no meaning for completions",
        ),
        (
            &["completions", "fish", "--format", "table"],
            "--format has no meaning for completions",
        ),
        (
            &["help", "environment", "--json"],
            "--json has no meaning for help",
        ),
        (
            &["--redact", "help", "exit-codes"],
            "--redact has no meaning for help",
        ),
        (&["help", "--json"], "--json has no meaning for help"),
    ];
    for (args, message) in cases {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!("idenfy-cli: error: {message}\n"),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn version_names_the_version_and_the_commit_of_a_checkout() {
    let env = TestEnv::new();
    let out = env.cmd().arg("--version").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text.strip_suffix('\n').expect("one line");
    let rest = line
        .strip_prefix(&format!("idenfy-cli {}", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{line}"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(head) = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "HEAD"])
        .output()
    else {
        eprintln!("skipped: git cannot be run here, so the commit cannot be compared");
        return;
    };
    let head = Some(head)
        .filter(|out| out.status.success() && root.join(".git").exists())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string());
    match head {
        // Built from this checkout: the short commit, a prefix of HEAD's.
        Some(head) => {
            let commit = rest
                .strip_prefix(" (")
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or_else(|| panic!("no commit in `{line}`"));
            assert!(
                commit.len() >= 7 && head.starts_with(commit),
                "{line} at {head}"
            );
        }
        None => assert_eq!(rest, "", "{line}"),
    }
}
