//! `config show`: each resolved setting, its value (secrets redacted) and its source.

use crate::render::{Doc, NULL, Text, Tone};
use crate::settings::ReportRow;

pub fn render(rows: &[ReportRow]) -> Doc {
    let rows: Vec<Vec<Text>> = rows
        .iter()
        .map(|row| {
            // Paths and commands are copied from here: never broken.
            let value = match &row.value {
                Some(value) => Text::whole(value.clone()),
                None => Text::new("not set", Tone::Empty),
            };
            let source = match &row.source {
                // `config file PATH` names a path; the others are words.
                Some(source) if source.contains('/') || source.contains('\\') => {
                    Text::whole(source.clone())
                }
                Some(source) => Text::plain(source.clone()),
                None => Text::new(NULL, Tone::Empty),
            };
            vec![Text::plain(row.name), value, source]
        })
        .collect();
    let mut doc = Doc::new();
    doc.table(&["Setting", "Value", "Source"], rows);
    doc
}

/// The same as JSON: `{"setting": {"value": …, "source": …}}`.
pub fn json(rows: &[ReportRow]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = rows
        .iter()
        .map(|row| {
            let entry = serde_json::json!({ "value": row.value, "source": row.source });
            (row.name.to_string(), entry)
        })
        .collect();
    serde_json::Value::Object(map)
}
