//! Hostile and broken input, kept as a standing suite: each test reproduces an attack or a
//! failure the tool must survive with a clear one-line error and the documented exit code.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;

/// A named pipe at `path` (nothing ever writes to it: reading it would wait forever).
fn fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

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
