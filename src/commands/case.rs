//! `case <scanRef>`: status, data and files, each called once and all three at the same
//! time, rendered as one report; `--download` saves the files as `files --download` does.

use super::{client, decoded, download, present, write_stdout};
use crate::api::Endpoint;
use crate::cli::CaseArgs;
use crate::error::{Error, Result};
use crate::json;
use crate::model::Document;
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
    let [status, data, files] = &answers;
    // The links expire within the hour: save the files even when another call failed.
    let files_body = files
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|files| decoded(settings, Endpoint::Files.path(), files));
    let downloaded = match (&args.download.download, &files_body) {
        (Some(_), Ok(files)) => download::save(settings, files, Some(scan_ref), &args.download),
        _ => Ok(None),
    };
    let saved = downloaded.as_ref().ok().and_then(Option::as_ref);
    if settings.json() {
        print_report(settings, &answers, saved)?;
    } else {
        let decode = |answer: &Result<Document, Error>, endpoint: Endpoint| {
            let body = answer
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|document| decoded(settings, endpoint.path(), document))
                .map_err(|err| err.message)?;
            Ok::<_, String>(match settings.redact {
                true => redact::body(&body.body),
                false => body.body,
            })
        };
        let shown = [
            decode(status, Endpoint::Status),
            decode(data, Endpoint::Data),
            files_body
                .as_ref()
                .map_err(|err| err.message.clone())
                .map(|files| match settings.redact {
                    true => redact::body(&files.body),
                    false => files.body.clone(),
                }),
        ];
        let part = |i: usize| shown[i].as_ref().map_err(String::as_str);
        let parts = render::case::Parts {
            status: part(0),
            data: part(1),
            files: part(2),
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
    if let Some(failure) = answers.iter().find_map(|answer| answer.as_ref().err()) {
        let mut error = failure
            .clone()
            .hint("the report above shows what the other calls returned");
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
    answers: &[Result<Document, Error>; 3],
    saved: Option<&download::Downloaded>,
) -> Result<()> {
    let endpoints = [Endpoint::Status, Endpoint::Data, Endpoint::Files];
    let mut texts: Vec<Option<Vec<u8>>> = Vec::new();
    for (answer, endpoint) in answers.iter().zip(endpoints) {
        let text = match (answer, settings.redact) {
            (Err(_), _) => None,
            (Ok(document), false) => Some(document.bytes.clone()),
            (Ok(document), true) => {
                let masked = redact::body(&decoded(settings, endpoint.path(), document)?.body);
                Some(serde_json::to_vec(&masked).unwrap_or_default())
            }
        };
        texts.push(text);
    }
    if let Some(done) = saved {
        texts.push(serde_json::to_vec(&done.manifest).ok());
    }
    let names = ["status", "data", "files", "download"];
    let fields: Vec<(&str, Option<&[u8]>)> = names
        .into_iter()
        .zip(&texts)
        .map(|(name, text)| (name, text.as_deref()))
        .collect();
    output::write_json(settings, |out, pretty| {
        json::write_fields(out, pretty, &fields).map(|_| ())
    })
}
