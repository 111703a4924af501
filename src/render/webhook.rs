//! `webhook show` and `webhook diff`: a stored payload in the tables of `status`, `data` and
//! `files`, and where it differs from the API's answers.

use serde_json::{Map, Value, json};

use super::{Style, Text, Tone, clean, heading, other_fields, table, value_text};
use crate::webhook::{self, Difference};

pub fn show(payload: &Map<String, Value>, style: Style, now: jiff::Timestamp) -> String {
    let parts = webhook::split(payload);
    let rows: Vec<[Text; 2]> = parts
        .webhook_only
        .iter()
        .map(|(key, value)| [Text::plain(label(key)), webhook_value(key, value)])
        .collect();
    let mut out = heading(style, "Webhook");
    out.push_str(&if rows.is_empty() {
        format!("{}\n", style.paint("No webhook-only fields.", Tone::Empty))
    } else {
        table(style, None, &rows, 0)
    });
    out.push('\n');
    out.push_str(&heading(style, "Status"));
    out.push_str(&super::status::render(&parts.status, style));
    out.push('\n');
    out.push_str(&heading(style, "Data"));
    match parts.data {
        Some(data) => {
            let context = super::data::Context::new(now, Some(&parts.status));
            out.push_str(&super::data::render(data, style, &context));
        }
        None => out.push_str(&format!(
            "{}\n",
            style.paint("The payload has no data.", Tone::Empty)
        )),
    }
    out.push('\n');
    out.push_str(&heading(style, "Files"));
    out.push_str(&super::files::render(&parts.files, style, now));
    out.push_str(&other_fields(style, &parts.other));
    out
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

pub fn differences(found: &[Difference], scan_ref: &str, style: Style) -> String {
    if found.is_empty() {
        let line = format!(
            "No differences: the webhook and the API agree on everything both describe for {}.",
            clean(scan_ref)
        );
        return format!("{}\n", style.paint(&line, Tone::Good));
    }
    let rows: Vec<[Text; 3]> = found
        .iter()
        .map(|d| {
            [
                Text::plain(clean(&d.path)),
                cell(&d.webhook, &d.api),
                cell(&d.api, &d.webhook),
            ]
        })
        .collect();
    table(style, Some(["Path", "Webhook", "API"]), &rows, 0)
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

pub fn differences_json(found: &[Difference]) -> String {
    let items: Vec<Value> = found
        .iter()
        .map(|d| json!({ "path": d.path, "webhook": d.webhook, "api": d.api }))
        .collect();
    super::json_value(&Value::Array(items))
}
