//! Authenticated requests: a transport plus a token source, with retries (each attempt
//! re-reads the token), one refresh-and-replay on 401, and JSON in and out.

use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::auth::TokenSource;
use crate::auth::token_cell::CachedToken;
use crate::http::{Call, Http, Method, Reply, Streamed};
use crate::read_cache::{Family, ReadCache};
use crate::retry::{Replay, RetryPolicy};
use crate::{Error, Result};

/// The request layer every API area calls.
pub(crate) struct Api {
    pub(crate) http: Arc<Http>,
    tokens: Arc<dyn TokenSource>,
    /// Overrides the client's retry policy (see `with_retry_policy` on the clients).
    policy: Option<RetryPolicy>,
    /// The template cache, when turned on.
    cache: Option<Arc<ReadCache>>,
}

impl Api {
    pub(crate) fn new(http: Arc<Http>, tokens: Arc<dyn TokenSource>) -> Api {
        Api {
            http,
            tokens,
            policy: None,
            cache: None,
        }
    }

    /// The same layer with `cache` for [`Api::get_cached`].
    pub(crate) fn with_cache(mut self, cache: Option<Arc<ReadCache>>) -> Api {
        self.cache = cache;
        self
    }

    /// The same transport, tokens and cache under another retry policy.
    pub(crate) fn with_policy(&self, policy: RetryPolicy) -> Api {
        Api {
            http: Arc::clone(&self.http),
            tokens: Arc::clone(&self.tokens),
            policy: Some(policy),
            cache: self.cache.clone(),
        }
    }

    /// The retry policy calls through this layer follow.
    pub(crate) fn policy(&self) -> &RetryPolicy {
        self.policy.as_ref().unwrap_or(&self.http.config().retry)
    }

    /// Sends `call` with a current token, retrying per the policy; every attempt asks the
    /// token source again, so a long wait never sends a token that expired meanwhile.
    ///
    /// On 401 the token is dropped and, if the source can mint another, the call is
    /// replayed once (a 401 means the service did nothing, so replaying a POST cannot
    /// duplicate it). A second 401 is returned as [`Error::Unauthorized`]. A 403 is treated
    /// the same way when the token used was minted at least
    /// [`crate::ClientConfigBuilder::forbidden_refresh_after`] ago (the service answers some
    /// authentication failures with 403); with a fresher token it is returned as is.
    pub(crate) fn execute(&self, call: &Call<'_>) -> Result<Reply> {
        self.execute_until(call, None)
    }

    /// [`Api::execute`], ending by `deadline` when one is given: retries stop before it and
    /// each attempt's whole-request timeout is cut to what is left.
    pub(crate) fn execute_until(
        &self,
        call: &Call<'_>,
        deadline: Option<Instant>,
    ) -> Result<Reply> {
        let policy = *self.policy();
        let mut used: Option<Arc<CachedToken>> = None;
        let first = self.http.send_with(call, &policy, deadline, || {
            let token = self.tokens.current()?;
            used = Some(Arc::clone(&token));
            Ok(Some(token))
        });
        let refresh_after = self.http.config().forbidden_refresh_after;
        let replay = match &first {
            Err(Error::Unauthorized { .. }) => "401",
            Err(Error::Forbidden { .. })
                if used
                    .as_ref()
                    .is_some_and(|t| t.minted_at.elapsed() >= refresh_after) =>
            {
                "403 with a token minted before the refresh threshold"
            }
            _ => return first,
        };
        if !used.as_ref().is_some_and(|t| self.tokens.invalidate(t)) {
            return first;
        }
        log::debug!("{replay}: refreshing the token and replaying once");
        self.http
            .send_with(call, &policy, deadline, || self.tokens.current().map(Some))
    }

    /// `GET base/path?query`, ending by `deadline`. Replay-safe, as every GET.
    pub(crate) fn get_until<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        deadline: Instant,
    ) -> Result<T> {
        let call = Call::new(Method::Get, self.http.url(path), query, None, Replay::Safe);
        self.execute_until(&call, Some(deadline))?.decode(&call)
    }

    fn run<T: DeserializeOwned>(&self, call: &Call<'_>) -> Result<T> {
        self.execute(call)?.decode(call)
    }

    /// `GET base/path?query`. Replay-safe, as every GET.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T> {
        self.run(&Call::new(
            Method::Get,
            self.http.url(path),
            query,
            None,
            Replay::Safe,
        ))
    }

    /// [`Api::get`] answered from the template cache when it is on and holds the answer;
    /// a body read from the service is kept there.
    pub(crate) fn get_cached<T: DeserializeOwned>(
        &self,
        family: Family,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T> {
        let Some(cache) = &self.cache else {
            return self.get(path, query);
        };
        cache.read_through(
            family,
            path,
            query,
            |body| serde_json::from_slice(body).ok(),
            || {
                let call = Call::new(Method::Get, self.http.url(path), query, None, Replay::Safe);
                let reply = self.execute(&call)?;
                let value = reply.decode(&call)?;
                Ok((value, reply.body))
            },
        )
    }

    /// `result` of a write to `family`, after the template cache forgot that family (whatever
    /// the outcome: a failed write may still have reached the service).
    pub(crate) fn wrote<T>(&self, family: Family, result: Result<T>) -> Result<T> {
        if let Some(cache) = &self.cache {
            cache.invalidate(family);
        }
        result
    }

    /// `GET base/path` whose success body is left unread for the caller to stream (see
    /// [`Call::streams`]: no whole-request timeout once the head has arrived). Replay-safe,
    /// as every GET: retried, and replayed after a 401, until a success head arrives.
    pub(crate) fn get_stream(&self, path: &str) -> Result<Streamed> {
        let mut call = Call::new(Method::Get, self.http.url(path), &[], None, Replay::Safe);
        call.streams = true;
        self.execute(&call)?.stream.ok_or_else(|| Error::Decode {
            status: 200,
            detail: "the streamed response has no body".to_owned(),
        })
    }

    /// `method base/path` with `body` as JSON, sent again per `replay`.
    fn send_json<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: &B,
        replay: Replay,
    ) -> Result<T> {
        let bytes = serialise(body)?;
        self.run(&Call::new(
            method,
            self.http.url(path),
            &[],
            Some(&bytes),
            replay,
        ))
    }

    /// `POST base/path` with `body` as JSON; `replay` says whether it may be sent again
    /// after it may have reached the server.
    pub(crate) fn post<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
        replay: Replay,
    ) -> Result<T> {
        self.send_json(Method::Post, path, body, replay)
    }

    /// `POST base/path` with `body` as JSON, to a route whose answer is a token: no part of
    /// the response body is ever quoted in an error. Returns the decoded body and the status.
    pub(crate) fn post_for_token<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
        replay: Replay,
    ) -> Result<(T, i32)> {
        let bytes = serialise(body)?;
        let mut call = Call::new(Method::Post, self.http.url(path), &[], Some(&bytes), replay);
        call.returns_tokens = true;
        let reply = self.execute(&call)?;
        Ok((reply.decode(&call)?, reply.status))
    }

    /// `PUT base/path` with `body` as JSON. Replay-safe, as every PUT.
    pub(crate) fn put<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        self.send_json(Method::Put, path, body, Replay::Safe)
    }

    /// `PATCH base/path` with `body` as JSON; `replay` as for [`Api::post`].
    pub(crate) fn patch<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
        replay: Replay,
    ) -> Result<T> {
        self.send_json(Method::Patch, path, body, replay)
    }

    /// `DELETE base/path`. Replay-safe, as every DELETE.
    pub(crate) fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.run(&Call::new(
            Method::Delete,
            self.http.url(path),
            &[],
            None,
            Replay::Safe,
        ))
    }
}

fn serialise<B: Serialize + ?Sized>(body: &B) -> Result<Vec<u8>> {
    let bytes = serde_json::to_vec(body)
        .map_err(|e| Error::invalid_argument("body", format!("cannot be serialised: {e}")))?;
    // Only the foreign languages' records can carry unparsed text.
    #[cfg(feature = "uniffi")]
    crate::unparsed::refuse_in_body(&bytes)?;
    Ok(bytes)
}
