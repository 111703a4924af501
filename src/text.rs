//! Text from outside (responses, error bodies) made safe to show on a terminal.

use std::borrow::Cow;

/// Characters that could rewrite what the reader sees: controls, bidirectional marks and
/// overrides, and the invisible ones that make `APPROVED\u{200b}` look like `APPROVED`
/// (zero-width space, word joiner, byte-order mark, line and paragraph separators, tag
/// characters). The one set every writer escapes (tables, errors, traces and `--json` alike).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Bytes as lower-case hexadecimal, as `sha256sum` prints a digest and `Idenfy-Signature`
/// carries an HMAC.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Text from a response made safe for a terminal: control characters and bidirectional
/// overrides, which could rewrite what the reader sees, are shown as `\u{…}` escapes.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text as it may reach a terminal from any message: controls and bidirectional overrides
/// escaped, and the run's own secrets scrubbed. Every line written to stderr passes here.
pub fn shown(text: &str) -> String {
    // Scrubbed before escaping too: a secret with a control character in it no longer reads
    // the same once escaped.
    let scrubbed = crate::secret::scrub(text);
    crate::secret::scrub(&clean(&scrubbed)).into_owned()
}

/// A word as a shell takes it, for commands in hints: as it is when it is plain, else in
/// single quotes, so that copying the command never runs a second one.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/-+:@".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// At most `max_chars` characters of `text`, with `…` where it was cut. Cut before any
/// escaping, so that an escape (`\u{1b}`) is never cut in half.
pub fn cut(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Text squeezed onto one line of at most `max_chars`: whitespace runs become one space,
/// unsafe characters are shown escaped as everywhere else, and a cut is marked with `…`.
pub fn one_line(text: &str, max_chars: usize) -> String {
    // Secrets go before the whitespace is squeezed and the controls escaped: a secret with a
    // tab or an escape in it would not be recognised after.
    let text = crate::secret::scrub(text);
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut kept = joined.chars();
    let cut: String = kept.by_ref().take(max_chars).collect();
    let mut out = clean(&cut).into_owned();
    if kept.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_escapes_controls_and_overrides() {
        assert_eq!(
            one_line("a\n\tb\u{202e}c\u{1b}", 10),
            "a b\\u{202e}c\\u{1b}"
        );
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(one_line("abc", 3), "abc");
    }
}
