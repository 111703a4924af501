//! Download progress on stderr (indicatif): a bar per active file with bytes, rate and ETA,
//! a spinner when the length is unknown, and an overall line.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use indicatif::{
    HumanBytes, MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike,
};

use crate::download::{DownloadReporter, Outcome, Target};

pub struct Bars {
    multi: MultiProgress,
    screen: Screen,
    overall: ProgressBar,
    /// The bar of each active file; `None` once cleared: nothing draws after that.
    files: Mutex<Option<HashMap<String, ProgressBar>>>,
    bytes: AtomicU64,
}

impl Bars {
    pub fn new(total_files: usize) -> Bars {
        let screen = Screen::default();
        let target = ProgressDrawTarget::term_like_with_hz(Box::new(screen.clone()), 20);
        let multi = MultiProgress::with_draw_target(target);
        let overall = multi.add(ProgressBar::new(total_files as u64));
        overall.set_style(style("{pos}/{len} files  {msg}"));
        Bars {
            multi,
            screen,
            overall,
            files: Mutex::new(Some(HashMap::new())),
            bytes: AtomicU64::new(0),
        }
    }

    /// Removes every bar from the terminal for good, from any thread (Ctrl-C's too): a
    /// download still running draws nothing afterwards.
    pub fn clear(&self) {
        let mut files = self.lock();
        self.screen.back_to_last_bar();
        for bar in files.take().into_iter().flat_map(HashMap::into_values) {
            bar.finish_and_clear();
        }
        self.overall.finish_and_clear();
        let _ = self.multi.clear();
    }

    /// The bars, locked for one change; `None` once cleared. Every drawing happens under
    /// this lock, so none can come after [`Bars::clear`].
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<String, ProgressBar>>> {
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// stderr as the bars draw on it. indicatif pads every line to the width it is given; it is
/// given two columns less than the terminal has, so that a `^C` the terminal echoes at the
/// start or the end of a bar's row never makes that row wrap (a wrapped row would be left
/// behind by the clearing).
#[derive(Debug, Default, Clone)]
struct Screen {
    /// Whether the last thing drawn was text, leaving the cursor at the end of a bar's row.
    after_text: Arc<AtomicBool>,
}

impl Screen {
    /// Puts the cursor back at the start of the last bar's row, whether or not a `^C` was
    /// echoed after it: the row never wraps, so the cursor is still on it.
    fn back_to_last_bar(&self) {
        if self.after_text.swap(false, Ordering::SeqCst) {
            let _ = self.write("\r");
        }
    }

    fn write(&self, text: &str) -> io::Result<()> {
        io::stderr().write_all(text.as_bytes())
    }

    fn moved(&self, code: char, n: usize) -> io::Result<()> {
        self.after_text.store(false, Ordering::SeqCst);
        match n {
            0 => Ok(()),
            // Back to the row's start first: a `^C` echoed while the bars were redrawn may
            // have moved the cursor off column 0, and a bar drawn from there would wrap.
            n if matches!(code, 'A' | 'B') => self.write(&format!("\r\u{1b}[{n}{code}")),
            n => self.write(&format!("\u{1b}[{n}{code}")),
        }
    }
}

impl TermLike for Screen {
    fn width(&self) -> u16 {
        let width = terminal_size::terminal_size_of(io::stderr()).map_or(80, |(width, _)| width.0);
        // Room for a `^C` echo: see [`Screen`].
        width.saturating_sub(2).max(20)
    }

    fn height(&self) -> u16 {
        terminal_size::terminal_size_of(io::stderr()).map_or(24, |(_, height)| height.0)
    }

    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        self.moved('A', n)
    }

    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.moved('B', n)
    }

    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.moved('C', n)
    }

    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.moved('D', n)
    }

    fn write_line(&self, line: &str) -> io::Result<()> {
        self.after_text.store(false, Ordering::SeqCst);
        self.write(&format!("{line}\n"))
    }

    fn write_str(&self, text: &str) -> io::Result<()> {
        if !text.is_empty() {
            self.after_text.store(true, Ordering::SeqCst);
        }
        self.write(text)
    }

    fn clear_line(&self) -> io::Result<()> {
        self.after_text.store(false, Ordering::SeqCst);
        self.write("\r\u{1b}[2K")
    }

    fn flush(&self) -> io::Result<()> {
        io::stderr().flush()
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

impl DownloadReporter for Bars {
    fn started(&self, target: &Target, total: Option<u64>) {
        let mut files = self.lock();
        let Some(files) = files.as_mut() else {
            return;
        };
        // Added to the group before it is styled, so that it never draws on its own.
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                // 75 columns before the message, which takes what the terminal has left.
                "{prefix:16!} [{bar:12}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {wide_msg}",
            ),
            None => (
                ProgressBar::new_spinner(),
                "{prefix:16!} {spinner} {bytes} {bytes_per_sec} {wide_msg}",
            ),
        };
        let bar = self.multi.insert_before(&self.overall, bar);
        bar.set_style(style(template));
        bar.set_prefix(target.stem.clone());
        if let Some(old) = files.insert(target.stem.clone(), bar) {
            old.finish_and_clear();
        }
    }

    fn advanced(&self, target: &Target, bytes: u64) {
        let files = self.lock();
        let Some(files) = files.as_ref() else {
            return;
        };
        if let Some(bar) = files.get(&target.stem) {
            bar.inc(bytes);
        }
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.overall.set_message(HumanBytes(total).to_string());
    }

    fn retrying(&self, target: &Target, reason: &str) {
        if let Some(bar) = self
            .lock()
            .as_ref()
            .and_then(|files| files.get(&target.stem))
        {
            bar.set_message(format!("retrying: {}", crate::text::shown(reason)));
        }
    }

    fn finished(&self, target: &Target, _outcome: &Outcome) {
        let mut files = self.lock();
        let Some(files) = files.as_mut() else {
            return;
        };
        if let Some(bar) = files.remove(&target.stem) {
            bar.finish_and_clear();
        }
        self.overall.inc(1);
    }
}
