//! `report.html`, the page of a case file: one self-contained HTML file that reads offline
//! and prints cleanly. Inline CSS only; no script, font, style sheet or image from the
//! network (a Content-Security-Policy says so to the browser too). Every value is escaped by
//! the template engine, and the only links are to files of the case file's own folder.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::{Map, Value};

use crate::download::{Outcome, Report, is_plain_name};
use crate::model::{FileKind, FilesView, LinkSource, StatusView};
use crate::render::{Block, Doc, Grid, Line, Role, Shape, Text, Tone};
use crate::render::{clean, other_fields};
use crate::verdict::{Finding, Input, Verdict};

/// The browser may load images from the page's own folder and nothing else from anywhere.
const POLICY: &str = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE: &str = include_str!("report.css");

/// Extensions a browser shows as a picture; other files are linked.
const PICTURES: [&str; 4] = ["jpg", "png", "webp", "gif"];

/// A file of the case file and its checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What the page shows.
pub struct ReportPage<'a> {
    pub scan_ref: &'a str,
    pub made_at: jiff::Timestamp,
    pub version: &'a str,
    pub redacted: bool,
    pub status: Result<&'a Map<String, Value>, &'a str>,
    pub data: Result<&'a Map<String, Value>, &'a str>,
    pub files: Result<&'a Map<String, Value>, &'a str>,
    /// iDenfy's own PDF in the folder, when it was saved.
    pub pdf: Option<&'a str>,
    /// How each file of `files` ended up in the folder.
    pub downloads: &'a [Report],
    /// The folder's files, with their checksums.
    pub sums: &'a [Sum],
}

pub fn render(page: &ReportPage<'_>) -> String {
    let view = page.status.ok().map(StatusView::new);
    let verdict = page.status.ok().map(|status| {
        crate::verdict::assess(&Input {
            status: Some(status),
            data: page.data.ok(),
            files: page.files.ok(),
            data_unread: page.data.err(),
            ..Input::new(Some(crate::render::today(page.made_at)))
        })
    });
    let headline = match &verdict {
        Some(verdict) => headline_text(verdict),
        None => "The status could not be read".to_string(),
    };
    let scan_ref = clean(page.scan_ref);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="referrer" content="no-referrer";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (headline) " — case " (scan_ref) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    header.top {
                        p.eyebrow { "Case file of verification " code { (scan_ref) } }
                        @if let Some(pdf) = page.pdf {
                            p.eyebrow { "iDenfy's own report: " a href=(pdf) { (pdf) } }
                        }
                        h1.headline { (headline_markup(verdict.as_ref(), &headline)) }
                        @if page.redacted {
                            p.banner {
                                "REDACTED: names, numbers, dates of birth and addresses are masked, and no photo, video or PDF is part of this case file. "
                                "status.json, data.json and files.json in this folder are masked too: re-written, not the bytes as received."
                            }
                        }
                    }
                    div.lead {
                        section.verdict {
                            h2 { "Verdict" }
                            @match (&verdict, page.status) {
                                (Some(verdict), _) => (verdict_markup(verdict)),
                                (None, Err(why)) => (missing("status.json", why)),
                                (None, Ok(_)) => {},
                            }
                        }
                        section.photos-part {
                            h2 { "Photos" }
                            (photos(page))
                        }
                    }
                    @if let (Some(view), Some(_)) = (&view, &verdict) {
                        section {
                            h2 { "Checks" }
                            (blocks(&crate::lookup::view::status::details(view)))
                            (blocks(&other_fields(&view.extra)))
                        }
                    }
                    section {
                        h2 { "Data" }
                        @match page.data {
                            Ok(body) => {
                                @let context = crate::lookup::view::data::Context::new(page.made_at, page.status.ok());
                                (cards(&crate::lookup::view::data::render(body, &context)))
                            }
                            Err(why) => (missing("data.json", why)),
                        }
                    }
                    section {
                        h2 { "Files" }
                        (files(page))
                    }
                    section.sums-part {
                        h2 { "Checksums" }
                        (sums(page.sums))
                    }
                    footer {
                        p {
                            "Made by idenfy-cli " (page.version) " on "
                            (page.made_at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
                            " for scanRef " code { (scan_ref) } "."
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The headline as text: `DENIED: the document has expired (DOC_EXPIRED)`.
fn headline_text(verdict: &Verdict) -> String {
    clean(&verdict.headline()).into_owned()
}

fn headline_markup(verdict: Option<&Verdict>, text: &str) -> Markup {
    let Some(verdict) = verdict else {
        return html! { (text) };
    };
    let status = clean(verdict.status.as_deref().unwrap_or("NO STATUS")).into_owned();
    let tone = tone_class(crate::lookup::view::status::tone(verdict.disposition));
    html! {
        span class={ "badge " (tone) } { (status) }
        " " (clean(&verdict.sentence()))
    }
}

fn verdict_markup(verdict: &Verdict) -> Markup {
    let tone = tone_class(crate::lookup::view::status::tone(verdict.disposition));
    html! {
        p.stance {
            span class={ "badge " (tone) } { (verdict.disposition.title()) }
            " " (verdict.disposition.instruction())
        }
        p.next { strong { "Next: " } (clean(verdict.next())) }
        h3 { "Findings" }
        ol.reasons {
            @for item in &verdict.findings {
                (finding(verdict, item))
            }
        }
    }
}

fn finding(verdict: &Verdict, finding: &Finding) -> Markup {
    html! {
        li.reason {
            span class={ "badge " (tone_class(finding.reading.into())) } { (clean(&finding.code)) }
            " " span.kind { (finding.kind.title()) ", " (finding.disposition.slug()) }
            p { (clean(&finding.meaning)) }
            @if verdict.held(finding) {
                p.next { "Held back: “" (verdict.disposition.title()) "” comes first." }
            } @else {
                p.next { strong { "Next step: " } (clean(&finding.next)) }
            }
        }
    }
}

fn missing(file: &str, why: &str) -> Markup {
    html! {
        p.bad { "Could not be read: " (clean(why)) }
        p.empty { (file) " is not in this case file." }
    }
}

/// The file saved for a link key, when there is one in the folder.
fn saved_file<'a>(downloads: &'a [Report], key: &str) -> Option<&'a Report> {
    downloads.iter().find(|report| report.target.key == key)
}

fn extension(file: &str) -> &str {
    file.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// The photos, shown from the folder at a readable size, each a link to the whole file.
fn photos(page: &ReportPage<'_>) -> Markup {
    if page.redacted {
        return html! { p.empty { "Not part of a redacted case file." } };
    }
    let shown: Vec<(&str, &str)> = page
        .downloads
        .iter()
        .filter_map(|report| match &report.outcome {
            Outcome::Saved(saved) | Outcome::Kept(saved) => {
                Some((report.target.key.as_str(), saved.file.as_str()))
            }
            Outcome::Failed(_) => None,
        })
        .filter(|(_, file)| is_plain_name(file) && PICTURES.contains(&extension(file)))
        .collect();
    html! {
        @if shown.is_empty() {
            p.empty { "No photo in this case file." }
        } @else {
            div.photos {
                @for (key, file) in &shown {
                    figure {
                        a href=(file) { img src=(file) alt={ (clean(key)) " photo" }; }
                        figcaption { code { (clean(key)) } " " span.empty { (file) } }
                    }
                }
            }
        }
    }
}

/// Every file link of the response: its key, kind, and the file in the folder, or why
/// there is none. The links themselves (signed, expiring) are never shown.
fn files(page: &ReportPage<'_>) -> Markup {
    let body = match page.files {
        Ok(body) => body,
        Err(why) => return missing("files.json", why),
    };
    let view = FilesView::new(body);
    let links: Vec<_> = view
        .links
        .iter()
        .filter(|link| !(link.source == LinkSource::TopLevel && link.repeats.is_some()))
        .collect();
    html! {
        @if links.is_empty() {
            p.empty { "No file links in the response." }
        } @else {
            div.scroll {
                table {
                    thead { tr { th { "Key" } th { "Kind" } th { "In this folder" } } }
                    tbody {
                        @for link in &links {
                            tr {
                                td { code { (clean(link.key)) } }
                                td { (kind_name(link.kind, link.source)) }
                                td { (in_folder(page, link.key, link.url().is_some())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn kind_name(kind: FileKind, source: LinkSource) -> String {
    match source {
        LinkSource::TopLevel => format!("{} (top level)", kind.name()),
        _ => kind.name().to_string(),
    }
}

fn in_folder(page: &ReportPage<'_>, key: &str, has_link: bool) -> Markup {
    if !has_link {
        return html! { span.empty { "no link (null)" } };
    }
    if page.redacted {
        return html! { span.empty { "not saved: redacted" } };
    }
    match saved_file(page.downloads, key).map(|report| &report.outcome) {
        Some(Outcome::Saved(saved) | Outcome::Kept(saved)) if is_plain_name(&saved.file) => {
            html! { a href=(saved.file) { (saved.file) } }
        }
        Some(Outcome::Failed(failure)) => {
            html! { span.bad { "not saved: " (clean(&failure.reason)) } }
        }
        _ => html! { span.empty { "not saved" } },
    }
}

fn sums(sums: &[Sum]) -> Markup {
    html! {
        p.empty {
            "SHA-256 of each file as saved. manifest.json and SHA256SUMS list them too, with this page; "
            code { "sha256sum -c SHA256SUMS" } " in this folder checks them."
        }
        div.scroll {
            table.sums {
                thead { tr { th { "File" } th.num { "Bytes" } th { "SHA-256" } } }
                tbody {
                    @for sum in sums {
                        tr {
                            td { (clean(&sum.file)) }
                            td.num { (sum.bytes) }
                            td.sha { (clean(&sum.sha256)) }
                        }
                    }
                }
            }
        }
    }
}

/// A document as sections: blocks before the first title, then one card per title.
fn cards(doc: &Doc) -> Markup {
    let mut lead = Doc::new();
    let mut sections: Vec<(String, Doc)> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(title) => sections.push((title.clone(), Doc::new())),
            other => match sections.last_mut() {
                Some((_, section)) => section.blocks.push(other.clone()),
                None => lead.blocks.push(other.clone()),
            },
        }
    }
    html! {
        (blocks(&lead))
        div.cards {
            @for (title, section) in &sections {
                div.card {
                    h3 { (title) }
                    (blocks(section))
                }
            }
        }
    }
}

/// A document's blocks as HTML, each text escaped and toned.
fn blocks(doc: &Doc) -> Markup {
    html! {
        @for block in &doc.blocks {
            @match block {
                Block::Headline(spans) => p.headline { (spans_markup(spans)) },
                Block::Part(title) => h3 { (title) },
                Block::Title(title) => h3 { (title) },
                Block::Table(grid) => (table(grid)),
                Block::Lines(lines) => (prose(lines)),
                Block::Gap => {},
            }
        }
    }
}

fn table(grid: &Grid) -> Markup {
    html! {
        div.scroll {
            table class=[(!grid.show_header).then_some("rows")] {
                @if grid.show_header {
                    thead { tr { @for name in &grid.header { th { (name) } } } }
                }
                tbody {
                    @for row in &grid.rows {
                        tr class=[row_mark(row)] {
                            @for (i, cell) in row.iter().enumerate() {
                                @if i == 0 && !grid.show_header {
                                    th scope="row" { (label(cell)) }
                                } @else {
                                    td class=[token_class(cell)] { (text(cell)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A row's label, which may break only after the dots of a key path
/// (`Additional data.UTILITY_BILL.ssn.value`), never inside a word.
fn label(cell: &Text) -> Markup {
    if !cell.text.contains('.') {
        return text(cell);
    }
    let parts: Vec<&str> = cell.text.split_inclusive('.').collect();
    html! {
        @for (i, part) in parts.iter().enumerate() {
            @if i > 0 { wbr; }
            (part)
        }
    }
}

/// The longest value kept on one line whatever the width: longer ones may break anywhere.
const TOKEN_CHARS: usize = 40;

/// A cell that holds one token (an identifier, a date, a code, a number: no space in it) is
/// never broken across lines, and a cell of words breaks only between them; the cells of
/// words around give way. Only a word longer than [`TOKEN_CHARS`] may break anywhere.
fn token_class(cell: &Text) -> Option<&'static str> {
    let text = cell.text.trim();
    let longest = text
        .split_whitespace()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    if longest > TOKEN_CHARS {
        Some("long")
    } else if !text.is_empty() && !text.contains(char::is_whitespace) {
        Some("token")
    } else {
        None
    }
}

/// A row whose note warns (an expired document, a mismatch) is marked as a whole.
fn row_mark(row: &[Text]) -> Option<&'static str> {
    let note = row.get(2).filter(|_| row.len() == 3)?;
    match note.tone {
        Tone::Bad => Some("mark-bad"),
        Tone::Attention => Some("mark-attention"),
        _ => None,
    }
}

fn prose(lines: &[Line]) -> Markup {
    html! {
        @for line in lines {
            @match line.role {
                Role::Item | Role::Under => p.item { (spans_markup(&line.spans)) },
                Role::Lead | Role::Body => p { (spans_markup(&line.spans)) },
            }
        }
    }
}

fn spans_markup(spans: &[Text]) -> Markup {
    html! { @for span in spans { (text(span)) } }
}

fn text(text: &Text) -> Markup {
    let tone = tone_class(text.tone);
    // A command (a code with spaces) may wrap between its words, never inside one.
    if text.shape == Shape::Code && text.text.contains(' ') {
        let class = if tone.is_empty() {
            "cmd".to_string()
        } else {
            format!("cmd {tone}")
        };
        let words: Vec<&str> = text.text.split(' ').collect();
        return html! {
            code class=(class) {
                @for (i, word) in words.iter().enumerate() {
                    @if i > 0 { " " }
                    span { (word) }
                }
            }
        };
    }
    html! {
        @match (text.shape, tone) {
            (Shape::Code, "") => code { (text.text) },
            (Shape::Code, tone) => code class=(tone) { (text.text) },
            (_, "") => (text.text),
            (_, tone) => span class=(tone) { (text.text) },
        }
    }
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Attention => "attention",
        Tone::Empty => "empty",
        Tone::Plain | Tone::Heading => "",
    }
}

#[cfg(test)]
mod tests;
