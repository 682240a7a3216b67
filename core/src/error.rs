//! The SDK's error type: one enum whose variants a caller can act on.
//!
//! Every call returns [`Result<T>`](Result). [`Error`] has a variant per thing a caller can
//! do something about:
//!
//! - HTTP answers: [`Error::Unauthorized`] (401 after one refresh), [`Error::Forbidden`],
//!   [`Error::NotFound`], [`Error::Validation`] (400/422, with [`FieldError`]s),
//!   [`Error::RateLimited`] (with `Retry-After` and `X-RateLimit-*` as a [`RateLimit`]),
//!   [`Error::Server`] (5xx), [`Error::UnexpectedStatus`]; [`Error::status`] gives the status.
//! - The exchange: [`Error::Transport`], [`Error::Timeout`], [`Error::Decode`] (a success
//!   response that is not what the contract says), and [`Error::OutcomeUnknown`]: a create
//!   that may have taken effect, to look up before retrying (see
//!   [`crate::retry`](crate::retry#what-is-never-retried-creates-whose-outcome-is-unknown)).
//! - Refused before anything was sent: [`Error::InvalidArgument`] (which argument, why),
//!   [`Error::InvalidSpec`], [`Error::InvalidConfig`] (client-side validation, every problem
//!   with a JSON pointer), [`Error::InvalidWidgetToken`].
//! - [`Error::Pagination`]: a `next` link that is not followed (see [`crate::workspaces`]).
//! - [`Error::TokenProvider`]: an end-user client's scoped-token provider failed.
//!
//! ```no_run
//! use airbyte_embedded::Error;
//! # fn demo(op: &airbyte_embedded::OperatorClient) {
//! match op.workspaces().get("ws-id") {
//!     Ok(w) => println!("{:?}", w.name),
//!     Err(Error::NotFound { .. }) => println!("gone"),
//!     Err(Error::RateLimited { rate_limit, .. }) => println!("retry after {:?}", rate_limit.retry_after),
//!     Err(e) => eprintln!("{e}"),
//! }
//! # }
//! ```
//!
//! # Error bodies
//!
//! Every error-body shape the service sends is parsed: `{"message", "errors"}`, FastAPI's
//! `{"detail"}`, `application/problem+json` and HAL `_embedded.errors`. The specific message is
//! kept (`Bad Request: workspace name already taken`, not only `Bad Request`), and each listed
//! error becomes a [`FieldError`]; any other body keeps its status and at most 4 KiB of text.
//!
//! # No secrets in errors
//!
//! No error text, `Debug` output or SDK log record contains a client secret or a token (the
//! HTTP library's own `TRACE` wire dumps do: see [`crate::logging`]). Every text taken from a
//! response passes through one redactor ([`crate::redact::clean`]), which removes JWT-shaped
//! strings, the values of secret-named keys (`access_token`, `token`, `client_secret`,
//! `password`, …), `Bearer` credentials, and every string of 4 or more bytes of the request's
//! own connector config. A token route's body (operator, scoped or widget token) is never
//! quoted at all: a bad one is described by what is wrong, where, and its size. An argument is
//! quoted at most [`crate::redact::QUOTE_LIMIT`] characters, never with a URL's
//! `user:password@` part.
//!
//! # Header values are checked on entry
//!
//! Every value that becomes a header is checked when it enters the SDK: a
//! `user_agent_suffix` or a scoped token holding a control character, DEL, a space (tokens) or
//! a non-ASCII byte is refused with [`Error::InvalidArgument`] naming it, and a token the
//! service sends with one is an [`Error::Decode`].
//!
//! ```
//! use airbyte_embedded::{ClientConfig, Error};
//!
//! let refused = ClientConfig::builder().user_agent_suffix("my-app/1.2\r\nX-Evil: 1").build();
//! assert!(matches!(refused, Err(Error::InvalidArgument { ref argument, .. }) if argument == "user_agent_suffix"));
//! ```

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::validation::ConfigError;

/// The result type of every fallible SDK call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One problem the service reported with one request field.
///
/// Built from either error-body shape: `{"errors": [{"field", "message", "error_code"}]}` or
/// `{"detail": [{"loc": [...], "msg", "type"}]}` (where `loc` is joined with `.` into `field`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldError {
    /// The field the problem is about (`"allowed_origin"`, `"body.allowed_origin"`), when the
    /// service named one.
    pub field: Option<String>,
    /// The service's sentence about the problem (empty when it sent none).
    pub message: String,
    /// The service's machine-readable code (`error_code` or `type`), when it sent one.
    pub code: Option<String>,
}

impl std::fmt::Display for FieldError {
    /// `name: too long`, or the message alone when the service named no field.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Rate-limit numbers from a response's `Retry-After` and `X-RateLimit-*` headers.
///
/// Every field is `None` when its header was absent or malformed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the current window.
    pub limit: Option<i64>,
    /// `X-RateLimit-Remaining`: requests left in the current window.
    pub remaining: Option<i64>,
    /// `X-RateLimit-Reset`: when the window resets, in Unix seconds.
    pub reset_unix_seconds: Option<i64>,
    /// `Retry-After`: how long to wait before the next request (from seconds or an HTTP date).
    pub retry_after: Option<Duration>,
}

/// Everything that can go wrong in an SDK call.
///
/// No variant's `Display` or `Debug` output ever contains a client secret, a token or an
/// `airbyte_secret` value. HTTP variants carry the response's `status`; every variant carries
/// a readable `detail`, except `OutcomeUnknown` (its `cause` and `advice`). In the foreign
/// languages this is `AirbyteError` (Kotlin `AirbyteException`), one exception class per
/// variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Error),
    uniffi(name = "AirbyteError")
)]
#[non_exhaustive]
pub enum Error {
    /// HTTP 401: the token was missing, expired or revoked, and one refresh and replay did not
    /// help (or the token cannot be refreshed, as with a scoped token given by the caller).
    #[error("unauthorized (HTTP {status}): {detail}")]
    Unauthorized {
        /// 401.
        status: i32,
        /// The service's message.
        detail: String,
    },
    /// HTTP 403: the token is valid but may not do this (for example a scoped token on an
    /// operator route, or another organisation's resource). Never triggers a token refresh.
    #[error(
        "forbidden (HTTP {status}): {detail}{}",
        unnamed_field_errors(detail, field_errors)
    )]
    Forbidden {
        /// 403.
        status: i32,
        /// The service's message.
        detail: String,
        /// Per-field problems, when the service listed any.
        field_errors: Vec<FieldError>,
    },
    /// HTTP 404: the resource does not exist (or is not visible to this token).
    #[error("not found (HTTP {status}): {detail}")]
    NotFound {
        /// 404.
        status: i32,
        /// The service's message.
        detail: String,
    },
    /// HTTP 400 or 422: the service rejected the request body or query.
    #[error(
        "request rejected (HTTP {status}): {detail}{}",
        unnamed_field_errors(detail, field_errors)
    )]
    Validation {
        /// 400 or 422.
        status: i32,
        /// The service's message, or a summary of the field errors.
        detail: String,
        /// Per-field problems (path + message).
        field_errors: Vec<FieldError>,
    },
    /// HTTP 429: the organisation's rate limit is used up, and waiting for it (as the server's
    /// `Retry-After` asked) would not fit in the retry budget
    /// ([`crate::RetryPolicy::max_elapsed`]), or the retries ran out. `Display` names the
    /// numbers the server sent.
    #[error("rate limited (HTTP {status}): {detail}{}", rate_limit.summary())]
    RateLimited {
        /// 429.
        status: i32,
        /// The service's message.
        detail: String,
        /// The numbers from the response headers (`Retry-After`, `X-RateLimit-*`).
        rate_limit: RateLimit,
    },
    /// HTTP 5xx: the service failed.
    #[error("server error (HTTP {status}): {detail}")]
    Server {
        /// The status code (500..=599).
        status: i32,
        /// The service's message, or a snippet of a non-JSON body (at most 4 KiB).
        detail: String,
    },
    /// Any other non-success status (for example 405 or 409).
    #[error("unexpected response (HTTP {status}): {detail}")]
    UnexpectedStatus {
        /// The status code.
        status: i32,
        /// The service's message, or a snippet of the body (at most 4 KiB).
        detail: String,
    },
    /// The request could not be sent or the response could not be read (DNS, connect, TLS,
    /// reset).
    #[error("transport error: {detail}")]
    Transport {
        /// What failed, without any header or body.
        detail: String,
    },
    /// A connect, read or overall deadline passed.
    #[error("timed out: {detail}")]
    Timeout {
        /// Which deadline passed.
        detail: String,
    },
    /// A success response whose body is not what the contract says.
    #[error("could not decode the response (HTTP {status}): {detail}")]
    Decode {
        /// The status code of the response.
        status: i32,
        /// What did not parse.
        detail: String,
    },
    /// An argument was refused before anything was sent.
    #[error("invalid argument `{argument}`: {detail}")]
    InvalidArgument {
        /// The argument's name (`"allowed_origin"`, `"base_url"`, …).
        argument: String,
        /// Why it was refused.
        detail: String,
    },
    /// A connector spec could not be loaded or compiled (not a JSON Schema, an unknown draft,
    /// a remote `$ref`).
    #[error("invalid connector spec: {detail}")]
    InvalidSpec {
        /// What is wrong with the spec.
        detail: String,
    },
    /// A source config does not satisfy its connector spec; nothing was sent.
    #[error("invalid source config: {detail}")]
    InvalidConfig {
        /// A one-line summary naming the first problems.
        detail: String,
        /// Every problem found, each with a JSON pointer into the config.
        errors: Vec<ConfigError>,
    },
    /// A widget token is not the base64 of `{"token", "widgetUrl"}`.
    #[error("invalid widget token: {detail}")]
    InvalidWidgetToken {
        /// What did not decode.
        detail: String,
    },
    /// A page's `next` link points to another host or scheme, or repeats a cursor already seen.
    #[error("pagination stopped: {detail}")]
    Pagination {
        /// Why the link was not followed.
        detail: String,
    },
    /// A request that is not safe to repeat (a `POST` that creates something, or a `PATCH`)
    /// was sent, and then the connection broke, a timeout passed or the server answered 5xx:
    /// it may or may not have taken effect, so the SDK did not send it again. Look the
    /// resource up (for a source: list the workspace's sources by name) before retrying.
    ///
    /// `Display`: `POST /embedded/sources: the outcome is unknown (connection reset after the
    /// request was sent); list sources by name before retrying`.
    #[error("{method} {path}: the outcome is unknown ({cause}); {advice}")]
    OutcomeUnknown {
        /// `POST` or `PATCH`.
        method: String,
        /// The request path relative to the base URL, without the query
        /// (`/embedded/sources`).
        path: String,
        /// What happened after the request was sent.
        cause: String,
        /// How to find out whether it took effect.
        advice: String,
        /// The status of the 5xx answer, when one came (`None` after a broken connection or
        /// a timeout).
        status: Option<i32>,
    },
    /// The end-user client's [`ScopedTokenProvider`](crate::ScopedTokenProvider) failed (or
    /// gave an empty or malformed token) when the client needed a fresh scoped token: nothing
    /// was sent with a token it did not have. The next call asks the provider again.
    #[error("scoped-token provider failed: {detail}")]
    TokenProvider {
        /// What the provider raised (the host's own message), or what was wrong with the
        /// token it gave (never the token).
        detail: String,
    },
    /// The client was closed (the foreign languages' `close()`; Kotlin `shutdown()`), or, in
    /// Python, its object was freed by a manual `__del__()`: nothing was sent. Raised by every
    /// later call on the client, on the area handles made from it and on the end-user clients
    /// an operator client made. The Rust clients are closed by dropping them and never raise
    /// it.
    #[error("client closed: {detail}")]
    ClientClosed {
        /// Which object was closed and how (`OperatorClient was closed: make a new client`).
        detail: String,
    },
}

/// `; name: too long; other: missing`: each field error the `detail` does not already spell,
/// as `field: message` after `; ` (the message of a `{"message", "errors"}` body does not name
/// them; a summary made from them does). Empty when there is none.
fn unnamed_field_errors(detail: &str, errors: &[FieldError]) -> String {
    let mut out = String::new();
    for error in errors {
        let text = error.to_string();
        if !text.trim().is_empty() && !detail.contains(&text) {
            out.push_str("; ");
            out.push_str(&text);
        }
    }
    out
}

impl RateLimit {
    /// `; retry after 30 s; 0 of 1000 requests left until 1760003600 (Unix seconds)`, with
    /// only the parts the server sent (empty when it sent none).
    fn summary(&self) -> String {
        let mut out = String::new();
        if let Some(wait) = self.retry_after {
            out.push_str(&format!("; retry after {} s", wait.as_secs()));
        }
        match (self.remaining, self.limit) {
            (Some(r), Some(l)) => out.push_str(&format!("; {r} of {l} requests left")),
            (Some(r), None) => out.push_str(&format!("; {r} requests left")),
            (None, Some(l)) => out.push_str(&format!("; limit {l} requests")),
            (None, None) => {}
        }
        if let Some(reset) = self.reset_unix_seconds {
            let sep = if self.remaining.is_some() || self.limit.is_some() {
                " until"
            } else {
                "; window resets at"
            };
            out.push_str(&format!("{sep} {reset} (Unix seconds)"));
        }
        out
    }
}

impl Error {
    /// The HTTP status of the response this error came from, if it came from one.
    pub fn status(&self) -> Option<i32> {
        match self {
            Error::Unauthorized { status, .. }
            | Error::Forbidden { status, .. }
            | Error::NotFound { status, .. }
            | Error::RateLimited { status, .. }
            | Error::Validation { status, .. }
            | Error::Server { status, .. }
            | Error::UnexpectedStatus { status, .. }
            | Error::Decode { status, .. } => Some(*status),
            Error::OutcomeUnknown { status, .. } => *status,
            _ => None,
        }
    }

    /// The per-field problems the service reported (empty for other errors).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Forbidden { field_errors, .. } | Error::Validation { field_errors, .. } => {
                field_errors
            }
            _ => &[],
        }
    }

    /// Whether this is [`Error::OutcomeUnknown`]: a create that may have taken effect, to
    /// reconcile before retrying.
    pub fn is_outcome_unknown(&self) -> bool {
        matches!(self, Error::OutcomeUnknown { .. })
    }

    /// [`Error::InvalidArgument`]; the reason is cut to [`crate::redact::TEXT_LIMIT`] bytes
    /// and scrubbed (callers quote values with [`crate::redact::quote`]).
    pub(crate) fn invalid_argument(argument: &str, detail: impl Into<String>) -> Self {
        Error::InvalidArgument {
            argument: argument.to_owned(),
            detail: crate::redact::clean(&detail.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limited_names_the_numbers() {
        let full = Error::RateLimited {
            status: 429,
            detail: "Rate limit exceeded".into(),
            rate_limit: RateLimit {
                limit: Some(1000),
                remaining: Some(0),
                reset_unix_seconds: Some(1_760_003_600),
                retry_after: Some(Duration::from_secs(1800)),
            },
        };
        assert_eq!(
            full.to_string(),
            "rate limited (HTTP 429): Rate limit exceeded; retry after 1800 s; 0 of 1000 requests left until 1760003600 (Unix seconds)"
        );
        let bare = Error::RateLimited {
            status: 429,
            detail: "Rate limit exceeded".into(),
            rate_limit: RateLimit {
                reset_unix_seconds: Some(5),
                ..RateLimit::default()
            },
        };
        assert_eq!(
            bare.to_string(),
            "rate limited (HTTP 429): Rate limit exceeded; window resets at 5 (Unix seconds)"
        );
    }

    #[test]
    fn rejections_name_the_field_errors_their_detail_does_not() {
        let field = |field: Option<&str>, message: &str| FieldError {
            field: field.map(str::to_owned),
            message: message.into(),
            code: Some("max_length".into()),
        };
        let e = Error::Validation {
            status: 400,
            detail: "Invalid request".into(),
            field_errors: vec![field(Some("name"), "too long"), field(None, "one more")],
        };
        assert_eq!(
            e.to_string(),
            "request rejected (HTTP 400): Invalid request; name: too long; one more"
        );
        // A detail summarised from the field errors already spells them.
        let summarised = Error::Validation {
            status: 422,
            detail: "body.name: field required".into(),
            field_errors: vec![field(Some("body.name"), "field required")],
        };
        assert_eq!(
            summarised.to_string(),
            "request rejected (HTTP 422): body.name: field required"
        );
        let forbidden = Error::Forbidden {
            status: 403,
            detail: "nope".into(),
            field_errors: vec![field(Some("workspace"), "not yours"), field(None, " ")],
        };
        assert_eq!(
            forbidden.to_string(),
            "forbidden (HTTP 403): nope; workspace: not yours"
        );
    }

    #[test]
    fn outcome_unknown_reads_as_a_sentence_and_keeps_the_status() {
        let e = Error::OutcomeUnknown {
            method: "POST".into(),
            path: "/embedded/sources".into(),
            cause: "HTTP 502 from the server".into(),
            advice: "list sources by name before retrying".into(),
            status: Some(502),
        };
        assert_eq!(
            e.to_string(),
            "POST /embedded/sources: the outcome is unknown (HTTP 502 from the server); list sources by name before retrying"
        );
        assert_eq!(e.status(), Some(502));
        assert!(e.is_outcome_unknown());
    }
}
