//! Why an API call failed, in one typed place: the kind of failure, its exit code, the
//! message naming the endpoint and what the server said, and the hints.

use std::sync::Arc;
use std::time::Duration;

use super::Endpoint;
use crate::error::{Error, Exit};
use crate::model::{self, Decoded};
use crate::net::tls::TlsFailure;
use crate::net::urls;
use crate::text::one_line;

/// Why an API call failed; each kind maps to one exit code.
#[derive(Debug)]
pub enum ApiErrorKind {
    /// A non-2xx, non-3xx status, with what the body said.
    Status(Box<HttpFailure>),
    Redirect {
        status: u16,
        location: Option<String>,
    },
    TooLarge,
    NotJson {
        status: u16,
        problem: String,
        snippet: String,
    },
    /// A `next` link that leaves the API root; never followed.
    ForeignLink(String),
    /// A 2xx body that is JSON but not what the endpoint answers (the reason says how).
    Unexpected(String),
    Timeout,
    Refused,
    HostNotFound,
    Tls(TlsFailure),
    /// The answer broke HTTP: not HTTP at all (an SSH banner), a header too large,
    /// conflicting lengths, a malformed chunk.
    Protocol(String),
    Network(String),
}

/// What an error status's body said.
#[derive(Debug)]
pub struct HttpFailure {
    pub status: u16,
    pub reason: String,
    pub identifier: Option<String>,
    pub message: Option<String>,
    /// The start of a body that is not the usual JSON error.
    pub snippet: Option<String>,
}

/// What an error status means for the caller, from the HTTP status or, for iDenfy's
/// documented `400` errors, from the body's `identifier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AccountRefusal {
    /// 401, or `UNAUTHORIZED` / `TOKEN_NOT_VALID`: the key or secret is wrong.
    Credentials,
    /// 402, or `PARTNER_CONTRACT_ERROR`: the account cannot be used for this.
    Account,
    /// 403, or `PERMISSIONS_ERROR`.
    Forbidden,
    NotFound,
    /// A 404 whose body is no API error (an HTML page): the base URL is not the API's root.
    WrongRoot,
    /// 429, or `TOO_MANY_REQUESTS`.
    RateLimited,
    Other,
}

impl HttpFailure {
    /// The body is not an API error at all: no `identifier`, `message` or `detail`.
    fn is_no_api_error(&self) -> bool {
        self.identifier.is_none() && self.message.is_none()
    }

    fn refusal(&self) -> AccountRefusal {
        match (self.status, self.identifier.as_deref()) {
            (401, _) | (400, Some("UNAUTHORIZED" | "TOKEN_NOT_VALID")) => {
                AccountRefusal::Credentials
            }
            (402, _) | (400, Some("PARTNER_CONTRACT_ERROR")) => AccountRefusal::Account,
            (403, _) | (400, Some("PERMISSIONS_ERROR")) => AccountRefusal::Forbidden,
            (404, _) if self.is_no_api_error() => AccountRefusal::WrongRoot,
            (404, _) => AccountRefusal::NotFound,
            (429, _) | (400, Some("TOO_MANY_REQUESTS")) => AccountRefusal::RateLimited,
            _ => AccountRefusal::Other,
        }
    }
}

/// The settings in force for a call, for error messages and hints.
#[derive(Debug)]
pub struct CallContext {
    pub base_url: String,
    /// Where the base URL came from, as hints name it: "env IDENFY_BASE_URL", "default".
    pub base_url_from: String,
    /// The proxy the calls go through, credentials redacted.
    pub proxy: Option<String>,
    /// Where the credentials came from, as hints name them: "IDENFY_API_KEY and
    /// IDENFY_API_SECRET", "profile `production`".
    pub credentials: String,
    pub timeout: Duration,
}

#[derive(Debug)]
pub struct ApiError {
    pub endpoint: Endpoint,
    pub kind: ApiErrorKind,
    pub context: Arc<CallContext>,
}

impl ApiError {
    pub fn exit(&self) -> Exit {
        match &self.kind {
            ApiErrorKind::Status(failure) => match failure.refusal() {
                AccountRefusal::Credentials
                | AccountRefusal::Account
                | AccountRefusal::Forbidden => Exit::Refused,
                AccountRefusal::NotFound | AccountRefusal::WrongRoot => Exit::NotFound,
                AccountRefusal::RateLimited => Exit::RateLimited,
                AccountRefusal::Other => Exit::Api,
            },
            ApiErrorKind::Redirect { .. }
            | ApiErrorKind::TooLarge
            | ApiErrorKind::NotJson { .. }
            | ApiErrorKind::ForeignLink(_)
            | ApiErrorKind::Protocol(_)
            | ApiErrorKind::Unexpected(_) => Exit::Api,
            ApiErrorKind::Timeout
            | ApiErrorKind::Refused
            | ApiErrorKind::HostNotFound
            | ApiErrorKind::Tls(_)
            | ApiErrorKind::Network(_) => Exit::Network,
        }
    }

    /// For a refusal that every later call would meet too (the credentials, the account,
    /// its permissions, the rate limit): what was refused, in words, with the HTTP status,
    /// e.g. `the API refused the credentials (HTTP 401)`. `None` for any other failure.
    pub fn blanket_refusal(&self) -> Option<String> {
        let ApiErrorKind::Status(failure) = &self.kind else {
            return None;
        };
        let what = match failure.refusal() {
            AccountRefusal::Credentials => "the API refused the credentials",
            AccountRefusal::Account => "the API refused the account",
            AccountRefusal::Forbidden => "the API refused access",
            AccountRefusal::RateLimited => "the API is rate limiting the account",
            AccountRefusal::NotFound | AccountRefusal::WrongRoot | AccountRefusal::Other => {
                return None;
            }
        };
        let status = match (&failure.identifier, failure.status) {
            (Some(identifier), 400) => format!("HTTP 400 {identifier}"),
            (_, status) => format!("HTTP {status}"),
        };
        Some(format!("{what} ({status})"))
    }

    fn message(&self) -> String {
        let path = self.endpoint.path();
        match &self.kind {
            ApiErrorKind::Status(failure) => {
                let HttpFailure {
                    status,
                    reason,
                    identifier,
                    message,
                    snippet,
                } = failure.as_ref();
                let detail: Vec<&str> = [identifier, message, snippet]
                    .into_iter()
                    .filter_map(|part| part.as_deref())
                    .collect();
                let detail = if detail.is_empty() {
                    String::new()
                } else {
                    format!(": {}", detail.join(": "))
                };
                let reason = match reason.trim() {
                    "" => String::new(),
                    reason => format!(" {reason}"),
                };
                if failure.refusal() == AccountRefusal::WrongRoot {
                    let base = &self.context.base_url;
                    return format!(
                        "{path}: HTTP {status}{reason} from {base}{path}, which is not an answer of iDenfy's API{detail}"
                    );
                }
                format!("{path}: HTTP {status}{reason}{detail}")
            }
            ApiErrorKind::Redirect { status, location } => {
                let to = location.as_deref().map(urls::redact_signatures);
                let to = to.map(|l| format!(" to {l}")).unwrap_or_default();
                format!("{path}: HTTP {status}, a redirect{to}; API calls follow no redirects")
            }
            ApiErrorKind::TooLarge => {
                format!("{path}: the response is over 16 MiB; refused")
            }
            ApiErrorKind::Unexpected(why) => format!("{path}: {why}"),
            ApiErrorKind::ForeignLink(url) => format!(
                "{path}: the next page is at {url}, outside {}; not followed, so the credentials stay with the API",
                self.context.base_url
            ),
            ApiErrorKind::NotJson {
                status,
                problem,
                snippet,
            } => format!("{path}: HTTP {status} but the body is {problem}: {snippet}"),
            ApiErrorKind::Timeout => format!(
                "{path}: no complete answer from {} within {} s",
                self.context.base_url,
                self.context.timeout.as_secs_f64()
            ),
            ApiErrorKind::Refused => match &self.context.proxy {
                Some(proxy) => format!("{path}: the proxy {proxy} refused the connection"),
                None => format!("{path}: connection to {} refused", self.context.base_url),
            },
            ApiErrorKind::HostNotFound => match &self.context.proxy {
                Some(proxy) => format!("{path}: cannot resolve the host of the proxy {proxy}"),
                None => format!(
                    "{path}: cannot resolve the host of {}",
                    self.context.base_url
                ),
            },
            ApiErrorKind::Protocol(why) => format!(
                "{path}: {} did not answer in HTTP as expected: {why}",
                self.context.base_url
            ),
            ApiErrorKind::Tls(failure) => format!(
                "{path}: TLS with {} failed: {}",
                self.context.base_url,
                failure.reason()
            ),
            ApiErrorKind::Network(why) => format!("{path}: {why}"),
        }
    }

    fn hints(&self) -> Vec<String> {
        let credentials = &self.context.credentials;
        let base = &self.context.base_url;
        let check_base = format!(
            "check the API root {base}, which comes from {} (set it with --base-url, IDENFY_BASE_URL or the profile's base_url)",
            self.context.base_url_from
        );
        let hint = match &self.kind {
            ApiErrorKind::Status(failure) => match failure.refusal() {
                AccountRefusal::Credentials => format!(
                    "the key and secret come from {credentials}: check that they are right (`idenfy-cli config show` tells where each comes from)"
                ),
                AccountRefusal::Account => "the account is out of funds or over a limit, or its contract does not cover this; ask the account owner or iDenfy"
                    .to_string(),
                AccountRefusal::Forbidden
                    if [&failure.message, &failure.snippet]
                        .iter()
                        .any(|text| text.as_deref().is_some_and(|t| t.contains("not available for"))) =>
                {
                    format!(
                        "sandbox keys work only against the sandbox and production keys only against production; check the keys from {credentials} and {base}"
                    )
                }
                AccountRefusal::Forbidden => format!(
                    "the account may not use this endpoint; check the keys from {credentials} and the account's permissions"
                ),
                AccountRefusal::WrongRoot => check_base,
                AccountRefusal::NotFound => format!(
                    "check the scanRef, and that the keys from {credentials} belong to the account (sandbox or production) that made it"
                ),
                AccountRefusal::RateLimited => "do not poll: iDenfy restricts accounts that do; rely on webhooks and try again later"
                    .to_string(),
                AccountRefusal::Other if failure.status >= 500 => {
                    "iDenfy's side failed; try again later".to_string()
                }
                AccountRefusal::Other => return Vec::new(),
            },
            ApiErrorKind::Redirect { .. } | ApiErrorKind::NotJson { .. } => check_base,
            ApiErrorKind::TooLarge | ApiErrorKind::ForeignLink(_) | ApiErrorKind::Unexpected(_) => {
                return Vec::new();
            }
            ApiErrorKind::Timeout => {
                "raise the limit with --timeout (or IDENFY_TIMEOUT, or the profile's timeout)"
                    .to_string()
            }
            ApiErrorKind::Refused | ApiErrorKind::HostNotFound if self.context.proxy.is_some() => {
                "check that the proxy runs, or the proxy settings (HTTPS_PROXY, ALL_PROXY, NO_PROXY)"
                    .to_string()
            }
            ApiErrorKind::Refused | ApiErrorKind::HostNotFound | ApiErrorKind::Protocol(_) => {
                check_base
            }
            ApiErrorKind::Tls(failure) => failure.hint().unwrap_or(check_base),
            ApiErrorKind::Network(_) => format!("check the network and {base}"),
        };
        vec![hint]
    }
}

impl From<ApiError> for Error {
    fn from(err: ApiError) -> Error {
        Error::from(&err)
    }
}

impl From<&ApiError> for Error {
    fn from(err: &ApiError) -> Error {
        Error {
            exit: err.exit(),
            message: err.message(),
            hints: err.hints(),
        }
    }
}

/// Reads `identifier` and `message` from a JSON error body, else keeps the body's start.
pub(super) fn status_error(status: u16, reason: String, body: &[u8]) -> ApiErrorKind {
    let field = |doc: &Decoded, key: &str| {
        doc.body
            .get(key)
            .and_then(|v| v.as_str())
            .map(|s| one_line(s, 300))
    };
    match model::decode(body) {
        Ok(doc)
            if ["identifier", "message", "detail"]
                .iter()
                .any(|key| doc.body.contains_key(*key)) =>
        {
            ApiErrorKind::Status(Box::new(HttpFailure {
                status,
                reason,
                identifier: field(&doc, "identifier"),
                message: field(&doc, "message").or_else(|| field(&doc, "detail")),
                snippet: None,
            }))
        }
        _ => ApiErrorKind::Status(Box::new(HttpFailure {
            status,
            reason,
            identifier: None,
            message: None,
            snippet: (!body.is_empty()).then(|| snippet(body)),
        })),
    }
}

/// The first 200 characters of a body, on one line.
pub(super) fn snippet(body: &[u8]) -> String {
    one_line(&String::from_utf8_lossy(body), 200)
}

pub(super) fn classify(err: ureq::Error) -> ApiErrorKind {
    use crate::net::failure::{self, Kind};
    let failure = failure::classify(&err);
    match failure.kind {
        Kind::Tls(tls) => ApiErrorKind::Tls(tls),
        Kind::Timeout => ApiErrorKind::Timeout,
        Kind::HostNotFound => ApiErrorKind::HostNotFound,
        Kind::TooLarge => ApiErrorKind::TooLarge,
        Kind::Refused => ApiErrorKind::Refused,
        Kind::Protocol(why) => ApiErrorKind::Protocol(why),
        Kind::ProxyRefused(why) => {
            ApiErrorKind::Network(format!("the proxy refused the connection: {why}"))
        }
        Kind::TooManyRedirects | Kind::Status(_) | Kind::Other => {
            ApiErrorKind::Network(failure.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_error_bodies_give_identifier_and_message() {
        let kind = status_error(
            401,
            "Unauthorized".into(),
            br#"{"identifier":"UNAUTHORIZED","message":"Bad\nkey","severity":"ERROR"}"#,
        );
        let ApiErrorKind::Status(failure) = kind else {
            panic!("not a status error")
        };
        assert_eq!(failure.identifier.as_deref(), Some("UNAUTHORIZED"));
        assert_eq!(failure.message.as_deref(), Some("Bad key"));
        assert_eq!(failure.snippet, None);
    }

    #[test]
    fn other_bodies_give_their_first_200_characters() {
        let body = format!("<html>{}</html>", "x".repeat(300));
        let ApiErrorKind::Status(failure) = status_error(500, "".into(), body.as_bytes()) else {
            panic!("not a status error")
        };
        let snippet = failure.snippet.unwrap();
        assert_eq!(snippet.chars().count(), 201);
        assert!(snippet.starts_with("<html>xxx") && snippet.ends_with('…'));
    }

    #[test]
    fn only_refusals_every_later_call_would_meet_are_blanket_refusals() {
        let refusal = |status: u16, body: &str| {
            ApiError {
                endpoint: Endpoint::Status,
                kind: status_error(status, String::new(), body.as_bytes()),
                context: Arc::new(CallContext {
                    base_url: "http://127.0.0.1:1".into(),
                    base_url_from: "default".into(),
                    proxy: None,
                    credentials: "profile `default`".into(),
                    timeout: Duration::from_secs(1),
                }),
            }
            .blanket_refusal()
        };
        let said = |status, body| refusal(status, body).unwrap_or_default();
        assert_eq!(said(401, ""), "the API refused the credentials (HTTP 401)");
        assert_eq!(said(402, ""), "the API refused the account (HTTP 402)");
        assert_eq!(said(403, "nope"), "the API refused access (HTTP 403)");
        assert_eq!(
            said(429, ""),
            "the API is rate limiting the account (HTTP 429)"
        );
        assert_eq!(
            said(400, r#"{"identifier":"TOO_MANY_REQUESTS"}"#),
            "the API is rate limiting the account (HTTP 400 TOO_MANY_REQUESTS)"
        );
        for status in [400, 404, 500] {
            assert_eq!(refusal(status, r#"{"identifier":"X"}"#), None, "{status}");
        }
    }
}
