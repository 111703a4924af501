//! The verdict `status` prints, for every overall status and the mixed cases, as golden
//! files (colour off), and `explain` hits and misses.

use crate::common::*;
use serde_json::{Value, json};

/// A status response with the given overall status, results and tags.
fn status(
    overall: &str,
    face: (&str, Option<&str>),
    document: (&str, Option<&str>),
    fraud: &[&str],
    mismatch: &[&str],
) -> String {
    json!({
        "fraudTags": fraud,
        "mismatchTags": mismatch,
        "autoDocument": document.0,
        "autoFace": face.0,
        "manualDocument": document.1,
        "manualFace": face.1,
        "scanRef": "5d0c8e2a-7f31-11f0-b2c4-0242ac120002",
        "clientId": "client-2093",
        "status": overall
    })
    .to_string()
}

fn render(env: &TestEnv, body: &str) -> String {
    let out = env
        .cmd()
        .args(["status", "--input", "-"])
        .write_stdin(body.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

const PASS: (&str, Option<&str>) = ("FACE_MATCH", None);
const VALID: (&str, Option<&str>) = ("DOC_VALIDATED", None);

#[test]
fn a_status_body_with_a_top_level_final_is_read_as_a_status_and_not_final() {
    let env = TestEnv::new();
    let mut body: serde_json::Value =
        serde_json::from_str(&status("APPROVED", PASS, VALID, &[], &[])).unwrap();
    body["final"] = json!(false);
    let text = render(&env, &body.to_string());
    assert!(
        text.starts_with("APPROVED: this result is not final"),
        "{text}"
    );
    assert!(text.contains("Verdict: Pending"), "{text}");
    assert!(
        !text.to_lowercase().contains("the verification passed"),
        "{text}"
    );
}

#[test]
fn each_overall_status_has_a_verdict() {
    let env = TestEnv::new();
    let cases = [
        ("approved", status("APPROVED", PASS, VALID, &[], &[])),
        (
            "denied",
            status(
                "DENIED",
                ("FACE_MISMATCH", None),
                ("DOC_GLARED", None),
                &[],
                &[],
            ),
        ),
        (
            "suspected",
            status(
                "SUSPECTED",
                ("FACE_MATCH", None),
                ("DOC_NOT_FULLY_VISIBLE", None),
                &["DUPLICATE_FACE"],
                &[],
            ),
        ),
        (
            "reviewing",
            status("REVIEWING", PASS, ("DOC_VALIDATED", None), &[], &[]),
        ),
        ("active", status("ACTIVE", ("", None), ("", None), &[], &[])),
        (
            "expired",
            status("EXPIRED", ("", None), ("", None), &[], &[]),
        ),
        (
            "expired-deleted",
            status("EXPIRED-DELETED", ("", None), ("", None), &[], &[]),
        ),
        ("deleted", status("DELETED", PASS, VALID, &[], &[])),
        ("archived", status("ARCHIVED", PASS, VALID, &[], &[])),
    ];
    for (name, body) in cases {
        golden(&format!("verdict-{name}.txt"), &render(&env, &body));
    }
}

#[test]
fn review_overruling_automation_shows_both_results() {
    let env = TestEnv::new();
    let body = status(
        "APPROVED",
        ("FACE_MATCH", Some("FACE_MATCH")),
        ("DOC_NOT_FOUND", Some("DOC_VALIDATED")),
        &[],
        &[],
    );
    let text = render(&env, &body);
    golden("verdict-review-overruled.txt", &text);
    assert!(text.contains("DOC_VALIDATED (set by review)"), "{text}");
    // A review that cleared an automatic failure leaves a pass.
    assert!(
        text.starts_with("APPROVED: the verification passed, final and with nothing else found"),
        "{text}"
    );
}

#[test]
fn suspected_with_passing_checks_leaves_the_decision_to_the_business() {
    let env = TestEnv::new();
    let body = status(
        "SUSPECTED",
        PASS,
        VALID,
        &["AML_SUSPECTION"],
        &["DATE_OF_BIRTH"],
    );
    let text = render(&env, &body);
    golden("verdict-suspected-checks-passed.txt", &text);
    // The screening hit holds the case; the mismatch is for after the hold.
    assert!(text.contains("Verdict: Compliance hold"), "{text}");
    assert!(
        text.contains("AML_SUSPECTION (fraud tag, compliance-hold)")
            && text.contains("DATE_OF_BIRTH (mismatch tag, business-decides)"),
        "{text}"
    );
    // With only the mismatch left, the business decides.
    let mismatch_only = render(
        &env,
        &status("SUSPECTED", PASS, VALID, &[], &["DATE_OF_BIRTH"]),
    );
    assert!(
        mismatch_only.contains("Verdict: Your business decides"),
        "{mismatch_only}"
    );
}

#[test]
fn unknown_codes_show_as_they_came_with_no_description() {
    let env = TestEnv::new();
    let body = status(
        "ON_HOLD",
        ("FACE_NEW_CHECK", None),
        ("DOC_VALIDATED", None),
        &["NEW_FRAUD_TAG"],
        &[],
    );
    let text = render(&env, &body);
    golden("verdict-unknown-codes.txt", &text);
    // Unknown codes are held, never passed over: each says so and what to do.
    assert!(
        text.starts_with("ON_HOLD: the overall status is ON_HOLD, which this tool does not know"),
        "{text}"
    );
    assert!(text.contains("Verdict: Compliance hold"), "{text}");
    assert!(
        text.contains("NEW_FRAUD_TAG (fraud tag, compliance-hold): The fraud tag NEW_FRAUD_TAG is one this tool does not know"),
        "{text}"
    );
    assert!(!text.contains("no description"), "{text}");
    let denied = status("DENIED", ("FACE_NEW_FAILURE", None), VALID, &[], &[]);
    let denied = render(&env, &denied);
    assert!(
        denied.contains("FACE_NEW_FAILURE (face result, compliance-hold): The face result FACE_NEW_FAILURE is one this tool does not know"),
        "{denied}"
    );
}

#[test]
fn reviewing_says_the_result_comes_by_webhook() {
    let env = TestEnv::new();
    let text = render(&env, &status("REVIEWING", PASS, VALID, &[], &[]));
    assert!(
        text.contains("arrives by webhook") && text.to_lowercase().contains("do not poll"),
        "{text}"
    );
}

#[test]
fn denied_lists_each_failing_result_with_what_to_do() {
    let env = TestEnv::new();
    let text = render(
        &env,
        &status(
            "DENIED",
            ("FACE_MISMATCH", None),
            ("DOC_GLARED", None),
            &[],
            &[],
        ),
    );
    assert!(
        text.contains("- FACE_MISMATCH (face result, client-action): "),
        "{text}"
    );
    assert!(
        text.contains("- DOC_GLARED (document result, client-action): "),
        "{text}"
    );
    assert!(text.matches("    Next: ").count() >= 2, "{text}");
}

#[test]
fn explain_finds_codes_in_any_case() {
    let env = TestEnv::new();
    let out = env.cmd().args(["explain", "doc_glared"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("DOC_GLARED (Document result)\n  "),
        "{text}"
    );
    assert!(text.contains("  Next: "), "{text}");
    assert!(text.contains(DOCUMENTED_NOTE), "{text}");

    let out = env
        .cmd()
        .args(["explain", "AUTO_UNVERIFIABLE", "--json"])
        .output()
        .unwrap();
    let entries: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let categories: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["face-result", "document-result", "fraud-tag"]);
}

#[test]
fn explain_an_unknown_code_exits_1_with_suggestions() {
    let env = TestEnv::new();
    let out = env.cmd().args(["explain", "DOC_EXPIRD"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.lines().next().unwrap(),
        "idenfy-cli: error: unknown code `DOC_EXPIRD`: no description"
    );
    assert!(err.contains("  hint: did you mean: DOC_EXPIRED"), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn explain_list_groups_every_code_by_category() {
    let env = TestEnv::new();
    let out = env.cmd().args(["explain", "--list"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    let headings = [
        "Overall status",
        "Face result",
        "Document result",
        "Fraud tag",
        "Mismatch tag",
        "Document type",
    ];
    let positions: Vec<usize> = headings
        .iter()
        .map(|h| {
            text.find(&format!("{h}\n"))
                .unwrap_or_else(|| panic!("{h}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    let out = env
        .cmd()
        .args(["explain", "--list", "--json"])
        .output()
        .unwrap();
    let entries: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(entries.as_array().unwrap().len() >= 160);
}

#[test]
fn explain_without_a_code_points_at_the_list() {
    let env = TestEnv::new();
    for args in [&["explain"][..], &["explain", "  "]] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: a code or --list is needed"
        );
        assert_eq!(
            stderr(&out),
            "idenfy-cli: error: give a code to explain\n  hint: `idenfy-cli explain --list` lists every code\n"
        );
        assert_eq!(stdout(&out), "");
    }
}

/// Says where a meaning comes from, in `explain`.
const DOCUMENTED_NOTE: &str = "Meaning documented by iDenfy.";
const NAME_NOTE: &str = "Meaning read from the code's name; iDenfy documents only the name.";
const MARK_NOTE: &str =
    "* after a code: meaning read from its name; iDenfy documents only the name.";

#[test]
fn explain_says_once_where_a_meaning_comes_from() {
    let env = TestEnv::new();
    let explain = |args: &[&str]| {
        let out = env.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let documented = explain(&["explain", "DUPLICATE_FACE"]);
    assert_eq!(
        documented.matches(DOCUMENTED_NOTE).count(),
        1,
        "{documented}"
    );
    assert!(!documented.contains(NAME_NOTE), "{documented}");
    let lines: Vec<&str> = documented.lines().map(str::trim).collect();
    let note = lines.iter().position(|l| *l == DOCUMENTED_NOTE).unwrap();
    assert_eq!(
        lines[note + 1],
        "Source: https://documentation.idenfy.com/callbacks/Suspicions"
    );
    assert_eq!(lines[note + 2], "In a verdict: compliance-hold");
    assert!(lines[note + 3].starts_with("Next: Compare"), "{documented}");

    let by_name = explain(&["explain", "SANCTIONS_FAILED"]);
    assert_eq!(by_name.matches(NAME_NOTE).count(), 1, "{by_name}");

    let list = explain(&["explain", "--list"]);
    assert!(list.starts_with(MARK_NOTE), "{list}");
    assert_eq!(list.matches("iDenfy documents only the name").count(), 1);
    assert!(list.contains("  SANCTIONS_FAILED* "), "{list}");
    assert!(list.contains("  DUPLICATE_FACE "), "{list}");
    assert!(!list.contains("DUPLICATE_FACE*"), "{list}");
}

#[test]
fn verdicts_never_say_where_meanings_come_from() {
    let env = TestEnv::new();
    let body = status(
        "SUSPECTED",
        ("FACE_ERROR", None),
        ("DOC_SUBTYPE_MISMATCH", None),
        &["SANCTIONS_FAILED", "DUPLICATE_FACE"],
        &["UNKNOWN_AGE"],
    );
    let text = render(&env, &body);
    assert!(
        text.contains("SANCTIONS_FAILED (fraud tag, not-screened)"),
        "{text}"
    );
    for note in [
        "iDenfy documents only the name",
        DOCUMENTED_NOTE,
        "code's name",
    ] {
        assert!(!text.contains(note), "{note}: {text}");
    }
}

#[test]
fn case_marks_the_data_fields_a_mismatch_tag_names() {
    use httpmock::Method::POST;
    let server = httpmock::MockServer::start();
    for (path, body) in [
        ("/api/v2/status", fixture("status-denied.json")),
        ("/api/v2/data", fixture("data.json")),
        ("/api/v2/files", fixture("files.json")),
    ] {
        server.mock(|when, then| {
            when.method(POST).path(path);
            then.status(200).body(body);
        });
    }
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    let line = |label: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label} missing:\n{text}"))
            .to_string()
    };
    assert!(
        line("Date of birth").contains("mismatch: DATE_OF_BIRTH"),
        "{text}"
    );
    assert!(line("First name").contains("mismatch: NAME"), "{text}");
    assert!(!line("Last name").contains("mismatch"), "{text}");
    assert!(line("Expiry").contains("expired 511 days ago"), "{text}");
}
