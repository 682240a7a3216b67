//! The connector catalogue: `/integrations/definitions/sources` and
//! `/integrations/definitions/destinations`.

use std::ffi::c_char;

use crate::json::opt_json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// Lists source connectors whose name contains `name` (case-insensitive; NULL lists all).
/// `GET /integrations/definitions/sources?name=…`.
///
/// On success `*out_json` receives a JSON array of `{"sourceDefinitionId", "name", "iconUrl",
/// "supportLevel"}` objects, owned by the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `name` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definitions_list_sources(
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
                opt_str_arg(name, "name")?,
            )
        };
        out.json(&client.definitions().list_sources(name)?)
    })
}

/// Reads one source connector with its spec. `GET /integrations/definitions/sources/{id}`.
///
/// On success `*out_json` receives `{"id", "definition": {"name", "spec": {...}, ...}}`, owned
/// by the caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definitions_get_source(
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
        out.json(&client.definitions().get_source(id)?)
    })
}

/// Lists destination connectors: those whose definition ids `ids_json` names (a JSON array of
/// id strings), or every one the organisation may use when it is NULL or `[]`.
/// `GET /integrations/definitions/destinations?actorDefinitionIds=…` (the key repeated).
///
/// On success `*out_json` receives a JSON array of `{"id", "name", "icon"}` objects, owned by
/// the caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT`
/// for an empty id (nothing sent).
///
/// # Safety
/// `client` is NULL or a live handle; `ids_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definitions_list_destinations(
    client: *const airbyte_operator_client,
    ids_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, ids) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                opt_json_arg::<Vec<String>>(ids_json, "ids_json")?,
            )
        };
        out.json(&client.definitions().list_destinations(&ids)?)
    })
}

/// Reads one destination connector with its spec.
/// `GET /integrations/definitions/destinations/{id}`.
///
/// On success `*out_json` receives `{"id", "definition": {"name", "spec": {...}, ...}}`, owned
/// by the caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definitions_get_destination(
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
        out.json(&client.definitions().get_destination(id)?)
    })
}
