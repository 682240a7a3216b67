//! The SDK's error type: one enum whose variants a caller can act on.

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
pub struct FieldError {
    /// The field the problem is about (`"allowed_origin"`, `"body.allowed_origin"`), when the
    /// service named one.
    pub field: Option<String>,
    /// The service's sentence about the problem (empty when it sent none).
    pub message: String,
    /// The service's machine-readable code (`error_code` or `type`), when it sent one.
    pub code: Option<String>,
}

/// Rate-limit numbers from a response's `Retry-After` and `X-RateLimit-*` headers.
///
/// Every field is `None` when its header was absent or malformed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the current window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the current window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets, in Unix seconds.
    pub reset_unix_seconds: Option<u64>,
    /// `Retry-After`: how long to wait before the next request (from seconds or an HTTP date).
    pub retry_after: Option<Duration>,
}

/// Everything that can go wrong in an SDK call.
///
/// No variant's `Display` or `Debug` output ever contains a client secret, a token or an
/// `airbyte_secret` value.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// HTTP 401: the token was missing, expired or revoked, and one refresh and replay did not
    /// help (or the token cannot be refreshed, as with a scoped token given by the caller).
    #[error("unauthorized (HTTP 401): {detail}")]
    Unauthorized {
        /// The service's message.
        detail: String,
    },
    /// HTTP 403: the token is valid but may not do this (for example a scoped token on an
    /// operator route, or another organisation's resource). Never triggers a token refresh.
    #[error("forbidden (HTTP 403): {detail}")]
    Forbidden {
        /// The service's message.
        detail: String,
        /// Per-field problems, when the service listed any.
        field_errors: Vec<FieldError>,
    },
    /// HTTP 404: the resource does not exist (or is not visible to this token).
    #[error("not found (HTTP 404): {detail}")]
    NotFound {
        /// The service's message.
        detail: String,
    },
    /// HTTP 400 or 422: the service rejected the request body or query.
    #[error("request rejected (HTTP {status}): {detail}")]
    Validation {
        /// 400 or 422.
        status: u16,
        /// The service's message, or a summary of the field errors.
        detail: String,
        /// Per-field problems (path + message).
        field_errors: Vec<FieldError>,
    },
    /// HTTP 429: the organisation's rate limit is used up.
    #[error("rate limited (HTTP 429): {detail}")]
    RateLimited {
        /// The service's message.
        detail: String,
        /// The numbers from the response headers (`Retry-After`, `X-RateLimit-*`).
        rate_limit: RateLimit,
    },
    /// HTTP 5xx: the service failed.
    #[error("server error (HTTP {status}): {detail}")]
    Server {
        /// The status code (500..=599).
        status: u16,
        /// The service's message, or a snippet of a non-JSON body (at most 4 KiB).
        detail: String,
    },
    /// Any other non-success status (for example 405 or 409).
    #[error("unexpected response (HTTP {status}): {detail}")]
    UnexpectedStatus {
        /// The status code.
        status: u16,
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
        status: u16,
        /// What did not parse.
        detail: String,
    },
    /// An argument was refused before anything was sent.
    #[error("invalid argument `{argument}`: {reason}")]
    InvalidArgument {
        /// The argument's name (`"allowed_origin"`, `"base_url"`, …).
        argument: String,
        /// Why it was refused.
        reason: String,
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
}

impl Error {
    /// The HTTP status of the response this error came from, if it came from one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Unauthorized { .. } => Some(401),
            Error::Forbidden { .. } => Some(403),
            Error::NotFound { .. } => Some(404),
            Error::RateLimited { .. } => Some(429),
            Error::Validation { status, .. }
            | Error::Server { status, .. }
            | Error::UnexpectedStatus { status, .. }
            | Error::Decode { status, .. } => Some(*status),
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

    pub(crate) fn invalid_argument(argument: &str, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            argument: argument.to_owned(),
            reason: reason.into(),
        }
    }
}
