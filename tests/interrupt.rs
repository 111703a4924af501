//! Ctrl-C during `files --download`: exit 130, and the screen and the disk as they were
//! before: no progress bar left half-drawn, no temporary file, and no empty DIR this run made.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

/// A file host on loopback: `/fast/…` answers a small body at once; any other path promises a
/// large body, sends a first piece and stalls until the client goes away (at most 10 s).
fn file_host() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            thread::spawn(move || answer(stream));
        }
    });
    url
}

fn answer(mut stream: TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    if String::from_utf8_lossy(&head).contains(" /fast/") {
        let body = "saved-bytes";
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        return;
    }
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n"
    );
    if stream
        .write_all(&[b'x'; 512])
        .and_then(|()| stream.flush())
        .is_ok()
    {
        // Nothing more is sent, so nothing on screen changes; this ends when the client closes.
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let _ = stream.read(&mut [0u8; 1]);
    }
}

/// A files body for `--input` whose links point at `host`.
fn files_body(env: &TestEnv, links: &[(&str, String)]) -> PathBuf {
    let urls: serde_json::Map<String, serde_json::Value> = links
        .iter()
        .map(|(key, url)| (key.to_string(), json!(url)))
        .collect();
    env.write(
        "files.json",
        &json!({ "fileUrls": urls }).to_string(),
        0o600,
    )
}

fn part_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Waits (up to 5 s) until `ready` holds.
fn wait_for(what: &str, child: &mut Child, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !ready() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("timed out waiting for {what}");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Waits (up to 5 s) for the child to end; its exit code.
fn exit_code(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program did not stop after Ctrl-C");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// `files --input files.json --download out` in a pipe, interrupted with SIGINT once every
/// file in `wait_until_saved` is saved and a download is under way; exit code and stderr.
fn interrupt_download(env: &TestEnv, wait_until_saved: &[&str]) -> (Option<i32>, String) {
    signal_download(env, "-INT", wait_until_saved)
}

/// The same with `signal` (`-INT`, `-TERM`, `-HUP`) sent by `kill`.
fn signal_download(
    env: &TestEnv,
    signal: &str,
    wait_until_saved: &[&str],
) -> (Option<i32>, String) {
    let dir = env.path("out");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("idenfy-cli"))
        .env_clear()
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .current_dir(env.dir.path())
        .args(["files", "--input", "files.json", "--download", "out"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("a download under way", &mut child, || {
        !part_files(&dir).is_empty() && wait_until_saved.iter().all(|f| dir.join(f).exists())
    });
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let code = exit_code(&mut child);
    let out = child.wait_with_output().unwrap();
    (code, stderr(&out))
}

#[test]
fn ctrl_c_removes_the_download_dir_this_run_created_and_left_empty() {
    let host = file_host();
    let env = TestEnv::new();
    files_body(&env, &[("FRONT", format!("{host}/slow/FRONT.jpg"))]);
    let (code, stderr) = interrupt_download(&env, &[]);
    assert_eq!(code, Some(130), "{stderr}");
    assert_eq!(
        stderr,
        "\nidenfy-cli: error: interrupted; 1 temporary file(s) and the empty folder out removed\n"
    );
    assert!(!env.path("out").exists(), "{:?}", entries(&env.path("out")));
}

#[test]
fn ctrl_c_keeps_a_download_dir_that_existed_before() {
    let host = file_host();
    let env = TestEnv::new();
    files_body(&env, &[("FRONT", format!("{host}/slow/FRONT.jpg"))]);
    fs::create_dir(env.path("out")).unwrap();
    let (code, stderr) = interrupt_download(&env, &[]);
    assert_eq!(code, Some(130), "{stderr}");
    assert_eq!(
        stderr,
        "\nidenfy-cli: error: interrupted; 1 temporary file(s) removed\n"
    );
    assert_eq!(entries(&env.path("out")), Vec::<String>::new());
}

#[test]
fn ctrl_c_keeps_a_dir_this_run_created_once_a_file_is_saved_in_it() {
    let host = file_host();
    let env = TestEnv::new();
    files_body(
        &env,
        &[
            ("FACE", format!("{host}/fast/FACE.png")),
            ("FRONT", format!("{host}/slow/FRONT.jpg")),
        ],
    );
    let (code, stderr) = interrupt_download(&env, &["FACE.png"]);
    assert_eq!(code, Some(130), "{stderr}");
    assert_eq!(
        stderr,
        "\nidenfy-cli: error: interrupted; 1 temporary file(s) removed\n"
    );
    assert_eq!(entries(&env.path("out")), vec!["FACE.png".to_string()]);
    assert_eq!(
        fs::read_to_string(env.path("out").join("FACE.png")).unwrap(),
        "saved-bytes"
    );
}

#[test]
fn sigterm_and_sighup_clean_up_like_ctrl_c_with_their_own_exit_codes() {
    for (signal, code, what) in [
        ("-TERM", 143, "terminated (SIGTERM)"),
        ("-HUP", 129, "hung up (SIGHUP)"),
    ] {
        let host = file_host();
        let env = TestEnv::new();
        files_body(&env, &[("FRONT", format!("{host}/slow/FRONT.jpg"))]);
        let (exit, stderr) = signal_download(&env, signal, &[]);
        assert_eq!(exit, Some(code), "{signal}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "\nidenfy-cli: error: {what}; 1 temporary file(s) and the empty folder out removed\n"
            )
        );
        assert!(
            !env.path("out").exists(),
            "{signal}: {:?}",
            entries(&env.path("out"))
        );
    }
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_run() {
    let host = file_host();
    let env = TestEnv::new();
    files_body(&env, &[("FACE", format!("{host}/fast/FACE.png"))]);
    fs::create_dir(env.path("out")).unwrap();
    // What a run killed with SIGKILL leaves: a temporary file named for a process now gone.
    let dead = Command::new("true").spawn().unwrap();
    let pid = dead.id();
    let _ = dead.wait_with_output();
    let left = env.path("out").join(format!(".FRONT.{pid}-0.part"));
    fs::write(&left, "half a download").unwrap();
    let kept = env.path("out").join("notes.part");
    fs::write(&kept, "not ours").unwrap();
    let out = env
        .cmd()
        .args(["files", "--input", "files.json", "--download", "out"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !left.exists(),
        "the killed run's temporary file is still there"
    );
    assert!(kept.exists(), "a file that is not ours was removed");
    assert_eq!(
        entries(&env.path("out")),
        vec![
            "FACE.png".to_string(),
            "manifest.json".to_string(),
            "notes.part".to_string()
        ]
    );
}

// --- at a terminal -----------------------------------------------------------------------

/// The rows a terminal `width` columns wide shows after `output`: printable text (with the
/// wrap a terminal makes, deferred at the last column), `\r`, `\n`, cursor up and down, and
/// erasing a row. Colours and other sequences change nothing here. No bottom edge: rows only
/// grow, as scrolling would keep them.
fn screen(output: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col, mut pending_wrap) = (0usize, 0usize, false);
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => (col, pending_wrap) = (0, false),
            '\n' => (row, pending_wrap) = (row + 1, false),
            '\u{1b}' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut params = String::new();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        last = c;
                        break;
                    }
                    params.push(c);
                }
                let n = params.parse::<usize>().unwrap_or(1).max(1);
                match last {
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    'C' => col = (col + n).min(width - 1),
                    'D' => col = col.saturating_sub(n),
                    'K' if params == "2" => {
                        if let Some(cells) = rows.get_mut(row) {
                            cells.clear();
                        }
                    }
                    // Colours and the like: the cursor stays, a deferred wrap too.
                    _ => continue,
                }
                pending_wrap = false;
            }
            c if c.is_control() => {}
            c => {
                if pending_wrap {
                    (row, col, pending_wrap) = (row + 1, 0, false);
                }
                while rows.len() <= row {
                    rows.push(Vec::new());
                }
                let cells = &mut rows[row];
                while cells.len() <= col {
                    cells.push(' ');
                }
                cells[col] = c;
                if col + 1 == width {
                    pending_wrap = true;
                } else {
                    col += 1;
                }
            }
        }
        while rows.len() <= row {
            rows.push(Vec::new());
        }
    }
    rows.iter()
        .map(|cells| cells.iter().collect::<String>().trim_end().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_screen_model_wraps_late_and_erases_rows() {
    assert_eq!(screen("ab\r\ncdef^C", 4), vec!["ab", "cdef", "^C"]);
    assert_eq!(
        screen("ab\r\ncd\u{1b}[31mef\u{1b}[0m^C", 4),
        vec!["ab", "cdef", "^C"]
    );
    assert_eq!(
        screen("ab\r\ncdef^C\r\u{1b}[2K\u{1b}[1A\r\u{1b}[2Kxy", 4),
        vec!["ab", "xy"]
    );
}

#[test]
fn ctrl_c_typed_at_a_terminal_clears_the_progress_bars_and_the_echoed_ctrl_c() {
    let host = file_host();
    let env = TestEnv::new();
    files_body(
        &env,
        &[
            ("FRONT", format!("{host}/slow/FRONT.jpg")),
            ("BACK", format!("{host}/slow/BACK.jpg")),
        ],
    );
    // 80 columns, the narrowest terminal the bars are laid out for.
    let width = 80;
    let binary = assert_cmd::cargo::cargo_bin("idenfy-cli");
    let line = format!(
        "stty rows 24 cols {width}; exec '{}' files --input files.json --download out",
        binary.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .current_dir(env.dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    let shown = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = {
        let shown = Arc::clone(&shown);
        thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buffer) {
                shown.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        })
    };
    let dir = env.path("out");
    let drawn = || {
        let text = String::from_utf8_lossy(&shown.lock().unwrap()).into_owned();
        text.contains("0/2 files") && text.contains("FRONT") && text.contains("BACK")
    };
    wait_for("both bars drawn", &mut child, || {
        part_files(&dir).len() == 2 && drawn()
    });
    // Ctrl-C typed on the keyboard: the terminal sends SIGINT and echoes `^C`.
    let mut keyboard = child.stdin.take().unwrap();
    keyboard.write_all(b"\x03").unwrap();
    keyboard.flush().unwrap();
    let code = exit_code(&mut child);
    drop(keyboard);
    reader.join().unwrap();
    let output = String::from_utf8_lossy(&shown.lock().unwrap()).into_owned();
    assert_eq!(code, Some(130), "{output:?}");
    assert!(
        output.contains("^C"),
        "the terminal echoed Ctrl-C: {output:?}"
    );
    // Each bar was drawn within the 80 columns (indicatif pads it with spaces).
    for row in output
        .split(['\r', '\n', '\u{1b}'])
        .filter(|row| row.starts_with("FRONT ") || row.starts_with("BACK "))
    {
        assert!(row.trim_end().chars().count() <= width, "{row:?}");
    }
    // Only the error is left, in the rows the terminal wraps it into.
    let error: Vec<char> =
        "idenfy-cli: error: interrupted; 2 temporary file(s) and the empty folder out removed"
            .chars()
            .collect();
    let rows: Vec<String> = error.chunks(width).map(String::from_iter).collect();
    assert_eq!(screen(&output, width), rows, "{output:?}");
    assert!(!dir.exists());
}
