//! The one error every call raises: [`AirbyteError`], converted from the core's `Error`.
//!
//! Each variant carries a readable `detail` (the service's message, or what went wrong
//! locally), the HTTP `status` when a response caused it, and the field errors or rate-limit
//! numbers where relevant. The foreign exception text is built from those fields, so Python
//! `str(e)`, Kotlin `e.message` and Swift `localizedDescription` show status and message.
//! No variant ever contains a client secret, a token or an `airbyte_secret` value.

use airbyte_embedded as core;

/// One problem the service reported with one request field (from either error-body shape).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldError {
    /// The field the problem is about (`"allowed_origin"`, `"body.allowed_origin"`), when the
    /// service named one.
    pub field: Option<String>,
    /// The service's sentence about the problem (empty when it sent none).
    pub message: String,
    /// The service's machine-readable code (`error_code` or `type`), when it sent one.
    pub code: Option<String>,
}

impl From<core::FieldError> for FieldError {
    fn from(e: core::FieldError) -> Self {
        FieldError {
            field: e.field,
            message: e.message,
            code: e.code,
        }
    }
}

/// One way a source config fails its connector spec (client-side validation).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConfigError {
    /// JSON pointer into the config (`""` for the root, `"/port"`,
    /// `"/ssl_mode/ca_certificate"`); a missing field is reported where it should be.
    pub path: String,
    /// A sentence an end user can act on. Never quotes a secret's value.
    pub message: String,
    /// The JSON Schema keyword that failed (`"required"`, `"type"`, `"oneOf"`, `"pattern"`,
    /// `"format"`, …), or `"airbyte_secret"` for a masked secret sent back.
    pub keyword: String,
}

impl From<core::validation::ConfigError> for ConfigError {
    fn from(e: core::validation::ConfigError) -> Self {
        ConfigError {
            path: e.path,
            message: e.message,
            keyword: e.keyword,
        }
    }
}

/// Rate-limit numbers from a response's `Retry-After` and `X-RateLimit-*` headers; each is
/// `None` when its header was absent or malformed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, uniffi::Record)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the current window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the current window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets, in Unix seconds.
    pub reset_unix_seconds: Option<u64>,
    /// `Retry-After`: how long to wait before the next request, in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl From<core::RateLimit> for RateLimit {
    fn from(r: core::RateLimit) -> Self {
        RateLimit {
            limit: r.limit,
            remaining: r.remaining,
            reset_unix_seconds: r.reset_unix_seconds,
            retry_after_ms: r
                .retry_after
                .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
        }
    }
}

/// Everything that can go wrong in an SDK call (Kotlin: `AirbyteException`).
///
/// HTTP variants carry the `status`; every variant carries a readable `detail`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum AirbyteError {
    /// HTTP 401: the token was missing, expired or revoked, and one refresh and replay did not
    /// help (or the token cannot be refreshed, as with a scoped token given by the caller).
    #[error("unauthorized (HTTP {status}): {detail}")]
    Unauthorized {
        /// Always 401.
        status: u16,
        /// The service's message.
        detail: String,
    },
    /// HTTP 403: the token may not do this (a scoped token on an operator route, another
    /// organisation's resource). Never triggers a token refresh.
    #[error("forbidden (HTTP {status}): {detail}")]
    Forbidden {
        /// Always 403.
        status: u16,
        /// The service's message.
        detail: String,
        /// Per-field problems, when the service listed any.
        field_errors: Vec<FieldError>,
    },
    /// HTTP 404: the resource does not exist (or is not visible to this token).
    #[error("not found (HTTP {status}): {detail}")]
    NotFound {
        /// Always 404.
        status: u16,
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
        /// Per-field problems (field path + message).
        field_errors: Vec<FieldError>,
    },
    /// HTTP 429: the organisation's rate limit is used up.
    #[error("rate limited (HTTP {status}): {detail}")]
    RateLimited {
        /// Always 429.
        status: u16,
        /// The service's message.
        detail: String,
        /// `Retry-After` and `X-RateLimit-*` from the response.
        rate_limit: RateLimit,
    },
    /// HTTP 5xx: the service (or a proxy in front of it) failed.
    #[error("server error (HTTP {status}): {detail}")]
    Server {
        /// 500..=599.
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
    /// The request could not be sent or the response not read (DNS, connect, TLS, reset).
    #[error("transport error: {detail}")]
    Transport {
        /// What failed, without any header or body.
        detail: String,
    },
    /// A connect, read or overall deadline passed, or a check did not finish in time.
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
    /// An argument was refused before anything was sent (including JSON text that does not
    /// parse).
    #[error("invalid argument `{argument}`: {detail}")]
    InvalidArgument {
        /// The argument's name (`"allowed_origin"`, `"base_url"`, `"source_config"`, …).
        argument: String,
        /// Why it was refused.
        detail: String,
    },
    /// A connector spec could not be loaded or compiled.
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
    /// A page's `next` link points to another host or repeats a cursor already seen.
    #[error("pagination stopped: {detail}")]
    Pagination {
        /// Why the link was not followed.
        detail: String,
    },
    /// A request that is not safe to repeat (a `POST` that creates something, or a `PATCH`)
    /// was sent, and then the connection broke, a timeout passed or the server answered 5xx:
    /// it may or may not have taken effect, so the SDK did not send it again. Look the
    /// resource up before retrying.
    #[error("{detail}")]
    OutcomeUnknown {
        /// The status of the 5xx answer, when one came.
        status: Option<u16>,
        /// `POST` or `PATCH`.
        method: String,
        /// The request path relative to the base URL (`/embedded/sources`).
        path: String,
        /// What happened and how to find out whether it took effect
        /// (`POST /embedded/sources: the outcome is unknown (…); list sources by name before
        /// retrying`).
        detail: String,
    },
    /// The client was closed (`close()`; Kotlin `shutdown()`), or, in Python, its object was
    /// freed by a manual `__del__()`: nothing was sent. Raised by every later call on the
    /// client, on the area handles made from it (`sources()`, `workspaces()`, page walks, …)
    /// and on the end-user clients an operator client made. Make a new client.
    #[error("client closed: {detail}")]
    ClientClosed {
        /// Which object was closed and how (`OperatorClient was closed: make a new client`).
        detail: String,
    },
    /// An error this version of the bindings does not know by name (the core gained a kind).
    #[error("{detail}")]
    Other {
        /// The HTTP status, when a response caused it.
        status: Option<u16>,
        /// The core's description of the error.
        detail: String,
    },
}

impl From<core::Error> for AirbyteError {
    fn from(e: core::Error) -> Self {
        use core::Error as E;
        let status = e.status();
        let fields = |errors: Vec<core::FieldError>| errors.into_iter().map(Into::into).collect();
        match e {
            E::Unauthorized { detail, .. } => AirbyteError::Unauthorized {
                status: status.unwrap_or(401),
                detail,
            },
            E::Forbidden {
                detail,
                field_errors,
                ..
            } => AirbyteError::Forbidden {
                status: status.unwrap_or(403),
                detail,
                field_errors: fields(field_errors),
            },
            E::NotFound { detail, .. } => AirbyteError::NotFound {
                status: status.unwrap_or(404),
                detail,
            },
            E::Validation {
                status,
                detail,
                field_errors,
                ..
            } => AirbyteError::Validation {
                status,
                detail,
                field_errors: fields(field_errors),
            },
            E::RateLimited {
                detail, rate_limit, ..
            } => AirbyteError::RateLimited {
                status: status.unwrap_or(429),
                detail,
                rate_limit: rate_limit.into(),
            },
            E::Server { status, detail, .. } => AirbyteError::Server { status, detail },
            E::UnexpectedStatus { status, detail, .. } => {
                AirbyteError::UnexpectedStatus { status, detail }
            }
            E::Transport { detail, .. } => AirbyteError::Transport { detail },
            E::Timeout { detail, .. } => AirbyteError::Timeout { detail },
            E::Decode { status, detail, .. } => AirbyteError::Decode { status, detail },
            E::InvalidArgument {
                argument, reason, ..
            } => AirbyteError::InvalidArgument {
                argument,
                detail: reason,
            },
            E::InvalidSpec { detail, .. } => AirbyteError::InvalidSpec { detail },
            E::InvalidConfig { detail, errors, .. } => AirbyteError::InvalidConfig {
                detail,
                errors: errors.into_iter().map(Into::into).collect(),
            },
            E::InvalidWidgetToken { detail, .. } => AirbyteError::InvalidWidgetToken { detail },
            E::Pagination { detail, .. } => AirbyteError::Pagination { detail },
            E::OutcomeUnknown {
                ref method,
                ref path,
                ..
            } => AirbyteError::OutcomeUnknown {
                status,
                method: method.clone(),
                path: path.clone(),
                detail: e.to_string(),
            },
            other => AirbyteError::Other {
                status,
                detail: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_errors_keep_status_detail_and_fields() {
        let e: AirbyteError = core::Error::Validation {
            status: 422,
            detail: "bad origin".into(),
            field_errors: vec![core::FieldError {
                field: Some("body.allowed_origin".into()),
                message: "field required".into(),
                code: Some("value_error.missing".into()),
            }],
        }
        .into();
        assert_eq!(
            e.to_string(),
            "request rejected (HTTP 422): bad origin",
            "Display shows status and message"
        );
        match e {
            AirbyteError::Validation {
                status,
                field_errors,
                ..
            } => {
                assert_eq!(status, 422);
                assert_eq!(
                    field_errors[0].field.as_deref(),
                    Some("body.allowed_origin")
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fixed_statuses_are_filled_in() {
        let e: AirbyteError = core::Error::NotFound {
            detail: "gone".into(),
        }
        .into();
        assert_eq!(
            e,
            AirbyteError::NotFound {
                status: 404,
                detail: "gone".into()
            }
        );
    }

    #[test]
    fn retry_after_becomes_milliseconds() {
        let r: RateLimit = core::RateLimit {
            retry_after: Some(std::time::Duration::from_secs(3)),
            ..Default::default()
        }
        .into();
        assert_eq!(r.retry_after_ms, Some(3000));
    }
}
