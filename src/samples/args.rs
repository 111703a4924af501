//! The arguments of `samples`.

use std::path::PathBuf;

use clap::Args;

/// `samples [NAME] [-o FILE]`.
#[derive(Debug, Args)]
pub struct SamplesArgs {
    /// The sample to print; without it, the list of samples
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(super::NAMES))]
    pub name: Option<String>,
    /// Write the sample to FILE instead of stdout (an existing file is kept unless --force)
    #[arg(short = 'o', long, value_name = "FILE", requires = "name")]
    pub output: Option<PathBuf>,
    /// With -o: replace FILE when it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}
