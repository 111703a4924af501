//! `find --client-id ID`: a client's verifications, page by page until done or `--limit`.

use std::collections::HashSet;
use std::io::{self, Write};

use serde_json::Value;

use super::{client, warn_repairs, write_stdout};
use crate::api::{Endpoint, Page};
use crate::cli::FindArgs;
use crate::error::{Error, Exit, Result};
use crate::redact;
use crate::render;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &FindArgs) -> Result<()> {
    let client = client(settings)?;
    let limit = args.limit as usize;
    let mut results: Vec<Value> = Vec::new();
    let mut total: Option<u64> = None;
    let mut next: Option<String> = None;
    let mut seen = HashSet::new();
    let failure = loop {
        let page = match &next {
            Some(url) => Page::Next(url),
            None => Page::First {
                client_id: &args.client_id,
            },
        };
        let document = match client.identifications(page) {
            Ok(document) => document,
            Err(err) => break Some(Error::from(err)),
        };
        warn_repairs(settings, &document);
        let Some(Value::Array(items)) = document.body.get("results") else {
            break Some(Error::new(
                Exit::Api,
                format!(
                    "{}: the response has no `results` list",
                    Endpoint::Identifications.path()
                ),
            ));
        };
        total = total.or(document.body.get("count").and_then(Value::as_u64));
        results.extend(items.iter().take(limit - results.len()).cloned());
        // Every page must bring something new: an empty page, or a count already reached,
        // ends the list whatever `next` says, so a misbehaving server cannot make this poll.
        let more = !items.is_empty()
            && results.len() < limit
            && total.is_none_or(|total| (results.len() as u64) < total);
        next = match document.body.get("next") {
            Some(Value::String(url)) if !url.is_empty() && more => Some(url.clone()),
            _ => break None,
        };
        if let Some(url) = &next
            && !seen.insert(url.clone())
        {
            break Some(Error::new(
                Exit::Api,
                format!(
                    "{}: the pages loop back to a page already read",
                    Endpoint::Identifications.path()
                ),
            ));
        }
    };
    if settings.redact {
        for result in &mut results {
            if let Value::Object(fields) = result {
                *fields = redact::body(fields);
            }
        }
    }
    let text = match settings.json {
        true => render::json_value(&Value::Array(results.clone())),
        false => render::find::render(&results, &args.client_id, settings.style()),
    };
    write_stdout(&text)?;
    if let Some(error) = failure {
        return Err(error.hint(format!(
            "the {} result(s) above were read before the failure",
            results.len()
        )));
    }
    if let Some(total) = total.filter(|&t| t > results.len() as u64)
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
