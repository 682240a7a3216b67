//! The one panic boundary every `extern "C"` function goes through.
//!
//! A panic must never unwind into C (that aborts the process). [`guard`] runs an entry point's
//! body under `catch_unwind`; a panic becomes the return type's [`PanicValue`]
//! (`AIRBYTE_STATUS_PANIC`, NULL, 0 or nothing) and the calling thread's last error.
//! [`call`] adds the convention of the status-returning functions on top: clear the last error,
//! run, turn an `Err` into its status and last error.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::FfiResult;
use crate::last_error;
use crate::status::airbyte_status;

/// What an entry point returns when its body panicked.
pub trait PanicValue {
    /// The value returned to C after a caught panic.
    fn on_panic() -> Self;
}

impl PanicValue for airbyte_status {
    fn on_panic() -> Self {
        airbyte_status::Panic
    }
}

impl PanicValue for () {
    fn on_panic() -> Self {}
}

impl PanicValue for u16 {
    fn on_panic() -> Self {
        0
    }
}

impl<T> PanicValue for *const T {
    fn on_panic() -> Self {
        std::ptr::null()
    }
}

impl<T> PanicValue for *mut T {
    fn on_panic() -> Self {
        std::ptr::null_mut()
    }
}

/// Runs `body`, catching any panic: the panic's message becomes the last error (status
/// `AIRBYTE_STATUS_PANIC`) and `R::on_panic()` is returned.
///
/// `AssertUnwindSafe`: after a panic the C caller is told (the status, and the documented rule
/// that a handle used in a panicking call should be freed); the core's shared state (token
/// caches) is behind mutexes that tolerate poisoning.
pub fn guard<R: PanicValue>(body: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            last_error::set_panic(panic_message(payload.as_ref()));
            R::on_panic()
        }
    }
}

/// The convention of every status-returning entry point: the last error is cleared first (so no
/// error text outlives a success), then `body` runs inside [`guard`]; `Err` becomes its status
/// and the last error.
pub fn call(body: impl FnOnce() -> FfiResult<()>) -> airbyte_status {
    guard(|| {
        last_error::clear();
        match body() {
            Ok(()) => airbyte_status::Ok,
            Err(e) => last_error::set(e),
        }
    })
}

/// The text of a panic payload (`panic!("...")` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    format!("a panic was caught at the C boundary (a bug in airbyte-embedded): {text}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FfiError;

    fn quietly<R>(f: impl FnOnce() -> R) -> R {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let r = f();
        std::panic::set_hook(hook);
        r
    }

    #[test]
    fn a_panic_becomes_the_panic_status_and_last_error() {
        let status = quietly(|| call(|| panic!("boom {}", 42)));
        assert_eq!(status, airbyte_status::Panic);
        let last = last_error::snapshot().unwrap();
        assert_eq!(last.status, airbyte_status::Panic);
        assert!(last.message.contains("boom 42"), "{}", last.message);
    }

    #[test]
    fn a_panic_in_a_pointer_function_returns_null() {
        let p: *const u8 = quietly(|| guard(|| panic!("static text")));
        assert!(p.is_null());
        assert!(
            last_error::snapshot()
                .unwrap()
                .message
                .contains("static text")
        );
    }

    #[test]
    fn success_clears_an_earlier_error() {
        let status = call(|| Err(FfiError::null("id")));
        assert_eq!(status, airbyte_status::NullArgument);
        assert!(last_error::snapshot().is_some());
        assert_eq!(call(|| Ok(())), airbyte_status::Ok);
        assert!(last_error::snapshot().is_none());
    }
}
