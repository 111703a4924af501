//! The arguments of `status`: one scanRef or several, typed or from a list.

use std::path::PathBuf;

use clap::Args;

use crate::args::parse_scan_ref;

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
