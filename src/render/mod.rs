//! Tables and JSON: pure functions from decoded responses to text. No I/O, no network.

pub mod case;
pub mod config;
pub mod data;
pub mod download;
pub mod explain;
pub mod files;
pub mod find;
pub mod markdown;
pub mod status;
pub mod trace;
pub mod webhook;

use comfy_table::{Cell, ContentArrangement, Table, presets};
use owo_colors::OwoColorize;
use serde_json::{Map, Value};

use crate::vocab::Reading;

/// What a cell means, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Attention,
    Empty,
    Heading,
}

impl From<Reading> for Tone {
    fn from(reading: Reading) -> Tone {
        match reading {
            Reading::Good => Tone::Good,
            Reading::Bad => Tone::Bad,
            Reading::Attention => Tone::Attention,
        }
    }
}

/// Colour on or off and the width to fit (`None`: nothing wrapped or shortened), decided
/// once by the settings.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: Option<usize>,
}

impl Style {
    pub fn paint(&self, text: &str, tone: Tone) -> String {
        if !self.color {
            return text.to_string();
        }
        match tone {
            Tone::Plain => text.to_string(),
            Tone::Good => text.green().to_string(),
            Tone::Bad => text.red().to_string(),
            Tone::Attention => text.yellow().to_string(),
            Tone::Empty => text.dimmed().to_string(),
            Tone::Heading => text.bold().to_string(),
        }
    }
}

/// A cell's text and tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub tone: Tone,
}

impl Text {
    pub fn new(text: impl Into<String>, tone: Tone) -> Text {
        Text {
            text: text.into(),
            tone,
        }
    }

    pub fn plain(text: impl Into<String>) -> Text {
        Text::new(text, Tone::Plain)
    }

    pub fn null() -> Text {
        Text::new(NULL, Tone::Empty)
    }
}

/// How `null` (and a missing field) shows.
pub const NULL: &str = "—";

pub use crate::text::clean;

/// The most characters a table cell shows; `--json` always has the whole value.
pub const MAX_CELL_CHARS: usize = 2_000;

/// Text cut to [`MAX_CELL_CHARS`], saying how much was left out.
pub fn fit(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!(
                "{}… ({rest} more characters; --json shows all)",
                &text[..cut]
            )
        }
    }
}

/// A scalar value as a cell: strings unquoted, `null` as `—`, empty containers as `[]`/`{}`.
pub fn value_text(value: &Value) -> Text {
    match value {
        Value::Null => Text::null(),
        Value::String(s) if s.is_empty() => Text::new("\"\"", Tone::Empty),
        Value::String(s) => Text::plain(fit(&clean(s))),
        Value::Bool(b) => Text::plain(b.to_string()),
        Value::Number(n) => Text::plain(n.to_string()),
        Value::Array(items) if items.is_empty() => Text::new("[]", Tone::Empty),
        Value::Object(map) if map.is_empty() => Text::new("{}", Tone::Empty),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            let parts: Vec<String> = items.iter().map(|v| value_text(v).text).collect();
            Text::plain(parts.join(", "))
        }
        other => Text::plain(fit(&clean(&other.to_string()))),
    }
}

/// A value as one row per leaf: objects unfold into `label.key` rows.
pub fn value_rows(label: &str, value: &Value, rows: &mut Vec<[Text; 2]>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                value_rows(&format!("{label}.{}", clean(key)), inner, rows);
            }
        }
        _ => rows.push([Text::plain(fit(&clean(label))), value_text(value)]),
    }
}

/// Rows for fields this program does not know, under their own names.
fn extra_rows(fields: &[(&str, &Value)]) -> Vec<[Text; 2]> {
    let mut rows = Vec::new();
    for (key, value) in fields {
        value_rows(&clean(key), value, &mut rows);
    }
    rows
}

/// A part's heading in a report of several parts (`case`, `webhook show`).
pub fn heading(style: Style, title: &str) -> String {
    format!(
        "{}\n",
        style.paint(&format!("━━ {title} ━━"), Tone::Heading)
    )
}

/// The "Other fields" section for fields this program does not know, after a blank line;
/// nothing when there are none.
pub fn other_fields(style: Style, fields: &[(&str, &Value)]) -> String {
    if fields.is_empty() {
        return String::new();
    }
    format!(
        "\n{}",
        section(style, "Other fields", None, &extra_rows(fields))
    )
}

/// A borderless table, columns aligned, lines right-trimmed, each line indented.
pub fn table<const N: usize>(
    style: Style,
    header: Option<[&str; N]>,
    rows: &[[Text; N]],
    indent: usize,
) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    if let Some(header) = header {
        table.set_header(
            header
                .iter()
                .map(|h| Cell::new(style.paint(h, Tone::Heading))),
        );
    }
    for row in rows {
        table.add_row(row.iter().map(|t| Cell::new(style.paint(&t.text, t.tone))));
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(&pad);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A section: a bold title line, then its table indented by two spaces.
pub fn section<const N: usize>(
    style: Style,
    title: &str,
    header: Option<[&str; N]>,
    rows: &[[Text; N]],
) -> String {
    format!(
        "{}\n{}",
        style.paint(title, Tone::Heading),
        table(style, header, rows, 2)
    )
}

/// A response body as pretty JSON, key order as sent, with a final newline.
pub fn json(body: &Map<String, Value>) -> String {
    let mut text = serde_json::to_string_pretty(body).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// Any JSON value, pretty, with a final newline.
pub fn json_value(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}

/// A time and how far it is from now: `2026-11-23 16:55 UTC (in 42 min)`.
pub fn moment(at: jiff::Timestamp, now: jiff::Timestamp) -> String {
    let when = at.strftime("%Y-%m-%d %H:%M UTC");
    let seconds = at.as_second() - now.as_second();
    let span = human_span(seconds.unsigned_abs());
    if seconds >= 0 {
        format!("{when} (in {span})")
    } else {
        format!("{when} ({span} ago)")
    }
}

fn human_span(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3_600 => format!("{} min", seconds / 60),
        3_600..172_800 => format!("{} h", seconds / 3_600),
        _ => format!("{} days", seconds / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(clean("ok"), "ok");
        assert_eq!(clean("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("x\u{202E}y\nz"), "x\\u{202e}y\\u{a}z");
        assert_eq!(clean("ŠILUVA 😀"), "ŠILUVA 😀");
    }

    #[test]
    fn values_show_as_they_came() {
        assert_eq!(value_text(&json!(null)).text, "—");
        assert_eq!(value_text(&json!(false)).text, "false");
        assert_eq!(value_text(&json!(["a", 1])).text, "a, 1");
        assert_eq!(value_text(&json!([])).text, "[]");
        assert_eq!(value_text(&json!([{"a": 1}])).text, "[{\"a\":1}]");
    }

    #[test]
    fn huge_values_are_cut_in_tables() {
        let huge = "é".repeat(MAX_CELL_CHARS + 5);
        let text = value_text(&json!(huge)).text;
        assert!(text.starts_with(&"é".repeat(MAX_CELL_CHARS)));
        assert!(
            text.ends_with("… (5 more characters; --json shows all)"),
            "{text}"
        );
        assert_eq!(fit("short"), "short");
    }

    #[test]
    fn nested_objects_unfold_into_rows() {
        let mut rows = Vec::new();
        value_rows("extra", &json!({"A": {"b": 1}, "c": null}), &mut rows);
        let labels: Vec<&str> = rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(labels, ["extra.A.b", "extra.c"]);
    }

    #[test]
    fn moments_are_relative_to_now() {
        let now: jiff::Timestamp = "2026-11-23T12:00:00Z".parse().unwrap();
        let later: jiff::Timestamp = "2026-11-23T12:42:10Z".parse().unwrap();
        assert_eq!(moment(later, now), "2026-11-23 12:42 UTC (in 42 min)");
        assert_eq!(moment(now, later), "2026-11-23 12:00 UTC (42 min ago)");
    }

    #[test]
    fn colour_off_leaves_text_alone_and_on_adds_codes() {
        assert_eq!(
            Style {
                color: false,
                width: None
            }
            .paint("x", Tone::Bad),
            "x"
        );
        assert_eq!(
            Style {
                color: true,
                width: None
            }
            .paint("x", Tone::Bad),
            "\u{1b}[31mx\u{1b}[39m"
        );
    }
}
