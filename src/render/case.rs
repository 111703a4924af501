//! `case`: the status (with its verdict), the data and the files as one report.

use serde_json::{Map, Value};

use super::{Style, Tone};
use crate::vocab;

/// The data fields the status's mismatch tags point at.
fn mismatches(status: &Map<String, Value>) -> Vec<(&'static str, String)> {
    let tags = status.get("mismatchTags").and_then(Value::as_array);
    tags.into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|tag| Some((vocab::mismatch_field(tag)?, tag.to_string())))
        .collect()
}

/// Each part of the report: the body, or why it could not be read.
pub struct Parts<'a> {
    pub status: Result<&'a Map<String, Value>, &'a str>,
    pub data: Result<&'a Map<String, Value>, &'a str>,
    pub files: Result<&'a Map<String, Value>, &'a str>,
}

pub fn render(parts: Parts<'_>, style: Style, now: jiff::Timestamp) -> String {
    let context = super::data::Context {
        today: Some(now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()),
        mismatches: parts.status.map(mismatches).unwrap_or_default(),
    };
    let mut out = String::new();
    let mut part = |title: &str, body: Result<String, &str>| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&style.paint(&format!("━━ {title} ━━"), Tone::Heading));
        out.push('\n');
        match body {
            Ok(text) => out.push_str(&text),
            Err(why) => {
                out.push_str(&style.paint(&format!("Could not be read: {why}"), Tone::Bad));
                out.push('\n');
            }
        }
    };
    part(
        "Status",
        parts.status.map(|body| super::status::render(body, style)),
    );
    part(
        "Data",
        parts
            .data
            .map(|body| super::data::render(body, style, &context)),
    );
    part(
        "Files",
        parts
            .files
            .map(|body| super::files::render(body, style, now)),
    );
    out
}
