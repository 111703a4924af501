//! `manifest.json`: what a download folder holds, with sizes and SHA-256 checksums.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::temp::TempFiles;
use super::{Outcome, Report};
use crate::error::{Error, Exit, Result};
use crate::local_read::{self, MAX_BYTES};
use crate::net::urls;
use crate::text;

pub const MANIFEST: &str = "manifest.json";

/// Lower-cased stems of the files in `dir` (`FACE.png` -> `face`), mapped to their names.
pub(super) fn existing_stems(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && name != MANIFEST)
        .filter_map(|name| {
            let (stem, _) = name.rsplit_once('.')?;
            Some((stem.to_ascii_lowercase(), name))
        })
        .collect()
}

/// Refuses, before anything is fetched, a `dir` whose earlier `manifest.json` cannot be read
/// as a file (a FIFO, a folder, over 16 MiB: exit 9) or names a scanRef other than
/// `scan_ref` (exit 2): a folder holds one verification. A missing manifest is fine.
pub fn check_manifest(dir: &Path, scan_ref: Option<&str>) -> Result<()> {
    let path = dir.join(MANIFEST);
    let bytes = match local_read::read_regular(&path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(err) if err.not_found() => return Ok(()),
        Err(err) => {
            return Err(Error::new(
                Exit::Download,
                format!("cannot read {}: {err}; refused", path.display()),
            ));
        }
    };
    match (scan_ref, named_scan_ref(&bytes)) {
        (Some(ours), Some(theirs)) if ours != theirs => {
            Err(another_case(dir, MANIFEST, &theirs, ours))
        }
        _ => Ok(()),
    }
}

/// The scanRef a saved JSON document names at its top level, if any.
pub fn named_scan_ref(bytes: &[u8]) -> Option<String> {
    let value: Value = serde_json::from_slice(bytes).ok()?;
    Some(value.get("scanRef")?.as_str()?.to_string())
}

/// The refusal of a folder whose `file` names the scanRef `theirs` for a run of `ours`.
pub fn another_case(dir: &Path, file: &str, theirs: &str, ours: &str) -> Error {
    Error::usage(format!(
        "{} holds the files of scanRef {} ({file} names it), not of {ours}; refused",
        dir.display(),
        text::one_line(theirs, 80),
    ))
    .hint(
        "each verification goes into a folder of its own (by default, one named after its scanRef)",
    )
}

/// The entries of an earlier `manifest.json` in `dir`, by key.
pub(super) fn previous_manifest(dir: &Path) -> BTreeMap<String, Map<String, Value>> {
    let Ok(bytes) = local_read::read_regular(&dir.join(MANIFEST), MAX_BYTES) else {
        return BTreeMap::new();
    };
    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        return BTreeMap::new();
    };
    let entries = value
        .get("files")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    entries
        .into_iter()
        .filter_map(|entry| match entry {
            Value::Object(map) => Some((map.get("key")?.as_str()?.to_string(), map)),
            _ => None,
        })
        .collect()
}

/// The manifest's entry for one report. URLs never carry their query (the signature).
fn manifest_entry(report: &Report) -> Value {
    let url = urls::shown_link(&report.target.url);
    let key = &report.target.key;
    match &report.outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => json!({
            "key": key,
            "file": saved.file,
            "bytes": saved.bytes,
            "sha256": saved.sha256,
            "contentType": saved.content_type,
            "url": url,
            "finalUrl": saved.from,
            "savedAt": saved.at.to_string(),
            "result": if matches!(report.outcome, Outcome::Saved(_)) { "saved" } else { "kept" },
        }),
        Outcome::Failed(failure) => json!({
            "key": key,
            "file": null,
            "url": url,
            "result": "failed",
            "error": failure.reason,
        }),
    }
}

/// The manifest: this run's entries, plus entries of an earlier run for keys not in this
/// one (an `--only` run must not forget the other files).
pub fn manifest(dir: &Path, scan_ref: Option<&str>, reports: &[Report]) -> Value {
    let mut files: Vec<Value> = reports.iter().map(manifest_entry).collect();
    let keys: HashSet<&str> = reports.iter().map(|r| r.target.key.as_str()).collect();
    for (key, entry) in previous_manifest(dir) {
        if !keys.contains(key.as_str()) {
            files.push(Value::Object(entry));
        }
    }
    json!({
        "scanRef": scan_ref,
        "createdAt": jiff::Timestamp::now().to_string(),
        "files": files,
    })
}

/// An earlier `manifest.json` of `dir`, when there is one that reads as JSON.
pub fn previous(dir: &Path) -> Option<Value> {
    let bytes = local_read::read_regular(&dir.join(MANIFEST), MAX_BYTES).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// A file of a case file that is not a download (a response, the page, the checksums),
/// under the name of the part it holds (`status`, `report`, `checksums`).
pub struct OwnFile<'a> {
    pub part: &'a str,
    pub outcome: &'a Outcome,
}

fn own_entry(own: &OwnFile<'_>) -> Value {
    match own.outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => json!({
            "part": own.part,
            "file": saved.file,
            "bytes": saved.bytes,
            "sha256": saved.sha256,
            "contentType": saved.content_type,
            "savedAt": saved.at.to_string(),
            "result": if matches!(own.outcome, Outcome::Saved(_)) { "saved" } else { "kept" },
        }),
        Outcome::Failed(failure) => json!({
            "part": own.part,
            "file": null,
            "result": "failed",
            "error": failure.reason,
        }),
    }
}

/// The manifest of a case file: the files before the downloads (the responses), the
/// downloads as [`manifest`] lists them, the files after them (the page, the checksums),
/// whether the case file is redacted, and which program made it.
pub fn case_manifest(
    dir: &Path,
    scan_ref: &str,
    before: &[OwnFile<'_>],
    reports: &[Report],
    after: &[OwnFile<'_>],
    redacted: bool,
) -> Value {
    let mut manifest = manifest(dir, Some(scan_ref), reports);
    let downloads = match manifest.get_mut("files").map(Value::take) {
        Some(Value::Array(entries)) => entries,
        _ => Vec::new(),
    };
    let files: Vec<Value> = before
        .iter()
        .map(own_entry)
        .chain(downloads)
        .chain(after.iter().map(own_entry))
        .collect();
    manifest["files"] = Value::Array(files);
    manifest["redacted"] = Value::Bool(redacted);
    manifest["madeBy"] = json!(format!("idenfy-cli {}", env!("CARGO_PKG_VERSION")));
    manifest
}

/// Adds one more file's entry (the checksums list, written after the page) to a manifest.
pub fn add_entry(manifest: &mut Value, own: &OwnFile<'_>) {
    if let Some(Value::Array(files)) = manifest.get_mut("files") {
        files.push(own_entry(own));
    }
}

/// `SHA256SUMS` for the files a manifest lists as saved or kept, in its order: one
/// `<hex>  <name>` line each, as `sha256sum -c` reads them. A name that is not a plain file
/// name of this folder (an earlier manifest may have been edited) is left out.
pub fn sums(manifest: &Value) -> String {
    let entries = manifest.get("files").and_then(Value::as_array);
    let mut text = String::new();
    for entry in entries.into_iter().flatten() {
        let file = entry.get("file").and_then(Value::as_str);
        let sha256 = entry.get("sha256").and_then(Value::as_str);
        if let (Some(file), Some(sha256)) = (file, sha256)
            && is_plain_name(file)
            && sha256.len() == 64
            && sha256.bytes().all(|b| b.is_ascii_hexdigit())
        {
            text.push_str(&format!("{sha256}  {file}\n"));
        }
    }
    text
}

/// A name of a file directly in the folder: letters, digits, `-`, `_` and `.`, not hidden.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Writes `manifest.json` in `dir` like a download: private temporary file, sync, rename.
pub fn write_manifest(dir: &Path, manifest: &Value, temp: &TempFiles) -> io::Result<PathBuf> {
    let mut text = serde_json::to_string_pretty(manifest).map_err(io::Error::other)?;
    text.push('\n');
    // A server that echoes the credentials in an error it gave does not get them written.
    temp.write(dir, MANIFEST, crate::secret::scrub(&text).as_bytes())
}

/// Total bytes across reports that saved or kept a file.
pub fn total_bytes(reports: &[Report]) -> u64 {
    reports
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Saved(s) | Outcome::Kept(s) => s.bytes,
            Outcome::Failed(_) => 0,
        })
        .sum()
}
