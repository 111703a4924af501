//! `case`: the status (with its verdict), the data and the files as one report.

use serde_json::{Map, Value};

use super::{Style, Tone};
/// Each part of the report: the body, or why it could not be read.
pub struct Parts<'a> {
    pub status: Result<&'a Map<String, Value>, &'a str>,
    pub data: Result<&'a Map<String, Value>, &'a str>,
    pub files: Result<&'a Map<String, Value>, &'a str>,
}

pub fn render(parts: Parts<'_>, style: Style, now: jiff::Timestamp) -> String {
    let context = super::data::Context::new(now, parts.status.ok());
    let mut out = String::new();
    let mut part = |title: &str, body: Result<String, &str>| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&super::heading(style, title));
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
