//! HTTPS with a private certificate authority: which authorities are trusted (the CA file
//! from IDENFY_CA_FILE, the profile's ca_file or SSL_CERT_FILE), and what a failed TLS
//! handshake says, for API calls and file downloads alike.
//!
//! Each test makes its own CA and server certificate and runs an HTTPS server on loopback,
//! so no result depends on the machine's own trust store: a CA made a moment ago is in no
//! store.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::common::*;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::json;

/// A certificate authority of the test's own.
struct Authority {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Authority {
    fn new() -> Authority {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params
            .distinguished_name
            .push(DnType::CommonName, "idenfy-cli test CA");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let key = KeyPair::generate().expect("CA key");
        let issuer = CertifiedIssuer::self_signed(params, key).expect("CA certificate");
        Authority { issuer }
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server certificate it signs for `names`, changed by `adjust` first.
    fn server(&self, names: &[&str], adjust: impl FnOnce(&mut CertificateParams)) -> Identity {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = CertificateParams::new(names).expect("server params");
        params
            .distinguished_name
            .push(DnType::CommonName, "idenfy-cli test server");
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        adjust(&mut params);
        let key = KeyPair::generate().expect("server key");
        let certificate = params.signed_by(&key, &self.issuer).expect("signed");
        Identity {
            chain: vec![certificate.der().clone()],
            key: key.serialize_der(),
        }
    }
}

/// What a server presents: its certificate chain and private key.
struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
}

/// A self-signed CA certificate for 127.0.0.1 that the server presents as its own, as
/// `openssl req -x509` makes them; and its PEM.
fn self_signed_server() -> (Identity, String) {
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let key = KeyPair::generate().expect("key");
    let certificate = params.self_signed(&key).expect("self-signed");
    let identity = Identity {
        chain: vec![certificate.der().clone()],
        key: key.serialize_der(),
    };
    (identity, certificate.pem())
}

/// A certificate for 127.0.0.1 and localhost, signed by a fresh CA; and that CA.
fn signed_server() -> (Authority, Identity) {
    let authority = Authority::new();
    let identity = authority.server(&["127.0.0.1", "localhost"], |_| {});
    (authority, identity)
}

/// One answer of the test server.
struct Answer {
    content_type: &'static str,
    body: Vec<u8>,
}

fn json_answer(body: String) -> Answer {
    Answer {
        content_type: "application/json",
        body: body.into_bytes(),
    }
}

/// An HTTPS server on loopback presenting `identity`. It takes up to `connections`
/// connections one after another; each that completes a handshake gets the next answer.
/// The handle returns the request heads it read.
struct HttpsServer {
    base_url: String,
    handle: JoinHandle<Vec<String>>,
}

impl HttpsServer {
    fn start(identity: Identity, answers: Vec<Answer>, connections: usize) -> HttpsServer {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                identity.chain,
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(identity.key)),
            )
            .expect("server config");
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base_url = format!("https://{}", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut answers = answers.into_iter();
            let mut heads = Vec::new();
            for _ in 0..connections {
                let Ok((tcp, _)) = listener.accept() else {
                    break;
                };
                if let Some(head) = serve(Arc::clone(&config), tcp, &mut answers) {
                    heads.push(head);
                }
            }
            heads
        });
        HttpsServer { base_url, handle }
    }

    /// The request heads read, once the server has taken all its connections.
    fn requests(self) -> Vec<String> {
        self.handle.join().expect("server thread")
    }
}

/// One connection: the handshake, one request, the next answer. `None` when the client
/// gave up during the handshake (it did not trust the certificate).
fn serve(
    config: Arc<rustls::ServerConfig>,
    tcp: TcpStream,
    answers: &mut impl Iterator<Item = Answer>,
) -> Option<String> {
    tcp.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let connection = rustls::ServerConnection::new(config).ok()?;
    let mut reader = BufReader::new(rustls::StreamOwned::new(connection, tcp));
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<u64>().ok())?
        })
        .unwrap_or(0);
    let mut body = Vec::new();
    reader.by_ref().take(length).read_to_end(&mut body).ok()?;
    let answer = answers.next().unwrap_or(Answer {
        content_type: "text/plain",
        body: b"no more answers".to_vec(),
    });
    let mut stream = reader.into_inner();
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.content_type,
        answer.body.len()
    );
    stream.write_all(response.as_bytes()).ok()?;
    stream.write_all(&answer.body).ok()?;
    stream.conn.send_close_notify();
    stream.flush().ok()?;
    Some(head)
}

/// `status <scanRef>` against `server`, with credentials in the environment.
fn status(env: &TestEnv, server: &HttpsServer) -> assert_cmd::Command {
    let mut cmd = env.api(&server.base_url);
    cmd.args(["status", SCAN_REF]);
    cmd
}

fn denied_server(identity: Identity) -> HttpsServer {
    HttpsServer::start(
        identity,
        vec![json_answer(fixture("status-denied.json"))],
        1,
    )
}

fn write_ca(env: &TestEnv, authority: &Authority) -> PathBuf {
    env.write("ca.pem", &authority.pem(), 0o644)
}

const UNKNOWN_ISSUER: &str = "the server's certificate is signed by an authority this machine does not trust (a company proxy that inspects TLS, or a private CA)";
const ADD_THE_CA: &str = "if a proxy or private CA signs it, add that CA with IDENFY_CA_FILE=/path/ca.pem (or ca_file in the profile)";

/// The error line of a failed TLS handshake with `server` in `status`.
fn tls_error(server: &HttpsServer, reason: &str) -> String {
    format!(
        "idenfy-cli: error: /api/v2/status: TLS with {} failed: {reason}",
        server.base_url
    )
}

#[test]
fn an_unknown_authority_is_told_in_words_with_the_ca_file_hint() {
    let (_authority, identity) = signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();

    let output = status(&env, &server).output().unwrap();

    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert_eq!(
        stderr(&output),
        format!(
            "{}\n  hint: {ADD_THE_CA}\n",
            tls_error(&server, UNKNOWN_ISSUER)
        )
    );
    assert!(!stderr(&output).contains("check the network"));
    assert_eq!(server.requests(), Vec::<String>::new());
}

#[test]
fn a_self_signed_server_certificate_is_told_as_such() {
    let (identity, _pem) = self_signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();

    let output = status(&env, &server).output().unwrap();

    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    let reason = "the server presented a self-signed (CA) certificate as its own";
    let lines: Vec<String> = stderr(&output).lines().map(String::from).collect();
    assert_eq!(lines[0], tls_error(&server, reason));
    assert!(
        lines[1].starts_with(
            "  hint: a CA certificate is not accepted as a server's own, even when trusted"
        ),
        "{lines:?}"
    );
}

#[test]
fn trusting_a_self_signed_ca_certificate_does_not_make_it_a_server_certificate() {
    let (identity, pem) = self_signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = env.write("self.pem", &pem, 0o644);

    let output = status(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("self-signed (CA) certificate"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_expired_certificate_says_when_it_expired() {
    let authority = Authority::new();
    let identity = authority.server(&["127.0.0.1"], |params| {
        params.not_before = rcgen::date_time_ymd(2019, 1, 1);
        params.not_after = rcgen::date_time_ymd(2020, 1, 1);
    });
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);

    let output = status(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    let reason = "the server's certificate has expired (on 2020-01-01)";
    assert_eq!(
        stderr(&output),
        format!(
            "{}\n  hint: check this machine's date and time; if they are right, whoever runs the server must renew its certificate\n",
            tls_error(&server, reason)
        )
    );
}

#[test]
fn a_certificate_for_another_host_names_the_hosts_it_is_for() {
    let authority = Authority::new();
    let identity = authority.server(&["api.example"], |_| {});
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);

    let output = status(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    let reason = "the server's certificate is for another host name (it names api.example)";
    let lines: Vec<String> = stderr(&output).lines().map(String::from).collect();
    assert_eq!(lines[0], tls_error(&server, reason));
    assert!(
        lines[1].starts_with("  hint: check the API root"),
        "{lines:?}"
    );
}

#[test]
fn idenfy_ca_file_adds_the_authority() {
    let (authority, identity) = signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);

    let output = status(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("DENIED"), "{}", stdout(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert!(
        requests[0].starts_with("POST /api/v2/status HTTP/1.1\r\n"),
        "{}",
        requests[0]
    );
}

#[test]
fn the_profiles_ca_file_adds_the_authority_relative_to_the_config_file() {
    let (authority, identity) = signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();
    let config = env.default_config();
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(config.with_file_name("corp-ca.pem"), authority.pem()).unwrap();
    fs::write(&config, "[profiles.default]\nca_file = \"corp-ca.pem\"\n").unwrap();

    let output = status(&env, &server).output().unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("DENIED"), "{}", stdout(&output));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn ssl_cert_file_adds_the_authority() {
    let (authority, identity) = signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);

    let output = status(&env, &server)
        .env("SSL_CERT_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn idenfy_ca_file_comes_before_ssl_cert_file() {
    let (authority, identity) = signed_server();
    let server = denied_server(identity);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);
    let other = env.write("other.pem", "not a certificate\n", 0o644);

    let output = status(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .env("SSL_CERT_FILE", &other)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_ca_file_without_a_certificate_is_a_config_error() {
    let env = TestEnv::new();
    let ca = env.write("ca.pem", "this is not PEM\n", 0o644);

    let output = env
        .api("https://127.0.0.1:9")
        .env("IDENFY_CA_FILE", &ca)
        .args(["status", SCAN_REF])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let first = stderr(&output).lines().next().unwrap_or("").to_string();
    assert_eq!(
        first,
        format!(
            "idenfy-cli: error: the CA file {} (from env IDENFY_CA_FILE) holds no PEM certificate",
            ca.display()
        )
    );
}

#[test]
fn a_missing_ca_file_in_the_profile_is_a_config_error_naming_the_profile() {
    let env = TestEnv::new();
    let config = env.default_config();
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    let missing = env.path("nonexistent/ca.pem");
    fs::write(
        &config,
        format!("[profiles.default]\nca_file = '{}'\n", missing.display()),
    )
    .unwrap();

    let output = env
        .api("https://127.0.0.1:9")
        .args(["status", SCAN_REF])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with(&format!(
            "idenfy-cli: error: the CA file {} (from profile default) cannot be read: ",
            missing.display()
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_show_names_the_ca_file_and_its_source() {
    let env = TestEnv::new();
    let ca = write_ca(&env, &Authority::new());
    let bad = env.write("bad.pem", "nothing here\n", 0o644);

    let show = |cmd: &mut assert_cmd::Command| {
        let output = cmd.args(["config", "show", "--json"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        json["ca_file"].clone()
    };

    assert_eq!(
        show(env.cmd().env("SSL_CERT_FILE", &ca)),
        json!({"value": ca.display().to_string(), "source": "env SSL_CERT_FILE"})
    );
    assert_eq!(
        show(
            env.cmd()
                .env("IDENFY_CA_FILE", &bad)
                .env("SSL_CERT_FILE", &ca)
        ),
        json!({
            "value": format!("{} (holds no PEM certificate)", bad.display()),
            "source": "env IDENFY_CA_FILE"
        })
    );
    assert_eq!(show(&mut env.cmd()), json!({"value": null, "source": null}));
}

const FRONT_PNG: &[u8] = b"\x89PNG\r\n\x1a\n not really a picture";

/// `files --input … --download saved` for one link to `server`.
fn download(env: &TestEnv, server: &HttpsServer) -> assert_cmd::Command {
    let link = format!(
        "{}/FRONT.png?Expires=1700000000&Signature=abc",
        server.base_url
    );
    let input = env.write(
        "files.json",
        &json!({ "fileUrls": { "FRONT": link } }).to_string(),
        0o600,
    );
    let mut cmd = env.cmd();
    cmd.arg("files")
        .arg("--input")
        .arg(input)
        .args(["--download", "saved"]);
    cmd
}

fn png_server(identity: Identity, connections: usize) -> HttpsServer {
    let answer = Answer {
        content_type: "image/png",
        body: FRONT_PNG.to_vec(),
    };
    HttpsServer::start(identity, vec![answer], connections)
}

#[test]
fn a_download_from_a_host_of_the_trusted_authority_is_saved() {
    let (authority, identity) = signed_server();
    let server = png_server(identity, 1);
    let env = TestEnv::new();
    let ca = write_ca(&env, &authority);

    let output = download(&env, &server)
        .env("IDENFY_CA_FILE", &ca)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(fs::read(env.path("saved/FRONT.png")).unwrap(), FRONT_PNG);
    let requests = server.requests();
    assert!(
        requests[0].starts_with("GET /FRONT.png?Expires=1700000000&Signature=abc HTTP/1.1\r\n"),
        "{requests:?}"
    );
}

#[test]
fn a_download_from_an_untrusted_host_fails_in_words_and_is_not_retried() {
    let (_authority, identity) = signed_server();
    // One connection only: a retry would find the port closed and report that instead.
    let server = png_server(identity, 1);
    let env = TestEnv::new();

    let output = download(&env, &server).output().unwrap();

    assert_eq!(output.status.code(), Some(9), "{}", stderr(&output));
    assert!(!env.path("saved/FRONT.png").exists());
    assert!(
        stdout(&output).contains(&format!("failed: {UNKNOWN_ISSUER}")),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        stderr(&output),
        format!(
            "idenfy-cli: error: 1 of 1 file(s) could not be saved; the others are in saved\n  hint: {ADD_THE_CA}\n"
        )
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(env.path("saved/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["files"][0]["error"], UNKNOWN_ISSUER);
    assert_eq!(server.requests(), Vec::<String>::new());
}
