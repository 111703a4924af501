//! The environment, read once at start, and where each setting came from.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// An environment variable the program reads (or a pair read as one, the upper-case name
/// first), and what it does: the table `help environment` and the manual page print.
pub struct Variable {
    pub names: &'static [&'static str],
    pub meaning: &'static str,
}

/// Every environment variable the program reads; [`Env`] reads these and no others.
pub const VARIABLES: &[Variable] = &[
    Variable {
        names: &["IDENFY_API_KEY"],
        meaning: "The API key; before the system keyring and the profile's api_key.",
    },
    Variable {
        names: &["IDENFY_API_SECRET"],
        meaning: "The API secret; before the system keyring and the profile's api_secret \
                  or api_secret_command.",
    },
    Variable {
        names: &["IDENFY_NO_KEYRING"],
        meaning: "Set, not empty and not 0: the system keyring is neither read nor written (a \
                  headless server, a test run); credentials come from the environment, \
                  api_secret_command or the config file.",
    },
    Variable {
        names: &["IDENFY_PROFILE"],
        meaning: "The profile of the config file, after -p/--profile; else the file's \
                  default_profile, else \"default\".",
    },
    Variable {
        names: &["IDENFY_CONFIG"],
        meaning: "The config file, after --config.",
    },
    Variable {
        names: &["IDENFY_BASE_URL"],
        meaning: "The API root, after --base-url; default https://ivs.idenfy.com.",
    },
    Variable {
        names: &["IDENFY_TIMEOUT"],
        meaning: "Seconds for one API call, connect to last byte, after --timeout; default 30.",
    },
    Variable {
        names: &["IDENFY_WEBHOOK_KEY"],
        meaning: "The webhook signing key for webhook verify, sign, send and listen; \
                  before the profile's webhook_signing_key.",
    },
    Variable {
        names: &["IDENFY_CA_FILE"],
        meaning: "A PEM file of certificate authorities to trust besides the system's; before \
                  the profile's ca_file.",
    },
    Variable {
        names: &["SSL_CERT_FILE"],
        meaning: "The same, when neither IDENFY_CA_FILE nor the profile's ca_file is set.",
    },
    Variable {
        names: &["XDG_CONFIG_HOME"],
        meaning: "The folder of the config file (XDG_CONFIG_HOME/idenfy-cli/config.toml), on \
                  every platform; else ~/.config, ~/Library/Application Support on macOS, \
                  %APPDATA% on Windows.",
    },
    Variable {
        names: &["IDENFY_PAGER"],
        meaning: "The pager for long output at a terminal; set but empty, or cat: no pager.",
    },
    Variable {
        names: &["PAGER"],
        meaning: "The pager when IDENFY_PAGER is unset; default less -FRX where less is on \
                  the PATH, else none. Split into words and run directly, without a shell.",
    },
    Variable {
        names: &["PATH"],
        meaning: "Where less is looked for when no pager is set.",
    },
    Variable {
        names: &["LESS"],
        meaning: "Options for less; when unset, LESS=FRX is set for the pager.",
    },
    Variable {
        names: &["NO_COLOR"],
        meaning: "Set and not empty: no colour with --color auto.",
    },
    Variable {
        names: &["CLICOLOR_FORCE"],
        meaning: "Set, not empty and not 0: colour with --color auto even when the output is \
                  not a terminal.",
    },
    Variable {
        names: &["FORCE_HYPERLINK"],
        meaning: "Set and not 0: shortened links are hyperlinks with --hyperlinks auto; the \
                  terminal's own variables (TERM_PROGRAM, VTE_VERSION, WT_SESSION and others) are read \
                  as supports-hyperlinks reads them.",
    },
    Variable {
        names: &["COLUMNS"],
        meaning: "The width to fit the output to, instead of the terminal's.",
    },
    Variable {
        names: &["HTTPS_PROXY", "https_proxy"],
        meaning: "The proxy for an https API root (it sees a CONNECT only).",
    },
    Variable {
        names: &["ALL_PROXY", "all_proxy"],
        meaning: "The proxy when HTTPS_PROXY is unset.",
    },
    Variable {
        names: &["NO_PROXY", "no_proxy"],
        meaning: "Hosts reached without the proxy: *, a host, or .domain for its subdomains.",
    },
    Variable {
        names: &["IDENFY_NOW"],
        meaning: "An RFC 3339 time taken as now, for link and document expiries and ages \
                  (for tests).",
    },
];

/// A snapshot of the environment variables in [`VARIABLES`]; empty values count as unset.
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
        let vars = VARIABLES
            .iter()
            .flat_map(|variable| variable.names)
            .filter_map(|&name| {
                let value = std::env::var_os(name)?;
                Some((name, value.to_string_lossy().into_owned()))
            })
            .collect();
        Env(vars)
    }

    /// An environment of the given variables, for unit tests; it keeps them away from the
    /// keyring of whoever runs the tests (`IDENFY_NO_KEYRING`) unless it sets that itself.
    #[cfg(test)]
    pub fn from_pairs(pairs: &[(&'static str, &str)]) -> Env {
        let mut vars: HashMap<&'static str, String> =
            pairs.iter().map(|(k, v)| (*k, v.to_string())).collect();
        vars.entry("IDENFY_NO_KEYRING")
            .or_insert_with(|| "1".into());
        Env(vars)
    }

    pub(super) fn get(&self, name: &'static str) -> Option<(&'static str, &str)> {
        debug_assert!(known(name), "{name} is not in VARIABLES");
        self.0
            .get(name)
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
            .map(|v| (name, v))
    }

    /// The value as set, empty included: an empty `IDENFY_PAGER` means "no pager".
    pub(super) fn raw(&self, name: &'static str) -> Option<&str> {
        debug_assert!(known(name), "{name} is not in VARIABLES");
        self.0.get(name).map(String::as_str)
    }

    pub(super) fn first(&self, names: &[&'static str]) -> Option<(&'static str, &str)> {
        names.iter().find_map(|&name| self.get(name))
    }
}

fn known(name: &str) -> bool {
    VARIABLES
        .iter()
        .any(|variable| variable.names.contains(&name))
}

/// Where a setting came from, as `config show` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingSource {
    Flag(&'static str),
    Env(&'static str),
    File(PathBuf),
    Profile(String),
    /// The system keyring, where `auth login` stored the profile's credentials.
    Keyring(String),
    SecretCommand(String),
    Default,
}

impl fmt::Display for SettingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingSource::Flag(flag) => write!(f, "flag {flag}"),
            SettingSource::Env(var) => write!(f, "env {var}"),
            SettingSource::File(path) => write!(f, "config file {}", path.display()),
            SettingSource::Profile(name) => write!(f, "profile {name}"),
            SettingSource::Keyring(name) => write!(f, "the system keyring (profile {name})"),
            SettingSource::SecretCommand(name) => write!(f, "api_secret_command of profile {name}"),
            SettingSource::Default => f.write_str("default"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: SettingSource,
}

pub(super) fn sourced<T>(value: T, source: SettingSource) -> Sourced<T> {
    Sourced { value, source }
}
