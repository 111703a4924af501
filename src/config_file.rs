//! The TOML config file: its schema, loading with line-numbered errors, the permission
//! warning, and `config init`'s template.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The commented template `config init` writes; also shipped as `config.example.toml`.
pub const TEMPLATE: &str = include_str!("../config.example.toml");

/// Keys whose values are secrets; used to keep them out of error messages.
const SECRET_KEYS: [&str; 3] = ["api_key", "api_secret", "webhook_signing_key"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub api_key: Option<String>,
    pub api_secret: Option<String>,
    pub api_secret_command: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<Seconds>,
    pub webhook_signing_key: Option<String>,
}

/// `timeout = 30` or `timeout = 2.5`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum Seconds {
    Whole(i64),
    Fraction(f64),
}

impl Seconds {
    pub fn as_f64(self) -> f64 {
        match self {
            Seconds::Whole(n) => n as f64,
            Seconds::Fraction(x) => x,
        }
    }
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
pub struct Loaded {
    pub file: ConfigFile,
    pub warning: Option<String>,
}

/// Reads and parses the file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<Loaded>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(Error::config(format!(
                "cannot read config file {}: {}",
                path.display(),
                io_reason(&err)
            )));
        }
    };
    let file = parse(&text).map_err(|message| {
        Error::config(format!("config file {}: {message}", path.display()))
            .hint("`idenfy-cli config init --config <new path>` writes a commented template to compare with")
    })?;
    let warning = if file.holds_secret() {
        loose_permissions_warning(path)
    } else {
        None
    };
    Ok(Some(Loaded { file, warning }))
}

/// Parses the text; the error names the line and, for unknown keys, the key.
pub fn parse(text: &str) -> Result<ConfigFile, String> {
    toml::from_str(text).map_err(|err| describe_toml_error(text, &err))
}

fn describe_toml_error(text: &str, err: &toml::de::Error) -> String {
    let Some(span) = err.span() else {
        return err.message().trim().to_string();
    };
    let start = span.start.min(text.len());
    let line_number = text[..start].matches('\n').count() + 1;
    let line = text.lines().nth(line_number - 1).unwrap_or("");
    let key = line.split('=').next().unwrap_or("").trim();
    if SECRET_KEYS.contains(&key) {
        // toml's message may quote the value, and this value is a secret.
        return format!("line {line_number}: the value of `{key}` must be a quoted string");
    }
    let message = err.message().trim().replace("unknown field", "unknown key");
    format!("line {line_number}: {message}")
}

#[cfg(unix)]
fn loose_permissions_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "config file {} holds a secret and can be read by others (mode {mode:04o}); run: chmod 600 {}",
            path.display(),
            path.display()
        )
    })
}

#[cfg(not(unix))]
fn loose_permissions_warning(_path: &Path) -> Option<String> {
    None
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
        create_private_dir(parent).map_err(fail)?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = match options.open(path) {
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

fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// An I/O error's reason without the "(os error N)" suffix.
pub fn io_reason(err: &io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_template_parses_with_no_profiles() {
        let file = parse(TEMPLATE).unwrap();
        assert!(file.profiles.is_empty());
        let uncommented: String = TEMPLATE
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| !l.starts_with(' '))
                    .unwrap_or(l)
            })
            .filter(|l| l.starts_with('[') || l.contains(" = "))
            .filter(|l| !l.contains("..."))
            .collect::<Vec<_>>()
            .join("\n");
        let file = parse(&uncommented).unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("production"));
        assert_eq!(file.profiles["production"].timeout.unwrap().as_f64(), 30.0);
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
            "line 2: the value of `api_secret` must be a quoted string"
        );
        assert!(!message.contains("918273645"));
    }

    #[test]
    fn timeout_accepts_whole_and_fractional_seconds() {
        let file = parse("[profiles.a]\ntimeout = 2.5\n[profiles.b]\ntimeout = 7\n").unwrap();
        assert_eq!(file.profiles["a"].timeout.unwrap().as_f64(), 2.5);
        assert_eq!(file.profiles["b"].timeout.unwrap().as_f64(), 7.0);
    }
}
