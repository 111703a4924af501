//! `explain [CODE]` and `explain --list`: the vocabulary, offline, no credentials.

use crate::context::{Context, present, print_json_value, write_stdout};
use crate::error::{Error, Exit, Result};
use crate::lookup::args::ExplainArgs;
use crate::vocab;

/// The hint that points at the whole list.
const LIST_HINT: &str = "`idenfy-cli explain --list` lists every code";

pub fn run(settings: &Context<'_>, args: &ExplainArgs) -> Result<()> {
    if let Some(problem) = vocab::load_error() {
        return Err(Error::new(
            Exit::Config,
            format!("the built-in vocabulary could not be read: {problem}"),
        ));
    }
    let entries: Vec<&vocab::Entry> = match (&args.code, args.list) {
        (_, true) => vocab::entries().iter().collect(),
        (Some(code), false) if !code.trim().is_empty() => vocab::find(code.trim()),
        (_, false) => return Err(Error::usage("give a code to explain").hint(LIST_HINT)),
    };
    if let (Some(code), true) = (&args.code, entries.is_empty()) {
        let suggestions = vocab::suggestions(code.trim());
        let mut error = Error::new(
            Exit::Negative,
            format!(
                "unknown code `{}`: no description",
                crate::text::one_line(code, 60)
            ),
        );
        if !suggestions.is_empty() {
            error = error.hint(format!("did you mean: {}", suggestions.join(", ")));
        }
        return Err(error.hint(LIST_HINT));
    }
    let text = match (settings.json(), args.list) {
        (true, _) => {
            return print_json_value(settings, &crate::lookup::view::explain::json(&entries));
        }
        (false, true) => present(settings, &crate::lookup::view::explain::list(&entries)),
        (false, false) => present(settings, &crate::lookup::view::explain::entries(&entries)),
    };
    write_stdout(settings, &text)
}
