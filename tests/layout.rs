//! Reading at a terminal: output fits `COLUMNS` (golden files at 80 and 120 columns), the
//! answer comes first, long links are shortened with a note, and a pipe without `COLUMNS`
//! gets whole values.

use crate::common::*;
use httpmock::prelude::*;

const WIDTHS: [usize; 2] = [80, 120];

/// Offline commands and the golden file each writes, at every width.
const OFFLINE: [(&str, &[&str], Option<&str>); 9] = [
    (
        "status-denied",
        &["status", "--input"],
        Some("status-denied.json"),
    ),
    (
        "status-suspected",
        &["status", "--input"],
        Some("status-suspected.json"),
    ),
    (
        "status-approved",
        &["status", "--input"],
        Some("status-approved.json"),
    ),
    ("data", &["data", "--input"], Some("data.json")),
    ("files", &["files", "--input"], Some("files.json")),
    ("webhook-show", &["webhook", "show"], Some("webhook.json")),
    (
        "webhook-aml",
        &["webhook", "show"],
        Some("webhook-aml.json"),
    ),
    ("explain-list", &["explain", "--list"], None),
    (
        "explain-duplicate-face",
        &["explain", "DUPLICATE_FACE"],
        None,
    ),
];

fn at_width(env: &TestEnv, columns: usize, args: &[&str], fixture_name: Option<&str>) -> String {
    let mut cmd = env.cmd();
    cmd.env("COLUMNS", columns.to_string()).args(args);
    if let Some(name) = fixture_name {
        // Read from the test's own folder, so that a step naming the file names it the same
        // on every machine.
        env.write(name, &fixture(name), 0o644);
        cmd.arg(name);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn assert_fits(text: &str, columns: usize, what: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= columns,
            "{what}: a line is wider than {columns} columns:\n{line}\n\n{text}"
        );
    }
}

#[test]
fn every_offline_report_fits_80_and_120_columns_as_in_the_golden_files() {
    let env = TestEnv::new();
    for (name, args, fixture_name) in OFFLINE {
        for columns in WIDTHS {
            let text = at_width(&env, columns, args, fixture_name);
            assert_fits(&text, columns, name);
            golden(&format!("{name}-{columns}.txt"), &text);
        }
    }
}

fn case_server() -> MockServer {
    case_api(
        &fixture("status-denied.json"),
        &fixture("data.json"),
        &fixture("files.json"),
    )
}

#[test]
fn case_fits_80_and_120_columns_as_in_the_golden_files() {
    let server = case_server();
    let env = TestEnv::new();
    for columns in WIDTHS {
        let out = env
            .api(&server.base_url())
            .env("COLUMNS", columns.to_string())
            .args(["case", SCAN_REF])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert_fits(&text, columns, "case");
        golden(&format!("case-denied-{columns}.txt"), &text);
    }
}

#[test]
fn case_of_a_denied_verification_answers_in_its_first_screen() {
    let server = case_server();
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .env("COLUMNS", "80")
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    let first_screen: Vec<&str> = text.lines().take(24).collect();
    // The fraud tag that forbids a retake leads; the expired document waits behind it.
    assert_eq!(
        first_screen[0],
        "DENIED: the document was shown as a picture on a phone screen rather than held"
    );
    let screen = first_screen.join("\n");
    assert!(
        screen.contains("Verdict: Compliance hold (internal:"),
        "{screen}"
    );
    assert!(
        screen.contains("Next: Pass the case to compliance"),
        "{screen}"
    );
    assert!(
        !screen.contains("Next: Tell the client this document has expired"),
        "{screen}"
    );
    for reason in ["DOC_EXPIRED", "DOC_MOBILE_PHOTO", "DATE_OF_BIRTH", "NAME"] {
        assert!(
            screen.contains(&format!("- {reason} (")),
            "{reason} is not in the first 24 lines:\n{screen}"
        );
    }
    let verdict = text.find("━━ Verdict ━━").unwrap();
    let data = text.find("━━ Data ━━").unwrap();
    let files = text.find("━━ Files ━━").unwrap();
    assert!(verdict < data && data < files, "{text}");
}

#[test]
fn status_opens_with_the_headline() {
    let env = TestEnv::new();
    let first = |name: &str| {
        let text = at_width(&env, 80, &["status", "--input"], Some(name));
        text.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        first("status-denied.json"),
        "DENIED: the document was shown as a picture on a phone screen rather than held"
    );
    let suspected = first("status-suspected.json");
    assert!(
        suspected
            .starts_with("SUSPECTED: the selfie face matches the selfie of one or more earlier"),
        "{suspected}"
    );
    let approved = first("status-approved.json");
    assert!(approved.starts_with("APPROVED: "), "{approved}");
    let out = env
        .cmd()
        .args(["status", "--input"])
        .arg(fixture_path("status-suspected.json"))
        .output()
        .unwrap();
    let headline = stdout(&out).lines().next().unwrap_or_default().to_string();
    // A duplicate face is a hold for compliance, not the business's call, though the checks
    // passed.
    assert!(headline.ends_with("(DUPLICATE_FACE)"), "{headline}");
    let second = stdout(&out).lines().nth(1).unwrap_or_default().to_string();
    assert!(second.contains("Verdict: Compliance hold"), "{second}");
}

#[test]
fn long_links_are_shortened_in_the_middle_with_one_note() {
    let env = TestEnv::new();
    let text = at_width(&env, 80, &["files", "--input"], Some("files.json"));
    assert!(!text.contains("Signature="), "{text}");
    assert!(text.contains("/FACE.png?…"), "{text}");
    let note = "--json (or a pipe) shows them whole";
    assert_eq!(text.matches(note).count(), 1, "{text}");
}

#[test]
fn a_pipe_without_columns_gets_whole_values() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["files", "--input"])
        .arg(fixture_path("files.json"))
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("https://files.example.test/users/8f2a41c0/FACE.png?AWSAccessKeyId=AKIDEXAMPLE&Signature=c2lnbmF0dXJl&Expires=1795442400"),
        "{text}"
    );
    assert!(!text.contains('…'), "{text}");
    let out = env
        .cmd()
        .args(["status", "--input"])
        .arg(fixture_path("status-denied.json"))
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("  - DOC_MOBILE_PHOTO (fraud tag, compliance-hold): The document was shown as a picture on a phone screen rather than held up itself."),
        "prose stays on one line in a pipe:\n{text}"
    );
}

#[test]
fn prose_wraps_at_words_with_its_indent_kept() {
    let env = TestEnv::new();
    let text = at_width(
        &env,
        60,
        &["status", "--input"],
        Some("status-suspected.json"),
    );
    let why = text.find("  - DUPLICATE_FACE").unwrap();
    let reason: Vec<&str> = text[why..]
        .lines()
        .take_while(|l| !l.contains("Note:"))
        .collect();
    assert!(reason.len() > 1, "the reason wraps at 60 columns:\n{text}");
    for line in &reason[1..] {
        assert!(
            line.starts_with("    "),
            "hanging indent lost: {line:?}\n{text}"
        );
    }
    let words: Vec<&str> = reason.iter().flat_map(|l| l.split_whitespace()).collect();
    assert!(
        words.contains(&"verifications."),
        "a word was broken:\n{text}"
    );
}

#[test]
fn columns_below_sixty_lay_out_for_sixty() {
    let env = TestEnv::new();
    let text = at_width(&env, 20, &["files", "--input"], Some("files.json"));
    assert_fits(&text, 60, "files at COLUMNS=20");
    assert!(text.lines().any(|l| l.chars().count() > 50), "{text}");
}

/// At 80 columns a row's label keeps its line (`Duplicate document faces` whole), a value
/// keeps its line, and the notes column gives way instead.
#[test]
fn labels_and_values_keep_their_lines_at_80_columns_and_notes_give_way() {
    let env = TestEnv::new();
    let text = at_width(&env, 80, &["data", "--input"], Some("data.json"));
    assert_fits(&text, 80, "data at 80");
    let line_of = |label: &str| {
        text.lines()
            .find(|line| line.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no line starts with {label}:\n{text}"))
            .to_string()
    };
    assert!(line_of("Duplicate document faces").ends_with("—"), "{text}");
    assert!(line_of("Address verification").ends_with("—"), "{text}");
    assert!(
        line_of("Duplicate faces").contains("0c1f77aa-5b1e-11f0-9d3a-0242ac120002  in another"),
        "{text}"
    );
}

/// Every line of `text` but those holding one of `whole` fits `columns`, and each of `whole`
/// is on one line: a path or command a person copies is never split.
fn assert_whole_and_fits(text: &str, columns: usize, whole: &[&str]) {
    for value in whole {
        assert!(
            text.lines().any(|line| line.contains(value)),
            "{value} is not whole on one line:\n{text}"
        );
    }
    for line in text
        .lines()
        .filter(|line| !whole.iter().any(|value| line.contains(value)))
    {
        assert!(
            line.chars().count() <= columns,
            "a line is wider than {columns} columns:\n{line}\n\n{text}"
        );
    }
}

#[test]
fn config_show_never_splits_a_path_or_a_command_at_80_columns() {
    let env = TestEnv::new();
    let command = "pass show idenfy/production/api-secret-for-the-support-team --no-clip";
    let ca = env.path("company-internal-root-certificate-authority-bundle-2026.pem");
    std::fs::write(&ca, "not a certificate").unwrap();
    let config = env.write(
        "xdg/idenfy-cli/config.toml",
        &format!(
            "[profiles.default]\napi_key = \"key-0001\"\napi_secret_command = \"{command}\"\nca_file = '{}'\n",
            ca.display()
        ),
        0o600,
    );
    set_mode(config.parent().unwrap(), 0o700);
    for columns in [80, 200] {
        let text = at_width(&env, columns, &["config", "show"], None);
        assert_whole_and_fits(
            &text,
            columns,
            &[
                command,
                &ca.display().to_string(),
                &config.display().to_string(),
            ],
        );
    }
    let text = at_width(&env, 80, &["config", "show"], None);
    assert!(
        text.contains(&format!("\n  Value: output of `{command}`")),
        "a command too wide for its column is set under its row:\n{text}"
    );
}

#[test]
fn a_download_summary_never_splits_a_file_name_at_80_columns() {
    let server = MockServer::start();
    let key = "PROOF_OF_ADDRESS_UTILITY_BILL_SECOND_PAGE";
    let link = server.url(format!("/u/{key}.pdf?Signature=s"));
    server.mock(|when, then| {
        when.method(POST).path("/api/v2/files");
        then.status(200)
            .header("content-type", "application/json")
            .body(serde_json::json!({"additionalStepPdfUrls": {key: link}}).to_string());
    });
    server.mock(|when, then| {
        when.method(GET).path(format!("/u/{key}.pdf"));
        then.status(200)
            .header("content-type", "application/pdf")
            .body("%PDF-1.4 test");
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .env("COLUMNS", "80")
        .args(["files", SCAN_REF, "--download", "dl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let name = format!("{key}.pdf");
    let shown = format!("{}{}", stdout(&out), stderr(&out));
    assert_whole_and_fits(&shown, 80, &[&name]);
}

/// A shortened link is a hyperlink (OSC 8) to the whole URL with `--hyperlinks always` (or at
/// a terminal that shows them), never in a pipe by default, and never to anything but http(s).
#[test]
fn shortened_links_are_clickable_hyperlinks_only_when_asked_for() {
    let env = TestEnv::new();
    let files = fixture("files.json");
    let run = |extra: &[&str], body: &str| {
        let out = env
            .cmd()
            .env("COLUMNS", "80")
            .args(["files", "--input", "-"])
            .args(extra)
            .write_stdin(body.to_string())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let linked = run(&["--hyperlinks", "always"], &files);
    let whole: serde_json::Value = serde_json::from_str(&files).unwrap();
    let face = whole["fileUrls"]["FACE"].as_str().unwrap();
    assert!(
        linked.contains(&format!("\u{1b}]8;;{face}\u{1b}\\")),
        "no hyperlink to the whole URL:\n{linked}"
    );
    assert!(linked.contains("/FACE.png?…\u{1b}]8;;\u{1b}\\"), "{linked}");
    for plain in [run(&[], &files), run(&["--hyperlinks", "never"], &files)] {
        assert!(
            !plain.contains("\u{1b}]8;;"),
            "a hyperlink in a pipe:\n{plain}"
        );
    }
    // A link with a space or a control character in it is shortened, never linked.
    let hostile = serde_json::json!({"fileUrls": {
        "FACE": format!("https://files.example.invalid/{}/FACE.png?a=b c", "x".repeat(80))
    }})
    .to_string();
    let out = run(&["--hyperlinks", "always"], &hostile);
    assert!(!out.contains("\u{1b}]8;;"), "{out}");
}
