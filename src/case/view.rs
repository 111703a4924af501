//! `case`: the answer first (headline and verdict), then the status, the data and the
//! files, as one report.

use serde_json::{Map, Value};

use crate::model::StatusView;
use crate::render::{Block, Doc, Text, Tone, other_fields};
use crate::verdict::{self, Input, Verdict};

/// Each part of the report: the body, or why it could not be read.
pub struct CaseParts<'a> {
    pub status: Result<&'a Map<String, Value>, &'a str>,
    pub data: Result<&'a Map<String, Value>, &'a str>,
    pub files: Result<&'a Map<String, Value>, &'a str>,
}

/// The verdict on a case of up to three answers.
pub fn verdict(parts: &CaseParts<'_>, now: jiff::Timestamp) -> Verdict {
    verdict::assess(&Input {
        status: parts.status.ok(),
        data: parts.data.ok(),
        files: parts.files.ok(),
        data_unread: parts.data.err(),
        ..Input::new(Some(crate::render::today(now)))
    })
}

pub fn render(parts: CaseParts<'_>, now: jiff::Timestamp) -> Doc {
    let context = crate::lookup::view::data::Context::new(now, parts.status.ok());
    let verdict = verdict(&parts, now);
    let mut doc = crate::lookup::view::status::lead(&verdict);
    doc.append(crate::lookup::view::status::verdict_doc(&verdict, true));
    let status = match parts.status {
        Ok(body) => {
            let view = StatusView::new(body);
            let mut status = crate::lookup::view::status::details(&view);
            status.append(other_fields(&view.extra));
            Ok(status)
        }
        Err(why) => Err(why),
    };
    part(&mut doc, "Status", status);
    part(
        &mut doc,
        "Data",
        parts
            .data
            .map(|body| crate::lookup::view::data::render(body, &context)),
    );
    part(
        &mut doc,
        "Files",
        parts
            .files
            .map(|body| crate::lookup::view::files::render(body, now)),
    );
    doc
}

/// A part under its heading, or the reason it could not be read.
pub fn part(doc: &mut Doc, title: &str, body: Result<Doc, &str>) {
    let mut part = Doc::new();
    part.push(Block::Part(title.to_string()));
    match body {
        Ok(body) => {
            part.blocks.extend(body.blocks);
        }
        Err(why) => {
            part.line(vec![Text::new(
                format!("Could not be read: {why}"),
                Tone::Bad,
            )]);
        }
    }
    doc.append(part);
}
