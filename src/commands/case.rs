//! `case <scanRef>`: status, data and files, each called once and all three at the same
//! time, rendered as one report; `--download` saves the files as `files --download` does.

use super::{client, decoded, download, present, write_stdout};
use crate::api::Endpoint;
use crate::cli::CaseArgs;
use crate::error::{Error, Result};
use crate::json;
use crate::model::{Decoded, Document};
use crate::output;
use crate::redact;
use crate::render;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &CaseArgs, scan_ref: &str) -> Result<()> {
    let now = settings.now()?;
    let client = client(settings)?;
    let answers = client.fetch_all(scan_ref);
    if let Some(error) = all_failed(&answers) {
        return Err(error);
    }
    let failure = answers
        .iter()
        .find_map(|answer| answer.as_ref().err().cloned());
    let [status, data, files] = answers;
    // The links expire within the hour: save the files even when another call failed.
    let files_decoded = files
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|files| decoded(settings, Endpoint::Files.path(), files));
    let downloaded = match (&args.download.download, &files_decoded) {
        (Some(_), Ok(files)) => download::save(settings, files, Some(scan_ref), &args.download),
        _ => Ok(None),
    };
    let saved = downloaded.as_ref().ok().and_then(Option::as_ref);
    if settings.json() {
        print_report(settings, [&status, &data, &files], saved)?;
    } else {
        drop(files);
        // Each body is decoded and its bytes let go, one at a time.
        let shown = |body: Result<Decoded, Error>| {
            body.map(|decoded| match settings.redact {
                true => redact::body(&decoded.body),
                false => decoded.body,
            })
            .map_err(|err| err.message)
        };
        let status = shown(status.and_then(|s| decoded(settings, Endpoint::Status.path(), &s)));
        let data = shown(data.and_then(|d| decoded(settings, Endpoint::Data.path(), &d)));
        let files = shown(files_decoded);
        let parts = render::case::Parts {
            status: status.as_ref().map_err(String::as_str),
            data: data.as_ref().map_err(String::as_str),
            files: files.as_ref().map_err(String::as_str),
        };
        let mut doc = render::case::render(parts, now);
        if let Some(done) = saved {
            render::case::part(
                &mut doc,
                "Download",
                Ok(render::download::summary(&done.reports)),
            );
        }
        write_stdout(settings, &present(settings, &doc))?;
    }
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

/// When no call brought anything there is no report to show: one error, the one with the
/// highest exit code (the same failure three times says it once).
fn all_failed(answers: &[Result<Document, Error>; 3]) -> Option<Error> {
    let failures: Vec<&Error> = answers.iter().filter_map(|a| a.as_ref().err()).collect();
    if failures.len() < answers.len() {
        return None;
    }
    failures
        .into_iter()
        .max_by_key(|err| err.exit.code())
        .cloned()
}

/// `{"status": …, "data": …, "files": …}`, each body as it came (`null` for a call that
/// failed), masked with `--redact`; and the manifest under `download` when files were saved.
fn print_report(
    settings: &Settings,
    answers: [&Result<Document, Error>; 3],
    saved: Option<&download::Downloaded>,
) -> Result<()> {
    let endpoints = [Endpoint::Status, Endpoint::Data, Endpoint::Files];
    // Masked bodies are made anew; the others are written from the bytes as they came.
    let mut masked: Vec<Option<Vec<u8>>> = Vec::new();
    for (answer, endpoint) in answers.iter().zip(endpoints) {
        masked.push(match (answer, settings.redact) {
            (Ok(document), true) => {
                let body = redact::body(&decoded(settings, endpoint.path(), document)?.body);
                Some(serde_json::to_vec(&body).unwrap_or_default())
            }
            _ => None,
        });
    }
    let manifest = saved.and_then(|done| serde_json::to_vec(&done.manifest).ok());
    let mut fields: Vec<(&str, Option<&[u8]>)> = ["status", "data", "files"]
        .into_iter()
        .zip(answers.iter().zip(&masked))
        .map(|(name, (answer, masked))| {
            let sent = answer
                .as_ref()
                .ok()
                .map(|document| document.bytes.as_slice());
            (name, masked.as_deref().or(sent))
        })
        .collect();
    if let Some(manifest) = &manifest {
        fields.push(("download", Some(manifest.as_slice())));
    }
    output::write_json(settings, |out, pretty| {
        json::write_fields(out, pretty, &fields).map(|_| ())
    })
}
