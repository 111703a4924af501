//! The fields of a `status` response, known and unknown.

use serde_json::{Map, Value};

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
    /// A webhook's status carries `suspicionReasons` beside the tags.
    pub suspicion_reasons: Option<&'a Value>,
    pub extra: Vec<(&'a str, &'a Value)>,
}

const STATUS_FIELDS: [&str; 10] = [
    "scanRef",
    "clientId",
    "status",
    "autoFace",
    "manualFace",
    "autoDocument",
    "manualDocument",
    "fraudTags",
    "mismatchTags",
    "suspicionReasons",
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
            suspicion_reasons: body.get("suspicionReasons"),
            extra: unknown_fields(body, &STATUS_FIELDS),
        }
    }
}

pub(super) fn unknown_fields<'a>(
    body: &'a Map<String, Value>,
    known: &[&str],
) -> Vec<(&'a str, &'a Value)> {
    body.iter()
        .filter(|(key, _)| !known.contains(&key.as_str()))
        .map(|(key, value)| (key.as_str(), value))
        .collect()
}
