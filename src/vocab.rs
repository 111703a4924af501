//! The codes iDenfy's API returns, what each means in plain words, what a support person does
//! about it and how it reads at a glance. The entries live in `vocab.toml`, compiled in and
//! read once per run; this module holds their types, the loading and the small lookups. The
//! lists are open, so callers show unknown codes as they came.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

mod disposition;

pub use disposition::Disposition;

/// The vocabulary as people review it: one TOML file, compiled into the binary.
const VOCABULARY: &str = include_str!("vocab.toml");

/// How a code reads at a glance; renderers turn this into colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    /// The check passed, the verification was approved, or a neutral piece of data.
    Good,
    /// The check failed, the verification was denied, or a clear warning sign.
    Bad,
    /// Neither: pending, suspected, not analysed, or a code this program does not know.
    Attention,
}

impl Reading {
    /// The name scripts read: "good", "bad", "attention".
    pub fn slug(self) -> &'static str {
        match self {
            Reading::Good => "good",
            Reading::Bad => "bad",
            Reading::Attention => "attention",
        }
    }
}

/// Where an entry's meaning comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeaningSource {
    /// iDenfy's documentation says what the code means.
    Documented,
    /// iDenfy gives only the code; the meaning is read from its name.
    Name,
}

impl MeaningSource {
    /// The name scripts read: "documented", "name".
    pub fn slug(self) -> &'static str {
        match self {
            MeaningSource::Documented => "documented",
            MeaningSource::Name => "name",
        }
    }
}

/// Where a code appears in iDenfy's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// `status`: the overall status of a verification.
    OverallStatus,
    /// `autoFace`, `manualFace`.
    FaceResult,
    /// `autoDocument`, `manualDocument`.
    DocumentResult,
    /// `fraudTags`.
    FraudTag,
    /// `mismatchTags`.
    MismatchTag,
    /// `docType` in the data.
    DocumentType,
    /// `docSex` in the data.
    Sex,
    /// `ageEstimate` in the data.
    AgeEstimate,
    /// `clientIpProxyRiskLevel` in the data.
    ProxyRiskLevel,
    /// The values of a webhook's `additionalSteps`.
    AdditionalStepResult,
    /// The `Idenfy-Event-Type` header of a webhook.
    WebhookEvent,
    /// The overall status of an AML or LID screening in a webhook's `AML` and `LID` lists.
    ScreeningStatus,
}

impl Category {
    /// Every category, in the order the vocabulary lists them.
    pub const ALL: [Category; 12] = [
        Category::OverallStatus,
        Category::FaceResult,
        Category::DocumentResult,
        Category::FraudTag,
        Category::MismatchTag,
        Category::DocumentType,
        Category::Sex,
        Category::AgeEstimate,
        Category::ProxyRiskLevel,
        Category::AdditionalStepResult,
        Category::WebhookEvent,
        Category::ScreeningStatus,
    ];

    /// The name people read, e.g. "Face result".
    pub fn title(self) -> &'static str {
        match self {
            Category::OverallStatus => "Overall status",
            Category::FaceResult => "Face result",
            Category::DocumentResult => "Document result",
            Category::FraudTag => "Fraud tag",
            Category::MismatchTag => "Mismatch tag",
            Category::DocumentType => "Document type",
            Category::Sex => "Sex",
            Category::AgeEstimate => "Age estimate",
            Category::ProxyRiskLevel => "IP proxy risk level",
            Category::AdditionalStepResult => "Additional step result",
            Category::WebhookEvent => "Webhook event type",
            Category::ScreeningStatus => "Screening status",
        }
    }

    /// The name scripts read, and the section name in `vocab.toml`, e.g. "face-result".
    pub fn slug(self) -> &'static str {
        match self {
            Category::OverallStatus => "overall-status",
            Category::FaceResult => "face-result",
            Category::DocumentResult => "document-result",
            Category::FraudTag => "fraud-tag",
            Category::MismatchTag => "mismatch-tag",
            Category::DocumentType => "document-type",
            Category::Sex => "sex",
            Category::AgeEstimate => "age-estimate",
            Category::ProxyRiskLevel => "ip-proxy-risk-level",
            Category::AdditionalStepResult => "additional-step-result",
            Category::WebhookEvent => "webhook-event-type",
            Category::ScreeningStatus => "screening-status",
        }
    }
}

/// One code in one category, explained for a support person handling a client's case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub code: String,
    pub category: Category,
    /// One or two plain sentences: what happened.
    pub meaning: String,
    /// What the support person does now; "Nothing to do: …" where nothing is needed.
    pub next_step: String,
    pub reading: Reading,
    /// What the code means for a case's verdict when it is found.
    pub disposition: Disposition,
    /// Whether iDenfy documents the meaning or it is read from the code's name.
    pub source: MeaningSource,
    /// The iDenfy page that documents the meaning, for a documented code.
    pub cite: Option<String>,
}

/// An entry as written in `vocab.toml`; its category is the section it sits in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    code: String,
    source: MeaningSource,
    #[serde(default)]
    cite: Option<String>,
    reading: Reading,
    disposition: Disposition,
    meaning: String,
    next_step: String,
}

/// Every entry of `text`, category by category in [`Category::ALL`] order, each category's
/// entries in file order; or what is wrong with the file, naming the section and code.
fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let mut sections: BTreeMap<String, Vec<RawEntry>> =
        toml::from_str(text).map_err(|err| err.to_string())?;
    let mut entries = Vec::new();
    for category in Category::ALL {
        let raw = sections
            .remove(category.slug())
            .filter(|raw| !raw.is_empty())
            .ok_or_else(|| format!("no [[{}]] entries", category.slug()))?;
        let mut seen = HashSet::new();
        for raw in raw {
            let entry = Entry {
                code: raw.code,
                category,
                meaning: raw.meaning,
                next_step: raw.next_step,
                reading: raw.reading,
                disposition: raw.disposition,
                source: raw.source,
                cite: raw.cite,
            };
            check(&entry)
                .map_err(|problem| format!("[[{}]] {}: {problem}", category.slug(), entry.code))?;
            if !seen.insert(entry.code.clone()) {
                return Err(format!(
                    "[[{}]] {}: listed twice",
                    category.slug(),
                    entry.code
                ));
            }
            entries.push(entry);
        }
    }
    match sections.keys().next() {
        Some(unknown) => Err(format!("unknown section [[{unknown}]]")),
        None => Ok(entries),
    }
}

/// What is wrong with one entry's text, if anything.
fn check(entry: &Entry) -> Result<(), &'static str> {
    let is_code = entry
        .code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if entry.code.is_empty() || !is_code {
        return Err("a code is upper-case letters, digits, _ and -");
    }
    match (entry.source, &entry.cite) {
        (MeaningSource::Documented, None) => {
            return Err("a documented code cites the page that documents it");
        }
        (MeaningSource::Name, Some(_)) => return Err("a code read from its name cites no page"),
        (_, Some(cite)) if !cite.starts_with("https://") => {
            return Err("a cite is an https address");
        }
        _ => {}
    }
    for text in [&entry.meaning, &entry.next_step] {
        if text.trim().is_empty() {
            return Err("the meaning and the next step must not be empty");
        }
        if !text.ends_with('.') {
            return Err("the meaning and the next step end with a full stop");
        }
    }
    Ok(())
}

/// The vocabulary, parsed on first use. A broken file is caught by `cargo test`; should one
/// ever ship, every code reads as unknown and [`load_error`] says why.
fn loaded() -> &'static Result<Vec<Entry>, String> {
    static LOADED: OnceLock<Result<Vec<Entry>, String>> = OnceLock::new();
    LOADED.get_or_init(|| parse(VOCABULARY))
}

/// Every known code of every category, in the order iDenfy lists them. A code that appears in
/// several categories (AUTO_UNVERIFIABLE, FACE_SUSPECTED, DOC_INFO_MISMATCH, ...) has one
/// entry in each.
pub fn entries() -> &'static [Entry] {
    loaded().as_deref().unwrap_or(&[])
}

/// Why the built-in vocabulary could not be read, if it could not.
pub fn load_error() -> Option<&'static str> {
    loaded().as_ref().err().map(String::as_str)
}

/// The entry for `code` in `category`; exact and case-sensitive, as the API sends codes in upper case.
pub fn lookup(category: Category, code: &str) -> Option<&'static Entry> {
    entries()
        .iter()
        .find(|entry| entry.category == category && entry.code == code)
}

/// Every entry for `code` in any category, ignoring case, in table order.
pub fn find(code: &str) -> Vec<&'static Entry> {
    entries()
        .iter()
        .filter(|entry| entry.code.eq_ignore_ascii_case(code))
        .collect()
}

/// Up to `max` distinct known codes closest to `code` (edit distance, ignoring case), closest first;
/// equally close codes keep table order. For "did you mean"; callers decide how far is too far.
fn nearest(code: &str, max: usize) -> Vec<&'static str> {
    let wanted: Vec<char> = code.to_uppercase().chars().collect();
    let mut scored: Vec<(usize, &'static str)> = Vec::new();
    for entry in entries() {
        if scored.iter().all(|&(_, known)| known != entry.code) {
            let known: Vec<char> = entry.code.to_uppercase().chars().collect();
            scored.push((edit_distance(&wanted, &known), &entry.code));
        }
    }
    scored.sort_by_key(|&(distance, _)| distance);
    scored
        .into_iter()
        .take(max)
        .map(|(_, known)| known)
        .collect()
}

/// "Did you mean" candidates: up to three known codes close enough to `code` to be a
/// likely typo (at most a third of its length away, and at least two edits allowed).
pub fn suggestions(code: &str) -> Vec<&'static str> {
    let length = code.chars().count();
    if length == 0 || length > 64 {
        return Vec::new();
    }
    let wanted: Vec<char> = code.to_uppercase().chars().collect();
    let limit = (length / 3).max(2);
    nearest(code, 3)
        .into_iter()
        .filter(|known| {
            let known: Vec<char> = known.to_uppercase().chars().collect();
            edit_distance(&wanted, &known) <= limit
        })
        .collect()
}

/// Levenshtein distance: the fewest single-character insertions, deletions and substitutions.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &from) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &to) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(from != to);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The `data` field a mismatch tag points at, e.g. NAME -> "docFirstName"; None for the other tags.
pub fn mismatch_field(tag: &str) -> Option<&'static str> {
    let field = match tag {
        "NAME" => "docFirstName",
        "SURNAME" => "docLastName",
        "FULL_NAME" => "fullName",
        "DOCUMENT_NUMBER" => "docNumber",
        "PERSONAL_CODE" => "docPersonalCode",
        "EXPIRY_DATE" => "docExpiry",
        "DATE_OF_BIRTH" => "docDob",
        "DATE_OF_ISSUE" => "docDateOfIssue",
        "SEX" => "docSex",
        "NATIONALITY" => "docNationality",
        _ => return None,
    };
    Some(field)
}

/// How an overall status reads; unknown statuses call for attention.
pub fn overall_reading(status: &str) -> Reading {
    lookup(Category::OverallStatus, status).map_or(Reading::Attention, |entry| entry.reading)
}

/// How a face or document result reads; unknown codes call for attention.
pub fn check_reading(result: &str) -> Reading {
    lookup(Category::FaceResult, result)
        .or_else(|| lookup(Category::DocumentResult, result))
        .map_or(Reading::Attention, |entry| entry.reading)
}

#[cfg(test)]
mod tests;
