//! `case <scanRef>`: status, data and files, each called once and all three at the same
//! time, rendered as one report; `--download` saves the files as `files --download` does.

use serde_json::{Map, Value, json};

use super::{client, download, warn_repairs, write_stdout};
use crate::api::{ApiError, Client, Endpoint};
use crate::cli::CaseArgs;
use crate::error::{Error, Exit, Result};
use crate::model::Document;
use crate::redact;
use crate::render::{self, Style};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &CaseArgs) -> Result<()> {
    let now = settings.now()?;
    let client = client(settings)?;
    let [status, data, files] = fetch_all(&client, &args.scan_ref);
    let answers = [&status, &data, &files];
    for document in answers.into_iter().flatten() {
        warn_repairs(settings, document);
    }
    let shown: Vec<Result<Map<String, Value>, String>> = answers
        .iter()
        .map(|answer| match answer {
            Ok(document) if settings.redact => Ok(redact::body(&document.body)),
            Ok(document) => Ok(document.body.clone()),
            Err(err) => Err(err.message.clone()),
        })
        .collect();
    let part = |i: usize| shown[i].as_ref().map_err(String::as_str);
    let text = if settings.json {
        let body = |i: usize| part(i).ok();
        render::json_value(&json!({ "status": body(0), "data": body(1), "files": body(2) }))
    } else {
        let parts = render::case::Parts {
            status: part(0),
            data: part(1),
            files: part(2),
        };
        let style = Style {
            color: settings.color,
        };
        render::case::render(parts, style, now)
    };
    write_stdout(&text)?;
    // The links expire within the hour: save the files even when another call failed.
    let downloaded = match (&args.download.download, &files) {
        (Some(_), Ok(files)) => {
            download::download_files(settings, files, Some(&args.scan_ref), &args.download)
        }
        _ => Ok(()),
    };
    if let Some(failure) = answers.into_iter().find_map(|answer| answer.as_ref().err()) {
        let mut error = failure
            .clone()
            .hint("the report above shows what the other calls returned");
        if let Err(download) = downloaded {
            error = error.hint(format!("the download failed too: {}", download.message));
        }
        return Err(error);
    }
    downloaded
}

/// The three calls on three threads over the one agent: as long as the slowest, not the sum.
pub(crate) fn fetch_all(client: &Client, scan_ref: &str) -> [Result<Document>; 3] {
    let fetch = |endpoint| move || client.fetch(endpoint, scan_ref);
    let joined =
        |handle: std::thread::ScopedJoinHandle<'_, Result<Document, ApiError>>| match handle.join()
        {
            Ok(result) => result.map_err(Error::from),
            Err(_) => Err(Error::new(Exit::Api, "an API call's thread failed")),
        };
    std::thread::scope(|scope| {
        let status = scope.spawn(fetch(Endpoint::Status));
        let data = scope.spawn(fetch(Endpoint::Data));
        let files = scope.spawn(fetch(Endpoint::Files));
        [joined(status), joined(data), joined(files)]
    })
}
