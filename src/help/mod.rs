//! `completions`, `man`, `help`: what the program says about itself. They print text, never data,
//! so the options that shape data (`--json`, `--format`, `--redact`) are usage errors there.

pub mod completions;
pub mod manual;
pub mod topics;

use clap_complete::Shell;

use crate::cli::{self, Cli, Command, HelpArgs};
use crate::context::Context;
use crate::context::write_stdout;
use crate::error::{Error, Result};
use topics::MAX_WIDTH;

pub fn completions(settings: &Context<'_>, cli: &Cli, shell: Shell) -> Result<()> {
    refuse_data_options(cli)?;
    write_stdout(
        settings,
        &completions::script(shell, cli::completion_command()),
    )
}

pub fn man(settings: &Context<'_>, cli: &Cli) -> Result<()> {
    refuse_data_options(cli)?;
    write_stdout(settings, &manual::page(cli::command()))
}

/// `help`, `help COMMAND...`, `help environment`, `help exit-codes`.
pub fn topic(settings: &Context<'_>, cli: &Cli, args: &HelpArgs) -> Result<()> {
    refuse_data_options(cli)?;
    let width = settings.output.width.unwrap_or(MAX_WIDTH);
    let path: Vec<&str> = args.topic.iter().map(String::as_str).collect();
    let text = match path[..] {
        ["environment"] => topics::environment(width),
        ["exit-codes"] => topics::exit_codes(width),
        _ => cli::long_help(&path, settings.output.color)
            .ok_or_else(|| Error::usage(format!("no help for `{}`", path.join(" "))))?,
    };
    write_stdout(settings, &with_final_newline(text))
}

fn with_final_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// `--json`, `--format` or `--redact` given to a command that prints no data: exit 2.
fn refuse_data_options(cli: &Cli) -> Result<()> {
    let global = &cli.global;
    let given = [
        (global.json, "--json"),
        (global.format.is_some(), "--format"),
        (global.redact, "--redact"),
    ];
    match given.iter().find(|(given, _)| *given) {
        Some((_, flag)) => Err(Error::usage(format!(
            "{flag} has no meaning for {}",
            command_name(&cli.command)
        ))),
        None => Ok(()),
    }
}

fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Help(_) => "help",
        _ => "this command",
    }
}
