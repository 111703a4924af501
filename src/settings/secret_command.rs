//! `api_secret_command`: the secret from a command's output, within a time and size limit.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::error::{Error, Result, io_reason};
use crate::secret::Secret;

/// How long `api_secret_command` may run, and how much it may print.
const SECRET_COMMAND_TIMEOUT: Duration = Duration::from_secs(30);
const SECRET_COMMAND_MAX_BYTES: u64 = 64 * 1024;

/// The command line run by the system's shell: `sh -c` on Unix, `cmd /C` on Windows.
fn shell(command: &str) -> Command {
    if cfg!(windows) {
        let mut cmd = Command::new("cmd");
        cmd.arg("/C").arg(command);
        cmd
    } else {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(command);
        cmd
    }
}

/// Ends the command and what it started: on Windows the whole tree (`taskkill /T`), since
/// `cmd` does not pass its end on; on Unix the shell, whose children lose their output.
fn end_tree(child: &mut std::process::Child) {
    if cfg!(windows) {
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &child.id().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

pub(super) fn run_secret_command(command: &str, profile: &str) -> Result<Secret> {
    let fail = |why: String| {
        Error::config(format!("api_secret_command of profile `{profile}` {why}"))
            .hint(format!("run it yourself to check: {command}"))
    };
    let mut child = shell(command)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| fail(format!("could not start: {}", io_reason(&err))))?;
    let stdout = child.stdout.take();
    let (sender, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(stdout) = stdout {
            let _ = stdout
                .take(SECRET_COMMAND_MAX_BYTES + 1)
                .read_to_end(&mut bytes);
        }
        let _ = sender.send(bytes);
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
                end_tree(&mut child);
                return Err(fail(format!(
                    "did not finish within {} s; stopped",
                    SECRET_COMMAND_TIMEOUT.as_secs()
                )));
            }
        }
    };
    // The output ends when every process holding it has closed it: a process the command
    // left running in the background must not hold the run past the same limit.
    let left = deadline.saturating_duration_since(std::time::Instant::now());
    let Ok(stdout) = received.recv_timeout(left) else {
        return Err(fail(format!(
            "left its output open past {} s (a process it started in the background?); stopped",
            SECRET_COMMAND_TIMEOUT.as_secs()
        )));
    };
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
    // The secret is the first line: `pass show` puts a login and recovery codes on the
    // lines after it, and they must never reach the API.
    let secret = text.lines().next().unwrap_or("").trim();
    if secret.is_empty() {
        return Err(fail(if text.trim().is_empty() {
            "printed nothing".to_string()
        } else {
            "printed nothing on its first line, where the secret goes".to_string()
        }));
    }
    Ok(Secret::new(secret))
}
