//! The one reading of a failed request: what went wrong, whatever asked (the API client,
//! the downloader, a webhook delivery). Each caller words it for its own errors.

use std::io;

use super::tls::TlsFailure;
use crate::error::io_reason;

/// What kind of failure a request met.
#[derive(Debug)]
pub enum Kind {
    Tls(TlsFailure),
    /// No complete answer in time.
    Timeout,
    /// The host name did not resolve.
    HostNotFound,
    /// Nothing listens there.
    Refused,
    /// The body is over the bound the reader set.
    TooLarge,
    /// The agent met more redirects than it follows.
    TooManyRedirects,
    /// A status the caller asked to be an error.
    Status(u16),
    /// The answer broke HTTP (not HTTP at all, a header too large, a malformed chunk); the
    /// reason says how.
    Protocol(String),
    /// The proxy refused the tunnel, with its reason.
    ProxyRefused(String),
    /// Any other failure of the network.
    Other,
}

/// A failed request: its kind, and the failure as ureq or the system told it, in one line.
#[derive(Debug)]
pub struct Failure {
    pub kind: Kind,
    pub text: String,
}

/// Reads a failed request.
pub fn classify(err: &ureq::Error) -> Failure {
    let text = match err {
        ureq::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    };
    if let Some(tls) = TlsFailure::of(err) {
        return Failure {
            kind: Kind::Tls(tls),
            text,
        };
    }
    let kind = match err {
        ureq::Error::Timeout(_) => Kind::Timeout,
        ureq::Error::HostNotFound => Kind::HostNotFound,
        ureq::Error::BodyExceedsLimit(_) => Kind::TooLarge,
        ureq::Error::ConnectionFailed => Kind::Refused,
        ureq::Error::TooManyRedirects => Kind::TooManyRedirects,
        ureq::Error::StatusCode(code) => Kind::Status(*code),
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::ConnectionRefused => Kind::Refused,
            io::ErrorKind::TimedOut => Kind::Timeout,
            // std reports a failed getaddrinfo only through the message.
            _ if io.to_string().contains("failed to lookup address") => Kind::HostNotFound,
            _ => Kind::Other,
        },
        ureq::Error::Protocol(why) => Kind::Protocol(why.to_string()),
        ureq::Error::LargeResponseHeader(size, limit) => Kind::Protocol(format!(
            "its response head is {size} bytes, over the {limit} accepted"
        )),
        ureq::Error::ConnectProxyFailed(why) => Kind::ProxyRefused(why.to_string()),
        _ => Kind::Other,
    };
    Failure { kind, text }
}
