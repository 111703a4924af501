//! Which certificate authorities HTTPS connections trust: the system's store (or, when it
//! has none, the bundled Mozilla roots) plus the certificates of an optional PEM file.

use std::fmt;
use std::path::{Path, PathBuf};

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::{Error, Result};
use crate::local_read::{self, MAX_LOCAL_BYTES};
use crate::settings::Sourced;

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
    /// certificates of `ca_file`. A CA file that cannot be used is a configuration error.
    pub fn load(ca_file: Option<&Sourced<PathBuf>>) -> Result<Trust> {
        let extra = match ca_file {
            Some(file) => read_ca_file(&file.value).map_err(|problem| {
                Error::config(format!(
                    "the CA file {} (from {}) {problem}",
                    file.value.display(),
                    file.source
                ))
                .hint("name a PEM file of one or more certificates, each between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----")
            })?,
            None => Vec::new(),
        };
        Ok(Trust::from_parts(system_roots(), extra))
    }

    fn from_parts(system: Vec<Certificate<'static>>, extra: Vec<Certificate<'static>>) -> Trust {
        let (system_count, extra_count) = (system.len(), extra.len());
        let mut roots = match system.is_empty() {
            true => bundled_roots(),
            false => system,
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
    let bytes = local_read::read_regular(path, MAX_LOCAL_BYTES)
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
    rustls_native_certs::load_native_certs()
        .certs
        .iter()
        .map(|der| Certificate::from_der(der).to_owned())
        .collect()
}

/// Mozilla's roots as shipped in the binary, for a system without a trust store.
fn bundled_roots() -> Vec<Certificate<'static>> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect()
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
