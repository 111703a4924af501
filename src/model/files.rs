//! The photo, video and PDF links of a `files` response (and of a webhook payload).

use serde_json::{Map, Value};

use crate::net::urls;

/// The objects of file links in a `files` response (and a webhook payload).
pub const LINK_OBJECTS: [&str; 3] = ["fileUrls", "videoUrls", "additionalStepPdfUrls"];

/// Where a file link was found in a `files` response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSource {
    FileUrls,
    VideoUrls,
    AdditionalStepPdfUrls,
    /// A link at the top level, the legacy place iDenfy says may go away.
    TopLevel,
}

impl LinkSource {
    pub fn name(self) -> &'static str {
        match self {
            LinkSource::FileUrls => "fileUrls",
            LinkSource::VideoUrls => "videoUrls",
            LinkSource::AdditionalStepPdfUrls => "additionalStepPdfUrls",
            LinkSource::TopLevel => "top level",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Photo,
    Video,
    Pdf,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Photo => "photo",
            FileKind::Video => "video",
            FileKind::Pdf => "PDF",
        }
    }
}

/// One entry of `fileUrls`, `videoUrls`, `additionalStepPdfUrls`, or a top-level link.
#[derive(Debug, PartialEq)]
pub struct FileLink<'a> {
    pub source: LinkSource,
    pub key: &'a str,
    /// The value as sent: a URL string, `null`, or anything else.
    pub value: &'a Value,
    pub kind: FileKind,
    /// For a top-level link that repeats one in the grouped objects: where (`fileUrls.FACE`).
    pub repeats: Option<String>,
}

impl<'a> FileLink<'a> {
    pub fn url(&self) -> Option<&'a str> {
        self.value.as_str().filter(|s| !s.is_empty())
    }

    pub fn expiry(&self) -> Option<jiff::Timestamp> {
        self.url().and_then(urls::link_expiry)
    }
}

/// The links of a `files` response, and every other field as it came.
#[derive(Debug)]
pub struct FilesView<'a> {
    pub links: Vec<FileLink<'a>>,
    pub extra: Vec<(&'a str, &'a Value)>,
}

impl<'a> FilesView<'a> {
    pub fn new(body: &'a Map<String, Value>) -> FilesView<'a> {
        let groups = [
            LinkSource::FileUrls,
            LinkSource::VideoUrls,
            LinkSource::AdditionalStepPdfUrls,
        ];
        let mut links = Vec::new();
        let mut extra = Vec::new();
        for (key, value) in body {
            let group = groups.iter().find(|source| source.name() == key);
            match (group, value) {
                (Some(source), Value::Object(entries)) => {
                    links.extend(entries.iter().map(|(k, v)| link(*source, k, v)));
                }
                (None, Value::String(url))
                    if urls::is_http_url(url) && looks_like_file_key(key) =>
                {
                    links.push(link(LinkSource::TopLevel, key, value));
                }
                _ => extra.push((key.as_str(), value)),
            }
        }
        links.sort_by_key(|link| link.source as u8);
        mark_repeats(&mut links);
        FilesView { links, extra }
    }
}

fn link<'a>(source: LinkSource, key: &'a str, value: &'a Value) -> FileLink<'a> {
    FileLink {
        source,
        key,
        value,
        kind: file_kind(source, key, value.as_str()),
        repeats: None,
    }
}

/// Legacy top-level links sit under file keys such as `FACE` or `FRONT`, never under
/// lower-case field names such as `documentation`.
fn looks_like_file_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn file_kind(source: LinkSource, key: &str, url: Option<&str>) -> FileKind {
    match source {
        LinkSource::VideoUrls => return FileKind::Video,
        LinkSource::AdditionalStepPdfUrls => return FileKind::Pdf,
        LinkSource::FileUrls | LinkSource::TopLevel => {}
    }
    match url.and_then(urls::path_extension).as_deref() {
        Some("pdf") => FileKind::Pdf,
        Some("mp4" | "webm" | "mov" | "m4v") => FileKind::Video,
        _ if key.to_ascii_uppercase().ends_with("VIDEO") => FileKind::Video,
        _ => FileKind::Photo,
    }
}

fn mark_repeats(links: &mut [FileLink<'_>]) {
    let grouped: Vec<(String, String)> = links
        .iter()
        .filter(|l| l.source != LinkSource::TopLevel)
        .filter_map(|l| {
            Some((
                format!("{}.{}", l.source.name(), l.key),
                l.url()?.to_string(),
            ))
        })
        .collect();
    for link in links
        .iter_mut()
        .filter(|l| l.source == LinkSource::TopLevel)
    {
        if let Some(url) = link.url() {
            link.repeats = grouped
                .iter()
                .find(|(_, u)| u == url)
                .map(|(place, _)| place.clone());
        }
    }
}
