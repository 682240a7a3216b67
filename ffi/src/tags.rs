//! Tags that group templates: `/integrations/templates/tags`. A tag's name is its key.

use std::ffi::c_char;

use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// Lists the organisation's tags. `GET /integrations/templates/tags`.
///
/// On success `*out_json` receives a JSON array of `Tag` objects (`{id, name, organization_id,
/// created_at, updated_at}`), owned by the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_tags_list(
    client: *const airbyte_operator_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, operator(client)?) };
        out.json(&client.tags().list()?)
    })
}

/// Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.
///
/// On success `*out_json` receives the new `Tag`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (`name` empty or too long;
/// nothing sent), `AIRBYTE_STATUS_VALIDATION` (name taken).
///
/// # Safety
/// `client` is NULL or a live handle; `name` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_tags_create(
    client: *const airbyte_operator_client,
    name: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(name, "name")?,
            )
        };
        out.json(&client.tags().create(name)?)
    })
}

/// Renames a tag; every template carrying it follows. `PUT /integrations/templates/tags/{name}`.
///
/// On success `*out_json` receives the renamed `Tag`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (`name` or `new_name`),
/// `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `name` and `new_name` are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_tags_rename(
    client: *const airbyte_operator_client,
    name: *const c_char,
    new_name: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name, new_name) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(name, "name")?,
                str_arg(new_name, "new_name")?,
            )
        };
        out.json(&client.tags().rename(name, new_name)?)
    })
}

/// Deletes a tag and removes it from every template. `DELETE /integrations/templates/tags/{name}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `name` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_tags_delete(
    client: *const airbyte_operator_client,
    name: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(name, "name")?,
            )
        };
        out.json(&client.tags().delete(name)?)
    })
}
