//! `pdf`: iDenfy's own report of a verification (`POST /api/v2/generate-pdf`), saved as a
//! file. One call, never retried. Liberal in what it reads (a JSON object holding the
//! Base64 text, a bare Base64 body, or the PDF's own bytes), strict in what it saves: a file
//! that starts with `%PDF-`, written to a private temporary file and renamed, mode 0600.

pub mod args;
mod decode;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::error::{Error, Exit, Result, io_reason};
use crate::text::shown;
use args::PdfArgs;

pub use decode::pdf_bytes;

pub fn run(settings: &Context<'_>, args: &PdfArgs) -> Result<()> {
    if settings.redact {
        return Err(Error::usage(
            "--redact: no PDF is saved: iDenfy's PDF holds the person's data and photos, which it cannot mask",
        )
        .hint("for a ticket, use `idenfy-cli case SCAN_REF --save DIR --redact`"));
    }
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.pdf", args.scan_ref)));
    // Checked before the call: the call is not made for a file that would not be written.
    if path.exists() && !args.force {
        return Err(Error::usage(format!(
            "{}: the file exists; nothing was asked for",
            shown(&path.display().to_string())
        ))
        .hint("add --force to replace it, or name another file with -o"));
    }
    let client = settings.client()?;
    let answer = client
        .generate_pdf(&args.scan_ref, options(args))
        .map_err(Error::from)?;
    let pdf = pdf_bytes(&answer.bytes, answer.content_type.as_deref())
        .map_err(|why| Error::new(Exit::Api, format!("/api/v2/generate-pdf: {why}")))?;
    save(&path, &pdf)?;
    if !settings.quiet {
        let _ = writeln!(
            std::io::stderr(),
            "Saved iDenfy's PDF of {} to {} ({} bytes)",
            args.scan_ref,
            shown(&path.display().to_string()),
            pdf.len()
        );
    }
    Ok(())
}

/// The request's options: the language, and whether the photos and files go in.
pub fn options(args: &PdfArgs) -> serde_json::Map<String, serde_json::Value> {
    let mut options = serde_json::Map::new();
    if let Some(language) = args.language {
        options.insert("language".into(), language.code().into());
    }
    if args.no_photos {
        options.insert("includeMainStepFiles".into(), false.into());
        options.insert("includeAdditionalStepFiles".into(), false.into());
    }
    options
}

/// Writes `pdf` to `path` the way downloads land (a private temporary file beside it,
/// flushed and renamed, the folder flushed), so that `path` is whole or untouched.
pub fn save(path: &Path, pdf: &[u8]) -> Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report.pdf".to_string());
    crate::download::TempFiles::default()
        .write(folder, &name, pdf)
        .map(|_| ())
        .map_err(|err| {
            Error::usage(format!(
                "cannot save {}: {}",
                shown(&path.display().to_string()),
                io_reason(&err)
            ))
        })
}
