//! The pager process: its command line split into words as a shell would (`PAGER="less -R"`,
//! quotes kept together) and run directly, as gh does, on every platform; started once, fed
//! on its stdin, waited for, and its end judged: done, or missing, or failed.

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
        let words = split_words(command).ok_or("has an unclosed quote")?;
        let (program, args) = words.split_first().ok_or("is empty")?;
        let ctrl_c = interrupt::hold();
        let child = Command::new(program)
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .spawn()
            .map_err(|err| match err.kind() {
                io::ErrorKind::NotFound => "was not found".to_string(),
                _ => format!("could not start ({})", io_reason(&err)),
            })?;
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

/// `command` split into words as a POSIX shell splits them, without expanding anything:
/// blanks separate words, quotes ('…', "…") and a backslash keep what they hold together.
/// `None` when a quote is not closed.
pub fn split_words(command: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = command.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => word.push(c),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            c @ ('"' | '\\' | '$' | '`') => word.push(c),
                            c => {
                                word.push('\\');
                                word.push(c);
                            }
                        },
                        c => word.push(c),
                    }
                }
            }
            // A Windows path's backslashes are kept: only a quote or a blank is escaped.
            '\\' => {
                in_word = true;
                match chars.clone().next() {
                    Some(next @ ('"' | '\'' | ' ' | '\\')) => {
                        chars.next();
                        word.push(next);
                    }
                    _ => word.push('\\'),
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
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
/// "cannot run" and "not found" (from a shell the pager is itself); any other code is a failure.
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

    #[test]
    fn a_command_line_splits_into_words_as_a_shell_splits_it() {
        let words = |text: &str| split_words(text).unwrap();
        assert_eq!(words("less -FRX"), ["less", "-FRX"]);
        assert_eq!(words("  less   -R  "), ["less", "-R"]);
        assert_eq!(
            words(r#"sh -c 'cat > "/tmp/a b"'"#),
            ["sh", "-c", r#"cat > "/tmp/a b""#]
        );
        assert_eq!(
            words(r#""C:\Program Files\Git\usr\bin\less.exe" -R"#),
            [r"C:\Program Files\Git\usr\bin\less.exe", "-R"]
        );
        assert_eq!(words(r"C:\tools\less.exe"), [r"C:\tools\less.exe"]);
        assert_eq!(words(r"a\ b"), ["a b"]);
        assert_eq!(words("''"), [""]);
        assert_eq!(split_words("less 'oops"), None);
        assert!(words("").is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_pager_dropped_unwaited_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("quit");
        let script = format!("cat > /dev/null; sleep 0.2; : > '{}'", marker.display());
        let command = format!("sh -c \"{script}\"");
        let mut pager = Pager::spawn(&command, &[]).unwrap();
        pager.write("some output\n").unwrap();
        drop(pager);
        assert!(marker.exists(), "the drop returned before the pager ended");
    }

    #[cfg(unix)]
    #[test]
    fn a_reader_quitting_is_done_and_a_missing_or_failing_pager_is_not() {
        use std::os::unix::process::ExitStatusExt;
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
