//! The `config` subcommands.

use clap::Subcommand;

use crate::args::examples;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Each resolved setting with where it came from (secrets redacted)
    #[command(after_help = examples(&[
        "idenfy-cli config show",
        "idenfy-cli config show --profile sandbox",
        "idenfy-cli config show --json",
    ]))]
    Show,
    /// Print the config file's path
    #[command(after_help = examples(&[
        "idenfy-cli config path",
        "idenfy-cli config path --config ./team.toml",
    ]))]
    Path,
    /// Write a commented config template (mode 0600 on Unix); never overwrites
    #[command(after_help = examples(&[
        "idenfy-cli config init",
        "idenfy-cli config init --config ./team.toml",
    ]))]
    Init,
}
