//! Runs one parsed command: resolve settings, get the response (API or `--input`), render it,
//! write it. The only module besides `main` that writes to stdout or stderr.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::CommandFactory;

use crate::api::{Client, Endpoint, MAX_BODY_BYTES};
use crate::cli::{Cli, Command, ConfigCommand, DownloadArgs, FilesArgs, ResponseArgs};
use crate::config_file;
use crate::download::{self, Downloader, Failure, Outcome, Silent, TempFiles};
use crate::error::{Error, Exit, Result, io_reason};
use crate::model::{self, Document, FilesView};
use crate::progress::Bars;
use crate::render::{self, Style};
use crate::settings::Settings;
use crate::trace::{Exchange, Observer};

pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::from_process(&cli.global)?;
    match &cli.command {
        Command::Status(args) => show_response(&settings, args, Endpoint::Status),
        Command::Data(args) => show_response(&settings, args, Endpoint::Data),
        Command::Files(args) => files(&settings, args),
        Command::Config(command) => config(&settings, command),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "idenfy-cli", &mut script);
            write_stdout(&String::from_utf8_lossy(&script))
        }
    }
}

fn show_response(settings: &Settings, args: &ResponseArgs, endpoint: Endpoint) -> Result<()> {
    let document = fetch_document(settings, args, endpoint)?;
    let style = Style {
        color: settings.color,
    };
    let text = if settings.json {
        render::json(&document.body)
    } else {
        match endpoint {
            Endpoint::Status => render::status::render(&document.body, style),
            Endpoint::Data => render::data::render(&document.body, style),
            Endpoint::Files => render::files::render(&document.body, style, settings.now()?),
        }
    };
    write_stdout(&text)
}

/// The response from the API, or from `--input`; warns when text had to be repaired.
fn fetch_document(
    settings: &Settings,
    args: &ResponseArgs,
    endpoint: Endpoint,
) -> Result<Document> {
    let document = match (&args.input, &args.scan_ref) {
        (Some(path), _) => read_input(path)?,
        (None, Some(scan_ref)) => client(settings)?.fetch(endpoint, scan_ref)?,
        (None, None) => return Err(Error::usage("give a scanRef or --input FILE")),
    };
    if document.repairs > 0 {
        warn(
            settings,
            &format!(
                "the response had {} malformed text sequence(s) (invalid UTF-8 or a lone UTF-16 surrogate), shown as U+FFFD",
                document.repairs
            ),
        );
    }
    Ok(document)
}

fn files(settings: &Settings, args: &FilesArgs) -> Result<()> {
    if args.download.download.is_none() {
        return show_response(settings, &args.response, Endpoint::Files);
    }
    let document = fetch_document(settings, &args.response, Endpoint::Files)?;
    download_files(
        settings,
        &document,
        args.response.scan_ref.as_deref(),
        &args.download,
    )
}

/// `--download`: saves the files, prints the summary (or the manifest with `--json`), and
/// fails with exit 9 when any file could not be saved.
fn download_files(
    settings: &Settings,
    document: &Document,
    scan_ref: Option<&str>,
    args: &DownloadArgs,
) -> Result<()> {
    let dir = match (args.download.as_ref().and_then(Option::as_ref), scan_ref) {
        (Some(dir), _) => dir.clone(),
        (_, Some(scan_ref)) => PathBuf::from(scan_ref),
        _ => {
            return Err(Error::usage(
                "--download needs a DIR when the response comes from --input",
            ));
        }
    };
    let view = FilesView::new(&document.body);
    let plan = download::plan(&view, &args.only).map_err(Error::usage)?;
    if !args.only.is_empty() {
        for key in &plan.without_link {
            warn(
                settings,
                &format!("{key} has no link in the response (null); nothing to save"),
            );
        }
    }
    if plan.targets.is_empty() {
        return write_stdout("No files to download.\n");
    }
    download::create_private_dir(&dir).map_err(|err| {
        Error::new(
            Exit::Download,
            format!("cannot create {}: {}", dir.display(), io_reason(&err)),
        )
    })?;
    let temp = Arc::new(TempFiles::default());
    let on_interrupt = Arc::clone(&temp);
    let _ = ctrlc::set_handler(move || {
        on_interrupt.remove_all_and(|removed| {
            let _ = writeln!(
                io::stderr(),
                "\nidenfy-cli: error: interrupted; {removed} temporary file(s) removed"
            );
            std::process::exit(Exit::Interrupted.code().into())
        })
    });
    let options = download::Options {
        dir: dir.clone(),
        jobs: args.jobs.into(),
        force: args.force,
        timeout: settings.call_timeout()?,
        proxy: settings.proxy_rules()?,
    };
    let downloader = Downloader::new(options, Arc::clone(&temp), observer(settings));
    let reports = if settings.progress && !settings.verbose {
        let bars = Bars::new(plan.targets.len());
        let reports = downloader.run(&plan.targets, &bars);
        bars.clear();
        reports
    } else {
        downloader.run(&plan.targets, &Silent)
    };
    let manifest = download::manifest(&dir, scan_ref, &reports);
    let manifest_path = download::write_manifest(&dir, &manifest, &temp).map_err(|err| {
        Error::new(
            Exit::Download,
            format!(
                "cannot write {}: {}",
                dir.join(download::MANIFEST).display(),
                io_reason(&err)
            ),
        )
    })?;
    let text = match settings.json {
        true => render::json(manifest.as_object().unwrap_or(&serde_json::Map::new())),
        false => render::download::summary(
            &reports,
            Style {
                color: settings.color,
            },
        ),
    };
    write_stdout(&text)?;
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
                indicatif::HumanBytes(download::total_bytes(&reports)),
                dir.display(),
                manifest_path.display()
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
            dir.display()
        ),
    );
    for report in &failed {
        if let Outcome::Failed(Failure {
            hint: Some(hint), ..
        }) = &report.outcome
            && !error.hints.contains(hint)
        {
            error = error.hint(hint.clone());
        }
    }
    Err(error)
}

fn observer(settings: &Settings) -> Option<Arc<dyn Observer>> {
    match settings.verbose {
        true => Some(Arc::new(StderrTrace)),
        false => None,
    }
}

fn client(settings: &Settings) -> Result<Client> {
    let (connection, warning) = settings.connection()?;
    if let Some(warning) = warning {
        warn(settings, &warning);
    }
    Client::new(connection, observer(settings))
}

/// Reads a saved response from a file, or stdin for `-`.
fn read_input(path: &Path) -> Result<Document> {
    let name = path.display();
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        io::stdin()
            .lock()
            .take(MAX_BODY_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        fs::File::open(path).and_then(|f| f.take(MAX_BODY_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|err| Error::usage(format!("cannot read --input {name}: {}", io_reason(&err))))?;
    if bytes.len() as u64 > MAX_BODY_BYTES {
        return Err(Error::new(
            Exit::Api,
            format!("--input {name} is over 16 MiB; refused"),
        ));
    }
    model::decode(&bytes).map_err(|err| {
        Error::new(Exit::Api, format!("--input {name} is {err}"))
            .hint("--input takes a response body as saved from the API or from --json")
    })
}

fn config(settings: &Settings, command: &ConfigCommand) -> Result<()> {
    match command {
        ConfigCommand::Path => write_stdout(&format!("{}\n", settings.config_path()?.display())),
        ConfigCommand::Init => {
            let path = config_file::init(settings.config_path()?)?;
            write_stdout(&format!(
                "Wrote {} (mode 0600). Fill in a profile, then check it with `idenfy-cli config show`.\n",
                path.display()
            ))
        }
        ConfigCommand::Show => {
            let (rows, warning) = settings.report()?;
            if let Some(warning) = warning {
                warn(settings, &warning);
            }
            let text = match settings.json {
                true => render::config::json(&rows),
                false => render::config::render(
                    &rows,
                    Style {
                        color: settings.color,
                    },
                ),
            };
            write_stdout(&text)
        }
    }
}

/// `idenfy-cli: warning: …` on stderr, unless `--quiet`.
fn warn(settings: &Settings, message: &str) {
    if !settings.quiet {
        let _ = writeln!(io::stderr(), "idenfy-cli: warning: {message}");
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Error::new(
            Exit::Output,
            format!("cannot write to stdout: {}", io_reason(&err)),
        )),
    }
}

/// The `-v` observer: each exchange on stderr as it completes.
struct StderrTrace;

impl Observer for StderrTrace {
    fn exchange(&self, exchange: &Exchange) {
        let _ = io::stderr().write_all(render::trace::render(exchange).as_bytes());
    }
}
