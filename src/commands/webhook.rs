//! `webhook verify`, `webhook show`, `webhook diff`: is a stored webhook genuine, what does
//! it say, and does the API agree.

use std::path::Path;

use super::{client, present, read_bytes, warn, warn_repairs, write_stdout};
use crate::cli::WebhookCommand;
use crate::error::{Error, Exit, Result};
use crate::model::{self, Document};
use crate::redact;
use crate::render;
use crate::settings::Settings;
use crate::webhook;

pub fn run(settings: &Settings, command: &WebhookCommand) -> Result<()> {
    match command {
        WebhookCommand::Verify { file, signature } => verify(settings, file.as_deref(), signature),
        WebhookCommand::Show { file } => show(settings, file.as_deref()),
        WebhookCommand::Diff { file } => diff(settings, file.as_deref()),
    }
}

/// Exit 0 and `valid`, or exit 1 and `invalid` with hints.
fn verify(settings: &Settings, file: Option<&Path>, signature: &str) -> Result<()> {
    let signature = webhook::parse_signature(signature).map_err(Error::usage)?;
    let (key, api_secret, warning) = settings.webhook_keys()?;
    if let Some(warning) = warning {
        warn(settings, &warning);
    }
    let Some(key) = key else {
        return Err(Error::config("no webhook signing key: IDENFY_WEBHOOK_KEY is unset and the profile has no webhook_signing_key")
            .hint("set IDENFY_WEBHOOK_KEY, or add webhook_signing_key to the profile"));
    };
    let body = read_bytes(settings, file, "the webhook file")?;
    if body.is_empty() {
        return Err(Error::usage("the webhook body is empty: nothing to verify"));
    }
    let key = key.expose().as_bytes();
    if webhook::signature_matches(key, &body, &signature) {
        return write_stdout(settings, "valid\n");
    }
    let api_secret = api_secret.as_ref().map(|s| s.expose().as_bytes());
    let hints = webhook::mismatch_hints(key, &body, &signature, api_secret);
    write_stdout(settings, "invalid\n")?;
    let mut error = Error::new(
        Exit::Negative,
        format!("the signature does not match the {} bytes read", body.len()),
    );
    for hint in hints {
        error = error.hint(hint);
    }
    Err(error)
}

/// A stored payload, decoded.
fn payload(settings: &Settings, file: Option<&Path>) -> Result<Document> {
    let bytes = read_bytes(settings, file, "the webhook file")?;
    let document = model::decode(&bytes).map_err(|err| {
        Error::usage(format!("the webhook file is {err}"))
            .hint("give the payload exactly as received (the request body)")
    })?;
    warn_repairs(settings, document.repairs);
    Ok(document)
}

/// Rendered offline with the status, data and files tables, plus what only a webhook has.
fn show(settings: &Settings, file: Option<&Path>) -> Result<()> {
    let mut document = payload(settings, file)?;
    if settings.redact {
        document.body = redact::body(&document.body);
    }
    if settings.json() {
        return write_stdout(settings, &render::json(&document.body));
    }
    let doc = render::webhook::show(&document.body, settings.now()?);
    write_stdout(settings, &present(settings, &doc))
}

/// The payload's scanRef looked up once per endpoint, all at once; exit 1 when anything differs.
fn diff(settings: &Settings, file: Option<&Path>) -> Result<()> {
    let document = payload(settings, file)?;
    let scan_ref = match document.body.get("scanRef") {
        Some(serde_json::Value::String(r)) if model::check_scan_ref(r).is_ok() => r.clone(),
        _ => {
            return Err(Error::usage(
                "the webhook payload has no valid scanRef to look up",
            ));
        }
    };
    let client = client(settings)?;
    let [status, data, files] = client.fetch_all(&scan_ref);
    let (status, data, files) = (status?, data?, files?);
    let found = webhook::differences(&document.body, &status.body, &data.body, &files.body);
    let found: Vec<webhook::Difference> = match settings.redact {
        true => found.into_iter().map(redact_difference).collect(),
        false => found,
    };
    let text = match settings.json() {
        true => render::webhook::differences_json(&found),
        false => present(settings, &render::webhook::differences(&found, &scan_ref)),
    };
    write_stdout(settings, &text)?;
    match found.len() {
        0 => Ok(()),
        n => Err(Error::new(
            Exit::Negative,
            format!("{n} difference(s) between the webhook and the API"),
        )),
    }
}

/// A difference with both values masked as their field would be.
fn redact_difference(difference: webhook::Difference) -> webhook::Difference {
    let field = difference.path.rsplit('.').next().unwrap_or("").to_string();
    webhook::Difference {
        webhook: redact::field(&field, &difference.webhook),
        api: redact::field(&field, &difference.api),
        path: difference.path,
    }
}
