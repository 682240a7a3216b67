//! The client's ureq agents and one attempt: building the request, reading the whole
//! response (or, for a streamed call's success, only its head), keeping the rate-limit
//! numbers, and turning a non-success status into its error.

use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant, SystemTime};

use ureq::{Agent, RequestBuilder};

use super::agents::Agents;
use super::call::{Call, Reply, Streamed, path_of};
use super::failure::{Failed, transport_failure};
use super::host_cache::HostCache;
use super::{Method, error_body, rate_limit};
use crate::config::ClientConfig;
use crate::error::RateLimit;
use crate::retry::{self, Failure};

/// The largest response body read, in bytes (64 MiB).
const BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// The transport shared by every request of one client.
pub(crate) struct Http {
    agents: Agents,
    config: ClientConfig,
    last_rate_limit: Mutex<Option<RateLimit>>,
}

impl Http {
    pub(crate) fn new(config: ClientConfig) -> Http {
        let mut builder = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_resolve(Some(config.connect_timeout))
            .timeout_connect(Some(config.connect_timeout))
            .timeout_per_read(Some(config.read_timeout))
            .timeout_global(Some(config.request_timeout))
            .user_agent(config.user_agent.as_str())
            .proxy(config.proxy.resolve());
        if let Some(tls) = &config.tls {
            builder = builder.tls_config(tls.clone());
        }
        let hosts = Arc::new(HostCache::new(config.dns_cache_ttl));
        Http {
            agents: Agents::new(builder.build(), hosts),
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

    /// Keeps `rate_limit` as the last numbers seen, never waiting: when another thread holds
    /// them at this moment (storing those of a response that came at the same time), they stand.
    fn keep_rate_limit(&self, rate_limit: RateLimit) {
        match self.last_rate_limit.try_lock() {
            Ok(mut last) => *last = Some(rate_limit),
            Err(TryLockError::Poisoned(p)) => *p.into_inner() = Some(rate_limit),
            Err(TryLockError::WouldBlock) => {}
        }
    }

    /// `call.url` relative to the base URL (`/embedded/sources`), for logs and errors.
    pub(super) fn relative_path(&self, url: &str) -> String {
        let path = url
            .strip_prefix(self.config.base_url.as_str())
            .unwrap_or_else(|| path_of(url));
        let path = path.split(['?', '#']).next().unwrap_or(path);
        format!("/{}", path.trim_start_matches('/'))
    }

    /// One attempt: sends `call` once and reads the whole response (a streamed call's
    /// success body is left unread, in [`Reply::stream`]).
    pub(super) fn attempt(
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
        let status = i32::from(response.status().as_u16());
        let now = SystemTime::now();
        let rate_limit = rate_limit::from_headers(response.headers(), now);
        if rate_limit != RateLimit::default() {
            self.keep_rate_limit(rate_limit);
        }
        if call.streams && (200..300).contains(&status) {
            log::debug!(
                "{} {} -> {status}, body streamed, head in {} ms",
                call.method.as_str(),
                path_of(&call.url),
                started.elapsed().as_millis()
            );
            return Ok(Reply {
                status,
                body: Vec::new(),
                stream: Some(streamed(response)),
            });
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
            return Ok(Reply {
                status,
                body,
                stream: None,
            });
        }
        let hint = matches!(status, 429 | 503)
            .then(|| retry::server_hint(&rate_limit, rate_limit::unix_seconds(now)))
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
        let agent = self.agents.get();
        match call.method {
            Method::Get => self.prepare(agent.get(url), call, bearer, limit).call(),
            Method::Delete => self.prepare(agent.delete(url), call, bearer, limit).call(),
            Method::Post => self
                .prepare(agent.post(url), call, bearer, limit)
                .send(body),
            Method::Put => self.prepare(agent.put(url), call, bearer, limit).send(body),
            Method::Patch => self
                .prepare(agent.patch(url), call, bearer, limit)
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
        let accept = if call.streams {
            "*/*"
        } else {
            "application/json"
        };
        rb = rb
            .header("Accept", accept)
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
        } else if call.streams {
            // The body may take longer than any whole-request bound: the head must come within
            // `request_timeout`, and every read within `read_timeout` (the agent's).
            rb = rb
                .config()
                .timeout_global(None)
                .timeout_recv_response(Some(self.config.request_timeout))
                .build();
        }
        rb
    }
}

/// A success response's head and its unread body.
fn streamed(response: ureq::http::Response<ureq::Body>) -> Streamed {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_length = header("content-length").and_then(|v| v.trim().parse().ok());
    let content_type = header("content-type");
    Streamed {
        body: response.into_body(),
        content_length,
        content_type,
    }
}

pub(super) fn unix_now() -> i64 {
    rate_limit::unix_seconds(SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::retry::Replay;

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
