//! Runs one parsed command with its settings: get the responses (API or `--input`), render
//! them, write them (through `output`). Besides `main` and `output`, the only modules that
//! write to stdout or stderr.

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
use crate::error::{Error, Exit, Result, warning_line};
use crate::local_read::{self, MAX_LOCAL_BYTES, ReadError};
use crate::model::{self, Document};
pub(crate) use crate::output::write_stdout;
use crate::render;
use crate::settings::Settings;
use crate::trace::{Exchange, Observer};

pub fn run(settings: &Settings, cli: &Cli) -> Result<()> {
    match &cli.command {
        Command::Status(args) => batch::status(settings, args),
        Command::Data(args) => response::data(settings, args),
        Command::Files(args) => download::files(settings, args),
        Command::Case(args) => batch::case(settings, args),
        Command::Find(args) => find::run(settings, args),
        Command::Explain(args) => explain::run(settings, args),
        Command::Webhook(command) => webhook::run(settings, command),
        Command::Config(command) => config::run(settings, command),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "idenfy-cli", &mut script);
            write_stdout(settings, &String::from_utf8_lossy(&script))
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
        (Some(path), _) => read_input(settings, path)?,
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
fn read_input(settings: &Settings, path: &Path) -> Result<Document> {
    let bytes = read_bytes(settings, Some(path), "--input")?;
    let name = path.display();
    model::decode(&bytes).map_err(|err| {
        Error::usage(format!("--input {name} is {err}"))
            .hint("--input takes a response body as saved from the API or from --json")
    })
}

/// The bytes of FILE, or of stdin for `-` or no FILE, at most 16 MiB; `what` names the
/// argument in errors. Says so on stderr when stdin is a terminal: a person must type or
/// paste the body.
pub(crate) fn read_bytes(settings: &Settings, path: Option<&Path>, what: &str) -> Result<Vec<u8>> {
    let path = path.unwrap_or(Path::new("-"));
    let name = path.display();
    let from_stdin = path == Path::new("-");
    if from_stdin && settings.stdin_is_terminal && !settings.quiet {
        let _ = writeln!(
            io::stderr(),
            "idenfy-cli: reading {what} from stdin; end it with Ctrl-D (or give a file)"
        );
    }
    let read = match from_stdin {
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
        let line = warning_line(message, settings.output.stderr_color);
        let _ = writeln!(io::stderr(), "{line}");
    }
}

/// The `-v` observer: each exchange on stderr as it completes.
struct StderrTrace;

impl Observer for StderrTrace {
    fn exchange(&self, exchange: &Exchange) {
        let _ = io::stderr().write_all(render::trace::render(exchange).as_bytes());
    }
}
