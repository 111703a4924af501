//! The summary after `--download`: key, file, size, SHA-256 prefix and result of each file.

use indicatif::HumanBytes;

use crate::download::{Outcome, Report};
use crate::render::{Doc, NULL, Text, Tone, clean};

/// How much of the SHA-256 the table shows; `manifest.json` has all of it.
const SHA_PREFIX: usize = 12;

pub fn summary(reports: &[Report]) -> Doc {
    let rows: Vec<Vec<Text>> = reports.iter().map(row).collect();
    let mut doc = Doc::new();
    doc.table(&["Key", "File", "Size", "SHA-256", "Result"], rows);
    doc
}

/// The summary after `case --save`: the case file's own files by part (`status`, `report`),
/// the downloads by key, in the manifest's order.
pub fn case_file(
    before: &[(&str, &Outcome)],
    reports: &[Report],
    after: &[(&str, &Outcome)],
) -> Doc {
    let own = |(part, outcome): &(&str, &Outcome)| outcome_row(Text::plain(*part), outcome);
    let rows: Vec<Vec<Text>> = before
        .iter()
        .map(own)
        .chain(reports.iter().map(row))
        .chain(after.iter().map(own))
        .collect();
    let mut doc = Doc::new();
    doc.table(&["Part", "File", "Size", "SHA-256", "Result"], rows);
    doc
}

fn row(report: &Report) -> Vec<Text> {
    outcome_row(
        Text::code(clean(&report.target.key), Tone::Plain),
        &report.outcome,
    )
}

fn outcome_row(key: Text, outcome: &Outcome) -> Vec<Text> {
    match outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => {
            let result = match outcome {
                Outcome::Saved(_) => Text::new("saved", Tone::Good),
                _ => Text::new("kept (exists; --force replaces)", Tone::Attention),
            };
            vec![
                key,
                Text::whole(clean(&saved.file)),
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
