//! Command-line definitions (clap derive). The doc comments are the help text.

mod help;
mod values;

use std::path::PathBuf;

use clap::builder::Styles;
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand};

pub use crate::settings::args::{ColorChoice, Format, GlobalArgs};
#[cfg(test)]
pub use help::parse_from;
pub use help::{CREDENTIALS, TOP_EXAMPLES, command, completion_command, long_help, parse};
use help::{after_top_help, completions_after_help, examples};
use values::{parse_client_id, parse_event_type, parse_scan_ref};

/// Look up iDenfy identity verifications: what was decided, why, what was read, and the files.
///
/// Each command calls each API endpoint it needs exactly once per scanRef: iDenfy restricts accounts
/// that poll.
#[derive(Debug, Parser)]
#[command(
    name = "idenfy-cli",
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
        "idenfy-cli status --input tests/fixtures/status-denied.json",
        "idenfy-cli status --from refs.txt --jobs 8",
        "idenfy-cli status \"$REF\" --json | jq -r .status",
    ]))]
    Status(StatusArgs),
    /// Every field read from the document, grouped, nulls visible
    #[command(after_help = examples(&[
        "idenfy-cli data 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
        "idenfy-cli data --input tests/fixtures/data.json --redact",
        "idenfy-cli data \"$REF\" --json > \"$REF.data.json\"",
    ]))]
    Data(ResponseArgs),
    /// The photo, video and PDF links with their kind and expiry; --download saves them
    #[command(mut_arg("scan_ref", |arg| arg.required_unless_present_any(["input", "download"])))]
    #[command(after_help = examples(&[
        "idenfy-cli files --input tests/fixtures/files.json",
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
            "idenfy-cli webhook show tests/fixtures/webhook.json",
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

/// `help [COMMAND]...`, `help environment`, `help exit-codes`: the words after `help`.
///
/// `help` has a subcommand for each command (nested like them) and each topic, so that the
/// shells complete them; [`command`] adds them, as it sees the whole tree. The words given
/// are the path of subcommands clap matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpArgs {
    pub topic: Vec<String>,
}

impl FromArgMatches for HelpArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut topic = Vec::new();
        let mut current = matches;
        while let Some((name, inner)) = current.subcommand() {
            topic.push(name.to_string());
            current = inner;
        }
        Ok(HelpArgs { topic })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = HelpArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for HelpArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.subcommand_value_name("TOPIC")
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        HelpArgs::augment_args(cmd)
    }
}

#[derive(Debug, Args)]
pub struct ResponseArgs {
    /// The verification's scanRef (letters, digits, '-' and '_'; at most 40)
    #[arg(value_name = "SCAN_REF", required_unless_present = "input", value_parser = parse_scan_ref)]
    pub scan_ref: Option<String>,

    /// Render a saved response from FILE ('-' for stdin) instead of calling the API; needs no credentials
    #[arg(long, value_name = "FILE", conflicts_with = "scan_ref")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FilesArgs {
    #[command(flatten)]
    pub response: ResponseArgs,

    #[command(flatten)]
    pub download: DownloadArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DownloadArgs {
    /// Save every file into DIR [default: ./<SCAN_REF>], checksums in DIR/manifest.json
    #[arg(long, value_name = "DIR")]
    pub download: Option<Option<PathBuf>>,

    /// Save only these file keys (comma-separated, any case), e.g. --only FRONT,FACE
    #[arg(
        long,
        value_name = "KEY,KEY",
        value_delimiter = ',',
        requires = "download"
    )]
    pub only: Vec<String>,

    /// Replace files that already exist in DIR (they are kept otherwise)
    #[arg(long, requires = "download")]
    pub force: bool,

    /// How many files to fetch at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub jobs: u16,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The verification's scanRef (letters, digits, '-' and '_'; at most 40); several give one row each
    #[arg(value_name = "SCAN_REF", required_unless_present_any = ["input", "from"], value_parser = parse_scan_ref)]
    pub scan_refs: Vec<String>,

    /// Render a saved response from FILE ('-' for stdin) instead of calling the API; needs no credentials
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scan_refs", "from"])]
    pub input: Option<PathBuf>,

    /// Read the scanRefs from FILE ('-' for stdin), one per line; '#' starts a comment
    #[arg(long, value_name = "FILE", conflicts_with = "scan_refs")]
    pub from: Option<PathBuf>,

    /// How many scanRefs to look up at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub jobs: u16,
}

#[derive(Debug, Args)]
#[command(mut_arg("jobs", |jobs| jobs.help("How many scanRefs to look up at once; with --download or --save, how many files to fetch at once")))]
#[command(group(clap::ArgGroup::new("saving").args(["download", "save"])))]
#[command(mut_arg("force", |force| force.requires(clap::builder::Resettable::<clap::Id>::Reset).requires("saving")))]
#[command(mut_arg("only", |only| only.requires(clap::builder::Resettable::<clap::Id>::Reset).requires("saving")))]
pub struct CaseArgs {
    /// The verification's scanRef (letters, digits, '-' and '_'; at most 40); several give one row each
    #[arg(value_name = "SCAN_REF", required_unless_present_any = ["from", "input"], value_parser = parse_scan_ref)]
    pub scan_refs: Vec<String>,

    /// Read the scanRefs from FILE ('-' for stdin), one per line; '#' starts a comment
    #[arg(long, value_name = "FILE", conflicts_with = "scan_refs")]
    pub from: Option<PathBuf>,

    #[command(flatten)]
    pub download: DownloadArgs,

    /// Save the case file into DIR [default: ./<SCAN_REF>]: the three responses as received, every file, report.html, checksums (manifest.json, SHA256SUMS)
    #[arg(long, value_name = "DIR")]
    pub save: Option<Option<PathBuf>>,

    /// Show the case file saved (with --save) in DIR again, offline; needs no credentials
    #[arg(long, value_name = "DIR", conflicts_with_all = ["scan_refs", "from", "saving"])]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FindArgs {
    /// Your client ID, as given when the verifications were created
    #[arg(long, value_name = "ID", value_parser = parse_client_id)]
    pub client_id: String,

    /// Stop after this many results (pages are fetched only as needed)
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, in any case (e.g. DOC_GLARED, face_mismatch, SUSPECTED)
    #[arg(value_name = "CODE")]
    pub code: Option<String>,

    /// List every known code, grouped by category
    #[arg(long, conflicts_with = "code")]
    pub list: bool,
}

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Whether --signature is the HMAC-SHA256 of FILE's exact bytes (stdin without FILE)
    #[command(after_help = examples(&[
        "idenfy-cli webhook verify body.json --signature \"$SIG\"",
        "idenfy-cli webhook verify --signature \"$SIG\" < body.json",
        "idenfy-cli webhook verify body.json --signature \"$SIG\" --json",
    ]))]
    Verify {
        /// The stored body, exactly as received ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The Idenfy-Signature header's value (hex)
        #[arg(long, value_name = "HEX")]
        signature: String,
    },
    /// Render a stored payload like status, data and files, offline
    #[command(after_help = examples(&[
        "idenfy-cli webhook show tests/fixtures/webhook.json",
        "idenfy-cli webhook show tests/fixtures/webhook.json --redact --format markdown",
        "idenfy-cli webhook show < body.json",
    ]))]
    Show {
        /// The stored payload ('-' or nothing for stdin); a `webhook listen` capture shows its event type and signature too
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The Idenfy-Event-Type the payload came with (e.g. IDENTIFICATION_MANUAL_FINISHED)
        #[arg(long, value_name = "TYPE", value_parser = parse_event_type)]
        event_type: Option<String>,
    },
    /// Compare a stored payload with what the API answers now (status, data, files)
    #[command(after_help = examples(&[
        "idenfy-cli webhook diff body.json",
        "idenfy-cli webhook diff body.json --json | jq '.[].path'",
    ]))]
    Diff {
        /// The stored payload ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each
    #[command(after_help = examples(&[
        "idenfy-cli webhook listen",
        "idenfy-cli webhook listen --port 9000 --dir captures",
        "idenfy-cli webhook listen --forward http://127.0.0.1:3000/hooks",
        "idenfy-cli webhook listen --json | jq -r .scanRef",
    ]))]
    Listen {
        /// The address to listen on; another than loopback makes the receiver reachable from the network
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port to listen on (0: any free port, named on stderr)
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
        /// Where deliveries are saved (created with mode 0700)
        #[arg(long, value_name = "DIR", default_value = "webhooks")]
        dir: PathBuf,
        /// Also pass each delivery on to URL (https, or http to this machine), exactly its bytes and headers
        #[arg(long, value_name = "URL")]
        forward: Option<String>,
    },
    /// POST a stored body to your own endpoint, exactly its bytes, freshly signed; once, no retry
    #[command(after_help = examples(&[
        "idenfy-cli webhook send body.json --to http://127.0.0.1:3000/hooks",
        "idenfy-cli webhook send a.json --to \"$URL\" --event-type DOCUMENT_EXPIRATION",
    ]))]
    Send {
        /// The stored body ('-' for stdin)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Your endpoint (https, or http to this machine); never an iDenfy host
        #[arg(long, value_name = "URL")]
        to: String,
        /// The Idenfy-Event-Type header to send
        #[arg(long, value_name = "TYPE", default_value = "IDENTIFICATION", value_parser = parse_event_type)]
        event_type: String,
    },
    /// Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE's exact bytes (stdin without FILE)
    #[command(after_help = examples(&[
        "idenfy-cli webhook sign body.json",
        "idenfy-cli webhook sign < body.json",
    ]))]
    Sign {
        /// The body ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Each resolved setting with where it came from (secrets redacted)
    #[command(after_help = examples(&[
        "idenfy-cli config show",
        "idenfy-cli config show --profile sandbox",
        "idenfy-cli config show --json",
    ]))]
    Show,
    /// Print the config file's path
    #[command(after_help = examples(&[
        "idenfy-cli config path",
        "idenfy-cli config path --config ./team.toml",
    ]))]
    Path,
    /// Write a commented config template (mode 0600); never overwrites
    #[command(after_help = examples(&[
        "idenfy-cli config init",
        "idenfy-cli config init --config ./team.toml",
    ]))]
    Init,
}

#[cfg(test)]
mod tests;
