//! `files <scanRef> --download [DIR]` against loopback servers: which links are fetched,
//! how they land on disk, what is never leaked, retries, output and exit codes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;
#[cfg(unix)]
use std::time::Instant;

use crate::common::*;
use httpmock::Method::{GET, POST};
use httpmock::{Mock, MockServer};
use serde_json::{Value, json};

/// The signature value of every signed link; it must never be shown or written.
const SIG: &str = "SIGVALUE";
const FACE_BODY: &str = "face-png-bytes";
const FRONT_BODY: &str = "front-jpeg-bytes";
const VIDEO_BODY: &str = "face-video-mp4-bytes";
const PDF_BODY: &str = "utility-bill-pdf-bytes";
/// SHA-256 of `FRONT_BODY`, computed with `printf %s 'front-jpeg-bytes' | sha256sum`.
const FRONT_SHA256: &str = "d5d307cea778872ff26d21131a6de71c405bbae60f70770d7a6db6359da96fa1";
const HINT_EXPIRED: &str = "  hint: file links expire about an hour after they are issued; run `idenfy-cli files` again for fresh links";

/// A pre-signed-looking link to `path` on `base`.
fn signed(base: &str, path: &str) -> String {
    format!("{base}{path}?Signature={SIG}&Expires=1795442400")
}

/// The API answer: legacy top-level FACE and FRONT repeat `fileUrls`, BACK is null.
fn standard_body(base: &str) -> Value {
    json!({
        "FACE": signed(base, "/u/FACE.png"),
        "FRONT": signed(base, "/u/FRONT.jpg"),
        "fileUrls": {
            "FACE": signed(base, "/u/FACE.png"),
            "FRONT": signed(base, "/u/FRONT.jpg"),
            "BACK": null
        },
        "videoUrls": { "FACE_VIDEO": signed(base, "/u/FACE_VIDEO.mp4") },
        "additionalStepPdfUrls": { "UTILITY_BILL": signed(base, "/u/UTILITY_BILL.pdf") }
    })
}

/// `POST /api/v2/files` for `SCAN_REF`, only with the API's Basic auth.
fn mock_api<'a>(server: &'a MockServer, body: &Value) -> Mock<'a> {
    let body = body.to_string();
    server.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/files")
            .header("authorization", BASIC_AUTH)
            .json_body(json!({ "scanRef": SCAN_REF }));
        then.status(200)
            .header("content-type", "application/json")
            .body(body);
    })
}

/// `GET path` with its signature and without any Authorization header; any other request
/// gets httpmock's 404 and so fails the download.
fn mock_file<'a>(server: &'a MockServer, path: &str, content_type: &str, body: &str) -> Mock<'a> {
    let (path, content_type, body) = (path.to_string(), content_type.to_string(), body.to_string());
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

struct Standard<'a> {
    api: Mock<'a>,
    face: Mock<'a>,
    front: Mock<'a>,
    video: Mock<'a>,
    pdf: Mock<'a>,
}

fn mock_standard(server: &MockServer) -> Standard<'_> {
    Standard {
        api: mock_api(server, &standard_body(&server.base_url())),
        face: mock_file(server, "/u/FACE.png", "image/png", FACE_BODY),
        front: mock_file(server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY),
        video: mock_file(server, "/u/FACE_VIDEO.mp4", "video/mp4", VIDEO_BODY),
        pdf: mock_file(server, "/u/UTILITY_BILL.pdf", "application/pdf", PDF_BODY),
    }
}

/// A saved response in the temp dir, for `--input`.
fn write_input(env: &TestEnv, body: &Value) -> PathBuf {
    env.write("response.json", &body.to_string(), 0o600)
}

/// Every file under `root` (dot files included), as paths relative to it.
fn files_under(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                // The same separators on every platform, for comparing.
                found.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

fn names(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The temporary files (`.*.part`) left in `dir`.
fn part_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') && name.ends_with(".part"))
        .collect()
}

/// The SHA-256 of a file, computed here with the sha2 crate, independently of the program.
fn sha256sum(path: &Path) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(fs::read(path).unwrap());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_manifest(dir: &Path) -> Value {
    let text = fs::read_to_string(dir.join("manifest.json")).expect("manifest.json");
    serde_json::from_str(&text).expect("manifest.json is JSON")
}

fn manifest_entry<'a>(manifest: &'a Value, key: &str) -> &'a Value {
    manifest["files"]
        .as_array()
        .expect("files array")
        .iter()
        .find(|e| e["key"] == key)
        .unwrap_or_else(|| panic!("no manifest entry for {key}: {manifest:#}"))
}

fn assert_no_escapes(text: &str) {
    assert!(!text.contains('\r'), "carriage return in {text:?}");
    assert!(!text.contains('\x1b'), "escape sequence in {text:?}");
}

// --- which links are fetched -------------------------------------------------------------

#[test]
fn every_non_null_link_is_saved_once_into_dot_slash_scan_ref() {
    let server = MockServer::start();
    let mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mocks.api.assert_calls(1);
    // FACE and FRONT are also legacy top-level keys with the same links: fetched once.
    mocks.face.assert_calls(1);
    mocks.front.assert_calls(1);
    mocks.video.assert_calls(1);
    mocks.pdf.assert_calls(1);
    let dir = env.path(SCAN_REF);
    assert_eq!(
        files_under(&dir),
        names(&[
            "FACE.png",
            "FRONT.jpg",
            "FACE_VIDEO.mp4",
            "UTILITY_BILL.pdf",
            "manifest.json"
        ]),
        "BACK is null and gets no file; nothing else is left"
    );
    assert_eq!(fs::read_to_string(dir.join("FACE.png")).unwrap(), FACE_BODY);
    assert_eq!(
        fs::read_to_string(dir.join("FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
    assert_eq!(
        fs::read_to_string(dir.join("FACE_VIDEO.mp4")).unwrap(),
        VIDEO_BODY
    );
    assert_eq!(
        fs::read_to_string(dir.join("UTILITY_BILL.pdf")).unwrap(),
        PDF_BODY
    );
    let manifest = read_manifest(&dir);
    assert_eq!(manifest["scanRef"], SCAN_REF);
    let keys: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["FACE", "FRONT", "FACE_VIDEO", "UTILITY_BILL"]);
}

#[test]
fn only_limits_the_download_to_the_named_keys_in_any_case() {
    let server = MockServer::start();
    let mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args([
            "files",
            SCAN_REF,
            "--download",
            "out",
            "--only",
            "face,Utility_Bill",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mocks.face.assert_calls(1);
    mocks.pdf.assert_calls(1);
    mocks.front.assert_calls(0);
    mocks.video.assert_calls(0);
    assert_eq!(
        files_under(&env.path("out")),
        names(&["FACE.png", "UTILITY_BILL.pdf", "manifest.json"])
    );
}

#[test]
fn an_unknown_only_key_is_a_usage_error_naming_the_keys_there_are() {
    let server = MockServer::start();
    let base = server.base_url();
    let api = mock_api(
        &server,
        &json!({
            "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg"), "BACK": null },
            "videoUrls": { "FACE_VIDEO": signed(&base, "/u/FACE_VIDEO.mp4") }
        }),
    );
    let front = mock_file(&server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY);
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args([
            "files",
            SCAN_REF,
            "--download",
            "out",
            "--only",
            "FRONT,SELFIE",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --only SELFIE: the response has no such file key (it has: FRONT, BACK, FACE_VIDEO)\n"
    );
    assert_eq!(stdout(&out), "");
    api.assert_calls(1);
    front.assert_calls(0);
    assert!(
        !env.path("out").exists(),
        "nothing is created on a usage error"
    );
}

#[test]
fn an_unknown_only_key_lists_each_key_once_when_legacy_keys_repeat_them() {
    let env = TestEnv::new();
    let input = write_input(&env, &standard_body("http://127.0.0.1:9"));
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out", "--only", "SELFIE"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --only SELFIE: the response has no such file key (it has: FACE, FRONT, BACK, FACE_VIDEO, UTILITY_BILL)\n"
    );
}

#[test]
fn a_null_link_asked_for_with_only_is_skipped_with_a_warning() {
    let env = TestEnv::new();
    let input = write_input(&env, &standard_body("http://127.0.0.1:9"));
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out", "--only", "back"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: warning: BACK has no link in the response (null); nothing to save\n"
    );
    assert_eq!(stdout(&out), "No files to download.\n");
    assert!(!env.path("out").exists());
}

#[test]
fn input_with_download_dir_saves_without_credentials() {
    let server = MockServer::start();
    let base = server.base_url();
    let front = mock_file(&server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY);
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "saved"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    front.assert_calls(1);
    assert_eq!(
        fs::read_to_string(env.path("saved/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
    let manifest = read_manifest(&env.path("saved"));
    assert_eq!(manifest["scanRef"], Value::Null);
}

/// A folder named with terminal control is shown escaped in the closing line.
#[cfg(unix)] // a control character cannot be in a Windows file name
#[test]
fn the_closing_line_shows_the_folder_cleaned() {
    let server = MockServer::start();
    let base = server.base_url();
    let _front = mock_file(&server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY);
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "odd\u{1b}[2Jdir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "raw escape in {err:?}");
    assert!(err.contains("odd\\u{1b}[2Jdir"), "{err}");
}

#[test]
fn input_without_a_download_dir_is_a_usage_error() {
    let env = TestEnv::new();
    let input = write_input(&env, &standard_body("http://127.0.0.1:9"));
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .arg("--download")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --download needs a DIR when the response comes from --input\n"
    );
}

// --- streaming ---------------------------------------------------------------------------

/// One good file from httpmock and FRONT from `bad_base`; returns the run's output.
fn run_with_bad_front(env: &TestEnv, bad_base: &str) -> std::process::Output {
    let server = MockServer::start();
    let face = mock_file(&server, "/u/FACE.png", "image/png", FACE_BODY);
    let input = write_input(
        env,
        &json!({ "fileUrls": {
            "FACE": signed(&server.base_url(), "/u/FACE.png"),
            "FRONT": signed(bad_base, "/u/FRONT.jpg")
        } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out", "--timeout", "5"])
        .output()
        .unwrap();
    face.assert_calls(1);
    out
}

fn assert_front_failed_and_face_kept(env: &TestEnv, out: &std::process::Output) {
    assert_eq!(out.status.code(), Some(9), "{}", stderr(out));
    assert_eq!(
        stderr(out),
        "idenfy-cli: error: 1 of 2 file(s) could not be saved; the others are in out\n"
    );
    let dir = env.path("out");
    assert_eq!(
        files_under(&dir),
        names(&["FACE.png", "manifest.json"]),
        "no partial FRONT file and no temporary file"
    );
    assert_eq!(fs::read_to_string(dir.join("FACE.png")).unwrap(), FACE_BODY);
    let manifest = read_manifest(&dir);
    let front = manifest_entry(&manifest, "FRONT");
    assert_eq!(front["result"], "failed");
    assert_eq!(front["file"], Value::Null);
}

#[test]
fn a_body_shorter_than_its_content_length_is_a_failed_file_with_nothing_left() {
    let (base, heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 1000\r\nConnection: close\r\n\r\nonly-a-little"
        );
        let _ = stream.shutdown(std::net::Shutdown::Both);
    });
    let env = TestEnv::new();
    let out = run_with_bad_front(&env, &base);
    assert_front_failed_and_face_kept(&env, &out);
    assert_eq!(request_count(&heads), 3, "a short body is retried twice");
}

#[test]
fn a_connection_dropped_mid_body_is_a_failed_file_with_nothing_left() {
    // Chunked, so there is no Content-Length to compare: the connection ends mid-chunk.
    let (base, heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n100\r\npartial-chunk"
        );
        let _ = stream.flush();
        std::thread::sleep(Duration::from_millis(50));
        let _ = stream.shutdown(std::net::Shutdown::Both);
    });
    let env = TestEnv::new();
    let out = run_with_bad_front(&env, &base);
    assert_front_failed_and_face_kept(&env, &out);
    assert_eq!(
        request_count(&heads),
        3,
        "a dropped connection is retried twice"
    );
}

#[test]
fn a_slow_trickle_that_ends_within_the_timeout_is_saved() {
    let (base, heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            FRONT_BODY.len()
        );
        for piece in FRONT_BODY.as_bytes().chunks(4) {
            let _ = stream.write_all(piece);
            let _ = stream.flush();
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out", "--timeout", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(request_count(&heads), 1);
    assert_eq!(
        files_under(&env.path("out")),
        names(&["FRONT.jpg", "manifest.json"])
    );
    assert_eq!(
        fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
}

// --- on disk -----------------------------------------------------------------------------

#[test]
fn hostile_keys_become_safe_names_inside_dir_and_nothing_is_written_outside() {
    let server = MockServer::start();
    let base = server.base_url();
    let x = mock_file(&server, "/u/x", "image/jpeg", "x-bytes");
    let ab = mock_file(&server, "/u/ab", "image/png", "ab-bytes");
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": {
            "../../x": signed(&base, "/u/x"),
            "A B/1": signed(&base, "/u/ab")
        } }),
    );
    // Deep enough that `../../x` would still land inside the temp dir, where it is checked.
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "a/b/c/out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    x.assert_calls(1);
    ab.assert_calls(1);
    assert_eq!(
        files_under(env.dir.path()),
        names(&[
            "response.json",
            "a/b/c/out/______x.jpg",
            "a/b/c/out/A_B_1.png",
            "a/b/c/out/manifest.json"
        ])
    );
    let parent = env.dir.path().parent().unwrap();
    assert!(!parent.join("x.jpg").exists());
    assert!(!parent.parent().unwrap().join("x.jpg").exists());
    assert_eq!(
        fs::read_to_string(env.path("a/b/c/out/______x.jpg")).unwrap(),
        "x-bytes"
    );
    let manifest = read_manifest(&env.path("a/b/c/out"));
    assert_eq!(manifest_entry(&manifest, "../../x")["file"], "______x.jpg");
    assert_eq!(manifest_entry(&manifest, "A B/1")["file"], "A_B_1.png");
}

#[test]
fn the_extension_comes_from_content_type_then_url_path_then_bin() {
    let server = MockServer::start();
    let base = server.base_url();
    // (key, path, Content-Type, expected file)
    let cases = [
        // The type wins over the path's extension.
        ("JPEG", "/u/jpeg.png", "image/jpeg", "JPEG.jpg"),
        ("PNG", "/u/png", "image/png", "PNG.png"),
        ("MP4", "/u/mp4", "video/mp4", "MP4.mp4"),
        ("PDF", "/u/pdf", "application/pdf", "PDF.pdf"),
        ("MOV", "/u/mov", "video/quicktime", "MOV.mov"),
        (
            "WITH_PARAMS",
            "/u/params",
            "image/png; charset=binary",
            "WITH_PARAMS.png",
        ),
        (
            "BY_PATH",
            "/u/by-path.webm",
            "application/octet-stream",
            "BY_PATH.webm",
        ),
        (
            "NEITHER",
            "/u/neither",
            "application/octet-stream",
            "NEITHER.bin",
        ),
    ];
    let mut links = serde_json::Map::new();
    let mut mocks = Vec::new();
    for (key, path, content_type, _) in cases {
        links.insert(key.to_string(), Value::String(signed(&base, path)));
        mocks.push(mock_file(&server, path, content_type, key));
    }
    let env = TestEnv::new();
    let input = write_input(&env, &json!({ "fileUrls": links }));
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for mock in &mocks {
        mock.assert_calls(1);
    }
    let mut expected: Vec<&str> = cases.iter().map(|c| c.3).collect();
    expected.push("manifest.json");
    assert_eq!(files_under(&env.path("out")), names(&expected));
    for (key, _, _, file) in cases {
        assert_eq!(fs::read_to_string(env.path("out").join(file)).unwrap(), key);
    }
}

#[test]
fn dir_is_created_0700_and_files_and_manifest_are_0600() {
    let server = MockServer::start();
    let _mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "new/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = env.path("new/dir");
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700);
    #[cfg(unix)]
    for file in files_under(&dir) {
        assert_eq!(mode(&dir.join(&file)), 0o600, "{file}");
    }
    #[cfg(unix)]
    assert_eq!(mode(&dir.join("manifest.json")), 0o600);
    assert_eq!(files_under(&dir).len(), 5);
}

#[test]
fn an_existing_file_is_kept_and_reported_without_asking_the_host() {
    let server = MockServer::start();
    let mocks = mock_standard(&server);
    let env = TestEnv::new();
    let old = env.write("out/FRONT.jpg", "old-front", 0o640);
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mocks.front.assert_calls(0);
    mocks.face.assert_calls(1);
    assert_eq!(fs::read_to_string(&old).unwrap(), "old-front");
    #[cfg(unix)]
    assert_eq!(mode(&old), 0o640, "a kept file is not touched");
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.contains("FRONT.jpg"))
        .unwrap_or_else(|| panic!("no FRONT row in {text}"));
    assert!(row.contains("kept (exists; --force replaces)"), "{row}");
    let face_row = text.lines().find(|l| l.contains("FACE.png")).unwrap();
    assert!(face_row.contains("saved"), "{face_row}");
    let manifest = read_manifest(&env.path("out"));
    let front = manifest_entry(&manifest, "FRONT");
    assert_eq!(front["result"], "kept");
    assert_eq!(front["bytes"], "old-front".len());
    assert_eq!(front["sha256"], sha256sum(&old));
}

#[test]
fn force_replaces_an_existing_file() {
    let server = MockServer::start();
    let mocks = mock_standard(&server);
    let env = TestEnv::new();
    let old = env.write("out/FRONT.jpg", "old-front", 0o644);
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mocks.front.assert_calls(1);
    assert_eq!(fs::read_to_string(&old).unwrap(), FRONT_BODY);
    #[cfg(unix)]
    assert_eq!(mode(&old), 0o600);
    let manifest = read_manifest(&env.path("out"));
    assert_eq!(manifest_entry(&manifest, "FRONT")["result"], "saved");
    assert_eq!(part_files(&env.path("out")), Vec::<String>::new());
}

// --- never leak --------------------------------------------------------------------------

#[test]
fn file_requests_carry_no_authorization_while_the_api_call_does() {
    let server = MockServer::start();
    let base = server.base_url();
    // `mock_api` matches only with the Basic auth header.
    let api = mock_api(
        &server,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let clean = mock_file(&server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY);
    let with_auth = server.mock(|when, then| {
        when.method(GET)
            .path("/u/FRONT.jpg")
            .header_exists("authorization");
        then.status(200)
            .header("content-type", "image/jpeg")
            .body("leaked");
    });
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    api.assert_calls(1);
    clean.assert_calls(1);
    with_auth.assert_calls(0);
    assert_eq!(
        fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
}

#[test]
fn a_redirect_to_another_path_is_followed_and_saved() {
    let server = MockServer::start();
    let base = server.base_url();
    let hop = server.mock(|when, then| {
        when.method(GET)
            .path("/u/FRONT.jpg")
            .header_missing("authorization");
        then.status(302).header("location", "/elsewhere/front");
    });
    let target = server.mock(|when, then| {
        when.method(GET)
            .path("/elsewhere/front")
            .header_missing("authorization");
        then.status(200)
            .header("content-type", "image/jpeg")
            .body(FRONT_BODY);
    });
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    hop.assert_calls(1);
    target.assert_calls(1);
    assert_eq!(
        fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
    // The manifest says where the body came from in the end.
    let manifest = read_manifest(&env.path("out"));
    assert_eq!(
        manifest_entry(&manifest, "FRONT")["finalUrl"],
        format!("{base}/elsewhere/front")
    );
}

/// FRONT behind a chain of `hops` redirects; returns the output and the first hop's calls.
fn redirect_chain(hops: usize) -> (TestEnv, std::process::Output, usize) {
    let server = MockServer::start();
    let base = server.base_url();
    let mut mocks = Vec::new();
    for n in 0..hops {
        mocks.push(server.mock(|when, then| {
            when.method(GET).path(format!("/r/{n}"));
            then.status(302).header("location", format!("/r/{}", n + 1));
        }));
    }
    let last = server.mock(|when, then| {
        when.method(GET).path(format!("/r/{hops}"));
        then.status(200)
            .header("content-type", "image/jpeg")
            .body(FRONT_BODY);
    });
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/r/0") } }),
    );
    let out = env
        .cmd()
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out"])
        .output()
        .unwrap();
    let first = mocks.first().map_or_else(|| last.calls(), |m| m.calls());
    (env, out, first)
}

#[test]
fn five_redirects_are_followed_and_six_fail() {
    let (env, out, first) = redirect_chain(5);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(first, 1);
    assert_eq!(
        fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );

    let (env, out, first) = redirect_chain(6);
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    assert_eq!(first, 1, "too many redirects is not retried");
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: 1 of 1 file(s) could not be saved; the others are in out\n"
    );
    assert_eq!(files_under(&env.path("out")), names(&["manifest.json"]));
    let manifest = read_manifest(&env.path("out"));
    assert_eq!(
        manifest_entry(&manifest, "FRONT")["error"],
        "more than 5 redirects"
    );
}

#[test]
fn verbose_trace_summary_and_manifest_never_show_the_signature() {
    let server = MockServer::start();
    let base = server.base_url();
    let api = mock_api(
        &server,
        &json!({ "fileUrls": {
            "FRONT": signed(&base, "/u/FRONT.jpg"),
            "HOP": signed(&base, "/u/hop"),
            "GONE": signed(&base, "/u/gone.png")
        } }),
    );
    let front = mock_file(&server, "/u/FRONT.jpg", "image/jpeg", FRONT_BODY);
    // A redirect to another signed link, and an expired one.
    let hop = server.mock(|when, then| {
        when.method(GET).path("/u/hop");
        then.status(302)
            .header("location", format!("/u/target?Signature={SIG}&Expires=1"));
    });
    let target = server.mock(|when, then| {
        when.method(GET).path("/u/target");
        then.status(200)
            .header("content-type", "image/png")
            .body("target-bytes");
    });
    let gone = server.mock(|when, then| {
        when.method(GET).path("/u/gone.png");
        then.status(403)
            .body(format!("<Error>Signature {SIG}</Error>"));
    });
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out", "-v"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    api.assert_calls(1);
    front.assert_calls(1);
    hop.assert_calls(1);
    target.assert_calls(1);
    gone.assert_calls(1);
    let err = stderr(&out);
    for path in ["/u/FRONT.jpg", "/u/hop", "/u/gone.png"] {
        let line = format!("> GET {base}{path}\n");
        assert!(err.contains(&line), "no `{line}` in:\n{err}");
    }
    assert!(!stdout(&out).contains(SIG), "{}", stdout(&out));
    assert!(!err.contains(SIG), "{err}");
    let manifest = fs::read_to_string(env.path("out/manifest.json")).unwrap();
    assert!(!manifest.contains(SIG), "{manifest}");
    let manifest: Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(
        manifest_entry(&manifest, "FRONT")["url"],
        format!("{base}/u/FRONT.jpg")
    );
    assert_eq!(
        manifest_entry(&manifest, "GONE")["url"],
        format!("{base}/u/gone.png")
    );
}

// --- retries -----------------------------------------------------------------------------

#[test]
fn a_file_answering_500_twice_then_200_is_saved_and_the_api_is_called_once() {
    let server = MockServer::start();
    let (files, heads) = serve_raw(|index, stream| {
        if index < 2 {
            let _ = write!(
                stream,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        } else {
            ok_response(stream, "image/jpeg", FRONT_BODY);
        }
    });
    let api = mock_api(
        &server,
        &json!({ "fileUrls": { "FRONT": signed(&files, "/u/FRONT.jpg") } }),
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    api.assert_calls(1);
    assert_eq!(request_count(&heads), 3);
    for head in heads.lock().unwrap().iter() {
        assert!(
            head.starts_with(&format!("GET /u/FRONT.jpg?Signature={SIG}&")),
            "{head}"
        );
        assert!(
            !head.to_ascii_lowercase().contains("authorization"),
            "{head}"
        );
    }
    assert_eq!(
        fs::read_to_string(env.path("out/FRONT.jpg")).unwrap(),
        FRONT_BODY
    );
}

#[test]
fn a_file_that_keeps_answering_500_is_tried_three_times_then_fails() {
    let server = MockServer::start();
    let base = server.base_url();
    let api = mock_api(
        &server,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let front = server.mock(|when, then| {
        when.method(GET).path("/u/FRONT.jpg");
        then.status(500);
    });
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    api.assert_calls(1);
    front.assert_calls(3);
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: 1 of 1 file(s) could not be saved; the others are in out\n"
    );
}

#[test]
fn a_403_or_404_from_the_file_host_is_not_retried_and_hints_that_links_expire() {
    let server = MockServer::start();
    let base = server.base_url();
    let api = mock_api(
        &server,
        &json!({ "fileUrls": {
            "FACE": signed(&base, "/u/FACE.png"),
            "FRONT": signed(&base, "/u/FRONT.jpg"),
            "BACK": signed(&base, "/u/BACK.jpg")
        } }),
    );
    let face = mock_file(&server, "/u/FACE.png", "image/png", FACE_BODY);
    let front = server.mock(|when, then| {
        when.method(GET).path("/u/FRONT.jpg");
        then.status(403)
            .body("<Error><Code>AccessDenied</Code></Error>");
    });
    let back = server.mock(|when, then| {
        when.method(GET).path("/u/BACK.jpg");
        then.status(404)
            .body("<Error><Code>NoSuchKey</Code></Error>");
    });
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    api.assert_calls(1);
    front.assert_calls(1);
    back.assert_calls(1);
    face.assert_calls(1);
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: error: 2 of 3 file(s) could not be saved; the others are in out\n{HINT_EXPIRED}\n"
        )
    );
    assert_eq!(
        files_under(&env.path("out")),
        names(&["FACE.png", "manifest.json"])
    );
    let manifest = read_manifest(&env.path("out"));
    assert_eq!(
        manifest_entry(&manifest, "FRONT")["error"],
        "the file host answered 403 Forbidden"
    );
    assert_eq!(
        manifest_entry(&manifest, "BACK")["error"],
        "the file host answered 404 Not Found"
    );
    let text = stdout(&out);
    let row = text.lines().find(|l| l.contains("FRONT")).unwrap();
    assert!(
        row.contains("failed: the file host answered 403 Forbidden"),
        "{row}"
    );
}

/// Only a whole body is saved: a part nobody asked for, no content, or an empty 200 is a
/// failed file with no file left behind, never "saved" with a checksum.
#[test]
fn a_partial_an_empty_or_a_no_content_answer_is_a_failed_file() {
    let server = MockServer::start();
    let base = server.base_url();
    let _api = mock_api(
        &server,
        &json!({ "fileUrls": {
            "FACE": signed(&base, "/u/FACE.png"),
            "FRONT": signed(&base, "/u/FRONT.jpg"),
            "BACK": signed(&base, "/u/BACK.jpg"),
            "FRONT_VIDEO": signed(&base, "/u/FRONT_VIDEO.mp4")
        } }),
    );
    let _face = mock_file(&server, "/u/FACE.png", "image/png", FACE_BODY);
    let _front = server.mock(|when, then| {
        when.method(GET).path("/u/FRONT.jpg");
        then.status(206)
            .header("Content-Type", "image/jpeg")
            .header("Content-Range", "bytes 0-3/100")
            .body("part");
    });
    let _back = server.mock(|when, then| {
        when.method(GET).path("/u/BACK.jpg");
        then.status(204);
    });
    let _video = server.mock(|when, then| {
        when.method(GET).path("/u/FRONT_VIDEO.mp4");
        then.status(200)
            .header("Content-Type", "video/mp4")
            .body("");
    });
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    assert_eq!(
        files_under(&env.path("out")),
        names(&["FACE.png", "manifest.json"])
    );
    let manifest = read_manifest(&env.path("out"));
    assert_eq!(
        manifest_entry(&manifest, "FRONT")["error"],
        "the file host answered 206 Partial Content, not a whole file"
    );
    assert_eq!(
        manifest_entry(&manifest, "BACK")["error"],
        "the file host answered 204 No Content, not a whole file"
    );
    assert_eq!(
        manifest_entry(&manifest, "FRONT_VIDEO")["error"],
        "the file host sent an empty body"
    );
}

// --- output ------------------------------------------------------------------------------

#[test]
fn stderr_that_is_not_a_terminal_gets_no_progress_bars_only_the_closing_line() {
    let server = MockServer::start();
    let _mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_no_escapes(&err);
    assert_no_escapes(&stdout(&out));
    let bytes = FACE_BODY.len() + FRONT_BODY.len() + VIDEO_BODY.len() + PDF_BODY.len();
    assert_eq!(
        err,
        format!(
            "Saved 4 file(s), {bytes} B, in out; checksums in {}\n",
            Path::new("out").join("manifest.json").display()
        )
    );
}

#[test]
fn the_summary_table_shows_key_file_size_sha256_prefix_and_result() {
    let server = MockServer::start();
    let _mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let header = text
        .lines()
        .find(|l| l.contains("Key"))
        .unwrap_or_else(|| panic!("no header in {text}"));
    let columns: Vec<usize> = ["Key", "File", "Size", "SHA-256", "Result"]
        .iter()
        .map(|c| {
            header
                .find(c)
                .unwrap_or_else(|| panic!("no {c} in {header}"))
        })
        .collect();
    assert!(columns.is_sorted(), "columns out of order: {header}");
    for (key, file, body) in [
        ("FACE", "FACE.png", FACE_BODY),
        ("FRONT", "FRONT.jpg", FRONT_BODY),
        ("FACE_VIDEO", "FACE_VIDEO.mp4", VIDEO_BODY),
        ("UTILITY_BILL", "UTILITY_BILL.pdf", PDF_BODY),
    ] {
        let sha = sha256sum(&env.path("out").join(file));
        let row = text
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no {file} row in {text}"));
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert!(cells.contains(&key), "{row}");
        assert!(row.contains(&format!("{} B", body.len())), "{row}");
        assert!(row.contains(&sha[..12]), "{row} lacks {}", &sha[..12]);
        assert!(!row.contains(&sha[..13]), "only a prefix is shown: {row}");
        assert!(row.contains("saved"), "{row}");
    }
    assert_eq!(sha256sum(&env.path("out/FRONT.jpg")), FRONT_SHA256);
}

#[test]
fn manifest_json_has_key_file_bytes_sha256_type_url_without_query_and_time() {
    let server = MockServer::start();
    let _mocks = mock_standard(&server);
    let base = server.base_url();
    let env = TestEnv::new();
    let out = env
        .api(&base)
        .args(["files", SCAN_REF, "--download", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = env.path("out");
    #[cfg(unix)]
    assert_eq!(mode(&dir.join("manifest.json")), 0o600);
    let manifest = read_manifest(&dir);
    for (key, file, content_type, path) in [
        ("FACE", "FACE.png", "image/png", "/u/FACE.png"),
        ("FRONT", "FRONT.jpg", "image/jpeg", "/u/FRONT.jpg"),
        (
            "FACE_VIDEO",
            "FACE_VIDEO.mp4",
            "video/mp4",
            "/u/FACE_VIDEO.mp4",
        ),
        (
            "UTILITY_BILL",
            "UTILITY_BILL.pdf",
            "application/pdf",
            "/u/UTILITY_BILL.pdf",
        ),
    ] {
        let entry = manifest_entry(&manifest, key);
        let on_disk = dir.join(file);
        assert_eq!(entry["file"], file);
        assert_eq!(entry["bytes"], fs::metadata(&on_disk).unwrap().len());
        assert_eq!(entry["sha256"], sha256sum(&on_disk));
        assert_eq!(entry["contentType"], content_type);
        assert_eq!(entry["url"], format!("{base}{path}"));
        let saved_at = entry["savedAt"].as_str().expect("savedAt");
        assert!(
            saved_at.ends_with('Z') && saved_at.len() >= 20 && saved_at.as_bytes()[10] == b'T',
            "savedAt is not an RFC 3339 UTC time: {saved_at}"
        );
    }
    assert_eq!(manifest_entry(&manifest, "FRONT")["sha256"], FRONT_SHA256);
}

#[test]
fn json_prints_the_manifest_on_stdout() {
    let server = MockServer::start();
    let _mocks = mock_standard(&server);
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["files", SCAN_REF, "--download", "out", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("stdout is JSON");
    assert_eq!(printed, read_manifest(&env.path("out")));
    assert_eq!(printed["files"].as_array().unwrap().len(), 4);
}

// --- exit codes --------------------------------------------------------------------------

#[cfg(unix)] // sends SIGINT with kill
#[test]
fn ctrl_c_exits_130_and_leaves_no_partial_or_temporary_file() {
    // Promises a large body and trickles it until the client goes away.
    let (base, _heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n"
        );
        let piece = [b'x'; 512];
        let until = Instant::now() + Duration::from_secs(15);
        while Instant::now() < until {
            if stream
                .write_all(&piece)
                .and_then(|()| stream.flush())
                .is_err()
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let env = TestEnv::new();
    let input = write_input(
        &env,
        &json!({ "fileUrls": { "FRONT": signed(&base, "/u/FRONT.jpg") } }),
    );
    let dir = env.path("out");
    // A DIR that existed before is kept (one the run creates is removed: tests/interrupt.rs).
    fs::create_dir(&dir).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .current_dir(env.dir.path())
        .arg("files")
        .arg("--input")
        .arg(&input)
        .args(["--download", "out"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while part_files(&dir).is_empty() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("no .part file appeared in {}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program did not stop after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().unwrap();
    assert_eq!(code, Some(130), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "\nidenfy-cli: error: interrupted; 1 temporary file(s) removed\n"
    );
    assert_eq!(part_files(&dir), Vec::<String>::new());
    let left = files_under(&dir);
    assert!(
        !left.iter().any(|f| f.starts_with("FRONT")),
        "FRONT must not be saved: {left:?}"
    );
}
