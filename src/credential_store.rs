//! The system keyring: the API key and secret of a profile, kept where `auth login` put them.
//! The macOS Keychain, the Windows Credential Manager, or the Secret Service on Linux and the
//! BSDs (over D-Bus: GNOME Keyring, KWallet, KeePassXC). One entry per profile, its service
//! `idenfy-cli` and its user the profile's name, holding both values as a small JSON object.
//!
//! Each call runs on a thread of its own and is given up after a while: a keyring that waits
//! for an unlock prompt nobody answers must not hang the run, and the Secret Service client
//! runs a small async runtime of its own that must not be entered from another one.

use std::sync::mpsc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::text;

/// The keyring entries' service name.
pub const SERVICE: &str = "idenfy-cli";

/// What the keyring is called on this platform, for messages.
pub const STORE: &str = if cfg!(target_os = "macos") {
    "the macOS Keychain"
} else if cfg!(windows) {
    "the Windows Credential Manager"
} else {
    "the Secret Service"
};

/// How long a read may take, on the way to an API call that has other places to look: long
/// enough to type a password into an unlock prompt, short enough that a keyring nobody
/// answers for does not hold up every command for long.
const READ_WITHIN: Duration = Duration::from_secs(10);
/// How long `auth login` and `auth logout` wait: the person is there, and asked for this.
const CHANGE_WITHIN: Duration = Duration::from_secs(60);

/// The fewest characters taken: shorter values would not be scrubbed from what is shown.
const MIN_CHARS: usize = crate::secret::MIN_SCRUBBED_CHARS;
/// The most characters taken; iDenfy's keys and secrets are a few dozen.
const MAX_CHARS: usize = 1024;

/// What is wrong with a key (`key` true) or a secret as a value to send in HTTP Basic
/// authentication, if anything: printable ASCII of a sane length, and no `:` in the key (it
/// would end the user name). The same rule for what is typed and what is read back.
pub fn problem(value: &str, key: bool) -> Option<&'static str> {
    let chars = value.chars().count();
    if value.is_empty() {
        Some("is empty")
    } else if !value.chars().all(|c| c.is_ascii_graphic()) {
        Some("has spaces, invisible or non-ASCII characters in it")
    } else if key && value.contains(':') {
        Some("has a `:` in it, which HTTP Basic authentication cannot carry in a user name")
    } else if chars < MIN_CHARS {
        Some("is shorter than 6 characters")
    } else if chars > MAX_CHARS {
        Some("is longer than 1024 characters")
    } else {
        None
    }
}

/// The key and secret of one profile (their `Debug` is redacted).
#[derive(Debug)]
pub struct Pair {
    pub api_key: Secret,
    pub api_secret: Secret,
}

/// What the keyring holds for a profile.
#[derive(Debug)]
pub enum Found {
    Pair(Pair),
    Nothing,
    /// No keyring can be reached here (a headless server, a locked or missing store), and why.
    Unavailable(String),
}

/// The stored form. Field names only: the values never reach a message.
#[derive(Serialize, Deserialize)]
struct Stored {
    api_key: String,
    api_secret: String,
}

/// Why a keyring operation failed.
enum Failure {
    /// No keyring to talk to, or it refused access.
    Unavailable(String),
    /// Anything else, in words (never with the stored value).
    Other(String),
}

/// The key and secret stored for `profile`. An entry that is not the pair `auth login` writes
/// is an error (exit 3), not "nothing": the person should know their keyring holds it.
pub fn read(profile: &str) -> Result<Found> {
    let profile_owned = profile.to_string();
    let answer = on_own_thread(READ_WITHIN, move || {
        entry(&profile_owned)?.get_password().map_err(failure)
    });
    match answer {
        Ok(text) => {
            let stored: Stored = serde_json::from_str(&text).map_err(|_| not_ours(profile))?;
            if problem(&stored.api_key, true).is_some()
                || problem(&stored.api_secret, false).is_some()
            {
                return Err(not_ours(profile));
            }
            Ok(Found::Pair(Pair {
                api_key: Secret::new(stored.api_key),
                api_secret: Secret::new(stored.api_secret),
            }))
        }
        Err(Some(Failure::Unavailable(why))) => Ok(Found::Unavailable(why)),
        Err(Some(Failure::Other(why))) => Err(Error::config(format!(
            "the keyring entry of profile `{}` cannot be read: {why}",
            text::shown(profile)
        ))),
        Err(None) => Ok(Found::Nothing),
    }
}

/// Whether a keyring can be reached, before anyone types a secret for it.
pub fn check() -> std::result::Result<(), String> {
    // Reading an entry nobody writes: "no entry" means the store answered.
    match on_own_thread(CHANGE_WITHIN, || {
        entry("idenfy-cli availability check")?
            .get_password()
            .map_err(failure)
    }) {
        Ok(_) | Err(None) | Err(Some(Failure::Other(_))) => Ok(()),
        Err(Some(Failure::Unavailable(why))) => Err(why),
    }
}

/// Stores the pair for `profile`, replacing what was there; else why not.
pub fn write(profile: &str, pair: &Pair) -> std::result::Result<(), String> {
    let stored = Stored {
        api_key: pair.api_key.expose().to_string(),
        api_secret: pair.api_secret.expose().to_string(),
    };
    let text = serde_json::to_string(&stored).map_err(|e| e.to_string())?;
    let profile = profile.to_string();
    on_own_thread(CHANGE_WITHIN, move || {
        entry(&profile)?.set_password(&text).map_err(failure)
    })
    .map_err(|failure| match failure {
        Some(Failure::Unavailable(why) | Failure::Other(why)) => why,
        None => "it lost the entry while writing it".to_string(),
    })
}

/// Removes the entry of `profile`: `Ok(true)` when there was one; else why not.
pub fn remove(profile: &str) -> std::result::Result<bool, String> {
    let profile = profile.to_string();
    match on_own_thread(CHANGE_WITHIN, move || {
        entry(&profile)?.delete_credential().map_err(failure)
    }) {
        Ok(()) => Ok(true),
        Err(None) => Ok(false),
        Err(Some(Failure::Unavailable(why) | Failure::Other(why))) => Err(why),
    }
}

/// How to remove entries by hand, with the platform's own tool.
pub const BY_HAND: &str = if cfg!(target_os = "macos") {
    "Keychain Access (search for idenfy-cli)"
} else if cfg!(windows) {
    "the Credential Manager (Windows Credentials, idenfy-cli)"
} else {
    "secret-tool clear service idenfy-cli username PROFILE"
};

fn entry(profile: &str) -> std::result::Result<keyring::Entry, Option<Failure>> {
    keyring::Entry::new(SERVICE, profile).map_err(failure)
}

/// `None` for "no such entry"; else why the keyring failed, cleaned for a terminal.
fn failure(err: keyring::Error) -> Option<Failure> {
    let why = |inner: &dyn std::error::Error| text::one_line(&inner.to_string(), 200);
    match err {
        keyring::Error::NoEntry => None,
        keyring::Error::NoStorageAccess(inner) | keyring::Error::PlatformFailure(inner) => {
            Some(Failure::Unavailable(why(inner.as_ref())))
        }
        // The stored bytes are not shown: they may be someone's secret.
        keyring::Error::BadEncoding(_) => Some(Failure::Other("it is not UTF-8 text".into())),
        keyring::Error::Ambiguous(found) => Some(Failure::Other(format!(
            "{} entries match it; remove them with {BY_HAND}",
            found.len()
        ))),
        other => Some(Failure::Other(text::one_line(&other.to_string(), 200))),
    }
}

/// Runs `work` on a thread of its own and waits at most `within` for it.
fn on_own_thread<T: Send + 'static>(
    within: Duration,
    work: impl FnOnce() -> std::result::Result<T, Option<Failure>> + Send + 'static,
) -> std::result::Result<T, Option<Failure>> {
    let (send, receive) = mpsc::channel();
    let started = std::thread::Builder::new()
        .name("keyring".to_string())
        .spawn(move || {
            let _ = send.send(work());
        });
    if let Err(err) = started {
        return Err(Some(Failure::Unavailable(format!(
            "no thread could be started for it: {err}"
        ))));
    }
    match receive.recv_timeout(within) {
        Ok(answer) => answer,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Some(Failure::Unavailable(format!(
            "it did not answer within {} s (is it locked, waiting for a password?)",
            within.as_secs()
        )))),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Some(Failure::Unavailable(
            "it stopped without an answer".to_string(),
        ))),
    }
}

fn not_ours(profile: &str) -> Error {
    Error::config(format!(
        "the keyring entry of profile `{}` (service {SERVICE}) is not an API key and secret as `idenfy-cli auth login` stores them",
        text::shown(profile)
    ))
    .hint(format!(
        "`idenfy-cli auth logout -p {0}` removes it; `idenfy-cli auth login -p {0}` stores a key and secret in its place",
        text::shell_word(&text::shown(profile))
    ))
}
