//! `auth login`, `auth logout`, `auth status`: a profile's API key and secret in the system
//! keyring, as gh keeps its token, and where each credential of each profile comes from.

pub mod args;
mod login;
mod status;

use crate::auth::args::AuthCommand;
use crate::context::Context;
use crate::error::Result;

pub fn run(ctx: &Context<'_>, command: &AuthCommand) -> Result<()> {
    match command {
        AuthCommand::Login => login::login(ctx),
        AuthCommand::Logout => login::logout(ctx),
        AuthCommand::Status => status::run(ctx),
    }
}
