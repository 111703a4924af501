//! A checked JSON text re-indented token by token: every key, string, escape and number is
//! written as it was sent, two spaces a level, as `jq` and serde_json print. Only what could
//! act on a terminal is written as a `\u` escape (still the same JSON), and bytes that are
//! not UTF-8 become `\ufffd`.

use std::io::{self, Write};

use super::lex::{Container, Event, Lexer, Scalar, SyntaxError};

/// SGR colours for a terminal, as `jq` has them.
const KEY: &str = "\x1b[1;34m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const BOOL: &str = "\x1b[33m";
const NULL: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// How to write: coloured for a terminal or not, how deep the text sits in an outer
/// document (`case --json` puts three bodies one level down), and whether on one line
/// (JSON lines, one object a case).
#[derive(Debug, Clone, Copy, Default)]
pub struct Pretty {
    pub color: bool,
    pub depth: usize,
    pub compact: bool,
}

/// What writing found: byte sequences that were not UTF-8 (written as `\ufffd`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub repairs: usize,
}

/// Writes `bytes` (already checked with [`super::scan`]) re-indented, without a final
/// newline. A syntax error is reported as an I/O error of kind `InvalidData`.
pub fn write(bytes: &[u8], out: &mut dyn Write, pretty: Pretty) -> io::Result<Written> {
    let mut lexer = Lexer::new(bytes);
    let mut written = Written::default();
    // Whether the container being written has had an item yet, and whether a key was just
    // written (its value follows on the same line).
    let mut first = true;
    let mut after_key = false;
    while let Some(event) = lexer.next_event() {
        let event = event.map_err(invalid)?;
        let depth = pretty.depth + lexer.depth();
        if let Event::Close(container) = event {
            if !first {
                newline(out, depth, pretty.compact)?;
            }
            out.write_all(match container {
                Container::Object => b"}",
                Container::Array => b"]",
            })?;
            first = false;
            continue;
        }
        if !after_key && lexer_inside(&event, &lexer) {
            if !first {
                out.write_all(b",")?;
            }
            let inner = match event {
                Event::Open(_) => depth - 1,
                _ => depth,
            };
            newline(out, inner, pretty.compact)?;
        }
        after_key = false;
        match event {
            Event::Open(container) => {
                out.write_all(match container {
                    Container::Object => b"{",
                    Container::Array => b"[",
                })?;
                first = true;
                continue;
            }
            Event::Key(key) => {
                painted(out, pretty.color, KEY, |out| string(out, key, &mut written))?;
                out.write_all(if pretty.compact { b":" } else { b": " })?;
                after_key = true;
                continue;
            }
            Event::Scalar(Scalar::String, text) => {
                painted(out, pretty.color, STRING, |out| {
                    string(out, text, &mut written)
                })?;
            }
            Event::Scalar(kind, text) => {
                let colour = match kind {
                    Scalar::Number => NUMBER,
                    Scalar::Bool => BOOL,
                    _ => NULL,
                };
                painted(out, pretty.color, colour, |out| out.write_all(text))?;
            }
            Event::Close(_) => unreachable!("handled above"),
        }
        first = false;
    }
    Ok(written)
}

/// An object whose values are JSON texts (each written re-indented, one level down) or
/// `null`: how `case --json` puts three bodies together without decoding them.
pub fn write_fields(
    out: &mut dyn Write,
    pretty: Pretty,
    fields: &[(&str, Option<&[u8]>)],
) -> io::Result<Written> {
    let mut written = Written::default();
    out.write_all(b"{")?;
    let inner = Pretty {
        depth: pretty.depth + 1,
        ..pretty
    };
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        newline(out, inner.depth, pretty.compact)?;
        let quoted = serde_json::to_string(key).map_err(io::Error::other)?;
        painted(out, pretty.color, KEY, |out| {
            out.write_all(quoted.as_bytes())
        })?;
        out.write_all(if pretty.compact { b":" } else { b": " })?;
        match value {
            Some(text) => written.repairs += write(text, &mut *out, inner)?.repairs,
            None => painted(out, pretty.color, NULL, |out| out.write_all(b"null"))?,
        }
    }
    if !fields.is_empty() {
        newline(out, pretty.depth, pretty.compact)?;
    }
    out.write_all(b"}")?;
    Ok(written)
}

/// A list written an item at a time, as the items come (`find --json` page by page), laid
/// out as [`write`] lays out a whole list.
pub struct ListWriter {
    pretty: Pretty,
    items: usize,
    pub written: Written,
}

impl ListWriter {
    pub fn open(out: &mut dyn Write, pretty: Pretty) -> io::Result<ListWriter> {
        out.write_all(b"[")?;
        Ok(ListWriter {
            pretty,
            items: 0,
            written: Written::default(),
        })
    }

    /// Writes one item, a JSON text, re-indented one level down.
    pub fn item(&mut self, out: &mut dyn Write, text: &[u8]) -> io::Result<()> {
        if self.items > 0 {
            out.write_all(b",")?;
        }
        let inner = Pretty {
            depth: self.pretty.depth + 1,
            ..self.pretty
        };
        newline(out, inner.depth, self.pretty.compact)?;
        self.written.repairs += write(text, out, inner)?.repairs;
        self.items += 1;
        Ok(())
    }

    pub fn close(self, out: &mut dyn Write) -> io::Result<Written> {
        if self.items > 0 {
            newline(out, self.pretty.depth, self.pretty.compact)?;
        }
        out.write_all(b"]")?;
        Ok(self.written)
    }
}

/// Whether the token sits inside a container (as opposed to being the whole text).
fn lexer_inside(event: &Event<'_>, lexer: &Lexer<'_>) -> bool {
    match event {
        Event::Open(_) => lexer.depth() > 1,
        _ => lexer.depth() > 0,
    }
}

fn invalid(err: SyntaxError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, err.to_string())
}

fn newline(out: &mut dyn Write, depth: usize, compact: bool) -> io::Result<()> {
    if compact {
        return Ok(());
    }
    out.write_all(b"\n")?;
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

fn painted(
    out: &mut dyn Write,
    color: bool,
    colour: &str,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if color {
        out.write_all(colour.as_bytes())?;
    }
    body(&mut *out)?;
    if color {
        out.write_all(RESET.as_bytes())?;
    }
    Ok(())
}

/// A string token (quotes included) as sent, but for what acts on a terminal and bytes
/// that are not UTF-8.
fn string(out: &mut dyn Write, token: &[u8], written: &mut Written) -> io::Result<()> {
    let mut copied = 0;
    for chunk in token.utf8_chunks() {
        let valid = chunk.valid();
        let mut start = 0;
        for (at, c) in valid.char_indices() {
            if crate::text::is_unsafe(c) {
                out.write_all(&valid.as_bytes()[start..at])?;
                write!(out, "\\u{:04x}", c as u32)?;
                start = at + c.len_utf8();
            }
        }
        out.write_all(&valid.as_bytes()[start..])?;
        if !chunk.invalid().is_empty() {
            out.write_all(b"\\ufffd")?;
            written.repairs += 1;
        }
        copied += valid.len() + chunk.invalid().len();
    }
    debug_assert_eq!(copied, token.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(text: &[u8]) -> String {
        let mut out = Vec::new();
        write(text, &mut out, Pretty::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn layout_is_two_spaces_a_level_as_serde_json_prints() {
        let text = br#"{"a":1,"b":[1,{"c":null},[]],"d":{},"e":[ ]}"#;
        let value: serde_json::Value = serde_json::from_slice(text).unwrap();
        assert_eq!(pretty(text), serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(pretty(b" [ ] "), "[]");
        assert_eq!(pretty(b"7"), "7");
    }

    #[test]
    fn every_token_is_copied_as_sent() {
        let text = br#"{"k\u0041":"\ud800 \u00e9 \/","n":1e999999,"m":-0.10,"k\u0041":2}"#;
        assert_eq!(
            pretty(text),
            "{\n  \"k\\u0041\": \"\\ud800 \\u00e9 \\/\",\n  \"n\": 1e999999,\n  \"m\": -0.10,\n  \"k\\u0041\": 2\n}"
        );
    }

    #[test]
    fn what_acts_on_a_terminal_is_escaped_and_stays_the_same_json() {
        let text = "{\"a\":\"x\u{202E}y\u{9B}z\u{2066}\"}";
        let shown = pretty(text.as_bytes());
        assert_eq!(shown, "{\n  \"a\": \"x\\u202ey\\u009bz\\u2066\"\n}");
        let before: serde_json::Value = serde_json::from_str(text).unwrap();
        let after: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(before, after);
    }

    #[test]
    fn fields_put_texts_together_one_level_down() {
        let mut out = Vec::new();
        let fields: [(&str, Option<&[u8]>); 2] = [("status", Some(br#"{"a":1}"#)), ("data", None)];
        write_fields(&mut out, Pretty::default(), &fields).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"status\": {\n    \"a\": 1\n  },\n  \"data\": null\n}"
        );
        let mut out = Vec::new();
        let compact = Pretty {
            compact: true,
            ..Pretty::default()
        };
        write_fields(&mut out, compact, &fields).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"status":{"a":1},"data":null}"#
        );
    }

    #[test]
    fn compact_writing_is_one_line_as_sent() {
        let mut out = Vec::new();
        let compact = Pretty {
            compact: true,
            ..Pretty::default()
        };
        write(
            b" { \"a\" : [ 1 , {} ] , \"b\":\"\\u0041\" } ",
            &mut out,
            compact,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a":[1,{}],"b":"\u0041"}"#
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_escapes() {
        let mut out = Vec::new();
        let written = write(b"[\"a\xFFb\"]", &mut out, Pretty::default()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[\n  \"a\\ufffdb\"\n]");
        assert_eq!(written.repairs, 1);
    }

    #[test]
    fn nested_documents_start_deeper_and_colour_wraps_tokens() {
        let mut out = Vec::new();
        write(
            br#"{"a":[true]}"#,
            &mut out,
            Pretty {
                depth: 1,
                ..Pretty::default()
            },
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n    \"a\": [\n      true\n    ]\n  }"
        );
        let mut out = Vec::new();
        write(
            br#"{"a":null}"#,
            &mut out,
            Pretty {
                color: true,
                ..Pretty::default()
            },
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \x1b[1;34m\"a\"\x1b[0m: \x1b[2mnull\x1b[0m\n}"
        );
    }
}
