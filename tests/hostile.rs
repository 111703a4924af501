//! Hostile and broken input, kept as a standing suite: each test reproduces an attack or a
//! failure the tool must survive with a clear one-line error and the documented exit code.
// Helpers of the tests that run on Unix only are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code))]

use std::path::Path;
use std::time::Duration;

use crate::common::*;

/// A named pipe at `path` (nothing ever writes to it: reading it would wait forever).
fn fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)] // /dev/zero
#[test]
fn a_device_as_the_config_file_is_refused_not_read_forever() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("IDENFY_CONFIG", "/dev/zero")
        .args(["config", "show"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: cannot read config file /dev/zero: it is a device, not a regular file\n"
    );
}

#[cfg(unix)] // mkfifo
#[test]
fn a_fifo_as_config_input_webhook_body_or_manifest_is_refused_at_once() {
    let env = TestEnv::new();
    let pipe = env.path("pipe");
    fifo(&pipe);
    let run = |args: &[&str], vars: &[(&str, &Path)]| {
        let mut cmd = env.cmd();
        for (name, value) in vars {
            cmd.env(name, value);
        }
        cmd.args(args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap()
    };
    let out = run(&["config", "show"], &[("IDENFY_CONFIG", &pipe)]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("it is a FIFO, not a regular file"),
        "{}",
        stderr(&out)
    );

    let pipe_arg = pipe.to_str().unwrap();
    let out = run(&["status", "--input", pipe_arg], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: error: cannot read --input {pipe_arg}: it is a FIFO, not a regular file\n"
        )
    );

    let out = run(&["webhook", "show", pipe_arg], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    let dir = env.path("case");
    std::fs::create_dir(&dir).unwrap();
    fifo(&dir.join("manifest.json"));
    let files = env.write(
        "files.json",
        r#"{"fileUrls": {"FRONT": "http://127.0.0.1:9/FRONT.png"}}"#,
        0o600,
    );
    let out = run(
        &[
            "files",
            "--input",
            files.to_str().unwrap(),
            "--download",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("manifest.json: it is a FIFO, not a regular file; refused"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_endless_stdin_body_stops_at_16_mib() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["status", "--input", "-"])
        .write_stdin(vec![b' '; 16 * 1024 * 1024 + 10])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --input - is over 16 MiB; refused\n"
    );
}

// --- downloads that cannot be held hostage or tricked ------------------------------------

/// A files body whose links are `base` + each path.
fn files_input(env: &TestEnv, links: &[(&str, String)]) -> std::path::PathBuf {
    let entries: serde_json::Map<String, serde_json::Value> = links
        .iter()
        .map(|(key, url)| (key.to_string(), serde_json::Value::String(url.clone())))
        .collect();
    let body = serde_json::json!({ "fileUrls": entries });
    env.write("files.json", &body.to_string(), 0o600)
}

fn download(env: &TestEnv, input: &Path, extra: &[&str]) -> std::process::Output {
    env.cmd()
        .arg("files")
        .arg("--input")
        .arg(input)
        .args(["--download", "out"])
        .args(extra)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_host_trickling_a_byte_at_a_time_is_given_up_on() {
    use std::io::Write;
    let (base, heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n"
        );
        for _ in 0..1000 {
            if stream
                .write_all(b"x")
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(700));
        }
    });
    let env = TestEnv::new();
    let input = files_input(&env, &[("FRONT", format!("{base}/FRONT.png"))]);
    let started = std::time::Instant::now();
    let out = download(&env, &input, &["--timeout", "2"]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    assert!(took < Duration::from_secs(10), "held for {took:?}");
    assert!(stdout(&out).contains("under 1 KiB/s"), "{}", stdout(&out));
    assert_eq!(
        request_count(&heads),
        1,
        "a stalled host is not asked again"
    );
    assert_eq!(names_in(&env.path("out")), ["manifest.json"]);
}

#[test]
fn file_links_must_be_https_except_to_loopback_before_and_after_redirects() {
    use std::io::Write;
    let env = TestEnv::new();
    let input = files_input(
        &env,
        &[(
            "FRONT",
            "http://files.example.invalid/FRONT.png?Signature=s".to_string(),
        )],
    );
    let out = download(&env, &input, &[]);
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    let shown = stdout(&out) + &stderr(&out);
    assert!(
        shown.contains("refused http://files.example.invalid/FRONT.png: file links must be https"),
        "{shown}"
    );
    assert!(!shown.contains("Signature=s"), "{shown}");

    let (base, heads) = serve_raw(|_, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: http://files.example.invalid/x.png\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    });
    let env = TestEnv::new();
    let input = files_input(&env, &[("FRONT", format!("{base}/FRONT.png"))]);
    let out = download(&env, &input, &[]);
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("refused http://files.example.invalid/x.png"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        request_count(&heads),
        1,
        "the redirect target is never asked"
    );
}

#[test]
fn a_server_cannot_choose_a_dangerous_extension_or_overwrite_the_manifest() {
    let (base, _) = serve_raw(|_, stream| {
        ok_response(stream, "text/html", "<script>alert(1)</script>");
    });
    let env = TestEnv::new();
    let input = files_input(
        &env,
        &[
            ("HTML", format!("{base}/HTML.html")),
            ("SVG", format!("{base}/SVG.svg")),
            ("SH", format!("{base}/SH.sh")),
            ("manifest", format!("{base}/manifest.json")),
        ],
    );
    let out = download(&env, &input, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names_in(&env.path("out")),
        [
            "HTML.bin",
            "SH.bin",
            "SVG.bin",
            "manifest-2.bin",
            "manifest.json"
        ]
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("out/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["files"].as_array().unwrap().len(), 4);
}

#[test]
fn two_keys_that_share_a_link_are_both_saved_and_listed() {
    let (base, _) = serve_raw(|_, stream| ok_response(stream, "image/png", "same-bytes"));
    let env = TestEnv::new();
    let link = format!("{base}/same.png");
    let input = files_input(&env, &[("FRONT", link.clone()), ("BACK", link)]);
    let out = download(&env, &input, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names_in(&env.path("out")),
        ["BACK.png", "FRONT.png", "manifest.json"]
    );
    let summary = stdout(&out);
    assert!(
        summary.contains("FRONT") && summary.contains("BACK"),
        "{summary}"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("out/manifest.json")).unwrap())
            .unwrap();
    let keys: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(keys, ["FRONT", "BACK"]);
}

// --- credentials never echoed --------------------------------------------------------------

#[test]
fn proxy_passwords_never_show_in_config_show_whatever_the_url_form() {
    let env = TestEnv::new();
    for proxy in [
        "user:pw-9931@proxy.invalid:3128",
        "http://user:pw-9931@proxy.invalid:3128",
        "socks5://a@b:pw-9931@proxy.invalid:1080",
    ] {
        let out = env
            .cmd()
            .env("HTTPS_PROXY", proxy)
            .args(["config", "show"])
            .output()
            .unwrap();
        let shown = stdout(&out) + &stderr(&out);
        assert!(!shown.contains("pw-9931"), "{proxy}:\n{shown}");
        assert!(shown.contains("***@proxy.invalid"), "{proxy}:\n{shown}");
    }
}

#[test]
fn a_link_with_userinfo_is_saved_without_it_in_the_manifest() {
    let (base, _) = serve_raw(|_, stream| ok_response(stream, "image/png", "png-bytes"));
    let env = TestEnv::new();
    let link = base.replace("http://", "http://user:pw-5521@") + "/FRONT.png?token=t-7781";
    let input = files_input(&env, &[("FRONT", link)]);
    let out = download(&env, &input, &["-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let manifest = std::fs::read_to_string(env.path("out/manifest.json")).unwrap();
    let shown = stdout(&out) + &stderr(&out) + &manifest;
    assert!(
        !shown.contains("pw-5521") && !shown.contains("t-7781"),
        "{shown}"
    );
    assert!(
        manifest.contains("\"url\": \"http://***@127.0.0.1"),
        "{manifest}"
    );
}

// --- smaller ones ----------------------------------------------------------------------------

/// A server that answers every connection with `answer`, then closes it.
fn answering(answer: &'static [u8]) -> String {
    let (base, _) = serve_raw(move |_, stream| {
        use std::io::Write;
        let _ = stream.write_all(answer);
    });
    base
}

#[test]
fn protocol_violations_are_api_failures_not_network_trouble() {
    let mut huge = b"HTTP/1.1 200 OK\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 200_000));
    huge.extend(b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    let huge: &'static [u8] = Box::leak(huge.into_boxed_slice());
    for (what, answer) in [
        ("an SSH banner", &b"SSH-2.0-OpenSSH_9.2p1\r\n"[..]),
        ("a huge header", huge),
        (
            "conflicting lengths",
            &b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}"[..],
        ),
        (
            "a bad chunk",
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"[..],
        ),
    ] {
        let base = answering(answer);
        let env = TestEnv::new();
        let out = env.api(&base).args(["status", SCAN_REF]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(7), "{what}: {err}");
        assert!(
            err.contains("did not answer in HTTP as expected"),
            "{what}: {err}"
        );
        assert!(!err.contains("check the network"), "{what}: {err}");
    }
}

#[test]
fn with_the_proxy_down_the_error_blames_the_proxy() {
    let unused = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = unused.local_addr().unwrap().port();
    drop(unused);
    let env = TestEnv::new();
    let out = env
        .api("https://api.idenfy.invalid")
        .env(
            "HTTPS_PROXY",
            format!("http://user:pw-1183@127.0.0.1:{port}"),
        )
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: error: /api/v2/status: the proxy http://***@127.0.0.1:{port} refused the connection\n  hint: check that the proxy runs, or the proxy settings (HTTPS_PROXY, ALL_PROXY, NO_PROXY)\n"
        )
    );
}

fn with_secret_command(command: &str) -> std::process::Output {
    let env = TestEnv::new();
    let config = env.write(
        "config.toml",
        &format!("[profiles.default]\napi_key = \"k-123456\"\napi_secret_command = '{command}'\n"),
        0o600,
    );
    env.cmd()
        .env("IDENFY_CONFIG", config)
        .env("IDENFY_BASE_URL", "http://127.0.0.1:9")
        .args(["status", SCAN_REF])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_gets_64_kib_of_output() {
    let out = with_secret_command("head -c 100000 /dev/zero | tr \"\\0\" a");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(
            "idenfy-cli: error: api_secret_command of profile `default` printed more than 64 KiB"
        ),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_gets_30_seconds() {
    let started = std::time::Instant::now();
    let out = with_secret_command("exec sleep 50");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(40));
    assert!(
        stderr(&out).starts_with(
            "idenfy-cli: error: api_secret_command of profile `default` did not finish within 30 s; stopped"
        ),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_that_leaves_its_output_open_is_stopped_at_30_seconds() {
    // The command ends at once, but a process it started keeps the output open for 50 s.
    let started = std::time::Instant::now();
    let out = with_secret_command("echo s3cret; sleep 50 2>/dev/null &");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(40));
    assert!(
        stderr(&out).starts_with(
            "idenfy-cli: error: api_secret_command of profile `default` left its output open past 30 s"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn input_from_a_terminal_says_it_waits_for_a_body() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let env = TestEnv::new();
    let binary = assert_cmd::cargo::cargo_bin("idenfy-cli");
    let out = env
        .cmd()
        .env_remove("IDENFY_NOW")
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let inner = format!("{} status --input - < /dev/tty", binary.display());
    let out = std::process::Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .stdin(std::process::Stdio::piped())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains(
            "idenfy-cli: reading --input from stdin; end it with Ctrl-D (or give a file)"
        ),
        "{shown}"
    );
}

/// A server that echoes back what the tool sent it: the Authorization header in the error
/// message, the secret in a header and in an HTML page.
#[test]
fn a_server_echoing_the_credentials_gets_them_scrubbed_everywhere() {
    use std::io::Write;
    let token = BASIC_AUTH.trim_start_matches("Basic ");
    let answers: Vec<String> = vec![
        format!(
            r#"{{"identifier":"UNAUTHORIZED","message":"bad header Authorization: {BASIC_AUTH}, key {KEY}, secret {SECRET}"}}"#
        ),
        format!("<html><body>you sent {SECRET} and {token}</body></html>"),
    ];
    for body in answers {
        let reply = format!(
            "HTTP/1.1 401 Unauthorized\r\nX-Echo: {SECRET}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let (base, _) = serve_raw(move |_, stream| {
            let _ = stream.write_all(reply.as_bytes());
        });
        let env = TestEnv::new();
        let out = env
            .api(&base)
            .args(["status", SCAN_REF, "-v"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4));
        let shown = stdout(&out) + &stderr(&out);
        for secret in [SECRET, KEY, token] {
            assert!(!shown.contains(secret), "{secret} shown:\n{shown}");
        }
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }
}

/// `--json` that had to repair invalid UTF-8 says so on stderr, as tables do.
#[test]
fn json_that_repairs_invalid_utf8_warns() {
    let env = TestEnv::new();
    let path = env.path("bad.json");
    std::fs::write(&path, b"{\"a\":\"x\xffy\"}").unwrap();
    let out = env
        .cmd()
        .args(["status", "--json", "--input"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("x\\ufffdy"), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "idenfy-cli: warning: --input {}: 1 malformed text sequence(s) (invalid UTF-8) written as \\ufffd\n",
            path.display()
        )
    );
}

/// Invisible characters never make a value look like another: `APPROVED` followed by a
/// zero-width space is shown with the space escaped, in tables, Markdown and errors alike.
#[test]
fn invisible_characters_are_shown_escaped() {
    let env = TestEnv::new();
    for (invisible, shown) in [
        ('\u{200b}', "\\u{200b}"),
        ('\u{feff}', "\\u{feff}"),
        ('\u{61c}', "\\u{61c}"),
        ('\u{2028}', "\\u{2028}"),
        ('\u{e0041}', "\\u{e0041}"),
    ] {
        let body = format!(
            r#"{{"status":"APPROVED{invisible}","autoFace":"FACE_MATCH","autoDocument":"DOC_VALIDATED","fraudTags":[],"mismatchTags":[]}}"#
        );
        for format in ["table", "markdown"] {
            let out = env
                .cmd()
                .args(["status", "--input", "-", "--format", format])
                .write_stdin(body.clone())
                .output()
                .unwrap();
            let text = stdout(&out);
            assert!(
                !text.contains(invisible),
                "{format}: raw {invisible:?} in\n{text}"
            );
            assert!(
                text.contains(&format!("APPROVED{shown}")),
                "{format}: {text}"
            );
        }
    }
}

/// Terminal control in a redirect's Location, a `next` link or a file link never reaches
/// the terminal raw, on stdout or stderr.
#[test]
fn control_sequences_from_the_server_are_shown_escaped_in_every_message() {
    use std::io::Write;
    // HTTP itself lets no C0 control into a header; bidi overrides and C1 controls pass.
    let hostile = "https://x.invalid/\u{202e}gnp.exe\u{9b}31mred";
    let reply = format!(
        "HTTP/1.1 302 Found\r\nLocation: {hostile}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    let (base, _) = serve_raw(move |_, stream| {
        let _ = stream.write_all(reply.as_bytes());
    });
    let env = TestEnv::new();
    for args in [vec!["status", SCAN_REF], vec!["case", SCAN_REF, "-v"]] {
        let out = env.api(&base).args(&args).output().unwrap();
        let shown = stdout(&out) + &stderr(&out);
        for raw in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
            assert!(!shown.contains(raw), "{args:?}: raw {raw:?} in\n{shown:?}");
        }
        assert!(
            shown.contains("\\u{202e}gnp.exe\\u{9b}31mred"),
            "{args:?}: {shown}"
        );
    }

    let body = serde_json::json!({
        "count": 3,
        "next": format!("https://other.invalid/\u{1b}]0;title\u{7}\u{1b}[2J"),
        "previous": null,
        "results": [{"scanRef": "a1", "status": "APPROVED", "suspected": false}]
    });
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.to_string().len()
    );
    let (base, _) = serve_raw(move |_, stream| {
        let _ = stream.write_all(reply.as_bytes());
    });
    let out = env
        .api(&base)
        .args(["find", "--client-id", "c1"])
        .output()
        .unwrap();
    let shown = stdout(&out) + &stderr(&out);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
}

// --- --json is the body's bytes, re-indented ---------------------------------------------

#[test]
fn json_keeps_duplicate_keys_lone_surrogates_and_huge_exponents_as_sent() {
    let env = TestEnv::new();
    let body = format!(
        r#"{{"scanRef":"a","status":"DENIED","status":"APPROVED","n":1e999999,"s":"\ud800x","b":"x{}y"}}"#,
        '\u{202e}'
    );
    let out = env
        .cmd()
        .args(["status", "--input", "-", "--json"])
        .write_stdin(body.clone())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\n  \"scanRef\": \"a\",\n  \"status\": \"DENIED\",\n  \"status\": \"APPROVED\",\n  \"n\": 1e999999,\n  \"s\": \"\\ud800x\",\n  \"b\": \"x\\u202ey\"\n}\n"
    );

    let out = env
        .cmd()
        .args(["status", "--input", "-"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the response sent `status` more than once; tables show the last value, --json shows every one"),
        "{err}"
    );
    assert_eq!(err.matches("warning:").count(), 2, "once each: {err}");
    assert!(stdout(&out).starts_with("APPROVED: "), "{}", stdout(&out));
}

#[test]
fn case_json_and_json_lines_carry_each_body_as_sent() {
    use httpmock::prelude::*;
    let server = MockServer::start();
    let bodies = [
        ("/api/v2/status", r#"{"status":"DENIED","x":1.50,"x":2}"#),
        ("/api/v2/data", r#"{"docFirstName":"\u0160"}"#),
        ("/api/v2/files", r#"{"fileUrls":{}}"#),
    ];
    for (path, body) in bodies {
        server.mock(|when, then| {
            when.method(POST).path(path);
            then.status(200).body(body);
        });
    }
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // The bodies as sent, then the verdict on them as data.
    let text = stdout(&out);
    assert!(
        text.starts_with("{\n  \"status\": {\n    \"status\": \"DENIED\",\n    \"x\": 1.50,\n    \"x\": 2\n  },\n  \"data\": {\n    \"docFirstName\": \"\\u0160\"\n  },\n  \"files\": {\n    \"fileUrls\": {}\n  },\n  \"verdict\": {\n    \"disposition\": \"compliance-hold\","),
        "{text}"
    );
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "other-ref", "--json"])
        .output()
        .unwrap();
    let first = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert_eq!(
        &first[..first.find(r#""compliance-hold","#).unwrap() + 18],
        format!(
            r#"{{"scanRef":"{SCAN_REF}","status":{{"status":"DENIED","x":1.50,"x":2}},"data":{{"docFirstName":"\u0160"}},"files":{{"fileUrls":{{}}}},"verdict":{{"disposition":"compliance-hold","#
        )
    );
}

// --- memory within a few times the body ---------------------------------------------------

#[test]
fn a_body_with_more_values_than_any_response_is_refused_for_tables_but_shown_with_json() {
    let env = TestEnv::new();
    let body = format!("{{\"x\":[{}1]}}", "1,".repeat(150_000));
    let out = env
        .cmd()
        .args(["data", "--input", "-"])
        .write_stdin(body.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: --input -: the response is a body of 150003 values, more than any real response holds (at most 100000 are shown in tables); refused\n  hint: --json prints it as it came\n"
    );
    let out = env
        .cmd()
        .args(["data", "--input", "-", "--json"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 150_005);
}

/// `data` and `case` of the same refused body exit alike: 7 for tables, 0 for `--json`
/// (which prints it as it came), 7 for `--json --redact` (it cannot be masked).
#[test]
fn data_and_case_of_the_same_refused_body_exit_alike() {
    let data = format!("{{\"x\":[{}1]}}", "1,".repeat(150_000));
    let server = case_api(
        &fixture("status-approved.json"),
        &data,
        &fixture("files.json"),
    );
    let env = TestEnv::new();
    for (flags, code) in [
        (&[][..], 7),
        (&["--json"][..], 0),
        (&["--json", "--redact"][..], 7),
    ] {
        for command in ["data", "case"] {
            let out = env
                .api(&server.base_url())
                .args([command, SCAN_REF])
                .args(flags)
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(code),
                "{command} {flags:?}: {}",
                stderr(&out)
            );
        }
    }
    // The case's table says why the data is missing, and no verdict of "passed" stands.
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("Could not be read: /api/v2/data: the response is a body of 150003 values"),
        "{text}"
    );
    assert!(
        text.lines().next().unwrap().contains("DATA_UNREAD"),
        "{text}"
    );
    // With --redact, a body that cannot be masked is null, never printed as it came.
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--json", "--redact"])
        .output()
        .unwrap();
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        printed["data"].is_null() && printed["status"].is_object(),
        "{printed}"
    );
}

#[test]
fn nesting_deeper_than_any_response_is_refused() {
    let env = TestEnv::new();
    let body = format!("{{\"x\":{}1{}}}", "[".repeat(100), "]".repeat(100));
    let out = env
        .cmd()
        .args(["data", "--input", "-", "--json"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nesting deeper than 64 levels"),
        "{}",
        stderr(&out)
    );
}

/// What the tool writes itself (the page, the masked bodies, the manifest) goes through the
/// same scrubbing as the terminal: a server that echoes the credentials in response fields
/// does not get them written into the case file.
#[test]
fn credentials_a_server_echoes_never_reach_the_files_the_tool_writes() {
    let token = BASIC_AUTH.trim_start_matches("Basic ");
    let status = serde_json::json!({
        "scanRef": SCAN_REF, "status": "DENIED", "autoFace": format!("FACE_{SECRET}"),
        "autoDocument": format!("DOC_{KEY}"), "mismatchTags": [token], "fraudTags": [],
        "clientId": format!("c-{SECRET}"),
    });
    let data = serde_json::json!({ "scanRef": SCAN_REF, "docNumber": SECRET, "docType": KEY });
    let server = case_api(
        &status.to_string(),
        &data.to_string(),
        r#"{"fileUrls": {}}"#,
    );
    for redact in [false, true] {
        let env = TestEnv::new();
        let mut cmd = env.api(&server.base_url());
        cmd.args(["case", SCAN_REF, "--save", "out"]);
        if redact {
            cmd.arg("--redact");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.code().is_some(), "{}", stderr(&out));
        let mut written = vec!["report.html", "manifest.json"];
        if redact {
            written.extend(["status.json", "data.json"]);
        }
        for name in written {
            let text = std::fs::read_to_string(env.path("out").join(name)).unwrap();
            for secret in [SECRET, KEY, token] {
                assert!(
                    !text.contains(secret),
                    "--redact {redact}: {name} holds {secret}"
                );
            }
        }
        let page = std::fs::read_to_string(env.path("out").join("report.html")).unwrap();
        assert!(page.contains("[REDACTED]"), "--redact {redact}");
    }
}

/// A secret with characters the Markdown and HTML writers escape (`_`, `&`, `<`) is scrubbed
/// in its escaped form too: `key\_1` in a Markdown table is the key once pasted.
#[test]
fn a_secret_escaped_for_markdown_or_html_is_scrubbed_as_well() {
    let key = "key_AAAA_1111";
    let secret = "s&c<r>t_BBBB*2222";
    let status = serde_json::json!({
        "scanRef": SCAN_REF, "status": "DENIED", "autoFace": key,
        "autoDocument": secret, "fraudTags": [], "mismatchTags": [],
        "clientId": "whk-webhook-key-9182"
    });
    let server = case_api(
        &status.to_string(),
        r#"{"scanRef": "x"}"#,
        r#"{"fileUrls": {}}"#,
    );
    let env = TestEnv::new();
    let run = |args: &[&str]| {
        env.cmd()
            .env("IDENFY_API_KEY", key)
            .env("IDENFY_API_SECRET", secret)
            .env("IDENFY_BASE_URL", server.base_url())
            .env("IDENFY_WEBHOOK_KEY", "whk-webhook-key-9182")
            .args(args)
            .output()
            .unwrap()
    };
    // The webhook key too, though `status` and `case` never use it.
    let escaped = [
        "webhook-key-9182",
        "key\\_AAAA\\_1111",
        "key_AAAA_1111",
        "2222",
        "s&amp;c",
        "s\\&c",
    ];
    let out = run(&["status", SCAN_REF, "--format", "markdown"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    for shown in escaped {
        assert!(!text.contains(shown), "{shown} in:\n{text}");
    }
    let out = run(&["case", SCAN_REF, "--save", "out"]);
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    let page = std::fs::read_to_string(env.path("out").join("report.html")).unwrap();
    for shown in escaped {
        assert!(!page.contains(shown), "{shown} in report.html");
    }
}
