//! The API's JSON responses: decoding that survives malformed text, and typed views that
//! keep every field, known or not, in the order the API sent them.

use serde_json::{Map, Value};

mod body;
pub mod case;
mod data;
mod files;
mod status;
pub mod webhook;

pub use body::{DecodeError, Decoded, Document, MAX_VALUES, check, decode};
pub use case::{Case, PART_NAMES};
pub use data::{DataField, DataGroup, SCREENING_LISTS, data_fields};
pub use files::{FileKind, FileLink, FilesView, LINK_OBJECTS, LinkSource};
pub use status::StatusView;

/// Which kind of saved body a file holds, told by keys that only that kind carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Status,
    Data,
    Files,
    Webhook,
}

impl BodyKind {
    /// What such a body is called: `a status response`, `a webhook payload`.
    pub fn name(self) -> &'static str {
        match self {
            BodyKind::Status => "a status response",
            BodyKind::Data => "a data response",
            BodyKind::Files => "a files response",
            BodyKind::Webhook => "a webhook payload",
        }
    }

    /// The command that reads such a body from `file`.
    pub fn command(self, file: &str) -> String {
        match self {
            BodyKind::Status => format!("idenfy-cli status --input {file}"),
            BodyKind::Data => format!("idenfy-cli data --input {file}"),
            BodyKind::Files => format!("idenfy-cli files --input {file}"),
            BodyKind::Webhook => format!("idenfy-cli webhook show {file}"),
        }
    }
}

/// What kind of body this is, when its keys say so clearly; `None` when they do not (an
/// empty or unknown body is shown as it is).
pub fn body_kind(body: &Map<String, Value>) -> Option<BodyKind> {
    // A webhook carries the status as an object, with data and links beside it; `final` sits
    // at the top level of API answers and webhooks alike, so it says nothing on its own.
    if body.get("status").is_some_and(Value::is_object) {
        return Some(BodyKind::Webhook);
    }
    let marks = |keys: &[&str]| keys.iter().filter(|k| body.contains_key(**k)).count();
    let scores = [
        (
            BodyKind::Status,
            marks(&[
                "autoFace",
                "autoDocument",
                "manualFace",
                "manualDocument",
                "fraudTags",
                "mismatchTags",
            ]),
        ),
        (
            BodyKind::Data,
            marks(&[
                "docFirstName",
                "docLastName",
                "docNumber",
                "docExpiry",
                "docDob",
                "docType",
                "docPersonalCode",
                "orgFirstName",
            ]),
        ),
        (
            BodyKind::Files,
            marks(&["fileUrls", "videoUrls", "additionalStepPdfUrls"]),
        ),
    ];
    let best = scores.iter().max_by_key(|(_, score)| *score)?;
    (best.1 > 0).then_some(best.0)
}

/// The longest scanRef accepted; iDenfy documents 40 characters at most.
pub const MAX_SCAN_REF_CHARS: usize = 40;

/// A scanRef is 1 to 40 letters, digits, `-` and `_`; anything else is refused before a
/// request is made (and never becomes part of a command or a file name).
pub fn check_scan_ref(text: &str) -> Result<&str, String> {
    if text.is_empty() {
        return Err("a scanRef cannot be empty".to_string());
    }
    if text.chars().count() > MAX_SCAN_REF_CHARS {
        return Err(format!(
            "a scanRef has at most {MAX_SCAN_REF_CHARS} characters"
        ));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "a scanRef has only letters, digits, '-' and '_', not {bad:?}"
        ));
    }
    Ok(text)
}

/// A code-like value (status, check result): a non-empty string, else `None`.
pub fn code(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::files::FileKind;
    use super::*;

    #[test]
    fn key_order_is_kept() {
        let doc = decode(br#"{"z":1,"a":2,"m":3}"#).unwrap();
        let keys: Vec<&str> = doc.body.keys().map(String::as_str).collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn utf16_escapes_and_pairs_decode() {
        let doc = decode(br#"{"a":"\u0160ILUVA","b":"\ud83d\ude00"}"#).unwrap();
        assert_eq!(doc.body["a"], "ŠILUVA");
        assert_eq!(doc.body["b"], "😀");
        assert_eq!(doc.repairs, 0);
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let doc = decode(br#"{"a":"x\ud800y","b":"\udc00","c":"\ud83d\ud83d\ude00"}"#).unwrap();
        assert_eq!(doc.body["a"], "x\u{FFFD}y");
        assert_eq!(doc.body["b"], "\u{FFFD}");
        assert_eq!(doc.body["c"], "\u{FFFD}😀");
        assert_eq!(doc.repairs, 3);
    }

    #[test]
    fn escaped_backslash_is_not_mistaken_for_an_escape() {
        let doc = decode(br#"{"a":"\\ud800","\\":"\""}"#).unwrap();
        assert_eq!(doc.body["a"], "\\ud800");
        assert_eq!(doc.repairs, 0);
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        let doc = decode(b"{\"a\":\"caf\xe9\"}").unwrap();
        assert_eq!(doc.body["a"], "caf\u{FFFD}");
        assert_eq!(doc.repairs, 1);
    }

    #[test]
    fn non_objects_are_rejected() {
        assert!(matches!(
            decode(b"[1]"),
            Err(DecodeError::NotObject("an array"))
        ));
        assert!(matches!(decode(b"<html>"), Err(DecodeError::NotJson(_))));
    }

    #[test]
    fn unknown_status_fields_are_kept_in_order() {
        let doc = decode(br#"{"status":"APPROVED","zeta":1,"alpha":null}"#).unwrap();
        let view = StatusView::new(&doc.body);
        let names: Vec<&str> = view.extra.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["zeta", "alpha"]);
        assert_eq!(code(view.overall), Some("APPROVED"));
    }

    #[test]
    fn data_fields_are_grouped_and_unknown_ones_go_to_other() {
        let doc = decode(br#"{"newField":1,"docDob":"1990-01-01","orgAddress":null}"#).unwrap();
        let fields = data_fields(&doc.body);
        let groups: Vec<(&str, DataGroup)> = fields.iter().map(|f| (f.key, f.group)).collect();
        assert_eq!(
            groups,
            [
                ("docDob", DataGroup::Person),
                ("orgAddress", DataGroup::OriginalLanguage),
                ("newField", DataGroup::Other)
            ]
        );
    }

    #[test]
    fn files_view_collects_every_link_and_marks_legacy_repeats() {
        let body = br#"{
            "FACE": "https://h/u/FACE.png?Expires=1",
            "FRONT": "https://h/u/OTHER.png",
            "fileUrls": {"FACE": "https://h/u/FACE.png?Expires=1", "FACE_VIDEO": null, "X": 5},
            "videoUrls": {"SELFIE": "https://h/u/s"},
            "additionalStepPdfUrls": {"UTILITY_BILL": "https://h/u/bill"},
            "note": "kept",
            "documentation": "https://h/docs"
        }"#;
        let doc = decode(body).unwrap();
        let view = FilesView::new(&doc.body);
        let rows: Vec<(LinkSource, &str, FileKind, Option<&str>)> = view
            .links
            .iter()
            .map(|l| (l.source, l.key, l.kind, l.repeats.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [
                (LinkSource::FileUrls, "FACE", FileKind::Photo, None),
                (LinkSource::FileUrls, "FACE_VIDEO", FileKind::Video, None),
                (LinkSource::FileUrls, "X", FileKind::Photo, None),
                (LinkSource::VideoUrls, "SELFIE", FileKind::Video, None),
                (
                    LinkSource::AdditionalStepPdfUrls,
                    "UTILITY_BILL",
                    FileKind::Pdf,
                    None
                ),
                (
                    LinkSource::TopLevel,
                    "FACE",
                    FileKind::Photo,
                    Some("fileUrls.FACE")
                ),
                (LinkSource::TopLevel, "FRONT", FileKind::Photo, None),
            ]
        );
        let extra: Vec<&str> = view.extra.iter().map(|(k, _)| *k).collect();
        assert_eq!(extra, ["note", "documentation"]);
        assert_eq!(view.links[5].expiry().unwrap().as_second(), 1);
    }
}
