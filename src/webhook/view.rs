//! `webhook show` and `webhook diff`: a stored payload in the tables of `status`, `data` and
//! `files`, and where it differs from the API's answers.

use serde_json::{Map, Value, json};
use textwrap::core::display_width;

use crate::model::StatusView;
use crate::render::{
    Block, Doc, Line, NULL, Role, Style, Text, Tone, clean, other_fields, value_text,
};
use crate::vocab::overall_reading;
use crate::webhook::deliver::Answer;
use crate::webhook::listen::{Delivery, Forwarded};
use crate::webhook::{self, Capture, Difference, SignatureCheck};

/// `file`: where the payload was read from, for the commands a step names.
pub fn show(
    payload: &Map<String, Value>,
    capture: &Capture,
    file: Option<&str>,
    now: jiff::Timestamp,
) -> Doc {
    let parts = webhook::split(payload);
    let mut rows = capture_rows(capture);
    rows.extend(
        parts
            .webhook_only
            .iter()
            .map(|(key, value)| vec![Text::plain(label(key)), webhook_value(key, value)]),
    );
    let mut webhook = Doc::new();
    if rows.is_empty() {
        webhook.line(vec![Text::new("No webhook-only fields.", Tone::Empty)])
    } else {
        webhook.fields(&["Field", "Value"], rows)
    };
    let view = StatusView::new(&parts.status);
    let verdict = verdict(payload, &parts, capture, file, now);
    let mut doc = crate::lookup::view::status::lead(&verdict);
    doc.append(crate::lookup::view::status::verdict_doc(&verdict, true));
    crate::case::view::part(&mut doc, "Webhook", Ok(webhook));
    let mut status = crate::lookup::view::status::details(&view);
    status.append(other_fields(&view.extra));
    crate::case::view::part(&mut doc, "Status", Ok(status));
    let data = match parts.data {
        Some(data) => {
            let context = crate::lookup::view::data::Context::new(now, Some(&parts.status));
            crate::lookup::view::data::render(data, &context)
        }
        None => {
            let mut none = Doc::new();
            none.line(vec![Text::new("The payload has no data.", Tone::Empty)]);
            none
        }
    };
    crate::case::view::part(&mut doc, "Data", Ok(data));
    for (list, value) in &parts.screening {
        crate::case::view::part(
            &mut doc,
            list,
            Ok(crate::lookup::view::screening::render(list, value, None)),
        );
    }
    crate::case::view::part(
        &mut doc,
        "Files",
        Ok(crate::lookup::view::files::render(&parts.files, now)),
    );
    doc.append(other_fields(&parts.other));
    doc
}

/// The verdict on a payload, with what was noted when it arrived.
pub fn verdict(
    payload: &Map<String, Value>,
    parts: &webhook::WebhookParts<'_>,
    capture: &Capture,
    file: Option<&str>,
    now: jiff::Timestamp,
) -> crate::verdict::Verdict {
    crate::verdict::assess(&crate::verdict::Input {
        status: Some(&parts.status),
        data: parts.data,
        webhook: Some(crate::verdict::Webhook {
            payload,
            signature: capture.signature_check(),
            event_type: capture.event_type.as_deref(),
            file,
        }),
        ..crate::verdict::Input::new(Some(crate::render::today(now)))
    })
}

/// The event type in words, when it arrived and whether its signature held, as noted by
/// `webhook listen` (or the event type given by hand).
fn capture_rows(capture: &Capture) -> Vec<Vec<Text>> {
    let mut rows = Vec::new();
    if let Some(event_type) = &capture.event_type {
        let shown = match webhook::event_meaning(event_type) {
            Some(meaning) => format!("{}: {meaning}", clean(event_type)),
            None => format!(
                "{} (an event type this program does not know)",
                clean(event_type)
            ),
        };
        rows.push(vec![Text::plain("Event type"), Text::plain(shown)]);
    }
    if let Some(at) = &capture.received_at {
        let shown = match at.parse::<jiff::Timestamp>() {
            Ok(at) => at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
            Err(_) => clean(at).into_owned(),
        };
        rows.push(vec![Text::plain("Received"), Text::plain(shown)]);
    }
    if let Some(signature) = &capture.signature {
        let text = match SignatureCheck::from_name(signature) {
            Some(SignatureCheck::Valid) => {
                Text::new("valid: checked with the webhook key on arrival", Tone::Good)
            }
            Some(SignatureCheck::Invalid) => Text::new(
                "invalid: the Idenfy-Signature header did not match the webhook key on arrival",
                Tone::Bad,
            ),
            Some(SignatureCheck::Missing) => Text::new(
                "missing: the delivery had no Idenfy-Signature header, and a webhook key was set",
                Tone::Bad,
            ),
            Some(SignatureCheck::Unchecked) => {
                Text::new("unchecked: no webhook key was set on arrival", Tone::Empty)
            }
            None => Text::plain(clean(signature).into_owned()),
        };
        rows.push(vec![Text::plain("Signature"), text]);
    }
    rows
}

fn label(key: &str) -> &str {
    match key {
        "final" => "Final",
        "platform" => "Platform",
        "startTime" => "Started",
        "finishTime" => "Finished",
        "clientIp" => "Client IP",
        "clientIpCountry" => "Client IP country",
        "clientLocation" => "Client location",
        "externalRef" => "External ref",
        other => other,
    }
}

/// Unix times as dates, `final: false` in words; everything else as it came.
fn webhook_value(key: &str, value: &Value) -> Text {
    if key == "final" && value == &Value::Bool(false) {
        return Text::new(
            "false: a manual review's result follows in another webhook",
            Tone::Attention,
        );
    }
    let seconds = value
        .as_i64()
        .filter(|_| matches!(key, "startTime" | "finishTime"));
    match seconds.and_then(|s| jiff::Timestamp::from_second(s).ok()) {
        Some(at) => Text::plain(format!(
            "{} ({})",
            at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            value
        )),
        None => value_text(value),
    }
}

/// Where a webhook and the API's answer differ; with `current`, which side stands and why
/// they likely differ, then the verdict on the API's answer.
pub fn differences(found: &[Difference], scan_ref: &str, current: Option<&Current<'_>>) -> Doc {
    let mut doc = Doc::new();
    if found.is_empty() {
        let line = format!(
            "No differences: the webhook and the API agree on everything both describe for {}.",
            clean(scan_ref)
        );
        doc.line(vec![Text::new(line, Tone::Good)]);
        return doc;
    }
    let rows: Vec<Vec<Text>> = found
        .iter()
        .map(|d| {
            vec![
                Text::code(clean(&d.path), Tone::Plain),
                cell(&d.webhook, &d.api),
                cell(&d.api, &d.webhook),
            ]
        })
        .collect();
    doc.table(&["Path", "Webhook", "API"], rows);
    let Some(current) = current else {
        return doc;
    };
    doc.gap();
    let mut lines = vec![Line {
        role: Role::Body,
        spans: vec![Text::plain(
            "Current: the API's answer. It is what stands now; the webhook is what was sent then.",
        )],
    }];
    for reason in &current.reasons {
        lines.push(Line {
            role: Role::Body,
            spans: vec![Text::plain(format!("Likely: {reason}"))],
        });
    }
    lines.push(Line {
        role: Role::Body,
        spans: vec![Text::plain(
            "Where to look: the verification's page in iDenfy's dashboard (ID Verifications, then Verifications) shows the review and any change made by hand.",
        )],
    });
    doc.push(Block::Lines(lines));
    doc.gap();
    doc.line(vec![Text::new("Act on the API's answer:", Tone::Heading)]);
    doc.append(crate::lookup::view::status::lead(current.verdict));
    doc
}

/// What `webhook diff` says beyond the differences: the verdict on the API's answer, and why
/// the two likely differ.
pub struct Current<'a> {
    pub verdict: &'a crate::verdict::Verdict,
    pub reasons: Vec<&'static str>,
}

/// A value as usual, but as JSON text when the other side has another type, so that `"25"`
/// and `25` do not look alike.
fn cell(value: &Value, other: &Value) -> Text {
    let kind = |v: &Value| std::mem::discriminant(v);
    if kind(value) == kind(other) || value.is_null() || other.is_null() {
        value_text(value)
    } else {
        Text::plain(clean(&value.to_string()))
    }
}

pub fn differences_json(found: &[Difference]) -> Value {
    let items: Vec<Value> = found
        .iter()
        .map(|d| json!({ "path": d.path, "webhook": d.webhook, "api": d.api }))
        .collect();
    Value::Array(items)
}

/// `webhook send`'s answer on one line: `200 OK  12 ms  {"ok":true}`.
pub fn answer_line(answer: &Answer, style: Style) -> String {
    let tone = if answer.is_success() {
        Tone::Good
    } else {
        Tone::Bad
    };
    let status = format!("{} {}", answer.status, answer.reason);
    let mut line = format!(
        "{}  {} ms",
        style.paint(status.trim_end(), tone),
        answer.elapsed.as_millis()
    );
    if !answer.body_start.is_empty() {
        line.push_str("  ");
        line.push_str(&clean(&answer.body_start));
    }
    line
}

/// At most `max` characters of outside text, with `…` where it was cut, then cleaned.
fn short(text: &str, max: usize) -> String {
    clean(&crate::text::cut(text, max)).into_owned()
}

/// One line per delivery of `webhook listen`: time, event type, scanRef, overall status,
/// signature verdict, size, and what the forward got. Wider than the terminal, it goes on
/// over indented lines, broken between fields, never inside one.
pub fn delivery_line(delivery: &Delivery, style: Style) -> String {
    let field = |value: &Option<String>| match value {
        Some(text) if !text.is_empty() => short(text, 64),
        _ => NULL.to_string(),
    };
    let plain = |text: String| (text.clone(), text);
    let painted = |text: String, tone: Tone| (style.paint(&text, tone), text);
    let status = match &delivery.status {
        Some(status) if !status.is_empty() => {
            painted(short(status, 40), overall_reading(status).into())
        }
        _ => painted(NULL.to_string(), Tone::Empty),
    };
    let verdict = delivery.signature;
    let verdict_tone = match verdict {
        SignatureCheck::Valid => Tone::Good,
        SignatureCheck::Invalid | SignatureCheck::Missing => Tone::Bad,
        SignatureCheck::Unchecked => Tone::Empty,
    };
    let mut fields = vec![
        plain(
            delivery
                .received_at
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string(),
        ),
        plain(field(&delivery.event_type)),
        plain(field(&delivery.scan_ref)),
        status,
        (
            format!("signature {}", style.paint(verdict.name(), verdict_tone)),
            format!("signature {}", verdict.name()),
        ),
        plain(format!("{} bytes", delivery.bytes)),
    ];
    match &delivery.forward {
        None => {}
        Some(Forwarded::Answered { status, elapsed }) => {
            let tone = if (200..300).contains(status) {
                Tone::Good
            } else {
                Tone::Bad
            };
            let answer = format!("forwarded: {status} in {} ms", elapsed.as_millis());
            fields.push(painted(answer, tone));
        }
        Some(Forwarded::Failed(why)) => {
            fields.push(painted(
                format!("not forwarded: {}", short(why, 200)),
                Tone::Bad,
            ));
        }
        Some(Forwarded::Skipped(why)) => {
            fields.push(painted(format!("not forwarded: {why}"), Tone::Attention));
        }
    }
    join_fields(&fields, style.width)
}

/// Fields joined by two spaces; with a `width`, a field that would pass it starts an
/// indented line of its own.
fn join_fields(fields: &[(String, String)], width: Option<usize>) -> String {
    const INDENT: &str = "  ";
    let mut out = String::new();
    let mut used = 0;
    for (i, (shown, text)) in fields.iter().enumerate() {
        let wide = display_width(text);
        if i > 0 {
            if width.is_some_and(|width| used + 2 + wide > width) {
                out.push('\n');
                out.push_str(INDENT);
                used = INDENT.len();
            } else {
                out.push_str("  ");
                used += 2;
            }
        }
        out.push_str(shown);
        used += wide;
    }
    out
}

/// One delivery as one compact JSON object (`--json`), for `jq`.
/// One delivery as `listen --json` prints it; `path` is the body's file in `dir`, ready to
/// give to `webhook verify` or `webhook show`.
pub fn delivery_json(delivery: &Delivery, dir: &std::path::Path) -> Value {
    let mut object = json!({
        "time": delivery.received_at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        "eventType": delivery.event_type,
        "scanRef": delivery.scan_ref,
        "status": delivery.status,
        "signature": delivery.signature.name(),
        "bytes": delivery.bytes,
        "file": delivery.file,
        "path": dir.join(&delivery.file).to_string_lossy(),
    });
    let forward = match &delivery.forward {
        None => return object,
        Some(Forwarded::Answered { status, elapsed }) => {
            json!({ "status": status, "ms": elapsed.as_millis() as u64 })
        }
        Some(Forwarded::Failed(why)) => json!({ "error": why }),
        Some(Forwarded::Skipped(why)) => json!({ "error": format!("not forwarded: {why}") }),
    };
    object["forward"] = forward;
    object
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery() -> Delivery {
        Delivery {
            received_at: "2026-11-23T12:30:00.5Z".parse().unwrap(),
            file: "20261123T123000.500Z-1.json".to_string(),
            event_type: Some("IDENTIFICATION\u{1b}[2J".to_string()),
            scan_ref: Some("ref\u{202e}".to_string()),
            status: Some("DENIED".to_string()),
            signature: SignatureCheck::Invalid,
            bytes: 12,
            forward: None,
        }
    }

    /// At 80 columns a delivery that does not fit goes on over an indented line, broken
    /// between fields: a status never splits (`DENIE` / `D`), coloured or not.
    #[test]
    fn a_delivery_line_at_80_columns_breaks_between_fields() {
        let wide = Delivery {
            event_type: Some("IDENTIFICATION".to_string()),
            scan_ref: Some("8f2a41c0-5b1e-11f0-9d3a-0242ac120002".to_string()),
            ..delivery()
        };
        for color in [false, true] {
            let style = Style {
                color,
                width: Some(80),
                hyperlinks: false,
            };
            let text = delivery_line(&wide, style);
            let plain = String::from_utf8(strip_ansi(text.as_bytes())).unwrap();
            assert_eq!(
                plain,
                "2026-11-23 12:30:00  IDENTIFICATION  8f2a41c0-5b1e-11f0-9d3a-0242ac120002\n  DENIED  signature invalid  12 bytes"
            );
        }
        let roomy = Style {
            color: false,
            width: Some(200),
            hyperlinks: false,
        };
        assert_eq!(delivery_line(&wide, roomy).lines().count(), 1);
    }

    fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == 0x1b {
                while i < bytes.len() && bytes[i] != b'm' {
                    i += 1;
                }
            } else {
                out.push(bytes[i]);
            }
            i += 1;
        }
        out
    }

    #[test]
    fn a_delivery_line_is_cleaned_and_coloured_only_when_asked() {
        let plain = Style {
            color: false,
            width: None,
            hyperlinks: false,
        };
        assert_eq!(
            delivery_line(&delivery(), plain),
            "2026-11-23 12:30:00  IDENTIFICATION\\u{1b}[2J  ref\\u{202e}  DENIED  signature invalid  12 bytes"
        );
        let coloured = delivery_line(
            &delivery(),
            Style {
                color: true,
                ..plain
            },
        );
        assert!(
            coloured.contains("\u{1b}[31minvalid\u{1b}[39m"),
            "{coloured:?}"
        );
        assert!(!coloured.contains("\u{1b}[2J"), "{coloured:?}");
        let mut forwarded = delivery();
        forwarded.forward = Some(Forwarded::Answered {
            status: 204,
            elapsed: std::time::Duration::from_millis(12),
        });
        assert!(delivery_line(&forwarded, plain).ends_with("12 bytes  forwarded: 204 in 12 ms"));
    }

    #[test]
    fn a_delivery_in_json_names_its_file() {
        let value = delivery_json(&delivery(), std::path::Path::new("caps"));
        assert_eq!(value["time"], "2026-11-23T12:30:00.500Z");
        assert_eq!(value["signature"], "invalid");
        assert_eq!(value["file"], "20261123T123000.500Z-1.json");
        let path = std::path::Path::new("caps").join("20261123T123000.500Z-1.json");
        assert_eq!(value["path"], path.to_string_lossy().as_ref());
        assert!(value.get("forward").is_none());
    }
}
