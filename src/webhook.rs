//! Webhooks: the signature check, a payload seen as the three API responses, and where a
//! payload and the API's answers differ. Pure functions over bytes and decoded JSON.

use std::collections::BTreeSet;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::model::LINK_OBJECTS;

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

/// Fields that only a webhook carries, shown in their own section by `webhook show`.
const WEBHOOK_ONLY: [&str; 8] = [
    "final",
    "platform",
    "startTime",
    "finishTime",
    "clientIp",
    "clientIpCountry",
    "clientLocation",
    "externalRef",
];

/// A payload split into what the three API responses would hold, what only a webhook
/// carries, and everything else.
#[derive(Debug, Default)]
pub struct Parts<'a> {
    /// As `/api/v2/status` answers: `status` is the payload's `status.overall`.
    pub status: Map<String, Value>,
    pub data: Option<&'a Map<String, Value>>,
    /// As `/api/v2/files` answers: the link objects.
    pub files: Map<String, Value>,
    pub webhook_only: Vec<(&'a str, &'a Value)>,
    pub other: Vec<(&'a str, &'a Value)>,
}

pub fn split(payload: &Map<String, Value>) -> Parts<'_> {
    let mut parts = Parts::default();
    for key in ["scanRef", "clientId"] {
        if let Some(value) = payload.get(key) {
            parts.status.insert(key.to_string(), value.clone());
        }
    }
    if let Some(Value::Object(status)) = payload.get("status") {
        for (key, value) in status {
            let key = if key == "overall" {
                "status"
            } else {
                key.as_str()
            };
            parts.status.insert(key.to_string(), value.clone());
        }
    }
    for (key, value) in payload {
        match (key.as_str(), value) {
            ("scanRef" | "clientId", _) | ("status", Value::Object(_)) => {}
            ("data", Value::Object(data)) => parts.data = Some(data),
            (link, _) if LINK_OBJECTS.contains(&link) => {
                parts.files.insert(key.clone(), value.clone());
            }
            (known, _) if WEBHOOK_ONLY.contains(&known) => parts.webhook_only.push((key, value)),
            _ => parts.other.push((key, value)),
        }
    }
    parts
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
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_that_mean_the_same_are_the_same() {
        assert!(same(&json!(null), &json!("")));
        assert!(same(&json!([]), &json!(null)));
        assert!(same(&json!(1), &json!(1.0)));
        assert!(same(
            &json!(100),
            &serde_json::from_str::<Value>("1e2").unwrap()
        ));
        assert!(same(&json!(["a", "b"]), &json!(["b", "a"])));
        assert!(!same(&json!("25"), &json!(25)));
        assert!(!same(&json!("A"), &json!("B")));
    }

    #[test]
    fn file_keys_are_one_set_of_non_null_links() {
        let a = json!({"fileUrls": {"FRONT_VIDEO": "https://h/v", "BACK": null}});
        let b = json!({"videoUrls": {"FRONT_VIDEO": "https://h/v?x=1"}});
        let (Value::Object(a), Value::Object(b)) = (a, b) else {
            unreachable!()
        };
        assert_eq!(file_keys(&a), file_keys(&b));
    }

    #[test]
    fn signatures_parse_in_either_case_with_whitespace() {
        let hex = "90362F407b25ad68d75270df9f6748e48f1be50e6879aaaf07592dcaca08f010";
        assert_eq!(parse_signature(&format!("  {hex}\n")).unwrap().len(), 32);
        assert!(parse_signature("abc").is_err());
        assert!(parse_signature(&"g".repeat(64)).is_err());
    }

    #[test]
    fn a_payload_splits_into_the_three_responses() {
        let payload = json!({
            "clientId": "c", "scanRef": "s", "final": true, "platform": "PC",
            "status": {"overall": "APPROVED", "autoFace": "FACE_MATCH", "fraudTags": []},
            "data": {"docFirstName": "A"}, "fileUrls": {"FACE": "https://h/f"}, "AML": []
        });
        let Value::Object(payload) = payload else {
            unreachable!()
        };
        let parts = split(&payload);
        assert_eq!(parts.status["status"], "APPROVED");
        assert_eq!(parts.status["scanRef"], "s");
        assert_eq!(parts.data.unwrap()["docFirstName"], "A");
        assert!(parts.files.contains_key("fileUrls"));
        let only: Vec<&str> = parts.webhook_only.iter().map(|(k, _)| *k).collect();
        assert_eq!(only, ["final", "platform"]);
        let other: Vec<&str> = parts.other.iter().map(|(k, _)| *k).collect();
        assert_eq!(other, ["AML"]);
    }
}
