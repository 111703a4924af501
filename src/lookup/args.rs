//! The arguments of `status`, `data` and `files` (one response), `find` and `explain`.

use std::path::PathBuf;

use clap::Args;

use crate::args::{parse_client_id, parse_scan_ref};

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
