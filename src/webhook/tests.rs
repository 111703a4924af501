//! Unit tests of the module above.

use super::*;
use serde_json::json;

#[test]
fn values_that_mean_the_same_are_the_same() {
    assert!(same(&json!(null), &json!("")));
    assert!(same(&json!([]), &json!(null)));
    assert!(same(&json!(1), &json!(1.0)));
    assert!(same(
        &json!(100),
        &serde_json::from_str::<Value>("1e2").unwrap()
    ));
    assert!(same(&json!(["a", "b"]), &json!(["b", "a"])));
    assert!(!same(&json!("25"), &json!(25)));
    assert!(!same(&json!("A"), &json!("B")));
}

#[test]
fn file_keys_are_one_set_of_non_null_links() {
    let a = json!({"fileUrls": {"FRONT_VIDEO": "https://h/v", "BACK": null}});
    let b = json!({"videoUrls": {"FRONT_VIDEO": "https://h/v?x=1"}});
    let (Value::Object(a), Value::Object(b)) = (a, b) else {
        unreachable!()
    };
    assert_eq!(file_keys(&a), file_keys(&b));
}

#[test]
fn signing_and_verdicts_agree() {
    let body = br#"{"scanRef":"s"}"#;
    let hex = signature_hex(b"key", body);
    assert_eq!(hex.len(), 64);
    let header = hex.to_uppercase();
    assert_eq!(
        verdict(Some(b"key"), Some(header.as_bytes()), body),
        SignatureCheck::Valid
    );
    assert_eq!(
        verdict(Some(b"other"), Some(hex.as_bytes()), body),
        SignatureCheck::Invalid
    );
    // No header at all is told apart from a wrong one.
    assert_eq!(verdict(Some(b"key"), None, body), SignatureCheck::Missing);
    assert_eq!(
        verdict(Some(b"key"), Some(b"zz"), body),
        SignatureCheck::Invalid
    );
    assert_eq!(
        verdict(None, Some(hex.as_bytes()), body),
        SignatureCheck::Unchecked
    );
    assert_eq!(
        SignatureCheck::from_name("invalid"),
        Some(SignatureCheck::Invalid)
    );
}

#[test]
fn idenfy_hosts_are_the_domain_and_everything_under_it() {
    assert!(is_idenfy_host("idenfy.com"));
    assert!(is_idenfy_host("IVS.iDenfy.com."));
    assert!(!is_idenfy_host("notidenfy.com"));
    assert!(!is_idenfy_host("idenfy.com.example.test"));
}

#[test]
fn event_types_are_explained_and_unknown_ones_are_not() {
    assert!(event_meaning("IDENTIFICATION_MANUAL_FINISHED").is_some());
    assert!(event_meaning("identification").is_some());
    assert_eq!(event_meaning("SOMETHING_NEW"), None);
}

#[test]
fn a_summary_reads_the_scan_ref_and_the_overall_status_cut_to_a_lines_worth() {
    let summary = summary(br#"{"scanRef":"s","status":{"overall":"DENIED"}}"#);
    assert_eq!(summary.scan_ref.as_deref(), Some("s"));
    assert_eq!(summary.status.as_deref(), Some("DENIED"));
    let flat = super::summary(br#"{"scanRef":7,"status":"APPROVED"}"#);
    assert_eq!(flat.scan_ref.as_deref(), Some("7"));
    assert_eq!(flat.status.as_deref(), Some("APPROVED"));
    assert_eq!(super::summary(b"not json"), Summary::default());
    let long = format!("{{\"scanRef\":\"{}\"}}", "r".repeat(5_000_000));
    let clipped = super::summary(long.as_bytes()).scan_ref.unwrap();
    assert_eq!(clipped, format!("{}…", "r".repeat(super::SUMMARY_CHARS)));
}

#[test]
fn signatures_parse_in_either_case_with_whitespace() {
    let hex = "90362F407b25ad68d75270df9f6748e48f1be50e6879aaaf07592dcaca08f010";
    assert_eq!(parse_signature(&format!("  {hex}\n")).unwrap().len(), 32);
    assert!(parse_signature("abc").is_err());
    assert!(parse_signature(&"g".repeat(64)).is_err());
}

#[test]
fn a_payload_splits_into_the_three_responses() {
    let payload = json!({
        "clientId": "c", "scanRef": "s", "final": true, "platform": "PC",
        "status": {"overall": "APPROVED", "autoFace": "FACE_MATCH", "fraudTags": []},
        "data": {"docFirstName": "A"}, "fileUrls": {"FACE": "https://h/f"}, "AML": [],
        "somethingNew": 1
    });
    let Value::Object(payload) = payload else {
        unreachable!()
    };
    let parts = split(&payload);
    assert_eq!(parts.status["status"], "APPROVED");
    assert_eq!(parts.status["scanRef"], "s");
    assert_eq!(parts.data.unwrap()["docFirstName"], "A");
    assert!(parts.files.contains_key("fileUrls"));
    let only: Vec<&str> = parts.webhook_only.iter().map(|(k, _)| *k).collect();
    assert_eq!(only, ["final", "platform"]);
    let screening: Vec<&str> = parts.screening.iter().map(|(k, _)| *k).collect();
    assert_eq!(screening, ["AML"]);
    let other: Vec<&str> = parts.other.iter().map(|(k, _)| *k).collect();
    assert_eq!(other, ["somethingNew"]);
}
