//! A body streamed to disk in fixed-size pieces while another thread hashes them.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::Attempt;
use super::temp::TempFiles;
use crate::error::io_reason;

/// Bytes read and written at a time; memory does not grow with the file.
pub const BUFFER_BYTES: usize = 256 * 1024;
/// Buffers in flight between the reading and the hashing thread of one download.
const PIPELINE_DEPTH: usize = 4;
/// The slowest a body may arrive, on average over each window of the timeout: a host that
/// trickles a byte now and then cannot hold a download open for ever.
pub const MIN_BYTES_PER_SECOND: u64 = 1024;

/// Whether the bytes keep coming fast enough: at least [`MIN_BYTES_PER_SECOND`] over each
/// window (as curl's `--speed-limit` over `--speed-time`).
struct Pace {
    window: Duration,
    started: Instant,
    bytes: u64,
}

impl Pace {
    fn new(window: Duration) -> Pace {
        Pace {
            window,
            started: Instant::now(),
            bytes: 0,
        }
    }

    fn check(&mut self, read: u64, total: u64) -> Result<(), Attempt> {
        self.bytes += read;
        let elapsed = self.started.elapsed();
        if elapsed < self.window {
            return Ok(());
        }
        if (self.bytes as f64) < MIN_BYTES_PER_SECOND as f64 * elapsed.as_secs_f64() {
            return Err(Attempt::last(
                format!(
                    "the file host sent {} bytes in {:.1} s, under 1 KiB/s; gave up after {total} bytes",
                    self.bytes,
                    elapsed.as_secs_f64()
                ),
                Some(
                    "a slow network or a stalled host; try again later, or raise --timeout"
                        .to_string(),
                ),
            ));
        }
        *self = Pace::new(self.window);
        Ok(())
    }
}

/// Copies `reader` into `file` in [`BUFFER_BYTES`] pieces while another thread hashes the
/// pieces already written: [`PIPELINE_DEPTH`] buffers go round, so memory stays fixed.
pub(super) fn stream(
    reader: &mut impl Read,
    file: &mut File,
    temp: &TempFiles,
    window: Duration,
    mut advanced: impl FnMut(u64),
) -> Result<(u64, String), Attempt> {
    let (to_hasher, filled) = mpsc::sync_channel::<(Vec<u8>, usize)>(PIPELINE_DEPTH);
    let (to_reader, emptied) = mpsc::channel::<Vec<u8>>();
    for _ in 0..PIPELINE_DEPTH {
        let _ = to_reader.send(vec![0u8; BUFFER_BYTES]);
    }
    std::thread::scope(|scope| {
        let hasher = scope.spawn(move || {
            let mut hasher = Sha256::new();
            for (buffer, n) in filled {
                hasher.update(&buffer[..n]);
                let _ = to_reader.send(buffer);
            }
            crate::text::hex(&hasher.finalize())
        });
        let pace = Pace::new(window);
        let copied = copy(
            reader,
            file,
            temp,
            pace,
            &to_hasher,
            &emptied,
            &mut advanced,
        );
        drop(to_hasher);
        let sha256 = hasher
            .join()
            .map_err(|_| Attempt::last("the hashing thread failed".to_string(), None))?;
        copied.map(|bytes| (bytes, sha256))
    })
}

fn copy(
    reader: &mut impl Read,
    file: &mut File,
    temp: &TempFiles,
    mut pace: Pace,
    to_hasher: &mpsc::SyncSender<(Vec<u8>, usize)>,
    emptied: &mpsc::Receiver<Vec<u8>>,
    advanced: &mut impl FnMut(u64),
) -> Result<u64, Attempt> {
    let mut bytes = 0u64;
    loop {
        if temp.interrupted() {
            return Err(Attempt::last("interrupted".to_string(), None));
        }
        let mut buffer = emptied
            .recv()
            .map_err(|_| Attempt::last("the hashing thread stopped".to_string(), None))?;
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => 0,
            Err(err) => {
                return Err(Attempt::retry(format!(
                    "the connection failed after {bytes} bytes: {}",
                    io_reason(&err)
                )));
            }
        };
        file.write_all(&buffer[..n]).map_err(|err| {
            Attempt::last(format!("cannot write to disk: {}", io_reason(&err)), None)
        })?;
        bytes += n as u64;
        advanced(n as u64);
        pace.check(n as u64, bytes)?;
        to_hasher
            .send((buffer, n))
            .map_err(|_| Attempt::last("the hashing thread stopped".to_string(), None))?;
    }
}

/// The size and SHA-256 of a file on disk.
pub fn hash_file(path: &Path) -> io::Result<(u64, String)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; BUFFER_BYTES];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        bytes += n as u64;
    }
    Ok((bytes, crate::text::hex(&hasher.finalize())))
}
