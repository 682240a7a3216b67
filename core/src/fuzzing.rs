//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`, off by default): the
//! crate-internal parsers of untrusted input, wrapped so a fuzzer can call them. Not part of
//! the SDK's API; may change at any time.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ureq::http::{HeaderMap, HeaderName, HeaderValue};

use crate::error::{FieldError, RateLimit};
use crate::http::error_body::Redaction;
use crate::http::url::BaseUrl;
use crate::pagination::{CURSOR, CursorTrail, token_from_next};
use crate::retry::{self, Attempt, Decision, Failure, Pacing, Replay, RetryPolicy};
use crate::{Error, Result};

/// The service's message and field errors from an error body (either shape, or a redacted
/// snippet).
pub fn parse_error_body(body: &[u8]) -> (String, Vec<FieldError>) {
    crate::http::error_body::parse_redacted(body, &Redaction::default())
}

/// The [`Error`] for a response with `status` and `body`.
pub fn error_for_response(status: u16, body: &[u8]) -> Error {
    crate::http::error_body::to_error(
        i32::from(status),
        RateLimit::default(),
        body,
        &Redaction::default(),
    )
}

/// The [`Error`] for a response with `status` and `body` to a request with JSON `request`
/// body, on a token route when `returns_tokens` (its body is then never quoted).
pub fn error_for_token_route(
    status: u16,
    body: &[u8],
    request: &[u8],
    returns_tokens: bool,
) -> Error {
    let redaction = Redaction::for_request(Some(request), None, returns_tokens);
    crate::http::error_body::to_error(i32::from(status), RateLimit::default(), body, &redaction)
}

/// The error a 2xx `body` from a token route gives when it does not decode as the operator
/// token response (`{"access_token": str, "expires_in": int?}`), or `None` when it decodes
/// and its token is acceptable.
pub fn token_response_error(body: &[u8]) -> Option<Error> {
    crate::tokens::endpoints::decode_token_response(body, 200).err()
}

/// Whether `value` is refused as a header value of kind user agent (`text`) or token (not
/// `text`), as the SDK checks it when it enters; `Err` names `argument`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument`.
pub fn check_header_value(argument: &str, value: &str, text: bool) -> Result<()> {
    let allowed = if text {
        crate::http::header::Allowed::Text
    } else {
        crate::http::header::Allowed::Word
    };
    crate::http::header::check(argument, value, allowed)
}

/// At most 4 KiB of a body as text, redacted.
pub fn snippet(body: &[u8]) -> String {
    Redaction::default().snippet(body)
}

/// The largest snippet [`snippet`] returns, in bytes, before its `… (N bytes in all)` suffix.
pub const SNIPPET_LIMIT: usize = crate::http::error_body::SNIPPET_LIMIT;

/// The rate-limit numbers of a response carrying these headers (pairs whose name or value is
/// not a valid header are skipped), read at `now_unix` (Unix seconds).
pub fn rate_limit_from_headers(pairs: &[(&str, &[u8])], now_unix: i64) -> RateLimit {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_bytes(value),
        ) {
            headers.append(n, v);
        }
    }
    crate::http::rate_limit::from_headers(&headers, UNIX_EPOCH + retry::seconds(now_unix))
}

/// Seconds since the Unix epoch now.
pub fn unix_now() -> i64 {
    crate::http::rate_limit::unix_seconds(SystemTime::now())
}

/// The server's minimum wait after a 429/503 carrying `rate_limit`.
pub fn server_hint(rate_limit: &RateLimit, now_unix: i64) -> Option<Duration> {
    retry::server_hint(rate_limit, now_unix)
}

/// The pacing pause before the next request.
pub fn pacing_delay(pacing: &Pacing, rate_limit: &RateLimit, now_unix: i64) -> Option<Duration> {
    retry::pacing_delay(pacing, rate_limit, now_unix)
}

/// The retry decision: `Some(wait)` to retry, `None` to stop, for a request that may be
/// replayed when `replay_safe`; `failure` 0..=5 is not connected, connection lost, read
/// timeout, request timeout, status, local.
#[allow(clippy::too_many_arguments)]
pub fn retry_decision(
    policy: &RetryPolicy,
    retries_done: u32,
    replay_safe: bool,
    failure: u8,
    status: u16,
    hint: Option<Duration>,
    elapsed: Duration,
    jitter: f64,
) -> Option<Duration> {
    let failure = match failure % 6 {
        0 => Failure::NotConnected,
        1 => Failure::ConnectionLost,
        2 => Failure::ReadTimeout,
        3 => Failure::RequestTimeout,
        4 => Failure::Status(i32::from(status)),
        _ => Failure::Local,
    };
    let attempt = Attempt {
        retries_done,
        replay: if replay_safe {
            Replay::Safe
        } else {
            Replay::Unsafe {
                advice: "read the resource back before retrying",
            }
        },
        failure,
        hint,
        elapsed,
    };
    match retry::decide(policy, &attempt, jitter) {
        Decision::RetryAfter(wait) => Some(wait),
        Decision::Stop(_) => None,
    }
}

/// The cursor of a `next` link, checked against `base_url`.
///
/// # Errors
/// [`Error::InvalidArgument`] for a `base_url` that does not parse; [`Error::Pagination`] as
/// the workspace walk would stop.
pub fn next_cursor(base_url: &str, next: &str) -> Result<String> {
    token_from_next(CURSOR, &BaseUrl::parse(base_url)?, next)
}

/// Follows `links` one after the other as the workspace walk does, returning each outcome;
/// the walk would stop at the first error.
///
/// # Errors
/// [`Error::InvalidArgument`] for a `base_url` that does not parse.
pub fn follow_next_links(base_url: &str, links: &[&str]) -> Result<Vec<Result<String>>> {
    let base = BaseUrl::parse(base_url)?;
    let mut trail = CursorTrail::default();
    Ok(links
        .iter()
        .map(|l| trail.follow_in(CURSOR, &base, l))
        .collect())
}

/// `base_url` joined with `path`, or the base URL error.
///
/// # Errors
/// [`Error::InvalidArgument`] for a `base_url` that does not parse.
pub fn join_url(base_url: &str, path: &str) -> Result<String> {
    Ok(BaseUrl::parse(base_url)?.join(path))
}

/// Builds a client from the three header-bound inputs (a `User-Agent` suffix, an
/// organisation id and a caller-given scoped token) and sends one request with it to a
/// closed loopback port, without retrying. Header values are checked when they enter, so
/// this returns an error (`InvalidArgument` for a refused input, `Transport` for the closed
/// port) and never panics.
///
/// # Errors
/// [`Error::InvalidArgument`] naming the refused input; [`Error::Transport`] otherwise.
pub fn send_with_header_inputs(
    user_agent_suffix: &str,
    organization_id: Option<&str>,
    token: &str,
) -> Result<()> {
    let mut builder = crate::ClientConfig::builder()
        .base_url("http://127.0.0.1:1/api/v1")
        .no_proxy()
        .user_agent_suffix(user_agent_suffix)
        .retry_policy(RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        });
    if let Some(org) = organization_id {
        builder = builder.organization_id(org);
    }
    let client = crate::EndUserClient::new(builder.build()?, crate::ScopedToken::new(token))?;
    client.token_info().map(|_| ())
}
