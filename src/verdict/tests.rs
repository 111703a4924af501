//! The scenario suite: bodies written from iDenfy's documented shapes, each with the
//! disposition it must get, the code the headline must lead with, and words the first
//! `Next:` must and must not contain.

use serde_json::{Map, Value, json};

use super::*;

fn today() -> Date {
    "2026-12-06".parse().unwrap()
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// A status body: APPROVED with both checks passing, then `changes` on top.
fn status(changes: Value) -> Map<String, Value> {
    let mut body = object(json!({
        "scanRef": "scan-1",
        "clientId": "client-1",
        "status": "APPROVED",
        "autoFace": "FACE_MATCH",
        "manualFace": "FACE_MATCH",
        "autoDocument": "DOC_VALIDATED",
        "manualDocument": "DOC_VALIDATED",
        "fraudTags": [],
        "mismatchTags": []
    }));
    body.extend(object(changes));
    body
}

/// A webhook payload as iDenfy sends it, `final: true`, then `changes` on top.
fn payload(overall: Value, changes: Value) -> Map<String, Value> {
    let mut body = object(json!({
        "final": true,
        "platform": "PC",
        "scanRef": "scan-1",
        "clientId": "client-1",
        "status": {
            "overall": "APPROVED",
            "fraudTags": [],
            "mismatchTags": [],
            "autoFace": "FACE_MATCH",
            "manualFace": "FACE_MATCH",
            "autoDocument": "DOC_VALIDATED",
            "manualDocument": "DOC_VALIDATED"
        },
        "data": {"docFirstName": "A", "docDob": "1990-01-01", "manuallyDataChanged": false}
    }));
    if let Some(Value::Object(status)) = body.get_mut("status") {
        status.extend(object(overall));
    }
    body.extend(object(changes));
    body
}

fn on_status(body: &Map<String, Value>) -> Verdict {
    assess(&Input {
        status: Some(body),
        ..Input::new(Some(today()))
    })
}

fn on_case(status: &Map<String, Value>, data: &Map<String, Value>) -> Verdict {
    assess(&Input {
        status: Some(status),
        data: Some(data),
        ..Input::new(Some(today()))
    })
}

fn on_webhook(body: &Map<String, Value>, signature: Signature, event: Option<&str>) -> Verdict {
    let parts = crate::model::webhook::split(body);
    assess(&Input {
        status: Some(&parts.status),
        data: parts.data,
        webhook: Some(Webhook {
            payload: body,
            signature,
            event_type: event,
            file: Some("saved hook.json"),
        }),
        ..Input::new(Some(today()))
    })
}

/// What a scenario must show.
struct Expect {
    disposition: Disposition,
    lead: &'static str,
    next_has: &'static [&'static str],
    next_lacks: &'static [&'static str],
}

/// Words that tell a support person to pass a client or to offer another attempt.
const CLIENT_PASS_OR_RETRY: [&str; 4] = [
    "verification passed",
    "start a new verification",
    "ask the client for",
    "ask the client to",
];

fn check(name: &str, verdict: &Verdict, expect: &Expect) {
    assert_eq!(
        verdict.disposition, expect.disposition,
        "{name}: {:#?}",
        verdict.findings
    );
    let lead = verdict.lead().expect("a lead finding");
    assert_eq!(lead.code, expect.lead, "{name}: {:#?}", verdict.findings);
    assert!(
        verdict.headline().contains(expect.lead)
            || (expect.disposition == Disposition::Passed
                && verdict
                    .headline()
                    .starts_with("APPROVED: the verification passed")),
        "{name}: headline {}",
        verdict.headline()
    );
    let next = verdict.next().to_lowercase();
    for word in expect.next_has {
        assert!(
            next.contains(&word.to_lowercase()),
            "{name}: next {next:?} lacks {word:?}"
        );
    }
    for word in expect.next_lacks {
        assert!(
            !next.contains(&word.to_lowercase()),
            "{name}: next {next:?} has {word:?}"
        );
    }
    if expect.disposition < Disposition::ClientAction {
        let stance = verdict.disposition.instruction().to_lowercase();
        for words in CLIENT_PASS_OR_RETRY {
            assert!(
                !next.contains(words),
                "{name}: next {next:?} says {words:?}"
            );
            assert!(!stance.contains(words), "{name}: {stance:?} says {words:?}");
        }
    }
}

const HOLD: &[&str] = &["compliance"];
const NOTHING: &[&str] = &[];

#[test]
fn every_overall_status() {
    let cases: [(&str, Expect); 10] = [
        (
            "APPROVED",
            Expect {
                disposition: Disposition::Passed,
                lead: "APPROVED",
                next_has: &["tell the client the verification passed"],
                next_lacks: NOTHING,
            },
        ),
        (
            "DENIED",
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "STATUS_UNEXPLAINED",
                next_has: &["dashboard"],
                next_lacks: &["passed"],
            },
        ),
        (
            "SUSPECTED",
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "STATUS_UNEXPLAINED",
                next_has: &["dashboard"],
                next_lacks: &["passed"],
            },
        ),
        (
            "REVIEWING",
            Expect {
                disposition: Disposition::Pending,
                lead: "REVIEWING",
                next_has: &["pending"],
                next_lacks: &["passed"],
            },
        ),
        (
            "ACTIVE",
            Expect {
                disposition: Disposition::Pending,
                lead: "ACTIVE",
                next_has: &["same link"],
                next_lacks: &["passed"],
            },
        ),
        (
            "EXPIRED",
            Expect {
                disposition: Disposition::ClientAction,
                lead: "EXPIRED",
                next_has: &["new verification"],
                next_lacks: &["passed"],
            },
        ),
        (
            "EXPIRED-DELETED",
            Expect {
                disposition: Disposition::ClientAction,
                lead: "EXPIRED-DELETED",
                next_has: &["new verification"],
                next_lacks: &["passed"],
            },
        ),
        (
            "DELETED",
            Expect {
                disposition: Disposition::BusinessDecides,
                lead: "DELETED",
                next_has: &["nothing can be read"],
                next_lacks: &["passed"],
            },
        ),
        (
            "ARCHIVED",
            Expect {
                disposition: Disposition::BusinessDecides,
                lead: "ARCHIVED",
                next_has: &["support"],
                next_lacks: &["passed"],
            },
        ),
        (
            "NEW_STATUS",
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "NEW_STATUS",
                next_has: &["no result", "support"],
                next_lacks: &["passed"],
            },
        ),
    ];
    for (overall, expect) in cases {
        let body = status(json!({"status": overall}));
        check(overall, &on_status(&body), &expect);
    }
    let missing = status(json!({"status": null}));
    check(
        "no status",
        &on_status(&missing),
        &Expect {
            disposition: Disposition::ComplianceHold,
            lead: "NO_STATUS",
            next_has: &["no result"],
            next_lacks: NOTHING,
        },
    );
}

#[test]
fn automatic_and_manual_results_disagreeing_and_empty() {
    let cases: [(&str, Value, Expect); 7] = [
        (
            "approved, automatic face mismatch and no manual result",
            json!({"autoFace": "FACE_MISMATCH", "manualFace": null}),
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "STATUS_CONTRADICTS_RESULTS",
                next_has: &["dashboard"],
                next_lacks: &["selfie"],
            },
        ),
        (
            "approved, manual face empty as not reviewed yet",
            json!({"autoFace": "FACE_MISMATCH", "manualFace": ""}),
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "STATUS_CONTRADICTS_RESULTS",
                next_has: &["dashboard"],
                next_lacks: &["selfie"],
            },
        ),
        (
            "denied, a review turned a face match into a mismatch",
            json!({"status": "DENIED", "autoFace": "FACE_MATCH", "manualFace": "FACE_MISMATCH"}),
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "FACE_MISMATCH",
                next_has: &["compliance"],
                next_lacks: &["selfie in even light", "new verification"],
            },
        ),
        (
            "denied, a review turned a valid document into an expired one",
            json!({"status": "DENIED", "autoDocument": "DOC_VALIDATED", "manualDocument": "DOC_EXPIRED"}),
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "DOC_EXPIRED",
                next_has: &["compliance"],
                next_lacks: NOTHING,
            },
        ),
        (
            "approved, a review cleared an automatic mismatch",
            json!({"autoFace": "FACE_MISMATCH", "manualFace": "FACE_MATCH"}),
            Expect {
                disposition: Disposition::Passed,
                lead: "APPROVED",
                next_has: &["passed"],
                next_lacks: NOTHING,
            },
        ),
        (
            "denied with an automatic blur and no review",
            json!({"status": "DENIED", "autoFace": "FACE_TOO_BLURRY", "manualFace": ""}),
            Expect {
                disposition: Disposition::ClientAction,
                lead: "FACE_TOO_BLURRY",
                next_has: &["new verification"],
                next_lacks: &["passed"],
            },
        ),
        (
            "denied, every result passing and no tag: changed by hand",
            json!({"status": "DENIED"}),
            Expect {
                disposition: Disposition::ComplianceHold,
                lead: "STATUS_UNEXPLAINED",
                next_has: &["dashboard"],
                next_lacks: NOTHING,
            },
        ),
    ];
    for (name, changes, expect) in cases {
        check(name, &on_status(&status(changes)), &expect);
    }
    let review = on_status(&status(
        json!({"status": "DENIED", "autoFace": "FACE_MATCH", "manualFace": "FACE_MISMATCH"}),
    ));
    assert_eq!(review.lead().unwrap().kind, Kind::Review);
}

#[test]
fn each_kind_of_tag_on_each_status() {
    let tags: [(&str, &str, Disposition); 6] = [
        ("fraudTags", "DOC_MOBILE_PHOTO", Disposition::ComplianceHold),
        ("fraudTags", "AML_SUSPECTION", Disposition::ComplianceHold),
        ("fraudTags", "DUPLICATE_FACE", Disposition::ComplianceHold),
        ("fraudTags", "AML_FAILED", Disposition::NotScreened),
        ("mismatchTags", "NAME", Disposition::BusinessDecides),
        ("fraudTags", "SOMETHING_NEW", Disposition::ComplianceHold),
    ];
    for overall in ["APPROVED", "DENIED", "SUSPECTED"] {
        for (field, tag, disposition) in tags {
            let body = status(json!({"status": overall, field: [tag]}));
            let verdict = on_status(&body);
            let name = format!("{overall} with {tag}");
            assert_eq!(
                verdict.disposition, disposition,
                "{name}: {:#?}",
                verdict.findings
            );
            assert_eq!(verdict.lead().unwrap().code, tag, "{name}");
            assert!(
                verdict.headline().contains(tag),
                "{name}: {}",
                verdict.headline()
            );
            assert!(verdict.headline().starts_with(overall), "{name}");
            let next = verdict.next().to_lowercase();
            assert!(!next.contains("passed"), "{name}: {next}");
            assert!(!next.contains("start a new verification"), "{name}: {next}");
        }
    }
    let unknown = on_status(&status(json!({"fraudTags": ["SOMETHING_NEW"]})));
    let lead = unknown.lead().unwrap();
    assert!(lead.meaning.contains("does not know"), "{}", lead.meaning);
    assert!(lead.next.contains("compliance"));
}

#[test]
fn a_forger_is_never_coached_to_retry() {
    // The expired document plus a screen photo: the hold leads, the retake waits.
    let body = status(json!({
        "status": "DENIED",
        "autoDocument": "DOC_EXPIRED",
        "manualDocument": "DOC_EXPIRED",
        "fraudTags": ["DOC_MOBILE_PHOTO"]
    }));
    let verdict = on_status(&body);
    check(
        "expired document and a spoof tag",
        &verdict,
        &Expect {
            disposition: Disposition::ComplianceHold,
            lead: "DOC_MOBILE_PHOTO",
            next_has: HOLD,
            next_lacks: &["expired", "new verification"],
        },
    );
    let expired = verdict
        .findings
        .iter()
        .find(|f| f.code == "DOC_EXPIRED")
        .unwrap();
    assert!(verdict.held(expired));
    let json = verdict.to_json();
    let held = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "DOC_EXPIRED")
        .unwrap();
    assert_eq!(held["next"], Value::Null);
    assert_eq!(json["disposition"], "compliance-hold");
}

#[test]
fn every_screening_key_with_a_hit_a_failed_check_and_a_clean_result() {
    let service = |suspected: bool, successful: bool, overall: &str| {
        json!([{
            "status": {"serviceSuspected": suspected, "checkSuccessful": successful, "serviceFound": true, "serviceUsed": true, "overallStatus": overall},
            "data": if suspected { json!([{"name": "N", "suspicion": "PEPS", "reason": "GOVERNMENT"}]) } else { json!([]) },
            "serviceName": "PilotApiAmlV2",
            "errorMessage": if successful { Value::Null } else { json!("timeout") }
        }])
    };
    for (key, code) in [
        ("AML", "AML"),
        ("aml", "AML"),
        ("LID", "LID"),
        ("lid", "LID"),
        ("CRIMINAL_CHECK", "CRIMINAL_CHECK"),
    ] {
        let hit = payload(json!({}), json!({ key: service(true, true, "SUSPECTED") }));
        check(
            &format!("{key} hit"),
            &on_webhook(
                &hit,
                Signature::Valid,
                Some("IDENTIFICATION_MANUAL_FINISHED"),
            ),
            &Expect {
                disposition: Disposition::ComplianceHold,
                lead: &*format!("{code}_HIT").leak(),
                next_has: &["compliance", "do not tell the client"],
                next_lacks: NOTHING,
            },
        );
        let failed = payload(
            json!({}),
            json!({ key: service(false, false, "NOT_CHECKED") }),
        );
        check(
            &format!("{key} failed"),
            &on_webhook(&failed, Signature::Valid, None),
            &Expect {
                disposition: Disposition::NotScreened,
                lead: &*format!("{code}_CHECK_FAILED").leak(),
                next_has: &["no result yet"],
                next_lacks: NOTHING,
            },
        );
        let clean = payload(
            json!({}),
            json!({ key: service(false, true, "NOT_SUSPECTED") }),
        );
        check(
            &format!("{key} clean"),
            &on_webhook(&clean, Signature::Valid, None),
            &Expect {
                disposition: Disposition::Passed,
                lead: "APPROVED",
                next_has: &["passed"],
                next_lacks: NOTHING,
            },
        );
        let not_run = payload(
            json!({}),
            json!({ key: [{"status": {"serviceSuspected": false, "checkSuccessful": true, "serviceFound": false, "serviceUsed": false, "overallStatus": "NOT_CHECKED"}}] }),
        );
        check(
            &format!("{key} not run"),
            &on_webhook(&not_run, Signature::Valid, None),
            &Expect {
                disposition: Disposition::NotScreened,
                lead: &*format!("{code}_NOT_RUN").leak(),
                next_has: &["no result yet"],
                next_lacks: NOTHING,
            },
        );
    }
    // The hit names the kind of suspicion.
    let hit = payload(json!({}), json!({"AML": service(true, true, "SUSPECTED")}));
    let verdict = on_webhook(&hit, Signature::Valid, None);
    assert!(
        verdict.lead().unwrap().meaning.contains("PEPS"),
        "{:?}",
        verdict.lead()
    );
    // amlCheck and the monitoring statuses.
    let monitoring: [(Value, Disposition, &str); 6] = [
        (
            json!({"amlCheck": {"overallStatus": "FLAGS_FOUND", "amlCheck": [{"name": "N"}]}}),
            Disposition::ComplianceHold,
            "AML_HIT",
        ),
        (
            json!({"amlCheck": {"overallStatus": "NO_FLAGS"}}),
            Disposition::Passed,
            "APPROVED",
        ),
        (
            json!({"amlCheck": {"overallStatus": "NOT_CHECKED"}}),
            Disposition::NotScreened,
            "AML_NOT_RUN",
        ),
        (
            json!({"pepsStatus": "TRUE_POSITIVE"}),
            Disposition::ComplianceHold,
            "PEPS_HIT",
        ),
        (
            json!({"sanctionsStatus": "FALSE_POSITIVE", "adverseMediaStatus": "FLAGS_FOUND"}),
            Disposition::ComplianceHold,
            "ADVERSE_MEDIA_HIT",
        ),
        (
            json!({"sanctionsStatus": "SOMETHING_NEW"}),
            Disposition::ComplianceHold,
            "SANCTIONS_UNKNOWN",
        ),
    ];
    for (changes, disposition, lead) in monitoring {
        let body = payload(json!({}), changes.clone());
        let verdict = on_webhook(&body, Signature::Valid, None);
        assert_eq!(
            verdict.disposition, disposition,
            "{changes}: {:#?}",
            verdict.findings
        );
        assert_eq!(verdict.lead().unwrap().code, lead, "{changes}");
    }
}

#[test]
fn final_true_false_and_absent() {
    let not_final = payload(json!({}), json!({"final": false}));
    check(
        "final false",
        &on_webhook(
            &not_final,
            Signature::Valid,
            Some("IDENTIFICATION_AUTO_FINISHED"),
        ),
        &Expect {
            disposition: Disposition::Pending,
            lead: "NOT_FINAL",
            next_has: &["pending", "IDENTIFICATION_MANUAL_FINISHED"],
            next_lacks: &["passed"],
        },
    );
    let mut absent = payload(
        json!({"manualFace": null, "manualDocument": null}),
        json!({}),
    );
    absent.remove("final");
    check(
        "final absent from a webhook",
        &on_webhook(&absent, Signature::Valid, Some("IDENTIFICATION")),
        &Expect {
            disposition: Disposition::Pending,
            lead: "FINAL_UNKNOWN",
            next_has: &["webhook diff"],
            next_lacks: &["passed"],
        },
    );
    let final_true = payload(json!({}), json!({}));
    check(
        "final true",
        &on_webhook(
            &final_true,
            Signature::Valid,
            Some("IDENTIFICATION_AUTO_FINISHED"),
        ),
        &Expect {
            disposition: Disposition::Passed,
            lead: "APPROVED",
            next_has: &["passed"],
            next_lacks: NOTHING,
        },
    );
    // The API's own answer: `final` read at the top level, absent means the answer as it stands.
    let api_not_final = status(json!({"final": false}));
    check(
        "status body with final false",
        &on_status(&api_not_final),
        &Expect {
            disposition: Disposition::Pending,
            lead: "NOT_FINAL",
            next_has: &["pending"],
            next_lacks: &["passed"],
        },
    );
    check(
        "status body without final",
        &on_status(&status(json!({}))),
        &Expect {
            disposition: Disposition::Passed,
            lead: "APPROVED",
            next_has: &["passed"],
            next_lacks: NOTHING,
        },
    );
}

#[test]
fn every_event_type() {
    let cases: [(&str, Disposition, &str); 9] = [
        ("IDENTIFICATION", Disposition::Passed, "APPROVED"),
        (
            "IDENTIFICATION_AUTO_FINISHED",
            Disposition::Passed,
            "APPROVED",
        ),
        (
            "IDENTIFICATION_MANUAL_FINISHED",
            Disposition::Passed,
            "APPROVED",
        ),
        (
            "IDENTIFICATION_RESUBMITTED",
            Disposition::Passed,
            "APPROVED",
        ),
        ("VIDEO_CALL_FINISHED", Disposition::Passed, "APPROVED"),
        // An APPROVED payload under an event that says the verification never finished.
        (
            "IDENTIFICATION_EXPIRED",
            Disposition::ComplianceHold,
            "EVENT_CONTRADICTS_STATUS",
        ),
        (
            "IDENTIFICATION_CANCELLED",
            Disposition::ComplianceHold,
            "EVENT_CONTRADICTS_STATUS",
        ),
        (
            "DOCUMENT_EXPIRATION",
            Disposition::ClientAction,
            "DOCUMENT_EXPIRATION",
        ),
        (
            "SOMETHING_NEW",
            Disposition::ComplianceHold,
            "SOMETHING_NEW",
        ),
    ];
    for (event, disposition, lead) in cases {
        let body = payload(json!({}), json!({}));
        let verdict = on_webhook(&body, Signature::Valid, Some(event));
        assert_eq!(
            verdict.disposition, disposition,
            "{event}: {:#?}",
            verdict.findings
        );
        assert_eq!(verdict.lead().unwrap().code, lead, "{event}");
        if disposition != Disposition::Passed {
            assert!(
                !verdict.next().contains("passed"),
                "{event}: {}",
                verdict.next()
            );
        }
    }
    // A resubmission that is not final waits for its review.
    let body = payload(json!({}), json!({"final": false}));
    let verdict = on_webhook(&body, Signature::Valid, Some("IDENTIFICATION_RESUBMITTED"));
    assert_eq!(verdict.disposition, Disposition::Pending);
}

#[test]
fn an_invalid_missing_or_unchecked_signature_is_not_acted_on() {
    let body = payload(json!({}), json!({}));
    for (signature, lead) in [
        (Signature::Invalid, "SIGNATURE_INVALID"),
        (Signature::Missing, "SIGNATURE_MISSING"),
        (Signature::Unchecked, "SIGNATURE_UNCHECKED"),
        (Signature::NotRecorded, "SIGNATURE_NOT_CHECKED"),
    ] {
        check(
            lead,
            &on_webhook(&body, signature, Some("IDENTIFICATION_MANUAL_FINISHED")),
            &Expect {
                disposition: Disposition::DoNotAct,
                lead,
                next_has: &["webhook"],
                next_lacks: &["passed"],
            },
        );
    }
}

#[test]
fn each_data_side_signal() {
    let approved = status(json!({}));
    let cases: [(Value, Disposition, &str); 8] = [
        (
            json!({"duplicateFaces": ["other-1", "other-2"]}),
            Disposition::ComplianceHold,
            "DUPLICATE_FACES",
        ),
        (
            json!({"duplicateDocFaces": ["other-1"]}),
            Disposition::ComplianceHold,
            "DUPLICATE_DOC_FACES",
        ),
        (
            json!({"clientIpProxyRiskLevel": "VERY_HIGH"}),
            Disposition::ComplianceHold,
            "VERY_HIGH",
        ),
        (
            json!({"clientIpProxyRiskLevel": "HIGH"}),
            Disposition::ComplianceHold,
            "HIGH",
        ),
        (
            json!({"ageEstimate": "UNDER_13", "docDob": "1980-02-01"}),
            Disposition::ComplianceHold,
            "UNDER_13",
        ),
        (
            json!({"ageEstimate": "OVER_30", "docDob": "2007-02-01"}),
            Disposition::ComplianceHold,
            "OVER_30",
        ),
        (
            json!({"ageEstimate": "UNDER_13", "docDob": "2016-02-01"}),
            Disposition::BusinessDecides,
            "UNDER_13",
        ),
        (
            json!({"manuallyDataChanged": true}),
            Disposition::BusinessDecides,
            "DATA_CHANGED_BY_REVIEW",
        ),
    ];
    for (data, disposition, lead) in cases {
        let verdict = on_case(&approved, &object(data.clone()));
        assert_eq!(
            verdict.disposition, disposition,
            "{data}: {:#?}",
            verdict.findings
        );
        assert_eq!(verdict.lead().unwrap().code, lead, "{data}");
        assert!(!verdict.next().contains("verification passed"), "{data}");
    }
    let contradiction = on_case(
        &approved,
        &object(json!({"ageEstimate": "UNDER_13", "docDob": "1980-02-01"})),
    );
    assert_eq!(contradiction.lead().unwrap().code, "UNDER_13");
    assert_eq!(contradiction.lead().unwrap().kind, Kind::AgeEstimate);
    assert!(
        contradiction
            .lead()
            .unwrap()
            .meaning
            .contains("about 46 (born in 1980)")
    );
    // The same with the date of birth masked by --redact.
    let masked = on_case(
        &approved,
        &object(json!({"ageEstimate": "UNDER_13", "docDob": "1980-**-**"})),
    );
    assert_eq!(masked.lead(), contradiction.lead());
    // Quiet data adds nothing.
    let quiet = on_case(
        &approved,
        &object(
            json!({"clientIpProxyRiskLevel": "LOW", "ageEstimate": "OVER_25", "docDob": "1990-01-01", "duplicateFaces": null, "manuallyDataChanged": false}),
        ),
    );
    assert_eq!(quiet.disposition, Disposition::Passed);
    // Additional steps in a webhook's status.
    let step = payload(
        json!({"additionalSteps": {"UTILITY_BILL": "INVALID"}}),
        json!({}),
    );
    let verdict = on_webhook(&step, Signature::Valid, None);
    assert_eq!(verdict.disposition, Disposition::ClientAction);
    assert_eq!(verdict.lead().unwrap().code, "INVALID");
}

#[test]
fn combinations() {
    // APPROVED, an AML hit, and not final: the hold leads, the rest follow.
    let body = payload(
        json!({}),
        json!({"final": false, "AML": [{"status": {"serviceSuspected": true, "checkSuccessful": true, "serviceFound": true, "serviceUsed": true, "overallStatus": "SUSPECTED"}, "data": [{"suspicion": "PEPS"}], "serviceName": "PilotApiAmlV2"}]}),
    );
    let verdict = on_webhook(
        &body,
        Signature::Valid,
        Some("IDENTIFICATION_AUTO_FINISHED"),
    );
    check(
        "approved, AML hit, not final",
        &verdict,
        &Expect {
            disposition: Disposition::ComplianceHold,
            lead: "AML_HIT",
            next_has: &["do not tell the client"],
            next_lacks: &["passed"],
        },
    );
    assert!(
        verdict
            .headline()
            .starts_with("APPROVED: the AML screening found a record"),
        "{}",
        verdict.headline()
    );
    let codes: Vec<&str> = verdict.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["AML_HIT", "NOT_FINAL"]);
    // ... and with an invalid signature, nothing may be acted on at all.
    let verdict = on_webhook(&body, Signature::Invalid, None);
    assert_eq!(verdict.disposition, Disposition::DoNotAct);
    assert_eq!(
        verdict.findings.iter().filter(|f| !verdict.held(f)).count(),
        1
    );
    // A fraud tag on an APPROVED status is not a pass.
    let body = status(json!({"fraudTags": ["DUPLICATE_FACE"]}));
    check(
        "approved with a duplicate face",
        &on_status(&body),
        &Expect {
            disposition: Disposition::ComplianceHold,
            lead: "DUPLICATE_FACE",
            next_has: HOLD,
            next_lacks: &["passed"],
        },
    );
    // SUSPECTED with passing checks and only mismatch tags: the business decides.
    let body = status(json!({"status": "SUSPECTED", "mismatchTags": ["NAME", "SURNAME"]}));
    let verdict = on_status(&body);
    assert_eq!(verdict.disposition, Disposition::BusinessDecides);
    assert!(
        verdict.headline().contains("and 1 more finding"),
        "{}",
        verdict.headline()
    );
}

#[test]
fn the_headline_counts_and_reads_as_a_sentence() {
    let body = status(
        json!({"status": "DENIED", "autoDocument": "DOC_EXPIRED", "manualDocument": "DOC_EXPIRED"}),
    );
    assert_eq!(
        on_status(&body).headline(),
        "DENIED: the document has expired (DOC_EXPIRED)"
    );
    let passed = on_status(&status(json!({})));
    assert_eq!(
        passed.headline(),
        "APPROVED: the verification passed, final and with nothing else found"
    );
    assert_eq!(clause("NFC chip unreadable."), "NFC chip unreadable");
}

/// Shapes a server should not send, each of which once let a case pass or read wrong.
#[test]
fn odd_shapes_are_held_never_passed() {
    let hold = |name: &str, verdict: Verdict| {
        assert!(
            verdict.disposition <= Disposition::ComplianceHold,
            "{name}: {:#?}",
            verdict.findings
        );
        assert!(!verdict.next().contains("passed"), "{name}");
    };
    let webhook = |changes: Value| on_webhook(&payload(json!({}), changes), Signature::Valid, None);
    // Screening results that cannot be read, or records with flags that say otherwise.
    hold(
        "AML status null",
        webhook(json!({"AML": [{"status": null, "data": [{"suspicion": "PEPS"}]}]})),
    );
    hold(
        "AML status empty",
        webhook(json!({"AML": [{"status": {}, "data": []}]})),
    );
    hold(
        "AML flag as text",
        webhook(
            json!({"AML": [{"status": {"serviceSuspected": "true", "checkSuccessful": true}, "data": []}]}),
        ),
    );
    hold(
        "AML records under a clean flag",
        webhook(
            json!({"AML": [{"status": {"serviceSuspected": false, "checkSuccessful": true, "overallStatus": "NOT_SUSPECTED"}, "data": [{"name": "N"}]}]}),
        ),
    );
    let bare = webhook(json!({"AML": "SUSPECTED"}));
    assert_eq!(bare.lead().unwrap().code, "AML_HIT");
    // Results that are missing or not text.
    let missing = on_status(&object(json!({"status": "APPROVED"})));
    hold("approved with no results", missing.clone());
    assert_eq!(missing.lead().unwrap().code, "RESULTS_MISSING");
    assert!(
        !missing.headline().contains("came out fine"),
        "{}",
        missing.headline()
    );
    hold(
        "face as a number",
        on_status(&status(json!({"autoFace": 123, "manualFace": null}))),
    );
    hold(
        "manual face as an object",
        on_status(&status(json!({"manualFace": {"result": "FACE_MISMATCH"}}))),
    );
    let padded = on_status(&status(json!({"manualFace": "FACE_MATCH "})));
    hold("manual face padded", padded.clone());
    assert_eq!(padded.lead().unwrap().code, "FACE_MATCH ");
    assert!(padded.lead().unwrap().meaning.contains("does not know"));
    assert!(
        !padded.findings.iter().any(|f| f.kind == Kind::Review),
        "{:#?}",
        padded.findings
    );
    // A step result this tool cannot read is not dropped: no pass until support says.
    let step = on_webhook(
        &payload(
            json!({"additionalSteps": {"UTILITY_BILL": {"status": "INVALID"}}}),
            json!({}),
        ),
        Signature::Valid,
        None,
    );
    assert_eq!(
        step.disposition,
        Disposition::BusinessDecides,
        "{:#?}",
        step.findings
    );
    assert!(step.next().contains("iDenfy's support"));
    // Data signals of another shape, or in lower case.
    let approved = status(json!({}));
    for data in [
        json!({"duplicateFaces": 2}),
        json!({"duplicateDocFaces": {"scanRef": "x"}}),
        json!({"clientIpProxyRiskLevel": 5}),
        json!({"ageEstimate": "under_13", "docDob": "1980-01-01"}),
    ] {
        hold(&data.to_string(), on_case(&approved, &object(data.clone())));
    }
    // An unknown mismatch tag may be a fraud signal.
    hold(
        "unknown mismatch tag",
        on_status(&status(
            json!({"status": "SUSPECTED", "mismatchTags": ["registry_center_info_mismatch"]}),
        )),
    );
    // An empty status is no status.
    let empty = on_status(&status(json!({"status": ""})));
    assert_eq!(empty.lead().unwrap().code, "NO_STATUS");
    assert!(
        empty.headline().starts_with("NO STATUS: "),
        "{}",
        empty.headline()
    );
}

#[test]
fn a_denied_status_is_explained_only_by_what_can_explain_it() {
    // A reviewer's change to the data does not say why a verification was denied.
    let data = object(json!({"manuallyDataChanged": true}));
    let verdict = on_case(&status(json!({"status": "DENIED"})), &data);
    assert_eq!(verdict.lead().unwrap().code, "STATUS_UNEXPLAINED");
    let odd_step = payload(
        json!({"overall": "DENIED", "additionalSteps": "SOMETHING_NEW"}),
        json!({}),
    );
    let verdict = on_webhook(&odd_step, Signature::Valid, None);
    assert_eq!(
        verdict.lead().unwrap().code,
        "STATUS_UNEXPLAINED",
        "{:#?}",
        verdict.findings
    );
    let invalid_step = payload(
        json!({"overall": "DENIED", "additionalSteps": "INVALID"}),
        json!({}),
    );
    let verdict = on_webhook(&invalid_step, Signature::Valid, None);
    assert_eq!(
        verdict.disposition,
        Disposition::ClientAction,
        "{:#?}",
        verdict.findings
    );
}

#[test]
fn an_event_that_never_finished_over_a_finished_result_is_held() {
    let body = payload(json!({}), json!({}));
    for event in ["IDENTIFICATION_EXPIRED", "identification_cancelled"] {
        let verdict = on_webhook(&body, Signature::Valid, Some(event));
        assert_eq!(
            verdict.lead().unwrap().code,
            "EVENT_CONTRADICTS_STATUS",
            "{event}"
        );
        assert!(
            !verdict
                .next()
                .to_lowercase()
                .contains("start a new verification")
        );
    }
    let expired = payload(
        json!({"overall": "EXPIRED", "manualFace": null, "manualDocument": null, "autoFace": null, "autoDocument": null}),
        json!({}),
    );
    let verdict = on_webhook(&expired, Signature::Valid, Some("IDENTIFICATION_EXPIRED"));
    assert_eq!(
        verdict.disposition,
        Disposition::ClientAction,
        "{:#?}",
        verdict.findings
    );
}

#[test]
fn a_case_whose_data_could_not_be_read_is_never_passed() {
    let approved = status(json!({"status": "APPROVED"}));
    let verdict = assess(&Input {
        status: Some(&approved),
        data_unread: Some("HTTP 502"),
        ..Input::new(Some(today()))
    });
    assert_eq!(verdict.disposition, Disposition::Pending);
    assert_eq!(verdict.lead().unwrap().code, "DATA_UNREAD");
    // Anything more severe still leads.
    let denied = status(json!({"status": "DENIED", "fraudTags": ["DOC_PRINT_SPOOFED"]}));
    let verdict = assess(&Input {
        status: Some(&denied),
        data_unread: Some("HTTP 502"),
        ..Input::new(Some(today()))
    });
    assert_eq!(verdict.disposition, Disposition::ComplianceHold);
}
