//! `config show`, `config path`, `config init`.

pub mod args;
pub mod view;

use crate::config::args::ConfigCommand;
use crate::context::{Context, present, print_json_value, write_stdout};
use crate::error::Result;
use crate::settings::config_file;

pub fn run(settings: &Context<'_>, command: &ConfigCommand) -> Result<()> {
    match command {
        ConfigCommand::Path => write_stdout(
            settings,
            &format!("{}\n", settings.config_path()?.display()),
        ),
        ConfigCommand::Init => {
            let path = config_file::init(settings.config_path()?)?;
            write_stdout(
                settings,
                &format!(
                    "Wrote {}{}. Fill in a profile, then check it with `idenfy-cli config show`.\n",
                    path.display(),
                    if cfg!(unix) { " (mode 0600)" } else { "" }
                ),
            )
        }
        ConfigCommand::Show => {
            let (rows, warning) = settings.report()?;
            if let Some(warning) = warning {
                settings.warn(&warning);
            }
            if settings.json() {
                print_json_value(settings, &crate::config::view::json(&rows))
            } else {
                write_stdout(
                    settings,
                    &present(settings, &crate::config::view::render(&rows)),
                )
            }
        }
    }
}
