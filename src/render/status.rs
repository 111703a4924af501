//! The `status` table: overall status, automatic and manual results side by side, the tags.

use serde_json::{Map, Value};

use super::{NULL, Style, Text, Tone, clean, extra_rows, section, table, value_text};
use crate::model::{StatusView, code};
use crate::vocab::{check_reading, overall_reading};

pub fn render(body: &Map<String, Value>, style: Style) -> String {
    let view = StatusView::new(body);
    let overall = match code(view.overall) {
        Some(status) => Text::new(clean(status), overall_reading(status).into()),
        None => view.overall.map_or_else(Text::null, value_text),
    };
    let head = [
        [Text::plain("Verification"), field(view.scan_ref)],
        [Text::plain("Client"), field(view.client_id)],
        [Text::plain("Status"), overall],
    ];
    let checks = [
        [
            Text::plain("Face"),
            result(view.auto_face),
            result(view.manual_face),
        ],
        [
            Text::plain("Document"),
            result(view.auto_document),
            result(view.manual_document),
        ],
    ];
    let tags = [
        [
            Text::plain("Fraud tags"),
            tag_list(view.fraud_tags, Tone::Bad),
        ],
        [
            Text::plain("Mismatch tags"),
            tag_list(view.mismatch_tags, Tone::Attention),
        ],
    ];
    let mut out = table(style, None, &head, 0);
    out.push('\n');
    out.push_str(&table(
        style,
        Some(["Check", "Automatic", "Manual"]),
        &checks,
        0,
    ));
    out.push('\n');
    out.push_str(&table(style, None, &tags, 0));
    if !view.extra.is_empty() {
        out.push('\n');
        out.push_str(&section(
            style,
            "Other fields",
            None,
            &extra_rows(&view.extra),
        ));
    }
    out
}

fn field(value: Option<&Value>) -> Text {
    value.map_or_else(Text::null, value_text)
}

/// A face or document result, coloured by what it means; empty means "no result yet".
fn result(value: Option<&Value>) -> Text {
    match code(value) {
        Some(result) => Text::new(clean(result), check_reading(result).into()),
        None => field(value),
    }
}

fn tag_list(value: Option<&Value>, tone: Tone) -> Text {
    match value {
        Some(Value::Array(tags)) if tags.is_empty() => Text::new("none", Tone::Empty),
        Some(Value::Array(tags)) if tags.iter().all(Value::is_string) => {
            let names: Vec<String> = tags
                .iter()
                .filter_map(Value::as_str)
                .map(|t| clean(t).into_owned())
                .collect();
            Text::new(names.join(", "), tone)
        }
        Some(other) => value_text(other),
        None => Text::new(NULL, Tone::Empty),
    }
}
