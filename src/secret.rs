//! A string that must never be shown: no `Display`, and a redacted `Debug`, so that neither
//! a format string nor a panic message can print it.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Mutex, PoisonError};

/// A value that must not be shown: its `Debug` is redacted and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

/// Values this run holds as secrets (the API key and secret, their Basic token, the webhook
/// key): whatever is printed is scrubbed of them, so a server that echoes them back in an
/// error, a page or a header cannot make the tool show them.
static NEVER_SHOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Shorter values are not scrubbed: they would match ordinary text.
pub const MIN_SCRUBBED_CHARS: usize = 6;

/// What a scrubbed secret shows as.
pub const SCRUBBED: &str = "[REDACTED]";

/// Remembers `secret` for [`scrub`].
pub fn never_show(secret: &Secret) {
    let value = secret.expose();
    if value.chars().count() < MIN_SCRUBBED_CHARS {
        return;
    }
    let mut values = NEVER_SHOWN.lock().unwrap_or_else(PoisonError::into_inner);
    // As written, and as the Markdown and HTML writers escape it: `key_1` is `key\_1` in a
    // Markdown table and `a&b` is `a&amp;b` in report.html, and either would show the secret.
    for form in [
        value.to_string(),
        crate::escape::markdown(value),
        crate::escape::html(value),
    ] {
        if !values.contains(&form) {
            values.push(form);
        }
    }
    // Longest first, so that a secret containing another is replaced whole.
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
}

/// `text` with every remembered secret replaced by [`SCRUBBED`].
pub fn scrub(text: &str) -> Cow<'_, str> {
    let values = NEVER_SHOWN.lock().unwrap_or_else(PoisonError::into_inner);
    if !values.iter().any(|v| text.contains(v.as_str())) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for value in values.iter() {
        out = out.replace(value.as_str(), SCRUBBED);
    }
    Cow::Owned(out)
}

/// A writer that scrubs the remembered secrets from what passes through it, also when a
/// secret is split across two writes: the bytes that could start one are held back until
/// the next write or the flush.
const HELD_BYTES: usize = 64 * 1024;

pub struct Scrubbing<W: std::io::Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: std::io::Write> Scrubbing<W> {
    pub fn new(inner: W) -> Scrubbing<W> {
        Scrubbing {
            inner,
            held: Vec::new(),
        }
    }

    /// Passes on all but the bytes that could be the start of a secret.
    fn pass(&mut self, all: bool) -> std::io::Result<()> {
        let values = NEVER_SHOWN.lock().unwrap_or_else(PoisonError::into_inner);
        let longest = values.iter().map(String::len).max().unwrap_or(0);
        let mut out = Vec::with_capacity(self.held.len());
        let mut at = 0;
        let end = if all {
            self.held.len()
        } else {
            self.held.len().saturating_sub(longest.saturating_sub(1))
        };
        while at < end {
            let rest = &self.held[at..];
            match values.iter().find(|v| rest.starts_with(v.as_bytes())) {
                Some(value) => {
                    out.extend_from_slice(SCRUBBED.as_bytes());
                    at += value.len();
                }
                None => {
                    out.push(self.held[at]);
                    at += 1;
                }
            }
        }
        drop(values);
        self.held.drain(..at);
        self.inner.write_all(&out)
    }
}

impl<W: std::io::Write> std::io::Write for Scrubbing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // A piece at a time, so that what is held stays small whatever is written at once.
        for piece in buf.chunks(HELD_BYTES) {
            self.held.extend_from_slice(piece);
            if self.held.len() >= HELD_BYTES {
                self.pass(false)?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_secrets_are_scrubbed_from_text() {
        never_show(&Secret::new("s3cr3t-value-xyz"));
        never_show(&Secret::new("short"));
        assert_eq!(
            scrub("auth failed for s3cr3t-value-xyz!"),
            "auth failed for [REDACTED]!"
        );
        assert_eq!(scrub("a short text"), "a short text");
        assert!(matches!(scrub("nothing here"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_secret_split_across_writes_is_scrubbed_too() {
        use std::io::Write;
        never_show(&Secret::new("split-secret-42"));
        let mut out = Scrubbing::new(Vec::new());
        out.write_all(b"before split-se").unwrap();
        out.write_all(b"cret-42 after").unwrap();
        out.flush().unwrap();
        let Scrubbing { inner, .. } = out;
        assert_eq!(String::from_utf8(inner).unwrap(), "before [REDACTED] after");
    }
}
