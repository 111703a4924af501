//! The error type every command returns, and the exit-code table in one place.

use std::fmt;

use crate::text::shown;

use owo_colors::OwoColorize;

/// Exit codes. [`Exit::ALL`] and [`Exit::meaning`] are the table that `help exit-codes` and
/// the manual page print; the README's table is tested against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Success = 0,
    /// 1: a check answered "no" (signature mismatch, differences found, unknown code).
    Negative = 1,
    /// 2: bad flags or a bad scanRef; nothing was sent.
    Usage = 2,
    /// 3: no credentials, a broken config file, a failing `api_secret_command`, an unsafe base URL.
    Config = 3,
    /// 4: the API refused the credentials or the account (401, 402, 403).
    Refused = 4,
    /// 5: the API does not know the verification (404).
    NotFound = 5,
    /// 6: rate limited (429).
    RateLimited = 6,
    /// 7: any other API failure: other 4xx, 5xx, a redirect, an unexpected or oversized body.
    Api = 7,
    /// 8: network: DNS, connect, TLS, timeout.
    Network = 8,
    /// 9: some downloads failed.
    Download = 9,
    /// 74: the output could not be written (stdout on a full disk, say); sysexits' EX_IOERR.
    Output = 74,
    /// 129: the terminal hung up (SIGHUP).
    HungUp = 129,
    /// 130: interrupted by Ctrl-C.
    Interrupted = 130,
    /// 143: terminated (SIGTERM).
    Terminated = 143,
}

impl Exit {
    /// Every exit code, in order.
    pub const ALL: [Exit; 14] = [
        Exit::Success,
        Exit::Negative,
        Exit::Usage,
        Exit::Config,
        Exit::Refused,
        Exit::NotFound,
        Exit::RateLimited,
        Exit::Api,
        Exit::Network,
        Exit::Download,
        Exit::Output,
        Exit::HungUp,
        Exit::Interrupted,
        Exit::Terminated,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    /// What the code tells the person or script that ran the program.
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Success => "Success; also webhook listen stopped by Ctrl-C, SIGTERM or SIGHUP.",
            Exit::Negative => {
                "A check answered no: webhook verify (the signature does not match), webhook \
                 diff (differences found), explain (unknown code)."
            }
            Exit::Usage => {
                "Usage: bad flags, a bad scanRef, an --input or webhook file that cannot be \
                 read or is not a JSON object, a webhook send or forward target that is \
                 iDenfy or plain http to another machine, auth login input that is not a key \
                 and a secret. Nothing was sent or stored."
            }
            Exit::Config => {
                "Configuration: no credentials, an unreadable or invalid config file, an \
                 unknown profile, a failing api_secret_command, a plain-http API root that is \
                 not loopback, a CA file that cannot be used, a system keyring that cannot be \
                 reached or refuses (auth login, auth logout) or holds an entry idenfy-cli did \
                 not write; auth status: the profile in force cannot make an API call."
            }
            Exit::Refused => {
                "The API refused the credentials or the account (401, 402, 403, or a 400 \
                 whose identifier says so)."
            }
            Exit::NotFound => "Not found (404).",
            Exit::RateLimited => {
                "Rate limited (429, or a 400 with TOO_MANY_REQUESTS): do not poll; rely on \
                 webhooks."
            }
            Exit::Api => {
                "Any other API failure: other 4xx, 5xx, a redirect, a body that is not a JSON \
                 object, a body over 16 MiB; webhook send: your endpoint answered another \
                 status than 2xx."
            }
            Exit::Network => {
                "Network: DNS, connect, TLS, timeout; webhook listen: the address cannot be \
                 listened on (a port in use)."
            }
            Exit::Download => {
                "files --download, case --download, case --save: one or more files could not \
                 be saved (the others are kept)."
            }
            Exit::Output => "The output could not be written (stdout on a full disk, say).",
            Exit::HungUp => "Hung up (SIGHUP); temporary download files removed.",
            Exit::Interrupted => "Interrupted (Ctrl-C); temporary download files removed.",
            Exit::Terminated => "Terminated (SIGTERM); temporary download files removed.",
        }
    }
}

/// A failure to report to the user: one line of what happened, then hints on what to do.
#[derive(Debug, Clone)]
pub struct Error {
    pub exit: Exit,
    pub message: String,
    pub hints: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Error {
            exit,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(Exit::Usage, message)
    }

    pub fn config(message: impl Into<String>) -> Self {
        Error::new(Exit::Config, message)
    }

    /// An exit code with nothing to say: the output already told it (differences found).
    pub fn silent(exit: Exit) -> Self {
        Error::new(exit, "")
    }

    /// Whether there is a line to print at all.
    pub fn is_silent(&self) -> bool {
        self.message.is_empty() && self.hints.is_empty()
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }
}

impl Error {
    /// The stderr form: `idenfy-cli: error: …` then `  hint: …` lines, the labels coloured
    /// when `color` is on; no final newline.
    pub fn to_stderr(&self, color: bool) -> String {
        let message = shown(&self.message);
        let mut text = format!("idenfy-cli: {} {message}", Label::Error.paint(color));
        for hint in &self.hints {
            text.push_str(&format!("\n  {} {}", Label::Hint.paint(color), shown(hint)));
        }
        text
    }
}

impl fmt::Display for Error {
    /// [`Error::to_stderr`] without colour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_stderr(false))
    }
}

/// The labels of the lines on stderr. Only the label is ever coloured, never the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// `error:`, red and bold.
    Error,
    /// `warning:`, yellow and bold.
    Warning,
    /// `hint:`, cyan.
    Hint,
}

impl Label {
    pub fn paint(self, color: bool) -> String {
        let text = match self {
            Label::Error => "error:",
            Label::Warning => "warning:",
            Label::Hint => "hint:",
        };
        match (color, self) {
            (false, _) => text.to_string(),
            (true, Label::Error) => text.red().bold().to_string(),
            (true, Label::Warning) => text.yellow().bold().to_string(),
            (true, Label::Hint) => text.cyan().to_string(),
        }
    }
}

/// `idenfy-cli: warning: …`, the label coloured when `color` is on; no final newline.
pub fn warning_line(message: &str, color: bool) -> String {
    format!(
        "idenfy-cli: {} {}",
        Label::Warning.paint(color),
        shown(message)
    )
}

/// An I/O error's reason without the "(os error N)" suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    // The same words on every platform for what people meet most, so that a message (and the
    // help that quotes it) reads alike on Windows; the system's own text for the rest.
    match err.kind() {
        std::io::ErrorKind::NotFound => return "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => return "Permission denied".to_string(),
        std::io::ErrorKind::AlreadyExists => return "File exists".to_string(),
        _ => {}
    }
    let text = err.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_match_the_documented_table() {
        let table = [
            (Exit::Success, 0),
            (Exit::Negative, 1),
            (Exit::Usage, 2),
            (Exit::Config, 3),
            (Exit::Refused, 4),
            (Exit::NotFound, 5),
            (Exit::RateLimited, 6),
            (Exit::Api, 7),
            (Exit::Network, 8),
            (Exit::Download, 9),
            (Exit::Output, 74),
            (Exit::HungUp, 129),
            (Exit::Interrupted, 130),
            (Exit::Terminated, 143),
        ];
        for (exit, code) in table {
            assert_eq!(exit.code(), code, "{exit:?}");
        }
        let all: Vec<(Exit, u8)> = Exit::ALL.iter().map(|e| (*e, e.code())).collect();
        assert_eq!(all, table, "Exit::ALL lists every code, in order");
    }

    /// The README's table and this enum must list the same codes.
    #[test]
    fn readme_exit_code_table_lists_every_code() {
        let readme = include_str!("../README.md");
        let section = readme
            .split("## Exit codes")
            .nth(1)
            .expect("README has an Exit codes section");
        let documented: Vec<u8> = section
            .lines()
            .skip_while(|l| !l.starts_with("| code"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .next()?
                    .trim()
                    .parse::<u8>()
                    .ok()
            })
            .collect();
        let codes: Vec<u8> = Exit::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(documented, codes);
    }

    #[test]
    fn error_renders_as_one_line_then_hints() {
        let err = Error::config("no API credentials").hint("run `idenfy-cli config init`");
        assert_eq!(
            err.to_string(),
            "idenfy-cli: error: no API credentials\n  hint: run `idenfy-cli config init`"
        );
    }

    #[test]
    fn only_the_labels_are_coloured_and_only_when_asked() {
        let err = Error::config("no API credentials").hint("run `idenfy-cli config init`");
        assert_eq!(err.to_stderr(false), err.to_string());
        let coloured = err.to_stderr(true);
        assert_eq!(
            coloured,
            format!(
                "idenfy-cli: {} no API credentials\n  {} run `idenfy-cli config init`",
                "error:".red().bold(),
                "hint:".cyan()
            )
        );
        assert!(coloured.starts_with("idenfy-cli: \u{1b}["));
        assert_eq!(
            warning_line("odd", true),
            format!("idenfy-cli: {} odd", "warning:".yellow().bold())
        );
        assert_eq!(warning_line("odd", false), "idenfy-cli: warning: odd");
    }
}
