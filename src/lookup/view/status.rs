//! The `status` table: overall status, automatic and manual results side by side with the
//! one that stands, the tags, and the verdict in plain words.

use serde_json::{Map, Value};

use crate::diagnosis::{self, Check};
use crate::model::{StatusView, code};
use crate::render::{Block, Doc, Line, NULL, Role, Text, Tone, clean, other_fields, value_text};
use crate::verdict::{self, Disposition, Input, Verdict};
use crate::vocab::{check_reading, overall_reading};

/// `status`: the verdict's headline and first step, the verification, the checks, the tags,
/// every finding, and any fields this program does not know.
pub fn render(body: &Map<String, Value>, today: jiff::civil::Date) -> Doc {
    let view = StatusView::new(body);
    let verdict = verdict::assess(&Input {
        status: Some(body),
        ..Input::new(Some(today))
    });
    let mut doc = lead(&verdict);
    doc.append(details(&view));
    let mut findings = verdict_doc(&verdict, false);
    let scan_ref = code(view.scan_ref).unwrap_or("SCAN_REF");
    findings.push(Block::Lines(vec![Line {
        role: Role::Body,
        spans: vec![Text::plain(format!(
            "Note: this is the status alone. The data response may hold more (duplicates, the proxy risk, the age estimate): `idenfy-cli case {}` reads all three.",
            clean(scan_ref)
        ))],
    }]));
    doc.append(findings);
    doc.append(other_fields(&view.extra));
    doc
}

/// How a disposition reads at a glance.
pub fn tone(disposition: Disposition) -> Tone {
    match disposition {
        Disposition::Passed | Disposition::Neutral => Tone::Good,
        Disposition::ClientAction | Disposition::BusinessDecides | Disposition::Pending => {
            Tone::Attention
        }
        Disposition::DoNotAct | Disposition::ComplianceHold | Disposition::NotScreened => Tone::Bad,
    }
}

/// What a report opens with: the headline (`DENIED: the document has expired
/// (DOC_EXPIRED)`), what the case's disposition allows, and the first step.
pub fn lead(verdict: &Verdict) -> Doc {
    let status = match &verdict.status {
        Some(status) => Text::code(clean(status), tone(verdict.disposition)),
        None => Text::new("NO STATUS", Tone::Bad),
    };
    let mut doc = Doc::new();
    doc.push(Block::Headline(vec![
        status,
        Text::plain(": "),
        Text::plain(clean(&verdict.sentence()).into_owned()),
    ]));
    doc.push(Block::Lines(vec![
        Line {
            role: Role::Body,
            spans: vec![
                Text::new(
                    format!("Verdict: {}", verdict.disposition.title()),
                    tone(verdict.disposition),
                ),
                Text::plain(format!(
                    " ({})",
                    verdict.disposition.instruction().trim_end_matches('.')
                )),
            ],
        },
        Line {
            role: Role::Body,
            spans: vec![Text::plain(format!("Next: {}", clean(verdict.next())))],
        },
    ]));
    doc
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

/// Every finding, most severe first, with its meaning and its own step, or why the step
/// waits; a part of its own in a report of several parts.
pub fn verdict_doc(verdict: &Verdict, part: bool) -> Doc {
    let mut doc = Doc::new();
    doc.push(if part {
        Block::Part("Verdict".to_string())
    } else {
        Block::Title("Verdict".to_string())
    });
    let mut lines = Vec::new();
    for finding in &verdict.findings {
        lines.push(Line {
            role: Role::Item,
            spans: vec![
                Text::code(clean(&finding.code), finding.reading.into()),
                Text::plain(format!(
                    " ({}, {}): {}",
                    finding.kind.title(),
                    finding.disposition.slug(),
                    clean(&finding.meaning)
                )),
            ],
        });
        let step = if verdict.held(finding) {
            format!(
                "Held back: \"{}\" comes first.",
                verdict.disposition.title()
            )
        } else {
            format!("Next: {}", clean(&finding.next))
        };
        lines.push(Line {
            role: Role::Under,
            spans: vec![Text::plain(step)],
        });
    }
    doc.push(Block::Lines(lines));
    doc
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
    // iDenfy sends an empty manual result until a review happened.
    let manual = match manual {
        Some(Value::String(text)) if text.is_empty() => Text::new("not reviewed yet", Tone::Empty),
        _ => result(manual),
    };
    vec![Text::plain(name), result(automatic), manual, effective]
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
