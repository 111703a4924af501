//! Where stdout goes: straight to it, or through a pager started once for output taller than
//! the terminal (bat's `OutputType`, gh's iostreams). The only module that writes command
//! output, and it scrubs the run's secrets from all of it.

mod pager;

use std::io::{self, BufWriter, Write};

use crate::error::{Error, Exit, Result, io_reason, warning_line};
use crate::json::Pretty;
use crate::secret::Scrubbing;
use crate::settings::Settings;
use crate::text::clean;
use pager::{Ending, Pager};

/// Writes a command's whole output: through the pager when it is taller than the terminal,
/// else to stdout. A reader that goes away (`| head`, a pager quit early) is not an error.
pub fn write_stdout(settings: &Settings, text: &str) -> Result<()> {
    let mut stream = Stream::open(settings, rows(text, settings.style().width));
    stream.write(text)?;
    stream.finish()
}

/// JSON output, made by `write` (re-indented, and coloured when stdout has colour). In a
/// pipe it streams, so memory does not grow with the output; at a terminal it is gathered
/// and paged like any other output.
pub fn write_json(
    settings: &Settings,
    write: impl FnOnce(&mut dyn Write, Pretty) -> io::Result<()>,
) -> Result<()> {
    let pretty = Pretty {
        color: settings.output.color,
        ..Pretty::default()
    };
    if let Some(code) = &settings.jq {
        return write_filtered(settings, code, write, pretty);
    }
    if settings.output.pager.is_some() {
        let mut text = Vec::new();
        write(&mut text, pretty).map_err(not_written)?;
        text.push(b'\n');
        return write_stdout(settings, &String::from_utf8_lossy(&text));
    }
    let mut out = Scrubbing::new(BufWriter::with_capacity(64 * 1024, io::stdout().lock()));
    let written = write(&mut out, pretty)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(not_written),
    }
}

/// `--jq`: the output gathered (plain, on one line), run through the filter, and what the
/// filter gives written as any output is. At a terminal, raw strings are cleaned of control
/// characters like every other text; in a pipe they stay as they are, as `jq -r` leaves them.
fn write_filtered(
    settings: &Settings,
    code: &str,
    write: impl FnOnce(&mut dyn Write, Pretty) -> io::Result<()>,
    pretty: Pretty,
) -> Result<()> {
    let mut json = Vec::new();
    let plain = Pretty {
        color: false,
        compact: true,
        depth: 0,
    };
    write(&mut json, plain).map_err(not_written)?;
    let at_terminal = settings.output.height.is_some();
    let mut text = Vec::new();
    let filtered = crate::jq::apply(
        code,
        &json,
        pretty,
        crate::jq::raw_strings(at_terminal),
        &mut text,
    )
    .map_err(not_written)?;
    drop(json);
    // What the filter printed before it failed is shown, then the failure.
    let shown = write_stdout(settings, &String::from_utf8_lossy(&text));
    match filtered {
        Ok(()) => shown,
        Err(why) => Err(Error::usage(format!("--jq: {why}"))),
    }
}

/// Why stdout could not be written: exit 74. A closed pipe is no such error.
pub fn not_written(err: io::Error) -> Error {
    Error::new(
        Exit::Output,
        format!("cannot write to stdout: {}", io_reason(&err)),
    )
}

/// Output written piece by piece as it is ready (a row per finished case), to stdout or
/// through a pager started up front when the expected lines do not fit the terminal.
pub struct Stream {
    target: Sink,
    quiet: bool,
    stderr_color: bool,
}

enum Sink {
    Stdout,
    /// The pager, and everything sent to it: shown plainly if the pager turns out unusable.
    Pager(Pager, String),
    /// The reader went away: what is left is dropped.
    Closed,
}

impl Stream {
    /// Starts the pager when `expected_lines` would not fit the terminal above the prompt and
    /// a pager is set (only when stdout is a terminal); else writes go straight to stdout.
    pub fn open(settings: &Settings, expected_lines: usize) -> Stream {
        let output = &settings.output;
        let mut stream = Stream {
            target: Sink::Stdout,
            quiet: settings.quiet,
            stderr_color: output.stderr_color,
        };
        if let (Some(command), Some(height)) = (&output.pager, output.height)
            && expected_lines >= height
        {
            // Anything written before must reach the terminal before the pager takes it.
            let _ = io::stdout().flush();
            match Pager::spawn(command, &output.pager_env) {
                Ok(pager) => stream.target = Sink::Pager(pager, String::new()),
                Err(reason) => stream.warn_unusable(command, &reason),
            }
        }
        stream
    }

    /// Whether the reader went away: nothing more will be shown, so work for it can stop.
    pub fn is_closed(&self) -> bool {
        matches!(self.target, Sink::Closed)
    }

    /// Writes `text`. After Ctrl-C in the pager, waits for the reader to quit it and fails
    /// with exit 130; a stdout that cannot be written fails with exit 74.
    pub fn write(&mut self, text: &str) -> Result<()> {
        let text = crate::secret::scrub(text);
        if matches!(&self.target, Sink::Pager(pager, _) if pager.interrupted()) {
            if let Some((pager, _)) = self.take_pager() {
                let _ = pager.wait();
            }
            return Err(Error::new(Exit::Interrupted, "interrupted"));
        }
        match &mut self.target {
            Sink::Closed => Ok(()),
            Sink::Stdout => self.write_to_stdout(&text),
            Sink::Pager(pager, sent) => {
                sent.push_str(&text);
                match pager.write(&text) {
                    Ok(()) => Ok(()),
                    Err(_) => self.end_pager(),
                }
            }
        }
    }

    /// Ends the output: waits for the pager to be quit, or shows the output without it
    /// when it turned out unusable.
    pub fn finish(mut self) -> Result<()> {
        match self.target {
            Sink::Pager(..) => self.end_pager(),
            Sink::Stdout | Sink::Closed => Ok(()),
        }
    }

    /// Waits for the pager; if it did not show the output, warns and writes it to stdout.
    fn end_pager(&mut self) -> Result<()> {
        let Some((pager, sent)) = self.take_pager() else {
            return Ok(());
        };
        let command = pager.command().to_string();
        match pager.wait() {
            Ending::Done => Ok(()),
            Ending::Unusable(reason) => {
                self.warn_unusable(&command, &reason);
                self.target = Sink::Stdout;
                self.write_to_stdout(&sent)
            }
        }
    }

    /// The pager and what was sent to it, leaving the stream closed.
    fn take_pager(&mut self) -> Option<(Pager, String)> {
        match std::mem::replace(&mut self.target, Sink::Closed) {
            Sink::Pager(pager, sent) => Some((pager, sent)),
            other => {
                self.target = other;
                None
            }
        }
    }

    fn write_to_stdout(&mut self, text: &str) -> Result<()> {
        let mut out = io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
                self.target = Sink::Closed;
                Ok(())
            }
            Err(err) => Err(not_written(err)),
        }
    }

    fn warn_unusable(&self, command: &str, reason: &str) {
        if !self.quiet {
            let message = format!(
                "pager `{}` {reason}; showing the output without it",
                clean(command)
            );
            let _ = writeln!(
                io::stderr(),
                "{}",
                warning_line(&message, self.stderr_color)
            );
        }
    }
}

/// The terminal rows `text` takes at `width` columns (long lines wrap); colour codes take none.
fn rows(text: &str, width: Option<usize>) -> usize {
    text.lines()
        .map(|line| {
            let columns = textwrap::core::display_width(line);
            match width {
                Some(width) if width > 0 && columns > width => columns.div_ceil(width),
                _ => 1,
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_lines_and_the_wrapping_of_long_ones_but_no_colour_codes() {
        assert_eq!(rows("", Some(80)), 0);
        assert_eq!(rows("a\nb\n", Some(80)), 2);
        assert_eq!(rows("a\nb", Some(80)), 2);
        assert_eq!(rows(&"x".repeat(161), Some(80)), 3);
        assert_eq!(rows(&"x".repeat(161), None), 1);
        assert_eq!(
            rows(&format!("\u{1b}[32m{}\u{1b}[0m", "x".repeat(80)), Some(80)),
            1
        );
    }
}
