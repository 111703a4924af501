//! The HTTP client for iDenfy's API: one ureq Agent, one function per endpoint, decoded
//! bodies or a typed [`ApiError`]. It never prints; `-v` tracing goes through [`Observer`].

mod error;

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use base64::Engine;
use ureq::Agent;

use crate::error::Error;
use crate::model::{self, Case, Document};
use crate::net::trace::{Exchange, Observer};
use crate::net::urls;
use crate::secret::{self, Secret};
use crate::settings::Connection;

pub use error::{ApiError, ApiErrorKind, CallContext};
use error::{classify, snippet, status_error};

/// Idle connections the agent keeps for later calls: three calls (a `case`) for each of up
/// to 32 lookups at once, where ureq would keep 3 a host and open the others anew.
const IDLE_CONNECTIONS: usize = 3 * 32;

pub use crate::net::agent::USER_AGENT;

/// The endpoints: three data-retrieval ones, each a `POST` of `{"scanRef": …}`, and the
/// paged list of a client's verifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Status,
    Data,
    Files,
    Identifications,
    /// iDenfy's own report of a verification, as a PDF.
    Pdf,
}

impl Endpoint {
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Status => "/api/v2/status",
            Endpoint::Data => "/api/v2/data",
            Endpoint::Files => "/api/v2/files",
            Endpoint::Identifications => "/kyc/identifications/",
            Endpoint::Pdf => "/api/v2/generate-pdf",
        }
    }
}

/// A 2xx answer as it came: its body, Content-Type and status.
#[derive(Debug)]
pub struct Answer {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub status: u16,
}

/// A client's verifications, read a page at a time as the caller asks for them, so that
/// only one page is held at once; up to `limit` results in all.
pub struct Pages<'a> {
    client: &'a Client,
    client_id: String,
    limit: usize,
    /// The `next` link to read, once the first page is in; `None` when there is no more.
    next: Option<String>,
    started: bool,
    seen: std::collections::HashSet<String>,
    /// A failure found after a page's results were handed out, for the next call.
    pending: Option<ApiError>,
    /// Results handed out so far.
    pub read: usize,
    /// The `count` of the first page (`u64::MAX` when it gave none).
    pub total: Option<u64>,
    /// Malformed pieces of text repaired across the pages.
    pub repairs: usize,
}

/// Which page of the identifications list to get.
#[derive(Debug, Clone, Copy)]
pub enum ResultsPage<'a> {
    First {
        client_id: &'a str,
    },
    /// The absolute `next` link of the previous page.
    Next(&'a str),
}

/// The API client. Cheap to share between threads by reference.
pub struct Client {
    agent: Agent,
    base_url: String,
    authorization: String,
    proxy: Option<String>,
    context: Arc<CallContext>,
    observer: Option<Arc<dyn Observer>>,
}

impl Client {
    pub fn new(
        connection: Connection,
        observer: Option<Arc<dyn Observer>>,
    ) -> Result<Client, Error> {
        let agent = crate::net::agent::agent(crate::net::agent::Spec {
            trust: &connection.trust,
            proxy: connection.proxy.as_deref(),
            deadline: crate::net::agent::Deadline::Whole(connection.timeout),
            idle_connections: Some(IDLE_CONNECTIONS),
            buffer_bytes: None,
        })
        .map_err(|_| Error::config("the proxy setting is not a proxy URL"))?;
        let credentials = format!(
            "{}:{}",
            connection.api_key.expose(),
            connection.api_secret.expose()
        );
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        // The key and secret are remembered where they are resolved; the token is made here.
        secret::never_show(&Secret::new(encoded.as_str()));
        let shown_proxy = connection.proxy.as_deref().map(urls::redact_credentials);
        Ok(Client {
            agent,
            authorization: format!("Basic {encoded}"),
            proxy: connection.proxy,
            context: Arc::new(CallContext {
                base_url: connection.base_url.clone(),
                base_url_from: connection.base_url_from,
                proxy: shown_proxy,
                credentials: connection.credentials,
                timeout: connection.timeout,
            }),
            base_url: connection.base_url,
            observer,
        })
    }

    /// `POST <base>/api/v2/<endpoint>` with `{"scanRef": …}`; one call, never retried.
    pub fn fetch(&self, endpoint: Endpoint, scan_ref: &str) -> Result<Document, ApiError> {
        let url = format!("{}{}", self.base_url, endpoint.path());
        let body = serde_json::json!({ "scanRef": scan_ref }).to_string();
        self.call(endpoint, &url, Some(&body))
    }

    /// `POST <base>/api/v2/generate-pdf` with the scanRef and `options` (a JSON object of
    /// `language`, `includeMainStepFiles`, `includeAdditionalStepFiles`); one call, never
    /// retried. The answer's bytes as they came, with its Content-Type: iDenfy documents a
    /// Base64 text, and a PDF may come in more than one shape.
    pub fn generate_pdf(
        &self,
        scan_ref: &str,
        options: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Answer, ApiError> {
        let url = format!("{}{}", self.base_url, Endpoint::Pdf.path());
        let mut body = serde_json::Map::new();
        body.insert("scanRef".to_string(), scan_ref.into());
        body.extend(options);
        let body = serde_json::Value::Object(body).to_string();
        self.exchange(Endpoint::Pdf, &url, Some(&body))
    }

    /// Status, data and files for one scanRef, each called once, at once over the one agent:
    /// as long as the slowest call, not the sum.
    pub fn fetch_all(&self, scan_ref: &str) -> Case<Result<Document, Error>> {
        self.fetch_each(scan_ref)
            .map(|answer| answer.map_err(Error::from))
    }

    /// [`Client::fetch_all`], each failure kept as the [`ApiError`] it is.
    pub fn fetch_each(&self, scan_ref: &str) -> Case<Result<Document, ApiError>> {
        self.fetch_each_then(scan_ref, |_| ()).0
    }

    /// The three calls at once, the only place they are made together: status and data on
    /// threads of their own, files on this one, and `then` given the files answer as soon as
    /// it is in (to start the downloads) while the other two may still be on their way.
    pub fn fetch_each_then<R>(
        &self,
        scan_ref: &str,
        then: impl FnOnce(&Result<Document, ApiError>) -> R,
    ) -> (Case<Result<Document, ApiError>>, R) {
        std::thread::scope(|scope| {
            let call = |endpoint| scope.spawn(move || self.fetch(endpoint, scan_ref));
            let status = call(Endpoint::Status);
            let data = call(Endpoint::Data);
            let files = self.fetch(Endpoint::Files, scan_ref);
            let after = then(&files);
            let joined = |handle: std::thread::ScopedJoinHandle<'_, _>, endpoint| {
                handle.join().unwrap_or_else(|_| {
                    let why = "the call's thread failed".to_string();
                    Err(self.error(endpoint, ApiErrorKind::Unexpected(why)))
                })
            };
            let answers = Case {
                status: joined(status, Endpoint::Status),
                data: joined(data, Endpoint::Data),
                files,
            };
            (answers, after)
        })
    }

    /// A client's verifications, page after page, until the list ends or `limit` results
    /// are in. Every page must bring something new: an empty page, a count already reached,
    /// or a `next` seen before ends the paging, so a misbehaving server cannot make it poll.
    /// What was read before a failure is kept.
    /// The pages of a client's verifications, none read yet.
    pub fn find_identifications(&self, client_id: &str, limit: usize) -> Pages<'_> {
        Pages {
            client: self,
            client_id: client_id.to_string(),
            limit,
            next: None,
            started: false,
            seen: std::collections::HashSet::new(),
            pending: None,
            read: 0,
            total: None,
            repairs: 0,
        }
    }

    /// One page of `GET <base>/kyc/identifications/?clientId=…`, or the page a previous
    /// one named as `next`. A `next` link to another host is refused: the credentials go
    /// only to the API root.
    fn identifications(&self, page: ResultsPage<'_>) -> Result<Document, ApiError> {
        let endpoint = Endpoint::Identifications;
        let url = match page {
            ResultsPage::First { client_id } => format!(
                "{}{}?clientId={}",
                self.base_url,
                endpoint.path(),
                urls::encode_query_value(client_id)
            ),
            ResultsPage::Next(url) => {
                if !urls::same_origin(url, &self.base_url) {
                    let kind = ApiErrorKind::ForeignLink(urls::redact_signatures(url));
                    return Err(self.error(endpoint, kind));
                }
                url.to_string()
            }
        };
        self.call(endpoint, &url, None)
    }

    /// One exchange whose answer must be a JSON object.
    fn call(
        &self,
        endpoint: Endpoint,
        url: &str,
        body: Option<&str>,
    ) -> Result<Document, ApiError> {
        let answer = self.exchange(endpoint, url, body)?;
        let shown = snippet(&answer.bytes);
        model::check(answer.bytes).map_err(|err| {
            let kind = ApiErrorKind::NotJson {
                status: answer.status,
                problem: err.to_string(),
                snippet: shown,
            };
            self.error(endpoint, kind)
        })
    }

    /// One exchange: `POST` with a JSON body, or `GET`; traced, never retried. The body of a
    /// 2xx answer as it came.
    fn exchange(
        &self,
        endpoint: Endpoint,
        url: &str,
        body: Option<&str>,
    ) -> Result<Answer, ApiError> {
        let started = Instant::now();
        let mut request_headers = vec![
            ("authorization".into(), "Basic [REDACTED]".into()),
            ("user-agent".into(), USER_AGENT.into()),
            ("accept".into(), "application/json".into()),
        ];
        if body.is_some() {
            request_headers.push(("content-type".into(), "application/json".into()));
        }
        let mut exchange = Exchange::new(
            if body.is_some() { "POST" } else { "GET" },
            urls::redact_signatures(url),
            self.proxy.as_deref(),
            request_headers,
        );
        let result = match body {
            Some(body) => self
                .agent
                .post(url)
                .header("Authorization", &self.authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .send(body),
            None => self
                .agent
                .get(url)
                .header("Authorization", &self.authorization)
                .header("Accept", "application/json")
                .call(),
        };
        let outcome = match result {
            Ok(response) => self.read(endpoint, response, &mut exchange),
            Err(err) => {
                exchange.response = Err(err.to_string());
                Err(self.error(endpoint, classify(err)))
            }
        };
        exchange.elapsed = started.elapsed();
        if let Some(observer) = &self.observer {
            observer.exchange(&exchange);
        }
        outcome
    }

    fn read(
        &self,
        endpoint: Endpoint,
        mut response: ureq::http::Response<ureq::Body>,
        exchange: &mut Exchange,
    ) -> Result<Answer, ApiError> {
        let status = response.status();
        let code = status.as_u16();
        let reason = status.canonical_reason().unwrap_or("").to_string();
        exchange.answered(&response);
        if status.is_redirection() {
            let location = response
                .headers()
                .get("location")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return Err(self.error(
                endpoint,
                ApiErrorKind::Redirect {
                    status: code,
                    location,
                },
            ));
        }
        // Sized from Content-Length, so that a large body takes its own size, not the next
        // power of two.
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok())
            .unwrap_or(0)
            .min(crate::local_read::MAX_BYTES);
        let mut bytes = Vec::with_capacity(declared as usize);
        let read = response
            .body_mut()
            .with_config()
            .limit(crate::local_read::MAX_BYTES)
            .reader()
            .read_to_end(&mut bytes)
            .map_err(ureq::Error::from);
        let bytes = match read.map(|_| bytes) {
            Ok(bytes) => bytes,
            Err(err) => {
                let kind = classify(err);
                exchange.response = Err(format!("{code} {reason}, then the body failed: {kind:?}"));
                return Err(self.error(endpoint, kind));
            }
        };
        exchange.body_bytes = Some(bytes.len());
        if !status.is_success() {
            return Err(self.error(endpoint, status_error(code, reason, &bytes)));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        Ok(Answer {
            bytes,
            content_type,
            status: code,
        })
    }

    fn error(&self, endpoint: Endpoint, kind: ApiErrorKind) -> ApiError {
        ApiError {
            endpoint,
            kind,
            context: Arc::clone(&self.context),
        }
    }
}

impl Pages<'_> {
    /// The next page's results (cut to what `limit` leaves room for), `None` once there are
    /// no more, or the failure that ends the listing.
    pub fn next_page(&mut self) -> Option<Result<Vec<serde_json::Value>, ApiError>> {
        if let Some(failure) = self.pending.take() {
            return Some(Err(failure));
        }
        let next = self.next.take();
        let page = match (&next, self.started) {
            (_, false) => ResultsPage::First {
                client_id: &self.client_id,
            },
            (Some(url), true) => ResultsPage::Next(url),
            (None, true) => return None,
        };
        self.started = true;
        let client = self.client;
        let unexpected = |why: &str| {
            client.error(
                Endpoint::Identifications,
                ApiErrorKind::Unexpected(why.to_string()),
            )
        };
        let decoded = client.identifications(page).and_then(|document| {
            document.decode().map_err(|err| {
                let problem = err.to_string();
                client.error(Endpoint::Identifications, ApiErrorKind::Unexpected(problem))
            })
        });
        let mut document = match decoded {
            Ok(document) => document,
            Err(err) => return Some(Err(err)),
        };
        self.repairs += document.repairs;
        let Some(serde_json::Value::Array(items)) = document.body.remove("results") else {
            return Some(Err(unexpected("the response has no `results` list")));
        };
        let total = *self.total.get_or_insert_with(|| {
            document
                .body
                .get("count")
                .and_then(|c| c.as_u64())
                .unwrap_or(u64::MAX)
        });
        let any = !items.is_empty();
        let room = self.limit.saturating_sub(self.read);
        let items: Vec<serde_json::Value> = items.into_iter().take(room).collect();
        self.read += items.len();
        let more = any && self.read < self.limit && (self.read as u64) < total;
        if let Some(serde_json::Value::String(url)) = document.body.remove("next")
            && !url.is_empty()
            && more
        {
            if self.seen.insert(url.clone()) {
                self.next = Some(url);
            } else {
                self.pending = Some(unexpected("the pages loop back to a page already read"));
            }
        }
        Some(Ok(items))
    }
}
