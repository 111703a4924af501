//! What the program asks of the operating system directly, where no safe library call
//! exists: core dumps and the effective user on Unix; the console control handler and colour
//! on the Windows console. The only `unsafe` in the program is here, each block with why it is
//! sound.

/// Turns core dumps off for this process before any secret is read: a crash must not leave
/// the API secret, the webhook key or a response full of personal data in a core file.
/// RLIMIT_CORE 0 stops the kernel writing one; PR_SET_DUMPABLE 0 also keeps other
/// processes of the same user from attaching to read the memory.
#[cfg(unix)]
pub fn no_core_dumps() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit reads the struct we pass by reference for the duration of the call
    // and keeps no pointer to it; a failure only leaves the limit as it was.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
    }
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_DUMPABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// The user this process acts as, to compare with a file's owner.
#[cfg(unix)]
pub fn effective_uid() -> u32 {
    // SAFETY: geteuid takes nothing, touches no memory of ours and cannot fail.
    unsafe { libc::geteuid() }
}

/// Elsewhere there is no core file to turn off here.
#[cfg(not(unix))]
pub fn no_core_dumps() {}

/// A console event on Windows, as the control handler receives it.
#[cfg(windows)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleEvent {
    /// Ctrl-C.
    CtrlC,
    /// Ctrl-Break.
    CtrlBreak,
    /// The console window closed, the user logged off or the system shuts down: the process
    /// ends when the handler returns, so the handler does its cleanup before it does.
    Close,
}

#[cfg(windows)]
static CONSOLE_HANDLER: std::sync::OnceLock<fn(ConsoleEvent)> = std::sync::OnceLock::new();

/// Routes console events to `handler`, which Windows runs on a thread of its own. Returns
/// whether the handler is in place.
#[cfg(windows)]
pub fn on_console_event(handler: fn(ConsoleEvent)) -> bool {
    use windows_sys::Win32::Foundation::{FALSE, TRUE};
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };

    unsafe extern "system" fn route(kind: u32) -> windows_sys::core::BOOL {
        let event = match kind {
            CTRL_C_EVENT => ConsoleEvent::CtrlC,
            CTRL_BREAK_EVENT => ConsoleEvent::CtrlBreak,
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => ConsoleEvent::Close,
            _ => return FALSE,
        };
        match CONSOLE_HANDLER.get() {
            Some(handler) => {
                handler(event);
                TRUE
            }
            None => FALSE,
        }
    }

    if CONSOLE_HANDLER.set(handler).is_err() {
        return true;
    }
    // SAFETY: `route` is a plain function that lives as long as the program, with the
    // signature the console expects; it reads only the OnceLock set above.
    unsafe { SetConsoleCtrlHandler(Some(route), TRUE) != 0 }
}

/// Lets the Windows console read the escape sequences colour is written with (virtual
/// terminal processing, Windows 10 and later). Returns whether colour can be shown on the
/// handle: `false` leaves the output plain.
#[cfg(windows)]
pub fn enable_console_colour(stderr: bool) -> bool {
    use windows_sys::Win32::System::Console::{
        CONSOLE_MODE, ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetStdHandle,
        STD_ERROR_HANDLE, STD_OUTPUT_HANDLE, SetConsoleMode,
    };
    let which = if stderr {
        STD_ERROR_HANDLE
    } else {
        STD_OUTPUT_HANDLE
    };
    // SAFETY: GetStdHandle takes a constant and returns a handle owned by the process (or
    // null/invalid, which the mode calls then refuse); GetConsoleMode writes one u32 into
    // `mode`, which outlives the call; SetConsoleMode takes the handle and plain flags.
    unsafe {
        let handle = GetStdHandle(which);
        let mut mode: CONSOLE_MODE = 0;
        if GetConsoleMode(handle, &mut mode) == 0 {
            return false;
        }
        mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
            || SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}
