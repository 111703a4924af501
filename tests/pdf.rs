//! `pdf`: iDenfy's own report, asked for once and saved whole, whatever shape the answer
//! takes; anything that is not a PDF is refused with what came, and nothing is written.

use base64::Engine;
use httpmock::Method::POST;
use httpmock::MockServer;
use serde_json::json;

use crate::common::*;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";

fn encoded() -> String {
    base64::engine::general_purpose::STANDARD.encode(PDF)
}

#[test]
fn each_shape_of_answer_is_saved_as_the_pdf_with_one_call() {
    let shapes: [(&str, Vec<u8>); 4] = [
        (
            "application/json",
            json!({ "pdf": encoded() }).to_string().into_bytes(),
        ),
        ("text/plain", encoded().into_bytes()),
        (
            "application/json",
            format!("\"{}\"", encoded()).into_bytes(),
        ),
        ("application/pdf", PDF.to_vec()),
    ];
    for (content_type, body) in shapes {
        let server = MockServer::start();
        let call = server.mock(|when, then| {
            when.method(POST)
                .path("/api/v2/generate-pdf")
                .header("authorization", BASIC_AUTH)
                .json_body(json!({"scanRef": SCAN_REF, "language": "lt",
                    "includeMainStepFiles": false, "includeAdditionalStepFiles": false}));
            then.status(200)
                .header("content-type", content_type)
                .body(body.clone());
        });
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args(["pdf", SCAN_REF, "--language", "lt", "--no-photos"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{content_type}: {}", stderr(&out));
        call.assert_calls(1);
        let path = env.path(&format!("{SCAN_REF}.pdf"));
        assert_eq!(std::fs::read(&path).unwrap(), PDF, "{content_type}");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        assert!(
            stderr(&out).starts_with(&format!(
                "Saved iDenfy's PDF of {SCAN_REF} to {SCAN_REF}.pdf"
            )),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn what_is_not_a_pdf_is_refused_saying_what_came_and_nothing_is_written() {
    let not_base64 = b"<html><body>\x1b]0;owned\x07Service unavailable</body></html>".to_vec();
    let not_pdf = base64::engine::general_purpose::STANDARD
        .encode(b"GIF89a\x01\x00")
        .into_bytes();
    let no_pdf_field = br#"{"identifier": "OK", "message": "generated"}"#.to_vec();
    let mut too_large = b"%PDF-1.7\n".to_vec();
    too_large.resize(13 * 1024 * 1024, b'x');
    for (body, expected) in [
        (not_base64, "not a PDF nor Base64 of one"),
        (not_pdf, "not a PDF nor Base64 of one"),
        (no_pdf_field, "holds no PDF in Base64"),
        (too_large, "the PDF is over 12 MiB; not saved"),
    ] {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/api/v2/generate-pdf");
            then.status(200)
                .header("content-type", "text/html")
                .body(body.clone());
        });
        let env = TestEnv::new();
        let out = env
            .api(&server.base_url())
            .args(["pdf", SCAN_REF, "-o", "report.pdf"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("idenfy-cli: error: /api/v2/generate-pdf: "),
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
        assert!(!env.path("report.pdf").exists());
        let names: Vec<_> = std::fs::read_dir(env.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("pdf") || n.ends_with(".part"))
            .collect();
        assert!(names.is_empty(), "left behind: {names:?}");
    }
}

#[test]
fn an_existing_file_and_redact_are_refused_before_any_call() {
    let server = MockServer::start();
    let call = server.mock(|when, then| {
        when.method(POST).path("/api/v2/generate-pdf");
        then.status(200).body(encoded());
    });
    let env = TestEnv::new();
    std::fs::write(env.path("mine.pdf"), "my own file").unwrap();
    let out = env
        .api(&server.base_url())
        .args(["pdf", SCAN_REF, "-o", "mine.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(env.path("mine.pdf")).unwrap(),
        "my own file"
    );
    let out = env
        .api(&server.base_url())
        .args(["pdf", SCAN_REF, "--redact"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no PDF is saved"), "{}", stderr(&out));
    call.assert_calls(0);
    let out = env
        .api(&server.base_url())
        .args(["pdf", SCAN_REF, "-o", "mine.pdf", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(env.path("mine.pdf")).unwrap(), PDF);
    call.assert_calls(1);
}

#[test]
fn an_api_error_keeps_its_exit_code_and_a_slow_server_times_out_once() {
    let server = MockServer::start();
    let call = server.mock(|when, then| {
        when.method(POST).path("/api/v2/generate-pdf");
        then.status(404)
            .header("content-type", "application/json")
            .body(r#"{"identifier": "NOT_FOUND", "message": "No verification."}"#);
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["pdf", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    call.assert_calls(1);
    let (url, handle) = serve_once(|stream| {
        std::thread::sleep(std::time::Duration::from_secs(3));
        let _ = std::io::Write::write_all(stream, b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
    });
    let out = env
        .api(&url)
        .args(["pdf", SCAN_REF, "--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(
        handle
            .join()
            .unwrap()
            .starts_with("POST /api/v2/generate-pdf ")
    );
    assert!(!env.path(&format!("{SCAN_REF}.pdf")).exists());
}

/// `case --save --pdf` puts iDenfy's PDF in the case file: in SHA256SUMS, the manifest and
/// the page; one call more. With --redact no PDF is asked for, and the run says so.
#[test]
fn case_save_pdf_puts_the_pdf_in_the_case_file_with_its_checksum() {
    let server = case_api(
        &fixture("status-denied.json"),
        &fixture("data.json"),
        r#"{"fileUrls": {}}"#,
    );
    let call = server.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/generate-pdf")
            .json_body(json!({ "scanRef": SCAN_REF }));
        then.status(200)
            .header("content-type", "application/json")
            .body(json!({ "pdf": encoded() }).to_string());
    });
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "ticket", "--pdf"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    call.assert_calls(1);
    let dir = env.path("ticket");
    assert_eq!(std::fs::read(dir.join("idenfy-report.pdf")).unwrap(), PDF);
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).unwrap();
    assert!(sums.contains("  idenfy-report.pdf"), "{sums}");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest
            .to_string()
            .contains("\"file\":\"idenfy-report.pdf\""),
        "{manifest}"
    );
    let page = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(
        page.contains("href=\"idenfy-report.pdf\""),
        "no link on the page"
    );
    assert!(
        stderr(&out).contains("iDenfy's PDF (idenfy-report.pdf)"),
        "{}",
        stderr(&out)
    );

    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "masked", "--pdf", "--redact"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    call.assert_calls(1);
    assert!(!env.path("masked").join("idenfy-report.pdf").exists());
    assert!(stderr(&out).contains("no PDF is saved"), "{}", stderr(&out));
}
