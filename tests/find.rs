//! `find --client-id`: paging, limits, output, and where the credentials may go.

use crate::common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::{Value, json};

fn page(results: Value, next: Option<String>, count: u64) -> String {
    json!({ "count": count, "next": next, "previous": null, "results": results }).to_string()
}

#[test]
fn find_follows_next_until_done_and_merges_results() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("clientId", "client 4471/é")
            .query_param_missing("page")
            .header("authorization", BASIC_AUTH);
        then.status(200).body(page(
            json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false},
                   {"scanRef": "a2", "status": "DENIED", "suspected": true}]),
            Some(server.url("/kyc/identifications/?clientId=client%204471%2F%C3%A9&page=2")),
            3,
        ));
    });
    let second = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("page", "2")
            .header("authorization", BASIC_AUTH);
        then.status(200).body(page(
            json!([{"scanRef": "a3", "status": "NEW_STATUS", "suspected": null, "extra": 1}]),
            None,
            3,
        ));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "client 4471/é"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    first.assert_calls(1);
    second.assert_calls(1);
    assert_eq!(
        stdout(&out),
        "scanRef  Status      Suspected\na1       APPROVED    no\na2       DENIED      yes\na3       NEW_STATUS  —\n"
    );

    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "client 4471/é", "--json"])
        .output()
        .unwrap();
    let merged: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        merged,
        json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false},
               {"scanRef": "a2", "status": "DENIED", "suspected": true},
               {"scanRef": "a3", "status": "NEW_STATUS", "suspected": null, "extra": 1}])
    );
}

#[test]
fn limit_stops_paging_early() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param_missing("page");
        then.status(200).body(page(
            json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false},
                   {"scanRef": "a2", "status": "DENIED", "suspected": true}]),
            Some(server.url("/kyc/identifications/?clientId=c&page=2")),
            40,
        ));
    });
    let second = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("page", "2");
        then.status(200).body(page(json!([]), None, 40));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c", "--limit", "1", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let merged: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        merged,
        json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false}])
    );
    second.assert_calls(0);
    assert_eq!(
        stderr(&out),
        "Showing 1 of 40; raise --limit to see more.\n"
    );
}

#[test]
fn no_results_is_not_an_error() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(200).body(page(json!([]), None, 0));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "nobody"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "No verifications for client ID nobody.\n");
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "nobody", "--json"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn a_next_link_to_another_host_is_not_followed() {
    let server = MockServer::start();
    let other = MockServer::start();
    let elsewhere = other.mock(|when, then| {
        when.any_request();
        then.status(200).body(page(json!([]), None, 0));
    });
    server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(200).body(page(
            json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false}]),
            Some(other.url("/kyc/identifications/?page=2")),
            2,
        ));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    elsewhere.assert_calls(0);
    assert!(stdout(&out).contains("a1"), "what was read is still shown");
    let err = stderr(&out);
    assert!(
        err.starts_with("idenfy-cli: error: /kyc/identifications/: the next page is at "),
        "{err}"
    );
    assert!(
        err.contains("hint: the 1 result(s) above were read before the failure"),
        "{err}"
    );
}

#[test]
fn a_failing_page_keeps_what_was_read_and_exits_with_its_code() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param_missing("page");
        then.status(200).body(page(
            json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false}]),
            Some(server.url("/kyc/identifications/?page=2")),
            2,
        ));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("page", "2");
        then.status(429).body(r#"{"message":"Slow down."}"#);
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let shown: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown[0]["scanRef"], "a1");
}

#[test]
fn when_the_first_page_fails_nothing_is_said_about_the_client_on_stdout() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(401)
            .body(r#"{"identifier":"UNAUTHORIZED","message":"Bad key."}"#);
    });
    let env = TestEnv::new();
    for json in [false, true] {
        let mut cmd = env.api(&server.base_url());
        cmd.args(["find", "--client-id", "c"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
        // Not "No verifications for client ID c." nor `[]`: nothing was read.
        assert_eq!(stdout(&out), "", "json: {json}");
        let err = stderr(&out);
        assert!(err.starts_with("idenfy-cli: error: "), "{err}");
        assert!(!err.contains("above were read"), "{err}");
    }
}

#[test]
fn a_bad_client_id_is_a_usage_error() {
    let env = TestEnv::new();
    for bad in ["", "   ", &"x".repeat(101)] {
        let out = env
            .cmd()
            .args(["find", "--client-id", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn empty_pages_end_the_list_whatever_next_says() {
    let server = MockServer::start();
    let endless = server.mock(|when, then| {
        when.method(GET).path("/kyc/identifications/");
        then.status(200).body(page(
            json!([]),
            Some(server.url("/kyc/identifications/?page=2")),
            0,
        ));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c", "--limit", "5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    endless.assert_calls(1);
}

#[test]
fn pages_stop_once_count_results_are_in() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param_missing("page");
        then.status(200).body(page(
            json!([{"scanRef": "a1", "status": "APPROVED", "suspected": false}]),
            Some(server.url("/kyc/identifications/?page=2")),
            1,
        ));
    });
    let second = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("page", "2");
        then.status(200).body(page(json!([]), None, 1));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c"])
        .output()
        .unwrap();
    assert!(out.status.success());
    first.assert_calls(1);
    second.assert_calls(0);
}

#[test]
fn a_next_link_that_loops_is_an_error_not_a_poll() {
    let server = MockServer::start();
    let looping = server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param("page", "2");
        then.status(200).body(page(
            json!([{"scanRef": "b", "status": "DENIED", "suspected": false}]),
            Some(server.url("/kyc/identifications/?page=2")),
            99,
        ));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path("/kyc/identifications/")
            .query_param_missing("page");
        then.status(200).body(page(
            json!([{"scanRef": "a", "status": "APPROVED", "suspected": false}]),
            Some(server.url("/kyc/identifications/?page=2")),
            99,
        ));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["find", "--client-id", "c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    looping.assert_calls(1);
    assert!(
        stderr(&out).contains("loop back to a page already read"),
        "{}",
        stderr(&out)
    );
}

/// A page of results goes to a pipe as soon as it is read: `--json` does not hold every page
/// in memory until the last one is in. The API holds the second page back until the first
/// page's result is on stdout (at most 10 s, after which the test fails).
#[test]
fn json_results_reach_stdout_page_by_page() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (seen_tx, seen_rx) = mpsc::channel::<()>();
    let (early_tx, early_rx) = mpsc::channel::<bool>();
    let next = format!("{base}/kyc/identifications/?clientId=c&page=2");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(2) {
            let mut stream = stream.unwrap();
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let body = if String::from_utf8_lossy(&head).contains("page=2") {
                let early = seen_rx.recv_timeout(Duration::from_secs(10)).is_ok();
                early_tx.send(early).unwrap();
                page(json!([{"scanRef": "late-2", "status": "DENIED"}]), None, 2)
            } else {
                page(
                    json!([{"scanRef": "early-1", "status": "APPROVED"}]),
                    Some(next.clone()),
                    2,
                )
            };
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let env = TestEnv::new();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET)
        .env("IDENFY_BASE_URL", &base)
        .args(["find", "--client-id", "c", "--json"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut text = String::new();
    let mut line = String::new();
    while out.read_line(&mut line).unwrap_or(0) > 0 {
        if line.contains("early-1") {
            let _ = seen_tx.send(());
        }
        text.push_str(&line);
        line.clear();
    }
    assert!(child.wait().unwrap().success());
    assert!(
        early_rx.recv().unwrap(),
        "the first page reached stdout only after the second was read"
    );
    let all: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        all,
        json!([{"scanRef": "early-1", "status": "APPROVED"}, {"scanRef": "late-2", "status": "DENIED"}])
    );
}
