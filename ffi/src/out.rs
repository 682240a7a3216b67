//! Out-pointers: checked for NULL and set to NULL first, so that a failed call never leaves
//! the caller's variable holding garbage; written once, on success.

use std::ffi::c_char;

use serde::Serialize;

use crate::error::{FfiError, FfiResult};
use crate::json::to_json;
use crate::strings::into_c_string;

/// A checked, already-NULLed `T **out`.
pub struct Out<'a, T>(&'a mut *mut T);

impl<'a, T> Out<'a, T> {
    /// Checks `ptr` and sets `*ptr = NULL`.
    ///
    /// # Errors
    /// `NullArgument` naming `argument`.
    ///
    /// # Safety
    /// `ptr` is NULL or points to a writable `T *` that stays valid for `'a`.
    pub unsafe fn new(ptr: *mut *mut T, argument: &'static str) -> FfiResult<Self> {
        if ptr.is_null() {
            return Err(FfiError::null(argument));
        }
        // SAFETY: non-NULL and writable per the contract.
        let slot = unsafe { &mut *ptr };
        *slot = std::ptr::null_mut();
        Ok(Out(slot))
    }

    /// Hands `value` to the caller (boxed: the caller frees it with the type's `*_free`).
    pub fn boxed(self, value: T) -> FfiResult<()> {
        *self.0 = Box::into_raw(Box::new(value));
        Ok(())
    }
}

impl Out<'_, c_char> {
    /// Hands `text` to the caller, who frees it with `airbyte_string_free`.
    ///
    /// # Errors
    /// `Internal` when `text` holds a NUL byte.
    pub fn string(self, text: String) -> FfiResult<()> {
        *self.0 = into_c_string(text)?;
        Ok(())
    }

    /// Hands `value` as JSON text to the caller, who frees it with `airbyte_string_free`.
    ///
    /// # Errors
    /// `Internal` when `value` does not serialise.
    pub fn json<V: Serialize + ?Sized>(self, value: &V) -> FfiResult<()> {
        self.string(to_json(value)?)
    }

    /// Leaves `*out` NULL (for "nothing": the end of the pages, an absent value).
    pub fn none(self) -> FfiResult<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn out_is_nulled_first_and_written_on_success() {
        let mut byte: c_char = 1;
        let mut slot: *mut c_char = &mut byte;
        // SAFETY: a live local.
        let out = unsafe { Out::new(&mut slot, "out") }.unwrap();
        out.json(&serde_json::json!({"id": "x"})).unwrap();
        // SAFETY: just written by Out::json.
        let text = unsafe { CStr::from_ptr(slot) }.to_str().unwrap();
        assert_eq!(text, r#"{"id":"x"}"#);
        // SAFETY: freed once.
        unsafe { crate::strings::airbyte_string_free(slot) };

        let mut byte: c_char = 1;
        let mut slot: *mut c_char = &mut byte;
        // SAFETY: a live local.
        let out = unsafe { Out::new(&mut slot, "out") }.unwrap();
        assert!(out.string("a\0b".into()).is_err());
        assert!(slot.is_null());

        // SAFETY: NULL is refused.
        let e = unsafe { Out::<c_char>::new(std::ptr::null_mut(), "out_json") }
            .err()
            .unwrap();
        assert_eq!(e.argument(), Some("out_json"));
    }
}
