//! `--redact`: personal data masked in a response, same shape, before anything renders it.
//!
//! Names keep their first letters, numbers their last two characters, dates of birth their
//! year; file links lose their signature (only the expiry stays in their query), other links
//! lose everything but their scheme. Codes, statuses, countries, document type, expiry and
//! scanRefs stay as they are, so a ticket still says what happened.
//!
//! A field is judged first by its name: the fields iDenfy documents each have their own mask
//! (below), and a name that says it holds a name, a date of birth, a number or a place is
//! masked as such, at any depth. A field whose name says nothing is judged by what it holds:
//! only codes (`FACE_MISMATCH`, a known iDenfy code, a country), scanRefs, numbers, booleans
//! and nulls are kept; any other text is masked.

use serde_json::{Map, Value};

use crate::net::urls;
use crate::vocab;

/// How a field is masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    /// Each word keeps its first letter: `J*** S***`.
    Words,
    /// Only the last two characters show: `*******83`.
    Number,
    /// Only the year shows: `1965-**-**`.
    BirthDate,
    /// A link to anything but a verification file: only its scheme shows.
    Link,
    /// Objects of file links: each loses its signature.
    FileLinks,
    /// Additional-step data: every value is the person's, whatever its key.
    FreeForm,
    /// Not personal; objects and lists inside are judged field by field.
    Keep,
    /// Nothing in the name says: judged by what the field holds.
    ByContent,
    /// A key that is a code (`FACE`, `CRIMINAL_CHECK`, `NOTE`): a link is a file link and keeps
    /// its path; anything else is judged by what it holds.
    CodeKey,
}

/// The fields iDenfy documents in its status, data, files and webhook bodies and in AML and
/// LID results, with their masks. Judged by name, wherever they are.
const DOCUMENTED: &[(&str, Mask)] = &[
    // Who the person is, where they live and were born.
    ("docFirstName", Mask::Words),
    ("docLastName", Mask::Words),
    ("fullName", Mask::Words),
    ("docBirthName", Mask::Words),
    ("mothersMaidenName", Mask::Words),
    ("birthPlace", Mask::Words),
    ("address", Mask::Words),
    ("docTemporaryAddress", Mask::Words),
    ("manualAddress", Mask::Words),
    ("authority", Mask::Words),
    ("orgFirstName", Mask::Words),
    ("orgLastName", Mask::Words),
    ("orgBirthName", Mask::Words),
    ("orgMothersMaidenName", Mask::Words),
    ("orgBirthPlace", Mask::Words),
    ("orgAddress", Mask::Words),
    ("orgTemporaryAddress", Mask::Words),
    ("orgAuthority", Mask::Words),
    ("clientLocation", Mask::Words),
    // AML name-check hits: who was found and why; negative news: what was written.
    ("name", Mask::Words),
    ("surname", Mask::Words),
    ("reason", Mask::Words),
    ("title", Mask::Words),
    ("text", Mask::Words),
    ("url", Mask::Link),
    ("dob", Mask::BirthDate),
    ("docDob", Mask::BirthDate),
    // Numbers that identify the person, their document, their device or their account with you.
    ("docNumber", Mask::Number),
    ("docPersonalCode", Mask::Number),
    ("clientIp", Mask::Number),
    ("clientId", Mask::Number),
    ("externalRef", Mask::Number),
    ("additionalData", Mask::FreeForm),
    ("fileUrls", Mask::FileLinks),
    ("videoUrls", Mask::FileLinks),
    ("additionalStepPdfUrls", Mask::FileLinks),
    // What happened, to which verification, with which document: what a ticket is about.
    ("scanRef", Mask::Keep),
    ("platform", Mask::Keep),
    ("startTime", Mask::Keep),
    ("finishTime", Mask::Keep),
    ("final", Mask::Keep),
    ("status", Mask::Keep),
    ("overall", Mask::Keep),
    ("suspicionReasons", Mask::Keep),
    ("mismatchTags", Mask::Keep),
    ("fraudTags", Mask::Keep),
    ("autoDocument", Mask::Keep),
    ("autoFace", Mask::Keep),
    ("manualDocument", Mask::Keep),
    ("manualFace", Mask::Keep),
    ("additionalSteps", Mask::Keep),
    ("docType", Mask::Keep),
    ("docSex", Mask::Keep),
    ("docExpiry", Mask::Keep),
    ("docDateOfIssue", Mask::Keep),
    ("docNationality", Mask::Keep),
    ("docIssuingCountry", Mask::Keep),
    ("orgNationality", Mask::Keep),
    ("selectedCountry", Mask::Keep),
    ("driverLicenseCategory", Mask::Keep),
    ("manuallyDataChanged", Mask::Keep),
    ("ageEstimate", Mask::Keep),
    ("clientIpCountry", Mask::Keep),
    ("clientIpProxyRiskLevel", Mask::Keep),
    ("duplicateFaces", Mask::Keep),
    ("duplicateDocFaces", Mask::Keep),
    ("manualAddressMatch", Mask::Keep),
    // What screened the person, and how: not who they are.
    ("serviceName", Mask::Keep),
    ("serviceGroupType", Mask::Keep),
    ("listName", Mask::Keep),
    ("uid", Mask::Keep),
    ("errorMessage", Mask::Keep),
    ("overallStatus", Mask::Keep),
    ("pepsStatus", Mask::Keep),
    ("sanctionsStatus", Mask::Keep),
    ("adverseMediaStatus", Mask::Keep),
    ("serviceSuspected", Mask::Keep),
    ("checkSuccessful", Mask::Keep),
    ("serviceFound", Mask::Keep),
    ("serviceUsed", Mask::Keep),
    ("suspicion", Mask::Keep),
    ("score", Mask::Keep),
    ("lastUpdate", Mask::Keep),
    ("isPerson", Mask::Keep),
    ("isActive", Mask::Keep),
    ("type", Mask::Keep),
    ("nationality", Mask::Keep),
];

/// Parts of a field name (lower case, separators dropped) that say what it holds, for the
/// fields iDenfy does not document: `dateOfBirth`, `birthdate`, `phone_number`, `aliases`.
const BIRTH_PARTS: [&str; 3] = ["birth", "dob", "born"];
const LINK_PARTS: [&str; 3] = ["url", "link", "website"];
const NUMBER_PARTS: [&str; 12] = [
    "phone",
    "mobile",
    "passport",
    "personal",
    "nationalid",
    "nationalnumber",
    "ssn",
    "iban",
    "taxid",
    "number",
    "externalref",
    "clientid",
];
/// Short words that would match inside other words; whole words of the name only.
const NUMBER_WORDS: [&str; 4] = ["ip", "tin", "id", "ref"];
const WORD_PARTS: [&str; 13] = [
    "name",
    "alias",
    "address",
    "street",
    "city",
    "postal",
    "zip",
    "mail",
    "contact",
    "place",
    "maiden",
    "location",
    "residence",
];

fn mask_for(key: &str) -> Mask {
    if let Some((_, mask)) = DOCUMENTED.iter().find(|(known, _)| *known == key) {
        return *mask;
    }
    let flat: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let words = key_words(key);
    let part = |parts: &[&str]| parts.iter().any(|p| flat.contains(p));
    if part(&BIRTH_PARTS) {
        Mask::BirthDate
    } else if part(&LINK_PARTS) {
        Mask::Link
    } else if part(&NUMBER_PARTS) || words.iter().any(|w| NUMBER_WORDS.contains(&w.as_str())) {
        Mask::Number
    } else if part(&WORD_PARTS) {
        Mask::Words
    } else if is_code_shaped(key) {
        // Keys that are codes (`FACE`, `CRIMINAL_CHECK`, but also `NOTE`) may name a kind of
        // file or check: a link under one is a file link; anything else is judged as it is.
        Mask::CodeKey
    } else {
        Mask::ByContent
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
        Mask::Link => map_strings(value, &mask_link),
        Mask::FileLinks => file_links(value),
        Mask::FreeForm => free_form(value),
        Mask::Keep => keep(value),
        Mask::ByContent => by_content(value),
        Mask::CodeKey => match value {
            Value::String(s) if urls::is_http_url(s) => Value::String(file_link(s)),
            other => by_content(other),
        },
    }
}

/// Objects of file links (`fileUrls`): each link loses its signature and any user and
/// password; whatever else is in them is judged as any other field.
fn file_links(value: &Value) -> Value {
    match value {
        Value::String(s) if urls::is_http_url(s) => Value::String(file_link(s)),
        Value::Object(inner) => Value::Object(
            inner
                .iter()
                .map(|(key, value)| {
                    let masked = match value {
                        Value::String(s) if urls::is_http_url(s) => Value::String(file_link(s)),
                        other => field(key, other),
                    };
                    (key.clone(), masked)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(file_links).collect()),
        other => by_content(other),
    }
}

/// A file link without its signature (only the expiry stays) and without credentials.
fn file_link(url: &str) -> String {
    urls::only_expiry(&urls::redact_credentials(url))
}

/// A value kept as it is, but for what is inside it: objects are masked field by field, and
/// links lose their signature.
fn keep(value: &Value) -> Value {
    match value {
        Value::Object(inner) => Value::Object(body(inner)),
        Value::Array(items) => Value::Array(items.iter().map(keep).collect()),
        Value::String(s) if urls::is_http_url(s) => Value::String(file_link(s)),
        other => other.clone(),
    }
}

/// A value whose field name says nothing: text that is not a code is masked.
fn by_content(value: &Value) -> Value {
    match value {
        Value::Object(inner) => Value::Object(body(inner)),
        Value::Array(items) => Value::Array(items.iter().map(by_content).collect()),
        Value::String(s) => Value::String(mask_text(s)),
        other => other.clone(),
    }
}

/// Text judged by what it is: a code or a scanRef stays, a link keeps its scheme, a date its
/// year, a number its last two characters; anything else may name the person.
fn mask_text(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() || is_code(trimmed) || is_reference(trimmed) {
        text.to_string()
    } else if urls::is_http_url(trimmed) {
        mask_link(trimmed)
    } else if starts_with_date(trimmed) {
        format!("{}-**-**", &trimmed[..4])
    } else if is_number_like(trimmed) {
        mask_number(trimmed)
    } else {
        mask_words(trimmed)
    }
}

/// An iDenfy code (`FACE_MISMATCH`, `APPROVED`) or a country (`LT`, as iDenfy sends them):
/// upper-case letters, digits and underscores, and either several parts, a known code, or two
/// characters. `JOHN` or `LEE` alone is not a code: a name in capitals looks the same.
fn is_code(text: &str) -> bool {
    is_code_shaped(text) && (text.contains('_') || text.len() == 2 || !vocab::find(text).is_empty())
}

/// Upper-case letters, digits and underscores, with a letter.
fn is_code_shaped(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && text.chars().any(|c| c.is_ascii_uppercase())
}

/// A scanRef or another UUID: hexadecimal groups joined by dashes, 36 characters.
fn is_reference(text: &str) -> bool {
    text.len() == 36
        && text.chars().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// `1965-03-10`, `1965-03-10T08:00:00Z`.
fn starts_with_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

/// A phone, personal or account number: digits and the usual separators, five digits or more.
fn is_number_like(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

/// Applies `mask` to every string in `value` (nested lists and objects included); a `status`
/// inside keeps its value when that is a result code.
fn map_strings(value: &Value, mask: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(mask(s)),
        Value::Array(items) => Value::Array(items.iter().map(|v| map_strings(v, mask)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    // A result code (`VALID`, `MATCH`) says what a check found, not who.
                    ("status", Value::String(code)) if is_code(code) => (k.clone(), v.clone()),
                    ("status", Value::Bool(_) | Value::Null) => (k.clone(), v.clone()),
                    _ => (k.clone(), map_strings(v, mask)),
                })
                .collect(),
        ),
        Value::Number(_) => Value::String("***".to_string()),
        other => other.clone(),
    }
}

/// Additional-step data: questionnaires and documents whose keys are the customer's own, so a
/// key called `status` may hold a person's marital status. Every string and number is masked.
fn free_form(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), free_form(v))).collect())
        }
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

/// `1965-03-10` -> `1965-**-**`; a year alone stays; anything else is hidden but its first
/// character.
fn mask_birth_date(text: &str) -> String {
    if text.len() == 10 && starts_with_date(text) {
        format!("{}-**-**", &text[..4])
    } else if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.to_string()
    } else {
        mask_words(text)
    }
}

/// `https://news.example/person-named` -> `https://***`: a page's address can name the person.
fn mask_link(text: &str) -> String {
    match text.split_once("://") {
        Some((scheme, _)) if urls::is_http_url(text) => format!("{scheme}://***"),
        _ => mask_words(text),
    }
}

#[cfg(test)]
mod tests;
