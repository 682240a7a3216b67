//! The entry points the Python package calls instead of the generated code: `Spec.is_valid`
//! on JSON text (`bindings/python/.../_spec.py`). A generated call clones the object's handle,
//! allocates a buffer for its argument, fills a status struct and reads its result, each step
//! a call of its own: together several microseconds, ten times what validating a small config
//! costs. Here the answer is one call, with nothing allocated on either side; every error (text
//! that is not a JSON object) is left to the generated call, which raises it typed.
//!
//! Two ways in: [`airbyte_embedded_spec_is_valid_text`], a C function for `ctypes` (any
//! Python), and a CPython builtin function made from the method definition that [`builtin`]
//! hands out, which skips `ctypes`' own per-call cost (about a microsecond).

pub mod builtin;

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::validation::Spec;

/// The config is valid.
pub(crate) const VALID: i8 = 1;
/// The config is a JSON object that the spec refuses.
pub(crate) const INVALID: i8 = 0;
/// No answer: the text is not UTF-8, not JSON or not an object (or the handle or text pointer
/// is NULL); the generated method raises the error to show.
const NOT_AN_OBJECT: i8 = -1;
/// Validation panicked (a bug): the generated call reports it as uniffi does.
const PANICKED: i8 = -2;

/// Whether the `len` bytes at `text` are the JSON text of a source config that the spec behind
/// `spec` accepts, as `Spec.is_valid_text` answers (`as_object` 0) or as `Spec.is_valid` answers
/// for the text given as its argument (`as_object` 1: blank text is `{}`): `1` valid, `0`
/// invalid, `-1` when the method would raise (text that is not UTF-8 or not a JSON object) or
/// `spec` or `text` is NULL, `-2` when validation panicked. Sends nothing; does not block.
///
/// # Safety
/// `spec` is the uniffi handle (`_handle` in Python) of a live `Spec` that stays alive, and is
/// not freed, until this returns; `text` points to `len` readable bytes (or is any pointer
/// when `len` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_embedded_spec_is_valid_text(
    spec: u64,
    text: *const u8,
    len: usize,
    as_object: u8,
) -> i8 {
    if spec == 0 || (text.is_null() && len > 0) {
        return NOT_AN_OBJECT;
    }
    let answer = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: a uniffi handle of a Rust object is `Arc::into_raw` of it (`Handle::from_arc`),
        // a pointer to the `Spec`, alive for the call by the caller's contract.
        let spec = unsafe { &*(spec as usize as *const Spec) };
        let bytes = if len == 0 {
            &[][..]
        } else {
            // SAFETY: `len` readable bytes at `text`, by the caller's contract.
            unsafe { std::slice::from_raw_parts(text, len) }
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            return NOT_AN_OBJECT;
        };
        match spec.is_valid_answer(text, as_object != 0) {
            Some(true) => VALID,
            Some(false) => INVALID,
            None => NOT_AN_OBJECT,
        }
    }));
    answer.unwrap_or(PANICKED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use uniffi::{Handle, Lift, Lower};

    /// The handle the foreign side holds, made as uniffi makes it; taken back (and the spec
    /// freed) by `free`.
    fn handle(spec: Arc<Spec>) -> u64 {
        <Arc<Spec> as Lower<crate::UniFfiTag>>::lower(spec).as_raw()
    }

    fn free(handle: u64) {
        drop(
            <Arc<Spec> as Lift<crate::UniFfiTag>>::try_lift(Handle::from_raw_unchecked(handle))
                .unwrap(),
        );
    }

    fn answer(handle: u64, text: &str) -> i8 {
        answer_as(handle, text, 0)
    }

    fn answer_as(handle: u64, text: &str, as_object: u8) -> i8 {
        // SAFETY: a live handle and the text's own bytes.
        unsafe { airbyte_embedded_spec_is_valid_text(handle, text.as_ptr(), text.len(), as_object) }
    }

    #[test]
    fn answers_as_is_valid_text_through_a_uniffi_handle() {
        let spec = Spec::from_text(
            r#"{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}"#.into(),
        )
        .unwrap();
        let h = handle(Arc::clone(&spec));
        for text in [r#"{"n":1}"#, r#"{"n":"x"}"#, "{}"] {
            let expected = spec.is_valid_text(text.to_owned()).unwrap();
            assert_eq!(answer(h, text), i8::from(expected), "{text}");
        }
        assert_eq!(answer(h, r#"{"n":1}"#), VALID);
        assert_eq!(answer(h, "{}"), INVALID);
        for text in ["[1]", "{", "", "\"x\""] {
            assert!(spec.is_valid_text(text.to_owned()).is_err(), "{text}");
            assert_eq!(answer(h, text), NOT_AN_OBJECT, "{text}");
        }
        // SAFETY: invalid UTF-8 of the given length.
        let not_utf8 =
            unsafe { airbyte_embedded_spec_is_valid_text(h, [0xff, 0xfe].as_ptr(), 2, 0) };
        assert_eq!(not_utf8, NOT_AN_OBJECT);
        // SAFETY: a null handle and null text are refused before either is read.
        let null = unsafe { airbyte_embedded_spec_is_valid_text(0, std::ptr::null(), 3, 0) };
        assert_eq!(null, NOT_AN_OBJECT);
        // As `is_valid`'s object argument: blank text is `{}` (lifted as uniffi lifts it),
        // and the stand-in of unparsed text is left to the generated call, which refuses it.
        for blank in ["", "  ", "\n"] {
            assert_eq!(answer_as(h, blank, 1), INVALID, "{blank:?}");
            assert_eq!(answer_as(h, blank, 0), NOT_AN_OBJECT, "{blank:?}");
        }
        let stand_in = r#"{"\u0000airbyte-embedded: unparsed JSON text": "x", "n": 1}"#;
        assert_eq!(answer_as(h, stand_in, 1), NOT_AN_OBJECT);
        assert_eq!(answer_as(h, stand_in, 0), VALID);
        assert_eq!(answer_as(h, r#"{"n":1}"#, 1), VALID);
        free(h);
    }
}
