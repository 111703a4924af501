//! How the Markdown and HTML writers escape text: the one definition the Markdown writer uses
//! and the scrubbing matches secrets against (a secret escaped for a page is still a secret).
//! Imports nothing of the program.

/// The characters the Markdown writer puts a backslash before.
const MARKDOWN_SPECIAL: [char; 13] = [
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '&',
];

/// `text` with a backslash before every character Markdown would read as markup.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if MARKDOWN_SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as an HTML page writes it (maud escapes these four).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(super::markdown("a_b|c"), "a\\_b\\|c");
        assert_eq!(super::html("a&b<c>\"d\""), "a&amp;b&lt;c&gt;&quot;d&quot;");
    }
}
