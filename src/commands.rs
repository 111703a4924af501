//! Runs one parsed command: resolve settings, get the response (API or `--input`), render it,
//! write it. The only module besides `main` that writes to stdout or stderr.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;

use clap::CommandFactory;

use crate::api::{Client, Endpoint, Exchange, MAX_BODY_BYTES, Observer};
use crate::cli::{Cli, Command, ConfigCommand, ResponseArgs};
use crate::config_file::{self, io_reason};
use crate::error::{Error, Exit, Result};
use crate::model::{self, DecodeError, Document};
use crate::render::{self, Style};
use crate::settings::Settings;

pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::from_process(&cli.global)?;
    match &cli.command {
        Command::Status(args) => show_response(&settings, args, Endpoint::Status),
        Command::Data(args) => show_response(&settings, args, Endpoint::Data),
        Command::Files(args) => show_response(&settings, args, Endpoint::Files),
        Command::Config(command) => config(&settings, command),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "idenfy-cli", &mut script);
            write_stdout(&String::from_utf8_lossy(&script))
        }
    }
}

fn show_response(settings: &Settings, args: &ResponseArgs, endpoint: Endpoint) -> Result<()> {
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
    let style = Style {
        color: settings.color,
    };
    let text = if settings.json {
        render::json(&document.body)
    } else {
        match endpoint {
            Endpoint::Status => render::status::render(&document.body, style),
            Endpoint::Data => render::data::render(&document.body, style),
            Endpoint::Files => render::files::render(&document.body, style, settings.now),
        }
    };
    write_stdout(&text)
}

fn client(settings: &Settings) -> Result<Client> {
    let (connection, warning) = settings.connection()?;
    if let Some(warning) = warning {
        warn(settings, &warning);
    }
    let observer: Option<Arc<dyn Observer>> = match settings.verbose {
        true => Some(Arc::new(StderrTrace)),
        false => None,
    };
    Client::new(connection, observer)
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
        let what = match err {
            DecodeError::NotJson(err) => format!("is not JSON ({err})"),
            DecodeError::NotObject(kind) => format!("is {kind}, not a JSON object"),
        };
        Error::new(Exit::Api, format!("--input {name} {what}"))
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
            Exit::Api,
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
