//! `explain`: what codes mean, one at a time or all by category.

use serde_json::json;

use crate::render::{Block, Doc, Line, Role, Text, Tone};
use crate::vocab::{Category, Entry, MeaningSource};

/// Where a meaning comes from, said once under it.
fn source_note(source: MeaningSource) -> &'static str {
    match source {
        MeaningSource::Documented => "Meaning documented by iDenfy.",
        MeaningSource::Name => "Meaning read from the code's name; iDenfy documents only the name.",
    }
}

/// The mark after a code in the list whose meaning is read from its name.
const NAME_MARK: char = '*';

/// The one line of the list that explains [`NAME_MARK`].
const NAME_MARK_NOTE: &str =
    "* after a code: meaning read from its name; iDenfy documents only the name.";

/// Each entry in full: code and category, meaning, where the meaning comes from, and what
/// the support person does next.
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
        let mut lines = vec![
            body(vec![Text::plain(&entry.meaning)]),
            body(vec![Text::new(source_note(entry.source), Tone::Empty)]),
        ];
        if let Some(cite) = &entry.cite {
            lines.push(body(vec![
                Text::new("Source:", Tone::Empty),
                Text::link(format!(" {cite}")),
            ]));
        }
        lines.extend([
            body(vec![
                Text::new("In a verdict:", Tone::Heading),
                Text::plain(format!(" {}", entry.disposition.slug())),
            ]),
            body(vec![
                Text::new("Next:", Tone::Heading),
                Text::plain(format!(" {}", entry.next_step)),
            ]),
        ]);
        one.push(Block::Lines(lines));
        doc.append(one);
    }
    doc
}

/// Every entry, grouped by category: code and meaning, codes whose meaning is read from
/// their name marked, the mark explained once at the top.
pub fn list(entries: &[&Entry]) -> Doc {
    let mut doc = Doc::new();
    if entries.iter().any(|e| e.source == MeaningSource::Name) {
        doc.line(vec![Text::new(NAME_MARK_NOTE, Tone::Empty)]);
    }
    for category in Category::ALL {
        let rows: Vec<Vec<Text>> = entries
            .iter()
            .filter(|e| e.category == category)
            .map(|e| {
                let code = match e.source {
                    MeaningSource::Documented => e.code.clone(),
                    MeaningSource::Name => format!("{}{NAME_MARK}", e.code),
                };
                vec![
                    Text::code(code, Tone::from(e.reading)),
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
pub fn json(entries: &[&Entry]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            json!({
                "code": e.code,
                "category": e.category.slug(),
                "meaning": e.meaning,
                "nextStep": e.next_step,
                "reading": e.reading.slug(),
                "source": e.source.slug(),
                "cite": e.cite,
                "disposition": e.disposition.slug(),
            })
        })
        .collect();
    serde_json::Value::Array(items)
}
