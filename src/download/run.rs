//! `files --download`: plan, fetch, report, and the manifest.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::api::Endpoint;
use crate::context::{
    Context, decoded, fetch_document, observer, present, print_json_value, write_stdout,
};
use crate::download::args::DownloadArgs;
use crate::download::args::FilesArgs;
use crate::download::progress::Bars;
use crate::download::{self, DownloadFailure, Downloader, Outcome, Silent, TempFiles};
use crate::error::{Error, Exit, Result, io_reason};
use crate::interrupt;
use crate::lookup as response;
use crate::lookup::args::ResponseArgs;
use crate::model::{Decoded, FilesView, check_scan_ref};
use crate::text::clean;

pub fn files(settings: &Context<'_>, args: &FilesArgs) -> Result<()> {
    if args.download.download.is_none() {
        return response::files(settings, &args.response);
    }
    // `files --download REF`, as people type it: REF is the scanRef, not the folder.
    let typed_in_order;
    let args = match (&args.response, &args.download.download) {
        (
            ResponseArgs {
                scan_ref: None,
                input: None,
            },
            Some(Some(dir)),
        ) => {
            let scan_ref = dir.to_str().and_then(|d| check_scan_ref(d.trim()).ok());
            let Some(scan_ref) = scan_ref else {
                return Err(Error::usage("give a scanRef or --input FILE"));
            };
            typed_in_order = FilesArgs {
                response: ResponseArgs {
                    scan_ref: Some(scan_ref.to_string()),
                    input: None,
                },
                download: DownloadArgs {
                    download: Some(None),
                    ..args.download.clone()
                },
            };
            &typed_in_order
        }
        _ => args,
    };
    let scan_ref = args.response.scan_ref.as_deref();
    download::check_manifest(&target_dir(&args.download, scan_ref)?, scan_ref)?;
    let document = fetch_document(
        settings,
        args.response.input.as_deref(),
        args.response.scan_ref.as_deref(),
        Endpoint::Files,
    )?;
    let what = match &args.response.input {
        Some(path) => format!("--input {}", path.display()),
        None => Endpoint::Files.path().to_string(),
    };
    let files = decoded(settings, &what, &document)?;
    download_files(
        settings,
        &files,
        args.response.scan_ref.as_deref(),
        &args.download,
    )
}

/// What a `--download` run did.
pub struct Downloaded {
    pub dir: PathBuf,
    pub manifest: serde_json::Value,
    pub manifest_path: PathBuf,
    pub reports: Vec<download::Report>,
}

/// `files --download`: saves the files, prints the summary (or the manifest with `--json`),
/// and fails with exit 9 when any file could not be saved.
pub fn download_files(
    settings: &Context<'_>,
    files: &Decoded,
    scan_ref: Option<&str>,
    args: &DownloadArgs,
) -> Result<()> {
    let Some(done) = save(settings, files, scan_ref, args)? else {
        return write_stdout(settings, "No files to download.\n");
    };
    if settings.json() {
        print_json_value(settings, &done.manifest)?
    } else {
        write_stdout(
            settings,
            &present(settings, &crate::download::view::summary(&done.reports)),
        )?
    }
    finish(settings, &done)
}

/// Saves every planned file into the download folder and writes the manifest; `None` when
/// there is nothing to save. Prints nothing on stdout.
pub fn save(
    settings: &Context<'_>,
    files: &Decoded,
    scan_ref: Option<&str>,
    args: &DownloadArgs,
) -> Result<Option<Downloaded>> {
    let dir = target_dir(args, scan_ref)?;
    let temp = Arc::new(TempFiles::default());
    let Some(fetched) = fetch_into(settings, files, &dir, args, &temp)? else {
        return Ok(None);
    };
    let manifest = download::manifest(&dir, scan_ref, &fetched.reports);
    let manifest_path = download::write_manifest(&dir, &manifest, &temp).map_err(|err| {
        let path = dir.join(download::MANIFEST);
        Error::new(
            Exit::Download,
            format!("cannot write {}: {}", path.display(), io_reason(&err)),
        )
    })?;
    Ok(Some(Downloaded {
        dir,
        manifest,
        manifest_path,
        reports: fetched.reports,
    }))
}

/// What [`fetch_into`] saved, before any manifest is written.
pub struct Fetched {
    pub reports: Vec<download::Report>,
    /// Whether this run created DIR.
    pub created: bool,
}

/// Fetches every planned file into `dir` (created 0700 when missing), its temporary files
/// in `temp`, with progress bars and the Ctrl-C cleanup while it runs; `None` when there is
/// nothing to fetch. Writes no manifest.
pub fn fetch_into(
    settings: &Context<'_>,
    files: &Decoded,
    dir: &Path,
    args: &DownloadArgs,
    temp: &Arc<TempFiles>,
) -> Result<Option<Fetched>> {
    let view = FilesView::new(&files.body);
    let plan = download::plan(&view, &args.only).map_err(Error::usage)?;
    if !args.only.is_empty() {
        for key in &plan.without_link {
            settings.warn(&format!(
                "{key} has no link in the response (null); nothing to save"
            ));
        }
    }
    if plan.targets.is_empty() {
        return Ok(None);
    }
    let options = download::Options {
        dir: dir.to_path_buf(),
        jobs: args.jobs.into(),
        force: args.force,
        timeout: settings.call_timeout()?,
        proxy: settings.proxy_rules()?,
        trust: settings.trust()?,
    };
    let created = crate::private_fs::create_dir(dir).map_err(|err| {
        Error::new(
            Exit::Download,
            format!("cannot create {}: {}", dir.display(), io_reason(&err)),
        )
    })?;
    let bars =
        (settings.progress && !settings.verbose).then(|| Arc::new(Bars::new(plan.targets.len())));
    let _ctrl_c = clean_up_on_ctrl_c(
        settings,
        Arc::clone(temp),
        bars.clone(),
        created.then(|| dir.to_path_buf()),
    );
    let downloader = Downloader::new(options, Arc::clone(temp), observer(settings));
    let reports = match &bars {
        Some(bars) => {
            let reports = downloader.run(&plan.targets, bars.as_ref());
            bars.clear();
            reports
        }
        None => downloader.run(&plan.targets, &Silent),
    };
    Ok(Some(Fetched { reports, created }))
}

/// DIR as given, else `./<scanRef>`.
fn target_dir(args: &DownloadArgs, scan_ref: Option<&str>) -> Result<PathBuf> {
    match (args.download.as_ref().and_then(Option::as_ref), scan_ref) {
        (Some(dir), _) => Ok(dir.clone()),
        (_, Some(scan_ref)) => Ok(PathBuf::from(scan_ref)),
        _ => Err(Error::usage(
            "--download needs a DIR when the response comes from --input",
        )),
    }
}

/// Until the guard is dropped, Ctrl-C, SIGTERM and SIGHUP put the screen and the disk back as
/// they were: the progress bars cleared, every temporary file removed, and DIR removed when
/// this run created it (`created_dir`) and nothing is left in it. Then exit 130, 143 or 129.
pub(crate) fn clean_up_on_ctrl_c(
    settings: &Context<'_>,
    temp: Arc<TempFiles>,
    bars: Option<Arc<Bars>>,
    created_dir: Option<PathBuf>,
) -> interrupt::Guard {
    let color = settings.output.stderr_color;
    interrupt::on_signal(move |signal| {
        if let Some(bars) = &bars {
            bars.clear();
        }
        temp.remove_all_and(|removed| {
            // Only an empty folder can be removed: what is saved in it stays.
            let dir_removed = created_dir
                .as_ref()
                .filter(|dir| fs::remove_dir(dir).is_ok());
            let what = match dir_removed {
                Some(dir) => format!(
                    "{removed} temporary file(s) and the empty folder {} removed",
                    clean(&dir.display().to_string())
                ),
                None => format!("{removed} temporary file(s) removed"),
            };
            let error = Error::new(signal.exit(), format!("{}; {what}", signal.what()));
            // Without bars to clear, the line goes below the `^C` the terminal echoed.
            let gap = if bars.is_some() { "" } else { "\n" };
            let _ = writeln!(io::stderr(), "{gap}{}", error.to_stderr(color));
            std::process::exit(error.exit.code().into())
        })
    })
}

/// The closing line on stderr, or exit 9 with the failures' hints.
pub fn finish(settings: &Context<'_>, done: &Downloaded) -> Result<()> {
    let reports = &done.reports;
    let failed: Vec<&download::Report> = reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .collect();
    if failed.is_empty() {
        if !settings.quiet {
            let kept = reports
                .iter()
                .filter(|r| matches!(r.outcome, Outcome::Kept(_)))
                .count();
            let what = match kept {
                0 => format!("Saved {} file(s)", reports.len()),
                n => format!(
                    "Saved {} file(s) and kept {n} already there",
                    reports.len() - n
                ),
            };
            let _ = writeln!(
                io::stderr(),
                "{what}, {}, in {}; checksums in {}",
                indicatif::HumanBytes(download::total_bytes(reports)),
                clean(&done.dir.display().to_string()),
                clean(&done.manifest_path.display().to_string())
            );
        }
        return Ok(());
    }
    let mut error = Error::new(
        Exit::Download,
        format!(
            "{} of {} file(s) could not be saved; the others are in {}",
            failed.len(),
            reports.len(),
            done.dir.display()
        ),
    );
    for report in &failed {
        if let Outcome::Failed(DownloadFailure {
            hint: Some(hint), ..
        }) = &report.outcome
            && !error.hints.contains(hint)
        {
            error = error.hint(hint.clone());
        }
    }
    Err(error)
}
