//! Colour for JSON text at a terminal, as jq shows it: keys blue and bold, strings green,
//! numbers cyan, `true` and `false` yellow, `null` dim. A tokenizer over the text, not a
//! parser: it only adds SGR codes around tokens, so without them the text is the same bytes.

use owo_colors::OwoColorize;

/// What a token is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Key,
    String,
    Number,
    Boolean,
    Null,
}

fn paint_token(text: &str, token: Token) -> String {
    match token {
        Token::Key => text.blue().bold().to_string(),
        Token::String => text.green().to_string(),
        Token::Number => text.cyan().to_string(),
        Token::Boolean => text.yellow().to_string(),
        Token::Null => text.dimmed().to_string(),
    }
}

/// `text` with its JSON tokens coloured; `None` when it holds anything but JSON tokens,
/// punctuation and whitespace (a path, a message, a script), which is left alone.
pub fn paint(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut at = 0;
    while at < bytes.len() {
        let (end, token) = match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                (at + 1, None)
            }
            b'"' => {
                let end = string_end(bytes, at)?;
                let token = match next_non_space(bytes, end) {
                    Some(b':') => Token::Key,
                    _ => Token::String,
                };
                (end, Some(token))
            }
            b'-' | b'0'..=b'9' => (number_end(bytes, at), Some(Token::Number)),
            _ => {
                let (word, token) = [
                    ("true", Token::Boolean),
                    ("false", Token::Boolean),
                    ("null", Token::Null),
                ]
                .into_iter()
                .find(|(word, _)| bytes[at..].starts_with(word.as_bytes()))?;
                let end = at + word.len();
                if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    return None;
                }
                (end, Some(token))
            }
        };
        // Every boundary is next to an ASCII byte, so it is a char boundary.
        let piece = &text[at..end];
        match token {
            Some(token) => out.push_str(&paint_token(piece, token)),
            None => out.push_str(piece),
        }
        at = end;
    }
    Some(out)
}

/// Where the string opening at `start` ends (just past its closing quote), skipping
/// backslash escapes; `None` when it does not end.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

fn number_end(bytes: &[u8], start: usize) -> usize {
    let length = bytes[start..]
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .count();
    start + length
}

fn next_non_space(bytes: &[u8], from: usize) -> Option<u8> {
    bytes[from..]
        .iter()
        .copied()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with every `ESC [ … m` removed.
    fn strip(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("\u{1b}[") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after.find('m').expect("an SGR sequence ends with m");
            assert!(
                after[..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                "only SGR codes are added: {:?}",
                &after[..end]
            );
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    }

    const BODIES: [&str; 6] = [
        "{\n  \"scanRef\": \"abc\",\n  \"n\": -12.5e+3,\n  \"ok\": true,\n  \"no\": false,\n  \"gone\": null\n}\n",
        "{\"quote\": \"say \\\"hi\\\": {not a key}\", \"back\\\\\": \"\\\\\"}",
        "{\n  \"name\": \"Šarūnas \u{1F600} \\u0160 \\ud83d\\ude00 \\ud800\",\n  \"list\": [1, 2, [], {}]\n}\n",
        "[\n  \"a\",\n  {\"k\": [null, true]}\n]\n",
        "{\"scanRef\":\"x\"}\n{\"scanRef\":\"y\",\"error\":\"not found\"}\n",
        "",
    ];

    #[test]
    fn stripping_the_codes_gives_back_the_input_byte_for_byte() {
        for body in BODIES {
            let painted = paint(body).unwrap_or_else(|| panic!("not painted: {body:?}"));
            assert_eq!(strip(&painted), body);
        }
    }

    #[test]
    fn keys_strings_numbers_booleans_and_null_each_get_their_colour() {
        let painted = paint("{\"k\": \"v\", \"n\": 1, \"t\": true, \"z\": null}").unwrap();
        for (piece, token) in [
            ("\"k\"", Token::Key),
            ("\"v\"", Token::String),
            ("1", Token::Number),
            ("true", Token::Boolean),
            ("null", Token::Null),
        ] {
            let coloured = paint_token(piece, token);
            assert!(coloured.contains("\u{1b}["), "{token:?} has a colour");
            assert!(
                painted.contains(&coloured),
                "{piece} as {token:?} in {painted:?}"
            );
        }
        assert_ne!(
            paint_token("x", Token::Key),
            paint_token("x", Token::String)
        );
        assert_ne!(
            paint_token("x", Token::Number),
            paint_token("x", Token::Boolean)
        );
    }

    #[test]
    fn an_escaped_quote_does_not_end_a_string_and_a_colon_in_a_string_makes_no_key() {
        let painted = paint("{\"a\\\"b\": \"c: d\"}").unwrap();
        assert!(painted.contains(&paint_token("\"a\\\"b\"", Token::Key)));
        assert!(painted.contains(&paint_token("\"c: d\"", Token::String)));
    }

    #[test]
    fn text_that_is_not_json_is_left_alone() {
        for text in [
            "valid\n",
            "No files to download.\n",
            "/home/someone/.config/idenfy-cli/config.toml\n",
            "{\"open\": \"never closed}",
            "{\"a\": trueish}",
            "_idenfy-cli() {\n",
        ] {
            assert_eq!(paint(text), None, "{text:?}");
        }
    }
}
