//! The HTTP transport: one `ureq::Agent` per client, request building, error mapping and
//! rate-limit bookkeeping. Knows nothing about tokens.

pub(crate) mod error_body;
pub(crate) mod rate_limit;
pub(crate) mod url;

use std::sync::Mutex;
use std::time::{Instant, SystemTime};

use serde::de::DeserializeOwned;
use ureq::{Agent, RequestBuilder};

use crate::config::ClientConfig;
use crate::error::RateLimit;
use crate::{Error, Result};

/// The largest response body read, in bytes (64 MiB).
const BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// An HTTP method the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One request: an absolute URL (already joined), query pairs, an optional JSON body and an
/// optional bearer token.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) query: &'a [(&'a str, String)],
    pub(crate) body: Option<&'a [u8]>,
}

/// A success response: status and raw body.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    /// The body decoded as `T`.
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| Error::Decode {
            status: self.status,
            detail: format!("{e} (body: {})", error_body::snippet(&self.body)),
        })
    }
}

/// The transport shared by every request of one client.
pub(crate) struct Http {
    agent: Agent,
    config: ClientConfig,
    last_rate_limit: Mutex<Option<RateLimit>>,
}

impl Http {
    pub(crate) fn new(config: ClientConfig) -> Http {
        let agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_per_read(Some(config.read_timeout))
            .timeout_global(Some(config.request_timeout))
            .user_agent(config.user_agent.as_str())
            .build()
            .into();
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

    /// Sends `call` with `bearer` (if any) and returns the response when its status is 2xx.
    ///
    /// # Errors
    /// The status's [`Error`] variant for a non-success response; [`Error::Timeout`] or
    /// [`Error::Transport`] when no response arrived.
    pub(crate) fn send(&self, call: &Call<'_>, bearer: Option<&str>) -> Result<Reply> {
        let started = Instant::now();
        let result = self.dispatch(call, bearer);
        let mut response = match result {
            Ok(r) => r,
            Err(e) => {
                let err = transport_error(e);
                log::debug!(
                    "{} {} failed after {} ms: {err}",
                    call.method.as_str(),
                    path_of(&call.url),
                    started.elapsed().as_millis()
                );
                return Err(err);
            }
        };
        let status = response.status().as_u16();
        let rate_limit = rate_limit::from_headers(response.headers(), SystemTime::now());
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
            .map_err(transport_error)?;
        log::debug!(
            "{} {} -> {status} ({} bytes) in {} ms",
            call.method.as_str(),
            path_of(&call.url),
            body.len(),
            started.elapsed().as_millis()
        );
        if (200..300).contains(&status) {
            Ok(Reply { status, body })
        } else {
            Err(error_body::to_error(status, rate_limit, &body))
        }
    }

    fn dispatch(
        &self,
        call: &Call<'_>,
        bearer: Option<&str>,
    ) -> std::result::Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let url = call.url.as_str();
        let body = call.body.unwrap_or(b"");
        match call.method {
            Method::Get => self.prepare(self.agent.get(url), call, bearer).call(),
            Method::Delete => self.prepare(self.agent.delete(url), call, bearer).call(),
            Method::Post => self.prepare(self.agent.post(url), call, bearer).send(body),
            Method::Put => self.prepare(self.agent.put(url), call, bearer).send(body),
            Method::Patch => self.prepare(self.agent.patch(url), call, bearer).send(body),
        }
    }

    fn prepare<B>(
        &self,
        mut rb: RequestBuilder<B>,
        call: &Call<'_>,
        bearer: Option<&str>,
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
        rb
    }
}

/// The URL's path, for logs (no scheme, host or query).
fn path_of(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split('?').next().unwrap_or(path)
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
            detail: other.to_string(),
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
    fn connection_refused_is_a_transport_error() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let config = ClientConfig::builder()
            .base_url(format!("http://127.0.0.1:{port}/api/v1"))
            .build()
            .unwrap();
        let http = Http::new(config);
        let call = Call {
            method: Method::Get,
            url: http.url("workspaces"),
            query: &[],
            body: None,
        };
        let err = http.send(&call, Some("tok")).unwrap_err();
        assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    }
}
