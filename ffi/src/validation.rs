//! Client-side validation of source configs against connector specs, secrets and form models.
//! Everything here is offline: no function sends a request.

use std::ffi::c_char;

use airbyte_embedded::validation::{self, ValidationOptions};
use serde_json::{Map, Value};

use crate::json::{json_arg, opt_json_arg};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::views::ValidatedConfigView;

/// Validates `merge(partial_default_config, source_config)` against a connector spec, as
/// sources are validated before a create or update. Sends nothing.
///
/// `spec_json`: a `ConnectorSpecification` (`{"connectionSpecification": {...}}`), a manifest
/// spec (`connection_specification`) or a bare JSON Schema. `partial_default_config_json`: NULL
/// (`{}`) or the template's defaults object. `source_config_json`: the end user's config object.
/// `options_json`: NULL (strict) or `{"assert_date_time"?: true, "coerce_scalars"?: false,
/// "skip_masked_secrets"?: false, "inject_defaults"?: true}` (any subset; unknown fields are
/// refused).
///
/// On success `*out_json` receives `{"merged", "source_config", "coercions": [{path, from,
/// to}], "defaults_applied": [pointer], "skipped_masked_secrets": [pointer]}` (`source_config`
/// is what to send), owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_CONFIG` with every problem in the last error's
/// `config_errors` (`{path: JSON pointer, message, keyword}`); `AIRBYTE_STATUS_INVALID_SPEC`;
/// `AIRBYTE_STATUS_INVALID_JSON` (an argument is not JSON, or a config is not an object).
///
/// # Safety
/// The four JSON arguments are NULL or NUL-terminated strings; `out_json` is NULL or points to
/// a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_validate_source_config(
    spec_json: *const c_char,
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
                json_arg::<Value>(spec_json, "spec_json")?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
                json_arg::<Map<String, Value>>(source_config_json, "source_config_json")?,
                opt_json_arg::<ValidationOptions>(options_json, "options_json")?,
            )
        };
        let validated = validation::validate_source_config(&spec, &defaults, &config, &options)?;
        out.json(&ValidatedConfigView::from(&validated))
    })
}

/// `partial_default_config` with `source_config` merged over it, as the service merges them
/// (user values win; a `oneOf` object is never a hybrid of two branches). Never fails on the
/// spec: unreadable parts read as "no schema". Sends nothing.
///
/// On success `*out_json` receives the merged object, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// The JSON arguments are NULL or NUL-terminated strings (`partial_default_config_json` may be
/// NULL for `{}`); `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_merge_config(
    spec_json: *const c_char,
    partial_default_config_json: *const c_char,
    source_config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, defaults, config) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
                json_arg::<Map<String, Value>>(source_config_json, "source_config_json")?,
            )
        };
        out.json(&validation::merge_config(&spec, &defaults, &config))
    })
}

/// `config_json` (any JSON value) with every value at an `airbyte_secret` path of the spec
/// replaced by `"**********"`, as the service does in responses. Never fails on the spec (an
/// unreadable spec masks nothing; use `airbyte_redact_config` for logs). Sends nothing.
///
/// On success `*out_json` receives the masked JSON, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec_json` and `config_json` are NULL or NUL-terminated strings; `out_json` is NULL or
/// points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_mask_secrets(
    spec_json: *const c_char,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, config) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
                json_arg::<Value>(config_json, "config_json")?,
            )
        };
        out.json(&validation::mask_secrets(&spec, &config))
    })
}

/// `config_json` redacted for logs: secrets masked as by `airbyte_mask_secrets`, and every
/// scalar the spec does not describe masked too (an allow-list). Sends nothing.
///
/// On success `*out_json` receives the redacted JSON, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec_json` and `config_json` are NULL or NUL-terminated strings; `out_json` is NULL or
/// points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_redact_config(
    spec_json: *const c_char,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, config) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
                json_arg::<Value>(config_json, "config_json")?,
            )
        };
        out.json(&validation::redact_config(&spec, &config))
    })
}

/// Every `airbyte_secret` path of a spec as a JSON pointer, `*` standing for any array index.
/// Sends nothing.
///
/// On success `*out_json` receives a JSON array of strings (`["/password",
/// "/tunnels/*/ssh_key"]`), owned by the caller: free it with `airbyte_string_free`.
/// Errors: `AIRBYTE_STATUS_INVALID_SPEC`.
///
/// # Safety
/// `spec_json` is NULL or a NUL-terminated string; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_secret_paths(
    spec_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
            )
        };
        out.json(&validation::secret_paths(&spec)?)
    })
}

/// JSON pointers (concrete indices) of every value in `config_json` that is exactly
/// `"**********"` at a secret path of the spec: what a fetched config hides. Sends nothing.
///
/// On success `*out_json` receives a JSON array of strings, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `spec_json` and `config_json` are NULL or NUL-terminated strings; `out_json` is NULL or
/// points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_masked_secret_paths(
    spec_json: *const c_char,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, config) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
                json_arg::<Value>(config_json, "config_json")?,
            )
        };
        out.json(&validation::masked_secret_paths(&spec, &config))
    })
}

/// The spec an end user fills for a template: the connector spec with every field the
/// template's defaults supply removed from `required` (nested objects and the selected `oneOf`
/// branch included), in the input's outer shape. Never fails on the spec. Sends nothing.
///
/// On success `*out_json` receives the spec, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `connector_spec_json` and `partial_default_config_json` (NULL for `{}`) are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_user_config_spec(
    connector_spec_json: *const c_char,
    partial_default_config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, defaults) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(connector_spec_json, "connector_spec_json")?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
            )
        };
        out.json(&validation::user_config_spec(&spec, &defaults))
    })
}

/// The form model of a spec for a template with the given defaults: `{title, description,
/// documentation_url, fields: [...], groups: [...], advanced_auth}`, each field with its key,
/// JSON pointer, kind, constraints, secret/hidden flags and `oneOf` options. Sends nothing.
///
/// On success `*out_json` receives the form, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_SPEC`.
///
/// # Safety
/// `spec_json` and `partial_default_config_json` (NULL for `{}`) are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_form_model(
    spec_json: *const c_char,
    partial_default_config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, spec, defaults) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                json_arg::<Value>(spec_json, "spec_json")?,
                opt_json_arg::<Map<String, Value>>(
                    partial_default_config_json,
                    "partial_default_config_json",
                )?,
            )
        };
        out.json(&validation::form_model(&spec, &defaults)?)
    })
}

/// Drops every compiled spec from the process-wide cache (which validation and the source
/// calls fill). Always `AIRBYTE_STATUS_OK`.
#[unsafe(no_mangle)]
pub extern "C" fn airbyte_clear_spec_cache() -> airbyte_status {
    call(|| {
        validation::clear_spec_cache();
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn options_default_like_the_core_and_refuse_unknown_fields() {
        let o: ValidationOptions = parse("{}", "options_json").unwrap();
        assert_eq!(o, ValidationOptions::default());
        let o: ValidationOptions =
            parse(r#"{"skip_masked_secrets": true}"#, "options_json").unwrap();
        assert_eq!(o, ValidationOptions::for_fetched_config());
        assert!(parse::<ValidationOptions>(r#"{"strict": true}"#, "options_json").is_err());
    }
}
