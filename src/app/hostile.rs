//! Every renderer fed random and type-confused bodies: no panic, and nothing in what it
//! prints can act on a terminal, at any width and in Markdown.

use proptest::prelude::*;
use serde_json::{Map, Value};

use crate::case::view as case;
use crate::lookup::view::{data, files, find, status};
use crate::render::{Doc, Style};
use crate::webhook::view as webhook;

/// Keys the renderers look at, so that random values land where types are expected.
const KNOWN_KEYS: [&str; 31] = [
    "status",
    "scanRef",
    "clientId",
    "autoFace",
    "manualFace",
    "autoDocument",
    "manualDocument",
    "fraudTags",
    "mismatchTags",
    "docExpiry",
    "docDob",
    "docFirstName",
    "duplicateFaces",
    "manuallyDataChanged",
    "additionalStepsData",
    "fileUrls",
    "videoUrls",
    "additionalStepPdfUrls",
    "FRONT",
    "final",
    "startTime",
    "AML",
    "LID",
    "suspected",
    "serviceName",
    "overallStatus",
    "data",
    "name",
    "adverseMedia",
    "title",
    "errorMessage",
];

/// Text with what a hostile server would send: escapes, bidi overrides, C1 controls.
fn hostile_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 _./:?=&|<>*`\u{0}-\u{1f}\u{7f}-\u{9f}\u{200e}\u{202a}-\u{202e}\u{2066}-\u{2069}é😀]{0,24}"
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(1_795_442_400_i64)),
        hostile_text().prop_map(Value::String),
        Just(Value::String(
            "https://h.invalid/F.png?Expires=1795442400&Signature=s".into()
        )),
        Just(Value::String("2025-06-30".into())),
        Just(Value::String("DENIED".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(KNOWN_KEYS.to_vec()).prop_map(str::to_string),
        hostile_text(),
    ]
}

fn body() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((key(), value()), 0..12).prop_map(|pairs| pairs.into_iter().collect())
}

/// Every way a document is laid out: terminal text at three widths and unbounded, Markdown.
pub(super) fn all_layouts(doc: &Doc) -> Vec<String> {
    let mut out: Vec<String> = [Some(60), Some(80), Some(200), None]
        .into_iter()
        .map(|width| {
            crate::render::text(
                doc,
                Style {
                    color: false,
                    width,
                    hyperlinks: false,
                },
                false,
            )
        })
        .collect();
    out.push(crate::render::text(
        doc,
        Style {
            color: false,
            width: None,
            hyperlinks: false,
        },
        true,
    ));
    out
}

fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(2026_1124),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_body_renders_without_panic_or_terminal_control(
        first in body(), second in body(), third in body(), list in prop::collection::vec(value(), 0..5),
    ) {
        let now: jiff::Timestamp = "2026-11-23T12:30:00Z".parse().unwrap();
        let context = data::Context::new(now, Some(&first));
        let parts = case::CaseParts { status: Ok(&first), data: Ok(&second), files: Ok(&third) };
        let differences = crate::webhook::differences(&first, &first, &second, &third);
        let docs = [
            status::render(&first, crate::render::today(now)),
            data::render(&second, &context),
            files::render(&third, now),
            case::render(parts, now),
            webhook::show(&first, &crate::webhook::Capture {
                event_type: Some("IDENTIFICATION\u{1b}[2J".to_string()),
                received_at: Some("\u{202e}now".to_string()),
                signature: Some("valid\u{9b}".to_string()),
                signed: Some(true),
                ..Default::default()
            }, Some("hook\u{1b}[2J.json"), now),
            webhook::differences(&differences, "ref", None),
            find::render(&list, "client\u{1b}[2J"),
        ];
        for doc in &docs {
            for text in all_layouts(doc) {
                prop_assert!(!text.chars().any(acts_on_terminal), "{:?}", text);
            }
        }
    }
}
