//! `find`: a client's verifications, one row each.

use serde_json::Value;

use crate::render::{Doc, Text, Tone, clean, value_text};
use crate::vocab::overall_reading;

pub fn render(results: &[Value], client_id: &str) -> Doc {
    let mut doc = Doc::new();
    if results.is_empty() {
        let line = format!("No verifications for client ID {}.", clean(client_id));
        doc.line(vec![Text::new(line, Tone::Empty)]);
        return doc;
    }
    let rows: Vec<Vec<Text>> = results.iter().map(row).collect();
    doc.table(&["scanRef", "Status", "Suspected"], rows);
    doc
}

fn row(result: &Value) -> Vec<Text> {
    let Value::Object(fields) = result else {
        return vec![value_text(result), Text::null(), Text::null()];
    };
    let scan_ref = fields.get("scanRef").map_or_else(Text::null, value_text);
    let status = match fields.get("status") {
        Some(Value::String(status)) if !status.is_empty() => {
            Text::code(clean(status), overall_reading(status).into())
        }
        other => other.map_or_else(Text::null, value_text),
    };
    let suspected = match fields.get("suspected") {
        Some(Value::Bool(true)) => Text::new("yes", Tone::Attention),
        Some(Value::Bool(false)) => Text::new("no", Tone::Plain),
        other => other.map_or_else(Text::null, value_text),
    };
    vec![scan_ref, status, suspected]
}
