//! Files through a source (operator): `/sonar/files/...`, the pagination handle that walks a
//! folder, and the handle a file's content is read through, a chunk at a time.

use std::ffi::c_char;

use airbyte_embedded::files::{FilePages, FileReader, FolderQuery};
use serde_json::json;

use crate::error::FfiError;
use crate::handle::{free_handle, handle_mut};
use crate::json::json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// A walk over every page of one folder's listing, fetched one page per
/// `airbyte_file_pages_next_page` call. A page's `next` may be a continuation token or a link
/// carrying one (`continuation_token`); a link is followed only on the configured host and
/// port. The walk always ends (a repeated token stops it with `AIRBYTE_STATUS_PAGINATION`).
///
/// Opaque. Made by `airbyte_operator_files_pages`, released by `airbyte_file_pages_free`. It
/// holds its own reference to the client, so it may outlive the operator client handle. Not
/// for concurrent use: call it from one thread at a time.
pub struct airbyte_file_pages {
    pages: FilePages,
}

/// One file being read: the response body, streamed as it is read, never held whole.
///
/// Opaque. Made by `airbyte_operator_files_open`, read with `airbyte_file_read`, released by
/// `airbyte_file_free` (which closes the connection if the file was not read to its end). It
/// holds its own reference to the client, so it may outlive the operator client handle. Not
/// for concurrent use: call it from one thread at a time.
pub struct airbyte_file {
    reader: FileReader,
}

/// The sources of a workspace whose files can be read.
/// `GET /sonar/files/sources?workspace_id=…`.
///
/// On success `*out_json` receives a JSON array of `{id, workspace_id, source_type}`, owned
/// by the caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT`
/// (an empty `workspace_id`, nothing sent), `AIRBYTE_STATUS_NOT_FOUND` (a workspace of another
/// organisation).
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_files_sources(
    client: *const airbyte_operator_client,
    workspace_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, workspace_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(workspace_id, "workspace_id")?,
            )
        };
        out.json(&client.files().sources(workspace_id)?)
    })
}

/// The drives of a source. `GET /sonar/files/{source_id}/drives`.
///
/// On success `*out_json` receives a JSON array of `{id, name, url}`, owned by the caller:
/// free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `source_id` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_files_drives(
    client: *const airbyte_operator_client,
    source_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, source_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(source_id, "source_id")?,
            )
        };
        out.json(&client.files().drives(source_id)?)
    })
}

/// Reads one page of a folder's entries.
/// `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
///
/// `folder_json` is `{"source_id", "path", "drive_id"?, "limit"?: ≥ 1}`: `path` is
/// `/`-separated and sent as one path segment (`/` as `%2F`, a space as `%20`); `drive_id`
/// absent or null for the source's own files. `continuation_token` is NULL for the first page.
/// On success `*out_json` receives `{"items": [{relative_path, type: "file"|"folder", bytes,
/// modified, source_url}...], "next": string|null}`, owned by the caller: free it with
/// `airbyte_string_free`. Prefer `airbyte_operator_files_pages`, which follows `next` safely.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty `source_id`, `drive_id` or `path`,
/// `.` or `..` as `path`, a `limit` of 0; nothing sent), `AIRBYTE_STATUS_NOT_FOUND` (no such
/// source, drive or folder), `AIRBYTE_STATUS_VALIDATION` (a token the service refuses).
///
/// # Safety
/// `client` is NULL or a live handle; `folder_json` and `continuation_token` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_files_list_page(
    client: *const airbyte_operator_client,
    folder_json: *const c_char,
    continuation_token: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, folder, token) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<FolderQuery>(folder_json, "folder_json")?,
                opt_str_arg(continuation_token, "continuation_token")?,
            )
        };
        out.json(&client.files().list_page(&folder, token)?)
    })
}

/// Starts a walk over every page of the folder `folder_json` names (as for
/// `airbyte_operator_files_list_page`). Sends nothing until the first
/// `airbyte_file_pages_next_page`; a folder that cannot be sent is reported by that call.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_file_pages_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `folder_json` is NULL or a NUL-terminated string; `out`
/// is NULL or points to a writable `airbyte_file_pages *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_files_pages(
    client: *const airbyte_operator_client,
    folder_json: *const c_char,
    out: *mut *mut airbyte_file_pages,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, folder) = unsafe {
            (
                Out::new(out, "out")?,
                operator(client)?,
                json_arg::<FolderQuery>(folder_json, "folder_json")?,
            )
        };
        out.boxed(airbyte_file_pages {
            pages: client.files().iter(&folder),
        })
    })
}

/// Fetches the next page of the walk.
///
/// On success `*out_json` receives a JSON array of entries (possibly empty), owned by the
/// caller: free it with `airbyte_string_free`; or NULL once the last page has been read (every
/// later call also gives NULL).
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` for the walk's folder (first call);
/// `AIRBYTE_STATUS_PAGINATION` for a `next` link off the configured origin or without a
/// token, or a repeated token (reported by the call after the page that carried it); the
/// request's own errors. After an error the walk is over: later calls give NULL.
///
/// # Safety
/// `pages` is NULL or a live handle not used by another thread during the call; `out_json`
/// is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_file_pages_next_page(
    pages: *mut airbyte_file_pages,
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

/// Releases a folder walk. NULL is a no-op. Does not touch the last error.
///
/// # Safety
/// `pages` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_file_pages_free(pages: *mut airbyte_file_pages) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(pages) })
}

/// Opens a file for reading: sends the GET and returns once the response head has arrived.
/// `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}`.
///
/// `drive_id` is NULL for the source's own files; `path` is `/`-separated, sent as one path
/// segment. Opening is retried as any GET is. Read the content with `airbyte_file_read`.
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_file_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty `source_id`, `drive_id` or `path`, or
/// `.` / `..`; nothing sent), `AIRBYTE_STATUS_NOT_FOUND` (no such source, drive or file), auth
/// and transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `source_id`, `drive_id` and `path` are NULL or
/// NUL-terminated strings; `out` is NULL or points to a writable `airbyte_file *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_files_open(
    client: *const airbyte_operator_client,
    source_id: *const c_char,
    drive_id: *const c_char,
    path: *const c_char,
    out: *mut *mut airbyte_file,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, source_id, drive_id, path) = unsafe {
            (
                Out::new(out, "out")?,
                operator(client)?,
                str_arg(source_id, "source_id")?,
                opt_str_arg(drive_id, "drive_id")?,
                str_arg(path, "path")?,
            )
        };
        out.boxed(airbyte_file {
            reader: client.files().open(source_id, drive_id, path)?,
        })
    })
}

/// Reads up to `len` bytes of the file into `buf` and writes how many through `*out_read`:
/// 0 at the end of the file (and for `len` 0). The file is never held whole: each call reads
/// what the connection has, at most `len` bytes, so memory stays flat however large the file.
///
/// Each read must get data within the client's read timeout. A failure before the first byte
/// reached the caller is retried (the file requested again); after it a failure is final:
/// `AIRBYTE_STATUS_TRANSPORT` (the connection broke, or the body ended before its
/// `Content-Length`) or `AIRBYTE_STATUS_TIMEOUT`, and every later call returns it again.
/// `*out_read` is set to 0 on entry.
///
/// # Safety
/// `file` is NULL or a live handle not used by another thread during the call; `buf` is NULL
/// (only with `len` 0) or points to `len` writable bytes; `out_read` is NULL or points to a
/// writable `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_file_read(
    file: *mut airbyte_file,
    buf: *mut u8,
    len: usize,
    out_read: *mut usize,
) -> airbyte_status {
    call(|| {
        // SAFETY: NULL or writable per the contract; `as_mut` checks NULL.
        let out_read = unsafe { out_read.as_mut() }.ok_or_else(|| FfiError::null("out_read"))?;
        *out_read = 0;
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let file = unsafe { handle_mut(file, "file") }?;
        if len == 0 {
            return Ok(());
        }
        if buf.is_null() {
            return Err(FfiError::null("buf"));
        }
        // SAFETY: non-NULL and `len` writable bytes per the contract, not aliased during the
        // call.
        let buf = unsafe { std::slice::from_raw_parts_mut(buf, len) };
        *out_read = file.reader.read_chunk(buf)?;
        Ok(())
    })
}

/// What is known of the file being read.
///
/// On success `*out_json` receives `{"content_length": bytes|null, "content_type":
/// string|null, "bytes_read": n}` (`content_length` and `content_type` from the response
/// headers; `bytes_read` so far), owned by the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `file` is NULL or a live handle not used by another thread during the call; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_file_info(
    file: *mut airbyte_file,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, file) = unsafe { (Out::new(out_json, "out_json")?, handle_mut(file, "file")?) };
        let reader = &file.reader;
        out.json(&json!({
            "content_length": reader.content_length(),
            "content_type": reader.content_type(),
            "bytes_read": reader.bytes_read(),
        }))
    })
}

/// Releases a file handle, closing its connection if the file was not read to its end. NULL
/// is a no-op. Does not touch the last error.
///
/// # Safety
/// `file` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_file_free(file: *mut airbyte_file) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(file) })
}
