//! Markdown for pasting into a ticket: text escaped so that a value cannot become markup or
//! break a table, and tables in the pipe form that GitHub, Jira and Zendesk render.

use super::clean;
use super::doc::{Block, Doc, Grid, Line, Role, Shape, Text};

/// The document as Markdown: `##` for parts, `###` for titles, a pipe table for every
/// table, lists for reasons; no colour.
pub fn render(doc: &Doc) -> String {
    let mut pieces: Vec<String> = Vec::new();
    for block in &doc.blocks {
        let piece = match block {
            Block::Headline(spans) => format!("**{}**\n", spans_text(spans)),
            Block::Part(title) => format!("## {}\n", escape(title)),
            Block::Title(title) => format!("### {}\n", escape(title)),
            Block::Table(grid) => table(grid),
            Block::Lines(lines) => prose(lines),
            Block::Gap => continue,
        };
        pieces.push(piece);
    }
    pieces.join("\n")
}

fn table(grid: &Grid) -> String {
    let columns = grid
        .rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(grid.header.len());
    let mut names: Vec<&str> = grid.header.iter().map(String::as_str).collect();
    names.resize(columns, "");
    let mut out = header(&names);
    for cells in &grid.rows {
        let cells: Vec<String> = cells.iter().map(cell).collect();
        out.push_str(&row(&cells));
    }
    out
}

fn cell(text: &Text) -> String {
    match text.shape {
        Shape::Words | Shape::Whole => escape(&text.text),
        Shape::Code => code(&text.text),
        Shape::Link => link(&text.text),
    }
}

fn spans_text(spans: &[Text]) -> String {
    spans.iter().map(cell).collect()
}

/// Paragraphs apart, list items together, a next step as an item under its reason.
fn prose(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in lines {
        let text = spans_text(&line.spans);
        match line.role {
            Role::Lead | Role::Body => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&text);
                out.push('\n');
                in_list = false;
            }
            Role::Item | Role::Under => {
                if !in_list && !out.is_empty() {
                    out.push('\n');
                }
                let marker = if line.role == Role::Item {
                    "- "
                } else {
                    "  - "
                };
                out.push_str(marker);
                out.push_str(&text);
                out.push('\n');
                in_list = true;
            }
        }
    }
    out
}

/// Text as Markdown that shows literally: the characters that start emphasis, links, code,
/// HTML or a table cell are backslash-escaped, and controls (line breaks included) are
/// shown as `\u{…}`, as in tables, so that a value stays in its cell.
pub fn escape(text: &str) -> String {
    crate::escape::markdown(&clean(text))
}

/// A code (`DOC_EXPIRED`) as a code span, which needs no escaping inside; text with a
/// backtick or a pipe in it is escaped instead.
pub fn code(text: &str) -> String {
    let cleaned = clean(text);
    if cleaned.is_empty() || cleaned.contains(['`', '|']) {
        return escape(text);
    }
    format!("`{cleaned}`")
}

/// A link as an autolink; the characters that would end it or split a table cell are
/// percent-encoded, so `|` in a link cannot break the table.
pub fn link(url: &str) -> String {
    // Only http(s) becomes a link: `javascript:`, `data:` and `file:` stay text.
    if !crate::net::urls::is_http_url(url) {
        return code(url);
    }
    let cleaned = clean(url);
    let mut out = String::with_capacity(cleaned.len() + 2);
    out.push('<');
    for c in cleaned.chars() {
        match c {
            '|' => out.push_str("%7C"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '`' => out.push_str("%60"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// One table row from cells that are already Markdown.
pub fn row(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(if cell.is_empty() { " " } else { cell });
        line.push_str(" |");
    }
    line.push('\n');
    line
}

/// A table's header row and its delimiter row.
pub fn header(names: &[&str]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| {
            if n.is_empty() {
                String::new()
            } else {
                escape(n)
            }
        })
        .collect();
    let mut out = row(&names);
    out.push('|');
    for _ in names {
        out.push_str(" --- |");
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_or_markup_in_a_value_stays_text() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("*x* _y_ [l](u)"), "\\*x\\* \\_y\\_ \\[l\\](u)");
        assert_eq!(escape("line\nbreak"), "line\\\\u{a}break");
        assert_eq!(escape("Šarūnas"), "Šarūnas");
    }

    #[test]
    fn codes_are_code_spans_unless_they_could_break_out() {
        assert_eq!(code("DOC_EXPIRED"), "`DOC_EXPIRED`");
        assert_eq!(code("a`b"), "a\\`b");
        assert_eq!(code("a|b"), "a\\|b");
    }

    #[test]
    fn links_cannot_split_a_cell() {
        assert_eq!(
            link("https://h.test/a|b c?x=<1>"),
            "<https://h.test/a%7Cb%20c?x=%3C1%3E>"
        );
    }

    #[test]
    fn only_http_links_become_links() {
        for not_web in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
        ] {
            let shown = link(not_web);
            assert!(!shown.starts_with('<'), "{shown}");
        }
        assert_eq!(link("javascript:alert(1)"), "`javascript:alert(1)`");
        assert!(link("HTTPS://h.test/a").starts_with("<HTTPS://"));
    }

    #[test]
    fn rows_have_one_cell_per_value() {
        assert_eq!(header(&["Key", "Link"]), "| Key | Link |\n| --- | --- |\n");
        assert_eq!(row(&["a".into(), String::new()]), "| a |   |\n");
    }
}
