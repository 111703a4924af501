//! Ctrl-C, answered in one place: one handler for the whole run, and the code that is running
//! chooses, for as long as it holds a [`Guard`], what Ctrl-C does.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use crate::error::Exit;

/// What Ctrl-C does now.
#[derive(Clone)]
enum OnCtrlC {
    /// Exit 130 at once; what it does while no guard is held.
    Exit,
    /// Nothing here: a pager in the foreground gets the keypress, and the run waits for it.
    Hold,
    /// Clean up; the action ends the process.
    Run(Arc<dyn Fn() + Send + Sync>),
}

static CURRENT: Mutex<OnCtrlC> = Mutex::new(OnCtrlC::Exit);
/// How many times Ctrl-C was pressed in this run.
static PRESSES: AtomicUsize = AtomicUsize::new(0);
static INSTALLED: OnceLock<bool> = OnceLock::new();

/// Holds a choice of what Ctrl-C does; dropping it brings back the one before.
#[must_use = "Ctrl-C goes back to what it did before when the guard is dropped"]
pub struct Guard {
    previous: Option<OnCtrlC>,
    presses_before: usize,
}

impl Guard {
    /// Whether Ctrl-C was pressed while this guard was held.
    pub fn pressed(&self) -> bool {
        PRESSES.load(Ordering::SeqCst) > self.presses_before
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            *current() = previous;
        }
    }
}

/// Until the guard is dropped, Ctrl-C runs `action`, which must end the process.
pub fn on_ctrl_c(action: impl Fn() + Send + Sync + 'static) -> Guard {
    choose(OnCtrlC::Run(Arc::new(action)))
}

/// Until the guard is dropped, Ctrl-C does not end the run: it belongs to the pager in the
/// foreground (as git has it), and [`Guard::pressed`] says whether it came.
pub fn hold() -> Guard {
    choose(OnCtrlC::Hold)
}

fn choose(choice: OnCtrlC) -> Guard {
    INSTALLED.get_or_init(|| ctrlc::set_handler(answer).is_ok());
    let presses_before = PRESSES.load(Ordering::SeqCst);
    let previous = std::mem::replace(&mut *current(), choice);
    Guard {
        previous: Some(previous),
        presses_before,
    }
}

fn current() -> MutexGuard<'static, OnCtrlC> {
    CURRENT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs on the handler's own thread, once per Ctrl-C.
fn answer() {
    PRESSES.fetch_add(1, Ordering::SeqCst);
    let choice = current().clone();
    match choice {
        OnCtrlC::Exit => std::process::exit(Exit::Interrupted.code().into()),
        OnCtrlC::Hold => {}
        OnCtrlC::Run(action) => action(),
    }
}
