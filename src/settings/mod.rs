//! Flags + environment + config file -> typed settings. The only module that reads the
//! environment or the config file; everything downstream receives plain values.

pub mod args;
mod base_url;
pub mod config_file;
mod credentials;
mod env;
mod profile;
mod proxy;
mod report;
mod secret_command;
mod terminal;
pub mod timeout;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use crate::credential_store::{self, Found};
use crate::error::{Error, Result};
use crate::net::tls::Trust;
use crate::secret::{self, Secret};
use args::{Format, GlobalArgs};

pub const DEFAULT_BASE_URL: &str = "https://ivs.idenfy.com";
const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
const DEFAULT_PROFILE: &str = "default";

pub use base_url::checked_base_url;
pub use credentials::{CredentialOverview, Place, ProfileCredentials};
use env::sourced;
pub use env::{Env, SettingSource, Sourced, VARIABLES};
use profile::ResolvedProfile;
pub use proxy::ProxyRules;
pub use report::ReportRow;
use secret_command::run_secret_command;
pub use terminal::{Output, Terminals, stderr_color};

/// Everything a command needs to know that does not call for the config file.
#[derive(Debug)]
pub struct Settings {
    /// Format, colour, width and pager, decided once.
    pub output: Output,
    /// Progress bars on stderr: only when it is a terminal, and not with `--quiet`.
    pub progress: bool,
    /// Whether stdin is a terminal: reading a body from it then waits for a person.
    pub stdin_is_terminal: bool,
    pub verbose: bool,
    pub quiet: bool,
    /// Mask personal data in what is shown (`--redact`).
    pub redact: bool,
    /// The jq filter the JSON output goes through (`--jq`), checked already.
    pub jq: Option<String>,

    pub config_path: Sourced<Option<PathBuf>>,
    profile_flag: Option<String>,
    base_url_flag: Option<String>,
    timeout_flag: Option<f64>,
    env: Env,
    /// The trusted roots, read on first use and then shared by every connection.
    trust: OnceLock<Trust>,
    /// The profile in force, with the config file read once, on first use.
    profile: OnceLock<Result<ResolvedProfile>>,
    /// What the system keyring holds for the profile in force, read once, and only when
    /// the environment leaves a credential to look for.
    stored: OnceLock<Result<Found>>,
}

/// What the API client needs: where, how long, and with which credentials.
#[derive(Debug)]
pub struct Connection {
    pub base_url: String,
    /// Where the base URL came from, in words for hints: "env IDENFY_BASE_URL", "default".
    pub base_url_from: String,
    pub timeout: Duration,
    pub api_key: Secret,
    pub api_secret: Secret,
    pub proxy: Option<String>,
    /// The certificate authorities to trust.
    pub trust: Trust,
    /// Where the credentials came from, in words for hints (see [`credentials_from`]).
    pub credentials: String,
}

/// How the secret will be obtained, without obtaining it.
enum SecretPlan {
    Value(Sourced<Secret>),
    Command(Sourced<String>),
    Missing,
}

impl Settings {
    pub fn new(args: &GlobalArgs, env: Env, terminals: Terminals) -> Result<Settings> {
        if let Some(code) = &args.jq {
            crate::jq::check(code).map_err(|why| {
                Error::usage(format!("--jq: the filter cannot run: {why}"))
                    .hint("--jq takes a jq filter, such as '.status' or '.fileUrls | keys[]'")
            })?;
        }
        if args
            .profile
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            return Err(Error::usage("-p/--profile: a profile name cannot be empty")
                .hint("leave -p out for the file's default_profile, or \"default\""));
        }
        let format = match (args.json || args.jq.is_some(), args.format) {
            (false, format) => format.unwrap_or(Format::Table),
            (true, None | Some(Format::Json)) => Format::Json,
            (true, Some(other)) => {
                return Err(Error::usage(format!(
                    "--json and --format {} ask for two formats",
                    other.name()
                ))
                .hint("--json is short for --format json; give one of them"));
            }
        };
        let mut output = terminal::decide(format, args.color, args.no_pager, &env, terminals);
        // At a terminal that shows them (supports-hyperlinks' reading of the environment),
        // never in a pipe unless asked for.
        output.hyperlinks = match args.hyperlinks {
            args::ColorChoice::Always => true,
            args::ColorChoice::Never => false,
            args::ColorChoice::Auto => {
                terminals.stdout && supports_hyperlinks::supports_hyperlinks()
            }
        };
        let config_path = if let Some(path) = &args.config {
            sourced(Some(path.clone()), SettingSource::Flag("--config"))
        } else if let Some((var, path)) = env.get("IDENFY_CONFIG") {
            sourced(Some(PathBuf::from(path)), SettingSource::Env(var))
        } else {
            // XDG_CONFIG_HOME first on every platform (as gh has it), then the platform's
            // folder: ~/.config, ~/Library/Application Support, %APPDATA%.
            let folder = env
                .get("XDG_CONFIG_HOME")
                .map(|(_, dir)| PathBuf::from(dir))
                .filter(|dir| dir.is_absolute())
                .or_else(dirs::config_dir);
            let path = folder.map(|dir| dir.join("idenfy-cli").join("config.toml"));
            sourced(path, SettingSource::Default)
        };
        Ok(Settings {
            output,
            progress: terminals.stderr && !args.quiet,
            stdin_is_terminal: terminals.stdin,
            verbose: args.verbose,
            quiet: args.quiet,
            redact: args.redact,
            jq: args.jq.clone(),
            config_path,
            profile_flag: args.profile.clone(),
            base_url_flag: args.base_url.clone(),
            timeout_flag: args.timeout,
            env,
            trust: OnceLock::new(),
            profile: OnceLock::new(),
            stored: OnceLock::new(),
        })
    }

    /// Convenience for callers that only have the process environment.
    pub fn from_process(args: &GlobalArgs) -> Result<Settings> {
        Settings::new(args, Env::from_process(), Terminals::from_process())
    }

    /// How output is styled: colour on or off, and the width to fit.
    pub fn style(&self) -> crate::render::Style {
        crate::render::Style {
            color: self.output.color,
            width: self.output.width,
            hyperlinks: self.output.hyperlinks,
        }
    }

    /// Whether the output is JSON (`--json` or `--format json`).
    pub fn json(&self) -> bool {
        self.output.format == Format::Json
    }

    /// "Now" for expiries and ages; `IDENFY_NOW` (an RFC 3339 time) pins it for tests.
    pub fn now(&self) -> Result<jiff::Timestamp> {
        match self.env.get("IDENFY_NOW") {
            Some((_, text)) => text
                .parse()
                .map_err(|_| Error::config(format!("IDENFY_NOW is not an RFC 3339 time: {text}"))),
            None => Ok(jiff::Timestamp::now()),
        }
    }

    /// The config file's path, or an error when no config folder is known.
    pub fn config_path(&self) -> Result<&PathBuf> {
        self.config_path.value.as_ref().ok_or_else(|| {
            Error::config("no config folder is known for this user (is HOME set?)")
                .hint("name a file with --config or IDENFY_CONFIG")
        })
    }

    fn base_url(&self, profile: &ResolvedProfile) -> Sourced<String> {
        if let Some(url) = &self.base_url_flag {
            sourced(url.clone(), SettingSource::Flag("--base-url"))
        } else if let Some((var, url)) = self.env.get("IDENFY_BASE_URL") {
            sourced(url.to_string(), SettingSource::Env(var))
        } else if let Some(url) = &profile.fields.base_url {
            sourced(
                url.clone(),
                SettingSource::Profile(profile.name.value.clone()),
            )
        } else {
            sourced(DEFAULT_BASE_URL.to_string(), SettingSource::Default)
        }
    }

    fn timeout(&self, profile: &ResolvedProfile) -> Result<Sourced<f64>> {
        let secs = if let Some(secs) = self.timeout_flag {
            sourced(secs, SettingSource::Flag("--timeout"))
        } else if let Some((var, text)) = self.env.get("IDENFY_TIMEOUT") {
            sourced(
                text.trim().parse().unwrap_or(f64::NAN),
                SettingSource::Env(var),
            )
        } else if let Some(secs) = profile.fields.timeout {
            sourced(secs, SettingSource::Profile(profile.name.value.clone()))
        } else {
            sourced(DEFAULT_TIMEOUT_SECS, SettingSource::Default)
        };
        if crate::settings::timeout::valid(secs.value) {
            Ok(secs)
        } else {
            Err(Error::config(format!(
                "the timeout from {} is not allowed: it must be {}",
                secs.source,
                crate::settings::timeout::ALLOWED
            )))
        }
    }

    /// The API key: `IDENFY_API_KEY`, else the keyring, else the profile's `api_key`.
    fn api_key(&self, profile: &ResolvedProfile) -> Result<Option<Sourced<Secret>>> {
        if self.env.get("IDENFY_API_KEY").is_none()
            && let Found::Pair(pair) = self.stored(profile)?
        {
            return Ok(Some(sourced(
                pair.api_key.clone(),
                SettingSource::Keyring(profile.name.value.clone()),
            )));
        }
        Ok(self.secret_from("IDENFY_API_KEY", &profile.fields.api_key, profile))
    }

    /// What the system keyring holds for the profile in force, read the first time only.
    fn stored(&self, profile: &ResolvedProfile) -> Result<&Found> {
        self.stored
            .get_or_init(|| self.stored_for(&profile.name.value))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// What the system keyring holds for the profile `name`; nothing is read with
    /// `IDENFY_NO_KEYRING` set.
    pub fn stored_for(&self, name: &str) -> Result<Found> {
        match self.keyring_off() {
            Some(why) => Ok(Found::Unavailable(why)),
            None => credential_store::read(name),
        }
    }

    /// Why the keyring is not to be used in this run, if it is not.
    pub fn keyring_off(&self) -> Option<String> {
        self.env
            .get("IDENFY_NO_KEYRING")
            .filter(|(_, value)| *value != "0")
            .map(|(var, _)| format!("{var} is set"))
    }

    /// A secret from the environment variable `var`, else from the profile's `field`.
    fn secret_from(
        &self,
        var: &'static str,
        field: &Option<Secret>,
        profile: &ResolvedProfile,
    ) -> Option<Sourced<Secret>> {
        if let Some((var, value)) = self.env.get(var) {
            return Some(sourced(Secret::new(value), SettingSource::Env(var)));
        }
        // An empty value counts as unset, as an empty variable does: an empty key would
        // make any signature made with an empty key "valid".
        let value = field.clone().filter(|v| !v.expose().is_empty())?;
        Some(sourced(
            value,
            SettingSource::Profile(profile.name.value.clone()),
        ))
    }

    /// The API secret: `IDENFY_API_SECRET`, else the keyring (when `keyring` says to look),
    /// else the profile's `api_secret_command` or `api_secret`.
    fn secret_plan(&self, profile: &ResolvedProfile, keyring: bool) -> Result<SecretPlan> {
        if let Some((var, secret)) = self.env.get("IDENFY_API_SECRET") {
            return Ok(SecretPlan::Value(sourced(
                Secret::new(secret),
                SettingSource::Env(var),
            )));
        }
        let name = &profile.name.value;
        if keyring && let Found::Pair(pair) = self.stored(profile)? {
            return Ok(SecretPlan::Value(sourced(
                pair.api_secret.clone(),
                SettingSource::Keyring(name.clone()),
            )));
        }
        match (
            &profile.fields.api_secret,
            &profile.fields.api_secret_command,
        ) {
            (Some(_), Some(_)) => Err(Error::config(format!(
                "profile `{name}` sets both api_secret and api_secret_command"
            ))
            .hint("keep one of them")),
            (Some(secret), None) => Ok(SecretPlan::Value(sourced(
                secret.clone(),
                SettingSource::Profile(name.clone()),
            ))),
            (None, Some(command)) => Ok(SecretPlan::Command(sourced(
                command.clone(),
                SettingSource::SecretCommand(name.clone()),
            ))),
            (None, None) => Ok(SecretPlan::Missing),
        }
    }

    /// The extra CA file: `IDENFY_CA_FILE`, else the profile's `ca_file` (a relative path
    /// counts from the config file's folder), else `SSL_CERT_FILE`.
    fn ca_file(&self, profile: &ResolvedProfile) -> Option<Sourced<PathBuf>> {
        if let Some((var, path)) = self.env.get("IDENFY_CA_FILE") {
            return Some(sourced(PathBuf::from(path), SettingSource::Env(var)));
        }
        if let Some(path) = &profile.fields.ca_file {
            let folder = self.config_path.value.as_ref().and_then(|p| p.parent());
            let path = match folder {
                Some(folder) if path.is_relative() => folder.join(path),
                _ => path.clone(),
            };
            return Some(sourced(
                path,
                SettingSource::Profile(profile.name.value.clone()),
            ));
        }
        let (var, path) = self.env.get("SSL_CERT_FILE")?;
        Some(sourced(PathBuf::from(path), SettingSource::Env(var)))
    }

    /// The certificate authorities every connection of this run trusts: the system's
    /// store plus the CA file, read once. Like [`Settings::call_timeout`], it does without
    /// a profile that cannot be resolved.
    pub fn trust(&self) -> Result<Trust> {
        if let Some(trust) = self.trust.get() {
            return Ok(trust.clone());
        }
        let unnamed = ResolvedProfile::unnamed();
        let profile = self.resolve_profile().unwrap_or(&unnamed);
        let ca_file = self.ca_file(profile);
        let trust = Trust::load(
            ca_file
                .as_ref()
                .map(|file| (file.value.as_path(), &file.source as &dyn std::fmt::Display)),
        )?;
        Ok(self.trust.get_or_init(|| trust).clone())
    }

    /// The webhook signing key: `IDENFY_WEBHOOK_KEY`, else the profile's `webhook_signing_key`.
    fn webhook_key(&self, profile: &ResolvedProfile) -> Option<Sourced<Secret>> {
        self.secret_from(
            "IDENFY_WEBHOOK_KEY",
            &profile.fields.webhook_signing_key,
            profile,
        )
    }

    /// Resolves everything an API call needs; runs `api_secret_command` if that is where the
    /// secret lives. Returns the config file's warning alongside, for the caller to show.
    pub fn connection(&self) -> Result<(Connection, Option<String>)> {
        let profile = self.resolve_profile()?;
        let base_url_sourced = self.base_url(profile);
        let base_url = checked_base_url(&base_url_sourced)?;
        let timeout = Duration::from_secs_f64(self.timeout(profile)?.value);
        let proxy = self.proxy_for(&base_url)?;
        let plan = self.secret_plan(profile, true)?;
        let key = self.api_key(profile)?;
        let secret_source = match &plan {
            SecretPlan::Value(secret) => Some(&secret.source),
            SecretPlan::Command(command) => Some(&command.source),
            SecretPlan::Missing => None,
        };
        let (Some(key), Some(_)) = (&key, secret_source) else {
            let key_source = key.as_ref().map(|key| &key.source);
            return Err(self.missing_credentials(profile, key_source, secret_source));
        };
        let key = key.clone();
        refuse_placeholder("api_key", &key)?;
        if let SecretPlan::Value(secret) = &plan {
            refuse_placeholder("api_secret", secret)?;
        }
        let credentials = credentials_from(&key.source, secret_source);
        let secret = match plan {
            SecretPlan::Value(secret) => secret.value,
            SecretPlan::Command(command) => {
                run_secret_command(&command.value, &profile.name.value)?
            }
            SecretPlan::Missing => {
                return Err(self.missing_credentials(profile, Some(&key.source), None));
            }
        };
        secret::never_show(&key.value);
        secret::never_show(&secret);
        // The webhook key is a secret of the same account: a response that echoes it is
        // scrubbed by every command, not only the webhook ones.
        if let Some(webhook_key) = self.webhook_key(profile) {
            secret::never_show(&webhook_key.value);
        }
        let connection = Connection {
            base_url,
            base_url_from: base_url_sourced.source.to_string(),
            timeout,
            api_key: key.value,
            api_secret: secret,
            proxy,
            trust: self.trust()?,
            credentials,
        };
        Ok((connection, profile.warning.clone()))
    }

    /// The proxy for the API, from HTTPS_PROXY/ALL_PROXY, unless NO_PROXY exempts the host.
    /// Plain-http (loopback) API roots never use a proxy.
    fn proxy_for(&self, base_url: &str) -> Result<Option<String>> {
        Ok(self.proxy_rules()?.proxy_for(base_url).map(str::to_string))
    }

    /// HTTPS_PROXY (or https_proxy, ALL_PROXY, all_proxy) and NO_PROXY, checked.
    pub fn proxy_rules(&self) -> Result<ProxyRules> {
        let proxy = self
            .env
            .first(&["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]);
        if let Some((var, url)) = proxy
            && ureq::Proxy::new(url).is_err()
        {
            return Err(Error::config(format!("{var} is not a proxy URL")));
        }
        Ok(ProxyRules {
            proxy: proxy.map(|(_, url)| url.to_string()),
            no_proxy: self
                .env
                .first(&["NO_PROXY", "no_proxy"])
                .map(|(_, list)| list.to_string()),
        })
    }

    /// The timeout for one API call, or for each step of a file download.
    ///
    /// A profile that cannot be resolved does not stop a download from a saved response
    /// (`--input` needs no profile): flag, environment and default still apply.
    pub fn call_timeout(&self) -> Result<Duration> {
        let unnamed = ResolvedProfile::unnamed();
        let profile = self.resolve_profile().unwrap_or(&unnamed);
        Ok(Duration::from_secs_f64(self.timeout(profile)?.value))
    }

    /// The webhook signing key (`IDENFY_WEBHOOK_KEY`, else the profile's
    /// `webhook_signing_key`), and the API secret when it is at hand without running a
    /// command (for the "signed with the API secret" hint). The config file's warning too.
    /// Where the webhook signing key comes from, in words for hints: "env IDENFY_WEBHOOK_KEY".
    pub fn webhook_key_source(&self) -> Option<String> {
        let profile = self.resolve_profile().ok()?;
        Some(self.webhook_key(profile)?.source.to_string())
    }

    pub fn webhook_keys(&self) -> Result<(Option<Secret>, Option<Secret>, Option<String>)> {
        let profile = self.resolve_profile()?;
        let key = self.webhook_key(profile);
        if let Some(key) = &key {
            refuse_placeholder("webhook_signing_key", key)?;
        }
        let key = key.map(|k| k.value);
        // Only for the hint "signed with the API secret": not worth a keyring prompt.
        let api_secret = match self.secret_plan(profile, false) {
            Ok(SecretPlan::Value(secret)) => Some(secret.value),
            _ => None,
        };
        for value in key.iter().chain(&api_secret) {
            secret::never_show(value);
        }
        Ok((key, api_secret, profile.warning.clone()))
    }
}

/// A credential that is still the template's example value: exit 3, naming it, before it
/// is sent anywhere or used to check a signature.
fn refuse_placeholder(name: &str, value: &Sourced<Secret>) -> Result<()> {
    let text = value.value.expose();
    if !config_file::is_placeholder(text) {
        return Ok(());
    }
    Err(Error::config(format!(
        "{name} (from {}) is still the template's placeholder `{text}`",
        value.source
    ))
    .hint(format!(
        "put in your own {name}: `idenfy-cli config path` names the file"
    )))
}

/// Where the key and the secret came from, as a hint names them: `IDENFY_API_KEY and
/// IDENFY_API_SECRET`, `profile \`production\``, or each source when they differ.
fn credentials_from(key: &SettingSource, secret: Option<&SettingSource>) -> String {
    match (key, secret) {
        (SettingSource::Env(_), Some(SettingSource::Env(_))) => {
            "IDENFY_API_KEY and IDENFY_API_SECRET".to_string()
        }
        (
            SettingSource::Profile(name),
            Some(SettingSource::Profile(other) | SettingSource::SecretCommand(other)),
        ) if name == other => {
            format!("profile `{name}`")
        }
        (SettingSource::Keyring(name), Some(SettingSource::Keyring(other))) if name == other => {
            format!(
                "the system keyring (profile `{name}`; `idenfy-cli auth login -p {}` replaces them)",
                crate::text::shell_word(name)
            )
        }
        (key, Some(secret)) => format!("{key} and {secret}"),
        (key, None) => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str], env: &[(&'static str, &str)]) -> Settings {
        let mut argv = vec!["idenfy-cli"];
        argv.extend_from_slice(args);
        argv.extend_from_slice(&["status", "x"]);
        #[derive(clap::Parser)]
        struct TestLine {
            #[command(flatten)]
            global: GlobalArgs,
            #[arg(trailing_var_arg = true)]
            rest: Vec<String>,
        }
        let line = <TestLine as clap::Parser>::try_parse_from(argv).unwrap();
        Settings::new(&line.global, Env::from_pairs(env), Terminals::default()).unwrap()
    }

    #[test]
    fn proxy_applies_to_https_only_and_respects_no_proxy() {
        let s = settings(&[], &[("HTTPS_PROXY", "http://proxy.test:3128")]);
        assert_eq!(
            s.proxy_for("https://ivs.idenfy.com").unwrap().as_deref(),
            Some("http://proxy.test:3128")
        );
        assert_eq!(s.proxy_for("http://127.0.0.1:1").unwrap(), None);
        let s = settings(
            &[],
            &[
                ("HTTPS_PROXY", "http://proxy.test:3128"),
                ("NO_PROXY", "idenfy.com"),
            ],
        );
        assert_eq!(s.proxy_for("https://ivs.idenfy.com").unwrap(), None);
    }
}
