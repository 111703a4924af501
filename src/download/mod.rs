//! File downloads for `files --download`: which links, under which names; each fetched with
//! no credentials, streamed to a temporary file in fixed-size pieces, hashed, synced and
//! renamed; and the manifest. It never prints: progress goes through [`DownloadReporter`], traces
//! through [`Observer`].

pub mod args;
mod manifest;
mod plan;
pub mod progress;
pub mod run;
mod stream;
mod temp;
pub mod view;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde_json::{Map, Value};
use ureq::Agent;

use crate::api::USER_AGENT;
use crate::error::io_reason;
use crate::net::tls::Trust;
use crate::net::trace::{Exchange, Observer};
use crate::net::urls;
use crate::pool::Finished;
use crate::settings::ProxyRules;

pub use manifest::{
    MANIFEST, OwnFile, add_entry, another_case, case_manifest, check_manifest, is_plain_name,
    manifest, named_scan_ref, previous, sums, total_bytes, write_manifest,
};
use manifest::{existing_stems, previous_manifest};
pub use plan::{Target, extension, plan};
pub use stream::hash_file;
use stream::{BUFFER_BYTES, stream};
pub use temp::{TempFiles, remove_stale};

/// Retries after the first attempt, for connection errors, timeouts and 5xx.
const RETRIES: u32 = 2;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_REDIRECTS: u32 = 5;

/// How a file ended up.
#[derive(Debug, Clone)]
pub enum Outcome {
    Saved(Saved),
    /// A file of that key was already there and `--force` was not given.
    Kept(Saved),
    Failed(DownloadFailure),
}

#[derive(Debug, Clone)]
pub struct Saved {
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    pub content_type: Option<String>,
    pub at: jiff::Timestamp,
    /// Where the body came from when a redirect led away from the link, shown without its
    /// query; `None` when it came from the link itself.
    pub from: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DownloadFailure {
    pub reason: String,
    pub hint: Option<String>,
}

/// A target and how it ended.
#[derive(Debug, Clone)]
pub struct Report {
    pub target: Target,
    pub outcome: Outcome,
}

/// Progress events; the command decides how to show them.
pub trait DownloadReporter: Send + Sync {
    fn started(&self, target: &Target, total: Option<u64>);
    fn advanced(&self, target: &Target, bytes: u64);
    fn retrying(&self, target: &Target, reason: &str);
    fn finished(&self, target: &Target, outcome: &Outcome);
}

/// How downloads run.
pub struct Options {
    pub dir: PathBuf,
    pub jobs: usize,
    pub force: bool,
    /// Limit for connecting, for the response head, and for each read of the body.
    pub timeout: Duration,
    pub proxy: ProxyRules,
    /// The certificate authorities file hosts are checked against.
    pub trust: Trust,
}

/// Fetches files with agents that carry no credentials.
pub struct Downloader {
    direct: Agent,
    proxied: Option<(String, Agent)>,
    options: Options,
    temp: Arc<TempFiles>,
    observer: Option<Arc<dyn Observer>>,
}

/// One failed attempt, and whether another may help.
struct Attempt {
    failure: DownloadFailure,
    retry: bool,
}

impl Attempt {
    fn retry(reason: String) -> Attempt {
        Attempt {
            failure: DownloadFailure { reason, hint: None },
            retry: true,
        }
    }

    fn last(reason: String, hint: Option<String>) -> Attempt {
        Attempt {
            failure: DownloadFailure { reason, hint },
            retry: false,
        }
    }
}

impl Downloader {
    pub fn new(
        options: Options,
        temp: Arc<TempFiles>,
        observer: Option<Arc<dyn Observer>>,
    ) -> Downloader {
        let proxied = options
            .proxy
            .proxy_url()
            .and_then(|url| Some((url.to_string(), file_agent(&options, Some(url))?)));
        Downloader {
            direct: file_agent(&options, None).expect("an agent without a proxy"),
            proxied,
            options,
            temp,
            observer,
        }
    }

    /// Fetches every target with up to `jobs` at once; results in the targets' order.
    pub fn run(&self, targets: &[Target], reporter: &dyn DownloadReporter) -> Vec<Report> {
        temp::remove_stale(&self.options.dir);
        let existing = existing_stems(&self.options.dir);
        let previous = previous_manifest(&self.options.dir);
        // Each file on the run's pool; a run that is interrupted starts no more.
        let mut reports = Vec::with_capacity(targets.len());
        let never = AtomicBool::new(false);
        crate::pool::in_order(
            targets,
            self.options.jobs,
            &never,
            |target| {
                if self.temp.interrupted() {
                    return None;
                }
                let outcome = match existing.get(&target.stem.to_ascii_lowercase()) {
                    Some(file) if !self.options.force => {
                        keep(&self.options.dir, file, previous.get(&target.key), None)
                    }
                    _ => self.fetch(target, reporter),
                };
                reporter.finished(target, &outcome);
                Some(outcome)
            },
            |target, finished| {
                let reason = match finished {
                    Finished::Done(Some(outcome)) => {
                        reports.push(Report {
                            target: target.clone(),
                            outcome,
                        });
                        return true;
                    }
                    Finished::Done(None) | Finished::Skipped => "interrupted",
                    Finished::Failed => "the download's thread failed",
                };
                reports.push(Report {
                    target: target.clone(),
                    outcome: Outcome::Failed(DownloadFailure {
                        reason: reason.to_string(),
                        hint: None,
                    }),
                });
                true
            },
        );
        reports
    }

    /// The first attempt and up to [`RETRIES`] more, with growing pauses between them.
    fn fetch(&self, target: &Target, reporter: &dyn DownloadReporter) -> Outcome {
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 0;
        loop {
            match self.fetch_once(target, reporter) {
                Ok(saved) => return Outcome::Saved(saved),
                Err(failed) if failed.retry && attempt < RETRIES && !self.temp.interrupted() => {
                    reporter.retrying(target, &failed.failure.reason);
                    std::thread::sleep(backoff);
                    backoff *= 2;
                    attempt += 1;
                }
                Err(failed) => return Outcome::Failed(failed.failure),
            }
        }
    }

    fn agent_for(&self, url: &str) -> (&Agent, Option<&str>) {
        match (&self.proxied, self.options.proxy.proxy_for(url)) {
            (Some((proxy_url, agent)), Some(_)) => (agent, Some(proxy_url.as_str())),
            _ => (&self.direct, None),
        }
    }

    /// One attempt: follows up to [`MAX_REDIRECTS`] redirects itself, so that every link
    /// on the way is checked (https, or http to loopback) before it is connected to.
    fn fetch_once(
        &self,
        target: &Target,
        reporter: &dyn DownloadReporter,
    ) -> Result<Saved, Attempt> {
        let mut url = target.url.clone();
        for _ in 0..=MAX_REDIRECTS {
            if leads_inward(&target.url, &url) {
                return Err(Attempt::last(
                    format!(
                        "refused a redirect to {}: a link to a public host may not lead into this machine or a private network",
                        urls::shown_link(&url)
                    ),
                    None,
                ));
            }
            if !urls::is_safe_file_link(&url) {
                let shown = urls::shown_link(&url);
                return Err(Attempt::last(
                    format!(
                        "refused {shown}: file links must be https (plain http only to this machine)"
                    ),
                    None,
                ));
            }
            let response = self.get(&url)?;
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .filter(|_| response.status().is_redirection());
            match location {
                Some(location) => url = urls::resolve(&url, location),
                None => return self.save_body(target, &url, response, reporter),
            }
        }
        Err(Attempt::last(
            format!("more than {MAX_REDIRECTS} redirects"),
            None,
        ))
    }

    /// One GET of `url`, traced; the response whatever its status.
    fn get(&self, url: &str) -> Result<ureq::http::Response<ureq::Body>, Attempt> {
        let (agent, proxy) = self.agent_for(url);
        let started = Instant::now();
        let result = agent.get(url).header("Accept", "*/*").call();
        let mut exchange = Exchange::new(
            "GET",
            urls::shown_link(url),
            proxy,
            vec![("user-agent".into(), USER_AGENT.into())],
        );
        exchange.elapsed = started.elapsed();
        match result {
            Ok(response) => {
                exchange.answered(&response);
                self.observe(&exchange);
                Ok(response)
            }
            Err(err) => {
                exchange.response = Err(without_signature(&err.to_string(), url));
                self.observe(&exchange);
                let mut failed = classify(err);
                failed.failure.reason = without_signature(&failed.failure.reason, url);
                Err(failed)
            }
        }
    }

    fn observe(&self, exchange: &Exchange) {
        if let Some(observer) = &self.observer {
            observer.exchange(exchange);
        }
    }

    fn save_body(
        &self,
        target: &Target,
        url: &str,
        response: ureq::http::Response<ureq::Body>,
        reporter: &dyn DownloadReporter,
    ) -> Result<Saved, Attempt> {
        check_status(response.status())?;
        let header = |name: &str| {
            let value = response.headers().get(name)?.to_str().ok()?;
            Some(value.to_string())
        };
        let content_type = header("content-type")
            .and_then(|t| t.split(';').next().map(|t| t.trim().to_ascii_lowercase()))
            .filter(|t| !t.is_empty());
        let expected = header("content-length").and_then(|n| n.trim().parse::<u64>().ok());
        let extension = extension(content_type.as_deref(), url);
        let file_name = format!("{}.{extension}", target.stem);
        let dir = &self.options.dir;
        let (temp_path, mut file) = self.temp.create(dir, &target.stem).map_err(|err| {
            let why = format!(
                "cannot create a file in {}: {}",
                dir.display(),
                io_reason(&err)
            );
            Attempt::last(why, None)
        })?;
        reporter.started(target, expected);
        let mut reader = response
            .into_body()
            .into_with_config()
            .limit(u64::MAX)
            .reader();
        let window = self.options.timeout;
        let written = stream(&mut reader, &mut file, &self.temp, window, |n| {
            reporter.advanced(target, n)
        })
        .and_then(|(bytes, sha256)| match expected {
            Some(expected) if expected != bytes => Err(Attempt::retry(format!(
                "the body had {bytes} bytes but Content-Length said {expected}"
            ))),
            // An empty body is no photo, video or document.
            _ if bytes == 0 => Err(Attempt::last(
                "the file host sent an empty body".to_string(),
                None,
            )),
            _ => Ok((bytes, sha256)),
        })
        .and_then(|done| {
            let synced = file.sync_all();
            synced.map(|()| done).map_err(|err| {
                Attempt::last(format!("cannot write to disk: {}", io_reason(&err)), None)
            })
        });
        drop(file);
        let committed = written.and_then(|done| {
            let renamed = self.temp.commit(&temp_path, &dir.join(&file_name));
            renamed.map(|()| done).map_err(|err| {
                Attempt::last(
                    format!("cannot save {file_name}: {}", io_reason(&err)),
                    None,
                )
            })
        });
        let (bytes, sha256) = committed.inspect_err(|_| self.temp.discard(&temp_path))?;
        Ok(Saved {
            file: file_name,
            bytes,
            sha256,
            content_type,
            at: jiff::Timestamp::now(),
            from: (url != target.url).then(|| urls::shown_link(url)),
        })
    }
}

/// What a file host's status means for the download: go on, give up, or try again.
fn check_status(status: ureq::http::StatusCode) -> Result<(), Attempt> {
    let code = status.as_u16();
    let why = format!(
        "the file host answered {code} {}",
        status.canonical_reason().unwrap_or("")
    );
    match code {
        200 => Ok(()),
        // A part nobody asked for, no content, or any other success is not a whole file.
        201..=299 => Err(Attempt::last(format!("{why}, not a whole file"), None)),
        403 | 404 => Err(Attempt::last(
            why,
            Some("file links expire about an hour after they are issued; run `idenfy-cli files` again for fresh links".to_string()),
        )),
        500.. => Err(Attempt::retry(why)),
        _ => Err(Attempt::last(why, None)),
    }
}

/// Whether following a link to `start` has led to `now` inside this machine or a private
/// network although `start` was outside: refused, as browsers refuse it.
fn leads_inward(start: &str, now: &str) -> bool {
    let inward = |url: &str| urls::host(url).is_some_and(|host| urls::is_inward(&host));
    !inward(start) && inward(now)
}

/// An error text with the link's query (its signature) cut out, in case the text quotes it.
fn without_signature(text: &str, url: &str) -> String {
    match url.split_once('?') {
        Some((_, query)) if !query.is_empty() => text.replace(query, "…"),
        _ => text.to_string(),
    }
}

/// The agent for file hosts: no credentials, each step of a long download bounded apart.
/// `None` for a proxy URL ureq cannot use.
fn file_agent(options: &Options, proxy: Option<&str>) -> Option<Agent> {
    crate::net::agent::agent(crate::net::agent::Spec {
        trust: &options.trust,
        proxy,
        deadline: crate::net::agent::Deadline::EachStep(options.timeout),
        idle_connections: None,
        buffer_bytes: Some(BUFFER_BYTES),
    })
    .ok()
}

/// A failed request: TLS failures are told in words and never retried (the same
/// certificate would come back), nor are redirect loops; connection errors are retried.
fn classify(err: ureq::Error) -> Attempt {
    use crate::net::failure::{self, Kind};
    let failure = failure::classify(&err);
    match failure.kind {
        Kind::Tls(tls) => Attempt::last(tls.reason(), tls.hint()),
        Kind::TooManyRedirects => {
            Attempt::last(format!("more than {MAX_REDIRECTS} redirects"), None)
        }
        Kind::Status(code) => Attempt::last(format!("the file host answered {code}"), None),
        _ => Attempt::retry(failure.text),
    }
}

/// A reporter that shows nothing (stderr is not a terminal, or `--quiet`).
pub struct Silent;

impl DownloadReporter for Silent {
    fn started(&self, _: &Target, _: Option<u64>) {}
    fn advanced(&self, _: &Target, _: u64) {}
    fn retrying(&self, _: &Target, _: &str) {}
    fn finished(&self, _: &Target, _: &Outcome) {}
}

/// A file already in `dir`, kept and described from the disk: its size and SHA-256, its
/// content type (given, else as `earlier` noted it) and when it was saved (as `earlier`, the
/// previous manifest's entry for it, says). The one way a run keeps a file it finds.
pub fn keep(
    dir: &std::path::Path,
    file: &str,
    earlier: Option<&Map<String, Value>>,
    content_type: Option<&str>,
) -> Outcome {
    let path = dir.join(file);
    let regular = std::fs::symlink_metadata(&path).map(|m| m.is_file());
    let read = regular.and_then(|regular| {
        if regular {
            hash_file(&path)
        } else {
            Err(std::io::Error::other("it is not a regular file"))
        }
    });
    match read {
        Ok((bytes, sha256)) => {
            let earlier = earlier.filter(|e| e.get("file").and_then(Value::as_str) == Some(file));
            let content_type = content_type.map(str::to_string).or_else(|| {
                earlier
                    .and_then(|e| e.get("contentType")?.as_str())
                    .map(str::to_string)
            });
            let at = earlier
                .and_then(|e| e.get("savedAt")?.as_str()?.parse().ok())
                .unwrap_or_else(jiff::Timestamp::now);
            Outcome::Kept(Saved {
                file: file.to_string(),
                bytes,
                sha256,
                content_type,
                at,
                from: earlier
                    .and_then(|e| e.get("finalUrl")?.as_str())
                    .map(str::to_string),
            })
        }
        Err(err) => Outcome::Failed(DownloadFailure {
            reason: format!("{file} exists but cannot be read: {}", io_reason(&err)),
            hint: Some("--force replaces it".to_string()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_from_a_public_host_never_reaches_inward() {
        let public = "https://files.invalid/F.png?Signature=s";
        for inward in [
            "http://127.0.0.1:8080/x",
            "https://192.168.1.10/x",
            "https://169.254.169.254/latest/meta-data",
            "http://localhost/x",
        ] {
            assert!(leads_inward(public, inward), "{inward}");
        }
        assert!(!leads_inward(public, "https://cdn.invalid/F.png"));
        // A link that was on this machine to begin with may move within it.
        assert!(!leads_inward(
            "http://127.0.0.1:9/a",
            "http://127.0.0.1:9/b"
        ));
    }

    #[test]
    fn error_texts_lose_the_link_signature() {
        let url = "https://h/a.png?Signature=abc&Expires=1";
        assert_eq!(
            without_signature("bad uri https://h/a.png?Signature=abc&Expires=1", url),
            "bad uri https://h/a.png?…"
        );
        assert_eq!(without_signature("refused", "https://h/a.png"), "refused");
    }
}
