//! What the arguments of every command share: the checks of typed values, before anything
//! is sent, and the examples block that ends each command's help.

use clap::builder::Styles;

/// A scanRef, with blank space pasted around it trimmed.
pub fn parse_scan_ref(text: &str) -> Result<String, String> {
    crate::model::check_scan_ref(text.trim()).map(str::to_string)
}

/// iDenfy documents client IDs of at most 100 characters.
pub fn parse_client_id(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("a client ID cannot be empty".to_string());
    }
    if text.chars().count() > 100 {
        return Err("a client ID has at most 100 characters".to_string());
    }
    if text.chars().any(char::is_control) {
        return Err("a client ID cannot contain control characters".to_string());
    }
    Ok(text.to_string())
}

/// An event type as a header carries it: letters, digits, `_`, `-` and `.`; at most 100.
pub fn parse_event_type(text: &str) -> Result<String, String> {
    let ok = !text.is_empty()
        && text.len() <= 100
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b));
    if ok {
        Ok(text.to_string())
    } else {
        Err("an event type is 1 to 100 letters, digits, '_', '-' or '.'".to_string())
    }
}

/// The examples block that ends a command's help.
pub fn examples(lines: &[&str]) -> String {
    section("Examples", lines)
}

/// A titled block of the help, styled as clap styles its headings.
pub fn section(heading: &str, lines: &[&str]) -> String {
    let style = *Styles::default().get_header();
    let mut text = format!("{style}{heading}:{style:#}");
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
}
