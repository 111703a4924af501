//! `case <scanRef>`: status, data and files, each called once and all three at the same
//! time, rendered as one report; `--download` saves the files as `files --download` does.

use serde_json::{Map, Value, json};

use super::{client, download, present, warn_repairs, write_stdout};
use crate::cli::CaseArgs;
use crate::error::Result;
use crate::redact;
use crate::render;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &CaseArgs, scan_ref: &str) -> Result<()> {
    let now = settings.now()?;
    let client = client(settings)?;
    let [status, data, files] = client.fetch_all(scan_ref);
    let answers = [&status, &data, &files];
    for document in answers.into_iter().flatten() {
        warn_repairs(settings, document.repairs);
    }
    // The links expire within the hour: save the files even when another call failed.
    let downloaded = match (&args.download.download, &files) {
        (Some(_), Ok(files)) => download::save(settings, files, Some(scan_ref), &args.download),
        _ => Ok(None),
    };
    let shown: Vec<Result<Map<String, Value>, String>> = answers
        .iter()
        .map(|answer| match answer {
            Ok(document) if settings.redact => Ok(redact::body(&document.body)),
            Ok(document) => Ok(document.body.clone()),
            Err(err) => Err(err.message.clone()),
        })
        .collect();
    let part = |i: usize| shown[i].as_ref().map_err(String::as_str);
    let saved = downloaded.as_ref().ok().and_then(Option::as_ref);
    let text = if settings.json() {
        let body = |i: usize| part(i).ok();
        let mut report = json!({ "status": body(0), "data": body(1), "files": body(2) });
        if let Some(done) = saved {
            report["download"] = done.manifest.clone();
        }
        render::json_value(&report)
    } else {
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
        present(settings, &doc)
    };
    write_stdout(settings, &text)?;
    let finished = match downloaded {
        Ok(Some(done)) => download::finish(settings, &done),
        Ok(None) => Ok(()),
        Err(err) => Err(err),
    };
    if let Some(failure) = answers.into_iter().find_map(|answer| answer.as_ref().err()) {
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
