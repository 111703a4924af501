//! The profile in force: which one (flag, environment, the file's default), its fields,
//! and what to say when it or its credentials are missing.

use super::{DEFAULT_PROFILE, SettingSource, Settings, Sourced, sourced};
use crate::credential_store::{self, Found};
use crate::error::{Error, Result};
use crate::settings::config_file::{self, ConfigFile, Profile};

/// The resolved profile: its name with source, its fields, and the file's warning.
#[derive(Debug)]
pub(super) struct ResolvedProfile {
    pub(super) name: Sourced<String>,
    pub(super) fields: Profile,
    pub(super) found: bool,
    /// The other profiles the file defines, for hints.
    pub(super) others: Vec<String>,
    pub(super) file_exists: bool,
    pub(super) warning: Option<String>,
}

impl ResolvedProfile {
    /// No profile at all: every field falls back to flags, environment and defaults.
    pub(super) fn unnamed() -> ResolvedProfile {
        ResolvedProfile {
            name: sourced(DEFAULT_PROFILE.to_string(), SettingSource::Default),
            fields: Profile::default(),
            found: false,
            others: Vec::new(),
            file_exists: false,
            warning: None,
        }
    }
}

impl Settings {
    fn load_file(&self) -> Result<Option<config_file::LoadedConfig>> {
        let Some(path) = &self.config_path.value else {
            return Ok(None);
        };
        let loaded = config_file::load(path)?;
        if loaded.is_none() && self.config_path.source != SettingSource::Default {
            let init = match self.config_path.source {
                SettingSource::Flag(_) => {
                    format!("idenfy-cli config init --config {}", path.display())
                }
                _ => "idenfy-cli config init".to_string(),
            };
            return Err(Error::config(format!(
                "config file {} does not exist (named by {})",
                path.display(),
                self.config_path.source
            ))
            .hint(format!("`{init}` writes a commented template there")));
        }
        Ok(loaded)
    }

    /// The name of the profile in force, with where it came from: `-p/--profile`, else
    /// `IDENFY_PROFILE`, else the file's `default_profile`, else "default".
    pub(super) fn profile_name(&self, file: &ConfigFile) -> Sourced<String> {
        if let Some(name) = &self.profile_flag {
            sourced(name.clone(), SettingSource::Flag("--profile"))
        } else if let Some((var, name)) = self.env.get("IDENFY_PROFILE") {
            sourced(name.to_string(), SettingSource::Env(var))
        } else if let Some(name) = file.default_profile.clone() {
            let path = self.config_path.value.clone().unwrap_or_default();
            sourced(name, SettingSource::File(path))
        } else {
            sourced(DEFAULT_PROFILE.to_string(), SettingSource::Default)
        }
    }

    /// The config file as typed, or an empty one when there is none; with its warning.
    pub(super) fn file_or_empty(&self) -> Result<(ConfigFile, bool, Option<String>)> {
        Ok(match self.load_file()? {
            Some(loaded) => (loaded.file, true, loaded.warning),
            None => (ConfigFile::default(), false, None),
        })
    }

    /// The profile in force; the config file is read the first time only.
    pub(super) fn resolve_profile(&self) -> Result<&ResolvedProfile> {
        self.profile
            .get_or_init(|| self.read_profile())
            .as_ref()
            .map_err(Clone::clone)
    }

    fn read_profile(&self) -> Result<ResolvedProfile> {
        let (mut file, exists, warning) = self.file_or_empty()?;
        let name = self.profile_name(&file);
        let fields = file.profiles.remove(&name.value);
        // A profile `auth login` stored in the keyring exists without a table in the file.
        // Why the keyring could not be asked, when it was meant to be: it is not named when
        // IDENFY_NO_KEYRING keeps it out of the run.
        let keyring_used = self.keyring_off().is_none();
        let mut keyring_unread = None;
        let in_keyring = fields.is_none()
            && name.source != SettingSource::Default
            && keyring_used
            && match credential_store::read(&name.value)? {
                Found::Pair(pair) => {
                    let _ = self.stored.set(Ok(Found::Pair(pair)));
                    true
                }
                Found::Nothing => false,
                Found::Unavailable(why) => {
                    keyring_unread = Some(why);
                    false
                }
            };
        if fields.is_none() && name.source != SettingSource::Default && !in_keyring {
            let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
            let path = self.config_file_name();
            let (where_, hint) = if !exists {
                (
                    format!("defined: there is no config file at {path}"),
                    "`idenfy-cli config init` writes a commented template".to_string(),
                )
            } else if known.is_empty() {
                (
                    format!("in {path}"),
                    format!("{path} defines no profiles; add [profiles.{}]", name.value),
                )
            } else {
                (
                    format!("in {path}"),
                    format!("profiles defined there: {}", known.join(", ")),
                )
            };
            let keyring = match (keyring_used, keyring_unread) {
                (false, _) => String::new(),
                (true, Some(why)) => {
                    format!(" (the system keyring, which may hold it, was not read: {why})")
                }
                (true, None) => ", nor in the system keyring".to_string(),
            };
            return Err(Error::config(format!(
                "profile `{}` (from {}) is not {where_}{keyring}",
                name.value, name.source
            ))
            .hint(hint));
        }
        Ok(ResolvedProfile {
            name,
            found: fields.is_some(),
            fields: fields.unwrap_or_default(),
            others: file.profiles.into_keys().collect(),
            file_exists: exists,
            warning,
        })
    }

    /// The config file's path for messages, or "the config file" when none is known.
    pub(super) fn config_file_name(&self) -> String {
        match &self.config_path.value {
            Some(path) => path.display().to_string(),
            None => "the config file".to_string(),
        }
    }

    /// What is missing, by name, and where the rest came from: the key, the secret, or both.
    /// Every place looked in is named: the environment, the keyring, the config file.
    pub(super) fn missing_credentials(
        &self,
        profile: &ResolvedProfile,
        key: Option<&SettingSource>,
        secret: Option<&SettingSource>,
    ) -> Error {
        let name = &profile.name.value;
        let path = self.config_file_name();
        let keyring = match self.stored.get() {
            Some(Ok(Found::Unavailable(why))) => format!("the system keyring was not read ({why})"),
            _ => format!("the system keyring has nothing for profile `{name}`"),
        };
        // Where a missing value was looked for after the environment and the keyring.
        let in_file = |field: &str| match (profile.found, profile.file_exists) {
            (true, _) => format!("profile `{name}` has no {field}"),
            (false, true) => format!("{path} has no profile `{name}`"),
            (false, false) => format!("there is no config file at {path}"),
        };
        let add_to_profile = |field: &str| {
            if profile.found || profile.file_exists {
                format!(" or add {field} to [profiles.{name}] in {path}")
            } else {
                String::new()
            }
        };
        // `auth login` is offered only where the keyring is in use.
        let login = match (&profile.name.source, self.keyring_off()) {
            (_, Some(_)) => String::new(),
            (SettingSource::Default, None) => {
                "run `idenfy-cli auth login` to keep them in the system keyring, ".to_string()
            }
            (_, None) => format!(
                "run `idenfy-cli auth login -p {}` to keep them in the system keyring, ",
                crate::text::shell_word(name)
            ),
        };
        match (key, secret) {
            (Some(key), None) => Error::config(format!(
                "no API secret: the API key comes from {key}, but IDENFY_API_SECRET is unset, {keyring}, and {}",
                in_file("api_secret or api_secret_command")
            ))
            .hint(format!(
                "set IDENFY_API_SECRET{}",
                add_to_profile("api_secret (or api_secret_command)")
            )),
            (None, Some(secret)) => Error::config(format!(
                "no API key: the API secret comes from {secret}, but IDENFY_API_KEY is unset, {keyring}, and {}",
                in_file("api_key")
            ))
            .hint(format!("set IDENFY_API_KEY{}", add_to_profile("api_key"))),
            _ => {
                let hint = match (profile.found, profile.others.first(), profile.file_exists) {
                    (true, _, _) => format!(
                        "{login}add api_key and api_secret (or api_secret_command) to [profiles.{name}] in {path}, or set IDENFY_API_KEY and IDENFY_API_SECRET"
                    ),
                    (false, Some(other), _) => format!(
                        "{path} defines {}: choose one with `-p {other}`, or set default_profile = \"{other}\" there{}",
                        profile.others.join(", "),
                        match login.strip_suffix(", ") {
                            Some(login) if !login.is_empty() => format!("; or {login}"),
                            _ => String::new(),
                        }
                    ),
                    (false, None, true) => format!(
                        "{login}add a [profiles.{name}] with api_key and api_secret to {path}, or set IDENFY_API_KEY and IDENFY_API_SECRET"
                    ),
                    (false, None, false) => format!(
                        "{login}set IDENFY_API_KEY and IDENFY_API_SECRET, or run `idenfy-cli config init` and fill in a profile"
                    ),
                };
                Error::config(format!(
                    "no API credentials: IDENFY_API_KEY and IDENFY_API_SECRET are unset, {keyring}, and {}",
                    in_file("api_key and no api_secret")
                ))
                .hint(hint)
            }
        }
    }
}
