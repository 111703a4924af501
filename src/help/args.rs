//! The arguments of `help`: the path of subcommands, or a topic.

use clap::{ArgMatches, Args, FromArgMatches};

/// `help [COMMAND]...`, `help environment`, `help exit-codes`: the words after `help`.
///
/// `help` has a subcommand for each command (nested like them) and each topic, so that the
/// shells complete them; [`command`] adds them, as it sees the whole tree. The words given
/// are the path of subcommands clap matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpArgs {
    pub topic: Vec<String>,
}

impl FromArgMatches for HelpArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut topic = Vec::new();
        let mut current = matches;
        while let Some((name, inner)) = current.subcommand() {
            topic.push(name.to_string());
            current = inner;
        }
        Ok(HelpArgs { topic })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = HelpArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for HelpArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.subcommand_value_name("TOPIC")
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        HelpArgs::augment_args(cmd)
    }
}
