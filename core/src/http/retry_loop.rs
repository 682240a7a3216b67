//! Sending a call until it succeeds or the retry policy says stop: a token asked for before
//! each attempt, pacing, and the decisions of [`crate::retry::decide`] carried out.

use std::sync::Arc;
use std::time::Instant;

use super::call::{Call, Reply, path_of};
use super::transport::{Http, unix_now};
use crate::auth::token_cell::CachedToken;
use crate::retry::{self, Attempt, Decision, Replay, RetryPolicy, Stop};
use crate::{Error, Result};

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

impl Http {
    /// Sends `call` with `bearer` (if any) under the client's retry policy, and returns the
    /// response when its status is 2xx.
    ///
    /// # Errors
    /// As [`Http::send_with`].
    pub(crate) fn send(&self, call: &Call<'_>, bearer: Option<&str>) -> Result<Reply> {
        self.send_with(call, &self.config().retry, None, || Ok(bearer))
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
                    Some(left.min(self.config().request_timeout))
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
                        status: failed.error.status(),
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
        let (Some(pacing), Some(rate_limit)) = (&self.config().pacing, self.last_rate_limit())
        else {
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
}
