//! Sources and checks, for the operator (`/integrations/sources`, operator token) and for end
//! users (`/embedded/sources`, scoped token): the same operations on two handles, so each
//! `extern "C"` function is a one-line delegation to a generic helper here.

use std::ffi::c_char;

use airbyte_embedded::sources::{SourceCreate, SourceUpdate, Sources};
use airbyte_embedded::{WaitOptions, WriteOptions};

use crate::end_user::airbyte_end_user_client;
use crate::handle::handle_ref;
use crate::json::{json_arg, opt_json_arg};
use crate::operator::airbyte_operator_client;
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// A handle whose client has a sources area.
pub trait HasSources {
    /// The client's sources area.
    fn sources(&self) -> Sources<'_>;
}

impl HasSources for airbyte_operator_client {
    fn sources(&self) -> Sources<'_> {
        self.client.sources()
    }
}

impl HasSources for airbyte_end_user_client {
    fn sources(&self) -> Sources<'_> {
        self.client.sources()
    }
}

/// # Safety
/// Each pointer is NULL or valid as the public functions' `# Safety` sections say.
unsafe fn list<H: HasSources>(
    client: *const H,
    workspace_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, workspace_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(workspace_id, "workspace_id")?,
            )
        };
        out.json(&h.sources().list(workspace_id)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn get<H: HasSources>(
    client: *const H,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(id, "id")?,
            )
        };
        out.json(&h.sources().get(id)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn create<H: HasSources>(
    client: *const H,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, source, options) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                json_arg::<SourceCreate>(source_json, "source_json")?,
                opt_json_arg::<WriteOptions>(options_json, "options_json")?,
            )
        };
        out.json(&h.sources().create_with(&source, &options)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn update<H: HasSources>(
    client: *const H,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, id, update, options) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(id, "id")?,
                json_arg::<SourceUpdate>(update_json, "update_json")?,
                opt_json_arg::<WriteOptions>(options_json, "options_json")?,
            )
        };
        out.json(&h.sources().update_with(id, &update, &options)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn delete<H: HasSources>(
    client: *const H,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(id, "id")?,
            )
        };
        out.json(&h.sources().delete(id)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn check_config<H: HasSources>(
    client: *const H,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, source, options) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                json_arg::<SourceCreate>(source_json, "source_json")?,
                opt_json_arg::<WriteOptions>(options_json, "options_json")?,
            )
        };
        out.json(&h.sources().check_config(&source, &options)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn check<H: HasSources>(
    client: *const H,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, id, update, options) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(id, "id")?,
                opt_json_arg::<SourceUpdate>(update_json, "update_json")?,
                opt_json_arg::<WriteOptions>(options_json, "options_json")?,
            )
        };
        out.json(&h.sources().check(id, &update, &options)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn check_status<H: HasSources>(
    client: *const H,
    check_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, check_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(check_id, "check_id")?,
            )
        };
        out.json(&h.sources().check_status(check_id)?)
    })
}

/// # Safety
/// As [`list`].
unsafe fn wait_for_check<H: HasSources>(
    client: *const H,
    check_id: *const c_char,
    wait_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, h, check_id, wait) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                handle_ref(client, "client")?,
                str_arg(check_id, "check_id")?,
                opt_json_arg::<WaitOptions>(wait_json, "wait_json")?,
            )
        };
        out.json(&h.sources().wait_for_check(check_id, &wait)?)
    })
}

/// Lists a workspace's sources. `GET /integrations/sources?workspace_id=…`.
///
/// On success `*out_json` receives a JSON array of `SourceSummary` objects (`{id, name,
/// summarized_source_template, created_at, updated_at}`), owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (empty id),
/// `AIRBYTE_STATUS_FORBIDDEN`.
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_list(
    client: *const airbyte_operator_client,
    workspace_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { list(client, workspace_id, out_json) }
}

/// Reads one source, secrets masked as `**********`. `GET /integrations/sources/{id}`.
///
/// On success `*out_json` receives a `Source` object (`{id, name, source_template,
/// source_config, created_at, updated_at}`), owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_get(
    client: *const airbyte_operator_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { get(client, id, out_json) }
}

/// Creates a source, first validating `merge(template defaults, source_config)` against the
/// template's spec (one read of the template, cached for a minute) unless `options_json` says
/// `"validate": false`. `POST /integrations/sources`.
///
/// `source_json`: `{"workspace_id", "source_template_id", "source_config": {...} (raw JSON,
/// sent as is), "name"?, "selected_connection_template_tags"?: [],
/// "selected_connection_template_tags_mode"?: "any"}`. `options_json` is NULL (validate,
/// strictly) or `{"validate"?: true, "validation"?: {...}}` with the validation options of
/// `airbyte_validate_source_config`. On success `*out_json` receives the new `Source` (secrets
/// masked), owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_CONFIG` listing every problem in the last error's
/// `config_errors` (nothing sent; a `**********` mask sent back at a secret path is one),
/// `AIRBYTE_STATUS_VALIDATION`, `AIRBYTE_STATUS_NOT_FOUND` (unknown template).
///
/// # Safety
/// `client` is NULL or a live handle; `source_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_create(
    client: *const airbyte_operator_client,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { create(client, source_json, options_json, out_json) }
}

/// Replaces a source's name and/or user config, validating a new config first (as
/// `airbyte_operator_sources_create`, after reading the source). `PUT /integrations/sources/{id}`.
///
/// `update_json`: `{"name"?, "source_config"?}`; `options_json` as for create. On success
/// `*out_json` receives the updated `Source`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as create, plus `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id`, `update_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_update(
    client: *const airbyte_operator_client,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { update(client, id, update_json, options_json, out_json) }
}

/// Deletes a source. `DELETE /integrations/sources/{id}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_delete(
    client: *const airbyte_operator_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { delete(client, id, out_json) }
}

/// Starts a check of a config before any source exists (validated first, as
/// `airbyte_operator_sources_create`). `POST /integrations/sources/check`.
///
/// On success `*out_json` receives `{"id"}` of the check job, owned by the caller: free it
/// with `airbyte_string_free`. Poll it with `airbyte_operator_sources_check_status` or
/// `airbyte_operator_sources_wait_for_check`. Errors: as create.
///
/// # Safety
/// `client` is NULL or a live handle; `source_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_check_config(
    client: *const airbyte_operator_client,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check_config(client, source_json, options_json, out_json) }
}

/// Starts a check of an existing source, optionally with a changed config (`update_json` NULL
/// or `{"name"?, "source_config"?}`, validated first). `POST /integrations/sources/{id}/check`.
///
/// On success `*out_json` receives `{"id"}` of the check job, owned by the caller: free it
/// with `airbyte_string_free`. Errors: as update.
///
/// # Safety
/// `client` is NULL or a live handle; `id`, `update_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_check(
    client: *const airbyte_operator_client,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check(client, id, update_json, options_json, out_json) }
}

/// Reads a check job's status. `GET /integrations/sources/check/{id}/status`.
///
/// On success `*out_json` receives a `CheckStatus` (`{id, status: "pending"|"running"|
/// "cancelled"|"failed"|"succeeded", error_message, failure_reason, enhanced_error_message}`),
/// owned by the caller: free it with `airbyte_string_free`. `status: failed` is a normal
/// answer (the config does not work), not an error. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `check_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_check_status(
    client: *const airbyte_operator_client,
    check_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check_status(client, check_id, out_json) }
}

/// Polls a check job until it finishes (blocking the calling thread), pausing
/// `initial_interval_ms`, then 1.5 times longer each time up to `max_interval_ms`.
///
/// `wait_json` is NULL or `{"timeout_ms"?: 120000, "initial_interval_ms"?: 250,
/// "max_interval_ms"?: 5000}`. On success `*out_json` receives the final `CheckStatus`
/// (`failed` included), owned by the caller: free it with `airbyte_string_free`.
/// Errors: `AIRBYTE_STATUS_TIMEOUT` when the job has not finished in time; as
/// `airbyte_operator_sources_check_status`.
///
/// # Safety
/// `client` is NULL or a live handle; `check_id` and `wait_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_wait_for_check(
    client: *const airbyte_operator_client,
    check_id: *const c_char,
    wait_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { wait_for_check(client, check_id, wait_json, out_json) }
}

/// Lists the end user's sources in a workspace. `GET /embedded/sources?workspace_id=…`.
/// As `airbyte_operator_sources_list`; `AIRBYTE_STATUS_FORBIDDEN` for another workspace.
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_list(
    client: *const airbyte_end_user_client,
    workspace_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { list(client, workspace_id, out_json) }
}

/// Reads one of the end user's sources. `GET /embedded/sources/{id}`. As
/// `airbyte_operator_sources_get`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_get(
    client: *const airbyte_end_user_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { get(client, id, out_json) }
}

/// Creates a source for the end user, validated first. `POST /embedded/sources`. As
/// `airbyte_operator_sources_create` (same JSON, options, ownership and errors).
///
/// # Safety
/// `client` is NULL or a live handle; `source_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_create(
    client: *const airbyte_end_user_client,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { create(client, source_json, options_json, out_json) }
}

/// Updates one of the end user's sources, validated first. `PUT /embedded/sources/{id}`. As
/// `airbyte_operator_sources_update`.
///
/// # Safety
/// `client` is NULL or a live handle; `id`, `update_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_update(
    client: *const airbyte_end_user_client,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { update(client, id, update_json, options_json, out_json) }
}

/// Deletes one of the end user's sources. `DELETE /embedded/sources/{id}`. As
/// `airbyte_operator_sources_delete`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_delete(
    client: *const airbyte_end_user_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { delete(client, id, out_json) }
}

/// Starts a check of a config before any source exists. `POST /embedded/sources/check`. As
/// `airbyte_operator_sources_check_config`.
///
/// # Safety
/// `client` is NULL or a live handle; `source_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_check_config(
    client: *const airbyte_end_user_client,
    source_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check_config(client, source_json, options_json, out_json) }
}

/// Starts a check of one of the end user's sources. `POST /embedded/sources/{id}/check`. As
/// `airbyte_operator_sources_check`.
///
/// # Safety
/// `client` is NULL or a live handle; `id`, `update_json` and `options_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_check(
    client: *const airbyte_end_user_client,
    id: *const c_char,
    update_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check(client, id, update_json, options_json, out_json) }
}

/// Reads a check job's status. `GET /embedded/sources/check/{id}/status`. As
/// `airbyte_operator_sources_check_status`.
///
/// # Safety
/// `client` is NULL or a live handle; `check_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_check_status(
    client: *const airbyte_end_user_client,
    check_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { check_status(client, check_id, out_json) }
}

/// Polls a check job until it finishes (blocking). As
/// `airbyte_operator_sources_wait_for_check`.
///
/// # Safety
/// `client` is NULL or a live handle; `check_id` and `wait_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_sources_wait_for_check(
    client: *const airbyte_end_user_client,
    check_id: *const c_char,
    wait_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    // SAFETY: same contract.
    unsafe { wait_for_check(client, check_id, wait_json, out_json) }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use airbyte_embedded::TagsMode;
    use serde_json::Map;

    use super::*;
    use crate::json::parse;

    #[test]
    fn source_defaults_match_the_core() {
        let source: SourceCreate = parse(
            r#"{"workspace_id": "w", "source_template_id": "t", "source_config": {"start_date": "2024-01-01T00:00:00.000Z"}}"#,
            "source_json",
        )
        .unwrap();
        let mut config = Map::new();
        config.insert("start_date".into(), "2024-01-01T00:00:00.000Z".into());
        assert_eq!(
            serde_json::to_string(&source).unwrap(),
            serde_json::to_string(&SourceCreate::new("w", "t", config)).unwrap()
        );
        let source: SourceCreate = parse(
            r#"{"workspace_id": "w", "source_template_id": "t", "selected_connection_template_tags_mode": "all"}"#,
            "source_json",
        )
        .unwrap();
        assert!(source.source_config.is_empty());
        assert_eq!(
            source.selected_connection_template_tags_mode,
            Some(TagsMode::All)
        );
        assert!(parse::<SourceCreate>(r#"{"workspace_id": "w"}"#, "source_json").is_err());
        assert!(
            parse::<SourceCreate>(
                r#"{"workspace_id": "w", "source_template_id": "t", "config": {}}"#,
                "source_json"
            )
            .is_err()
        );
    }

    #[test]
    fn updates_send_only_what_is_given() {
        let update: SourceUpdate = parse(r#"{"name": "n"}"#, "update_json").unwrap();
        assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"name":"n"}"#);
        assert!(parse::<SourceUpdate>(r#"{"names": "n"}"#, "update_json").is_err());
    }

    #[test]
    fn options_default_to_the_core_defaults() {
        let o: WriteOptions = parse("{}", "options_json").unwrap();
        assert_eq!(o, WriteOptions::default());
        let o: WriteOptions = parse(
            r#"{"validation": {"coerce_scalars": true}}"#,
            "options_json",
        )
        .unwrap();
        assert!(o.validate);
        assert!(o.validation.coerce_scalars);
        assert!(o.validation.assert_date_time);
        let o: WriteOptions = parse(r#"{"validate": false}"#, "options_json").unwrap();
        assert_eq!(o, WriteOptions::unvalidated());
        assert!(parse::<WriteOptions>(r#"{"strict": true}"#, "options_json").is_err());
        assert!(
            parse::<WriteOptions>(r#"{"validation": {"strict": true}}"#, "options_json").is_err()
        );
        let w: WaitOptions = parse("{}", "wait_json").unwrap();
        assert_eq!(w, WaitOptions::default());
        let w: WaitOptions = parse(r#"{"timeout_ms": 1500}"#, "wait_json").unwrap();
        assert_eq!(
            w,
            WaitOptions {
                timeout: Duration::from_millis(1500),
                ..WaitOptions::default()
            }
        );
        assert!(parse::<WaitOptions>(r#"{"timeout": 1500}"#, "wait_json").is_err());
    }
}
