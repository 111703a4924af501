//! Shell completion scripts, as clap_complete writes them, put right where its bash and fish
//! scripts fall short: every change to a generated script is made here, and each says why.

use clap::Command;
use clap_complete::Shell;

/// The program's name, as typed at a prompt.
const PROGRAM: &str = "idenfy-cli";

/// The name the bash script is generated for: [`PROGRAM`] without its `-`.
///
/// clap_complete's bash generator spells the program's name two ways when it has a `-`: the
/// states that track which subcommand was typed become `idenfy__cli__subcmd__webhook`, while
/// the branches that offer that subcommand's words expect `idenfy__subcmd__cli__subcmd__webhook`.
/// No branch ever matches, so bash offers nothing after a subcommand but file names. A name
/// without `-` is spelt one way everywhere; only the lines that register the function must
/// then name the program as people type it.
const BASH_NAME: &str = "idenfy_cli";

/// The completion script for `shell`, for the command line `cmd` describes.
pub fn script(shell: Shell, mut cmd: Command) -> String {
    match shell {
        Shell::Bash => registered_for_program(&generate(shell, &mut cmd, BASH_NAME)),
        Shell::Fish => {
            let script = generate(shell, &mut cmd, PROGRAM);
            let mut script = fish_value_after_first_option(&script);
            script.push_str(&fish_positional_values(&cmd));
            script
        }
        _ => generate(shell, &mut cmd, PROGRAM),
    }
}

fn generate(shell: Shell, cmd: &mut Command, bin_name: &str) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, cmd, bin_name, &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// The bash script with its `complete -F _idenfy_cli … idenfy_cli` lines naming the program:
/// the function keeps its name, the command it completes becomes `idenfy-cli`.
fn registered_for_program(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    for line in script.split_inclusive('\n') {
        let (text, end) = match line.strip_suffix('\n') {
            Some(text) => (text, "\n"),
            None => (line, ""),
        };
        let registers = text.trim_start().starts_with("complete -F ");
        match text.strip_suffix(BASH_NAME) {
            Some(head) if registers && head.ends_with(' ') => {
                out.push_str(head);
                out.push_str(PROGRAM);
            }
            _ => out.push_str(text),
        }
        out.push_str(end);
    }
    out
}

/// How clap_complete's fish script learns whether a subcommand was typed yet: the words
/// so far, read with the options that come before one.
pub(crate) const FISH_READ_WORDS: &str =
    "    argparse -s (__fish_idenfy_cli_global_optspecs) -- $cmd 2>/dev/null\n";

/// The fish script with its test "no subcommand yet" passing while the last word is an option
/// that waits for its value (`idenfy-cli --color <Tab>`).
///
/// clap_complete's fish script reads the words typed so far with `argparse`, which fails on
/// an option that has no value yet; the test then says "not at the top level", and the
/// option's values (`auto always never`) are never offered. Read again without the last word
/// when the first reading fails.
fn fish_value_after_first_option(script: &str) -> String {
    let retry =
        "    or argparse -s (__fish_idenfy_cli_global_optspecs) -- $cmd[1..-2] 2>/dev/null\n";
    script.replacen(FISH_READ_WORDS, &format!("{FISH_READ_WORDS}{retry}"), 1)
}

/// Fish lines offering the values of arguments that take a fixed set (`completions <SHELL>`):
/// clap_complete's fish generator completes options only, never positional arguments.
fn fish_positional_values(cmd: &Command) -> String {
    let mut lines = String::new();
    for sub in cmd.get_subcommands() {
        let nested: Vec<&str> = sub.get_subcommands().map(Command::get_name).collect();
        let condition = if nested.is_empty() {
            format!("__fish_idenfy_cli_using_subcommand {}", sub.get_name())
        } else {
            format!(
                "__fish_idenfy_cli_using_subcommand {}; and not __fish_seen_subcommand_from {}",
                sub.get_name(),
                nested.join(" ")
            )
        };
        fish_values_of(sub, &condition, &mut lines);
        for inner in sub.get_subcommands() {
            let condition = format!(
                "__fish_idenfy_cli_using_subcommand {}; and __fish_seen_subcommand_from {}",
                sub.get_name(),
                inner.get_name()
            );
            fish_values_of(inner, &condition, &mut lines);
        }
    }
    lines
}

fn fish_values_of(cmd: &Command, condition: &str, lines: &mut String) {
    for arg in cmd.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let values = super::visible_values(arg);
        if !values.is_empty() {
            lines.push_str(&format!(
                "complete -c {PROGRAM} -n \"{condition}\" -f -a \"{}\"\n",
                values.join(" ")
            ));
        }
    }
}
