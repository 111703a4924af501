//! The network's shared pieces: TLS trust, the trace of an exchange, and URLs read and
//! shown safely.

pub mod agent;
pub mod failure;
pub mod tls;
pub mod trace;
pub mod urls;
