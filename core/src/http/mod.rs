//! The HTTP transport: one `ureq::Agent` per client, request building, error mapping,
//! rate-limit bookkeeping, pacing and the retry loop (whose decisions come from
//! [`crate::retry::decide`]). Knows nothing about tokens beyond asking for one per attempt.

pub(crate) mod error_body;
pub(crate) mod header;
mod method;
pub(crate) mod rate_limit;
mod resolver;
pub(crate) mod url;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use ureq::{Agent, RequestBuilder};

use crate::auth::token_cell::CachedToken;
use crate::config::ClientConfig;
use crate::error::RateLimit;
use crate::retry::{self, Attempt, Decision, Failure, Replay, RetryPolicy, Stop};
use crate::{Error, Result};

pub(crate) use method::Method;

/// The largest response body read, in bytes (64 MiB).
const BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// One request: an absolute URL (already joined), query pairs, an optional JSON body, and
/// whether it may be sent again after it may have reached the server.
pub(crate) struct Call<'a> {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) query: &'a [(&'a str, String)],
    pub(crate) body: Option<&'a [u8]>,
    /// Declared by the endpoint that builds the call; the retry loop follows it.
    pub(crate) replay: Replay,
    /// The response carries a token (the operator-, scoped- and widget-token routes): no
    /// part of its body is ever quoted in an error, whatever its status.
    pub(crate) returns_tokens: bool,
}

impl<'a> Call<'a> {
    /// A call whose response carries no token.
    pub(crate) fn new(
        method: Method,
        url: String,
        query: &'a [(&'a str, String)],
        body: Option<&'a [u8]>,
        replay: Replay,
    ) -> Self {
        Call {
            method,
            url,
            query,
            body,
            replay,
            returns_tokens: false,
        }
    }
}

impl std::fmt::Debug for Call<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("method", &self.method)
            .field("path", &path_of(&self.url))
            .field("body_bytes", &self.body.map(<[u8]>::len))
            .finish_non_exhaustive()
    }
}

/// A success response: status and raw body. `Debug` shows the size only.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reply")
            .field("status", &self.status)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

impl Reply {
    /// The body of the response to `call` decoded as `T`.
    ///
    /// # Errors
    /// [`Error::Decode`] naming what did not parse. For a call that returns tokens it gives
    /// only the kind of problem and where (never serde's message, which can quote the body,
    /// nor any part of the body); otherwise the message and a snippet, both redacted.
    pub(crate) fn decode<T: DeserializeOwned>(&self, call: &Call<'_>) -> Result<T> {
        if call.returns_tokens {
            return decode_token_body(&self.body, self.status);
        }
        serde_json::from_slice(&self.body).map_err(|e| {
            let redaction = error_body::Redaction::for_request(call.body, None, false);
            let detail = format!(
                "{} (body: {})",
                redaction.text(&e.to_string()),
                redaction.snippet(&self.body)
            );
            Error::Decode {
                status: self.status,
                detail,
            }
        })
    }
}

/// `body` (of a response with `status` from a route that returns tokens) decoded as `T`.
///
/// # Errors
/// [`Error::Decode`] giving only the kind of problem, where it is and the body's size: never
/// serde's message (which can quote the body) nor any byte of the body.
pub(crate) fn decode_token_body<T: DeserializeOwned>(body: &[u8], status: u16) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| {
        let kind = match e.classify() {
            serde_json::error::Category::Eof => "ends early",
            serde_json::error::Category::Syntax => "is not valid JSON",
            serde_json::error::Category::Data => "does not have the expected fields",
            serde_json::error::Category::Io => "could not be read",
        };
        Error::Decode {
            status,
            detail: format!(
                "the token response {kind} (line {}, column {}; {})",
                e.line(),
                e.column(),
                error_body::withheld(body)
            ),
        }
    })
}

/// A bearer token the retry loop can send.
pub(crate) trait Bearer {
    /// The token text.
    fn bearer(&self) -> &str;
}

impl Bearer for &str {
    fn bearer(&self) -> &str {
        self
    }
}

impl Bearer for Arc<CachedToken> {
    fn bearer(&self) -> &str {
        self.expose()
    }
}

/// One failed attempt: the error to return, how it failed, the server's wait hint, and what
/// happened after sending (for [`Error::OutcomeUnknown`]).
struct Failed {
    error: Error,
    failure: Failure,
    hint: Option<Duration>,
    cause: String,
}

/// The transport shared by every request of one client.
pub(crate) struct Http {
    agent: Agent,
    config: ClientConfig,
    last_rate_limit: Mutex<Option<RateLimit>>,
}

impl Http {
    pub(crate) fn new(config: ClientConfig) -> Http {
        let mut builder = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_per_read(Some(config.read_timeout))
            .timeout_global(Some(config.request_timeout))
            .user_agent(config.user_agent.as_str())
            .proxy(config.proxy.resolve());
        if let Some(tls) = &config.tls {
            builder = builder.tls_config(tls.clone());
        }
        let agent = Agent::with_parts(
            builder.build(),
            ureq::unversioned::transport::DefaultConnector::default(),
            resolver::LiteralFirst::default(),
        );
        Http {
            agent,
            config,
            last_rate_limit: Mutex::new(None),
        }
    }

    pub(crate) fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// `base_url` + `path`.
    pub(crate) fn url(&self, path: &str) -> String {
        self.config.base_url.join(path)
    }

    /// The rate-limit numbers of the last response that carried any.
    pub(crate) fn last_rate_limit(&self) -> Option<RateLimit> {
        *self
            .last_rate_limit
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Sends `call` with `bearer` (if any) under the client's retry policy, and returns the
    /// response when its status is 2xx.
    ///
    /// # Errors
    /// As [`Http::send_with`].
    pub(crate) fn send(&self, call: &Call<'_>, bearer: Option<&str>) -> Result<Reply> {
        self.send_with(call, &self.config.retry, None, || Ok(bearer))
    }

    /// Sends `call` until it succeeds or `policy` says stop; `bearer` is asked for the token
    /// before each attempt (so a long wait never sends a token that expired meanwhile).
    /// `deadline`, when given, also bounds the retries and each attempt's whole-request
    /// timeout.
    ///
    /// # Errors
    /// The status's [`Error`] variant for a non-success response; [`Error::Timeout`] or
    /// [`Error::Transport`] when no response arrived; [`Error::OutcomeUnknown`] when a
    /// non-idempotent request may have reached the server; the error of `bearer`.
    pub(crate) fn send_with<B: Bearer>(
        &self,
        call: &Call<'_>,
        policy: &RetryPolicy,
        deadline: Option<Instant>,
        mut bearer: impl FnMut() -> Result<Option<B>>,
    ) -> Result<Reply> {
        let started = Instant::now();
        let path = self.relative_path(&call.url);
        let mut policy = *policy;
        if let Some(d) = deadline {
            policy.max_elapsed = policy.max_elapsed.min(d.saturating_duration_since(started));
        }
        let mut retries_done = 0;
        loop {
            self.pace(call);
            let limit = match deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(Error::Timeout {
                            detail: format!(
                                "the call's deadline passed before {} {} was sent",
                                call.method.as_str(),
                                path
                            ),
                        });
                    }
                    Some(left.min(self.config.request_timeout))
                }
                None => None,
            };
            let token = bearer()?;
            let failed = match self.attempt(call, token.as_ref().map(Bearer::bearer), limit) {
                Ok(reply) => return Ok(reply),
                Err(f) => f,
            };
            drop(token);
            let attempt = Attempt {
                retries_done,
                replay: call.replay,
                failure: failed.failure,
                hint: failed.hint,
                elapsed: started.elapsed(),
            };
            match retry::decide(&policy, &attempt, fastrand::f64()) {
                Decision::RetryAfter(wait) => {
                    log::debug!(
                        "retrying {} {} (retry {} of {}) in {} ms after {}",
                        call.method.as_str(),
                        path,
                        retries_done + 1,
                        policy.max_retries,
                        wait.as_millis(),
                        failed.failure.label()
                    );
                    std::thread::sleep(wait);
                    retries_done += 1;
                }
                Decision::Stop(Stop::OutcomeUnknown) => {
                    log::debug!(
                        "{} {}: not retried, the outcome is unknown after {}",
                        call.method.as_str(),
                        path,
                        failed.failure.label()
                    );
                    return Err(Error::OutcomeUnknown {
                        method: call.method.as_str().to_owned(),
                        advice: match call.replay {
                            Replay::Unsafe { advice } => advice,
                            Replay::Safe => "read the resource back before retrying",
                        }
                        .to_owned(),
                        path,
                        cause: failed.cause,
                        source: Box::new(failed.error),
                    });
                }
                Decision::Stop(why) => {
                    if why != Stop::Final {
                        log::debug!(
                            "{} {}: giving up after {} retries ({:?}) on {}",
                            call.method.as_str(),
                            path,
                            retries_done,
                            why,
                            failed.failure.label()
                        );
                    }
                    return Err(failed.error);
                }
            }
        }
    }

    /// Pauses before a request when pacing is on and the last rate-limit numbers ask for it.
    fn pace(&self, call: &Call<'_>) {
        let (Some(pacing), Some(rate_limit)) = (&self.config.pacing, self.last_rate_limit()) else {
            return;
        };
        if let Some(pause) = retry::pacing_delay(pacing, &rate_limit, unix_now()) {
            log::debug!(
                "pacing {} {}: {} ms ({:?} requests left)",
                call.method.as_str(),
                path_of(&call.url),
                pause.as_millis(),
                rate_limit.remaining
            );
            std::thread::sleep(pause);
        }
    }

    /// `call.url` relative to the base URL (`/embedded/sources`), for logs and errors.
    fn relative_path(&self, url: &str) -> String {
        let path = url
            .strip_prefix(self.config.base_url.as_str())
            .unwrap_or_else(|| path_of(url));
        let path = path.split(['?', '#']).next().unwrap_or(path);
        format!("/{}", path.trim_start_matches('/'))
    }

    /// One attempt: sends `call` once and reads the whole response.
    fn attempt(
        &self,
        call: &Call<'_>,
        bearer: Option<&str>,
        limit: Option<Duration>,
    ) -> std::result::Result<Reply, Box<Failed>> {
        let started = Instant::now();
        let mut response = self.dispatch(call, bearer, limit).map_err(|e| {
            let failed = transport_failure(e);
            log::debug!(
                "{} {} failed after {} ms: {}",
                call.method.as_str(),
                path_of(&call.url),
                started.elapsed().as_millis(),
                failed.error
            );
            failed
        })?;
        let status = response.status().as_u16();
        let now = SystemTime::now();
        let rate_limit = rate_limit::from_headers(response.headers(), now);
        if rate_limit != RateLimit::default() {
            *self
                .last_rate_limit
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = Some(rate_limit);
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_vec()
            .map_err(|e| {
                let failed = transport_failure(e);
                log::debug!(
                    "{} {} -> {status}, then reading the body failed after {} ms: {}",
                    call.method.as_str(),
                    path_of(&call.url),
                    started.elapsed().as_millis(),
                    failed.error
                );
                failed
            })?;
        log::debug!(
            "{} {} -> {status} ({} bytes) in {} ms",
            call.method.as_str(),
            path_of(&call.url),
            body.len(),
            started.elapsed().as_millis()
        );
        if (200..300).contains(&status) {
            return Ok(Reply { status, body });
        }
        let hint = matches!(status, 429 | 503)
            .then(|| retry::server_hint(&rate_limit, unix_seconds(now)))
            .flatten();
        let redaction = error_body::Redaction::for_request(call.body, bearer, call.returns_tokens);
        Err(Box::new(Failed {
            error: error_body::to_error(status, rate_limit, &body, &redaction),
            failure: Failure::Status(status),
            hint,
            cause: format!("HTTP {status} from the server"),
        }))
    }

    fn dispatch(
        &self,
        call: &Call<'_>,
        bearer: Option<&str>,
        limit: Option<Duration>,
    ) -> std::result::Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let url = call.url.as_str();
        let body = call.body.unwrap_or(b"");
        match call.method {
            Method::Get => self
                .prepare(self.agent.get(url), call, bearer, limit)
                .call(),
            Method::Delete => self
                .prepare(self.agent.delete(url), call, bearer, limit)
                .call(),
            Method::Post => self
                .prepare(self.agent.post(url), call, bearer, limit)
                .send(body),
            Method::Put => self
                .prepare(self.agent.put(url), call, bearer, limit)
                .send(body),
            Method::Patch => self
                .prepare(self.agent.patch(url), call, bearer, limit)
                .send(body),
        }
    }

    fn prepare<B>(
        &self,
        mut rb: RequestBuilder<B>,
        call: &Call<'_>,
        bearer: Option<&str>,
        limit: Option<Duration>,
    ) -> RequestBuilder<B> {
        rb = rb
            .header("Accept", "application/json")
            .query_pairs(call.query.iter().map(|(k, v)| (*k, v.as_str())));
        if call.body.is_some() {
            rb = rb.header("Content-Type", "application/json");
        }
        if let Some(org) = &self.config.organization_id {
            rb = rb.header("X-Organization-Id", org.as_str());
        }
        if let Some(token) = bearer {
            rb = rb.header("Authorization", format!("Bearer {token}"));
        }
        if let Some(limit) = limit {
            rb = rb.config().timeout_global(Some(limit)).build();
        }
        rb
    }
}

fn unix_seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn unix_now() -> u64 {
    unix_seconds(SystemTime::now())
}

/// The URL's path, for logs (no scheme, host or query).
fn path_of(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split('?').next().unwrap_or(path)
}

/// The error, retry class and unknown-outcome cause of a failure with no (whole) response.
fn transport_failure(e: ureq::Error) -> Box<Failed> {
    use std::io::ErrorKind;
    let failure = classify(&e);
    let cause = match (&e, failure) {
        (_, Failure::NotConnected) => "the connection was not established".to_owned(),
        (ureq::Error::Io(io), _) => match io.kind() {
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
                "connection reset after the request was sent".to_owned()
            }
            ErrorKind::UnexpectedEof => "connection closed after the request was sent".to_owned(),
            ErrorKind::TimedOut => "no response within the read timeout".to_owned(),
            _ => format!("connection failed after the request was sent: {io}"),
        },
        (_, Failure::ReadTimeout) => "no response within the read timeout".to_owned(),
        (_, Failure::RequestTimeout) => "the request timeout passed".to_owned(),
        (ureq::Error::Protocol(_), _) => "malformed response after the request was sent".to_owned(),
        _ => "the request may have been sent".to_owned(),
    };
    Box::new(Failed {
        error: transport_error(e),
        failure,
        hint: None,
        cause,
    })
}

/// How a transport failure counts for retrying: whether a connection was made, whether a
/// timeout was per read or for the whole request.
fn classify(e: &ureq::Error) -> Failure {
    use std::io::ErrorKind;
    use ureq::Timeout;
    match e {
        ureq::Error::Timeout(Timeout::Resolve | Timeout::Connect) => Failure::NotConnected,
        ureq::Error::Timeout(Timeout::Global | Timeout::PerCall) => Failure::RequestTimeout,
        ureq::Error::Timeout(_) => Failure::ReadTimeout,
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => Failure::NotConnected,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::NetworkDown
            | ErrorKind::AddrNotAvailable
            | ErrorKind::AddrInUse => Failure::NotConnected,
            ErrorKind::TimedOut => Failure::ReadTimeout,
            // rustls reports a failed handshake (untrusted certificate, not TLS at all) as
            // invalid data: before the request, and not fixed by trying again.
            ErrorKind::InvalidData => Failure::Local,
            _ => Failure::ConnectionLost,
        },
        ureq::Error::Protocol(_) => Failure::ConnectionLost,
        _ => Failure::Local,
    }
}

fn transport_error(e: ureq::Error) -> Error {
    match e {
        ureq::Error::Timeout(which) => Error::Timeout {
            detail: format!("{which} timeout passed"),
        },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Error::Timeout {
            detail: io.to_string(),
        },
        ureq::Error::HostNotFound => Error::Transport {
            detail: String::from("host not found"),
        },
        ureq::Error::ConnectionFailed => Error::Transport {
            detail: String::from("connection failed"),
        },
        other => Error::Transport {
            detail: crate::redact::clean(&other.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_of_strips_origin_and_query() {
        assert_eq!(
            path_of("https://h:1/api/v1/workspaces?cursor=abc"),
            "/api/v1/workspaces"
        );
        assert_eq!(path_of("https://h"), "/");
    }

    #[test]
    fn transport_failures_are_classified_for_retrying() {
        use std::io::{Error as Io, ErrorKind};
        use ureq::Timeout;
        #[rustfmt::skip]
        let cases: Vec<(ureq::Error, Failure, &str)> = vec![
            (ureq::Error::ConnectionFailed, Failure::NotConnected, "the connection was not established"),
            (ureq::Error::HostNotFound, Failure::NotConnected, "the connection was not established"),
            (ureq::Error::Timeout(Timeout::Connect), Failure::NotConnected, ""),
            (ureq::Error::Timeout(Timeout::Resolve), Failure::NotConnected, ""),
            (ureq::Error::Io(Io::from(ErrorKind::ConnectionRefused)), Failure::NotConnected, ""),
            (ureq::Error::Timeout(Timeout::PerRead), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::RecvResponse), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::SendBody), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::Global), Failure::RequestTimeout, "the request timeout passed"),
            (ureq::Error::Io(Io::from(ErrorKind::ConnectionReset)), Failure::ConnectionLost, "connection reset after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::BrokenPipe)), Failure::ConnectionLost, "connection reset after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::UnexpectedEof)), Failure::ConnectionLost, "connection closed after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::InvalidData)), Failure::Local, ""),
            (ureq::Error::BadUri("x".into()), Failure::Local, "the request may have been sent"),
            (ureq::Error::BodyExceedsLimit(1), Failure::Local, "the request may have been sent"),
        ];
        for (error, failure, cause) in cases {
            let shown = format!("{error:?}");
            let failed = transport_failure(error);
            assert_eq!(failed.failure, failure, "{shown}");
            // (The cause only matters when the request may have reached the server.)
            if !cause.is_empty() {
                assert_eq!(failed.cause, cause, "{shown}");
            }
            let timeout = matches!(failed.error, Error::Timeout { .. });
            assert_eq!(
                timeout,
                shown.starts_with("Timeout"),
                "{shown} -> {:?}",
                failed.error
            );
        }
    }

    #[test]
    fn paths_are_made_relative_to_the_base_url() {
        let config = ClientConfig::builder()
            .base_url("https://api.example.com/api/v1/")
            .build()
            .unwrap();
        let http = Http::new(config);
        #[rustfmt::skip]
        let cases = [
            ("https://api.example.com/api/v1/embedded/sources", "/embedded/sources"),
            ("https://api.example.com/api/v1/workspaces?cursor=x", "/workspaces"),
            ("https://other.example.com/x/y?z", "/x/y"),
            ("https://api.example.com/api/v1", "/"),
        ];
        for (url, path) in cases {
            assert_eq!(http.relative_path(url), path, "{url}");
        }
    }

    #[test]
    fn connection_refused_is_a_transport_error() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let config = ClientConfig::builder()
            .base_url(format!("http://127.0.0.1:{port}/api/v1"))
            .build()
            .unwrap();
        let http = Http::new(config);
        let call = Call::new(Method::Get, http.url("workspaces"), &[], None, Replay::Safe);
        let err = http.send(&call, Some("tok")).unwrap_err();
        assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    }
}
