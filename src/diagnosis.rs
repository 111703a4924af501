//! What a response means for the case right now: dates read against today, the age, the
//! effective check results, and the verdict. Pure functions over decoded responses.

use jiff::civil::Date;

use crate::model::{StatusView, code};
use crate::vocab::{self, Category, Reading};

/// The text for a code iDenfy's vocabulary does not list.
pub const NO_DESCRIPTION: &str = "no description";

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

    fn passed(&self) -> bool {
        self.effective()
            .is_some_and(|r| vocab::check_reading(r) == Reading::Good)
    }
}

/// One code that explains the verdict, with what it means and what the support person does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub category: Category,
    pub meaning: &'static str,
    pub next_step: Option<&'static str>,
    pub reading: Reading,
}

impl Finding {
    fn new(category: Category, code: &str) -> Finding {
        match vocab::lookup(category, code) {
            Some(entry) => Finding {
                code: entry.code.to_string(),
                category,
                meaning: &entry.meaning,
                next_step: Some(&entry.next_step),
                reading: entry.reading,
            },
            None => Finding {
                code: code.to_string(),
                category,
                meaning: NO_DESCRIPTION,
                next_step: None,
                reading: Reading::Attention,
            },
        }
    }
}

/// What a status response means, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The overall status and what it means for the case now.
    pub status: Option<Finding>,
    /// Why: failing results for DENIED, tags for SUSPECTED and wherever tags exist.
    pub reasons: Vec<Finding>,
    /// Further facts: reviews that changed a result, who decides, where the result comes from.
    pub notes: Vec<String>,
    /// SUSPECTED with both checks passing: iDenfy leaves the decision to the business.
    pub business_decides: bool,
}

/// The answer in one line: the overall status, the reason that decided it in plain words,
/// and the code behind that reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The overall status as sent, when there is one.
    pub status: Option<String>,
    pub reading: Reading,
    /// The main reason, or what the status means, in plain words.
    pub reason: String,
    /// The code the reason comes from (`DOC_EXPIRED`), when a result or tag decided it.
    pub code: Option<String>,
    /// How many further reasons the verdict lists.
    pub more: usize,
    pub business_decides: bool,
}

impl Headline {
    /// Everything after `STATUS: `.
    pub fn sentence(&self) -> String {
        let mut text = self.reason.clone();
        if let Some(code) = &self.code {
            text.push_str(&format!(" ({code})"));
        }
        match self.more {
            0 => {}
            1 => text.push_str(", and 1 more reason"),
            n => text.push_str(&format!(", and {n} more reasons")),
        }
        if self.business_decides {
            text.push_str("; the checks passed, so your business decides");
        }
        text
    }
}

/// The headline of a verdict: its first reason, else what the status means.
pub fn headline(verdict: &Verdict) -> Headline {
    let status = verdict.status.as_ref();
    let (reason, code) = match verdict.reasons.first() {
        Some(first) if first.meaning == NO_DESCRIPTION => (
            format!(
                "{} {}, which this tool does not know",
                first.category.title().to_lowercase(),
                first.code
            ),
            None,
        ),
        Some(first) => (first_sentence(first.meaning), Some(first.code.clone())),
        None => match status {
            Some(status) if status.meaning == NO_DESCRIPTION => {
                ("a status this tool does not know".to_string(), None)
            }
            Some(status) => (first_sentence(status.meaning), None),
            None => ("the response has no overall status".to_string(), None),
        },
    };
    Headline {
        status: status.map(|s| s.code.clone()),
        reading: status.map_or(Reading::Attention, |s| s.reading),
        reason,
        code,
        more: verdict.reasons.len().saturating_sub(1),
        business_decides: verdict.business_decides,
    }
}

/// The first sentence of a meaning, as a clause: `The document has expired.` becomes
/// `the document has expired`; a leading acronym (`NFC`) keeps its case.
fn first_sentence(meaning: &str) -> String {
    let sentence = meaning.split(". ").next().unwrap_or(meaning);
    let sentence = sentence.trim_end_matches('.').trim();
    let mut chars = sentence.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(sentence.chars().skip(1))
            .collect(),
        _ => sentence.to_string(),
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

/// The verdict for a status response.
pub fn verdict(view: &StatusView<'_>) -> Verdict {
    let overall = code(view.overall);
    let checks = [
        ("Face", face(view), Category::FaceResult),
        ("Document", document(view), Category::DocumentResult),
    ];
    // A webhook's `suspicionReasons` carry fraud-tag codes (AML_SUSPECTION and the like):
    // each counts once, as a fraud tag.
    let mut fraud = tags(view.fraud_tags);
    for reason in tags(view.suspicion_reasons) {
        if !fraud.contains(&reason) {
            fraud.push(reason);
        }
    }
    let tag_findings: Vec<Finding> = fraud
        .into_iter()
        .map(|t| Finding::new(Category::FraudTag, t))
        .chain(
            tags(view.mismatch_tags)
                .into_iter()
                .map(|t| Finding::new(Category::MismatchTag, t)),
        )
        .collect();
    let mut reasons = Vec::new();
    let mut notes = Vec::new();
    let mut business_decides = false;
    for (name, check, _) in &checks {
        if let (true, Some(automatic), Some(manual)) =
            (check.overruled(), check.automatic, check.manual)
        {
            notes.push(format!(
                "{name}: a review changed the automatic {automatic} to {manual}; {manual} stands."
            ));
        }
    }
    let all_passed = checks.iter().all(|(_, check, _)| check.passed());
    let failing = checks.iter().filter_map(|(_, check, category)| {
        let result = check.effective().filter(|_| !check.passed())?;
        Some(Finding::new(*category, result))
    });
    match overall {
        Some("DENIED") => {
            reasons.extend(failing);
            reasons.extend(tag_findings);
            if reasons.is_empty() {
                notes.push("Neither the results nor the tags say why; ask iDenfy's support about this scanRef.".to_string());
            }
        }
        Some("SUSPECTED") => {
            reasons.extend(failing);
            reasons.extend(tag_findings);
            if reasons.is_empty() {
                notes.push(
                    "No tag or failing result says why; ask iDenfy's support about this scanRef."
                        .to_string(),
                );
            } else if all_passed {
                business_decides = true;
                notes.push("The face and document checks passed: iDenfy leaves it to your business to accept or decline this client.".to_string());
            }
        }
        other => {
            // Results this program does not know are listed whatever the status, so that
            // nothing is passed over in silence.
            reasons.extend(failing.filter(|f| f.meaning == NO_DESCRIPTION));
            reasons.extend(tag_findings);
            if other == Some("APPROVED") && !all_passed {
                notes.push("The status is APPROVED although the results that stand do not both pass; ask iDenfy's support about this scanRef.".to_string());
            }
        }
    }
    Verdict {
        status: overall.map(|status| Finding::new(Category::OverallStatus, status)),
        reasons,
        notes,
        business_decides,
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
    fn headline_takes_the_first_sentence_as_a_clause() {
        assert_eq!(
            first_sentence("The document has expired."),
            "the document has expired"
        );
        assert_eq!(
            first_sentence("The verification did not pass. The reasons below say why."),
            "the verification did not pass"
        );
        assert_eq!(
            first_sentence("NFC chip unreadable."),
            "NFC chip unreadable"
        );
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
