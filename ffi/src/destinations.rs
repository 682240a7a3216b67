//! Destinations (operator): `/integrations/destinations`, and the pagination handle that walks
//! a workspace's destinations.

use std::ffi::c_char;

use airbyte_embedded::integrations::{DestinationFilter, DestinationPages};

use crate::handle::{free_handle, handle_mut};
use crate::json::json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// A walk over every page of `GET /integrations/destinations` for one workspace, fetched one
/// page per `airbyte_destination_pages_next_page` call. It follows `next` links as the
/// workspace walk does (only on the configured host and port, the filter kept on every page)
/// and always ends (a repeated cursor stops it with `AIRBYTE_STATUS_PAGINATION`).
///
/// Opaque. Made by `airbyte_operator_destinations_pages`, released by
/// `airbyte_destination_pages_free`. It holds its own reference to the client, so it may
/// outlive the operator client handle. Not for concurrent use: call it from one thread at a
/// time.
pub struct airbyte_destination_pages {
    pages: DestinationPages,
}

/// Reads one page of a workspace's destinations.
/// `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`.
///
/// `filter_json` is `{"workspace_id", "limit"?: ≥ 1}`; `cursor` is NULL for the first page.
/// On success `*out_json` receives `{"data": [DestinationSummary...], "next": "<absolute
/// URL>"|null}` (`DestinationSummary` = `{id, name, destination_definition_id,
/// destination_type}`), owned by the caller: free it with `airbyte_string_free`. Prefer
/// `airbyte_operator_destinations_pages`, which follows `next` safely.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (no `workspace_id`, a `limit` of 0; nothing
/// sent), `AIRBYTE_STATUS_NOT_FOUND` (a workspace of another organisation), auth and transport
/// errors.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` and `cursor` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_destinations_list_page(
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
                json_arg::<DestinationFilter>(filter_json, "filter_json")?,
                opt_str_arg(cursor, "cursor")?,
            )
        };
        out.json(&client.destinations().list_page(&filter, cursor)?)
    })
}

/// Starts a walk over every destination page of `filter_json` (as for
/// `airbyte_operator_destinations_list_page`). Sends nothing until the first
/// `airbyte_destination_pages_next_page`; a filter that cannot be sent (no `workspace_id`) is
/// reported by that first call.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_destination_pages_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string; `out`
/// is NULL or points to a writable `airbyte_destination_pages *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_destinations_pages(
    client: *const airbyte_operator_client,
    filter_json: *const c_char,
    out: *mut *mut airbyte_destination_pages,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, filter) = unsafe {
            (
                Out::new(out, "out")?,
                operator(client)?,
                json_arg::<DestinationFilter>(filter_json, "filter_json")?,
            )
        };
        out.boxed(airbyte_destination_pages {
            pages: client.destinations().iter(filter),
        })
    })
}

/// Fetches the next page of the walk.
///
/// On success `*out_json` receives a JSON array of `DestinationSummary` objects (possibly
/// empty), owned by the caller: free it with `airbyte_string_free`; or NULL once the last page
/// has been read (every later call also gives NULL).
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` for the walk's filter (first call);
/// `AIRBYTE_STATUS_PAGINATION` for a `next` link off the configured origin, without a cursor,
/// or repeating a cursor (reported by the call after the page that carried it); the request's
/// own errors. After an error the walk is over: later calls give NULL.
///
/// # Safety
/// `pages` is NULL or a live handle not used by another thread during the call; `out_json`
/// is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_destination_pages_next_page(
    pages: *mut airbyte_destination_pages,
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

/// Releases a destination walk. NULL is a no-op. Does not touch the last error.
///
/// # Safety
/// `pages` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_destination_pages_free(pages: *mut airbyte_destination_pages) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(pages) })
}

/// Reads one destination. `GET /integrations/destinations/{id}`.
///
/// On success `*out_json` receives `{id, name, destination_definition_id, destination_type,
/// destination_config: {...}, created_at}` with every `airbyte_secret` of the config masked as
/// `**********`, owned by the caller: free it with `airbyte_string_free`. Errors:
/// `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_destinations_get(
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
        out.json(&client.destinations().get(id)?)
    })
}
