//! The property that matters most: for any case that holds a compliance signal, a screening
//! hit, a screening that did not complete, a result that is not final or a webhook whose
//! signature does not hold, no output of any command in any format tells the support person
//! to tell the client it passed, or to offer a new attempt.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::app::hostile::all_layouts;
use crate::case::view as case;
use crate::cases::rows::{Answers, Columns, Layout};
use crate::lookup::view::status;
use crate::render::Style;
use crate::webhook::view as webhook;

/// Words that pass a client or invite another attempt.
const UNSAFE: [&str; 4] = [
    "the verification passed",
    "start a new verification",
    "ask the client for",
    "ask the client to",
];

fn any_of(codes: &[&'static str]) -> impl Strategy<Value = Value> {
    prop::sample::select(codes.to_vec()).prop_map(|c| Value::String(c.to_string()))
}

/// Results of every kind: passing, fixable, fraud, unknown, empty.
fn face() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_of(&[
            "FACE_MATCH",
            "FACE_MISMATCH",
            "FACE_TOO_BLURRY",
            "FAKE_FACE",
            "FACE_NEW",
            ""
        ]),
        Just(Value::Null),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_of(&[
            "DOC_VALIDATED",
            "DOC_EXPIRED",
            "DOC_GLARED",
            "DOC_FAKE",
            "DOC_NEW",
            ""
        ]),
        Just(Value::Null),
    ]
}

/// Tags a case may carry beside the one that holds it.
fn extra_tags() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(any_of(&["NAME", "DATE_OF_BIRTH", "UNDER_AGE"]), 0..3)
}

/// One signal that must stop a pass and a new attempt, as a change to the status, the
/// data, a top-level field, or the signature.
#[derive(Debug, Clone)]
enum Severe {
    FraudTag(&'static str),
    ScreeningHit(&'static str),
    ScreeningFailed(&'static str),
    NotFinal,
    Pending(&'static str),
    Duplicate,
    ProxyRisk,
    Signature(&'static str),
    ReviewOverruled,
}

fn severe() -> impl Strategy<Value = Severe> {
    prop_oneof![
        prop::sample::select(vec![
            "DOC_MOBILE_PHOTO",
            "AML_SUSPECTION",
            "LID_SUSPECTION",
            "DUPLICATE_FACE",
            "FACE_IN_BLACKLIST",
            "VIRTUAL_CAMERA",
            "AML_FAILED",
            "CRIMINAL_CHECK_FAILED",
            "A_TAG_NOBODY_KNOWS",
        ])
        .prop_map(Severe::FraudTag),
        prop::sample::select(vec!["AML", "aml", "LID", "lid", "CRIMINAL_CHECK"])
            .prop_map(Severe::ScreeningHit),
        prop::sample::select(vec!["AML", "LID", "CRIMINAL_CHECK"])
            .prop_map(Severe::ScreeningFailed),
        Just(Severe::NotFinal),
        prop::sample::select(vec!["REVIEWING", "ACTIVE"]).prop_map(Severe::Pending),
        Just(Severe::Duplicate),
        Just(Severe::ProxyRisk),
        prop::sample::select(vec!["invalid", "unchecked"]).prop_map(Severe::Signature),
        Just(Severe::ReviewOverruled),
    ]
}

/// A case: status, data and a webhook payload made of them, with the severe signal in it.
#[derive(Debug, Clone)]
struct Case {
    status: Map<String, Value>,
    data: Map<String, Value>,
    payload: Map<String, Value>,
    signature: Option<&'static str>,
}

fn case_with_signal() -> impl Strategy<Value = Case> {
    (
        any_of(&["APPROVED", "DENIED", "SUSPECTED", "EXPIRED"]),
        face(),
        face(),
        document(),
        document(),
        extra_tags(),
        severe(),
    )
        .prop_map(|(overall, auto_face, manual_face, auto_doc, manual_doc, mismatch, severe)| {
            let mut status = json!({
                "scanRef": "scan-1", "clientId": "client-1", "status": overall,
                "autoFace": auto_face, "manualFace": manual_face,
                "autoDocument": auto_doc, "manualDocument": manual_doc,
                "fraudTags": [], "mismatchTags": mismatch,
            });
            let mut data = json!({"docFirstName": "A", "docDob": "1990-01-01", "docExpiry": "2030-01-01"});
            let mut top = Map::new();
            let mut signature = None;
            match severe {
                Severe::FraudTag(tag) => status["fraudTags"] = json!([tag]),
                Severe::ScreeningHit(key) => {
                    top.insert(key.into(), json!([{"status": {"serviceSuspected": true, "checkSuccessful": true, "serviceFound": true, "serviceUsed": true, "overallStatus": "SUSPECTED"}, "data": [{"suspicion": "PEPS"}]}]));
                }
                Severe::ScreeningFailed(key) => {
                    top.insert(key.into(), json!([{"status": {"serviceSuspected": false, "checkSuccessful": false, "serviceFound": true, "serviceUsed": true, "overallStatus": "NOT_CHECKED"}, "errorMessage": "timeout"}]));
                }
                Severe::NotFinal => {
                    top.insert("final".into(), json!(false));
                }
                Severe::Pending(overall) => status["status"] = json!(overall),
                Severe::Duplicate => data["duplicateFaces"] = json!(["other-scan"]),
                Severe::ProxyRisk => data["clientIpProxyRiskLevel"] = json!("VERY_HIGH"),
                Severe::Signature(kind) => signature = Some(kind),
                Severe::ReviewOverruled => {
                    status["autoFace"] = json!("FACE_MATCH");
                    status["manualFace"] = json!("FACE_MISMATCH");
                }
            }
            let Value::Object(mut status) = status else { unreachable!() };
            let Value::Object(mut data) = data else { unreachable!() };
            // The API's answers carry screening and `final` at their top level too.
            for (key, value) in &top {
                status.insert(key.clone(), value.clone());
                data.insert(key.clone(), value.clone());
            }
            let mut hook = status.clone();
            hook.remove("scanRef");
            hook.remove("clientId");
            if let Some(overall) = hook.remove("status") {
                hook.insert("overall".into(), overall);
            }
            let mut payload = Map::new();
            payload.insert("final".into(), json!(true));
            payload.insert("scanRef".into(), json!("scan-1"));
            payload.insert("status".into(), Value::Object(hook));
            payload.insert("data".into(), Value::Object(data.clone()));
            for (key, value) in top {
                payload.insert(key, value);
            }
            Case { status, data, payload, signature }
        })
}

fn assert_safe(what: &str, text: &str) -> Result<(), TestCaseError> {
    let lower = text.to_lowercase();
    for words in UNSAFE {
        prop_assert!(!lower.contains(words), "{what} says {words:?}:\n{text}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: proptest::test_runner::RngSeed::Fixed(2026_1206),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_output_passes_a_held_pending_or_unverified_case_or_offers_a_new_attempt(case in case_with_signal()) {
        let now: jiff::Timestamp = "2026-12-06T12:00:00Z".parse().unwrap();
        let today = crate::render::today(now);
        let files = Map::new();
        let capture = crate::webhook::Capture {
            event_type: Some("IDENTIFICATION_MANUAL_FINISHED".into()),
            received_at: None,
            signature: Some(case.signature.unwrap_or("valid").into()),
            signed: Some(true),
            ..Default::default()
        };
        let mut docs = vec![("webhook show", webhook::show(&case.payload, &capture, Some("hook.json"), now))];
        // A signature belongs to a webhook; the API's answers stand on their own.
        let api = case.signature.is_none();
        if api {
            docs.push(("case", case::render(case::CaseParts { status: Ok(&case.status), data: Ok(&case.data), files: Ok(&files) }, now)));
        }
        // `status` sees only what its answer holds, not the data.
        if api && !case.data.contains_key("duplicateFaces") && !case.data.contains_key("clientIpProxyRiskLevel") {
            docs.push(("status", status::render(&case.status, today)));
        }
        for (what, doc) in &docs {
            for text in all_layouts(doc) {
                assert_safe(what, &text)?;
            }
        }
        if !api {
            return Ok(());
        }
        let page = crate::case::report::render(&crate::case::report::ReportPage {
            scan_ref: "scan-1",
            made_at: now,
            version: "test",
            redacted: false,
            status: Ok(&case.status),
            data: Ok(&case.data),
            files: Ok(&files),
            pdf: None,
            downloads: &[],
            sums: &[],
        });
        assert_safe("report.html", &page)?;
        let answers = Answers { status: Some(&case.status), data: Some(&case.data), failures: Vec::new() };
        for markdown in [false, true] {
            let layout = Layout::new(Columns::Case { today }, 6, Style { color: false, width: None, hyperlinks: false }, markdown);
            assert_safe("case row", &layout.row("scan-1", &answers))?;
        }
        let verdict = answers.verdict(Some(today)).to_json().to_string();
        assert_safe("case --json verdict", &verdict)?;
    }
}
