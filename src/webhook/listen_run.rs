//! `webhook listen`: the receiver started, a line per delivery on stdout as it is saved,
//! refused requests as warnings, and a count on stderr when Ctrl-C or SIGTERM stops it.
//! A requested stop is the normal end of a server: exit 0.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::context::Context;
use crate::error::{Error, Exit, Result, io_reason, warning_line};
use crate::interrupt;
use crate::render::Style;
use crate::text::shown;
use crate::webhook::deliver::{self, Poster};
use crate::webhook::keys::keys;
use crate::webhook::listen::{self, Config, Delivery, DeliveryReporter, ListenRefusal, Stop};
use crate::webhook::view::{delivery_json, delivery_line};

/// How long a stop waits for the lines still to be printed.
const PRINTER_GRACE: Duration = Duration::from_secs(2);

/// How long a forward may take: iDenfy's own limit for an answer.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) fn run(
    settings: &Context<'_>,
    addr: SocketAddr,
    dir: &Path,
    forward: Option<&str>,
) -> Result<()> {
    if settings.jq.is_some() {
        return Err(Error::usage(
            "--jq has no meaning for webhook listen: its --json lines go to your own jq as they come",
        )
        .hint("idenfy-cli webhook listen --json | jq --unbuffered '.scanRef'"));
    }
    let forward = match forward {
        Some(url) => Some((url.to_string(), forward_client(settings, url)?)),
        None => None,
    };
    let (key, _) = keys(settings)?;
    let listener = listen::bind(addr).map_err(|err| {
        Error::new(
            Exit::Network,
            format!("cannot listen on {addr}: {}", io_reason(&err)),
        )
        .hint("another program may listen there; choose another port with --port (0 for any free one)")
    })?;
    let bound = listener.local_addr().unwrap_or(addr);
    if let Some((url, _)) = forward.as_ref().filter(|(url, _)| forwards_to(url, bound)) {
        return Err(Error::usage(format!(
            "--forward {} is this receiver's own address: every delivery would come back to it",
            crate::net::urls::redact_credentials(url)
        ))
        .hint("give the address of your own webhook endpoint"));
    }
    // The folder only once the address is ours: a run that cannot listen leaves nothing.
    let created = crate::private_fs::create_dir(dir).map_err(|err| {
        Error::usage(format!(
            "cannot create --dir {}: {}",
            dir.display(),
            io_reason(&err)
        ))
    })?;
    crate::download::remove_stale(dir);
    announce(
        settings,
        bound,
        dir,
        key.is_some(),
        forward.as_ref().map(|(url, _)| url.as_str()),
    );

    let stop = Stop::new();
    let dropped = Arc::new(AtomicU64::new(0));
    let (lines, printer) = start_printer(settings, stop.clone(), dir, Arc::clone(&dropped));
    let reporter: Arc<dyn DeliveryReporter> = Arc::new(Lines {
        sender: lines,
        dropped,
    });
    let signalled = stop.clone();
    let _guard = interrupt::on_signal(move |signal| {
        // A second signal while deliveries in flight are being saved ends the run at once.
        if signalled.is_stopped() {
            std::process::exit(signal.exit().code().into());
        }
        signalled.stop();
    });
    let config = Config {
        dir: dir.to_path_buf(),
        key,
        forward,
    };
    let saved = listen::serve(listener, config, Arc::clone(&reporter), stop).map_err(|err| {
        if created {
            // Removed only when nothing was saved in it.
            let _ = std::fs::remove_dir(dir);
        }
        Error::new(
            Exit::Network,
            format!("the receiver failed: {}", io_reason(&err)),
        )
    })?;
    drop(reporter);
    // The printer finishes the lines it holds, unless stdout is not read at all (a pipe
    // nobody drains): then the run ends without them; the deliveries are saved.
    let waited = std::time::Instant::now();
    while !printer.is_finished() && waited.elapsed() < PRINTER_GRACE {
        std::thread::sleep(Duration::from_millis(20));
    }
    if printer.is_finished() {
        let _ = printer.join();
    } else {
        settings.warn("stdout was not read: the last lines about deliveries were not printed");
    }
    let deliveries = match saved {
        1 => "1 delivery".to_string(),
        n => format!("{n} deliveries"),
    };
    let _ = writeln!(
        io::stderr(),
        "idenfy-cli: stopped: {deliveries} saved in {}",
        shown(&dir.display().to_string())
    );
    Ok(())
}

/// Whether `url` reaches the receiver listening on `bound`: its port, on a loopback host or
/// on the address the receiver was bound to.
fn forwards_to(url: &str, bound: SocketAddr) -> bool {
    let host = crate::net::urls::host(url).unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let same_host = crate::net::urls::is_loopback(&host)
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip == bound.ip());
    same_host && crate::net::urls::port(url) == Some(bound.port())
}

/// The client for `--forward`: the URL checked, the proxy settings applied, 10 s at most.
fn forward_client(settings: &Context<'_>, url: &str) -> Result<Poster> {
    deliver::check_target(url).map_err(|why| {
        Error::usage(format!("--forward {why}")).hint("give the URL of your own webhook endpoint")
    })?;
    let proxy = settings.proxy_rules()?.proxy_for(url).map(str::to_string);
    Poster::new(&settings.trust()?, proxy.as_deref(), FORWARD_TIMEOUT).map_err(Error::config)
}

/// Where the receiver listens and what it does, on stderr (tests read the port from it).
fn announce(
    settings: &Context<'_>,
    bound: SocketAddr,
    dir: &Path,
    keyed: bool,
    forward: Option<&str>,
) {
    let signatures = if keyed {
        "signatures checked with the webhook key"
    } else {
        "signatures unchecked (no webhook key is set)"
    };
    let forward = forward
        .map(|url| {
            format!(
                "; forwarding to {}",
                crate::net::urls::redact_credentials(url)
            )
        })
        .unwrap_or_default();
    let line = shown(&format!(
        "idenfy-cli: listening on http://{bound}/ (deliveries saved in {}; {signatures}{forward}); Ctrl-C stops",
        dir.display()
    ));
    // At a terminal, wrapped between words rather than wherever the edge falls.
    let line = match settings.output.width {
        Some(width) => crate::render::terminal::wrap_words(&line, width).join("\n"),
        None => line,
    };
    let _ = writeln!(io::stderr(), "{line}");
    if !bound.ip().is_loopback() {
        settings.warn(&format!(
            "listening on {}: other machines can send deliveries here",
            bound.ip()
        ));
    }
}

/// What the printer thread writes.
enum DeliveryOutput {
    Delivery(Box<Delivery>),
    ListenRefusal(ListenRefusal),
}

/// Lines waiting for the printer: when stdout is not read, at most this many are held and
/// the others are counted, not kept (the deliveries themselves are saved all the same).
const QUEUED_LINES: usize = 256;

/// The server's reporter: hands each event to the printer thread, so that a slow reader of
/// stdout never holds up a delivery.
struct Lines {
    sender: SyncSender<DeliveryOutput>,
    /// Lines dropped because the queue was full, for the printer to tell.
    dropped: Arc<AtomicU64>,
}

impl Lines {
    fn send(&self, output: DeliveryOutput) {
        if let Err(TrySendError::Full(_)) = self.sender.try_send(output) {
            self.dropped.fetch_add(1, Ordering::SeqCst);
        }
    }
}

impl DeliveryReporter for Lines {
    fn delivery(&self, delivery: Delivery) {
        self.send(DeliveryOutput::Delivery(Box::new(delivery)));
    }

    fn refused(&self, refusal: ListenRefusal) {
        self.send(DeliveryOutput::ListenRefusal(refusal));
    }
}

/// Starts the thread that writes a line per delivery to stdout and a warning per refused
/// request to stderr. When stdout's reader goes away (`| head`), it stops the receiver.
fn start_printer(
    settings: &Context<'_>,
    stop: Stop,
    dir: &Path,
    dropped: Arc<AtomicU64>,
) -> (SyncSender<DeliveryOutput>, JoinHandle<()>) {
    let (sender, receiver) = mpsc::sync_channel(QUEUED_LINES);
    let printer = DeliveryPrinter {
        style: Style {
            color: settings.output.color,
            width: settings.output.width,
            hyperlinks: false,
        },
        json: settings.json(),
        quiet: settings.quiet,
        stderr_color: settings.output.stderr_color,
        dir: dir.to_path_buf(),
        dropped,
    };
    let handle = std::thread::spawn(move || printer.run(receiver, stop));
    (sender, handle)
}

struct DeliveryPrinter {
    style: Style,
    json: bool,
    quiet: bool,
    stderr_color: bool,
    /// Where deliveries are saved, for the paths `--json` gives.
    dir: std::path::PathBuf,
    dropped: Arc<AtomicU64>,
}

/// A value on one line through the JSON writer every `--json` uses, so that C1 controls,
/// DEL, bidi and invisible characters from a delivery leave escaped.
fn compact_json(value: &serde_json::Value) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
    let mut line = Vec::new();
    let pretty = crate::json::Pretty {
        color: false,
        compact: true,
        depth: 0,
    };
    match crate::json::write(&bytes, &mut line, pretty) {
        Ok(_) => String::from_utf8_lossy(&line).into_owned(),
        Err(_) => "null".to_string(),
    }
}

impl DeliveryPrinter {
    fn run(self, receiver: Receiver<DeliveryOutput>, stop: Stop) {
        let mut closed = false;
        for output in receiver {
            match output {
                DeliveryOutput::Delivery(delivery) if !closed => {
                    let line = if self.json {
                        compact_json(&delivery_json(&delivery, &self.dir))
                    } else {
                        delivery_line(&delivery, self.style)
                    };
                    let line = crate::secret::scrub(&line).into_owned();
                    let mut out = io::stdout().lock();
                    let written = writeln!(out, "{line}").and_then(|()| out.flush());
                    if written.is_err() {
                        closed = true;
                        stop.stop();
                    }
                }
                DeliveryOutput::Delivery(_) => {}
                DeliveryOutput::ListenRefusal(refusal) => self.warn(&refusal),
            }
            self.tell_dropped();
        }
        self.tell_dropped();
    }

    /// Says how many lines were left out since it last said so, if any.
    fn tell_dropped(&self) {
        let dropped = self.dropped.swap(0, Ordering::SeqCst);
        if dropped == 0 || self.quiet {
            return;
        }
        let message = format!(
            "{dropped} line(s) about deliveries and refused requests were not printed: stdout was not read fast enough (the deliveries are saved in {})",
            shown(&self.dir.display().to_string())
        );
        let _ = writeln!(
            io::stderr(),
            "{}",
            warning_line(&message, self.stderr_color)
        );
    }

    fn warn(&self, refusal: &ListenRefusal) {
        if self.quiet {
            return;
        }
        let path: String = refusal.path.chars().take(200).collect();
        let message = format!(
            "{} {} {path} answered {}: {}",
            refusal.peer, refusal.method, refusal.status, refusal.why
        );
        let _ = writeln!(
            io::stderr(),
            "{}",
            warning_line(&message, self.stderr_color)
        );
    }
}
