//! How output meets the terminal: colour, width, height, pager and output format, decided
//! once from the flags, the environment and which streams are terminals.

use super::args::{ColorChoice, Format};

use super::Env;

/// The narrowest width output is laid out for, whatever `COLUMNS` or the terminal says.
pub const MIN_WIDTH: usize = 60;

/// The pager when neither `IDENFY_PAGER` nor `PAGER` names one (as git and gh do).
pub const DEFAULT_PAGER: &str = "less -FRX";

/// Which of stdin, stdout and stderr are terminals, and the terminal's size.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Columns and rows of the terminal on stdout, when it is one and says.
    pub size: Option<(usize, usize)>,
}

impl Terminals {
    pub fn from_process() -> Terminals {
        use std::io::IsTerminal;
        let stdout = std::io::stdout().is_terminal();
        let size = if stdout {
            terminal_size::terminal_size().map(|(w, h)| (usize::from(w.0), usize::from(h.0)))
        } else {
            None
        };
        let stderr = std::io::stderr().is_terminal();
        // The Windows console shows colour once it is asked to read escape sequences (Windows
        // 10 and later); NO_COLOR or --color never keep an older one plain.
        #[cfg(windows)]
        {
            if stdout {
                crate::platform::enable_console_colour(false);
            }
            if stderr {
                crate::platform::enable_console_colour(true);
            }
        }
        Terminals {
            stdin: std::io::stdin().is_terminal(),
            stdout,
            stderr,
            size,
        }
    }
}

/// Everything about the output that is decided before a command runs.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    /// Colour on stdout.
    pub color: bool,
    /// Shortened links as OSC 8 hyperlinks to the whole URL.
    pub hyperlinks: bool,
    /// Colour of the `error:`, `warning:` and `hint:` labels on stderr.
    pub stderr_color: bool,
    /// Columns to lay out for; `None` in a pipe without `COLUMNS`: nothing wrapped or shortened.
    pub width: Option<usize>,
    /// Rows of the terminal on stdout; output taller than this goes through the pager.
    pub height: Option<usize>,
    /// The pager command line, when output may be paged at all.
    pub pager: Option<String>,
    /// Variables to set in the pager's environment: `LESS=FRX` when `LESS` is unset (as git
    /// does), so that `less` quits on one screen, keeps colours and leaves the screen alone.
    pub pager_env: Vec<(&'static str, &'static str)>,
}

pub fn decide(
    format: Format,
    choice: ColorChoice,
    no_pager: bool,
    env: &Env,
    terminals: Terminals,
) -> Output {
    Output {
        format,
        color: decide_color(choice, env, terminals.stdout),
        hyperlinks: false,
        stderr_color: decide_color(choice, env, terminals.stderr),
        width: decide_width(env, terminals),
        height: terminals
            .size
            .map(|(_, rows)| rows)
            .filter(|rows| *rows > 0),
        pager: decide_pager(no_pager, env, terminals.stdout),
        pager_env: match env.raw("LESS") {
            Some(_) => Vec::new(),
            None => vec![("LESS", "FRX")],
        },
    }
}

/// Colour of the stderr labels for an error raised before the settings exist (a usage error
/// of the arguments): `choice` is `--color` as far as it could be read.
pub fn stderr_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    decide_color(
        choice,
        &Env::from_process(),
        std::io::stderr().is_terminal(),
    )
}

/// `auto` colours a terminal unless `NO_COLOR` is set (non-empty); `CLICOLOR_FORCE`
/// (non-empty, not `0`) colours a pipe too.
pub fn decide_color(choice: ColorChoice, env: &Env, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env.get("NO_COLOR").is_some() {
                false
            } else if env
                .get("CLICOLOR_FORCE")
                .is_some_and(|(_, force)| force != "0")
            {
                true
            } else {
                is_terminal
            }
        }
    }
}

/// `COLUMNS` when it is a number, else the terminal's width, never under [`MIN_WIDTH`];
/// unbounded in a pipe without `COLUMNS`.
fn decide_width(env: &Env, terminals: Terminals) -> Option<usize> {
    let columns = env
        .get("COLUMNS")
        .and_then(|(_, text)| text.trim().parse::<usize>().ok())
        .filter(|columns| *columns > 0);
    let width = columns.or(terminals
        .size
        .map(|(columns, _)| columns)
        .filter(|c| *c > 0))?;
    Some(width.max(MIN_WIDTH))
}

/// `IDENFY_PAGER`, else `PAGER`, else `less -FRX` where `less` is on the `PATH` (so a
/// Windows desk without it pages nothing, and is not warned about it); none with
/// `--no-pager`, when stdout is not a terminal, or when either variable is set but empty (or
/// `cat`, as git has it).
fn decide_pager(no_pager: bool, env: &Env, stdout_is_terminal: bool) -> Option<String> {
    if no_pager || !stdout_is_terminal {
        return None;
    }
    let chosen = match ["IDENFY_PAGER", "PAGER"]
        .into_iter()
        .find_map(|name| env.raw(name))
    {
        Some(chosen) => chosen,
        None if on_path(env, "less") => DEFAULT_PAGER,
        None => return None,
    }
    .trim();
    match chosen {
        "" | "cat" => None,
        command => Some(command.to_string()),
    }
}

/// Whether `program` is a file in one of the `PATH` folders (with `.exe` on Windows).
fn on_path(env: &Env, program: &str) -> bool {
    let Some(path) = env.raw("PATH") else {
        return false;
    };
    let names = if cfg!(windows) {
        vec![format!("{program}.exe"), program.to_string()]
    } else {
        vec![program.to_string()]
    };
    std::env::split_paths(path).any(|folder| names.iter().any(|name| folder.join(name).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal(columns: usize, rows: usize) -> Terminals {
        Terminals {
            stdin: true,
            stdout: true,
            stderr: true,
            size: Some((columns, rows)),
        }
    }

    #[test]
    fn color_auto_follows_terminal_and_env() {
        type Vars = &'static [(&'static str, &'static str)];
        let cases: [(ColorChoice, Vars, bool, bool); 9] = [
            (ColorChoice::Auto, &[], true, true),
            (ColorChoice::Auto, &[], false, false),
            (ColorChoice::Auto, &[("NO_COLOR", "1")], true, false),
            (ColorChoice::Auto, &[("NO_COLOR", "")], true, true),
            (ColorChoice::Auto, &[("CLICOLOR_FORCE", "1")], false, true),
            (ColorChoice::Auto, &[("CLICOLOR_FORCE", "0")], false, false),
            (ColorChoice::Auto, &[("CLICOLOR_FORCE", "0")], true, true),
            (ColorChoice::Always, &[("NO_COLOR", "1")], false, true),
            (ColorChoice::Never, &[], true, false),
        ];
        for (choice, vars, terminal, expected) in cases {
            let env = Env::from_pairs(vars);
            assert_eq!(
                decide_color(choice, &env, terminal),
                expected,
                "{choice:?} {vars:?} {terminal}"
            );
        }
    }

    #[test]
    fn width_is_columns_else_the_terminal_at_least_sixty_and_unbounded_in_a_pipe() {
        let width = |vars: &[(&'static str, &str)], terminals| {
            decide_width(&Env::from_pairs(vars), terminals)
        };
        assert_eq!(width(&[], Terminals::default()), None);
        assert_eq!(
            width(&[("COLUMNS", "100")], Terminals::default()),
            Some(100)
        );
        assert_eq!(width(&[("COLUMNS", "100")], terminal(80, 24)), Some(100));
        assert_eq!(width(&[], terminal(80, 24)), Some(80));
        assert_eq!(width(&[], terminal(30, 24)), Some(60));
        assert_eq!(width(&[("COLUMNS", "20")], Terminals::default()), Some(60));
        assert_eq!(width(&[("COLUMNS", "wide")], terminal(90, 24)), Some(90));
        assert_eq!(width(&[("COLUMNS", "")], Terminals::default()), None);
    }

    #[test]
    fn pager_is_idenfy_pager_then_pager_then_less_and_only_at_a_terminal() {
        let pager = |vars: &[(&'static str, &str)], no_pager, stdout| {
            decide_pager(no_pager, &Env::from_pairs(vars), stdout)
        };
        // less only where it is: a folder holding it on the PATH, or none.
        let folder = tempfile::tempdir().unwrap();
        let less = if cfg!(windows) { "less.exe" } else { "less" };
        std::fs::write(folder.path().join(less), "").unwrap();
        let with_less = folder.path().to_str().unwrap().to_string();
        let path = [("PATH", with_less.as_str())];
        assert_eq!(pager(&path, false, true).as_deref(), Some("less -FRX"));
        let empty = tempfile::tempdir().unwrap();
        let without = [("PATH", empty.path().to_str().unwrap())];
        assert_eq!(pager(&without, false, true), None);
        assert_eq!(pager(&[], false, true), None);
        assert_eq!(pager(&path, false, false), None);
        assert_eq!(pager(&path, true, true), None);
        let both = [("IDENFY_PAGER", "most"), ("PAGER", "more")];
        assert_eq!(pager(&both, false, true).as_deref(), Some("most"));
        assert_eq!(
            pager(&[("PAGER", "more -s")], false, true).as_deref(),
            Some("more -s")
        );
        assert_eq!(
            pager(&[("IDENFY_PAGER", ""), ("PAGER", "more")], false, true),
            None
        );
        assert_eq!(pager(&[("PAGER", "cat")], false, true), None);
        assert_eq!(pager(&[("IDENFY_PAGER", "more")], false, false), None);
    }

    #[test]
    fn less_gets_frx_only_when_less_is_unset() {
        let env = |vars: &[(&'static str, &str)]| {
            decide(
                Format::Table,
                ColorChoice::Auto,
                false,
                &Env::from_pairs(vars),
                terminal(80, 24),
            )
            .pager_env
        };
        assert_eq!(env(&[]), vec![("LESS", "FRX")]);
        assert_eq!(env(&[("LESS", "-S")]), Vec::new());
        assert_eq!(env(&[("LESS", "")]), Vec::new());
    }
}
