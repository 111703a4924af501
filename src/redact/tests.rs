use super::*;
use serde_json::json;

fn masked(input: Value) -> Value {
    let Value::Object(map) = input else {
        unreachable!("a body is an object")
    };
    Value::Object(body(&map))
}

#[test]
fn field_names_split_into_words() {
    assert_eq!(key_words("dateOfBirth"), ["date", "of", "birth"]);
    assert_eq!(key_words("postal_code"), ["postal", "code"]);
    assert_eq!(key_words("clientIP"), ["client", "ip"]);
}

#[test]
fn names_that_run_words_together_are_still_read() {
    for (key, mask) in [
        ("firstname", Mask::Words),
        ("lastname", Mask::Words),
        ("fullname", Mask::Words),
        ("aliases", Mask::Words),
        ("mail", Mask::Words),
        ("contact", Mask::Words),
        ("birthdate", Mask::BirthDate),
        ("dateofbirth", Mask::BirthDate),
        ("telephone", Mask::Number),
        ("nationalId", Mask::Number),
        ("national_id", Mask::Number),
        ("externalRef", Mask::Number),
        ("customerRef", Mask::Number),
        ("profileUrl", Mask::Link),
        ("motherName", Mask::Words),
        ("clientIpProxyRiskLevel", Mask::Keep),
        ("serviceGroupType", Mask::Keep),
        ("nationality", Mask::Keep),
        ("CRIMINAL_CHECK", Mask::CodeKey),
        ("NOTE", Mask::CodeKey),
        ("riskLevel", Mask::ByContent),
    ] {
        assert_eq!(mask_for(key), mask, "{key}");
    }
}

#[test]
fn a_field_whose_name_says_nothing_is_judged_by_what_it_holds() {
    for (held, shown) in [
        ("FACE_MISMATCH", "FACE_MISMATCH"),
        ("APPROVED", "APPROVED"),
        ("LT", "LT"),
        (
            "328c6766-934e-11ed-bb9b-025ad99a18e7",
            "328c6766-934e-11ed-bb9b-025ad99a18e7",
        ),
        ("JOHN", "J***"),
        ("Vilniaus g. 12, Vilnius", "V*** g*** 1*** V***"),
        ("+370 612 34567", "************67"),
        ("john@mail.example", "j***"),
        ("1965-03-10", "1965-**-**"),
        ("2026-10-02T08:00:00Z", "2026-**-**"),
        ("https://news.example/john-sample-arrested", "https://***"),
        ("", ""),
    ] {
        assert_eq!(mask_text(held), shown, "{held}");
    }
    let out = masked(json!({"riskScore": 87, "seen": true, "left": null, "notes": ["JOHN"]}));
    assert_eq!(
        out,
        json!({"riskScore": 87, "seen": true, "left": null, "notes": ["J***"]})
    );
}

#[test]
fn screening_hits_lose_names_dates_reasons_and_articles_but_keep_what_screened_them() {
    let out = masked(json!({"AML": [{
        "serviceName": "ScreeningService", "status": {"overallStatus": "SUSPECTED"},
        "errorMessage": null,
        "data": [{"name": "ARVIDS", "surname": "KALNINS", "dob": "1972-09-03",
                  "reason": "LATVIA: GOVERNMENT - DEPUTY MINISTER", "score": 100,
                  "listName": "PEP list", "suspicion": "PEPS", "nationality": "LV",
                  "lastUpdate": "2026-10-02", "isPerson": true}]
    }, {
        "serviceName": "NewsService",
        "data": [{"title": "KALNINS NAMED IN PROBE", "url": "HTTPS://NEWS.EXAMPLE/KALNINS",
                  "text": "ARVIDS KALNINS WAS NAMED", "type": "NEGATIVE"}]
    }], "LID": [{"data": [{"wholeName": "A B", "dateOfBirth": "1972-09-03"}]}]}));
    let hit = &out["AML"][0]["data"][0];
    assert_eq!(hit["name"], "A***");
    assert_eq!(hit["surname"], "K***");
    assert_eq!(hit["dob"], "1972-**-**");
    assert_eq!(hit["reason"], "L*** G*** -*** D*** M***");
    for kept in [
        "listName",
        "suspicion",
        "nationality",
        "score",
        "lastUpdate",
        "isPerson",
    ] {
        assert_eq!(
            hit[kept],
            json!({"listName": "PEP list", "suspicion": "PEPS", "nationality": "LV", "score": 100, "lastUpdate": "2026-10-02", "isPerson": true})
                [kept]
        );
    }
    assert_eq!(out["AML"][0]["serviceName"], "ScreeningService");
    let article = &out["AML"][1]["data"][0];
    assert_eq!(article["title"], "K*** N*** I*** P***");
    assert_eq!(article["url"], "HTTPS://***");
    assert_eq!(article["text"], "A*** K*** W*** N***");
    assert_eq!(article["type"], "NEGATIVE");
    assert_eq!(out["LID"][0]["data"][0]["wholeName"], "A*** B***");
    assert_eq!(out["LID"][0]["data"][0]["dateOfBirth"], "1972-**-**");
}

#[test]
fn a_field_named_in_capitals_is_judged_by_what_it_holds() {
    let out = masked(json!({
        "NOTE": "John Smith lives at 12 Baker Street",
        "INFO": "Called from +44 20 7946 0958",
        "DETAILS": {"VALUE": "Jane Doe", "GIVEN": "MARIJA", "CODE": "FACE_MISMATCH"},
        "FACE": "https://files.invalid/u/FACE.png?Signature=s&Expires=9",
        "CRIMINAL_CHECK": [{"status": {"overallStatus": "NOT_SUSPECTED"}, "data": [{"POB": "RIGA"}]}],
        "fileUrls": {"NOTE": "Marija Saule, +37061234567", "FRONT": "https://user:pass@files.invalid/FRONT.png?Signature=s"},
        "birthPlace": {"status": "Klaipeda"},
        "addressVerification": {"status": "VALID"},
        "info": "LEE",
        "country": "LT"
    }));
    assert_eq!(out["NOTE"], "J*** S*** l*** a*** 1*** B*** S***");
    assert_eq!(out["INFO"], "C*** f*** +*** 2*** 7*** 0***");
    assert_eq!(out["DETAILS"]["VALUE"], "J*** D***");
    assert_eq!(out["DETAILS"]["GIVEN"], "M***");
    assert_eq!(out["DETAILS"]["CODE"], "FACE_MISMATCH");
    assert_eq!(out["FACE"], "https://files.invalid/u/FACE.png?Expires=9");
    assert_eq!(
        out["CRIMINAL_CHECK"][0]["status"]["overallStatus"],
        "NOT_SUSPECTED"
    );
    assert_eq!(out["CRIMINAL_CHECK"][0]["data"][0]["POB"], "R***");
    assert_eq!(out["fileUrls"]["NOTE"], "M*** S*** +***");
    assert!(
        !out["fileUrls"]["FRONT"].as_str().unwrap().contains("pass"),
        "{out}"
    );
    assert_eq!(out["birthPlace"]["status"], "K***");
    assert_eq!(out["addressVerification"]["status"], "VALID");
    assert_eq!(out["info"], "L***");
    assert_eq!(out["country"], "LT");
}

#[test]
fn masks_follow_the_documented_shapes() {
    assert_eq!(mask_words("JOHN SAMPLE PETER"), "J*** S*** P***");
    assert_eq!(mask_words("ŠAULĖ"), "Š***");
    assert_eq!(mask_number("DE4878783"), "*******83");
    assert_eq!(mask_number("7"), "*");
    assert_eq!(mask_birth_date("1965-03-10"), "1965-**-**");
    assert_eq!(mask_birth_date("1956"), "1956");
    assert_eq!(mask_birth_date("10.03.1965"), "1***");
}

#[test]
fn additional_step_data_is_masked_whole_even_a_key_called_status() {
    let out = masked(json!({"additionalData": {
        "UTILITY_BILL": {"ssn": {"value": "123-45-6789", "status": "MATCH"}},
        "QUESTIONNAIRE": {"status": "DIVORCED", "children": 3, "employed": true}
    }}));
    assert_eq!(
        out,
        json!({"additionalData": {
            "UTILITY_BILL": {"ssn": {"value": "*********89", "status": "***CH"}},
            "QUESTIONNAIRE": {"status": "******ED", "children": "***", "employed": true}
        }})
    );
}

#[test]
fn personal_fields_are_masked_and_codes_kept() {
    let out = masked(json!({
        "docFirstName": "JOHN", "docLastName": "SAMPLE", "docNumber": "DE4878783",
        "docDob": "1965-03-10", "birthPlace": "LONDON", "address": null,
        "docExpiry": "2024-03-09", "docType": "PASSPORT", "docNationality": "NL",
        "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"], "clientId": "W2GL2K333Y",
        "externalRef": "loan-7714",
        "AML": [{"status": {"overallStatus": "SUSPECTED"}, "data": [{"docFirstName": "JOHN", "dateOfBirth": "1965-03-10", "fullAddress": "1 Main St"}]}],
        "addressVerification": {"fullAddress": "1 Main St", "postalCode": "12345", "status": "VALID"},
        "emailAddress": "john@example.com", "HTTPSLINK": "HTTPS://h/x?Signature=abc",
        "fileUrls": {"FACE": "https://h/FACE.png?Signature=abc&Expires=9", "BACK": null},
        "FACE": "https://h/FACE.png?Signature=abc",
        "data": {"docFirstName": "ANA"}
    }));
    assert_eq!(
        out,
        json!({
            "docFirstName": "J***", "docLastName": "S***", "docNumber": "*******83",
            "docDob": "1965-**-**", "birthPlace": "L***", "address": null,
            "docExpiry": "2024-03-09", "docType": "PASSPORT", "docNationality": "NL",
            "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"], "clientId": "********3Y",
            "externalRef": "*******14",
            "AML": [{"status": {"overallStatus": "SUSPECTED"}, "data": [{"docFirstName": "J***", "dateOfBirth": "1965-**-**", "fullAddress": "1*** M*** S***"}]}],
            "addressVerification": {"fullAddress": "1*** M*** S***", "postalCode": "1***", "status": "VALID"},
            "emailAddress": "j***", "HTTPSLINK": "HTTPS://***",
            "fileUrls": {"FACE": "https://h/FACE.png?Expires=9", "BACK": null},
            "FACE": "https://h/FACE.png",
            "data": {"docFirstName": "A***"}
        })
    );
}
