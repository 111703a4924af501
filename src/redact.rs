//! `--redact`: personal data masked in a response, same shape, before anything renders it.
//! Names keep their first letters, numbers their last two characters, dates of birth their
//! year; file links lose their signature (only the expiry stays in their query). Codes, statuses, countries, document
//! type, expiry and scanRefs stay as they are, so a ticket still says what happened.

use serde_json::{Map, Value};

use crate::urls;

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

/// Document and personal numbers: only the last two characters show (`*******83`).
const NUMBER_FIELDS: [&str; 3] = ["docNumber", "docPersonalCode", "clientIp"];

/// Dates of birth: only the year shows (`1965-**-**`).
const BIRTH_DATE_FIELDS: [&str; 1] = ["docDob"];

/// Objects whose every string is personal, except their `status` results.
const FREE_FORM_FIELDS: [&str; 1] = ["additionalData"];

/// Objects of file links, and the legacy top-level links, lose their queries.
const LINK_FIELDS: [&str; 3] = ["fileUrls", "videoUrls", "additionalStepPdfUrls"];

/// The body with personal data masked; nested `data` (webhooks) is masked the same way.
pub fn body(body: &Map<String, Value>) -> Map<String, Value> {
    body.iter()
        .map(|(key, value)| (key.clone(), field(key, value)))
        .collect()
}

fn field(key: &str, value: &Value) -> Value {
    if WORD_FIELDS.contains(&key) {
        map_strings(value, &mask_words)
    } else if NUMBER_FIELDS.contains(&key) {
        map_strings(value, &mask_number)
    } else if BIRTH_DATE_FIELDS.contains(&key) {
        map_strings(value, &mask_birth_date)
    } else if FREE_FORM_FIELDS.contains(&key) {
        free_form(value)
    } else if LINK_FIELDS.contains(&key) {
        map_strings(value, &urls::only_expiry)
    } else {
        match value {
            Value::Object(inner) => Value::Object(body(inner)),
            Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
                Value::String(urls::only_expiry(s))
            }
            other => other.clone(),
        }
    }
}

/// Applies `mask` to every string in `value` (nested lists and objects included).
fn map_strings(value: &Value, mask: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(mask(s)),
        Value::Array(items) => Value::Array(items.iter().map(|v| map_strings(v, mask)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), map_strings(v, mask)))
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
pub fn mask_words(text: &str) -> String {
    text.split_whitespace()
        .map(|word| match word.chars().next() {
            Some(first) => format!("{first}***"),
            None => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `DE4878783` -> `*******83`; two characters or fewer are hidden entirely.
pub fn mask_number(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 2 {
        return "*".repeat(chars.len().max(1));
    }
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{}{tail}", "*".repeat(chars.len() - 2))
}

/// `1965-03-10` -> `1965-**-**`; anything else is hidden but its first character.
pub fn mask_birth_date(text: &str) -> String {
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
            "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"],
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
                "scanRef": "328c6766", "status": "APPROVED", "duplicateFaces": ["x1"],
                "additionalData": {"UTILITY_BILL": {"ssn": {"value": "*********89", "status": "MATCH"}}},
                "fileUrls": {"FACE": "https://h/FACE.png?Expires=9", "BACK": null},
                "FACE": "https://h/FACE.png",
                "data": {"docFirstName": "A***"}
            })
        );
    }
}
