//! When a failed request is sent again, and how long the SDK waits first.
//!
//! A backend that mints tokens for thousands of end users has to keep working through 429s,
//! 5xx bursts, dropped connections and slow responses, without ever creating a source twice.
//! The SDK retries what is safe to retry, waits as long as the server asks (within a budget),
//! and reports a create that may or may not have happened as exactly that.
//!
//! # What is retried
//!
//! Every request goes through one retry loop. Its decisions come from a pure function,
//! `decide`, of the attempt number, whether the request is safe to replay (each endpoint
//! declares it where it builds its request), how the attempt failed, the server's hint and
//! the time spent so far (tested by a table in this module); the transport only carries
//! them out:
//!
//! | failure | replay-safe: GET, PUT, DELETE and the POSTs below | other POSTs, PATCH |
//! |---|---|---|
//! | connection not established (DNS, connection refused, connect timeout) | retried | retried |
//! | 429 Too Many Requests | retried, waiting at least `Retry-After` | retried, waiting at least `Retry-After` |
//! | 502, 503, 504 | retried | **not retried**: [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) |
//! | read timeout; connection reset or closed after the request was sent | retried | **not retried**: [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) |
//! | 500 (and other 5xx) | not retried: [`Error::Server`](crate::Error::Server) | **not retried**: [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) |
//! | whole-request timeout (`request_timeout`) | not retried: [`Error::Timeout`](crate::Error::Timeout) | **not retried**: [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown) |
//! | 400, 401, 403, 404, 409, 422; TLS failures (untrusted certificate); a bad URL | not retried | not retried |
//!
//! A 401, or a 403 with an SDK-minted token old enough, is not retried by this loop: it
//! refreshes the token and replays the call once (see [`crate::auth`]). A retry also stops
//! when [`RetryPolicy::max_retries`] retries were made, or when its wait would end after
//! [`RetryPolicy::max_elapsed`] from the call's start (for a 429 the error is then
//! [`Error::RateLimited`](crate::Error::RateLimited) with the server's numbers).
//!
//! **Defaults** ([`RetryPolicy::default`]): up to 3 retries; exponential backoff from 500 ms,
//! doubling, each wait at most 10 s, with full jitter (each wait multiplied by a random factor
//! in `[0, 1)`); and an overall deadline of 120 s: no retry is scheduled whose wait would end
//! more than 120 s after the call's first attempt started. A server's `Retry-After` is
//! honoured as a minimum (on a 429 without it, the time until `X-RateLimit-Reset` when
//! `X-RateLimit-Remaining` is 0).
//!
//! ```
//! use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, RetryPolicy};
//! use std::time::Duration;
//!
//! let config = ClientConfig::builder()
//!     .retry_policy(RetryPolicy {
//!         max_retries: 5,
//!         max_elapsed: Duration::from_secs(300),
//!         ..RetryPolicy::default()
//!     })
//!     .build()?;
//! let operator = OperatorClient::new(config, Credentials::new("client-id", "client-secret"))?;
//! // One call (or a group of calls) with another policy; same pool, tokens and caches:
//! let once = operator.with_retry_policy(RetryPolicy::disabled());
//! # let _ = once;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! [`RetryPolicy::disabled`] sends every request once
//! ([`EndUserClient::with_retry_policy`](crate::EndUserClient::with_retry_policy) too).
//!
//! # What is never retried: creates whose outcome is unknown
//!
//! A POST that creates something (a source, a source or connection template, a tag, a tag on
//! a template) or a PATCH, once sent, is never sent again after a timeout, a dropped
//! connection or a 5xx: the server may have acted on it, and a second one would make a
//! duplicate. The call returns [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), which names the method, the path,
//! what happened and how to find out:
//!
//! ```text
//! POST /embedded/sources: the outcome is unknown (connection reset after the request was sent); list sources by name before retrying
//! ```
//!
//! [`Error::is_outcome_unknown`](crate::Error::is_outcome_unknown) tells it apart; [`Error::status`](crate::Error::status) is the status of the 5xx,
//! if one came; the underlying error is its `source`. Reconcile before retrying:
//!
//! ```no_run
//! # use airbyte_embedded::sources::SourceCreate;
//! # fn f(end_user: &airbyte_embedded::EndUserClient, request: &SourceCreate, workspace_id: &str) -> airbyte_embedded::Result<()> {
//! let source_id = match end_user.sources().create(request) {
//!     Ok(source) => source.id,
//!     Err(e) if e.is_outcome_unknown() => {
//!         let name = request.name.as_deref();
//!         match end_user.sources().list(workspace_id)?.into_iter().find(|s| s.name.as_deref() == name) {
//!             Some(existing) => existing.id,                         // it was created
//!             None => end_user.sources().create(request)?.id,        // it was not
//!         }
//!     }
//!     Err(e) => return Err(e),
//! };
//! # let _ = source_id; Ok(()) }
//! ```
//!
//! **Replay-safe POSTs** create nothing a second call could duplicate, and are retried like a
//! GET:
//!
//! - `POST /account/applications/token` (minting the operator token);
//! - `POST /embedded/scoped-token` and `/embedded/widget-token` (and their
//!   `/account/applications/...` forms): the workspace is created once, by name; a replay
//!   returns another token for the same workspace;
//! - `POST /integrations/templates/connections/cron/describe` (read-only);
//! - `POST …/sources/check` and `POST …/sources/{id}/check`: a replay starts a second check
//!   job, which costs a check but duplicates nothing the caller keeps.
//!
//! A DELETE retried after its response was lost may answer 404: the first attempt deleted it.
//!
//! # Rate limits
//!
//! Every response's `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (Unix
//! seconds, or seconds from now when small) and `Retry-After` (seconds or an HTTP date) are
//! read; a malformed header reads as absent.
//! [`OperatorClient::last_rate_limit`](crate::OperatorClient::last_rate_limit) returns the
//! latest numbers. A 429 is waited out for at least `Retry-After` when that fits in the retry
//! budget; otherwise (or when the retries run out) the call returns [`Error::RateLimited`](crate::Error::RateLimited) at
//! once, with the numbers:
//!
//! ```text
//! rate limited (HTTP 429): Rate limit exceeded; retry after 1800 s; 0 of 1000 requests left until 1760003600 (Unix seconds)
//! ```
//!
//! Optional client-side [`Pacing`] spreads requests when few are left in the window: with
//! `remaining` left (at or below [`Pacing::below_remaining`], default 50) and `t` seconds to
//! the reset, each request first pauses `t / (remaining + 1)`, at most [`Pacing::max_delay`]
//! (default 5 s). Off by default:
//!
//! ```
//! use airbyte_embedded::{ClientConfig, Pacing};
//! let config = ClientConfig::builder().pacing(Pacing::default()).build()?;
//! # let _ = config;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! Every retry is logged at `DEBUG` with the method, path, retry number, wait and failure
//! kind, as is every pacing pause and every create not retried (see [`crate::logging`]).

use std::time::Duration;

use crate::error::RateLimit;

/// How failed requests are retried. Set per client with
/// [`crate::ClientConfigBuilder::retry_policy`], or per call with
/// `client.with_retry_policy(...)` on [`crate::OperatorClient`] and [`crate::EndUserClient`].
///
/// The wait before retry `n` (0-based) is `min(max_backoff, initial_backoff × 2ⁿ)`, multiplied
/// by a random factor in `[0, 1)` when `jitter` is on ("full jitter"), and never less than the
/// server's `Retry-After` (or, on a 429 without it, the time until `X-RateLimit-Reset` when
/// `X-RateLimit-Remaining` is 0).
///
/// ```
/// use airbyte_embedded::{ClientConfig, RetryPolicy};
/// use std::time::Duration;
///
/// let config = ClientConfig::builder()
///     .retry_policy(RetryPolicy {
///         max_retries: 5,
///         max_elapsed: Duration::from_secs(30),
///         ..RetryPolicy::default()
///     })
///     .build()?;
/// assert_eq!(config.retry_policy().max_retries, 5);
/// let never = ClientConfig::builder().retry_policy(RetryPolicy::disabled()).build()?;
/// assert_eq!(never.retry_policy().max_retries, 0);
/// # Ok::<(), airbyte_embedded::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RetryPolicy {
    /// Retries after the first attempt, 0 or more. Defaults to 3; 0 disables retrying.
    /// `ClientConfig` refuses a negative count; [`crate::OperatorClient::with_retry_policy`]
    /// takes one as 0.
    pub max_retries: i32,
    /// The wait before the first retry, before jitter. Defaults to 500 milliseconds; it
    /// doubles with each retry.
    pub initial_backoff: Duration,
    /// The longest computed wait (a server's `Retry-After` may ask for longer, and is
    /// honoured within `max_elapsed`). Defaults to 10 seconds.
    pub max_backoff: Duration,
    /// The overall deadline: no retry is scheduled whose wait would end later than this
    /// after the call's first attempt started. Defaults to 120 seconds.
    pub max_elapsed: Duration,
    /// Whether each wait is multiplied by a random factor in `[0, 1)` (full jitter), so that
    /// many clients failing together do not retry together. Defaults to `true`.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(120),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries (a POST that may have reached the server is still
    /// reported as [`crate::Error::OutcomeUnknown`]).
    pub fn disabled() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }
}

/// Client-side pacing: when the last response said few requests are left in the rate-limit
/// window, each request first pauses so that the rest are spread over the time until the
/// window resets. Off by default; turn it on with [`crate::ClientConfigBuilder::pacing`].
///
/// With `remaining` requests left (`X-RateLimit-Remaining` at or below `below_remaining`) and
/// `t` seconds until `X-RateLimit-Reset`, the pause is `t / (remaining + 1)`, at most
/// `max_delay`. Nothing pauses once the window has reset or when the headers are absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pacing {
    /// Pacing starts when `X-RateLimit-Remaining` is at or below this (0 or more). Defaults
    /// to 50.
    pub below_remaining: i64,
    /// The longest pause before one request. Defaults to 5 seconds.
    pub max_delay: Duration,
}

impl Default for Pacing {
    fn default() -> Self {
        Pacing {
            below_remaining: 50,
            max_delay: Duration::from_secs(5),
        }
    }
}

/// Whether a request may be sent again after it may have reached the server. Each endpoint
/// declares it where it builds its request (GET, PUT and DELETE are always `Safe`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replay {
    /// Sending it twice has the effect of sending it once: it is retried after any failure
    /// a retry can fix.
    Safe,
    /// A second send could repeat its effect (a create, a PATCH, adding a tag): once it may
    /// have reached the server it is not sent again, and the error is
    /// [`crate::Error::OutcomeUnknown`] carrying `advice`.
    Unsafe {
        /// How a caller finds out whether the request took effect
        /// (`"list sources by name before retrying"`).
        advice: &'static str,
    },
}

/// How one attempt failed, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// No connection was made (DNS, connection refused, connect timeout): nothing was sent.
    NotConnected,
    /// The connection was reset or closed, or the response was garbled, after the request
    /// may have been sent.
    ConnectionLost,
    /// A read (or write) timeout passed after the connection was made.
    ReadTimeout,
    /// The whole-request timeout (`request_timeout`, or the call's own deadline) passed.
    RequestTimeout,
    /// A response with this non-success status arrived.
    Status(i32),
    /// Anything that a retry cannot fix: TLS verification, a bad URL, a body too large.
    Local,
}

impl Failure {
    /// A short label for logs (`"HTTP 503"`, `"read timeout"`).
    pub(crate) fn label(self) -> String {
        match self {
            Failure::NotConnected => "connection not established".to_owned(),
            Failure::ConnectionLost => "connection lost".to_owned(),
            Failure::ReadTimeout => "read timeout".to_owned(),
            Failure::RequestTimeout => "request timeout".to_owned(),
            Failure::Status(s) => format!("HTTP {s}"),
            Failure::Local => "local error".to_owned(),
        }
    }
}

/// One failed attempt, as [`decide`] sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attempt {
    /// Retries already made (0 after the first attempt failed).
    pub(crate) retries_done: u32,
    /// Whether the request may be sent again after it may have reached the server.
    pub(crate) replay: Replay,
    /// How it failed.
    pub(crate) failure: Failure,
    /// The server's minimum wait (`Retry-After`, or the rate-limit reset), when it gave one.
    pub(crate) hint: Option<Duration>,
    /// Time since the call's first attempt started.
    pub(crate) elapsed: Duration,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Wait this long, then send the request again.
    RetryAfter(Duration),
    /// Return an error.
    Stop(Stop),
}

/// Why no retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The failure is not one a retry can fix: return it as is.
    Final,
    /// A non-idempotent request may have reached the server: report the outcome as unknown.
    OutcomeUnknown,
    /// `max_retries` retries were made.
    Exhausted,
    /// The wait would end after `max_elapsed`.
    OverBudget,
}

/// The retry decision after a failed attempt. `jitter` is a number in `[0, 1)` (drawn at
/// random by the caller; fixed in tests); it is ignored when `policy.jitter` is off.
pub(crate) fn decide(policy: &RetryPolicy, attempt: &Attempt, jitter: f64) -> Decision {
    let repeatable = attempt.replay == Replay::Safe;
    let retryable = match attempt.failure {
        Failure::NotConnected | Failure::Status(429) => true,
        Failure::Status(502..=504) | Failure::ReadTimeout | Failure::ConnectionLost => repeatable,
        Failure::Status(500..=599) | Failure::RequestTimeout => false,
        Failure::Status(_) | Failure::Local => return Decision::Stop(Stop::Final),
    };
    if !retryable {
        return Decision::Stop(if repeatable {
            Stop::Final
        } else {
            Stop::OutcomeUnknown
        });
    }
    if i64::from(attempt.retries_done) >= i64::from(policy.max_retries) {
        return Decision::Stop(Stop::Exhausted);
    }
    let wait = backoff(policy, attempt.retries_done, jitter).max(attempt.hint.unwrap_or_default());
    if attempt.elapsed.saturating_add(wait) > policy.max_elapsed {
        return Decision::Stop(Stop::OverBudget);
    }
    Decision::RetryAfter(wait)
}

/// `min(max_backoff, initial_backoff × 2^retries_done)`, times `jitter` when jitter is on.
fn backoff(policy: &RetryPolicy, retries_done: u32, jitter: f64) -> Duration {
    let factor = 1u32 << retries_done.min(20);
    let exponential = policy
        .initial_backoff
        .saturating_mul(factor)
        .min(policy.max_backoff);
    if policy.jitter {
        let j = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            1.0
        };
        exponential.mul_f64(j)
    } else {
        exponential
    }
}

/// The server's minimum wait before the next request: `Retry-After`, else (when
/// `X-RateLimit-Remaining` is 0) the time until `X-RateLimit-Reset`, read at `now_unix`.
pub(crate) fn server_hint(rate_limit: &RateLimit, now_unix: i64) -> Option<Duration> {
    rate_limit
        .retry_after
        .or_else(|| match rate_limit.remaining {
            Some(0) => rate_limit
                .reset_unix_seconds
                .map(|reset| seconds(reset.saturating_sub(now_unix))),
            _ => None,
        })
}

/// The pause before the next request under `pacing`, given the last rate-limit numbers seen,
/// at `now_unix`.
pub(crate) fn pacing_delay(
    pacing: &Pacing,
    rate_limit: &RateLimit,
    now_unix: i64,
) -> Option<Duration> {
    let remaining = rate_limit.remaining?;
    if remaining > pacing.below_remaining {
        return None;
    }
    let left = rate_limit.reset_unix_seconds?.saturating_sub(now_unix);
    if left <= 0 {
        return None;
    }
    let spread = seconds(left).div_f64(remaining.max(0) as f64 + 1.0);
    Some(spread.min(pacing.max_delay))
}

/// `n` seconds as a duration; zero for a negative `n` (a moment already past).
pub(crate) fn seconds(n: i64) -> Duration {
    Duration::from_secs(u64::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;
    const S: fn(u64) -> Duration = Duration::from_secs;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: MS(500),
            max_backoff: S(10),
            max_elapsed: S(120),
            jitter: true,
        }
    }

    use Decision::{RetryAfter, Stop as S_};
    use Failure::*;
    use Replay::Safe;

    /// A create: not replayed once it may have reached the server.
    const ONCE: Replay = Replay::Unsafe {
        advice: "list sources by name before retrying",
    };

    /// (retries_done, replay, failure, hint, elapsed, jitter, expected)
    type Case = (
        u32,
        Replay,
        Failure,
        Option<Duration>,
        Duration,
        f64,
        Decision,
    );

    #[test]
    fn decision_table() {
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // connection not established: every request, unsafe ones included
            (0, Safe, NotConnected, None, S(0), 1.0, RetryAfter(MS(500))),
            (0, ONCE, NotConnected, None, S(0), 1.0, RetryAfter(MS(500))),
            (0, ONCE, NotConnected, None, S(0), 0.5, RetryAfter(MS(250))),
            // exponential, full jitter, capped per wait
            (1, Safe, NotConnected, None, S(0), 1.0, RetryAfter(S(1))),
            (2, Safe, NotConnected, None, S(0), 1.0, RetryAfter(S(2))),
            (2, Safe, NotConnected, None, S(0), 0.0, RetryAfter(S(0))),
            (2, Safe, NotConnected, None, S(0), 0.25, RetryAfter(MS(500))),
            // 429: any request, at least Retry-After, within the budget
            (0, ONCE, Status(429), Some(S(3)), S(0), 1.0, RetryAfter(S(3))),
            (0, Safe, Status(429), Some(S(0)), S(0), 1.0, RetryAfter(MS(500))),
            (0, Safe, Status(429), None, S(0), 0.5, RetryAfter(MS(250))),
            (0, Safe, Status(429), Some(S(200)), S(0), 1.0, S_(Stop::OverBudget)),
            (0, Safe, Status(429), Some(S(100)), S(30), 1.0, S_(Stop::OverBudget)),
            (0, Safe, Status(429), Some(S(90)), S(30), 1.0, RetryAfter(S(90))),
            // 502/503/504, read timeouts and lost connections: replay-safe requests only
            (0, Safe, Status(502), None, S(0), 1.0, RetryAfter(MS(500))),
            (0, Safe, Status(503), Some(S(2)), S(0), 1.0, RetryAfter(S(2))),
            (0, Safe, Status(504), None, S(0), 1.0, RetryAfter(MS(500))),
            (0, Safe, ReadTimeout, None, S(0), 1.0, RetryAfter(MS(500))),
            (0, Safe, ConnectionLost, None, S(0), 1.0, RetryAfter(MS(500))),
            (0, ONCE, Status(502), None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            (0, ONCE, Status(503), Some(S(1)), S(0), 1.0, S_(Stop::OutcomeUnknown)),
            (0, ONCE, ReadTimeout, None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            (0, ONCE, ConnectionLost, None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            (0, ONCE, Status(504), None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            // 500 and the whole-request timeout: never retried; unknown outcome when unsafe
            (0, Safe, Status(500), None, S(0), 1.0, S_(Stop::Final)),
            (0, ONCE, Status(500), None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            (0, Safe, RequestTimeout, None, S(0), 1.0, S_(Stop::Final)),
            (0, ONCE, RequestTimeout, None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            // other statuses and local errors: final
            (0, Safe, Status(400), None, S(0), 1.0, S_(Stop::Final)),
            (0, Safe, Status(401), None, S(0), 1.0, S_(Stop::Final)),
            (0, ONCE, Status(404), None, S(0), 1.0, S_(Stop::Final)),
            (0, ONCE, Status(422), None, S(0), 1.0, S_(Stop::Final)),
            (0, Safe, Local, None, S(0), 1.0, S_(Stop::Final)),
            // retries run out
            (3, Safe, Status(503), None, S(0), 1.0, S_(Stop::Exhausted)),
            (3, ONCE, Status(429), Some(S(1)), S(0), 1.0, S_(Stop::Exhausted)),
            (3, ONCE, Status(503), None, S(0), 1.0, S_(Stop::OutcomeUnknown)),
            // the overall deadline counts the time already spent
            (1, Safe, Status(503), None, MS(119_500), 1.0, S_(Stop::OverBudget)),
            (1, Safe, Status(503), None, S(119), 0.0, RetryAfter(S(0))),
        ];
        for (i, &(retries_done, replay, failure, hint, elapsed, jitter, expected)) in
            cases.iter().enumerate()
        {
            let attempt = Attempt {
                retries_done,
                replay,
                failure,
                hint,
                elapsed,
            };
            assert_eq!(
                decide(&policy(), &attempt, jitter),
                expected,
                "case {i}: {attempt:?}"
            );
        }
    }

    #[test]
    fn the_cap_and_jitter_switch() {
        let attempt = |retries_done| Attempt {
            retries_done,
            replay: Safe,
            failure: Status(503),
            hint: None,
            elapsed: S(0),
        };
        let p = RetryPolicy {
            max_retries: 30,
            jitter: false,
            max_elapsed: S(3600),
            ..policy()
        };
        assert_eq!(decide(&p, &attempt(0), 0.0), RetryAfter(MS(500)));
        assert_eq!(decide(&p, &attempt(4), 0.0), RetryAfter(S(8)));
        assert_eq!(decide(&p, &attempt(5), 0.0), RetryAfter(S(10)));
        assert_eq!(decide(&p, &attempt(29), 0.0), RetryAfter(S(10)));
        let odd = decide(&policy(), &attempt(0), f64::NAN);
        assert_eq!(odd, RetryAfter(MS(500)));
        assert_eq!(
            decide(&RetryPolicy::disabled(), &attempt(0), 1.0),
            S_(Stop::Exhausted)
        );
    }

    /// `Retry-After: 200` on a 180-second token: the wait is honoured when the budget allows
    /// it (the token is re-read after the wait, see `api.rs` and `core/tests/resilience.rs`).
    #[test]
    fn a_long_retry_after_is_waited_when_the_budget_allows() {
        let a = Attempt {
            retries_done: 0,
            replay: Safe,
            failure: Status(429),
            hint: Some(S(200)),
            elapsed: S(1),
        };
        assert_eq!(decide(&policy(), &a, 0.3), S_(Stop::OverBudget));
        let patient = RetryPolicy {
            max_elapsed: S(300),
            ..policy()
        };
        assert_eq!(decide(&patient, &a, 0.3), RetryAfter(S(200)));
    }

    #[test]
    fn server_hints() {
        let now = 1_760_000_000;
        let rl = |retry_after: Option<u64>, remaining: Option<i64>, reset: Option<i64>| RateLimit {
            limit: Some(1000),
            remaining,
            reset_unix_seconds: reset,
            retry_after: retry_after.map(S),
        };
        #[rustfmt::skip]
        let cases = [
            (rl(Some(7), Some(0), Some(now + 60)), Some(S(7))),
            (rl(None, Some(0), Some(now + 60)), Some(S(60))),
            (rl(None, Some(0), Some(now - 5)), Some(S(0))),
            (rl(None, Some(3), Some(now + 60)), None),
            (rl(None, None, Some(now + 60)), None),
            (rl(None, Some(0), None), None),
            (RateLimit::default(), None),
        ];
        for (r, expected) in cases {
            assert_eq!(server_hint(&r, now), expected, "{r:?}");
        }
    }

    #[test]
    fn pacing_spreads_the_rest_of_the_window() {
        let now = 1_000;
        let p = Pacing {
            below_remaining: 10,
            max_delay: S(5),
        };
        let rl = |remaining: Option<i64>, reset: Option<i64>| RateLimit {
            remaining,
            reset_unix_seconds: reset,
            ..RateLimit::default()
        };
        #[rustfmt::skip]
        let cases = [
            (rl(Some(11), Some(now + 30)), None),          // plenty left
            (rl(Some(9), Some(now + 30)), Some(S(3))),     // 30 s over 10 requests
            (rl(Some(0), Some(now + 3)), Some(S(3))),      // last one: wait for the reset
            (rl(Some(0), Some(now + 60)), Some(S(5))),     // capped
            (rl(Some(2), Some(now)), None),                // window already reset
            (rl(Some(2), Some(now - 10)), None),
            (rl(None, Some(now + 30)), None),
            (rl(Some(2), None), None),
            (rl(Some(-1), Some(now + 30)), Some(S(5))),    // a negative count is none left
        ];
        for (r, expected) in cases {
            assert_eq!(pacing_delay(&p, &r, now), expected, "{r:?}");
        }
    }
}
