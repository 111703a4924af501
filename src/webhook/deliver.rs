//! Posting a webhook body to an endpoint of the user's (`webhook send`, `webhook listen
//! --forward`): exactly the bytes and the headers given, once, no redirect followed, and
//! never the API credentials. Returns what the endpoint answered; prints nothing.

use std::io::Read;
use std::time::{Duration, Instant};

use ureq::Agent;

use crate::net::tls::Trust;
use crate::net::urls;
use crate::text::one_line;

/// How much of an answer's body is read: enough for its first 200 characters.
const BODY_START_BYTES: u64 = 4 * 1024;

/// A URL a delivery may go to: https, or plain http to this machine, and never iDenfy.
pub fn check_target(url: &str) -> Result<(), String> {
    // A password in the URL never reaches an error.
    let shown = urls::redact_credentials(url);
    let Some(scheme) = urls::scheme(url) else {
        return Err(format!("{shown} is not an http or https URL naming a host"));
    };
    let host = urls::host(url).unwrap_or_default();
    if crate::webhook::is_idenfy_host(host.trim_start_matches('[').trim_end_matches(']')) {
        return Err(format!(
            "{shown} is iDenfy's own host; deliveries go to your endpoint, not to iDenfy"
        ));
    }
    match scheme.as_str() {
        "https" => Ok(()),
        "http" if urls::is_loopback(&host) => Ok(()),
        "http" => Err(format!(
            "{shown} is plain http to another machine; a delivery holds personal data, so it goes over https (plain http only to this machine)"
        )),
        _ => Err(format!("{shown} is not an http or https URL")),
    }
}

/// What the endpoint answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub reason: String,
    pub elapsed: Duration,
    /// The first 200 characters of the body, on one line, without controls.
    pub body_start: String,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why nothing was answered, in words in the manner of the API client's network errors.
#[derive(Debug, Clone)]
pub struct DeliveryFailure {
    pub message: String,
    pub hint: Option<String>,
}

/// One agent for every post of a run.
pub struct Poster {
    agent: Agent,
    timeout: Duration,
}

impl Poster {
    /// An agent that follows no redirect, treats every status as an answer and gives up
    /// after `timeout`; `proxy` for https targets the proxy settings send through one.
    pub fn new(trust: &Trust, proxy: Option<&str>, timeout: Duration) -> Result<Poster, String> {
        let agent = crate::net::agent::agent(crate::net::agent::Spec {
            trust,
            proxy,
            deadline: crate::net::agent::Deadline::Whole(timeout),
            idle_connections: None,
            buffer_bytes: None,
        })
        .map_err(|_| "the proxy setting is not a proxy URL")?;
        Ok(Poster { agent, timeout })
    }

    /// POSTs `body` to `url` with `headers` (names and raw values), once.
    pub fn post(
        &self,
        url: &str,
        headers: &[(String, Vec<u8>)],
        body: &[u8],
    ) -> Result<Answer, DeliveryFailure> {
        let started = Instant::now();
        let mut request = self.agent.post(url);
        for (name, value) in headers {
            request = request.header(name.as_str(), value.as_slice());
        }
        let mut response = request.send(body).map_err(|err| self.failure(url, &err))?;
        let status = response.status();
        let mut start = Vec::new();
        let read = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .reader()
            .take(BODY_START_BYTES)
            .read_to_end(&mut start);
        let elapsed = started.elapsed();
        if let Err(err) = read {
            return Err(DeliveryFailure {
                message: format!(
                    "{url} answered HTTP {}, then its body failed: {}",
                    status.as_u16(),
                    crate::error::io_reason(&err)
                ),
                hint: None,
            });
        }
        Ok(Answer {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
            elapsed,
            body_start: one_line(&String::from_utf8_lossy(&start), 200),
        })
    }

    fn failure(&self, url: &str, err: &ureq::Error) -> DeliveryFailure {
        use crate::net::failure::{self, Kind};
        let shown = urls::redact_credentials(url);
        let failure = failure::classify(err);
        let check = Some("check that your endpoint runs and the URL is right".to_string());
        let (message, hint) = match failure.kind {
            Kind::Tls(tls) => (
                format!("TLS with {shown} failed: {}", tls.reason()),
                tls.hint(),
            ),
            Kind::Timeout => (
                format!(
                    "no complete answer from {shown} within {} s",
                    self.timeout.as_secs_f64()
                ),
                None,
            ),
            Kind::HostNotFound => (format!("cannot resolve the host of {shown}"), check),
            Kind::Refused => (format!("connection to {shown} refused"), check),
            _ => (format!("{shown}: {}", one_line(&failure.text, 300)), check),
        };
        DeliveryFailure { message, hint }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_https_or_loopback_http_and_never_idenfy() {
        assert!(check_target("https://hooks.example.test/idenfy").is_ok());
        assert!(check_target("http://127.0.0.1:9/x").is_ok());
        assert!(check_target("http://localhost/x").is_ok());
        assert!(check_target("http://[::1]:8080/").is_ok());
        assert!(check_target("http://hooks.example.test/").is_err());
        assert!(check_target("https://ivs.idenfy.com/api").is_err());
        assert!(check_target("https://IDENFY.COM").is_err());
        assert!(check_target("https://user:pw@idenfy.com/").is_err());
        assert!(check_target("ftp://x.example.test/").is_err());
        assert!(check_target("hooks.example.test").is_err());
    }
}
