//! The `status` table: overall status, automatic and manual results side by side with the
//! one that stands, the tags, and the verdict in plain words.

use serde_json::{Map, Value};

use super::{Block, Doc, Line, NULL, Role, Text, Tone, clean, other_fields, value_text};
use crate::diagnosis::{self, Check, Finding, Headline, Verdict};
use crate::model::{StatusView, code};
use crate::vocab::{check_reading, overall_reading};

/// `status`: the headline, the verification, the checks, the tags, the verdict, and any
/// fields this program does not know.
pub fn render(body: &Map<String, Value>) -> Doc {
    let view = StatusView::new(body);
    let verdict = diagnosis::verdict(&view);
    let mut doc = Doc::new();
    doc.push(headline(&diagnosis::headline(&verdict)));
    doc.append(without_headline(&view, &verdict));
    doc
}

/// Everything of [`render`] after the headline, for a report that opens with it.
pub fn without_headline(view: &StatusView<'_>, verdict: &Verdict) -> Doc {
    let mut doc = details(view);
    doc.append(verdict_doc(verdict, false));
    doc.append(other_fields(&view.extra));
    doc
}

/// The one line that answers first: `DENIED: the document has expired (DOC_EXPIRED)`.
pub fn headline(headline: &Headline) -> Block {
    let status = match &headline.status {
        Some(status) => Text::code(clean(status), headline.reading.into()),
        None => Text::new("NO STATUS", Tone::Attention),
    };
    let sentence = clean(&headline.sentence()).into_owned();
    Block::Headline(vec![status, Text::plain(": "), Text::plain(sentence)])
}

/// The verification, its checks (automatic, manual, the one that stands) and its tags.
pub fn details(view: &StatusView<'_>) -> Doc {
    let overall = match code(view.overall) {
        Some(status) => Text::code(clean(status), overall_reading(status).into()),
        None => view.overall.map_or_else(Text::null, value_text),
    };
    let mut doc = Doc::new();
    doc.fields(
        &["Field", "Value"],
        vec![
            vec![Text::plain("Verification"), field(view.scan_ref)],
            vec![Text::plain("Client"), field(view.client_id)],
            vec![Text::plain("Status"), overall],
        ],
    );
    doc.gap();
    doc.table(
        &["Check", "Automatic", "Manual", "Result"],
        vec![
            check_row(
                "Face",
                view.auto_face,
                view.manual_face,
                diagnosis::face(view),
            ),
            check_row(
                "Document",
                view.auto_document,
                view.manual_document,
                diagnosis::document(view),
            ),
        ],
    );
    doc.gap();
    doc.fields(
        &["Tags", "Codes"],
        vec![
            vec![
                Text::plain("Fraud tags"),
                tag_list(view.fraud_tags, Tone::Bad),
            ],
            vec![
                Text::plain("Mismatch tags"),
                tag_list(view.mismatch_tags, Tone::Attention),
            ],
        ]
        .into_iter()
        .chain(view.suspicion_reasons.map(|reasons| {
            vec![
                Text::plain("Suspicion reasons"),
                tag_list(Some(reasons), Tone::Bad),
            ]
        }))
        .collect(),
    );
    doc
}

/// The verdict: what the status means now, why, and what the client can do; a part of its
/// own in a report of several parts.
pub fn verdict_doc(verdict: &Verdict, part: bool) -> Doc {
    let mut doc = Doc::new();
    doc.push(match part {
        true => Block::Part("Verdict".to_string()),
        false => Block::Title("Verdict".to_string()),
    });
    let body = |spans| Line {
        role: Role::Body,
        spans,
    };
    let mut lines = Vec::new();
    match &verdict.status {
        Some(status) => {
            lines.push(body(vec![
                Text::code(clean(&status.code), status.reading.into()),
                Text::plain(format!(": {}", status.meaning)),
            ]));
            if let Some(next) = status.next_step {
                lines.push(body(vec![Text::plain(format!("Next: {next}"))]));
            }
        }
        None => lines.push(body(vec![Text::plain(
            "The response has no overall status.",
        )])),
    }
    if !verdict.reasons.is_empty() {
        lines.push(body(vec![Text::plain("Why:")]));
        for reason in &verdict.reasons {
            lines.extend(finding(reason));
        }
    }
    for note in &verdict.notes {
        lines.push(body(vec![Text::plain(format!("Note: {note}"))]));
    }
    doc.push(Block::Lines(lines));
    doc
}

fn finding(finding: &Finding) -> Vec<Line> {
    let kind = finding.category.title().to_lowercase();
    let mut lines = vec![Line {
        role: Role::Item,
        spans: vec![
            Text::code(clean(&finding.code), finding.reading.into()),
            Text::plain(format!(" ({kind}): {}", finding.meaning)),
        ],
    }];
    if let Some(next) = finding.next_step {
        lines.push(Line {
            role: Role::Under,
            spans: vec![Text::plain(format!("Next: {next}"))],
        });
    }
    lines
}

fn field(value: Option<&Value>) -> Text {
    value.map_or_else(Text::null, value_text)
}

fn check_row(
    name: &str,
    automatic: Option<&Value>,
    manual: Option<&Value>,
    check: Check<'_>,
) -> Vec<Text> {
    let effective = match check.effective() {
        Some(result) if check.overruled() => Text::new(
            format!("{} (set by review)", clean(result)),
            check_reading(result).into(),
        ),
        Some(result) => Text::code(clean(result), check_reading(result).into()),
        None => Text::new("no result yet", Tone::Empty),
    };
    vec![
        Text::plain(name),
        result(automatic),
        result(manual),
        effective,
    ]
}

/// A face or document result, coloured by what it means; empty means "no result yet".
fn result(value: Option<&Value>) -> Text {
    match code(value) {
        Some(result) => Text::code(clean(result), check_reading(result).into()),
        None => field(value),
    }
}

fn tag_list(value: Option<&Value>, tone: Tone) -> Text {
    match value {
        Some(Value::Array(tags)) if tags.is_empty() => Text::new("none", Tone::Empty),
        Some(Value::Array(tags)) if tags.iter().all(Value::is_string) => {
            let names: Vec<String> = tags
                .iter()
                .filter_map(Value::as_str)
                .map(|t| clean(t).into_owned())
                .collect();
            Text::new(names.join(", "), tone)
        }
        Some(other) => value_text(other),
        None => Text::new(NULL, Tone::Empty),
    }
}
