//! What a newcomer types first: scanRefs pasted with blank space, the order people type
//! flags in, saved bodies given to the wrong command, and messages that say exactly what
//! is wrong and what to do.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::json;

fn mock_all(server: &MockServer, status: u16) {
    for (path, name) in [
        ("/api/v2/status", "status-denied.json"),
        ("/api/v2/data", "data.json"),
        ("/api/v2/files", "files.json"),
    ] {
        server.mock(|when, then| {
            when.method(POST)
                .path(path)
                .json_body(json!({ "scanRef": SCAN_REF }));
            then.status(status).body(match status {
                200 => fixture(name),
                _ => r#"{"identifier":"NOT_FOUND","message":"Not found."}"#.to_string(),
            });
        });
    }
}

#[test]
fn a_scan_ref_pasted_with_blank_space_around_it_is_trimmed() {
    let server = MockServer::start();
    mock_all(&server, 200);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", &format!(" {SCAN_REF}\t\n")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("DENIED: "), "{}", stdout(&out));
}

#[test]
fn files_download_then_the_scan_ref_reads_it_as_the_scan_ref() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/files")
            .json_body(json!({ "scanRef": SCAN_REF }));
        then.status(200).body(r#"{"fileUrls":{"FRONT":null}}"#);
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", "--download", SCAN_REF])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "No files to download.\n");
}

#[test]
fn a_timeout_of_zero_says_what_is_allowed() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["--timeout", "0", "status", "abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let first = stderr(&out).lines().next().unwrap_or_default().to_string();
    assert!(
        first.ends_with("`0` is not allowed: the timeout is a number of seconds above 0, at most 86400 (a day), such as 30 or 2.5"),
        "{first}"
    );
}

#[test]
fn a_saved_body_of_another_command_names_the_command_that_reads_it() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["status", "--input"])
        .arg(fixture_path("data.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let path = fixture_path("data.json").display().to_string();
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: error: --input {path} holds a data response, not a status response\n  hint: `idenfy-cli data --input {path}` reads it\n"
        )
    );
    assert_eq!(stdout(&out), "");
    let out = env
        .cmd()
        .args(["data", "--input"])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`idenfy-cli webhook show "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn case_of_an_unknown_scan_ref_is_one_error_not_three_empty_parts() {
    let server = MockServer::start();
    mock_all(&server, 404);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(stdout(&out), "", "no report when nothing came");
    let err = stderr(&out);
    assert_eq!(err.matches("idenfy-cli: error:").count(), 1, "{err}");
    assert!(!err.contains("report above"), "{err}");
}

#[test]
fn find_with_redact_masks_the_client_id_in_every_line() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(200)
            .body(json!({"count": 0, "next": null, "previous": null, "results": []}).to_string());
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "john@example.com", "--redact"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out) + &stderr(&out);
    assert!(!shown.contains("john@example.com"), "{shown}");
    assert!(
        shown.starts_with("No verifications for client ID "),
        "{shown}"
    );
}
