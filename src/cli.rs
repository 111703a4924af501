//! Command-line definitions (clap derive). The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Look up iDenfy identity verifications: what was decided, why, what was read, and the files.
///
/// Each command calls each API endpoint it needs exactly once per scanRef: iDenfy restricts accounts
/// that poll.
#[derive(Debug, Parser)]
#[command(
    name = "idenfy-cli",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
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
    Status(StatusArgs),
    /// Every field read from the document, grouped, nulls visible
    Data(ResponseArgs),
    /// The photo, video and PDF links with their kind and expiry; --download saves them
    #[command(mut_arg("scan_ref", |arg| arg.required_unless_present_any(["input", "download"])))]
    Files(FilesArgs),
    /// One report for a support case: verdict, data and files (three calls, made at once); one row per case for several
    Case(CaseArgs),
    /// The verifications of one of your clients: scanRef, status, suspected
    Find(FindArgs),
    /// What a status, check result, tag or data value means, offline; --list shows them all
    Explain(ExplainArgs),
    /// Check a stored webhook: its signature, its content, and whether the API agrees
    #[command(subcommand)]
    Webhook(WebhookCommand),
    /// Show, locate or create the config file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
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
    Verify {
        /// The stored body, exactly as received ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The Idenfy-Signature header's value (hex)
        #[arg(long, value_name = "HEX")]
        signature: String,
    },
    /// Render a stored payload like status, data and files, offline
    Show {
        /// The stored payload ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Compare a stored payload with what the API answers now (status, data, files)
    Diff {
        /// The stored payload ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Each resolved setting with where it came from (secrets redacted)
    Show,
    /// Print the config file's path
    Path,
    /// Write a commented config template (mode 0600); never overwrites
    Init,
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
    fn global_flags_work_after_the_subcommand() {
        let cli = Cli::try_parse_from(["idenfy-cli", "status", "abc", "--json", "-v"]).unwrap();
        assert!(cli.global.json && cli.global.verbose);
    }

    #[test]
    fn input_replaces_the_scan_ref() {
        let cli = Cli::try_parse_from(["idenfy-cli", "data", "--input", "-"]).unwrap();
        let Command::Data(args) = cli.command else {
            panic!("parsed as another command")
        };
        assert_eq!(args.input, Some(PathBuf::from("-")));
        assert!(Cli::try_parse_from(["idenfy-cli", "data"]).is_err());
        assert!(Cli::try_parse_from(["idenfy-cli", "data", "abc", "--input", "x"]).is_err());
    }

    #[test]
    fn scan_refs_are_checked_before_anything_is_sent() {
        let parse = |r: &str| Cli::try_parse_from(["idenfy-cli", "status", r]).is_ok();
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
            match Cli::try_parse_from(argv).map(|c| c.command) {
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
            match Cli::try_parse_from(argv).map(|c| c.command) {
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
            match Cli::try_parse_from(argv).map(|c| c.command) {
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
        assert!(Cli::try_parse_from(["idenfy-cli", "--timeout", "0", "status", "a"]).is_err());
        assert!(Cli::try_parse_from(["idenfy-cli", "--timeout", "x", "status", "a"]).is_err());
        let cli = Cli::try_parse_from(["idenfy-cli", "--timeout", "2.5", "status", "a"]).unwrap();
        assert_eq!(cli.global.timeout, Some(2.5));
    }
}
