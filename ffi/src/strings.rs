//! C strings in (borrowed, checked for NULL and UTF-8) and out (allocated here, freed by
//! `airbyte_string_free`).

use std::ffi::{CStr, CString, c_char};

use crate::error::{FfiError, FfiResult};
use crate::panic::guard;

/// Borrows a required string argument.
///
/// # Errors
/// `NullArgument` or `InvalidUtf8`, naming `argument`.
///
/// # Safety
/// `ptr` is NULL or a NUL-terminated string that stays valid and unchanged for `'a`.
pub unsafe fn str_arg<'a>(ptr: *const c_char, argument: &'static str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(FfiError::null(argument));
    }
    // SAFETY: non-NULL and NUL-terminated per the contract.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    utf8(bytes, argument)
}

/// Borrows an optional string argument: NULL is `None`.
///
/// # Errors
/// `InvalidUtf8`, naming `argument`.
///
/// # Safety
/// As [`str_arg`].
pub unsafe fn opt_str_arg<'a>(
    ptr: *const c_char,
    argument: &'static str,
) -> FfiResult<Option<&'a str>> {
    if ptr.is_null() {
        Ok(None)
    } else {
        // SAFETY: forwarded contract.
        unsafe { str_arg(ptr, argument) }.map(Some)
    }
}

/// `bytes` as UTF-8, or an error naming `argument` and the first bad offset.
pub fn utf8<'a>(bytes: &'a [u8], argument: &'static str) -> FfiResult<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| FfiError::InvalidUtf8 {
        argument,
        valid_up_to: e.valid_up_to(),
    })
}

/// Moves `text` into a NUL-terminated string the caller frees with `airbyte_string_free`.
///
/// # Errors
/// `Internal` when `text` holds a NUL byte (no JSON this layer writes does: serde escapes it).
pub fn into_c_string(text: String) -> FfiResult<*mut c_char> {
    CString::new(text).map(CString::into_raw).map_err(|e| {
        FfiError::Internal(format!(
            "a result holds a NUL byte at offset {} and cannot be a C string",
            e.nul_position()
        ))
    })
}

/// Frees a string this library returned (every `char *` written through an out-pointer, and
/// `airbyte_last_error_json`'s result). NULL is a no-op.
///
/// Free each string exactly once, and only with this function (not `free()`): the library's
/// allocator owns it. Does not touch the last error.
///
/// # Safety
/// `s` is NULL or a string returned by this library and not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_string_free(s: *mut c_char) {
    guard(|| {
        if !s.is_null() {
            // SAFETY: made by `CString::into_raw` in this library and not freed yet, per the
            // contract.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

/// The library's version (`"0.1.0"`): compare it with `AIRBYTE_EMBEDDED_VERSION` from the
/// header to detect a header/library mismatch.
///
/// Returns a static string: never NULL, never free it. Does not touch the last error.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_version() -> *const c_char {
    guard(|| concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::airbyte_status;

    #[test]
    fn required_strings_refuse_null_and_bad_utf8() {
        // SAFETY: NULL is allowed by the contract.
        let e = unsafe { str_arg(std::ptr::null(), "workspace_name") }.unwrap_err();
        assert_eq!(e.status(), airbyte_status::NullArgument);
        assert_eq!(e.argument(), Some("workspace_name"));
        let bad = c"ab\xffcd";
        // SAFETY: a static NUL-terminated string.
        let e = unsafe { str_arg(bad.as_ptr(), "name") }.unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidUtf8);
        assert!(e.to_string().contains("offset 2"), "{e}");
        // SAFETY: as above.
        let ok = unsafe { str_arg(c"héllo".as_ptr(), "name") }.unwrap();
        assert_eq!(ok, "héllo");
    }

    #[test]
    fn optional_strings_read_null_as_none() {
        // SAFETY: NULL is allowed.
        let none = unsafe { opt_str_arg(std::ptr::null(), "name") }.unwrap();
        assert_eq!(none, None);
        // SAFETY: a static NUL-terminated string.
        let some = unsafe { opt_str_arg(c"x".as_ptr(), "name") }.unwrap();
        assert_eq!(some, Some("x"));
        // SAFETY: as above.
        let e = unsafe { opt_str_arg(c"\xc3".as_ptr(), "name") }.unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidUtf8);
    }

    #[test]
    fn strings_out_round_trip_and_refuse_nul() {
        let p = into_c_string("{\"a\":1}".into()).unwrap();
        // SAFETY: just made by into_c_string.
        assert_eq!(unsafe { CStr::from_ptr(p) }.to_str().unwrap(), "{\"a\":1}");
        // SAFETY: made here, freed once.
        unsafe { airbyte_string_free(p) };
        // SAFETY: NULL is a no-op.
        unsafe { airbyte_string_free(std::ptr::null_mut()) };
        let e = into_c_string("a\0b".into()).unwrap_err();
        assert_eq!(e.status(), airbyte_status::Internal);
    }

    #[test]
    fn version_matches_the_package() {
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(airbyte_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
