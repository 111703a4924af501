//! The integration tests: one binary, a module per area, the shared helpers in `common`.
//! Each module drives the built `idenfy-cli` against loopback servers and temporary folders.

mod common;

mod api;
mod auth;
mod case;
mod casefile;
mod cases;
mod colour;
mod completions;
mod config;
mod diagnosis;
mod download;
mod find;
mod help;
mod hostile;
#[cfg(unix)] // signals sent with kill, and terminals made with script(1)
mod interrupt;
mod jq;
mod layout;
mod listen;
mod man;
mod markdown;
mod newcomer;
#[cfg(unix)] // terminals made with script(1) and timeout(1)
mod pager;
mod pdf;
mod redact;
mod report_browser;
mod samples;
mod tls;
mod vocabulary;
mod webhook;
