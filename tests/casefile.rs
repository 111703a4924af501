//! `case <scanRef> --save [DIR]` and `case --input DIR`: the case file on disk (responses
//! byte-exact, files, page, manifest, SHA256SUMS), a second run, a failed call, --redact,
//! and reading it back offline.

use std::fs;
use std::path::Path;

use crate::common::*;
use httpmock::Method::{GET, POST};
use httpmock::{Mock, MockServer};
use serde_json::{Value, json};

const SIG: &str = "SIGVALUE";

/// A status body as a server might send it: odd spacing, an escaped letter, keys in its
/// own order. Saved, it must be these bytes exactly.
const STATUS_SENT: &str = "{\"status\":  \"DENIED\", \"autoFace\":\"FACE_MATCH\",\"manualFace\":null,\n \"autoDocument\":\"DOC_NOT_FOUND\",\"manualDocument\":\"DOC_EXPIRED\",\"fraudTags\":[],\"mismatchTags\":[\"DOCUMENT_NUMBER\"],\"clientId\":\"client-4471\",\"scanRef\":\"8f2a41c0-5b1e-11f0-9d3a-0242ac120002\",\"note\":\"\\u0160\"}";

fn signed(server: &MockServer, path: &str) -> String {
    server.url(format!("{path}?Signature={SIG}&Expires=1795442400"))
}

fn files_body(server: &MockServer) -> String {
    json!({
        "FRONT": signed(server, "/u/FRONT.png"),
        "fileUrls": {
            "FRONT": signed(server, "/u/FRONT.png"),
            "FACE": signed(server, "/u/FACE.png"),
            "BACK": null
        },
        "videoUrls": { "FACE_VIDEO": signed(server, "/u/FACE_VIDEO.mp4") },
        "additionalStepPdfUrls": { "UTILITY_BILL": signed(server, "/u/UTILITY_BILL.pdf") }
    })
    .to_string()
}

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

fn file<'a>(server: &'a MockServer, path: &str, content_type: &str, body: Vec<u8>) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(GET)
            .path(path)
            .query_param("Signature", SIG)
            .header_missing("authorization");
        then.status(200)
            .header("content-type", content_type)
            .body(body);
    })
}

struct Mocks<'a> {
    api: [Mock<'a>; 3],
    files: Vec<Mock<'a>>,
}

/// The API (status, data, files) and a file host for the four links, on one loopback server.
fn mock_case<'a>(server: &'a MockServer, data: &str) -> Mocks<'a> {
    let files_body = files_body(server);
    Mocks {
        api: [
            endpoint(server, "/api/v2/status", 200, STATUS_SENT),
            endpoint(server, "/api/v2/data", 200, data),
            endpoint(server, "/api/v2/files", 200, &files_body),
        ],
        files: vec![
            file(
                server,
                "/u/FRONT.png",
                "image/png",
                png(40, 24, [200, 30, 30]),
            ),
            file(
                server,
                "/u/FACE.png",
                "image/png",
                png(24, 32, [30, 30, 200]),
            ),
            file(
                server,
                "/u/FACE_VIDEO.mp4",
                "video/mp4",
                b"mp4-bytes".to_vec(),
            ),
            file(
                server,
                "/u/UTILITY_BILL.pdf",
                "application/pdf",
                b"%PDF-1.4 bill".to_vec(),
            ),
        ],
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

fn entry<'a>(manifest: &'a Value, file: &str) -> &'a Value {
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["file"] == file)
        .unwrap_or_else(|| panic!("no entry for {file}: {manifest:#}"))
}

/// `sha256sum -c SHA256SUMS` in `dir`, when the tool is installed.
fn sha256sum_check(dir: &Path) {
    let Ok(out) = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir)
        .output()
    else {
        println!("sha256sum is not installed; SHA256SUMS checked by the test only");
        return;
    };
    assert!(
        out.status.success(),
        "sha256sum -c failed:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn save_writes_the_responses_as_received_every_file_the_page_and_checksums() {
    let server = MockServer::start();
    let mocks = mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in mocks.api.iter().chain(&mocks.files) {
        mock.assert_calls(1);
    }
    let dir = env.path(SCAN_REF);
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(
        names_in(&dir),
        [
            "FACE.png",
            "FACE_VIDEO.mp4",
            "FRONT.png",
            "SHA256SUMS",
            "UTILITY_BILL.pdf",
            "data.json",
            "files.json",
            "manifest.json",
            "report.html",
            "status.json"
        ]
    );
    #[cfg(unix)]
    for name in names_in(&dir) {
        assert_eq!(mode(&dir.join(&name)), 0o600, "{name}");
    }
    assert_eq!(
        fs::read(dir.join("status.json")).unwrap(),
        STATUS_SENT.as_bytes()
    );
    assert_eq!(
        fs::read(dir.join("data.json")).unwrap(),
        fixture("data.json").as_bytes()
    );
    assert_eq!(
        fs::read(dir.join("files.json")).unwrap(),
        files_body(&server).as_bytes()
    );
    assert_eq!(
        fs::read(dir.join("FRONT.png")).unwrap(),
        png(40, 24, [200, 30, 30])
    );

    let manifest = manifest(&dir);
    assert_eq!(manifest["scanRef"], SCAN_REF);
    assert_eq!(manifest["redacted"], false);
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        listed,
        [
            "status.json",
            "data.json",
            "files.json",
            "FRONT.png",
            "FACE.png",
            "FACE_VIDEO.mp4",
            "UTILITY_BILL.pdf",
            "report.html",
            "SHA256SUMS"
        ],
        "every other file of the folder, once"
    );
    for name in &listed {
        let bytes = fs::read(dir.join(name)).unwrap();
        let e = entry(&manifest, name);
        assert_eq!(e["bytes"], bytes.len(), "{name}");
        assert_eq!(e["sha256"].as_str().unwrap().len(), 64, "{name}");
    }
    assert_eq!(entry(&manifest, "status.json")["part"], "status");
    assert_eq!(entry(&manifest, "FRONT.png")["key"], "FRONT");
    assert!(!manifest.to_string().contains(SIG));

    let sums = fs::read_to_string(dir.join("SHA256SUMS")).unwrap();
    let lines: Vec<&str> = sums.lines().collect();
    assert_eq!(lines.len(), 8, "{sums}");
    for line in &lines {
        let (hex, name) = line.split_once("  ").unwrap();
        assert_eq!(entry(&manifest, name)["sha256"], hex, "{name}");
    }
    sha256sum_check(&dir);

    let page = fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    for expected in [
        "DENIED",
        "DUPLICATE_FACES",
        "The document has expired.",
        r#"<img src="FRONT.png" alt="FRONT photo">"#,
        r#"<a href="FACE_VIDEO.mp4">FACE_VIDEO.mp4</a>"#,
        r#"<a href="UTILITY_BILL.pdf">UTILITY_BILL.pdf</a>"#,
        "default-src 'none'; img-src 'self' data:",
        "MIGRACIJOS DEPARTAMENTAS",
        "expired 511 days ago",
        "mismatch: DOCUMENT_NUMBER",
        &format!("Made by idenfy-cli {}", env!("CARGO_PKG_VERSION")),
        "2026-11-23 12:30:00 UTC",
        entry(&manifest, "FRONT.png")["sha256"].as_str().unwrap(),
    ] {
        assert!(page.contains(expected), "{expected} missing from the page");
    }
    for never in ["http://", "https://", SIG, "<script"] {
        assert!(!page.contains(never), "{never} in the page");
    }

    let text = stdout(&out);
    for expected in ["DENIED", "━━ Case file ━━", "report.html", "FACE_VIDEO.mp4"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "Case file in {SCAN_REF}: 3 response(s), 4 file(s)"
        )),
        "{err}"
    );
}

#[test]
fn save_takes_its_dir_as_the_next_argument_or_after_an_equals_sign() {
    let server = MockServer::start();
    mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    for (args, dir) in [
        (&["--save", "one"][..], "one"),
        (&["--save=two/deeper"][..], "two/deeper"),
    ] {
        let out = env
            .api(&server.base_url())
            .args(["case", SCAN_REF])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(env.path(dir).join("report.html").is_file(), "{dir}");
        #[cfg(unix)]
        assert_eq!(mode(&env.path(dir)), 0o700);
    }
}

#[test]
fn a_second_run_keeps_what_is_there_and_force_replaces_it() {
    let server = MockServer::start();
    let mocks = mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    let first = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out"])
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    let dir = env.path("out");
    // What a person might find after a while: the page and a body changed by hand.
    fs::write(dir.join("status.json"), b"{\"status\":\"EDITED\"}").unwrap();
    fs::write(dir.join("report.html"), b"earlier page").unwrap();

    let second = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out"])
        .output()
        .unwrap();
    assert!(second.status.success(), "{}", stderr(&second));
    for mock in &mocks.files {
        mock.assert_calls(1);
    }
    assert_eq!(
        fs::read(dir.join("status.json")).unwrap(),
        b"{\"status\":\"EDITED\"}"
    );
    assert_eq!(fs::read(dir.join("report.html")).unwrap(), b"earlier page");
    let text = stdout(&second);
    assert!(
        text.matches("kept (exists; --force replaces)").count() >= 8,
        "{text}"
    );
    assert!(
        stderr(&second).contains(
            "warning: report.html was kept as an earlier run wrote it; --force writes it anew"
        ),
        "{}",
        stderr(&second)
    );
    let manifest = manifest(&dir);
    assert_eq!(entry(&manifest, "status.json")["result"], "kept");
    assert_eq!(entry(&manifest, "status.json")["bytes"], 19);
    sha256sum_check(&dir);

    let forced = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out", "--force"])
        .output()
        .unwrap();
    assert!(forced.status.success(), "{}", stderr(&forced));
    for mock in &mocks.files {
        mock.assert_calls(2);
    }
    assert_eq!(
        fs::read(dir.join("status.json")).unwrap(),
        STATUS_SENT.as_bytes()
    );
    assert!(
        fs::read_to_string(dir.join("report.html"))
            .unwrap()
            .contains("DOC_EXPIRED")
    );
    assert_eq!(entry(&manifest_of(&dir), "report.html")["result"], "saved");
    sha256sum_check(&dir);
}

fn manifest_of(dir: &Path) -> Value {
    manifest(dir)
}

#[test]
fn a_failed_call_is_not_saved_and_the_page_and_manifest_say_so() {
    let server = MockServer::start();
    let files_body = files_body(&server);
    endpoint(&server, "/api/v2/status", 200, STATUS_SENT);
    endpoint(
        &server,
        "/api/v2/data",
        404,
        r#"{"identifier":"NOT_FOUND","message":"No data."}"#,
    );
    endpoint(&server, "/api/v2/files", 200, &files_body);
    file(&server, "/u/FRONT.png", "image/png", png(4, 4, [1, 2, 3]));
    file(&server, "/u/FACE.png", "image/png", png(4, 4, [1, 2, 3]));
    file(&server, "/u/FACE_VIDEO.mp4", "video/mp4", b"v".to_vec());
    file(
        &server,
        "/u/UTILITY_BILL.pdf",
        "application/pdf",
        b"p".to_vec(),
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let dir = env.path("out");
    assert!(!dir.join("data.json").exists());
    assert!(dir.join("FRONT.png").exists() && dir.join("status.json").exists());
    let page = fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(
        page.contains("Could not be read: the call failed: /api/v2/data: HTTP 404 Not Found"),
        "{page}"
    );
    assert!(page.contains("data.json is not in this case file."));
    let manifest = manifest(&dir);
    let data = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["part"] == "data")
        .unwrap();
    assert_eq!(data["result"], "failed");
    assert!(data["file"].is_null());
    sha256sum_check(&dir);
    let err = stderr(&out);
    assert!(
        err.starts_with("Case file in out: 2 response(s), 4 file(s), report.html;"),
        "{err}"
    );
    assert!(
        err.contains("\nidenfy-cli: error: /api/v2/data: HTTP 404 Not Found"),
        "{err}"
    );
}

#[test]
fn redact_saves_no_file_and_masks_the_saved_responses_and_the_page() {
    let server = MockServer::start();
    let mocks = mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "ticket", "--redact"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for mock in &mocks.files {
        mock.assert_calls(0);
    }
    let dir = env.path("ticket");
    assert_eq!(
        names_in(&dir),
        [
            "SHA256SUMS",
            "data.json",
            "files.json",
            "manifest.json",
            "report.html",
            "status.json"
        ]
    );
    let page = fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(page.contains("REDACTED: names, numbers"), "{page}");
    assert!(page.contains("M*** S***"), "{page}");
    let data: Value = serde_json::from_slice(&fs::read(dir.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["docFirstName"], "M***");
    for name in ["status.json", "data.json", "files.json", "report.html"] {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        for secret in ["MARIJA", "LT0042917", "1987-05-12", SIG, "client-4471"] {
            assert!(!text.contains(secret), "{secret} in {name}:\n{text}");
        }
    }
    assert_eq!(manifest(&dir)["redacted"], true);
    sha256sum_check(&dir);
    assert!(
        stderr(&out).starts_with(
            "Case file in ticket: 3 masked response(s), no files (redacted), report.html;"
        ),
        "{}",
        stderr(&out)
    );

    // The same folder again, redacted: updated in place; without --redact: refused.
    let again = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "ticket", "--redact", "--force"])
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    let unredacted = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "ticket"])
        .output()
        .unwrap();
    assert_eq!(unredacted.status.code(), Some(2));
    assert!(
        stderr(&unredacted)
            .starts_with("idenfy-cli: error: --save ticket: the folder holds a redacted case file"),
        "{}",
        stderr(&unredacted)
    );
    for mock in &mocks.files {
        mock.assert_calls(0);
    }
}

#[test]
fn redact_into_a_folder_with_personal_data_is_refused_before_any_call() {
    let server = MockServer::start();
    let mocks = mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    env.write("full/FRONT.png", "photo", 0o600);
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "full", "--redact"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        "idenfy-cli: error: --save full --redact: the folder already holds files that are not redacted"
    );
    for mock in &mocks.api {
        mock.assert_calls(0);
    }
}

#[test]
fn save_takes_one_scan_ref() {
    let env = TestEnv::new();
    let out = env
        .api("http://127.0.0.1:9")
        .args(["case", "a", "b", "--save"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --save takes one scanRef\n"
    );
}

/// A saved case file, its folder, and the bytes of its three responses.
fn saved_case(env: &TestEnv) -> std::path::PathBuf {
    let server = MockServer::start();
    mock_case(&server, &fixture("data.json"));
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "saved"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    env.path("saved")
}

/// A closed port on loopback: anything that tried to call it would fail.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[test]
fn input_dir_shows_the_case_again_offline_in_every_format() {
    let env = TestEnv::new();
    let dir = saved_case(&env);
    let offline = || {
        let mut cmd = env.cmd();
        cmd.env("IDENFY_BASE_URL", closed_port())
            .args(["case", "--input", "saved"]);
        cmd
    };
    let table = offline().output().unwrap();
    assert!(table.status.success(), "{}", stderr(&table));
    let text = stdout(&table);
    assert!(
        text.starts_with("DENIED: the selfie matches the face of 1 other verification(s)"),
        "{text}"
    );
    for expected in ["━━ Data ━━", "MIGRACIJOS DEPARTAMENTAS", "UTILITY_BILL"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    assert_eq!(stderr(&table), "");

    let json = offline().arg("--json").output().unwrap();
    assert!(json.status.success(), "{}", stderr(&json));
    let printed: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let keys: Vec<&String> = printed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["status", "data", "files", "verdict"]);
    for (key, name) in [
        ("status", "status.json"),
        ("data", "data.json"),
        ("files", "files.json"),
    ] {
        let saved: Value = serde_json::from_slice(&fs::read(dir.join(name)).unwrap()).unwrap();
        assert_eq!(printed[key], saved, "{key}");
    }

    let markdown = offline().args(["--format", "markdown"]).output().unwrap();
    assert!(markdown.status.success());
    let text = stdout(&markdown);
    assert!(text.starts_with("**`DENIED`: the selfie matches"), "{text}");
    assert!(text.contains("## Data"), "{text}");

    let redacted = offline().arg("--redact").output().unwrap();
    assert!(!stdout(&redacted).contains("MARIJA"));
}

#[test]
fn input_dir_shows_a_missing_part_as_missing() {
    let env = TestEnv::new();
    let dir = saved_case(&env);
    fs::remove_file(dir.join("data.json")).unwrap();
    let out = env
        .cmd()
        .args(["case", "--input", "saved"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Could not be read: data.json is not in the case file"),
        "{text}"
    );
    assert!(text.contains("DOC_EXPIRED") && text.contains("UTILITY_BILL"));
    let json = env
        .cmd()
        .args(["case", "--input", "saved", "--json"])
        .output()
        .unwrap();
    let printed: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(printed["data"].is_null() && printed["status"].is_object());
}

#[test]
fn input_of_a_folder_that_is_not_a_case_file_is_a_usage_error() {
    let env = TestEnv::new();
    fs::create_dir(env.path("empty")).unwrap();
    env.write("body.json", "{}", 0o600);
    for (arg, why) in [
        (
            "empty",
            "it has no status.json, data.json, files.json or manifest.json",
        ),
        ("body.json", "it is not a folder"),
        ("missing", "No such file or directory"),
    ] {
        let out = env.cmd().args(["case", "--input", arg]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{arg}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!(
                "idenfy-cli: error: --input {arg} is not a case file: {why}"
            )),
            "{err}"
        );
        assert!(err.contains("hint: a case file is the folder"), "{err}");
    }
    // A part that is not JSON is shown as unreadable, the rest still shown, exit 2.
    let dir = saved_case(&env);
    fs::write(dir.join("status.json"), b"<html>").unwrap();
    let out = env
        .cmd()
        .args(["case", "--input", "saved"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("MIGRACIJOS DEPARTAMENTAS"));
}

#[test]
fn a_file_that_cannot_be_saved_is_exit_9_with_the_rest_of_the_case_file_in_place() {
    let server = MockServer::start();
    endpoint(&server, "/api/v2/status", 200, STATUS_SENT);
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &files_body(&server));
    file(&server, "/u/FRONT.png", "image/png", png(4, 4, [9, 9, 9]));
    file(&server, "/u/FACE_VIDEO.mp4", "video/mp4", b"v".to_vec());
    file(
        &server,
        "/u/UTILITY_BILL.pdf",
        "application/pdf",
        b"p".to_vec(),
    );
    // FACE.png: no mock, so the file host answers 404, as for an expired link.
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("idenfy-cli: error: 1 file(s) of the case file could not be saved; the others are in out"),
        "{err}"
    );
    assert!(
        err.contains("hint: file links expire about an hour"),
        "{err}"
    );
    let dir = env.path("out");
    assert!(!dir.join("FACE.png").exists());
    let page = fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(
        page.contains("not saved: the file host answered 404"),
        "{page}"
    );
    assert_eq!(manifest(&dir)["files"][4]["result"], "failed");
    sha256sum_check(&dir);
}

#[cfg(unix)] // sends SIGTERM with kill
#[test]
fn sigterm_during_the_downloads_leaves_no_temporary_file_and_no_folder_it_made() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    // A file host that promises a large body and trickles it.
    let (host, _heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n"
        );
        let until = Instant::now() + Duration::from_secs(15);
        while Instant::now() < until && stream.write_all(&[b'x'; 512]).is_ok() {
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let server = MockServer::start();
    let files = json!({"fileUrls": {"FRONT": format!("{host}/u/FRONT.png?Signature={SIG}")}});
    endpoint(&server, "/api/v2/status", 200, STATUS_SENT);
    endpoint(&server, "/api/v2/data", 200, &fixture("data.json"));
    endpoint(&server, "/api/v2/files", 200, &files.to_string());
    let env = TestEnv::new();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET)
        .env("IDENFY_BASE_URL", server.base_url())
        .current_dir(env.dir.path())
        .args(["case", SCAN_REF, "--save", "out"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let dir = env.path("out");
    let parts = || -> Vec<String> {
        fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".part"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while parts().is_empty() {
        assert!(Instant::now() < deadline, "no download started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "\nidenfy-cli: error: terminated (SIGTERM); 1 temporary file(s) and the empty folder out removed\n"
    );
    assert!(!dir.exists(), "the folder this run made is removed");
}

#[test]
fn save_with_json_prints_the_three_bodies_and_the_manifest() {
    let server = MockServer::start();
    mock_case(&server, &fixture("data.json"));
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "out", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    let keys: Vec<&String> = printed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["status", "data", "files", "verdict", "caseFile"]);
    assert_eq!(printed["caseFile"], manifest(&env.path("out")));
    let sent: Value = serde_json::from_str(STATUS_SENT).unwrap();
    assert_eq!(printed["status"], sent);
}

/// A case folder holds one verification: a folder whose manifest or a response names another
/// scanRef is refused before any call, for `case --save` and for `files --download`, and
/// nothing in it changes.
#[test]
fn a_folder_that_holds_another_scan_ref_is_refused_before_any_call() {
    const OTHER: &str = "11111111-2222-3333-4444-555555555555";
    let server = MockServer::start();
    let calls = [
        endpoint(&server, "/api/v2/status", 200, STATUS_SENT),
        endpoint(&server, "/api/v2/data", 200, &fixture("data.json")),
        endpoint(&server, "/api/v2/files", 200, &files_body(&server)),
    ];
    let manifest = json!({ "scanRef": OTHER, "files": [] }).to_string();
    let status = json!({ "scanRef": OTHER, "status": "APPROVED" }).to_string();
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["case", SCAN_REF, "--save", "folder"],
            "manifest.json",
            &manifest,
        ),
        (
            &["case", SCAN_REF, "--save", "folder"],
            "status.json",
            &status,
        ),
        (
            &["files", SCAN_REF, "--download", "folder", "--force"],
            "manifest.json",
            &manifest,
        ),
    ];
    for (args, name, body) in cases {
        let env = TestEnv::new();
        fs::create_dir(env.path("folder")).unwrap();
        fs::write(env.path("folder").join(name), body).unwrap();
        let out = env.api(&server.base_url()).args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?} {name}: {err}");
        assert!(
            err.starts_with(&format!(
                "idenfy-cli: error: folder holds the files of scanRef {OTHER} ({name} names it), not of {SCAN_REF}; refused\n"
            )),
            "{args:?}: {err}"
        );
        assert_eq!(stdout(&out), "");
        let left: Vec<_> = fs::read_dir(env.path("folder")).unwrap().collect();
        assert_eq!(left.len(), 1, "{args:?}: the folder changed");
        assert_eq!(
            fs::read_to_string(env.path("folder").join(name)).unwrap(),
            body
        );
    }
    for call in calls {
        call.assert_calls(0);
    }
}
