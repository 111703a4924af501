//! The `auth` subcommands.

use clap::Subcommand;

use crate::args::examples;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Keep a profile's API key and secret in the system keyring; typed without echo, or two lines on stdin
    #[command(
        long_about = "Keep a profile's API key and secret in the system keyring: the macOS Keychain, the \
                      Windows Credential Manager, or the Secret Service on Linux (GNOME Keyring, KWallet, \
                      KeePassXC).\n\nAt a terminal both are asked for and not shown as they are typed. \
                      Otherwise standard input gives them: the key on the first line, the secret on the \
                      second (from a password manager, say: pass show idenfy/ci | idenfy-cli auth login -p ci). \
                      They replace what the keyring held for the profile. Nothing is sent to the \
                      API. Where no keyring can be reached (a headless server), nothing is stored, and \
                      nothing is ever written to a file instead: keep the secret in a password manager \
                      and name it with the profile's api_secret_command.",
        after_help = examples(&[
            "idenfy-cli auth login",
            "idenfy-cli auth login --profile sandbox",
            "idenfy-cli auth status",
        ])
    )]
    Login,
    /// Remove a profile's API key and secret from the system keyring
    #[command(after_help = examples(&[
        "idenfy-cli auth logout",
        "idenfy-cli auth logout --profile sandbox",
    ]))]
    Logout,
    /// Where each profile's API key and secret come from (environment, keyring, api_secret_command, config file); never their values
    #[command(
        long_about = "Where each profile's API key and secret come from: the environment, the system \
                      keyring, the profile's api_secret_command, or the config file; each comes from \
                      the first of them that has it. Never their values, and api_secret_command is \
                      not run.\n\nThe profiles are those of the config file and the one in force; a \
                      profile kept in the keyring alone shows when named with -p. Exit 3 when the \
                      profile in force cannot make an API call: a credential found nowhere, a template \
                      placeholder, a keyring entry idenfy-cli did not write.",
        after_help = examples(&[
        "idenfy-cli auth status",
        "idenfy-cli auth status --json",
    ]))
    ]
    Status,
}
