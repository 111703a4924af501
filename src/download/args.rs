//! The arguments of a download: `files --download`, and `case --download` and `--save`.

use std::path::PathBuf;

use clap::Args;

use crate::lookup::args::ResponseArgs;

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
pub struct FilesArgs {
    #[command(flatten)]
    pub response: ResponseArgs,

    #[command(flatten)]
    pub download: DownloadArgs,
}
