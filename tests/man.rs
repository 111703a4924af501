//! `idenfy-cli man`: a manual page that groff renders without a warning, with every command,
//! EXIT STATUS, ENVIRONMENT and FILES.
// Helpers of the tests that run on Unix only are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code))]

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::*;

fn page(env: &TestEnv) -> String {
    let out = env.cmd().arg("man").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    stdout(&out)
}

/// Whether groff can be run; when it cannot, says the test is skipped, or fails under CI.
fn groff_installed() -> bool {
    let found = Command::new("groff")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "groff is not installed, and CI must render the manual page (.ci/run installs it)"
        );
        eprintln!("skipped: groff is not installed, so the manual page was not rendered");
    }
    found
}

/// groff's output and warnings for the page, with the man macros and every warning on.
fn groff(page: &str, args: &[&str]) -> (String, String) {
    let mut child = Command::new("groff")
        .args(["-man", "-ww"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run groff");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "groff: {}", stderr(&out));
    (stdout(&out), stderr(&out))
}

#[cfg(unix)] // groff is a Unix program
#[test]
fn groff_renders_the_page_without_a_warning() {
    if !groff_installed() {
        return;
    }
    let env = TestEnv::new();
    let (_, warnings) = groff(&page(&env), &["-Tutf8", "-z"]);
    assert_eq!(warnings, "", "groff warned");
}

const COMMANDS: [&str; 17] = [
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
];

#[cfg(unix)] // groff is a Unix program
#[test]
fn the_page_has_every_command_and_the_sections() {
    let env = TestEnv::new();
    let page = page(&env);
    assert!(page.contains("\n.TH IDENFY-CLI 1 "), "{page}");
    for command in COMMANDS {
        let heading = format!("\n.SS \"idenfy-cli {command}\"\n");
        assert!(page.contains(&heading), "{command}");
    }
    if !groff_installed() {
        return;
    }
    // Plain text, wide lines, no hyphenation: what a reader sees, easy to search.
    let (text, _) = groff(&page, &["-Tascii", "-P-cbou", "-rLL=200n", "-rHY=0"]);
    let sections = [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "GLOBAL OPTIONS",
        "CREDENTIALS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "EXAMPLES",
    ];
    let headings: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    for section in sections {
        assert!(headings.contains(&section), "{section}: {headings:?}");
    }
    for command in COMMANDS {
        let line = format!("   idenfy-cli {command}");
        assert!(text.lines().any(|l| l == line), "{command}");
    }
    let section = |name: &str| -> String {
        let start = text.find(&format!("\n{name}\n")).expect(name);
        let rest = &text[start + name.len() + 2..];
        let end = rest.find("\n\n\n").or_else(|| {
            rest.lines()
                .position(|l| !l.is_empty() && !l.starts_with(' '))
                .map(|n| rest.lines().take(n).map(|l| l.len() + 1).sum())
        });
        rest[..end.unwrap_or(rest.len())].to_string()
    };
    let exit_status = section("EXIT STATUS");
    let codes: Vec<&str> = exit_status
        .lines()
        .filter_map(|l| l.strip_prefix("       "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.parse::<u8>().is_ok())
        .collect();
    assert_eq!(
        codes,
        [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "74", "129", "130", "143"
        ],
        "{exit_status}"
    );
    let environment = section("ENVIRONMENT");
    for variable in [
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
        "HTTPS_PROXY, https_proxy",
        "ALL_PROXY, all_proxy",
        "NO_PROXY, no_proxy",
        "IDENFY_NOW",
    ] {
        let line = format!("       {variable}");
        assert!(
            environment.lines().any(|l| l.starts_with(&line)),
            "{variable}: {environment}"
        );
    }
    let files = section("FILES");
    assert!(files.contains("idenfy-cli/config.toml"), "{files}");
    assert!(files.contains("config.example.toml"), "{files}");
}

#[test]
fn data_options_are_usage_errors_for_man() {
    let env = TestEnv::new();
    for (args, message) in [
        (&["man", "--json"][..], "--json has no meaning for man"),
        (&["--redact", "man"], "--redact has no meaning for man"),
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("idenfy-cli: error: {message}\n"));
        assert!(out.stdout.is_empty());
    }
}

/// The page shipped in release archives is the one the binary prints.
#[test]
fn the_checked_in_page_matches_the_binary() {
    let env = TestEnv::new();
    let checked_in = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("idenfy-cli.1"),
    )
    .unwrap_or_default();
    assert!(
        checked_in == page(&env),
        "idenfy-cli.1 is out of date; regenerate it with: idenfy-cli man > idenfy-cli.1"
    );
}
