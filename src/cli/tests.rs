//! Unit tests of the module above.

use std::path::PathBuf;

use super::*;
use clap::{Arg, CommandFactory};

use super::help::UNUSED_GLOBALS;

#[test]
fn definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn every_hidden_global_names_a_command_and_a_global_option() {
    let mut cmd = command();
    cmd.build();
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.get_id().to_string())
        .collect();
    for (path, unused) in UNUSED_GLOBALS {
        let mut sub = &cmd;
        for name in *path {
            sub = sub
                .find_subcommand(name)
                .unwrap_or_else(|| panic!("no command {path:?}"));
        }
        for id in *unused {
            assert!(globals.iter().any(|g| g == id), "{id} is not global");
            let arg = sub.get_arguments().find(|arg| arg.get_id() == id);
            assert!(arg.is_some_and(Arg::is_hide_set), "{path:?} {id}");
        }
    }
}

/// The options of each command, by path: visible ones in [`command`], all in
/// [`completion_command`]; both must be the same.
fn options_by_path(cmd: &clap::Command, path: String, visible: bool, out: &mut Vec<String>) {
    let mut ids: Vec<&str> = cmd
        .get_arguments()
        .filter(|arg| !visible || !arg.is_hide_set())
        .map(|arg| arg.get_id().as_str())
        .collect();
    ids.sort_unstable();
    out.push(format!("{path}: {}", ids.join(" ")));
    for sub in cmd.get_subcommands() {
        options_by_path(sub, format!("{path} {}", sub.get_name()), visible, out);
    }
}

#[test]
fn completions_offer_the_options_help_shows() {
    let (mut parsed, mut completed) = (command(), completion_command());
    parsed.build();
    completed.build();
    let (mut shown, mut offered) = (Vec::new(), Vec::new());
    options_by_path(&parsed, "idenfy-cli".into(), true, &mut shown);
    options_by_path(&completed, "idenfy-cli".into(), false, &mut offered);
    let real = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .filter(|l| !l.starts_with("idenfy-cli help "))
            .collect()
    };
    assert_eq!(real(shown), real(offered.clone()));
    let explain = offered
        .iter()
        .find(|l| l.starts_with("idenfy-cli explain:"));
    assert!(
        explain.is_some_and(|l| !l.contains("base_url")),
        "{explain:?}"
    );
}

#[test]
fn help_takes_a_command_path_or_a_topic() {
    let topic = |args: &[&str]| match parse_from(args).map(|cli| cli.command) {
        Ok(Command::Help(help)) => Some(help.topic),
        _ => None,
    };
    assert_eq!(topic(&["idenfy-cli", "help"]), Some(vec![]));
    assert_eq!(
        topic(&["idenfy-cli", "help", "webhook", "verify"]),
        Some(vec!["webhook".to_string(), "verify".to_string()])
    );
    assert_eq!(
        topic(&["idenfy-cli", "help", "exit-codes"]),
        Some(vec!["exit-codes".to_string()])
    );
    assert_eq!(topic(&["idenfy-cli", "help", "nothing"]), None);
    assert!(long_help(&["webhook", "verify"], false).is_some());
    assert!(long_help(&["webhook", "nothing"], false).is_none());
}

#[test]
fn global_flags_work_after_the_subcommand() {
    let cli = parse_from(["idenfy-cli", "status", "abc", "--json", "-v"]).unwrap();
    assert!(cli.global.json && cli.global.verbose);
}

#[test]
fn input_replaces_the_scan_ref() {
    let cli = parse_from(["idenfy-cli", "data", "--input", "-"]).unwrap();
    let Command::Data(args) = cli.command else {
        panic!("parsed as another command")
    };
    assert_eq!(args.input, Some(PathBuf::from("-")));
    assert!(parse_from(["idenfy-cli", "data"]).is_err());
    assert!(parse_from(["idenfy-cli", "data", "abc", "--input", "x"]).is_err());
}

#[test]
fn scan_refs_are_checked_before_anything_is_sent() {
    let parse = |r: &str| parse_from(["idenfy-cli", "status", r]).is_ok();
    assert!(parse("328c6766-934e-11ed-bb9b-025ad99a18e7"));
    assert!(parse("abc_DEF-123"));
    assert!(parse(&"a".repeat(40)));
    assert!(!parse(&"a".repeat(41)));
    assert!(!parse(""));
    assert!(!parse("a b"));
    assert!(!parse("../etc"));
    assert!(!parse("šcan"));
}

#[test]
fn download_takes_an_optional_dir() {
    let parse = |args: &[&str]| {
        let mut argv = vec!["idenfy-cli", "files", "abc"];
        argv.extend_from_slice(args);
        match parse_from(argv).map(|c| c.command) {
            Ok(Command::Files(files)) => Some(files.download),
            _ => None,
        }
    };
    let bare = parse(&["--download"]).unwrap();
    assert_eq!(bare.download, Some(None));
    assert_eq!(bare.jobs, 4);
    let full = parse(&[
        "--download",
        "out",
        "--only",
        "FRONT,face",
        "--force",
        "--jobs",
        "2",
    ])
    .unwrap();
    assert_eq!(full.download, Some(Some(PathBuf::from("out"))));
    assert_eq!(full.only, ["FRONT", "face"]);
    assert!(full.force);
    assert_eq!(parse(&[]).unwrap().download, None);
    assert!(
        parse(&["--only", "FRONT"]).is_none(),
        "--only needs --download"
    );
    assert!(parse(&["--download", "--jobs", "0"]).is_none());
}

#[test]
fn status_takes_several_scan_refs_or_a_list_from_a_file() {
    let parse = |args: &[&str]| {
        let argv = ["idenfy-cli", "status"].iter().chain(args);
        match parse_from(argv).map(|c| c.command) {
            Ok(Command::Status(status)) => Some(status),
            _ => None,
        }
    };
    let several = parse(&["a", "b", "c"]).unwrap();
    assert_eq!(several.scan_refs, ["a", "b", "c"]);
    assert_eq!((several.from, several.jobs), (None, 4));
    let listed = parse(&["--from", "refs.txt", "--jobs", "8"]).unwrap();
    assert_eq!(listed.from, Some(PathBuf::from("refs.txt")));
    assert!(listed.scan_refs.is_empty());
    assert_eq!(listed.jobs, 8);
    assert_eq!(parse(&["--from", "-"]).unwrap().from, Some("-".into()));
    assert_eq!(parse(&["--input", "-"]).unwrap().input, Some("-".into()));
    assert_eq!(parse(&["--jobs", "32", "a", "b"]).unwrap().jobs, 32);
    for bad in [
        &[][..],
        &["a", "--from", "refs.txt"],
        &["--input", "x", "--from", "refs.txt"],
        &["a", "--jobs", "0"],
        &["a", "--jobs", "33"],
        &["a", "b c"],
    ] {
        assert!(parse(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn case_takes_several_scan_refs_and_jobs_counts_cases_or_files() {
    let parse = |args: &[&str]| {
        let argv = ["idenfy-cli", "case"].iter().chain(args);
        match parse_from(argv).map(|c| c.command) {
            Ok(Command::Case(case)) => Some(case),
            _ => None,
        }
    };
    let several = parse(&["a", "b", "--jobs", "2"]).unwrap();
    assert_eq!(several.scan_refs, ["a", "b"]);
    assert_eq!(several.download.jobs, 2);
    let listed = parse(&["--from", "refs.txt"]).unwrap();
    assert_eq!(listed.from, Some(PathBuf::from("refs.txt")));
    assert_eq!(listed.download.jobs, 4);
    assert_eq!(parse(&["a", "--download"]).unwrap().scan_refs, ["a"]);
    assert!(parse(&[]).is_none());
    assert!(parse(&["a", "--from", "refs.txt"]).is_none());
    assert!(
        parse(&["a", "--force"]).is_none(),
        "--force needs --download or --save"
    );
    let help = Cli::command()
        .find_subcommand_mut("case")
        .unwrap()
        .render_long_help()
        .to_string();
    assert!(
        help.contains("How many scanRefs to look up at once"),
        "{help}"
    );
}

#[test]
fn case_save_takes_an_optional_dir_and_input_takes_a_case_file() {
    let parse = |args: &[&str]| {
        let argv = ["idenfy-cli", "case"].iter().chain(args);
        match Cli::try_parse_from(argv).map(|c| c.command) {
            Ok(Command::Case(case)) => Some(case),
            _ => None,
        }
    };
    assert_eq!(parse(&["a", "--save"]).unwrap().save, Some(None));
    let dir = Some(Some(PathBuf::from("out")));
    assert_eq!(parse(&["a", "--save", "out"]).unwrap().save, dir);
    assert_eq!(parse(&["a", "--save=out"]).unwrap().save, dir);
    let forced = parse(&["a", "--save", "--force", "--jobs", "5"]).unwrap();
    assert!(forced.download.force);
    assert_eq!(forced.download.jobs, 5);
    assert!(
        parse(&["a", "--download", "--force"])
            .unwrap()
            .download
            .force
    );
    let only = parse(&["a", "--save", "--only", "FRONT,face"]).unwrap();
    assert_eq!(only.download.only, ["FRONT", "face"]);
    let input = parse(&["--input", "case-dir"]).unwrap();
    assert_eq!(input.input, Some(PathBuf::from("case-dir")));
    assert!(input.scan_refs.is_empty());
    for bad in [
        &["a", "--save", "--download"][..],
        &["a", "--input", "x"],
        &["--input", "x", "--save"],
        &["--input", "x", "--from", "refs.txt"],
        &["--input", "x", "--download"],
        &["a", "--only", "FRONT"],
    ] {
        assert!(parse(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn timeout_must_be_positive_seconds() {
    assert!(parse_from(["idenfy-cli", "--timeout", "0", "status", "a"]).is_err());
    assert!(parse_from(["idenfy-cli", "--timeout", "x", "status", "a"]).is_err());
    let cli = parse_from(["idenfy-cli", "--timeout", "2.5", "status", "a"]).unwrap();
    assert_eq!(cli.global.timeout, Some(2.5));
}

// The completion scripts of the real command line.

#[test]
fn bash_registers_its_function_for_the_program() {
    let script = crate::help::completions::script(clap_complete::Shell::Bash, Cli::command());
    let registrations: Vec<&str> = script
        .lines()
        .filter(|l| l.trim_start().starts_with("complete "))
        .collect();
    assert!(!registrations.is_empty(), "{script}");
    for line in registrations {
        assert!(line.starts_with("    complete -F _idenfy_cli "), "{line}");
        assert!(line.ends_with(" idenfy-cli"), "{line}");
    }
    assert!(!script.contains("__subcmd__cli"), "names spelt two ways");
}

#[test]
fn fish_reads_the_words_again_without_an_option_waiting_for_its_value() {
    let script = crate::help::completions::script(clap_complete::Shell::Fish, Cli::command());
    assert!(
        script.contains(crate::help::completions::FISH_READ_WORDS),
        "clap_complete changed"
    );
    assert!(script.contains("-- $cmd[1..-2] 2>/dev/null\n    or return\n"));
    assert!(script.contains(
        "complete -c idenfy-cli -n \"__fish_idenfy_cli_using_subcommand completions\" -f -a \"bash "
    ));
}
