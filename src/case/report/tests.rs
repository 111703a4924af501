//! Unit tests of the module above.

use super::*;
use crate::download::{Saved, Target};
use crate::model::decode;

const HOSTILE: &str = r#"<script>alert(1)</script>"#;
const BREAKOUT: &str = r#""><img src=x onerror=alert(1)>"#;

fn body(json: &str) -> Map<String, Value> {
    decode(json.as_bytes()).unwrap().body
}

fn saved(key: &str, file: &str) -> Report {
    Report {
        target: Target {
            key: key.to_string(),
            stem: key.to_string(),
            url: format!("https://h/{file}?Signature=s"),
        },
        outcome: Outcome::Saved(Saved {
            file: file.to_string(),
            bytes: 3,
            sha256: "ab".repeat(32),
            content_type: None,
            at: jiff::Timestamp::UNIX_EPOCH,
            from: None,
        }),
    }
}

fn page_of(
    status: &Map<String, Value>,
    data: &Map<String, Value>,
    files: &Map<String, Value>,
    downloads: &[Report],
    redacted: bool,
) -> String {
    render(&ReportPage {
        scan_ref: "ref-1",
        made_at: "2026-11-23T12:30:00Z".parse().unwrap(),
        version: "9.9.9",
        redacted,
        status: Ok(status),
        data: Ok(data),
        files: Ok(files),
        pdf: None,
        downloads,
        sums: &[Sum {
            file: "status.json".to_string(),
            bytes: 10,
            sha256: "cd".repeat(32),
        }],
    })
}

#[test]
fn every_value_from_a_response_is_text_and_links_stay_in_the_folder() {
    let status = body(
        &serde_json::json!({
            "status": HOSTILE, "autoFace": BREAKOUT, "fraudTags": [HOSTILE],
            "mismatchTags": ["javascript:alert(1)"], "clientId": BREAKOUT, HOSTILE: BREAKOUT
        })
        .to_string(),
    );
    let data = body(&serde_json::json!({
        "docFirstName": HOSTILE, "docLastName": BREAKOUT, "note": "javascript:alert(1)", BREAKOUT: 1
    }).to_string());
    let files = body(
        &serde_json::json!({
            "fileUrls": {HOSTILE: "javascript:alert(1)", "FRONT": "https://h/FRONT.png?Signature=s"}
        })
        .to_string(),
    );
    let downloads = [
        saved(HOSTILE, "_script_alert_1___script_.bin"),
        saved("FRONT", "FRONT.png"),
    ];
    let page = page_of(&status, &data, &files, &downloads, false);
    assert_eq!(page.matches("<script").count(), 0, "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    // Every link and image points at a plain file name of the folder.
    for attribute in ["href=\"", "src=\""] {
        for value in page.split(attribute).skip(1) {
            let target = &value[..value.find('"').unwrap()];
            assert!(is_plain_name(target), "{attribute}{target}");
        }
    }
    assert!(
        !page.contains("https://") && !page.contains("Signature"),
        "{page}"
    );
    assert!(page.contains(r#"<img src="FRONT.png" alt="FRONT photo">"#));
}

#[test]
fn a_redacted_page_says_so_and_shows_no_file() {
    let status =
        body(r#"{"status":"APPROVED","autoFace":"FACE_MATCH","autoDocument":"DOC_VALIDATED"}"#);
    let files = body(r#"{"fileUrls":{"FRONT":"https://h/FRONT.png"}}"#);
    let page = page_of(
        &status,
        &Map::new(),
        &files,
        &[saved("FRONT", "FRONT.png")],
        true,
    );
    assert!(page.contains(r#"<p class="banner">REDACTED: "#), "{page}");
    assert!(page.contains("not saved: redacted"));
    assert!(!page.contains("<img") && !page.contains("href="), "{page}");
    assert!(page.contains("APPROVED"));
}

#[test]
fn the_page_has_a_policy_and_no_outside_resource() {
    let page = page_of(&Map::new(), &Map::new(), &Map::new(), &[], false);
    assert!(page.contains(&format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{POLICY}">"#
    )));
    for outside in [
        "http:", "https:", "//", "@import", "url(", "<link", "<script",
    ] {
        let found = page
            .match_indices(outside)
            .map(|(at, _)| &page[at.saturating_sub(30)..(at + 30).min(page.len())])
            .next();
        assert!(found.is_none(), "{outside} in the page: {found:?}");
    }
    assert!(page.contains("Made by idenfy-cli 9.9.9 on 2026-11-23 12:30:00 UTC for scanRef"));
    assert!(page.contains("@media print"));
}
