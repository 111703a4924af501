//! The completion scripts in `completions/` are exactly what the binary prints, and they
//! complete at every level when the real shells run them: subcommands, nested subcommands,
//! options, and option and argument values.
//!
//! bash, zsh and fish are driven for real. A test whose shell is not installed is skipped
//! with a message on stderr, except when `CI` is set: there a missing shell fails it.
// Helpers of the tests that run on Unix only are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code))]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "idenfy-cli.bash"),
    ("zsh", "_idenfy-cli"),
    ("fish", "idenfy-cli.fish"),
    ("powershell", "_idenfy-cli.ps1"),
    ("elvish", "idenfy-cli.elv"),
];

#[test]
fn checked_in_completions_match_the_binary() {
    let env = TestEnv::new();
    for (shell, file) in SCRIPTS {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let checked_in = std::fs::read_to_string(script(file)).unwrap_or_default();
        assert!(
            checked_in == stdout(&out),
            "completions/{file} is out of date; regenerate it with: idenfy-cli completions {shell} > completions/{file}"
        );
        assert!(
            checked_in.contains("status") && checked_in.contains("base-url"),
            "{shell}"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("idenfy-cli: error: invalid value 'tcsh'"));
}

/// What is typed before Tab, and words the shell must offer then. `Exactly` lists every
/// word offered; `Includes` some of them; `IncludesNot` some of them, then some it must not
/// offer.
enum Offers {
    Exactly(&'static [&'static str]),
    Includes(&'static [&'static str]),
    IncludesNot(&'static [&'static str], &'static [&'static str]),
}

use Offers::{Exactly, Includes, IncludesNot};

const CASES: &[(&str, Offers)] = &[
    (
        "idenfy-cli ",
        Includes(&[
            "status",
            "data",
            "files",
            "case",
            "find",
            "explain",
            "webhook",
            "config",
            "completions",
            "man",
            "help",
        ]),
    ),
    ("idenfy-cli sta", Exactly(&["status"])),
    ("idenfy-cli webhook ", Includes(&["verify", "show", "diff"])),
    ("idenfy-cli config ", Includes(&["show", "path", "init"])),
    (
        "idenfy-cli status --",
        Includes(&[
            "--json", "--input", "--from", "--jobs", "--format", "--color",
        ]),
    ),
    ("idenfy-cli webhook verify --sig", Exactly(&["--signature"])),
    ("idenfy-cli files --down", Exactly(&["--download"])),
    ("idenfy-cli --color ", Exactly(&["auto", "always", "never"])),
    (
        "idenfy-cli status --format ",
        Exactly(&["table", "json", "markdown"]),
    ),
    (
        "idenfy-cli webhook diff --color ",
        Exactly(&["auto", "always", "never"]),
    ),
    // bash offers the options too, as it does at a subcommand's first word.
    (
        "idenfy-cli completions ",
        Includes(&["bash", "zsh", "fish", "powershell", "elvish"]),
    ),
    ("idenfy-cli completions z", Exactly(&["zsh"])),
    // Global options a command has no use for are not offered there.
    (
        "idenfy-cli explain --",
        IncludesNot(
            &["--list", "--json", "--color"],
            &[
                "--base-url",
                "--timeout",
                "--profile",
                "--config",
                "--verbose",
            ],
        ),
    ),
    (
        "idenfy-cli man --",
        IncludesNot(&["--color"], &["--json", "--redact", "--profile"]),
    ),
    (
        "idenfy-cli completions --",
        IncludesNot(
            &["--color"],
            &["--json", "--format", "--redact", "--base-url"],
        ),
    ),
    (
        "idenfy-cli webhook verify --",
        IncludesNot(&["--signature", "--profile"], &["--base-url", "--timeout"]),
    ),
    (
        "idenfy-cli help ",
        Includes(&["environment", "exit-codes", "status", "webhook"]),
    ),
    (
        "idenfy-cli help webhook ",
        Includes(&["verify", "show", "diff"]),
    ),
];

#[cfg(unix)] // drives the Unix shells
#[test]
fn bash_completes_at_every_level() {
    if !installed("bash") {
        return;
    }
    let env = TestEnv::new();
    for (line, offers) in CASES {
        let mut words: Vec<&str> = line.split(' ').collect();
        if words.last() == Some(&"") {
            words.pop();
            words.push("");
        }
        let output = run(shell("bash", &env)
            .args(["--norc", "--noprofile", "-c", BASH_DRIVER, "bash"])
            .arg(script("idenfy-cli.bash"))
            .args(&words));
        check("bash", line, offers, &output, |l| Some(l.to_string()));
    }
}

/// Sources the script, finds the function it registered for `idenfy-cli`, and calls it as
/// bash does on Tab: with COMP_WORDS, COMP_CWORD, the command, the word and the one before.
const BASH_DRIVER: &str = r#"
source "$1" || exit 97
shift
spec=$(complete -p idenfy-cli) || exit 98
function=${spec#*-F }
function=${function%% *}
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
"$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;

#[cfg(unix)] // drives the Unix shells
#[test]
fn zsh_completes_at_every_level() {
    if !installed("zsh") {
        return;
    }
    let env = TestEnv::new();
    let functions = env.path("functions");
    std::fs::create_dir_all(&functions).unwrap();
    std::fs::copy(script("_idenfy-cli"), functions.join("_idenfy-cli")).unwrap();
    let setup = env.write("setup.zsh", ZSH_SETUP, 0o644);
    for (line, offers) in CASES {
        let output = run(shell("zsh", &env)
            .args(["-f", "-c", ZSH_DRIVER, "zsh"])
            .arg(&setup)
            .arg(&functions)
            .arg(line));
        check("zsh", line, offers, &output, |l| {
            let (_, found) = l.split_once("MATCH:")?;
            Some(found.trim_end_matches('\r').to_string())
        });
    }
}

/// Completion in zsh needs its line editor, which runs only at a terminal: the driver starts
/// an interactive `zsh -f` on a pseudo-terminal of its own (zsh/zpty, no outer terminal
/// needed), has it source the setup, types the line and Tab, and prints the matches it
/// reports, until the completion is over.
const ZSH_DRIVER: &str = r#"
zmodload zsh/zpty || exit 97
zpty shell zsh -f -i || exit 98
zpty -w shell "source ${(q)1} ${(q)2}"
local line
while zpty -r shell line; do
  [[ $line == *READY-FOR-LINE* ]] && break
done
zpty -n -w shell "$3"$'\t'
while zpty -r shell line; do
  [[ $line == *END-OF-MATCHES* ]] && break
  [[ $line == *MATCH:* ]] && print -r -- "$line"
done
zpty -d shell
"#;

/// Inside the interactive zsh: the completion system with the script's folder first in
/// `$fpath`, and `compadd` (which every completion function calls to offer words) wrapped to
/// print each word it would offer for the word being completed. After the completion, the
/// shell says so and exits.
const ZSH_SETUP: &str = r#"
PS1='' RPS1=''
fpath=("$1" $fpath)
autoload -Uz compinit && compinit -u -D
compadd() {
  local -a offered
  builtin compadd -O offered "$@"
  local word
  for word in $offered; do print -r -- "MATCH:$word"; done
  builtin compadd "$@"
}
completion_done() { print -r -- END-OF-MATCHES; exit }
comppostfuncs=(completion_done)
print -r -- READY-FOR-LINE
"#;

#[cfg(unix)] // drives the Unix shells
#[test]
fn fish_completes_at_every_level() {
    if !installed("fish") {
        return;
    }
    let env = TestEnv::new();
    for (line, offers) in CASES {
        let output = run(shell("fish", &env)
            .args([
                "--no-config",
                "-c",
                "source $argv[1]; and complete -C $argv[2]",
            ])
            .arg(script("idenfy-cli.fish"))
            .arg(line));
        // Each line is a word, then a tab and its description.
        check("fish", line, offers, &output, |l| {
            Some(l.split('\t').next().unwrap_or_default().to_string())
        });
    }
}

fn script(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file)
}

/// Whether `name` can be run; when it cannot, says the test is skipped, or fails under CI.
fn installed(name: &str) -> bool {
    let found = Command::new(name)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is not installed, and CI must drive every shell (.ci/run installs it)"
        );
        eprintln!("skipped: {name} is not installed, so its completions were not driven");
    }
    found
}

/// The shell with a clean environment: no user configuration, HOME in the test's folder.
fn shell(name: &str, env: &TestEnv) -> Command {
    let mut command = Command::new(name);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .env("TERM", "dumb")
        .current_dir(env.dir.path())
        .stdin(Stdio::null());
    command
}

/// Runs a shell, killing it if it has not finished within a minute.
fn run(command: &mut Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the shell");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = out.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the shell") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the shell did not finish within a minute: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Asserts that the words read from the shell's output (`word` picks each from a line) are
/// what `offers` says.
fn check(
    shell: &str,
    line: &str,
    offers: &Offers,
    output: &Output,
    word: impl Fn(&str) -> Option<String>,
) {
    assert!(
        output.status.success(),
        "{shell}, `{line}`: exit {:?}\n{}",
        output.status.code(),
        stderr(output)
    );
    let mut offered: Vec<String> = stdout(output)
        .lines()
        .filter_map(word)
        .filter(|w| !w.is_empty())
        .collect();
    offered.sort();
    offered.dedup();
    let context = format!("{shell}, `{line}<Tab>` offered {offered:?}");
    let includes = |words: &[&str]| {
        for expected in words {
            assert!(
                offered.iter().any(|w| w == expected),
                "{expected}: {context}"
            );
        }
    };
    match offers {
        Exactly(words) => {
            let mut expected: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            expected.sort();
            assert_eq!(offered, expected, "{context}");
        }
        Includes(words) => includes(words),
        IncludesNot(words, not) => {
            includes(words);
            for unexpected in *not {
                assert!(
                    !offered.iter().any(|w| w == unexpected),
                    "{unexpected}: {context}"
                );
            }
        }
    }
}
