//! A document laid out for a terminal: prose wrapped at word boundaries with its indent
//! kept, tables fitted to the width by shrinking their widest columns, links shortened in
//! the middle. Without a width (a pipe) nothing is wrapped or shortened.

use owo_colors::OwoColorize;
use textwrap::core::display_width;

use super::doc::{Block, Doc, Grid, Line, Role, Shape, Text, Tone};

/// Colour on or off and the width to fit (`None`: nothing wrapped or shortened), decided
/// once by the settings.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: Option<usize>,
    /// A shortened link is an OSC 8 hyperlink to the whole URL.
    pub hyperlinks: bool,
}

impl Style {
    pub fn paint(&self, text: &str, tone: Tone) -> String {
        if !self.color {
            return text.to_string();
        }
        match tone {
            Tone::Plain => text.to_string(),
            Tone::Good => text.green().to_string(),
            Tone::Bad => text.red().to_string(),
            Tone::Attention => text.yellow().to_string(),
            Tone::Empty => text.dimmed().to_string(),
            Tone::Heading => text.bold().to_string(),
        }
    }

    /// Each word painted on its own, so that wrapping never carries a colour into an indent.
    fn paint_words(&self, text: &str, tone: Tone) -> String {
        if !self.color || tone == Tone::Plain {
            return text.to_string();
        }
        text.split(' ')
            .map(|word| match word {
                "" => String::new(),
                word => self.paint(word, tone),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use super::columns::GAP;

/// What a document says when it had to shorten a link.
pub const SHORTENED_NOTE: &str =
    "Links are shortened to fit the terminal; --json (or a pipe) shows them whole.";

/// The document as terminal text, with one note at the end when a link was shortened.
/// Every piece of text is cleaned first: nothing from outside reaches the terminal as control.
pub fn render(doc: &Doc, style: Style) -> String {
    let doc = doc.cleaned();
    let mut out = String::new();
    let mut shortened = false;
    for block in &doc.blocks {
        match block {
            Block::Headline(spans) => out.push_str(&wrap_spans(spans, 0, 2, style)),
            Block::Part(title) => {
                let line = format!("━━ {title} ━━");
                out.push_str(&style.paint(&line, Tone::Heading));
                out.push('\n');
            }
            Block::Title(title) => {
                out.push_str(&style.paint(title, Tone::Heading));
                out.push('\n');
            }
            Block::Table(grid) => out.push_str(&table(grid, style, &mut shortened)),
            Block::Lines(lines) => {
                for line in lines {
                    out.push_str(&prose(line, style));
                }
            }
            Block::Gap => out.push('\n'),
        }
    }
    if shortened {
        out.push('\n');
        out.push_str(&wrap_spans(
            &[Text::new(SHORTENED_NOTE, Tone::Empty)],
            0,
            0,
            style,
        ));
    }
    out
}

/// A line of prose: its role sets the indent; continuation lines hang two columns deeper.
fn prose(line: &Line, style: Style) -> String {
    let mut spans = line.spans.clone();
    let indent = match line.role {
        Role::Lead => 0,
        Role::Body => 2,
        Role::Item => {
            spans.insert(0, Text::plain("- "));
            2
        }
        Role::Under => 4,
    };
    wrap_spans(&spans, indent, indent + 2, style)
}

/// Spans joined, painted word by word, and wrapped to the width with a hanging indent.
fn wrap_spans(spans: &[Text], indent: usize, hang: usize, style: Style) -> String {
    let text: String = spans
        .iter()
        .map(|span| style.paint_words(&span.text, span.tone))
        .collect();
    let first = " ".repeat(indent);
    let rest = " ".repeat(hang);
    let mut out = String::new();
    match style.width {
        None => {
            out.push_str(&first);
            out.push_str(&text);
            out.push('\n');
        }
        Some(width) => {
            let options = textwrap::Options::new(width)
                .initial_indent(&first)
                .subsequent_indent(&rest)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(true);
            for line in textwrap::wrap(&text, options) {
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    out
}

/// What a cell shows when its whole text is set below its row.
const BELOW: &str = "(below)";

/// A table with its columns fitted to the width, lines right-trimmed and indented. A path
/// or command too wide for its column is set whole on a line of its own under its row,
/// named by its column.
fn table(grid: &Grid, style: Style, shortened: &mut bool) -> String {
    let columns = grid
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(grid.header.len()))
        .max()
        .unwrap_or(0);
    let widths = style.width.map(|width| {
        let room = width.saturating_sub(grid.indent + GAP * columns.saturating_sub(1));
        fit_widths(grid, columns, room)
    });
    let header: Option<Vec<String>> = grid.show_header.then(|| {
        grid.header
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let width = widths.as_ref().map(|w| w[i]);
                lay_out(
                    &Text::new(name.clone(), Tone::Heading),
                    width,
                    style,
                    shortened,
                )
            })
            .collect()
    });
    let mut below: Vec<Vec<String>> = Vec::new();
    let rows: Vec<Vec<String>> = grid
        .rows
        .iter()
        .map(|row| {
            let mut under = Vec::new();
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let width = widths.as_ref().map(|w| w[i]);
                    if text.shape == Shape::Whole
                        && width.is_some_and(|w| display_width(&text.text) > w)
                    {
                        let name = grid.header.get(i).map_or("", String::as_str);
                        let label = style.paint(&format!("{name}:"), Tone::Empty);
                        under.push(format!("{label} {}", style.paint(&text.text, text.tone)));
                        return style.paint(BELOW, Tone::Empty);
                    }
                    lay_out(text, width, style, shortened)
                })
                .collect();
            below.push(under);
            cells
        })
        .collect();
    match widths {
        Some(widths) if below.iter().any(|under| !under.is_empty()) => {
            set_with_lines_below(header, rows, &below, &widths, grid.indent)
        }
        _ => super::columns::set(header, rows, grid.indent),
    }
}

/// The table set a row at a time, every column held at its fitted width so that the rows
/// line up, each row followed by the whole texts that did not fit it, two columns in.
fn set_with_lines_below(
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    below: &[Vec<String>],
    widths: &[usize],
    indent: usize,
) -> String {
    let last = widths.len().saturating_sub(1);
    let padded = |cells: Vec<String>| -> Vec<String> {
        cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == last {
                    return cell;
                }
                let lines: Vec<String> = cell
                    .split('\n')
                    .map(|line| {
                        let short = widths[i].saturating_sub(display_width(line));
                        format!("{line}{}", " ".repeat(short))
                    })
                    .collect();
                lines.join("\n")
            })
            .collect()
    };
    let mut out = match header {
        Some(header) => super::columns::set(Some(padded(header)), Vec::new(), indent),
        None => String::new(),
    };
    let pad = " ".repeat(indent + 2);
    for (row, under) in rows.into_iter().zip(below) {
        out.push_str(&super::columns::set(None, vec![padded(row)], indent));
        for line in under {
            out.push_str(&pad);
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A cell's text fitted to its column: words wrapped, links shortened, then painted line
/// by line.
fn lay_out(text: &Text, width: Option<usize>, style: Style, shortened: &mut bool) -> String {
    let Some(width) = width.filter(|w| display_width(&text.text) > *w && *w > 0) else {
        return style.paint(&text.text, text.tone);
    };
    let lines: Vec<String> = match text.shape {
        Shape::Link => {
            *shortened = true;
            let short = style.paint(&shorten_link(&text.text, width), text.tone);
            return match hyperlink_target(&text.text).filter(|_| style.hyperlinks) {
                Some(url) => format!("\u{1b}]8;;{url}\u{1b}\\{short}\u{1b}]8;;\u{1b}\\"),
                None => short,
            };
        }
        Shape::Words | Shape::Code => wrap_words(&text.text, width),
        Shape::Whole => vec![text.text.clone()],
    };
    lines
        .iter()
        .map(|line| style.paint(line, text.tone))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The URL a hyperlink may point to: http or https, printable ASCII only (no control, space
/// or escape byte could end the sequence early or write to the terminal).
fn hyperlink_target(url: &str) -> Option<&str> {
    let scheme_ok = crate::net::urls::is_http_url(url);
    let bytes_ok = url.bytes().all(|b| (0x21..=0x7e).contains(&b));
    (scheme_ok && bytes_ok).then_some(url)
}

/// Column widths that fit `room`: the last column (the notes, the summary) gives first, down
/// to what it needs at least; then the widest column gives a column at a time, until the
/// table fits (or nothing can give any more). Labels and values keep their lines longest.
fn fit_widths(grid: &Grid, columns: usize, room: usize) -> Vec<usize> {
    let mut widths = vec![0; columns];
    let mut least = vec![0; columns];
    if grid.show_header {
        for (i, name) in grid.header.iter().enumerate() {
            widths[i] = display_width(name);
            least[i] = widths[i];
        }
    }
    // When the table does not fit as it is, a path or command wider than half the room goes
    // below its row whatever the widths: the columns are fitted to the others.
    let fits = (0..columns)
        .map(|i| {
            grid.rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|text| display_width(&text.text))
                .chain(
                    grid.show_header
                        .then(|| grid.header.get(i).map_or(0, |h| display_width(h))),
                )
                .max()
                .unwrap_or(0)
        })
        .sum::<usize>()
        <= room;
    for row in &grid.rows {
        for (i, text) in row.iter().enumerate() {
            if !fits && text.shape == Shape::Whole && display_width(&text.text) > room / 2 {
                // The cell will say where its text went: room for that, at least.
                least[i] = least[i].max(BELOW.len());
                widths[i] = widths[i].max(BELOW.len());
                continue;
            }
            widths[i] = widths[i].max(display_width(&text.text));
            least[i] = least[i].max(least_width(text));
        }
    }
    for (least, width) in least.iter_mut().zip(&widths) {
        *least = (*least).min(*width);
    }
    let mut total: usize = widths.iter().sum();
    if let Some(last) = columns.checked_sub(1).filter(|_| columns > 1) {
        let give = (total.saturating_sub(room)).min(widths[last] - least[last]);
        widths[last] -= give;
        total -= give;
    }
    while total > room {
        let widest = (0..columns)
            .filter(|&i| widths[i] > least[i])
            .max_by_key(|&i| widths[i]);
        let Some(i) = widest else { break };
        widths[i] -= 1;
        total -= 1;
    }
    widths
}

/// A cell's text wrapped to `width` columns: at spaces, after a dot or slash inside a word,
/// never at a hyphen; a word wider than the column is broken only then.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::Custom(dotted_words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// Words of a cell: at spaces, and also after a `.` or `/` inside a word, so that a dotted
/// field name or a path wraps between its parts rather than in the middle of one.
fn dotted_words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b' ' {
            let end = at + bytes[at..].iter().take_while(|b| **b == b' ').count();
            words.push(textwrap::core::Word::from(&line[start..end]));
            (start, at) = (end, end);
            continue;
        }
        let inside = bytes.get(at + 1).is_some_and(|next| *next != b' ');
        if matches!(bytes[at], b'.' | b'/') && inside {
            words.push(textwrap::core::Word::from(&line[start..=at]));
            start = at + 1;
        }
        at += 1;
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

/// The narrowest a cell may become: its longest word (up to 24 columns), a whole code
/// (up to 40, a scanRef's length), a link down to 20.
fn least_width(text: &Text) -> usize {
    match text.shape {
        Shape::Words => dotted_words(&text.text)
            .map(|word| word.width)
            .max()
            .unwrap_or(0)
            .min(24),
        Shape::Code => display_width(&text.text).min(40),
        Shape::Link => display_width(&text.text).min(20),
        Shape::Whole => display_width(&text.text).min(24),
    }
}

/// A link shortened in the middle to `width` columns: without its query (`…/FRONT.png?…`),
/// else scheme and host, `…`, the file name (`https://s3.…/FRONT.png?…`), else a plain
/// middle cut.
pub fn shorten_link(url: &str, width: usize) -> String {
    if display_width(url) <= width {
        return url.to_string();
    }
    let (head, query) = match url.split_once('?') {
        Some((head, _)) => (head, "?…"),
        None => (url, ""),
    };
    if !query.is_empty() && display_width(head) + 2 <= width {
        return format!("{head}{query}");
    }
    let (scheme, rest) = head.split_once("://").unwrap_or(("", head));
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let file = path.rsplit('/').next().unwrap_or("");
    let prefix = match scheme {
        "" => String::new(),
        scheme => format!("{scheme}://"),
    };
    let tail = format!("/…/{file}{query}");
    let fixed = display_width(&prefix) + display_width(&tail);
    if !file.is_empty() && fixed + display_width(host) <= width {
        return format!("{prefix}{host}{tail}");
    }
    let host_room = (width + 1).saturating_sub(fixed);
    if !file.is_empty() && host_room >= 3 {
        let kept: String = host.chars().take(host_room).collect();
        return format!("{prefix}{kept}…/{file}{query}");
    }
    middle_cut(url, width)
}

/// The start and end of `text` around a `…`, `width` characters in all.
fn middle_cut(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        return text.to_string();
    }
    let keep = width.saturating_sub(1);
    let front = keep.div_ceil(2);
    let back = keep - front;
    let mut out: String = chars[..front].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - back..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://s3.eu-west-1.amazonaws.com/bucket/users/8f2a41c0/FRONT.png?AWSAccessKeyId=AKID&Signature=c2ln&Expires=1700000000";

    #[test]
    fn links_keep_host_and_file_name() {
        assert_eq!(
            shorten_link(LINK, 80),
            "https://s3.eu-west-1.amazonaws.com/bucket/users/8f2a41c0/FRONT.png?…"
        );
        assert_eq!(
            shorten_link(LINK, 60),
            "https://s3.eu-west-1.amazonaws.com/…/FRONT.png?…"
        );
        assert_eq!(shorten_link(LINK, 30), "https://s3.eu-wes…/FRONT.png?…");
        assert_eq!(display_width(&shorten_link(LINK, 30)), 30);
        let cut = shorten_link(LINK, 12);
        assert_eq!(display_width(&cut), 12);
        assert!(cut.starts_with("https") && cut.contains('…'), "{cut}");
        assert_eq!(shorten_link("https://h.test/a", 40), "https://h.test/a");
    }

    #[test]
    fn the_widest_column_gives_first() {
        let grid = Grid {
            header: vec!["A".into(), "B".into(), "C".into()],
            show_header: true,
            rows: vec![vec![
                Text::plain("short"),
                Text::plain("a few words in a longer cell"),
                Text::link(LINK),
            ]],
            indent: 0,
        };
        let widths = fit_widths(&grid, 3, 60);
        assert_eq!(widths.iter().sum::<usize>(), 60);
        assert_eq!(widths[0], 5, "the narrow column keeps its width");
        assert!(widths[1] == 28 || widths[2] == 27, "{widths:?}");
    }

    #[test]
    fn prose_wraps_at_words_and_keeps_its_hanging_indent() {
        let style = Style {
            color: false,
            width: Some(30),
            hyperlinks: false,
        };
        let line = Line {
            role: Role::Item,
            spans: vec![Text::plain(
                "DUPLICATE_FACE (fraud tag): the selfie face matches other clients' verification data.",
            )],
        };
        let text = prose(&line, style);
        for row in text.lines().skip(1) {
            assert!(
                row.starts_with("    ") && !row.starts_with("     "),
                "{text}"
            );
        }
        assert!(text.lines().all(|l| display_width(l) <= 30), "{text}");
        assert!(text.contains("verification"), "words stay whole: {text}");
    }

    #[test]
    fn without_a_width_nothing_is_wrapped_or_shortened() {
        let style = Style {
            color: false,
            width: None,
            hyperlinks: false,
        };
        let mut doc = Doc::new();
        doc.table(&["Link"], vec![vec![Text::link(LINK)]]);
        let text = render(&doc, style);
        assert!(text.contains(LINK) && !text.contains(SHORTENED_NOTE));
        let narrow = render(
            &doc,
            Style {
                color: false,
                width: Some(60),
                hyperlinks: false,
            },
        );
        assert!(!narrow.contains(LINK) && narrow.contains("shows them whole"));
    }
}
