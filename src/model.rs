//! The API's JSON responses: decoding that survives malformed text, and typed views that
//! keep every field, known or not, in the order the API sent them.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::urls;

/// The most values a body may hold to be decoded for tables. No real response comes near
/// it; a body with more is shown with `--json` only, as it came, in bounded memory.
pub const MAX_VALUES: usize = 100_000;

/// A response body as it came: its bytes, checked to be one JSON object, and how many
/// values it holds. Decoded only when a table needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub bytes: Vec<u8>,
    pub values: usize,
}

/// A body decoded for tables: key order kept, text repaired where it had to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub body: Map<String, Value>,
    /// How many malformed pieces of text (invalid UTF-8, lone UTF-16 surrogates) were
    /// replaced by U+FFFD so that the rest stays readable.
    pub repairs: usize,
    /// Keys sent more than once in one object: the table shows the last value.
    pub duplicates: Vec<String>,
}

#[derive(Debug)]
pub enum DecodeError {
    NotJson(String),
    NotObject(&'static str),
    /// More values than [`MAX_VALUES`]: how many.
    TooMany(usize),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "not JSON ({why})"),
            DecodeError::NotObject(kind) => write!(f, "{kind}, not a JSON object"),
            DecodeError::TooMany(values) => write!(
                f,
                "a body of {values} values, more than any real response holds (at most {MAX_VALUES} are shown in tables)"
            ),
        }
    }
}

/// Checks that `bytes` are one JSON object, without building anything.
pub fn check(bytes: Vec<u8>) -> Result<Document, DecodeError> {
    let shape = crate::json::scan(&bytes).map_err(|err| DecodeError::NotJson(err.to_string()))?;
    if !shape.object {
        let kind = match bytes.trim_ascii_start().first() {
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        return Err(DecodeError::NotObject(kind));
    }
    Ok(Document {
        bytes,
        values: shape.values,
    })
}

/// Checks and decodes in one step, for bodies that are small by nature (error bodies,
/// saved files, pages of a list).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    check(bytes.to_vec())?.decode()
}

impl Document {
    /// The body as a tree for tables. Invalid UTF-8 and lone surrogate escapes (`"\ud800"`),
    /// which strict JSON parsers reject, become U+FFFD and are counted.
    pub fn decode(&self) -> Result<Decoded, DecodeError> {
        if self.values > MAX_VALUES {
            return Err(DecodeError::TooMany(self.values));
        }
        let bytes = self
            .bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&self.bytes);
        let (text, bad_utf8) = lossy_utf8(bytes);
        let (text, lone_surrogates) = repair_lone_surrogates(&text);
        let value: Value =
            serde_json::from_str(&text).map_err(|err| DecodeError::NotJson(err.to_string()))?;
        match value {
            Value::Object(body) => Ok(Decoded {
                body,
                repairs: bad_utf8 + lone_surrogates,
                duplicates: crate::json::duplicate_keys(bytes),
            }),
            other => Err(DecodeError::NotObject(json_kind(&other))),
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn lossy_utf8(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    let bad = bytes
        .utf8_chunks()
        .filter(|chunk| !chunk.invalid().is_empty())
        .count();
    (String::from_utf8_lossy(bytes), bad)
}

/// Replaces `\uD800`-`\uDFFF` escapes that are not part of a valid surrogate pair with
/// `\uFFFD`, inside JSON strings only. Returns the text and the number of replacements.
fn repair_lone_surrogates(text: &str) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut repairs = 0;
    let mut copied_to = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (false, b'"') => in_string = true,
            (true, b'"') => in_string = false,
            (true, b'\\') if bytes.get(i + 1) == Some(&b'u') => {
                let Some(unit) = hex_unit(bytes, i + 2) else {
                    i += 2;
                    continue;
                };
                let escape_end = i + 6;
                if (0xD800..0xDC00).contains(&unit)
                    && bytes.get(escape_end) == Some(&b'\\')
                    && bytes.get(escape_end + 1) == Some(&b'u')
                    && hex_unit(bytes, escape_end + 2)
                        .is_some_and(|u| (0xDC00..0xE000).contains(&u))
                {
                    i = escape_end + 6;
                    continue;
                }
                if (0xD800..0xE000).contains(&unit) {
                    let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    out.push_str(&text[copied_to..i]);
                    out.push_str("\\uFFFD");
                    copied_to = escape_end;
                    repairs += 1;
                }
                i = escape_end;
                continue;
            }
            (true, b'\\') => {
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied_to..]);
            (Cow::Owned(out), repairs)
        }
        None => (Cow::Borrowed(text), 0),
    }
}

fn hex_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, 16).ok()
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

/// The fields of a status response; `extra` holds every field this program does not know.
#[derive(Debug)]
pub struct StatusView<'a> {
    pub scan_ref: Option<&'a Value>,
    pub client_id: Option<&'a Value>,
    pub overall: Option<&'a Value>,
    pub auto_face: Option<&'a Value>,
    pub manual_face: Option<&'a Value>,
    pub auto_document: Option<&'a Value>,
    pub manual_document: Option<&'a Value>,
    pub fraud_tags: Option<&'a Value>,
    pub mismatch_tags: Option<&'a Value>,
    pub extra: Vec<(&'a str, &'a Value)>,
}

const STATUS_FIELDS: [&str; 9] = [
    "scanRef",
    "clientId",
    "status",
    "autoFace",
    "manualFace",
    "autoDocument",
    "manualDocument",
    "fraudTags",
    "mismatchTags",
];

impl<'a> StatusView<'a> {
    pub fn new(body: &'a Map<String, Value>) -> StatusView<'a> {
        StatusView {
            scan_ref: body.get("scanRef"),
            client_id: body.get("clientId"),
            overall: body.get("status"),
            auto_face: body.get("autoFace"),
            manual_face: body.get("manualFace"),
            auto_document: body.get("autoDocument"),
            manual_document: body.get("manualDocument"),
            fraud_tags: body.get("fraudTags"),
            mismatch_tags: body.get("mismatchTags"),
            extra: unknown_fields(body, &STATUS_FIELDS),
        }
    }
}

fn unknown_fields<'a>(body: &'a Map<String, Value>, known: &[&str]) -> Vec<(&'a str, &'a Value)> {
    body.iter()
        .filter(|(key, _)| !known.contains(&key.as_str()))
        .map(|(key, value)| (key.as_str(), value))
        .collect()
}

/// The sections of `data`, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataGroup {
    Person,
    Document,
    OriginalLanguage,
    Checks,
    Other,
}

impl DataGroup {
    pub const ALL: [DataGroup; 5] = [
        DataGroup::Person,
        DataGroup::Document,
        DataGroup::OriginalLanguage,
        DataGroup::Checks,
        DataGroup::Other,
    ];

    pub fn title(self) -> &'static str {
        match self {
            DataGroup::Person => "Person",
            DataGroup::Document => "Document",
            DataGroup::OriginalLanguage => "Original language",
            DataGroup::Checks => "Checks",
            DataGroup::Other => "Other",
        }
    }
}

/// The documented `data` fields: key, section, and a label for people.
const DATA_FIELDS: [(&str, DataGroup, &str); 41] = [
    ("docFirstName", DataGroup::Person, "First name"),
    ("docLastName", DataGroup::Person, "Last name"),
    ("fullName", DataGroup::Person, "Full name"),
    ("docDob", DataGroup::Person, "Date of birth"),
    ("docSex", DataGroup::Person, "Sex"),
    ("docNationality", DataGroup::Person, "Nationality"),
    ("birthPlace", DataGroup::Person, "Birth place"),
    ("docBirthName", DataGroup::Person, "Birth name"),
    (
        "mothersMaidenName",
        DataGroup::Person,
        "Mother's maiden name",
    ),
    ("address", DataGroup::Person, "Address"),
    (
        "docTemporaryAddress",
        DataGroup::Person,
        "Temporary address",
    ),
    ("manualAddress", DataGroup::Person, "Manual address"),
    ("docType", DataGroup::Document, "Type"),
    ("docNumber", DataGroup::Document, "Number"),
    ("docPersonalCode", DataGroup::Document, "Personal code"),
    ("docIssuingCountry", DataGroup::Document, "Issuing country"),
    ("docDateOfIssue", DataGroup::Document, "Date of issue"),
    ("docExpiry", DataGroup::Document, "Expiry"),
    ("authority", DataGroup::Document, "Authority"),
    (
        "driverLicenseCategory",
        DataGroup::Document,
        "Driver license category",
    ),
    ("selectedCountry", DataGroup::Document, "Selected country"),
    ("orgFirstName", DataGroup::OriginalLanguage, "First name"),
    ("orgLastName", DataGroup::OriginalLanguage, "Last name"),
    ("orgNationality", DataGroup::OriginalLanguage, "Nationality"),
    ("orgBirthPlace", DataGroup::OriginalLanguage, "Birth place"),
    ("orgBirthName", DataGroup::OriginalLanguage, "Birth name"),
    ("orgAuthority", DataGroup::OriginalLanguage, "Authority"),
    ("orgAddress", DataGroup::OriginalLanguage, "Address"),
    (
        "orgTemporaryAddress",
        DataGroup::OriginalLanguage,
        "Temporary address",
    ),
    (
        "orgMothersMaidenName",
        DataGroup::OriginalLanguage,
        "Mother's maiden name",
    ),
    ("manuallyDataChanged", DataGroup::Checks, "Manually changed"),
    ("ageEstimate", DataGroup::Checks, "Age estimate"),
    ("clientIpProxyRiskLevel", DataGroup::Checks, "IP proxy risk"),
    ("duplicateFaces", DataGroup::Checks, "Duplicate faces"),
    (
        "duplicateDocFaces",
        DataGroup::Checks,
        "Duplicate document faces",
    ),
    (
        "manualAddressMatch",
        DataGroup::Checks,
        "Manual address match",
    ),
    (
        "addressVerification",
        DataGroup::Checks,
        "Address verification",
    ),
    (
        "registryCenterCheck",
        DataGroup::Checks,
        "Registry center check",
    ),
    ("additionalData", DataGroup::Checks, "Additional data"),
    ("scanRef", DataGroup::Other, "scanRef"),
    ("clientId", DataGroup::Other, "clientId"),
];

/// One field of a `data` response, placed in its section.
#[derive(Debug, PartialEq)]
pub struct DataField<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub group: DataGroup,
    pub value: &'a Value,
}

/// Every field of a `data` response with its section; fields this program does not know go
/// to [`DataGroup::Other`] under their own name.
///
/// Known fields come in the order of [`DATA_FIELDS`] (name before number, as a person reads
/// a document); unknown ones follow in the API's order.
pub fn data_fields(body: &Map<String, Value>) -> Vec<DataField<'_>> {
    let mut fields: Vec<(usize, DataField<'_>)> = body
        .iter()
        .map(|(key, value)| {
            let known = DATA_FIELDS.iter().position(|(known, _, _)| known == key);
            let (group, label) = known.map_or((DataGroup::Other, key.as_str()), |i| {
                (DATA_FIELDS[i].1, DATA_FIELDS[i].2)
            });
            let field = DataField {
                key,
                label,
                group,
                value,
            };
            (known.unwrap_or(DATA_FIELDS.len()), field)
        })
        .collect();
    fields.sort_by_key(|(rank, _)| *rank);
    fields.into_iter().map(|(_, field)| field).collect()
}

/// The lists of screening results a webhook payload (or a `data` response) may carry: AML
/// (sanctions, PEP, adverse media) and LID (lost and invalid documents).
pub const SCREENING_LISTS: [&str; 2] = ["AML", "LID"];

/// The objects of file links in a `files` response (and a webhook payload).
pub const LINK_OBJECTS: [&str; 3] = ["fileUrls", "videoUrls", "additionalStepPdfUrls"];

/// Where a file link was found in a `files` response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSource {
    FileUrls,
    VideoUrls,
    AdditionalStepPdfUrls,
    /// A link at the top level, the legacy place iDenfy says may go away.
    TopLevel,
}

impl LinkSource {
    pub fn name(self) -> &'static str {
        match self {
            LinkSource::FileUrls => "fileUrls",
            LinkSource::VideoUrls => "videoUrls",
            LinkSource::AdditionalStepPdfUrls => "additionalStepPdfUrls",
            LinkSource::TopLevel => "top level",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Photo,
    Video,
    Pdf,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Photo => "photo",
            FileKind::Video => "video",
            FileKind::Pdf => "PDF",
        }
    }
}

/// One entry of `fileUrls`, `videoUrls`, `additionalStepPdfUrls`, or a top-level link.
#[derive(Debug, PartialEq)]
pub struct FileLink<'a> {
    pub source: LinkSource,
    pub key: &'a str,
    /// The value as sent: a URL string, `null`, or anything else.
    pub value: &'a Value,
    pub kind: FileKind,
    /// For a top-level link that repeats one in the grouped objects: where (`fileUrls.FACE`).
    pub repeats: Option<String>,
}

impl<'a> FileLink<'a> {
    pub fn url(&self) -> Option<&'a str> {
        self.value.as_str().filter(|s| !s.is_empty())
    }

    pub fn expiry(&self) -> Option<jiff::Timestamp> {
        self.url().and_then(urls::link_expiry)
    }
}

/// The links of a `files` response, and every other field as it came.
#[derive(Debug)]
pub struct FilesView<'a> {
    pub links: Vec<FileLink<'a>>,
    pub extra: Vec<(&'a str, &'a Value)>,
}

impl<'a> FilesView<'a> {
    pub fn new(body: &'a Map<String, Value>) -> FilesView<'a> {
        let groups = [
            LinkSource::FileUrls,
            LinkSource::VideoUrls,
            LinkSource::AdditionalStepPdfUrls,
        ];
        let mut links = Vec::new();
        let mut extra = Vec::new();
        for (key, value) in body {
            let group = groups.iter().find(|source| source.name() == key);
            match (group, value) {
                (Some(source), Value::Object(entries)) => {
                    links.extend(entries.iter().map(|(k, v)| link(*source, k, v)));
                }
                (None, Value::String(url))
                    if urls::is_http_url(url) && looks_like_file_key(key) =>
                {
                    links.push(link(LinkSource::TopLevel, key, value));
                }
                _ => extra.push((key.as_str(), value)),
            }
        }
        links.sort_by_key(|link| link.source as u8);
        mark_repeats(&mut links);
        FilesView { links, extra }
    }
}

fn link<'a>(source: LinkSource, key: &'a str, value: &'a Value) -> FileLink<'a> {
    FileLink {
        source,
        key,
        value,
        kind: file_kind(source, key, value.as_str()),
        repeats: None,
    }
}

/// Legacy top-level links sit under file keys such as `FACE` or `FRONT`, never under
/// lower-case field names such as `documentation`.
fn looks_like_file_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn file_kind(source: LinkSource, key: &str, url: Option<&str>) -> FileKind {
    match source {
        LinkSource::VideoUrls => return FileKind::Video,
        LinkSource::AdditionalStepPdfUrls => return FileKind::Pdf,
        LinkSource::FileUrls | LinkSource::TopLevel => {}
    }
    match url.and_then(urls::path_extension).as_deref() {
        Some("pdf") => FileKind::Pdf,
        Some("mp4" | "webm" | "mov" | "m4v") => FileKind::Video,
        _ if key.to_ascii_uppercase().ends_with("VIDEO") => FileKind::Video,
        _ => FileKind::Photo,
    }
}

fn mark_repeats(links: &mut [FileLink<'_>]) {
    let grouped: Vec<(String, String)> = links
        .iter()
        .filter(|l| l.source != LinkSource::TopLevel)
        .filter_map(|l| {
            Some((
                format!("{}.{}", l.source.name(), l.key),
                l.url()?.to_string(),
            ))
        })
        .collect();
    for link in links
        .iter_mut()
        .filter(|l| l.source == LinkSource::TopLevel)
    {
        if let Some(url) = link.url() {
            link.repeats = grouped
                .iter()
                .find(|(_, u)| u == url)
                .map(|(place, _)| place.clone());
        }
    }
}

#[cfg(test)]
mod tests {
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
