//! `auth login`, `auth status`, `auth logout` against a real system keyring that belongs to
//! the test: on Linux a Secret Service of its own (gnome-keyring on a private D-Bus session
//! bus, started with dbus-run-session, its files in the test's temp dir); under Wine the
//! Credential Manager of the test's own Wine prefix. Never the keyring of whoever runs them.

#[cfg(all(unix, not(target_os = "macos")))]
use std::io::{BufRead, BufReader, Write};
#[cfg(all(unix, not(target_os = "macos")))]
use std::process::{Child, ChildStdin, Command, Stdio};

use httpmock::prelude::*;

use crate::common::*;

const KEYRING_KEY: &str = "keyring-key-0004";
const KEYRING_SECRET: &str = "keyring-secret-0005";
/// `printf %s 'keyring-key-0004:keyring-secret-0005' | base64`
const KEYRING_AUTH: &str = "Basic a2V5cmluZy1rZXktMDAwNDprZXlyaW5nLXNlY3JldC0wMDA1";

/// A keyring the test may write to, and the environment that points the binary at it.
struct Keyring {
    vars: Vec<(&'static str, String)>,
    _service: Option<Service>,
}

#[cfg(all(unix, not(target_os = "macos")))]
type Service = SecretService;
/// Nothing to start or stop where the system's own store is used.
#[cfg(not(all(unix, not(target_os = "macos"))))]
type Service = ();

impl Keyring {
    /// The test's own keyring, or `None` (the test is skipped) where there is none to be had;
    /// under CI a missing one fails the test instead.
    fn start(env: &TestEnv) -> Option<Keyring> {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let service = SecretService::start(env)?;
            Some(Keyring {
                vars: vec![("DBUS_SESSION_BUS_ADDRESS", service.address.clone())],
                _service: Some(service),
            })
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            let _ = env;
            // Only where the whole store is the test run's own: tests/wine/run says so.
            if std::env::var_os("IDENFY_TEST_DISPOSABLE_KEYRING").is_none() {
                eprintln!("skipped: the only keyring here is the user's own");
                return None;
            }
            Some(Keyring {
                vars: Vec::new(),
                _service: None,
            })
        }
    }

    /// Removes what an earlier run may have left for `profile`: under Wine the store outlives
    /// the run.
    fn forget(&self, env: &TestEnv, profile: &str) {
        self.cmd(env)
            .args(["-p", profile, "auth", "logout"])
            .assert()
            .code(0);
    }

    /// Where `auth status --json` says the secret of `profile` comes from.
    fn secret_from(&self, env: &TestEnv, profile: &str) -> serde_json::Value {
        let out = self
            .cmd(env)
            .args(["-p", profile, "auth", "status", "--json"])
            .output()
            .unwrap();
        let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        status["profiles"][0]["api_secret"]["from"].clone()
    }

    /// `env.cmd()` with the keyring in reach.
    fn cmd(&self, env: &TestEnv) -> assert_cmd::Command {
        let mut cmd = env.cmd();
        cmd.env_remove("IDENFY_NO_KEYRING");
        for (name, value) in &self.vars {
            cmd.env(name, value);
        }
        cmd
    }

    /// `auth login` with the key and secret on stdin.
    fn login(&self, env: &TestEnv, args: &[&str], key: &str, secret: &str) -> std::process::Output {
        self.cmd(env)
            .args(["auth", "login"])
            .args(args)
            .write_stdin(format!("{key}\n{secret}\n"))
            .output()
            .unwrap()
    }
}

/// gnome-keyring's Secret Service on a session bus of its own, made by dbus-run-session; it
/// ends when the test drops it (its stdin closes, and the bus and the daemon go with it).
#[cfg(all(unix, not(target_os = "macos")))]
struct SecretService {
    child: Child,
    stdin: Option<ChildStdin>,
    address: String,
}

#[cfg(all(unix, not(target_os = "macos")))]
impl SecretService {
    fn start(env: &TestEnv) -> Option<SecretService> {
        let tools = ["dbus-run-session", "dbus-send", "gnome-keyring-daemon"];
        if let Some(missing) = tools.iter().find(|tool| !on_path(tool)) {
            assert!(
                std::env::var_os("CI").is_none(),
                "{missing} is missing: CI installs gnome-keyring, dbus-daemon and dbus-bin"
            );
            eprintln!("skipped: {missing} is not installed");
            return None;
        }
        let runtime = env.path("run");
        std::fs::create_dir_all(&runtime).unwrap();
        set_mode(&runtime, 0o700);
        // The login keyring is created unlocked with a throwaway password; the service is
        // ready when it owns its name on the bus.
        let script = r#"
            echo "$DBUS_SESSION_BUS_ADDRESS"
            printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
            i=0
            until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true
            do
                i=$((i + 1)); [ "$i" -gt 200 ] && { echo "no secret service"; exit 1; }
                sleep 0.05
            done
            echo ready
            exec cat >/dev/null
        "#;
        let mut child = Command::new("dbus-run-session")
            .args(["--", "sh", "-c", script])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.path("home"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("XDG_DATA_HOME", env.path("home/data"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-run-session");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = lines.next().and_then(Result::ok).unwrap_or_default();
        let ready = lines.next().and_then(Result::ok).unwrap_or_default();
        assert!(
            address.starts_with("unix:") && ready == "ready",
            "the Secret Service did not start: {address:?} {ready:?}"
        );
        Some(SecretService {
            stdin: child.stdin.take(),
            child,
            address,
        })
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
impl Drop for SecretService {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
        .unwrap_or(false)
}

fn assert_no_secret(output: &std::process::Output, secrets: &[&str]) {
    for secret in secrets {
        for (name, text) in [("stdout", stdout(output)), ("stderr", stderr(output))] {
            assert!(!text.contains(secret), "{name} shows a secret: {text}");
        }
    }
}

#[test]
fn login_stores_what_api_calls_then_use_and_logout_removes_it() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let profile = "round-trip";
    keyring.forget(&env, profile);
    let server = MockServer::start();
    let with_keyring = status_mock(&server, KEYRING_AUTH);

    let out = keyring.login(
        &env,
        &["-p", profile, "--json"],
        KEYRING_KEY,
        KEYRING_SECRET,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let done: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["profile"], profile);
    assert_eq!(done["done"], "stored");
    let out = keyring.login(&env, &["-p", profile], KEYRING_KEY, KEYRING_SECRET);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with(&format!(
            "Replaced the API key and secret of profile `{profile}`"
        )),
        "{}",
        stdout(&out)
    );
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET]);

    // No config file and no variables: the keyring alone makes the call.
    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "--base-url", &server.base_url()])
        .args(["status", SCAN_REF, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    with_keyring.assert_calls(1);

    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "auth", "status", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET]);
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &status["profiles"][0];
    assert_eq!(row["profile"], profile);
    assert_eq!(row["api_key"]["from"], "keyring");
    assert_eq!(row["api_secret"]["from"], "keyring");

    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "auth", "logout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Removed"), "{}", stdout(&out));
    assert_eq!(keyring.secret_from(&env, profile), serde_json::Value::Null);

    // Gone: the next call has no credentials and sends nothing.
    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "--base-url", &server.base_url()])
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    with_keyring.assert_calls(1);
    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "auth", "logout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("nothing to remove"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_environment_comes_before_the_keyring_and_the_keyring_before_the_file() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let profile = "order";
    keyring.forget(&env, profile);
    env.write(
        "xdg/idenfy-cli/config.toml",
        &format!(
            "[profiles.{profile}]\napi_key = \"file-key-0008\"\napi_secret = \"file-secret-0009\"\n"
        ),
        0o600,
    );
    let out = keyring.login(&env, &["-p", profile], KEYRING_KEY, KEYRING_SECRET);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The clear-text copy in the file is now unused: login says so.
    assert!(
        stderr(&out).contains("still holds an api_key or api_secret in clear"),
        "{}",
        stderr(&out)
    );

    let server = MockServer::start();
    let with_keyring = status_mock(&server, KEYRING_AUTH);
    let with_env = status_mock(&server, BASIC_AUTH);
    keyring
        .cmd(&env)
        .args(["-p", profile, "--base-url", &server.base_url()])
        .args(["status", SCAN_REF, "--json"])
        .assert()
        .code(0);
    with_keyring.assert_calls(1);
    keyring
        .cmd(&env)
        .env("IDENFY_API_KEY", KEY)
        .env("IDENFY_API_SECRET", SECRET)
        .args(["-p", profile, "--base-url", &server.base_url()])
        .args(["status", SCAN_REF, "--json"])
        .assert()
        .code(0);
    with_env.assert_calls(1);
    with_keyring.assert_calls(1);

    let out = keyring
        .cmd(&env)
        .env("IDENFY_API_KEY", KEY)
        .args(["-p", profile, "auth", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    let row = shown
        .lines()
        .find(|line| line.starts_with(profile))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        row.contains("env IDENFY_API_KEY (also in: keyring, config file)"),
        "{row}"
    );
    assert!(row.contains("keyring (also in: config file)"), "{row}");
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET, "file-secret-0009"]);
}

#[test]
fn refused_keyring_credentials_are_named_with_the_way_to_replace_them() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let profile = "refused-by-api";
    keyring.forget(&env, profile);
    let out = keyring.login(&env, &["-p", profile], KEYRING_KEY, KEYRING_SECRET);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let server = MockServer::start();
    let refused = server.mock(|when, then| {
        when.method(POST)
            .path("/api/v2/status")
            .header("authorization", KEYRING_AUTH);
        then.status(401)
            .header("content-type", "application/json")
            .body(r#"{"identifier":"UNAUTHORIZED","message":"Invalid credentials."}"#);
    });
    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "--base-url", &server.base_url()])
        .args(["status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    refused.assert_calls(1);
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "the key and secret come from the system keyring (profile `{profile}`; `idenfy-cli auth login -p {profile}` replaces them)"
        )),
        "{said}"
    );
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET]);
    keyring.forget(&env, profile);
}

#[test]
fn login_refuses_input_that_is_not_a_key_and_a_secret_and_stores_nothing() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let profile = "refused";
    keyring.forget(&env, profile);
    for (stdin, says) in [
        ("", "standard input gave no API key"),
        ("only-a-key\n", "gave an API key but no secret"),
        ("the-key\nthe-secret\na-third\n", "more than two lines"),
        ("a key with spaces\nthe-secret\n", "the API key has spaces"),
        (
            "the-key\nsecret\u{1b}[2J\n",
            "the API secret has spaces, invisible",
        ),
        // A byte-order mark, a zero-width space: invisible, and a 401 later.
        (
            "\u{feff}the-key\nthe-secret\n",
            "the API key has spaces, invisible",
        ),
        (
            "the-key\nthe\u{200b}secret\n",
            "the API secret has spaces, invisible",
        ),
        ("the:key\nthe-secret\n", "has a `:` in it"),
        (
            "key\nthe-secret\n",
            "the API key is shorter than 6 characters",
        ),
        (
            "your-production-api-key\nthe-secret\n",
            "the config template's placeholder",
        ),
    ] {
        let out = keyring
            .cmd(&env)
            .args(["-p", profile, "auth", "login"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{stdin:?}: {}", stderr(&out));
        let said = stderr(&out);
        assert!(said.contains(says), "{stdin:?}: {said}");
        assert!(said.contains("nothing was stored"), "{stdin:?}: {said}");
        assert!(
            !said.contains("the-secret") && !said.contains('\u{1b}'),
            "{said}"
        );
    }
    let out = keyring
        .cmd(&env)
        .args(["-p", profile, "auth", "status", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        status["profiles"][0]["api_key"]["from"],
        serde_json::Value::Null
    );
    // Nothing was stored, so the profile is nowhere: a typo reads the same, and is told so.
    assert!(
        stderr(&out).contains(
            "profile `refused` (from flag --profile) is neither in the config file nor in the system keyring"
        ),
        "{}",
        stderr(&out)
    );
}

/// Written with secret-tool, as another program might: the same service and user, but not
/// the key and secret login stores.
#[cfg(all(unix, not(target_os = "macos")))] // secret-tool speaks to the Secret Service only
#[test]
fn an_entry_idenfy_cli_did_not_write_is_named_not_used() {
    {
        let env = TestEnv::new();
        let Some(keyring) = Keyring::start(&env) else {
            return;
        };
        if !on_path("secret-tool") {
            assert!(std::env::var_os("CI").is_none(), "secret-tool is missing");
            return;
        }
        let mut child = Command::new("secret-tool")
            .args([
                "store",
                "--label=other",
                "service",
                "idenfy-cli",
                "username",
                "foreign",
            ])
            .args(["target", "default"])
            .env_clear()
            .env("DBUS_SESSION_BUS_ADDRESS", &keyring.vars[0].1)
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"not-json-0010")
            .unwrap();
        assert!(child.wait().unwrap().success());
        let server = MockServer::start();
        let any = server.mock(|_, then| {
            then.status(200);
        });
        let out = keyring
            .cmd(&env)
            .args(["-p", "foreign", "--base-url", &server.base_url()])
            .args(["status", SCAN_REF])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        let said = stderr(&out);
        assert!(
            said.contains("is not an API key and secret as `idenfy-cli auth login` stores them"),
            "{said}"
        );
        assert!(!said.contains("not-json-0010"), "{said}");
        any.assert_calls(0);
        // auth status says the same, with the way out, and logout takes the entry away.
        let out = keyring
            .cmd(&env)
            .args(["-p", "foreign", "auth", "status"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("`idenfy-cli auth logout -p foreign` removes it"),
            "{}",
            stderr(&out)
        );
        keyring.forget(&env, "foreign");
        let out = keyring
            .cmd(&env)
            .args(["-p", "foreign", "auth", "status"])
            .output()
            .unwrap();
        assert!(stderr(&out).contains("is neither in the config file nor in the system keyring"));
    }
}

#[test]
fn login_where_no_keyring_can_be_reached_says_so_and_writes_nothing_anywhere() {
    let env = TestEnv::new();
    let before = files_under(env.dir.path());
    let mut cmd = env.cmd();
    cmd.env_remove("IDENFY_NO_KEYRING");
    // A session bus that is not there: a headless server.
    #[cfg(all(unix, not(target_os = "macos")))]
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", env.path("no-bus").display()),
    );
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        // Elsewhere the system's own keyring is always there: IDENFY_NO_KEYRING stands in.
        cmd.env("IDENFY_NO_KEYRING", "1");
    }
    let out = cmd
        .args(["auth", "login"])
        .write_stdin(format!("{KEYRING_KEY}\n{KEYRING_SECRET}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("nothing was stored"), "{said}");
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        assert!(
            said.contains("no system keyring can be reached here"),
            "{said}"
        );
        assert!(said.contains("api_secret_command"), "{said}");
    }
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET]);
    assert_eq!(files_under(env.dir.path()), before, "login wrote a file");
}

#[test]
fn no_keyring_variable_keeps_every_command_away_from_the_keyring() {
    let env = TestEnv::new();
    env.write(
        "xdg/idenfy-cli/config.toml",
        "[profiles.default]\napi_key = \"file-key-0008\"\napi_secret = \"file-secret-0009\"\n",
        0o600,
    );
    let out = env.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the system keyring could not be read (IDENFY_NO_KEYRING is set)"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("config file"), "{}", stdout(&out));
    for command in ["login", "logout"] {
        let out = env
            .cmd()
            .args(["auth", command])
            .write_stdin("k-0001\ns-0002\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{command}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("IDENFY_NO_KEYRING is set"),
            "{}",
            stderr(&out)
        );
    }
}

/// Every file under `dir`, with its contents, sorted.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

/// What `auth login -p PROFILE; echo "exit=$?"` and then `then` showed on a pseudo-terminal
/// made by script(1), typing each answer once its prompt is on the screen (and echo has had
/// time to be turned off).
#[cfg(all(unix, not(target_os = "macos")))]
fn login_at_terminal(
    keyring: &Keyring,
    env: &TestEnv,
    profile: &str,
    then: &str,
    answers: &[(&str, &str)],
) -> String {
    let binary = assert_cmd::cargo::cargo_bin("idenfy-cli");
    let line = format!(
        "'{}' auth login -p {profile}; echo \"exit=$?\"{then}",
        binary.display()
    );
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};
    let mut command = Command::new("timeout");
    command
        .args(["30", "script", "-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.path("home"))
        .env("XDG_CONFIG_HOME", env.path("xdg"))
        .current_dir(env.dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (name, value) in &keyring.vars {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = child.stdout.take().unwrap();
    let shown = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&shown);
    let reader = std::thread::spawn(move || {
        let mut buffer = [0u8; 256];
        while let Ok(n @ 1..) = std::io::Read::read(&mut out, &mut buffer) {
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    for (prompt, answer) in answers {
        let until = Instant::now() + Duration::from_secs(20);
        while !shown.lock().unwrap().contains(prompt) {
            assert!(
                Instant::now() < until,
                "no prompt {prompt:?}: {}",
                shown.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(700));
        stdin.write_all(answer.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }
    child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    shown.lock().unwrap().clone()
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn login_at_a_terminal_asks_for_both_without_showing_what_is_typed() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let shown = login_at_terminal(
        &keyring,
        &env,
        "typed",
        "",
        &[
            (
                "API key of profile `typed` (not shown): ",
                &format!("{KEYRING_KEY}\r"),
            ),
            (
                "API secret of profile `typed` (not shown): ",
                &format!("{KEYRING_SECRET}\r"),
            ),
        ],
    );
    assert!(
        shown.contains("Stored the API key and secret of profile `typed`"),
        "{shown}"
    );
    assert!(shown.contains("exit=0"), "{shown}");
    for typed in [KEYRING_KEY, KEYRING_SECRET] {
        assert!(
            !shown.contains(typed),
            "the terminal showed what was typed: {shown}"
        );
    }
    assert_eq!(keyring.secret_from(&env, "typed"), "keyring");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn ctrl_c_at_the_prompt_ends_with_130_and_gives_the_terminal_its_echo_back() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let shown = login_at_terminal(
        &keyring,
        &env,
        "stopped",
        "; stty -a",
        &[(
            "API key of profile `stopped` (not shown): ",
            "half-typed\u{3}",
        )],
    );
    assert!(shown.contains("exit=130"), "{shown}");
    assert!(!shown.contains("half-typed"), "{shown}");
    // The terminal echoes and reads lines again, as before the prompt.
    let settings: Vec<&str> = shown.split_whitespace().collect();
    for setting in ["echo", "icanon", "isig"] {
        assert!(settings.contains(&setting), "{setting} is off: {shown}");
    }
    let out = keyring
        .cmd(&env)
        .args(["-p", "stopped", "auth", "status", "--json"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        status["profiles"][0]["api_key"]["from"],
        serde_json::Value::Null
    );
}

#[test]
fn auth_status_fails_for_a_profile_whose_calls_would_fail() {
    let env = TestEnv::new();
    // Straight after config init: every profile holds the template's placeholders.
    env.cmd().args(["config", "init"]).assert().code(0);
    let out = env.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("its api_key in the config file is still the template's placeholder"),
        "{}",
        stderr(&out)
    );
    // Both kinds of secret in one profile: every call refuses it, so status does too.
    let both = "[profiles.default]\napi_key = \"file-key-0008\"\napi_secret = \"file-secret-0009\"\napi_secret_command = \"echo x\"\n";
    env.write("xdg/idenfy-cli/config.toml", both, 0o600);
    let out = env.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("it sets both api_secret and api_secret_command"),
        "{}",
        stderr(&out)
    );
    // A complete profile is fine.
    let complete =
        "[profiles.default]\napi_key = \"file-key-0008\"\napi_secret = \"file-secret-0009\"\n";
    env.write("xdg/idenfy-cli/config.toml", complete, 0o600);
    env.cmd().args(["auth", "status"]).assert().code(0);
}

#[test]
fn an_empty_profile_name_is_a_usage_error() {
    let env = TestEnv::new();
    for args in [
        &["-p", "", "auth", "login"][..],
        &["--profile", " ", "status", SCAN_REF],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("a profile name cannot be empty"),
            "{}",
            stderr(&out)
        );
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn a_profile_named_while_the_keyring_is_out_of_reach_says_where_it_looked() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env_remove("IDENFY_NO_KEYRING")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", env.path("no-bus").display()),
        )
        .args(["-p", "kept-in-keyring", "status", SCAN_REF])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(the system keyring, which may hold it, was not read:"),
        "{}",
        stderr(&out)
    );
}

/// A keyring that is there but locked is not called missing: login says it refused, and how
/// to unlock it.
#[cfg(all(unix, not(target_os = "macos")))] // dbus-send locks the Secret Service's collection
#[test]
fn a_locked_keyring_is_named_as_refusing_not_as_missing() {
    let env = TestEnv::new();
    let Some(keyring) = Keyring::start(&env) else {
        return;
    };
    let locked = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
        ])
        .args([
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
        ])
        .arg("array:objpath:/org/freedesktop/secrets/collection/login")
        .env_clear()
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.vars[0].1)
        .output()
        .unwrap();
    assert!(locked.status.success(), "{}", stderr(&locked));
    let out = keyring.login(&env, &["-p", "locked"], KEYRING_KEY, KEYRING_SECRET);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("the Secret Service refused:"), "{said}");
    assert!(said.contains("unlock it and try again"), "{said}");
    assert!(!said.contains("no system keyring can be reached"), "{said}");
    assert_no_secret(&out, &[KEYRING_KEY, KEYRING_SECRET]);
}
