//! What every command gets to work with: responses fetched from the API or read from
//! `--input`, decoded with their warnings, the API client with its trace, and JSON, tables
//! and warnings written out. With `main` and `output`, the only writers to stdout and stderr.

use std::io::{self, Write};
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::api::{Client, Endpoint};
use crate::error::{Error, Exit, Result, warning_line};
use crate::json;
use crate::local_read::{self, MAX_BYTES, ReadError};
use crate::model::{self, DecodeError, Decoded, Document};
use crate::net::trace::{Exchange, Observer};
use crate::output;
pub(crate) use crate::output::write_stdout;
use crate::render;
use crate::settings::Settings;

/// What every command is handed: the run's settings (read through it as through a
/// `&Settings`), the API client, built on first use and then shared by every call of the run,
/// and the ways to write and to warn.
pub struct Context<'a> {
    settings: &'a Settings,
    client: OnceLock<Client>,
}

impl<'a> Context<'a> {
    pub fn new(settings: &'a Settings) -> Context<'a> {
        Context {
            settings,
            client: OnceLock::new(),
        }
    }

    /// The API client of the run; the credentials are resolved the first time only.
    pub fn client(&self) -> Result<&Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = client(self.settings)?;
        Ok(self.client.get_or_init(|| client))
    }

    /// `idenfy-cli: warning: …` on stderr, unless `--quiet`.
    pub fn warn(&self, message: &str) {
        warn(self.settings, message);
    }

    /// A document as the format asks, written to stdout (or the pager).
    pub fn show(&self, doc: &render::Doc) -> Result<()> {
        write_stdout(self.settings, &present(self.settings, doc))
    }
}

impl Deref for Context<'_> {
    type Target = Settings;

    fn deref(&self) -> &Settings {
        self.settings
    }
}

/// The response from the API for `scan_ref`, or read from `--input`, as it came.
pub(crate) fn fetch_document(
    settings: &Context<'_>,
    input: Option<&Path>,
    scan_ref: Option<&str>,
    endpoint: Endpoint,
) -> Result<Document> {
    match (input, scan_ref) {
        (Some(path), _) => read_input(settings, path),
        (None, Some(scan_ref)) => Ok(settings.client()?.fetch(endpoint, scan_ref)?),
        (None, None) => Err(Error::usage("give a scanRef or --input FILE")),
    }
}

/// A body decoded for tables, `what` naming it in errors (`/api/v2/status`, `--input x`).
/// Warns once about text it had to repair and keys sent twice; a body too large for any
/// table is exit 7, pointing to `--json`, which shows it as it came.
pub(crate) fn decoded(settings: &Settings, what: &str, document: &Document) -> Result<Decoded> {
    let decoded = document.decode().map_err(|err| not_decoded(what, err))?;
    warn_repairs(settings, decoded.repairs);
    warn_duplicates(settings, &decoded.duplicates);
    Ok(decoded)
}

/// Why a body could not be decoded for tables, `what` naming it; exit 7.
pub(crate) fn not_decoded(what: &str, err: DecodeError) -> Error {
    let error = Error::new(Exit::Api, format!("{what}: the response is {err}; refused"));
    match err {
        DecodeError::TooMany(_) => error.hint("--json prints it as it came"),
        _ => error,
    }
}

/// Says how many malformed pieces of text a response had, if any.
pub(crate) fn warn_repairs(settings: &Settings, repairs: usize) {
    if repairs > 0 {
        warn(
            settings,
            &format!(
                "the response had {} malformed text sequence(s) (invalid UTF-8 or a lone UTF-16 surrogate), shown as U+FFFD; --json shows them as sent",
                repairs
            ),
        );
    }
}

/// Names the keys a response sent twice in one object, if any.
fn warn_duplicates(settings: &Settings, duplicates: &[String]) {
    if !duplicates.is_empty() {
        let names: Vec<String> = duplicates.iter().map(|k| format!("`{k}`")).collect();
        warn(
            settings,
            &format!(
                "the response sent {} more than once; tables show the last value, --json shows every one",
                names.join(", ")
            ),
        );
    }
}

/// A body as JSON output: its bytes re-indented as they came, or, with `--redact`, masked.
pub(crate) fn print_json(settings: &Settings, what: &str, document: &Document) -> Result<()> {
    if settings.redact {
        let masked = crate::redact::body(&decoded(settings, what, document)?.body);
        return print_json_value(settings, &serde_json::Value::Object(masked));
    }
    let mut repairs = 0;
    output::write_json(settings, |out, pretty| {
        json::write(&document.bytes, out, pretty).map(|written| repairs = written.repairs)
    })?;
    // What could not be written as sent is said, as tables say it.
    if repairs > 0 {
        warn(
            settings,
            &format!(
                "{what}: {repairs} malformed text sequence(s) (invalid UTF-8) written as \\ufffd"
            ),
        );
    }
    Ok(())
}

/// A value this program made (a list, a report, a manifest) as JSON output.
pub(crate) fn print_json_value(settings: &Settings, value: &serde_json::Value) -> Result<()> {
    let bytes = serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
    output::write_json(settings, |out, pretty| {
        json::write(&bytes, out, pretty).map(|_| ())
    })
}

pub(crate) fn observer(settings: &Settings) -> Option<Arc<dyn Observer>> {
    if settings.verbose {
        Some(Arc::new(StderrTrace))
    } else {
        None
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
    model::check(bytes).map_err(|err| {
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
        let end = if cfg!(windows) {
            "Ctrl-Z, then Enter"
        } else {
            "Ctrl-D"
        };
        let _ = writeln!(
            io::stderr(),
            "idenfy-cli: reading {what} from stdin; end it with {end} (or give a file)"
        );
    }
    let read = if from_stdin {
        local_read::read_stdin(MAX_BYTES)
    } else {
        local_read::read_regular(path, MAX_BYTES)
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
    let markdown = settings.output.format == crate::settings::args::Format::Markdown;
    render::text(doc, settings.style(), markdown)
}

/// Ends a line a prompt left open on the terminal, so that what follows starts on its own.
pub(crate) fn end_line_on_stderr() {
    let _ = writeln!(io::stderr());
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
