//! `--redact`: personal data masked in a response, same shape, before anything renders it.
//! Names keep their first letters, numbers their last two characters, dates of birth their
//! year; file links lose their signature (only the expiry stays in their query). Codes, statuses, countries, document
//! type, expiry and scanRefs stay as they are, so a ticket still says what happened.

use serde_json::{Map, Value};

use crate::net::urls;

/// Fields holding names, addresses or places: each word keeps its first letter (`J*** S***`).
const WORD_FIELDS: [&str; 17] = [
    "docFirstName",
    "docLastName",
    "fullName",
    "docBirthName",
    "mothersMaidenName",
    "birthPlace",
    "address",
    "docTemporaryAddress",
    "manualAddress",
    "orgFirstName",
    "orgLastName",
    "orgBirthName",
    "orgMothersMaidenName",
    "orgBirthPlace",
    "orgAddress",
    "orgTemporaryAddress",
    "clientLocation",
];

/// Document and personal numbers, and the client's own ID: only the last two characters
/// show (`*******83`).
const NUMBER_FIELDS: [&str; 4] = ["docNumber", "docPersonalCode", "clientIp", "clientId"];

/// Dates of birth: only the year shows (`1965-**-**`).
const BIRTH_DATE_FIELDS: [&str; 1] = ["docDob"];

/// Objects whose every string is personal, except their `status` results.
const FREE_FORM_FIELDS: [&str; 1] = ["additionalData"];

/// How a field is masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    Words,
    Number,
    BirthDate,
    FreeForm,
    Links,
    Keep,
}

/// Known fields that look personal by their name but are not.
const KEEP_FIELDS: [&str; 6] = [
    "clientIpProxyRiskLevel",
    "clientIpCountry",
    "manualAddressMatch",
    "scanRef",
    // What screened the person, not who they are (AML and LID checks and hits).
    "serviceName",
    "listName",
];

/// Words in a field name that mark it as personal, for fields this program does not know.
const WORDY: [&str; 13] = [
    "name", "names", "surname", "address", "street", "city", "postal", "zip", "email", "phone",
    "mobile", "place", "maiden",
];
const NUMBERY: [&str; 6] = ["ssn", "iban", "passport", "personal", "ip", "tin"];
const BIRTHY: [&str; 3] = ["birth", "dob", "born"];

fn mask_for(key: &str) -> Mask {
    if KEEP_FIELDS.contains(&key) {
        return Mask::Keep;
    }
    if WORD_FIELDS.contains(&key) {
        return Mask::Words;
    }
    if NUMBER_FIELDS.contains(&key) {
        return Mask::Number;
    }
    if BIRTH_DATE_FIELDS.contains(&key) {
        return Mask::BirthDate;
    }
    if FREE_FORM_FIELDS.contains(&key) {
        return Mask::FreeForm;
    }
    if crate::model::LINK_OBJECTS.contains(&key) {
        return Mask::Links;
    }
    let words = key_words(key);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&BIRTHY) {
        Mask::BirthDate
    } else if has(&WORDY) {
        Mask::Words
    } else if has(&NUMBERY) {
        Mask::Number
    } else {
        Mask::Keep
    }
}

/// `dateOfBirth` -> `date`, `of`, `birth`; `postal_code` -> `postal`, `code`.
fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_upper = false;
    for c in key.chars() {
        let separator = matches!(c, '_' | '-' | ' ' | '.');
        if separator || (c.is_uppercase() && !previous_upper) {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        previous_upper = c.is_uppercase();
    }
    words.push(word);
    words.retain(|w| !w.is_empty());
    words
}

/// The body with personal data masked, at any depth: in nested objects and in lists.
pub fn body(body: &Map<String, Value>) -> Map<String, Value> {
    body.iter()
        .map(|(key, value)| (key.clone(), field(key, value)))
        .collect()
}

/// One field's value masked as that field is.
pub fn field(key: &str, value: &Value) -> Value {
    match mask_for(key) {
        Mask::Words => map_strings(value, &mask_words),
        Mask::Number => map_strings(value, &mask_number),
        Mask::BirthDate => map_strings(value, &mask_birth_date),
        Mask::FreeForm => free_form(value),
        Mask::Links => map_strings(value, &urls::only_expiry),
        Mask::Keep => keep(value),
    }
}

/// A value kept as it is, but for what is inside it: objects and lists are masked field by
/// field, and links lose their signature.
fn keep(value: &Value) -> Value {
    match value {
        Value::Object(inner) => Value::Object(body(inner)),
        Value::Array(items) => Value::Array(items.iter().map(keep).collect()),
        Value::String(s) if urls::is_http_url(s) => Value::String(urls::only_expiry(s)),
        other => other.clone(),
    }
}

/// Applies `mask` to every string in `value` (nested lists and objects included).
fn map_strings(value: &Value, mask: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(mask(s)),
        Value::Array(items) => Value::Array(items.iter().map(|v| map_strings(v, mask)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match k.as_str() {
                    "status" if !v.is_object() && !v.is_array() => (k.clone(), v.clone()),
                    _ => (k.clone(), map_strings(v, mask)),
                })
                .collect(),
        ),
        Value::Number(_) => Value::String("***".to_string()),
        other => other.clone(),
    }
}

fn free_form(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let kept = k == "status" && !v.is_object() && !v.is_array();
                    (k.clone(), if kept { v.clone() } else { free_form(v) })
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(free_form).collect()),
        Value::String(s) => Value::String(mask_number(s)),
        Value::Number(_) => Value::String("***".to_string()),
        other => other.clone(),
    }
}

/// `JOHN SAMPLE` -> `J*** S***`; the length of each word is hidden too.
fn mask_words(text: &str) -> String {
    text.split_whitespace()
        .map(|word| match word.chars().next() {
            Some(first) => format!("{first}***"),
            None => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `DE4878783` -> `*******83`; two characters or fewer are hidden entirely.
fn mask_number(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 2 {
        return "*".repeat(chars.len().max(1));
    }
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{}{tail}", "*".repeat(chars.len() - 2))
}

/// `1965-03-10` -> `1965-**-**`; anything else is hidden but its first character.
fn mask_birth_date(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_date = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if is_date {
        format!("{}-**-**", &text[..4])
    } else {
        mask_words(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn field_names_split_into_words() {
        assert_eq!(key_words("dateOfBirth"), ["date", "of", "birth"]);
        assert_eq!(key_words("postal_code"), ["postal", "code"]);
        assert_eq!(key_words("clientIP"), ["client", "ip"]);
        assert_eq!(mask_for("clientIpProxyRiskLevel"), Mask::Keep);
        assert_eq!(mask_for("motherName"), Mask::Words);
        assert_eq!(mask_for("serviceGroupType"), Mask::Keep);
    }

    #[test]
    fn screening_hits_lose_names_and_dates_of_birth_but_keep_what_screened_them() {
        let input = json!({"AML": [{
            "serviceName": "ScreeningService", "status": {"overallStatus": "SUSPECTED"},
            "data": [{"name": "ARVIDS", "surname": "KALNINS", "dob": "1972-09-03",
                      "listName": "PEP list", "suspicion": "PEP", "nationality": "LV",
                      "adverseMedia": [{"title": "Headline", "url": "https://news.example.test/a"}]}]
        }], "LID": [{"data": [{"wholeName": "A B", "dateOfBirth": "1972-09-03"}]}]});
        let Value::Object(map) = input else {
            unreachable!()
        };
        let masked = Value::Object(body(&map));
        let hit = &masked["AML"][0]["data"][0];
        assert_eq!(hit["name"], "A***");
        assert_eq!(hit["surname"], "K***");
        assert_eq!(hit["dob"], "1972-**-**");
        assert_eq!(hit["listName"], "PEP list");
        assert_eq!(hit["suspicion"], "PEP");
        assert_eq!(masked["AML"][0]["serviceName"], "ScreeningService");
        assert_eq!(masked["LID"][0]["data"][0]["wholeName"], "A*** B***");
        assert_eq!(masked["LID"][0]["data"][0]["dateOfBirth"], "1972-**-**");
    }

    #[test]
    fn masks_follow_the_documented_shapes() {
        assert_eq!(mask_words("JOHN SAMPLE PETER"), "J*** S*** P***");
        assert_eq!(mask_words("ŠAULĖ"), "Š***");
        assert_eq!(mask_number("DE4878783"), "*******83");
        assert_eq!(mask_number("7"), "*");
        assert_eq!(mask_birth_date("1965-03-10"), "1965-**-**");
        assert_eq!(mask_birth_date("10.03.1965"), "1***");
    }

    #[test]
    fn personal_fields_are_masked_and_codes_kept() {
        let input = json!({
            "docFirstName": "JOHN", "docLastName": "SAMPLE", "docNumber": "DE4878783",
            "docDob": "1965-03-10", "birthPlace": "LONDON", "address": null,
            "docExpiry": "2024-03-09", "docType": "PASSPORT", "docNationality": "NL",
            "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"], "clientId": "W2GL2K333Y",
            "AML": [{"status": {"overallStatus": "SUSPECTED"}, "data": [{"docFirstName": "JOHN", "dateOfBirth": "1965-03-10", "fullAddress": "1 Main St"}]}],
            "addressVerification": {"fullAddress": "1 Main St", "postalCode": "12345", "status": "VALID"},
            "emailAddress": "john@example.com", "HTTPSLINK": "HTTPS://h/x?Signature=abc",
            "additionalData": {"UTILITY_BILL": {"ssn": {"value": "123-45-6789", "status": "MATCH"}}},
            "fileUrls": {"FACE": "https://h/FACE.png?Signature=abc&Expires=9", "BACK": null},
            "FACE": "https://h/FACE.png?Signature=abc",
            "data": {"docFirstName": "ANA"}
        });
        let Value::Object(map) = input else {
            unreachable!()
        };
        let masked = Value::Object(body(&map));
        assert_eq!(
            masked,
            json!({
                "docFirstName": "J***", "docLastName": "S***", "docNumber": "*******83",
                "docDob": "1965-**-**", "birthPlace": "L***", "address": null,
                "docExpiry": "2024-03-09", "docType": "PASSPORT", "docNationality": "NL",
                "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"], "clientId": "********3Y",
                "AML": [{"status": {"overallStatus": "SUSPECTED"}, "data": [{"docFirstName": "J***", "dateOfBirth": "1965-**-**", "fullAddress": "1*** M*** S***"}]}],
                "addressVerification": {"fullAddress": "1*** M*** S***", "postalCode": "1***", "status": "VALID"},
                "emailAddress": "j***", "HTTPSLINK": "HTTPS://h/x",
                "additionalData": {"UTILITY_BILL": {"ssn": {"value": "*********89", "status": "MATCH"}}},
                "fileUrls": {"FACE": "https://h/FACE.png?Expires=9", "BACK": null},
                "FACE": "https://h/FACE.png",
                "data": {"docFirstName": "A***"}
            })
        );
    }
}
