//! The command line (clap derive): the program, its global options and its commands, each
//! command's arguments from its feature's folder. The doc comments are the help text.

mod help;

use clap::{FromArgMatches, Parser, Subcommand};

use crate::args::examples;
pub use crate::auth::args::AuthCommand;
pub use crate::case::args::CaseArgs;
pub use crate::cases::args::StatusArgs;
pub use crate::config::args::ConfigCommand;
pub use crate::download::args::FilesArgs;
pub use crate::help::args::HelpArgs;
pub use crate::lookup::args::{ExplainArgs, FindArgs, ResponseArgs};
pub use crate::pdf::args::PdfArgs;
pub use crate::samples::args::SamplesArgs;
pub use crate::settings::args::{ColorChoice, GlobalArgs};
pub use crate::webhook::args::WebhookCommand;
#[cfg(test)]
pub use help::parse_from;
use help::{after_top_help, completions_after_help};
pub use help::{command, completion_command, long_help, parse};

/// Look up iDenfy identity verifications: what was decided, why, what was read, and the files.
///
/// Each command calls each API endpoint it needs exactly once per scanRef: iDenfy restricts accounts
/// that poll.
#[derive(Debug, Parser)]
#[command(
    name = "idenfy-cli",
    bin_name = "idenfy-cli",
    version = env!("VERSION_WITH_COMMIT"),
    propagate_version = true,
    max_term_width = 100,
    disable_help_subcommand = true,
    after_help = after_top_help()
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Overall status, face and document results, tags, and a verdict in plain words; one row per case for several
    #[command(after_help = examples(&[
        "idenfy-cli status 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
        "idenfy-cli samples status-denied | idenfy-cli status --input -",
        "idenfy-cli status --from refs.txt --jobs 8",
        "idenfy-cli status \"$REF\" --json | jq -r .status",
    ]))]
    Status(StatusArgs),
    /// Every field read from the document, grouped, nulls visible
    #[command(after_help = examples(&[
        "idenfy-cli data 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
        "idenfy-cli samples data | idenfy-cli data --input - --redact",
        "idenfy-cli data \"$REF\" --json > \"$REF.data.json\"",
    ]))]
    Data(ResponseArgs),
    /// The photo, video and PDF links with their kind and expiry; --download saves them
    #[command(mut_arg("scan_ref", |arg| arg.required_unless_present_any(["input", "download"])))]
    #[command(after_help = examples(&[
        "idenfy-cli samples files | idenfy-cli files --input -",
        "idenfy-cli files \"$REF\" --download",
        "idenfy-cli files \"$REF\" --download evidence --only FRONT,FACE",
    ]))]
    Files(FilesArgs),
    /// One report for a support case: verdict, data and files (three calls, made at once); one row per case for several
    #[command(after_help = examples(&[
        "idenfy-cli case 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
        "idenfy-cli case \"$REF\" --redact --format markdown",
        "idenfy-cli case \"$REF\" --download",
        "idenfy-cli case --from refs.txt --jobs 8",
    ]))]
    Case(CaseArgs),
    /// The verifications of one of your clients: scanRef, status, suspected
    #[command(after_help = examples(&[
        "idenfy-cli find --client-id client-4471",
        "idenfy-cli find --client-id client-4471 --limit 10 --json",
    ]))]
    Find(FindArgs),
    /// iDenfy's own PDF report of a verification, saved as a file (one call)
    #[command(after_help = examples(&[
        "idenfy-cli pdf 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
        "idenfy-cli pdf \"$REF\" -o report.pdf --language lt",
        "idenfy-cli pdf \"$REF\" --no-photos",
    ]))]
    Pdf(PdfArgs),
    /// What a status, check result, tag or data value means, offline; --list shows them all
    #[command(after_help = examples(&[
        "idenfy-cli explain DOC_EXPIRED",
        "idenfy-cli explain face_mismatch",
        "idenfy-cli explain --list",
    ]))]
    Explain(ExplainArgs),
    /// Webhooks: receive, replay and sign deliveries; check a stored one against its signature and the API
    #[command(
        subcommand,
        disable_help_subcommand = true,
        after_help = examples(&[
            "idenfy-cli webhook verify body.json --signature \"$SIG\"",
            "idenfy-cli samples webhook | idenfy-cli webhook show",
            "idenfy-cli webhook diff body.json",
        ])
    )]
    Webhook(WebhookCommand),
    /// Show, locate or create the config file
    #[command(
        subcommand,
        disable_help_subcommand = true,
        after_help = examples(&[
            "idenfy-cli config init",
            "idenfy-cli config show",
            "idenfy-cli config path",
        ])
    )]
    Config(ConfigCommand),
    /// Keep API credentials in the system keyring, remove them, or see where each comes from
    #[command(
        subcommand,
        disable_help_subcommand = true,
        after_help = examples(&[
            "idenfy-cli auth login",
            "idenfy-cli auth status",
            "idenfy-cli auth logout --profile sandbox",
        ])
    )]
    Auth(AuthCommand),
    /// Sample responses to try the tool on, with no credentials: the list, or one printed
    #[command(after_help = examples(&[
        "idenfy-cli samples",
        "idenfy-cli samples status-denied | idenfy-cli status --input -",
        "idenfy-cli samples data -o data.json",
    ]))]
    Samples(SamplesArgs),
    /// Print a shell completion script
    #[command(after_help = completions_after_help())]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): every command, exit status, environment, files
    #[command(after_help = examples(&[
        "idenfy-cli man > ~/.local/share/man/man1/idenfy-cli.1",
        "idenfy-cli man | man -l -",
    ]))]
    Man,
    /// The help of a command, or a topic: environment, exit-codes
    #[command(after_help = examples(&[
        "idenfy-cli help webhook verify",
        "idenfy-cli help environment",
        "idenfy-cli help exit-codes",
    ]))]
    Help(HelpArgs),
}

#[cfg(test)]
mod tests;
