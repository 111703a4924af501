//! The case file's folder: which files it holds beside the downloads (the three responses,
//! the page, the checksums), how each lands (private temporary file, sync, rename; kept
//! unless `--force`), and how a saved one is read back, bounded, for `case --input DIR`.

use std::fs;
use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::download::{self, DownloadFailure, Outcome, Saved, TempFiles};
use crate::error::io_reason;
use crate::local_read::{self, MAX_BYTES, ReadError};

/// The responses of a case, in the order of its calls: the part's name and its file.
pub const PARTS: [(&str, &str); 3] = [
    ("status", "status.json"),
    ("data", "data.json"),
    ("files", "files.json"),
];
pub const REPORT: &str = "report.html";
/// iDenfy's own PDF report, with `case --save --pdf`; its part name in the manifest.
pub const PDF: &str = "idenfy-report.pdf";
pub const PDF_PART: &str = "pdf";
pub const PDF_TYPE: &str = "application/pdf";
pub const SUMS: &str = "SHA256SUMS";

pub const JSON_TYPE: &str = "application/json";
pub const HTML_TYPE: &str = "text/html";
pub const TEXT_TYPE: &str = "text/plain";

/// What happens to a file that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// It stays as it is and is described from the disk (no `--force`).
    Keep,
    /// It is replaced.
    Replace,
}

/// Saves `bytes` as `dir/name` through a temporary file, or keeps the file already there.
pub fn save(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    content_type: &str,
    existing: Existing,
    temp: &TempFiles,
) -> Outcome {
    let path = dir.join(name);
    if existing == Existing::Keep && fs::symlink_metadata(&path).is_ok() {
        return keep(dir, name, Some(content_type));
    }
    match temp.write(dir, name, bytes) {
        Ok(_) => Outcome::Saved(Saved {
            file: name.to_string(),
            bytes: bytes.len() as u64,
            sha256: crate::text::hex(&Sha256::digest(bytes)),
            content_type: Some(content_type.to_string()),
            at: jiff::Timestamp::now(),
            from: None,
        }),
        Err(err) => Outcome::Failed(DownloadFailure {
            reason: format!("cannot save {name}: {}", io_reason(&err)),
            hint: None,
        }),
    }
}

/// A file already in the folder, kept as the downloader keeps one; when it was saved comes
/// from the earlier manifest, if it says.
pub fn keep(dir: &Path, name: &str, content_type: Option<&str>) -> Outcome {
    let manifest = download::previous(dir);
    let earlier = manifest
        .as_ref()
        .and_then(|m| m.get("files")?.as_array())
        .and_then(|files| {
            files
                .iter()
                .find(|e| e.get("file").and_then(Value::as_str) == Some(name))
        })
        .and_then(Value::as_object);
    download::keep(dir, name, earlier, content_type)
}

/// Whether a file of that name is in the folder (of any kind).
pub fn exists(dir: &Path, name: &str) -> bool {
    fs::symlink_metadata(dir.join(name)).is_ok()
}

/// What the folder already holds, as far as a new case file in it cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Nothing (or no folder yet).
    Nothing,
    /// A redacted case file.
    Redacted,
    /// Anything else: a case file that is not redacted, downloads, other files.
    Unredacted,
}

/// What `dir` holds: a redacted case file says so in its manifest; anything else in a
/// folder that is not empty counts as personal data.
pub fn holds(dir: &Path) -> Holds {
    let Ok(entries) = fs::read_dir(dir) else {
        return Holds::Nothing;
    };
    let visible = entries
        .filter_map(Result::ok)
        .any(|entry| !entry.file_name().to_string_lossy().starts_with('.'));
    if !visible {
        return Holds::Nothing;
    }
    let redacted = download::previous(dir)
        .and_then(|manifest| manifest.get("redacted")?.as_bool())
        .unwrap_or(false);
    if redacted {
        Holds::Redacted
    } else {
        Holds::Unredacted
    }
}

/// The first response in `dir` that names a scanRef other than `scan_ref`: its file name and
/// that scanRef. Files that are missing or do not read as JSON name none.
pub fn other_scan_ref(dir: &Path, scan_ref: &str) -> Option<(&'static str, String)> {
    PARTS.iter().find_map(|(_, name)| {
        let bytes = local_read::read_regular(&dir.join(name), MAX_BYTES).ok()?;
        let theirs = download::named_scan_ref(&bytes)?;
        (theirs != scan_ref).then_some((*name, theirs))
    })
}

/// A part of a saved case file, read back.
#[derive(Debug)]
pub enum LoadedCase {
    /// The file is not in the folder (the call failed when it was saved).
    Missing,
    /// It is there but cannot be read: why.
    Unreadable(String),
    Bytes(Vec<u8>),
}

/// Why a folder is not a case file to show.
#[derive(Debug)]
pub struct NotCaseFile(pub String);

/// The three responses of the case file in `dir`, each read as a regular file of at most
/// 16 MiB. A folder with none of them and no manifest is not a case file.
pub fn load(dir: &Path) -> Result<[LoadedCase; 3], NotCaseFile> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(NotCaseFile("it is not a folder".to_string())),
        Err(err) => return Err(NotCaseFile(io_reason(&err))),
    }
    let parts = PARTS.map(
        |(_, name)| match local_read::read_regular(&dir.join(name), MAX_BYTES) {
            Ok(bytes) => LoadedCase::Bytes(bytes),
            Err(err) if err.not_found() => LoadedCase::Missing,
            Err(ReadError::TooLarge) => LoadedCase::Unreadable(format!("{name} is over 16 MiB")),
            Err(err) => LoadedCase::Unreadable(format!("cannot read {name}: {err}")),
        },
    );
    let none = parts.iter().all(|part| matches!(part, LoadedCase::Missing));
    if none && !exists(dir, download::MANIFEST) {
        return Err(NotCaseFile(format!(
            "it has no {}, {}, {} or {}",
            PARTS[0].1,
            PARTS[1].1,
            PARTS[2].1,
            download::MANIFEST
        )));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_kept_unless_replaced_and_described_from_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let temp = TempFiles::default();
        let first = save(
            dir.path(),
            "status.json",
            b"{}",
            JSON_TYPE,
            Existing::Keep,
            &temp,
        );
        assert!(matches!(&first, Outcome::Saved(s) if s.bytes == 2));
        let again = save(
            dir.path(),
            "status.json",
            b"{\"a\":1}",
            JSON_TYPE,
            Existing::Keep,
            &temp,
        );
        let Outcome::Kept(kept) = again else {
            panic!("kept expected: {again:?}")
        };
        // printf '{}' | sha256sum
        let empty_object = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
        assert_eq!((kept.bytes, kept.sha256.as_str()), (2, empty_object));
        let replaced = save(
            dir.path(),
            "status.json",
            b"{\"a\":1}",
            JSON_TYPE,
            Existing::Replace,
            &temp,
        );
        assert!(matches!(replaced, Outcome::Saved(s) if s.bytes == 7));
        assert_eq!(
            fs::read(dir.path().join("status.json")).unwrap(),
            b"{\"a\":1}"
        );
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    #[test]
    fn a_folder_without_any_part_is_not_a_case_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path()).is_err());
        fs::write(dir.path().join("data.json"), b"{}").unwrap();
        let [status, data, files] = load(dir.path()).unwrap();
        assert!(matches!(status, LoadedCase::Missing) && matches!(files, LoadedCase::Missing));
        assert!(matches!(data, LoadedCase::Bytes(b) if b == b"{}"));
        fs::create_dir(dir.path().join("status.json")).unwrap();
        assert!(matches!(
            load(dir.path()).unwrap()[0],
            LoadedCase::Unreadable(_)
        ));
        assert!(load(&dir.path().join("data.json")).is_err());
    }

    #[test]
    fn what_a_folder_holds_decides_whether_a_redacted_case_file_may_go_in() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(holds(&dir.path().join("missing")), Holds::Nothing);
        assert_eq!(holds(dir.path()), Holds::Nothing);
        fs::write(dir.path().join(".FRONT.1-0.part"), b"").unwrap();
        assert_eq!(holds(dir.path()), Holds::Nothing);
        fs::write(dir.path().join("FRONT.jpg"), b"x").unwrap();
        assert_eq!(holds(dir.path()), Holds::Unredacted);
        fs::write(dir.path().join("manifest.json"), br#"{"redacted":true}"#).unwrap();
        assert_eq!(holds(dir.path()), Holds::Redacted);
    }
}
