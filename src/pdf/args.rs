//! The arguments of `pdf`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::args::parse_scan_ref;

/// The languages iDenfy writes its PDF in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Language {
    En,
    Lt,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Lt => "lt",
        }
    }
}

/// `pdf SCAN_REF [-o FILE] [--language LANG] [--no-photos] [--force]`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// The verification's scanRef (letters, digits, '-' and '_'; at most 40)
    #[arg(value_name = "SCAN_REF", value_parser = parse_scan_ref)]
    pub scan_ref: String,
    /// Where to save the PDF; default <SCAN_REF>.pdf in the current folder
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The language iDenfy writes the report in; iDenfy's default when not given
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
    /// Leave the photos and the additional steps' files out of the PDF
    #[arg(long)]
    pub no_photos: bool,
    /// Replace FILE when it exists
    #[arg(long)]
    pub force: bool,
}
