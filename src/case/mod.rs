//! `case <scanRef>`: status, data and files, each called once and all three at the same
//! time, rendered as one report; `--download` saves the files as `files --download` does.

pub mod args;
pub mod file;
pub mod report;
pub mod save;
pub mod view;

use serde_json::Value;

use crate::api::Endpoint;
use crate::case::args::CaseArgs;
use crate::context::{Context, decoded};
use crate::download::run as download;
use crate::error::{Error, Result};
use crate::json;
use crate::model::{Case, Decoded, Document, PART_NAMES};
use crate::output;
use crate::redact;
use crate::render::{self, Doc};

pub fn run(settings: &Context<'_>, args: &CaseArgs, scan_ref: &str) -> Result<()> {
    let now = settings.now()?;
    let client = settings.client()?;
    let answers = client.fetch_all(scan_ref);
    if let Some(error) = all_failed(&answers) {
        return Err(error);
    }
    let failure = first_failure(&answers);
    // The links expire within the hour: save the files even when another call failed.
    let files_decoded = answers
        .files
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|files| decoded(settings, Endpoint::Files.path(), files));
    let downloaded = match (&args.download.download, &files_decoded) {
        (Some(_), Ok(files)) => download::save(settings, files, Some(scan_ref), &args.download),
        _ => Ok(None),
    };
    let saved = downloaded.as_ref().ok().and_then(Option::as_ref);
    let extra = saved.map(|done| Extra {
        key: "download",
        json: &done.manifest,
        title: "Download",
        doc: crate::download::view::summary(&done.reports),
    });
    let names = Case {
        status: Endpoint::Status.path(),
        data: Endpoint::Data.path(),
        files: Endpoint::Files.path(),
    };
    // A body that came but could not be read is refused as `data` refuses it alone.
    let refused = show(settings, answers, names, files_decoded, now, extra)?;
    let failure = failure.or(refused);
    let finished = match downloaded {
        Ok(Some(done)) => download::finish(settings, &done),
        Ok(None) => Ok(()),
        Err(err) => Err(err),
    };
    if let Some(failure) = failure {
        let mut error = failure.hint("the report above shows what the other calls returned");
        if let Err(download) = finished {
            error = error.hint(format!("the download failed too: {}", download.message));
        }
        return Err(error);
    }
    finished
}

/// What a report shows after its three parts: under `key` in JSON, as a part titled
/// `title` in tables.
pub(super) struct Extra<'a> {
    pub key: &'static str,
    pub json: &'a Value,
    pub title: &'static str,
    pub doc: Doc,
}

/// Prints the report of a case: `{"status": …, "data": …, "files": …}` in JSON, else the
/// headline, verdict and parts. `names` say where each body came from in warnings and
/// errors; `files` is the files body decoded already (it was needed first). Returns the
/// error of a body that came but could not be shown (one too large for tables, or one that
/// cannot be masked), which the run then exits with.
pub(super) fn show(
    settings: &Context<'_>,
    answers: Case<Result<Document, Error>>,
    names: Case<&str>,
    files: Result<Decoded, Error>,
    now: jiff::Timestamp,
    extra: Option<Extra<'_>>,
) -> Result<Option<Error>> {
    if settings.json() {
        return print_report(settings, answers.as_ref(), names, now, extra.as_ref());
    }
    let mut refused = match (&answers.files, &files) {
        (Ok(_), Err(err)) => Some(err.clone()),
        _ => None,
    };
    let Case { status, data, .. } = answers;
    // Each body is decoded and its bytes let go, one at a time.
    let mut shown = |body: Result<Document, Error>, name: &str| {
        let document = body.map_err(|err| err.message)?;
        match decoded(settings, name, &document) {
            Ok(decoded) if settings.redact => Ok(redact::body(&decoded.body)),
            Ok(decoded) => Ok(decoded.body),
            Err(err) => {
                let why = err.message.clone();
                refused.get_or_insert(err);
                Err(why)
            }
        }
    };
    let status = shown(status, names.status);
    let data = shown(data, names.data);
    let files = files
        .map(|decoded| {
            if settings.redact {
                redact::body(&decoded.body)
            } else {
                decoded.body
            }
        })
        .map_err(|err| err.message);
    let parts = crate::case::view::CaseParts {
        status: status.as_ref().map_err(String::as_str),
        data: data.as_ref().map_err(String::as_str),
        files: files.as_ref().map_err(String::as_str),
    };
    let mut doc = crate::case::view::render(parts, now);
    if let Some(extra) = extra {
        crate::case::view::part(&mut doc, extra.title, Ok(extra.doc));
    }
    settings.show(&doc)?;
    Ok(refused)
}

/// The first failed call's error, when one failed.
pub(super) fn first_failure(answers: &Case<Result<Document, Error>>) -> Option<Error> {
    answers
        .as_ref()
        .into_parts()
        .into_iter()
        .find_map(|answer| answer.as_ref().err().cloned())
}

/// When no call brought anything there is no report to show: one error, the one with the
/// highest exit code (the same failure three times says it once).
pub(super) fn all_failed(answers: &Case<Result<Document, Error>>) -> Option<Error> {
    let failures: Vec<&Error> = answers
        .as_ref()
        .into_parts()
        .into_iter()
        .filter_map(|a| a.as_ref().err())
        .collect();
    if failures.len() < 3 {
        return None;
    }
    // The first of the highest: the status call's, when all three failed alike.
    failures
        .into_iter()
        .rev()
        .max_by_key(|err| err.exit.code())
        .cloned()
}

/// `{"status": …, "data": …, "files": …, "verdict": …}`, each body as it came (`null` for a
/// call that failed), masked with `--redact`; the verdict on them as data; and the extra (the
/// manifest) under its key.
fn print_report(
    settings: &Context<'_>,
    answers: Case<&Result<Document, Error>>,
    names: Case<&str>,
    now: jiff::Timestamp,
    extra: Option<&Extra<'_>>,
) -> Result<Option<Error>> {
    // The verdict reads what is shown: masked with --redact. Masked bodies are written anew;
    // the others from the bytes as they came. A body that cannot be decoded is still written
    // as it came, but not with --redact: it cannot be masked, so it is `null` and the run
    // fails as `data --redact` would.
    let mut refused: Option<Error> = None;
    let mut shown = |answer: &Result<Document, Error>, name: &str| match answer {
        Err(err) => Err(err.message.clone()),
        Ok(document) => match decoded(settings, name, document) {
            Ok(decoded) if settings.redact => Ok(redact::body(&decoded.body)),
            Ok(decoded) => Ok(decoded.body),
            Err(err) => {
                let why = err.message.clone();
                if settings.redact {
                    refused.get_or_insert(err);
                }
                Err(why)
            }
        },
    };
    let bodies = Case {
        status: shown(answers.status, names.status),
        data: shown(answers.data, names.data),
        files: shown(answers.files, names.files),
    };
    let masked = bodies.as_ref().map(|body| {
        body.as_ref()
            .ok()
            .filter(|_| settings.redact)
            .map(|body| serde_json::to_vec(body).unwrap_or_default())
    });
    let verdict = bodies.status.as_ref().ok().map(|status| {
        let verdict = crate::verdict::assess(&crate::verdict::Input {
            status: Some(status),
            data: bodies.data.as_ref().ok(),
            files: bodies.files.as_ref().ok(),
            data_unread: bodies.data.as_ref().err().map(String::as_str),
            ..crate::verdict::Input::new(Some(render::today(now)))
        });
        serde_json::to_vec(&verdict.to_json()).unwrap_or_default()
    });
    let extra_json =
        extra.and_then(|extra| Some((extra.key, serde_json::to_vec(extra.json).ok()?)));
    let sent = answers.map(|answer| {
        answer
            .as_ref()
            .ok()
            .filter(|_| !settings.redact)
            .map(|d| d.bytes.as_slice())
    });
    let mut fields: Vec<(&str, Option<&[u8]>)> = PART_NAMES
        .named()
        .into_iter()
        .zip(masked.as_ref().named().into_iter().zip(sent.into_parts()))
        .map(|((_, name), ((_, masked), sent))| (name, masked.as_deref().or(sent)))
        .collect();
    if let Some(verdict) = &verdict {
        fields.push(("verdict", Some(verdict.as_slice())));
    }
    if let Some((key, bytes)) = &extra_json {
        fields.push((key, Some(bytes.as_slice())));
    }
    output::write_json(settings, |out, pretty| {
        json::write_fields(out, pretty, &fields).map(|_| ())
    })?;
    Ok(refused)
}
