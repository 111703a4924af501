//! The command line over the features: each parsed command goes to its feature's `run`.
//! Nothing in the base imports this module or a feature (`direction` keeps it so).

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::error::Result;
use crate::{auth, cases, config, download, help, lookup, pdf, samples, webhook};

#[cfg(test)]
mod direction;
#[cfg(test)]
mod hostile;
#[cfg(test)]
mod safety;

pub fn run(settings: &Context<'_>, cli: &Cli) -> Result<()> {
    match &cli.command {
        Command::Status(args) => cases::status(settings, args),
        Command::Data(args) => lookup::data(settings, args),
        Command::Files(args) => download::run::files(settings, args),
        Command::Case(args) => cases::case(settings, args),
        Command::Find(args) => lookup::find::run(settings, args),
        Command::Pdf(args) => pdf::run(settings, args),
        Command::Explain(args) => lookup::explain::run(settings, args),
        Command::Webhook(command) => webhook::run::run(settings, command),
        Command::Config(command) => config::run(settings, command),
        Command::Auth(command) => auth::run(settings, command),
        Command::Samples(args) => samples::run(settings, args),
        Command::Completions { shell } => help::completions(
            settings,
            &cli.global,
            *shell,
            crate::cli::completion_command(),
        ),
        Command::Man => help::man(settings, &cli.global, crate::cli::command()),
        Command::Help(args) => help::topic(settings, &cli.global, args, crate::cli::long_help),
    }
}
