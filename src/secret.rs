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
const MIN_SCRUBBED_CHARS: usize = 6;

/// What a scrubbed secret shows as.
pub const SCRUBBED: &str = "[REDACTED]";

/// Remembers `secret` for [`scrub`].
pub fn never_show(secret: &Secret) {
    let value = secret.expose();
    if value.chars().count() < MIN_SCRUBBED_CHARS {
        return;
    }
    let mut values = NEVER_SHOWN.lock().unwrap_or_else(PoisonError::into_inner);
    if !values.iter().any(|v| v == value) {
        values.push(value.to_string());
        // Longest first, so that a secret containing another is replaced whole.
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    }
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
}
