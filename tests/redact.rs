//! `--redact`: personal data masked in tables and JSON alike; codes and scanRefs kept.

use crate::common::*;
use serde_json::Value;

fn run(env: &TestEnv, command: &str, fixture_name: &str, extra: &[&str]) -> std::process::Output {
    env.cmd()
        .args([command, "--redact", "--input"])
        .arg(fixture_path(fixture_name))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn data_json_keeps_its_shape_with_personal_values_masked() {
    let env = TestEnv::new();
    let out = run(&env, "data", "data.json", &["--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let masked: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let original: Value = serde_json::from_str(&fixture("data.json")).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&masked), keys(&original), "same fields, same order");
    assert_eq!(masked["docFirstName"], "M***");
    assert_eq!(masked["clientId"], "*********71");
    assert_eq!(masked["fullName"], "M*** S***");
    assert_eq!(masked["orgLastName"], "Š***");
    assert_eq!(masked["docNumber"], "*******17");
    assert_eq!(masked["docPersonalCode"], "*********23");
    assert_eq!(masked["docDob"], "1987-**-**");
    assert_eq!(masked["birthPlace"], "S***");
    assert_eq!(
        masked["additionalData"]["UTILITY_BILL"]["ssn"]["value"],
        "*********00"
    );
    // A key called `status` in additional-step data may be the person's own (marital status).
    assert_eq!(
        masked["additionalData"]["UTILITY_BILL"]["ssn"]["status"],
        "***CH"
    );
    for kept in [
        "docExpiry",
        "docType",
        "docNationality",
        "docIssuingCountry",
        "scanRef",
        "duplicateFaces",
        "ageEstimate",
    ] {
        assert_eq!(masked[kept], original[kept], "{kept} must be kept");
    }
}

#[test]
fn data_table_shows_no_personal_value() {
    let env = TestEnv::new();
    let out = run(&env, "data", "data.json", &[]);
    let text = stdout(&out);
    for secret in [
        "MARIJA",
        "SAULE",
        "ŠAULĖ",
        "LT0042917",
        "48705120123",
        "05-12",
        "SIAULIAI",
        "000-00-0000",
    ] {
        assert!(!text.contains(secret), "{secret} shown:\n{text}");
    }
    assert!(text.contains("Date of birth         1987-**-**"), "{text}");
    assert!(
        text.contains("Expiry                   2025-06-30"),
        "{text}"
    );
}

#[test]
fn file_links_lose_their_signature_but_keep_their_expiry() {
    let env = TestEnv::new();
    let out = run(&env, "files", "files.json", &[]);
    let text = stdout(&out);
    assert!(
        !text.contains("Signature") && !text.contains("AKIDEXAMPLE"),
        "{text}"
    );
    assert!(
        text.contains("in 1 h (14:00 UTC)"),
        "expiry still shown:\n{text}"
    );
    let out = run(&env, "files", "files.json", &["--json"]);
    assert!(!stdout(&out).contains("Signature"));
}

#[test]
fn status_masks_only_the_client_id() {
    let env = TestEnv::new();
    let plain = env
        .cmd()
        .args(["status", "--input"])
        .arg(fixture_path("status-denied.json"))
        .output()
        .unwrap();
    let masked = run(&env, "status", "status-denied.json", &[]);
    let expected = stdout(&plain).replace("client-4471", "*********71");
    assert_eq!(stdout(&masked), expected);
}

/// Every value in `webhook-every-field.json` that names, dates, numbers or locates the person,
/// in pieces a reader would recognise (accents dropped too, as a table might show them).
const PERSONAL: [&str; 30] = [
    "ELŽBIETA",
    "ELZBIETA",
    "VANAGAIT",
    "GIEDRAIT",
    "RAMANAUSK",
    "UTENA",
    "PANEVĖŽ",
    "PANEVEZ",
    "KLEVŲ",
    "KAUNAS",
    "SODŲ",
    "LT7720391",
    "72039",
    "49203150417",
    "0315",
    "03-15",
    "40913",
    "35182",
    "88213047",
    "10.20.30",
    "MAIL.TEST",
    "NEWS.EXAMPLE",
    "TENDER",
    "MUNICIPAL",
    "COUNCIL",
    "QUESTIONED",
    "DIVORCED",
    "AUTOBUS",
    "3150",
    "POLICIJA",
];

/// What a ticket still needs from the same body: the result, the codes, the references.
const KEPT: [&str; 12] = [
    "SUSPECTED",
    "7c1e5b20-b3d4-11f0-9a6e-0242ac120005",
    "4a1e0c62-b3d4-11f0-9a6e-0242ac120005",
    "AML_SUSPECTION",
    "DATE_OF_BIRTH",
    "PEPS",
    "ID_CARD",
    "2032-05-31",
    "NameCheckService",
    "NEGATIVE",
    "1992",
    "NOT_SUSPECTED",
];

fn assert_nothing_personal(text: &str, what: &str) {
    let upper = text.to_uppercase();
    for personal in PERSONAL {
        assert!(
            !upper.contains(&personal.to_uppercase()),
            "{personal} shown in {what}:\n{text}"
        );
    }
}

#[test]
fn every_value_that_names_dates_numbers_or_locates_a_person_is_masked_in_a_whole_webhook() {
    let env = TestEnv::new();
    for format in [&[][..], &["--json"][..], &["--format", "markdown"][..]] {
        let out = env
            .cmd()
            .args(["webhook", "show", "--redact"])
            .args(format)
            .arg(fixture_path("webhook-every-field.json"))
            .output()
            .unwrap();
        assert!(out.status.code().is_some(), "{}", stderr(&out));
        // Markdown escapes `_`; the codes are read back as a reader sees them.
        let text = stdout(&out).replace("\\_", "_");
        assert_nothing_personal(&text, &format!("webhook show {format:?}"));
        for kept in KEPT {
            assert!(text.contains(kept), "{kept} lost with {format:?}:\n{text}");
        }
    }
    // The verdict (its first three lines) reads the same without --redact.
    let first_lines = |redact: bool| {
        let mut cmd = env.cmd();
        cmd.args(["webhook", "show"]);
        if redact {
            cmd.arg("--redact");
        }
        let out = cmd
            .arg(fixture_path("webhook-every-field.json"))
            .output()
            .unwrap();
        stdout(&out).lines().take(3).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(first_lines(true), first_lines(false));
    // Without --redact the same body shows them: the list above is what the body holds.
    let plain = env
        .cmd()
        .args(["webhook", "show", "--json"])
        .arg(fixture_path("webhook-every-field.json"))
        .output()
        .unwrap();
    let plain = stdout(&plain).to_uppercase();
    for personal in PERSONAL
        .iter()
        .filter(|p| !["ELZBIETA", "PANEVEZ"].contains(p))
    {
        assert!(plain.contains(&personal.to_uppercase()), "{personal}");
    }
}

#[test]
fn a_redacted_case_file_holds_no_value_that_names_dates_numbers_or_locates_a_person() {
    let webhook: Value = serde_json::from_str(&fixture("webhook-every-field.json")).unwrap();
    let mut data = webhook["data"].clone();
    data["scanRef"] = webhook["scanRef"].clone();
    data["clientId"] = webhook["clientId"].clone();
    let status = serde_json::json!({
        "scanRef": webhook["scanRef"], "clientId": webhook["clientId"],
        "externalRef": webhook["externalRef"], "status": "SUSPECTED",
        "autoDocument": "DOC_VALIDATED", "autoFace": "FACE_MATCH",
        "manualDocument": "DOC_VALIDATED", "manualFace": "FACE_MATCH",
        "mismatchTags": ["DATE_OF_BIRTH"], "fraudTags": [], "suspicionReasons": ["AML_SUSPECTION"],
        "clientIpProxyRiskLevel": "LOW", "AML": webhook["AML"], "LID": webhook["LID"]
    });
    let files = serde_json::json!({"fileUrls": webhook["fileUrls"]});
    let server = case_api(&status.to_string(), &data.to_string(), &files.to_string());
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args([
            "case",
            "7c1e5b20-b3d4-11f0-9a6e-0242ac120005",
            "--save",
            "ticket",
            "--redact",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    assert_nothing_personal(&stdout(&out), "case stdout");
    let dir = env.path("ticket");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_nothing_personal(&text, &path.display().to_string());
        seen += 1;
    }
    assert!(seen >= 5, "the case file was written");
    let page = std::fs::read_to_string(dir.join("report.html")).unwrap();
    for kept in [
        "SUSPECTED",
        "PEPS",
        "ID_CARD",
        "2032-05-31",
        "DATE_OF_BIRTH",
    ] {
        assert!(page.contains(kept), "{kept} lost from the page");
    }
}

/// The verdict reads the same with and without `--redact`, also where it reads a value the
/// mask changes (the date of birth against the selfie's age) or a status in free words.
#[test]
fn the_verdict_is_the_same_with_and_without_redact() {
    let data = serde_json::json!({
        "scanRef": SCAN_REF, "docFirstName": "MARIJA", "docDob": "1980-05-12",
        "ageEstimate": "UNDER_13", "pepsStatus": "Review pending"
    });
    let server = case_api(
        &fixture("status-approved.json"),
        &data.to_string(),
        r#"{"fileUrls": {}}"#,
    );
    let env = TestEnv::new();
    let first_lines = |extra: &[&str]| {
        let out = env
            .api(&server.base_url())
            .args(["case", SCAN_REF])
            .args(extra)
            .output()
            .unwrap();
        stdout(&out).lines().take(3).collect::<Vec<_>>().join("\n")
    };
    let plain = first_lines(&[]);
    assert!(plain.contains("born in 1980"), "{plain}");
    assert_eq!(first_lines(&["--redact"]), plain);
    let verdict = |extra: &[&str]| {
        let out = env
            .api(&server.base_url())
            .args(["case", SCAN_REF, "--json"])
            .args(extra)
            .output()
            .unwrap();
        let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
        printed["verdict"].clone()
    };
    assert_eq!(verdict(&["--redact"]), verdict(&[]));
}
