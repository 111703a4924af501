//! The built-in vocabulary checked whole, as `explain --list --json` gives it: exactly the
//! codes iDenfy documents, category by category and in iDenfy's order; a plain meaning and a
//! next step for every one; and next steps for fraud, screening, duplicate and spoofing
//! signals that stay on the business's side and never tell a client how to get past a check.

use crate::common::*;
use serde_json::Value;

/// Every code iDenfy documents, per category, in the order iDenfy lists them.
const DOCUMENTED: [(&str, &[&str]); 12] = [
    (
        "overall-status",
        &[
            "APPROVED",
            "DENIED",
            "SUSPECTED",
            "REVIEWING",
            "ACTIVE",
            "EXPIRED",
            "EXPIRED-DELETED",
            "DELETED",
            "ARCHIVED",
        ],
    ),
    (
        "face-result",
        &[
            "FACE_MATCH",
            "FACE_MISMATCH",
            "NO_FACE_FOUND",
            "TOO_MANY_FACES",
            "FACE_TOO_BLURRY",
            "FACE_GLARED",
            "FACE_UNCERTAIN",
            "FAKE_FACE",
            "FACE_ERROR",
            "FACE_NOT_ANALYSED",
            "FACE_NOT_CHECKED",
            "AUTO_UNVERIFIABLE",
            "FACE_SUSPECTED",
            "FACE_BLACKLISTED",
        ],
    ),
    (
        "document-result",
        &[
            "DOC_VALIDATED",
            "DOC_INFO_MISMATCH",
            "DOC_NOT_FOUND",
            "DOC_NOT_FULLY_VISIBLE",
            "DOC_NOT_SUPPORTED",
            "DOC_FACE_NOT_FOUND",
            "DOC_TOO_BLURRY",
            "DOC_GLARED",
            "DOC_FACE_GLARED",
            "MRZ_NOT_FOUND",
            "MRZ_OCR_READING_ERROR",
            "MRZ_INVALID",
            "BARCODE_NOT_FOUND",
            "DOC_EXPIRED",
            "COUNTRY_MISMATCH",
            "COUNTRY_NOT_SUPPORTED",
            "DOC_TYPE_MISMATCH",
            "DOC_SUBTYPE_MISMATCH",
            "DOC_SIDE_MISMATCH",
            "DOC_DAMAGED",
            "DOC_FAKE",
            "DOC_SPOOF_DETECTED",
            "DOC_ERROR",
            "AUTO_UNVERIFIABLE",
            "DOC_NOT_ANALYSED",
            "DOC_NOT_ALLOWED",
            "DOC_PERSONAL_CODE_INVALID",
            "DOC_NAME_ERROR",
            "DOC_SURNAME_ERROR",
            "DOC_EXPIRY_ERROR",
            "DOC_DOB_ERROR",
            "DOC_PERSONAL_NUMBER_ERROR",
            "DOC_NUMBER_ERROR",
            "DOC_DATE_OF_ISSUE_ERROR",
            "DOC_SEX_ERROR",
            "DOC_NATIONALITY_ERROR",
            "EID_FAILED",
            "NFC_INIT_FAILED",
            "NFC_FAILED",
            "NFC_TIMEOUT",
        ],
    ),
    (
        "fraud-tag",
        &[
            "FACE_SUSPECTED",
            "FACE_BLACKLISTED",
            "DOC_FACE_BLACKLISTED",
            "FACE_IN_BLACKLIST",
            "DOC_FACE_IN_BLACKLIST",
            "DATA_BLACKLISTED",
            "DATA_IN_BLACKLIST",
            "DUPLICATE_FACE",
            "DUPLICATE_DOC_FACE",
            "DUPLICATE_PERSONAL_DATA",
            "DOC_MOBILE_PHOTO",
            "DEV_TOOLS_OPENED",
            "DOC_PRINT_SPOOFED",
            "FAKE_PHOTO",
            "VIRTUAL_CAMERA",
            "PORTRAIT_SUBSTITUTION",
            "ADDRESS_UNVERIFIED",
            "UTILITY_ADDRESS_CHECK_FAILURE",
            "AML_SUSPECTION",
            "AML_FAILED",
            "LID_SUSPECTION",
            "LID_FAILED",
            "SANCTIONS_SUSPECTION",
            "SANCTIONS_FAILED",
            "CRIMINAL_SUSPECTED",
            "CRIMINAL_CHECK_FAILED",
            "RC_FAILED",
            "DL_FAILED",
            "AUTO_UNVERIFIABLE",
        ],
    ),
    (
        "mismatch-tag",
        &[
            "NAME",
            "SURNAME",
            "FULL_NAME",
            "DOCUMENT_NUMBER",
            "PERSONAL_CODE",
            "EXPIRY_DATE",
            "DATE_OF_BIRTH",
            "DATE_OF_ISSUE",
            "SEX",
            "NATIONALITY",
            "DOC_INFO_MISMATCH",
            "UNDER_AGE",
            "OVER_AGE",
            "UNKNOWN_AGE",
            "INVALID_ADDITIONAL_STEP",
            "ADDITIONAL_STEP_NOT_FOUND",
            "ADDITIONAL_STEP_INFORMATION_MISMATCH",
            "EXPIRED_ADDITIONAL_STEP_INFORMATION",
            "UTILITY_ADDRESS",
            "UTILITY_NAME",
            "EXPIRED_UTILITY_BILL",
            "REGISTRY_CENTER_INFO_MISMATCH",
            "DRIVER_LICENSE_INFO_MISMATCH",
            "NOT_SUPPORTED_POA_DOCUMENT_TYPE",
            "NOT_SUPPORTED_POA_DOCUMENT_COUNTRY",
            "POA_COUNTRIES_MISMATCH",
            "POA_SCREENSHOT_DETECTED",
        ],
    ),
    (
        "document-type",
        &[
            "ID_CARD",
            "PASSPORT",
            "RESIDENCE_PERMIT",
            "DRIVER_LICENSE",
            "PAN_CARD",
            "AADHAAR",
            "VISA",
            "NATIONAL_PASSPORT",
            "PROVISIONAL_DRIVER_LICENSE",
            "OLD_ID_CARD",
            "MILITARY_CARD",
            "BANK_ID_SE",
            "ADDRESS_CARD",
            "SMART_ID",
            "BANK_ID_NO",
            "BANK_ID_CZ",
            "CLEAR",
            "ONE_ID",
            "MIT_ID",
            "VERIMI",
            "SPID",
            "ITSME",
            "FTN",
            "YOTI_ID",
            "OTHER",
        ],
    ),
    ("sex", &["MALE", "FEMALE", "UNDEFINED"]),
    (
        "age-estimate",
        &[
            "UNDER_8", "OVER_8", "UNDER_13", "OVER_13", "OVER_16", "OVER_18", "OVER_21", "OVER_22",
            "OVER_25", "OVER_30",
        ],
    ),
    (
        "ip-proxy-risk-level",
        &[
            "VERY_LOW",
            "LOW",
            "MEDIUM",
            "HIGH",
            "VERY_HIGH",
            "NOT_CHECKED",
        ],
    ),
    ("additional-step-result", &["VALID", "INVALID", "NOT_FOUND"]),
    (
        "webhook-event-type",
        &[
            "IDENTIFICATION",
            "IDENTIFICATION_AUTO_FINISHED",
            "IDENTIFICATION_MANUAL_FINISHED",
            "IDENTIFICATION_EXPIRED",
            "IDENTIFICATION_CANCELLED",
            "IDENTIFICATION_RESUBMITTED",
            "DOCUMENT_EXPIRATION",
            "VIDEO_CALL_FINISHED",
        ],
    ),
    (
        "screening-status",
        &[
            "NOT_SUSPECTED",
            "SUSPECTED",
            "NOT_CHECKED",
            "NO_FLAGS",
            "FALSE_POSITIVE",
            "FLAGS_FOUND",
            "TRUE_POSITIVE",
        ],
    ),
];

/// Codes outside the fraud tags that are spoofing, blocklist or fraud signals all the same.
const SPOOFING: [(&str, &str); 5] = [
    ("face-result", "FAKE_FACE"),
    ("face-result", "FACE_SUSPECTED"),
    ("face-result", "FACE_BLACKLISTED"),
    ("document-result", "DOC_FAKE"),
    ("document-result", "DOC_SPOOF_DETECTED"),
];

/// Quality problems: the client can fix them, so the next step says what to ask for.
const QUALITY: [(&str, &str); 10] = [
    ("face-result", "NO_FACE_FOUND"),
    ("face-result", "TOO_MANY_FACES"),
    ("face-result", "FACE_TOO_BLURRY"),
    ("face-result", "FACE_GLARED"),
    ("document-result", "DOC_NOT_FOUND"),
    ("document-result", "DOC_NOT_FULLY_VISIBLE"),
    ("document-result", "DOC_TOO_BLURRY"),
    ("document-result", "DOC_GLARED"),
    ("document-result", "DOC_FACE_GLARED"),
    ("document-result", "DOC_SIDE_MISMATCH"),
];

/// Words of a next step that is handled inside the business.
const INTERNAL: [&str; 5] = [
    "compliance",
    "compare",
    "internal",
    "blocklist",
    "idenfy's support",
];

/// Words of advice to a client on how to do it again, differently.
const COACHING: [&str; 10] = [
    "try again",
    "use a different",
    "use another",
    "ask the client to",
    "ask the client for",
    "start a new verification",
    "retake the",
    "take the selfie",
    "without flash",
    "in good light",
];

/// Phrases that once stood in meanings for "iDenfy says no more than the name".
const HEDGES: [&str; 5] = [
    "going by its name",
    "does not explain",
    "beyond its name",
    "does not describe",
    "without explaining",
];

struct Entry {
    code: String,
    category: String,
    meaning: String,
    next_step: String,
    reading: String,
    source: String,
    disposition: String,
}

/// The whole vocabulary, as `explain --list --json` prints it.
fn vocabulary() -> Vec<Entry> {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["explain", "--list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = |item: &Value, key: &str| match &item[key] {
        Value::String(s) => s.clone(),
        other => panic!("{}: {key} is {other}", item["code"]),
    };
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| Entry {
            code: text(item, "code"),
            category: text(item, "category"),
            meaning: text(item, "meaning"),
            next_step: text(item, "nextStep"),
            reading: text(item, "reading"),
            disposition: text(item, "disposition"),
            source: text(item, "source"),
        })
        .collect()
}

fn entry<'a>(entries: &'a [Entry], category: &str, code: &str) -> &'a Entry {
    entries
        .iter()
        .find(|e| e.category == category && e.code == code)
        .unwrap_or_else(|| panic!("{category} {code} missing"))
}

#[test]
fn the_vocabulary_has_exactly_the_codes_idenfy_documents() {
    let entries = vocabulary();
    let mut categories: Vec<&str> = entries.iter().map(|e| e.category.as_str()).collect();
    categories.dedup();
    let expected: Vec<&str> = DOCUMENTED.iter().map(|&(category, _)| category).collect();
    assert_eq!(
        categories, expected,
        "categories missing, extra or out of order"
    );
    for (category, codes) in DOCUMENTED {
        let listed: Vec<&str> = entries
            .iter()
            .filter(|e| e.category == category)
            .map(|e| e.code.as_str())
            .collect();
        let missing: Vec<&&str> = codes.iter().filter(|c| !listed.contains(c)).collect();
        let invented: Vec<&&str> = listed.iter().filter(|c| !codes.contains(c)).collect();
        assert!(missing.is_empty(), "{category}: no entry for {missing:?}");
        assert!(
            invented.is_empty(),
            "{category}: not documented: {invented:?}"
        );
        assert_eq!(listed, codes, "{category}: not in iDenfy's order");
    }
    let total: usize = DOCUMENTED.iter().map(|(_, codes)| codes.len()).sum();
    assert_eq!(entries.len(), total);
}

#[test]
fn every_code_has_a_plain_meaning_and_a_next_step() {
    for e in vocabulary() {
        let code = format!("{} {}", e.category, e.code);
        for (what, text) in [("meaning", &e.meaning), ("next step", &e.next_step)] {
            assert!(!text.trim().is_empty(), "{code}: empty {what}");
            assert!(text.ends_with('.'), "{code}: {what} lacks a full stop");
            assert!(text.chars().count() <= 300, "{code}: {what} too long");
            assert!(!text.contains("  "), "{code}: double space in the {what}");
            let lower = text.to_lowercase();
            for hedge in HEDGES {
                assert!(!lower.contains(hedge), "{code}: {what} says {hedge:?}");
            }
        }
        assert!(
            matches!(e.source.as_str(), "documented" | "name"),
            "{code}: source {}",
            e.source
        );
        assert!(
            matches!(e.reading.as_str(), "good" | "bad" | "attention"),
            "{code}: reading {}",
            e.reading
        );
    }
}

#[test]
fn fraud_and_spoofing_next_steps_stay_with_the_business() {
    let entries = vocabulary();
    let mut signals: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.category == "fraud-tag")
        .collect();
    signals.extend(SPOOFING.iter().map(|&(c, code)| entry(&entries, c, code)));
    assert_eq!(signals.len(), 29 + SPOOFING.len());
    for e in signals {
        let step = e.next_step.to_lowercase();
        assert!(
            INTERNAL.iter().any(|word| step.contains(word)),
            "{} {}: the next step is not handled internally: {}",
            e.category,
            e.code,
            e.next_step
        );
        for advice in COACHING {
            assert!(
                !step.contains(advice),
                "{} {}: the next step coaches the client ({advice:?}): {}",
                e.category,
                e.code,
                e.next_step
            );
        }
    }
    for tag in ["DUPLICATE_FACE", "DUPLICATE_DOC_FACE"] {
        let field = if tag == "DUPLICATE_FACE" {
            "duplicateFaces"
        } else {
            "duplicateDocFaces"
        };
        let e = entry(&entries, "fraud-tag", tag);
        assert!(e.next_step.contains(field) && e.next_step.starts_with("Compare"));
    }
}

/// A code that holds a case for compliance leads the verdict with its own step: that step
/// must keep the case internal and never invite a new attempt, whatever the code's category.
#[test]
fn every_compliance_hold_sends_the_case_to_compliance_and_offers_no_new_attempt() {
    let entries = vocabulary();
    let holds: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.disposition == "compliance-hold")
        .collect();
    assert!(holds.len() > 30, "{}", holds.len());
    for e in holds {
        let step = e.next_step.to_lowercase();
        assert!(
            step.contains("compliance") || step.contains("idenfy's support"),
            "{} {}: {}",
            e.category,
            e.code,
            e.next_step
        );
        for advice in COACHING
            .iter()
            .chain(&["new verification", "sharper photo"])
        {
            let offered = step.contains(advice)
                && !step.contains(&format!("no {advice}"))
                && !step.contains(&format!("offer no {advice}"));
            assert!(
                !offered,
                "{} {}: a hold offers {advice:?}: {}",
                e.category, e.code, e.next_step
            );
        }
    }
}

#[test]
fn quality_problems_say_what_to_ask_the_client() {
    let entries = vocabulary();
    for (category, code) in QUALITY {
        let step = &entry(&entries, category, code).next_step;
        assert!(step.contains("ask the client"), "{code}: {step}");
        assert!(!step.contains("compliance"), "{code}: {step}");
    }
}

#[test]
fn data_values_say_when_there_is_nothing_to_do() {
    for e in vocabulary() {
        if matches!(e.category.as_str(), "document-type" | "sex") {
            assert!(
                e.next_step.starts_with("Nothing to do"),
                "{}: {}",
                e.code,
                e.next_step
            );
        }
    }
}

#[test]
fn results_and_statuses_read_by_the_rule() {
    const NOT_JUDGED: [&str; 5] = [
        "FACE_NOT_ANALYSED",
        "FACE_NOT_CHECKED",
        "DOC_NOT_ANALYSED",
        "AUTO_UNVERIFIABLE",
        "FACE_UNCERTAIN",
    ];
    let entries = vocabulary();
    for e in &entries {
        let code = e.code.as_str();
        let expected = match e.category.as_str() {
            "face-result" | "document-result" if matches!(code, "FACE_MATCH" | "DOC_VALIDATED") => {
                "good"
            }
            "face-result" | "document-result" if NOT_JUDGED.contains(&code) => "attention",
            "face-result" | "document-result" => "bad",
            "overall-status" if code == "APPROVED" => "good",
            "overall-status" if code == "DENIED" => "bad",
            "overall-status" | "mismatch-tag" => "attention",
            _ => continue,
        };
        assert_eq!(e.reading, expected, "{} {code}", e.category);
    }
    let reading = |category, code| entry(&entries, category, code).reading.as_str();
    assert_eq!(reading("ip-proxy-risk-level", "VERY_HIGH"), "bad");
    assert_eq!(reading("ip-proxy-risk-level", "HIGH"), "bad");
    assert_eq!(reading("ip-proxy-risk-level", "MEDIUM"), "attention");
    assert_eq!(reading("ip-proxy-risk-level", "LOW"), "good");
    assert_eq!(reading("additional-step-result", "VALID"), "good");
    assert_eq!(reading("additional-step-result", "INVALID"), "bad");
    assert_eq!(reading("additional-step-result", "NOT_FOUND"), "bad");
    assert_eq!(reading("document-type", "PASSPORT"), "good");
    assert_eq!(reading("sex", "FEMALE"), "good");
    assert_eq!(reading("fraud-tag", "DUPLICATE_FACE"), "bad");
    assert_eq!(reading("fraud-tag", "ADDRESS_UNVERIFIED"), "attention");
}
