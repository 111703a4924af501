//! Colour outside the tables: the `error:`, `warning:` and `hint:` labels on stderr, and
//! `--json` when stdout has colour.

use crate::common::*;

const ESC: char = '\u{1b}';

/// The text with every `ESC [ … m` removed.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('m').expect("an SGR sequence ends with m");
        assert!(
            after[..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "only SGR codes: {:?}",
            &after[..end]
        );
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Asserts that each line's label, and nothing else, is coloured: the codes open right before
/// the label and the message after it is plain.
fn assert_only_labels_coloured(coloured: &str, plain: &str) {
    assert_eq!(strip_sgr(coloured), plain);
    for line in coloured.lines() {
        let label_end = ["error:", "warning:", "hint:"]
            .iter()
            .find_map(|label| line.find(label).map(|at| at + label.len()))
            .unwrap_or_else(|| panic!("a labelled line: {line:?}"));
        let (label, message) = line.split_at(label_end);
        assert!(label.contains(ESC), "label coloured: {line:?}");
        let message = strip_leading_resets(message);
        assert!(!message.contains(ESC), "message plain: {line:?}");
    }
}

/// `message` after the codes that close the label's colour.
fn strip_leading_resets(mut message: &str) -> &str {
    while let Some(rest) = message.strip_prefix("\u{1b}[") {
        let end = rest.find('m').unwrap();
        message = &rest[end + 1..];
    }
    message
}

/// An unknown code: exit 1, an error and two hints, offline.
const FAILING: [&str; 2] = ["explain", "face_mach"];

fn failing_stderr(env: &TestEnv, flags: &[&str], vars: &[(&str, &str)]) -> String {
    let out = env
        .cmd()
        .args(flags)
        .args(FAILING)
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn color_always_colours_the_error_and_hint_labels_and_not_the_messages() {
    let env = TestEnv::new();
    let plain = failing_stderr(&env, &[], &[]);
    assert!(plain.starts_with("idenfy-cli: error: unknown code `face_mach`"));
    assert!(
        plain.contains("\n  hint: did you mean: FACE_MATCH"),
        "{plain}"
    );
    assert!(
        !plain.contains(ESC),
        "stderr is a pipe: no colour by default"
    );
    let coloured = failing_stderr(&env, &["--color", "always"], &[]);
    assert_only_labels_coloured(&coloured, &plain);
}

#[test]
fn no_color_and_color_never_and_clicolor_force_rule_the_labels_as_they_rule_stdout() {
    let env = TestEnv::new();
    let plain = failing_stderr(&env, &[], &[]);
    type Run = (
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
        bool,
    );
    let runs: [Run; 5] = [
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        (&["--color", "never"], &[("CLICOLOR_FORCE", "1")], false),
        (&["--color=auto"], &[], false),
    ];
    for (flags, vars, coloured) in runs {
        let text = failing_stderr(&env, flags, vars);
        assert_eq!(text.contains(ESC), coloured, "{flags:?} {vars:?}: {text:?}");
        assert_eq!(strip_sgr(&text), plain, "{flags:?} {vars:?}");
    }
}

#[test]
fn a_usage_error_clap_raises_follows_the_color_flag_it_could_read() {
    let env = TestEnv::new();
    let run = |args: &[&str]| {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        stderr(&out)
    };
    let plain = run(&["status", "--bogus"]);
    assert!(plain.starts_with("idenfy-cli: error: unexpected argument '--bogus'"));
    assert!(!plain.contains(ESC));
    let coloured = run(&["--color", "always", "status", "--bogus"]);
    assert_only_labels_coloured(&coloured, &plain);
    let coloured = run(&["status", "--bogus", "--color=always"]);
    assert_only_labels_coloured(&coloured, &plain);
    // Raised while the settings are made, from flags clap accepted.
    let args = ["--json", "--format", "markdown", "explain", "DOC_EXPIRED"];
    let plain = run(&args);
    assert!(plain.starts_with("idenfy-cli: error: --json and --format markdown"));
    let coloured = run(&[&["--color", "always"], &args[..]].concat());
    assert_only_labels_coloured(&coloured, &plain);
}

#[test]
fn the_warning_label_is_coloured_with_color_always() {
    let env = TestEnv::new();
    let input = env.write(
        "lone-surrogate.json",
        r#"{"scanRef": "abc", "status": "APPROVED", "clientId": "x\ud800y"}"#,
        0o600,
    );
    let run = |flags: &[&str]| {
        let out = env
            .cmd()
            .args(flags)
            .arg("status")
            .arg("--input")
            .arg(&input)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let plain = run(&[]);
    assert!(
        plain.starts_with("idenfy-cli: warning: the response had 1 malformed"),
        "{plain}"
    );
    let coloured = run(&["--color", "always"]);
    assert_only_labels_coloured(&coloured, &plain);
    assert!(!run(&["--color", "always", "--quiet"]).contains("warning"));
}

/// A status body with escapes, a lone surrogate, numbers in exponent form, and text outside ASCII.
const ESCAPES: &str = r#"{"status": "DENIED", "clientId": "say \"hi\": \\ \u0160 \ud83d\ude00 \ud800", "n": -1.50e3, "ok": true, "x": null, "u": "Šarūnas 😀", "tags": [], "o": {}}"#;

/// `ARGS --json`, exit 0, with `flags` before and `vars` set; stdout.
fn json_out(env: &TestEnv, args: &[&str], flags: &[&str], vars: &[(&str, &str)]) -> String {
    let out = env
        .cmd()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(flags)
        .arg("--json")
        .args(args)
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn json_with_color_always_is_coloured_and_strips_back_to_the_plain_json_byte_for_byte() {
    let env = TestEnv::new();
    let escapes = env.write("escapes.json", ESCAPES, 0o600);
    let escapes = escapes.to_str().unwrap();
    let runs: [&[&str]; 6] = [
        &["status", "--input", "src/samples/status-denied.json"],
        &["data", "--input", "src/samples/data.json"],
        &["files", "--input", "src/samples/files.json"],
        &["webhook", "show", "src/samples/webhook.json"],
        &["explain", "DOC_EXPIRED"],
        &["status", "--input", escapes],
    ];
    for args in runs {
        let plain = json_out(&env, args, &[], &[]);
        assert!(!plain.contains(ESC), "{args:?}: no colour in a pipe");
        let coloured = json_out(&env, args, &["--color", "always"], &[]);
        assert!(coloured.contains(ESC), "{args:?}");
        assert_eq!(strip_sgr(&coloured), plain, "{args:?}");
    }
}

#[test]
fn json_keys_strings_numbers_and_literals_get_distinct_colours() {
    let env = TestEnv::new();
    let escapes = env.write("escapes.json", ESCAPES, 0o600);
    let coloured = json_out(
        &env,
        &["status", "--input", escapes.to_str().unwrap()],
        &["--color", "always"],
        &[],
    );
    let colour_of = |token: &str| {
        let at = coloured
            .find(token)
            .unwrap_or_else(|| panic!("{token} in {coloured:?}"));
        let before = &coloured[..at];
        let start = before.rfind("\u{1b}[").expect("a colour before the token");
        assert!(
            !before[start..].contains(['\n', ' ', ',']),
            "{token} opens right after its colour: {:?}",
            &before[start..]
        );
        before[start..].to_string()
    };
    let key = colour_of("\"clientId\"");
    let string = colour_of("\"DENIED\"");
    let number = colour_of("-1.50e");
    let boolean = colour_of("true");
    let null = colour_of("null");
    assert_eq!(key, colour_of("\"status\""));
    let all = [&key, &string, &number, &boolean, &null];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn json_has_no_colour_in_a_pipe_with_no_color_or_with_color_never() {
    let env = TestEnv::new();
    let args = ["status", "--input", "src/samples/status-denied.json"];
    let plain = json_out(&env, &args, &[], &[]);
    assert!(!plain.contains(ESC));
    assert_eq!(json_out(&env, &args, &[], &[("NO_COLOR", "1")]), plain);
    assert_eq!(
        json_out(
            &env,
            &args,
            &["--color", "never"],
            &[("CLICOLOR_FORCE", "1")]
        ),
        plain
    );
    let forced = json_out(&env, &args, &[], &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains(ESC), "CLICOLOR_FORCE colours a pipe");
    assert_eq!(strip_sgr(&forced), plain);
}

#[test]
fn json_mode_output_that_is_not_json_is_never_coloured() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["--color", "always", "--json", "config", "path"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("config.toml\n"));
    assert!(!stdout(&out).contains(ESC), "{}", stdout(&out));
}
