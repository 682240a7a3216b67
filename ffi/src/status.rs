//! The status code every entry point returns: one `#[repr(C)]` enum whose numeric values are
//! fixed forever, grouped by kind, and never reused.

use std::ffi::{CStr, c_char, c_int};

use airbyte_embedded::Error;

use crate::panic::guard;

/// The result of every call that can fail. `AIRBYTE_STATUS_OK` (0) is success; any other value
/// is a failure whose details (message, HTTP status, field errors) are in the calling thread's
/// last error (`airbyte_last_error_message`, `airbyte_last_error_json`).
///
/// Values are grouped by kind and stable forever: a value is never renumbered, and a value that
/// is retired stays reserved and is never given another meaning. New values may be added within
/// each group, so handle unknown values (for example by their group: `status / 100`).
///
/// - 0: success.
/// - 1xx: an argument was refused before anything was sent (NULL, not UTF-8, not JSON of the
///   documented shape, or refused by the SDK's own checks).
/// - 2xx: the service answered with an error status.
/// - 3xx: the request did not get a usable answer (transport, timeout, undecodable body).
/// - 4xx: client-side checks of configs, specs, widget tokens and pagination links.
/// - 9xx: a bug: a panic caught at the boundary, or an error this version cannot classify.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum airbyte_status {
    /// Success.
    Ok = 0,
    /// A pointer argument that must not be NULL was NULL; the last error names the argument.
    NullArgument = 100,
    /// A string argument is not valid UTF-8; the last error names the argument and the offset
    /// of the first invalid byte.
    InvalidUtf8 = 101,
    /// A JSON argument does not parse, or does not have the documented shape (an unknown
    /// field, a missing required field, a wrong type); the last error names the argument and
    /// says where.
    InvalidJson = 102,
    /// The SDK refused an argument before sending anything (an empty id, an `allowed_origin`
    /// with a path, a base URL that is not http(s), a page size outside 1..100, …); the last
    /// error's `argument` names it.
    InvalidArgument = 103,
    /// `airbyte_last_error_message` truncated the message to fit the buffer.
    BufferTooSmall = 104,
    /// HTTP 401: the token was missing, expired or revoked, and one refresh did not help.
    Unauthorized = 200,
    /// HTTP 403: the token may not do this (never triggers a refresh).
    Forbidden = 201,
    /// HTTP 404: no such resource (or not visible to this token).
    NotFound = 202,
    /// HTTP 400 or 422: the service refused the request; see the last error's `field_errors`.
    Validation = 203,
    /// HTTP 429: the rate limit is used up; see the last error's `rate_limit`.
    RateLimited = 204,
    /// HTTP 5xx: the service failed.
    Server = 205,
    /// Any other non-success HTTP status (the last error's `http_status` says which).
    UnexpectedStatus = 206,
    /// The request could not be sent or the answer not read (DNS, connect, TLS, reset).
    Transport = 300,
    /// A connect, read or whole-request deadline passed (or a check did not finish in time).
    Timeout = 301,
    /// A success response whose body is not what the contract says.
    Decode = 302,
    /// A request that is not safe to repeat (a create, a `PATCH`) was sent, then the
    /// connection broke, a timeout passed or the server answered 5xx: it may or may not have
    /// taken effect, so it was not sent again. Look the resource up before retrying (the
    /// message says how); `http_status` is set when the server answered.
    OutcomeUnknown = 303,
    /// A source config does not satisfy its connector spec; nothing was sent. See the last
    /// error's `config_errors`.
    InvalidConfig = 400,
    /// A connector spec could not be loaded or compiled.
    InvalidSpec = 401,
    /// A widget token is not the base64 of `{"token", "widgetUrl"}`.
    InvalidWidgetToken = 402,
    /// Pagination stopped: a `next` link off the configured host, without a cursor, or
    /// repeating a cursor.
    Pagination = 403,
    /// A panic was caught at the C boundary (a bug in this library). The process is fine; the
    /// handle used in the call should be freed and not used again.
    Panic = 900,
    /// An error this version of the library cannot classify (a bug: please report it).
    Internal = 901,
}

impl airbyte_status {
    /// Every status, in numeric order (`names_and_codes_are_stable` checks the values).
    pub fn all() -> [airbyte_status; 23] {
        [
            airbyte_status::Ok,
            airbyte_status::NullArgument,
            airbyte_status::InvalidUtf8,
            airbyte_status::InvalidJson,
            airbyte_status::InvalidArgument,
            airbyte_status::BufferTooSmall,
            airbyte_status::Unauthorized,
            airbyte_status::Forbidden,
            airbyte_status::NotFound,
            airbyte_status::Validation,
            airbyte_status::RateLimited,
            airbyte_status::Server,
            airbyte_status::UnexpectedStatus,
            airbyte_status::Transport,
            airbyte_status::Timeout,
            airbyte_status::Decode,
            airbyte_status::OutcomeUnknown,
            airbyte_status::InvalidConfig,
            airbyte_status::InvalidSpec,
            airbyte_status::InvalidWidgetToken,
            airbyte_status::Pagination,
            airbyte_status::Panic,
            airbyte_status::Internal,
        ]
    }

    /// The status's short name (`"not_found"`), as in the last error's `kind`.
    pub fn name(self) -> &'static CStr {
        match self {
            airbyte_status::Ok => c"ok",
            airbyte_status::NullArgument => c"null_argument",
            airbyte_status::InvalidUtf8 => c"invalid_utf8",
            airbyte_status::InvalidJson => c"invalid_json",
            airbyte_status::InvalidArgument => c"invalid_argument",
            airbyte_status::BufferTooSmall => c"buffer_too_small",
            airbyte_status::Unauthorized => c"unauthorized",
            airbyte_status::Forbidden => c"forbidden",
            airbyte_status::NotFound => c"not_found",
            airbyte_status::Validation => c"validation",
            airbyte_status::RateLimited => c"rate_limited",
            airbyte_status::Server => c"server",
            airbyte_status::UnexpectedStatus => c"unexpected_status",
            airbyte_status::Transport => c"transport",
            airbyte_status::Timeout => c"timeout",
            airbyte_status::Decode => c"decode",
            airbyte_status::OutcomeUnknown => c"outcome_unknown",
            airbyte_status::InvalidConfig => c"invalid_config",
            airbyte_status::InvalidSpec => c"invalid_spec",
            airbyte_status::InvalidWidgetToken => c"invalid_widget_token",
            airbyte_status::Pagination => c"pagination",
            airbyte_status::Panic => c"panic",
            airbyte_status::Internal => c"internal",
        }
    }

    /// The status with numeric value `code`, if there is one.
    pub fn from_code(code: c_int) -> Option<airbyte_status> {
        airbyte_status::all()
            .into_iter()
            .find(|s| *s as c_int == code)
    }

    /// The status a core SDK error maps to.
    pub fn of(error: &Error) -> airbyte_status {
        match error {
            Error::Unauthorized { .. } => airbyte_status::Unauthorized,
            Error::Forbidden { .. } => airbyte_status::Forbidden,
            Error::NotFound { .. } => airbyte_status::NotFound,
            Error::Validation { .. } => airbyte_status::Validation,
            Error::RateLimited { .. } => airbyte_status::RateLimited,
            Error::Server { .. } => airbyte_status::Server,
            Error::UnexpectedStatus { .. } => airbyte_status::UnexpectedStatus,
            Error::Transport { .. } => airbyte_status::Transport,
            Error::Timeout { .. } => airbyte_status::Timeout,
            Error::Decode { .. } => airbyte_status::Decode,
            Error::OutcomeUnknown { .. } => airbyte_status::OutcomeUnknown,
            Error::InvalidArgument { .. } => airbyte_status::InvalidArgument,
            Error::InvalidSpec { .. } => airbyte_status::InvalidSpec,
            Error::InvalidConfig { .. } => airbyte_status::InvalidConfig,
            Error::InvalidWidgetToken { .. } => airbyte_status::InvalidWidgetToken,
            Error::Pagination { .. } => airbyte_status::Pagination,
            // `Error` is non-exhaustive: a variant added to the core before this layer learns
            // of it is reported, not hidden.
            _ => airbyte_status::Internal,
        }
    }
}

/// The short name of a status (`"ok"`, `"not_found"`, `"rate_limited"`, …), or `"unknown"` for
/// a value this version does not define. Takes an `int` so that any value is safe to pass.
///
/// Returns a static string: never NULL, never free it. Does not touch the last error.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_status_name(status: c_int) -> *const c_char {
    guard(|| {
        airbyte_status::from_code(status)
            .map_or(c"unknown", airbyte_status::name)
            .as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use airbyte_embedded::validation::ConfigError;
    use airbyte_embedded::{FieldError, RateLimit};

    #[test]
    fn names_and_codes_are_stable() {
        let expected: [(c_int, &str); 23] = [
            (0, "ok"),
            (100, "null_argument"),
            (101, "invalid_utf8"),
            (102, "invalid_json"),
            (103, "invalid_argument"),
            (104, "buffer_too_small"),
            (200, "unauthorized"),
            (201, "forbidden"),
            (202, "not_found"),
            (203, "validation"),
            (204, "rate_limited"),
            (205, "server"),
            (206, "unexpected_status"),
            (300, "transport"),
            (301, "timeout"),
            (302, "decode"),
            (303, "outcome_unknown"),
            (400, "invalid_config"),
            (401, "invalid_spec"),
            (402, "invalid_widget_token"),
            (403, "pagination"),
            (900, "panic"),
            (901, "internal"),
        ];
        for (code, name) in expected {
            let status = airbyte_status::from_code(code).unwrap();
            assert_eq!(status as c_int, code);
            assert_eq!(status.name().to_str().unwrap(), name);
        }
        assert_eq!(airbyte_status::from_code(1), None);
        assert_eq!(airbyte_status::from_code(-1), None);
    }

    #[test]
    fn status_name_is_safe_for_any_int() {
        let name = |code| {
            // SAFETY: airbyte_status_name returns a static NUL-terminated string.
            unsafe { CStr::from_ptr(airbyte_status_name(code)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(202), "not_found");
        assert_eq!(name(12345), "unknown");
        assert_eq!(name(c_int::MIN), "unknown");
    }

    #[test]
    fn every_core_error_maps_to_its_own_status() {
        let s = || String::from("x");
        let cases = [
            (
                Error::Unauthorized {
                    status: 401,
                    detail: s(),
                },
                airbyte_status::Unauthorized,
            ),
            (
                Error::Forbidden {
                    status: 403,
                    detail: s(),
                    field_errors: vec![],
                },
                airbyte_status::Forbidden,
            ),
            (
                Error::NotFound {
                    status: 404,
                    detail: s(),
                },
                airbyte_status::NotFound,
            ),
            (
                Error::Validation {
                    status: 422,
                    detail: s(),
                    field_errors: vec![FieldError {
                        field: Some(s()),
                        message: s(),
                        code: None,
                    }],
                },
                airbyte_status::Validation,
            ),
            (
                Error::RateLimited {
                    status: 429,
                    detail: s(),
                    rate_limit: RateLimit::default(),
                },
                airbyte_status::RateLimited,
            ),
            (
                Error::Server {
                    status: 503,
                    detail: s(),
                },
                airbyte_status::Server,
            ),
            (
                Error::UnexpectedStatus {
                    status: 409,
                    detail: s(),
                },
                airbyte_status::UnexpectedStatus,
            ),
            (Error::Transport { detail: s() }, airbyte_status::Transport),
            (Error::Timeout { detail: s() }, airbyte_status::Timeout),
            (
                Error::Decode {
                    status: 200,
                    detail: s(),
                },
                airbyte_status::Decode,
            ),
            (
                Error::InvalidArgument {
                    argument: s(),
                    detail: s(),
                },
                airbyte_status::InvalidArgument,
            ),
            (
                Error::InvalidSpec { detail: s() },
                airbyte_status::InvalidSpec,
            ),
            (
                Error::InvalidConfig {
                    detail: s(),
                    errors: vec![ConfigError {
                        path: "/port".into(),
                        message: s(),
                        keyword: "type".into(),
                    }],
                },
                airbyte_status::InvalidConfig,
            ),
            (
                Error::InvalidWidgetToken { detail: s() },
                airbyte_status::InvalidWidgetToken,
            ),
            (
                Error::Pagination { detail: s() },
                airbyte_status::Pagination,
            ),
        ];
        let mut seen = std::collections::HashSet::new();
        for (error, status) in cases {
            assert_eq!(airbyte_status::of(&error), status, "{error:?}");
            assert!(seen.insert(status), "{status:?} used twice");
            let group = status as c_int / 100;
            let expected_group = match &error {
                Error::Decode { .. } | Error::OutcomeUnknown { .. } => 3,
                e if e.status().is_some() => 2,
                _ => group,
            };
            assert_eq!(group, expected_group, "{error:?}");
        }
    }
}
