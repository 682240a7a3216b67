//! JSON in (request bodies, filters, options, configs, specs) and out (response models), and
//! `airbyte_json_pointer`, a lookup for C programs without a JSON library.

use std::ffi::c_char;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{FfiError, FfiResult};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// Parses `text` as a `T`, or an `InvalidJson` error naming `argument`.
pub fn parse<T: DeserializeOwned>(text: &str, argument: &'static str) -> FfiResult<T> {
    serde_json::from_str(text).map_err(|e| FfiError::InvalidJson {
        argument,
        // serde quotes the offending value, which may be megabytes or a secret.
        reason: airbyte_embedded::redact::clean(&format!("not the expected JSON: {e}")),
    })
}

/// Parses a required JSON argument.
///
/// # Errors
/// `NullArgument`, `InvalidUtf8` or `InvalidJson`, naming `argument`.
///
/// # Safety
/// As [`str_arg`].
pub unsafe fn json_arg<T: DeserializeOwned>(
    ptr: *const c_char,
    argument: &'static str,
) -> FfiResult<T> {
    // SAFETY: forwarded contract.
    parse(unsafe { str_arg(ptr, argument) }?, argument)
}

/// Parses an optional JSON argument: NULL is `T::default()`.
///
/// # Errors
/// `InvalidUtf8` or `InvalidJson`, naming `argument`.
///
/// # Safety
/// As [`str_arg`].
pub unsafe fn opt_json_arg<T: DeserializeOwned + Default>(
    ptr: *const c_char,
    argument: &'static str,
) -> FfiResult<T> {
    // SAFETY: forwarded contract.
    match unsafe { opt_str_arg(ptr, argument) }? {
        Some(text) => parse(text, argument),
        None => Ok(T::default()),
    }
}

/// `value` as compact JSON text.
///
/// # Errors
/// `Internal` when it does not serialise (a map with non-string keys; none of the SDK's models).
pub fn to_json<V: Serialize + ?Sized>(value: &V) -> FfiResult<String> {
    serde_json::to_string(value)
        .map_err(|e| FfiError::Internal(format!("a result does not serialise: {e}")))
}

/// The value at `pointer` in `document`: strings unquoted, anything else as JSON text.
pub fn lookup(document: &Value, pointer: &str) -> Option<String> {
    match document.pointer(pointer)? {
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Looks up an RFC 6901 JSON pointer (`"/id"`, `"/data/0/name"`, `""` for the whole document)
/// in `json`, for C programs without a JSON library.
///
/// On success `*out` receives the value: a string's text without quotes or escapes, any other
/// value as compact JSON (`42`, `true`, `null`, `{"a":1}`); or NULL when nothing is at
/// `pointer` (walk an array with `/0`, `/1`, … until NULL). `*out` is owned by the caller: free
/// it with `airbyte_string_free`. Errors: NULL arguments, invalid UTF-8, `json` not JSON
/// (`AIRBYTE_STATUS_INVALID_JSON`), a string value holding a NUL character
/// (`AIRBYTE_STATUS_INTERNAL`).
///
/// # Safety
/// `json` and `pointer` are NULL or NUL-terminated strings; `out` is NULL or points to a
/// writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_json_pointer(
    json: *const c_char,
    pointer: *const c_char,
    out: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, document, pointer) = unsafe {
            (
                Out::new(out, "out")?,
                json_arg::<Value>(json, "json")?,
                str_arg(pointer, "pointer")?,
            )
        };
        match lookup(&document, pointer) {
            Some(text) => out.string(text),
            None => out.none(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lookup_unquotes_strings_only() {
        let doc = json!({"id": "t1", "n": 5, "data": [{"name": "a\"b"}], "x": null});
        assert_eq!(lookup(&doc, "/id").as_deref(), Some("t1"));
        assert_eq!(lookup(&doc, "/n").as_deref(), Some("5"));
        assert_eq!(lookup(&doc, "/data/0/name").as_deref(), Some("a\"b"));
        assert_eq!(lookup(&doc, "/data/1"), None);
        assert_eq!(lookup(&doc, "/x").as_deref(), Some("null"));
        assert_eq!(
            lookup(&doc, "/data").as_deref(),
            Some(r#"[{"name":"a\"b"}]"#)
        );
        assert_eq!(lookup(&doc, "nope"), None);
    }

    #[test]
    fn parse_errors_name_the_argument() {
        let e = parse::<Value>("{\"a\": ", "source_json").unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidJson);
        assert_eq!(e.argument(), Some("source_json"));
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn optional_json_defaults_on_null() {
        // SAFETY: NULL is allowed.
        let v: Vec<String> = unsafe { opt_json_arg(std::ptr::null(), "tags") }.unwrap();
        assert!(v.is_empty());
    }
}
