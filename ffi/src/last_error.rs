//! The calling thread's last error: set by a failing call, cleared at the start of every
//! status-returning call, read by the functions here (which leave it in place).

use std::cell::RefCell;
use std::ffi::c_char;

use airbyte_embedded::validation::ConfigError;
use airbyte_embedded::{Error, FieldError};
use serde::Serialize;

use crate::error::FfiError;
use crate::panic::guard;
use crate::status::airbyte_status;
use crate::strings::into_c_string;
use crate::views::RateLimitView;

/// Everything known about the last failure on this thread. Its JSON form is what
/// `airbyte_last_error_json` returns.
#[derive(Debug, Clone, Serialize)]
pub struct LastError {
    /// The status the call returned (serialised as its number).
    #[serde(serialize_with = "status_code")]
    pub status: airbyte_status,
    /// The status's short name (`"not_found"`).
    pub kind: &'static str,
    /// The HTTP status of the response the error came from, if it came from one.
    pub http_status: Option<u16>,
    /// A sentence saying what went wrong. Never contains a secret or a token.
    pub message: String,
    /// The argument that was refused, for 1xx statuses.
    pub argument: Option<String>,
    /// Per-field problems the service reported (`{field, message, code}`), for 400/403/422.
    pub field_errors: Vec<FieldError>,
    /// Every problem client-side validation found (`{path, message, keyword}`), for
    /// `AIRBYTE_STATUS_INVALID_CONFIG`.
    pub config_errors: Vec<ConfigError>,
    /// The rate-limit headers, for `AIRBYTE_STATUS_RATE_LIMITED`.
    pub rate_limit: Option<RateLimitView>,
}

fn status_code<S: serde::Serializer>(status: &airbyte_status, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i32(*status as i32)
}

impl LastError {
    /// The last error describing `error`.
    pub fn from_error(error: &FfiError) -> LastError {
        let status = error.status();
        let core = match error {
            FfiError::Core(e) => Some(e),
            _ => None,
        };
        LastError {
            status,
            kind: status.name().to_str().unwrap_or("unknown"),
            http_status: core
                .and_then(Error::status)
                .and_then(|s| u16::try_from(s).ok()),
            message: error.to_string(),
            argument: error.argument().map(str::to_owned),
            field_errors: core.map(|e| e.field_errors().to_vec()).unwrap_or_default(),
            config_errors: match core {
                Some(Error::InvalidConfig { errors, .. }) => errors.clone(),
                _ => Vec::new(),
            },
            rate_limit: match core {
                Some(Error::RateLimited { rate_limit, .. }) => {
                    Some(RateLimitView::from(rate_limit))
                }
                _ => None,
            },
        }
    }
}

thread_local! {
    static LAST: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// Forgets this thread's last error.
///
/// `try_with` here and below: a call made while the thread's locals are being destroyed (from
/// another library's thread-exit hook) has no last error to keep, and must not panic for it.
pub fn clear() {
    let _ = LAST.try_with(|l| l.borrow_mut().take());
}

/// Records `error` as this thread's last error and returns its status.
pub fn set(error: FfiError) -> airbyte_status {
    let last = LastError::from_error(&error);
    let status = last.status;
    let _ = LAST.try_with(|l| *l.borrow_mut() = Some(last));
    status
}

/// Records a caught panic as this thread's last error.
pub fn set_panic(message: String) {
    let last = LastError {
        status: airbyte_status::Panic,
        kind: airbyte_status::Panic.name().to_str().unwrap_or("panic"),
        http_status: None,
        message,
        argument: None,
        field_errors: Vec::new(),
        config_errors: Vec::new(),
        rate_limit: None,
    };
    let _ = LAST.try_with(|l| *l.borrow_mut() = Some(last));
}

/// A copy of this thread's last error.
pub fn snapshot() -> Option<LastError> {
    LAST.with(|l| l.borrow().clone())
}

/// Copies as much of `message` as fits in `buf` with a NUL after it, cutting only between
/// UTF-8 characters. Returns the bytes copied (without the NUL) and whether all of it fit.
/// An empty `buf` receives nothing.
pub fn copy_truncated(message: &str, buf: &mut [u8]) -> (usize, bool) {
    let Some(room) = buf.len().checked_sub(1) else {
        return (0, message.is_empty());
    };
    let mut n = message.len().min(room);
    while !message.is_char_boundary(n) {
        n -= 1;
    }
    buf[..n].copy_from_slice(&message.as_bytes()[..n]);
    buf[n] = 0;
    (n, n == message.len())
}

/// Copies the calling thread's last error message into `buf` (at most `len` bytes, NUL
/// included), cutting only between UTF-8 characters. With no last error the message is empty.
///
/// `*written` (when `written` is not NULL) receives the number of bytes copied, without the
/// NUL. Returns `AIRBYTE_STATUS_OK` when the whole message fit, and
/// `AIRBYTE_STATUS_BUFFER_TOO_SMALL` when it was cut (use `airbyte_last_error_json` for the
/// whole text). `buf` may be NULL only when `len` is 0 (`AIRBYTE_STATUS_NULL_ARGUMENT`
/// otherwise).
///
/// Unlike every other status-returning function, this one neither clears nor replaces the
/// last error. The buffer is the caller's; nothing is allocated.
///
/// # Safety
/// `buf` is NULL or points to `len` writable bytes; `written` is NULL or points to a writable
/// `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_last_error_message(
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> airbyte_status {
    guard(|| {
        if !written.is_null() {
            // SAFETY: `written` is writable per the contract.
            unsafe { *written = 0 };
        }
        if buf.is_null() && len != 0 {
            return airbyte_status::NullArgument;
        }
        let buf: &mut [u8] = if len == 0 {
            &mut []
        } else {
            // SAFETY: `buf` is non-NULL and points to `len` writable bytes per the contract.
            unsafe { std::slice::from_raw_parts_mut(buf.cast::<u8>(), len) }
        };
        let (n, whole) = LAST.with(|l| {
            let last = l.borrow();
            copy_truncated(last.as_ref().map_or("", |e| e.message.as_str()), buf)
        });
        if !written.is_null() {
            // SAFETY: as above.
            unsafe { *written = n };
        }
        if whole {
            airbyte_status::Ok
        } else {
            airbyte_status::BufferTooSmall
        }
    })
}

/// The calling thread's last error as a JSON object, or NULL when the last call succeeded:
///
/// `{"status": 202, "kind": "not_found", "http_status": 404, "message": "...",
///   "argument": null, "field_errors": [{"field", "message", "code"}],
///   "config_errors": [{"path", "message", "keyword"}],
///   "rate_limit": {"limit", "remaining", "reset_unix_seconds", "retry_after_ms"} | null}`
///
/// The string is owned by the caller: free it with `airbyte_string_free`. Does not clear the
/// last error.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_last_error_json() -> *mut c_char {
    guard(|| {
        let json = LAST.with(|l| l.borrow().as_ref().map(serde_json::to_string));
        match json {
            Some(Ok(text)) => into_c_string(text).unwrap_or(std::ptr::null_mut()),
            _ => std::ptr::null_mut(),
        }
    })
}

/// The status of the calling thread's last failed call, or `AIRBYTE_STATUS_OK` when the last
/// call succeeded. Does not clear the last error.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_last_error_status() -> airbyte_status {
    guard(|| LAST.with(|l| l.borrow().as_ref().map_or(airbyte_status::Ok, |e| e.status)))
}

/// The HTTP status of the response the calling thread's last error came from, or 0 when it did
/// not come from a response (or the last call succeeded). Does not clear the last error.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_last_error_http_status() -> u16 {
    guard(|| LAST.with(|l| l.borrow().as_ref().and_then(|e| e.http_status).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use airbyte_embedded::RateLimit;
    use std::time::Duration;

    #[test]
    fn copy_truncates_between_characters() {
        let mut buf = [0xffu8; 6];
        assert_eq!(copy_truncated("abc", &mut buf), (3, true));
        assert_eq!(&buf[..4], b"abc\0");
        // "héllo": 'é' is two bytes; five bytes of room cut after "hél" (4 bytes).
        assert_eq!(copy_truncated("héllo", &mut buf), (5, false));
        assert_eq!(&buf[..6], b"h\xc3\xa9ll\0");
        let mut small = [0xffu8; 3];
        assert_eq!(copy_truncated("é!", &mut small), (2, false));
        assert_eq!(copy_truncated("éé", &mut small), (2, false));
        let mut two = [0xffu8; 2];
        assert_eq!(copy_truncated("é", &mut two), (0, false));
        assert_eq!(two[0], 0);
        assert_eq!(copy_truncated("", &mut []), (0, true));
        assert_eq!(copy_truncated("x", &mut []), (0, false));
    }

    #[test]
    fn json_carries_field_config_and_rate_limit_details() {
        set(FfiError::Core(Error::RateLimited {
            status: 429,
            detail: "slow down".into(),
            rate_limit: RateLimit {
                limit: Some(1000),
                remaining: Some(0),
                reset_unix_seconds: Some(1_760_000_000),
                retry_after: Some(Duration::from_millis(1500)),
            },
        }));
        let raw = airbyte_last_error_json();
        // SAFETY: a string this crate allocated, freed once below.
        let text = unsafe { std::ffi::CStr::from_ptr(raw) }
            .to_str()
            .unwrap()
            .to_owned();
        // SAFETY: as above.
        unsafe { crate::strings::airbyte_string_free(raw) };
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["status"], 204);
        assert_eq!(v["kind"], "rate_limited");
        assert_eq!(v["http_status"], 429);
        assert_eq!(v["rate_limit"]["retry_after_ms"], 1500);
        assert_eq!(v["rate_limit"]["remaining"], 0);
        assert_eq!(airbyte_last_error_http_status(), 429);
        assert_eq!(airbyte_last_error_status(), airbyte_status::RateLimited);

        set(FfiError::Core(Error::InvalidConfig {
            detail: "1 problem".into(),
            errors: vec![ConfigError {
                path: "/port".into(),
                message: "must be an integer".into(),
                keyword: "type".into(),
            }],
        }));
        let last = snapshot().unwrap();
        assert_eq!(last.config_errors.len(), 1);
        assert_eq!(last.http_status, None);
        clear();
        assert!(airbyte_last_error_json().is_null());
        assert_eq!(airbyte_last_error_http_status(), 0);
    }

    #[test]
    fn message_copy_leaves_the_error_in_place() {
        set(FfiError::null("client_id"));
        let mut buf = [0 as c_char; 8];
        let mut written = 99usize;
        // SAFETY: a live 8-byte buffer and a live usize.
        let status = unsafe { airbyte_last_error_message(buf.as_mut_ptr(), 8, &mut written) };
        assert_eq!(status, airbyte_status::BufferTooSmall);
        assert_eq!(written, 7);
        assert!(snapshot().is_some());
        // SAFETY: NULL with len 0 is allowed; NULL `written` is allowed.
        let status =
            unsafe { airbyte_last_error_message(std::ptr::null_mut(), 0, std::ptr::null_mut()) };
        assert_eq!(status, airbyte_status::BufferTooSmall);
        // SAFETY: NULL buffer with a length is refused before any write.
        let status = unsafe { airbyte_last_error_message(std::ptr::null_mut(), 4, &mut written) };
        assert_eq!(status, airbyte_status::NullArgument);
        assert_eq!(written, 0);
        assert_eq!(snapshot().unwrap().argument.as_deref(), Some("client_id"));
    }
}
