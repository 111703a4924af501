//! `status` and `case` for several scanRefs (typed, or `--from FILE`): each endpoint called
//! once per scanRef, at most `--jobs` cases at a time, one row per case in the order given,
//! each printed as soon as it and every row before it are done. One typed scanRef keeps
//! the full report.

pub mod args;
pub mod list;
pub mod rows;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Map, Value, json};

use crate::api::{ApiError, Client, Endpoint};
use crate::case;
use crate::case::args::CaseArgs;
use crate::case::save as casefile;
use crate::cases::args::StatusArgs;
use crate::cases::rows::{Answers, Columns, Layout};
use crate::context::{Context, not_decoded, read_bytes, warn};
use crate::error::{Error, Exit, Result};
use crate::json;
use crate::lookup as response;
use crate::lookup::args::ResponseArgs;
use crate::model::Document;
use crate::output::Stream;
use crate::pool::{self, Finished};
use crate::redact;
use crate::settings::args::Format;

pub fn status(settings: &Context<'_>, args: &StatusArgs) -> Result<()> {
    if args.input.is_some() || (args.from.is_none() && args.scan_refs.len() == 1) {
        let one = ResponseArgs {
            scan_ref: args.scan_refs.first().cloned(),
            input: args.input.clone(),
        };
        return response::status(settings, &one);
    }
    let refs = scan_refs(settings, &args.scan_refs, args.from.as_deref())?;
    run(settings, Lookup::Status, &refs, args.jobs.into())
}

pub fn case(settings: &Context<'_>, args: &CaseArgs) -> Result<()> {
    if let Some(dir) = &args.input {
        return casefile::show(settings, dir);
    }
    // `case --save REF` and `case --download REF`, as people type them: REF is the scanRef,
    // the folder the default one, as `files --download REF` reads it.
    let typed_in_order;
    let args = match scan_ref_typed_as_folder(args) {
        Some(args) => {
            typed_in_order = args;
            &typed_in_order
        }
        None => args,
    };
    if args.scan_refs.is_empty() && args.from.is_none() {
        return Err(Error::usage("give a scanRef, --from FILE or --input DIR"));
    }
    if let (None, [one]) = (&args.from, args.scan_refs.as_slice()) {
        return match args.save {
            Some(_) => casefile::save(settings, args, one),
            None => case::run(settings, args, one),
        };
    }
    if args.download.download.is_some() {
        return Err(Error::usage("--download takes one scanRef"));
    }
    if args.save.is_some() {
        return Err(Error::usage("--save takes one scanRef"));
    }
    let refs = scan_refs(settings, &args.scan_refs, args.from.as_deref())?;
    run(settings, Lookup::Case, &refs, args.download.jobs.into())
}

/// The arguments with the scanRef taken from `--save REF` or `--download REF`, when no
/// scanRef was typed and REF is one.
fn scan_ref_typed_as_folder(args: &CaseArgs) -> Option<CaseArgs> {
    if !args.scan_refs.is_empty() || args.from.is_some() {
        return None;
    }
    let as_scan_ref = |dir: &Option<Option<std::path::PathBuf>>| {
        let dir = dir.as_ref()?.as_ref()?;
        let text = dir.to_str()?.trim();
        crate::model::check_scan_ref(text).ok().map(str::to_string)
    };
    let mut typed = args.clone();
    if let Some(scan_ref) = as_scan_ref(&args.save) {
        typed.save = Some(None);
        typed.scan_refs = vec![scan_ref];
    } else if let Some(scan_ref) = as_scan_ref(&args.download.download) {
        typed.download.download = Some(None);
        typed.scan_refs = vec![scan_ref];
    } else {
        return None;
    }
    Some(typed)
}

/// The scanRefs typed, or those of `--from FILE`, each once, in the order given. A bad
/// line is a usage error, before anything is sent.
fn scan_refs(settings: &Context<'_>, typed: &[String], from: Option<&Path>) -> Result<Vec<String>> {
    let Some(path) = from else {
        return Ok(list::distinct(typed.to_vec()));
    };
    let name = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let refs = list::parse_list(&read_bytes(settings, Some(path), "--from")?).map_err(|bad| {
        Error::usage(format!("--from {name}, line {}: {}", bad.line, bad.reason))
            .hint("--from takes one scanRef a line; blank lines and '#' comments are skipped")
    })?;
    if refs.is_empty() {
        return Err(Error::usage(format!("--from {name} holds no scanRef")));
    }
    Ok(list::distinct(refs))
}

/// The parts of a case, in the order of its calls.
const PARTS: [&str; 3] = ["status", "data", "files"];

/// Which calls each case gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// `status`: `/api/v2/status`.
    Status,
    /// `case`: status, data and files, at once.
    Case,
}

/// One case, looked up: its row (or JSON line), and how it ended.
struct Looked {
    text: String,
    /// The first failure with the highest exit code, when a call failed.
    failure: Option<Error>,
    repairs: usize,
}

/// A refusal that stopped the run: what was refused, in words, and its error with hints.
type CasesStop = (String, Error);

/// What every lookup shares: the client, the layout of the rows, and the stop.
struct Run<'a> {
    settings: &'a Context<'a>,
    lookup: Lookup,
    client: &'a Client,
    layout: Layout,
    stop: AtomicBool,
    refusal: Mutex<Option<CasesStop>>,
}

fn run(settings: &Context<'_>, lookup: Lookup, refs: &[String], jobs: usize) -> Result<()> {
    let columns = match lookup {
        Lookup::Status => Columns::Status,
        Lookup::Case => Columns::Case {
            today: settings
                .now()?
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
        },
    };
    let longest = refs.iter().map(String::len).max().unwrap_or_default();
    let markdown = settings.output.format == Format::Markdown;
    let run = Run {
        settings,
        lookup,
        client: settings.client()?,
        layout: Layout::new(columns, longest, settings.style(), markdown),
        stop: AtomicBool::new(false),
        refusal: Mutex::new(None),
    };
    let mut printer = RowPrinter {
        settings,
        // A row a line, and the header: the pager starts up front when they will not fit.
        out: Stream::open(settings, refs.len() + 1),
        tally: Tally::default(),
        ended: None,
    };
    if !settings.json() {
        printer.write(&run.layout.header());
    }
    if printer.ended.is_none() {
        printer.look_up_all(&run, refs, jobs);
    }
    printer.finish(run, refs.len())
}

impl Run<'_> {
    /// Calls each endpoint of the lookup once for `scan_ref`, and makes its row. A refusal
    /// that every later call would meet too stops every call not yet sent.
    fn look_up(&self, scan_ref: &str) -> Looked {
        let answers: Vec<Result<Document, ApiError>> = match self.lookup {
            Lookup::Status => vec![self.client.fetch(Endpoint::Status, scan_ref)],
            Lookup::Case => self.client.fetch_each(scan_ref).into_parts().into(),
        };
        let parts = answers
            .into_iter()
            .map(|answer| answer.map_err(|err| self.judge(err)))
            .collect();
        self.show(scan_ref, parts)
    }

    /// A failed call's error; a refusal of the credentials, the account or the rate also
    /// stops the run.
    fn judge(&self, err: ApiError) -> Error {
        let refused = err.blanket_refusal();
        let error = Error::from(err);
        if let Some(what) = refused {
            self.stop.store(true, Ordering::SeqCst);
            let mut refusal = self.refusal.lock().unwrap_or_else(|p| p.into_inner());
            refusal.get_or_insert((what, error.clone()));
        }
        error
    }

    /// A case's row, or its JSON line, from its bodies (status, then data and files for
    /// `case`) or why each did not come. The bodies are dropped once the row is made.
    fn show(&self, scan_ref: &str, parts: Vec<Result<Document, Error>>) -> Looked {
        let mut repairs = 0;
        let parts: Vec<Result<Part, Error>> = PARTS
            .into_iter()
            .zip(parts)
            .map(|(name, part)| {
                let document = part?;
                if self.settings.json() && !self.settings.redact {
                    return Ok(Part::Sent(document.bytes));
                }
                let decoded = document
                    .decode()
                    .map_err(|err| not_decoded(&format!("/api/v2/{name}"), err))?;
                repairs += decoded.repairs;
                Ok(Part::Decoded(if self.settings.redact {
                    redact::body(&decoded.body)
                } else {
                    decoded.body
                }))
            })
            .collect();
        Looked {
            repairs,
            ..self.show_parts(scan_ref, parts)
        }
    }

    /// The verdict on what came, as data; `None` when the status did not come.
    fn verdict(&self, parts: &[Result<Part, Error>]) -> Option<Value> {
        let decode = |i: usize| match parts.get(i) {
            Some(Ok(Part::Decoded(body))) => Some(Ok(std::borrow::Cow::Borrowed(body))),
            Some(Ok(Part::Sent(bytes))) => Some(
                crate::model::decode(bytes)
                    .map(|decoded| std::borrow::Cow::Owned(decoded.body))
                    .map_err(|err| not_decoded(&format!("/api/v2/{}", PARTS[i]), err).message),
            ),
            Some(Err(err)) => Some(Err(err.message.clone())),
            None => None,
        };
        let status = decode(0)?.ok()?;
        // The data, when this lookup asks for it: its body, or why it could not be read.
        let data = decode(1);
        let today = self.settings.now().ok().map(crate::render::today);
        let verdict = crate::verdict::assess(&crate::verdict::Input {
            status: Some(&status),
            data: data.as_ref().and_then(|d| d.as_deref().ok()),
            data_unread: data
                .as_ref()
                .and_then(|d| d.as_ref().err())
                .map(String::as_str),
            ..crate::verdict::Input::new(today)
        });
        Some(verdict.to_json())
    }

    fn show_parts(&self, scan_ref: &str, parts: Vec<Result<Part, Error>>) -> Looked {
        let failures: Vec<(&str, &Error)> = PARTS
            .into_iter()
            .zip(&parts)
            .filter_map(|(name, part)| Some((name, part.as_ref().err()?)))
            .collect();
        let failure = failures
            .iter()
            .map(|(_, err)| *err)
            .reduce(|first, err| {
                if err.exit.code() > first.exit.code() {
                    err
                } else {
                    first
                }
            })
            .cloned();
        let text = if self.settings.json() {
            let line = json_line(
                scan_ref,
                self.lookup,
                &parts,
                self.verdict(&parts),
                failure.as_ref(),
                self.settings.output.color && self.settings.jq.is_none(),
            );
            match &self.settings.jq {
                Some(code) => filtered_line(self.settings, code, &line),
                None => line,
            }
        } else {
            let body = |i: usize| match parts.get(i) {
                Some(Ok(Part::Decoded(body))) => Some(body),
                _ => None,
            };
            let answers = Answers {
                status: body(0),
                data: body(1),
                failures: failures
                    .iter()
                    .map(|(name, err)| (*name, err.message.as_str()))
                    .collect(),
            };
            self.layout.row(scan_ref, &answers)
        };
        Looked {
            text,
            failure,
            repairs: 0,
        }
    }
}

impl Lookup {
    /// How many calls a case gets.
    fn calls(self) -> usize {
        match self {
            Lookup::Status => 1,
            Lookup::Case => 3,
        }
    }
}

/// A part of a case as it is shown: the bytes as sent (`--json`), or decoded for a row or
/// for masking.
enum Part {
    Sent(Vec<u8>),
    Decoded(Map<String, Value>),
}

impl Part {
    fn json(&self) -> Vec<u8> {
        match self {
            Part::Sent(bytes) => bytes.clone(),
            Part::Decoded(body) => serde_json::to_vec(body).unwrap_or_default(),
        }
    }
}

/// One compact JSON object on a line: `{"scanRef", "status", "verdict"}` for `status`, or
/// `{"scanRef", "error", "exit"}` when it failed; `{"scanRef", "status", "data", "files",
/// "verdict"}` for `case`, `null` for a part that failed, then `errors` (why, by part) and
/// `exit`. Each body is written as it came, on one line.
fn json_line(
    scan_ref: &str,
    lookup: Lookup,
    parts: &[Result<Part, Error>],
    verdict: Option<Value>,
    failure: Option<&Error>,
    color: bool,
) -> String {
    let text = |value: Value| Some(value.to_string().into_bytes());
    let mut fields: Vec<(&str, Option<Vec<u8>>)> = vec![("scanRef", text(json!(scan_ref)))];
    match (lookup, parts) {
        (Lookup::Status, [Ok(status)]) => {
            fields.push(("status", Some(status.json())));
            if let Some(verdict) = &verdict {
                fields.push(("verdict", text(verdict.clone())));
            }
        }
        (Lookup::Status, [Err(err)]) => fields.push(("error", text(json!(err.message)))),
        _ => {
            let mut errors = Map::new();
            for (name, part) in PARTS.into_iter().zip(parts) {
                fields.push((name, part.as_ref().ok().map(Part::json)));
                if let Err(err) = part {
                    errors.insert(name.into(), json!(err.message));
                }
            }
            if let Some(verdict) = &verdict {
                fields.push(("verdict", text(verdict.clone())));
            }
            if !errors.is_empty() {
                fields.push(("errors", text(Value::Object(errors))));
            }
        }
    }
    if let Some(failure) = failure {
        fields.push(("exit", text(json!(failure.exit.code()))));
    }
    let fields: Vec<(&str, Option<&[u8]>)> = fields
        .iter()
        .map(|(name, value)| (*name, value.as_deref()))
        .collect();
    let pretty = json::Pretty {
        color,
        compact: true,
        depth: 0,
    };
    let mut line = Vec::new();
    let _ = json::write_fields(&mut line, pretty, &fields);
    line.push(b'\n');
    String::from_utf8_lossy(&line).into_owned()
}

/// `--jq` on one case's line: what the filter prints, or a warning when it fails on it.
fn filtered_line(settings: &Context<'_>, code: &str, line: &str) -> String {
    let pretty = json::Pretty {
        color: settings.output.color,
        ..json::Pretty::default()
    };
    let at_terminal = settings.output.height.is_some();
    let mut out = Vec::new();
    let ran = crate::jq::apply(
        code,
        line.as_bytes(),
        pretty,
        crate::jq::raw_strings(at_terminal),
        &mut out,
    );
    match ran {
        Ok(Ok(())) => String::from_utf8_lossy(&out).into_owned(),
        Ok(Err(why)) => {
            warn(settings, &format!("--jq: {why}"));
            String::from_utf8_lossy(&out).into_owned()
        }
        Err(err) => {
            warn(settings, &format!("--jq: {err}"));
            String::new()
        }
    }
}

/// The printing side: each row as its turn comes, its warning first, and the tally.
struct RowPrinter<'a> {
    settings: &'a Context<'a>,
    out: Stream,
    tally: Tally,
    /// How the run ended early: the reader went away (`Ok`), or the output failed.
    ended: Option<Result<()>>,
}

impl RowPrinter<'_> {
    /// Prints a case's row; `false` when nothing more can be printed.
    fn print(&mut self, scan_ref: &str, looked: Looked) -> bool {
        if looked.repairs > 0 {
            let message = format!(
                "{scan_ref}: {} malformed text sequence(s) (invalid UTF-8 or a lone UTF-16 surrogate), shown as U+FFFD",
                looked.repairs
            );
            warn(self.settings, &message);
        }
        self.tally.add(scan_ref, looked.failure);
        self.write(&looked.text)
    }

    /// Looks every case up through `run`, printing each row as its turn comes.
    fn look_up_all(&mut self, run: &Run<'_>, refs: &[String], jobs: usize) {
        pool::in_order(
            refs,
            jobs,
            &run.stop,
            |scan_ref| run.look_up(scan_ref),
            |scan_ref, finished| match finished {
                Finished::Done(looked) => self.print(scan_ref, looked),
                Finished::Skipped => {
                    self.tally.skipped += 1;
                    true
                }
                Finished::Failed => {
                    let failure = Error::new(Exit::Api, "the lookup's thread failed");
                    let parts = vec![Err(failure); run.lookup.calls()];
                    self.print(scan_ref, run.show(scan_ref, parts))
                }
            },
        );
    }

    /// Ends the output (waiting for a pager to be quit), then says how the run went.
    fn finish(self, run: Run<'_>, total: usize) -> Result<()> {
        let finished = self.out.finish();
        match self.ended {
            Some(ended) => ended.and(finished),
            None => {
                finished?;
                let refusal = run.refusal.into_inner().unwrap_or_else(|p| p.into_inner());
                self.tally.verdict(total, refusal, self.settings.json())
            }
        }
    }

    /// Writes now; `false` when nothing more can be printed: the reader went away (`| head`,
    /// a pager quit early), which ends the run quietly, or the output failed.
    fn write(&mut self, text: &str) -> bool {
        match self.out.write(text) {
            Ok(()) if self.out.is_closed() => self.ended = Some(Ok(())),
            Ok(()) => return true,
            Err(err) => self.ended = Some(Err(err)),
        }
        false
    }
}

/// How the cases went, for the exit code and the last word on stderr.
#[derive(Default)]
struct Tally {
    failed: usize,
    skipped: usize,
    /// The first failure with the highest exit code, and its scanRef.
    worst: Option<(String, Error)>,
}

impl Tally {
    fn add(&mut self, scan_ref: &str, failure: Option<Error>) {
        let Some(failure) = failure else { return };
        self.failed += 1;
        let worse = self
            .worst
            .as_ref()
            .is_none_or(|(_, worst)| failure.exit.code() > worst.exit.code());
        if worse {
            self.worst = Some((scan_ref.to_string(), failure));
        }
    }

    /// Success when no case failed; else one error, with the highest of the cases' exit
    /// codes, that says how many scanRefs were not looked up after a refusal, or how many
    /// cases failed and why the worst did.
    fn verdict(self, total: usize, refusal: Option<CasesStop>, json: bool) -> Result<()> {
        let Some((scan_ref, worst)) = self.worst else {
            return Ok(());
        };
        let exit = worst.exit;
        let error = match refusal {
            Some((what, refused)) if self.skipped > 0 => {
                let skipped = self.skipped;
                let message = format!("{what}; {skipped} of {total} scanRefs were not looked up");
                Error { message, ..refused }
            }
            _ => {
                let failed = self.failed;
                let message = format!(
                    "{failed} of {total} cases failed; {scan_ref}: {}",
                    worst.message
                );
                let mut error = Error { message, ..worst };
                if failed > 1 {
                    error = error.hint(if json {
                        "the lines above say why each failed"
                    } else {
                        "the rows above say why each failed"
                    });
                }
                error
            }
        };
        Err(Error { exit, ..error })
    }
}
