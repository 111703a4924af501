//! Shared test helpers: a hermetic command and small fixtures.
#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use tempfile::TempDir;

pub const KEY: &str = "test-api-key-0001";
pub const SECRET: &str = "s3cr3t-Pa55-do-not-show";
/// `base64("test-api-key-0001:s3cr3t-Pa55-do-not-show")`, computed with `printf %s … | base64`.
pub const BASIC_AUTH: &str = "Basic dGVzdC1hcGkta2V5LTAwMDE6czNjcjN0LVBhNTUtZG8tbm90LXNob3c=";
pub const SCAN_REF: &str = "8f2a41c0-5b1e-11f0-9d3a-0242ac120002";
/// The fixed "now" of every test run.
pub const NOW: &str = "2026-11-23T12:30:00Z";

/// A temporary HOME and config folder; every command built here sees only them.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("home")).unwrap();
        fs::create_dir_all(dir.path().join("xdg")).unwrap();
        TestEnv { dir }
    }

    /// `name` (parts separated by `/`) inside the temp dir, with the platform's separators.
    pub fn path(&self, name: &str) -> PathBuf {
        name.split('/')
            .fold(self.dir.path().to_path_buf(), |path, part| path.join(part))
    }

    /// The default config path under this environment.
    pub fn default_config(&self) -> PathBuf {
        self.path("xdg").join("idenfy-cli").join("config.toml")
    }

    /// The binary with a cleared environment: no IDENFY_*, NO_COLOR, proxies; HOME and
    /// XDG_CONFIG_HOME in the temp dir; "now" pinned; the system keyring out of reach
    /// (`IDENFY_NO_KEYRING`), so that no test reads or writes the keyring of whoever runs it.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("idenfy-cli").expect("binary");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .env("IDENFY_NOW", NOW)
            .env("IDENFY_NO_KEYRING", "1")
            .current_dir(self.dir.path());
        cmd
    }

    /// [`TestEnv::cmd`] with credentials in the environment and the API at `base_url`.
    pub fn api(&self, base_url: &str) -> Command {
        let mut cmd = self.cmd();
        cmd.env("IDENFY_API_KEY", KEY)
            .env("IDENFY_API_SECRET", SECRET)
            .env("IDENFY_BASE_URL", base_url);
        cmd
    }

    /// Writes a file in the temp dir with the given mode and returns its path.
    pub fn write(&self, name: &str, text: &str, mode: u32) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, text).unwrap();
        set_mode(&path, mode);
        path
    }
}

/// Sets a Unix mode; elsewhere there is none to set.
pub fn set_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

/// The Unix mode bits of `path`.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A sample response the binary ships (`src/samples`), else a file of `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn fixture_path(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("src/samples").join(name);
    if sample.exists() {
        sample
    } else {
        root.join("tests/fixtures").join(name)
    }
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A one-connection server on loopback for misbehaviour httpmock cannot produce. It reads
/// the request head, hands the stream to `respond`, and returns the head it read.
pub fn serve_once<F>(respond: F) -> (String, std::thread::JoinHandle<String>)
where
    F: FnOnce(&mut std::net::TcpStream) + Send + 'static,
{
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return String::new();
        };
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => break,
            }
        }
        respond(&mut stream);
        String::from_utf8_lossy(&head).into_owned()
    });
    (url, handle)
}

/// Compares `actual` with `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites the file.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create)",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

/// A loopback server for answers httpmock cannot give. Each connection gets its own thread:
/// the request head is read, counted, and the stream handed to `respond` with the number of
/// requests seen before it (0 for the first). Answers must close the connection
/// (`Connection: close`), so that each attempt is one connection. Returns the base URL and
/// the request heads read so far.
pub fn serve_raw<F>(respond: F) -> (String, Arc<Mutex<Vec<String>>>)
where
    F: Fn(usize, &mut TcpStream) + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&heads);
    let respond = Arc::new(respond);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (seen, respond) = (Arc::clone(&seen), Arc::clone(&respond));
            std::thread::spawn(move || {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    match stream.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => return,
                    }
                }
                let index = {
                    let mut seen = seen.lock().unwrap();
                    seen.push(String::from_utf8_lossy(&head).into_owned());
                    seen.len() - 1
                };
                respond(index, &mut stream);
            });
        }
    });
    (url, heads)
}

pub fn request_count(heads: &Arc<Mutex<Vec<String>>>) -> usize {
    heads.lock().unwrap().len()
}

/// A complete `200` answer with `Connection: close`.
pub fn ok_response(stream: &mut TcpStream, content_type: &str, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A real PNG of `width` x `height` pixels of one colour (8-bit RGB, uncompressed deflate),
/// made here so that the tests need no image file.
pub fn png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    // Each row: filter type 0 (none), then the pixels.
    let row: Vec<u8> = std::iter::once(0)
        .chain(rgb.iter().copied().cycle().take(3 * width as usize))
        .collect();
    let raw = row.repeat(height as usize);
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in &raw {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (&b"IHDR"[..], header),
        (b"IDAT", zlib),
        (b"IEND", Vec::new()),
    ] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(&data);
        let crc = crc32(&png[start..]);
        png.extend_from_slice(&crc.to_be_bytes());
    }
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = match crc & 1 {
                1 => 0xedb8_8320 ^ (crc >> 1),
                _ => crc >> 1,
            };
        }
    }
    !crc
}

/// A local API answering `/api/v2/status`, `/data` and `/files` with these bodies (200,
/// JSON), whatever the scanRef; the caller may add mocks for file links.
pub fn case_api(status: &str, data: &str, files: &str) -> httpmock::MockServer {
    let server = httpmock::MockServer::start();
    for (path, body) in [
        ("/api/v2/status", status),
        ("/api/v2/data", data),
        ("/api/v2/files", files),
    ] {
        server.mock(|when, then| {
            when.method(httpmock::Method::POST).path(path);
            then.status(200)
                .header("content-type", "application/json")
                .body(body);
        });
    }
    server
}

/// `POST /api/v2/status` with exactly these credentials answers an approved status.
pub fn status_mock<'a>(
    server: &'a httpmock::MockServer,
    authorization: &str,
) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(httpmock::Method::POST)
            .path("/api/v2/status")
            .header("authorization", authorization);
        then.status(200)
            .header("content-type", "application/json")
            .body(fixture("status-approved.json"));
    })
}
