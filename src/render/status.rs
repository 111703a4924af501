//! The `status` table: overall status, automatic and manual results side by side with the
//! one that stands, the tags, and the verdict in plain words.

use serde_json::{Map, Value};

use super::{NULL, Style, Text, Tone, clean, other_fields, table, value_text};
use crate::diagnosis::{self, Check, Finding, Verdict};
use crate::model::{StatusView, code};
use crate::vocab::{check_reading, overall_reading};

pub fn render(body: &Map<String, Value>, style: Style) -> String {
    let view = StatusView::new(body);
    let overall = match code(view.overall) {
        Some(status) => Text::new(clean(status), overall_reading(status).into()),
        None => view.overall.map_or_else(Text::null, value_text),
    };
    let head = [
        [Text::plain("Verification"), field(view.scan_ref)],
        [Text::plain("Client"), field(view.client_id)],
        [Text::plain("Status"), overall],
    ];
    let checks = [
        check_row(
            "Face",
            view.auto_face,
            view.manual_face,
            diagnosis::face(&view),
        ),
        check_row(
            "Document",
            view.auto_document,
            view.manual_document,
            diagnosis::document(&view),
        ),
    ];
    let tags = [
        [
            Text::plain("Fraud tags"),
            tag_list(view.fraud_tags, Tone::Bad),
        ],
        [
            Text::plain("Mismatch tags"),
            tag_list(view.mismatch_tags, Tone::Attention),
        ],
    ];
    let mut out = table(style, None, &head, 0);
    out.push('\n');
    out.push_str(&table(
        style,
        Some(["Check", "Automatic", "Manual", "Result"]),
        &checks,
        0,
    ));
    out.push('\n');
    out.push_str(&table(style, None, &tags, 0));
    out.push('\n');
    out.push_str(&verdict(&diagnosis::verdict(&view), style));
    out.push_str(&other_fields(style, &view.extra));
    out
}

/// The verdict: what the status means now, why, and what the client can do.
pub fn verdict(verdict: &Verdict, style: Style) -> String {
    let mut out = format!("{}\n", style.paint("Verdict", Tone::Heading));
    match &verdict.status {
        Some(status) => {
            let code = style.paint(&clean(&status.code), status.reading.into());
            out.push_str(&format!("  {code}: {}\n", status.meaning));
            if let Some(next) = status.next_step {
                out.push_str(&format!("  Next: {next}\n"));
            }
        }
        None => out.push_str("  The response has no overall status.\n"),
    }
    if !verdict.reasons.is_empty() {
        out.push_str("  Why:\n");
        for reason in &verdict.reasons {
            out.push_str(&finding(reason, style));
        }
    }
    for note in &verdict.notes {
        out.push_str(&format!("  Note: {note}\n"));
    }
    out
}

fn finding(finding: &Finding, style: Style) -> String {
    let code = style.paint(&clean(&finding.code), finding.reading.into());
    let kind = finding.category.title().to_lowercase();
    let mut line = format!("  - {code} ({kind}): {}\n", finding.meaning);
    if let Some(next) = finding.next_step {
        line.push_str(&format!("    Next: {next}\n"));
    }
    line
}

fn field(value: Option<&Value>) -> Text {
    value.map_or_else(Text::null, value_text)
}

fn check_row(
    name: &str,
    automatic: Option<&Value>,
    manual: Option<&Value>,
    check: Check<'_>,
) -> [Text; 4] {
    let effective = match check.effective() {
        Some(result) if check.overruled() => Text::new(
            format!("{} (set by review)", clean(result)),
            check_reading(result).into(),
        ),
        Some(result) => Text::new(clean(result), check_reading(result).into()),
        None => Text::new("no result yet", Tone::Empty),
    };
    [
        Text::plain(name),
        result(automatic),
        result(manual),
        effective,
    ]
}

/// A face or document result, coloured by what it means; empty means "no result yet".
fn result(value: Option<&Value>) -> Text {
    match code(value) {
        Some(result) => Text::new(clean(result), check_reading(result).into()),
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
