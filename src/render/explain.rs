//! `explain`: what codes mean, one at a time or all by category.

use serde_json::json;

use super::{Block, Doc, Line, Role, Text, Tone};
use crate::vocab::{Category, Entry};

/// Each entry in full: code and category, meaning, and what the support person does next.
pub fn entries(entries: &[&Entry]) -> Doc {
    let mut doc = Doc::new();
    for entry in entries {
        let mut one = Doc::new();
        one.push(Block::Headline(vec![
            Text::code(&entry.code, Tone::from(entry.reading)),
            Text::plain(format!(" ({})", entry.category.title())),
        ]));
        let body = |spans| Line {
            role: Role::Body,
            spans,
        };
        one.push(Block::Lines(vec![
            body(vec![Text::plain(&entry.meaning)]),
            body(vec![
                Text::new("Next:", Tone::Heading),
                Text::plain(format!(" {}", entry.next_step)),
            ]),
        ]));
        doc.append(one);
    }
    doc
}

/// Every entry, grouped by category: code and meaning.
pub fn list(entries: &[&Entry]) -> Doc {
    let mut doc = Doc::new();
    for category in Category::ALL {
        let rows: Vec<Vec<Text>> = entries
            .iter()
            .filter(|e| e.category == category)
            .map(|e| {
                vec![
                    Text::code(&e.code, Tone::from(e.reading)),
                    Text::plain(&e.meaning),
                ]
            })
            .collect();
        if !rows.is_empty() {
            let mut section = Doc::new();
            section.section(category.title(), &["Code", "Meaning"], rows);
            doc.append(section);
        }
    }
    doc
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
                "reading": e.reading.slug(),
            })
        })
        .collect();
    super::json_value(&serde_json::Value::Array(items))
}
