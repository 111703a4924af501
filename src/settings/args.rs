//! The options every command takes (clap derive): the first source of every setting.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// The heading global options are listed under in every command's help.
pub const GLOBAL_HEADING: &str = "Global options";

/// The options every command takes, before or after its name; listed under their own heading.
/// Those a command has no use for are hidden from its help and completions (see [`command`]).
#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_HEADING)]
pub struct GlobalArgs {
    /// Print the response as JSON (key order and values as the API sent them); short for --format json
    #[arg(long, global = true)]
    pub json: bool,

    /// Run a jq filter on the JSON output (implies --json); strings print raw, as jq -r does
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,

    /// Output format: table (for a terminal), json, or markdown (to paste into a ticket)
    #[arg(long, global = true, value_name = "FMT")]
    pub format: Option<Format>,

    /// Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Profile to use: a table of the config file, or credentials auth login keeps [env: IDENFY_PROFILE] [default: the file's default_profile, else "default"]
    #[arg(short, long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [env: IDENFY_CONFIG] [default: <config dir>/idenfy-cli/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// API root [env: IDENFY_BASE_URL] [default: https://ivs.idenfy.com]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Limit for one API call, connect to last byte, in seconds [env: IDENFY_TIMEOUT] [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<f64>,

    /// When to colour the output; auto colours only a terminal, and NO_COLOR / CLICOLOR_FORCE apply
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// When a shortened link is a clickable hyperlink to the whole URL (OSC 8); auto: only at a terminal known to show them
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub hyperlinks: ColorChoice,

    /// Trace each HTTP exchange on stderr (credentials and URL signatures redacted)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// No warnings and no progress output
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Mask personal data (names, numbers, dates of birth, addresses) and drop link signatures, in tables and JSON
    #[arg(long, global = true)]
    pub redact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and prose, fitted to the terminal
    Table,
    /// The response as JSON
    Json,
    /// Headings and Markdown tables, no colour
    Markdown,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Markdown => "markdown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(secs) if super::timeout::valid(secs) => Ok(secs),
        _ => Err(format!(
            "`{text}` is not allowed: the timeout is {}",
            super::timeout::ALLOWED
        )),
    }
}
