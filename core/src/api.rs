//! Authenticated requests: a transport plus a token source, with one refresh-and-replay on
//! 401, and JSON in and out.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::auth::TokenSource;
use crate::http::{Call, Http, Method, Reply};
use crate::{Error, Result};

/// The request layer every API area calls.
pub(crate) struct Api {
    pub(crate) http: Arc<Http>,
    tokens: Arc<dyn TokenSource>,
}

impl Api {
    pub(crate) fn new(http: Arc<Http>, tokens: Arc<dyn TokenSource>) -> Api {
        Api { http, tokens }
    }

    /// Sends `call` with the current token. On 401 the token is dropped and, if the source
    /// can mint another, the call is replayed once (a 401 means the service did nothing, so
    /// replaying a POST cannot duplicate it). A second 401 is returned as
    /// [`Error::Unauthorized`]. A 403 is returned as is.
    pub(crate) fn execute(&self, call: &Call<'_>) -> Result<Reply> {
        let token = self.tokens.current()?;
        match self.http.send(call, Some(token.expose())) {
            Err(Error::Unauthorized { .. }) if self.tokens.invalidate(&token) => {
                log::debug!("401: refreshing the token and replaying once");
                let fresh = self.tokens.current()?;
                self.http.send(call, Some(fresh.expose()))
            }
            other => other,
        }
    }

    fn run<T: DeserializeOwned>(
        &self,
        method: Method,
        url: String,
        query: &[(&str, String)],
        body: Option<&[u8]>,
    ) -> Result<T> {
        self.execute(&Call {
            method,
            url,
            query,
            body,
        })?
        .json()
    }

    /// `GET base/path?query`.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T> {
        self.run(Method::Get, self.http.url(path), query, None)
    }

    /// `method base/path` with `body` as JSON.
    pub(crate) fn send_json<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::invalid_argument("body", format!("cannot be serialised: {e}")))?;
        self.run(method, self.http.url(path), &[], Some(&bytes))
    }

    /// `POST base/path` with `body` as JSON.
    pub(crate) fn post<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        self.send_json(Method::Post, path, body)
    }

    /// `DELETE base/path`.
    pub(crate) fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.run(Method::Delete, self.http.url(path), &[], None)
    }
}
