//! `find --client-id ID`: a client's verifications, page by page until done or `--limit`.

use std::io::{self, Write};

use serde_json::Value;

use crate::context::{Context, print_json_value, warn_repairs};
use crate::error::{Error, Result};
use crate::lookup::args::FindArgs;
use crate::redact;

pub fn run(settings: &Context<'_>, args: &FindArgs) -> Result<()> {
    let client = settings.client()?;
    let listing = client.find_identifications(&args.client_id, args.limit as usize);
    warn_repairs(settings, listing.repairs);
    let mut results = listing.results;
    if settings.redact {
        for result in &mut results {
            if let Value::Object(fields) = result {
                *fields = redact::body(fields);
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
    // When the first page already failed, nothing was read: stdout stays empty rather than
    // saying the client has no verifications.
    let nothing_read = results.is_empty() && listing.failure.is_some();
    if !nothing_read {
        if settings.json() {
            print_json_value(settings, &Value::Array(results.clone()))?
        } else {
            settings.show(&crate::lookup::view::find::render(&results, &shown_id))?
        }
    }
    if let Some(failure) = listing.failure {
        let error = Error::from(failure);
        if nothing_read {
            return Err(error);
        }
        let read = format!(
            "the {} result(s) above were read before the failure",
            results.len()
        );
        return Err(error.hint(read));
    }
    if let Some(total) = listing
        .total
        .filter(|&t| t != u64::MAX && t > results.len() as u64)
        && !settings.quiet
    {
        let _ = writeln!(
            io::stderr(),
            "Showing {} of {total}; raise --limit to see more.",
            results.len()
        );
    }
    Ok(())
}
