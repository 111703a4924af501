//! The API root, checked before any credentials are sent to it.

use super::{DEFAULT_BASE_URL, Sourced};
use crate::error::{Error, Result};
use crate::net::urls;

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
        "http" if urls::host(text).is_some_and(|host| urls::is_loopback(&host)) => {}
        "http" => {
            return Err(bad(
                "is plain http; credentials are sent over http only to loopback addresses",
            ));
        }
        _ => return Err(bad("is neither https nor http")),
    }
    Ok(text.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::SettingSource;

    fn url(text: &str) -> Result<String> {
        checked_base_url(&Sourced {
            value: text.to_string(),
            source: SettingSource::Default,
        })
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
}
