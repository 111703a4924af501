//! Flags + environment + config file -> typed settings. The only module that reads the
//! environment or the config file; everything downstream receives plain values.

mod terminal;

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::cli::{Format, GlobalArgs};
use crate::config_file::{self, ConfigFile, Profile};
use crate::error::{Error, Result, io_reason};
use crate::secret::Secret;
use crate::urls;

pub const DEFAULT_BASE_URL: &str = "https://ivs.idenfy.com";
const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
const DEFAULT_PROFILE: &str = "default";
/// How long `api_secret_command` may run, and how much it may print.
const SECRET_COMMAND_TIMEOUT: Duration = Duration::from_secs(30);
const SECRET_COMMAND_MAX_BYTES: u64 = 64 * 1024;

/// The environment variables the program looks at, read once at start.
const ENV_VARS: [&str; 20] = [
    "IDENFY_API_KEY",
    "IDENFY_API_SECRET",
    "IDENFY_PROFILE",
    "IDENFY_CONFIG",
    "IDENFY_BASE_URL",
    "IDENFY_TIMEOUT",
    "IDENFY_WEBHOOK_KEY",
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

    fn get(&self, name: &'static str) -> Option<(&'static str, &str)> {
        self.0
            .get(name)
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
            .map(|v| (name, v))
    }

    /// The value as set, empty included: an empty `IDENFY_PAGER` means "no pager".
    fn raw(&self, name: &'static str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    fn first(&self, names: &[&'static str]) -> Option<(&'static str, &str)> {
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

pub use terminal::{Output, Terminals, stderr_color};

#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

fn sourced<T>(value: T, source: Source) -> Sourced<T> {
    Sourced { value, source }
}

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

    pub config_path: Sourced<Option<PathBuf>>,
    profile_flag: Option<String>,
    base_url_flag: Option<String>,
    timeout_flag: Option<f64>,
    env: Env,
}

/// What the API client needs: where, how long, and with which credentials.
#[derive(Debug)]
pub struct Connection {
    pub base_url: String,
    pub timeout: Duration,
    pub api_key: Secret,
    pub api_secret: Secret,
    pub proxy: Option<String>,
    /// Which profile the credentials belong to, for hints.
    pub profile: String,
}

/// The resolved profile: its name with source, its fields, and the file's warning.
#[derive(Debug)]
struct ResolvedProfile {
    name: Sourced<String>,
    fields: Profile,
    found: bool,
    /// The other profiles the file defines, for hints.
    others: Vec<String>,
    file_exists: bool,
    warning: Option<String>,
}

impl ResolvedProfile {
    /// No profile at all: every field falls back to flags, environment and defaults.
    fn unnamed() -> ResolvedProfile {
        ResolvedProfile {
            name: sourced(DEFAULT_PROFILE.to_string(), Source::Default),
            fields: Profile::default(),
            found: false,
            others: Vec::new(),
            file_exists: false,
            warning: None,
        }
    }
}

/// One line of `config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub name: &'static str,
    pub value: Option<String>,
    pub source: Option<String>,
}

/// How the secret will be obtained, without obtaining it.
enum SecretPlan {
    Value(Sourced<Secret>),
    Command(Sourced<String>),
    Missing,
}

impl Settings {
    pub fn new(args: &GlobalArgs, env: Env, terminals: Terminals) -> Result<Settings> {
        let format = match (args.json, args.format) {
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
        let output = terminal::decide(format, args.color, args.no_pager, &env, terminals);
        let config_path = if let Some(path) = &args.config {
            sourced(Some(path.clone()), Source::Flag("--config"))
        } else if let Some((var, path)) = env.get("IDENFY_CONFIG") {
            sourced(Some(PathBuf::from(path)), Source::Env(var))
        } else {
            let path = dirs::config_dir().map(|dir| dir.join("idenfy-cli").join("config.toml"));
            sourced(path, Source::Default)
        };
        Ok(Settings {
            output,
            progress: terminals.stderr && !args.quiet,
            stdin_is_terminal: terminals.stdin,
            verbose: args.verbose,
            quiet: args.quiet,
            redact: args.redact,
            config_path,
            profile_flag: args.profile.clone(),
            base_url_flag: args.base_url.clone(),
            timeout_flag: args.timeout,
            env,
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

    fn load_file(&self) -> Result<Option<config_file::Loaded>> {
        let Some(path) = &self.config_path.value else {
            return Ok(None);
        };
        let loaded = config_file::load(path)?;
        if loaded.is_none() && self.config_path.source != Source::Default {
            let init = match self.config_path.source {
                Source::Flag(_) => format!("idenfy-cli config init --config {}", path.display()),
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

    fn resolve_profile(&self) -> Result<ResolvedProfile> {
        let loaded = self.load_file()?;
        let exists = loaded.is_some();
        let (mut file, warning) = match loaded {
            Some(loaded) => (loaded.file, loaded.warning),
            None => (ConfigFile::default(), None),
        };
        let name = if let Some(name) = &self.profile_flag {
            sourced(name.clone(), Source::Flag("--profile"))
        } else if let Some((var, name)) = self.env.get("IDENFY_PROFILE") {
            sourced(name.to_string(), Source::Env(var))
        } else if let Some(name) = file.default_profile.clone() {
            let path = self.config_path.value.clone().unwrap_or_default();
            sourced(name, Source::File(path))
        } else {
            sourced(DEFAULT_PROFILE.to_string(), Source::Default)
        };
        let fields = file.profiles.remove(&name.value);
        if fields.is_none() && name.source != Source::Default {
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
            return Err(Error::config(format!(
                "profile `{}` (from {}) is not {where_}",
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

    fn base_url(&self, profile: &ResolvedProfile) -> Sourced<String> {
        if let Some(url) = &self.base_url_flag {
            sourced(url.clone(), Source::Flag("--base-url"))
        } else if let Some((var, url)) = self.env.get("IDENFY_BASE_URL") {
            sourced(url.to_string(), Source::Env(var))
        } else if let Some(url) = &profile.fields.base_url {
            sourced(url.clone(), Source::Profile(profile.name.value.clone()))
        } else {
            sourced(DEFAULT_BASE_URL.to_string(), Source::Default)
        }
    }

    fn timeout(&self, profile: &ResolvedProfile) -> Result<Sourced<f64>> {
        let secs = if let Some(secs) = self.timeout_flag {
            sourced(secs, Source::Flag("--timeout"))
        } else if let Some((var, text)) = self.env.get("IDENFY_TIMEOUT") {
            sourced(text.trim().parse().unwrap_or(f64::NAN), Source::Env(var))
        } else if let Some(secs) = profile.fields.timeout {
            sourced(secs, Source::Profile(profile.name.value.clone()))
        } else {
            sourced(DEFAULT_TIMEOUT_SECS, Source::Default)
        };
        if valid_timeout(secs.value) {
            Ok(secs)
        } else {
            Err(Error::config(format!(
                "the timeout from {} is not a number of seconds between 0 and 86400",
                secs.source
            )))
        }
    }

    fn api_key(&self, profile: &ResolvedProfile) -> Option<Sourced<Secret>> {
        self.secret_from("IDENFY_API_KEY", &profile.fields.api_key, profile)
    }

    /// A secret from the environment variable `var`, else from the profile's `field`.
    fn secret_from(
        &self,
        var: &'static str,
        field: &Option<Secret>,
        profile: &ResolvedProfile,
    ) -> Option<Sourced<Secret>> {
        if let Some((var, value)) = self.env.get(var) {
            return Some(sourced(Secret::new(value), Source::Env(var)));
        }
        // An empty value counts as unset, as an empty variable does: an empty key would
        // make any signature made with an empty key "valid".
        let value = field.clone().filter(|v| !v.expose().is_empty())?;
        Some(sourced(value, Source::Profile(profile.name.value.clone())))
    }

    fn secret_plan(&self, profile: &ResolvedProfile) -> Result<SecretPlan> {
        if let Some((var, secret)) = self.env.get("IDENFY_API_SECRET") {
            return Ok(SecretPlan::Value(sourced(
                Secret::new(secret),
                Source::Env(var),
            )));
        }
        let name = &profile.name.value;
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
                Source::Profile(name.clone()),
            ))),
            (None, Some(command)) => Ok(SecretPlan::Command(sourced(
                command.clone(),
                Source::SecretCommand(name.clone()),
            ))),
            (None, None) => Ok(SecretPlan::Missing),
        }
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
        let base_url = checked_base_url(&self.base_url(&profile))?;
        let timeout = Duration::from_secs_f64(self.timeout(&profile)?.value);
        let proxy = self.proxy_for(&base_url)?;
        let plan = self.secret_plan(&profile)?;
        let key = self.api_key(&profile);
        let (Some(key), false) = (key, matches!(plan, SecretPlan::Missing)) else {
            return Err(self.missing_credentials(&profile));
        };
        let secret = match plan {
            SecretPlan::Value(secret) => secret.value,
            SecretPlan::Command(command) => {
                run_secret_command(&command.value, &profile.name.value)?
            }
            SecretPlan::Missing => return Err(self.missing_credentials(&profile)),
        };
        let connection = Connection {
            base_url,
            timeout,
            api_key: key.value,
            api_secret: secret,
            proxy,
            profile: profile.name.value,
        };
        Ok((connection, profile.warning))
    }

    /// The config file's path for messages, or "the config file" when none is known.
    fn config_file_name(&self) -> String {
        match &self.config_path.value {
            Some(path) => path.display().to_string(),
            None => "the config file".to_string(),
        }
    }

    fn missing_credentials(&self, profile: &ResolvedProfile) -> Error {
        let name = &profile.name.value;
        let place = if profile.found {
            format!("profile `{name}` has no api_key or no api_secret")
        } else {
            format!("no profile `{name}` in the config file")
        };
        let path = self.config_file_name();
        let hint = match (profile.found, profile.others.first(), profile.file_exists) {
            (true, _, _) => format!(
                "add api_key and api_secret (or api_secret_command) to [profiles.{name}] in {path}, or set IDENFY_API_KEY and IDENFY_API_SECRET"
            ),
            (false, Some(other), _) => format!(
                "{path} defines {}: choose one with `-p {other}`, or set default_profile = \"{other}\" there",
                profile.others.join(", ")
            ),
            (false, None, true) => format!(
                "add a [profiles.{name}] with api_key and api_secret to {path}, or set IDENFY_API_KEY and IDENFY_API_SECRET"
            ),
            (false, None, false) => "set IDENFY_API_KEY and IDENFY_API_SECRET, or run `idenfy-cli config init` and fill in a profile".to_string(),
        };
        Error::config(format!(
            "no API credentials: IDENFY_API_KEY/IDENFY_API_SECRET are unset and {place}"
        ))
        .hint(hint)
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
        let profile = self
            .resolve_profile()
            .unwrap_or_else(|_| ResolvedProfile::unnamed());
        Ok(Duration::from_secs_f64(self.timeout(&profile)?.value))
    }

    /// The webhook signing key (`IDENFY_WEBHOOK_KEY`, else the profile's
    /// `webhook_signing_key`), and the API secret when it is at hand without running a
    /// command (for the "signed with the API secret" hint). The config file's warning too.
    pub fn webhook_keys(&self) -> Result<(Option<Secret>, Option<Secret>, Option<String>)> {
        let profile = self.resolve_profile()?;
        let key = self.webhook_key(&profile).map(|k| k.value);
        let api_secret = match self.secret_plan(&profile) {
            Ok(SecretPlan::Value(secret)) => Some(secret.value),
            _ => None,
        };
        Ok((key, api_secret, profile.warning))
    }

    /// Every resolved setting with its source, for `config show`; secrets are redacted and
    /// `api_secret_command` is not run.
    pub fn report(&self) -> Result<(Vec<ReportRow>, Option<String>)> {
        let profile = self.resolve_profile()?;
        let row = |name, value: Option<String>, source: Option<&Source>| ReportRow {
            name,
            value,
            source: source.map(Source::to_string),
        };
        let path = self.config_path.value.as_ref().map(|p| {
            let state = if p.exists() { "" } else { " (does not exist)" };
            format!("{}{state}", p.display())
        });
        let profile_value = if profile.found {
            profile.name.value.clone()
        } else {
            format!("{} (not in the file)", profile.name.value)
        };
        let base_url = self.base_url(&profile);
        let timeout = self.timeout(&profile)?;
        let key = self.api_key(&profile);
        let secret = self.secret_plan(&profile)?;
        let webhook = self.webhook_key(&profile);
        // Problems show in their row: this is where a person looks for them.
        let checked_url = checked_base_url(&base_url);
        let proxy = match (&checked_url, self.proxy_rules()) {
            (_, Err(err)) => Some(format!("invalid: {}", err.message)),
            (Ok(url), Ok(rules)) => rules.proxy_for(url).map(urls::redact_credentials),
            (Err(_), Ok(_)) => None,
        };
        let base_url_value = match &checked_url {
            Ok(_) => urls::redact_credentials(&base_url.value),
            Err(err) => format!(
                "{} (refused: {})",
                urls::redact_credentials(&base_url.value),
                err.message.rsplit(") ").next().unwrap_or(&err.message)
            ),
        };
        let (secret_value, secret_source) = match &secret {
            SecretPlan::Value(s) => (Some(redact_all(s.value.expose())), Some(&s.source)),
            SecretPlan::Command(c) => (Some(format!("output of `{}`", c.value)), Some(&c.source)),
            SecretPlan::Missing => (None, None),
        };
        let rows = vec![
            row("config file", path, Some(&self.config_path.source)),
            row("profile", Some(profile_value), Some(&profile.name.source)),
            row("base_url", Some(base_url_value), Some(&base_url.source)),
            row(
                "timeout",
                Some(format!("{} s", timeout.value)),
                Some(&timeout.source),
            ),
            row(
                "api_key",
                key.as_ref().map(|k| redact_key(k.value.expose())),
                key.as_ref().map(|k| &k.source),
            ),
            row("api_secret", secret_value, secret_source),
            row(
                "webhook_signing_key",
                webhook.as_ref().map(|k| redact_all(k.value.expose())),
                webhook.as_ref().map(|k| &k.source),
            ),
            row("proxy", proxy, None),
            row(
                "color",
                Some(if self.output.color { "on" } else { "off" }.to_string()),
                None,
            ),
        ];
        Ok((rows, profile.warning))
    }
}

/// Which https URLs go through a proxy.
#[derive(Debug, Clone, Default)]
pub struct ProxyRules {
    proxy: Option<String>,
    no_proxy: Option<String>,
}

impl ProxyRules {
    /// The proxy URL, whichever hosts it applies to.
    pub fn proxy_url(&self) -> Option<&str> {
        self.proxy.as_deref()
    }

    /// The proxy for `url`: only https URLs use one, and not when NO_PROXY names the host.
    pub fn proxy_for(&self, url: &str) -> Option<&str> {
        let rest = url
            .get(..8)
            .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
            .map(|_| &url[8..])?;
        let proxy = self.proxy.as_deref()?;
        match &self.no_proxy {
            Some(list) if no_proxy_matches(list, urls::host_of(rest)) => None,
            _ => Some(proxy),
        }
    }
}

/// A timeout is a number of seconds above 0 and at most a day.
pub fn valid_timeout(secs: f64) -> bool {
    secs.is_finite() && secs > 0.0 && secs <= 86_400.0
}

/// Validates the API root: https anywhere, plain http only to a loopback address, no
/// credentials, query or fragment in it. Returns it without a trailing slash.
pub fn checked_base_url(url: &Sourced<String>) -> Result<String> {
    let text = url.value.trim();
    let shown = urls::redact_credentials(text);
    let bad = |why: &str| {
        Error::config(format!("base URL {shown} (from {}) {why}", url.source))
            .hint(format!("use an https URL such as {DEFAULT_BASE_URL}"))
    };
    let (scheme, rest) = text.split_once("://").ok_or_else(|| bad("is not a URL"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() {
        return Err(bad("has no host"));
    }
    if authority.contains('@') {
        return Err(bad(
            "must not carry credentials; they come from the profile or environment",
        ));
    }
    if rest.contains(['?', '#']) {
        return Err(bad("must not have a query or fragment"));
    }
    if ureq::http::Uri::try_from(text).is_err() {
        return Err(bad("is not a valid URL"));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if urls::is_loopback(urls::host_of(rest)) => {}
        "http" => {
            return Err(bad(
                "is plain http; credentials are sent over http only to loopback addresses",
            ));
        }
        _ => return Err(bad("is neither https nor http")),
    }
    Ok(text.trim_end_matches('/').to_string())
}

/// curl's NO_PROXY rules: `*`, exact hosts, and domain suffixes (`example.com`, `.example.com`).
fn no_proxy_matches(list: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    list.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches("*.").trim_start_matches('.');
            let entry = entry.trim_start_matches('[');
            let entry = match entry.split_once(']') {
                Some((ip6, _)) => ip6,
                None => entry.split(':').next().unwrap_or(entry),
            };
            let entry = entry.to_ascii_lowercase();
            host == entry || host.ends_with(&format!(".{entry}"))
        })
}

fn run_secret_command(command: &str, profile: &str) -> Result<Secret> {
    let fail = |why: String| {
        Error::config(format!("api_secret_command of profile `{profile}` {why}"))
            .hint(format!("run it yourself to check: {command}"))
    };
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| fail(format!("could not start: {}", io_reason(&err))))?;
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(stdout) = stdout {
            let _ = stdout
                .take(SECRET_COMMAND_MAX_BYTES + 1)
                .read_to_end(&mut bytes);
        }
        bytes
    });
    let deadline = std::time::Instant::now() + SECRET_COMMAND_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) | Err(_) => {
                // The reader is left behind: a process the command started may still hold
                // its output open, and waiting for it would defeat the limit.
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "did not finish within {} s; stopped",
                    SECRET_COMMAND_TIMEOUT.as_secs()
                )));
            }
        }
    };
    let stdout = reader.join().unwrap_or_default();
    if stdout.len() as u64 > SECRET_COMMAND_MAX_BYTES {
        return Err(fail(
            "printed more than 64 KiB; a secret is one line".to_string(),
        ));
    }
    if !status.success() {
        return Err(fail(format!("failed ({status})")));
    }
    let text = String::from_utf8(stdout)
        .map_err(|_| fail("printed something that is not UTF-8".to_string()))?;
    let secret = text.trim();
    if secret.is_empty() {
        return Err(fail("printed nothing".to_string()));
    }
    Ok(Secret::new(secret))
}

/// `********`: nothing of the value shows.
fn redact_all(_secret: &str) -> String {
    "******** (redacted)".to_string()
}

/// The last four characters of a long key, enough to tell keys apart.
fn redact_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() >= 16 {
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("****{tail} (redacted)")
    } else {
        redact_all(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn settings(args: &[&str], env: &[(&'static str, &str)]) -> Settings {
        let mut argv = vec!["idenfy-cli"];
        argv.extend_from_slice(args);
        argv.extend_from_slice(&["status", "x"]);
        let cli = Cli::try_parse_from(argv).unwrap();
        Settings::new(&cli.global, Env::from_pairs(env), Terminals::default()).unwrap()
    }

    fn url(text: &str) -> Result<String> {
        checked_base_url(&sourced(text.to_string(), Source::Default))
    }

    #[test]
    fn plain_http_is_refused_except_to_loopback() {
        assert!(url("http://example.com").is_err());
        assert!(url("http://10.0.0.1:8080").is_err());
        assert_eq!(url("http://127.0.0.1:9/").unwrap(), "http://127.0.0.1:9");
        assert!(url("http://localhost:80/api").is_ok());
        assert!(url("http://[::1]:8080").is_ok());
        assert!(url("http://127.0.0.1.example.com").is_err());
        assert!(url("https://ivs.idenfy.com").is_ok());
        assert!(url("ftp://ivs.idenfy.com").is_err());
        assert!(url("https://user:pw@ivs.idenfy.com").is_err());
        assert!(url("ivs.idenfy.com").is_err());
    }

    #[test]
    fn no_proxy_follows_curl_rules() {
        assert!(no_proxy_matches("*", "ivs.idenfy.com"));
        assert!(no_proxy_matches("idenfy.com", "ivs.idenfy.com"));
        assert!(no_proxy_matches(" .idenfy.com ", "ivs.idenfy.com"));
        assert!(no_proxy_matches("ivs.idenfy.com:443", "ivs.idenfy.com"));
        assert!(!no_proxy_matches("other.com,fy.com", "ivs.idenfy.com"));
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

    #[test]
    fn redaction_hides_secrets() {
        assert_eq!(redact_key("short"), "******** (redacted)");
        assert_eq!(redact_key("ABCDEFGHIJKLMNOP1234"), "****1234 (redacted)");
        assert_eq!(
            urls::redact_credentials("http://u:pw@proxy:3128/x"),
            "http://***@proxy:3128/x"
        );
        assert_eq!(
            format!("{:?}", Secret::new("hunter2")),
            "Secret([REDACTED])"
        );
    }
}
