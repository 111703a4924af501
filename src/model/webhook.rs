//! A webhook payload read as the API's three answers: its status as `/api/v2/status` gives
//! it, its data, its links, and what only a webhook carries.

use serde_json::{Map, Value};

use super::{LINK_OBJECTS, SCREENING_LISTS};

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
pub struct WebhookParts<'a> {
    /// As `/api/v2/status` answers: `status` is the payload's `status.overall`.
    pub status: Map<String, Value>,
    pub data: Option<&'a Map<String, Value>>,
    /// As `/api/v2/files` answers: the link objects.
    pub files: Map<String, Value>,
    pub webhook_only: Vec<(&'a str, &'a Value)>,
    /// The `AML` and `LID` lists.
    pub screening: Vec<(&'a str, &'a Value)>,
    pub other: Vec<(&'a str, &'a Value)>,
}

pub fn split(payload: &Map<String, Value>) -> WebhookParts<'_> {
    let mut parts = WebhookParts::default();
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
            (list, _) if SCREENING_LISTS.contains(&list) => parts.screening.push((key, value)),
            _ => parts.other.push((key, value)),
        }
    }
    parts
}
