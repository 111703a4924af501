//! idenfy-cli: look up iDenfy identity verifications from the terminal.
//!
//! `main` parses the arguments, runs the command, and is the only place that reports a
//! fatal error and picks the exit code.

mod api;
mod batch;
mod cli;
mod commands;
mod config_file;
mod diagnosis;
mod download;
mod error;
mod local_read;
mod model;
mod private_fs;
mod progress;
mod redact;
mod render;
mod secret;
mod settings;
mod text;
mod trace;
mod urls;
mod vocab;
mod webhook;

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
        Ok(()) => ExitCode::from(Exit::Success.code()),
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
    let mut message = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string();
    let mut hints = Vec::new();
    for line in lines {
        if let Some(tip) = line.strip_prefix("tip: ") {
            hints.push(tip.to_string());
        } else if let Some(usage) = line.strip_prefix("Usage: ") {
            hints.push(format!("usage: {usage}"));
        } else if !line.starts_with("For more information") {
            // What is missing or wrong, listed on lines of its own: keep it on the one line.
            message.push(' ');
            message.push_str(line);
        }
    }
    let mut err = Error::new(Exit::Usage, message);
    for hint in hints {
        err = err.hint(hint);
    }
    err.hint("see --help")
}
