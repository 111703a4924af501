//! The summary after `--download`: key, file, size, SHA-256 prefix and result of each file.

use indicatif::HumanBytes;

use super::{NULL, Style, Text, Tone, clean, table};
use crate::download::{Outcome, Report};

/// How much of the SHA-256 the table shows; `manifest.json` has all of it.
const SHA_PREFIX: usize = 12;

pub fn summary(reports: &[Report], style: Style) -> String {
    let rows: Vec<[Text; 5]> = reports.iter().map(row).collect();
    table(
        style,
        Some(["Key", "File", "Size", "SHA-256", "Result"]),
        &rows,
        0,
    )
}

fn row(report: &Report) -> [Text; 5] {
    let key = Text::plain(clean(&report.target.key));
    match &report.outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => {
            let result = match report.outcome {
                Outcome::Saved(_) => Text::new("saved", Tone::Good),
                _ => Text::new("kept (exists; --force replaces)", Tone::Attention),
            };
            [
                key,
                Text::plain(&saved.file),
                Text::plain(HumanBytes(saved.bytes).to_string()),
                Text::plain(&saved.sha256[..SHA_PREFIX.min(saved.sha256.len())]),
                result,
            ]
        }
        Outcome::Failed(failure) => [
            key,
            Text::null(),
            Text::new(NULL, Tone::Empty),
            Text::new(NULL, Tone::Empty),
            Text::new(format!("failed: {}", clean(&failure.reason)), Tone::Bad),
        ],
    }
}
