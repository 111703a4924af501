//! Several cases in one run: `status` and `case` with several scanRefs or `--from FILE`.
//! Each endpoint is called once per scanRef, rows come in the order given, and a refusal
//! of the credentials or the rate stops every call not yet sent.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use crate::common::*;
use httpmock::Method::POST;
use httpmock::{Mock, MockServer};
use serde_json::{Value, json};

const A: &str = "aaaa-0001";
const B: &str = "bbbb-0002";
const C: &str = "cccc-0003";
const D: &str = "dddd-0004";
const E: &str = "eeee-0005";

/// `path` answers `status` with `body` for `scan_ref` only.
fn answer<'a>(
    server: &'a MockServer,
    path: &str,
    scan_ref: &str,
    status: u16,
    body: &str,
) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(POST)
            .path(path)
            .header("authorization", BASIC_AUTH)
            .json_body(json!({ "scanRef": scan_ref }));
        then.status(status)
            .header("content-type", "application/json")
            .body(body);
    })
}

/// A status body for `scan_ref` with the overall status `status`.
fn status_body(scan_ref: &str, status: &str) -> String {
    let mut body: Value = serde_json::from_str(&fixture("status-approved.json")).unwrap();
    body["scanRef"] = json!(scan_ref);
    body["status"] = json!(status);
    if status == "DENIED" {
        body["autoDocument"] = json!("DOC_EXPIRED");
        body["manualDocument"] = Value::Null;
    }
    body.to_string()
}

fn approved<'a>(server: &'a MockServer, scan_ref: &str) -> Mock<'a> {
    let body = status_body(scan_ref, "APPROVED");
    answer(server, "/api/v2/status", scan_ref, 200, &body)
}

/// The lines of stdout after the header.
fn rows(output: &std::process::Output) -> Vec<String> {
    stdout(output).lines().skip(1).map(str::to_string).collect()
}

#[test]
fn several_scan_refs_give_one_row_each_in_the_order_given() {
    let server = MockServer::start();
    let mocks = [
        approved(&server, A),
        answer(&server, "/api/v2/status", B, 200, &status_body(B, "DENIED")),
        approved(&server, C),
    ];
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", C, A, B])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in &mocks {
        mock.assert_calls(1);
    }
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("scanRef    Status "), "{text}");
    assert!(lines[0].ends_with("Verdict"), "{text}");
    assert!(lines[1].starts_with(&format!("{C}  APPROVED ")), "{text}");
    assert!(lines[2].starts_with(&format!("{A}  APPROVED ")), "{text}");
    assert!(lines[3].starts_with(&format!("{B}  DENIED ")), "{text}");
    assert!(
        lines[3].ends_with("the document has expired (DOC_EXPIRED)"),
        "{text}"
    );
    let reason_at = |line: &str| {
        line.find("passed: ")
            .or_else(|| line.find("client-action: "))
            .unwrap()
    };
    assert_eq!(reason_at(lines[1]), reason_at(lines[3]), "aligned:\n{text}");
    assert_eq!(stderr(&out), "");
}

#[test]
fn one_scan_ref_keeps_the_full_report_and_from_always_gives_rows() {
    let server = MockServer::start();
    let mock = approved(&server, A);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Verdict"), "{}", stdout(&out));
    let list = env.write("one.txt", &format!("{A}\n"), 0o644);
    let out = env
        .api(&server.base_url())
        .args(["status", "--from"])
        .arg(&list)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(rows(&out).len(), 1, "{}", stdout(&out));
    assert!(stdout(&out).starts_with("scanRef "), "{}", stdout(&out));
    mock.assert_calls(2);
}

#[test]
fn a_list_skips_comments_and_blank_lines_trims_spaces_and_looks_up_duplicates_once() {
    let server = MockServer::start();
    let mocks = [
        approved(&server, A),
        approved(&server, B),
        approved(&server, C),
    ];
    let env = TestEnv::new();
    let list = env.write(
        "refs.txt",
        &format!("# today's cases\n\n  {B}  \r\n{A}\n\t\n# {D}\n{B}\n{C}   # the last one\n{A}\n"),
        0o644,
    );
    let out = env
        .api(&server.base_url())
        .args(["status", "--from"])
        .arg(&list)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in &mocks {
        assert_eq!(mock.calls(), 1);
    }
    let order: Vec<String> = rows(&out)
        .iter()
        .map(|row| row.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(order, [B, A, C]);
}

#[test]
fn a_list_can_come_from_stdin() {
    let server = MockServer::start();
    let mocks = [approved(&server, A), approved(&server, B)];
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", "--from", "-"])
        .write_stdin(format!("{A}\n{B}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in &mocks {
        mock.assert_calls(1);
    }
    assert_eq!(rows(&out).len(), 2);
}

#[test]
fn a_bad_line_is_a_usage_error_that_names_it_and_nothing_is_sent() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("{}");
    });
    let env = TestEnv::new();
    let list = env.write(
        "refs.txt",
        &format!("{A}\n# fine\n{B}\nnot a scanRef\n{C}\n"),
        0o644,
    );
    let out = env
        .api(&server.base_url())
        .args(["status", "--from"])
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "idenfy-cli: error: --from {}, line 4: a scanRef has only letters, digits, '-' and '_', not ' '",
            list.display()
        )),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
    let empty = env.write("empty.txt", "# nothing yet\n\n", 0o644);
    let out = env
        .api(&server.base_url())
        .args(["case", "--from"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("holds no scanRef"),
        "{}",
        stderr(&out)
    );
    any.assert_calls(0);
}

/// A refusal for `B` with `--jobs 1`: A and B are looked up, the rest never sent.
fn refused_at_b(status: u16, body: &str) -> (std::process::Output, [usize; 5]) {
    let server = MockServer::start();
    let a = approved(&server, A);
    let b = answer(&server, "/api/v2/status", B, status, body);
    let rest = [
        approved(&server, C),
        approved(&server, D),
        approved(&server, E),
    ];
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A, B, C, D, E, "--jobs", "1"])
        .output()
        .unwrap();
    let calls = [
        a.calls(),
        b.calls(),
        rest[0].calls(),
        rest[1].calls(),
        rest[2].calls(),
    ];
    (out, calls)
}

#[test]
fn a_refusal_of_the_credentials_stops_every_call_not_yet_sent() {
    let (out, calls) = refused_at_b(401, r#"{"identifier":"UNAUTHORIZED","message":"Bad key."}"#);
    assert_eq!(calls, [1, 1, 0, 0, 0]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some(
            "idenfy-cli: error: the API refused the credentials (HTTP 401); 3 of 5 scanRefs were not looked up"
        ),
        "{err}"
    );
    assert!(
        lines
            .next()
            .unwrap_or("")
            .starts_with("  hint: the key and secret come from"),
        "{err}"
    );
    let rows = rows(&out);
    assert_eq!(rows.len(), 2, "{}", stdout(&out));
    assert!(rows[0].starts_with(A) && rows[0].contains("APPROVED"));
    assert!(rows[1].starts_with(B) && rows[1].contains("error"));
    assert!(
        rows[1].contains("/api/v2/status: HTTP 401 Unauthorized: UNAUTHORIZED: Bad key."),
        "{}",
        rows[1]
    );
}

#[test]
fn a_rate_limit_stops_every_call_not_yet_sent() {
    let (out, calls) = refused_at_b(429, r#"{"message":"Slow down."}"#);
    assert_eq!(calls, [1, 1, 0, 0, 0]);
    assert_eq!(out.status.code(), Some(6));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "idenfy-cli: error: the API is rate limiting the account (HTTP 429); 3 of 5 scanRefs were not looked up\n  hint: do not poll"
        ),
        "{err}"
    );
    assert_eq!(rows(&out).len(), 2);
}

#[test]
fn a_case_not_found_among_others_shows_every_row_and_exits_5() {
    let server = MockServer::start();
    let a = approved(&server, A);
    let b = answer(
        &server,
        "/api/v2/status",
        B,
        404,
        r#"{"identifier":"NOT_FOUND","message":"No such scanRef."}"#,
    );
    let c = approved(&server, C);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A, B, C])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    for mock in [&a, &b, &c] {
        mock.assert_calls(1);
    }
    let rows = rows(&out);
    assert_eq!(rows.len(), 3);
    assert!(rows[1].starts_with(&format!("{B}  error ")), "{}", rows[1]);
    assert!(rows[1].contains("HTTP 404 Not Found: NOT_FOUND: No such scanRef."));
    assert!(rows[2].contains("APPROVED"));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "idenfy-cli: error: 1 of 3 cases failed; {B}: /api/v2/status: HTTP 404 Not Found"
        )),
        "{err}"
    );
    assert!(err.contains("  hint: check the scanRef"), "{err}");
}

#[test]
fn json_gives_one_object_per_line_in_order() {
    let server = MockServer::start();
    approved(&server, A);
    answer(
        &server,
        "/api/v2/status",
        B,
        404,
        r#"{"identifier":"NOT_FOUND","message":"No such scanRef."}"#,
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A, B, "--json", "--redact"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0]["scanRef"], A);
    assert_eq!(lines[0]["status"]["status"], "APPROVED");
    assert_eq!(lines[0]["status"]["scanRef"], A);
    assert_ne!(
        lines[0]["status"]["clientId"], "client-1038",
        "--redact masks the lines too"
    );
    let keys: Vec<&String> = lines[1].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["scanRef", "error", "exit"]);
    assert_eq!(lines[1]["scanRef"], B);
    assert_eq!(lines[1]["exit"], 5);
    assert!(lines[1]["error"].as_str().unwrap().contains("HTTP 404"));
}

#[test]
fn case_calls_each_endpoint_once_per_scan_ref_and_shows_the_document_expiry() {
    let server = MockServer::start();
    let mut mocks = Vec::new();
    for scan_ref in [A, B] {
        let mut data: Value = serde_json::from_str(&fixture("data.json")).unwrap();
        data["scanRef"] = json!(scan_ref);
        if scan_ref == B {
            data["docExpiry"] = json!("2027-06-30");
        }
        mocks.push(answer(
            &server,
            "/api/v2/status",
            scan_ref,
            200,
            &status_body(scan_ref, "DENIED"),
        ));
        mocks.push(answer(
            &server,
            "/api/v2/data",
            scan_ref,
            200,
            &data.to_string(),
        ));
        mocks.push(answer(
            &server,
            "/api/v2/files",
            scan_ref,
            200,
            &fixture("files.json"),
        ));
    }
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", A, B])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in &mocks {
        mock.assert_calls(1);
    }
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].contains("  Document expiry  "), "{text}");
    assert!(lines[1].contains("  2025-06-30 expired  "), "{text}");
    assert!(lines[2].contains("  2027-06-30 valid  "), "{text}");

    let out = env
        .api(&server.base_url())
        .args(["case", A, B, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["scanRef", "status", "data", "files", "verdict"]);
    assert_eq!(first["data"]["docExpiry"], "2025-06-30");
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn a_case_whose_data_failed_keeps_its_status_and_says_why() {
    let server = MockServer::start();
    for scan_ref in [A, B] {
        let status = status_body(scan_ref, "APPROVED");
        answer(&server, "/api/v2/status", scan_ref, 200, &status);
        answer(
            &server,
            "/api/v2/files",
            scan_ref,
            200,
            &fixture("files.json"),
        );
    }
    answer(&server, "/api/v2/data", A, 500, r#"{"message":"down"}"#);
    answer(&server, "/api/v2/data", B, 200, &fixture("data.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", A, B])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let rows = rows(&out);
    assert!(rows[0].contains("APPROVED"), "{}", rows[0]);
    assert!(
        rows[0].ends_with("/api/v2/data: HTTP 500 Internal Server Error: down"),
        "{}",
        rows[0]
    );
    let out = env
        .api(&server.base_url())
        .args(["case", A, B, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert!(first["data"].is_null() && first["status"].is_object());
    assert_eq!(
        first["errors"]["data"],
        "/api/v2/data: HTTP 500 Internal Server Error: down"
    );
    assert_eq!(first["exit"], 7);
}

#[test]
fn the_order_is_kept_when_the_first_answer_comes_last() {
    let server = MockServer::start();
    let slow = server.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/status")
            .json_body(json!({ "scanRef": A }));
        then.status(200)
            .header("content-type", "application/json")
            .body(status_body(A, "DENIED"))
            .delay(Duration::from_millis(600));
    });
    let fast = [
        approved(&server, B),
        approved(&server, C),
        approved(&server, D),
    ];
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A, B, C, D, "--jobs", "4", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    slow.assert_calls(1);
    for mock in &fast {
        mock.assert_calls(1);
    }
    let order: Vec<String> = stdout(&out)
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["scanRef"].to_string())
        .collect();
    assert_eq!(order, [A, B, C, D].map(|r| format!("\"{r}\"")));
}

#[test]
fn markdown_is_one_table_with_text_from_outside_escaped() {
    let server = MockServer::start();
    let mut odd: Value = serde_json::from_str(&status_body(A, "SUSPECTED")).unwrap();
    odd["fraudTags"] = json!(["NEW|TAG"]);
    answer(&server, "/api/v2/status", A, 200, &odd.to_string());
    approved(&server, B);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", A, B, "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "| scanRef | Status | Verdict |");
    assert_eq!(lines[1], "| --- | --- | --- |");
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[2].starts_with(
            "| `aaaa-0001` | `SUSPECTED` | compliance-hold: the fraud tag NEW\\|TAG is one this tool does not know"
        ),
        "{text}"
    );
    assert!(
        lines.iter().all(|l| l.matches(" | ").count() == 2),
        "three cells a line: {text}"
    );
}

#[test]
fn download_takes_one_scan_ref() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("{}");
    });
    let env = TestEnv::new();
    env.write("refs.txt", &format!("{A}\n"), 0o644);
    for args in [
        &[A, B, "--download"][..],
        &["--from", "refs.txt", "--download"],
    ] {
        let out = env
            .api(&server.base_url())
            .arg("case")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            "idenfy-cli: error: --download takes one scanRef\n"
        );
    }
    any.assert_calls(0);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_and_sends_nothing_more() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(200)
            .header("content-type", "application/json")
            .body(status_body(A, "APPROVED"))
            .delay(Duration::from_millis(50));
    });
    let env = TestEnv::new();
    let refs: Vec<String> = (0..40).map(|i| format!("ref-{i:02}")).collect();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET)
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", "--jobs", "1"])
        .args(&refs)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    for _ in 0..2 {
        reader.read_line(&mut line).unwrap();
    }
    assert!(line.contains("ref-00"), "{line}");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let calls = any.calls();
    assert!(calls <= 6, "{calls} calls after the reader went away");
}

#[test]
fn the_readme_shows_what_status_from_prints() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let block = |after: &str| {
        let start = readme.find(after).expect("README shows the example") + after.len();
        let rest = &readme[start..];
        let end = ["$ ", "```"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap();
        rest[..end].to_string()
    };
    let list = block("$ cat queue.txt\n");
    let shown = block("$ idenfy-cli status --from queue.txt\n");
    let refs: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).collect();
    let server = MockServer::start();
    answer(
        &server,
        "/api/v2/status",
        refs[0],
        200,
        &fixture("status-denied.json"),
    );
    answer(
        &server,
        "/api/v2/status",
        refs[1],
        200,
        &fixture("status-approved.json"),
    );
    answer(
        &server,
        "/api/v2/status",
        refs[2],
        404,
        r#"{"identifier":"NOT_FOUND","message":"Not found."}"#,
    );
    let env = TestEnv::new();
    env.write("queue.txt", &list, 0o644);
    let out = env
        .api(&server.base_url())
        .args(["status", "--from", "queue.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let printed = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(shown, printed, "the README's example is out of date");
}
