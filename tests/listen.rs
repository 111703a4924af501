//! `webhook listen` as a real process on a free loopback port: deliveries saved byte-exact
//! beside their notes, the signature's verdict, 405 and 413, a silent client that holds up
//! no one, `--forward`, a clean stop on SIGTERM and Ctrl-C, and `webhook show` of a capture.
//!
//! The signature vector is the one of `tests/webhook.rs` (computed with Python's `hmac`).
// Helpers of the tests that run on Unix only are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code))]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

const WEBHOOK_KEY: &str = "whsec-test-key-7781";
/// HMAC-SHA256(WEBHOOK_KEY, src/samples/webhook.json).
const SIGNATURE: &str = "90362f407b25ad68d75270df9f6748e48f1be50e6879aaaf07592dcaca08f010";

/// A running `webhook listen`, its address read from its first line on stderr.
struct Listener {
    child: Child,
    addr: String,
    dir: PathBuf,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

/// Collects everything `stream` says into a string shared with the test.
fn collect(stream: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    thread::spawn(move || {
        let mut lines = BufReader::new(stream);
        let mut line = String::new();
        while lines.read_line(&mut line).unwrap_or(0) > 0 {
            into.lock().unwrap().push_str(&line);
            line.clear();
        }
    });
}

impl Listener {
    fn start(env: &TestEnv, key: Option<&str>, extra: &[&str]) -> Listener {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"));
        command
            .env_clear()
            .env("HOME", env.path("home"))
            .env("XDG_CONFIG_HOME", env.path("xdg"))
            // Credentials that must never travel with a delivery.
            .env("IDENFY_API_KEY", KEY)
            .env("IDENFY_API_SECRET", SECRET)
            .current_dir(env.dir.path())
            .args(["webhook", "listen", "--port", "0", "--dir", "caps"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(key) = key {
            command.env("IDENFY_WEBHOOK_KEY", key);
        }
        let mut child = command.spawn().unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address on stderr: {first:?}"))
            .to_string();
        let (out, err) = (Arc::default(), Arc::new(Mutex::new(first)));
        collect(child.stdout.take().unwrap(), Arc::clone(&out));
        collect(stderr, Arc::clone(&err));
        Listener {
            child,
            addr,
            dir: env.path("caps"),
            stdout: out,
            stderr: err,
        }
    }

    /// Sends `signal` with `kill` and waits (at most 30 s) for the exit code.
    fn stop(self, signal: &str) -> (Option<i32>, String, String) {
        let sent = Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        self.wait()
    }

    /// Waits (at most 30 s) for the exit code, and what was printed.
    fn wait(mut self) -> (Option<i32>, String, String) {
        let started = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.code();
            }
            if started.elapsed() > Duration::from_secs(30) {
                let _ = self.child.kill();
                panic!("the listener did not stop");
            }
            thread::sleep(Duration::from_millis(20));
        };
        // The collectors finish once the pipes close.
        thread::sleep(Duration::from_millis(100));
        let out = self.stdout.lock().unwrap().clone();
        let err = self.stderr.lock().unwrap().clone();
        (code, out, err)
    }
}

/// One request on its own connection; the status and the whole answer.
fn request(addr: &str, method: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut head = format!(
        "{method} /hooks/idenfy HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

fn post(addr: &str, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    request(addr, "POST", headers, body).0
}

/// The saved bodies (not the notes), by name.
fn bodies(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        name.ends_with(".json") && !name.ends_with(".meta.json")
    });
    found.sort();
    found
}

fn note(body: &Path) -> Value {
    let name = body
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace(".json", ".meta.json");
    serde_json::from_slice(&fs::read(body.with_file_name(name)).unwrap()).unwrap()
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn deliveries_are_saved_byte_exact_with_a_note_and_the_signature_verdict() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, Some(WEBHOOK_KEY), &[]);
    let fixture_bytes = fs::read(fixture_path("webhook.json")).unwrap();
    let signed = [
        ("Idenfy-Signature", SIGNATURE),
        ("Idenfy-Event-Type", "IDENTIFICATION_AUTO_FINISHED"),
        ("Content-Type", "application/json"),
    ];
    assert_eq!(post(&listener.addr, &signed, &fixture_bytes), 200);
    let wrong = format!("{}1", &SIGNATURE[..63]);
    assert_eq!(
        post(
            &listener.addr,
            &[("Idenfy-Signature", &wrong)],
            &fixture_bytes
        ),
        200
    );
    // Not JSON, CR LF line ends, a trailing newline, bytes that are not UTF-8: kept as sent.
    let odd = b"line one\r\nline \xff two\n".to_vec();
    assert_eq!(post(&listener.addr, &[], &odd), 200);

    let dir = listener.dir.clone();
    let (code, out, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.ends_with("idenfy-cli: stopped: 3 deliveries saved in caps\n"),
        "{err}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700);
    let saved = bodies(&dir);
    assert_eq!(saved.len(), 3, "{saved:?}");
    let sent = [&fixture_bytes, &fixture_bytes, &odd];
    // No Idenfy-Signature header at all is "missing", told apart from a wrong one.
    let verdicts = ["valid", "invalid", "missing"];
    for ((path, sent), verdict) in saved.iter().zip(sent).zip(verdicts) {
        assert_eq!(&fs::read(path).unwrap(), sent, "{}", path.display());
        #[cfg(unix)]
        assert_eq!(mode(path), 0o600);
        let note = note(path);
        assert_eq!(note["signature"], verdict, "{note}");
        assert_eq!(note["bytes"], sent.len());
        assert_eq!(note["method"], "POST");
        assert_eq!(note["path"], "/hooks/idenfy");
        assert!(note["peer"].as_str().unwrap().starts_with("127.0.0.1:"));
        assert!(note["receivedAt"].as_str().unwrap().ends_with('Z'));
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(note["file"], name.as_ref());
        let headers = note["headers"].as_array().unwrap();
        assert!(headers.iter().any(|h| h[0] == "content-length"), "{note}");
    }
    let first = note(&saved[0]);
    assert_eq!(first["eventType"], "IDENTIFICATION_AUTO_FINISHED");
    // sha256sum src/samples/webhook.json
    assert_eq!(
        first["sha256"],
        "42bb563fa87bbf499b60d448994d34425952e142fbe274a026b65007845df743"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].ends_with(
            "IDENTIFICATION_AUTO_FINISHED  8f2a41c0-5b1e-11f0-9d3a-0242ac120002  DENIED  signature valid  1372 bytes"
        ),
        "{out}"
    );
    assert!(
        lines[1].ends_with(
            "—  8f2a41c0-5b1e-11f0-9d3a-0242ac120002  DENIED  signature invalid  1372 bytes"
        ),
        "{out}"
    );
    assert!(
        lines[2].ends_with("—  —  —  signature missing  21 bytes"),
        "{out}"
    );
}

/// `listen --json` writes through the escaping JSON writer: what came in a delivery never
/// reaches stdout as terminal control.
#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn json_lines_leave_terminal_control_escaped() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, None, &["--json"]);
    let body =
        "{\"scanRef\":\"a\u{202e}b\u{9b}c\u{7f}d\",\"status\":{\"overall\":\"APPROVED\u{200b}\"}}";
    assert_eq!(post(&listener.addr, &[], body.as_bytes()), 200);
    let (_, out, err) = listener.stop("-TERM");
    assert_eq!(out.lines().count(), 1, "{out}\n{err}");
    for raw in ['\u{202e}', '\u{9b}', '\u{7f}', '\u{200b}'] {
        assert!(!out.contains(raw), "raw {raw:?} in {out:?}");
    }
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        line["scanRef"], "a\u{202e}b\u{9b}c\u{7f}d",
        "JSON-equal to what came"
    );
}

/// No core file can hold a secret: the running program has a core size limit of 0.
#[cfg(target_os = "linux")]
#[test]
fn the_running_program_writes_no_core_file() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, Some(WEBHOOK_KEY), &[]);
    let limits =
        fs::read_to_string(format!("/proc/{}/limits", listener.child.id())).unwrap_or_default();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap_or_default()
        .to_string();
    let (_, _, err) = listener.stop("-TERM");
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{core}\n{err}");
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn without_a_key_every_delivery_is_unchecked_and_json_lines_are_printed() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, None, &["--json"]);
    assert!(
        listener
            .stderr
            .lock()
            .unwrap()
            .contains("signatures unchecked"),
        "{}",
        listener.stderr.lock().unwrap()
    );
    let body = fixture("webhook.json");
    assert_eq!(
        post(
            &listener.addr,
            &[
                ("Idenfy-Signature", SIGNATURE),
                ("Idenfy-Event-Type", "IDENTIFICATION")
            ],
            body.as_bytes()
        ),
        200
    );
    let dir = listener.dir.clone();
    let (code, out, err) = listener.stop("-INT");
    assert_eq!(code, Some(0), "{err}");
    let saved = bodies(&dir);
    assert_eq!(note(&saved[0])["signature"], "unchecked");
    let line: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(line["eventType"], "IDENTIFICATION");
    assert_eq!(line["scanRef"], SCAN_REF);
    assert_eq!(line["status"], "DENIED");
    assert_eq!(line["signature"], "unchecked");
    assert_eq!(line["bytes"], 1372);
    assert_eq!(
        line["file"],
        saved[0].file_name().unwrap().to_str().unwrap()
    );
    // The path, ready for `webhook verify` or `webhook show`.
    let path = std::path::Path::new("caps").join(saved[0].file_name().unwrap());
    assert_eq!(line["path"], path.to_str().unwrap());
    assert!(line["time"].as_str().unwrap().ends_with('Z'));
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn another_method_is_405_and_a_body_over_16_mib_is_413_with_nothing_saved() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, None, &[]);
    let (status, answer) = request(&listener.addr, "GET", &[], b"");
    assert_eq!(status, 405);
    assert!(
        answer.to_ascii_lowercase().contains("\r\nallow: post\r\n"),
        "{answer}"
    );

    // A declared 17 MiB body is refused before a byte of it is read.
    let mut stream = TcpStream::connect(&listener.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let length = 17 * 1024 * 1024;
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");

    // Sent in chunks, without a length: cut off at 16 MiB.
    let mut stream = TcpStream::connect(&listener.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .unwrap();
    let chunk = vec![b'x'; 1024 * 1024];
    for _ in 0..17 {
        if write!(stream, "{:x}\r\n", chunk.len())
            .and_then(|()| stream.write_all(&chunk))
            .and_then(|()| stream.write_all(b"\r\n"))
            .is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    // The answer may be lost to a reset when the rest of the body was still on its way.
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 413 "),
        "{answer}"
    );

    let dir = listener.dir.clone();
    let (code, out, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert!(bodies(&dir).is_empty());
    assert_eq!(out, "");
    assert!(err.contains("GET /hooks/idenfy answered 405"), "{err}");
    assert!(
        err.contains("answered 413: the body is over 16 MiB; nothing was saved"),
        "{err}"
    );
    assert!(
        err.ends_with("stopped: 0 deliveries saved in caps\n"),
        "{err}"
    );
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn silent_and_slow_clients_do_not_hold_up_a_delivery() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, None, &[]);
    let mut held = Vec::new();
    for _ in 0..20 {
        // Half a request head, then nothing.
        let mut silent = TcpStream::connect(&listener.addr).unwrap();
        silent.write_all(b"POST / HTTP/1.1\r\nHost: x\r\n").unwrap();
        held.push(silent);
        // A whole head and a tenth of the body, then nothing.
        let mut slow = TcpStream::connect(&listener.addr).unwrap();
        slow.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"scan")
            .unwrap();
        held.push(slow);
        // A chunked body that may be up to 16 MiB: one small chunk, then nothing. Twenty of
        // them would fill the whole body budget were it taken before the bytes came.
        let mut chunked = TcpStream::connect(&listener.addr).unwrap();
        chunked
            .write_all(
                b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{\"scan\r\n",
            )
            .unwrap();
        held.push(chunked);
    }
    // Every idle client is in before the delivery is sent.
    thread::sleep(Duration::from_millis(300));
    assert_eq!(post(&listener.addr, &[], b"{\"scanRef\":\"quick\"}"), 200);
    // The delivery was answered while every idle client was still waiting: none of them has
    // been answered (timed out) yet.
    for stream in &held {
        stream.set_nonblocking(true).unwrap();
        let mut byte = [0u8; 1];
        let read = (&*stream).read(&mut byte);
        assert!(
            matches!(&read, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
            "an idle client was answered before the delivery: {read:?}"
        );
    }
    drop(held);
    let dir = listener.dir.clone();
    let (code, _, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(bodies(&dir).len(), 1);
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn a_delivery_under_way_when_sigterm_comes_is_still_saved_and_answered() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, None, &[]);
    let body = fs::read(fixture_path("webhook.json")).unwrap();
    let mut stream = TcpStream::connect(&listener.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(&body[..100]).unwrap();
    thread::sleep(Duration::from_millis(200));
    let sent = Command::new("kill")
        .args(["-TERM", &listener.child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    thread::sleep(Duration::from_millis(200));
    stream.write_all(&body[100..]).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
    let dir = listener.dir.clone();
    let (code, out, err) = listener.wait();
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(fs::read(&bodies(&dir)[0]).unwrap(), body);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.ends_with("stopped: 1 delivery saved in caps\n"),
        "{err}"
    );
}

/// A receiver for forwarded deliveries: one request, its head and body, answered 200.
fn receiver() -> (String, mpsc::Receiver<(String, Vec<u8>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/forwarded", listener.local_addr().unwrap());
    let (sender, received) = mpsc::channel();
    thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap_or(0);
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body).unwrap();
        ok_response(&mut stream, "text/plain", "thanks");
        let _ = sender.send((head, body));
    });
    (url, received)
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn forward_passes_on_the_exact_bytes_and_headers_but_no_credentials() {
    let (url, received) = receiver();
    let env = TestEnv::new();
    let listener = Listener::start(&env, Some(WEBHOOK_KEY), &["--forward", &url]);
    let body = fs::read(fixture_path("webhook.json")).unwrap();
    let headers = [
        ("Idenfy-Signature", SIGNATURE),
        ("Idenfy-Event-Type", "IDENTIFICATION_MANUAL_FINISHED"),
        ("Content-Type", "application/json"),
        ("X-Trace", "abc"),
    ];
    assert_eq!(post(&listener.addr, &headers, &body), 200);
    let (head, forwarded) = received.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(forwarded, body);
    let lower = head.to_ascii_lowercase();
    assert!(head.starts_with("POST /forwarded HTTP/1.1\r\n"), "{head}");
    for expected in [
        format!("\r\nidenfy-signature: {SIGNATURE}\r\n"),
        "\r\nidenfy-event-type: identification_manual_finished\r\n".to_string(),
        "\r\ncontent-type: application/json\r\n".to_string(),
        "\r\nx-trace: abc\r\n".to_string(),
        // The mark that stops a forwarded delivery from being forwarded again.
        "\r\nidenfy-cli-forwarded: 1\r\n".to_string(),
    ] {
        assert!(lower.contains(&expected), "{expected:?} missing: {head}");
    }
    assert!(!lower.contains("authorization"), "{head}");
    assert!(
        !lower.contains("connection: close"),
        "a hop-by-hop header went on: {head}"
    );
    let (code, out, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("signature valid  1372 bytes  forwarded: 200 in "),
        "{out}"
    );
}

/// A receiver never forwards to itself: its own address is refused before it starts, and a
/// delivery that came from a forward is saved but not forwarded again, so one delivery can
/// never turn into thousands.
#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn a_forward_never_comes_back_to_be_forwarded_again() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let env = TestEnv::new();
    for host in ["127.0.0.1", "localhost"] {
        let url = format!("http://{host}:{port}/hooks");
        let out = env
            .cmd()
            .args(["webhook", "listen", "--port", &port, "--dir", "caps"])
            .args(["--forward", &url])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).starts_with(&format!(
                "idenfy-cli: error: --forward {url} is this receiver's own address"
            )),
            "{}",
            stderr(&out)
        );
        assert!(!env.path("caps").exists());
    }

    let (url, received) = receiver();
    let listener = Listener::start(&env, Some(WEBHOOK_KEY), &["--forward", &url]);
    let body = fs::read(fixture_path("webhook.json")).unwrap();
    let headers = [
        ("Idenfy-Signature", SIGNATURE),
        ("Idenfy-Cli-Forwarded", "1"),
    ];
    assert_eq!(post(&listener.addr, &headers, &body), 200);
    let dir = listener.dir.clone();
    let (code, out, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(bodies(&dir).len(), 1, "the delivery is saved");
    assert!(
        out.contains("not forwarded: it came from a forward"),
        "{out}"
    );
    assert!(
        received.recv_timeout(Duration::from_millis(300)).is_err(),
        "it was forwarded again"
    );
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn show_of_a_capture_says_its_event_type_arrival_and_verdict() {
    let env = TestEnv::new();
    let listener = Listener::start(&env, Some(WEBHOOK_KEY), &[]);
    let body = fs::read(fixture_path("webhook.json")).unwrap();
    let headers = [
        ("Idenfy-Signature", SIGNATURE),
        ("Idenfy-Event-Type", "IDENTIFICATION_MANUAL_FINISHED"),
    ];
    assert_eq!(post(&listener.addr, &headers, &body), 200);
    let dir = listener.dir.clone();
    let (code, _, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    let saved = &bodies(&dir)[0];
    let out = env
        .cmd()
        .args(["webhook", "show"])
        .arg(saved)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "Event type         IDENTIFICATION_MANUAL_FINISHED: a person's review of a verification has finished",
        "Received           20",
        "Signature          valid: checked with the webhook key on arrival",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    // The note itself is not a payload.
    let note = saved.with_file_name(
        saved
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".json", ".meta.json"),
    );
    let out = env
        .cmd()
        .args(["webhook", "show"])
        .arg(&note)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("hint: show the payload beside it: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_takes_the_event_type_by_hand_and_shows_an_unknown_one_as_it_came() {
    let env = TestEnv::new();
    let shown = |event_type: &str| {
        let out = env
            .cmd()
            .args(["webhook", "show", "--event-type", event_type])
            .arg(fixture_path("webhook.json"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    assert!(shown("IDENTIFICATION_EXPIRED").contains(
        "Event type         IDENTIFICATION_EXPIRED: a verification link ran out before the client finished verifying"
    ));
    assert!(
        shown("SOMETHING_NEW").contains(
            "Event type         SOMETHING_NEW (an event type this program does not know)"
        )
    );
}

/// A port in use is exit 8, and the run leaves no empty folder behind.
#[test]
fn a_port_in_use_is_a_network_error_and_leaves_no_folder() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["webhook", "listen", "--port", &port, "--dir", "caps"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "idenfy-cli: error: cannot listen on 127.0.0.1:{port}: "
        )),
        "{}",
        stderr(&out)
    );
    assert!(
        !env.path("caps").exists(),
        "the failed run left --dir behind"
    );
}

#[test]
fn forward_refuses_plain_http_to_another_machine_and_idenfy() {
    let env = TestEnv::new();
    for url in ["http://hooks.example.invalid/x", "https://ivs.idenfy.com/x"] {
        let out = env
            .cmd()
            .args(["webhook", "listen", "--port", "0", "--forward", url])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{url}: {}", stderr(&out));
    }
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn a_full_folder_answers_507_and_saves_nothing_more() {
    // 1 GiB already there (a sparse file: no disk is used).
    let env = TestEnv::new();
    fs::create_dir(env.path("caps")).unwrap();
    let big = fs::File::create(env.path("caps").join("earlier.bin")).unwrap();
    big.set_len(1 << 30).unwrap();
    drop(big);
    let listener = Listener::start(&env, None, &[]);
    let (status, answer) = request(&listener.addr, "POST", &[], b"{\"scanRef\":\"late\"}");
    assert_eq!(status, 507, "{answer}");
    let dir = listener.dir.clone();
    let (code, out, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "");
    assert!(bodies(&dir).is_empty());
    assert!(
        err.contains("answered 507: the folder holds 10000 deliveries or 1 GiB already; nothing was saved (start webhook listen again with another --dir)"),
        "{err}"
    );

    // 10,000 deliveries already there: the next one is refused, and saved once there is room.
    let env = TestEnv::new();
    let caps = env.path("caps");
    fs::create_dir(&caps).unwrap();
    for n in 0..10_000 {
        fs::write(caps.join(format!("earlier-{n}.json")), "{}").unwrap();
    }
    let listener = Listener::start(&env, None, &[]);
    assert_eq!(post(&listener.addr, &[], b"{\"scanRef\":\"late\"}"), 507);
    let (code, _, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(bodies(&caps).len(), 10_000);
    fs::remove_file(caps.join("earlier-0.json")).unwrap();
    let listener = Listener::start(&env, None, &[]);
    assert_eq!(post(&listener.addr, &[], b"{\"scanRef\":\"late\"}"), 200);
    assert_eq!(post(&listener.addr, &[], b"{\"scanRef\":\"later\"}"), 507);
    let (code, _, err) = listener.stop("-TERM");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(bodies(&caps).len(), 10_000);
}

/// `webhook listen --json --dir DIR` with its stdout piped and not read: the child, its
/// address, and what it says on stderr (collected as it comes).
#[cfg(unix)]
fn listener_with_stdout_unread(env: &TestEnv, dir: &str) -> (Child, String, Arc<Mutex<String>>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .current_dir(env.dir.path())
        .args(["webhook", "listen", "--port", "0", "--json", "--dir", dir])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_string();
    let err = Arc::new(Mutex::new(String::new()));
    collect(stderr, Arc::clone(&err));
    (child, addr, err)
}

#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn when_stdout_is_not_read_lines_are_counted_not_held_and_every_delivery_is_saved() {
    let env = TestEnv::new();
    // A long folder name makes each --json line long, so the pipe fills sooner.
    let dir = "d".repeat(200);
    let (mut child, addr, err) = listener_with_stdout_unread(&env, &dir);

    // Far more deliveries than the pipe and the queue of lines hold, while nobody reads.
    let sent = 800;
    let senders: Vec<_> = (0..8)
        .map(|t| {
            let addr = addr.clone();
            thread::spawn(move || {
                for n in (t..sent).step_by(8) {
                    let body = format!("{{\"scanRef\":\"ref-{n}\"}}");
                    assert_eq!(post(&addr, &[], body.as_bytes()), 200);
                }
            })
        })
        .collect();
    for sender in senders {
        sender.join().unwrap();
    }
    // Now stdout is read, and the run stopped.
    let out = Arc::new(Mutex::new(String::new()));
    collect(child.stdout.take().unwrap(), Arc::clone(&out));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    thread::sleep(Duration::from_millis(200));
    let out = out.lock().unwrap().clone();
    let err = err.lock().unwrap().clone();
    let printed = out.lines().count();
    let dropped: usize = err
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("idenfy-cli: warning: ")?;
            let (n, tail) = rest.split_once(' ')?;
            tail.starts_with("line(s) about deliveries")
                .then(|| n.parse::<usize>().ok())?
        })
        .sum();
    assert!(dropped > 0, "nothing was dropped:\n{err}");
    assert_eq!(printed + dropped, sent, "{err}");
    assert!(
        err.contains(
            "were not printed: stdout was not read fast enough (the deliveries are saved in ddd"
        ),
        "{err}"
    );
    assert_eq!(bodies(&env.path(&dir)).len(), sent);
}

/// On every platform (NTFS included, where a folder cannot be opened to be flushed), a
/// delivery is on disk with its note before the sender is answered 200.
#[test]
fn a_delivery_is_saved_with_its_note_before_it_is_answered_on_every_platform() {
    let env = TestEnv::new();
    let mut listener = Listener::start(&env, Some(WEBHOOK_KEY), &[]);
    let body = fixture("webhook.json");
    let status = post(
        &listener.addr,
        &[("Idenfy-Signature", SIGNATURE)],
        body.as_bytes(),
    );
    assert_eq!(status, 200);
    let saved = bodies(&listener.dir);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(fs::read(&saved[0]).unwrap(), body.as_bytes());
    assert_eq!(note(&saved[0])["signature"], "valid");
    let _ = listener.child.kill();
    let _ = listener.child.wait();
}

/// A stop ends the run even when nobody reads stdout and the printer is stuck writing to it:
/// the count is said on stderr, with a warning, and the deliveries are saved.
#[cfg(unix)] // the listener is stopped with SIGTERM sent by kill
#[test]
fn sigterm_ends_the_run_when_stdout_is_never_read() {
    let env = TestEnv::new();
    let dir = "d".repeat(200);
    let (mut child, addr, err) = listener_with_stdout_unread(&env, &dir);
    // Enough lines to fill the pipe and the queue; stdout is held open and never read.
    let _unread = child.stdout.take().unwrap();
    let sent = 600;
    for n in 0..sent {
        let body = format!("{{\"scanRef\":\"ref-{n}\"}}");
        assert_eq!(post(&addr, &[], body.as_bytes()), 200);
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the listener did not stop with its stdout unread");
        }
        thread::sleep(Duration::from_millis(20));
    };
    thread::sleep(Duration::from_millis(100));
    let err = err.lock().unwrap().clone();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("stdout was not read: the last lines about deliveries were not printed"),
        "{err}"
    );
    assert!(
        err.contains(&format!("stopped: {sent} deliveries saved in")),
        "{err}"
    );
    assert_eq!(bodies(&env.path(&dir)).len(), sent);
}
