//! Ctrl-C, SIGTERM and SIGHUP, answered in one place: one handler thread for the whole run,
//! and the code that is running chooses, for as long as it holds a [`Guard`], what a signal
//! does. Each ends the run with its own exit code (130, 143, 129) once the cleanup is done.
//! On Windows the console's events take their places: Ctrl-C is Ctrl-C (130), Ctrl-Break is a
//! request to terminate (143), and closing the console window is a hang-up (129).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use crate::error::Exit;

/// A signal that ends the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopSignal {
    /// Ctrl-C.
    Interrupt,
    /// `kill`, a CI runner's timeout.
    Terminate,
    /// The terminal went away.
    HangUp,
}

impl StopSignal {
    #[cfg(unix)]
    fn from_raw(raw: i32) -> Option<StopSignal> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        match raw {
            SIGINT => Some(StopSignal::Interrupt),
            SIGTERM => Some(StopSignal::Terminate),
            SIGHUP => Some(StopSignal::HangUp),
            _ => None,
        }
    }

    /// The exit code: 128 and the signal's number, as shells report it.
    pub fn exit(self) -> Exit {
        match self {
            StopSignal::Interrupt => Exit::Interrupted,
            StopSignal::Terminate => Exit::Terminated,
            StopSignal::HangUp => Exit::HungUp,
        }
    }

    /// What happened, for the closing error line: `interrupted`, `terminated`, `hung up`.
    pub fn what(self) -> &'static str {
        match self {
            StopSignal::Interrupt => "interrupted",
            StopSignal::Terminate => "terminated (SIGTERM)",
            StopSignal::HangUp => "hung up (SIGHUP)",
        }
    }
}

/// What a signal does now.
#[derive(Clone)]
enum OnCtrlC {
    /// Exit at once with the signal's code; what it does while no guard is held.
    Exit,
    /// Ctrl-C does nothing here: a pager in the foreground gets the keypress, and the run
    /// waits for it. SIGTERM and SIGHUP still end the run.
    Hold,
    /// Clean up; the action ends the process.
    Run(Arc<dyn Fn(StopSignal) + Send + Sync>),
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
            let was = std::mem::replace(&mut *current(), previous);
            if matches!(was, OnCtrlC::Hold) {
                *held_until() = Some(Instant::now() + HOLD_GRACE);
            }
        }
    }
}

/// A Ctrl-C the pager's keypress sent just before the pager ended may reach this thread a
/// moment after the hold is dropped; it still belongs to the pager.
const HOLD_GRACE: Duration = Duration::from_millis(300);

static HELD_UNTIL: Mutex<Option<Instant>> = Mutex::new(None);

fn held_until() -> MutexGuard<'static, Option<Instant>> {
    HELD_UNTIL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Until the guard is dropped, Ctrl-C, SIGTERM and SIGHUP run `action`, which must end the
/// process (with [`StopSignal::exit`]), or have the running code end the run promptly (a server
/// that stops accepting and returns once its work in flight is done).
pub fn on_signal(action: impl Fn(StopSignal) + Send + Sync + 'static) -> Guard {
    choose(OnCtrlC::Run(Arc::new(action)))
}

/// Until the guard is dropped, Ctrl-C does not end the run: it belongs to the pager in the
/// foreground (as git has it), and [`Guard::pressed`] says whether it came.
pub fn hold() -> Guard {
    choose(OnCtrlC::Hold)
}

fn choose(choice: OnCtrlC) -> Guard {
    INSTALLED.get_or_init(install);
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

/// Starts the thread that answers the signals, once per run.
#[cfg(unix)]
fn install() -> bool {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return false;
    };
    let started = std::thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            for raw in signals.forever() {
                if let Some(signal) = StopSignal::from_raw(raw) {
                    answer(signal);
                }
            }
        });
    started.is_ok()
}

/// Puts the console control handler in place, once per run; Windows runs it on a thread of
/// its own for each event.
#[cfg(windows)]
fn install() -> bool {
    use crate::platform::ConsoleEvent;
    crate::platform::on_console_event(|event| {
        answer(match event {
            ConsoleEvent::CtrlC => StopSignal::Interrupt,
            ConsoleEvent::CtrlBreak => StopSignal::Terminate,
            ConsoleEvent::Close => StopSignal::HangUp,
        })
    })
}

/// Runs on the signal thread, once per signal.
fn answer(signal: StopSignal) {
    if signal == StopSignal::Interrupt {
        PRESSES.fetch_add(1, Ordering::SeqCst);
    }
    let choice = current().clone();
    let just_held = held_until().is_some_and(|until| Instant::now() < until);
    match (choice, signal) {
        (OnCtrlC::Hold, StopSignal::Interrupt) => {}
        (OnCtrlC::Exit, StopSignal::Interrupt) if just_held => {}
        (OnCtrlC::Exit | OnCtrlC::Hold, signal) => std::process::exit(signal.exit().code().into()),
        (OnCtrlC::Run(action), signal) => action(signal),
    }
}
