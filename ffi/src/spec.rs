//! A connector spec compiled once (`airbyte_spec`), for validating many configs against it
//! without parsing, hashing or looking the spec up again. Offline: nothing here sends a
//! request.

use std::ffi::c_char;

use airbyte_embedded::validation::{Spec, ValidationOptions};
use serde_json::{Map, Value};

use crate::error::{FfiError, FfiResult};
use crate::handle::{free_handle, handle_ref};
use crate::json::{json_arg, opt_json_arg};
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::views::ValidatedConfigView;

/// A compiled connector spec.
///
/// Opaque. Made by `airbyte_spec_compile`, released by `airbyte_spec_free`. Immutable and
/// thread-safe: one handle may be used by many threads at once; only its `airbyte_spec_free`
/// must not race with other calls on it.
pub struct airbyte_spec {
    compiled: Spec,
    /// The spec as given, for the form's `documentation_url` and `advanced_auth`.
    connector_spec: Value,
}

/// Borrows the spec behind a handle argument.
///
/// # Safety
/// `ptr` is NULL or a live `airbyte_spec`.
unsafe fn spec<'a>(ptr: *const airbyte_spec) -> FfiResult<&'a airbyte_spec> {
    // SAFETY: forwarded contract.
    unsafe { handle_ref(ptr, "spec") }
}

/// Compiles a connector spec (or takes the compiled form from the process-wide cache, when a
/// spec with the same connection schema was compiled before). Sends nothing.
///
/// `spec_json`: a `ConnectorSpecification` (`{"connectionSpecification": {...}}`), a manifest
/// spec (`connection_specification`) or a bare JSON Schema.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_spec_free`. The text is not kept; the caller keeps it.
///
/// Errors: `AIRBYTE_STATUS_INVALID_SPEC` (not a JSON Schema, an unknown `$schema`, a remote
/// `$ref`, ...); `AIRBYTE_STATUS_INVALID_JSON`.
///
/// # Safety
/// `spec_json` is NULL or a NUL-terminated string; `out` is NULL or points to a writable
/// `airbyte_spec *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_compile(
    spec_json: *const c_char,
    out: *mut *mut airbyte_spec,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, connector_spec) = unsafe {
            (
                Out::new(out, "out")?,
                json_arg::<Value>(spec_json, "spec_json")?,
            )
        };
        let compiled = Spec::load(&connector_spec)?;
        out.boxed(airbyte_spec {
            compiled,
            connector_spec,
        })
    })
}

/// Validates `merge(partial_default_config, source_config)` against a compiled spec: what
/// `airbyte_validate_source_config` answers with the spec text the handle was made from.
/// Sends nothing.
///
/// `partial_default_config_json`: NULL (`{}`) or the template's defaults object.
/// `source_config_json`: the end user's config object. `options_json`: NULL (strict) or
/// `{"assert_date_time"?: true, "coerce_scalars"?: false, "skip_masked_secrets"?: false,
/// "inject_defaults"?: true}` (any subset; unknown fields are refused).
///
/// On success `*out_json` receives `{"merged", "source_config", "coercions": [{path, from,
/// to}], "defaults_applied": [pointer], "skipped_masked_secrets": [pointer]}` (`source_config`
/// is what to send), owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_CONFIG` with every problem in the last error's
/// `config_errors` (`{path: JSON pointer, message, keyword}`); `AIRBYTE_STATUS_INVALID_JSON`
/// (an argument is not JSON, or a config is not an object).
///
/// # Safety
/// `spec` is NULL or a live handle; the JSON arguments are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_validate(
    spec: *const airbyte_spec,
    partial_default_config_json: *const c_char,
    source_config_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, defaults, config, options) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                self::spec(spec)?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
                json_arg::<Map<String, Value>>(source_config_json, "source_config_json")?,
                opt_json_arg::<ValidationOptions>(options_json, "options_json")?,
            )
        };
        let validated = spec.compiled.validate(&defaults, &config, &options)?;
        out.json(&ValidatedConfigView::from(&validated))
    })
}

/// Whether `source_config_json` (a config object) passes the compiled spec with no template
/// defaults and the strict options: exactly when `airbyte_spec_validate(spec, NULL,
/// source_config_json, NULL, ...)` would answer `AIRBYTE_STATUS_OK`, without writing the
/// validated config or describing the problems (an invalid config is `*out_valid == false`
/// with `AIRBYTE_STATUS_OK`). Sends nothing.
///
/// Errors: `AIRBYTE_STATUS_INVALID_JSON` (the config is not JSON, or not an object);
/// `AIRBYTE_STATUS_INVALID_UTF8`; `AIRBYTE_STATUS_NULL_ARGUMENT`. `*out_valid` is `false` after
/// any error.
///
/// # Safety
/// `spec` is NULL or a live handle; `source_config_json` is NULL or a NUL-terminated string;
/// `out_valid` is NULL or points to a writable `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_is_valid(
    spec: *const airbyte_spec,
    source_config_json: *const c_char,
    out_valid: *mut bool,
) -> airbyte_status {
    call(|| {
        if out_valid.is_null() {
            return Err(FfiError::null("out_valid"));
        }
        // SAFETY: non-NULL, and writable by the caller's contract.
        unsafe { *out_valid = false };
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (spec, config) = unsafe {
            (
                self::spec(spec)?,
                json_arg::<Map<String, Value>>(source_config_json, "source_config_json")?,
            )
        };
        let valid = spec.compiled.is_valid(&config);
        // SAFETY: as above.
        unsafe { *out_valid = valid };
        Ok(())
    })
}

/// `config_json` (any JSON value) with every value at an `airbyte_secret` path of the spec
/// replaced by `"**********"`, as `airbyte_mask_secrets` answers. Sends nothing.
///
/// On success `*out_json` receives the masked JSON, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec` is NULL or a live handle; `config_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_mask_secrets(
    spec: *const airbyte_spec,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, config) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                self::spec(spec)?,
                json_arg::<Value>(config_json, "config_json")?,
            )
        };
        out.json(&spec.compiled.mask_secrets(&config))
    })
}

/// Every `airbyte_secret` path of the spec as a JSON pointer, `*` standing for any array
/// index, as `airbyte_secret_paths` answers. Sends nothing.
///
/// On success `*out_json` receives a JSON array of strings, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_secret_paths(
    spec: *const airbyte_spec,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec) = unsafe { (Out::new(out_json, "out_json")?, self::spec(spec)?) };
        out.json(spec.compiled.secret_paths())
    })
}

/// The form model of the spec for a template with the given defaults, as
/// `airbyte_form_model` answers. Sends nothing.
///
/// On success `*out_json` receives the form, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec` is NULL or a live handle; `partial_default_config_json` is NULL (`{}`) or a
/// NUL-terminated string; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_form(
    spec: *const airbyte_spec,
    partial_default_config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, defaults) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                self::spec(spec)?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
            )
        };
        out.json(&spec.compiled.form_with(&spec.connector_spec, &defaults))
    })
}

/// Releases a compiled spec. NULL is a no-op. Does not touch the last error.
///
/// # Safety
/// `spec` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_spec_free(spec: *mut airbyte_spec) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(spec) })
}
