//! Why a command failed, and the exit code that says so.

use std::fmt;
use std::process::ExitCode;

use airbyte_embedded::Error;

/// Exit code: the command did what it was asked.
pub const OK: u8 = 0;
/// Exit code: the service refused the request, or a config or check is not valid.
pub const FAILED: u8 = 1;
/// Exit code: the command line, a file or an argument is wrong (nothing was sent).
pub const USAGE: u8 = 2;
/// Exit code: no credentials, or the service refused them (HTTP 401 or 403).
pub const AUTH: u8 = 3;
/// Exit code: the organisation's rate limit is used up (HTTP 429).
pub const RATE_LIMITED: u8 = 4;

/// A failed command: the exit code and the sentence printed on standard error.
#[derive(Debug)]
pub struct Failure {
    /// One of the exit codes above.
    pub code: u8,
    /// What went wrong (the SDK's message for SDK errors; never a secret).
    pub message: String,
}

impl Failure {
    /// A usage or file error (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: USAGE,
            message: message.into(),
        }
    }

    /// An authentication error (exit code 3).
    pub fn auth(message: impl Into<String>) -> Self {
        Failure {
            code: AUTH,
            message: message.into(),
        }
    }

    /// A refused request or an invalid result (exit code 1).
    pub fn failed(message: impl Into<String>) -> Self {
        Failure {
            code: FAILED,
            message: message.into(),
        }
    }

    /// The process exit code.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The exit code of an SDK error: 3 for any 401/403 (whatever the variant: a token request
/// refused, an unexpected 403 body), 4 for any 429, 2 for an argument refused before anything
/// was sent, 1 for everything else.
pub fn code_of(error: &Error) -> u8 {
    match (error, error.status()) {
        (Error::Unauthorized { .. } | Error::Forbidden { .. }, _) | (_, Some(401 | 403)) => AUTH,
        (Error::RateLimited { .. }, _) | (_, Some(429)) => RATE_LIMITED,
        (Error::InvalidArgument { .. }, _) => USAGE,
        _ => FAILED,
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let mut message = error.to_string();
        for field in error.field_errors() {
            let at = field.field.as_deref().unwrap_or("-");
            message.push_str(&format!("\n  {at}: {}", field.message));
        }
        if let Error::InvalidConfig { errors, .. } = &error {
            for e in errors {
                message.push_str(&format!("\n  {e}"));
            }
        }
        Failure {
            code: code_of(&error),
            message,
        }
    }
}

impl From<std::io::Error> for Failure {
    /// Writing the output failed (a closed pipe, a full disk).
    fn from(error: std::io::Error) -> Self {
        Failure::failed(format!("could not write the output: {error}"))
    }
}

/// A command's result: `Ok(exit code)` or a [`Failure`].
pub type Outcome = Result<u8, Failure>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_errors_map_to_documented_codes() {
        let auth = Error::Unauthorized {
            status: 401,
            detail: "bad".into(),
        };
        assert_eq!(code_of(&auth), AUTH);
        let limited = Error::RateLimited {
            status: 429,
            detail: "slow down".into(),
            rate_limit: Default::default(),
        };
        assert_eq!(code_of(&limited), RATE_LIMITED);
        let missing = Error::NotFound {
            status: 404,
            detail: "gone".into(),
        };
        assert_eq!(code_of(&missing), FAILED);
        // A 401/403 or 429 the SDK could not read as such still exits 3 or 4.
        for (status, code) in [(401, AUTH), (403, AUTH), (429, RATE_LIMITED), (418, FAILED)] {
            let odd = Error::Decode {
                status,
                detail: "not JSON".into(),
            };
            assert_eq!(code_of(&odd), code, "{status}");
        }
    }
}
