//! report.html in a real browser: headless Chromium opens a saved case file's page from
//! disk, shows the verdict, loads the photos from the folder, and runs nothing that a
//! response carried. Skipped, saying so, where no Chromium is installed; with `CI` set a
//! missing browser is a failure.
//!
//! The page has no script, so whether its images loaded is read by a probe page the test
//! writes beside it (in the temporary folder, never part of the product): the probe frames
//! report.html and lists each image's natural size, and every script, event handler and
//! outside link inside it; Chromium's `--dump-dom` prints the probe's DOM once its virtual
//! time has run out. An image the page's policy blocked, or that did not decode, has the
//! natural size 0x0.
// Helpers of the tests that run on Unix only are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;

const SIG: &str = "SIGVALUE";
const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"><img src=x onerror=alert(1)>";
const JS_LINK: &str = "javascript:alert(1)";

/// `chromium` or `chromium-browser` on PATH.
fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The browser, or `None` after saying why the test is skipped; with `CI` set, a panic.
fn browser_or_skip() -> Option<PathBuf> {
    let found = browser();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but neither chromium nor chromium-browser is on PATH: .ci/run installs it"
        );
        println!(
            "SKIPPED: neither chromium nor chromium-browser is on PATH; install Chromium to run this test"
        );
    }
    found
}

/// Runs headless Chromium on `page` with `extra` flags; its stdout (the dumped DOM).
fn chromium(browser: &Path, env: &TestEnv, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir_in(env.dir.path()).unwrap();
    let mut child = Command::new(browser)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "chromium failed: {}", stderr(&out));
    stdout(&out)
}

/// A case whose every text field a person could type carries markup or a script link,
/// saved with three real PNGs; returns the folder.
fn save_hostile_case(env: &TestEnv) -> PathBuf {
    let server = MockServer::start();
    let link = |path: &str| server.url(format!("{path}?Signature={SIG}&Expires=1795442400"));
    let status = json!({
        "status": "DENIED", "autoFace": "FACE_MATCH", "manualFace": null,
        "autoDocument": "DOC_EXPIRED", "manualDocument": null,
        "fraudTags": [SCRIPT], "mismatchTags": ["NAME", JS_LINK],
        "clientId": BREAKOUT, "scanRef": SCAN_REF, SCRIPT: BREAKOUT
    });
    let data = json!({
        "docFirstName": SCRIPT, "docLastName": BREAKOUT, "docNumber": JS_LINK,
        "docExpiry": "2025-06-30", "docType": "ID_CARD", "address": format!("<a href=\"{JS_LINK}\">x</a>"),
        BREAKOUT: SCRIPT
    });
    let files = json!({
        "fileUrls": {
            "FRONT": link("/u/FRONT.png"), "FACE": link("/u/FACE.png"), SCRIPT: link("/u/odd.png")
        },
        "additionalStepPdfUrls": { "UTILITY_BILL": link("/u/bill.pdf") }
    });
    for (path, body) in [
        ("/api/v2/status", status),
        ("/api/v2/data", data),
        ("/api/v2/files", files),
    ] {
        server.mock(|when, then| {
            when.method(POST).path(path);
            then.status(200)
                .header("content-type", "application/json")
                .body(body.to_string());
        });
    }
    for (path, content_type, body) in [
        ("/u/FRONT.png", "image/png", png(40, 24, [200, 30, 30])),
        ("/u/FACE.png", "image/png", png(24, 32, [30, 30, 200])),
        ("/u/odd.png", "image/png", png(10, 10, [0, 0, 0])),
        ("/u/bill.pdf", "application/pdf", b"%PDF-1.4 bill".to_vec()),
    ] {
        server.mock(|when, then| {
            when.method(GET).path(path);
            then.status(200)
                .header("content-type", content_type)
                .body(body);
        });
    }
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "case"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    env.path("case")
}

/// The probe: frames report.html and writes what it finds into `<pre id="found">`.
const PROBE: &str = r#"<!DOCTYPE html>
<html><body><pre id="found">not loaded</pre><iframe id="report" src="report.html" width="1280" height="900"></iframe>
<script>
document.getElementById("report").addEventListener("load", function () {
  var out = [];
  try {
    var page = this.contentDocument;
    for (var img of page.images) {
      out.push("image " + img.getAttribute("src") + " " + img.naturalWidth + "x" + img.naturalHeight);
    }
    out.push("scripts " + page.querySelectorAll("script").length);
    var handlers = 0;
    for (var element of page.querySelectorAll("*")) {
      for (var attribute of element.attributes) {
        if (attribute.name.indexOf("on") === 0) handlers++;
      }
    }
    out.push("handlers " + handlers);
    var outside = 0;
    for (var a of page.querySelectorAll("a[href]")) {
      if (a.protocol !== "file:") outside++;
    }
    out.push("outside-links " + outside);
    out.push("links " + page.querySelectorAll("a[href]").length);
  } catch (e) {
    out.push("error " + e);
  }
  document.getElementById("found").textContent = out.join("\n");
});
</script></body></html>
"#;

#[cfg(unix)] // drives the Linux Chromium
#[test]
fn chromium_shows_the_verdict_loads_the_photos_and_runs_nothing_from_the_response() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let env = TestEnv::new();
    let dir = save_hostile_case(&env);
    let report = dir.join("report.html");

    let dom = chromium(&browser, &env, &report, &[]);
    assert!(dom.contains("DENIED"), "{dom}");
    assert!(dom.contains("The document has expired."), "{dom}");
    assert!(dom.contains("Next step:"), "{dom}");
    // The hostile values are there, as text.
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{dom}"
    );
    assert!(
        dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{dom}"
    );
    assert!(!dom.contains("<script"), "a script element in:\n{dom}");
    assert!(
        !dom.contains("<img src=\"x\""),
        "an injected image in:\n{dom}"
    );
    assert!(
        !dom.contains("<a href=\"javascript"),
        "a script link in:\n{dom}"
    );
    assert!(
        dom.contains("&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;"),
        "{dom}"
    );

    std::fs::write(dir.join("probe.html"), PROBE).unwrap();
    let probe = chromium(
        &browser,
        &env,
        &dir.join("probe.html"),
        &[
            "--allow-file-access-from-files",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=5000",
        ],
    );
    let start = probe
        .find("<pre id=\"found\">")
        .expect("the probe's output")
        + 16;
    let found = &probe[start..start + probe[start..].find("</pre>").unwrap()];
    let lines: Vec<&str> = found.lines().collect();
    assert_eq!(
        lines,
        [
            "image FRONT.png 40x24",
            "image FACE.png 24x32",
            "image _script_alert_1___script_.png 10x10",
            "scripts 0",
            "handlers 0",
            "outside-links 0",
            "links 7",
        ],
        "{probe}"
    );
}

/// What the layout probe reports of a copy of the page laid out `width` px wide: every short
/// token (an identifier, a date, a code: no space, 40 characters at most) that broke across
/// lines, every cell whose text spills out of it, every table wider than its column; `none`.
/// The copy is the page with its policy taken out and the probe's script put in, beside it in
/// the temporary folder; a frame of the width runs it and receives the list.
fn layout_problems(browser: &Path, env: &TestEnv, report: &Path, width: u32) -> String {
    const PROBE: &str = r#"<script>
addEventListener('load', () => {
  const out = [];
  const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
  document.querySelectorAll('td, th, code').forEach(e => {
    const t = e.textContent.trim();
    if (t && t.length <= 40 && !/\s/.test(t) && lines(e) > 1) out.push('broken: ' + t);
    const r = document.createRange(); r.selectNodeContents(e);
    if (e.tagName !== 'CODE' && r.getBoundingClientRect().right > e.getBoundingClientRect().right + 1)
      out.push('spills: ' + t.slice(0, 60));
  });
  document.querySelectorAll('.scroll').forEach(d => {
    if (d.scrollWidth > d.clientWidth + 1) out.push('scrolls: ' + d.innerText.slice(0, 60));
  });
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1)
    document.querySelectorAll('body *').forEach(e => {
      if (e.getBoundingClientRect().right > page.clientWidth + 1 && !e.querySelector('*'))
        out.push('runs off the page: ' + e.textContent.trim().slice(0, 60));
    });
  parent.postMessage('width=' + document.documentElement.clientWidth + ' ' + (out.join(' | ') || 'none'), '*');
});
</script>"#;
    let page = std::fs::read_to_string(report).unwrap();
    let start = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + page[start..].find('>').unwrap() + 1;
    let copy = format!("{}{}", &page[..start], &page[end..])
        .replace("</body>", &format!("{PROBE}</body>"));
    let dir = report.parent().unwrap();
    std::fs::write(dir.join("layout-copy.html"), copy).unwrap();
    let frame = dir.join(format!("layout-{width}.html"));
    std::fs::write(
        &frame,
        format!(
            "<!doctype html><body><iframe src=\"layout-copy.html\" width=\"{width}\" height=\"20000\" style=\"border:0\"></iframe>\
             <script>addEventListener('message', e => document.body.setAttribute('data-layout', e.data))</script></body>"
        ),
    )
    .unwrap();
    let dom = chromium(
        browser,
        env,
        &frame,
        &["--window-size=1400,3000", "--virtual-time-budget=5000"],
    );
    let start = dom
        .find("data-layout=\"")
        .expect("the probe reported nothing")
        + 13;
    let end = start + dom[start..].find('"').unwrap();
    dom[start..end].replace("&gt;", ">").replace("&amp;", "&")
}

/// An identifier, a date or a code never breaks in the middle, at 1280 px and at 390 px,
/// and nothing runs wider than the screen: the notes, the words around and a command's
/// spaces give way.
#[cfg(unix)] // drives the Linux Chromium
#[test]
fn identifiers_dates_and_codes_never_break_at_1280_or_390_px() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let server = case_api(
        &fixture("status-denied.json"),
        &fixture("data.json"),
        r#"{"fileUrls": {}}"#,
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--save", "case"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    let report = env.path("case").join("report.html");
    for width in [1280, 390] {
        assert_eq!(
            layout_problems(&browser, &env, &report, width),
            format!("width={width} none")
        );
    }
}
