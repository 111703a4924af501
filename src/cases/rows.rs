//! Several cases, one row each: the scanRef, the status, for `case` the document's expiry,
//! and the reason in plain words (the headline's). The columns get their widths before the
//! first row, so that rows printed one at a time, as they come, stay aligned. The reason,
//! last, wraps in its column; when the terminal leaves it too little room, it goes on lines
//! of its own under the row. Markdown rows for a ticket too.

use jiff::civil::Date;
use serde_json::{Map, Value};
use textwrap::core::display_width;

use crate::diagnosis;
use crate::model::code;
use crate::render::columns::{self, GAP};
use crate::render::terminal::wrap_words;
use crate::render::{Style, Text, Tone, clean, markdown, value_text};
use crate::vocab::{self, Category, overall_reading};

/// Which command's rows: `status` has no expiry column; `case` reads the expiry against
/// `today`.
#[derive(Debug, Clone, Copy)]
pub enum Columns {
    Status,
    Case { today: Date },
}

/// What a case's calls answered: the bodies that came, and why the others did not.
#[derive(Debug, Default)]
pub struct Answers<'a> {
    pub status: Option<&'a Map<String, Value>>,
    pub data: Option<&'a Map<String, Value>>,
    /// The calls that failed, in order: what each asked for (`data`) and why it failed.
    pub failures: Vec<(&'a str, &'a str)>,
}

impl Answers<'_> {
    /// The verdict on what came.
    pub fn verdict(&self, today: Option<Date>) -> crate::verdict::Verdict {
        let data_unread = self
            .failures
            .iter()
            .find(|(what, _)| *what == "data")
            .map(|(_, why)| *why);
        crate::verdict::assess(&crate::verdict::Input {
            status: self.status,
            data: self.data,
            data_unread,
            ..crate::verdict::Input::new(today)
        })
    }
}

/// How the rows are laid out, decided once before the first row.
#[derive(Debug, Clone)]
pub struct Layout {
    columns: Columns,
    style: Style,
    markdown: bool,
    scan_ref_width: usize,
    status_width: usize,
    /// `None`: the reason is never wrapped (a pipe, or Markdown).
    reason_width: Option<usize>,
    /// The reason goes on lines of its own under the row, wrapped to this width.
    reason_below: Option<usize>,
}

/// The status column fits the longest status iDenfy documents, or `error`.
const STATUS_HEADER: &str = "Status";
const EXPIRY_HEADER: &str = "Document expiry";
/// The widest expiry cell: a date and how it reads today.
const EXPIRY_WIDTH: usize = "2026-11-23 expires today".len();
/// Less room than this beside the other columns, and the reason goes under the row.
const MIN_REASON_WIDTH: usize = 30;
/// How far the reason under a row is indented.
const REASON_INDENT: usize = 4;

impl Layout {
    /// The layout for scanRefs of at most `longest_scan_ref` characters.
    pub fn new(columns: Columns, longest_scan_ref: usize, style: Style, markdown: bool) -> Layout {
        let status_width = vocab::entries()
            .iter()
            .filter(|entry| entry.category == Category::OverallStatus)
            .map(|entry| entry.code.len())
            .chain([STATUS_HEADER.len(), "error".len()])
            .max()
            .unwrap_or_default();
        let mut layout = Layout {
            columns,
            style,
            markdown,
            scan_ref_width: longest_scan_ref.max("scanRef".len()),
            status_width,
            reason_width: None,
            reason_below: None,
        };
        let fixed: usize = layout.fixed_widths().iter().map(|w| w + GAP).sum();
        match (markdown, style.width) {
            (false, Some(width)) if width >= fixed + MIN_REASON_WIDTH => {
                layout.reason_width = Some(width - fixed);
            }
            (false, Some(width)) => layout.reason_below = Some(width - REASON_INDENT),
            _ => {}
        }
        layout
    }

    fn fixed_widths(&self) -> Vec<usize> {
        let mut widths = vec![self.scan_ref_width, self.status_width];
        if let Columns::Case { .. } = self.columns {
            widths.push(EXPIRY_WIDTH);
        }
        widths
    }

    fn names(&self) -> Vec<&'static str> {
        match self.columns {
            Columns::Status => vec!["scanRef", STATUS_HEADER, "Verdict"],
            Columns::Case { .. } => vec!["scanRef", STATUS_HEADER, EXPIRY_HEADER, "Verdict"],
        }
    }

    /// The header: column names, or a Markdown table's first two lines.
    pub fn header(&self) -> String {
        let names = self.names();
        if self.markdown {
            return markdown::header(&names);
        }
        let widths = self.fixed_widths();
        let mut cells: Vec<Text> = names
            .iter()
            .zip(widths.iter().copied().map(Some).chain([None]))
            .map(|(name, width)| Text::new(*name, Tone::Heading).padded(width))
            .collect();
        if self.reason_below.is_some() {
            cells.pop();
        }
        self.line(&cells)
    }

    /// One line of cells, each painted, set in columns.
    fn line(&self, cells: &[Text]) -> String {
        let painted = cells
            .iter()
            .map(|cell| self.style.paint(&cell.text, cell.tone))
            .collect();
        columns::set(None, vec![painted], 0)
    }

    /// One case's row, with its line end.
    pub fn row(&self, scan_ref: &str, answers: &Answers<'_>) -> String {
        let status = status_cell(answers.status);
        let today = match self.columns {
            Columns::Status => None,
            Columns::Case { today } => Some(today),
        };
        let reason = reason_cell(answers, today);
        let expiry = match self.columns {
            Columns::Status => None,
            Columns::Case { today } => Some(expiry_cell(answers.data, today)),
        };
        if self.markdown {
            let status = match answers.status {
                Some(_) => markdown::code(&status.text),
                None => status.text,
            };
            let mut cells = vec![markdown::code(scan_ref), status];
            cells.extend(expiry.map(|expiry| markdown::escape(&expiry.text)));
            cells.push(markdown::escape(&reason.text));
            return markdown::row(&cells);
        }
        let mut cells = vec![
            Text::plain(clean(scan_ref)).padded(Some(self.scan_ref_width)),
            status.padded(Some(self.status_width)),
        ];
        cells.extend(expiry.map(|expiry| expiry.padded(Some(EXPIRY_WIDTH))));
        if let Some(width) = self.reason_below {
            let below = wrap_words(&reason.text, width)
                .iter()
                .map(|piece| vec![self.style.paint(piece, reason.tone)])
                .collect();
            return self.line(&cells) + &columns::set(None, below, REASON_INDENT);
        }
        let Some(width) = self.reason_width else {
            cells.push(reason);
            return self.line(&cells);
        };
        // The reason wraps in its column; the lines after the first start under it.
        let mut painted: Vec<String> = cells
            .iter()
            .map(|cell| self.style.paint(&cell.text, cell.tone))
            .collect();
        let pieces: Vec<String> = wrap_words(&reason.text, width)
            .iter()
            .map(|piece| self.style.paint(piece, reason.tone))
            .collect();
        painted.push(pieces.join("\n"));
        columns::set(None, vec![painted], 0)
    }
}

impl Text {
    /// The text padded with spaces to `width` columns; longer text is left whole.
    fn padded(self, width: Option<usize>) -> Text {
        Text {
            text: pad(&self.text, width),
            ..self
        }
    }
}

fn status_cell(status: Option<&Map<String, Value>>) -> Text {
    let Some(body) = status else {
        return Text::new("error", Tone::Bad);
    };
    let overall = body.get("status");
    match code(overall) {
        Some(status) => Text::new(clean(status), overall_reading(status).into()),
        None => overall.map_or_else(Text::null, value_text),
    }
}

/// Why the calls failed, when one did; else the headline's reason in plain words.
fn reason_cell(answers: &Answers<'_>, today: Option<Date>) -> Text {
    if let [(_, first), others @ ..] = answers.failures.as_slice() {
        let too = match others {
            [] => String::new(),
            [(one, _)] => format!(" ({one} failed too)"),
            [rest @ .., (last, _)] => {
                let rest: Vec<&str> = rest.iter().map(|(part, _)| *part).collect();
                format!(" ({} and {last} failed too)", rest.join(", "))
            }
        };
        return Text::new(clean(&format!("{first}{too}")), Tone::Bad);
    }
    match answers.status {
        Some(_) => {
            let verdict = answers.verdict(today);
            Text::new(
                clean(&format!(
                    "{}: {}",
                    verdict.disposition.slug(),
                    verdict.sentence()
                )),
                crate::lookup::view::status::tone(verdict.disposition),
            )
        }
        None => Text::null(),
    }
}

/// The document's expiry with how it reads today, short enough for a row: `2025-06-30
/// expired`, `2027-06-30 valid`, `2026-11-23 expires today`; a value that is not a date as it
/// came. The coloured word says at a glance; `case` shows the days.
fn expiry_cell(data: Option<&Map<String, Value>>, today: Date) -> Text {
    let Some(value) = data.and_then(|body| body.get("docExpiry")) else {
        return Text::null();
    };
    let Some(expiry) = code(Some(value)) else {
        return value_text(value);
    };
    let expiry = clean(expiry);
    match diagnosis::expiry_note(&expiry, today) {
        Some((_, reading)) => {
            let word = match reading {
                vocab::Reading::Bad => "expired",
                vocab::Reading::Good => "valid",
                vocab::Reading::Attention => "expires today",
            };
            Text::new(format!("{expiry} {word}"), reading.into())
        }
        None => Text::plain(expiry),
    }
}

/// Text padded with spaces to `width` columns; longer text is left whole.
fn pad(text: &str, width: Option<usize>) -> String {
    let shown = display_width(text);
    match width {
        Some(width) if shown < width => format!("{text}{}", " ".repeat(width - shown)),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    fn plain(width: Option<usize>) -> Style {
        Style {
            color: false,
            width,
            hyperlinks: false,
        }
    }

    fn today() -> Date {
        "2026-11-23".parse().unwrap()
    }

    #[test]
    fn rows_printed_one_at_a_time_line_up_under_the_header() {
        let layout = Layout::new(Columns::Status, 5, plain(None), false);
        let denied = body(json!({"status": "DENIED", "autoDocument": "DOC_EXPIRED"}));
        let approved = body(
            json!({"status": "APPROVED", "autoFace": "FACE_MATCH", "autoDocument": "DOC_VALIDATED"}),
        );
        let text = [
            layout.header(),
            layout.row(
                "ab",
                &Answers {
                    status: Some(&denied),
                    ..Answers::default()
                },
            ),
            layout.row(
                "abcde",
                &Answers {
                    status: Some(&approved),
                    ..Answers::default()
                },
            ),
            layout.row(
                "c",
                &Answers {
                    failures: vec![("status", "/api/v2/status: HTTP 404 Not Found")],
                    ..Answers::default()
                },
            ),
        ]
        .concat();
        let expected = "\
scanRef  Status           Verdict
ab       DENIED           client-action: the document has expired (DOC_EXPIRED)
abcde    APPROVED         passed: the verification passed, final and with nothing else found
c        error            /api/v2/status: HTTP 404 Not Found
";
        assert_eq!(text, expected);
    }

    #[test]
    fn the_reason_wraps_in_its_column_or_goes_under_the_row_and_every_line_fits() {
        let denied = body(json!({"status": "DENIED", "autoDocument": "DOC_EXPIRED"}));
        let answers = Answers {
            status: Some(&denied),
            ..Answers::default()
        };
        let row = Layout::new(Columns::Status, 5, plain(Some(60)), false).row("abc", &answers);
        assert_eq!(
            row,
            "abc      DENIED           client-action: the document has\n                          expired (DOC_EXPIRED)\n"
        );
        let narrow = Layout::new(Columns::Status, 5, plain(Some(40)), false);
        assert_eq!(narrow.header(), "scanRef  Status\n");
        assert_eq!(
            narrow.row("abc", &answers),
            "abc      DENIED\n    client-action: the document has\n    expired (DOC_EXPIRED)\n"
        );
        for width in [40, 60, 80] {
            let layout = Layout::new(Columns::Status, 5, plain(Some(width)), false);
            for line in layout.row("abc", &answers).lines() {
                assert!(display_width(line) <= width, "{width}: {line}");
            }
        }
    }

    #[test]
    fn case_rows_show_the_document_expiry_as_it_reads_today() {
        let expired = body(json!({"docExpiry": "2025-06-30"}));
        let valid = body(json!({"docExpiry": "2027-06-30"}));
        let odd = body(json!({"docExpiry": "soon"}));
        let cell = |data: Option<&Map<String, Value>>| expiry_cell(data, today());
        assert_eq!(
            cell(Some(&expired)),
            Text::new("2025-06-30 expired", Tone::Bad)
        );
        assert_eq!(
            cell(Some(&valid)),
            Text::new("2027-06-30 valid", Tone::Good)
        );
        assert_eq!(cell(Some(&odd)).text, "soon");
        assert_eq!(cell(None).text, "—");
        let layout = Layout::new(Columns::Case { today: today() }, 3, plain(None), false);
        let status = body(
            json!({"status": "APPROVED", "autoFace": "FACE_MATCH", "autoDocument": "DOC_VALIDATED"}),
        );
        let row = layout.row(
            "abc",
            &Answers {
                status: Some(&status),
                data: Some(&expired),
                failures: Vec::new(),
            },
        );
        assert_eq!(
            layout.header(),
            "scanRef  Status           Document expiry           Verdict\n"
        );
        assert_eq!(
            row,
            "abc      APPROVED         2025-06-30 expired        passed: the verification passed, final and with nothing else found\n"
        );
    }

    #[test]
    fn markdown_rows_escape_what_came_from_outside() {
        let layout = Layout::new(Columns::Status, 3, plain(Some(40)), true);
        assert_eq!(
            layout.header(),
            "| scanRef | Status | Verdict |\n| --- | --- | --- |\n"
        );
        let odd = body(json!({"status": "A|B"}));
        let row = layout.row(
            "abc",
            &Answers {
                status: Some(&odd),
                ..Answers::default()
            },
        );
        assert!(row.starts_with("| `abc` | A\\|B | "), "{row}");
        let failed = layout.row(
            "abc",
            &Answers {
                failures: vec![("status", "x|y"), ("data", "z"), ("files", "z")],
                ..Answers::default()
            },
        );
        assert_eq!(
            failed,
            "| `abc` | error | x\\|y (data and files failed too) |\n"
        );
    }

    #[test]
    fn a_failed_case_says_error_in_red() {
        let layout = Layout::new(
            Columns::Status,
            3,
            Style {
                color: true,
                width: None,
                hyperlinks: false,
            },
            false,
        );
        let row = layout.row(
            "abc",
            &Answers {
                failures: vec![("status", "down")],
                ..Answers::default()
            },
        );
        assert!(row.contains("error"), "{row}");
        assert!(row.contains("\u{1b}[31m"), "{row}");
    }
}
