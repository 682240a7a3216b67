//! The Workspace Management API (operator): `/workspaces`, and the pagination handle that
//! walks every page.

use std::ffi::c_char;

use airbyte_embedded::workspaces::{WorkspaceFilter, WorkspacePages, WorkspaceUpdate};

use crate::handle::{free_handle, handle_mut};
use crate::json::{json_arg, opt_json_arg};
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// A walk over every page of `GET /workspaces`, fetched one page per
/// `airbyte_workspace_pages_next_page` call. It follows a page's `next` link only on the
/// configured scheme, host and port, keeps the filters on every page, and always ends (a
/// repeated cursor stops it with `AIRBYTE_STATUS_PAGINATION`).
///
/// Opaque. Made by `airbyte_operator_workspaces_pages`, released by
/// `airbyte_workspace_pages_free`. It holds its own reference to the client, so it may outlive
/// the operator client handle. Not for concurrent use: call it from one thread at a time.
pub struct airbyte_workspace_pages {
    pages: WorkspacePages,
}

/// Reads one page of workspaces. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
///
/// `filter_json` is NULL or `{"name_contains"?, "status"?: "active"|"inactive", "limit"?:
/// 1..100}`; `cursor` is NULL for the first page. On success `*out_json` receives `{"data":
/// [Workspace...], "next": "<absolute URL>"|null}` (`Workspace` = `{id, name, organization_id,
/// status, cache_enabled, tombstone, created_at, updated_at}`, the 2026 fields `null` when the
/// service omits them), owned by the caller: free it with `airbyte_string_free`.
/// Prefer `airbyte_operator_workspaces_pages`, which follows `next` safely.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (`limit` outside 1..100; nothing sent), auth and
/// transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` and `cursor` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_list_page(
    client: *const airbyte_operator_client,
    filter_json: *const c_char,
    cursor: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, filter, cursor) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                opt_json_arg::<WorkspaceFilter>(filter_json, "filter_json")?,
                opt_str_arg(cursor, "cursor")?,
            )
        };
        out.json(&client.workspaces().list_page(&filter, cursor)?)
    })
}

/// Starts a walk over every workspace page matching `filter_json` (NULL or as for
/// `airbyte_operator_workspaces_list_page`). Sends nothing until the first
/// `airbyte_workspace_pages_next_page`.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_workspace_pages_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string; `out`
/// is NULL or points to a writable `airbyte_workspace_pages *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_pages(
    client: *const airbyte_operator_client,
    filter_json: *const c_char,
    out: *mut *mut airbyte_workspace_pages,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, filter) = unsafe {
            (
                Out::new(out, "out")?,
                operator(client)?,
                opt_json_arg::<WorkspaceFilter>(filter_json, "filter_json")?,
            )
        };
        out.boxed(airbyte_workspace_pages {
            pages: client.workspaces().iter(filter),
        })
    })
}

/// Fetches the next page of the walk.
///
/// On success `*out_json` receives a JSON array of `Workspace` objects (possibly empty), owned
/// by the caller: free it with `airbyte_string_free`; or NULL once the last page has been read
/// (every later call also gives NULL). So: `while (next_page(p, &json) == OK && json) {...}`.
///
/// Errors: `AIRBYTE_STATUS_PAGINATION` for a `next` link off the configured origin, without a
/// cursor, or repeating a cursor (reported by the call after the page that carried it, so no
/// workspace is lost); the request's own errors. After an error the walk is over: later calls
/// give NULL.
///
/// # Safety
/// `pages` is NULL or a live handle not used by another thread during the call; `out_json`
/// is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_workspace_pages_next_page(
    pages: *mut airbyte_workspace_pages,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, pages) =
            unsafe { (Out::new(out_json, "out_json")?, handle_mut(pages, "pages")?) };
        match pages.pages.next_page()? {
            Some(page) => out.json(&page),
            None => out.none(),
        }
    })
}

/// Releases a workspace walk. NULL is a no-op. Does not touch the last error.
///
/// # Safety
/// `pages` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_workspace_pages_free(pages: *mut airbyte_workspace_pages) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(pages) })
}

/// Workspace counts. `GET /workspaces/stats`.
///
/// On success `*out_json` receives `{"active_count", "inactive_count", "total_count"}`, owned
/// by the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_stats(
    client: *const airbyte_operator_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, operator(client)?) };
        out.json(&client.workspaces().stats()?)
    })
}

/// Reads one workspace. `GET /workspaces/{id}`.
///
/// On success `*out_json` receives a `Workspace`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_get(
    client: *const airbyte_operator_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
            )
        };
        out.json(&client.workspaces().get(id)?)
    })
}

/// Renames or (de)activates a workspace (`update_json`: `{"name"?, "status"?:
/// "active"|"inactive", "cache_enabled"?: bool}`; `inactive` disables its connections;
/// `cache_enabled` needs a 2026 service version). `PUT /workspaces/{id}`.
///
/// On success `*out_json` receives the updated `Workspace`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`, `AIRBYTE_STATUS_VALIDATION`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `update_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_update(
    client: *const airbyte_operator_client,
    id: *const c_char,
    update_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id, update) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
                json_arg::<WorkspaceUpdate>(update_json, "update_json")?,
            )
        };
        out.json(&client.workspaces().update(id, &update)?)
    })
}

/// Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.
///
/// On success `*out_json` receives the updated `Workspace`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as `airbyte_operator_workspaces_update`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_deactivate(
    client: *const airbyte_operator_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
            )
        };
        out.json(&client.workspaces().deactivate(id)?)
    })
}

/// Deletes a workspace. `DELETE /workspaces/{id}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_workspaces_delete(
    client: *const airbyte_operator_client,
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
            )
        };
        out.json(&client.workspaces().delete(id)?)
    })
}

#[cfg(test)]
mod tests {
    use airbyte_embedded::workspaces::WorkspaceStatus;

    use super::*;
    use crate::json::parse;

    #[test]
    fn filters_and_updates_read_the_documented_fields() {
        let f: WorkspaceFilter =
            parse(r#"{"status": "inactive", "limit": 5}"#, "filter_json").unwrap();
        assert_eq!(
            f,
            WorkspaceFilter {
                status: Some(WorkspaceStatus::Inactive),
                limit: Some(5),
                ..Default::default()
            }
        );
        let f: WorkspaceFilter = parse(r#"{"name_contains": "acme"}"#, "filter_json").unwrap();
        assert_eq!(f.name_contains.as_deref(), Some("acme"));
        assert_eq!(
            parse::<WorkspaceFilter>("{}", "filter_json").unwrap(),
            WorkspaceFilter::default()
        );
        assert!(parse::<WorkspaceFilter>(r#"{"cursor": "c"}"#, "filter_json").is_err());
        let u: WorkspaceUpdate = parse(r#"{"name": "n"}"#, "update_json").unwrap();
        assert_eq!(
            u,
            WorkspaceUpdate {
                name: Some("n".into()),
                status: None,
                cache_enabled: None,
            }
        );
        let u: WorkspaceUpdate = parse(
            r#"{"status": "active", "cache_enabled": true}"#,
            "update_json",
        )
        .unwrap();
        assert_eq!(u.status, Some(WorkspaceStatus::Active));
        assert_eq!(u.cache_enabled, Some(true));
        assert!(parse::<WorkspaceUpdate>(r#"{"id": "w"}"#, "update_json").is_err());
    }
}
