//! `find --client-id ID`: a client's verifications, page by page until done or `--limit`.
//! One page is held at a time: `--json` writes each page's results as they come, and the
//! table keeps of each result only what its row shows.

use std::io::{self, Write};

use serde_json::{Map, Value};

use crate::api::{ApiError, Pages};
use crate::context::{Context, warn_repairs};
use crate::error::{Error, Result};
use crate::lookup::args::FindArgs;
use crate::output;
use crate::redact;

/// The longest text a row keeps of a field: a table cell never needs more.
const CELL_CHARS: usize = 64;

pub fn run(settings: &Context<'_>, args: &FindArgs) -> Result<()> {
    let client = settings.client()?;
    let mut pages = client.find_identifications(&args.client_id, args.limit as usize);
    // When the first page already fails, nothing was read: stdout stays empty rather than
    // saying the client has no verifications.
    let first = match pages.next_page() {
        Some(Ok(first)) => first,
        Some(Err(failure)) => return Err(Error::from(failure)),
        None => Vec::new(),
    };
    let shown = |mut result: Value| {
        if settings.redact
            && let Value::Object(fields) = &result
        {
            result = Value::Object(redact::body(fields));
        }
        result
    };
    let failure = if settings.json() {
        write_json(settings, &mut pages, first, &shown)?
    } else {
        show_table(settings, args, &mut pages, first, &shown)?
    };
    warn_repairs(settings, pages.repairs);
    if let Some(failure) = failure {
        let read = format!(
            "the {} result(s) above were read before the failure",
            pages.read
        );
        return Err(Error::from(failure).hint(read));
    }
    if let Some(total) = pages
        .total
        .filter(|&t| t != u64::MAX && t > pages.read as u64)
        && !settings.quiet
    {
        let _ = writeln!(
            io::stderr(),
            "Showing {} of {total}; raise --limit to see more.",
            pages.read
        );
    }
    Ok(())
}

/// The results as one JSON list, each page written as it comes; the failure that ended the
/// pages early, if any (the list is closed all the same).
fn write_json(
    settings: &Context<'_>,
    pages: &mut Pages<'_>,
    first: Vec<Value>,
    shown: &dyn Fn(Value) -> Value,
) -> Result<Option<ApiError>> {
    let mut failure = None;
    output::write_json(settings, |out, pretty| {
        let mut list = crate::json::ListWriter::open(out, pretty)?;
        let mut page = Some(first);
        while let Some(results) = page.take() {
            for result in results {
                let text = serde_json::to_vec(&shown(result)).map_err(io::Error::other)?;
                list.item(out, &text)?;
            }
            // What is read is passed on before the next page is asked for.
            out.flush()?;
            page = match pages.next_page() {
                Some(Ok(next)) => Some(next),
                Some(Err(err)) => {
                    failure = Some(err);
                    None
                }
                None => None,
            };
        }
        list.close(out).map(|_| ())
    })?;
    Ok(failure)
}

/// The results as a table, keeping of each only what its row shows.
fn show_table(
    settings: &Context<'_>,
    args: &FindArgs,
    pages: &mut Pages<'_>,
    first: Vec<Value>,
    shown: &dyn Fn(Value) -> Value,
) -> Result<Option<ApiError>> {
    let mut rows: Vec<Value> = first.into_iter().map(|r| row_fields(shown(r))).collect();
    let mut failure = None;
    while let Some(page) = pages.next_page() {
        match page {
            Ok(results) => rows.extend(results.into_iter().map(|r| row_fields(shown(r)))),
            Err(err) => {
                failure = Some(err);
                break;
            }
        }
    }
    let shown_id = if settings.redact {
        redact::field("clientId", &Value::String(args.client_id.clone()))
            .as_str()
            .unwrap_or_default()
            .to_string()
    } else {
        args.client_id.clone()
    };
    settings.show(&crate::lookup::view::find::render(&rows, &shown_id))?;
    Ok(failure)
}

/// What a row shows of a result: its scanRef, status and whether it was suspected, each cut
/// to a cell's worth. A result that is not an object is kept as a short text.
fn row_fields(result: Value) -> Value {
    match result {
        Value::Object(mut fields) => {
            let mut kept = Map::new();
            for key in ["scanRef", "status", "suspected"] {
                if let Some(value) = fields.remove(key) {
                    kept.insert(key.to_string(), cell(value));
                }
            }
            Value::Object(kept)
        }
        other => cell(other),
    }
}

fn cell(value: Value) -> Value {
    let text = match value {
        Value::String(text) => text,
        Value::Array(_) | Value::Object(_) => value.to_string(),
        other => return other,
    };
    Value::String(crate::text::cut(&text, CELL_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_row_keeps_only_what_it_shows_each_cut_to_a_cell() {
        let long = "x".repeat(1_000_000);
        let kept = row_fields(json!({
            "scanRef": long, "status": "APPROVED", "suspected": false,
            "clientId": "c", "data": {"docFirstName": "JOHN"}
        }));
        assert_eq!(
            kept,
            json!({"scanRef": format!("{}…", "x".repeat(64)), "status": "APPROVED", "suspected": false})
        );
        assert_eq!(row_fields(json!([1, 2])), json!("[1,2]"));
    }
}
