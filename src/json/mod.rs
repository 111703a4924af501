//! JSON as the API sent it: checked and counted without building a tree, and written back
//! re-indented token by token, so `--json` shows every byte that matters and memory stays
//! within a few times the body.

mod lex;
mod pretty;

pub use lex::{duplicate_keys, scan};
pub use pretty::{ListWriter, Pretty, write, write_fields};

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;

    /// Any JSON value, a few levels deep, with strings that carry controls, bidi marks and
    /// astral characters.
    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            "[a-z\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}é😀\"\\\\]{0,8}"
                .prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-z\u{202e}]{0,4}", inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    fn pretty(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        write(bytes, &mut out, Pretty::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, rng_seed: proptest::test_runner::RngSeed::Fixed(0x1de1f), failure_persistence: None, ..ProptestConfig::default() })]

        /// A list written an item at a time reads exactly as the whole list written at once.
        #[test]
        fn a_list_written_item_by_item_is_the_list_written_whole(items in prop::collection::vec(value(), 0..5)) {
            let whole = pretty(serde_json::to_string(&items).unwrap().as_bytes());
            let mut out = Vec::new();
            let mut list = ListWriter::open(&mut out, Pretty::default()).unwrap();
            for item in &items {
                list.item(&mut out, serde_json::to_string(item).unwrap().as_bytes()).unwrap();
            }
            list.close(&mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), whole);
        }

        /// Re-indenting any compact text gives the same JSON, with no raw character that
        /// could act on a terminal.
        #[test]
        fn reindented_text_is_json_equal_and_terminal_safe(value in value()) {
            let compact = serde_json::to_string(&value).unwrap();
            prop_assert!(scan(compact.as_bytes()).is_ok());
            let shown = pretty(compact.as_bytes());
            let parsed: Value = serde_json::from_str(&shown).unwrap();
            prop_assert_eq!(parsed, value);
            prop_assert!(!shown.chars().any(|c| {
                (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
            }), "{}", shown);
        }

        /// Whatever the bytes, scanning and writing never panic, and what scans is written.
        #[test]
        fn any_bytes_are_refused_or_written(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            if scan(&bytes).is_ok() {
                let mut out = Vec::new();
                prop_assert!(write(&bytes, &mut out, Pretty::default()).is_ok());
            }
        }
    }
}
