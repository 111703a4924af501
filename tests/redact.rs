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
    assert_eq!(
        masked["additionalData"]["UTILITY_BILL"]["ssn"]["status"],
        "MATCH"
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
