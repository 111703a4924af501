//! The pager process: started once through `sh -c` (so `PAGER="less -R"` works), fed on its
//! stdin, waited for, and its end judged: done, or missing, or failed.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};

use crate::error::io_reason;
use crate::interrupt;

pub struct Pager {
    command: String,
    child: Child,
    stdin: Option<ChildStdin>,
    /// Whether it was waited for: a pager is never left running behind the program.
    waited: bool,
    /// Ctrl-C belongs to the pager while it runs.
    ctrl_c: interrupt::Guard,
}

/// How the pager ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    /// It showed the output and the reader quit it, maybe early (also by a signal or Ctrl-C).
    Done,
    /// It did not run, or it failed; the reason says which, for a warning.
    Unusable(String),
}

impl Pager {
    /// Starts `command` with `env` added to its environment; the reason when it cannot start.
    pub fn spawn(command: &str, env: &[(&'static str, &'static str)]) -> Result<Pager, String> {
        let ctrl_c = interrupt::hold();
        let child = Command::new("sh")
            .arg("-c")
            .arg(command)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .spawn()
            .map_err(|err| format!("could not start ({})", io_reason(&err)))?;
        let mut child = child;
        let stdin = child.stdin.take();
        Ok(Pager {
            command: command.to_string(),
            child,
            stdin,
            waited: false,
            ctrl_c,
        })
    }

    pub fn command(&self) -> &str {
        &self.command
    }

    /// Whether Ctrl-C was pressed since the pager started.
    pub fn interrupted(&self) -> bool {
        self.ctrl_c.pressed()
    }

    /// Sends `text` to the pager; `BrokenPipe` when it no longer reads.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        match &mut self.stdin {
            Some(stdin) => stdin
                .write_all(text.as_bytes())
                .and_then(|()| stdin.flush()),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    /// Closes the pager's input and waits until the reader quits it.
    pub fn wait(mut self) -> Ending {
        self.close_and_wait()
    }

    fn close_and_wait(&mut self) -> Ending {
        drop(self.stdin.take());
        self.waited = true;
        match self.child.wait() {
            Ok(status) => judge(status, self.ctrl_c.pressed()),
            // It cannot be waited for: it is gone.
            Err(_) => Ending::Done,
        }
    }
}

/// A pager dropped on an error path is still waited for, so that the terminal goes back to
/// the shell only once the reader quits it.
impl Drop for Pager {
    fn drop(&mut self) {
        if !self.waited {
            let _ = self.close_and_wait();
        }
    }
}

/// Exit 0, or the end by a signal or after Ctrl-C, is a reader quitting; 126 and 127 are
/// the shell's "cannot run" and "not found"; any other code is a failure.
fn judge(status: ExitStatus, interrupted: bool) -> Ending {
    match status.code() {
        Some(0) | None => Ending::Done,
        Some(_) if interrupted => Ending::Done,
        Some(126) => Ending::Unusable("could not be run (exit 126)".to_string()),
        Some(127) => Ending::Unusable("was not found (exit 127)".to_string()),
        Some(code) => Ending::Unusable(format!("failed (exit {code})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn a_pager_dropped_unwaited_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("quit");
        let command = format!("cat > /dev/null; sleep 0.2; : > '{}'", marker.display());
        let mut pager = Pager::spawn(&command, &[]).unwrap();
        pager.write("some output\n").unwrap();
        drop(pager);
        assert!(marker.exists(), "the drop returned before the pager ended");
    }

    #[test]
    fn a_reader_quitting_is_done_and_a_missing_or_failing_pager_is_not() {
        let exit = |code: i32| ExitStatus::from_raw(code << 8);
        assert_eq!(judge(exit(0), false), Ending::Done);
        assert_eq!(judge(ExitStatus::from_raw(2), false), Ending::Done);
        assert_eq!(judge(exit(130), true), Ending::Done);
        assert_eq!(
            judge(exit(127), false),
            Ending::Unusable("was not found (exit 127)".to_string())
        );
        assert_eq!(
            judge(exit(126), false),
            Ending::Unusable("could not be run (exit 126)".to_string())
        );
        assert_eq!(
            judge(exit(1), false),
            Ending::Unusable("failed (exit 1)".to_string())
        );
    }
}
