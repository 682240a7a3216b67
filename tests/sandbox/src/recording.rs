//! The log of every request the sandbox received.

use axum::http::request::Parts;
use serde_json::{Value, json};

/// One request as the sandbox received it (see [`crate::Sandbox::requests`]).
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// The HTTP method (`"GET"`, `"POST"`, …).
    pub method: String,
    /// The path without the query string (`"/api/v1/workspaces"`).
    pub path: String,
    /// The raw query string without `?`, if the request had one (`"limit=20&cursor=abc"`).
    pub query: Option<String>,
    /// Every header in the order received, names lowercase, values as text (invalid UTF-8
    /// replaced with U+FFFD).
    pub headers: Vec<(String, String)>,
    /// The body bytes exactly as received.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// Records a request from its head and body.
    pub(crate) fn new(parts: &Parts, body: &[u8]) -> RecordedRequest {
        RecordedRequest {
            method: parts.method.as_str().to_owned(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().map(str::to_owned),
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: body.to_vec(),
        }
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text (invalid UTF-8 replaced with U+FFFD).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The JSON form served by `GET /_sandbox/requests`:
    /// `{"method", "path", "query", "headers": [[name, value], ...], "body": "<UTF-8 lossy>"}`.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body_text(),
        })
    }
}
