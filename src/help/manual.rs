//! The manual page of `idenfy-cli man`: clap_mangen's title, synopsis, description and
//! options, then every command (nested ones too) with its own options and examples, and
//! EXIT STATUS, ENVIRONMENT and FILES from the tables the program runs on.

use clap::{Arg, Command};
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use crate::help::topics::{self, Row};

/// One of clap_mangen's sections, written as roff.
type Section = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;

/// The page, as roff, for the command line `cmd` describes.
pub fn page(cmd: Command) -> String {
    let mut cmd = cmd;
    cmd.build();
    // The package version alone, not the commit: the page is checked in beside the source.
    let man = Man::new(cmd.clone().version(env!("CARGO_PKG_VERSION"))).title("IDENFY-CLI");
    let mut out = Vec::new();
    let header: [Section; 5] = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in header {
        // Writing to a Vec cannot fail.
        let _ = render(&man, &mut out);
    }
    let mut roff = Roff::new();
    credentials(&mut roff);
    commands(&mut roff, &cmd);
    table(&mut roff, "EXIT STATUS", &topics::exit_code_rows(), roman);
    table(&mut roff, "ENVIRONMENT", &topics::environment_rows(), bold);
    files(&mut roff);
    roff.control("SH", ["EXAMPLES"]);
    example_block(&mut roff, &super::topics::TOP_EXAMPLES);
    let _ = roff.to_writer(&mut out);
    let _ = man.render_version_section(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn credentials(roff: &mut Roff) {
    roff.control("SH", ["CREDENTIALS"]);
    roff.text([roman(super::topics::CREDENTIALS.join(" "))]);
}

/// A section per command, in the order of the help, nested commands after their parent.
fn commands(roff: &mut Roff, top: &Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in top.get_subcommands() {
        command_tree(roff, sub.get_name().to_string(), sub);
    }
}

fn command_tree(roff: &mut Roff, path: String, cmd: &Command) {
    command(roff, &path, cmd);
    // Under `help` are the commands again, and the topics, which have sections of their own.
    if path == "help" {
        return;
    }
    for sub in cmd.get_subcommands() {
        command_tree(roff, format!("{path} {}", sub.get_name()), sub);
    }
}

fn command(roff: &mut Roff, path: &str, cmd: &Command) {
    roff.control("SS", [format!("idenfy-cli {path}").as_str()]);
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let program = format!("idenfy-cli {path}");
    let rest = usage.strip_prefix(program.as_str()).unwrap_or(usage);
    roff.text([bold(program.as_str()), roman(rest)]);
    roff.control("PP", []);
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    let own: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|arg| !arg.is_global_set() && !arg.is_hide_set())
        .filter(|arg| !["help", "version"].contains(&arg.get_id().as_str()))
        .collect();
    for arg in own {
        option(roff, arg);
    }
    if let Some(after) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) {
        after_help(roff, &after.to_string());
    }
}

/// One argument: its flags or name and value, then its help and the values it takes.
fn option(roff: &mut Roff, arg: &Arg) {
    let value = arg
        .get_value_names()
        .map(|names| names.join(" "))
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    let mut header: Vec<Inline> = Vec::new();
    if let Some(short) = arg.get_short() {
        header.push(bold(format!("-{short}")));
        header.push(roman(", "));
    }
    match arg.get_long() {
        Some(long) => header.push(bold(format!("--{long}"))),
        None => header.push(italic(value.clone())),
    }
    if arg.get_long().is_some() && takes_value {
        let optional = arg.get_num_args().is_some_and(|n| n.min_values() == 0);
        let shown = if optional {
            format!(" [{value}]")
        } else {
            format!(" {value}")
        };
        header.push(italic(shown));
    }
    roff.control("TP", []);
    roff.text(header);
    let help = arg.get_long_help().or_else(|| arg.get_help());
    let mut body = help.map(|h| h.to_string()).unwrap_or_default();
    let values = super::visible_values(arg);
    if !values.is_empty() && takes_value {
        body.push_str(&format!(" [possible values: {}]", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && takes_value {
        body.push_str(&format!(" [default: {}]", defaults.join(",")));
    }
    roff.text([roman(body.trim())]);
}

/// The end of a command's help (`Examples:` and the like): each heading in bold, its lines
/// as they are, unfilled.
fn after_help(roff: &mut Roff, text: &str) {
    for part in text.split("\n\n") {
        let mut lines = part.lines();
        let Some(heading) = lines.next() else {
            continue;
        };
        roff.control("PP", []);
        roff.text([bold(heading)]);
        let lines: Vec<&str> = lines
            .map(|line| line.strip_prefix("  ").unwrap_or(line))
            .collect();
        example_block(roff, &lines);
    }
}

/// Lines kept as they are, indented: commands to copy.
fn example_block(roff: &mut Roff, lines: &[&str]) {
    roff.control("RS", ["4"]);
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(*line)]);
    }
    roff.control("fi", []);
    roff.control("RE", []);
}

/// A section of rows, each name in the `name` font, its meaning below.
fn table(roff: &mut Roff, title: &str, rows: &[Row], name: fn(String) -> Inline) {
    roff.control("SH", [title]);
    for row in rows {
        roff.control("TP", []);
        roff.text([name(row.names.clone())]);
        roff.text([roman(row.meaning)]);
    }
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([italic("$XDG_CONFIG_HOME/idenfy-cli/config.toml")]);
    roff.text([roman(
        "The config file: profiles with credentials, base_url, timeout, webhook_signing_key \
         and ca_file. Without XDG_CONFIG_HOME, ~/.config/idenfy-cli/config.toml; on macOS, \
         ~/Library/Application Support/idenfy-cli/config.toml; on Windows, \
         %APPDATA%\\idenfy-cli\\config.toml. --config or IDENFY_CONFIG \
         name another. idenfy-cli config path prints it, idenfy-cli config init writes it \
         (mode 0600 on Unix, never over an existing file).",
    )]);
    roff.control("TP", []);
    roff.text([italic("config.example.toml")]);
    roff.text([roman(
        "In the source tree: the commented template that idenfy-cli config init writes.",
    )]);
}
