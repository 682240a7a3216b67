//! Injected faults: canned responses (5xx, 429, HTML pages), the sandbox's own 500, delays
//! before or after handling, expired tokens, truncated bodies and connections dropped before
//! or after the handler ran, or part way through the response body.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

/// A fault to inject into the next matching requests (see [`crate::Sandbox::inject_fault`] and
/// `POST /_sandbox/faults`).
///
/// Faults are checked in order of injection; the first one that matches a request consumes one
/// of its `count` and acts; a fault whose count reaches zero is removed. Admin routes
/// (`/_sandbox/...`) never match.
///
/// JSON form (as accepted by `POST /_sandbox/faults`; `method`, `path_prefix` and `count`
/// default to `null`, `null` and `1`):
/// `{"method": "GET", "path_prefix": "/workspaces", "count": 2,
///   "action": {"kind": "respond", "status": 503, "body": "{}", "content_type": "application/json",
///   "headers": [["retry-after", "1"]]}}`
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Fault {
    /// Match only this HTTP method (case-insensitive); `None` matches any.
    #[serde(default)]
    pub method: Option<String>,
    /// Match only paths starting with this, relative to `/api/v1` (`"/workspaces"`); `None`
    /// matches any path.
    #[serde(default)]
    pub path_prefix: Option<String>,
    /// How many matching requests it affects before it is used up. Defaults to 1.
    #[serde(default = "one")]
    pub count: u32,
    /// What happens to a matching request.
    pub action: FaultAction,
}

fn one() -> u32 {
    1
}

fn json_content_type() -> String {
    "application/json".to_owned()
}

/// What a [`Fault`] does to a request it matches. Serialised with a `kind` tag in snake_case
/// (`{"kind": "delay", "millis": 500}`); more kinds may be added.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FaultAction {
    /// Reply with this instead of handling the request (nothing is changed on the server; no
    /// rate-limit headers are added). An invalid status becomes 500.
    Respond {
        /// HTTP status code.
        status: u16,
        /// Raw response body. Defaults to empty.
        #[serde(default)]
        body: String,
        /// `Content-Type` of the body. Defaults to `application/json`.
        #[serde(default = "json_content_type")]
        content_type: String,
        /// Extra response headers (e.g. `("retry-after", "1")`). Defaults to none.
        #[serde(default)]
        headers: Vec<(String, String)>,
    },
    /// Sleep this many milliseconds, then handle the request normally.
    Delay {
        /// The delay in milliseconds.
        millis: u64,
    },
    /// Treat the request's bearer token as expired: 401 `{"detail": "Token expired"}` without
    /// handling the request.
    ExpireToken,
    /// Fail the request as the service does on an internal failure, without handling it: the
    /// sandbox's own 500 `{"message": "Internal server error", "errors": []}` (the contract's
    /// `ApiErrorResponse`, the same in both error styles), with the rate-limit headers, as
    /// for any other error the sandbox sends. The request still counts against its
    /// organisation's rate limit, and over the limit it gets the 429 instead. Nothing changes
    /// on the server. (A [`FaultAction::Respond`] with 500 sends a canned body as given.)
    InternalError,
    /// Handle the request normally (its effects are kept), then send only the first `bytes`
    /// bytes of the response body, with a matching `Content-Length`: a truncated JSON document.
    TruncateBody {
        /// How many bytes of the body to keep.
        bytes: usize,
    },
    /// Drop the connection without handling the request and without sending any response
    /// (the client sees the connection reset or closed after it sent the request). Nothing
    /// changes on the server.
    ResetBeforeResponse,
    /// Handle the request normally (a create is committed), then drop the connection instead
    /// of sending the response: the client cannot tell whether the request took effect.
    ResetAfterCommit,
    /// Handle the request normally (its effects are kept), then wait this many milliseconds
    /// before sending the response: with a client timeout shorter than the wait, a create is
    /// committed although the client gave up.
    DelayResponse {
        /// The delay in milliseconds.
        millis: u64,
    },
    /// Handle the request normally, send the response head (its `Content-Length` unchanged)
    /// and the first `after_bytes` bytes of its body, then drop the connection: a download
    /// cut off part way, or, with `after_bytes: 0`, right after the head.
    ResetDuringBody {
        /// How many body bytes arrive before the connection drops.
        after_bytes: usize,
    },
}

impl Fault {
    /// A fault that affects the next request (any method, any path) once.
    pub fn new(action: FaultAction) -> Fault {
        Fault {
            method: None,
            path_prefix: None,
            count: 1,
            action,
        }
    }

    /// Restricts the fault to `method` requests under `path_prefix` (relative to `/api/v1`).
    pub fn on(mut self, method: &str, path_prefix: &str) -> Fault {
        self.method = Some(method.to_owned());
        self.path_prefix = Some(path_prefix.to_owned());
        self
    }

    /// Makes the fault affect `count` matching requests.
    pub fn times(mut self, count: u32) -> Fault {
        self.count = count;
        self
    }

    /// Whether the fault applies to `method` on `api_path` (the path relative to `/api/v1`).
    fn matches(&self, method: &str, api_path: &str) -> bool {
        self.count > 0
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| api_path.starts_with(p))
    }
}

impl FaultAction {
    /// A [`FaultAction::Respond`] with a JSON body and no extra headers.
    pub fn json(status: u16, body: &serde_json::Value) -> FaultAction {
        FaultAction::Respond {
            status,
            body: body.to_string(),
            content_type: json_content_type(),
            headers: Vec::new(),
        }
    }

    /// A [`FaultAction::Respond`] with `status` and the `{"message", "errors"}` body the
    /// service sends for server errors (`"Internal server error"` etc.).
    pub fn status(status: u16) -> FaultAction {
        let reason = StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        FaultAction::json(
            status,
            &serde_json::json!({"message": reason, "errors": []}),
        )
    }

    /// A 429 `{"message": "Rate limit exceeded", "errors": []}`, with `Retry-After:
    /// <seconds>` when `retry_after_secs` is given.
    pub fn too_many_requests(retry_after_secs: Option<u64>) -> FaultAction {
        FaultAction::Respond {
            status: 429,
            body: serde_json::json!({"message": "Rate limit exceeded", "errors": []}).to_string(),
            content_type: json_content_type(),
            headers: retry_after_secs
                .map(|s| vec![("retry-after".to_owned(), s.to_string())])
                .unwrap_or_default(),
        }
    }

    /// An HTML error page with `status`, as a proxy or load balancer in front of the service
    /// sends (`<html>…<h1>502 Bad Gateway</h1>…</html>`).
    pub fn html_page(status: u16) -> FaultAction {
        let line = format!(
            "{status} {}",
            StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error")
        );
        FaultAction::Respond {
            status,
            body: format!(
                "<html><head><title>{line}</title></head><body><center><h1>{line}</h1></center><hr><center>nginx</center></body></html>"
            ),
            content_type: "text/html".to_owned(),
            headers: Vec::new(),
        }
    }
}

/// The injected faults, in order of injection, and how many requests they affected.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue(Vec<Fault>, u64);

impl FaultQueue {
    /// Adds a fault after the existing ones.
    pub(crate) fn push(&mut self, fault: Fault) {
        self.0.push(fault);
    }

    /// Removes every fault.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// Consumes one count of the first fault matching the request and returns its action.
    pub(crate) fn take(&mut self, method: &str, api_path: &str) -> Option<FaultAction> {
        let index = self.0.iter().position(|f| f.matches(method, api_path))?;
        self.1 += 1;
        let fault = &mut self.0[index];
        fault.count -= 1;
        let action = fault.action.clone();
        if fault.count == 0 {
            self.0.remove(index);
        }
        Some(action)
    }

    /// How many requests a fault has affected so far (cleared faults' included).
    pub(crate) fn fired(&self) -> u64 {
        self.1
    }
}

/// A response body that fails on its first poll: hyper then drops the connection without
/// sending anything more (for an HTTP/1 response whose head is still buffered, nothing at
/// all), which the client sees as a reset or closed connection.
struct AbortBody;

impl axum::body::HttpBody for AbortBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "sandbox fault: connection dropped",
        ))))
    }
}

/// A body that passes on the first `left` bytes of `inner`, then, after a pause that lets
/// hyper send what it holds, fails: hyper drops the connection mid-body.
pub(crate) struct CutBody {
    inner: Body,
    left: usize,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

/// How long [`CutBody`] waits before it fails, so the head and the bytes before the cut are on
/// the wire first.
const CUT_PAUSE: std::time::Duration = std::time::Duration::from_millis(20);

impl CutBody {
    /// `response` whose body stops after `after_bytes` bytes with a dropped connection.
    pub(crate) fn cut(response: Response, after_bytes: usize) -> Response {
        let (parts, body) = response.into_parts();
        let cut = CutBody {
            inner: body,
            left: after_bytes,
            pause: None,
        };
        Response::from_parts(parts, Body::new(cut))
    }
}

impl axum::body::HttpBody for CutBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        let this = self.get_mut();
        if this.left > 0 {
            return match Pin::new(&mut this.inner).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(mut data) => {
                        if data.len() > this.left {
                            data.truncate(this.left);
                        }
                        this.left -= data.len();
                        Poll::Ready(Some(Ok(http_body::Frame::data(data))))
                    }
                    Err(_) => Poll::Ready(None),
                },
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(std::io::Error::other(e)))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
        let pause = this
            .pause
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(CUT_PAUSE)));
        match pause.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "sandbox fault: connection dropped during the body",
            )))),
        }
    }
}

/// A response that makes hyper abort the connection instead of answering.
pub(crate) fn dropped_connection() -> Response {
    Response::new(Body::new(AbortBody))
}

/// The response of a [`FaultAction::Respond`].
pub(crate) fn canned_response(
    status: u16,
    body: &str,
    content_type: &str,
    headers: &[(String, String)],
) -> Response {
    let mut response = Response::new(Body::from(body.to_owned()));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let map = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        map.insert("content-type", v);
    }
    for (name, value) in headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            map.append(n, v);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_match_in_order_and_run_out() {
        let mut q = FaultQueue::default();
        q.push(
            Fault::new(FaultAction::ExpireToken)
                .on("get", "/workspaces")
                .times(2),
        );
        q.push(Fault::new(FaultAction::Delay { millis: 1 }));
        assert_eq!(
            q.take("GET", "/workspaces/x"),
            Some(FaultAction::ExpireToken)
        );
        assert_eq!(
            q.take("POST", "/workspaces"),
            Some(FaultAction::Delay { millis: 1 })
        );
        assert_eq!(q.take("GET", "/workspaces"), Some(FaultAction::ExpireToken));
        assert_eq!(q.take("GET", "/workspaces"), None);
    }

    #[test]
    fn json_form_has_defaults() {
        let f: Fault =
            serde_json::from_str(r#"{"action": {"kind": "respond", "status": 503}}"#).unwrap();
        assert_eq!(f.count, 1);
        assert!(
            matches!(f.action, FaultAction::Respond { ref content_type, .. } if content_type == "application/json")
        );
        let back = serde_json::to_value(Fault::new(FaultAction::ExpireToken)).unwrap();
        assert_eq!(back["action"]["kind"], "expire_token");
        let internal: Fault =
            serde_json::from_str(r#"{"action": {"kind": "internal_error"}}"#).unwrap();
        assert_eq!(internal.action, FaultAction::InternalError);
    }
}
