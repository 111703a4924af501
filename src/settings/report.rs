//! `config show`: every resolved setting, its value (secrets redacted) and its source.

use super::{SecretPlan, SettingSource, Settings, checked_base_url};
use crate::error::Result;
use crate::net::tls;
use crate::net::urls;

/// One line of `config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub name: &'static str,
    pub value: Option<String>,
    pub source: Option<String>,
}

/// A credential as `config show` shows it: redacted, or named as the template's
/// placeholder, which is no secret and must be replaced.
fn shown_credential(value: &str, redact: fn(&str) -> String) -> String {
    if super::config_file::is_placeholder(value) {
        format!("{value} (the template's placeholder: put in your own)")
    } else {
        redact(value)
    }
}

impl Settings {
    /// Every resolved setting with its source, for `config show`; secrets are redacted and
    /// `api_secret_command` is not run.
    pub fn report(&self) -> Result<(Vec<ReportRow>, Option<String>)> {
        let profile = self.resolve_profile()?;
        let row = |name, value: Option<String>, source: Option<&SettingSource>| ReportRow {
            name,
            value,
            source: source.map(SettingSource::to_string),
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
        let base_url = self.base_url(profile);
        let timeout = self.timeout(profile)?;
        let key = self.api_key(profile)?;
        let secret = self.secret_plan(profile, true)?;
        let webhook = self.webhook_key(profile);
        let ca_file = self.ca_file(profile);
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
            SecretPlan::Value(s) => (
                Some(shown_credential(s.value.expose(), redact_all)),
                Some(&s.source),
            ),
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
                key.as_ref()
                    .map(|k| shown_credential(k.value.expose(), redact_key)),
                key.as_ref().map(|k| &k.source),
            ),
            row("api_secret", secret_value, secret_source),
            row(
                "webhook_signing_key",
                webhook
                    .as_ref()
                    .map(|k| shown_credential(k.value.expose(), redact_all)),
                webhook.as_ref().map(|k| &k.source),
            ),
            row(
                "ca_file",
                ca_file.as_ref().map(|file| ca_file_value(&file.value)),
                ca_file.as_ref().map(|file| &file.source),
            ),
            row("proxy", proxy, None),
            row(
                "color",
                Some(if self.output.color { "on" } else { "off" }.to_string()),
                None,
            ),
        ];
        // Where the keyring was asked and did not answer, say so: the rows above then name
        // the next place that had each credential.
        let mut warning = profile.warning.clone();
        if self.keyring_off().is_none()
            && let Some(Ok(crate::credential_store::Found::Unavailable(why))) = self.stored.get()
        {
            let unread = format!("the system keyring could not be read ({why})");
            warning = Some(match warning {
                Some(first) => format!("{first}; {unread}"),
                None => unread,
            });
        }
        Ok((rows, warning))
    }
}

/// The CA file's path, and what is wrong with it, if anything.
fn ca_file_value(path: &std::path::Path) -> String {
    match tls::read_ca_file(path) {
        Ok(_) => path.display().to_string(),
        Err(problem) => format!("{} ({problem})", path.display()),
    }
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
    use crate::secret::Secret;

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
