//! A delivery on disk: its body byte-exact as `NAME.json` and its note as `NAME.meta.json`,
//! each written to a private temporary file, flushed to the disk and renamed, then the
//! folder flushed, so that a delivery answered 200 survives a crash.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::private_fs;
use crate::webhook::META_SUFFIX;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Saves `body` as `<stem>.json` in `dir` (`<stem>-2.json` and so on when the name is
/// taken: nothing is ever overwritten), then the note `meta(name)` makes for the name it
/// got as `<same>.meta.json`. Returns the body's file name once both are on disk; when the
/// note cannot be saved, the body is removed again.
pub fn save(
    dir: &Path,
    stem: &str,
    body: &[u8],
    meta: impl FnOnce(&str) -> Vec<u8>,
) -> io::Result<String> {
    let temp = write_temp(dir, &format!("{stem}.json"), body)?;
    let linked = link_free_name(dir, stem, &temp);
    let _ = fs::remove_file(dir.join(&temp));
    let final_stem = linked?;
    let name = format!("{final_stem}.json");
    let meta_name = format!("{final_stem}{META_SUFFIX}");
    let finished =
        write_note(dir, &meta_name, &meta(&name)).and_then(|()| private_fs::sync_dir(dir));
    match finished {
        Ok(()) => Ok(name),
        // The sender is answered with an error and sends again: no body may stay behind
        // without its note, or the retry would land as a second delivery.
        Err(err) => {
            let _ = fs::remove_file(dir.join(&name));
            Err(err)
        }
    }
}

/// Writes the note as `meta_name` through a temporary file.
fn write_note(dir: &Path, meta_name: &str, note: &[u8]) -> io::Result<()> {
    let meta_temp = write_temp(dir, meta_name, note)?;
    fs::rename(dir.join(&meta_temp), dir.join(meta_name)).inspect_err(|_| {
        let _ = fs::remove_file(dir.join(&meta_temp));
    })
}

/// A private temporary file `.<name>.<pid>-<n>.part` holding `bytes`, flushed to the disk;
/// a run killed before the rename leaves one that the next run removes.
fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<String> {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = format!(".{name}.{}-{n}.part", std::process::id());
    let path = dir.join(&temp);
    let written = private_fs::create_file(&path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(temp),
        Err(err) => {
            let _ = fs::remove_file(&path);
            Err(err)
        }
    }
}

/// Gives the temporary file its final name without replacing anything: a hard link fails
/// when the name is taken, and the next name is tried.
fn link_free_name(dir: &Path, stem: &str, temp: &str) -> io::Result<String> {
    for attempt in 1..=100 {
        let candidate = match attempt {
            1 => stem.to_string(),
            n => format!("{stem}-{n}"),
        };
        let target = dir.join(format!("{candidate}.json"));
        match fs::hard_link(dir.join(temp), &target) {
            Ok(()) => return Ok(candidate),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            // A file system without hard links: a rename onto a name that is free now.
            Err(_) if !target.exists() => {
                fs::copy(dir.join(temp), &target)?;
                File::open(&target)?.sync_all()?;
                return Ok(candidate);
            }
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}.json and 99 other names are taken"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_is_saved_beside_its_note_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = save(dir.path(), "t-1", b"{\"a\":1}\n", |name| {
            format!("note of {name}").into_bytes()
        })
        .unwrap();
        assert_eq!(first, "t-1.json");
        let second = save(dir.path(), "t-1", b"other", |name| name.as_bytes().to_vec()).unwrap();
        assert_eq!(second, "t-1-2.json");
        assert_eq!(
            fs::read(dir.path().join("t-1.json")).unwrap(),
            b"{\"a\":1}\n"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("t-1.meta.json")).unwrap(),
            "note of t-1.json"
        );
        assert_eq!(fs::read(dir.path().join("t-1-2.json")).unwrap(), b"other");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 4, "no temporary file is left: {names:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join("t-1.json"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    /// A delivery whose note cannot be saved leaves nothing behind: the sender, answered with
    /// an error, sends it again, and the retry must not land as a second delivery.
    #[test]
    fn a_body_whose_note_cannot_be_saved_is_removed_so_a_retry_is_no_duplicate() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the note goes: renaming the note onto it fails.
        fs::create_dir(dir.path().join("t-1.meta.json")).unwrap();
        assert!(save(dir.path(), "t-1", b"{}", |_| b"note".to_vec()).is_err());
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["t-1.meta.json"],
            "the body or a temporary file stayed"
        );
    }
}
