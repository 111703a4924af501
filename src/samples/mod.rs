//! `samples`: the sample responses the binary carries, for a first look without credentials
//! or a checkout (`idenfy-cli samples status-denied | idenfy-cli status --input -`). Each is
//! an invented verification, shaped as iDenfy documents its responses.

pub mod args;

use std::io::Write;

use crate::context::Context;
use crate::error::{Error, Result, io_reason};
use crate::render::{Doc, Text, Tone};
use args::SamplesArgs;

/// Each sample: its name, what it is, which command reads it, and its bytes.
const SAMPLES: [(&str, &str, &str, &str); 7] = [
    (
        "status-denied",
        "a denied verification: an expired document, a photo of a phone screen, two mismatches",
        "status --input -",
        include_str!("status-denied.json"),
    ),
    (
        "status-suspected",
        "a suspected verification: the face matches another verification's",
        "status --input -",
        include_str!("status-suspected.json"),
    ),
    (
        "status-approved",
        "an approved verification, reviewed by a person",
        "status --input -",
        include_str!("status-approved.json"),
    ),
    (
        "data",
        "the data read from the denied verification's document",
        "data --input -",
        include_str!("data.json"),
    ),
    (
        "files",
        "the links to the denied verification's photos, video and PDF",
        "files --input -",
        include_str!("files.json"),
    ),
    (
        "webhook",
        "the webhook iDenfy sends when the denied verification is finished",
        "webhook show",
        include_str!("webhook.json"),
    ),
    (
        "webhook-aml",
        "a webhook with AML screening hits, before the manual review",
        "webhook show",
        include_str!("webhook-aml.json"),
    ),
];

/// The names `samples` takes.
pub const NAMES: [&str; 7] = [
    SAMPLES[0].0,
    SAMPLES[1].0,
    SAMPLES[2].0,
    SAMPLES[3].0,
    SAMPLES[4].0,
    SAMPLES[5].0,
    SAMPLES[6].0,
];

pub fn run(settings: &Context<'_>, args: &SamplesArgs) -> Result<()> {
    let Some(name) = &args.name else {
        return settings.show(&list());
    };
    let Some((_, _, _, body)) = SAMPLES.iter().find(|(n, ..)| n == name) else {
        return Err(Error::usage(format!("no sample called {name}")));
    };
    match &args.output {
        None => crate::output::write_stdout(settings, body),
        Some(path) => save(path, body, args.force),
    }
}

/// The samples, each with the command that reads it and what it is, then how to try one.
fn list() -> Doc {
    let rows = SAMPLES
        .iter()
        .map(|(name, what, reader, _)| {
            vec![
                Text::code(*name, Tone::Plain),
                Text::whole(format!("idenfy-cli {reader}")),
                Text::plain(*what),
            ]
        })
        .collect();
    let mut doc = Doc::new();
    doc.table(&["Sample", "Read it with", "What it is"], rows);
    doc.gap();
    doc.line(vec![
        Text::plain("Try one: "),
        Text::code(
            "idenfy-cli samples status-denied | idenfy-cli status --input -",
            Tone::Plain,
        ),
    ]);
    doc.line(vec![
        Text::plain("Or save it first: "),
        Text::code("idenfy-cli samples data -o data.json", Tone::Plain),
    ]);
    doc
}

/// Writes `body` to `path`; an existing file only with `force`.
fn save(path: &std::path::Path, body: &str, force: bool) -> Result<()> {
    let shown = crate::text::shown(&path.display().to_string());
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options
        .open(path)
        .and_then(|mut file| file.write_all(body.as_bytes()));
    match written {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::usage(format!(
            "-o {shown}: the file exists; nothing was written"
        ))
        .hint("add --force to replace it, or choose another name")),
        Err(err) => Err(Error::usage(format!(
            "-o {shown}: cannot write: {}",
            io_reason(&err)
        ))),
    }
}
