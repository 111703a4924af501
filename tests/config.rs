//! Settings resolution and the config file, seen from outside: precedence of flags, environment,
//! profile and defaults; profile choice; config file errors and permission warning;
//! `api_secret_command`; the base URL safety check; and the `config show|path|init` commands.

use crate::common::*;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use httpmock::{Mock, MockServer};
use serde_json::Value;

/// Credentials kept in a profile, distinct from the environment's [`KEY`] / [`SECRET`].
const PROFILE_KEY: &str = "profile-key-0002";
const PROFILE_SECRET: &str = "profile-secret-0002";
/// `printf %s 'profile-key-0002:profile-secret-0002' | base64`
const PROFILE_AUTH: &str = "Basic cHJvZmlsZS1rZXktMDAwMjpwcm9maWxlLXNlY3JldC0wMDAy";
/// `printf %s 'test-api-key-0001:profile-secret-0002' | base64`: the environment's key with
/// the profile's secret.
const ENV_KEY_PROFILE_SECRET_AUTH: &str =
    "Basic dGVzdC1hcGkta2V5LTAwMDE6cHJvZmlsZS1zZWNyZXQtMDAwMg==";
/// The secret an `api_secret_command` prints (padded with blanks, which are trimmed).
const COMMAND_SECRET: &str = "cmd-secret-0003";
/// `printf %s 'test-api-key-0001:cmd-secret-0003' | base64`
const COMMAND_AUTH: &str = "Basic dGVzdC1hcGkta2V5LTAwMDE6Y21kLXNlY3JldC0wMDAz";

// ---------------------------------------------------------------------------------------------
// Helpers

/// Answers every request whatever it carries, so that any request at all is counted; for
/// servers that must not be contacted.
fn catch_all(server: &MockServer) -> Mock<'_> {
    server.mock(|_when, then| {
        then.status(200)
            .header("content-type", "application/json")
            .body(fixture("status-approved.json"));
    })
}

/// Writes the config file at the default path (`$XDG_CONFIG_HOME/idenfy-cli/config.toml`)
/// with mode 0600.
fn write_config(env: &TestEnv, text: &str) -> PathBuf {
    env.write("xdg/idenfy-cli/config.toml", text, 0o600)
}

fn run(cmd: &mut assert_cmd::Command) -> Output {
    cmd.output().expect("run idenfy-cli")
}

fn first_line(output: &Output) -> String {
    stderr(output).lines().next().unwrap_or("").to_string()
}

/// Exit 0 and an approved status on stdout.
fn assert_approved(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
    assert!(stdout(output).contains("APPROVED"), "{}", stdout(output));
}

/// Exit 3, the error's first line exactly as given, and only `  hint: ` lines after it.
fn assert_config_error(output: &Output, expected_first_line: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(3), "stderr:\n{err}");
    assert_eq!(first_line(output), expected_first_line, "stderr:\n{err}");
    for line in err.lines().skip(1) {
        assert!(
            line.starts_with("  hint: "),
            "not a hint line: {line:?}\n{err}"
        );
    }
    assert!(stdout(output).is_empty(), "stdout:\n{}", stdout(output));
}

/// `config show --json` parsed.
fn show_json(cmd: &mut assert_cmd::Command) -> Value {
    let output = run(cmd.args(["config", "show", "--json"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("config show --json prints JSON")
}

/// The value and source `config show --json` reports for one setting.
fn setting(json: &Value, name: &str) -> (Value, Value) {
    let entry = &json[name];
    assert!(entry.is_object(), "no setting {name} in {json:#}");
    (entry["value"].clone(), entry["source"].clone())
}

/// One row of the `config show` table, as its cells (split on runs of two or more spaces).
fn table_row(table: &str, name: &str) -> Vec<String> {
    table
        .lines()
        .map(|line| {
            line.split("  ")
                .map(str::trim)
                .filter(|cell| !cell.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .find(|cells| cells.first().map(String::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no row {name} in:\n{table}"))
}

/// A config file whose profiles each point at their own base URL.
fn profiles_with_urls(default_profile: Option<&str>, profiles: &[(&str, String)]) -> String {
    let mut text = String::new();
    if let Some(name) = default_profile {
        text.push_str(&format!("default_profile = \"{name}\"\n"));
    }
    for (name, url) in profiles {
        text.push_str(&format!("\n[profiles.{name}]\nbase_url = \"{url}\"\n"));
    }
    text
}

/// `TestEnv::cmd` with the environment's credentials but no base URL.
fn with_env_credentials(env: &TestEnv) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET);
    cmd
}

/// Every window of `len` characters of `secret` that occurs in `text`.
fn leaked_pieces(text: &str, secret: &str, len: usize) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars
        .windows(len)
        .map(|w| w.iter().collect::<String>())
        .filter(|piece| text.contains(piece.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Precedence, field by field: flag > environment > profile > default

#[test]
fn base_url_flag_beats_env_and_profile() {
    let env = TestEnv::new();
    let (flag_server, env_server, profile_server) = (
        MockServer::start(),
        MockServer::start(),
        MockServer::start(),
    );
    let winner = status_mock(&flag_server, BASIC_AUTH);
    let env_loser = catch_all(&env_server);
    let profile_loser = catch_all(&profile_server);
    write_config(
        &env,
        &profiles_with_urls(None, &[("default", profile_server.base_url())]),
    );

    let output = run(env.api(&env_server.base_url()).args([
        "--base-url",
        &flag_server.base_url(),
        "status",
        SCAN_REF,
    ]));

    assert_approved(&output);
    winner.assert_calls(1);
    assert_eq!(env_loser.calls(), 0, "IDENFY_BASE_URL was used");
    assert_eq!(profile_loser.calls(), 0, "the profile's base_url was used");
}

#[test]
fn base_url_env_beats_profile() {
    let env = TestEnv::new();
    let (env_server, profile_server) = (MockServer::start(), MockServer::start());
    let winner = status_mock(&env_server, BASIC_AUTH);
    let profile_loser = catch_all(&profile_server);
    write_config(
        &env,
        &profiles_with_urls(None, &[("default", profile_server.base_url())]),
    );

    let output = run(env.api(&env_server.base_url()).args(["status", SCAN_REF]));

    assert_approved(&output);
    winner.assert_calls(1);
    assert_eq!(profile_loser.calls(), 0, "the profile's base_url was used");
}

#[test]
fn base_url_from_profile_is_used_without_flag_or_env() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let winner = status_mock(&server, BASIC_AUTH);
    write_config(
        &env,
        &profiles_with_urls(None, &[("default", server.base_url())]),
    );

    let output = run(with_env_credentials(&env).args(["status", SCAN_REF]));

    assert_approved(&output);
    winner.assert_calls(1);
}

#[test]
fn base_url_defaults_to_the_production_api() {
    let env = TestEnv::new();
    let json = show_json(&mut env.cmd());
    assert_eq!(
        setting(&json, "base_url"),
        ("https://ivs.idenfy.com".into(), "default".into())
    );
}

#[test]
fn profile_flag_beats_env_and_default_profile() {
    let env = TestEnv::new();
    let servers: Vec<MockServer> = (0..4).map(|_| MockServer::start()).collect();
    let mocks: Vec<Mock> = servers.iter().map(catch_all).collect();
    write_config(
        &env,
        &profiles_with_urls(
            Some("fromfile"),
            &[
                ("fromflag", servers[0].base_url()),
                ("fromenv", servers[1].base_url()),
                ("fromfile", servers[2].base_url()),
                ("default", servers[3].base_url()),
            ],
        ),
    );

    let output = run(with_env_credentials(&env)
        .env("IDENFY_PROFILE", "fromenv")
        .args(["-p", "fromflag", "status", SCAN_REF]));

    assert_approved(&output);
    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(
        calls,
        [1, 0, 0, 0],
        "calls to fromflag, fromenv, fromfile, default"
    );
}

#[test]
fn profile_env_beats_default_profile() {
    let env = TestEnv::new();
    let servers: Vec<MockServer> = (0..3).map(|_| MockServer::start()).collect();
    let mocks: Vec<Mock> = servers.iter().map(catch_all).collect();
    write_config(
        &env,
        &profiles_with_urls(
            Some("fromfile"),
            &[
                ("fromenv", servers[0].base_url()),
                ("fromfile", servers[1].base_url()),
                ("default", servers[2].base_url()),
            ],
        ),
    );

    let output = run(with_env_credentials(&env)
        .env("IDENFY_PROFILE", "fromenv")
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(calls, [1, 0, 0], "calls to fromenv, fromfile, default");
}

#[test]
fn default_profile_in_the_file_beats_the_implicit_default() {
    let env = TestEnv::new();
    let servers: Vec<MockServer> = (0..2).map(|_| MockServer::start()).collect();
    let mocks: Vec<Mock> = servers.iter().map(catch_all).collect();
    write_config(
        &env,
        &profiles_with_urls(
            Some("fromfile"),
            &[
                ("fromfile", servers[0].base_url()),
                ("default", servers[1].base_url()),
            ],
        ),
    );

    let output = run(with_env_credentials(&env).args(["status", SCAN_REF]));

    assert_approved(&output);
    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(calls, [1, 0], "calls to fromfile, default");
}

#[test]
fn profile_named_default_is_used_when_nothing_names_one() {
    let env = TestEnv::new();
    let servers: Vec<MockServer> = (0..2).map(|_| MockServer::start()).collect();
    let mocks: Vec<Mock> = servers.iter().map(catch_all).collect();
    write_config(
        &env,
        &profiles_with_urls(
            None,
            &[
                ("other", servers[0].base_url()),
                ("default", servers[1].base_url()),
            ],
        ),
    );

    let output = run(with_env_credentials(&env).args(["status", SCAN_REF]));

    assert_approved(&output);
    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(calls, [0, 1], "calls to other, default");
}

#[test]
fn profile_choice_is_reported_with_its_source() {
    let env = TestEnv::new();
    let path = write_config(
        &env,
        "default_profile = \"fromfile\"\n[profiles.fromflag]\n[profiles.fromenv]\n[profiles.fromfile]\n",
    );
    let cases: [(&[&str], Option<&str>, &str, String); 3] = [
        (
            &["-p", "fromflag"],
            Some("fromenv"),
            "fromflag",
            "flag --profile".into(),
        ),
        (&[], Some("fromenv"), "fromenv", "env IDENFY_PROFILE".into()),
        (
            &[],
            None,
            "fromfile",
            format!("config file {}", path.display()),
        ),
    ];
    for (args, env_profile, name, source) in cases {
        let mut cmd = env.cmd();
        cmd.args(args);
        if let Some(profile) = env_profile {
            cmd.env("IDENFY_PROFILE", profile);
        }
        let json = show_json(&mut cmd);
        assert_eq!(setting(&json, "profile"), (name.into(), source.into()));
    }
    fs::remove_file(&path).unwrap();
    let json = show_json(&mut env.cmd());
    assert_eq!(
        setting(&json, "profile"),
        ("default (not in the file)".into(), "default".into())
    );
}

#[test]
fn env_credentials_beat_the_profiles() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let env_auth = status_mock(&server, BASIC_AUTH);
    let profile_auth = status_mock(&server, PROFILE_AUTH);
    write_config(
        &env,
        &format!(
            "[profiles.default]\napi_key = \"{PROFILE_KEY}\"\napi_secret = \"{PROFILE_SECRET}\"\n"
        ),
    );

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_approved(&output);
    env_auth.assert_calls(1);
    assert_eq!(
        profile_auth.calls(),
        0,
        "the profile's credentials were sent"
    );
}

#[test]
fn profile_credentials_are_used_without_env_credentials() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let profile_auth = status_mock(&server, PROFILE_AUTH);
    write_config(
        &env,
        &format!(
            "[profiles.default]\napi_key = \"{PROFILE_KEY}\"\napi_secret = \"{PROFILE_SECRET}\"\n"
        ),
    );

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    profile_auth.assert_calls(1);
}

#[test]
fn env_api_key_alone_overrides_only_the_key() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mixed = status_mock(&server, ENV_KEY_PROFILE_SECRET_AUTH);
    let profile_auth = status_mock(&server, PROFILE_AUTH);
    write_config(
        &env,
        &format!(
            "[profiles.default]\napi_key = \"{PROFILE_KEY}\"\napi_secret = \"{PROFILE_SECRET}\"\n"
        ),
    );

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .env("IDENFY_API_KEY", KEY)
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    mixed.assert_calls(1);
    assert_eq!(profile_auth.calls(), 0);
}

#[test]
fn timeout_flag_beats_env_and_profile() {
    let env = TestEnv::new();
    write_config(&env, "[profiles.default]\ntimeout = 12\n");
    let json = show_json(
        env.cmd()
            .env("IDENFY_TIMEOUT", "7")
            .args(["--timeout", "5"]),
    );
    assert_eq!(
        setting(&json, "timeout"),
        ("5 s".into(), "flag --timeout".into())
    );
}

#[test]
fn timeout_env_beats_profile() {
    let env = TestEnv::new();
    write_config(&env, "[profiles.default]\ntimeout = 12\n");
    let json = show_json(env.cmd().env("IDENFY_TIMEOUT", "7"));
    assert_eq!(
        setting(&json, "timeout"),
        ("7 s".into(), "env IDENFY_TIMEOUT".into())
    );
}

#[test]
fn timeout_from_profile_beats_default() {
    let env = TestEnv::new();
    write_config(&env, "[profiles.default]\ntimeout = 2.5\n");
    let json = show_json(&mut env.cmd());
    assert_eq!(
        setting(&json, "timeout"),
        ("2.5 s".into(), "profile default".into())
    );
}

#[test]
fn timeout_defaults_to_30_seconds() {
    let env = TestEnv::new();
    write_config(&env, "[profiles.default]\n");
    let json = show_json(&mut env.cmd());
    assert_eq!(setting(&json, "timeout"), ("30 s".into(), "default".into()));
}

// ---------------------------------------------------------------------------------------------
// 2. Choosing the profile

#[test]
fn default_profile_picks_that_profiles_credentials() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let sandbox = status_mock(&server, PROFILE_AUTH);
    let production = status_mock(&server, BASIC_AUTH);
    write_config(
        &env,
        &format!(
            "default_profile = \"sandbox\"\n\
             [profiles.production]\napi_key = \"{KEY}\"\napi_secret = \"{SECRET}\"\n\
             [profiles.sandbox]\napi_key = \"{PROFILE_KEY}\"\napi_secret = \"{PROFILE_SECRET}\"\n"
        ),
    );

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    sandbox.assert_calls(1);
    assert_eq!(production.calls(), 0);
}

#[test]
fn missing_profile_named_by_flag_is_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = write_config(&env, "[profiles.production]\n[profiles.sandbox]\n");

    let output = run(env
        .api(&server.base_url())
        .args(["-p", "nope", "status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: profile `nope` (from flag --profile) is not in {}",
            path.display()
        ),
    );
    assert!(
        stderr(&output).contains("  hint: profiles defined there: production, sandbox"),
        "{}",
        stderr(&output)
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn missing_profile_named_by_env_is_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = write_config(&env, "[profiles.production]\n");

    let output = run(env
        .api(&server.base_url())
        .env("IDENFY_PROFILE", "nope")
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: profile `nope` (from env IDENFY_PROFILE) is not in {}",
            path.display()
        ),
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn missing_profile_named_by_default_profile_is_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = write_config(&env, "default_profile = \"nope\"\n[profiles.production]\n");

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: profile `nope` (from config file {}) is not in {}",
            path.display(),
            path.display()
        ),
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn missing_implicit_default_profile_is_fine_with_env_credentials() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);
    write_config(&env, "[profiles.production]\napi_key = \"unused\"\n");

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_approved(&output);
    mock.assert_calls(1);
}

#[test]
fn no_config_file_at_all_is_fine_with_env_credentials() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_approved(&output);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    mock.assert_calls(1);
}

// ---------------------------------------------------------------------------------------------
// 3. Invalid config files

#[test]
fn unknown_key_is_a_config_error_naming_the_key_and_its_line() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = write_config(
        &env,
        "[profiles.default]\napi_key = \"k\"\napikey = \"x\"\n",
    );

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {}: line 3: unknown key `apikey`, expected one of \
             `api_key`, `api_secret`, `api_secret_command`, `base_url`, `timeout`, `webhook_signing_key`, \
             `ca_file`",
            path.display()
        ),
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn unknown_top_level_key_is_a_config_error_naming_the_key_and_its_line() {
    let env = TestEnv::new();
    let path = write_config(&env, "# comment\n\ndefault_profil = \"a\"\n");

    let output = run(env.cmd().args(["config", "show"]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {}: line 3: unknown key `default_profil`, \
             expected `default_profile` or `profiles`",
            path.display()
        ),
    );
}

#[test]
fn toml_syntax_error_is_a_config_error_naming_its_line() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = write_config(&env, "default_profile = \"a\"\n[profiles.a\n");

    let output = run(env.api(&server.base_url()).args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {}: line 2: unclosed table, expected `]`",
            path.display()
        ),
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn badly_typed_secret_is_not_echoed() {
    let env = TestEnv::new();
    let path = write_config(
        &env,
        "[profiles.default]\napi_key = \"k\"\napi_secret = 918273645\n",
    );

    let output = run(env.cmd().args(["config", "show"]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {}: line 3: `api_secret` must be a quoted string, not integer",
            path.display()
        ),
    );
    assert!(
        !stderr(&output).contains("918273645"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn badly_typed_secret_is_not_echoed_whatever_the_key_syntax() {
    let texts = [
        "profiles.default.api_secret = 918273645\n",
        "[profiles.default]\n\"api_secret\" = 918273645\n",
        "[profiles]\ndefault = { api_key = \"k\", api_secret = 918273645 }\n",
        "[profiles.default]\nwebhook_signing_key = 918273645\n",
    ];
    for text in texts {
        let env = TestEnv::new();
        write_config(&env, text);
        let output = run(env.cmd().args(["config", "show"]));
        assert_eq!(output.status.code(), Some(3), "{text}");
        assert!(
            !stderr(&output).contains("918273645"),
            "the value was echoed for\n{text}\n{}",
            stderr(&output)
        );
    }
}

#[test]
fn duplicated_secret_key_is_reported_as_a_duplicate() {
    let env = TestEnv::new();
    let path = write_config(
        &env,
        "[profiles.default]\napi_secret = \"first-secret\"\napi_secret = \"second-secret\"\n",
    );

    let output = run(env.cmd().args(["config", "show"]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {}: line 3: duplicate key",
            path.display()
        ),
    );
    assert!(!stderr(&output).contains("secret\""), "{}", stderr(&output));
}

// ---------------------------------------------------------------------------------------------
// 4. The permission warning

fn secret_config(env: &TestEnv, mode: u32) -> PathBuf {
    let path = write_config(
        env,
        &format!("[profiles.default]\napi_key = \"{KEY}\"\napi_secret = \"{SECRET}\"\n"),
    );
    set_mode(&path, mode);
    path
}

#[cfg(unix)] // Unix file modes and owners
#[test]
fn config_file_with_a_secret_readable_by_others_draws_a_warning() {
    for mode in [0o644, 0o640, 0o604] {
        let env = TestEnv::new();
        let server = MockServer::start();
        let mock = status_mock(&server, BASIC_AUTH);
        let path = secret_config(&env, mode);

        let output = run(env
            .cmd()
            .env("IDENFY_BASE_URL", server.base_url())
            .args(["status", SCAN_REF]));

        assert_approved(&output);
        mock.assert_calls(1);
        assert_eq!(
            stderr(&output),
            format!(
                "idenfy-cli: warning: config file {} holds a secret and can be read by others \
                 (mode {mode:04o}); run: chmod 600 {}\n",
                path.display(),
                path.display()
            )
        );
    }
}

#[test]
fn private_config_file_draws_no_warning() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);
    secret_config(&env, 0o600);

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    mock.assert_calls(1);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn quiet_suppresses_the_permission_warning() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);
    secret_config(&env, 0o644);

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["--quiet", "status", SCAN_REF]));

    assert_approved(&output);
    mock.assert_calls(1);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

/// A config file others could change is refused as ssh refuses its own, before its
/// `api_secret_command` can run: that command would run as you.
#[cfg(unix)] // Unix file modes and owners
#[test]
fn a_config_file_others_control_is_refused_before_its_command_runs() {
    let env = TestEnv::new();
    let marker = env.path("ran");
    let command = format!("touch {} && echo s3cret", marker.display());
    let config_text =
        format!("[profiles.default]\napi_key = \"{KEY}\"\napi_secret_command = \"{command}\"\n");
    let refused = |config: &Path| {
        let out = run(env
            .cmd()
            .env("IDENFY_CONFIG", config)
            .env("IDENFY_BASE_URL", "http://127.0.0.1:9")
            .args(["status", SCAN_REF]));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(!marker.exists(), "the command ran");
        first_line(&out)
    };
    // Writable by the group.
    let writable = env.write("a/config.toml", &config_text, 0o620);
    set_mode(&env.path("a"), 0o700);
    assert_eq!(
        refused(&writable),
        format!(
            "idenfy-cli: error: config file {} can be changed by group or others (mode 0620); refused",
            writable.display()
        )
    );
    // In a folder anyone can write to, without the sticky bit.
    let open = env.write("open/config.toml", &config_text, 0o600);
    set_mode(&env.path("open"), 0o777);
    assert!(
        refused(&open).contains("which anyone can write to (mode 0777, no sticky bit)"),
        "{}",
        refused(&open)
    );
    // Owned by another user: only root can hand a file to another user, so only then.
    let theirs = env.write("b/config.toml", &config_text, 0o600);
    let given = std::process::Command::new("chown")
        .args(["65534", &theirs.display().to_string()])
        .status()
        .is_ok_and(|s| s.success());
    if given {
        assert!(
            refused(&theirs).contains("belongs to another user (uid 65534); refused"),
            "{}",
            refused(&theirs)
        );
    } else {
        eprintln!("skipped the other owner: chown needs root");
    }
    // The open folder with the sticky bit (as /tmp has it) passes: the command runs.
    set_mode(&env.path("open"), 0o1777);
    let out = run(env
        .cmd()
        .env("IDENFY_CONFIG", &open)
        .env("IDENFY_BASE_URL", "http://127.0.0.1:9")
        .args(["status", SCAN_REF]));
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(marker.exists());
}

// ---------------------------------------------------------------------------------------------
// 5. api_secret_command

fn command_config(env: &TestEnv, command: &str) -> PathBuf {
    let command = command.replace('\\', "\\\\").replace('"', "\\\"");
    write_config(
        env,
        &format!("[profiles.default]\napi_key = \"{KEY}\"\napi_secret_command = \"{command}\"\n"),
    )
}

/// The command runs through the platform's shell (`sh -c`, `cmd /C`): `echo` works in both.
#[test]
fn api_secret_command_runs_through_the_platforms_shell() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, COMMAND_AUTH);
    command_config(&env, &format!("echo {COMMAND_SECRET}"));
    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));
    assert_approved(&output);
    mock.assert_calls(1);
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_trimmed_stdout_is_the_secret() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, COMMAND_AUTH);
    command_config(&env, &format!("printf '  {COMMAND_SECRET} \\n\\n'"));

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    mock.assert_calls(1);
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_gives_its_first_line_only() {
    // `pass show` prints the password, then a login and recovery codes.
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, COMMAND_AUTH);
    command_config(
        &env,
        &format!("printf '{COMMAND_SECRET}\\nlogin: support@example.invalid\\nrecovery: 1234\\n'"),
    );
    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));
    assert_approved(&output);
    mock.assert_calls(1);
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn failing_api_secret_command_is_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    command_config(&env, "exit 1");

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        "idenfy-cli: error: api_secret_command of profile `default` failed (exit status: 1)",
    );
    assert_eq!(any.calls(), 0);
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_command_printing_nothing_is_a_config_error() {
    for command in ["true", "printf '  \\n'"] {
        let env = TestEnv::new();
        let server = MockServer::start();
        let any = catch_all(&server);
        command_config(&env, command);

        let output = run(env
            .cmd()
            .env("IDENFY_BASE_URL", server.base_url())
            .args(["status", SCAN_REF]));

        assert_config_error(
            &output,
            "idenfy-cli: error: api_secret_command of profile `default` printed nothing",
        );
        assert_eq!(any.calls(), 0, "{command}");
    }
}

#[test]
fn api_secret_command_is_not_run_when_env_secret_is_set() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);
    let marker = env.path("command-ran");
    command_config(&env, &format!("touch '{}'; echo x", marker.display()));

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .env("IDENFY_API_SECRET", SECRET)
        .args(["status", SCAN_REF]));

    assert_approved(&output);
    mock.assert_calls(1);
    assert!(!marker.exists(), "api_secret_command ran");
}

#[cfg(unix)] // the commands are sh scripts
#[test]
fn api_secret_and_api_secret_command_together_are_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let marker = env.path("command-ran");
    write_config(
        &env,
        &format!(
            "[profiles.default]\napi_key = \"{KEY}\"\napi_secret = \"{SECRET}\"\n\
             api_secret_command = \"touch '{}'; echo x\"\n",
            marker.display()
        ),
    );

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        "idenfy-cli: error: profile `default` sets both api_secret and api_secret_command",
    );
    assert_eq!(any.calls(), 0);
    assert!(!marker.exists(), "api_secret_command ran");
}

// ---------------------------------------------------------------------------------------------
// 6. No credentials

#[test]
fn no_credentials_at_all_is_a_config_error_and_sends_nothing() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", server.base_url())
        .args(["status", SCAN_REF]));

    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("idenfy-cli: error: no API credentials"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
    assert_eq!(any.calls(), 0);
}

/// Runs `status` with the config file `file` (if any) and one credential `var` in the
/// environment (if any): a config error, and nothing sent.
fn assert_incomplete_credentials_refused(
    file: Option<&str>,
    var: Option<(&str, &str)>,
    says: &str,
) {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    if let Some(text) = file {
        write_config(&env, text);
    }
    let mut cmd = env.cmd();
    cmd.env("IDENFY_BASE_URL", server.base_url());
    if let Some((name, value)) = var {
        cmd.env(name, value);
    }

    let output = run(cmd.args(["status", SCAN_REF]));

    assert_eq!(output.status.code(), Some(3), "{file:?} {var:?}");
    let err = stderr(&output);
    let first = err
        .lines()
        .next()
        .unwrap_or_default()
        .replace(&env.default_config().display().to_string(), "CONFIG");
    assert_eq!(
        first,
        format!("idenfy-cli: error: {says}"),
        "{file:?} {var:?}"
    );
    assert_eq!(any.calls(), 0, "{file:?} {var:?}");
}

#[test]
fn half_of_the_credentials_is_a_config_error_and_sends_nothing() {
    assert_incomplete_credentials_refused(
        None,
        Some(("IDENFY_API_KEY", KEY)),
        "no API secret: the API key comes from env IDENFY_API_KEY, but IDENFY_API_SECRET is unset, the system keyring was not read (IDENFY_NO_KEYRING is set), and there is no config file at CONFIG",
    );
    assert_incomplete_credentials_refused(
        None,
        Some(("IDENFY_API_SECRET", SECRET)),
        "no API key: the API secret comes from env IDENFY_API_SECRET, but IDENFY_API_KEY is unset, the system keyring was not read (IDENFY_NO_KEYRING is set), and there is no config file at CONFIG",
    );
    assert_incomplete_credentials_refused(
        Some("[profiles.default]\napi_key = \"k\"\n"),
        None,
        "no API secret: the API key comes from profile default, but IDENFY_API_SECRET is unset, the system keyring was not read (IDENFY_NO_KEYRING is set), and profile `default` has no api_secret or api_secret_command",
    );
    assert_incomplete_credentials_refused(
        Some("[profiles.default]\napi_secret = \"s\"\n"),
        None,
        "no API key: the API secret comes from profile default, but IDENFY_API_KEY is unset, the system keyring was not read (IDENFY_NO_KEYRING is set), and profile `default` has no api_key",
    );
}

// ---------------------------------------------------------------------------------------------
// 7. Plain http only to loopback

#[test]
fn plain_http_base_url_that_is_not_loopback_is_refused_before_connecting() {
    for url in [
        "http://example.com",
        "http://10.1.2.3:8080",
        "http://127.0.0.1.example.com",
    ] {
        let env = TestEnv::new();
        // With -v every attempted exchange is traced, even a failed one; the error being
        // followed only by hints shows that no request was attempted.
        let output = run(env.api(url).args(["-v", "status", SCAN_REF]));
        assert_config_error(
            &output,
            &format!(
                "idenfy-cli: error: base URL {url} (from env IDENFY_BASE_URL) is plain http; \
                 credentials are sent over http only to loopback addresses"
            ),
        );
    }
}

#[test]
fn plain_http_refusal_names_where_the_url_came_from() {
    let env = TestEnv::new();
    let output = run(with_env_credentials(&env).args([
        "--base-url",
        "http://10.1.2.3:8080",
        "status",
        SCAN_REF,
    ]));
    assert_config_error(
        &output,
        "idenfy-cli: error: base URL http://10.1.2.3:8080 (from flag --base-url) is plain http; \
         credentials are sent over http only to loopback addresses",
    );

    write_config(
        &env,
        "[profiles.default]\nbase_url = \"http://example.com\"\n",
    );
    let output = run(with_env_credentials(&env).args(["status", SCAN_REF]));
    assert_config_error(
        &output,
        "idenfy-cli: error: base URL http://example.com (from profile default) is plain http; \
         credentials are sent over http only to loopback addresses",
    );
}

#[test]
fn plain_http_to_127_0_0_1_and_localhost_is_accepted() {
    let server = MockServer::start();
    let mock = status_mock(&server, BASIC_AUTH);
    for url in [
        format!("http://127.0.0.1:{}", server.port()),
        format!("http://localhost:{}", server.port()),
    ] {
        let env = TestEnv::new();
        let output = run(env.api(&url).args(["status", SCAN_REF]));
        assert_approved(&output);
    }
    mock.assert_calls(2);
}

// ---------------------------------------------------------------------------------------------
// 8. config show

const WEBHOOK_KEY: &str = "whk-Q7zV-8812-xLpw";

fn full_profile(env: &TestEnv) -> PathBuf {
    write_config(
        env,
        &format!(
            "[profiles.default]\napi_key = \"{KEY}\"\napi_secret = \"{SECRET}\"\n\
             timeout = 12\nwebhook_signing_key = \"{WEBHOOK_KEY}\"\n"
        ),
    )
}

#[test]
fn config_show_lists_each_setting_with_its_source() {
    let env = TestEnv::new();
    let path = full_profile(&env);

    let output = run(env
        .cmd()
        .env("IDENFY_BASE_URL", "https://sandbox.example")
        .args(["--timeout", "9", "config", "show"]));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    assert_eq!(
        table_row(&table, "config file"),
        [
            "config file".to_string(),
            path.display().to_string(),
            "default".into()
        ]
    );
    assert_eq!(
        table_row(&table, "profile"),
        ["profile", "default", "default"]
    );
    assert_eq!(
        table_row(&table, "base_url"),
        ["base_url", "https://sandbox.example", "env IDENFY_BASE_URL"]
    );
    assert_eq!(
        table_row(&table, "timeout"),
        ["timeout", "9 s", "flag --timeout"]
    );
    assert_eq!(
        table_row(&table, "api_key"),
        ["api_key", "****0001 (redacted)", "profile default"]
    );
    assert_eq!(
        table_row(&table, "api_secret"),
        ["api_secret", "******** (redacted)", "profile default"]
    );
    assert_eq!(
        table_row(&table, "webhook_signing_key"),
        [
            "webhook_signing_key",
            "******** (redacted)",
            "profile default"
        ]
    );
}

#[test]
fn config_show_redacts_secrets() {
    let env = TestEnv::new();
    full_profile(&env);

    let output = run(env.cmd().args(["config", "show"]));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let everything = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(leaked_pieces(&everything, SECRET, 6), Vec::<String>::new());
    assert_eq!(
        leaked_pieces(&everything, WEBHOOK_KEY, 6),
        Vec::<String>::new()
    );
    assert_eq!(leaked_pieces(&everything, KEY, 5), Vec::<String>::new());
    assert!(everything.contains("0001"), "{everything}");

    // The same when the secrets come from the environment.
    // (Random-looking values, so that no piece of them is a word of the table.)
    let (key, secret, webhook_key) = ("k7Rq2vXw9mPz4451", "Tq8vLx2Wm9Zr3Np6", "Hy4cB8nQ1sVd7Gk0");
    let output = run(env
        .cmd()
        .env("IDENFY_API_KEY", key)
        .env("IDENFY_API_SECRET", secret)
        .env("IDENFY_WEBHOOK_KEY", webhook_key)
        .args(["config", "show"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let everything = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(leaked_pieces(&everything, secret, 5), Vec::<String>::new());
    assert_eq!(
        leaked_pieces(&everything, webhook_key, 5),
        Vec::<String>::new()
    );
    assert_eq!(leaked_pieces(&everything, key, 5), Vec::<String>::new());
    assert!(everything.contains("****4451 (redacted)"), "{everything}");
}

#[test]
fn config_show_json_is_valid_json_with_the_same_redaction() {
    let env = TestEnv::new();
    let path = full_profile(&env);

    let output = run(env.cmd().args(["config", "show", "--json"]));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let json: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        setting(&json, "config file"),
        (path.display().to_string().into(), "default".into())
    );
    assert_eq!(
        setting(&json, "api_key"),
        ("****0001 (redacted)".into(), "profile default".into())
    );
    assert_eq!(
        setting(&json, "api_secret"),
        ("******** (redacted)".into(), "profile default".into())
    );
    assert_eq!(
        setting(&json, "webhook_signing_key"),
        ("******** (redacted)".into(), "profile default".into())
    );
    assert_eq!(
        setting(&json, "timeout"),
        ("12 s".into(), "profile default".into())
    );
    let everything = format!("{text}{}", stderr(&output));
    assert_eq!(leaked_pieces(&everything, SECRET, 6), Vec::<String>::new());
    assert_eq!(
        leaked_pieces(&everything, WEBHOOK_KEY, 6),
        Vec::<String>::new()
    );
    assert_eq!(leaked_pieces(&everything, KEY, 5), Vec::<String>::new());
}

#[test]
fn config_show_does_not_run_api_secret_command() {
    let env = TestEnv::new();
    let marker = env.path("command-ran");
    command_config(
        &env,
        &format!("touch '{}'; echo {COMMAND_SECRET}", marker.display()),
    );

    for json in [false, true] {
        let mut cmd = env.cmd();
        cmd.args(["config", "show"]);
        if json {
            cmd.arg("--json");
        }
        let output = run(&mut cmd);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(!marker.exists(), "api_secret_command ran (--json: {json})");
    }
    let json = show_json(&mut env.cmd());
    assert_eq!(
        setting(&json, "api_secret").1,
        Value::from("api_secret_command of profile default")
    );
    assert!(!marker.exists(), "api_secret_command ran");
}

// ---------------------------------------------------------------------------------------------
// 9. config path

#[test]
fn config_path_prints_the_default_xdg_path() {
    let env = TestEnv::new();
    let output = run(env.cmd().args(["config", "path"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{}\n", env.path("xdg/idenfy-cli/config.toml").display())
    );
    assert!(stderr(&output).is_empty());
}

#[test]
fn config_path_prints_the_path_named_by_flag_or_env() {
    let env = TestEnv::new();
    let from_flag = env.path("flag.toml");
    let from_env = env.path("env.toml");

    let output = run(env
        .cmd()
        .args(["config", "path", "--config"])
        .arg(&from_flag));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{}\n", from_flag.display()));

    let output = run(env
        .cmd()
        .env("IDENFY_CONFIG", &from_env)
        .args(["config", "path"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{}\n", from_env.display()));

    let output = run(env
        .cmd()
        .env("IDENFY_CONFIG", &from_env)
        .arg("--config")
        .arg(&from_flag)
        .args(["config", "path"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{}\n", from_flag.display()));
}

// ---------------------------------------------------------------------------------------------
// 10. config init

fn template() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    fs::read_to_string(path).expect("config.example.toml")
}

#[test]
fn config_init_writes_the_template_with_mode_0600_creating_the_folder() {
    let env = TestEnv::new();
    let path = env.default_config();
    assert!(!path.parent().unwrap().exists());

    let output = run(env.cmd().args(["config", "init"]));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(&path.display().to_string()),
        "{}",
        stdout(&output)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), template());
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600, "file mode");
}

#[test]
fn config_init_writes_where_config_flag_or_env_says() {
    let env = TestEnv::new();
    let from_flag = env.path("a/b/flag.toml");
    let from_env = env.path("c/env.toml");

    let output = run(env
        .cmd()
        .arg("--config")
        .arg(&from_flag)
        .args(["config", "init"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&from_flag).unwrap(), template());
    #[cfg(unix)]
    assert_eq!(mode(&from_flag), 0o600);

    let output = run(env
        .cmd()
        .env("IDENFY_CONFIG", &from_env)
        .args(["config", "init"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&from_env).unwrap(), template());
    #[cfg(unix)]
    assert_eq!(mode(&from_env), 0o600);

    assert!(!env.default_config().exists());
}

#[test]
fn config_init_never_overwrites_an_existing_file() {
    let env = TestEnv::new();
    let output = run(env.cmd().args(["config", "init"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = env.default_config();
    let mine = "# mine\n[profiles.default]\napi_key = \"k\"\n";
    fs::write(&path, mine).unwrap();

    let output = run(env.cmd().args(["config", "init"]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {} already exists; it was left unchanged",
            path.display()
        ),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), mine);
}

#[test]
fn missing_config_file_named_by_flag_is_a_config_error_with_an_init_hint() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let path = env.path("missing.toml");

    let output = run(env
        .api(&server.base_url())
        .arg("--config")
        .arg(&path)
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: config file {} does not exist (named by flag --config)",
            path.display()
        ),
    );
    assert!(
        stderr(&output)
            .lines()
            .any(|l| l.starts_with("  hint: ") && l.contains("config init")),
        "{}",
        stderr(&output)
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn init_hint_for_a_missing_flag_config_writes_that_file() {
    let env = TestEnv::new();
    let path = env.path("missing.toml");

    let output = run(env
        .api("https://ivs.idenfy.com")
        .arg("--config")
        .arg(&path)
        .args(["status", SCAN_REF]));

    assert_eq!(output.status.code(), Some(3));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("config init --config {}", path.display())),
        "following the hint would not create {}:\n{err}",
        path.display()
    );
}

// ---------------------------------------------------------------------------------------------
// 11. Config files that cannot be read

#[test]
fn config_flag_naming_a_directory_is_a_config_error() {
    let env = TestEnv::new();
    let server = MockServer::start();
    let any = catch_all(&server);
    let dir = env.path("home");

    let output = run(env
        .api(&server.base_url())
        .arg("--config")
        .arg(&dir)
        .args(["status", SCAN_REF]));

    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(
        first_line(&output),
        format!(
            "idenfy-cli: error: cannot read config file {}: it is a directory, not a regular file",
            dir.display()
        )
    );
    assert_eq!(any.calls(), 0);
}

#[test]
fn unreadable_config_file_is_a_config_error() {
    let env = TestEnv::new();
    let path = env.write("locked.toml", "[profiles.default]\n", 0o000);
    if fs::read(&path).is_ok() {
        // Root reads any file whatever its mode; nothing to check then.
        eprintln!("skipped: this user can read a file with mode 0000");
        return;
    }

    let output = run(env
        .api("https://ivs.idenfy.com")
        .arg("--config")
        .arg(&path)
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: cannot read config file {}: Permission denied",
            path.display()
        ),
    );
}

#[test]
fn config_file_that_is_not_utf8_is_a_config_error() {
    let env = TestEnv::new();
    let path = env.path("latin1.toml");
    fs::write(&path, b"default_profile = \"caf\xe9\"\n").unwrap();

    let output = run(env
        .api("https://ivs.idenfy.com")
        .arg("--config")
        .arg(&path)
        .args(["status", SCAN_REF]));

    assert_config_error(
        &output,
        &format!(
            "idenfy-cli: error: cannot read config file {}: it is not UTF-8 text",
            path.display()
        ),
    );
}

/// The placeholders `config init` writes are never used: a correctly signed webhook is not
/// checked against `your-webhook-signing-key`, and no call is made with the example's key.
#[test]
fn the_templates_placeholders_are_refused_by_name() {
    let env = TestEnv::new();
    let path = env.write("config.toml", &template(), 0o600);
    let out = run(env
        .cmd()
        .env("IDENFY_CONFIG", &path)
        .env("IDENFY_BASE_URL", "http://127.0.0.1:9")
        .args(["status", SCAN_REF]));
    assert_config_error(
        &out,
        "idenfy-cli: error: api_key (from profile production) is still the template's placeholder `your-production-api-key`",
    );
    let body = env.write("body.json", "{}", 0o600);
    let out = run(env
        .cmd()
        .env("IDENFY_CONFIG", &path)
        .args(["webhook", "verify"])
        .arg(&body)
        .args(["--signature", &"0".repeat(64)]));
    assert_config_error(
        &out,
        "idenfy-cli: error: webhook_signing_key (from profile production) is still the template's placeholder `your-webhook-signing-key`",
    );
}

/// `config.example.toml` is a working file: the real loader reads it, every profile key is
/// set in it, and `config show` resolves its default profile.
#[test]
fn the_example_config_loads_through_the_real_loader_with_every_profile_key() {
    let env = TestEnv::new();
    let path = env.write("config.toml", &template(), 0o600);
    let output = run(env
        .cmd()
        .env("IDENFY_CONFIG", &path)
        .args(["config", "show", "--json"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shown: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(shown["profile"]["value"], "production");
    assert_eq!(shown["base_url"]["value"], "https://ivs.idenfy.com");
    assert_eq!(shown["timeout"]["value"], "30 s");
    // The example's credentials are placeholders, and config show says so.
    for secret in ["api_key", "api_secret", "webhook_signing_key"] {
        assert!(
            shown[secret]["value"]
                .as_str()
                .unwrap()
                .ends_with("(the template's placeholder: put in your own)"),
            "{secret}: {shown}"
        );
    }
    let example = template();
    for key in [
        "api_key",
        "api_secret",
        "api_secret_command",
        "base_url",
        "timeout",
        "webhook_signing_key",
        "ca_file",
    ] {
        assert!(
            example
                .lines()
                .any(|line| line.starts_with(&format!("{key} = "))),
            "{key} is not set in config.example.toml"
        );
    }
    let output = run(env
        .cmd()
        .env("IDENFY_CONFIG", &path)
        .args(["-p", "sandbox", "config", "show", "--json"]));
    let shown: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        shown["api_secret"]["value"],
        "output of `pass show idenfy/sandbox`"
    );
}
