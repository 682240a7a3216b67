//! This layer's error type: the core SDK's errors plus what can go wrong at the C boundary
//! itself (NULL pointers, invalid UTF-8, JSON of the wrong shape).

use std::fmt;

use airbyte_embedded::Error;

use crate::status::airbyte_status;

/// Everything an entry point can fail with. Each becomes one [`airbyte_status`] and the
/// calling thread's last error.
#[derive(Debug)]
pub enum FfiError {
    /// A required pointer argument was NULL.
    NullArgument {
        /// The C parameter's name.
        argument: &'static str,
    },
    /// A string argument is not UTF-8.
    InvalidUtf8 {
        /// The C parameter's name.
        argument: &'static str,
        /// Byte offset of the first invalid byte.
        valid_up_to: usize,
    },
    /// A JSON argument does not parse or does not have the documented shape.
    InvalidJson {
        /// The C parameter's name.
        argument: &'static str,
        /// What is wrong, with line and column.
        reason: String,
    },
    /// An error from the core SDK.
    Core(Error),
    /// A result this layer cannot hand over (a string holding a NUL byte, a model that does not
    /// serialise).
    Internal(String),
}

impl FfiError {
    /// A NULL `argument`.
    pub fn null(argument: &'static str) -> Self {
        FfiError::NullArgument { argument }
    }

    /// The status this error is reported with.
    pub fn status(&self) -> airbyte_status {
        match self {
            FfiError::NullArgument { .. } => airbyte_status::NullArgument,
            FfiError::InvalidUtf8 { .. } => airbyte_status::InvalidUtf8,
            FfiError::InvalidJson { .. } => airbyte_status::InvalidJson,
            FfiError::Core(e) => airbyte_status::of(e),
            FfiError::Internal(_) => airbyte_status::Internal,
        }
    }

    /// The argument the error is about, when it is about one.
    pub fn argument(&self) -> Option<&str> {
        match self {
            FfiError::NullArgument { argument }
            | FfiError::InvalidUtf8 { argument, .. }
            | FfiError::InvalidJson { argument, .. } => Some(argument),
            FfiError::Core(Error::InvalidArgument { argument, .. }) => Some(argument),
            _ => None,
        }
    }
}

impl fmt::Display for FfiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FfiError::NullArgument { argument } => {
                write!(f, "invalid argument `{argument}`: must not be NULL")
            }
            FfiError::InvalidUtf8 {
                argument,
                valid_up_to,
            } => write!(
                f,
                "invalid argument `{argument}`: not valid UTF-8 (first invalid byte at offset {valid_up_to})"
            ),
            FfiError::InvalidJson { argument, reason } => {
                write!(f, "invalid argument `{argument}`: {reason}")
            }
            FfiError::Core(e) => e.fmt(f),
            FfiError::Internal(detail) => write!(f, "internal error: {detail}"),
        }
    }
}

impl From<Error> for FfiError {
    fn from(e: Error) -> Self {
        FfiError::Core(e)
    }
}

/// The result type of the conversions in this crate.
pub type FfiResult<T> = Result<T, FfiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_errors_name_their_argument() {
        let e = FfiError::null("client_id");
        assert_eq!(e.status(), airbyte_status::NullArgument);
        assert_eq!(e.argument(), Some("client_id"));
        assert_eq!(
            e.to_string(),
            "invalid argument `client_id`: must not be NULL"
        );
        let e = FfiError::InvalidUtf8 {
            argument: "name",
            valid_up_to: 3,
        };
        assert_eq!(e.status(), airbyte_status::InvalidUtf8);
        assert!(e.to_string().contains("`name`"));
        assert!(e.to_string().contains("offset 3"));
    }

    #[test]
    fn core_errors_keep_their_text_and_argument() {
        let e = FfiError::from(Error::InvalidArgument {
            argument: "allowed_origin".into(),
            detail: "must not end with a slash".into(),
        });
        assert_eq!(e.status(), airbyte_status::InvalidArgument);
        assert_eq!(e.argument(), Some("allowed_origin"));
        assert!(e.to_string().contains("must not end with a slash"));
        let e = FfiError::from(Error::NotFound {
            status: 404,
            detail: "no such template".into(),
        });
        assert_eq!(e.argument(), None);
        assert_eq!(e.to_string(), "not found (HTTP 404): no such template");
    }
}
