//! What a request describes (method, URL, query, body, replay safety) and the success
//! response it gets, decoded without quoting a token.

use serde::de::DeserializeOwned;

use super::{Method, error_body};
use crate::retry::Replay;
use crate::{Error, Result};

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
    /// A success response's body is streamed to the caller, never read whole here
    /// ([`Reply::stream`]): no whole-request timeout once the response head has arrived
    /// (`request_timeout` bounds the wait for the head, `read_timeout` each read), and any
    /// media type is accepted.
    pub(crate) streams: bool,
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
            streams: false,
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

/// A success response: status and raw body (empty for a call that [`Call::streams`], whose
/// body is `stream`, unread). `Debug` shows the size only.
pub(crate) struct Reply {
    pub(crate) status: i32,
    pub(crate) body: Vec<u8>,
    /// The unread body of a streamed call, with the response's `Content-Length` and
    /// `Content-Type` when it had them.
    pub(crate) stream: Option<Streamed>,
}

/// The unread body of a streamed success response.
pub(crate) struct Streamed {
    pub(crate) body: ureq::Body,
    pub(crate) content_length: Option<u64>,
    pub(crate) content_type: Option<String>,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reply")
            .field("status", &self.status)
            .field("body_bytes", &self.body.len())
            .field("streamed", &self.stream.is_some())
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
pub(crate) fn decode_token_body<T: DeserializeOwned>(body: &[u8], status: i32) -> Result<T> {
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

/// The URL's path, for logs (no scheme, host or query).
pub(super) fn path_of(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split('?').next().unwrap_or(path)
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
}
