//! `case <scanRef> --save [DIR]` writes the case file: the three responses as they came,
//! every file, `report.html`, `SHA256SUMS` and `manifest.json` (last). `case --input DIR`
//! shows a saved one again, offline.

mod write;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::api::{Client, Endpoint};
use crate::case::args::CaseArgs;
use crate::case::file::{self, Existing, Holds, LoadedCase, PARTS, REPORT, SUMS};
use crate::case::{self, Extra};
use crate::context::{Context, decoded};
use crate::download::args::DownloadArgs;
use crate::download::run::{Fetched, fetch_into};
use crate::download::{self, DownloadFailure, Outcome, Report, TempFiles};
use crate::error::{Error, Exit, Result};
use crate::model::{self, Case, Decoded, Document};
use crate::text::clean;
use write::{Folder, SavedFiles, labelled, write_case_file};

/// What the three calls and the downloads brought.
struct Fetch {
    answers: Case<Result<Document, Error>>,
    files: Result<Decoded, Error>,
    downloads: Result<Option<Fetched>>,
}

pub fn save(settings: &Context<'_>, args: &CaseArgs, scan_ref: &str) -> Result<()> {
    let now = settings.now()?;
    let dir = match args.save.as_ref().and_then(Option::as_ref) {
        Some(dir) => dir.clone(),
        None => PathBuf::from(scan_ref),
    };
    check_folder(settings, &dir, scan_ref)?;
    let client = settings.client()?;
    let temp = Arc::new(TempFiles::default());
    let fetch = fetch(settings, client, scan_ref, &dir, &args.download, &temp);
    if let Some(error) = case::all_failed(&fetch.answers) {
        return Err(error);
    }
    let failure = case::first_failure(&fetch.answers);
    let (downloads, download_error) = match fetch.downloads {
        Ok(fetched) => (fetched, None),
        Err(err) => (None, Some(err)),
    };
    // iDenfy's own PDF: one more call, not with --redact (it cannot be masked).
    let pdf = (args.pdf && !settings.redact).then(|| {
        client
            .generate_pdf(scan_ref, serde_json::Map::new())
            .map_err(|err| Error::from(err).message)
            .and_then(|answer| {
                crate::pdf::pdf_bytes(&answer.bytes, answer.content_type.as_deref())
                    .map_err(|why| format!("{}: {why}", Endpoint::Pdf.path()))
            })
    });
    if args.pdf && settings.redact {
        settings.warn("--redact: no PDF is saved: iDenfy's PDF holds the person's data and photos, which it cannot mask");
    }
    let created = downloads.as_ref().is_some_and(|f| f.created);
    let reports = downloads.map(|f| f.reports).unwrap_or_default();
    let written = write_case_file(
        settings,
        &Folder {
            dir: &dir,
            scan_ref,
            created,
            existing: if args.download.force {
                Existing::Replace
            } else {
                Existing::Keep
            },
            temp: &temp,
        },
        &fetch.answers,
        pdf,
        &reports,
        now,
    )?;
    let extra = Extra {
        key: "caseFile",
        json: &written.manifest,
        title: "Case file",
        doc: crate::download::view::case_file(
            &labelled(&written.parts),
            &reports,
            &labelled(&written.after),
        ),
    };
    let names = Case {
        status: Endpoint::Status.path(),
        data: Endpoint::Data.path(),
        files: Endpoint::Files.path(),
    };
    case::show(
        settings,
        fetch.answers,
        names,
        fetch.files,
        now,
        Some(extra),
    )?;
    let finished = finish(settings, &dir, &written, &reports, download_error);
    match failure {
        Some(failure) => {
            let mut error = failure.hint(format!(
                "the report above shows what the other calls returned; the case file in {} has them",
                dir.display()
            ));
            if let Err(saving) = finished {
                error = error.hint(format!("saving failed too: {}", saving.message));
            }
            Err(error)
        }
        None => finished,
    }
}

/// Refuses, before anything is sent, a DIR that cannot become a case file of `scan_ref`: a
/// file, a manifest that cannot be read, a folder that holds another verification (its
/// manifest or a response names another scanRef), or one whose redaction differs from this
/// run's.
fn check_folder(settings: &Context<'_>, dir: &Path, scan_ref: &str) -> Result<()> {
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!(
            "--save {shown}: it exists and is not a folder"
        )));
    }
    download::check_manifest(dir, Some(scan_ref))?;
    if let Some((name, theirs)) = file::other_scan_ref(dir, scan_ref) {
        return Err(download::another_case(dir, name, &theirs, scan_ref));
    }
    match (file::holds(dir), settings.redact) {
        (Holds::Unredacted, true) => Err(Error::usage(format!(
            "--save {shown} --redact: the folder already holds files that are not redacted"
        ))
        .hint(
            "a redacted case file goes into a folder of its own, e.g. --save <scanRef>-redacted",
        )),
        (Holds::Redacted, false) => Err(Error::usage(format!(
            "--save {shown}: the folder holds a redacted case file"
        ))
        .hint("add --redact to update it, or save the full case file into another folder")),
        _ => Ok(()),
    }
}

/// The three calls at once; the files start downloading as soon as the files response is
/// in, while the other two calls may still be on their way.
fn fetch(
    settings: &Context<'_>,
    client: &Client,
    scan_ref: &str,
    dir: &Path,
    args: &DownloadArgs,
    temp: &Arc<TempFiles>,
) -> Fetch {
    let (answers, (files, downloads)) = client.fetch_each_then(scan_ref, |files| {
        let decoded_files = files
            .as_ref()
            .map_err(Error::from)
            .and_then(|files| decoded(settings, Endpoint::Files.path(), files));
        let downloads = match (&decoded_files, settings.redact) {
            (Ok(body), false) => fetch_into(settings, body, dir, args, temp),
            _ => Ok(None),
        };
        (decoded_files, downloads)
    });
    Fetch {
        answers: answers.map(|answer| answer.map_err(Error::from)),
        files,
        downloads,
    }
}

/// The closing line on stderr, or exit 9 when a file could not be saved.
fn finish(
    settings: &Context<'_>,
    dir: &Path,
    written: &SavedFiles,
    reports: &[Report],
    download_error: Option<Error>,
) -> Result<()> {
    if let Some(error) = download_error {
        return Err(error);
    }
    let failed: Vec<&DownloadFailure> = reports
        .iter()
        .map(|r| &r.outcome)
        .chain(written.after.iter().map(|(_, o)| o))
        .chain(
            written
                .parts
                .iter()
                .filter(|(part, _)| *part == file::PDF_PART)
                .map(|(_, o)| o),
        )
        .filter_map(|outcome| match outcome {
            Outcome::Failed(failure) => Some(failure),
            _ => None,
        })
        .collect();
    let report_kept = written
        .after
        .iter()
        .any(|(part, o)| *part == "report" && matches!(o, Outcome::Kept(_)));
    if report_kept {
        settings.warn(&format!(
                "{REPORT} was kept as an earlier run wrote it; --force writes it anew from these answers"
            ),
        );
    }
    let saved_parts = written
        .parts
        .iter()
        .filter(|(part, o)| *part != file::PDF_PART && !matches!(o, Outcome::Failed(_)))
        .count();
    let pdf = if written
        .parts
        .iter()
        .any(|(part, _)| *part == file::PDF_PART)
    {
        format!(", iDenfy's PDF ({})", file::PDF)
    } else {
        String::new()
    };
    let shown = clean(&dir.display().to_string()).into_owned();
    if failed.is_empty() {
        if !settings.quiet {
            let what = if settings.redact {
                format!("{saved_parts} masked response(s), no files (redacted)")
            } else {
                format!("{saved_parts} response(s), {} file(s){pdf}", reports.len())
            };
            let _ = writeln!(
                io::stderr(),
                "Case file in {shown}: {what}, {REPORT}; checksums in {} and {SUMS} (`sha256sum -c {SUMS}` in the folder checks them)",
                clean(&written.manifest_path.display().to_string()),
            );
        }
        return Ok(());
    }
    let mut error = Error::new(
        Exit::Download,
        format!(
            "{} file(s) of the case file could not be saved; the others are in {shown}",
            failed.len()
        ),
    );
    for failure in failed {
        if let Some(hint) = &failure.hint
            && !error.hints.contains(hint)
        {
            error = error.hint(hint.clone());
        }
    }
    Err(error)
}

/// `case --input DIR`: the saved responses shown as `case` shows them, with no call.
pub fn show(settings: &Context<'_>, dir: &Path) -> Result<()> {
    let now = settings.now()?;
    let shown = dir.display();
    let loaded = file::load(dir).map_err(|file::NotCaseFile(why)| {
        Error::usage(format!("--input {shown} is not a case file: {why}"))
            .hint("a case file is the folder `idenfy-cli case SCAN_REF --save DIR` writes")
            .hint("for one saved response, use `status`, `data` or `files` with --input FILE")
    })?;
    let failed_calls = failed_calls(dir);
    let mut unreadable: Option<Error> = None;
    let mut answers = Vec::new();
    for (part, (key, name)) in loaded.into_iter().zip(PARTS) {
        let path = dir.join(name);
        answers.push(match part {
            LoadedCase::Missing => {
                let why = match failed_calls.get(key) {
                    Some(error) => format!("{name} is not in the case file: {error}"),
                    None => format!("{name} is not in the case file"),
                };
                Err(Error::usage(why))
            }
            LoadedCase::Unreadable(why) => {
                let error = Error::usage(format!("{}: {why}", dir.display()));
                unreadable.get_or_insert(error.clone());
                Err(Error::usage(why))
            }
            LoadedCase::Bytes(bytes) => model::check(bytes).map_err(|err| {
                let error = Error::usage(format!("{} is {err}", path.display()));
                unreadable.get_or_insert(error.clone());
                error
            }),
        });
    }
    let answers: [Result<Document, Error>; 3] = match answers.try_into() {
        Ok(answers) => answers,
        Err(_) => return Err(Error::usage("the case file has three parts")),
    };
    let answers = Case::from_parts(answers);
    let paths = Case::from_parts(PARTS.map(|(_, name)| dir.join(name).display().to_string()));
    let files = answers
        .files
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|files| decoded(settings, &paths.files, files));
    let refused = case::show(
        settings,
        answers,
        paths.as_ref().map(String::as_str),
        files,
        now,
        None,
    )?;
    match unreadable.or(refused) {
        Some(error) => Err(error.hint("the report above shows the other parts")),
        None => Ok(()),
    }
}

/// Why each call failed when the case file was saved, as its manifest says.
fn failed_calls(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let manifest = download::previous(dir).unwrap_or(Value::Null);
    let entries = manifest.get("files").and_then(Value::as_array);
    entries
        .into_iter()
        .flatten()
        .filter(|entry| entry.get("result").and_then(Value::as_str) == Some("failed"))
        .filter_map(|entry| {
            let part = entry.get("part")?.as_str()?;
            let error = entry.get("error")?.as_str()?;
            Some((part.to_string(), clean(error).into_owned()))
        })
        .collect()
}
