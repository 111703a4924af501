//! Command-line definitions (clap derive). The doc comments are the help text.

use std::path::PathBuf;

use clap::builder::Styles;
use clap::{Arg, ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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

/// The options every command takes, before or after its name; listed under their own heading.
/// Those a command has no use for are hidden from its help and completions (see [`command`]).
#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_HEADING)]
pub struct GlobalArgs {
    /// Print the response as JSON (key order and values as the API sent them); short for --format json
    #[arg(long, global = true)]
    pub json: bool,

    /// Output format: table (for a terminal), json, or markdown (to paste into a ticket)
    #[arg(long, global = true, value_name = "FMT")]
    pub format: Option<Format>,

    /// Never send long output through a pager [env: IDENFY_PAGER, PAGER] [default: less -FRX]
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Profile of the config file to use [env: IDENFY_PROFILE] [default: the file's default_profile, else "default"]
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
        "idenfy-cli webhook send body.json --to \"$HOOK_URL\" --event-type IDENTIFICATION_EXPIRED",
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

/// The heading global options are listed under, apart from a command's own.
pub const GLOBAL_HEADING: &str = "Global options";

/// The connection options: where the API is, how long to wait, with which profile's
/// credentials, and tracing the exchanges.
const CONNECTION: [&str; 5] = ["profile", "config", "base_url", "timeout", "verbose"];

/// What a command that prints text about the program, never data, has no use for: the
/// connection options and those that shape data.
const NOT_FOR_TEXT: [&str; 8] = [
    "profile", "config", "base_url", "timeout", "verbose", "json", "format", "redact",
];

/// The global options each command has no use for, by the path of its name: hidden from its
/// help and its completions, still accepted (an alias that adds `--profile` to every command
/// keeps working, and `--redact` has nothing to mask in `explain` or `config`). The commands
/// that print no data (`completions`, `man`, `help`) refuse `--json`, `--format` and
/// `--redact` when they run.
const UNUSED_GLOBALS: &[(&[&str], &[&str])] = &[
    (
        &["explain"],
        &[
            "profile", "config", "base_url", "timeout", "verbose", "redact",
        ],
    ),
    (&["webhook", "show"], &CONNECTION),
    (
        &["webhook", "listen"],
        &["base_url", "timeout", "verbose", "redact", "format"],
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
    Some(match color {
        true => help.ansi().to_string(),
        false => help.to_string(),
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
        [first, rest @ ..] => cmd.mut_subcommands(|sub| match sub.get_name() == *first {
            true => at_path(sub, rest, change),
            false => sub,
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
    for (name, about) in crate::help::TOPICS {
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

/// The `Examples:` part that ends a command's help, its heading styled as clap styles its own.
fn examples(lines: &[&str]) -> String {
    section("Examples", lines)
}

fn section(heading: &str, lines: &[&str]) -> String {
    let style = *Styles::default().get_header();
    let mut text = format!("{style}{heading}:{style:#}");
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
}

/// Where credentials come from, for the top-level help and the manual.
pub const CREDENTIALS: [&str; 3] = [
    "IDENFY_API_KEY and IDENFY_API_SECRET, else the profile of the config file",
    "(-p/--profile, else IDENFY_PROFILE, else the file's default_profile).",
    "No flag takes a secret. Write the file with: idenfy-cli config init",
];

/// The examples of the top-level help and the manual.
pub const TOP_EXAMPLES: [&str; 3] = [
    "idenfy-cli status 8f2a41c0-5b1e-11f0-9d3a-0242ac120002",
    "idenfy-cli status --input tests/fixtures/status-denied.json",
    "idenfy-cli case \"$REF\" --redact --format markdown",
];

/// The end of the top-level help: where credentials come from, where more help is, examples.
fn after_top_help() -> String {
    [
        section("Credentials", &CREDENTIALS),
        section(
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
fn completions_after_help() -> String {
    [
        section(
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

/// A scanRef, with blank space pasted around it trimmed.
fn parse_scan_ref(text: &str) -> Result<String, String> {
    crate::model::check_scan_ref(text.trim()).map(str::to_string)
}

/// iDenfy documents client IDs of at most 100 characters.
fn parse_client_id(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("a client ID cannot be empty".to_string());
    }
    if text.chars().count() > 100 {
        return Err("a client ID has at most 100 characters".to_string());
    }
    if text.chars().any(char::is_control) {
        return Err("a client ID cannot contain control characters".to_string());
    }
    Ok(text.to_string())
}

/// An event type as a header carries it: letters, digits, `_`, `-` and `.`; at most 100.
fn parse_event_type(text: &str) -> Result<String, String> {
    let ok = !text.is_empty()
        && text.len() <= 100
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b));
    match ok {
        true => Ok(text.to_string()),
        false => Err("an event type is 1 to 100 letters, digits, '_', '-' or '.'".to_string()),
    }
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(secs) if crate::timeout::valid(secs) => Ok(secs),
        _ => Err(format!(
            "`{text}` is not allowed: the timeout is {}",
            crate::timeout::ALLOWED
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_hidden_global_names_a_command_and_a_global_option() {
        let mut cmd = command();
        cmd.build();
        let globals: Vec<String> = cmd
            .get_arguments()
            .filter(|arg| arg.is_global_set())
            .map(|arg| arg.get_id().to_string())
            .collect();
        for (path, unused) in UNUSED_GLOBALS {
            let mut sub = &cmd;
            for name in *path {
                sub = sub
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no command {path:?}"));
            }
            for id in *unused {
                assert!(globals.iter().any(|g| g == id), "{id} is not global");
                let arg = sub.get_arguments().find(|arg| arg.get_id() == id);
                assert!(arg.is_some_and(Arg::is_hide_set), "{path:?} {id}");
            }
        }
    }

    /// The options of each command, by path: visible ones in [`command`], all in
    /// [`completion_command`]; both must be the same.
    fn options_by_path(cmd: &clap::Command, path: String, visible: bool, out: &mut Vec<String>) {
        let mut ids: Vec<&str> = cmd
            .get_arguments()
            .filter(|arg| !visible || !arg.is_hide_set())
            .map(|arg| arg.get_id().as_str())
            .collect();
        ids.sort_unstable();
        out.push(format!("{path}: {}", ids.join(" ")));
        for sub in cmd.get_subcommands() {
            options_by_path(sub, format!("{path} {}", sub.get_name()), visible, out);
        }
    }

    #[test]
    fn completions_offer_the_options_help_shows() {
        let (mut parsed, mut completed) = (command(), completion_command());
        parsed.build();
        completed.build();
        let (mut shown, mut offered) = (Vec::new(), Vec::new());
        options_by_path(&parsed, "idenfy-cli".into(), true, &mut shown);
        options_by_path(&completed, "idenfy-cli".into(), false, &mut offered);
        let real = |lines: Vec<String>| -> Vec<String> {
            lines
                .into_iter()
                .filter(|l| !l.starts_with("idenfy-cli help "))
                .collect()
        };
        assert_eq!(real(shown), real(offered.clone()));
        let explain = offered
            .iter()
            .find(|l| l.starts_with("idenfy-cli explain:"));
        assert!(
            explain.is_some_and(|l| !l.contains("base_url")),
            "{explain:?}"
        );
    }

    #[test]
    fn help_takes_a_command_path_or_a_topic() {
        let topic = |args: &[&str]| match parse_from(args).map(|cli| cli.command) {
            Ok(Command::Help(help)) => Some(help.topic),
            _ => None,
        };
        assert_eq!(topic(&["idenfy-cli", "help"]), Some(vec![]));
        assert_eq!(
            topic(&["idenfy-cli", "help", "webhook", "verify"]),
            Some(vec!["webhook".to_string(), "verify".to_string()])
        );
        assert_eq!(
            topic(&["idenfy-cli", "help", "exit-codes"]),
            Some(vec!["exit-codes".to_string()])
        );
        assert_eq!(topic(&["idenfy-cli", "help", "nothing"]), None);
        assert!(long_help(&["webhook", "verify"], false).is_some());
        assert!(long_help(&["webhook", "nothing"], false).is_none());
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let cli = parse_from(["idenfy-cli", "status", "abc", "--json", "-v"]).unwrap();
        assert!(cli.global.json && cli.global.verbose);
    }

    #[test]
    fn input_replaces_the_scan_ref() {
        let cli = parse_from(["idenfy-cli", "data", "--input", "-"]).unwrap();
        let Command::Data(args) = cli.command else {
            panic!("parsed as another command")
        };
        assert_eq!(args.input, Some(PathBuf::from("-")));
        assert!(parse_from(["idenfy-cli", "data"]).is_err());
        assert!(parse_from(["idenfy-cli", "data", "abc", "--input", "x"]).is_err());
    }

    #[test]
    fn scan_refs_are_checked_before_anything_is_sent() {
        let parse = |r: &str| parse_from(["idenfy-cli", "status", r]).is_ok();
        assert!(parse("328c6766-934e-11ed-bb9b-025ad99a18e7"));
        assert!(parse("abc_DEF-123"));
        assert!(parse(&"a".repeat(40)));
        assert!(!parse(&"a".repeat(41)));
        assert!(!parse(""));
        assert!(!parse("a b"));
        assert!(!parse("../etc"));
        assert!(!parse("šcan"));
    }

    #[test]
    fn download_takes_an_optional_dir() {
        let parse = |args: &[&str]| {
            let mut argv = vec!["idenfy-cli", "files", "abc"];
            argv.extend_from_slice(args);
            match parse_from(argv).map(|c| c.command) {
                Ok(Command::Files(files)) => Some(files.download),
                _ => None,
            }
        };
        let bare = parse(&["--download"]).unwrap();
        assert_eq!(bare.download, Some(None));
        assert_eq!(bare.jobs, 4);
        let full = parse(&[
            "--download",
            "out",
            "--only",
            "FRONT,face",
            "--force",
            "--jobs",
            "2",
        ])
        .unwrap();
        assert_eq!(full.download, Some(Some(PathBuf::from("out"))));
        assert_eq!(full.only, ["FRONT", "face"]);
        assert!(full.force);
        assert_eq!(parse(&[]).unwrap().download, None);
        assert!(
            parse(&["--only", "FRONT"]).is_none(),
            "--only needs --download"
        );
        assert!(parse(&["--download", "--jobs", "0"]).is_none());
    }

    #[test]
    fn status_takes_several_scan_refs_or_a_list_from_a_file() {
        let parse = |args: &[&str]| {
            let argv = ["idenfy-cli", "status"].iter().chain(args);
            match parse_from(argv).map(|c| c.command) {
                Ok(Command::Status(status)) => Some(status),
                _ => None,
            }
        };
        let several = parse(&["a", "b", "c"]).unwrap();
        assert_eq!(several.scan_refs, ["a", "b", "c"]);
        assert_eq!((several.from, several.jobs), (None, 4));
        let listed = parse(&["--from", "refs.txt", "--jobs", "8"]).unwrap();
        assert_eq!(listed.from, Some(PathBuf::from("refs.txt")));
        assert!(listed.scan_refs.is_empty());
        assert_eq!(listed.jobs, 8);
        assert_eq!(parse(&["--from", "-"]).unwrap().from, Some("-".into()));
        assert_eq!(parse(&["--input", "-"]).unwrap().input, Some("-".into()));
        assert_eq!(parse(&["--jobs", "32", "a", "b"]).unwrap().jobs, 32);
        for bad in [
            &[][..],
            &["a", "--from", "refs.txt"],
            &["--input", "x", "--from", "refs.txt"],
            &["a", "--jobs", "0"],
            &["a", "--jobs", "33"],
            &["a", "b c"],
        ] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn case_takes_several_scan_refs_and_jobs_counts_cases_or_files() {
        let parse = |args: &[&str]| {
            let argv = ["idenfy-cli", "case"].iter().chain(args);
            match parse_from(argv).map(|c| c.command) {
                Ok(Command::Case(case)) => Some(case),
                _ => None,
            }
        };
        let several = parse(&["a", "b", "--jobs", "2"]).unwrap();
        assert_eq!(several.scan_refs, ["a", "b"]);
        assert_eq!(several.download.jobs, 2);
        let listed = parse(&["--from", "refs.txt"]).unwrap();
        assert_eq!(listed.from, Some(PathBuf::from("refs.txt")));
        assert_eq!(listed.download.jobs, 4);
        assert_eq!(parse(&["a", "--download"]).unwrap().scan_refs, ["a"]);
        assert!(parse(&[]).is_none());
        assert!(parse(&["a", "--from", "refs.txt"]).is_none());
        assert!(
            parse(&["a", "--force"]).is_none(),
            "--force needs --download or --save"
        );
        let help = Cli::command()
            .find_subcommand_mut("case")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(
            help.contains("How many scanRefs to look up at once"),
            "{help}"
        );
    }

    #[test]
    fn case_save_takes_an_optional_dir_and_input_takes_a_case_file() {
        let parse = |args: &[&str]| {
            let argv = ["idenfy-cli", "case"].iter().chain(args);
            match Cli::try_parse_from(argv).map(|c| c.command) {
                Ok(Command::Case(case)) => Some(case),
                _ => None,
            }
        };
        assert_eq!(parse(&["a", "--save"]).unwrap().save, Some(None));
        let dir = Some(Some(PathBuf::from("out")));
        assert_eq!(parse(&["a", "--save", "out"]).unwrap().save, dir);
        assert_eq!(parse(&["a", "--save=out"]).unwrap().save, dir);
        let forced = parse(&["a", "--save", "--force", "--jobs", "5"]).unwrap();
        assert!(forced.download.force);
        assert_eq!(forced.download.jobs, 5);
        assert!(
            parse(&["a", "--download", "--force"])
                .unwrap()
                .download
                .force
        );
        let only = parse(&["a", "--save", "--only", "FRONT,face"]).unwrap();
        assert_eq!(only.download.only, ["FRONT", "face"]);
        let input = parse(&["--input", "case-dir"]).unwrap();
        assert_eq!(input.input, Some(PathBuf::from("case-dir")));
        assert!(input.scan_refs.is_empty());
        for bad in [
            &["a", "--save", "--download"][..],
            &["a", "--input", "x"],
            &["--input", "x", "--save"],
            &["--input", "x", "--from", "refs.txt"],
            &["--input", "x", "--download"],
            &["a", "--only", "FRONT"],
        ] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn timeout_must_be_positive_seconds() {
        assert!(parse_from(["idenfy-cli", "--timeout", "0", "status", "a"]).is_err());
        assert!(parse_from(["idenfy-cli", "--timeout", "x", "status", "a"]).is_err());
        let cli = parse_from(["idenfy-cli", "--timeout", "2.5", "status", "a"]).unwrap();
        assert_eq!(cli.global.timeout, Some(2.5));
    }
}
