//! The environment, read once at start, and where each setting came from.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// The environment variables the program looks at, read once at start.
const ENV_VARS: [&str; 22] = [
    "IDENFY_API_KEY",
    "IDENFY_API_SECRET",
    "IDENFY_PROFILE",
    "IDENFY_CONFIG",
    "IDENFY_BASE_URL",
    "IDENFY_TIMEOUT",
    "IDENFY_WEBHOOK_KEY",
    "IDENFY_CA_FILE",
    "SSL_CERT_FILE",
    "IDENFY_NOW",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "IDENFY_PAGER",
    "PAGER",
    "LESS",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// A snapshot of the environment variables in [`ENV_VARS`]; empty values count as unset.
#[derive(Default, Clone)]
pub struct Env(HashMap<&'static str, String>);

/// Names only: the values include secrets and proxy passwords.
impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&str> = self.0.keys().copied().collect();
        names.sort_unstable();
        f.debug_tuple("Env").field(&names).finish()
    }
}

impl Env {
    pub fn from_process() -> Env {
        let vars = ENV_VARS
            .iter()
            .filter_map(|&name| {
                let value = std::env::var_os(name)?;
                Some((name, value.to_string_lossy().into_owned()))
            })
            .collect();
        Env(vars)
    }

    #[cfg(test)]
    pub fn from_pairs(pairs: &[(&'static str, &str)]) -> Env {
        Env(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
    }

    pub(super) fn get(&self, name: &'static str) -> Option<(&'static str, &str)> {
        self.0
            .get(name)
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
            .map(|v| (name, v))
    }

    /// The value as set, empty included: an empty `IDENFY_PAGER` means "no pager".
    pub(super) fn raw(&self, name: &'static str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub(super) fn first(&self, names: &[&'static str]) -> Option<(&'static str, &str)> {
        names.iter().find_map(|&name| self.get(name))
    }
}

/// Where a setting came from, as `config show` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    File(PathBuf),
    Profile(String),
    SecretCommand(String),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::File(path) => write!(f, "config file {}", path.display()),
            Source::Profile(name) => write!(f, "profile {name}"),
            Source::SecretCommand(name) => write!(f, "api_secret_command of profile {name}"),
            Source::Default => f.write_str("default"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

pub(super) fn sourced<T>(value: T, source: Source) -> Sourced<T> {
    Sourced { value, source }
}
