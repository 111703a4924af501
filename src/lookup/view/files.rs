//! The `files` table: key, kind, where the link was found, its expiry, and the link.

use serde_json::{Map, Value};

use crate::model::{FileLink, FilesView, LinkSource};
use crate::render::{Doc, Text, Tone, clean, expiry, other_fields, value_text};

pub fn render(body: &Map<String, Value>, now: jiff::Timestamp) -> Doc {
    let view = FilesView::new(body);
    let mut doc = Doc::new();
    if view.links.is_empty() {
        doc.line(vec![Text::new(
            "No file links in the response.",
            Tone::Empty,
        )]);
    } else {
        let rows: Vec<Vec<Text>> = view.links.iter().map(|l| row(l, now)).collect();
        doc.table(&["Key", "Kind", "Expires", "Link"], rows);
    }
    doc.append(other_fields(&view.extra));
    doc
}

fn row(link: &FileLink<'_>, now: jiff::Timestamp) -> Vec<Text> {
    let expires = match link.expiry() {
        Some(at) => expiry(at, now),
        None if link.url().is_some() => Text::new("unknown", Tone::Empty),
        None => Text::null(),
    };
    let target = match (&link.repeats, link.url()) {
        (Some(place), _) => Text::new(format!("same as {place}"), Tone::Empty),
        (None, Some(url)) => Text::link(crate::render::fit(&clean(url))),
        (None, None) => value_text(link.value),
    };
    // A top-level copy says "same as …" in its link; one of its own says where it was.
    let kind = match (link.source, &link.repeats) {
        (LinkSource::TopLevel, None) => format!("{} (top level)", link.kind.name()),
        _ => link.kind.name().to_string(),
    };
    vec![
        Text::code(clean(link.key), Tone::Plain),
        Text::plain(kind),
        expires,
        target,
    ]
}
