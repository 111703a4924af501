//! Writing the case file: each response as it came (or masked), the page, the checksums,
//! each through a temporary file, kept unless `--force`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde_json::{Map, Value};

use crate::model::Case;

use crate::case::file::{self, Existing, HTML_TYPE, JSON_TYPE, PARTS, REPORT, SUMS};
use crate::case::report;
use crate::context::Context;
use crate::download::run::clean_up_on_ctrl_c;
use crate::download::{self, DownloadFailure, Outcome, OwnFile, Report, TempFiles};
use crate::error::{Error, Exit, Result, io_reason};
use crate::local_read::{self, MAX_BYTES};
use crate::model::{self, Document};
use crate::redact;

/// Where the case file goes and how.
pub(super) struct Folder<'a> {
    pub(super) dir: &'a Path,
    pub(super) scan_ref: &'a str,
    /// Whether this run created the folder already (for the downloads).
    pub(super) created: bool,
    pub(super) existing: Existing,
    pub(super) temp: &'a Arc<TempFiles>,
}

/// What was written besides the downloads.
pub(super) struct SavedFiles {
    /// The three responses, in order.
    pub(super) parts: Vec<(&'static str, Outcome)>,
    /// The page and the checksums list.
    pub(super) after: Vec<(&'static str, Outcome)>,
    pub(super) manifest: Value,
    pub(super) manifest_path: PathBuf,
}

pub(super) fn labelled<'a>(
    outcomes: &'a [(&'static str, Outcome)],
) -> Vec<(&'static str, &'a Outcome)> {
    outcomes.iter().map(|(part, o)| (*part, o)).collect()
}

/// Writes the responses, the page, `SHA256SUMS` and the manifest, with Ctrl-C removing
/// every temporary file meanwhile.
pub(super) fn write_case_file(
    settings: &Context<'_>,
    folder: &Folder<'_>,
    answers: &Case<Result<Document, Error>>,
    pdf: Option<std::result::Result<Vec<u8>, String>>,
    reports: &[Report],
    now: jiff::Timestamp,
) -> Result<SavedFiles> {
    let dir = folder.dir;
    let created_now = crate::private_fs::create_dir(dir).map_err(|err| {
        Error::new(
            Exit::Download,
            format!("cannot create {}: {}", dir.display(), io_reason(&err)),
        )
    })?;
    let _ctrl_c = clean_up_on_ctrl_c(
        settings,
        Arc::clone(folder.temp),
        None,
        (created_now || folder.created).then(|| dir.to_path_buf()),
    );
    download::remove_stale(dir);
    let mut parts = Vec::new();
    let mut bodies = Vec::new();
    for (answer, (part, name)) in answers.as_ref().into_parts().into_iter().zip(PARTS) {
        let (outcome, body) = save_part(settings, folder, answer, name);
        parts.push((part, outcome));
        bodies.push(body);
    }
    // iDenfy's own PDF, beside the responses: in the checksums, the manifest and the page.
    match pdf {
        Some(Ok(bytes)) => parts.push((
            file::PDF_PART,
            file::save(
                dir,
                file::PDF,
                &bytes,
                file::PDF_TYPE,
                folder.existing,
                folder.temp,
            ),
        )),
        Some(Err(reason)) => parts.push((
            file::PDF_PART,
            Outcome::Failed(DownloadFailure { reason, hint: None }),
        )),
        None => {}
    }
    let started = Instant::now();
    // What the tool writes itself never holds the run's secrets, even when a server echoed
    // them in a response.
    let html =
        crate::secret::scrub(&page(settings, folder, &bodies, &parts, reports, now)).into_owned();
    let made = started.elapsed();
    let report = file::save(
        dir,
        REPORT,
        html.as_bytes(),
        HTML_TYPE,
        folder.existing,
        folder.temp,
    );
    if settings.verbose {
        let _ = writeln!(
            io::stderr(),
            "idenfy-cli: {REPORT}: {} bytes made in {:.1} ms and written (synced) in {:.1} ms",
            html.len(),
            made.as_secs_f64() * 1000.0,
            (started.elapsed() - made).as_secs_f64() * 1000.0
        );
    }
    let own = |list: &[(&'static str, Outcome)]| -> Vec<(&'static str, Outcome)> { list.to_vec() };
    let before: Vec<OwnFile<'_>> = parts
        .iter()
        .map(|(part, outcome)| OwnFile { part, outcome })
        .collect();
    let after_report = [OwnFile {
        part: "report",
        outcome: &report,
    }];
    let mut manifest = download::case_manifest(
        dir,
        folder.scan_ref,
        &before,
        reports,
        &after_report,
        settings.redact,
    );
    let sums = file::save(
        dir,
        SUMS,
        download::sums(&manifest).as_bytes(),
        file::TEXT_TYPE,
        Existing::Replace,
        folder.temp,
    );
    download::add_entry(
        &mut manifest,
        &OwnFile {
            part: "checksums",
            outcome: &sums,
        },
    );
    let manifest_path = download::write_manifest(dir, &manifest, folder.temp).map_err(|err| {
        Error::new(
            Exit::Download,
            format!(
                "cannot write {}: {}",
                dir.join(download::MANIFEST).display(),
                io_reason(&err)
            ),
        )
    })?;
    Ok(SavedFiles {
        parts: own(&parts),
        after: vec![("report", report), ("checksums", sums)],
        manifest,
        manifest_path,
    })
}

/// Saves one response as it came (masked with `--redact`), or keeps the one already there;
/// a call that failed saves nothing. Returns the body the page shows: what the folder now
/// holds under that name, or why there is nothing.
fn save_part(
    settings: &Context<'_>,
    folder: &Folder<'_>,
    answer: &Result<Document, Error>,
    name: &str,
) -> (Outcome, std::result::Result<Map<String, Value>, String>) {
    let dir = folder.dir;
    let document = match answer {
        Ok(document) => document,
        Err(err) if file::exists(dir, name) => {
            let outcome = file::keep(dir, name, Some(JSON_TYPE));
            let body = on_disk(dir, name, &outcome)
                .map_err(|why| format!("{why} (and this run's call failed: {})", err.message));
            return (outcome, body);
        }
        Err(err) => {
            let reason = format!("the call failed: {}", err.message);
            let outcome = Outcome::Failed(DownloadFailure {
                reason: reason.clone(),
                hint: None,
            });
            return (outcome, Err(reason));
        }
    };
    let body = document
        .decode()
        .map(|decoded| decoded.body)
        .map_err(|err| format!("{name}: the response is {err}"));
    let masked = match (&body, settings.redact) {
        (Ok(body), true) => Some(masked_bytes(body)),
        (Err(_), true) => {
            // A body that cannot be masked is not saved in a redacted case file.
            let reason = "the response could not be read to be masked".to_string();
            let outcome = Outcome::Failed(DownloadFailure {
                reason: reason.clone(),
                hint: None,
            });
            return (outcome, Err(reason));
        }
        _ => None,
    };
    let bytes = masked.as_deref().unwrap_or(&document.bytes);
    let outcome = file::save(dir, name, bytes, JSON_TYPE, folder.existing, folder.temp);
    let body = match &outcome {
        Outcome::Kept(_) => on_disk(dir, name, &outcome),
        _ => body,
    };
    (outcome, body)
}

/// A masked body as JSON text: two-space indents and a final newline, the run's secrets
/// scrubbed.
fn masked_bytes(body: &Map<String, Value>) -> Vec<u8> {
    let masked = redact::body(body);
    let mut text = serde_json::to_string_pretty(&masked).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    crate::secret::scrub(&text).into_owned().into_bytes()
}

/// A response kept in the folder, read back as the page shows it.
fn on_disk(
    dir: &Path,
    name: &str,
    outcome: &Outcome,
) -> std::result::Result<Map<String, Value>, String> {
    if let Outcome::Failed(failure) = outcome {
        return Err(failure.reason.clone());
    }
    let bytes = local_read::read_regular(&dir.join(name), MAX_BYTES)
        .map_err(|err| format!("cannot read {name}: {err}"))?;
    model::decode(&bytes)
        .map(|decoded| decoded.body)
        .map_err(|err| format!("{name} is {err}"))
}

/// The page: the bodies as the folder holds them (masked with `--redact`), the downloads,
/// and the checksums of the files saved so far.
fn page(
    settings: &Context<'_>,
    folder: &Folder<'_>,
    bodies: &[std::result::Result<Map<String, Value>, String>],
    parts: &[(&'static str, Outcome)],
    reports: &[Report],
    now: jiff::Timestamp,
) -> String {
    let shown: Vec<std::result::Result<Map<String, Value>, &str>> = bodies
        .iter()
        .map(|body| match body {
            Ok(body) if settings.redact => Ok(redact::body(body)),
            Ok(body) => Ok(body.clone()),
            Err(why) => Err(why.as_str()),
        })
        .collect();
    let part = |i: usize| shown[i].as_ref().map_err(|why| *why);
    let sums: Vec<report::Sum> = parts
        .iter()
        .map(|(_, outcome)| outcome)
        .chain(reports.iter().map(|r| &r.outcome))
        .filter_map(|outcome| match outcome {
            Outcome::Saved(saved) | Outcome::Kept(saved) => Some(report::Sum {
                file: saved.file.clone(),
                bytes: saved.bytes,
                sha256: saved.sha256.clone(),
            }),
            Outcome::Failed(_) => None,
        })
        .collect();
    report::render(&report::ReportPage {
        scan_ref: folder.scan_ref,
        made_at: now,
        version: env!("CARGO_PKG_VERSION"),
        redacted: settings.redact,
        status: part(0),
        data: part(1),
        files: part(2),
        pdf: parts
            .iter()
            .any(|(part, outcome)| {
                *part == file::PDF_PART && !matches!(outcome, Outcome::Failed(_))
            })
            .then_some(file::PDF),
        downloads: reports,
        sums: &sums,
    })
}
