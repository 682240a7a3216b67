//! Test hooks for the foreign packages' own test suites.

use crate::{AirbyteError, Result};

/// The environment variable that arms [`test_only_panic`]: it panics only when this is `1`.
pub const TEST_HOOKS_ENV: &str = "AIRBYTE_EMBEDDED_TEST_HOOKS";

/// Test hook: panics with `message` inside the library, so that each package's tests prove a
/// Rust panic surfaces as an exception (Python `InternalError`, Kotlin `InternalException`,
/// Swift `UniffiInternalError`) and never crashes the host. It panics only when the
/// environment variable `AIRBYTE_EMBEDDED_TEST_HOOKS` is `1`; otherwise it does nothing but
/// return an error, so a stray call in an application is harmless. Declared as throwing so
/// that Swift can catch it.
///
/// # Errors
/// `InvalidArgument` naming `AIRBYTE_EMBEDDED_TEST_HOOKS` when the hooks are not armed.
#[uniffi::export]
pub fn test_only_panic(message: String) -> Result<()> {
    if std::env::var(TEST_HOOKS_ENV).as_deref() != Ok("1") {
        return Err(AirbyteError::InvalidArgument {
            argument: TEST_HOOKS_ENV.to_owned(),
            detail: format!("test hooks are off; set {TEST_HOOKS_ENV}=1 to arm test_only_panic"),
        });
    }
    panic!("test_only_panic: {message}")
}
