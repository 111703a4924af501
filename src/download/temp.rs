//! The temporary files a download writes before renaming them, so that an interrupted
//! run can remove every one of them.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::private_fs;

/// The temporary files in flight. After [`TempFiles::remove_all_and`] starts, no new one can
/// appear, so an interrupted run leaves none behind.
#[derive(Debug, Default)]
pub struct TempFiles {
    live: Mutex<Vec<PathBuf>>,
    interrupted: AtomicBool,
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TempFiles {
    fn lock(&self) -> MutexGuard<'_, Vec<PathBuf>> {
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// A new private file `.<stem>.<pid>-<n>.part` in `dir`.
    pub(super) fn create(&self, dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
        let mut live = self.lock();
        if self.interrupted() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{stem}.{}-{n}.part", std::process::id()));
        let file = private_fs::create_file(&path)?;
        live.push(path.clone());
        Ok((path, file))
    }

    /// Renames the finished temporary file to its final name.
    pub(super) fn commit(&self, temp: &Path, target: &Path) -> io::Result<()> {
        let mut live = self.lock();
        if self.interrupted() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        fs::rename(temp, target)?;
        live.retain(|p| p != temp);
        Ok(())
    }

    /// Writes `bytes` as `dir/name` the way a download lands: a private temporary file,
    /// synced, renamed over the final name, and the folder synced.
    pub fn write(&self, dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let stem = name.split('.').next().unwrap_or(name);
        let (temp_path, mut file) = self.create(dir, stem)?;
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
        let target = dir.join(name);
        match written.and_then(|()| self.commit(&temp_path, &target)) {
            Ok(()) => {
                let _ = crate::private_fs::sync_dir(dir);
                Ok(target)
            }
            Err(err) => {
                self.discard(&temp_path);
                Err(err)
            }
        }
    }

    pub(super) fn discard(&self, temp: &Path) {
        let mut live = self.lock();
        let _ = fs::remove_file(temp);
        live.retain(|p| p != temp);
    }

    /// For Ctrl-C: removes every temporary file, then calls `then` with how many, still
    /// holding the lock so that no other file can be created or renamed meanwhile.
    pub fn remove_all_and<R>(&self, then: impl FnOnce(usize) -> R) -> R {
        let mut live = self.lock();
        self.interrupted.store(true, Ordering::SeqCst);
        let count = live.iter().filter(|p| fs::remove_file(p).is_ok()).count();
        live.clear();
        then(count)
    }
}

/// A temporary file of a run that no longer runs: `.<stem>.<pid>-<n>.part` whose process
/// is gone (on Linux, no `/proc/<pid>`), or, where that cannot be told, older than a day.
fn is_stale(name: &str, modified: Option<std::time::SystemTime>) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".part")) else {
        return false;
    };
    let Some((_, tag)) = inner.rsplit_once('.') else {
        return false;
    };
    let Some((pid, n)) = tag.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) || pid == std::process::id().to_string() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid).exists();
    }
    modified
        .and_then(|at| at.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(86_400))
}

/// Removes the temporary files that killed runs left in `dir`; returns how many.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter(|entry| {
            let name = entry.file_name();
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            name.to_str().is_some_and(|name| is_stale(name, modified))
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_tools_files_of_dead_runs_are_stale() {
        let dead = u32::MAX - 1;
        assert!(is_stale(&format!(".FRONT.{dead}-0.part"), None));
        assert!(is_stale(&format!(".a.b.{dead}-12.part"), None));
        let me = std::process::id();
        assert!(!is_stale(&format!(".FRONT.{me}-0.part"), None));
        assert!(!is_stale("FRONT.png", None));
        assert!(!is_stale(".FRONT.part", None));
        assert!(!is_stale(&format!(".FRONT.{dead}-x.part"), None));
        assert!(!is_stale(&format!("FRONT.{dead}-0.part"), None));
    }
}
