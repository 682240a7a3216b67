//! The log of the requests the sandbox received: a ring of the most recent
//! [`MAX_RECORDED_REQUESTS`], each body cut to its first [`MAX_RECORDED_BODY`] bytes, so a long
//! run or a flood of large bodies cannot grow the sandbox's memory without bound.

use std::collections::{BTreeMap, VecDeque};

use axum::http::request::Parts;
use serde_json::{Value, json};

/// How many requests the sandbox keeps (1000): once the log is full, each new request pushes
/// out the oldest. [`crate::Sandbox::requests`] and `GET /_sandbox/requests` return at most
/// this many.
pub const MAX_RECORDED_REQUESTS: usize = 1000;

/// How many bytes of each request body the log keeps (64 KiB). A longer body is still handed
/// whole to its handler; only the recorded copy is cut, and [`RecordedRequest::body_len`] tells
/// its full length. With [`MAX_RECORDED_REQUESTS`] this bounds the recorded bodies to about
/// 64 MiB.
pub const MAX_RECORDED_BODY: usize = 64 * 1024;

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
    /// The first [`MAX_RECORDED_BODY`] bytes of the body exactly as received: the whole body
    /// when [`RecordedRequest::body_len`] is no longer. Empty for a body refused with 413 (see
    /// [`crate::MAX_REQUEST_BODY`]).
    pub body: Vec<u8>,
    /// The length of the whole body in bytes; more than `body.len()` when the recorded copy was
    /// truncated ([`RecordedRequest::body_truncated`]). For a body refused with 413 it is the
    /// declared `Content-Length`, or, for a body sent without one, the bytes received before
    /// the sandbox refused it.
    pub body_len: usize,
}

impl RecordedRequest {
    /// Records a request from its head and whole body, keeping the first
    /// [`MAX_RECORDED_BODY`] bytes.
    pub(crate) fn new(parts: &Parts, body: &[u8]) -> RecordedRequest {
        let kept = &body[..body.len().min(MAX_RECORDED_BODY)];
        RecordedRequest::with_body(parts, kept.to_vec(), body.len())
    }

    /// Records a request whose body was refused (413): no body bytes, `body_len` as given.
    pub(crate) fn refused(parts: &Parts, body_len: usize) -> RecordedRequest {
        RecordedRequest::with_body(parts, Vec::new(), body_len)
    }

    fn with_body(parts: &Parts, body: Vec<u8>, body_len: usize) -> RecordedRequest {
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
            body,
            body_len,
        }
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether [`RecordedRequest::body`] holds less than the whole body (it was longer than
    /// [`MAX_RECORDED_BODY`], or refused with 413).
    pub fn body_truncated(&self) -> bool {
        self.body.len() < self.body_len
    }

    /// The recorded body as text (invalid UTF-8 replaced with U+FFFD).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The recorded body parsed as JSON, if it is JSON (a truncated body usually is not).
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The JSON form served by `GET /_sandbox/requests`: `{"method", "path", "query",
    /// "headers": [[name, value], ...], "body": "<UTF-8 lossy>", "body_len", "body_truncated"}`.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body_text(),
            "body_len": self.body_len,
            "body_truncated": self.body_truncated(),
        })
    }
}

/// The most recent [`MAX_RECORDED_REQUESTS`] requests, oldest first, and how many arrived since
/// the log was last cleared, in all and per `"METHOD /path"` (no ring limit on the counts).
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    received: u64,
    by_route: BTreeMap<String, u64>,
}

impl RequestLog {
    /// Appends `request`, dropping the oldest entry when the log is full.
    pub(crate) fn push(&mut self, request: RecordedRequest) {
        if self.entries.len() >= MAX_RECORDED_REQUESTS {
            self.entries.pop_front();
        }
        *self
            .by_route
            .entry(format!("{} {}", request.method, request.path))
            .or_default() += 1;
        self.entries.push_back(request);
        self.received += 1;
    }

    /// Forgets every entry and frees the ring's buffer (`VecDeque::clear` would keep it), and
    /// resets the count of requests received.
    pub(crate) fn clear(&mut self) {
        *self = RequestLog::default();
    }

    /// The entries, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &RecordedRequest> {
        self.entries.iter()
    }

    /// How many entries the log holds (at most [`MAX_RECORDED_REQUESTS`]).
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// How many requests arrived since the log was last cleared, including those the ring has
    /// since dropped.
    pub(crate) fn received(&self) -> u64 {
        self.received
    }

    /// How many requests arrived per `"METHOD /path"` (`"GET /api/v1/workspaces"`, the path
    /// without its query) since the log was last cleared, including those the ring dropped.
    pub(crate) fn by_route(&self) -> &BTreeMap<String, u64> {
        &self.by_route
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(path: &str) -> Parts {
        axum::http::Request::builder()
            .uri(path)
            .body(())
            .unwrap()
            .into_parts()
            .0
    }

    #[test]
    fn the_ring_keeps_the_most_recent_requests() {
        let mut log = RequestLog::default();
        for i in 0..MAX_RECORDED_REQUESTS + 5 {
            log.push(RecordedRequest::new(&parts(&format!("/r{}", i % 2)), b""));
        }
        assert_eq!(log.len(), MAX_RECORDED_REQUESTS);
        assert_eq!(log.received(), (MAX_RECORDED_REQUESTS + 5) as u64);
        assert_eq!(log.iter().next().unwrap().path, "/r1");
        let counted: Vec<(&str, u64)> = log
            .by_route()
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        let half = (MAX_RECORDED_REQUESTS + 5) as u64 / 2;
        assert_eq!(
            counted,
            [("GET /r0", half + 1), ("GET /r1", half)],
            "the counts outlive the ring"
        );
        log.clear();
        assert_eq!((log.len(), log.received()), (0, 0));
        assert!(log.by_route().is_empty());
        assert_eq!(log.entries.capacity(), 0, "clearing frees the buffer");
    }

    #[test]
    fn long_bodies_are_cut_and_keep_their_length() {
        let body = vec![b'x'; MAX_RECORDED_BODY + 10];
        let recorded = RecordedRequest::new(&parts("/"), &body);
        assert_eq!(recorded.body.len(), MAX_RECORDED_BODY);
        assert_eq!(recorded.body_len, MAX_RECORDED_BODY + 10);
        assert!(recorded.body_truncated());
        let short = RecordedRequest::new(&parts("/"), b"{}");
        assert!(!short.body_truncated());
        assert_eq!(short.body_json(), Some(json!({})));
    }
}
