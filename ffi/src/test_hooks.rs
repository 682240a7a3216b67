//! Test-only entry points, compiled with the `test-panic` feature and never declared in the
//! shipped header (the C tests declare them in `ffi/tests/c/test_hooks.h`).

use crate::panic::call;
use crate::status::airbyte_status;

/// Panics inside the panic guard, to show that a panic becomes `AIRBYTE_STATUS_PANIC` and the
/// host process carries on.
/// cbindgen:ignore
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_test_panic() -> airbyte_status {
    call(|| panic!("airbyte_test_panic was called"))
}
