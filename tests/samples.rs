//! `samples`: a first look outside a checkout, with no credentials. Every sample the binary
//! carries is the file in `src/samples`, and the command its list names reads it.

use crate::common::*;

const SAMPLES: [(&str, &[&str]); 7] = [
    ("status-denied", &["status", "--input", "-"]),
    ("status-suspected", &["status", "--input", "-"]),
    ("status-approved", &["status", "--input", "-"]),
    ("data", &["data", "--input", "-"]),
    ("files", &["files", "--input", "-"]),
    ("webhook", &["webhook", "show"]),
    ("webhook-aml", &["webhook", "show"]),
];

#[test]
fn every_sample_prints_as_shipped_and_its_command_reads_it() {
    let env = TestEnv::new();
    let list = env.cmd().arg("samples").output().unwrap();
    assert!(list.status.success(), "{}", stderr(&list));
    for (name, reader) in SAMPLES {
        let line = stdout(&list)
            .lines()
            .find(|line| line.starts_with(name) && line[name.len()..].starts_with(' '))
            .unwrap_or_else(|| panic!("{name} is not listed:\n{}", stdout(&list)))
            .to_string();
        assert!(
            line.contains(&format!("idenfy-cli {}", reader.join(" "))),
            "{line}"
        );
        let out = env.cmd().args(["samples", name]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), fixture(&format!("{name}.json")));
        let read = env
            .cmd()
            .args(reader)
            .write_stdin(out.stdout)
            .output()
            .unwrap();
        assert!(
            read.status.code().is_some_and(|c| c <= 1),
            "{name}: {}",
            stderr(&read)
        );
        assert!(!stdout(&read).is_empty(), "{name}");
    }
}

#[test]
fn output_writes_a_file_and_keeps_an_existing_one_unless_forced() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["samples", "data", "-o", "data.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(env.path("data.json")).unwrap(),
        fixture("data.json")
    );
    std::fs::write(env.path("mine.json"), "my own notes").unwrap();
    let out = env
        .cmd()
        .args(["samples", "status-denied", "-o", "mine.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "idenfy-cli: error: -o mine.json: the file exists; nothing was written\n  hint: add --force to replace it, or choose another name\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.path("mine.json")).unwrap(),
        "my own notes"
    );
    let out = env
        .cmd()
        .args(["samples", "status-denied", "-o", "mine.json", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(env.path("mine.json")).unwrap(),
        fixture("status-denied.json")
    );
    let unknown = env.cmd().args(["samples", "nope"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}
