//! `webhook show` and `webhook diff`: a stored payload in the tables of `status`, `data` and
//! `files`, and where it differs from the API's answers.

use serde_json::{Map, Value, json};

use super::{Doc, Text, Tone, clean, other_fields, value_text};
use crate::diagnosis;
use crate::model::StatusView;
use crate::webhook::{self, Difference};

pub fn show(payload: &Map<String, Value>, now: jiff::Timestamp) -> Doc {
    let parts = webhook::split(payload);
    let rows: Vec<Vec<Text>> = parts
        .webhook_only
        .iter()
        .map(|(key, value)| vec![Text::plain(label(key)), webhook_value(key, value)])
        .collect();
    let mut webhook = Doc::new();
    match rows.is_empty() {
        true => webhook.line(vec![Text::new("No webhook-only fields.", Tone::Empty)]),
        false => webhook.fields(&["Field", "Value"], rows),
    };
    let view = StatusView::new(&parts.status);
    let verdict = diagnosis::verdict(&view);
    let mut doc = Doc::new();
    doc.push(super::status::headline(&diagnosis::headline(&verdict)));
    super::case::part(&mut doc, "Webhook", Ok(webhook));
    let status = super::status::without_headline(&view, &verdict);
    super::case::part(&mut doc, "Status", Ok(status));
    let data = match parts.data {
        Some(data) => {
            let context = super::data::Context::new(now, Some(&parts.status));
            super::data::render(data, &context)
        }
        None => {
            let mut none = Doc::new();
            none.line(vec![Text::new("The payload has no data.", Tone::Empty)]);
            none
        }
    };
    super::case::part(&mut doc, "Data", Ok(data));
    super::case::part(
        &mut doc,
        "Files",
        Ok(super::files::render(&parts.files, now)),
    );
    doc.append(other_fields(&parts.other));
    doc
}

fn label(key: &str) -> &str {
    match key {
        "final" => "Final",
        "platform" => "Platform",
        "startTime" => "Started",
        "finishTime" => "Finished",
        "clientIp" => "Client IP",
        "clientIpCountry" => "Client IP country",
        "clientLocation" => "Client location",
        "externalRef" => "External ref",
        other => other,
    }
}

/// Unix times as dates; everything else as it came.
fn webhook_value(key: &str, value: &Value) -> Text {
    let seconds = value
        .as_i64()
        .filter(|_| matches!(key, "startTime" | "finishTime"));
    match seconds.and_then(|s| jiff::Timestamp::from_second(s).ok()) {
        Some(at) => Text::plain(format!(
            "{} ({})",
            at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            value
        )),
        None => value_text(value),
    }
}

pub fn differences(found: &[Difference], scan_ref: &str) -> Doc {
    let mut doc = Doc::new();
    if found.is_empty() {
        let line = format!(
            "No differences: the webhook and the API agree on everything both describe for {}.",
            clean(scan_ref)
        );
        doc.line(vec![Text::new(line, Tone::Good)]);
        return doc;
    }
    let rows: Vec<Vec<Text>> = found
        .iter()
        .map(|d| {
            vec![
                Text::code(clean(&d.path), Tone::Plain),
                cell(&d.webhook, &d.api),
                cell(&d.api, &d.webhook),
            ]
        })
        .collect();
    doc.table(&["Path", "Webhook", "API"], rows);
    doc
}

/// A value as usual, but as JSON text when the other side has another type, so that `"25"`
/// and `25` do not look alike.
fn cell(value: &Value, other: &Value) -> Text {
    let kind = |v: &Value| std::mem::discriminant(v);
    match kind(value) == kind(other) || value.is_null() || other.is_null() {
        true => value_text(value),
        false => Text::plain(clean(&value.to_string())),
    }
}

pub fn differences_json(found: &[Difference]) -> Value {
    let items: Vec<Value> = found
        .iter()
        .map(|d| json!({ "path": d.path, "webhook": d.webhook, "api": d.api }))
        .collect();
    Value::Array(items)
}
