//! HTTP exchanges as `-v` traces them, with secrets redacted before anything leaves here.
//! Both the API client and the downloader report through [`Observer`]; neither prints.

use std::time::Duration;

use crate::net::urls;

/// One HTTP exchange as `-v` shows it; secrets are already redacted.
#[derive(Debug)]
pub struct Exchange {
    pub method: &'static str,
    pub url: String,
    pub proxy: Option<String>,
    pub request_headers: Vec<(String, String)>,
    /// The response's head, or why there was none.
    pub response: Result<ResponseHead, String>,
    pub body_bytes: Option<usize>,
    pub elapsed: Duration,
}

impl Exchange {
    /// An exchange about to be made: `url` as it may be shown, the proxy (its credentials
    /// are redacted here) and the request's headers as they may be shown.
    pub fn new(
        method: &'static str,
        url: String,
        proxy: Option<&str>,
        request_headers: Vec<(String, String)>,
    ) -> Exchange {
        Exchange {
            method,
            url,
            proxy: proxy.map(urls::redact_credentials),
            request_headers,
            response: Err(String::new()),
            body_bytes: None,
            elapsed: Duration::ZERO,
        }
    }

    /// Notes the response's head (cookies hidden, signatures in `Location` redacted).
    pub fn answered<B>(&mut self, response: &ureq::http::Response<B>) {
        let status = response.status();
        self.response = Ok(ResponseHead {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
            headers: redacted_headers(response.headers()),
        });
    }
}

/// Status code, reason phrase and headers of a response.
#[derive(Debug)]
pub struct ResponseHead {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
}

/// Receives each exchange as it completes (the `-v` trace).
pub trait Observer: Send + Sync {
    fn exchange(&self, exchange: &Exchange);
}

/// Response headers with cookies hidden and signatures in `Location` redacted.
pub fn redacted_headers(headers: &ureq::http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            let value = match name.as_str() {
                "set-cookie" => "[REDACTED]".to_string(),
                "location" => urls::shown_link(&value),
                _ => value,
            };
            (name.as_str().to_string(), value)
        })
        .collect()
}
