//! The arguments of `case`: one scanRef or several, the download, the case file.

use std::path::PathBuf;

use clap::Args;

use crate::args::parse_scan_ref;
use crate::download::args::DownloadArgs;

#[derive(Debug, Clone, Args)]
#[command(mut_arg("jobs", |jobs| jobs.help("How many scanRefs to look up at once; with --download or --save, how many files to fetch at once")))]
#[command(group(clap::ArgGroup::new("saving").args(["download", "save"])))]
#[command(mut_arg("force", |force| force.requires(clap::builder::Resettable::<clap::Id>::Reset).requires("saving")))]
#[command(mut_arg("only", |only| only.requires(clap::builder::Resettable::<clap::Id>::Reset).requires("saving")))]
pub struct CaseArgs {
    /// The verification's scanRef (letters, digits, '-' and '_'; at most 40); several give one row each
    #[arg(value_name = "SCAN_REF", required_unless_present_any = ["from", "input", "save", "download"], value_parser = parse_scan_ref)]
    pub scan_refs: Vec<String>,

    /// Read the scanRefs from FILE ('-' for stdin), one per line; '#' starts a comment
    #[arg(long, value_name = "FILE", conflicts_with = "scan_refs")]
    pub from: Option<PathBuf>,

    #[command(flatten)]
    pub download: DownloadArgs,

    /// Save the case file into DIR [default: ./<SCAN_REF>]: the three responses as received, every file, report.html, checksums (manifest.json, SHA256SUMS)
    #[arg(long, value_name = "DIR")]
    pub save: Option<Option<PathBuf>>,

    /// With --save: iDenfy's own PDF report too (one more call), as idenfy-report.pdf in the case file
    #[arg(long, requires = "save")]
    pub pdf: bool,

    /// Show the case file saved (with --save) in DIR again, offline; needs no credentials
    #[arg(long, value_name = "DIR", conflicts_with_all = ["scan_refs", "from", "saving"])]
    pub input: Option<PathBuf>,
}
