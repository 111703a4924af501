//! A response body as it came, checked without building a tree, and decoded for tables only
//! when it is as small as a real response; malformed text repaired and counted.

use std::borrow::Cow;

use serde_json::{Map, Value};

/// The most values a body may hold to be decoded for tables. No real response comes near
/// it; a body with more is shown with `--json` only, as it came, in bounded memory.
pub const MAX_VALUES: usize = 100_000;

/// A response body as it came: its bytes, checked to be one JSON object, and how many
/// values it holds. Decoded only when a table needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub bytes: Vec<u8>,
    pub values: usize,
}

/// A body decoded for tables: key order kept, text repaired where it had to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub body: Map<String, Value>,
    /// How many malformed pieces of text (invalid UTF-8, lone UTF-16 surrogates) were
    /// replaced by U+FFFD so that the rest stays readable.
    pub repairs: usize,
    /// Keys sent more than once in one object: the table shows the last value.
    pub duplicates: Vec<String>,
}

#[derive(Debug)]
pub enum DecodeError {
    NotJson(String),
    NotObject(&'static str),
    /// More values than [`MAX_VALUES`]: how many.
    TooMany(usize),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "not JSON ({why})"),
            DecodeError::NotObject(kind) => write!(f, "{kind}, not a JSON object"),
            DecodeError::TooMany(values) => write!(
                f,
                "a body of {values} values, more than any real response holds (at most {MAX_VALUES} are shown in tables)"
            ),
        }
    }
}

/// Checks that `bytes` are one JSON object, without building anything.
pub fn check(bytes: Vec<u8>) -> Result<Document, DecodeError> {
    let shape = crate::json::scan(&bytes).map_err(|err| DecodeError::NotJson(err.to_string()))?;
    if !shape.object {
        let kind = match bytes.trim_ascii_start().first() {
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        return Err(DecodeError::NotObject(kind));
    }
    Ok(Document {
        bytes,
        values: shape.values,
    })
}

/// Checks and decodes in one step, for bodies that are small by nature (error bodies,
/// saved files, pages of a list).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    check(bytes.to_vec())?.decode()
}

impl Document {
    /// The body as a tree for tables. Invalid UTF-8 and lone surrogate escapes (`"\ud800"`),
    /// which strict JSON parsers reject, become U+FFFD and are counted.
    pub fn decode(&self) -> Result<Decoded, DecodeError> {
        if self.values > MAX_VALUES {
            return Err(DecodeError::TooMany(self.values));
        }
        let bytes = self
            .bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&self.bytes);
        let (text, bad_utf8) = lossy_utf8(bytes);
        let (text, lone_surrogates) = repair_lone_surrogates(&text);
        let value: Value =
            serde_json::from_str(&text).map_err(|err| DecodeError::NotJson(err.to_string()))?;
        match value {
            Value::Object(body) => Ok(Decoded {
                body,
                repairs: bad_utf8 + lone_surrogates,
                duplicates: crate::json::duplicate_keys(bytes),
            }),
            other => Err(DecodeError::NotObject(json_kind(&other))),
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn lossy_utf8(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    let bad = bytes
        .utf8_chunks()
        .filter(|chunk| !chunk.invalid().is_empty())
        .count();
    (String::from_utf8_lossy(bytes), bad)
}

/// Replaces `\uD800`-`\uDFFF` escapes that are not part of a valid surrogate pair with
/// `\uFFFD`, inside JSON strings only. Returns the text and the number of replacements.
fn repair_lone_surrogates(text: &str) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut repairs = 0;
    let mut copied_to = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (false, b'"') => in_string = true,
            (true, b'"') => in_string = false,
            (true, b'\\') if bytes.get(i + 1) == Some(&b'u') => {
                let Some(unit) = hex_unit(bytes, i + 2) else {
                    i += 2;
                    continue;
                };
                let escape_end = i + 6;
                if (0xD800..0xDC00).contains(&unit)
                    && bytes.get(escape_end) == Some(&b'\\')
                    && bytes.get(escape_end + 1) == Some(&b'u')
                    && hex_unit(bytes, escape_end + 2)
                        .is_some_and(|u| (0xDC00..0xE000).contains(&u))
                {
                    i = escape_end + 6;
                    continue;
                }
                if (0xD800..0xE000).contains(&unit) {
                    let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    out.push_str(&text[copied_to..i]);
                    out.push_str("\\uFFFD");
                    copied_to = escape_end;
                    repairs += 1;
                }
                i = escape_end;
                continue;
            }
            (true, b'\\') => {
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied_to..]);
            (Cow::Owned(out), repairs)
        }
        None => (Cow::Borrowed(text), 0),
    }
}

fn hex_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, 16).ok()
}
