//! Opaque handles: a Rust value boxed for C, borrowed by calls, dropped by its `*_free`.

use crate::error::{FfiError, FfiResult};

/// Borrows a handle argument.
///
/// # Errors
/// `NullArgument` naming `argument`.
///
/// # Safety
/// `ptr` is NULL or a live handle of type `T` made by this library (not freed yet) that stays
/// live for `'a`.
pub unsafe fn handle_ref<'a, T>(ptr: *const T, argument: &'static str) -> FfiResult<&'a T> {
    // SAFETY: NULL or live per the contract; `as_ref` checks NULL.
    unsafe { ptr.as_ref() }.ok_or_else(|| FfiError::null(argument))
}

/// Borrows a handle argument mutably.
///
/// # Errors
/// `NullArgument` naming `argument`.
///
/// # Safety
/// As [`handle_ref`], and no other call uses the handle at the same time.
pub unsafe fn handle_mut<'a, T>(ptr: *mut T, argument: &'static str) -> FfiResult<&'a mut T> {
    // SAFETY: NULL or live and unshared per the contract; `as_mut` checks NULL.
    unsafe { ptr.as_mut() }.ok_or_else(|| FfiError::null(argument))
}

/// Drops a handle; NULL is a no-op.
///
/// # Safety
/// `ptr` is NULL or a live handle of type `T` made by this library (with `Box::into_raw`), not
/// freed yet and not in use by another call.
pub unsafe fn free_handle<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: made by `Box::into_raw` and not freed yet, per the contract.
        drop(unsafe { Box::from_raw(ptr) });
    }
}
