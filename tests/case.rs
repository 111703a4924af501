//! `case`: three calls, once each, one report; a failing call does not hide the others.

use crate::common::*;
use httpmock::Method::POST;
use httpmock::{Mock, MockServer};
use serde_json::{Value, json};

fn endpoint<'a>(server: &'a MockServer, path: &str, status: u16, body: &str) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(POST)
            .path(path)
            .header("authorization", BASIC_AUTH)
            .json_body(json!({ "scanRef": SCAN_REF }));
        then.status(status)
            .header("content-type", "application/json")
            .body(body);
    })
}

#[test]
fn case_calls_each_endpoint_exactly_once_and_reports_all_three() {
    let server = MockServer::start();
    let status = endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-denied.json"),
    );
    let data = endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    let files = endpoint(&server, "/api/v2/files", 200, &fixture("files.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    status.assert_calls(1);
    data.assert_calls(1);
    files.assert_calls(1);
    let text = stdout(&out);
    let order: Vec<usize> = ["━━ Status ━━", "━━ Data ━━", "━━ Files ━━"]
        .iter()
        .map(|title| {
            text.find(title)
                .unwrap_or_else(|| panic!("{title} missing:\n{text}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    for expected in ["DENIED", "MIGRACIJOS DEPARTAMENTAS", "UTILITY_BILL"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn case_json_holds_the_three_bodies() {
    let server = MockServer::start();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-denied.json"),
    );
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &fixture("files.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys: Vec<&String> = printed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["status", "data", "files", "verdict"]);
    for (key, name) in [
        ("status", "status-denied.json"),
        ("data", "data.json"),
        ("files", "files.json"),
    ] {
        let sent: Value = serde_json::from_str(&fixture(name)).unwrap();
        assert_eq!(printed[key].to_string(), sent.to_string(), "{key}");
    }
    // The verdict as data, for a lead triaging with jq: the fraud tag holds the case, and
    // the expired document's retake is held back (its step is null).
    let verdict = &printed["verdict"];
    assert_eq!(verdict["disposition"], "compliance-hold");
    assert!(
        verdict["headline"]
            .as_str()
            .unwrap()
            .starts_with("DENIED: the document was shown as a picture on a phone screen"),
        "{verdict}"
    );
    let findings = verdict["findings"].as_array().unwrap();
    assert_eq!(findings[0]["code"], "DOC_MOBILE_PHOTO");
    assert_eq!(findings[0]["kind"], "fraud-tag");
    assert!(findings[0]["next"].as_str().unwrap().contains("compliance"));
    let expired = findings
        .iter()
        .find(|f| f["code"] == "DOC_EXPIRED")
        .expect("the expired document is a finding");
    assert_eq!(expired["disposition"], "client-action");
    assert_eq!(expired["next"], Value::Null);
    for finding in findings {
        let keys: Vec<&String> = finding.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["code", "kind", "disposition", "meaning", "next"]);
    }
}

#[test]
fn a_failing_call_shows_the_others_and_exits_with_its_code() {
    let server = MockServer::start();
    let status = endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-denied.json"),
    );
    let data = endpoint(
        &server,
        "/api/v2/data",
        404,
        r#"{"identifier":"NOT_FOUND","message":"No data."}"#,
    );
    let files = endpoint(&server, "/api/v2/files", 200, &fixture("files.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    status.assert_calls(1);
    data.assert_calls(1);
    files.assert_calls(1);
    let text = stdout(&out);
    assert!(
        text.contains("DENIED") && text.contains("UTILITY_BILL"),
        "{text}"
    );
    assert!(
        text.contains("Could not be read: /api/v2/data: HTTP 404 Not Found: NOT_FOUND: No data."),
        "{text}"
    );
    let err = stderr(&out);
    assert!(
        err.starts_with("idenfy-cli: error: /api/v2/data: HTTP 404 Not Found"),
        "{err}"
    );
    assert!(
        err.contains("hint: the report above shows what the other calls returned"),
        "{err}"
    );

    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        printed["data"].is_null() && printed["status"].is_object() && printed["files"].is_object()
    );
}

#[test]
fn case_download_saves_the_files() {
    let server = MockServer::start();
    let file = server.mock(|when, then| {
        when.path("/u/FRONT.jpg").header_missing("authorization");
        then.status(200)
            .header("content-type", "image/jpeg")
            .body("jpeg-bytes");
    });
    let files_body = json!({
        "fileUrls": {"FRONT": server.url("/u/FRONT.jpg?Signature=SIG")},
        "videoUrls": {}, "additionalStepPdfUrls": {}
    })
    .to_string();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-approved.json"),
    );
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &files_body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    file.assert_calls(1);
    assert_eq!(
        std::fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        "jpeg-bytes"
    );
    assert!(env.path("out/manifest.json").exists());
}

#[test]
fn case_redact_masks_the_data() {
    let server = MockServer::start();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-denied.json"),
    );
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &fixture("files.json"));
    let env = TestEnv::new();
    for extra in [&[][..], &["--json"][..]] {
        let out = env
            .api(&server.base_url())
            .args(["case", SCAN_REF, "--redact"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("M*** S***"), "{text}");
        for secret in [
            "MARIJA",
            "LT0042917",
            "1987-05-12",
            "Signature=",
            "client-4471",
        ] {
            assert!(!text.contains(secret), "{secret} shown:\n{text}");
        }
    }
}

#[test]
fn case_download_still_saves_the_files_when_another_call_failed() {
    let server = MockServer::start();
    let file = server.mock(|when, then| {
        when.path("/u/FRONT.jpg");
        then.status(200)
            .header("content-type", "image/jpeg")
            .body("jpeg-bytes");
    });
    let files_body =
        json!({"fileUrls": {"FRONT": server.url("/u/FRONT.jpg?Signature=SIG")}}).to_string();
    endpoint(&server, "/api/v2/status", 500, r#"{"message":"down"}"#);
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &files_body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "the failed call's code");
    file.assert_calls(1);
    assert_eq!(
        std::fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        "jpeg-bytes"
    );
}

#[test]
fn a_bad_pinned_time_fails_before_anything_is_sent() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("{}");
    });
    let env = TestEnv::new();
    for command in ["case", "data", "files"] {
        let out = env
            .api(&server.base_url())
            .env("IDENFY_NOW", "bogus")
            .args([command, SCAN_REF])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{command}");
    }
    any.assert_calls(0);
}

#[test]
fn case_download_json_is_one_document_with_the_manifest() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/u/FRONT.jpg");
        then.status(200)
            .header("content-type", "image/jpeg")
            .body("jpeg-bytes");
    });
    let files_body =
        json!({"fileUrls": {"FRONT": server.url("/u/FRONT.jpg?Signature=SIG")}}).to_string();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-approved.json"),
    );
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &files_body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--download", "out", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("exactly one JSON document");
    let keys: Vec<&String> = printed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["status", "data", "files", "verdict", "download"]);
    assert_eq!(printed["download"]["files"][0]["file"], "FRONT.jpg");
    assert!(
        !printed["download"].to_string().contains("SIG"),
        "the manifest keeps no signature"
    );
}

/// `case --save REF` and `case --download REF`, as people type them, take REF as the
/// scanRef and the default folder, as `files --download REF` does.
#[test]
fn save_or_download_followed_by_the_scan_ref_reads_it_as_the_scan_ref() {
    let server = MockServer::start();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-approved.json"),
    );
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, r#"{"fileUrls": {}}"#);
    for flag in ["--save", "--download"] {
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args(["case", flag, SCAN_REF])
            .output()
            .unwrap();
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("APPROVED: "), "{flag}");
        if flag == "--save" {
            assert!(
                env.path(SCAN_REF).join("status.json").is_file(),
                "no ./{SCAN_REF}"
            );
        }
    }
    // A folder that is no scanRef, and no scanRef: a usage error.
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", "--save", "./out dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: give a scanRef, --from FILE or --input DIR\n"
    );
}

/// An approved status says nothing about what the data holds (duplicate faces, screening):
/// when the data call fails, the case is pending, never "passed".
#[test]
fn an_approved_case_whose_data_could_not_be_read_is_pending_not_passed() {
    let server = MockServer::start();
    endpoint(
        &server,
        "/api/v2/status",
        200,
        &fixture("status-approved.json"),
    );
    endpoint(&server, "/api/v2/data", 502, "<html>Bad gateway</html>");
    endpoint(&server, "/api/v2/files", 200, &fixture("files.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first = text.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(
        first.contains("DATA_UNREAD")
            && first.contains("Verdict: Pending")
            && !first.contains("Passed"),
        "{first}"
    );
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--json"])
        .output()
        .unwrap();
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["verdict"]["disposition"], "pending", "{printed}");
    assert_eq!(printed["verdict"]["findings"][0]["code"], "DATA_UNREAD");
    // Several cases at once read it the same way.
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, SCAN_REF, "--json"])
        .output()
        .unwrap();
    let line: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(line["verdict"]["disposition"], "pending", "{line}");
}
