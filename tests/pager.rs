//! The pager at a real (pseudo-)terminal: `script` from util-linux runs the binary on a pty of a
//! set size, and small shell scripts stand in for the pager, recording what they were given.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::common::*;

const STATUS_DENIED: &str = "src/samples/status-denied.json";
/// A line of `status --input src/samples/status-denied.json`.
const STATUS_LINE: &str = "Client        client-4471";
/// A line of `explain --list`.
const EXPLAIN_LINE: &str = "DOC_EXPIRED";

/// What one run at a terminal did: its exit code and everything the terminal showed (stdout
/// and stderr both, as a person would see them).
struct Screen {
    code: Option<i32>,
    shown: String,
}

/// Runs `idenfy-cli ARGS` on a pseudo-terminal of `rows` x 80, in the cleared environment of
/// `env` plus `vars`.
fn at_terminal(env: &TestEnv, rows: usize, args: &[&str], vars: &[(&str, &str)]) -> Screen {
    let binary = assert_cmd::cargo::cargo_bin("idenfy-cli");
    let mut line = format!("stty rows {rows} cols 80; exec '{}'", binary.display());
    for arg in args {
        assert!(!arg.contains('\''), "{arg}");
        line.push_str(&format!(" '{arg}'"));
    }
    let out = Command::new("timeout")
        .args(["20", "script", "-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .env("IDENFY_NOW", NOW)
        .envs(vars.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    Screen {
        code: out.status.code(),
        shown: String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
    }
}

/// A pager that records its input and the `LESS` it got, under `name` in the temp dir.
struct Recorder {
    path: PathBuf,
    input: PathBuf,
    less: PathBuf,
}

impl Recorder {
    fn new(env: &TestEnv, name: &str) -> Recorder {
        let input = env.path(&format!("{name}.input"));
        let less = env.path(&format!("{name}.less"));
        let script = format!(
            "#!/bin/sh\nprintf '%s' \"${{LESS-unset}}\" > '{}'\ncat > '{}'\n",
            less.display(),
            input.display()
        );
        let path = env.write(name, &script, 0o755);
        Recorder { path, input, less }
    }

    fn command(&self) -> &str {
        self.path.to_str().unwrap()
    }

    fn ran(&self) -> bool {
        self.input.exists()
    }

    fn input(&self) -> String {
        fs::read_to_string(&self.input).expect("the pager ran")
    }

    fn less(&self) -> String {
        fs::read_to_string(&self.less).expect("the pager ran")
    }
}

/// The same command in a pipe, coloured and 80 columns wide: what the pager must be given.
fn piped(env: &TestEnv, args: &[&str]) -> String {
    let out = env
        .cmd()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--color", "always"])
        .args(args)
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn long_output_at_a_terminal_goes_through_idenfy_pager_once_with_its_colours() {
    let env = TestEnv::new();
    let chosen = Recorder::new(&env, "chosen");
    let other = Recorder::new(&env, "other");
    let screen = at_terminal(
        &env,
        10,
        &["explain", "--list"],
        &[
            ("IDENFY_PAGER", chosen.command()),
            ("PAGER", other.command()),
        ],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert_eq!(chosen.input(), piped(&env, &["explain", "--list"]));
    assert!(chosen.input().contains("\u{1b}["), "colours are kept");
    assert!(!other.ran());
    assert!(
        !screen.shown.contains(EXPLAIN_LINE),
        "shown once, by the pager only: {}",
        screen.shown
    );
}

#[test]
fn pager_is_used_when_idenfy_pager_is_unset_and_less_gets_frx_unless_less_is_set() {
    let env = TestEnv::new();
    let pager = Recorder::new(&env, "pager");
    let args = ["status", "--input", STATUS_DENIED];
    let screen = at_terminal(&env, 10, &args, &[("PAGER", pager.command())]);
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert_eq!(pager.input(), piped(&env, &args));
    assert_eq!(pager.less(), "FRX");

    let kept = Recorder::new(&env, "kept");
    let screen = at_terminal(
        &env,
        10,
        &args,
        &[("PAGER", kept.command()), ("LESS", "-S")],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert_eq!(kept.less(), "-S");
}

#[test]
fn pager_command_lines_run_through_the_shell() {
    let env = TestEnv::new();
    let pager = Recorder::new(&env, "pager");
    let with_argument = format!("{} --some-flag", pager.command());
    let screen = at_terminal(
        &env,
        10,
        &["explain", "--list"],
        &[("PAGER", with_argument.as_str())],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert!(pager.input().contains(EXPLAIN_LINE));
}

#[test]
fn empty_idenfy_pager_and_no_pager_print_directly() {
    let env = TestEnv::new();
    let pager = Recorder::new(&env, "pager");
    let direct = |args: &[&str], vars: &[(&str, &str)]| {
        let screen = at_terminal(&env, 10, args, vars);
        assert_eq!(screen.code, Some(0), "{args:?}: {}", screen.shown);
        assert!(screen.shown.contains(EXPLAIN_LINE), "{args:?}");
        assert!(!pager.ran(), "{args:?}");
    };
    direct(
        &["explain", "--list"],
        &[("IDENFY_PAGER", ""), ("PAGER", pager.command())],
    );
    direct(
        &["--no-pager", "explain", "--list"],
        &[("IDENFY_PAGER", pager.command())],
    );
}

#[test]
fn output_that_fits_the_terminal_is_not_paged() {
    let env = TestEnv::new();
    let pager = Recorder::new(&env, "pager");
    let screen = at_terminal(
        &env,
        100,
        &["status", "--input", STATUS_DENIED],
        &[("IDENFY_PAGER", pager.command())],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert!(screen.shown.contains(STATUS_LINE), "{}", screen.shown);
    assert!(!pager.ran());
}

#[test]
fn a_pager_quit_at_once_is_a_normal_end_without_the_output_twice() {
    let env = TestEnv::new();
    for pager in ["true", "head -1"] {
        let screen = at_terminal(&env, 10, &["explain", "--list"], &[("IDENFY_PAGER", pager)]);
        assert_eq!(screen.code, Some(0), "{pager}: {}", screen.shown);
        assert!(
            !screen.shown.contains("warning"),
            "{pager}: {}",
            screen.shown
        );
        assert!(
            !screen.shown.contains(EXPLAIN_LINE),
            "{pager}: {}",
            screen.shown
        );
    }
}

#[test]
fn a_missing_or_failing_pager_shows_the_output_without_it_and_one_warning() {
    let env = TestEnv::new();
    let cases = [
        (
            "/nonexistent/pager",
            "idenfy-cli: warning: pager `/nonexistent/pager` was not found; showing the output without it\n",
        ),
        (
            "false",
            "idenfy-cli: warning: pager `false` failed (exit 1); showing the output without it\n",
        ),
    ];
    for (pager, warning) in cases {
        let screen = at_terminal(
            &env,
            10,
            &["--color", "never", "status", "--input", STATUS_DENIED],
            &[("IDENFY_PAGER", pager)],
        );
        assert_eq!(screen.code, Some(0), "{pager}: {}", screen.shown);
        assert_eq!(
            screen.shown.matches("warning").count(),
            1,
            "{}",
            screen.shown
        );
        assert!(screen.shown.contains(warning), "{pager}: {}", screen.shown);
        let after = screen.shown.split(warning).nth(1).unwrap_or_default();
        assert_eq!(
            after.matches(STATUS_LINE).count(),
            1,
            "{pager}: {}",
            screen.shown
        );
    }
}

#[test]
fn ctrl_c_while_the_pager_runs_goes_to_the_pager_and_does_not_end_the_run() {
    let env = TestEnv::new();
    let marker = env.path("marker");
    // Reads everything, then Ctrl-C reaches the whole foreground group as from a keyboard;
    // the pager survives it and quits normally afterwards.
    let script = format!(
        "#!/bin/sh\ntrap 'echo pager-got-ctrl-c >> \"{m}\"' INT\ncat > /dev/null\nkill -INT 0\necho pager-quit >> \"{m}\"\n",
        m = marker.display()
    );
    let pager = env.write("pager", &script, 0o755);
    let screen = at_terminal(
        &env,
        10,
        &["explain", "--list"],
        &[("IDENFY_PAGER", pager.to_str().unwrap())],
    );
    assert_eq!(screen.code, Some(0), "{}", screen.shown);
    assert_eq!(
        fs::read_to_string(&marker).unwrap(),
        "pager-got-ctrl-c\npager-quit\n"
    );
    assert!(!screen.shown.contains("warning"), "{}", screen.shown);
    assert!(!screen.shown.contains(EXPLAIN_LINE), "{}", screen.shown);
}

#[test]
fn never_paged_when_stdout_is_not_a_terminal() {
    let env = TestEnv::new();
    let pager = Recorder::new(&env, "pager");
    let out = env
        .cmd()
        .args(["explain", "--list"])
        .env("IDENFY_PAGER", pager.command())
        .env("PAGER", pager.command())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(EXPLAIN_LINE));
    assert!(!pager.ran());
}
