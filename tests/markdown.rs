//! `--format markdown`: headings and pipe tables that render in a ticket, every value
//! escaped, no colour, `--redact` applied.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::json;

/// Every table in `text` has the same number of cells in each of its rows (a `\|` is text,
/// not a cell border).
fn assert_tables_are_whole(text: &str) {
    let mut expected: Option<usize> = None;
    for line in text.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        match expected {
            None => expected = Some(cells),
            Some(n) => assert_eq!(n, cells, "a row with another cell count: {line}\n{text}"),
        }
    }
}

fn markdown(env: &TestEnv, args: &[&str], input: &str) -> String {
    let out = env
        .cmd()
        .args(["--format", "markdown", "--color", "always"])
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}'),
        "colour codes in Markdown:\n{text}"
    );
    assert_tables_are_whole(&text);
    text
}

#[test]
fn status_is_a_headline_a_verdict_list_and_tables() {
    let env = TestEnv::new();
    let text = markdown(
        &env,
        &["status", "--input", "-"],
        &fixture("status-denied.json"),
    );
    assert!(
        text.starts_with(
            "**`DENIED`: the document was shown as a picture on a phone screen rather than held up itself (DOC\\_MOBILE\\_PHOTO), and 3 more findings**\n"
        ),
        "{text}"
    );
    assert!(text.contains("| Check | Automatic | Manual | Result |\n| --- | --- | --- | --- |\n"));
    assert!(text.contains(
        "| Document | `DOC_NOT_FOUND` | `DOC_EXPIRED` | DOC\\_EXPIRED (set by review) |"
    ));
    assert!(text.contains("### Verdict\n"));
    assert!(
        text.contains("- `DOC_EXPIRED` (document result, client-action): The document has expired.\n  - Held back: ")
    );
}

#[test]
fn data_files_and_webhook_show_are_tables_under_headings() {
    let env = TestEnv::new();
    let data = markdown(&env, &["data", "--input", "-"], &fixture("data.json"));
    assert!(
        data.contains("### Document\n\n| Field | Value | Note |"),
        "{data}"
    );
    assert!(
        data.contains("| Expiry | 2025-06-30 | expired 511 days ago |"),
        "{data}"
    );
    let files = markdown(&env, &["files", "--input", "-"], &fixture("files.json"));
    assert!(
        files.contains("| `FACE` | photo | in 1 h (14:00 UTC) | <https://files.example.test/users/8f2a41c0/FACE.png?AWSAccessKeyId=AKIDEXAMPLE&Signature=c2lnbmF0dXJl&Expires=1795442400> |"),
        "links are whole in Markdown:\n{files}"
    );
    let show = markdown(&env, &["webhook", "show", "-"], &fixture("webhook.json"));
    for heading in ["## Webhook", "## Status", "## Data", "## Files"] {
        assert!(show.contains(heading), "{heading} missing:\n{show}");
    }
}

#[test]
fn a_pipe_or_markup_in_a_value_cannot_break_the_table() {
    let env = TestEnv::new();
    let body = json!({
        "scanRef": "a|b",
        "docFirstName": "<script>alert(1)</script> | *bold* [x](javascript:y)",
        "docLastName": "line\nbreak",
        "surprise|key": "`tick`"
    });
    let text = markdown(&env, &["data", "--input", "-"], &body.to_string());
    assert!(text.contains("| Verification | a\\|b |"), "{text}");
    assert!(
        text.contains("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\[x\\](javascript:y)"),
        "{text}"
    );
    assert!(!text.contains("<script>"), "{text}");
    assert!(text.contains("surprise\\|key"), "{text}");
}

#[test]
fn redact_masks_markdown_as_it_masks_tables() {
    let env = TestEnv::new();
    let text = markdown(
        &env,
        &["--redact", "data", "--input", "-"],
        &fixture("data.json"),
    );
    assert!(
        !text.contains("MARIJA") && !text.contains("LT0042917"),
        "{text}"
    );
    assert!(text.contains("| First name | M\\*\\*\\* |"), "{text}");
    let files = markdown(
        &env,
        &["--redact", "files", "--input", "-"],
        &fixture("files.json"),
    );
    assert!(!files.contains("Signature"), "{files}");
}

#[test]
fn find_and_webhook_diff_speak_markdown() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(200).body(
            json!({"count": 1, "next": null, "previous": null,
                   "results": [{"scanRef": "a1", "status": "DENIED", "suspected": true}]})
            .to_string(),
        );
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c-1", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "| scanRef | Status | Suspected |\n| --- | --- | --- |\n| a1 | `DENIED` | yes |\n"
    );

    let server = MockServer::start();
    let mut status: serde_json::Value =
        serde_json::from_str(&fixture("status-denied.json")).unwrap();
    status["status"] = json!("APPROVED");
    for (path, body) in [
        ("/api/v2/status", status.to_string()),
        ("/api/v2/data", fixture("data.json")),
        ("/api/v2/files", fixture("files.json")),
    ] {
        server.mock(|when, then| {
            when.method(POST).path(path);
            then.status(200).body(body);
        });
    }
    let out = env
        .api(&server.base_url())
        .args(["webhook", "diff", "--format", "markdown"])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.starts_with("| Path | Webhook | API |\n| --- | --- | --- |\n"),
        "{text}"
    );
    assert!(
        text.contains("| `status.overall` | DENIED | APPROVED |"),
        "{text}"
    );
}

#[test]
fn json_and_markdown_together_are_a_usage_error() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["status", "--json", "--format", "markdown", "--input", "-"])
        .write_stdin(fixture("status-denied.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --json and --format markdown ask for two formats\n  hint: --json is short for --format json; give one of them\n"
    );
    let out = env
        .cmd()
        .args(["status", "--json", "--format", "json", "--input", "-"])
        .write_stdin(fixture("status-denied.json"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = env
        .cmd()
        .args(["status", "--format", "json", "--input", "-"])
        .write_stdin(fixture("status-denied.json"))
        .output()
        .unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(parsed["status"], "DENIED");
}
