//! `config show`, `config path`, `config init`.

use super::{present, warn, write_stdout};
use crate::cli::ConfigCommand;
use crate::config_file;
use crate::error::Result;
use crate::render;
use crate::settings::Settings;

pub fn run(settings: &Settings, command: &ConfigCommand) -> Result<()> {
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
                    "Wrote {} (mode 0600). Fill in a profile, then check it with `idenfy-cli config show`.\n",
                    path.display()
                ),
            )
        }
        ConfigCommand::Show => {
            let (rows, warning) = settings.report()?;
            if let Some(warning) = warning {
                warn(settings, &warning);
            }
            let text = match settings.json() {
                true => render::config::json(&rows),
                false => present(settings, &render::config::render(&rows)),
            };
            write_stdout(settings, &text)
        }
    }
}
