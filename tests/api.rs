//! The API commands against a loopback server: requests, exit codes, error lines, tracing.

use std::io::Write;
use std::time::Duration;

use crate::common::*;
use httpmock::Method::POST;
use httpmock::MockServer;
use serde_json::Value;

const JSON: (&str, &str) = ("content-type", "application/json");

fn user_agent() -> String {
    format!("idenfy-cli/{}", env!("CARGO_PKG_VERSION"))
}

/// Serves `body` with `status` at `path`, for a request that must be exactly what the
/// program should send: POST, Basic auth, JSON content type, `{"scanRef": …}`.
fn mock_endpoint<'a>(
    server: &'a MockServer,
    path: &str,
    status: u16,
    body: &str,
) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(POST)
            .path(path)
            .header("authorization", BASIC_AUTH)
            .header("content-type", "application/json")
            .header("user-agent", user_agent())
            .json_body(serde_json::json!({ "scanRef": SCAN_REF }));
        then.status(status).header(JSON.0, JSON.1).body(body);
    })
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

#[test]
fn each_command_posts_its_endpoint_exactly_once() {
    for (command, path, fixture_name) in [
        ("status", "/api/v2/status", "status-denied.json"),
        ("data", "/api/v2/data", "data.json"),
        ("files", "/api/v2/files", "files.json"),
    ] {
        let server = MockServer::start();
        let mock = mock_endpoint(&server, path, 200, &fixture(fixture_name));
        let env = TestEnv::new();
        env.api(&server.base_url())
            .args([command, SCAN_REF])
            .assert()
            .success();
        mock.assert_calls(1);
    }
}

#[test]
fn json_output_is_the_body_with_key_order_kept() {
    for (command, path, fixture_name) in [
        ("status", "/api/v2/status", "status-denied.json"),
        ("data", "/api/v2/data", "data.json"),
        ("files", "/api/v2/files", "files.json"),
    ] {
        let server = MockServer::start();
        let body = fixture(fixture_name);
        mock_endpoint(&server, path, 200, &body);
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args([command, SCAN_REF, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let printed: Value = serde_json::from_str(&stdout(&out)).expect("stdout is JSON");
        let sent: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(printed, sent);
        // With key order kept, the compact forms are identical text.
        assert_eq!(
            printed.to_string(),
            sent.to_string(),
            "{command}: key order changed"
        );
    }
}

#[test]
fn tables_match_the_golden_files_with_colour_off() {
    for (command, path, fixture_name, golden_name) in [
        (
            "status",
            "/api/v2/status",
            "status-denied.json",
            "status-denied.txt",
        ),
        (
            "status",
            "/api/v2/status",
            "status-approved.json",
            "status-approved.txt",
        ),
        ("data", "/api/v2/data", "data.json", "data.txt"),
        ("files", "/api/v2/files", "files.json", "files.txt"),
    ] {
        let server = MockServer::start();
        mock_endpoint(&server, path, 200, &fixture(fixture_name));
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args([command, SCAN_REF])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        golden(golden_name, &stdout(&out));
    }
}

fn error_case(status: u16, body: &str) -> (std::process::Output, usize) {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(status).header(JSON.0, JSON.1).body(body);
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    (out, mock.calls())
}

#[test]
fn unauthorized_exits_4_naming_status_identifier_and_message() {
    let (out, calls) = error_case(
        401,
        r#"{"identifier":"UNAUTHORIZED","message":"Incorrect API key or secret.","severity":"ERROR"}"#,
    );
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(calls, 1, "an API call is never retried");
    let err = stderr(&out);
    assert_eq!(
        first_line(&err),
        "idenfy-cli: error: /api/v2/status: HTTP 401 Unauthorized: UNAUTHORIZED: Incorrect API key or secret."
    );
    assert!(
        err.contains("  hint: the key and secret come from IDENFY_API_KEY and IDENFY_API_SECRET: check that they are right"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn unauthorized_without_json_body_shows_the_body_start() {
    let html = format!("<html><body>{}</body></html>", "denied ".repeat(60));
    let (out, _) = error_case(401, &html);
    assert_eq!(out.status.code(), Some(4));
    let line = first_line(&stderr(&out)).to_string();
    let prefix = "idenfy-cli: error: /api/v2/status: HTTP 401 Unauthorized: ";
    assert!(line.starts_with(prefix), "{line}");
    let shown = &line[prefix.len()..];
    assert_eq!(
        shown.chars().count(),
        201,
        "200 characters and an ellipsis: {shown}"
    );
    assert!(shown.starts_with("<html><body>denied denied"));
}

#[test]
fn payment_required_exits_4_with_a_funds_hint() {
    let (out, _) = error_case(
        402,
        r#"{"identifier":"PAYMENT_REQUIRED","message":"No funds."}"#,
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("hint: the account is out of funds or over a limit"));
}

#[test]
fn forbidden_for_partner_type_exits_4_with_sandbox_hint() {
    let (out, _) = error_case(
        403,
        r#"{"identifier":"FORBIDDEN","message":"This endpoint is not available for sandbox partners."}"#,
    );
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(err.contains("hint: sandbox keys work only against the sandbox and production keys only against production"), "{err}");
}

#[test]
fn not_found_exits_5() {
    let (out, _) = error_case(404, r#"{"identifier":"NOT_FOUND","message":"Not found."}"#);
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr(&out).contains("hint: check the scanRef"));
}

/// A 404 that is no API error (a web server's HTML page) means the API root is wrong, not
/// the scanRef: the error names the URL called and where the base URL came from.
#[test]
fn a_wrong_api_root_names_the_url_called_and_the_base_url_source_not_the_scan_ref() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/wrong/api/v2/status");
        then.status(404)
            .header("content-type", "text/html")
            .body("<html><body><h1>Not Found</h1></body></html>");
    });
    let env = TestEnv::new();
    let root = format!("{}/wrong", server.base_url());
    let out = env.api(&root).args(["status", SCAN_REF]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: error: /api/v2/status: HTTP 404 Not Found from {root}/api/v2/status, which is not an answer of iDenfy's API: <html><body><h1>Not Found</h1></body></html>\n  \
             hint: check the API root {root}, which comes from env IDENFY_BASE_URL (set it with --base-url, IDENFY_BASE_URL or the profile's base_url)\n"
        )
    );
    // The same root from a profile is named as the profile's.
    let config = env.write(
        "config.toml",
        &format!(
            "[profiles.default]\napi_key = \"k\"\napi_secret = \"s\"\nbase_url = \"{root}\"\n"
        ),
        0o600,
    );
    let out = env
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let err = stderr(&out);
    assert!(err.contains("which comes from profile default"), "{err}");
    assert!(!err.contains("check the scanRef"), "{err}");
}

#[test]
fn rate_limited_exits_6_and_says_not_to_poll() {
    let (out, calls) = error_case(429, r#"{"message":"Request was throttled."}"#);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(calls, 1, "a 429 is never retried");
    let err = stderr(&out);
    assert_eq!(
        first_line(&err),
        "idenfy-cli: error: /api/v2/status: HTTP 429 Too Many Requests: Request was throttled."
    );
    assert!(err.contains("hint: do not poll"), "{err}");
}

#[test]
fn server_errors_and_other_client_errors_exit_7_without_retry() {
    for status in [500, 503, 400, 418] {
        let (out, calls) = error_case(status, r#"{"identifier":"X","message":"broken"}"#);
        assert_eq!(out.status.code(), Some(7), "status {status}");
        assert_eq!(calls, 1, "status {status} was retried");
    }
}

#[test]
fn a_redirect_is_not_followed_and_exits_7() {
    let server = MockServer::start();
    let target = server.mock(|when, then| {
        when.path("/elsewhere");
        then.status(200).body("{}");
    });
    server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(302)
            .header("location", server.url("/elsewhere?Signature=abc"));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    target.assert_calls(0);
    let err = stderr(&out);
    assert!(
        first_line(&err).contains("HTTP 302, a redirect to "),
        "{err}"
    );
    assert!(
        !err.contains("abc"),
        "the Location's signature leaked: {err}"
    );
}

#[test]
fn a_body_that_is_not_json_exits_7() {
    let (out, _) = error_case(200, "<html>maintenance</html>");
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(
        first_line(&stderr(&out)),
        "idenfy-cli: error: /api/v2/status: HTTP 200 but the body is not JSON (a character that starts no JSON value at byte 0): <html>maintenance</html>"
    );
    let (out, _) = error_case(200, "[1,2]");
    assert_eq!(out.status.code(), Some(7));
}

#[test]
fn a_body_over_16_mib_is_refused_with_exit_7() {
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(16 * 1024 * 1024 + 10));
    let (out, _) = error_case(200, &big);
    assert_eq!(out.status.code(), Some(7));
    assert!(stderr(&out).contains("over 16 MiB"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn connection_refused_exits_8_pointing_at_the_base_url() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let env = TestEnv::new();
    let out = env.api(&url).args(["status", SCAN_REF]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    let err = stderr(&out);
    assert_eq!(
        first_line(&err),
        format!("idenfy-cli: error: /api/v2/status: connection to {url} refused")
    );
    assert!(err.contains("hint: check the API root"), "{err}");
}

#[test]
fn a_silent_server_times_out_with_exit_8() {
    let (url, server) = serve_once(|_stream| std::thread::sleep(Duration::from_secs(4)));
    let env = TestEnv::new();
    let out = env
        .api(&url)
        .args(["status", SCAN_REF, "--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let err = stderr(&out);
    assert!(
        first_line(&err).contains("no complete answer from"),
        "{err}"
    );
    assert!(
        err.contains("hint: raise the limit with --timeout"),
        "{err}"
    );
    server.join().unwrap();
}

#[test]
fn the_timeout_covers_a_body_that_trickles_in() {
    // Headers at once, then one byte of body every 300 ms: 5 s in all, well past the limit.
    let (url, server) = serve_once(|stream| {
        let body = br#"{"status":"APPROVED","pad":"xxxxxxx"}"#;
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        for byte in body.iter().take(16) {
            if stream.write_all(&[*byte]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    let env = TestEnv::new();
    let out = env
        .api(&url)
        .args(["status", SCAN_REF, "--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    server.join().unwrap();
}

#[test]
fn bad_scan_refs_are_usage_errors_and_send_nothing() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body("{}");
    });
    let too_long = "a".repeat(41);
    for bad in ["", "a b", "../x", "šcan", "abc?x=1", too_long.as_str()] {
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args(["status", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            first_line(&stderr(&out)).starts_with("idenfy-cli: error: invalid value"),
            "{bad:?}"
        );
    }
    any.assert_calls(0);
}

#[test]
fn verbose_traces_the_exchange_with_credentials_redacted() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(200)
            .header(JSON.0, JSON.1)
            .header("x-request-id", "req-7781")
            .body(fixture("status-approved.json"));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", SCAN_REF, "-v"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!("> POST {}/api/v2/status\n", server.base_url())),
        "{err}"
    );
    assert!(err.contains("> authorization: Basic [REDACTED]\n"), "{err}");
    assert!(
        err.contains(&format!("> user-agent: {}\n", user_agent())),
        "{err}"
    );
    assert!(err.contains("< 200 OK ("), "{err}");
    assert!(err.contains(" ms, "), "elapsed time missing: {err}");
    assert!(err.contains("< x-request-id: req-7781\n"), "{err}");
    for secret in [SECRET, KEY, &BASIC_AUTH[6..]] {
        assert!(!err.contains(secret), "{secret} leaked into the trace");
        assert!(!stdout(&out).contains(secret));
    }
}

#[test]
fn a_secret_with_a_control_character_is_scrubbed_from_an_echoing_error() {
    // The server echoes the credentials it was sent; the secret holds an escape, which the
    // error shows as `\u{1b}`: it must be scrubbed before it is escaped, and after.
    let secret = "odd\u{1b}[31msecret-0011";
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(401).header(JSON.0, JSON.1).body(format!(
            r#"{{"identifier":"UNAUTHORIZED","message":"bad credentials {KEY}:{}"}}"#,
            secret.replace('\u{1b}', "\\u001b")
        ));
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .env("IDENFY_API_SECRET", secret)
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("[REDACTED]"), "{err}");
    for shown in ["secret-0011", "31m"] {
        assert!(!err.contains(shown), "{shown} shows: {err}");
    }
}

#[test]
fn unknown_fields_and_values_are_shown_as_they_came() {
    let server = MockServer::start();
    let body = r#"{"status":"ON_HOLD","autoFace":"FACE_NEW_CHECK","autoDocument":null,
        "manualFace":"","manualDocument":null,"fraudTags":["NEW_TAG"],"mismatchTags":[],
        "scanRef":"s","clientId":"c","riskLevel":"HIGH","nested":{"a":[1,2]}}"#;
    mock_endpoint(&server, "/api/v2/status", 200, body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    for expected in [
        "ON_HOLD",
        "FACE_NEW_CHECK",
        "NEW_TAG",
        "Other fields",
        "riskLevel  HIGH",
        "nested.a   1, 2",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn nulls_show_as_a_dash() {
    let server = MockServer::start();
    mock_endpoint(
        &server,
        "/api/v2/data",
        200,
        r#"{"docFirstName":null,"futureField":null}"#,
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["data", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("First name  —"), "{text}");
    assert!(text.contains("futureField  —"), "{text}");
}

#[test]
fn utf16_escapes_render_as_text() {
    let server = MockServer::start();
    let body = r#"{"orgLastName":"\u0160AUL\u0116","orgFirstName":"\ud83d\ude00 Ana"}"#;
    mock_endpoint(&server, "/api/v2/data", 200, body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["data", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("Last name   ŠAULĖ"), "{text}");
    assert!(text.contains("First name  😀 Ana"), "{text}");
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_lone_surrogate_leaves_the_record_readable_in_table_and_json() {
    let server = MockServer::start();
    let body = r#"{"orgFirstName":"AN\ud800A","orgLastName":"\u0160AUL\u0116","docNumber":"X1"}"#;
    mock_endpoint(&server, "/api/v2/data", 200, body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["data", SCAN_REF])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("AN\u{FFFD}A") && text.contains("ŠAULĖ") && text.contains("X1"),
        "{text}"
    );
    assert!(stderr(&out).starts_with("idenfy-cli: warning: the response had 1 malformed"));

    let out = env
        .api(&server.base_url())
        .args(["data", SCAN_REF, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        stderr(&out),
        "",
        "--json repairs nothing, so it warns of nothing"
    );
    assert_eq!(
        stdout(&out),
        "{\n  \"orgFirstName\": \"AN\\ud800A\",\n  \"orgLastName\": \"\\u0160AUL\\u0116\",\n  \"docNumber\": \"X1\"\n}\n",
        "--json shows every escape as sent"
    );
}

#[test]
fn terminal_control_characters_in_values_are_escaped_in_tables() {
    let server = MockServer::start();
    let body = r#"{"docFirstName":"EVIL\u001b[2J\u001b[31m","address":"A\u202eB"}"#;
    mock_endpoint(&server, "/api/v2/data", 200, body);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["data", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("EVIL\\u{1b}[2J"), "{text}");
}

#[test]
fn input_renders_a_saved_response_without_credentials_or_network() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["status", "--input"])
        .arg(fixture_path("status-denied.json"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    golden("status-denied.txt", &stdout(&out));

    let out = env
        .cmd()
        .args(["files", "--input", "-", "--json"])
        .write_stdin(fixture("files.json"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let saved: Value = serde_json::from_str(&fixture("files.json")).unwrap();
    assert_eq!(printed.to_string(), saved.to_string());
}

#[test]
fn unreadable_or_invalid_input_fails_clearly() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["data", "--input", "missing.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        first_line(&stderr(&out)),
        "idenfy-cli: error: cannot read --input missing.json: No such file or directory"
    );
    let out = env
        .cmd()
        .args(["data", "--input", "-"])
        .write_stdin("not json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(first_line(&stderr(&out)).starts_with("idenfy-cli: error: --input - is not JSON"));
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let file = fixture_path("status-denied.json");
    let env = TestEnv::new();
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        let mut cmd = env.cmd();
        cmd.args(["status", "--input"]).arg(&file).args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        stdout(&cmd.output().unwrap())
    };
    let red_denied = "\u{1b}[31mDENIED\u{1b}[39m";
    assert!(
        !run(&[], &[]).contains('\u{1b}'),
        "not a terminal: no colour"
    );
    assert!(run(&["--color", "always"], &[]).contains(red_denied));
    assert!(run(&["--color", "always"], &[("NO_COLOR", "1")]).contains(red_denied));
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]).contains(red_denied));
    assert!(!run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
    assert!(!run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    let green = run(&["--color", "always"], &[]);
    assert!(green.contains("\u{1b}[32mFACE_MATCH\u{1b}[39m"), "{green}");
}

#[test]
fn a_closed_stdout_pipe_ends_quietly_with_exit_0() {
    use std::process::{Command, Stdio};
    let env = TestEnv::new();
    // Far more than a pipe buffer holds, so the write must hit the closed pipe.
    let big = format!("{{\"docFirstName\":\"{}\"}}", "A".repeat(4 * 1024 * 1024));
    let input = env.write("big.json", &big, 0o600);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .args(["data", "--json", "--input"])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn https_proxy_is_used_and_never_sees_the_credentials() {
    let (proxy, server) = serve_once(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
    });
    let env = TestEnv::new();
    let out = env
        .api("https://ivs.idenfy.test")
        .env("HTTPS_PROXY", &proxy)
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    let head = server.join().unwrap();
    assert!(head.starts_with("CONNECT ivs.idenfy.test:443 "), "{head}");
    assert!(
        !head.to_ascii_lowercase().contains("authorization"),
        "{head}"
    );
}

#[test]
fn no_proxy_exempts_the_api_host() {
    // The API is https on a loopback port where nothing listens: going direct is refused
    // at once, and the proxy must see no connection at all.
    let proxy_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    proxy_listener.set_nonblocking(true).unwrap();
    let proxy = format!("http://{}", proxy_listener.local_addr().unwrap());
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let api = format!("https://127.0.0.1:{}", closed.local_addr().unwrap().port());
    drop(closed);
    let env = TestEnv::new();
    let out = env
        .api(&api)
        .env("HTTPS_PROXY", &proxy)
        .env("NO_PROXY", "localhost,127.0.0.1")
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(
        first_line(&stderr(&out)).contains("refused"),
        "{}",
        stderr(&out)
    );
    assert!(proxy_listener.accept().is_err(), "the proxy was contacted");
}

#[test]
fn error_status_bodies_with_detail_or_plain_text_still_get_the_sandbox_hint() {
    for body in [
        r#"{"detail":"This endpoint is not available for sandbox partners."}"#,
        "This endpoint is not available for sandbox partners.",
    ] {
        let (out, _) = error_case(403, body);
        assert_eq!(out.status.code(), Some(4));
        let err = stderr(&out);
        assert!(err.contains("not available for sandbox partners"), "{err}");
        assert!(
            err.contains("hint: sandbox keys work only against the sandbox"),
            "{err}"
        );
    }
}

#[test]
fn unknown_field_names_cannot_write_escape_codes() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["data", "--input", "-"])
        .write_stdin(r#"{"evil\u001b[2JKEY":"v","new\u202eField":{"x\u0007":1}}"#)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("evil\\u{1b}[2JKEY "), "{text}");
    assert!(text.contains("new\\u{202e}Field.x\\u{7}  1"), "{text}");
}

#[test]
fn json_numbers_come_out_exactly_as_sent() {
    let env = TestEnv::new();
    let body = r#"{"a":12345678901234567890123,"c":1e2,"e":-0,"f":1E400,"g":0.1}"#;
    let out = env
        .cmd()
        .args(["data", "--input", "-", "--json"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let compact: String = stdout(&out).split_whitespace().collect();
    assert_eq!(compact, body, "every number as sent, to the digit");
}

#[test]
fn a_missing_argument_is_named_in_the_error_line() {
    let env = TestEnv::new();
    let out = env.cmd().arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        first_line(&stderr(&out)),
        "idenfy-cli: error: the following required arguments were not provided: <SCAN_REF>..."
    );
}

#[test]
fn a_full_stdout_is_an_output_error_not_an_api_error() {
    let env = TestEnv::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .args(["status", "--input"])
        .arg(fixture_path("status-denied.json"))
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74));
    assert!(first_line(&stderr(&out)).starts_with("idenfy-cli: error: cannot write to stdout"));
}

/// `--help` and `--version` to a full disk are output errors too, not success.
#[test]
fn help_and_version_to_a_full_stdout_exit_74() {
    let env = TestEnv::new();
    for arg in ["--help", "--version", "-h"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
            .env_clear()
            .env("HOME", env.path("home"))
            .arg(arg)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(74), "{arg}");
        assert!(
            first_line(&stderr(&out)).starts_with("idenfy-cli: error: cannot write to stdout"),
            "{arg}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_readme_shows_what_status_prints() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let command = "$ idenfy-cli status 8f2a41c0-5b1e-11f0-9d3a-0242ac120002\n";
    let start = readme.find(command).expect("README shows a status example") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["status", "--input"])
        .arg(fixture_path("status-denied.json"))
        .output()
        .unwrap();
    assert_eq!(shown, stdout(&out), "the README's example is out of date");
}

/// iDenfy documents its errors as HTTP 400 with an `identifier`; the identifier decides
/// the exit code and the hint.
#[test]
fn a_400_is_judged_by_its_identifier() {
    for (identifier, code, hint) in [
        ("TOO_MANY_REQUESTS", 6, "do not poll"),
        ("UNAUTHORIZED", 4, "the key and secret come from"),
        ("TOKEN_NOT_VALID", 4, "the key and secret come from"),
        (
            "PERMISSIONS_ERROR",
            4,
            "the account may not use this endpoint",
        ),
        (
            "PARTNER_CONTRACT_ERROR",
            4,
            "its contract does not cover this",
        ),
        ("INVALID_SCANREF", 7, ""),
    ] {
        let body = format!(r#"{{"identifier":"{identifier}","message":"said so"}}"#);
        let (out, calls) = error_case(400, &body);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{identifier}: {err}");
        assert_eq!(calls, 1, "never retried");
        assert_eq!(
            first_line(&err),
            format!(
                "idenfy-cli: error: /api/v2/status: HTTP 400 Bad Request: {identifier}: said so"
            )
        );
        let hinted = err
            .lines()
            .any(|l| l.starts_with("  hint: ") && !hint.is_empty() && l.contains(hint));
        assert_eq!(hinted, !hint.is_empty(), "{identifier}: {err}");
        if hint.is_empty() {
            assert_eq!(err.lines().count(), 1, "{err}");
        }
    }
}

#[test]
fn an_unknown_status_shows_no_empty_reason() {
    let (out, _) = error_case(599, "{}");
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(
        first_line(&stderr(&out)),
        "idenfy-cli: error: /api/v2/status: HTTP 599: {}"
    );
}
