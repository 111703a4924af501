//! Runs one parsed command: resolve settings, get the responses (API or `--input`), render
//! them, write them. The only modules besides `main` that write to stdout or stderr.

mod batch;
mod case;
mod config;
mod download;
mod explain;
mod find;
mod response;
mod webhook;

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use clap::CommandFactory;

use crate::api::{Client, Endpoint};
use crate::cli::{Cli, Command, ResponseArgs};
use crate::error::{Error, Exit, Result, io_reason};
use crate::local_read::{self, MAX_LOCAL_BYTES, ReadError};
use crate::model::{self, Document};
use crate::render;
use crate::settings::Settings;
use crate::trace::{Exchange, Observer};

pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::from_process(&cli.global)?;
    match &cli.command {
        Command::Status(args) => batch::status(&settings, args),
        Command::Data(args) => response::data(&settings, args),
        Command::Files(args) => download::files(&settings, args),
        Command::Case(args) => batch::case(&settings, args),
        Command::Find(args) => find::run(&settings, args),
        Command::Explain(args) => explain::run(&settings, args),
        Command::Webhook(command) => webhook::run(&settings, command),
        Command::Config(command) => config::run(&settings, command),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "idenfy-cli", &mut script);
            write_stdout(&String::from_utf8_lossy(&script))
        }
    }
}

/// The response from the API, or from `--input`; warns when text had to be repaired.
pub(crate) fn fetch_document(
    settings: &Settings,
    args: &ResponseArgs,
    endpoint: Endpoint,
) -> Result<Document> {
    let document = match (&args.input, &args.scan_ref) {
        (Some(path), _) => read_input(path)?,
        (None, Some(scan_ref)) => client(settings)?.fetch(endpoint, scan_ref)?,
        (None, None) => return Err(Error::usage("give a scanRef or --input FILE")),
    };
    warn_repairs(settings, document.repairs);
    Ok(document)
}

/// Says how many malformed pieces of text a response had, if any.
pub(crate) fn warn_repairs(settings: &Settings, repairs: usize) {
    if repairs > 0 {
        warn(
            settings,
            &format!(
                "the response had {} malformed text sequence(s) (invalid UTF-8 or a lone UTF-16 surrogate), shown as U+FFFD",
                repairs
            ),
        );
    }
}

pub(crate) fn observer(settings: &Settings) -> Option<Arc<dyn Observer>> {
    match settings.verbose {
        true => Some(Arc::new(StderrTrace)),
        false => None,
    }
}

pub(crate) fn client(settings: &Settings) -> Result<Client> {
    let (connection, warning) = settings.connection()?;
    if let Some(warning) = warning {
        warn(settings, &warning);
    }
    Client::new(connection, observer(settings))
}

/// Reads a saved response from a file, or stdin for `-`.
fn read_input(path: &Path) -> Result<Document> {
    let bytes = read_bytes(Some(path), "--input")?;
    let name = path.display();
    model::decode(&bytes).map_err(|err| {
        Error::usage(format!("--input {name} is {err}"))
            .hint("--input takes a response body as saved from the API or from --json")
    })
}

/// The bytes of FILE, or of stdin for `-` or no FILE, at most 16 MiB; `what` names the
/// argument in errors.
pub(crate) fn read_bytes(path: Option<&Path>, what: &str) -> Result<Vec<u8>> {
    let path = path.unwrap_or(Path::new("-"));
    let name = path.display();
    let read = match path == Path::new("-") {
        true => local_read::read_stdin(MAX_LOCAL_BYTES),
        false => local_read::read_regular(path, MAX_LOCAL_BYTES),
    };
    read.map_err(|err| match err {
        ReadError::TooLarge => {
            Error::new(Exit::Api, format!("{what} {name} is over 16 MiB; refused"))
        }
        err => Error::usage(format!("cannot read {what} {name}: {err}")),
    })
}

/// A document as the format asks: Markdown, or text fitted to the terminal.
pub(crate) fn present(settings: &Settings, doc: &render::Doc) -> String {
    let markdown = settings.output.format == crate::cli::Format::Markdown;
    render::text(doc, settings.style(), markdown)
}

/// `idenfy-cli: warning: …` on stderr, unless `--quiet`.
pub(crate) fn warn(settings: &Settings, message: &str) {
    if !settings.quiet {
        let _ = writeln!(io::stderr(), "idenfy-cli: warning: {message}");
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> Result<()> {
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
