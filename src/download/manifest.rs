//! `manifest.json`: what a download folder holds, with sizes and SHA-256 checksums.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::temp::TempFiles;
use super::{Outcome, Report};
use crate::local_read::{self, MAX_LOCAL_BYTES};
use crate::urls;

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

/// An earlier `manifest.json` in `dir` that cannot be read as a file (a FIFO, a folder,
/// over 16 MiB) stops the download before anything is fetched; a missing one is fine.
pub fn check_manifest(dir: &Path) -> Result<(), String> {
    match local_read::read_regular(&dir.join(MANIFEST), MAX_LOCAL_BYTES) {
        Err(err) if !err.not_found() => Err(format!(
            "cannot read {}: {err}; refused",
            dir.join(MANIFEST).display()
        )),
        _ => Ok(()),
    }
}

/// The entries of an earlier `manifest.json` in `dir`, by key.
pub(super) fn previous_manifest(dir: &Path) -> BTreeMap<String, Map<String, Value>> {
    let Ok(bytes) = local_read::read_regular(&dir.join(MANIFEST), MAX_LOCAL_BYTES) else {
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

/// Writes `manifest.json` in `dir` like a download: private temporary file, sync, rename.
pub fn write_manifest(dir: &Path, manifest: &Value, temp: &TempFiles) -> io::Result<PathBuf> {
    let (temp_path, mut file) = temp.create(dir, "manifest")?;
    let mut text = serde_json::to_string_pretty(manifest).map_err(io::Error::other)?;
    text.push('\n');
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let target = dir.join(MANIFEST);
    match written.and_then(|()| temp.commit(&temp_path, &target)) {
        Ok(()) => {
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
            Ok(target)
        }
        Err(err) => {
            temp.discard(&temp_path);
            Err(err)
        }
    }
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
