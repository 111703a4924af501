//! `webhook verify`, `webhook show`, `webhook diff`: is a stored webhook genuine, what does
//! it say, and does the API agree.

use std::path::Path;

use crate::api::Endpoint;
use crate::context::{
    Context, decoded, present, print_json, print_json_value, read_bytes, write_stdout,
};
use crate::error::{Error, Exit, Result};
use crate::model::{self, Case, Document};
use crate::redact;
use crate::render;
use crate::webhook;
use crate::webhook::args::WebhookCommand;
use crate::webhook::deliver;
use crate::webhook::keys::signing_key;
use serde_json::json;

pub fn run(settings: &Context<'_>, command: &WebhookCommand) -> Result<()> {
    match command {
        WebhookCommand::Verify { file, signature } => {
            verify(settings, file.as_deref(), signature.as_deref())
        }
        WebhookCommand::Show { file, event_type } => {
            show(settings, file.as_deref(), event_type.as_deref())
        }
        WebhookCommand::Diff { file } => diff(settings, file.as_deref()),
        WebhookCommand::Listen {
            bind,
            port,
            dir,
            forward,
        } => crate::webhook::listen_run::run(
            settings,
            (*bind, *port).into(),
            dir,
            forward.as_deref(),
        ),
        WebhookCommand::Send {
            file,
            to,
            event_type,
        } => send(settings, file.as_deref(), to, event_type),
        WebhookCommand::Sign { file } => sign(settings, file.as_deref()),
    }
}

/// The hex signature of the body, alone on a line.
fn sign(settings: &Context<'_>, file: Option<&Path>) -> Result<()> {
    let (key, _) = signing_key(settings)?;
    let body = read_bytes(settings, file, "the body")?;
    let signature = webhook::signature_hex(key.expose().as_bytes(), &body);
    if settings.json() {
        print_json_value(settings, &serde_json::json!({ "signature": signature }))
    } else {
        write_stdout(settings, &format!("{signature}\n"))
    }
}

/// One POST of FILE's exact bytes to your endpoint, freshly signed; the answer on stdout.
fn send(settings: &Context<'_>, file: Option<&Path>, to: &str, event_type: &str) -> Result<()> {
    deliver::check_target(to).map_err(|why| {
        Error::usage(format!("--to {why}")).hint("give the URL of your own webhook endpoint")
    })?;
    let (key, _) = signing_key(settings)?;
    let body = read_bytes(settings, file, "the webhook file")?;
    let signature = webhook::signature_hex(key.expose().as_bytes(), &body);
    let proxy = settings.proxy_rules()?.proxy_for(to).map(str::to_string);
    let poster = deliver::Poster::new(
        &settings.trust()?,
        proxy.as_deref(),
        settings.call_timeout()?,
    )
    .map_err(Error::config)?;
    let headers = [
        ("Content-Type", "application/json"),
        ("Idenfy-Signature", signature.as_str()),
        ("Idenfy-Event-Type", event_type),
    ]
    .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()));
    let answer = poster.post(to, &headers, &body).map_err(|failure| {
        let error = Error::new(Exit::Network, format!("webhook send: {}", failure.message));
        match failure.hint {
            Some(hint) => error.hint(hint),
            None => error,
        }
    })?;
    let ms = answer.elapsed.as_millis();
    if settings.json() {
        print_json_value(
            settings,
            &serde_json::json!({ "status": answer.status, "ms": ms, "body": answer.body_start }),
        )?
    } else {
        let line = crate::webhook::view::answer_line(&answer, settings.style());
        write_stdout(settings, &format!("{line}\n"))?;
    }
    if answer.is_success() {
        Ok(())
    } else {
        Err(Error::new(
            Exit::Api,
            format!(
                "webhook send: {} answered HTTP {}; a delivery counts only with a 2xx answer",
                crate::net::urls::redact_credentials(to),
                answer.status
            ),
        ))
    }
}

/// Exit 0 and `valid`, or exit 1 and `invalid` with hints; with `--json`,
/// `{"valid": true|false, "bytes": N}`, the hints as a list when invalid.
fn verify(settings: &Context<'_>, file: Option<&Path>, signature: Option<&str>) -> Result<()> {
    let signature = match signature {
        Some(given) => given.to_string(),
        None => match noted_signature(file)? {
            Some(noted) => noted,
            None => return unsigned(settings, file),
        },
    };
    let signature = webhook::parse_signature(&signature).map_err(Error::usage)?;
    let (key, api_secret) = signing_key(settings)?;
    let body = read_bytes(settings, file, "the webhook file")?;
    if body.is_empty() {
        return Err(Error::usage("the webhook body is empty: nothing to verify"));
    }
    let key = key.expose().as_bytes();
    if webhook::signature_matches(key, &body, &signature) {
        return if settings.json() {
            print_json_value(settings, &json!({"valid": true, "bytes": body.len()}))
        } else {
            write_stdout(settings, "valid\n")
        };
    }
    let api_secret = api_secret.as_ref().map(|s| s.expose().as_bytes());
    let mut hints = webhook::mismatch_hints(key, &body, &signature, api_secret);
    if let Some(source) = settings.webhook_key_source() {
        hints.push(format!("the signing key in use comes from {source}"));
    }
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

/// The signature `webhook listen` noted beside FILE, for `verify` without `--signature`;
/// `None` when the note lists the headers and no signature among them.
fn noted_signature(file: Option<&Path>) -> Result<Option<String>> {
    let ask =
        || Error::usage("give --signature HEX: the Idenfy-Signature header the delivery came with");
    let file = file.filter(|f| *f != Path::new("-")).ok_or_else(ask)?;
    let Some((meta, read)) = read_note(file) else {
        return Err(ask().hint(format!(
            "{} has no note beside it; `webhook listen` notes each delivery's headers in NAME.meta.json",
            file.display()
        )));
    };
    let capture =
        read.map_err(|why| ask().hint(format!("{} cannot be read: {why}", meta.display())))?;
    match capture.signed {
        Some(_) => Ok(capture.signature_header),
        None => Err(ask().hint(format!("{} lists no headers", meta.display()))),
    }
}

/// `verify` of a capture whose note lists no signature header: "missing", exit 1.
fn unsigned(settings: &Context<'_>, file: Option<&Path>) -> Result<()> {
    let shown = file.map(|f| f.display().to_string()).unwrap_or_default();
    let error = Error::new(
        Exit::Negative,
        format!("{shown} came without an Idenfy-Signature header: it is not signed"),
    )
    .hint("a delivery is signed only when the account has a webhook signing key; unsigned, nothing shows it came from iDenfy");
    if settings.json() {
        print_json_value(settings, &json!({"valid": false, "signature": "missing"}))?;
    } else {
        write_stdout(settings, "missing\n")?;
    }
    Err(error)
}

/// What a stored payload is called in messages.
const PAYLOAD: &str = "the webhook file";

/// A stored payload, checked to be one JSON object.
fn payload(settings: &Context<'_>, file: Option<&Path>) -> Result<Document> {
    let bytes = read_bytes(settings, file, PAYLOAD)?;
    model::check(bytes).map_err(|err| {
        Error::usage(format!("{PAYLOAD} is {err}"))
            .hint("give the payload exactly as received (the request body)")
    })
}

/// Rendered offline with the status, data and files tables, plus what only a webhook has;
/// with `--json`, the payload as it came.
fn show(settings: &Context<'_>, file: Option<&Path>, event_type: Option<&str>) -> Result<()> {
    if let Some(body) = file.and_then(webhook::body_of_meta) {
        return Err(Error::usage(format!(
            "{} holds what `webhook listen` noted about a delivery, not the payload",
            file.unwrap_or(Path::new("-")).display()
        ))
        .hint(format!("show the payload beside it: {}", body.display())));
    }
    let document = payload(settings, file)?;
    if settings.json() {
        return print_json(settings, PAYLOAD, &document);
    }
    let mut capture = file.map(|f| capture(settings, f)).unwrap_or_default();
    if let Some(event_type) = event_type {
        capture.event_type = Some(event_type.to_string());
    }
    let mut body = decoded(settings, PAYLOAD, &document)?.body;
    if settings.redact {
        body = redact::body(&body);
    }
    let shown = file.map(|f| f.to_string_lossy());
    let doc = crate::webhook::view::show(&body, &capture, shown.as_deref(), settings.now()?);
    settings.show(&doc)
}

/// What `webhook listen` noted beside FILE (`NAME.meta.json` beside `NAME.json`), if it did;
/// a note that cannot be read is warned about and left out.
fn capture(settings: &Context<'_>, file: &Path) -> webhook::Capture {
    let Some((meta, read)) = read_note(file) else {
        return webhook::Capture::default();
    };
    match read {
        Ok(capture) => capture,
        Err(why) => {
            settings.warn(&format!("{} is left out: {why}", meta.display()));
            webhook::Capture::default()
        }
    }
}

/// The note `webhook listen` wrote beside FILE, read bounded: its path and what it says, or
/// why it cannot be read; `None` when there is no note.
fn read_note(
    file: &Path,
) -> Option<(
    std::path::PathBuf,
    std::result::Result<webhook::Capture, String>,
)> {
    let meta = webhook::meta_path(file).filter(|m| m.is_file())?;
    let read = crate::local_read::read_regular(&meta, crate::local_read::MAX_BYTES)
        .map_err(|err| err.to_string())
        .and_then(|bytes| webhook::Capture::parse(&bytes));
    Some((meta, read))
}

/// The payload's scanRef looked up once per endpoint, all at once; exit 1 when anything differs.
fn diff(settings: &Context<'_>, file: Option<&Path>) -> Result<()> {
    let payload = decoded(settings, PAYLOAD, &payload(settings, file)?)?.body;
    let scan_ref = match payload.get("scanRef") {
        Some(serde_json::Value::String(r)) if model::check_scan_ref(r).is_ok() => r.clone(),
        _ => {
            return Err(Error::usage(
                "the webhook payload has no valid scanRef to look up",
            ));
        }
    };
    let client = settings.client()?;
    let answers = client.fetch_all(&scan_ref);
    let body = |answer: Result<Document>, endpoint: Endpoint| -> Result<_> {
        Ok(decoded(settings, endpoint.path(), &answer?)?.body)
    };
    let bodies = Case {
        status: body(answers.status, Endpoint::Status)?,
        data: body(answers.data, Endpoint::Data)?,
        files: body(answers.files, Endpoint::Files)?,
    };
    let found = webhook::differences(&payload, &bodies.status, &bodies.data, &bodies.files);
    let found: Vec<webhook::Difference> = if settings.redact {
        found.into_iter().map(redact_difference).collect()
    } else {
        found
    };
    let verdict = crate::verdict::assess(&crate::verdict::Input {
        status: Some(&bodies.status),
        data: Some(&bodies.data),
        files: Some(&bodies.files),
        ..crate::verdict::Input::new(Some(render::today(settings.now()?)))
    });
    let current = crate::webhook::view::Current {
        verdict: &verdict,
        reasons: webhook::likely_reasons(&payload, &found),
    };
    if settings.json() {
        print_json_value(settings, &crate::webhook::view::differences_json(&found))?
    } else {
        write_stdout(
            settings,
            &present(
                settings,
                &crate::webhook::view::differences(&found, &scan_ref, Some(&current)),
            ),
        )?
    }
    // Differences are the answer, shown above: exit 1 says so to a script, with no error line.
    if found.is_empty() {
        Ok(())
    } else {
        Err(Error::silent(Exit::Negative))
    }
}

/// A difference with both values masked as they would be where they sit in the body: the
/// whole path counts (a value under `additionalData` is masked whole, whatever its key).
fn redact_difference(difference: webhook::Difference) -> webhook::Difference {
    let at_path = |value: &serde_json::Value| {
        let parts: Vec<&str> = difference.path.split('.').collect();
        // The value placed at its path in an otherwise empty body, masked, and read back.
        let mut nested = value.clone();
        for part in parts.iter().rev() {
            let mut object = serde_json::Map::new();
            object.insert((*part).to_string(), nested);
            nested = serde_json::Value::Object(object);
        }
        let serde_json::Value::Object(body) = nested else {
            return serde_json::Value::Null;
        };
        let mut masked = serde_json::Value::Object(redact::body(&body));
        for part in &parts {
            masked = masked
                .get(*part)
                .cloned()
                .unwrap_or(serde_json::Value::Null);
        }
        masked
    };
    webhook::Difference {
        webhook: at_path(&difference.webhook),
        api: at_path(&difference.api),
        path: difference.path,
    }
}
