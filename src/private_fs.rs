//! Files and folders only their owner can read: identity documents, manifests, and the
//! config file that holds secrets.

use std::fs::{self, File};
use std::io;
use std::path::Path;

/// Creates `path` for writing with mode 0600; fails if it exists.
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
