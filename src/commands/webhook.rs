//! `webhook verify`, `webhook show`, `webhook diff`: is a stored webhook genuine, what does
//! it say, and does the API agree.

use std::path::Path;

use super::{
    client, decoded, present, print_json, print_json_value, read_bytes, warn, write_stdout,
};
use crate::api::Endpoint;
use crate::cli::WebhookCommand;
use crate::error::{Error, Exit, Result};
use crate::model::{self, Document};
use crate::redact;
use crate::render;
use crate::settings::Settings;
use crate::webhook;
use serde_json::json;

pub fn run(settings: &Settings, command: &WebhookCommand) -> Result<()> {
    match command {
        WebhookCommand::Verify { file, signature } => verify(settings, file.as_deref(), signature),
        WebhookCommand::Show { file } => show(settings, file.as_deref()),
        WebhookCommand::Diff { file } => diff(settings, file.as_deref()),
    }
}

/// Exit 0 and `valid`, or exit 1 and `invalid` with hints; with `--json`,
/// `{"valid": true|false, "bytes": N}`, the hints as a list when invalid.
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
        return match settings.json() {
            true => print_json_value(settings, &json!({"valid": true, "bytes": body.len()})),
            false => write_stdout(settings, "valid\n"),
        };
    }
    let api_secret = api_secret.as_ref().map(|s| s.expose().as_bytes());
    let hints = webhook::mismatch_hints(key, &body, &signature, api_secret);
    let error = Error::new(
        Exit::Negative,
        format!("the signature does not match the {} bytes read", body.len()),
    );
    if settings.json() {
        let verdict = json!({"valid": false, "bytes": body.len(), "hints": hints});
        print_json_value(settings, &verdict)?;
        return Err(error);
    }
    write_stdout(settings, "invalid\n")?;
    Err(hints.into_iter().fold(error, Error::hint))
}

/// What a stored payload is called in messages.
const PAYLOAD: &str = "the webhook file";

/// A stored payload, checked to be one JSON object.
fn payload(settings: &Settings, file: Option<&Path>) -> Result<Document> {
    let bytes = read_bytes(settings, file, PAYLOAD)?;
    model::check(bytes).map_err(|err| {
        Error::usage(format!("{PAYLOAD} is {err}"))
            .hint("give the payload exactly as received (the request body)")
    })
}

/// Rendered offline with the status, data and files tables, plus what only a webhook has;
/// with `--json`, the payload as it came.
fn show(settings: &Settings, file: Option<&Path>) -> Result<()> {
    let document = payload(settings, file)?;
    if settings.json() {
        return print_json(settings, PAYLOAD, &document);
    }
    let mut body = decoded(settings, PAYLOAD, &document)?.body;
    if settings.redact {
        body = redact::body(&body);
    }
    let doc = render::webhook::show(&body, settings.now()?);
    write_stdout(settings, &present(settings, &doc))
}

/// The payload's scanRef looked up once per endpoint, all at once; exit 1 when anything differs.
fn diff(settings: &Settings, file: Option<&Path>) -> Result<()> {
    let payload = decoded(settings, PAYLOAD, &payload(settings, file)?)?.body;
    let scan_ref = match payload.get("scanRef") {
        Some(serde_json::Value::String(r)) if model::check_scan_ref(r).is_ok() => r.clone(),
        _ => {
            return Err(Error::usage(
                "the webhook payload has no valid scanRef to look up",
            ));
        }
    };
    let client = client(settings)?;
    let endpoints = [Endpoint::Status, Endpoint::Data, Endpoint::Files];
    let mut bodies = Vec::new();
    for (answer, endpoint) in client.fetch_all(&scan_ref).into_iter().zip(endpoints) {
        bodies.push(decoded(settings, endpoint.path(), &answer?)?.body);
    }
    let found = webhook::differences(&payload, &bodies[0], &bodies[1], &bodies[2]);
    let found: Vec<webhook::Difference> = match settings.redact {
        true => found.into_iter().map(redact_difference).collect(),
        false => found,
    };
    match settings.json() {
        true => print_json_value(settings, &render::webhook::differences_json(&found))?,
        false => write_stdout(
            settings,
            &present(settings, &render::webhook::differences(&found, &scan_ref)),
        )?,
    }
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
