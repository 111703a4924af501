//! The summary after `--download`: key, file, size, SHA-256 prefix and result of each file.

use indicatif::HumanBytes;

use super::{Doc, NULL, Text, Tone, clean};
use crate::download::{Outcome, Report};

/// How much of the SHA-256 the table shows; `manifest.json` has all of it.
const SHA_PREFIX: usize = 12;

pub fn summary(reports: &[Report]) -> Doc {
    let rows: Vec<Vec<Text>> = reports.iter().map(row).collect();
    let mut doc = Doc::new();
    doc.table(&["Key", "File", "Size", "SHA-256", "Result"], rows);
    doc
}

fn row(report: &Report) -> Vec<Text> {
    let key = Text::code(clean(&report.target.key), Tone::Plain);
    match &report.outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => {
            let result = match report.outcome {
                Outcome::Saved(_) => Text::new("saved", Tone::Good),
                _ => Text::new("kept (exists; --force replaces)", Tone::Attention),
            };
            vec![
                key,
                Text::plain(&saved.file),
                Text::plain(HumanBytes(saved.bytes).to_string()),
                Text::plain(&saved.sha256[..SHA_PREFIX.min(saved.sha256.len())]),
                result,
            ]
        }
        Outcome::Failed(failure) => vec![
            key,
            Text::null(),
            Text::new(NULL, Tone::Empty),
            Text::new(NULL, Tone::Empty),
            Text::new(format!("failed: {}", clean(&failure.reason)), Tone::Bad),
        ],
    }
}
