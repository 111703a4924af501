//! idenfy-cli: look up iDenfy identity verifications from the terminal.
//!
//! `main` parses the arguments, builds the settings, runs the command, and is the only place
//! that reports a fatal error and picks the exit code.

// `if`, not `match` on a bool: clippy keeps it so.
#![warn(clippy::match_bool)]

// The shared base: imports no feature (a test in `app` keeps it so).
mod api;
mod args;
mod context;
mod credential_store;
mod diagnosis;
mod error;
mod escape;
mod interrupt;
mod jq;
mod json;
mod local_read;
mod model;
mod net;
mod output;
mod platform;
mod pool;
mod private_fs;
mod redact;
mod render;
mod secret;
mod settings;
mod text;
mod verdict;
mod vocab;

// The features: one folder each, over the base.
mod auth;
mod case;
mod cases;
mod config;
mod download;
mod help;
mod lookup;
mod pdf;
mod samples;
mod webhook;

// The command line: its definitions, and the dispatch to the features.
mod app;
mod cli;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use clap::error::ErrorKind;

use crate::cli::ColorChoice;
use crate::error::{Error, Exit};
use crate::settings::Settings;

fn main() -> ExitCode {
    // Before anything reads a secret: no core file may hold one.
    platform::no_core_dumps();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(err) => return clap_exit(err),
    };
    let settings = match Settings::from_process(&cli.global) {
        Ok(settings) => settings,
        Err(err) => return report(&err, settings::stderr_color(cli.global.color)),
    };
    match app::run(&context::Context::new(&settings), &cli) {
        Ok(()) => ExitCode::from(Exit::Success.code()),
        Err(err) => report(&err, settings.output.stderr_color),
    }
}

fn report(err: &Error, color: bool) -> ExitCode {
    if !err.is_silent() {
        let _ = writeln!(std::io::stderr(), "{}", err.to_stderr(color));
    }
    ExitCode::from(err.exit.code())
}

/// Help and version print as clap makes them; usage errors take the program's one-line form.
fn clap_exit(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => match err.print() {
            Ok(()) => ExitCode::from(err.exit_code() as u8),
            Err(written) if written.kind() == std::io::ErrorKind::BrokenPipe => {
                ExitCode::from(Exit::Success.code())
            }
            // Help or the version to a full disk: exit 74, as any output that fails.
            Err(written) => {
                let color = settings::stderr_color(color_flag(std::env::args_os().skip(1)));
                report(&output::not_written(written), color)
            }
        },
        _ => {
            let color = settings::stderr_color(color_flag(std::env::args_os().skip(1)));
            report(&usage_error(&err.render().to_string()), color)
        }
    }
}

/// `--color WHEN` (or `--color=WHEN`) read from arguments that clap refused; the last valid
/// one counts, and `auto` when there is none.
fn color_flag(args: impl IntoIterator<Item = OsString>) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--color") => args.next(),
            Some(other) => other.strip_prefix("--color=").map(OsString::from),
            None => None,
        };
        if let Some(parsed) = value
            .as_ref()
            .and_then(|value| value.to_str())
            .and_then(|value| ColorChoice::from_str(value, false).ok())
        {
            choice = parsed;
        }
    }
    choice
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

#[cfg(test)]
mod tests {
    use super::*;

    fn color(args: &[&str]) -> ColorChoice {
        color_flag(args.iter().map(OsString::from))
    }

    #[test]
    fn color_flag_is_read_from_arguments_clap_refused() {
        assert_eq!(color(&["status", "--bogus"]), ColorChoice::Auto);
        assert_eq!(
            color(&["--color", "always", "--bogus"]),
            ColorChoice::Always
        );
        assert_eq!(color(&["--bogus", "--color=never"]), ColorChoice::Never);
        assert_eq!(color(&["--color", "sometimes"]), ColorChoice::Auto);
        assert_eq!(
            color(&["--color=never", "--color", "always"]),
            ColorChoice::Always
        );
        assert_eq!(color(&["--", "--color", "always"]), ColorChoice::Auto);
        assert_eq!(color(&["--color"]), ColorChoice::Auto);
    }
}
