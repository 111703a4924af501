//! Tables and JSON: pure functions from decoded responses to text. No I/O, no network.

pub mod trace;

pub mod columns;
mod doc;
pub mod markdown;
pub mod terminal;

use serde_json::Value;

pub use doc::{Block, Doc, Grid, Line, NULL, Role, Shape, Text, Tone};
pub use terminal::Style;

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
pub fn value_rows(label: &str, value: &Value, rows: &mut Vec<Vec<Text>>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                value_rows(&format!("{label}.{}", clean(key)), inner, rows);
            }
        }
        _ => rows.push(vec![Text::plain(fit(&clean(label))), value_text(value)]),
    }
}

/// Rows for fields this program does not know, under their own names.
fn extra_rows(fields: &[(&str, &Value)]) -> Vec<Vec<Text>> {
    let mut rows = Vec::new();
    for (key, value) in fields {
        value_rows(&clean(key), value, &mut rows);
    }
    rows
}

/// The "Other fields" section for fields this program does not know, after a blank line;
/// nothing when there are none.
pub fn other_fields(fields: &[(&str, &Value)]) -> Doc {
    let mut doc = Doc::new();
    if !fields.is_empty() {
        doc.section("Other fields", &["Field", "Value"], extra_rows(fields));
    }
    doc
}

/// A document as Markdown, or as terminal text in `style`.
pub fn text(doc: &Doc, style: Style, markdown: bool) -> String {
    if markdown {
        self::markdown::render(doc)
    } else {
        terminal::render(doc, style)
    }
}

/// When a link expires, from now: `in 42 min (12:42 UTC)`, `in 3 days (2026-11-26 12:42 UTC)`,
/// `expired 18 h ago`.
pub fn expiry(at: jiff::Timestamp, now: jiff::Timestamp) -> Text {
    let seconds = at.as_second() - now.as_second();
    let span = human_span(seconds.unsigned_abs());
    if seconds <= 0 {
        return Text::new(format!("expired {span} ago"), Tone::Bad);
    }
    let when = match seconds {
        ..86_400 => at.strftime("%H:%M UTC"),
        _ => at.strftime("%Y-%m-%d %H:%M UTC"),
    };
    Text::new(format!("in {span} ({when})"), Tone::Good)
}

fn human_span(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3_600 => format!("{} min", seconds / 60),
        3_600..172_800 => format!("{} h", seconds / 3_600),
        _ => format!("{} days", seconds / 86_400),
    }
}

/// The calendar day of `now` in UTC, against which expiries, ages and verdicts are read.
pub fn today(now: jiff::Timestamp) -> jiff::civil::Date {
    now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
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
    fn expiries_say_how_long_first() {
        let at = |text: &str| text.parse::<jiff::Timestamp>().unwrap();
        let now = at("2026-11-23T12:00:00Z");
        let expiry = |when| super::expiry(at(when), now).text;
        assert_eq!(expiry("2026-11-23T12:42:10Z"), "in 42 min (12:42 UTC)");
        assert_eq!(
            expiry("2026-11-26T12:42:00Z"),
            "in 3 days (2026-11-26 12:42 UTC)"
        );
        assert_eq!(expiry("2026-11-23T11:18:00Z"), "expired 42 min ago");
        assert_eq!(expiry("2026-11-23T12:00:00Z"), "expired 0 s ago");
    }

    #[test]
    fn colour_off_leaves_text_alone_and_on_adds_codes() {
        assert_eq!(
            Style {
                color: false,
                width: None,
                hyperlinks: false,
            }
            .paint("x", Tone::Bad),
            "x"
        );
        assert_eq!(
            Style {
                color: true,
                width: None,
                hyperlinks: false,
            }
            .paint("x", Tone::Bad),
            "\u{1b}[31mx\u{1b}[39m"
        );
    }
}
