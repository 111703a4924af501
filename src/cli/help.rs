//! How the command tree is shown: global options under their own heading and only where
//! they mean something, examples after each command's help, and the help topics.

use clap::{Arg, CommandFactory};

use super::*;
use crate::help::topics::{CREDENTIALS, TOP_EXAMPLES};

/// The connection options: where the API is, how long to wait, with which profile's
/// credentials, and tracing the exchanges.
const CONNECTION: [&str; 5] = ["profile", "config", "base_url", "timeout", "verbose"];

/// What a command that prints text about the program, never data, has no use for: the
/// connection options and those that shape data.
const NOT_FOR_TEXT: [&str; 9] = [
    "profile", "config", "base_url", "timeout", "verbose", "json", "jq", "format", "redact",
];

/// The global options each command has no use for, by the path of its name: hidden from its
/// help and its completions, still accepted (an alias that adds `--profile` to every command
/// keeps working, and `--redact` has nothing to mask in `explain` or `config`). The commands
/// that print no data (`completions`, `man`, `help`) refuse `--json`, `--format` and
/// `--redact` when they run.
pub(super) const UNUSED_GLOBALS: &[(&[&str], &[&str])] = &[
    (
        &["explain"],
        &[
            "profile", "config", "base_url", "timeout", "verbose", "redact",
        ],
    ),
    (&["webhook", "show"], &CONNECTION),
    (
        &["webhook", "listen"],
        &["base_url", "timeout", "verbose", "redact", "format", "jq"],
    ),
    (&["webhook", "send"], &["base_url", "redact", "format"]),
    (
        &["webhook", "sign"],
        &["base_url", "timeout", "verbose", "redact", "format"],
    ),
    (
        &["webhook", "verify"],
        &["base_url", "timeout", "verbose", "redact"],
    ),
    (&["config", "show"], &["verbose", "redact"]),
    (
        &["config", "path"],
        &["profile", "base_url", "timeout", "verbose", "redact"],
    ),
    (
        &["config", "init"],
        &["profile", "base_url", "timeout", "verbose", "redact"],
    ),
    (&["completions"], &NOT_FOR_TEXT),
    (&["man"], &NOT_FOR_TEXT),
    (&["help"], &NOT_FOR_TEXT),
];

/// The whole command line: [`Cli`]'s definitions, with each global option hidden where it
/// does nothing, and `help`'s subcommands. Parsing, help, completions and the manual all use it.
pub fn command() -> clap::Command {
    with_help_topics(hide_unused_globals(Cli::command()))
}

/// The whole command line as the completion scripts see it: each command holds, as options of
/// its own, only the global options it has a use for. clap_complete's scripts offer hidden
/// options too, so hiding them (as [`command`] does) would not keep them out; this tree is
/// only ever given to clap_complete, never used to parse.
pub fn completion_command() -> clap::Command {
    let cmd = Cli::command();
    let globals: Vec<Arg> = cmd
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.clone().global(false))
        .collect();
    let cmd = cmd.mut_args(|arg| arg.global(false));
    with_help_topics(with_used_globals(cmd, &[], &globals))
}

/// Gives each subcommand of `cmd` (at `path`), and theirs, the `globals` it has a use for.
fn with_used_globals(cmd: clap::Command, path: &[&str], globals: &[Arg]) -> clap::Command {
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let mut inner: Vec<&str> = path.to_vec();
        inner.push(&name);
        let used: Vec<Arg> = globals
            .iter()
            .filter(|arg| !unused_globals(&inner).contains(&arg.get_id().as_str()))
            .cloned()
            .collect();
        with_used_globals(sub.args(used), &inner, globals)
    })
}

/// The global options the command at `path` has no use for: those of [`UNUSED_GLOBALS`] for
/// it and for the commands it is nested in, as clap hands hidden options down.
fn unused_globals(path: &[&str]) -> Vec<&'static str> {
    UNUSED_GLOBALS
        .iter()
        .filter(|(entry, _)| path.starts_with(entry))
        .flat_map(|(_, unused)| unused.iter().copied())
        .collect()
}

/// Parses the process's arguments with [`command`].
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
}

pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut command()))
}

/// The long help (`--help`) of the command at `path` (the top level for none), or `None`
/// when there is no such command; with the styles of a terminal when `color`.
pub fn long_help(path: &[&str], color: bool) -> Option<String> {
    let mut cmd = command();
    cmd.build();
    let mut current = &mut cmd;
    for name in path {
        current = current.find_subcommand_mut(name)?;
    }
    let help = current.render_long_help();
    Some(if color {
        help.ansi().to_string()
    } else {
        help.to_string()
    })
}

/// Adds, to each command in [`UNUSED_GLOBALS`], hidden copies of the global options it has no
/// use for. clap gives a subcommand the parent's global options only where it has none of the
/// same name, so the hidden copy is the one it keeps; it still parses into [`GlobalArgs`].
fn hide_unused_globals(mut cmd: clap::Command) -> clap::Command {
    let globals: Vec<Arg> = cmd
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .cloned()
        .collect();
    for (path, unused) in UNUSED_GLOBALS {
        let hidden: Vec<Arg> = globals
            .iter()
            .filter(|arg| unused.contains(&arg.get_id().as_str()))
            .map(|arg| arg.clone().hide(true))
            .collect();
        cmd = at_path(cmd, path, &|sub| sub.args(hidden.clone()));
    }
    cmd
}

/// `cmd` with `change` made to its subcommand at `path`; the order of subcommands is kept.
fn at_path(
    cmd: clap::Command,
    path: &[&str],
    change: &dyn Fn(clap::Command) -> clap::Command,
) -> clap::Command {
    match path {
        [] => change(cmd),
        [first, rest @ ..] => cmd.mut_subcommands(|sub| {
            if sub.get_name() == *first {
                at_path(sub, rest, change)
            } else {
                sub
            }
        }),
    }
}

/// Gives `help` a subcommand for each command, nested like them, and one for each topic.
fn with_help_topics(cmd: clap::Command) -> clap::Command {
    let mut topics: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
        .map(help_entry)
        .collect();
    for (name, about) in TOPICS {
        topics.push(help_leaf(clap::Command::new(name).about(about)));
    }
    at_path(cmd, &["help"], &|help| help.subcommands(topics.clone()))
}

/// A command's name and summary, and its subcommands', under `help`.
fn help_entry(cmd: &clap::Command) -> clap::Command {
    let mut entry = clap::Command::new(cmd.get_name().to_string())
        .subcommands(cmd.get_subcommands().map(help_entry));
    if let Some(about) = cmd.get_about() {
        entry = entry.about(about.clone());
    }
    help_leaf(entry)
}

fn help_leaf(cmd: clap::Command) -> clap::Command {
    cmd.disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
}

/// The end of the top-level help: where credentials come from, where more help is, examples.
pub(super) fn after_top_help() -> String {
    [
        crate::args::section("Credentials", &CREDENTIALS),
        crate::args::section(
            "More help",
            &[
                "idenfy-cli help <COMMAND>...   the help of a command, as --help",
                "idenfy-cli help environment    the environment variables read",
                "idenfy-cli help exit-codes     what each exit status means",
                "idenfy-cli man                 the manual page: all of it, in one",
            ],
        ),
        examples(&TOP_EXAMPLES),
    ]
    .join("\n\n")
}

/// Where each shell looks for the script, then examples.
pub(super) fn completions_after_help() -> String {
    [
        crate::args::section(
            "Where each shell looks for it",
            &[
                "bash        ~/.local/share/bash-completion/completions/idenfy-cli",
                "zsh         _idenfy-cli in a folder of $fpath, e.g. ~/.zfunc with",
                "            fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc",
                "fish        ~/.config/fish/completions/idenfy-cli.fish",
                "powershell  any file, dot-sourced from $PROFILE: . ~/idenfy-cli.ps1",
                "elvish      any file, sourced from ~/.config/elvish/rc.elv:",
                "            eval (slurp < ~/.config/elvish/idenfy-cli.elv)",
            ],
        ),
        examples(&[
            "idenfy-cli completions bash > ~/.local/share/bash-completion/completions/idenfy-cli",
            "idenfy-cli completions zsh > ~/.zfunc/_idenfy-cli",
            "idenfy-cli completions fish > ~/.config/fish/completions/idenfy-cli.fish",
        ]),
    ]
    .join("\n\n")
}

/// The topics of `idenfy-cli help TOPIC`, besides the commands, and what each shows.
pub const TOPICS: [(&str, &str); 2] = [
    ("environment", "The environment variables idenfy-cli reads"),
    ("exit-codes", "What each exit status means"),
];
