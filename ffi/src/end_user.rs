//! The end-user client handle: creation, configuration, token info, and the source templates
//! offered to the end user. Its sources and checks are in `sources.rs`.

use std::ffi::c_char;

use airbyte_embedded::{EndUserClient, ScopedToken, TagFilter};

use crate::config::ConfigOptions;
use crate::error::FfiResult;
use crate::handle::{free_handle, handle_ref};
use crate::json::opt_json_arg;
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::strings::str_arg;
use crate::views::{ConfigView, RateLimitView};

/// An end user's client (one workspace, a scoped token): the source templates offered to them,
/// their sources and checks.
///
/// Opaque. Made by `airbyte_end_user_client_new` (a scoped token used as is: a 401 is final) or
/// `airbyte_operator_end_user_client` (the operator client mints and re-mints the token);
/// released by `airbyte_end_user_client_free`. Thread-safe like `airbyte_operator_client`.
pub struct airbyte_end_user_client {
    pub(crate) client: EndUserClient,
}

/// Borrows the end-user client behind a handle argument.
///
/// # Safety
/// `ptr` is NULL or a live `airbyte_end_user_client`.
pub(crate) unsafe fn end_user<'a>(
    ptr: *const airbyte_end_user_client,
) -> FfiResult<&'a EndUserClient> {
    // SAFETY: forwarded contract.
    Ok(&unsafe { handle_ref(ptr, "client") }?.client)
}

/// Creates an end-user client that uses `scoped_token` as is (for example a token received from
/// the operator's backend). It cannot refresh the token: a 401 is final. Sends nothing.
///
/// `config_json` is NULL or the options object described at `airbyte_operator_client_new`.
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_end_user_client_free`. The strings are copied; the caller keeps them.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty `token`, a bad option),
/// `AIRBYTE_STATUS_INVALID_JSON`, NULL or non-UTF-8 arguments.
///
/// # Safety
/// `config_json` and `scoped_token` are NULL or NUL-terminated strings; `out` is NULL or points
/// to a writable `airbyte_end_user_client *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_client_new(
    config_json: *const c_char,
    scoped_token: *const c_char,
    out: *mut *mut airbyte_end_user_client,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, options, token) = unsafe {
            (
                Out::new(out, "out")?,
                opt_json_arg::<ConfigOptions>(config_json, "config_json")?,
                str_arg(scoped_token, "scoped_token")?,
            )
        };
        let client = EndUserClient::new(options.build()?, ScopedToken::new(token))?;
        out.boxed(airbyte_end_user_client { client })
    })
}

/// Releases an end-user client. NULL is a no-op. Does not touch the last error.
///
/// # Safety
/// `client` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_client_free(client: *mut airbyte_end_user_client) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(client) })
}

/// The client's effective configuration, as `airbyte_operator_client_config`, in `*out_json`,
/// owned by the caller (free with `airbyte_string_free`).
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_client_config(
    client: *const airbyte_end_user_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, end_user(client)?) };
        out.json(&ConfigView::from(client.config()))
    })
}

/// The rate-limit headers of the most recent response that carried any, as
/// `airbyte_operator_client_last_rate_limit` (NULL in `*out_json` when none yet).
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_client_last_rate_limit(
    client: *const airbyte_end_user_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, end_user(client)?) };
        match client.last_rate_limit() {
            Some(r) => out.json(&RateLimitView::from(&r)),
            None => out.none(),
        }
    })
}

/// The organisation and workspace the token reaches. `GET /embedded/scoped-token/info` (or
/// `/account/applications/scoped-token/info`).
///
/// On success `*out_json` receives `{"organization_id", "workspace_id"}`, owned by the caller:
/// free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_UNAUTHORIZED`, `AIRBYTE_STATUS_FORBIDDEN` (for example an operator
/// token), transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_token_info(
    client: *const airbyte_end_user_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, end_user(client)?) };
        out.json(&client.token_info()?)
    })
}

/// The end user's workspace id, read once with `airbyte_end_user_token_info` and then
/// remembered by the handle.
///
/// On success `*out_id` receives the id, owned by the caller: free it with
/// `airbyte_string_free`. Errors as `airbyte_end_user_token_info`.
///
/// # Safety
/// `client` is NULL or a live handle; `out_id` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_workspace_id(
    client: *const airbyte_end_user_client,
    out_id: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_id, "out_id")?, end_user(client)?) };
        out.string(client.workspace_id()?)
    })
}

/// Lists the source templates offered to the end user, optionally narrowed by tags.
/// `GET /embedded/source-templates?tags=…&tags_mode=…`.
///
/// `filter_json` is NULL (no filter) or `{"tags": ["crm"], "mode": "all"|"any"}` (`mode`
/// defaults to the service's `all`). On success `*out_json` receives a JSON array of
/// `SourceTemplateSummary` (`{id, name, icon, tags, customization, created_at, updated_at}`),
/// owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_UNAUTHORIZED` for an expired token, transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_source_templates_list(
    client: *const airbyte_end_user_client,
    filter_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, filter) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                end_user(client)?,
                opt_json_arg::<TagFilter>(filter_json, "filter_json")?,
            )
        };
        out.json(&client.source_templates().list(&filter)?)
    })
}

/// Reads one offered source template with its `user_config_spec` (what the end user fills).
/// `GET /embedded/source-templates/{id}`.
///
/// On success `*out_json` receives a `SourceTemplate` object (`{id, name, icon,
/// source_definition_id, user_config_spec, partial_default_config, customization, tags,
/// created_at, updated_at}`), owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_NOT_FOUND`, `AIRBYTE_STATUS_INVALID_ARGUMENT` for an empty `id`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_end_user_source_templates_get(
    client: *const airbyte_end_user_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                end_user(client)?,
                str_arg(id, "id")?,
            )
        };
        out.json(&client.source_templates().get(id)?)
    })
}
