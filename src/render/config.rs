//! `config show`: each resolved setting, its value (secrets redacted) and its source.

use super::{NULL, Style, Text, Tone, table};
use crate::settings::ReportRow;

pub fn render(rows: &[ReportRow], style: Style) -> String {
    let rows: Vec<[Text; 3]> = rows
        .iter()
        .map(|row| {
            let value = match &row.value {
                Some(value) => Text::plain(value.clone()),
                None => Text::new("not set", Tone::Empty),
            };
            let source = match &row.source {
                Some(source) => Text::plain(source.clone()),
                None => Text::new(NULL, Tone::Empty),
            };
            [Text::plain(row.name), value, source]
        })
        .collect();
    table(style, Some(["Setting", "Value", "Source"]), &rows, 0)
}

/// The same as JSON: `{"setting": {"value": …, "source": …}}`.
pub fn json(rows: &[ReportRow]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = rows
        .iter()
        .map(|row| {
            let entry = serde_json::json!({ "value": row.value, "source": row.source });
            (row.name.to_string(), entry)
        })
        .collect();
    super::json(&map)
}
