//! `--jq EXPR`: the filter runs inside the tool on the JSON a command prints, strings raw as
//! `jq -r` prints them; a filter that cannot run is exit 2 before anything is sent.

use httpmock::Method::POST;
use httpmock::MockServer;

use crate::common::*;

fn filtered(env: &TestEnv, sample: &str, command: &[&str], filter: &str) -> String {
    let body = fixture(&format!("{sample}.json"));
    let out = env
        .cmd()
        .args(command)
        .args(["--input", "-", "--jq", filter])
        .write_stdin(body)
        .output()
        .unwrap();
    assert!(out.status.success(), "{filter}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn filters_print_what_jq_prints_for_the_same_body() {
    let env = TestEnv::new();
    let cases: [(&str, &[&str], &str, &str); 4] = [
        ("status-denied", &["status"], ".status", "DENIED\n"),
        (
            "files",
            &["files"],
            ".fileUrls | keys[]",
            "BACK\nFACE\nFRONT\n",
        ),
        (
            "status-denied",
            &["status"],
            ".mismatchTags",
            "[\n  \"DATE_OF_BIRTH\",\n  \"NAME\"\n]\n",
        ),
        (
            "data",
            &["data"],
            ".docExpiry, .missing",
            "2025-06-30\nnull\n",
        ),
    ];
    for (sample, command, filter, expected) in cases {
        assert_eq!(
            filtered(&env, sample, command, filter),
            expected,
            "{filter}"
        );
        // The same as jq itself prints, where jq is installed.
        let Ok(jq) = std::process::Command::new("jq")
            .args(["-r", filter])
            .stdin(std::fs::File::open(fixture_path(&format!("{sample}.json"))).unwrap())
            .output()
        else {
            continue;
        };
        assert_eq!(stdout(&jq), expected, "jq -r {filter}");
    }
}

#[test]
fn a_filter_that_cannot_run_is_refused_before_any_call() {
    let server = MockServer::start();
    let call = server.mock(|when, then| {
        when.method(POST).path("/api/v2/status");
        then.status(200).body(fixture("status-denied.json"));
    });
    let env = TestEnv::new();
    for (filter, why) in [
        (".[", "expected closing bracket at the end"),
        ("nope(1)", "undefined filter `nope/1`"),
    ] {
        let out = env
            .api(&server.base_url())
            .args(["status", SCAN_REF, "--jq", filter])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).starts_with(&format!(
                "idenfy-cli: error: --jq: the filter cannot run: {why}"
            )),
            "{}",
            stderr(&out)
        );
    }
    call.assert_calls(0);
    // A filter that fails on the answer is exit 2 too, after the one call.
    let out = env
        .api(&server.base_url())
        .args(["status", SCAN_REF, "--jq", ".status | keys"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--jq: the filter failed: "),
        "{}",
        stderr(&out)
    );
    call.assert_calls(1);
}

#[test]
fn case_and_several_cases_go_through_the_filter_too() {
    let server = case_api(
        &fixture("status-denied.json"),
        &fixture("data.json"),
        &fixture("files.json"),
    );
    let env = TestEnv::new();
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "--jq", ".verdict.disposition"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "compliance-hold\n", "{}", stderr(&out));
    let out = env
        .api(&server.base_url())
        .args(["case", SCAN_REF, "second-ref-01", "--jq", ".scanRef"])
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        format!("{SCAN_REF}\nsecond-ref-01\n"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["webhook", "listen", "--port", "0", "--jq", ".scanRef"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
