//! The one way text is set in columns, over comfy-table: cells already laid out (wrapped,
//! painted, padded where a column must keep a width), set side by side with a gap, each line
//! right-trimmed and indented. The document's tables, the several-case rows and the help
//! topics' two columns are all set here; each decides its widths and wrapping before.

use comfy_table::{Cell, ContentArrangement, Table, presets};

/// Space between two columns.
pub const GAP: usize = 2;

/// `rows` (and `header`, when there is one) set in columns, `indent` spaces in. A cell may
/// hold several lines; a column is as wide as its widest line.
pub fn set(header: Option<Vec<String>>, rows: Vec<Vec<String>>, indent: usize) -> String {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain(header.iter().map(Vec::len))
        .max()
        .unwrap_or(0);
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    if let Some(header) = header {
        table.set_header(header.into_iter().map(Cell::new));
    }
    for row in rows {
        table.add_row(row.into_iter().map(Cell::new));
    }
    let last = columns.saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { GAP as u16 }));
    }
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(&pad);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
