//! `find`: a client's verifications, one row each.

use serde_json::Value;

use super::{Style, Text, Tone, clean, table, value_text};
use crate::vocab::overall_reading;

pub fn render(results: &[Value], client_id: &str, style: Style) -> String {
    if results.is_empty() {
        let line = format!("No verifications for client ID {}.", clean(client_id));
        return format!("{}\n", style.paint(&line, Tone::Empty));
    }
    let rows: Vec<[Text; 3]> = results.iter().map(row).collect();
    table(style, Some(["scanRef", "Status", "Suspected"]), &rows, 0)
}

fn row(result: &Value) -> [Text; 3] {
    let Value::Object(fields) = result else {
        return [value_text(result), Text::null(), Text::null()];
    };
    let scan_ref = fields.get("scanRef").map_or_else(Text::null, value_text);
    let status = match fields.get("status") {
        Some(Value::String(status)) if !status.is_empty() => {
            Text::new(clean(status), overall_reading(status).into())
        }
        other => other.map_or_else(Text::null, value_text),
    };
    let suspected = match fields.get("suspected") {
        Some(Value::Bool(true)) => Text::new("yes", Tone::Attention),
        Some(Value::Bool(false)) => Text::new("no", Tone::Plain),
        other => other.map_or_else(Text::null, value_text),
    };
    [scan_ref, status, suspected]
}
