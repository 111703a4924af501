//! What the program asks of the operating system directly, where no safe library call
//! exists. The only `unsafe` in the program is here, each block with why it is sound.

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
