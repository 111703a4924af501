//! `--forward URL`: each saved delivery passed on to URL, exactly its bytes and headers, by a
//! few worker threads after the sender has had its answer. The body is read back from the
//! saved file, so that a queue of forwards holds names, not bodies.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Delivery, DeliveryReporter, Forwarded};
use crate::webhook::deliver::Poster;

/// How many forwards run at once.
const WORKERS: usize = 4;
/// How many saved deliveries may wait for a forward.
const QUEUE: usize = 4096;
/// How long forwards still waiting may go on after a stop.
const AFTER_STOP: Duration = Duration::from_secs(10);

/// Headers that belong to one connection, not to the delivery (RFC 9110, 7.6.1), and those
/// the client sets itself for the new request.
const NOT_FORWARDED: [&str; 11] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
];

/// The header every forward carries: a delivery that comes in with it is saved but never
/// forwarded again, so a receiver that forwards to itself (or two that forward to each
/// other) cannot multiply one delivery.
pub const FORWARDED_BY: &str = "idenfy-cli-forwarded";

/// Whether a received header is passed on.
pub fn is_forwarded(name: &str) -> bool {
    !NOT_FORWARDED.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A saved delivery to pass on.
pub struct Job {
    pub delivery: Delivery,
    pub path: PathBuf,
    /// The received headers that are passed on, as they came.
    pub headers: Vec<(String, Vec<u8>)>,
}

pub struct Forwarder {
    sender: Mutex<Option<SyncSender<Job>>>,
    workers: Mutex<Vec<JoinHandle<()>>>,
    deadline: Arc<Mutex<Option<Instant>>>,
    reporter: Arc<dyn DeliveryReporter>,
}

impl Forwarder {
    pub fn start(url: String, poster: Poster, reporter: Arc<dyn DeliveryReporter>) -> Forwarder {
        let (sender, receiver) = mpsc::sync_channel::<Job>(QUEUE);
        let receiver = Arc::new(Mutex::new(receiver));
        let poster = Arc::new(poster);
        let url = Arc::new(url);
        let deadline = Arc::new(Mutex::new(None));
        let workers = (0..WORKERS)
            .filter_map(|i| {
                let work = Work {
                    receiver: Arc::clone(&receiver),
                    poster: Arc::clone(&poster),
                    url: Arc::clone(&url),
                    deadline: Arc::clone(&deadline),
                    reporter: Arc::clone(&reporter),
                };
                std::thread::Builder::new()
                    .name(format!("forward-{i}"))
                    .spawn(move || work.run())
                    .ok()
            })
            .collect();
        Forwarder {
            sender: Mutex::new(Some(sender)),
            workers: Mutex::new(workers),
            deadline,
            reporter,
        }
    }

    /// Queues a forward; a full queue (the URL answers too slowly) reports the delivery as
    /// not forwarded at once.
    pub fn submit(&self, mut job: Job) {
        if job
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(FORWARDED_BY))
        {
            job.delivery.forward = Some(Forwarded::Skipped("it came from a forward"));
            self.reporter.delivery(job.delivery);
            return;
        }
        let sender = self.sender.lock().unwrap_or_else(PoisonError::into_inner);
        let refused = match sender.as_ref() {
            Some(sender) => match sender.try_send(job) {
                Ok(()) => None,
                Err(TrySendError::Full(job)) => Some((job, "the forward queue is full")),
                Err(TrySendError::Disconnected(job)) => Some((job, "stopped")),
            },
            None => Some((job, "stopped")),
        };
        drop(sender);
        if let Some((mut job, why)) = refused {
            job.delivery.forward = Some(Forwarded::Skipped(why));
            self.reporter.delivery(job.delivery);
        }
    }

    /// Takes no more forwards, lets those waiting go on for a few seconds (the rest are
    /// reported as not forwarded), and waits for the workers.
    pub fn finish(&self) {
        *self.deadline.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(Instant::now() + AFTER_STOP);
        self.sender
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let workers =
            std::mem::take(&mut *self.workers.lock().unwrap_or_else(PoisonError::into_inner));
        for worker in workers {
            let _ = worker.join();
        }
    }
}

struct Work {
    receiver: Arc<Mutex<Receiver<Job>>>,
    poster: Arc<Poster>,
    url: Arc<String>,
    deadline: Arc<Mutex<Option<Instant>>>,
    reporter: Arc<dyn DeliveryReporter>,
}

impl Work {
    fn run(self) {
        loop {
            let job = {
                let receiver = self.receiver.lock().unwrap_or_else(PoisonError::into_inner);
                receiver.recv()
            };
            let Ok(mut job) = job else {
                return;
            };
            let late = self
                .deadline
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_some_and(|deadline| Instant::now() > deadline);
            job.delivery.forward = Some(if late {
                Forwarded::Skipped("stopped")
            } else {
                self.forward(&job)
            });
            self.reporter.delivery(job.delivery);
        }
    }

    fn forward(&self, job: &Job) -> Forwarded {
        let body = match std::fs::read(&job.path) {
            Ok(body) => body,
            Err(err) => {
                return Forwarded::Failed(format!(
                    "the saved body could not be read back: {}",
                    crate::error::io_reason(&err)
                ));
            }
        };
        let mut headers = job.headers.clone();
        headers.push((FORWARDED_BY.to_string(), b"1".to_vec()));
        match self.poster.post(&self.url, &headers, &body) {
            Ok(answer) => Forwarded::Answered {
                status: answer.status,
                elapsed: answer.elapsed,
            },
            Err(failure) => Forwarded::Failed(failure.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_by_hop_headers_stay_and_the_delivery_headers_go() {
        for name in [
            "Connection",
            "transfer-encoding",
            "Host",
            "content-length",
            "TE",
        ] {
            assert!(!is_forwarded(name), "{name}");
        }
        for name in [
            "idenfy-signature",
            "Idenfy-Event-Type",
            "content-type",
            "x-custom",
        ] {
            assert!(is_forwarded(name), "{name}");
        }
    }
}
