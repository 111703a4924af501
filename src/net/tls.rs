//! Which certificate authorities HTTPS connections trust: the system's store (or, when it
//! has none, the bundled Mozilla roots) plus the certificates of an optional PEM file; and
//! why a TLS handshake failed, in words, told from the error's type.

use std::fmt;
use std::path::Path;

use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::{CertificateError, OtherError, RootCertStore};
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::{Error, Result};
use crate::local_read::{self, MAX_BYTES};
use crate::text::one_line;

/// What to do when a proxy or a private CA signs the server's certificate.
const ADD_THE_CA: &str = "if a proxy or private CA signs it, add that CA with IDENFY_CA_FILE=/path/ca.pem (or ca_file in the profile)";

/// The roots every connection of a run trusts, read once and shared by all agents.
#[derive(Clone)]
pub struct Trust {
    config: TlsConfig,
    /// How many roots came from the system's store, and how many bundled ones stand in
    /// for an empty one.
    system: usize,
    bundled: usize,
    extra: usize,
}

/// Counts only: the roots themselves are hundreds of certificates.
impl fmt::Debug for Trust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Trust")
            .field("system", &self.system)
            .field("bundled", &self.bundled)
            .field("extra", &self.extra)
            .finish()
    }
}

impl Trust {
    /// The system's roots, or the bundled ones when the system yields none, plus the
    /// certificates of `ca_file`, with where its name came from (`IDENFY_CA_FILE`). A CA
    /// file that cannot be used is a configuration error.
    pub fn load(ca_file: Option<(&Path, &dyn std::fmt::Display)>) -> Result<Trust> {
        let extra = match ca_file {
            Some((file, source)) => read_ca_file(file).map_err(|problem| {
                Error::config(format!(
                    "the CA file {} (from {source}) {problem}",
                    file.display()
                ))
                .hint("name a PEM file of one or more certificates, each between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----")
            })?,
            None => Vec::new(),
        };
        Ok(Trust::from_parts(system_roots(), extra))
    }

    fn from_parts(system: Vec<Certificate<'static>>, extra: Vec<Certificate<'static>>) -> Trust {
        let (system_count, extra_count) = (system.len(), extra.len());
        let mut roots = if system.is_empty() {
            bundled_roots()
        } else {
            system
        };
        let bundled = roots.len() - system_count;
        roots.extend(extra);
        Trust {
            config: TlsConfig::builder()
                .root_certs(RootCerts::from(roots))
                .build(),
            system: system_count,
            bundled,
            extra: extra_count,
        }
    }

    /// The TLS settings for an agent; clones share the one list of roots.
    pub fn tls_config(&self) -> TlsConfig {
        self.config.clone()
    }
}

/// Why a CA file cannot be used; reads as the end of "the CA file X …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaFileProblem {
    Unreadable(String),
    NotPem,
    NoCertificate,
    /// The certificate at this position (from 1) is not a usable X.509 certificate.
    BadCertificate(usize),
}

impl fmt::Display for CaFileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaFileProblem::Unreadable(why) => write!(f, "cannot be read: {why}"),
            CaFileProblem::NotPem => f.write_str("is not valid PEM"),
            CaFileProblem::NoCertificate => f.write_str("holds no PEM certificate"),
            CaFileProblem::BadCertificate(n) => {
                write!(
                    f,
                    "holds a certificate (number {n}) that is not valid X.509"
                )
            }
        }
    }
}

/// The certificates of a PEM file; other PEM sections (a private key) are skipped.
pub fn read_ca_file(path: &Path) -> Result<Vec<Certificate<'static>>, CaFileProblem> {
    let bytes = local_read::read_regular(path, MAX_BYTES)
        .map_err(|err| CaFileProblem::Unreadable(err.to_string()))?;
    parse_ca_pem(&bytes)
}

fn parse_ca_pem(bytes: &[u8]) -> Result<Vec<Certificate<'static>>, CaFileProblem> {
    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(bytes) {
        match item {
            Ok(PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(_) => return Err(CaFileProblem::NotPem),
        }
    }
    if certificates.is_empty() {
        return Err(CaFileProblem::NoCertificate);
    }
    for (index, certificate) in certificates.iter().enumerate() {
        let der = CertificateDer::from(certificate.der());
        if RootCertStore::empty().add(der).is_err() {
            return Err(CaFileProblem::BadCertificate(index + 1));
        }
    }
    Ok(certificates)
}

/// The system's trust store; certificates it cannot read are left out.
fn system_roots() -> Vec<Certificate<'static>> {
    system_store()
        .iter()
        .map(|der| Certificate::from_der(der).to_owned())
        .collect()
}

/// The distribution's CA folders (`/etc/ssl/certs`, `/etc/pki/tls/certs`, …), which hold
/// its bundle too. They are named here rather than found by
/// `rustls_native_certs::load_native_certs`, which would take SSL_CERT_FILE or
/// SSL_CERT_DIR, when set, as the whole store: SSL_CERT_FILE is an extra file here, and
/// the system's store is used as well.
#[cfg(all(unix, not(target_os = "macos")))]
fn system_store() -> Vec<CertificateDer<'static>> {
    let mut certificates: Vec<CertificateDer<'static>> = openssl_probe::candidate_cert_dirs()
        .flat_map(|dir| rustls_native_certs::load_certs_from_paths(None, Some(dir)).certs)
        .collect();
    certificates.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
    certificates.dedup();
    certificates
}

/// The platform's own store (the keychain, the Windows certificate store).
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn system_store() -> Vec<CertificateDer<'static>> {
    rustls_native_certs::load_native_certs().certs
}

/// Mozilla's roots as shipped in the binary, for a system without a trust store.
fn bundled_roots() -> Vec<Certificate<'static>> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect()
}

/// Why a TLS connection failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsFailure {
    /// The certificate chains up to no authority this machine trusts.
    UnknownIssuer,
    /// The server presented a CA certificate (typically a self-signed one) as its own.
    SelfSigned,
    /// With the date it expired, when known (`YYYY-MM-DD`).
    Expired(Option<String>),
    /// With the date it becomes valid, when known.
    NotValidYet(Option<String>),
    /// With the names the certificate is for, when known.
    OtherName(Vec<String>),
    /// Another problem with the certificate: rustls's reason, on one line.
    Certificate(String),
    /// Any other TLS failure (an alert, nothing in common to agree on): the reason.
    Other(String),
}

impl TlsFailure {
    /// The TLS failure behind a ureq error, if it is one. rustls's handshake errors reach
    /// ureq as I/O errors that carry the `rustls::Error`.
    pub fn of(err: &ureq::Error) -> Option<TlsFailure> {
        match err {
            ureq::Error::Rustls(err) => Some(TlsFailure::from_rustls(err)),
            ureq::Error::Io(io) => io
                .get_ref()?
                .downcast_ref::<rustls::Error>()
                .map(TlsFailure::from_rustls),
            ureq::Error::Tls(why) => Some(TlsFailure::Other(why.to_string())),
            _ => None,
        }
    }

    fn from_rustls(err: &rustls::Error) -> TlsFailure {
        let rustls::Error::InvalidCertificate(problem) = err else {
            return TlsFailure::Other(one_line(&err.to_string(), 300));
        };
        match problem {
            CertificateError::UnknownIssuer => TlsFailure::UnknownIssuer,
            CertificateError::Other(other) if is_ca_used_as_end_entity(other) => {
                TlsFailure::SelfSigned
            }
            CertificateError::Expired => TlsFailure::Expired(None),
            CertificateError::ExpiredContext { not_after, .. } => {
                TlsFailure::Expired(date(*not_after))
            }
            CertificateError::NotValidYet => TlsFailure::NotValidYet(None),
            CertificateError::NotValidYetContext { not_before, .. } => {
                TlsFailure::NotValidYet(date(*not_before))
            }
            CertificateError::NotValidForName => TlsFailure::OtherName(Vec::new()),
            CertificateError::NotValidForNameContext { presented, .. } => TlsFailure::OtherName(
                presented
                    .iter()
                    .filter_map(|name| host_name(name))
                    .collect(),
            ),
            _ => TlsFailure::Certificate(one_line(&err.to_string(), 300)),
        }
    }

    /// What went wrong, in words.
    pub fn reason(&self) -> String {
        match self {
            TlsFailure::UnknownIssuer => "the server's certificate is signed by an authority this machine does not trust (a company proxy that inspects TLS, or a private CA)".to_string(),
            TlsFailure::SelfSigned => {
                "the server presented a self-signed (CA) certificate as its own".to_string()
            }
            TlsFailure::Expired(on) => {
                let on = on.as_ref().map(|d| format!(" (on {d})")).unwrap_or_default();
                format!("the server's certificate has expired{on}")
            }
            TlsFailure::NotValidYet(from) => {
                let from = from.as_ref().map(|d| format!(" (from {d})")).unwrap_or_default();
                format!("the server's certificate is not valid yet{from}")
            }
            TlsFailure::OtherName(names) => {
                let shown = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
                let more = match names.len() {
                    0..=5 => String::new(),
                    n => format!(" and {} more", n - 5),
                };
                if shown.is_empty() { "the server's certificate is for another host name".to_string() } else { format!(
                    "the server's certificate is for another host name (it names {shown}{more})"
                ) }
            }
            TlsFailure::Certificate(why) | TlsFailure::Other(why) => why.clone(),
        }
    }

    /// What to do about it, when this module can tell; callers may add their own.
    pub fn hint(&self) -> Option<String> {
        match self {
            TlsFailure::UnknownIssuer | TlsFailure::Certificate(_) => Some(ADD_THE_CA.to_string()),
            TlsFailure::SelfSigned => Some(format!(
                "a CA certificate is not accepted as a server's own, even when trusted: the server needs one that a CA issued for its name; {ADD_THE_CA}"
            )),
            TlsFailure::Expired(_) | TlsFailure::NotValidYet(_) => Some(
                "check this machine's date and time; if they are right, whoever runs the server must renew its certificate"
                    .to_string(),
            ),
            TlsFailure::OtherName(_) | TlsFailure::Other(_) => None,
        }
    }
}

/// webpki's "CA used as end entity", which rustls passes on only as an opaque error.
fn is_ca_used_as_end_entity(other: &OtherError) -> bool {
    matches!(
        other.0.downcast_ref::<webpki::Error>(),
        Some(webpki::Error::CaUsedAsEndEntity)
    )
}

/// A host name or address among the names a certificate presents, bare. webpki lists
/// them as it debug-prints them (`DnsName("api.example")`, `IpAddress(10.0.0.1)`); names
/// that are no host (a URI, a directory name) are left out, and a form not known here is
/// kept as it is.
fn host_name(presented: &str) -> Option<String> {
    let bare = if let Some(rest) = presented.strip_prefix("DnsName(\"") {
        rest.strip_suffix("\")").unwrap_or(rest)
    } else if let Some(rest) = presented.strip_prefix("IpAddress(") {
        rest.strip_suffix(')').unwrap_or(rest)
    } else if [
        "UniformResourceIdentifier(",
        "DirectoryName",
        "Unsupported(",
    ]
    .iter()
    .any(|other| presented.starts_with(other))
    {
        return None;
    } else {
        presented
    };
    Some(one_line(bare, 100))
}

/// A certificate's time as a date, `YYYY-MM-DD` (UTC).
fn date(time: UnixTime) -> Option<String> {
    let seconds = i64::try_from(time.as_secs()).ok()?;
    let timestamp = jiff::Timestamp::from_second(seconds).ok()?;
    Some(timestamp.strftime("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_without_certificates_is_refused() {
        assert_eq!(
            parse_ca_pem(b"just text\n").unwrap_err(),
            CaFileProblem::NoCertificate
        );
        let key_only = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            parse_ca_pem(key_only.as_bytes()).unwrap_err(),
            CaFileProblem::NoCertificate
        );
        let broken = "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n";
        assert_eq!(
            parse_ca_pem(broken.as_bytes()).unwrap_err(),
            CaFileProblem::NotPem
        );
        let not_x509 = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert_eq!(
            parse_ca_pem(not_x509.as_bytes()).unwrap_err(),
            CaFileProblem::BadCertificate(1)
        );
    }

    fn io(err: rustls::Error) -> ureq::Error {
        ureq::Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, err))
    }

    #[test]
    fn handshake_errors_are_told_by_type() {
        let unknown = io(CertificateError::UnknownIssuer.into());
        assert_eq!(TlsFailure::of(&unknown), Some(TlsFailure::UnknownIssuer));
        let ca = CertificateError::Other(OtherError(std::sync::Arc::new(
            webpki::Error::CaUsedAsEndEntity,
        )));
        assert_eq!(TlsFailure::of(&io(ca.into())), Some(TlsFailure::SelfSigned));
        let expired = CertificateError::ExpiredContext {
            time: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_800_000_000)),
            not_after: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000)),
        };
        let failure = TlsFailure::of(&ureq::Error::Rustls(expired.into())).unwrap();
        assert_eq!(
            failure.reason(),
            "the server's certificate has expired (on 2023-11-14)"
        );
        let bad = io(CertificateError::BadSignature.into());
        assert_eq!(
            TlsFailure::of(&bad),
            Some(TlsFailure::Certificate(
                "invalid peer certificate: BadSignature".to_string()
            ))
        );
        let plain = ureq::Error::Io(std::io::Error::other("connection reset"));
        assert_eq!(TlsFailure::of(&plain), None);
        assert_eq!(TlsFailure::of(&ureq::Error::HostNotFound), None);
    }

    #[test]
    fn names_from_the_certificate_are_cleaned_and_counted() {
        let mut names: Vec<String> = (1..=6)
            .map(|n| format!("DnsName(\"h{n}.example\u{1b}[2J\")"))
            .collect();
        names.push("IpAddress(10.0.0.1)".to_string());
        names.push("UniformResourceIdentifier(\"spiffe://x\")".to_string());
        let problem = CertificateError::NotValidForNameContext {
            expected: rustls::pki_types::ServerName::try_from("api.example")
                .unwrap()
                .to_owned(),
            presented: names,
        };
        let failure = TlsFailure::of(&io(problem.into())).unwrap();
        assert_eq!(
            failure.reason(),
            "the server's certificate is for another host name (it names h1.example\\u{1b}[2J, h2.example\\u{1b}[2J, h3.example\\u{1b}[2J, h4.example\\u{1b}[2J, h5.example\\u{1b}[2J and 2 more)"
        );
    }

    #[test]
    fn the_bundled_roots_stand_in_only_for_an_empty_system_store() {
        let extra = bundled_roots().into_iter().take(2).collect::<Vec<_>>();
        let trust = Trust::from_parts(Vec::new(), extra.clone());
        assert_eq!((trust.system, trust.extra), (0, 2));
        assert!(trust.bundled > 100, "{trust:?}");
        let system = bundled_roots().into_iter().take(3).collect();
        let trust = Trust::from_parts(system, extra);
        assert_eq!((trust.system, trust.bundled, trust.extra), (3, 0, 2));
        let RootCerts::Specific(roots) = trust.tls_config().root_certs().clone() else {
            panic!("not a specific list of roots");
        };
        assert_eq!(roots.len(), 5);
    }
}
