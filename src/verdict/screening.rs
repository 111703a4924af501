//! Screening results under every key iDenfy documents, as findings: a hit, a check that did
//! not complete, and a service that did not run are told apart; a status this tool does not
//! know is held for compliance.

use serde_json::{Map, Value};

use super::signals::Signal;
use super::{Disposition, Finding, Kind};
use crate::vocab::{self, Category};

/// Lists of service results: `[{status: {serviceSuspected, checkSuccessful, …}, data, …}]`
/// (a single object in older payloads), with the name the finding uses.
const SERVICE_LISTS: [(&str, &str); 5] = [
    ("AML", "AML"),
    ("aml", "AML"),
    ("LID", "LID"),
    ("lid", "LID"),
    ("CRIMINAL_CHECK", "criminal record"),
];

/// AML monitoring statuses: one code each.
const MONITORING: [(&str, &str); 3] = [
    ("pepsStatus", "politically exposed persons"),
    ("sanctionsStatus", "sanctions"),
    ("adverseMediaStatus", "adverse media"),
];

/// The findings of every screening in `body`.
pub fn read(body: &Map<String, Value>, findings: &mut Vec<Finding>) {
    for (key, name) in SERVICE_LISTS {
        match body.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(services)) => {
                for service in services {
                    findings.extend(service_finding(name, service));
                }
            }
            Some(one) => findings.extend(service_finding(name, one)),
        }
    }
    match body.get("amlCheck") {
        None | Some(Value::Null) => {}
        Some(Value::Array(services)) => {
            for service in services {
                findings.extend(service_finding("AML", service));
            }
        }
        Some(Value::Object(check)) => findings.extend(aml_check(check)),
        Some(other) => findings.push(unknown("AML", &other.to_string())),
    }
    for (key, name) in MONITORING {
        match body.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(status)) => findings.extend(status_finding(name, status, "")),
            Some(other) => findings.push(unknown(name, &other.to_string())),
        }
    }
}

/// One service's result. What it cannot read is held as unknown: a hit may hide in it.
fn service_finding(name: &str, service: &Value) -> Option<Finding> {
    let service_map = match service {
        Value::Object(map) => map,
        // A bare status code where the service's object belongs.
        Value::String(status) => return status_finding(name, status, ""),
        other => return Some(unknown(name, &other.to_string())),
    };
    let status = service_map.get("status");
    let service = service_map
        .get("serviceName")
        .and_then(Value::as_str)
        .map(shorten);
    let from = service
        .as_ref()
        .map(|s| format!(", from {s}"))
        .unwrap_or_default();
    let (flags, overall) = match status {
        Some(Value::Object(status)) => (Some(status), status.get("overallStatus")),
        Some(Value::String(_)) => (None, status),
        other => {
            let shown =
                other.map_or_else(|| "a result without a status".to_string(), Value::to_string);
            return Some(unknown(name, &shown));
        }
    };
    // Each flag is a boolean or absent; anything else cannot be read.
    let mut unreadable = None;
    let mut flag = |key: &str| match flags.and_then(|f| f.get(key)) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(other) => {
            unreadable = Some(format!("{key}: {other}"));
            None
        }
    };
    let suspected = flag("serviceSuspected");
    let successful = flag("checkSuccessful");
    let found = flag("serviceFound");
    let used = flag("serviceUsed");
    let overall = match overall {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.as_str()),
        Some(other) => {
            unreadable = Some(format!("overallStatus: {other}"));
            None
        }
    };
    let records = service_map
        .get("data")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let hit = suspected == Some(true)
        || overall.is_some_and(|o| disposition_of(o) == Some(Disposition::ComplianceHold))
        || records > 0;
    if hit {
        let kinds = suspicions(service_map.get("data"));
        let what = match (kinds.is_empty(), records) {
            (true, 0) => None,
            (true, n) => Some(format!("{n} record(s)")),
            (false, _) => Some(kinds.join(", ")),
        };
        let detail = match what {
            Some(what) => format!(": {what}{from}"),
            None => from,
        };
        return Some(signal(Signal::ScreeningHit, name, &detail));
    }
    if let Some(what) = unreadable {
        return Some(unknown(name, &what));
    }
    if successful == Some(false) {
        let error = service_map
            .get("errorMessage")
            .and_then(Value::as_str)
            .filter(|e| !e.trim().is_empty())
            .map(shorten);
        let detail = match (&service, error) {
            (Some(service), Some(error)) => format!(" in {service}, which said \"{error}\""),
            (Some(service), None) => format!(" in {service}"),
            (None, Some(error)) => format!(", which said \"{error}\""),
            (None, None) => String::new(),
        };
        return Some(signal(Signal::ScreeningFailed, name, &detail));
    }
    if used == Some(false) || found == Some(false) {
        let why = match found {
            Some(false) => " (no service was found for the person's country)",
            _ => " (the service was not used)",
        };
        return Some(signal(Signal::ScreeningNotRun, name, why));
    }
    match overall {
        Some(overall) => status_finding(name, overall, &from),
        // Neither a status code nor a flag says the screening was clean.
        None if suspected != Some(false) => Some(unknown(
            name,
            "a result that does not say whether it found anything",
        )),
        None => None,
    }
}

/// `amlCheck`: an overall review status over lists of matches and articles.
fn aml_check(check: &Map<String, Value>) -> Option<Finding> {
    if let Some(overall) = check.get("overallStatus").and_then(Value::as_str) {
        return status_finding("AML", overall, "");
    }
    let listed = ["amlCheck", "adverseMedia"]
        .iter()
        .filter_map(|key| check.get(*key)?.as_array())
        .map(Vec::len)
        .sum::<usize>();
    (listed > 0).then(|| {
        signal(
            Signal::ScreeningHit,
            "AML",
            &format!(": {listed} record(s)"),
        )
    })
}

/// A screening status code, by the vocabulary: a hit, a check not run, or a clean result.
fn status_finding(name: &str, status: &str, detail: &str) -> Option<Finding> {
    match disposition_of(status) {
        Some(Disposition::ComplianceHold) => Some(signal(
            Signal::ScreeningHit,
            name,
            &format!(" ({status}){detail}"),
        )),
        Some(Disposition::NotScreened) => Some(signal(
            Signal::ScreeningNotRun,
            name,
            &format!(" ({status}){detail}"),
        )),
        Some(_) => None,
        None => Some(unknown(name, status)),
    }
}

fn disposition_of(status: &str) -> Option<Disposition> {
    vocab::lookup(Category::ScreeningStatus, status).map(|entry| entry.disposition)
}

fn signal(signal: Signal, name: &str, detail: &str) -> Finding {
    let mut finding = Finding::signal(
        signal,
        Kind::Screening,
        None,
        &[("name", name), ("detail", detail)],
    );
    finding.code = format!("{}_{}", code_name(name), suffix(signal));
    finding
}

/// A screening result this tool cannot read: held, as an unknown code in a screening
/// position.
fn unknown(name: &str, what: &str) -> Finding {
    let kind = format!("{name} screening result");
    let mut finding = Finding::signal(
        Signal::UnknownFraudCode,
        Kind::Screening,
        Some(&shorten(what)),
        &[("kind", &kind)],
    );
    finding.code = format!("{}_UNKNOWN", code_name(name));
    finding
}

/// `AML`, `LID`, `CRIMINAL_CHECK`, `PEPS`: the code a finding of this screening carries.
fn code_name(name: &str) -> &'static str {
    match name {
        "LID" => "LID",
        "criminal record" => "CRIMINAL_CHECK",
        "politically exposed persons" => "PEPS",
        "sanctions" => "SANCTIONS",
        "adverse media" => "ADVERSE_MEDIA",
        _ => "AML",
    }
}

fn suffix(signal: Signal) -> &'static str {
    match signal {
        Signal::ScreeningHit => "HIT",
        Signal::ScreeningFailed => "CHECK_FAILED",
        _ => "NOT_RUN",
    }
}

/// The kinds of suspicion of a service's hits (`PEPS`, `SANCTION`), each once, at most three.
fn suspicions(data: Option<&Value>) -> Vec<String> {
    let mut kinds: Vec<String> = Vec::new();
    for hit in data.and_then(Value::as_array).into_iter().flatten() {
        if let Some(kind) = hit.get("suspicion").and_then(Value::as_str) {
            let kind = shorten(kind);
            if !kinds.contains(&kind) && kinds.len() < 3 {
                kinds.push(kind);
            }
        }
    }
    kinds
}

/// Text from a response, cut to 60 characters for a one-line meaning.
fn shorten(text: &str) -> String {
    let mut short: String = text.trim().chars().take(60).collect();
    if text.trim().chars().count() > 60 {
        short.push('…');
    }
    short
}
