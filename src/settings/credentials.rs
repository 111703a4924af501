//! Where each profile's API key and secret come from, for `auth status` and `auth login`:
//! the places, never the values, and `api_secret_command` is not run.

use super::config_file::ConfigFile;
use super::{Settings, Sourced};
use crate::credential_store::Found;
use crate::error::Result;

/// A place a credential can come from, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `IDENFY_API_KEY` or `IDENFY_API_SECRET`: wins for every profile.
    Env(&'static str),
    /// The system keyring, where `auth login` stored it.
    Keyring,
    /// The profile's `api_secret_command`.
    SecretCommand,
    /// The profile's `api_key` or `api_secret` in the config file.
    ConfigFile,
}

impl Place {
    /// How `auth status` names it.
    pub fn name(self) -> String {
        match self {
            Place::Env(var) => format!("env {var}"),
            Place::Keyring => "keyring".to_string(),
            Place::SecretCommand => "api_secret_command".to_string(),
            Place::ConfigFile => "config file".to_string(),
        }
    }
}

/// One profile's credentials: every place that holds each, the one used first.
#[derive(Debug)]
pub struct ProfileCredentials {
    pub profile: String,
    /// The profile commands use when no `-p` is given (or the one `-p` names).
    pub in_force: bool,
    /// Whether the config file has a table for it.
    pub in_file: bool,
    pub api_key: Vec<Place>,
    pub api_secret: Vec<Place>,
    /// Why API calls with it would fail although each credential is found somewhere: an
    /// unusable keyring entry, a template placeholder, both api_secret and
    /// api_secret_command. Each a sentence.
    pub problems: Vec<String>,
}

/// Every profile the config file defines, and the one in force, with their credentials.
#[derive(Debug)]
pub struct CredentialOverview {
    /// The profile in force and where its name came from.
    pub in_force: Sourced<String>,
    /// Why the keyring could not be read, when it could not.
    pub keyring_unavailable: Option<String>,
    pub profiles: Vec<ProfileCredentials>,
    /// The config file's warning (its permissions), for the caller to show.
    pub warning: Option<String>,
}

impl Settings {
    /// Where each profile's credentials come from. Reads the keyring once per profile.
    pub fn credential_overview(&self) -> Result<CredentialOverview> {
        let (file, _, warning) = self.file_or_empty()?;
        let in_force = self.profile_name(&file);
        let mut names: Vec<String> = file.profiles.keys().cloned().collect();
        if !names.contains(&in_force.value) {
            names.push(in_force.value.clone());
        }
        names.sort();
        let mut keyring_unavailable = None;
        let mut profiles = Vec::new();
        for name in names {
            // A keyring that did not answer once is not asked again, for each profile.
            let found = match &keyring_unavailable {
                Some(_) => Ok(Found::Nothing),
                None => self.stored_for(&name),
            };
            let (stored, keyring_problem) = match found {
                Ok(Found::Pair(_)) => (true, None),
                Ok(Found::Nothing) => (false, None),
                Ok(Found::Unavailable(why)) => {
                    keyring_unavailable = Some(why);
                    (false, None)
                }
                Err(err) => (false, Some(err)),
            };
            profiles.push(self.places(&file, &name, stored, &in_force.value, keyring_problem));
        }
        Ok(CredentialOverview {
            in_force,
            keyring_unavailable,
            profiles,
            warning,
        })
    }

    /// The profile `auth login` and `auth logout` work on: the one in force, whether or not
    /// the config file has a table for it. The config file's warning alongside.
    pub fn auth_profile(&self) -> Result<(Sourced<String>, Option<String>)> {
        let (file, _, warning) = self.file_or_empty()?;
        Ok((self.profile_name(&file), warning))
    }

    fn places(
        &self,
        file: &ConfigFile,
        name: &str,
        stored: bool,
        in_force: &str,
        keyring_problem: Option<crate::error::Error>,
    ) -> ProfileCredentials {
        let fields = file.profiles.get(name);
        let filled = |value: Option<&crate::secret::Secret>| {
            value.is_some_and(|value| !value.expose().is_empty())
        };
        let mut api_key = Vec::new();
        let mut api_secret = Vec::new();
        if let Some((var, _)) = self.env.get("IDENFY_API_KEY") {
            api_key.push(Place::Env(var));
        }
        if let Some((var, _)) = self.env.get("IDENFY_API_SECRET") {
            api_secret.push(Place::Env(var));
        }
        if stored {
            api_key.push(Place::Keyring);
            api_secret.push(Place::Keyring);
        }
        if let Some(fields) = fields {
            if fields.api_secret_command.is_some() {
                api_secret.push(Place::SecretCommand);
            }
            if filled(fields.api_key.as_ref()) {
                api_key.push(Place::ConfigFile);
            }
            if filled(fields.api_secret.as_ref()) {
                api_secret.push(Place::ConfigFile);
            }
        }
        let mut problems: Vec<String> = keyring_problem
            .into_iter()
            .map(|err| match err.hints.first() {
                Some(hint) => format!("{} ({hint})", err.message),
                None => err.message,
            })
            .collect();
        if let Some(fields) = fields {
            let placeholder = |value: Option<&crate::secret::Secret>| {
                value.is_some_and(|value| super::config_file::is_placeholder(value.expose()))
            };
            if api_key.first() == Some(&Place::ConfigFile) && placeholder(fields.api_key.as_ref()) {
                problems.push(
                    "its api_key in the config file is still the template's placeholder".into(),
                );
            }
            let secret_from_profile = matches!(
                api_secret.first(),
                Some(Place::SecretCommand | Place::ConfigFile)
            );
            if secret_from_profile
                && fields.api_secret_command.is_some()
                && fields.api_secret.is_some()
            {
                problems.push(
                    "it sets both api_secret and api_secret_command; keep one of them".into(),
                );
            } else if api_secret.first() == Some(&Place::ConfigFile)
                && placeholder(fields.api_secret.as_ref())
            {
                problems.push(
                    "its api_secret in the config file is still the template's placeholder".into(),
                );
            }
        }
        ProfileCredentials {
            profile: name.to_string(),
            in_force: name == in_force,
            in_file: fields.is_some(),
            api_key,
            api_secret,
            problems,
        }
    }
}
