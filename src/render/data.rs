//! The `data` table: every field, grouped into person, document, original language,
//! checks and other; nulls visible.

use serde_json::{Map, Value};

use super::{Style, Text, Tone, section, table, value_rows, value_text};
use crate::model::{DataGroup, data_fields};

/// Fields shown in the heading rather than in a section.
const HEADING_FIELDS: [(&str, &str); 2] = [("scanRef", "Verification"), ("clientId", "Client")];

pub fn render(body: &Map<String, Value>, style: Style) -> String {
    let fields = data_fields(body);
    let heading: Vec<[Text; 2]> = HEADING_FIELDS
        .iter()
        .filter_map(|(key, label)| Some([Text::plain(*label), value_text(body.get(*key)?)]))
        .collect();
    let mut parts = Vec::new();
    if !heading.is_empty() {
        parts.push(table(style, None, &heading, 0));
    }
    for group in DataGroup::ALL {
        let mut rows = Vec::new();
        for field in fields.iter().filter(|f| f.group == group) {
            if HEADING_FIELDS.iter().any(|(key, _)| *key == field.key) {
                continue;
            }
            value_rows(field.label, field.value, &mut rows);
            if field.key == "manuallyDataChanged"
                && field.value == &Value::Bool(true)
                && let Some(last) = rows.last_mut()
            {
                last[1] = Text::new("true (a reviewer corrected the data)", Tone::Attention);
            }
        }
        if !rows.is_empty() {
            parts.push(section(style, group.title(), None, &rows));
        }
    }
    if parts.is_empty() {
        return format!(
            "{}\n",
            style.paint("The response has no fields.", Tone::Empty)
        );
    }
    parts.join("\n")
}
