//! The TOML config file: its schema, loading with line-numbered errors, the permission
//! warning, and `config init`'s template.

use std::collections::BTreeMap;
#[cfg(unix)]
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result, io_reason};
use crate::local_read::{self, MAX_BYTES};
use crate::private_fs;
use crate::secret::Secret;

/// The commented template `config init` writes; also shipped as `config.example.toml`.
pub const TEMPLATE: &str = include_str!("../../config.example.toml");

/// The config file, checked and typed.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    pub profiles: BTreeMap<String, Profile>,
}

/// One profile; the credentials are [`Secret`]s so that no `Debug` output can show them.
#[derive(Debug, Default)]
pub struct Profile {
    pub api_key: Option<Secret>,
    pub api_secret: Option<Secret>,
    pub api_secret_command: Option<String>,
    pub base_url: Option<String>,
    /// Seconds for one API call.
    pub timeout: Option<f64>,
    pub webhook_signing_key: Option<Secret>,
    /// A PEM file of certificate authorities to trust besides the system's.
    pub ca_file: Option<PathBuf>,
}

/// The file as TOML gives it: every value with its place, so that a wrongly typed value can
/// be reported by line without ever quoting it (it may be a secret).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    default_profile: Option<Spanned<toml::Value>>,
    #[serde(default)]
    profiles: BTreeMap<String, RawProfile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    api_key: Option<Spanned<toml::Value>>,
    api_secret: Option<Spanned<toml::Value>>,
    api_secret_command: Option<Spanned<toml::Value>>,
    base_url: Option<Spanned<toml::Value>>,
    timeout: Option<Spanned<toml::Value>>,
    webhook_signing_key: Option<Spanned<toml::Value>>,
    ca_file: Option<Spanned<toml::Value>>,
}

impl ConfigFile {
    fn holds_secret(&self) -> bool {
        self.profiles
            .values()
            .any(|p| p.api_secret.is_some() || p.webhook_signing_key.is_some())
    }
}

/// A config file as read from disk, with the warning it draws, if any.
#[derive(Debug)]
pub struct LoadedConfig {
    pub file: ConfigFile,
    pub warning: Option<String>,
}

/// Reads and parses the file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<LoadedConfig>> {
    let bytes = match local_read::read_regular(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(err) if err.not_found() => return Ok(None),
        Err(err) => {
            return Err(Error::config(format!(
                "cannot read config file {}: {err}",
                path.display()
            )));
        }
    };
    refuse_if_others_control(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::config(format!(
            "cannot read config file {}: it is not UTF-8 text",
            path.display()
        ))
    })?;
    let file = parse(&text).map_err(|message| {
        Error::config(format!("config file {}: {message}", path.display()))
            .hint("`idenfy-cli config init --config <new path>` writes a commented template to compare with")
    })?;
    let warning = loose_permissions_warning(path, file.holds_secret());
    Ok(Some(LoadedConfig { file, warning }))
}

/// Parses the text; the error names the line and, for unknown keys, the key. No error
/// quotes a value from the file.
pub fn parse(text: &str) -> Result<ConfigFile, String> {
    let raw: RawFile = toml::from_str(text).map_err(|err| describe_toml_error(text, &err))?;
    let default_profile = string(text, "default_profile", raw.default_profile)?;
    let mut profiles = BTreeMap::new();
    for (name, p) in raw.profiles {
        let profile = Profile {
            api_key: string(text, "api_key", p.api_key)?.map(Secret::new),
            api_secret: string(text, "api_secret", p.api_secret)?.map(Secret::new),
            api_secret_command: string(text, "api_secret_command", p.api_secret_command)?,
            base_url: string(text, "base_url", p.base_url)?,
            timeout: seconds(text, p.timeout)?,
            webhook_signing_key: string(text, "webhook_signing_key", p.webhook_signing_key)?
                .map(Secret::new),
            ca_file: string(text, "ca_file", p.ca_file)?
                .filter(|path| !path.is_empty())
                .map(PathBuf::from),
        };
        profiles.insert(name, profile);
    }
    Ok(ConfigFile {
        default_profile,
        profiles,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn string(
    text: &str,
    key: &str,
    value: Option<Spanned<toml::Value>>,
) -> Result<Option<String>, String> {
    let Some(value) = value else { return Ok(None) };
    match value.get_ref() {
        toml::Value::String(s) => Ok(Some(s.clone())),
        other => Err(format!(
            "line {}: `{key}` must be a quoted string, not {}",
            line_of(text, value.span().start),
            other.type_str()
        )),
    }
}

fn seconds(text: &str, value: Option<Spanned<toml::Value>>) -> Result<Option<f64>, String> {
    let Some(value) = value else { return Ok(None) };
    let secs = match value.get_ref() {
        toml::Value::Integer(n) => *n as f64,
        toml::Value::Float(x) => *x,
        _ => f64::NAN,
    };
    if crate::settings::timeout::valid(secs) {
        Ok(Some(secs))
    } else {
        Err(format!(
            "line {}: `timeout` must be {}",
            line_of(text, value.span().start),
            crate::settings::timeout::ALLOWED
        ))
    }
}

/// toml's own errors: syntax, unknown keys, and values of the wrong shape. Type errors get
/// their quoted value removed, since it may be a secret placed under the wrong key.
fn describe_toml_error(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim().replace("unknown field", "unknown key");
    let message = match message.split_once("invalid type: ") {
        Some((before, rest)) => {
            let found = rest.split([' ', ',']).next().unwrap_or("value");
            let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
            let expected = expected.replace("struct RawProfile", "a [profiles.NAME] table");
            format!("{before}invalid type: {found}, expected {expected}")
        }
        None => message,
    };
    match err.span() {
        Some(span) => format!("line {}: {message}", line_of(text, span.start)),
        None => message,
    }
}

/// Like ssh checks its own: a config file another user owns, that group or others can
/// change, or that sits in a folder anyone can write to (without the sticky bit) is refused
/// before anything in it is used, above all before an `api_secret_command` runs.
#[cfg(unix)]
fn refuse_if_others_control(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let shown = path.display();
    let refuse = |why: String, hint: String| {
        Err(Error::config(format!("config file {shown} {why}; refused")).hint(hint))
    };
    let Ok(meta) = fs::metadata(path) else {
        return Ok(());
    };
    let owner = meta.uid();
    if owner != crate::platform::effective_uid() && owner != 0 {
        return refuse(
            format!("belongs to another user (uid {owner})"),
            "a config file that names secrets and commands must be your own: copy it to a file you own".to_string(),
        );
    }
    let mode = meta.mode() & 0o777;
    if mode & 0o022 != 0 {
        return refuse(
            format!("can be changed by group or others (mode {mode:04o})"),
            format!("run: chmod 600 {shown}"),
        );
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(folder_meta) = fs::metadata(folder) {
        let folder_mode = folder_meta.mode();
        if folder_mode & 0o002 != 0 && folder_mode & 0o1000 == 0 {
            return refuse(
                format!(
                    "is in {}, which anyone can write to (mode {:04o}, no sticky bit), so anyone could replace it",
                    folder.display(),
                    folder_mode & 0o7777
                ),
                "move it to a folder only you can write to".to_string(),
            );
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_if_others_control(_path: &Path) -> Result<()> {
    Ok(())
}

/// Like ssh: a secret readable by group or others draws a warning.
#[cfg(unix)]
fn loose_permissions_warning(path: &Path, holds_secret: bool) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).ok()?.permissions().mode() & 0o777;
    let problem = if holds_secret && mode & 0o077 != 0 {
        "holds a secret and can be read by others"
    } else {
        return None;
    };
    Some(format!(
        "config file {} {problem} (mode {mode:04o}); run: chmod 600 {}",
        path.display(),
        path.display()
    ))
}

#[cfg(not(unix))]
fn loose_permissions_warning(_path: &Path, _secret: bool) -> Option<String> {
    None
}

/// Whether `value` is one of the template's example values (`your-production-api-key`),
/// written by `config init` for a person to replace: it is never used as a credential.
pub fn is_placeholder(value: &str) -> bool {
    use std::sync::OnceLock;
    static PLACEHOLDERS: OnceLock<Vec<String>> = OnceLock::new();
    PLACEHOLDERS
        .get_or_init(|| {
            let Ok(file) = parse(TEMPLATE) else {
                return Vec::new();
            };
            file.profiles
                .values()
                .flat_map(|p| [&p.api_key, &p.api_secret, &p.webhook_signing_key])
                .flatten()
                .map(|secret| secret.expose().to_string())
                .collect()
        })
        .iter()
        .any(|placeholder| placeholder == value)
}

/// Writes the template to `path` with mode 0600, creating parent folders; never overwrites.
pub fn init(path: &Path) -> Result<PathBuf> {
    let fail = |err: io::Error| {
        Error::config(format!(
            "cannot write {}: {}",
            path.display(),
            io_reason(&err)
        ))
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        private_fs::create_dir(parent).map_err(fail)?;
    }
    let mut file = match private_fs::create_file(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            return Err(Error::config(format!(
                "config file {} already exists; it was left unchanged",
                path.display()
            ))
            .hint("edit it, or remove it first to start from the template"));
        }
        Err(err) => return Err(fail(err)),
    };
    file.write_all(TEMPLATE.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_template_is_a_working_file() {
        let file = parse(TEMPLATE).unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("production"));
        assert_eq!(file.profiles["production"].timeout, Some(30.0));
        assert!(file.profiles["sandbox"].api_secret_command.is_some());
        assert!(file.profiles["office"].ca_file.is_some());
    }

    #[test]
    fn unknown_key_error_names_key_and_line() {
        let text = "[profiles.a]\napi_key = \"k\"\napikey = \"x\"\n";
        let message = parse(text).unwrap_err();
        assert!(
            message.starts_with("line 3: unknown key `apikey`"),
            "{message}"
        );
    }

    #[test]
    fn syntax_error_names_its_line() {
        let message = parse("default_profile = \"a\"\n[profiles.a\n").unwrap_err();
        assert!(message.starts_with("line 2:"), "{message}");
    }

    #[test]
    fn a_badly_typed_secret_is_not_quoted_back() {
        let message = parse("[profiles.a]\napi_secret = 918273645\n").unwrap_err();
        assert_eq!(
            message,
            "line 2: `api_secret` must be a quoted string, not integer"
        );
        let inline = parse("profiles.a = { api_key = \"k\", api_secret = 918273645 }").unwrap_err();
        assert!(!inline.contains("918273645"), "{inline}");
        let misplaced = parse("[profiles]\napi_secret = \"hunter2\"\n").unwrap_err();
        assert!(!misplaced.contains("hunter2"), "{misplaced}");
        assert!(
            misplaced.starts_with("line 2: invalid type: string"),
            "{misplaced}"
        );
    }

    #[test]
    fn timeout_accepts_whole_and_fractional_seconds() {
        let file = parse("[profiles.a]\ntimeout = 2.5\n[profiles.b]\ntimeout = 7\n").unwrap();
        assert_eq!(file.profiles["a"].timeout, Some(2.5));
        assert_eq!(file.profiles["b"].timeout, Some(7.0));
        let text = parse("[profiles.a]\ntimeout = \"12\"\n").unwrap_err();
        assert_eq!(
            text,
            "line 2: `timeout` must be a number of seconds above 0, at most 86400 (a day), such as 30 or 2.5"
        );
    }

    #[test]
    fn ca_file_is_a_path_and_empty_means_unset() {
        let file =
            parse("[profiles.a]\nca_file = \"/etc/ssl/corp.pem\"\n[profiles.b]\nca_file = \"\"\n")
                .unwrap();
        assert_eq!(
            file.profiles["a"].ca_file.as_deref(),
            Some(Path::new("/etc/ssl/corp.pem"))
        );
        assert_eq!(file.profiles["b"].ca_file, None);
        let message = parse("[profiles.a]\nca_file = 1\n").unwrap_err();
        assert_eq!(
            message,
            "line 2: `ca_file` must be a quoted string, not integer"
        );
    }

    #[test]
    fn a_duplicate_key_is_reported_as_such() {
        let text = "[profiles.a]\napi_secret = \"x\"\napi_secret = \"y\"\n";
        let message = parse(text).unwrap_err();
        assert!(message.starts_with("line 3: duplicate key"), "{message}");
    }
}
