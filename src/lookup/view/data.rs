//! The `data` table: every field, grouped into person, document, original language,
//! checks and other; nulls visible; dates read against today; mismatches marked.

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::diagnosis;
use crate::model::{DataField, DataGroup, SCREENING_LISTS, data_fields};
use crate::render::{Block, Doc, Line, Role, Shape, Text, Tone, value_rows, value_text};

/// Fields shown in the heading rather than in a section.
const HEADING_FIELDS: [(&str, &str); 2] = [("scanRef", "Verification"), ("clientId", "Client")];

/// What the data is read against: today's date, and the mismatch tags of the status
/// (`(field, tag)`, e.g. `("docDob", "DATE_OF_BIRTH")`) when the status is known.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub today: Option<Date>,
    pub mismatches: Vec<(&'static str, String)>,
}

impl Context {
    /// Today's date (UTC) from `now`, and the mismatch tags of `status` when there is one.
    pub fn new(now: jiff::Timestamp, status: Option<&Map<String, Value>>) -> Context {
        Context {
            today: Some(crate::render::today(now)),
            mismatches: status
                .map(crate::diagnosis::mismatched_fields)
                .unwrap_or_default(),
        }
    }
}

pub fn render(body: &Map<String, Value>, context: &Context) -> Doc {
    let fields = data_fields(body);
    let heading: Vec<Vec<Text>> = HEADING_FIELDS
        .iter()
        .filter_map(|(key, label)| Some(vec![Text::plain(*label), value_text(body.get(*key)?)]))
        .collect();
    let mut doc = Doc::new();
    if !heading.is_empty() {
        doc.fields(&["Field", "Value"], heading);
    }
    // Commands to copy (the duplicate to look at next) go on lines of their own, whole.
    let mut look_next: Vec<String> = Vec::new();
    for group in DataGroup::ALL {
        let mut rows: Vec<Vec<Text>> = Vec::new();
        for field in fields.iter().filter(|f| f.group == group) {
            let screening = SCREENING_LISTS.contains(&field.key);
            if screening || HEADING_FIELDS.iter().any(|(key, _)| *key == field.key) {
                continue;
            }
            let mut pairs = Vec::new();
            value_rows(field.label, field.value, &mut pairs);
            let first = rows.len();
            rows.extend(pairs.into_iter().map(|mut row| {
                row.push(Text::plain(""));
                row
            }));
            if let Some(row) = rows.get_mut(first) {
                look_next.extend(annotate(row, field, context));
            }
        }
        if !rows.is_empty() {
            let mut section = Doc::new();
            section.section(group.title(), &["Field", "Value", "Note"], rows);
            for command in look_next.drain(..) {
                section.push(Block::Lines(vec![Line {
                    role: Role::Body,
                    spans: vec![
                        Text::new("Look next: ", Tone::Attention),
                        Text::code(command, Tone::Attention),
                    ],
                }]));
            }
            doc.append(section);
        }
    }
    for list in SCREENING_LISTS {
        if let Some(value) = body.get(list) {
            doc.append(crate::lookup::view::screening::render(
                list,
                value,
                Some(list),
            ));
        }
    }
    if doc.blocks.is_empty() {
        doc.line(vec![Text::new("The response has no fields.", Tone::Empty)]);
    }
    doc
}

/// Adds what a field means for the case: expiry, age, review changes, duplicates, mismatches.
/// Returns a command to look at next, for a duplicate.
fn annotate(row: &mut [Text], field: &DataField<'_>, context: &Context) -> Option<String> {
    let mut command = None;
    let text = field.value.as_str().unwrap_or("");
    let mut notes: Vec<(String, Tone)> = Vec::new();
    match (field.key, context.today) {
        ("docExpiry", Some(today)) => {
            if let Some((note, reading)) = diagnosis::expiry_note(text, today) {
                notes.push((note, reading.into()));
            }
        }
        ("docDob", Some(today)) => {
            if let Some(age) = diagnosis::age(text, today) {
                notes.push((format!("age {age}"), Tone::Plain));
            }
        }
        ("manuallyDataChanged", _) if field.value == &Value::Bool(true) => {
            row[1] = Text::new("true", Tone::Attention);
            notes.push(("a reviewer corrected the data".to_string(), Tone::Attention));
        }
        ("duplicateFaces" | "duplicateDocFaces", _) => {
            let first = field
                .value
                .as_array()
                .and_then(|l| l.first())
                .and_then(Value::as_str);
            // Only a well-formed scanRef becomes a command to copy: anything else could be
            // a shell command in disguise.
            let safe = |r: &&str| crate::model::check_scan_ref(r).is_ok();
            if let Some(first) = first.filter(safe) {
                notes.push((
                    "in another verification too: see below".to_string(),
                    Tone::Attention,
                ));
                command = Some(format!("idenfy-cli case {first}"));
                row[1].tone = Tone::Attention;
                // A scanRef is copied whole: it never wraps in its cell.
                row[1].shape = Shape::Code;
            }
        }
        _ => {}
    }
    for (key, tag) in &context.mismatches {
        if *key == field.key {
            notes.push((format!("mismatch: {tag}"), Tone::Attention));
            row[1].tone = Tone::Attention;
        }
    }
    if !notes.is_empty() {
        let tone = notes
            .iter()
            .map(|(_, t)| *t)
            .find(|t| *t != Tone::Plain)
            .unwrap_or(Tone::Plain);
        let text: Vec<String> = notes.into_iter().map(|(n, _)| n).collect();
        row[2] = Text::new(text.join("; "), tone);
    }
    command
}
