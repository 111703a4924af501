//! `api_secret_command`: the secret from a command's output, within a time and size limit.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::error::{Error, Result, io_reason};
use crate::secret::Secret;

/// How long `api_secret_command` may run, and how much it may print.
const SECRET_COMMAND_TIMEOUT: Duration = Duration::from_secs(30);
const SECRET_COMMAND_MAX_BYTES: u64 = 64 * 1024;

pub(super) fn run_secret_command(command: &str, profile: &str) -> Result<Secret> {
    let fail = |why: String| {
        Error::config(format!("api_secret_command of profile `{profile}` {why}"))
            .hint(format!("run it yourself to check: {command}"))
    };
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| fail(format!("could not start: {}", io_reason(&err))))?;
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(stdout) = stdout {
            let _ = stdout
                .take(SECRET_COMMAND_MAX_BYTES + 1)
                .read_to_end(&mut bytes);
        }
        bytes
    });
    let deadline = std::time::Instant::now() + SECRET_COMMAND_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) | Err(_) => {
                // The reader is left behind: a process the command started may still hold
                // its output open, and waiting for it would defeat the limit.
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "did not finish within {} s; stopped",
                    SECRET_COMMAND_TIMEOUT.as_secs()
                )));
            }
        }
    };
    let stdout = reader.join().unwrap_or_default();
    if stdout.len() as u64 > SECRET_COMMAND_MAX_BYTES {
        return Err(fail(
            "printed more than 64 KiB; a secret is one line".to_string(),
        ));
    }
    if !status.success() {
        return Err(fail(format!("failed ({status})")));
    }
    let text = String::from_utf8(stdout)
        .map_err(|_| fail("printed something that is not UTF-8".to_string()))?;
    let secret = text.trim();
    if secret.is_empty() {
        return Err(fail("printed nothing".to_string()));
    }
    Ok(Secret::new(secret))
}
