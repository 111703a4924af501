//! The texts of the signals the verdict reads from a case as a whole (`signals.toml`),
//! compiled in and read once per run.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Disposition;

const SIGNALS: &str = include_str!("signals.toml");

/// A signal of the verdict's own: the name scripts read, and its texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    SignatureInvalid,
    SignatureMissing,
    SignatureUnchecked,
    SignatureNotChecked,
    NotFinal,
    FinalUnknown,
    NoStatus,
    UnknownStatus,
    UnknownEventType,
    UnknownFraudCode,
    UnknownCheckResult,
    UnknownMismatch,
    UnknownAdditionalStep,
    ReviewOverruledMatch,
    StatusContradictsResults,
    StatusUnexplained,
    ResultsMissing,
    EventContradictsStatus,
    DuplicateFaces,
    DuplicateDocFaces,
    AgeContradictsDob,
    DataChangedByReview,
    ScreeningHit,
    ScreeningFailed,
    ScreeningNotRun,
    DataUnread,
}

impl Signal {
    #[cfg(test)]
    pub const ALL: [Signal; 26] = [
        Signal::SignatureInvalid,
        Signal::SignatureMissing,
        Signal::SignatureUnchecked,
        Signal::SignatureNotChecked,
        Signal::NotFinal,
        Signal::FinalUnknown,
        Signal::NoStatus,
        Signal::UnknownStatus,
        Signal::UnknownEventType,
        Signal::UnknownFraudCode,
        Signal::UnknownCheckResult,
        Signal::UnknownMismatch,
        Signal::UnknownAdditionalStep,
        Signal::ReviewOverruledMatch,
        Signal::StatusContradictsResults,
        Signal::StatusUnexplained,
        Signal::ResultsMissing,
        Signal::EventContradictsStatus,
        Signal::DuplicateFaces,
        Signal::DuplicateDocFaces,
        Signal::AgeContradictsDob,
        Signal::DataChangedByReview,
        Signal::ScreeningHit,
        Signal::ScreeningFailed,
        Signal::ScreeningNotRun,
        Signal::DataUnread,
    ];

    /// The name in `signals.toml` and in `--json`: `SIGNATURE_INVALID`.
    pub fn code(self) -> &'static str {
        match self {
            Signal::SignatureInvalid => "SIGNATURE_INVALID",
            Signal::SignatureMissing => "SIGNATURE_MISSING",
            Signal::SignatureUnchecked => "SIGNATURE_UNCHECKED",
            Signal::SignatureNotChecked => "SIGNATURE_NOT_CHECKED",
            Signal::NotFinal => "NOT_FINAL",
            Signal::FinalUnknown => "FINAL_UNKNOWN",
            Signal::NoStatus => "NO_STATUS",
            Signal::DataUnread => "DATA_UNREAD",
            Signal::UnknownStatus => "UNKNOWN_STATUS",
            Signal::UnknownEventType => "UNKNOWN_EVENT_TYPE",
            Signal::UnknownFraudCode => "UNKNOWN_FRAUD_CODE",
            Signal::UnknownCheckResult => "UNKNOWN_CHECK_RESULT",
            Signal::UnknownMismatch => "UNKNOWN_MISMATCH",
            Signal::UnknownAdditionalStep => "UNKNOWN_ADDITIONAL_STEP",
            Signal::ReviewOverruledMatch => "REVIEW_OVERRULED_MATCH",
            Signal::StatusContradictsResults => "STATUS_CONTRADICTS_RESULTS",
            Signal::StatusUnexplained => "STATUS_UNEXPLAINED",
            Signal::ResultsMissing => "RESULTS_MISSING",
            Signal::EventContradictsStatus => "EVENT_CONTRADICTS_STATUS",
            Signal::DuplicateFaces => "DUPLICATE_FACES",
            Signal::DuplicateDocFaces => "DUPLICATE_DOC_FACES",
            Signal::AgeContradictsDob => "AGE_CONTRADICTS_DOB",
            Signal::DataChangedByReview => "DATA_CHANGED_BY_REVIEW",
            Signal::ScreeningHit => "SCREENING_HIT",
            Signal::ScreeningFailed => "SCREENING_FAILED",
            Signal::ScreeningNotRun => "SCREENING_NOT_RUN",
        }
    }

    /// This signal's entry; every signal has one (checked by `cargo test`).
    pub fn entry(self) -> &'static SignalText {
        static FALLBACK: OnceLock<SignalText> = OnceLock::new();
        loaded().get(self.code()).unwrap_or_else(|| {
            FALLBACK.get_or_init(|| SignalText {
                code: String::new(),
                disposition: Disposition::ComplianceHold,
                cite: None,
                meaning: "A signal this build cannot describe.".to_string(),
                next_step: "Give the client no result and offer no new attempt; ask your engineers to check this build's signals.".to_string(),
            })
        })
    }
}

/// One signal as written in `signals.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalText {
    pub code: String,
    pub disposition: Disposition,
    /// For people reviewing the file, and checked by the tests.
    #[serde(default)]
    #[allow(dead_code)]
    pub cite: Option<String>,
    pub meaning: String,
    pub next_step: String,
}

#[derive(Deserialize)]
struct File {
    signal: Vec<SignalText>,
}

fn parse(text: &str) -> Result<HashMap<String, SignalText>, String> {
    let file: File = toml::from_str(text).map_err(|err| err.to_string())?;
    let mut entries = HashMap::new();
    for entry in file.signal {
        if !entry.meaning.ends_with('.') || !entry.next_step.ends_with('.') {
            return Err(format!(
                "{}: the meaning and the next step end with a full stop",
                entry.code
            ));
        }
        if let Some(replaced) = entries.insert(entry.code.clone(), entry) {
            return Err(format!("{}: listed twice", replaced.code));
        }
    }
    Ok(entries)
}

fn loaded() -> &'static HashMap<String, SignalText> {
    static LOADED: OnceLock<HashMap<String, SignalText>> = OnceLock::new();
    LOADED.get_or_init(|| parse(SIGNALS).unwrap_or_default())
}

/// A text of `signals.toml` with its `{name}` parts filled in.
pub fn fill(text: &str, parts: &[(&str, &str)]) -> String {
    let mut filled = text.to_string();
    for (name, value) in parts {
        filled = filled.replace(&format!("{{{name}}}"), value);
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_has_its_texts_and_nothing_else_is_listed() {
        let entries = parse(SIGNALS).expect("signals.toml parses");
        for signal in Signal::ALL {
            assert!(
                entries.contains_key(signal.code()),
                "{} is missing",
                signal.code()
            );
        }
        assert_eq!(entries.len(), Signal::ALL.len());
        for entry in entries.values() {
            if let Some(cite) = &entry.cite {
                assert!(cite.starts_with("https://"), "{}", entry.code);
            }
            assert!(!entry.meaning.contains('{') || entry.meaning.contains('}'));
        }
    }

    #[test]
    fn only_the_signature_signals_say_do_not_act() {
        for signal in Signal::ALL {
            let do_not_act = signal.entry().disposition == Disposition::DoNotAct;
            assert_eq!(
                do_not_act,
                signal.code().starts_with("SIGNATURE_"),
                "{signal:?}"
            );
        }
    }
}
