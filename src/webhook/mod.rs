//! Webhooks: the signature check, a payload seen as the three API responses, and where a
//! payload and the API's answers differ. Pure functions over bytes and decoded JSON.

pub mod args;
pub mod deliver;
pub mod keys;
pub mod listen;
pub mod listen_run;
pub mod run;
pub mod view;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::model::LINK_OBJECTS;
pub use crate::model::webhook::{WebhookParts, split};

/// A signature as the `Idenfy-Signature` header carries it: 64 hex digits, either case,
/// surrounding whitespace ignored.
pub fn parse_signature(text: &str) -> Result<Vec<u8>, String> {
    let hex = text.trim();
    if hex.len() != 64 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "--signature must be 64 hex digits (HMAC-SHA256), got {} characters",
            hex.chars().count()
        ));
    }
    (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}

/// Whether `signature` is HMAC-SHA256(key, body), compared in constant time.
pub fn signature_matches(key: &[u8], body: &[u8], signature: &[u8]) -> bool {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(signature).is_ok()
}

/// The `Idenfy-Signature` value for `body`: hex HMAC-SHA256 with `key`, lower case.
pub fn signature_hex(key: &[u8], body: &[u8]) -> String {
    // HMAC takes a key of any length; an error here cannot happen.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(body);
    crate::text::hex(&mac.finalize().into_bytes())
}

/// What the signature of a delivery says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureCheck {
    /// The `Idenfy-Signature` header is the HMAC of the exact bytes with the key.
    Valid,
    /// A key is set and the header is malformed or another value.
    Invalid,
    /// A key is set and the delivery has no `Idenfy-Signature` header at all.
    Missing,
    /// No key is set: nothing to check against.
    Unchecked,
}

impl SignatureCheck {
    pub fn name(self) -> &'static str {
        match self {
            SignatureCheck::Valid => "valid",
            SignatureCheck::Invalid => "invalid",
            SignatureCheck::Missing => "missing",
            SignatureCheck::Unchecked => "unchecked",
        }
    }

    pub fn from_name(name: &str) -> Option<SignatureCheck> {
        [
            SignatureCheck::Valid,
            SignatureCheck::Invalid,
            SignatureCheck::Missing,
            SignatureCheck::Unchecked,
        ]
        .into_iter()
        .find(|v| v.name() == name)
    }
}

/// The verdict on a delivery's `header` (the `Idenfy-Signature` value, if any) for `body`.
pub fn verdict(key: Option<&[u8]>, header: Option<&[u8]>, body: &[u8]) -> SignatureCheck {
    let Some(key) = key else {
        return SignatureCheck::Unchecked;
    };
    let Some(header) = header else {
        return SignatureCheck::Missing;
    };
    let signature = Some(header)
        .and_then(|h| std::str::from_utf8(h).ok())
        .and_then(|h| parse_signature(h).ok());
    match signature {
        Some(signature) if signature_matches(key, body, &signature) => SignatureCheck::Valid,
        _ => SignatureCheck::Invalid,
    }
}

/// What an event type means, in words; `None` for a type this program does not know.
pub fn event_meaning(event_type: &str) -> Option<String> {
    let code = event_type.trim().to_ascii_uppercase();
    let entry = crate::vocab::lookup(crate::vocab::Category::WebhookEvent, &code)?;
    let meaning = entry.meaning.trim_end_matches('.');
    let mut chars = meaning.chars();
    let lowered: String = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    Some(lowered)
}

/// The file where `webhook listen` notes the facts of a delivery saved as `NAME.json`:
/// `NAME.meta.json` beside it. `None` for a name that is not `*.json` or is a note itself.
pub fn meta_path(body: &Path) -> Option<PathBuf> {
    let name = body.file_name()?.to_str()?;
    if name.ends_with(META_SUFFIX) {
        return None;
    }
    let stem = name.strip_suffix(".json")?;
    Some(body.with_file_name(format!("{stem}{META_SUFFIX}")))
}

/// The payload beside a note (`NAME.json` for `NAME.meta.json`), when `path` is a note.
pub fn body_of_meta(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(META_SUFFIX)?;
    Some(path.with_file_name(format!("{stem}.json")))
}

/// How a delivery's note ends.
pub const META_SUFFIX: &str = ".meta.json";

/// What was noted about a delivery when it arrived: shown beside its payload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capture {
    pub event_type: Option<String>,
    /// RFC 3339, as noted.
    pub received_at: Option<String>,
    /// `valid`, `invalid` or `unchecked`, or whatever the note says.
    pub signature: Option<String>,
    /// Whether the delivery carried an `Idenfy-Signature` header, when the note lists the
    /// headers.
    pub signed: Option<bool>,
    /// The `Idenfy-Signature` header's value as received, when the note lists it.
    pub signature_header: Option<String>,
}

impl Capture {
    /// What the verdict reads of the signature: a delivery that was never checked, or whose
    /// check failed, is not acted on.
    pub fn signature_check(&self) -> crate::verdict::Signature {
        use crate::verdict::Signature;
        let noted = self
            .signature
            .as_deref()
            .map(|s| s.trim().to_ascii_lowercase());
        match noted.as_deref().and_then(SignatureCheck::from_name) {
            // A note that lists the headers without the signature header cannot vouch for it.
            Some(SignatureCheck::Valid) if self.signed == Some(false) => Signature::Missing,
            Some(SignatureCheck::Valid) => Signature::Valid,
            Some(SignatureCheck::Missing) => Signature::Missing,
            Some(SignatureCheck::Invalid) if self.signed == Some(false) => Signature::Missing,
            Some(SignatureCheck::Invalid) => Signature::Invalid,
            Some(SignatureCheck::Unchecked) => Signature::Unchecked,
            None => Signature::NotRecorded,
        }
    }
}

impl Capture {
    /// Reads a note as `webhook listen` writes it; fields it lacks stay empty.
    pub fn parse(bytes: &[u8]) -> Result<Capture, String> {
        let decoded = crate::model::decode(bytes).map_err(|err| format!("it is {err}"))?;
        let text = |key: &str| match decoded.body.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let headers = match decoded.body.get("headers") {
            Some(Value::Array(headers)) => Some(headers),
            _ => None,
        };
        let header = |name: &str| {
            let headers = headers?;
            headers
                .iter()
                .find_map(|pair| match pair.as_array()?.as_slice() {
                    [Value::String(n), Value::String(v)] if n.eq_ignore_ascii_case(name) => {
                        Some(v.clone())
                    }
                    _ => None,
                })
        };
        Ok(Capture {
            event_type: text("eventType").or_else(|| header("idenfy-event-type")),
            received_at: text("receivedAt"),
            signature: text("signature"),
            signed: headers.map(|_| header("idenfy-signature").is_some()),
            signature_header: header("idenfy-signature"),
        })
    }
}

/// Whether a host is iDenfy's own (`idenfy.com` or under it): deliveries are never sent there.
pub fn is_idenfy_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "idenfy.com" || host.ends_with(".idenfy.com")
}

/// The scanRef and overall status of a delivery's body, when it is a JSON object that says
/// them; a value that is not a string shows as its JSON text. Each is cut to
/// [`SUMMARY_CHARS`] characters: a line per delivery never carries a body's worth of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub scan_ref: Option<String>,
    pub status: Option<String>,
}

/// The longest scanRef or status a delivery's line shows (iDenfy's scanRefs have 36).
pub const SUMMARY_CHARS: usize = 100;

pub fn summary(body: &[u8]) -> Summary {
    let Ok(decoded) = crate::model::check(body.to_vec()).and_then(|d| d.decode()) else {
        return Summary::default();
    };
    let text = |value: &Value| match value {
        Value::Null => None,
        Value::String(s) => Some(clip(s)),
        other => Some(clip(&other.to_string())),
    };
    let status = match decoded.body.get("status") {
        Some(Value::Object(status)) => status.get("overall").and_then(text),
        Some(other) => text(other),
        None => None,
    };
    Summary {
        scan_ref: decoded.body.get("scanRef").and_then(text),
        status,
    }
}

/// `text` cut to [`SUMMARY_CHARS`] characters, an ellipsis marking the cut.
pub fn clip(text: &str) -> String {
    crate::text::cut(text, SUMMARY_CHARS)
}

/// The largest body tried in other JSON layouts; real payloads are a few kilobytes.
const MAX_REPARSED_BYTES: usize = 1024 * 1024;

/// Why a signature that does not match might still be genuine; each a hint for a person.
pub fn mismatch_hints(
    key: &[u8],
    body: &[u8],
    signature: &[u8],
    api_secret: Option<&[u8]>,
) -> Vec<String> {
    let mut hints = Vec::new();
    if api_secret.is_some_and(|secret| signature_matches(secret, body, signature)) {
        hints.push(
            "the API secret verifies this signature: the account signs webhooks with its API secret (older accounts did); use it as the signing key"
                .to_string(),
        );
        return hints;
    }
    // One or two line ends added on the way to the file (`\n`, `\r\n`, or both kinds).
    let mut shorter = body;
    let mut added_line_end = false;
    for _ in 0..2 {
        shorter = shorter
            .strip_suffix(b"\n")
            .map(|s| s.strip_suffix(b"\r").unwrap_or(s))
            .unwrap_or(shorter);
        added_line_end |= signature_matches(key, shorter, signature);
    }
    let has_crlf = body.windows(2).any(|pair| pair == b"\r\n");
    let unix_endings = || -> Vec<u8> {
        body.iter()
            .enumerate()
            .filter(|&(i, b)| !(*b == b'\r' && body.get(i + 1) == Some(&b'\n')))
            .map(|(_, b)| *b)
            .collect()
    };
    if has_crlf && signature_matches(key, &unix_endings(), signature) {
        hints.push(
            "the body verifies with \\n line ends instead of \\r\\n: the signature covers the raw bytes as received, and the line ends were changed when it was stored"
                .to_string(),
        );
        return hints;
    }
    if added_line_end {
        hints.push(
            "the body verifies without its trailing newline: the signature covers the raw bytes as received, and something added a newline when it was stored"
                .to_string(),
        );
        return hints;
    }
    // Parsed only when it is as small as a real payload: a tree of a hostile body would
    // take many times its size.
    let parsed = (body.len() <= MAX_REPARSED_BYTES)
        .then(|| crate::json::scan(body).ok())
        .flatten()
        .filter(|shape| shape.values <= crate::model::MAX_VALUES)
        .and_then(|_| serde_json::from_slice::<Value>(body).ok());
    if let Some(parsed) = parsed {
        let compact = serde_json::to_vec(&parsed).unwrap_or_default();
        let pretty = serde_json::to_vec_pretty(&parsed).unwrap_or_default();
        let reserialised = [compact, pretty].iter().any(|variant| {
            variant.as_slice() != body && signature_matches(key, variant, signature)
        });
        hints.push(if reserialised {
            "the body verifies in another JSON layout: a framework parsed and re-serialised it; the signature covers the raw bytes as received".to_string()
        } else {
            "the signature covers the raw bytes exactly as received: a body that was parsed and re-serialised, or that gained a trailing newline, no longer matches; check the key too".to_string()
        });
    } else {
        hints.push(
            "check the signing key, and that the file holds the body exactly as received"
                .to_string(),
        );
    }
    hints
}

/// One thing that differs: where, and the value on each side (absent shows as `null`).
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub path: String,
    pub webhook: Value,
    pub api: Value,
}

const CHECKS: [&str; 4] = ["autoFace", "manualFace", "autoDocument", "manualDocument"];
const TAGS: [&str; 2] = ["fraudTags", "mismatchTags"];

/// Every difference between a payload and the API's status, data and files answers, in
/// what both describe. Link queries (signature, expiry) never count, nor do fields that
/// only one side has.
pub fn differences(
    payload: &Map<String, Value>,
    status: &Map<String, Value>,
    data: &Map<String, Value>,
    files: &Map<String, Value>,
) -> Vec<Difference> {
    let parts = split(payload);
    let mut found = Vec::new();
    let mut differ = |path: String, webhook: Option<&Value>, api: Option<&Value>| {
        found.push(Difference {
            path,
            webhook: webhook.cloned().unwrap_or(Value::Null),
            api: api.cloned().unwrap_or(Value::Null),
        });
    };
    let overall = (parts.status.get("status"), status.get("status"));
    if code(overall.0) != code(overall.1) {
        differ("status.overall".to_string(), overall.0, overall.1);
    }
    for key in CHECKS {
        let (ours, theirs) = (parts.status.get(key), status.get(key));
        if code(ours) != code(theirs) {
            differ(format!("status.{key}"), ours, theirs);
        }
    }
    for key in TAGS {
        let (ours, theirs) = (parts.status.get(key), status.get(key));
        if tag_set(ours) != tag_set(theirs) {
            differ(format!("status.{key}"), ours, theirs);
        }
    }
    if let Some(webhook_data) = parts.data {
        for (key, ours) in webhook_data {
            if let Some(theirs) = data.get(key) {
                compare(&format!("data.{key}"), ours, theirs, &mut differ);
            }
        }
    }
    let (ours, theirs) = (file_keys(&parts.files), file_keys(files));
    if parts.files.values().any(Value::is_object) && ours != theirs {
        let list = |keys: &BTreeSet<String>| Value::from(keys.iter().cloned().collect::<Vec<_>>());
        differ(
            "file keys".to_string(),
            Some(&list(&ours)),
            Some(&list(&theirs)),
        );
    }
    found
}

/// Why a webhook and the API's answer likely differ, most likely first: the API's answer is
/// the one that stands, the webhook is what was sent then.
pub fn likely_reasons(payload: &Map<String, Value>, found: &[Difference]) -> Vec<&'static str> {
    let mut reasons = Vec::new();
    let differs = |path: &str| found.iter().any(|d| d.path == path);
    if payload.get("final") == Some(&Value::Bool(false)) {
        reasons.push(
            "The webhook was not final (final: false): a manual review followed, and the API shows its result; the review's own webhook (IDENTIFICATION_MANUAL_FINISHED) carries it too.",
        );
    }
    let manual: Vec<&Difference> = found
        .iter()
        .filter(|d| d.path == "status.manualFace" || d.path == "status.manualDocument")
        .collect();
    if manual.iter().any(|d| code(Some(&d.api)).is_some()) {
        reasons.push(
            "A manual review after this webhook set the results (manualFace, manualDocument).",
        );
    } else if !manual.is_empty() {
        reasons.push(
            "The webhook has manual results the API does not: the stored webhook may belong to another verification or may have been changed after it arrived (check it with idenfy-cli webhook verify).",
        );
    }
    let checks_differ = CHECKS.iter().any(|key| differs(&format!("status.{key}")));
    if differs("status.overall") && !checks_differ {
        reasons.push(
            "The status changed while the results did not: most often an admin approved or denied the verification by hand in iDenfy's dashboard.",
        );
    }
    if !found.is_empty() && found.iter().all(|d| d.path.starts_with("data.")) {
        reasons.push(
            "Only data differs: a reviewer may have corrected what was read from the document (manuallyDataChanged), or the stored webhook was changed after it arrived (check it with idenfy-cli webhook verify).",
        );
    }
    if reasons.is_empty() && !found.is_empty() {
        reasons.push("The verification changed after this webhook was sent.");
    }
    reasons
}

/// A code: a non-empty string; `null`, absent and `""` all mean "no result".
fn code(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null() && v.as_str() != Some(""))
}

/// Tags as a set; `null` and absent are the empty set.
fn tag_set(value: Option<&Value>) -> BTreeSet<String> {
    match value {
        Some(Value::Array(items)) => items.iter().map(|v| v.to_string()).collect(),
        Some(Value::Null) | None => BTreeSet::new(),
        Some(other) => BTreeSet::from([other.to_string()]),
    }
}

/// The keys of every non-null link in `fileUrls`, `videoUrls` and `additionalStepPdfUrls`
/// together: a `null` link is no file, and which object holds a key does not matter.
fn file_keys(body: &Map<String, Value>) -> BTreeSet<String> {
    LINK_OBJECTS
        .iter()
        .filter_map(|object| body.get(*object)?.as_object())
        .flat_map(|links| links.iter())
        .filter(|(_, link)| !link.is_null() && link.as_str() != Some(""))
        .map(|(key, _)| key.clone())
        .collect()
}

/// Compares one field of both sides: objects field by field (fields one side lacks are
/// skipped), everything else as a value.
fn compare(
    path: &str,
    ours: &Value,
    theirs: &Value,
    differ: &mut impl FnMut(String, Option<&Value>, Option<&Value>),
) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                if let Some(other) = b.get(key) {
                    compare(&format!("{path}.{key}"), value, other, differ);
                }
            }
        }
        _ if same(ours, theirs) => {}
        _ => differ(path.to_string(), Some(ours), Some(theirs)),
    }
}

/// Equal in meaning: `null`, `""`, `[]` and `{}` all say "nothing"; numbers by value; lists
/// (of scanRefs, say) whatever their order.
fn same(a: &Value, b: &Value) -> bool {
    let empty = |v: &Value| match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    };
    match (a, b) {
        _ if empty(a) && empty(b) => true,
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            let mut x: Vec<String> = x.iter().map(Value::to_string).collect();
            let mut y: Vec<String> = y.iter().map(Value::to_string).collect();
            x.sort();
            y.sort();
            x == y
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
