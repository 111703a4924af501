//! What a response means for the case right now: dates read against today, the age, and
//! the effective check results. Pure functions over decoded responses.

use jiff::civil::Date;

use crate::model::{StatusView, code};
use crate::vocab::{self, Reading};

/// A face or document check: the automatic result, the manual one (after a review), and
/// the one that stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check<'a> {
    pub automatic: Option<&'a str>,
    pub manual: Option<&'a str>,
}

impl<'a> Check<'a> {
    /// The manual result when a review made one, else the automatic one.
    pub fn effective(&self) -> Option<&'a str> {
        self.manual.or(self.automatic)
    }

    /// Whether a review replaced a different automatic result.
    pub fn overruled(&self) -> bool {
        matches!((self.automatic, self.manual), (Some(a), Some(m)) if a != m)
    }
}

pub fn face<'a>(view: &StatusView<'a>) -> Check<'a> {
    Check {
        automatic: code(view.auto_face),
        manual: code(view.manual_face),
    }
}

pub fn document<'a>(view: &StatusView<'a>) -> Check<'a> {
    Check {
        automatic: code(view.auto_document),
        manual: code(view.manual_document),
    }
}

/// The tags of a list field, as strings.
fn tags(value: Option<&serde_json::Value>) -> Vec<&str> {
    match value {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// The data fields the status's mismatch tags point at, as `(field, tag)`.
pub fn mismatched_fields(
    status: &serde_json::Map<String, serde_json::Value>,
) -> Vec<(&'static str, String)> {
    tags(status.get("mismatchTags"))
        .into_iter()
        .filter_map(|tag| Some((vocab::mismatch_field(tag)?, tag.to_string())))
        .collect()
}

/// A `YYYY-MM-DD` date as the API sends it.
fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    text.parse().ok()
}

/// A document's expiry read against today: "expired 12 days ago" or "valid until ….".
pub fn expiry_note(expiry: &str, today: Date) -> Option<(String, Reading)> {
    let expiry = parse_date(expiry)?;
    let days = i64::from(expiry.since(today).ok()?.get_days());
    Some(match days {
        ..0 => (
            format!("expired {} ago", plural(-days, "day")),
            Reading::Bad,
        ),
        0 => ("expires today".to_string(), Reading::Attention),
        _ => (
            format!("valid until {expiry} ({} left)", plural(days, "day")),
            Reading::Good,
        ),
    })
}

/// Whole years from the date of birth to today.
pub fn age(date_of_birth: &str, today: Date) -> Option<i16> {
    let born = parse_date(date_of_birth)?;
    if born > today || today.year() - born.year() > 150 {
        return None;
    }
    let mut years = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    Some(years)
}

fn plural(n: i64, unit: &str) -> String {
    match n {
        1 => format!("1 {unit}"),
        _ => format!("{n} {unit}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn expiry_is_read_against_today() {
        let today = day("2026-11-23");
        assert_eq!(
            expiry_note("2025-06-30", today),
            Some(("expired 511 days ago".to_string(), Reading::Bad))
        );
        assert_eq!(
            expiry_note("2026-11-22", today),
            Some(("expired 1 day ago".to_string(), Reading::Bad))
        );
        assert_eq!(
            expiry_note("2026-11-23", today),
            Some(("expires today".to_string(), Reading::Attention))
        );
        assert_eq!(
            expiry_note("2027-11-23", today),
            Some((
                "valid until 2027-11-23 (365 days left)".to_string(),
                Reading::Good
            ))
        );
        assert_eq!(expiry_note("YYYY-MM-DD", today), None);
        assert_eq!(expiry_note("2026-02-30", today), None);
    }

    #[test]
    fn age_counts_whole_years() {
        let today = day("2026-11-23");
        assert_eq!(age("1987-05-12", today), Some(39));
        assert_eq!(age("1987-11-23", today), Some(39));
        assert_eq!(age("1987-11-24", today), Some(38));
        assert_eq!(age("2030-01-01", today), None);
        assert_eq!(age("0000-01-01", today), None);
        assert_eq!(age("12.05.1987", today), None);
    }
}
