//! The `webhook` subcommands and their arguments.

use std::path::PathBuf;

use clap::Subcommand;

use crate::args::{examples, parse_event_type};

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Whether --signature is the HMAC-SHA256 of FILE's exact bytes (stdin without FILE); a
    /// capture of `webhook listen` brings its own signature
    #[command(after_help = examples(&[
        "idenfy-cli webhook verify webhooks/8f2a41c0-IDENTIFICATION.json",
        "idenfy-cli webhook verify body.json --signature \"$SIG\"",
        "idenfy-cli webhook verify --signature \"$SIG\" < body.json",
        "idenfy-cli webhook verify body.json --signature \"$SIG\" --json",
    ]))]
    Verify {
        /// The stored body, exactly as received ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The Idenfy-Signature header's value (hex) [default: the one noted in FILE's
        /// NAME.meta.json, for a capture of `webhook listen`]
        #[arg(long, value_name = "HEX")]
        signature: Option<String>,
    },
    /// Render a stored payload like status, data and files, offline
    #[command(after_help = examples(&[
        "idenfy-cli samples webhook | idenfy-cli webhook show",
        "idenfy-cli webhook show capture.json --redact --format markdown",
        "idenfy-cli webhook show < body.json",
    ]))]
    Show {
        /// The stored payload ('-' or nothing for stdin); a `webhook listen` capture shows its event type and signature too
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The Idenfy-Event-Type the payload came with (e.g. IDENTIFICATION_MANUAL_FINISHED)
        #[arg(long, value_name = "TYPE", value_parser = parse_event_type)]
        event_type: Option<String>,
    },
    /// Compare a stored payload with what the API answers now (status, data, files)
    #[command(after_help = examples(&[
        "idenfy-cli webhook diff body.json",
        "idenfy-cli webhook diff body.json --json | jq '.[].path'",
    ]))]
    Diff {
        /// The stored payload ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Receive webhook deliveries locally: save each byte-exact, check its signature, print one line each
    #[command(after_help = examples(&[
        "idenfy-cli webhook listen",
        "idenfy-cli webhook listen --port 9000 --dir captures",
        "idenfy-cli webhook listen --forward http://127.0.0.1:3000/hooks",
        "idenfy-cli webhook listen --json | jq -r .scanRef",
    ]))]
    Listen {
        /// The address to listen on; another than loopback makes the receiver reachable from the network
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port to listen on (0: any free port, named on stderr)
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
        /// Where deliveries are saved (created with mode 0700)
        #[arg(long, value_name = "DIR", default_value = "webhooks")]
        dir: PathBuf,
        /// Also pass each delivery on to URL (https, or http to this machine), exactly its bytes and headers
        #[arg(long, value_name = "URL")]
        forward: Option<String>,
    },
    /// POST a stored body (stdin without FILE) to your own endpoint, exactly its bytes, freshly
    /// signed; once, no retry
    #[command(after_help = examples(&[
        "idenfy-cli webhook send body.json --to http://127.0.0.1:3000/hooks",
        "idenfy-cli webhook send a.json --to \"$URL\" --event-type DOCUMENT_EXPIRATION",
        "idenfy-cli webhook send --to http://127.0.0.1:3000/hooks < body.json",
    ]))]
    Send {
        /// The stored body ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Your endpoint (https, or http to this machine); never an iDenfy host
        #[arg(long, value_name = "URL")]
        to: String,
        /// The Idenfy-Event-Type header to send
        #[arg(long, value_name = "TYPE", default_value = "IDENTIFICATION", value_parser = parse_event_type)]
        event_type: String,
    },
    /// Print the Idenfy-Signature value (hex HMAC-SHA256) of FILE's exact bytes (stdin without FILE)
    #[command(after_help = examples(&[
        "idenfy-cli webhook sign body.json",
        "idenfy-cli webhook sign < body.json",
    ]))]
    Sign {
        /// The body ('-' or nothing for stdin)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}
