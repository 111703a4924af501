//! A JSON lexer that checks the grammar as it goes and hands out each token as the bytes
//! that were sent: no tree is built, so memory does not grow with the body.

use std::fmt;

/// Deeper nesting than this is refused: no real response comes near it, indenting it would
/// make the output grow with the square of the depth, and decoders stop at 128.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Object,
    Array,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    String,
    Number,
    Bool,
    Null,
}

/// One token, as the bytes that were sent (a string or key with its quotes and escapes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    Open(Container),
    Close(Container),
    Key(&'a [u8]),
    Scalar(Scalar, &'a [u8]),
}

/// Why a body is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub what: &'static str,
    pub at: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value: the start of the text, after `:` or after `,` in an array.
    Value,
    /// A value or `]`: just after `[`.
    FirstItem,
    /// A key or `}`: just after `{`.
    FirstKey,
    /// `,` or the end of the container (or of the text).
    Separator,
    Done,
}

pub struct Lexer<'a> {
    bytes: &'a [u8],
    at: usize,
    stack: Vec<Container>,
    expect: Expect,
}

impl<'a> Lexer<'a> {
    /// A lexer over `bytes`, a UTF-8 byte order mark at the start skipped.
    pub fn new(bytes: &'a [u8]) -> Lexer<'a> {
        let at = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        Lexer {
            bytes,
            at,
            stack: Vec::new(),
            expect: Expect::Value,
        }
    }

    /// How deep the current token is: 0 at the top.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError { what, at: self.at }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next token; `None` once the text has ended properly.
    pub fn next_event(&mut self) -> Option<Result<Event<'a>, SyntaxError>> {
        self.skip_space();
        let result = match self.expect {
            Expect::Done => {
                return if self.at < self.bytes.len() {
                    Some(Err(self.error("text after the end of the JSON value")))
                } else {
                    None
                };
            }
            Expect::Value => self.value(),
            Expect::FirstItem if self.peek() == Some(b']') => self.close(Container::Array),
            Expect::FirstItem => self.value(),
            Expect::FirstKey if self.peek() == Some(b'}') => self.close(Container::Object),
            Expect::FirstKey => self.key(),
            Expect::Separator => self.separator(),
        };
        Some(result)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self) -> Result<Event<'a>, SyntaxError> {
        let start = self.at;
        let event = match self.peek() {
            None if self.stack.is_empty() => return Err(self.error("an empty body")),
            None => return Err(self.error("the text ends where a value should be")),
            Some(b'{') => return self.open(Container::Object),
            Some(b'[') => return self.open(Container::Array),
            Some(b'"') => Event::Scalar(Scalar::String, self.string()?),
            Some(b'-' | b'0'..=b'9') => Event::Scalar(Scalar::Number, self.number()?),
            Some(b't') => Event::Scalar(Scalar::Bool, self.word(b"true")?),
            Some(b'f') => Event::Scalar(Scalar::Bool, self.word(b"false")?),
            Some(b'n') => Event::Scalar(Scalar::Null, self.word(b"null")?),
            Some(_) => return Err(self.error("a character that starts no JSON value")),
        };
        debug_assert!(self.at > start);
        self.expect = self.after_value();
        Ok(event)
    }

    fn after_value(&self) -> Expect {
        if self.stack.is_empty() {
            Expect::Done
        } else {
            Expect::Separator
        }
    }

    fn open(&mut self, container: Container) -> Result<Event<'a>, SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error("nesting deeper than 64 levels"));
        }
        self.at += 1;
        self.stack.push(container);
        self.expect = match container {
            Container::Object => Expect::FirstKey,
            Container::Array => Expect::FirstItem,
        };
        Ok(Event::Open(container))
    }

    fn close(&mut self, container: Container) -> Result<Event<'a>, SyntaxError> {
        self.at += 1;
        self.stack.pop();
        self.expect = self.after_value();
        Ok(Event::Close(container))
    }

    fn key(&mut self) -> Result<Event<'a>, SyntaxError> {
        if self.peek().is_none() {
            return Err(self.error("the text ends inside an object or array"));
        }
        if self.peek() != Some(b'"') {
            return Err(self.error("an object key that is not a string"));
        }
        let key = self.string()?;
        self.skip_space();
        if self.peek() != Some(b':') {
            return Err(self.error("a key without `:`"));
        }
        self.at += 1;
        self.expect = Expect::Value;
        Ok(Event::Key(key))
    }

    fn separator(&mut self) -> Result<Event<'a>, SyntaxError> {
        let inside = *self
            .stack
            .last()
            .expect("a separator is expected only inside a container");
        match (self.peek(), inside) {
            (Some(b','), Container::Array) => {
                self.at += 1;
                self.expect = Expect::Value;
                self.next_event()
                    .unwrap_or_else(|| Err(self.error("the text ends after `,`")))
            }
            (Some(b','), Container::Object) => {
                self.at += 1;
                self.skip_space();
                self.key()
            }
            (Some(b']'), Container::Array) => self.close(Container::Array),
            (Some(b'}'), Container::Object) => self.close(Container::Object),
            (None, _) => Err(self.error("the text ends inside an object or array")),
            _ => Err(self.error("a value not followed by `,` or the container's end")),
        }
    }

    fn word(&mut self, word: &'static [u8]) -> Result<&'a [u8], SyntaxError> {
        let start = self.at;
        if !self.bytes[start..].starts_with(word) {
            return Err(self.error("a misspelt true, false or null"));
        }
        self.at += word.len();
        Ok(&self.bytes[start..self.at])
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<&'a [u8], SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("a number without digits")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("a number with no digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("a number with no digits in its exponent"));
            }
        }
        Ok(&self.bytes[start..self.at])
    }

    /// A string with its quotes. Escapes are checked for form only: a lone surrogate
    /// (`\ud800`) is kept as sent. Bytes that are not UTF-8 are left for the writer.
    fn string(&mut self) -> Result<&'a [u8], SyntaxError> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.peek() {
                None => return Err(self.error("a string that never ends")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(&self.bytes[start..self.at]);
                }
                Some(b'\\') => match self.bytes.get(self.at + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.at += 2,
                    Some(b'u') => {
                        let hex = self.bytes.get(self.at + 2..self.at + 6);
                        if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                            return Err(self.error("a \\u escape without four hex digits"));
                        }
                        self.at += 6;
                    }
                    _ => return Err(self.error("an unknown escape in a string")),
                },
                Some(0..=0x1F) => return Err(self.error("a control character inside a string")),
                Some(_) => self.at += 1,
            }
        }
    }
}

/// What a whole text holds: how many values and how deep, checked against the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BodyShape {
    pub values: usize,
    /// Whether the top value is an object.
    pub object: bool,
}

/// Checks `bytes` and counts its values (every scalar, object and array), building nothing.
pub fn scan(bytes: &[u8]) -> Result<BodyShape, SyntaxError> {
    let mut lexer = Lexer::new(bytes);
    let mut shape = BodyShape::default();
    while let Some(event) = lexer.next_event() {
        match event? {
            Event::Open(container) => {
                if shape.values == 0 {
                    shape.object = container == Container::Object;
                }
                shape.values += 1;
            }
            Event::Scalar(..) => shape.values += 1,
            Event::Key(_) | Event::Close(_) => {}
        }
    }
    Ok(shape)
}

/// The keys that appear more than once in the same object, each named once, in the order
/// their second appearance comes. A decoder keeps only the last value of such a key.
pub fn duplicate_keys(bytes: &[u8]) -> Vec<String> {
    let mut lexer = Lexer::new(bytes);
    let mut seen: Vec<Option<std::collections::HashSet<&[u8]>>> = Vec::new();
    let mut duplicates: Vec<String> = Vec::new();
    while let Some(Ok(event)) = lexer.next_event() {
        match event {
            Event::Open(container) => {
                seen.push((container == Container::Object).then(Default::default))
            }
            Event::Close(_) => {
                seen.pop();
            }
            Event::Key(key) => {
                if let Some(Some(keys)) = seen.last_mut()
                    && !keys.insert(key)
                {
                    let name = serde_json::from_slice::<String>(key)
                        .unwrap_or_else(|_| String::from_utf8_lossy(key).into_owned());
                    if !duplicates.contains(&name) {
                        duplicates.push(name);
                    }
                }
            }
            Event::Scalar(..) => {}
        }
    }
    duplicates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_texts_are_counted() {
        let shape =
            scan(br#" {"a": [1, -2.5e+3, "x\u00e9\ud800", true, null], "b": {}} "#).unwrap();
        assert_eq!(
            shape,
            BodyShape {
                values: 8,
                object: true
            }
        );
        assert_eq!(
            scan(b"[]").unwrap(),
            BodyShape {
                values: 1,
                object: false
            }
        );
        assert_eq!(scan(b"\xEF\xBB\xBF{}").unwrap().values, 1);
    }

    #[test]
    fn invalid_texts_are_refused_with_a_reason() {
        for (text, what) in [
            (&b""[..], "an empty body"),
            (b"{", "the text ends inside an object or array"),
            (b"{\"a\" 1}", "a key without `:`"),
            (b"{1: 2}", "an object key that is not a string"),
            (b"[1,]", "a character that starts no JSON value"),
            (
                b"[1 2]",
                "a value not followed by `,` or the container's end",
            ),
            (b"01", "text after the end of the JSON value"),
            (b"1.", "a number with no digits after `.`"),
            (b"\"a\x01\"", "a control character inside a string"),
            (b"\"\\x\"", "an unknown escape in a string"),
            (b"\"\\u12\"", "a \\u escape without four hex digits"),
            (b"tru", "a misspelt true, false or null"),
            (b"{} {}", "text after the end of the JSON value"),
            (b"[}", "a character that starts no JSON value"),
        ] {
            assert_eq!(
                scan(text).unwrap_err().what,
                what,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn duplicate_keys_are_named_once_per_name() {
        let text = br#"{"a":1,"b":{"a":2,"c":3,"c":4},"a":5,"\u0061":6,"d":[{"x":1},{"x":2}]}"#;
        assert_eq!(duplicate_keys(text), ["c", "a"]);
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(scan(deep.as_bytes()).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            scan(deeper.as_bytes()).unwrap_err().what,
            "nesting deeper than 64 levels"
        );
    }
}
