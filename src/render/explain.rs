//! `explain`: what codes mean, one at a time or all by category.

use serde_json::json;

use super::{Style, Text, Tone, section};
use crate::vocab::{Category, Entry};

/// Each entry in full: code and category, meaning, and what the client can do.
pub fn entries(entries: &[&Entry], style: Style) -> String {
    let mut out = String::new();
    for entry in entries {
        if !out.is_empty() {
            out.push('\n');
        }
        let title = format!("{} ({})", entry.code, entry.category.title());
        out.push_str(&style.paint(&title, Tone::from(entry.reading)));
        out.push('\n');
        out.push_str(&format!("  {}\n", entry.meaning));
        if let Some(next) = entry.next_step {
            out.push_str(&format!(
                "  {} {next}\n",
                style.paint("Next:", Tone::Heading)
            ));
        }
    }
    out
}

/// Every entry, grouped by category: code and meaning.
pub fn list(entries: &[&Entry], style: Style) -> String {
    let mut parts = Vec::new();
    for category in Category::ALL {
        let rows: Vec<[Text; 2]> = entries
            .iter()
            .filter(|e| e.category == category)
            .map(|e| {
                [
                    Text::new(e.code, Tone::from(e.reading)),
                    Text::plain(e.meaning),
                ]
            })
            .collect();
        if !rows.is_empty() {
            parts.push(section(style, category.title(), None, &rows));
        }
    }
    parts.join("\n")
}

/// The entries as a JSON array.
pub fn json(entries: &[&Entry]) -> String {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            json!({
                "code": e.code,
                "category": e.category.slug(),
                "meaning": e.meaning,
                "nextStep": e.next_step,
                "reading": match e.reading {
                    crate::vocab::Reading::Good => "good",
                    crate::vocab::Reading::Bad => "bad",
                    crate::vocab::Reading::Attention => "attention",
                },
            })
        })
        .collect();
    super::json_value(&serde_json::Value::Array(items))
}
