//! idenfy-cli: look up iDenfy identity verifications from the terminal.
//!
//! `main` parses the arguments, runs the command, and is the only place that reports a
//! fatal error and picks the exit code.

mod api;
mod cli;
mod commands;
mod config_file;
mod download;
mod error;
mod model;
mod progress;
mod render;
mod settings;
mod trace;
mod urls;
mod vocab;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::error::{Error, Exit};

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return clap_exit(err),
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn report(err: &Error) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{err}");
    ExitCode::from(err.exit.code())
}

/// Help and version print as clap makes them; usage errors take the program's one-line form.
fn clap_exit(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(err.exit_code() as u8)
        }
        _ => report(&usage_error(&err.render().to_string())),
    }
}

/// Turns clap's rendered error into `idenfy-cli: error: …` with its tips and usage as hints.
fn usage_error(rendered: &str) -> Error {
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut err = Error::new(Exit::Usage, first.trim_start_matches("error: "));
    for line in lines {
        if let Some(tip) = line.strip_prefix("tip: ") {
            err = err.hint(tip);
        } else if let Some(usage) = line.strip_prefix("Usage: ") {
            err = err.hint(format!("usage: {usage}"));
        }
    }
    err.hint("see --help")
}
