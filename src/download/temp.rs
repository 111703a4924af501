//! The temporary files a download writes before renaming them, so that an interrupted
//! run can remove every one of them.

use std::fs::{self, File};
use std::io;
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
