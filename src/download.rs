//! File downloads for `files --download`: which links, under which names; each fetched with
//! no credentials, streamed to a temporary file in fixed-size pieces, hashed, synced and
//! renamed; and the manifest. It never prints: progress goes through [`Reporter`], traces
//! through [`Observer`].

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use ureq::Agent;

use crate::api::USER_AGENT;
use crate::error::io_reason;
use crate::local_read::{self, MAX_LOCAL_BYTES};
use crate::model::{FilesView, LinkSource};
use crate::private_fs;
use crate::settings::ProxyRules;
use crate::tls::{TlsFailure, Trust};
use crate::trace::{Exchange, Observer, ResponseHead, redacted_headers};
use crate::urls;

/// Bytes read and written at a time; memory does not grow with the file.
const BUFFER_BYTES: usize = 256 * 1024;
/// Buffers in flight between the reading and the hashing thread of one download.
const PIPELINE_DEPTH: usize = 4;
/// Retries after the first attempt, for connection errors, timeouts and 5xx.
const RETRIES: u32 = 2;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_REDIRECTS: u32 = 5;
const MAX_STEM_CHARS: usize = 100;
pub const MANIFEST: &str = "manifest.json";

/// One file to fetch: the key as the API sent it, the safe file stem, and the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub key: String,
    pub stem: String,
    pub url: String,
}

/// What `--download` will fetch, and the requested keys that have no link.
#[derive(Debug, Default)]
pub struct Plan {
    pub targets: Vec<Target>,
    pub without_link: Vec<String>,
}

/// Every non-null link of `fileUrls`, `videoUrls`, `additionalStepPdfUrls` (and top-level
/// links found nowhere else), each URL once, filtered by `only` (keys, any case). An `only`
/// key the response does not have is an error naming the keys it does have.
pub fn plan(view: &FilesView<'_>, only: &[String]) -> Result<Plan, String> {
    let wanted = |key: &str| only.is_empty() || only.iter().any(|o| o.eq_ignore_ascii_case(key));
    if let Some(unknown) = only
        .iter()
        .find(|o| !view.links.iter().any(|l| l.key.eq_ignore_ascii_case(o)))
    {
        let mut keys: Vec<&str> = Vec::new();
        for link in &view.links {
            if !keys.contains(&link.key) {
                keys.push(link.key);
            }
        }
        return Err(format!(
            "--only {unknown}: the response has no such file key (it has: {})",
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.join(", ")
            }
        ));
    }
    let mut plan = Plan::default();
    let mut seen_urls = HashSet::new();
    let mut stems = HashSet::new();
    for link in view.links.iter().filter(|l| wanted(l.key)) {
        let Some(url) = link.url() else {
            if link.source != LinkSource::TopLevel {
                plan.without_link.push(link.key.to_string());
            }
            continue;
        };
        if !seen_urls.insert(url) {
            continue;
        }
        let stem = unique_stem(safe_stem(link.key), &mut stems);
        plan.targets.push(Target {
            key: link.key.to_string(),
            stem,
            url: url.to_string(),
        });
    }
    Ok(plan)
}

/// A key reduced to `[A-Za-z0-9_-]`, at most 100 characters, never empty.
fn safe_stem(key: &str) -> String {
    let stem: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_STEM_CHARS)
        .collect();
    if stem.is_empty() {
        "file".to_string()
    } else {
        stem
    }
}

/// `stem`, or `stem-2`, `stem-3`… when taken (compared without case, for file systems that ignore it).
fn unique_stem(stem: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = stem.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_ascii_lowercase()) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

/// The file extension for a Content-Type, else the URL path's, else `bin`.
pub fn extension(content_type: Option<&str>, url: &str) -> String {
    let by_type = match content_type
        .map(|t| t.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("image/jpeg" | "image/jpg") => Some("jpg"),
        Some("image/png") => Some("png"),
        Some("image/webp") => Some("webp"),
        Some("image/heic") => Some("heic"),
        Some("video/mp4") => Some("mp4"),
        Some("video/webm") => Some("webm"),
        Some("video/quicktime") => Some("mov"),
        Some("application/pdf") => Some("pdf"),
        _ => None,
    };
    match by_type {
        Some(ext) => ext.to_string(),
        None => urls::path_extension(url).unwrap_or_else(|| "bin".to_string()),
    }
}

/// How a file ended up.
#[derive(Debug, Clone)]
pub enum Outcome {
    Saved(Saved),
    /// A file of that key was already there and `--force` was not given.
    Kept(Saved),
    Failed(Failure),
}

#[derive(Debug, Clone)]
pub struct Saved {
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    pub content_type: Option<String>,
    pub at: jiff::Timestamp,
}

#[derive(Debug, Clone)]
pub struct Failure {
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
pub trait Reporter: Send + Sync {
    fn started(&self, target: &Target, total: Option<u64>);
    fn advanced(&self, target: &Target, bytes: u64);
    fn retrying(&self, target: &Target, reason: &str);
    fn finished(&self, target: &Target, outcome: &Outcome);
}

/// The temporary files in flight. After [`TempFiles::remove_all_and`] starts, no new one can
/// appear, so an interrupted run leaves none behind.
#[derive(Debug, Default)]
pub struct TempFiles {
    live: Mutex<Vec<PathBuf>>,
    interrupted: AtomicBool,
}

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TempFiles {
    fn lock(&self) -> MutexGuard<'_, Vec<PathBuf>> {
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// A new private file `.<stem>.<pid>-<n>.part` in `dir`.
    fn create(&self, dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
        let mut live = self.lock();
        if self.interrupted() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{stem}.{}-{n}.part", std::process::id()));
        let file = private_fs::create_file(&path)?;
        live.push(path.clone());
        Ok((path, file))
    }

    /// Renames the finished temporary file to its final name.
    fn commit(&self, temp: &Path, target: &Path) -> io::Result<()> {
        let mut live = self.lock();
        if self.interrupted() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        fs::rename(temp, target)?;
        live.retain(|p| p != temp);
        Ok(())
    }

    fn discard(&self, temp: &Path) {
        let mut live = self.lock();
        let _ = fs::remove_file(temp);
        live.retain(|p| p != temp);
    }

    /// For Ctrl-C: removes every temporary file, then calls `then` with how many, still
    /// holding the lock so that no other file can be created or renamed meanwhile.
    pub fn remove_all_and<R>(&self, then: impl FnOnce(usize) -> R) -> R {
        let mut live = self.lock();
        self.interrupted.store(true, Ordering::SeqCst);
        let count = live.iter().filter(|p| fs::remove_file(p).is_ok()).count();
        live.clear();
        then(count)
    }
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
    failure: Failure,
    retry: bool,
}

impl Attempt {
    fn retry(reason: String) -> Attempt {
        Attempt {
            failure: Failure { reason, hint: None },
            retry: true,
        }
    }

    fn last(reason: String, hint: Option<String>) -> Attempt {
        Attempt {
            failure: Failure { reason, hint },
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
            .and_then(|url| Some((url.to_string(), ureq::Proxy::new(url).ok()?)))
            .map(|(url, proxy)| (url, file_agent(&options, Some(proxy))));
        Downloader {
            direct: file_agent(&options, None),
            proxied,
            options,
            temp,
            observer,
        }
    }

    /// Fetches every target with up to `jobs` at once; results in the targets' order.
    pub fn run(&self, targets: &[Target], reporter: &dyn Reporter) -> Vec<Report> {
        let existing = existing_stems(&self.options.dir);
        let previous = previous_manifest(&self.options.dir);
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; targets.len()]);
        let workers = self.options.jobs.clamp(1, targets.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        let Some(target) = targets.get(index) else {
                            break;
                        };
                        if self.temp.interrupted() {
                            break;
                        }
                        let outcome = match existing.get(&target.stem.to_ascii_lowercase()) {
                            Some(file) if !self.options.force => {
                                self.keep(file, previous.get(&target.key))
                            }
                            _ => self.fetch(target, reporter),
                        };
                        reporter.finished(target, &outcome);
                        let mut results = results.lock().unwrap_or_else(PoisonError::into_inner);
                        results[index] = Some(outcome);
                    }
                });
            }
        });
        let results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
        targets
            .iter()
            .zip(results)
            .map(|(target, outcome)| Report {
                target: target.clone(),
                outcome: outcome.unwrap_or_else(|| {
                    Outcome::Failed(Failure {
                        reason: "interrupted".to_string(),
                        hint: None,
                    })
                }),
            })
            .collect()
    }

    /// An existing file of the same key: kept, described from the disk.
    fn keep(&self, file: &str, previous: Option<&Map<String, Value>>) -> Outcome {
        let path = self.options.dir.join(file);
        match hash_file(&path) {
            Ok((bytes, sha256)) => {
                let earlier =
                    previous.filter(|p| p.get("file").and_then(Value::as_str) == Some(file));
                let content_type = earlier
                    .and_then(|p| p.get("contentType")?.as_str())
                    .map(str::to_string);
                let at = earlier
                    .and_then(|p| p.get("savedAt")?.as_str()?.parse().ok())
                    .unwrap_or_else(jiff::Timestamp::now);
                Outcome::Kept(Saved {
                    file: file.to_string(),
                    bytes,
                    sha256,
                    content_type,
                    at,
                })
            }
            Err(err) => Outcome::Failed(Failure {
                reason: format!("{file} exists but cannot be read: {}", io_reason(&err)),
                hint: Some("--force replaces it".to_string()),
            }),
        }
    }

    /// The first attempt and up to [`RETRIES`] more, with growing pauses between them.
    fn fetch(&self, target: &Target, reporter: &dyn Reporter) -> Outcome {
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

    fn fetch_once(&self, target: &Target, reporter: &dyn Reporter) -> Result<Saved, Attempt> {
        let (agent, proxy) = self.agent_for(&target.url);
        let started = Instant::now();
        let result = agent.get(&target.url).header("Accept", "*/*").call();
        let mut exchange = Exchange {
            method: "GET",
            url: urls::without_query(&target.url).to_string(),
            proxy: proxy.map(crate::settings::redact_url_credentials),
            request_headers: vec![("user-agent".into(), USER_AGENT.into())],
            response: Err(String::new()),
            body_bytes: None,
            elapsed: Duration::ZERO,
        };
        let response = match result {
            Ok(response) => response,
            Err(err) => {
                exchange.response = Err(without_signature(&err.to_string(), &target.url));
                exchange.elapsed = started.elapsed();
                self.observe(&exchange);
                let mut failed = classify(err);
                failed.failure.reason = without_signature(&failed.failure.reason, &target.url);
                return Err(failed);
            }
        };
        let status = response.status();
        exchange.response = Ok(ResponseHead {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
            headers: redacted_headers(response.headers()),
        });
        let outcome = self.save_body(target, response, reporter);
        exchange.body_bytes = outcome.as_ref().ok().map(|s| s.bytes as usize);
        exchange.elapsed = started.elapsed();
        self.observe(&exchange);
        outcome
    }

    fn observe(&self, exchange: &Exchange) {
        if let Some(observer) = &self.observer {
            observer.exchange(exchange);
        }
    }

    fn save_body(
        &self,
        target: &Target,
        response: ureq::http::Response<ureq::Body>,
        reporter: &dyn Reporter,
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
        let extension = extension(content_type.as_deref(), &target.url);
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
        let written = stream(&mut reader, &mut file, &self.temp, |n| {
            reporter.advanced(target, n)
        })
        .and_then(|(bytes, sha256)| match expected {
            Some(expected) if expected != bytes => Err(Attempt::retry(format!(
                "the body had {bytes} bytes but Content-Length said {expected}"
            ))),
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
        200..=299 => Ok(()),
        403 | 404 => Err(Attempt::last(
            why,
            Some("file links expire about an hour after they are issued; run `idenfy-cli files` again for fresh links".to_string()),
        )),
        500.. => Err(Attempt::retry(why)),
        _ => Err(Attempt::last(why, None)),
    }
}

/// Copies `reader` into `file` in [`BUFFER_BYTES`] pieces while another thread hashes the
/// pieces already written: [`PIPELINE_DEPTH`] buffers go round, so memory stays fixed.
fn stream(
    reader: &mut impl Read,
    file: &mut File,
    temp: &TempFiles,
    mut advanced: impl FnMut(u64),
) -> Result<(u64, String), Attempt> {
    let (to_hasher, filled) = mpsc::sync_channel::<(Vec<u8>, usize)>(PIPELINE_DEPTH);
    let (to_reader, emptied) = mpsc::channel::<Vec<u8>>();
    for _ in 0..PIPELINE_DEPTH {
        let _ = to_reader.send(vec![0u8; BUFFER_BYTES]);
    }
    std::thread::scope(|scope| {
        let hasher = scope.spawn(move || {
            let mut hasher = Sha256::new();
            for (buffer, n) in filled {
                hasher.update(&buffer[..n]);
                let _ = to_reader.send(buffer);
            }
            hex(&hasher.finalize())
        });
        let copied = copy(reader, file, temp, &to_hasher, &emptied, &mut advanced);
        drop(to_hasher);
        let sha256 = hasher
            .join()
            .map_err(|_| Attempt::last("the hashing thread failed".to_string(), None))?;
        copied.map(|bytes| (bytes, sha256))
    })
}

fn copy(
    reader: &mut impl Read,
    file: &mut File,
    temp: &TempFiles,
    to_hasher: &mpsc::SyncSender<(Vec<u8>, usize)>,
    emptied: &mpsc::Receiver<Vec<u8>>,
    advanced: &mut impl FnMut(u64),
) -> Result<u64, Attempt> {
    let mut bytes = 0u64;
    loop {
        if temp.interrupted() {
            return Err(Attempt::last("interrupted".to_string(), None));
        }
        let mut buffer = emptied
            .recv()
            .map_err(|_| Attempt::last("the hashing thread stopped".to_string(), None))?;
        let n = match reader.read(&mut buffer) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => 0,
            Err(err) => {
                return Err(Attempt::retry(format!(
                    "the connection failed after {bytes} bytes: {}",
                    io_reason(&err)
                )));
            }
        };
        file.write_all(&buffer[..n]).map_err(|err| {
            Attempt::last(format!("cannot write to disk: {}", io_reason(&err)), None)
        })?;
        bytes += n as u64;
        advanced(n as u64);
        to_hasher
            .send((buffer, n))
            .map_err(|_| Attempt::last("the hashing thread stopped".to_string(), None))?;
    }
}

/// An error text with the link's query (its signature) cut out, in case the text quotes it.
fn without_signature(text: &str, url: &str) -> String {
    match url.split_once('?') {
        Some((_, query)) if !query.is_empty() => text.replace(query, "…"),
        _ => text.to_string(),
    }
}

fn file_agent(options: &Options, proxy: Option<ureq::Proxy>) -> Agent {
    let timeout = options.timeout;
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(MAX_REDIRECTS)
        .timeout_resolve(Some(timeout))
        .timeout_connect(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .timeout_per_read(Some(timeout))
        .input_buffer_size(BUFFER_BYTES)
        .proxy(proxy)
        .tls_config(options.trust.tls_config())
        .user_agent(USER_AGENT)
        .build()
        .into()
}

/// A failed request: TLS failures are told in words and never retried (the same
/// certificate would come back), nor are redirect loops; connection errors are retried.
fn classify(err: ureq::Error) -> Attempt {
    if let Some(failure) = TlsFailure::of(&err) {
        return Attempt::last(failure.reason(), failure.hint());
    }
    match err {
        ureq::Error::TooManyRedirects => {
            Attempt::last(format!("more than {MAX_REDIRECTS} redirects"), None)
        }
        ureq::Error::StatusCode(code) => {
            Attempt::last(format!("the file host answered {code}"), None)
        }
        ureq::Error::Io(err) => Attempt::retry(io_reason(&err)),
        other => Attempt::retry(other.to_string()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The size and SHA-256 of a file on disk.
fn hash_file(path: &Path) -> io::Result<(u64, String)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; BUFFER_BYTES];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        bytes += n as u64;
    }
    Ok((bytes, hex(&hasher.finalize())))
}

/// Lower-cased stems of the files in `dir` (`FACE.png` -> `face`), mapped to their names.
fn existing_stems(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && name != MANIFEST)
        .filter_map(|name| {
            let (stem, _) = name.rsplit_once('.')?;
            Some((stem.to_ascii_lowercase(), name))
        })
        .collect()
}

/// An earlier `manifest.json` in `dir` that cannot be read as a file (a FIFO, a folder,
/// over 16 MiB) stops the download before anything is fetched; a missing one is fine.
pub fn check_manifest(dir: &Path) -> Result<(), String> {
    match local_read::read_regular(&dir.join(MANIFEST), MAX_LOCAL_BYTES) {
        Err(err) if !err.not_found() => Err(format!(
            "cannot read {}: {err}; refused",
            dir.join(MANIFEST).display()
        )),
        _ => Ok(()),
    }
}

/// The entries of an earlier `manifest.json` in `dir`, by key.
fn previous_manifest(dir: &Path) -> BTreeMap<String, Map<String, Value>> {
    let Ok(bytes) = local_read::read_regular(&dir.join(MANIFEST), MAX_LOCAL_BYTES) else {
        return BTreeMap::new();
    };
    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        return BTreeMap::new();
    };
    let entries = value
        .get("files")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    entries
        .into_iter()
        .filter_map(|entry| match entry {
            Value::Object(map) => Some((map.get("key")?.as_str()?.to_string(), map)),
            _ => None,
        })
        .collect()
}

/// The manifest's entry for one report. URLs never carry their query (the signature).
fn manifest_entry(report: &Report) -> Value {
    let url = urls::without_query(&report.target.url);
    let key = &report.target.key;
    match &report.outcome {
        Outcome::Saved(saved) | Outcome::Kept(saved) => json!({
            "key": key,
            "file": saved.file,
            "bytes": saved.bytes,
            "sha256": saved.sha256,
            "contentType": saved.content_type,
            "url": url,
            "savedAt": saved.at.to_string(),
            "result": if matches!(report.outcome, Outcome::Saved(_)) { "saved" } else { "kept" },
        }),
        Outcome::Failed(failure) => json!({
            "key": key,
            "file": null,
            "url": url,
            "result": "failed",
            "error": failure.reason,
        }),
    }
}

/// The manifest: this run's entries, plus entries of an earlier run for keys not in this
/// one (an `--only` run must not forget the other files).
pub fn manifest(dir: &Path, scan_ref: Option<&str>, reports: &[Report]) -> Value {
    let mut files: Vec<Value> = reports.iter().map(manifest_entry).collect();
    let keys: HashSet<&str> = reports.iter().map(|r| r.target.key.as_str()).collect();
    for (key, entry) in previous_manifest(dir) {
        if !keys.contains(key.as_str()) {
            files.push(Value::Object(entry));
        }
    }
    json!({
        "scanRef": scan_ref,
        "createdAt": jiff::Timestamp::now().to_string(),
        "files": files,
    })
}

/// Writes `manifest.json` in `dir` like a download: private temporary file, sync, rename.
pub fn write_manifest(dir: &Path, manifest: &Value, temp: &TempFiles) -> io::Result<PathBuf> {
    let (temp_path, mut file) = temp.create(dir, "manifest")?;
    let mut text = serde_json::to_string_pretty(manifest).map_err(io::Error::other)?;
    text.push('\n');
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let target = dir.join(MANIFEST);
    match written.and_then(|()| temp.commit(&temp_path, &target)) {
        Ok(()) => {
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
            Ok(target)
        }
        Err(err) => {
            temp.discard(&temp_path);
            Err(err)
        }
    }
}

/// Total bytes across reports that saved or kept a file.
pub fn total_bytes(reports: &[Report]) -> u64 {
    reports
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Saved(s) | Outcome::Kept(s) => s.bytes,
            Outcome::Failed(_) => 0,
        })
        .sum()
}

/// A reporter that shows nothing (stderr is not a terminal, or `--quiet`).
pub struct Silent;

impl Reporter for Silent {
    fn started(&self, _: &Target, _: Option<u64>) {}
    fn advanced(&self, _: &Target, _: u64) {}
    fn retrying(&self, _: &Target, _: &str) {}
    fn finished(&self, _: &Target, _: &Outcome) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode;

    #[test]
    fn hostile_keys_become_safe_stems() {
        assert_eq!(safe_stem("../../x"), "______x");
        assert_eq!(safe_stem("A B/1"), "A_B_1");
        assert_eq!(safe_stem(""), "file");
        assert_eq!(safe_stem("FACE_VIDEO-2"), "FACE_VIDEO-2");
        assert_eq!(safe_stem("ŠKEY"), "_KEY");
        assert_eq!(safe_stem(&"k".repeat(300)).len(), MAX_STEM_CHARS);
    }

    #[test]
    fn extension_prefers_content_type_then_path_then_bin() {
        assert_eq!(extension(Some("image/jpeg"), "https://h/a.png"), "jpg");
        assert_eq!(extension(Some("video/quicktime"), "https://h/a"), "mov");
        assert_eq!(
            extension(Some("application/octet-stream"), "https://h/a.PNG?x=1"),
            "png"
        );
        assert_eq!(extension(None, "https://h/a"), "bin");
    }

    #[test]
    fn plan_fetches_each_url_once_and_skips_nulls() {
        let doc = decode(
            br#"{"FACE":"https://h/FACE.png","LEGACY":"https://h/old.png",
                "fileUrls":{"FACE":"https://h/FACE.png","BACK":null,"A B":"https://h/1","A_B":"https://h/2"},
                "videoUrls":{"FACE_VIDEO":"https://h/v.mp4"},"additionalStepPdfUrls":{}}"#,
        )
        .unwrap();
        let view = FilesView::new(&doc.body);
        let plan = plan(&view, &[]).unwrap();
        let stems: Vec<&str> = plan.targets.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["FACE", "A_B", "A_B-2", "FACE_VIDEO", "LEGACY"]);
        assert_eq!(plan.without_link, ["BACK"]);
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

    #[test]
    fn only_filters_by_key_and_rejects_unknown_keys() {
        let doc = decode(br#"{"fileUrls":{"FRONT":"https://h/f","BACK":"https://h/b"}}"#).unwrap();
        let view = FilesView::new(&doc.body);
        let plan = plan(&view, &["front".to_string()]).unwrap();
        assert_eq!(plan.targets.len(), 1);
        assert_eq!(plan.targets[0].key, "FRONT");
        let err = super::plan(&view, &["SELFIE".to_string()]).unwrap_err();
        assert_eq!(
            err,
            "--only SELFIE: the response has no such file key (it has: FRONT, BACK)"
        );
    }
}
