//! `webhook verify`, `webhook show`, `webhook diff`.
//!
//! Signature vectors were computed with Python's standard library, independently of this
//! program: `hmac.new(KEY, open("src/samples/webhook.json", "rb").read(), hashlib.sha256).hexdigest()`.
//! The re-serialised vector is the same over `json.dumps(payload, separators=(",", ":"),
//! ensure_ascii=False).encode()`, the compact form a web framework would send back out.

use crate::common::*;
use httpmock::Method::POST;
use httpmock::{Mock, MockServer};
use serde_json::{Value, json};

const WEBHOOK_KEY: &str = "whsec-test-key-7781";
/// HMAC-SHA256(WEBHOOK_KEY, src/samples/webhook.json).
const SIGNATURE: &str = "90362f407b25ad68d75270df9f6748e48f1be50e6879aaaf07592dcaca08f010";
/// HMAC-SHA256(SECRET, src/samples/webhook.json): an account that signs with its API secret.
const SIGNED_WITH_API_SECRET: &str =
    "3fd9e88acf7e9d70ede3e733a2244a1bfbb69229706ffa5921c53aac3a197884";
/// HMAC-SHA256(WEBHOOK_KEY, the payload in compact JSON): what was signed before a framework pretty-printed it.
const SIGNED_COMPACT: &str = "76b1ca1c90db1ed58c20337809adebb37de38e284e49502f2741e0b1c3fac786";

fn verify(env: &TestEnv, signature: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("IDENFY_WEBHOOK_KEY", WEBHOOK_KEY).args([
        "webhook",
        "verify",
        "--signature",
        signature,
    ]);
    cmd
}

#[test]
fn a_matching_signature_is_valid_from_a_file_and_from_stdin() {
    let env = TestEnv::new();
    let out = verify(&env, SIGNATURE)
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "valid\n");
    let upper = format!("  {}\n", SIGNATURE.to_uppercase());
    let out = verify(&env, &upper)
        .write_stdin(fixture("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "valid\n");
}

#[test]
fn a_wrong_signature_is_invalid_with_exit_1() {
    let env = TestEnv::new();
    let wrong = format!("{}1", &SIGNATURE[..63]);
    let out = verify(&env, &wrong)
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "invalid\n");
    assert!(
        stderr(&out)
            .starts_with("idenfy-cli: error: the signature does not match the 1372 bytes read")
    );
}

#[test]
fn verify_json_says_valid_or_not_with_the_hints_as_a_list() {
    let env = TestEnv::new();
    let out = verify(&env, SIGNATURE)
        .arg("--json")
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let verdict: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(verdict, json!({"valid": true, "bytes": 1372}));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));

    let body = format!("{}\n", fixture("webhook.json"));
    let out = verify(&env, SIGNATURE)
        .args(["--format", "json"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let verdict: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(verdict["valid"], json!(false));
    assert_eq!(verdict["bytes"], json!(1373));
    let hints = verdict["hints"].as_array().expect("a list of hints");
    assert!(
        hints.iter().any(|h| h
            .as_str()
            .is_some_and(|h| h.starts_with("the body verifies without its trailing newline"))),
        "{verdict}"
    );
    // The error line stays on stderr; its hints are in the JSON, not repeated.
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: the signature does not match the 1373 bytes read\n"
    );
}

#[test]
fn a_trailing_newline_fails_with_the_raw_bytes_hint() {
    let env = TestEnv::new();
    let body = format!("{}\n", fixture("webhook.json"));
    let out = verify(&env, SIGNATURE).write_stdin(body).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("hint: the body verifies without its trailing newline: the signature covers the raw bytes as received"), "{err}");
}

#[test]
fn a_reserialised_body_fails_with_the_raw_bytes_hint() {
    let env = TestEnv::new();
    let out = verify(&env, SIGNED_COMPACT)
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("hint: the body verifies in another JSON layout: a framework parsed and re-serialised it; the signature covers the raw bytes as received"), "{err}");
}

#[test]
fn a_body_signed_with_the_api_secret_says_so() {
    let env = TestEnv::new();
    let out = verify(&env, SIGNED_WITH_API_SECRET)
        .env("IDENFY_API_SECRET", SECRET)
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("hint: the API secret verifies this signature: the account signs webhooks with its API secret"), "{err}");
    assert!(!err.contains(SECRET) && !stdout(&out).contains(SECRET));
}

#[test]
fn the_key_comes_from_the_environment_before_the_profile() {
    let env = TestEnv::new();
    let config = env.write(
        "config.toml",
        &format!("[profiles.default]\nwebhook_signing_key = \"{WEBHOOK_KEY}\"\n"),
        0o600,
    );
    let from_profile = env
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["webhook", "verify", "--signature", SIGNATURE])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(
        from_profile.status.code(),
        Some(0),
        "{}",
        stderr(&from_profile)
    );
    let env_wins = env
        .cmd()
        .env("IDENFY_WEBHOOK_KEY", "another-key")
        .arg("--config")
        .arg(&config)
        .args(["webhook", "verify", "--signature", SIGNATURE])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(
        env_wins.status.code(),
        Some(1),
        "IDENFY_WEBHOOK_KEY must win over the profile"
    );
}

#[test]
fn no_key_is_a_configuration_error() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["webhook", "verify", "--signature", SIGNATURE])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).starts_with("idenfy-cli: error: no webhook signing key"));
}

#[test]
fn a_malformed_signature_is_a_usage_error() {
    let env = TestEnv::new();
    for bad in ["abc", "zz", &"g".repeat(64)] {
        let out = verify(&env, bad)
            .arg(fixture_path("webhook.json"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn show_renders_the_payload_offline_with_what_only_a_webhook_carries() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    env.write("webhook.json", &fixture("webhook.json"), 0o644);
    let out = env
        .api(&server.base_url())
        .args(["webhook", "show", "webhook.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    any.assert_calls(0);
    golden("webhook-show.txt", &stdout(&out));
    let text = stdout(&out);
    for expected in [
        "Started            2026-11-23 10:40:00 UTC (1795430400)",
        "Final              true",
        "Client IP          198.51.100.23",
        "DOC_EXPIRED (set by review)",
        "mismatch: DATE_OF_BIRTH",
        "ŠAULĖ",
        "FRONT",
        "AML",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
}

#[test]
fn show_json_passes_the_payload_through_and_redact_masks_it() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["webhook", "show", "--json"])
        .write_stdin(fixture("webhook.json"))
        .output()
        .unwrap();
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let sent: Value = serde_json::from_str(&fixture("webhook.json")).unwrap();
    assert_eq!(printed.to_string(), sent.to_string());

    for extra in [&[][..], &["--json"][..]] {
        let out = env
            .cmd()
            .args(["webhook", "show", "--redact"])
            .args(extra)
            .arg(fixture_path("webhook.json"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = stdout(&out);
        for secret in [
            "MARIJA",
            "LT0042917",
            "1987-05-12",
            "198.51.100.23",
            "Vilnius",
            "Signature=",
        ] {
            assert!(!text.contains(secret), "{secret} shown:\n{text}");
        }
    }
}

fn api<'a>(server: &'a MockServer, path: &str, body: Value) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(POST)
            .path(path)
            .header("authorization", BASIC_AUTH)
            .json_body(json!({ "scanRef": SCAN_REF }));
        then.status(200).body(body.to_string());
    })
}

/// The API's answers as they would be for the stored webhook: nothing differs.
fn agreeing() -> (Value, Value, Value) {
    let payload: Value = serde_json::from_str(&fixture("webhook.json")).unwrap();
    let mut status = json!({
        "fraudTags": ["DOC_MOBILE_PHOTO"], "mismatchTags": ["NAME", "DATE_OF_BIRTH"],
        "autoDocument": "DOC_NOT_FOUND", "autoFace": "FACE_MATCH",
        "manualDocument": "DOC_EXPIRED", "manualFace": "",
        "scanRef": SCAN_REF, "clientId": "client-4471", "status": "DENIED"
    });
    let mut data = payload["data"].clone();
    data["scanRef"] = json!(SCAN_REF);
    data["clientId"] = json!("client-4471");
    data["extraApiOnlyField"] = json!("only on one side");
    let files = json!({
        "FRONT": "https://files.example.test/users/8f2a41c0/FRONT.jpg?Signature=NEW&Expires=1999999999",
        "fileUrls": {
            "FRONT": "https://files.example.test/users/8f2a41c0/FRONT.jpg?AWSAccessKeyId=AKIDEXAMPLE&Signature=NEWER&Expires=1999999999",
            "FACE": "https://files.example.test/users/8f2a41c0/FACE.png?Signature=OTHER&Expires=1999999999"
        },
        "videoUrls": {},
        "additionalStepPdfUrls": {}
    });
    status["status"] = json!("DENIED");
    (status, data, files)
}

fn diff(server: &MockServer) -> std::process::Output {
    TestEnv::new()
        .api(&server.base_url())
        .args(["webhook", "diff"])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap()
}

#[test]
fn diff_finds_nothing_when_only_signatures_and_layout_differ() {
    let server = MockServer::start();
    let (status, data, files) = agreeing();
    let calls = [
        api(&server, "/api/v2/status", status),
        api(&server, "/api/v2/data", data),
        api(&server, "/api/v2/files", files),
    ];
    let out = diff(&server);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("No differences"),
        "{}",
        stdout(&out)
    );
    for call in calls {
        call.assert_calls(1);
    }
}

#[test]
fn diff_finds_each_kind_of_difference() {
    let server = MockServer::start();
    let (mut status, mut data, mut files) = agreeing();
    status["status"] = json!("APPROVED");
    status["manualDocument"] = json!("DOC_VALIDATED");
    status["fraudTags"] = json!([]);
    data["docNumber"] = json!("LT0042918");
    files["fileUrls"]["BACK"] =
        json!("https://files.example.test/users/8f2a41c0/BACK.jpg?Signature=X");
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    api(&server, "/api/v2/files", files);
    let out = diff(&server);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let paths: Vec<&str> = text
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        paths,
        [
            "status.overall",
            "status.manualDocument",
            "status.fraudTags",
            "data.docNumber",
            "file"
        ],
        "{text}"
    );
    let keys = text.lines().find(|l| l.starts_with("file keys")).unwrap();
    assert_eq!(
        keys.split_whitespace().collect::<Vec<_>>(),
        ["file", "keys", "FACE,", "FRONT", "BACK,", "FACE,", "FRONT"]
    );
    assert_eq!(
        stderr(&out),
        "",
        "differences are the output, not an error line"
    );

    let out = TestEnv::new()
        .api(&server.base_url())
        .args(["webhook", "diff", "--json"])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        list[0],
        json!({"path": "status.overall", "webhook": "DENIED", "api": "APPROVED"})
    );
    assert_eq!(
        list[3],
        json!({"path": "data.docNumber", "webhook": "LT0042917", "api": "LT0042918"})
    );
}

#[test]
fn diff_says_the_api_is_current_why_they_differ_and_what_to_do() {
    // The webhook said APPROVED before a review; the API now says DENIED.
    let server = MockServer::start();
    let (mut status, data, files) = agreeing();
    status["status"] = json!("DENIED");
    status["manualFace"] = json!("FACE_MISMATCH");
    status["fraudTags"] = json!([]);
    status["mismatchTags"] = json!([]);
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    api(&server, "/api/v2/files", files);
    let mut payload: Value = serde_json::from_str(&fixture("webhook.json")).unwrap();
    payload["final"] = json!(false);
    payload["status"]["overall"] = json!("APPROVED");
    payload["status"]["fraudTags"] = json!([]);
    payload["status"]["mismatchTags"] = json!([]);
    payload["status"]["manualDocument"] = json!(null);
    payload["status"]["autoDocument"] = json!("DOC_EXPIRED");
    let env = TestEnv::new();
    env.write("hook.json", &payload.to_string(), 0o644);
    let out = env
        .api(&server.base_url())
        .env("COLUMNS", "200")
        .args(["webhook", "diff", "hook.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("status.overall"), "{text}");
    assert!(
        text.contains("Current: the API's answer. It is what stands now"),
        "{text}"
    );
    assert!(
        text.contains("Likely: The webhook was not final (final: false)"),
        "{text}"
    );
    assert!(
        text.contains("Likely: A manual review after this webhook set the results"),
        "{text}"
    );
    assert!(text.contains("iDenfy's dashboard"), "{text}");
    // What to do comes from the API's answer, not the webhook's APPROVED.
    let act = text
        .find("Act on the API's answer:")
        .expect("the verdict on the API");
    let after = &text[act..];
    assert!(after.contains("DENIED: "), "{after}");
    assert!(after.contains("Verdict: Compliance hold"), "{after}");
    assert!(!after.contains("verification passed"), "{after}");

    // Only the overall status changed: most likely by hand in the dashboard.
    let server = MockServer::start();
    let (mut status, data, files) = agreeing();
    status["status"] = json!("APPROVED");
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    api(&server, "/api/v2/files", files);
    let text = stdout(&diff(&server));
    assert!(
        text.contains("Likely: The status changed while the results did not: most often an admin approved or denied the verification by hand"),
        "{text}"
    );
}

#[test]
fn diff_reports_a_failed_call_with_its_exit_code() {
    let server = MockServer::start();
    let (status, data, _) = agreeing();
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    server.mock(|when, then| {
        when.method(POST).path("/api/v2/files");
        then.status(404).body(r#"{"message":"gone"}"#);
    });
    let out = diff(&server);
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn the_api_secret_hint_needs_the_api_secret_to_verify() {
    let env = TestEnv::new();
    let wrong = format!("{}1", &SIGNATURE[..63]);
    let out = verify(&env, &wrong)
        .env("IDENFY_API_SECRET", SECRET)
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!err.contains("API secret verifies"), "{err}");
    assert!(!err.contains("another JSON layout"), "{err}");
    assert!(
        err.contains("hint: the signature covers the raw bytes exactly as received"),
        "{err}"
    );
}

#[test]
fn the_api_secret_from_the_profile_is_tried_too() {
    let env = TestEnv::new();
    let config = env.write(
        "config.toml",
        &format!("[profiles.default]\napi_secret = \"{SECRET}\"\nwebhook_signing_key = \"{WEBHOOK_KEY}\"\n"),
        0o600,
    );
    let out = env
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["webhook", "verify", "--signature", SIGNED_WITH_API_SECRET])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the account signs webhooks with its API secret"));
}

#[test]
fn an_empty_signing_key_in_the_profile_counts_as_none() {
    let env = TestEnv::new();
    let config = env.write(
        "config.toml",
        "[profiles.default]\nwebhook_signing_key = \"\"\n",
        0o600,
    );
    // HMAC-SHA256 with an empty key over "{}": python3 -c 'import hmac,hashlib;print(hmac.new(b"",b"{}",hashlib.sha256).hexdigest())'
    let out = env
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["webhook", "verify", "--signature", EMPTY_KEY_SIGNATURE])
        .write_stdin("{}")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
}

/// HMAC-SHA256 with an empty key over `{}` (see the test above for how it was made).
const EMPTY_KEY_SIGNATURE: &str =
    "22f8eea909400af98adf3681a9f31923ef6b7fcba4abb553d92823a3e9d5c25e";

#[test]
fn an_empty_body_is_a_usage_error() {
    let env = TestEnv::new();
    let out = verify(&env, SIGNATURE).write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_compares_every_check_and_both_tag_lists() {
    for (field, value) in [
        ("autoFace", json!("FACE_MISMATCH")),
        ("manualFace", json!("FACE_MATCH")),
        ("autoDocument", json!("DOC_VALIDATED")),
        ("manualDocument", json!("DOC_VALIDATED")),
        ("fraudTags", json!(["DOC_MOBILE_PHOTO", "VIRTUAL_CAMERA"])),
        ("mismatchTags", json!(["NAME"])),
    ] {
        let server = MockServer::start();
        let (mut status, data, files) = agreeing();
        status[field] = value;
        api(&server, "/api/v2/status", status);
        api(&server, "/api/v2/data", data);
        api(&server, "/api/v2/files", files);
        let out = diff(&server);
        assert_eq!(out.status.code(), Some(1), "{field}");
        let text = stdout(&out);
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with(&format!("status.{field} ")),
            "{field}: {text}"
        );
    }
}

#[test]
fn diff_ignores_what_means_the_same() {
    let server = MockServer::start();
    let (status, mut data, mut files) = agreeing();
    data["orgLastName"] = json!("ŠAULĖ");
    data["docType"] = json!("ID_CARD");
    data["manualAddress"] = json!("");
    files["videoUrls"] = json!({});
    files["fileUrls"]["BACK"] = Value::Null;
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    api(&server, "/api/v2/files", files);
    let out = diff(&server);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// A receiver for `webhook send`: one request, its head and body, answered with `status`.
fn endpoint(status: &'static str) -> (String, std::sync::mpsc::Receiver<(String, Vec<u8>)>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let (sender, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let length: usize = head
            .lines()
            .find_map(|l| {
                let l = l.to_ascii_lowercase();
                l.strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap_or(0);
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body).unwrap();
        let answer = format!("{{\"received\":true,\"note\":\"{}\"}}", "x".repeat(300));
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
            answer.len()
        );
        let _ = sender.send((head, body));
    });
    (url, received)
}

fn send(env: &TestEnv, to: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("IDENFY_WEBHOOK_KEY", WEBHOOK_KEY)
        .env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET)
        .args(["webhook", "send"])
        .arg(fixture_path("webhook.json"))
        .args(["--to", to]);
    cmd
}

/// Like `verify`, `show` and `sign`, `send` reads stdin when no FILE is given.
#[test]
fn send_without_a_file_sends_stdin_byte_exact() {
    let (url, received) = endpoint("200 OK");
    let env = TestEnv::new();
    let body = std::fs::read(fixture_path("webhook.json")).unwrap();
    let out = env
        .cmd()
        .env("IDENFY_WEBHOOK_KEY", WEBHOOK_KEY)
        .args(["webhook", "send", "--to", &url])
        .write_stdin(body.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (head, sent) = received.recv().unwrap();
    assert_eq!(sent, body);
    let lower = head.to_ascii_lowercase();
    assert!(
        lower.contains(&format!("\r\nidenfy-signature: {SIGNATURE}\r\n")),
        "{head}"
    );
}

#[test]
fn send_posts_the_exact_bytes_freshly_signed_without_credentials() {
    let (url, received) = endpoint("200 OK");
    let env = TestEnv::new();
    let out = send(&env, &url)
        .args(["--event-type", "IDENTIFICATION_MANUAL_FINISHED"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (head, body) = received.recv().unwrap();
    assert_eq!(body, std::fs::read(fixture_path("webhook.json")).unwrap());
    let lower = head.to_ascii_lowercase();
    assert!(head.starts_with("POST /hooks HTTP/1.1\r\n"), "{head}");
    for expected in [
        "\r\ncontent-type: application/json\r\n".to_string(),
        format!("\r\nidenfy-signature: {SIGNATURE}\r\n"),
        "\r\nidenfy-event-type: identification_manual_finished\r\n".to_string(),
    ] {
        assert!(lower.contains(&expected), "{expected:?} missing: {head}");
    }
    assert!(!lower.contains("authorization"), "{head}");
    assert!(!head.contains(KEY) && !head.contains(SECRET), "{head}");
    let line = stdout(&out);
    assert!(line.starts_with("200 OK  "), "{line}");
    assert!(
        line.contains(" ms  {\"received\":true,\"note\":\"xxx"),
        "{line}"
    );
    let shown = line.trim_end().split("  ").nth(2).unwrap();
    assert_eq!(
        shown.chars().count(),
        201,
        "200 characters and the cut mark: {shown}"
    );
}

#[test]
fn send_defaults_to_the_legacy_event_type_and_prints_json() {
    let (url, received) = endpoint("202 Accepted");
    let env = TestEnv::new();
    let out = send(&env, &url).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (head, _) = received.recv().unwrap();
    assert!(
        head.contains("\r\nidenfy-event-type: IDENTIFICATION\r\n"),
        "{head}"
    );
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["status"], 202);
    assert!(printed["ms"].is_u64());
    assert!(
        printed["body"]
            .as_str()
            .unwrap()
            .starts_with("{\"received\":true")
    );
}

#[test]
fn send_exits_7_on_an_error_status_and_8_when_nothing_answers() {
    let (url, _received) = endpoint("500 Internal Server Error");
    let env = TestEnv::new();
    let out = send(&env, &url).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("500 Internal Server Error  "),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).starts_with(&format!(
            "idenfy-cli: error: webhook send: {url} answered HTTP 500"
        )),
        "{}",
        stderr(&out)
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks", closed.local_addr().unwrap());
    drop(closed);
    let out = send(&env, &url).output().unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "idenfy-cli: error: webhook send: connection to {url} refused"
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn send_refuses_idenfy_and_plain_http_to_another_machine_before_sending() {
    let env = TestEnv::new();
    for url in [
        "https://ivs.idenfy.com/hooks",
        "https://IDENFY.com/",
        "http://hooks.example.invalid/x",
        "not a url",
    ] {
        let out = send(&env, url).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{url}: {}", stderr(&out));
    }
    let out = send(&env, "https://ivs.idenfy.com/hooks").output().unwrap();
    assert!(
        stderr(&out).contains("iDenfy's own host; deliveries go to your endpoint"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn send_and_sign_need_the_webhook_key() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["webhook", "send"])
        .arg(fixture_path("webhook.json"))
        .args(["--to", "http://127.0.0.1:9/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let out = env
        .cmd()
        .args(["webhook", "sign"])
        .arg(fixture_path("webhook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("idenfy-cli: error: no webhook signing key"));
}

#[test]
fn sign_prints_what_verify_expects() {
    let env = TestEnv::new();
    let sign = |args: &[&str]| {
        let out = env
            .cmd()
            .env("IDENFY_WEBHOOK_KEY", WEBHOOK_KEY)
            .args(["webhook", "sign"])
            .args(args)
            .write_stdin(fixture("webhook.json"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let path = fixture_path("webhook.json");
    let path = path.to_str().unwrap();
    assert_eq!(sign(&[path]), format!("{SIGNATURE}\n"));
    assert_eq!(sign(&[]), format!("{SIGNATURE}\n"));
    assert_eq!(sign(&["-"]), format!("{SIGNATURE}\n"));
    let printed: Value = serde_json::from_str(&sign(&["--json", path])).unwrap();
    assert_eq!(printed, json!({ "signature": SIGNATURE }));
    let signature = sign(&[path]);
    let out = verify(&env, signature.trim()).arg(path).output().unwrap();
    assert_eq!(stdout(&out), "valid\n");
}

#[test]
fn aml_and_lid_are_sections_in_words_wherever_the_data_carries_them() {
    let env = TestEnv::new();
    let payload: Value = serde_json::from_str(&fixture("webhook-aml.json")).unwrap();
    let mut data = payload["data"].clone();
    data["AML"] = payload["AML"].clone();
    data["LID"] = payload["LID"].clone();
    let path = env.write("data.json", &data.to_string(), 0o600);
    let out = env
        .cmd()
        .args(["data", "--input"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "AML screening",
        "AML: ScreeningService",
        "AML: ScreeningService, hit 2 of 2",
        "Adverse media  Tender probe widens to former transport officials",
        "Link           https://news.example.test/2025/03/18/tender-probe-widens",
        "LID: InvalidDocumentsRegister",
        "Error           The register did not answer within 30 seconds",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("{\"status\""), "raw JSON shown:\n{text}");
}

#[test]
fn a_payload_that_is_not_final_says_a_review_follows_and_redact_masks_the_hits() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["webhook", "show"])
        .arg(fixture_path("webhook-aml.json"))
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("SUSPECTED: "), "{text}");
    assert!(
        text.contains("NOT_FINAL (final flag, pending): This result is not final (final: false): a manual review follows"),
        "{text}"
    );
    let out = env
        .cmd()
        .args(["webhook", "show", "--redact"])
        .arg(fixture_path("webhook-aml.json"))
        .output()
        .unwrap();
    let text = stdout(&out);
    for hidden in ["ARVIDS", "KALNINS", "1972-09-03"] {
        assert!(!text.contains(hidden), "{hidden} shown:\n{text}");
    }
    for kept in [
        "Name           A*** K***",
        "Date of birth  1972-**-**",
        "ScreeningService",
        "Politically exposed persons (Latvia)",
    ] {
        assert!(text.contains(kept), "{kept:?} missing:\n{text}");
    }
}

/// A capture as `webhook listen` notes it beside the payload.
fn capture(env: &TestEnv, signature: &str, headers: Value) {
    env.write(
        "hook.json",
        &fixture("webhook-aml.json").replace("\"final\": false", "\"final\": true"),
        0o644,
    );
    let meta = json!({
        "eventType": "IDENTIFICATION_MANUAL_FINISHED",
        "receivedAt": "2026-12-06T12:00:00Z",
        "signature": signature,
        "headers": headers,
    });
    env.write("hook.meta.json", &meta.to_string(), 0o644);
}

#[test]
fn show_of_a_capture_whose_signature_does_not_hold_says_do_not_act() {
    let cases = [
        (
            "invalid",
            json!([["Idenfy-Signature", "00"]]),
            "SIGNATURE_INVALID",
        ),
        (
            "invalid",
            json!([["Content-Type", "application/json"]]),
            "SIGNATURE_MISSING",
        ),
        (
            "unchecked",
            json!([["Idenfy-Signature", "00"]]),
            "SIGNATURE_UNCHECKED",
        ),
    ];
    for (signature, headers, code) in cases {
        let env = TestEnv::new();
        capture(&env, signature, headers);
        let out = env
            .cmd()
            .args(["webhook", "show", "hook.json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let first: Vec<&str> = text.lines().take(3).collect();
        assert!(first[0].contains(&format!("({code})")), "{text}");
        assert!(first[1].starts_with("  Verdict: Do not act"), "{text}");
        assert!(
            !text.to_lowercase().contains("the verification passed"),
            "{text}"
        );
    }
    // A bare file, with no note beside it, is not acted on either.
    let env = TestEnv::new();
    env.write("bare.json", &fixture("webhook.json"), 0o644);
    let text = stdout(
        &env.cmd()
            .args(["webhook", "show", "bare.json"])
            .output()
            .unwrap(),
    );
    assert!(text.contains("(SIGNATURE_NOT_CHECKED)"), "{text}");
}

#[test]
fn show_of_a_signed_final_capture_leads_with_the_screening_hit() {
    let env = TestEnv::new();
    capture(&env, "valid", json!([["Idenfy-Signature", "00"]]));
    let out = env
        .cmd()
        .env("COLUMNS", "200")
        .args(["webhook", "show", "hook.json"])
        .output()
        .unwrap();
    let text = stdout(&out);
    let first: Vec<&str> = text.lines().take(3).collect();
    assert!(first[0].starts_with("SUSPECTED: "), "{text}");
    assert!(
        first[1].starts_with("  Verdict: Compliance hold (internal:"),
        "{text}"
    );
    assert!(first[2].starts_with("  Next: "), "{text}");
    assert!(!text.contains("SIGNATURE_"), "{text}");
    assert!(!text.contains("NOT_FINAL"), "{text}");
    // Both screening lists are read, the failed check told apart from the hit.
    assert!(
        text.contains("AML_HIT (screening, compliance-hold)"),
        "{text}"
    );
    assert!(
        text.contains("LID_CHECK_FAILED (screening, not-screened)"),
        "{text}"
    );
}

/// `verify` of a capture of `webhook listen` reads the signature from its note; a note that
/// lists no signature header is "missing" (exit 1), not "invalid"; a body without a note asks
/// for `--signature`; a mismatch names where the signing key came from.
#[test]
fn verify_of_a_capture_reads_the_signature_from_its_note() {
    let env = TestEnv::new();
    let body = std::fs::read(fixture_path("webhook.json")).unwrap();
    let note = |signature: Option<&str>| {
        let mut headers = vec![json!(["content-type", "application/json"])];
        if let Some(signature) = signature {
            headers.push(json!(["idenfy-signature", signature]));
        }
        json!({ "file": "d.json", "signature": "valid", "headers": headers }).to_string()
    };
    let capture = |name: &str, signature: Option<&str>| {
        std::fs::write(env.path(&format!("{name}.json")), &body).unwrap();
        std::fs::write(env.path(&format!("{name}.meta.json")), note(signature)).unwrap();
        env.path(&format!("{name}.json"))
    };
    let run = |file: &std::path::Path, key: &str| {
        env.cmd()
            .env("IDENFY_WEBHOOK_KEY", key)
            .args(["webhook", "verify"])
            .arg(file)
            .output()
            .unwrap()
    };
    let signed = capture("signed", Some(SIGNATURE));
    let out = run(&signed, WEBHOOK_KEY);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "valid\n");

    let out = run(&signed, "another-key");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "invalid\n");
    assert!(
        stderr(&out)
            .ends_with("  hint: the signing key in use comes from env IDENFY_WEBHOOK_KEY\n"),
        "{}",
        stderr(&out)
    );

    let unsigned = capture("unsigned", None);
    let out = run(&unsigned, WEBHOOK_KEY);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "missing\n");
    assert!(
        stderr(&out).contains("came without an Idenfy-Signature header: it is not signed"),
        "{}",
        stderr(&out)
    );

    let bare = env.path("bare.json");
    std::fs::write(&bare, &body).unwrap();
    let out = run(&bare, WEBHOOK_KEY);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("idenfy-cli: error: give --signature HEX"),
        "{}",
        stderr(&out)
    );
}

/// `diff --redact` masks each value as it is masked where it sits: under `additionalData`
/// everything is the person's, whatever its key; a difference is still listed by its path.
#[test]
fn diff_redact_masks_values_by_where_they_sit() {
    let server = MockServer::start();
    let (status, mut data, files) = agreeing();
    let mut payload: Value = serde_json::from_str(&fixture("webhook.json")).unwrap();
    payload["data"]["additionalData"] =
        json!({"QUESTIONNAIRE": {"status": "married", "income": 50000}});
    data["additionalData"] = json!({"QUESTIONNAIRE": {"status": "single", "income": 40000}});
    data["docNumber"] = json!("LT0042918");
    api(&server, "/api/v2/status", status);
    api(&server, "/api/v2/data", data);
    api(&server, "/api/v2/files", files);
    let env = TestEnv::new();
    let hook = env.write("hook.json", &payload.to_string(), 0o600);
    for format in [&[][..], &["--json"][..]] {
        let out = env
            .api(&server.base_url())
            .args(["webhook", "diff", "--redact"])
            .args(format)
            .arg(&hook)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let text = stdout(&out);
        for personal in [
            "married",
            "single",
            "50000",
            "40000",
            "LT0042917",
            "LT0042918",
        ] {
            assert!(!text.contains(personal), "{personal} shown:\n{text}");
        }
        for path in [
            "data.additionalData.QUESTIONNAIRE.status",
            "data.additionalData.QUESTIONNAIRE.income",
            "data.docNumber",
        ] {
            assert!(text.contains(path), "{path} not listed:\n{text}");
        }
    }
}
