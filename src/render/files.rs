//! The `files` table: key, kind, where the link was found, its expiry, and the link.

use serde_json::{Map, Value};

use super::{Style, Text, Tone, clean, moment, other_fields, table, value_text};
use crate::model::{FileLink, FilesView};

pub fn render(body: &Map<String, Value>, style: Style, now: jiff::Timestamp) -> String {
    let view = FilesView::new(body);
    let mut out = if view.links.is_empty() {
        format!(
            "{}\n",
            style.paint("No file links in the response.", Tone::Empty)
        )
    } else {
        let rows: Vec<[Text; 5]> = view.links.iter().map(|l| row(l, now)).collect();
        table(
            style,
            Some(["Key", "Kind", "From", "Expires", "Link"]),
            &rows,
            0,
        )
    };
    out.push_str(&other_fields(style, &view.extra));
    out
}

fn row(link: &FileLink<'_>, now: jiff::Timestamp) -> [Text; 5] {
    let expires = match link.expiry() {
        Some(at) if at <= now => Text::new(format!("expired {}", moment(at, now)), Tone::Bad),
        Some(at) => Text::new(moment(at, now), Tone::Good),
        None if link.url().is_some() => Text::new("unknown", Tone::Empty),
        None => Text::null(),
    };
    let target = match (&link.repeats, link.url()) {
        (Some(place), _) => Text::new(format!("same as {place}"), Tone::Empty),
        (None, Some(url)) => Text::plain(super::fit(&clean(url))),
        (None, None) => value_text(link.value),
    };
    [
        Text::plain(clean(link.key)),
        Text::plain(link.kind.name()),
        Text::plain(link.source.name()),
        expires,
        target,
    ]
}
