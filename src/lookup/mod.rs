//! `status`, `data` and `files` without `--download`: one response, as a table or JSON.

pub mod args;
pub mod explain;
pub mod find;
pub mod view;

use serde_json::{Map, Value};

use crate::api::Endpoint;
use crate::context::{Context, decoded, fetch_document, present, print_json, write_stdout};
use crate::lookup::args::ResponseArgs;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{self, BodyKind};
use crate::redact;
use crate::render;

pub fn status(settings: &Context<'_>, args: &ResponseArgs) -> Result<()> {
    let today = render::today(settings.now()?);
    show(settings, args, Endpoint::Status, |body| {
        Ok(crate::lookup::view::status::render(body, today))
    })
}

pub fn data(settings: &Context<'_>, args: &ResponseArgs) -> Result<()> {
    let context = crate::lookup::view::data::Context::new(settings.now()?, None);
    show(settings, args, Endpoint::Data, |body| {
        Ok(crate::lookup::view::data::render(body, &context))
    })
}

pub fn files(settings: &Context<'_>, args: &ResponseArgs) -> Result<()> {
    let now = settings.now()?;
    show(settings, args, Endpoint::Files, |body| {
        Ok(crate::lookup::view::files::render(body, now))
    })
}

/// A saved body of another command's kind is a usage error that names the right command.
fn check_kind(body: &Map<String, Value>, endpoint: Endpoint, path: &Path) -> Result<()> {
    let expected = match endpoint {
        Endpoint::Status => BodyKind::Status,
        Endpoint::Data => BodyKind::Data,
        _ => BodyKind::Files,
    };
    match model::body_kind(body) {
        Some(kind) if kind != expected => {
            let name = path.display().to_string();
            Err(Error::usage(format!(
                "--input {name} holds {}, not {}",
                kind.name(),
                expected.name()
            ))
            .hint(format!("`{}` reads it", kind.command(&name))))
        }
        _ => Ok(()),
    }
}

/// Gets one response and prints it with `table`, or as JSON with `--json`.
fn show(
    settings: &Context<'_>,
    args: &ResponseArgs,
    endpoint: Endpoint,
    table: impl Fn(&Map<String, Value>) -> Result<render::Doc>,
) -> Result<()> {
    let document = fetch_document(
        settings,
        args.input.as_deref(),
        args.scan_ref.as_deref(),
        endpoint,
    )?;
    let what = match &args.input {
        Some(path) => format!("--input {}", path.display()),
        None => endpoint.path().to_string(),
    };
    if settings.json() {
        return print_json(settings, &what, &document);
    }
    let decoded = decoded(settings, &what, &document)?;
    if let Some(path) = &args.input {
        check_kind(&decoded.body, endpoint, path)?;
    }
    let body = if settings.redact {
        redact::body(&decoded.body)
    } else {
        decoded.body
    };
    write_stdout(settings, &present(settings, &table(&body)?))
}
