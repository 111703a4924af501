//! The verdict: what a support person may do about a case, worked out from everything the
//! command has (a status response, a data response, a files response, a webhook with what
//! was noted when it arrived). Every signal becomes a finding with a disposition; the case
//! takes its most severe finding's, and the headline and the first step come from that
//! finding. Pure: nothing here reads the clock, the environment or a file.

mod screening;
mod signals;

use jiff::civil::Date;
use serde_json::{Map, Value, json};

use crate::model::code;
pub use crate::vocab::Disposition;
use crate::vocab::{self, Category, Reading};
use signals::{Signal, fill};

/// What was noted about a webhook's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// It matched the webhook key when it arrived.
    Valid,
    /// A key was set and the header did not match it.
    Invalid,
    /// A key was set and the delivery had no `Idenfy-Signature` header.
    Missing,
    /// No key was set when it arrived.
    Unchecked,
    /// Nothing records a check: a bare file.
    NotRecorded,
}

/// A webhook as the verdict reads it.
#[derive(Debug, Clone, Copy)]
pub struct Webhook<'a> {
    pub payload: &'a Map<String, Value>,
    pub signature: Signature,
    /// The `Idenfy-Event-Type`, as noted or given.
    pub event_type: Option<&'a str>,
    /// The file it was read from, for the commands a step names.
    pub file: Option<&'a str>,
}

/// Everything a command knows about one case.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Status-shaped: `/api/v2/status`'s answer, or a webhook's status with `status` set to
    /// its `overall`.
    pub status: Option<&'a Map<String, Value>>,
    pub data: Option<&'a Map<String, Value>>,
    pub files: Option<&'a Map<String, Value>>,
    /// Why the data was asked for but could not be read (`case`): what it holds is then
    /// unknown, and nothing may be said to have passed. The reason itself is shown with the
    /// data part.
    pub data_unread: Option<&'a str>,
    pub webhook: Option<Webhook<'a>>,
    /// For the age read from the date of birth, when the command reads data.
    pub today: Option<Date>,
}

impl<'a> Input<'a> {
    pub fn new(today: Option<Date>) -> Input<'a> {
        Input {
            status: None,
            data: None,
            files: None,
            data_unread: None,
            webhook: None,
            today,
        }
    }
}

/// Where a finding was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Signature,
    Final,
    EventType,
    Status,
    Review,
    Face,
    Document,
    FraudTag,
    MismatchTag,
    AdditionalStep,
    Screening,
    Duplicate,
    ProxyRisk,
    AgeEstimate,
    Data,
}

impl Kind {
    /// The name scripts read.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Signature => "signature",
            Kind::Final => "final",
            Kind::EventType => "webhook-event-type",
            Kind::Status => "overall-status",
            Kind::Review => "review",
            Kind::Face => "face-result",
            Kind::Document => "document-result",
            Kind::FraudTag => "fraud-tag",
            Kind::MismatchTag => "mismatch-tag",
            Kind::AdditionalStep => "additional-step-result",
            Kind::Screening => "screening",
            Kind::Duplicate => "duplicate",
            Kind::ProxyRisk => "ip-proxy-risk-level",
            Kind::AgeEstimate => "age-estimate",
            Kind::Data => "data",
        }
    }

    /// The name people read: "fraud tag".
    pub fn title(self) -> &'static str {
        match self {
            Kind::Signature => "signature",
            Kind::Final => "final flag",
            Kind::EventType => "webhook event type",
            Kind::Status => "overall status",
            Kind::Review => "manual review",
            Kind::Face => "face result",
            Kind::Document => "document result",
            Kind::FraudTag => "fraud tag",
            Kind::MismatchTag => "mismatch tag",
            Kind::AdditionalStep => "additional step",
            Kind::Screening => "screening",
            Kind::Duplicate => "duplicate",
            Kind::ProxyRisk => "IP proxy risk",
            Kind::AgeEstimate => "age estimate",
            Kind::Data => "data",
        }
    }
}

/// One signal of a case, with what it means and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// iDenfy's code (`DOC_EXPIRED`), or the verdict's own (`SIGNATURE_INVALID`).
    pub code: String,
    pub kind: Kind,
    pub disposition: Disposition,
    pub meaning: String,
    /// The finding's own step. Shown only while no more severe finding stands.
    pub next: String,
    pub reading: Reading,
}

impl Finding {
    fn from_entry(kind: Kind, entry: &vocab::Entry) -> Finding {
        Finding {
            code: entry.code.clone(),
            kind,
            disposition: entry.disposition,
            meaning: entry.meaning.clone(),
            next: entry.next_step.clone(),
            reading: entry.reading,
        }
    }

    fn signal(signal: Signal, kind: Kind, code: Option<&str>, parts: &[(&str, &str)]) -> Finding {
        let entry = signal.entry();
        let shown = code.unwrap_or(signal.code());
        let mut all = vec![("code", shown)];
        all.extend_from_slice(parts);
        Finding {
            code: shown.to_string(),
            kind,
            disposition: entry.disposition,
            meaning: fill(&entry.meaning, &all),
            next: fill(&entry.next_step, &all),
            reading: match entry.disposition {
                Disposition::Passed | Disposition::Neutral => Reading::Good,
                Disposition::BusinessDecides | Disposition::Pending => Reading::Attention,
                _ => Reading::Bad,
            },
        }
    }
}

/// The verdict on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The most severe finding's.
    pub disposition: Disposition,
    /// The overall status as sent, when there is one.
    pub status: Option<String>,
    /// Most severe first; within one disposition, in the order they were read.
    pub findings: Vec<Finding>,
}

impl Verdict {
    /// The finding the headline and the first step come from.
    pub fn lead(&self) -> Option<&Finding> {
        self.findings.first()
    }

    /// Whether a finding's own step is held back because a more severe finding stands.
    pub fn held(&self, finding: &Finding) -> bool {
        finding.disposition > self.disposition
    }

    /// Everything after `STATUS: ` in the headline: the reason that matters most, and how
    /// many more findings there are.
    pub fn sentence(&self) -> String {
        let Some(lead) = self.lead() else {
            return "nothing in this case can be read".to_string();
        };
        let mut text = match lead.disposition {
            Disposition::Passed => {
                "the verification passed, final and with nothing else found".to_string()
            }
            _ => clause(&lead.meaning),
        };
        if lead.disposition != Disposition::Passed && !text.contains(lead.code.as_str()) {
            text.push_str(&format!(" ({})", lead.code));
        }
        match self.findings.len().saturating_sub(1) {
            0 => {}
            1 => text.push_str(", and 1 more finding"),
            n => text.push_str(&format!(", and {n} more findings")),
        }
        text
    }

    /// The whole headline: `DENIED: the document has expired (DOC_EXPIRED)`.
    pub fn headline(&self) -> String {
        format!(
            "{}: {}",
            self.status.as_deref().unwrap_or("NO STATUS"),
            self.sentence()
        )
    }

    /// The first `Next:`: the lead finding's own step.
    pub fn next(&self) -> &str {
        self.lead()
            .map_or(self.disposition.instruction(), |lead| lead.next.as_str())
    }

    /// The verdict as data, for `--json`.
    pub fn to_json(&self) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                json!({
                    "code": f.code,
                    "kind": f.kind.slug(),
                    "disposition": f.disposition.slug(),
                    "meaning": f.meaning,
                    "next": if self.held(f) { Value::Null } else { Value::from(f.next.as_str()) },
                })
            })
            .collect();
        json!({
            "disposition": self.disposition.slug(),
            "headline": self.headline(),
            "next": self.next(),
            "findings": findings,
        })
    }
}

/// The first sentence of a meaning, as a clause: `The document has expired.` becomes `the
/// document has expired`; a leading acronym (`NFC`, `AML`) keeps its case.
pub fn clause(meaning: &str) -> String {
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

/// The verdict on everything `input` holds.
pub fn assess(input: &Input<'_>) -> Verdict {
    let mut findings = Vec::new();
    if let Some(webhook) = &input.webhook {
        signature(webhook.signature, &mut findings);
    }
    finality(input, &mut findings);
    if let Some(webhook) = &input.webhook {
        event_type(webhook.event_type, &mut findings);
    }
    let status_code = input
        .status
        .and_then(|s| code(s.get("status")))
        .filter(|s| !s.trim().is_empty());
    match input.status {
        Some(status) => read_status(status, &mut findings),
        None => findings.push(Finding::signal(Signal::NoStatus, Kind::Status, None, &[])),
    }
    // A status its results contradict leads the holds: what iDenfy decided is in doubt.
    let read = findings.len();
    if let Some(status) = input.status {
        additional_steps(status.get("additionalSteps"), &mut findings);
    }
    if let Some(data) = input.data {
        data_signals(data, input.status, input.today, &mut findings);
    }
    if input.data_unread.is_some() {
        findings.push(Finding::signal(Signal::DataUnread, Kind::Data, None, &[]));
    }
    for body in screened_bodies(input) {
        screening::read(body, &mut findings);
    }
    let before = findings.len();
    consistency(
        status_code,
        input.status,
        input.webhook.and_then(|w| w.event_type),
        &mut findings,
    );
    let added: Vec<Finding> = findings.drain(before..).collect();
    findings.splice(read..read, added);
    findings.retain(|f| f.disposition != Disposition::Neutral);
    // A passing result or a clean screening is no finding; a passed status is the one
    // that stands when nothing else was found.
    findings.retain(|f| f.disposition != Disposition::Passed || f.kind == Kind::Status);
    let file = input
        .webhook
        .and_then(|w| w.file)
        .map_or_else(|| "FILE".to_string(), crate::text::shell_word);
    for finding in &mut findings {
        finding.next = fill(&finding.next, &[("file", &file)]);
    }
    findings.sort_by_key(|f| f.disposition);
    let disposition = findings
        .first()
        .map_or(Disposition::ComplianceHold, |f| f.disposition);
    // What a passed status means ("the checks came out fine") is said only of a passed case.
    if disposition != Disposition::Passed {
        findings.retain(|f| f.disposition != Disposition::Passed);
    }
    Verdict {
        disposition,
        status: status_code.map(str::to_string).or_else(|| {
            input
                .status
                .and_then(|s| s.get("status"))
                .filter(|v| !v.is_null() && !v.is_string())
                .map(Value::to_string)
        }),
        findings,
    }
}

fn signature(signature: Signature, findings: &mut Vec<Finding>) {
    let signal = match signature {
        Signature::Valid => return,
        Signature::Invalid => Signal::SignatureInvalid,
        Signature::Missing => Signal::SignatureMissing,
        Signature::Unchecked => Signal::SignatureUnchecked,
        Signature::NotRecorded => Signal::SignatureNotChecked,
    };
    findings.push(Finding::signal(signal, Kind::Signature, None, &[]));
}

/// The bodies whose top level may say `final` and hold screening results.
fn screened_bodies<'a>(input: &Input<'a>) -> Vec<&'a Map<String, Value>> {
    let mut bodies: Vec<&Map<String, Value>> = Vec::new();
    if let Some(webhook) = &input.webhook {
        bodies.push(webhook.payload);
    }
    for body in [input.status, input.data, input.files]
        .into_iter()
        .flatten()
    {
        if !bodies.iter().any(|b| std::ptr::eq(*b, body)) {
            bodies.push(body);
        }
    }
    bodies
}

/// `final: false` anywhere means a review follows. A webhook that does not say it is final
/// is not taken as final, unless it is the manual review's (always the last one) or carries
/// a manual result.
fn finality(input: &Input<'_>, findings: &mut Vec<Finding>) {
    let flags: Vec<Option<bool>> = screened_bodies(input)
        .iter()
        .filter_map(|body| body.get("final"))
        .map(Value::as_bool)
        .collect();
    if flags.iter().any(|flag| *flag != Some(true)) {
        findings.push(Finding::signal(Signal::NotFinal, Kind::Final, None, &[]));
        return;
    }
    let Some(webhook) = &input.webhook else {
        return;
    };
    let manual_event = webhook.event_type.is_some_and(|e| {
        e.trim()
            .eq_ignore_ascii_case("IDENTIFICATION_MANUAL_FINISHED")
    });
    let reviewed = input.status.is_some_and(|s| {
        code(s.get("manualFace")).is_some() || code(s.get("manualDocument")).is_some()
    });
    if flags.is_empty() && !manual_event && !reviewed {
        findings.push(Finding::signal(
            Signal::FinalUnknown,
            Kind::Final,
            None,
            &[],
        ));
    }
}

fn event_type(event_type: Option<&str>, findings: &mut Vec<Finding>) {
    let Some(event_type) = event_type else {
        return;
    };
    let code = event_type.trim().to_ascii_uppercase();
    match vocab::lookup(Category::WebhookEvent, &code) {
        Some(entry) => findings.push(Finding::from_entry(Kind::EventType, entry)),
        None => findings.push(Finding::signal(
            Signal::UnknownEventType,
            Kind::EventType,
            Some(event_type.trim()),
            &[],
        )),
    }
}

/// The overall status, the check results and the tags.
fn read_status(status: &Map<String, Value>, findings: &mut Vec<Finding>) {
    match status.get("status") {
        None | Some(Value::Null) => {
            findings.push(Finding::signal(Signal::NoStatus, Kind::Status, None, &[]));
        }
        Some(Value::String(empty)) if empty.trim().is_empty() => {
            findings.push(Finding::signal(Signal::NoStatus, Kind::Status, None, &[]));
        }
        Some(value) => {
            let shown = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            match vocab::lookup(Category::OverallStatus, &shown) {
                Some(entry) => findings.push(Finding::from_entry(Kind::Status, entry)),
                None => findings.push(Finding::signal(
                    Signal::UnknownStatus,
                    Kind::Status,
                    Some(&shown),
                    &[],
                )),
            }
        }
    }
    for (kind, category, automatic, manual) in [
        (Kind::Face, Category::FaceResult, "autoFace", "manualFace"),
        (
            Kind::Document,
            Category::DocumentResult,
            "autoDocument",
            "manualDocument",
        ),
    ] {
        let (automatic, manual) = (result(status.get(automatic)), result(status.get(manual)));
        let known = |result: &str| vocab::lookup(category, result).map(|e| e.disposition);
        let passed = |result: &str| known(result) == Some(Disposition::Passed);
        match (automatic.as_deref(), manual.as_deref()) {
            // A review that turned a pass into a known failing result; an unknown manual
            // result is held as unknown below.
            (Some(auto), Some(manual))
                if passed(auto) && known(manual).is_some() && !passed(manual) =>
            {
                findings.push(Finding::signal(
                    Signal::ReviewOverruledMatch,
                    Kind::Review,
                    Some(manual),
                    &[("auto", auto)],
                ));
            }
            _ => {
                if let Some(result) = manual.or(automatic) {
                    findings.push(coded(kind, category, &result, Signal::UnknownCheckResult));
                }
            }
        }
    }
    let mut fraud = tags(status.get("fraudTags"));
    for reason in tags(status.get("suspicionReasons")) {
        if !fraud.contains(&reason) {
            fraud.push(reason);
        }
    }
    for tag in fraud {
        findings.push(coded(
            Kind::FraudTag,
            Category::FraudTag,
            &tag,
            Signal::UnknownFraudCode,
        ));
    }
    for tag in tags(status.get("mismatchTags")) {
        findings.push(coded(
            Kind::MismatchTag,
            Category::MismatchTag,
            &tag,
            Signal::UnknownMismatch,
        ));
    }
}

/// A check result as sent: `None` when there is none yet (absent, `null` or empty, which
/// iDenfy sends until a review happened); a value that is not a string as its JSON text, so
/// that it is held as unknown rather than dropped.
fn result(value: Option<&Value>) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if text.is_empty() => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// A code of `category`, or the signal for one this tool does not know.
fn coded(kind: Kind, category: Category, code: &str, unknown: Signal) -> Finding {
    match vocab::lookup(category, code) {
        Some(entry) => Finding::from_entry(kind, entry),
        None => Finding::signal(unknown, kind, Some(code), &[("kind", kind.title())]),
    }
}

/// The codes of a tag list; a lone string is one tag, anything else its JSON text.
fn tags(value: Option<&Value>) -> Vec<String> {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter(|v| !v.is_null() && v.as_str() != Some(""))
            .map(text)
            .collect(),
        Some(Value::String(s)) if s.is_empty() => Vec::new(),
        Some(other) => vec![text(other)],
    }
}

/// A webhook's `additionalSteps`: one result, or a result per step.
fn additional_steps(value: Option<&Value>, findings: &mut Vec<Finding>) {
    let steps: Vec<(String, &Value)> = match value {
        None | Some(Value::Null) => return,
        Some(Value::Object(steps)) => steps.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Some(one) => vec![("(unnamed)".to_string(), one)],
    };
    for (name, value) in steps {
        let Some(value) = result(Some(value)) else {
            continue;
        };
        match vocab::lookup(Category::AdditionalStepResult, &value) {
            Some(entry) => findings.push(Finding::from_entry(Kind::AdditionalStep, entry)),
            None => findings.push(Finding::signal(
                Signal::UnknownAdditionalStep,
                Kind::AdditionalStep,
                Some(&value),
                &[("name", &name)],
            )),
        }
    }
}

/// Duplicates, the proxy risk, the age estimate against the date of birth, and data a
/// reviewer changed.
fn data_signals(
    data: &Map<String, Value>,
    status: Option<&Map<String, Value>>,
    today: Option<Date>,
    findings: &mut Vec<Finding>,
) {
    let fraud_tags = status.map(|s| tags(s.get("fraudTags"))).unwrap_or_default();
    for (field, tag, signal) in [
        ("duplicateFaces", "DUPLICATE_FACE", Signal::DuplicateFaces),
        (
            "duplicateDocFaces",
            "DUPLICATE_DOC_FACE",
            Signal::DuplicateDocFaces,
        ),
    ] {
        // A list of scanRefs; anything else that is not empty is held as a duplicate too.
        let count = match data.get(field) {
            None | Some(Value::Null) | Some(Value::Bool(false)) => 0,
            Some(Value::Array(items)) => items.len(),
            Some(Value::String(s)) if s.is_empty() => 0,
            Some(Value::Object(o)) if o.is_empty() => 0,
            Some(_) => 1,
        };
        if count > 0 && !fraud_tags.iter().any(|t| t == tag) {
            findings.push(Finding::signal(
                signal,
                Kind::Duplicate,
                None,
                &[("name", &count.to_string())],
            ));
        }
    }
    if let Some(risk) = result(data.get("clientIpProxyRiskLevel")) {
        findings.push(coded(
            Kind::ProxyRisk,
            Category::ProxyRiskLevel,
            &risk,
            Signal::UnknownFraudCode,
        ));
    }
    if let Some(estimate) = result(data.get("ageEstimate")) {
        // The age from the year of birth alone (one year off at most, well within the
        // margin): `--redact` keeps that year, so the verdict reads the same with it.
        let born = code(data.get("docDob")).and_then(birth_year);
        let age = born
            .zip(today)
            .map(|(year, today)| today.year() - year)
            .filter(|age| (0..=150).contains(age));
        match born
            .zip(age)
            .filter(|(_, age)| contradicts(&estimate, *age))
        {
            Some((year, age)) => findings.push(Finding::signal(
                Signal::AgeContradictsDob,
                Kind::AgeEstimate,
                Some(&estimate),
                &[("name", &format!("about {age} (born in {year})"))],
            )),
            // An estimate this tool cannot read may hide a contradiction: it is held.
            None => findings.push(coded(
                Kind::AgeEstimate,
                Category::AgeEstimate,
                &estimate,
                Signal::UnknownFraudCode,
            )),
        }
    }
    if data.get("manuallyDataChanged") == Some(&Value::Bool(true)) {
        findings.push(Finding::signal(
            Signal::DataChangedByReview,
            Kind::Data,
            None,
            &[],
        ));
    }
}

/// The year of a date of birth, `1980-02-01` or masked as `1980-**-**`.
fn birth_year(dob: &str) -> Option<i16> {
    let (year, rest) = dob.split_at_checked(4)?;
    let date_like = rest.len() == 6
        && rest.starts_with('-')
        && rest.as_bytes()[3] == b'-'
        && rest
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 0 || i == 3 || b.is_ascii_digit() || b == b'*');
    let year: i16 = year.parse().ok()?;
    (date_like && year > 1800).then_some(year)
}

/// How far an age estimate may be off before it contradicts the date of birth.
const AGE_MARGIN: i16 = 5;

/// Whether the age the face shows (`UNDER_13`, `OVER_25`) cannot be the document's `age`.
fn contradicts(estimate: &str, age: i16) -> bool {
    let bound = |prefix: &str| estimate.strip_prefix(prefix)?.parse::<i16>().ok();
    match (bound("UNDER_"), bound("OVER_")) {
        (Some(under), _) => age >= under + AGE_MARGIN,
        (_, Some(over)) => age + AGE_MARGIN < over,
        _ => false,
    }
}

/// A status its results contradict, one nothing explains, or one the webhook's event type
/// contradicts.
fn consistency(
    status: Option<&str>,
    body: Option<&Map<String, Value>>,
    event_type: Option<&str>,
    findings: &mut Vec<Finding>,
) {
    let (Some(status), Some(body)) = (status, body) else {
        return;
    };
    let failing = findings
        .iter()
        .find(|f| {
            matches!(f.kind, Kind::Face | Kind::Document | Kind::Review)
                && f.disposition != Disposition::Passed
                && f.disposition != Disposition::Neutral
        })
        .map(|f| (f.kind, f.code.clone()));
    let contradiction = |name: &str, result: &str| {
        Finding::signal(
            Signal::StatusContradictsResults,
            Kind::Status,
            None,
            &[("status", status), ("name", name), ("result", result)],
        )
    };
    match status {
        "APPROVED" => {
            if let Some((kind, result)) = failing {
                let name = match kind {
                    Kind::Face => "face",
                    Kind::Document => "document",
                    _ => "reviewed",
                };
                findings.push(contradiction(name, &result));
            }
            // Approved means the face matched and the document was validated: a result
            // that is not there cannot show it.
            for (name, automatic, manual) in [
                ("face", "autoFace", "manualFace"),
                ("document", "autoDocument", "manualDocument"),
            ] {
                if result(body.get(manual))
                    .or(result(body.get(automatic)))
                    .is_none()
                {
                    findings.push(Finding::signal(
                        Signal::ResultsMissing,
                        Kind::Status,
                        None,
                        &[("status", status), ("name", name)],
                    ));
                }
            }
        }
        "DENIED" | "SUSPECTED" => {
            // What can say why: a failing result, a tag, a screening or data signal; not a
            // reviewer's change to the data, nor a step result this tool cannot read.
            let explained = findings.iter().any(|f| {
                f.disposition < Disposition::Passed
                    && match f.kind {
                        Kind::Face
                        | Kind::Document
                        | Kind::Review
                        | Kind::FraudTag
                        | Kind::MismatchTag
                        | Kind::Screening
                        | Kind::Duplicate
                        | Kind::ProxyRisk
                        | Kind::AgeEstimate => true,
                        Kind::AdditionalStep => matches!(f.code.as_str(), "INVALID" | "NOT_FOUND"),
                        _ => false,
                    }
            });
            if !explained {
                findings.push(Finding::signal(
                    Signal::StatusUnexplained,
                    Kind::Status,
                    None,
                    &[("status", status)],
                ));
            }
        }
        _ => {}
    }
    // An event that says the verification never finished, over a finished result.
    let unfinished = event_type.map(|e| e.trim().to_ascii_uppercase());
    if matches!(
        unfinished.as_deref(),
        Some("IDENTIFICATION_EXPIRED" | "IDENTIFICATION_CANCELLED")
    ) && matches!(status, "APPROVED" | "DENIED" | "SUSPECTED" | "REVIEWING")
    {
        findings.push(Finding::signal(
            Signal::EventContradictsStatus,
            Kind::EventType,
            None,
            &[
                ("status", status),
                ("event", event_type.unwrap_or_default().trim()),
            ],
        ));
    }
}

#[cfg(test)]
mod tests;
