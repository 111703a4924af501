//! `completions`, `man`, `help`: what the program says about itself. They print text, never data,
//! so the options that shape data (`--json`, `--format`, `--redact`) are usage errors there.

pub mod args;
pub mod completions;
pub mod manual;
pub mod topics;

use clap_complete::Shell;

use crate::context::Context;
use crate::context::write_stdout;
use crate::error::{Error, Result};
use crate::settings::args::GlobalArgs;
use args::HelpArgs;
use topics::MAX_WIDTH;

/// `completions SHELL`: the script for the command tree `tree`.
pub fn completions(
    settings: &Context<'_>,
    global: &GlobalArgs,
    shell: Shell,
    tree: clap::Command,
) -> Result<()> {
    refuse_data_options(global, "completions")?;
    write_stdout(settings, &completions::script(shell, tree))
}

/// `man`: the manual page of the command tree `tree`.
pub fn man(settings: &Context<'_>, global: &GlobalArgs, tree: clap::Command) -> Result<()> {
    refuse_data_options(global, "man")?;
    write_stdout(settings, &manual::page(tree))
}

/// `help`, `help COMMAND...`, `help environment`, `help exit-codes`; `long_help` gives the
/// help of a path of commands.
pub fn topic(
    settings: &Context<'_>,
    global: &GlobalArgs,
    args: &HelpArgs,
    long_help: impl Fn(&[&str], bool) -> Option<String>,
) -> Result<()> {
    refuse_data_options(global, "help")?;
    let width = settings.output.width.unwrap_or(MAX_WIDTH);
    let path: Vec<&str> = args.topic.iter().map(String::as_str).collect();
    let text = match path[..] {
        ["environment"] => topics::environment(width),
        ["exit-codes"] => topics::exit_codes(width),
        _ => long_help(&path, settings.output.color)
            .ok_or_else(|| Error::usage(format!("no help for `{}`", path.join(" "))))?,
    };
    write_stdout(settings, &with_final_newline(text))
}

/// The values `arg` accepts that completions and the manual offer; hidden ones are left out.
fn visible_values(arg: &clap::Arg) -> Vec<String> {
    arg.get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect()
}

fn with_final_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// `--json`, `--jq`, `--format` or `--redact` given to a command that prints no data: exit 2.
fn refuse_data_options(global: &GlobalArgs, command: &str) -> Result<()> {
    let given = [
        (global.json, "--json"),
        (global.jq.is_some(), "--jq"),
        (global.format.is_some(), "--format"),
        (global.redact, "--redact"),
    ];
    match given.iter().find(|(given, _)| *given) {
        Some((_, flag)) => Err(Error::usage(format!("{flag} has no meaning for {command}"))),
        None => Ok(()),
    }
}
