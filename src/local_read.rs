//! Local files the tool is given to read (the config file, saved responses, webhook
//! bodies, a download folder's manifest): regular files only, and never more than a bound,
//! so a FIFO cannot hang a run and `/dev/zero` cannot fill the memory.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The most any body is read to: a response, a local file or stdin, a webhook delivery, a
/// config file, a manifest. One bound for all, 16 MiB.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why a local file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not a regular file: what it is instead ("a FIFO", "a directory", …).
    NotRegular(&'static str),
    TooLarge,
}

impl ReadError {
    pub fn not_found(&self) -> bool {
        matches!(self, ReadError::Io(err) if err.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(err) => f.write_str(&crate::error::io_reason(err)),
            ReadError::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::TooLarge => f.write_str("it is over 16 MiB"),
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them. The file is opened
/// without blocking, so a FIFO is refused instead of waited on.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Windows cannot open a folder as a file: it is told apart before it is opened.
    #[cfg(not(unix))]
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_file()
    {
        return Err(ReadError::NotRegular(kind(&metadata.file_type())));
    }
    let file = open_without_blocking(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(kind(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge);
    }
    read_at_most(file, limit, metadata.len())
}

/// Standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, ReadError> {
    read_at_most(io::stdin().lock(), limit, 0)
}

/// At most `limit` bytes of `reader`; `expected` sizes the buffer, so that a file read whole
/// takes its own size and not the next power of two.
fn read_at_most(reader: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize + 1);
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        Err(ReadError::TooLarge)
    } else {
        Ok(bytes)
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(unix)]
fn kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_and_files_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("a directory"))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        ));
        let file = dir.path().join("body");
        std::fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_regular(&file, 10).unwrap(), b"0123456789");
        assert!(matches!(read_regular(&file, 9), Err(ReadError::TooLarge)));
        assert!(
            read_regular(&dir.path().join("missing"), 9)
                .unwrap_err()
                .not_found()
        );
    }
}
