//! Test hooks for the foreign packages' own test suites.

use crate::Result;

/// Test hook: panics with `message` inside the library. Exists so that each package's tests
/// prove a Rust panic surfaces as an exception (Python `InternalError`, Kotlin
/// `InternalException`, Swift `UniffiInternalError`) and never crashes the host. Declared as
/// throwing so that Swift can catch it. Never call it outside tests.
///
/// # Errors
/// Never returns normally.
#[uniffi::export]
pub fn test_only_panic(message: String) -> Result<()> {
    panic!("test_only_panic: {message}")
}
