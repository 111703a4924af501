//! `webhook listen`'s server: HTTP/1.1 (hyper) on a small runtime of its own, bounded
//! everywhere. Headers must arrive within 10 s and a body within 10 s more; a body over
//! 16 MiB is refused unread; at most 256 connections are served at once (more wait to be
//! accepted) and at most 256 MiB of bodies are held at once beyond the first 64 KiB of each,
//! counted as their bytes arrive. A delivery is answered 200 only
//! once it is on disk. What happens is told to a [`DeliveryReporter`]; this module prints nothing.

mod forward;
mod store;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{ALLOW, CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use crate::secret::Secret;
use crate::webhook::deliver::Poster;
use crate::webhook::{self, SignatureCheck};

pub use forward::is_forwarded;

/// The largest delivery saved: the bound of every body.
pub const MAX_BODY: usize = crate::local_read::MAX_BYTES as usize;
/// How long a client may take to send its request's headers (from its first byte, or from
/// when the connection became idle).
pub const HEADER_DEADLINE: Duration = Duration::from_secs(10);
/// How long a client may take to send its body, once the headers are in.
pub const BODY_DEADLINE: Duration = Duration::from_secs(10);
/// Connections served at once; further ones wait in the system's queue until one ends.
pub const MAX_CONNECTIONS: usize = 256;
/// Bodies held in memory at once, in KiB: each piece of a body waits for room before it is kept.
const BODY_BUDGET_KIB: usize = 256 * 1024;
/// Deliveries DIR may hold (those there before the run included); further ones are answered
/// 507 and not saved.
pub const MAX_SAVED_DELIVERIES: u64 = 10_000;
/// Bytes DIR may hold (bodies and notes, those there before the run included).
pub const MAX_SAVED_BYTES: u64 = 1 << 30;
/// How long a stop waits for deliveries in flight to be saved and answered.
const DRAIN: Duration = Duration::from_secs(25);

/// What the server needs to know.
pub struct Config {
    pub dir: PathBuf,
    /// The webhook signing key; without one every verdict is `unchecked`.
    pub key: Option<Secret>,
    /// Where to pass each delivery on, and the client to do it with.
    pub forward: Option<(String, Poster)>,
}

/// One saved delivery, as the line about it shows it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub received_at: jiff::Timestamp,
    /// The body's file name in DIR.
    pub file: String,
    pub event_type: Option<String>,
    pub scan_ref: Option<String>,
    pub status: Option<String>,
    pub signature: SignatureCheck,
    pub bytes: usize,
    /// With `--forward`: what became of the forward.
    pub forward: Option<Forwarded>,
}

#[derive(Debug, Clone)]
pub enum Forwarded {
    Answered { status: u16, elapsed: Duration },
    Failed(String),
    Skipped(&'static str),
}

/// A request that was not a delivery, or one that could not be saved.
#[derive(Debug, Clone)]
pub struct ListenRefusal {
    pub peer: SocketAddr,
    pub method: String,
    pub path: String,
    pub status: u16,
    pub why: String,
}

/// Hears what happens, from the server's threads.
pub trait DeliveryReporter: Send + Sync + 'static {
    /// A delivery is saved (and, with `--forward`, forwarded or not).
    fn delivery(&self, delivery: Delivery);
    /// A request was answered with an error.
    fn refused(&self, refusal: ListenRefusal);
}

/// Asks the server to stop, from any thread (a signal, a closed stdout).
#[derive(Clone)]
pub struct Stop(Arc<watch::Sender<bool>>);

impl Stop {
    pub fn new() -> Stop {
        Stop(Arc::new(watch::channel(false).0))
    }

    pub fn stop(&self) {
        self.0.send_replace(true);
    }

    pub fn is_stopped(&self) -> bool {
        *self.0.borrow()
    }

    fn watch(&self) -> watch::Receiver<bool> {
        self.0.subscribe()
    }
}

/// Binds the address now, so that a port in use fails before anything else starts.
pub fn bind(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Serves until `stop`; then accepts nothing more, lets the deliveries in flight be saved
/// and answered, and returns how many were saved.
pub fn serve(
    listener: std::net::TcpListener,
    config: Config,
    reporter: Arc<dyn DeliveryReporter>,
    stop: Stop,
) -> std::io::Result<u64> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(8)
        .thread_name("listen")
        .enable_io()
        .enable_time()
        .build()?;
    let forwarder = config
        .forward
        .map(|(url, poster)| forward::Forwarder::start(url, poster, Arc::clone(&reporter)));
    let quota = Quota::of(&config.dir);
    let state = Arc::new(ListenerState {
        quota,
        dir: config.dir,
        key: config.key,
        next: AtomicU64::new(1),
        saved: AtomicU64::new(0),
        budget: Arc::new(Semaphore::new(BODY_BUDGET_KIB)),
        reporter,
        forwarder,
    });
    runtime.block_on(accept_loop(listener, Arc::clone(&state), stop))?;
    drop(runtime);
    if let Some(forwarder) = &state.forwarder {
        forwarder.finish();
    }
    Ok(state.saved.load(Ordering::SeqCst))
}

struct ListenerState {
    quota: Quota,
    dir: PathBuf,
    key: Option<Secret>,
    /// The number of the next delivery, for its file name.
    next: AtomicU64,
    saved: AtomicU64,
    budget: Arc<Semaphore>,
    reporter: Arc<dyn DeliveryReporter>,
    forwarder: Option<forward::Forwarder>,
}

/// What DIR holds, against [`MAX_SAVED_DELIVERIES`] and [`MAX_SAVED_BYTES`]: a delivery takes
/// its place before it is saved, and gives it back when it could not be.
struct Quota {
    deliveries: AtomicU64,
    bytes: AtomicU64,
}

/// What a note is taken to add to a delivery's bytes until its real size is known.
const NOTE_BYTES: u64 = 2048;

impl Quota {
    /// Counts the deliveries and bytes DIR holds already.
    fn of(dir: &std::path::Path) -> Quota {
        let (mut deliveries, mut bytes) = (0, 0);
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if !meta.is_file() {
                continue;
            }
            bytes += meta.len();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".json") && !name.ends_with(webhook::META_SUFFIX) {
                deliveries += 1;
            }
        }
        Quota {
            deliveries: AtomicU64::new(deliveries),
            bytes: AtomicU64::new(bytes),
        }
    }

    /// Takes room for one delivery of `size` bytes, or says there is none.
    fn take(&self, size: usize) -> bool {
        let size = size as u64 + NOTE_BYTES;
        let count = self.deliveries.fetch_add(1, Ordering::SeqCst);
        let held = self.bytes.fetch_add(size, Ordering::SeqCst);
        if count >= MAX_SAVED_DELIVERIES || held + size > MAX_SAVED_BYTES {
            self.give_back(size as usize - NOTE_BYTES as usize);
            return false;
        }
        true
    }

    /// A saved note's size, instead of the [`NOTE_BYTES`] taken for it.
    fn noted(&self, bytes: usize) {
        self.bytes.fetch_add(bytes as u64, Ordering::SeqCst);
        self.bytes.fetch_sub(NOTE_BYTES, Ordering::SeqCst);
    }

    fn give_back(&self, size: usize) {
        self.deliveries.fetch_sub(1, Ordering::SeqCst);
        self.bytes
            .fetch_sub(size as u64 + NOTE_BYTES, Ordering::SeqCst);
    }
}

async fn accept_loop(
    listener: std::net::TcpListener,
    state: Arc<ListenerState>,
    stop: Stop,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut stopped = stop.watch();
    loop {
        let permit = tokio::select! {
            _ = until_stopped(&mut stopped) => break,
            permit = Arc::clone(&slots).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let accepted = tokio::select! {
            _ = until_stopped(&mut stopped) => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a moment rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        let mut stopped = stop.watch();
        tokio::spawn(async move {
            let service = service_fn(move |request| handle(Arc::clone(&state), peer, request));
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_DEADLINE)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = until_stopped(&mut stopped) => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    // Every connection gives its slot back when it ends: holding them all means none is left.
    let _ = tokio::time::timeout(DRAIN, slots.acquire_many(MAX_CONNECTIONS as u32)).await;
    Ok(())
}

/// Returns once a stop is asked for.
async fn until_stopped(stopped: &mut watch::Receiver<bool>) {
    let _ = stopped.wait_for(|stop| *stop).await;
}

type HttpAnswer = Response<Full<Bytes>>;

fn answer(status: StatusCode, text: &str) -> HttpAnswer {
    let mut response = Response::new(Full::new(Bytes::from(format!("{text}\n"))));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// An answer after which the connection closes: the rest of the request is not read.
fn closing(status: StatusCode, text: &str) -> HttpAnswer {
    let mut response = answer(status, text);
    response
        .headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

async fn handle(
    state: Arc<ListenerState>,
    peer: SocketAddr,
    request: Request<Incoming>,
) -> Result<HttpAnswer, Infallible> {
    let refuse = |status: StatusCode, why: &str| {
        state.reporter.refused(ListenRefusal {
            peer,
            method: webhook::clip(request.method().as_str()),
            path: webhook::clip(&request.uri().to_string()),
            status: status.as_u16(),
            why: why.to_string(),
        });
    };
    if request.method() != Method::POST {
        refuse(StatusCode::METHOD_NOT_ALLOWED, "only POST is a delivery");
        let mut response = answer(StatusCode::METHOD_NOT_ALLOWED, "only POST is a delivery");
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("POST"));
        return Ok(response);
    }
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        let why = "the body is over 16 MiB; nothing was saved";
        refuse(StatusCode::PAYLOAD_TOO_LARGE, why);
        return Ok(closing(StatusCode::PAYLOAD_TOO_LARGE, why));
    }
    let (head, body) = request.into_parts();
    let refuse = |status: StatusCode, why: &str| {
        state.reporter.refused(ListenRefusal {
            peer,
            method: webhook::clip(head.method.as_str()),
            path: webhook::clip(&head.uri.to_string()),
            status: status.as_u16(),
            why: why.to_string(),
        });
        Ok(closing(status, why))
    };
    // The body, within the deadline, each piece given room in the budget as it arrives: a
    // client that declares a large body, or sends chunks slowly, holds only what it sent.
    let read = tokio::time::timeout(BODY_DEADLINE, read_body(body, &state.budget)).await;
    let (room, bytes) = match read {
        Err(_) => {
            return refuse(
                StatusCode::REQUEST_TIMEOUT,
                "the body did not arrive within 10 s; nothing was saved",
            );
        }
        Ok(Err(BodyError::TooLarge)) => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the body is over 16 MiB; nothing was saved",
            );
        }
        Ok(Err(BodyError::Read(err))) => {
            let why = format!("the body could not be read ({err}); nothing was saved");
            return refuse(StatusCode::BAD_REQUEST, &why);
        }
        Ok(Ok(read)) => read,
    };
    let received_at = jiff::Timestamp::now();
    let number = state.next.fetch_add(1, Ordering::SeqCst);
    let arrival = Arrival {
        received_at,
        number,
        peer,
        method: head.method.to_string(),
        path: head.uri.to_string(),
        headers: head
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_string(), value.as_bytes().to_vec()))
            .collect(),
    };
    if !state.quota.take(bytes.len()) {
        let why = format!(
            "the folder holds {} deliveries or {} GiB already; nothing was saved (start webhook listen again with another --dir)",
            MAX_SAVED_DELIVERIES,
            MAX_SAVED_BYTES >> 30
        );
        return refuse(StatusCode::INSUFFICIENT_STORAGE, &why);
    }
    let size = bytes.len();
    let saving = Arc::clone(&state);
    let saved = tokio::task::spawn_blocking(move || save(&saving, arrival, &bytes)).await;
    drop(room);
    if !matches!(saved, Ok(Ok(_))) {
        state.quota.give_back(size);
    }
    match saved {
        Ok(Ok(file)) => Ok(answer(StatusCode::OK, &format!("saved {file}"))),
        Ok(Err(err)) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!(
                "the delivery could not be saved: {}",
                crate::error::io_reason(&err)
            ),
        ),
        Err(_) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the delivery could not be saved",
        ),
    }
}

enum BodyError {
    TooLarge,
    Read(hyper::Error),
}

/// The first bytes of every body, which take no room in the budget: a real delivery (a few
/// KiB) is never held up by large bodies on their way, whatever they hold. At most
/// [`MAX_CONNECTIONS`] of these are held at once (16 MiB).
const FREE_BYTES: usize = 64 * 1024;

/// Reads a body of at most [`MAX_BODY`] bytes into one buffer, taking room in `budget` (in
/// KiB) for what the buffer holds beyond [`FREE_BYTES`] before it grows; the room is held
/// until the delivery is saved. Nothing is reserved for bytes not yet received, so idle
/// clients cannot starve the others, and the buffer's own size is what is counted, so a body
/// sent a byte at a time costs no more than one sent at once.
async fn read_body(
    mut body: Incoming,
    budget: &Arc<Semaphore>,
) -> Result<(Option<OwnedSemaphorePermit>, Vec<u8>), BodyError> {
    let mut bytes: Vec<u8> = Vec::new();
    let mut room: Option<OwnedSemaphorePermit> = None;
    let mut reserved_kib = 0u32;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(BodyError::Read)?.into_data() else {
            continue;
        };
        let received = bytes.len() + data.len();
        if received > MAX_BODY {
            return Err(BodyError::TooLarge);
        }
        if received > bytes.capacity() {
            // The buffer doubles (within the limit); room is taken for what it will hold.
            let grown = received
                .max(bytes.capacity().saturating_mul(2))
                .clamp(FREE_BYTES, MAX_BODY);
            let needed_kib = grown.saturating_sub(FREE_BYTES).div_ceil(1024) as u32;
            if needed_kib > reserved_kib {
                let Ok(more) = Arc::clone(budget)
                    .acquire_many_owned(needed_kib - reserved_kib)
                    .await
                else {
                    return Err(BodyError::TooLarge);
                };
                match &mut room {
                    Some(room) => room.merge(more),
                    None => room = Some(more),
                }
                reserved_kib = needed_kib;
            }
            bytes.reserve_exact(grown - bytes.len());
        }
        bytes.extend_from_slice(&data);
    }
    Ok((room, bytes))
}

/// What is known of a delivery when its body is in.
struct Arrival {
    received_at: jiff::Timestamp,
    number: u64,
    peer: SocketAddr,
    method: String,
    path: String,
    headers: Vec<(String, Vec<u8>)>,
}

impl Arrival {
    fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }
}

/// Checks the signature, saves body and note, counts and reports the delivery (after its
/// forward, with `--forward`). Runs on the blocking pool: hashing and flushing take time.
fn save(state: &ListenerState, arrival: Arrival, body: &[u8]) -> std::io::Result<String> {
    let key = state.key.as_ref().map(|k| k.expose().as_bytes());
    let signature = webhook::verdict(key, arrival.header("idenfy-signature"), body);
    let event_type = arrival
        .header("idenfy-event-type")
        .map(|v| String::from_utf8_lossy(v).into_owned());
    // The note keeps the header whole; the line about the delivery, a line's worth.
    let shown_event = event_type.as_deref().map(webhook::clip);
    let stem = format!(
        "{}-{}",
        arrival.received_at.strftime("%Y%m%dT%H%M%S%.3fZ"),
        arrival.number
    );
    let note_bytes = std::cell::Cell::new(0usize);
    let file = store::save(&state.dir, &stem, body, |name| {
        let note = meta(name, &arrival, event_type.as_deref(), signature, body);
        let mut bytes = serde_json::to_vec_pretty(&note).unwrap_or_default();
        bytes.push(b'\n');
        note_bytes.set(bytes.len());
        bytes
    })?;
    // The note's real size replaces the guess the quota took for it (headers can be large).
    state.quota.noted(note_bytes.get());
    state.saved.fetch_add(1, Ordering::SeqCst);
    let summary = webhook::summary(body);
    let delivery = Delivery {
        received_at: arrival.received_at,
        file: file.clone(),
        event_type: shown_event,
        scan_ref: summary.scan_ref,
        status: summary.status,
        signature,
        bytes: body.len(),
        forward: None,
    };
    match &state.forwarder {
        Some(forwarder) => forwarder.submit(forward::Job {
            delivery,
            path: state.dir.join(&file),
            headers: arrival
                .headers
                .into_iter()
                .filter(|(name, _)| is_forwarded(name))
                .collect(),
        }),
        None => state.reporter.delivery(delivery),
    }
    Ok(file)
}

/// The note beside a delivery: where and when it came from, all its headers as received
/// (names in lower case, in the order sent), its size and SHA-256, and the signature's verdict.
fn meta(
    file: &str,
    arrival: &Arrival,
    event_type: Option<&str>,
    signature: SignatureCheck,
    body: &[u8],
) -> Value {
    let headers: Vec<Value> = arrival
        .headers
        .iter()
        .map(|(name, value)| json!([name, String::from_utf8_lossy(value)]))
        .collect();
    json!({
        "file": file,
        "receivedAt": arrival.received_at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        "peer": arrival.peer.to_string(),
        "method": arrival.method,
        "path": arrival.path,
        "eventType": event_type,
        "signature": signature.name(),
        "bytes": body.len(),
        "sha256": crate::text::hex(&Sha256::digest(body)),
        "headers": headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_counts_each_note_at_its_real_size() {
        let dir = tempfile::tempdir().unwrap();
        let quota = Quota::of(dir.path());
        let body = (MAX_SAVED_BYTES / 4) as usize;
        assert!(quota.take(body));
        // A note of a quarter of the quota (a delivery with huge headers) counts in full.
        quota.noted(body);
        assert!(quota.take(body));
        quota.noted(NOTE_BYTES as usize);
        assert!(
            !quota.take(body),
            "a third body would pass 1 GiB with the notes"
        );
        assert!(quota.take(1000));
    }
}
