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

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The default config path under this environment.
    pub fn default_config(&self) -> PathBuf {
        self.path("xdg").join("idenfy-cli").join("config.toml")
    }

    /// The binary with a cleared environment: no IDENFY_*, NO_COLOR, proxies; HOME and
    /// XDG_CONFIG_HOME in the temp dir; "now" pinned.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("idenfy-cli").expect("binary");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .env("IDENFY_NOW", NOW)
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

pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
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
