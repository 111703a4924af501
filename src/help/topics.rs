//! What the program says about itself beyond each command's help: the help topics, made
//! from the tables the program runs on (the environment variables it reads, its exit codes).

use crate::error::Exit;
use crate::render::columns::{self, GAP};
use crate::settings::VARIABLES;

/// The widest these tables are printed, whatever the terminal.
pub const MAX_WIDTH: usize = 80;

/// One row of a table: what is described (a variable, a code), and what it means.
pub struct Row {
    pub names: String,
    pub meaning: &'static str,
}

pub fn environment_rows() -> Vec<Row> {
    VARIABLES
        .iter()
        .map(|variable| Row {
            names: variable.names.join(", "),
            meaning: variable.meaning,
        })
        .collect()
}

pub fn exit_code_rows() -> Vec<Row> {
    Exit::ALL
        .iter()
        .map(|exit| Row {
            names: exit.code().to_string(),
            meaning: exit.meaning(),
        })
        .collect()
}

/// `help environment`, fitted to `width` columns (at most [`MAX_WIDTH`]).
pub fn environment(width: usize) -> String {
    let intro = "Environment variables idenfy-cli reads. A flag comes before its variable, and \
                 a variable before the config file's profile. An empty variable counts as unset, \
                 except IDENFY_PAGER and PAGER.\n\nThe API key and the secret each come from the \
                 first place that has it: IDENFY_API_KEY and IDENFY_API_SECRET; then the system \
                 keyring, where idenfy-cli auth login keeps them (the macOS Keychain, the Windows \
                 Credential Manager, the Secret Service on Linux); then the profile's \
                 api_secret_command (the secret only); then the profile's api_key and api_secret \
                 in the config file. idenfy-cli auth status shows where each comes from.";
    topic(intro, &environment_rows(), width)
}

/// `help exit-codes`, fitted to `width` columns (at most [`MAX_WIDTH`]).
pub fn exit_codes(width: usize) -> String {
    let intro = "Exit status of idenfy-cli. Every error is one line on stderr, starting with \
                 \"idenfy-cli: error:\", then lines starting with \"hint:\" that say what to do.";
    topic(intro, &exit_code_rows(), width)
}

/// Wrapping at spaces only: `idenfy-cli` is a name, never split at its hyphen.
fn words_only(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

fn topic(intro: &str, rows: &[Row], width: usize) -> String {
    let width = width.min(MAX_WIDTH);
    let mut text = textwrap::fill(intro, words_only(width));
    text.push_str("\n\n");
    text.push_str(&table(rows, width));
    text
}

/// Two columns: the names, then the meaning wrapped beside them. Names too long for their
/// column get a line of their own, the meaning starting under it.
fn table(rows: &[Row], width: usize) -> String {
    const INDENT: usize = 2;
    const MAX_NAMES: usize = 18;
    let column = rows
        .iter()
        .map(|row| row.names.chars().count())
        .filter(|len| *len <= MAX_NAMES)
        .max()
        .unwrap_or(0);
    let meaning_at = INDENT + column + GAP;
    let meaning_width = width.max(meaning_at + 20) - meaning_at;
    let mut text = String::new();
    let mut set: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let meaning = textwrap::wrap(row.meaning, words_only(meaning_width)).join("\n");
        if row.names.chars().count() <= column {
            set.push(vec![format!("{:<column$}", row.names), meaning]);
        } else {
            // The rows so far, then the long names alone, then the meaning under the column.
            text.push_str(&columns::set(None, std::mem::take(&mut set), INDENT));
            text.push_str(&columns::set(None, vec![vec![row.names.clone()]], INDENT));
            set.push(vec![" ".repeat(column), meaning]);
        }
    }
    text.push_str(&columns::set(None, set, INDENT));
    text
}

/// Where credentials come from, for the top-level help and the manual.
pub const CREDENTIALS: [&str; 4] = [
    "IDENFY_API_KEY and IDENFY_API_SECRET, else the system keyring (idenfy-cli auth login),",
    "else the profile's api_secret_command (the secret), else its api_key and api_secret in the",
    "config file; the profile: -p/--profile, else IDENFY_PROFILE, else the file's default_profile.",
    "No flag takes a secret. idenfy-cli auth status says where each comes from.",
];

/// The examples of the top-level help and the manual.
pub const TOP_EXAMPLES: [&str; 3] = [
    "idenfy-cli status 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
    "idenfy-cli samples status-denied | idenfy-cli status --input -",
    "idenfy-cli case \"$REF\" --redact --format markdown",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_eighty_columns_and_list_everything() {
        for width in [60, 80, 200] {
            let environment = environment(width);
            let exit_codes = exit_codes(width);
            for line in environment.lines().chain(exit_codes.lines()) {
                assert!(line.chars().count() <= width.min(80), "{width}: {line}");
            }
            for variable in VARIABLES.iter().flat_map(|v| v.names) {
                assert!(environment.contains(variable), "{variable}");
            }
            for exit in Exit::ALL {
                let row = format!("\n  {:<4}", exit.code());
                assert!(exit_codes.contains(&row), "{}", exit.code());
            }
        }
    }

    #[test]
    fn a_long_name_has_a_line_of_its_own() {
        let text = environment(80);
        let under = " ".repeat(22);
        assert!(
            text.contains(&format!("\n  HTTPS_PROXY, https_proxy\n{under}The proxy")),
            "{text}"
        );
        assert!(
            text.contains("\n  IDENFY_API_KEY      The API key;"),
            "{text}"
        );
    }
}
