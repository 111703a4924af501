//! Files and folders only their owner can read: identity documents, manifests, and the
//! config file that holds secrets.

use std::fs::{self, File};
use std::io;
use std::path::Path;

/// Flushes a folder's entries (a rename, a new name) to the disk, so that a file saved in it
/// survives a crash. Unix needs the folder itself flushed; NTFS journals its folders, and
/// Windows cannot open one as a file, so there it is the files' own flush that counts.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Creates `path` for writing with mode 0600 on Unix (elsewhere, with the folder's own
/// access rules: on Windows, those of the user's profile); fails if it exists.
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Creates `dir` and missing parents with mode 0700; an existing folder is left as it is.
/// `true` when this call created `dir` itself (not only its parents).
pub fn create_dir(dir: &Path) -> io::Result<bool> {
    match private_builder(false).create(dir) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(false),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                private_builder(true).create(parent)?;
            }
            match private_builder(false).create(dir) {
                Ok(()) => Ok(true),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(false),
                Err(err) => Err(err),
            }
        }
        Err(err) => Err(err),
    }
}

fn private_builder(recursive: bool) -> fs::DirBuilder {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(recursive);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_dir_says_whether_it_made_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a").join("b");
        assert!(create_dir(&dir).unwrap());
        assert!(dir.is_dir());
        assert!(!create_dir(&dir).unwrap());
        assert!(!create_dir(root.path()).unwrap());
        let file = root.path().join("file");
        fs::write(&file, "x").unwrap();
        assert!(create_dir(&file).is_err());
    }
}
