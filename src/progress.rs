//! Download progress on stderr (indicatif): a bar per active file with bytes, rate and ETA,
//! a spinner when the length is unknown, and an overall line.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use indicatif::{HumanBytes, MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::download::{Outcome, Reporter, Target};

pub struct Bars {
    multi: MultiProgress,
    overall: ProgressBar,
    files: Mutex<HashMap<String, ProgressBar>>,
    bytes: AtomicU64,
}

impl Bars {
    pub fn new(total_files: usize) -> Bars {
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let overall = multi.add(ProgressBar::new(total_files as u64));
        overall.set_style(style("{pos}/{len} files  {msg}"));
        Bars {
            multi,
            overall,
            files: Mutex::new(HashMap::new()),
            bytes: AtomicU64::new(0),
        }
    }

    /// Removes every bar from the terminal.
    pub fn clear(&self) {
        for bar in self.lock().drain().map(|(_, bar)| bar) {
            bar.finish_and_clear();
        }
        self.overall.finish_and_clear();
        let _ = self.multi.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, ProgressBar>> {
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

impl Reporter for Bars {
    fn started(&self, target: &Target, total: Option<u64>) {
        // Added to the group before it is styled, so that it never draws on its own.
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                "{prefix:16!} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            ),
            None => (
                ProgressBar::new_spinner(),
                "{prefix:16!} {spinner} {bytes} {bytes_per_sec} {msg}",
            ),
        };
        let bar = self.multi.insert_before(&self.overall, bar);
        bar.set_style(style(template));
        bar.set_prefix(target.stem.clone());
        if let Some(old) = self.lock().insert(target.stem.clone(), bar) {
            old.finish_and_clear();
        }
    }

    fn advanced(&self, target: &Target, bytes: u64) {
        if let Some(bar) = self.lock().get(&target.stem) {
            bar.inc(bytes);
        }
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.overall.set_message(HumanBytes(total).to_string());
    }

    fn retrying(&self, target: &Target, reason: &str) {
        if let Some(bar) = self.lock().get(&target.stem) {
            bar.set_message(format!("retrying: {reason}"));
        }
    }

    fn finished(&self, target: &Target, _outcome: &Outcome) {
        if let Some(bar) = self.lock().remove(&target.stem) {
            bar.finish_and_clear();
        }
        self.overall.inc(1);
    }
}
