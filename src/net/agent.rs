//! The one way an HTTP agent is made, for the API, the file hosts and webhook deliveries
//! alike: statuses are answers (never errors), redirects are never followed by the agent,
//! the trust store is the run's, and the program names itself.

use std::time::Duration;

use ureq::Agent;

use super::tls::Trust;

/// How the program names itself to every server.
pub const USER_AGENT: &str = concat!("idenfy-cli/", env!("CARGO_PKG_VERSION"));

/// How long a request may take.
#[derive(Debug, Clone, Copy)]
pub enum Deadline {
    /// The whole exchange, connect to last byte (an API call, a delivery).
    Whole(Duration),
    /// Each phase and each read apart (a download, which may take long but must keep moving).
    EachStep(Duration),
}

/// What an agent is made of.
pub struct Spec<'a> {
    pub trust: &'a Trust,
    /// A proxy URL, already checked by the settings.
    pub proxy: Option<&'a str>,
    pub deadline: Deadline,
    /// Connections kept open for reuse, when not ureq's default.
    pub idle_connections: Option<usize>,
    /// The read buffer, when not ureq's default.
    pub buffer_bytes: Option<usize>,
}

/// A proxy URL that ureq cannot use.
#[derive(Debug)]
pub struct BadProxy;

/// An agent as `spec` says.
pub fn agent(spec: Spec<'_>) -> Result<Agent, BadProxy> {
    let proxy = match spec.proxy {
        Some(url) => Some(ureq::Proxy::new(url).map_err(|_| BadProxy)?),
        None => None,
    };
    let mut config = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(proxy)
        .tls_config(spec.trust.tls_config())
        .user_agent(USER_AGENT);
    config = match spec.deadline {
        Deadline::Whole(limit) => config.timeout_global(Some(limit)),
        Deadline::EachStep(limit) => config
            .timeout_resolve(Some(limit))
            .timeout_connect(Some(limit))
            .timeout_recv_response(Some(limit))
            .timeout_per_read(Some(limit)),
    };
    if let Some(idle) = spec.idle_connections {
        config = config
            .max_idle_connections(idle)
            .max_idle_connections_per_host(idle);
    }
    if let Some(bytes) = spec.buffer_bytes {
        config = config.input_buffer_size(bytes);
    }
    Ok(config.build().into())
}
