//! The integration tests: one binary, a module per area, the shared helpers in `common`.
//! Each module drives the built `idenfy-cli` against loopback servers and temporary folders.

mod common;

mod api;
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
mod interrupt;
mod layout;
mod listen;
mod man;
mod markdown;
mod newcomer;
mod pager;
mod redact;
mod report_browser;
mod samples;
mod tls;
mod vocabulary;
mod webhook;
