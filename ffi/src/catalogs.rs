//! Stream catalogs (operator): a source template's under
//! `/integrations/templates/sources/{id}/catalog` and `…/streams`, a source definition's under
//! `/integrations/definitions/sources/{id}/catalog` and `…/streams`. Catalogs, streams and
//! patch operations cross as JSON: a `SonarCatalog` is `{"streams": [SonarStream...],
//! "selected_streams"?: [name...]}`, a `SonarStream` `{"name", "description"?,
//! "data_category"?, "suggested"?, "is_metric"?, "cursor_fields"?, "primary_key_fields"?,
//! "pii_fields"?, "immutable_fields"?, "field_tags"?, "foreign_keys"?, "json_schema"?, ...}`
//! (unknown fields kept), a patch an RFC 6902 array `[{"op", "path", "value"?}...]`.

use std::ffi::c_char;

use airbyte_embedded::integrations::{PatchOp, SonarCatalog, SonarStream};
use serde::Deserialize;

use crate::json::{json_arg, opt_json_arg};
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// `patch_json` of `airbyte_operator_definition_catalog_patch`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct DefinitionPatch {
    patch_ops: Vec<PatchOp>,
    blessed: Option<bool>,
}

/// Reads a source template's catalog; `selected_only` keeps only the streams named in
/// `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.
///
/// On success `*out_json` receives `{"id", "source_template_id", "sonar_catalog":
/// SonarCatalog|null}`, owned by the caller: free it with `airbyte_string_free`. Errors:
/// `AIRBYTE_STATUS_NOT_FOUND` (an unknown template, a deleted catalog).
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` is NULL or a NUL-terminated string; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_get(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    selected_only: bool,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
            )
        };
        out.json(&client.template_catalogs().get(template_id, selected_only)?)
    })
}

/// Replaces a source template's catalog with `catalog_json` (a `SonarCatalog`; NULL: the
/// connector's discovered catalog again). `POST /integrations/templates/sources/{id}/catalog`.
///
/// On success `*out_json` receives the catalog's id (a plain string, not JSON), owned by the
/// caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`,
/// `AIRBYTE_STATUS_VALIDATION` (a stream without a name, two of one name).
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` and `catalog_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_replace(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    catalog_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, catalog) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                opt_json_arg::<Option<SonarCatalog>>(catalog_json, "catalog_json")?,
            )
        };
        out.string(
            client
                .template_catalogs()
                .replace(template_id, catalog.as_ref())?,
        )
    })
}

/// Applies RFC 6902 operations (`ops_json`, an array) to a source template's catalog, all or
/// none. `PATCH /integrations/templates/sources/{id}/catalog`.
///
/// On success `*out_json` receives the resulting `SonarCatalog`, owned by the caller: free it
/// with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_VALIDATION` (an operation that does not
/// apply; nothing changed), `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` and `ops_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_patch(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    ops_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, ops) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                json_arg::<Vec<PatchOp>>(ops_json, "ops_json")?,
            )
        };
        out.json(&client.template_catalogs().patch(template_id, &ops)?)
    })
}

/// Deletes a source template's catalog. `DELETE /integrations/templates/sources/{id}/catalog`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` is NULL or a NUL-terminated string; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_delete(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
            )
        };
        out.json(&client.template_catalogs().delete(template_id)?)
    })
}

/// Runs a JMESPath query (e.g. `streams[].name`) over a source template's catalog.
/// `POST /integrations/templates/sources/{id}/catalog/query`.
///
/// On success `*out_json` receives the query's result (any JSON value), owned by the caller:
/// free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty
/// query; nothing sent), `AIRBYTE_STATUS_VALIDATION` (a query the service cannot parse).
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` and `query` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_query(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    query: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, query) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                str_arg(query, "query")?,
            )
        };
        out.json(&client.template_catalogs().query(template_id, query)?)
    })
}

/// Adds a stream (`stream_json`, a `SonarStream` with a `name`) to a source template's
/// catalog. `POST /integrations/templates/sources/{id}/streams`.
///
/// On success `*out_json` receives the stream as stored, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (no name; nothing sent),
/// `AIRBYTE_STATUS_VALIDATION` (a stream of that name exists).
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` and `stream_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_add_stream(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    stream_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, stream) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                json_arg::<SonarStream>(stream_json, "stream_json")?,
            )
        };
        out.json(
            &client
                .template_catalogs()
                .add_stream(template_id, &stream)?,
        )
    })
}

/// Applies RFC 6902 operations (`ops_json`, paths relative to the stream) to one stream of a
/// source template's catalog.
/// `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.
///
/// On success `*out_json` receives the changed stream, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND` (an unknown stream),
/// `AIRBYTE_STATUS_VALIDATION`.
///
/// # Safety
/// `client` is NULL or a live handle; `template_id`, `stream_name` and `ops_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_patch_stream(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    stream_name: *const c_char,
    ops_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, stream_name, ops) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                str_arg(stream_name, "stream_name")?,
                json_arg::<Vec<PatchOp>>(ops_json, "ops_json")?,
            )
        };
        out.json(
            &client
                .template_catalogs()
                .patch_stream(template_id, stream_name, &ops)?,
        )
    })
}

/// Removes a stream from a source template's catalog.
/// `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.
///
/// On success `*out_json` receives `{"stream_name", "deleted_at"}`, owned by the caller: free
/// it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `template_id` and `stream_name` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_template_catalog_delete_stream(
    client: *const airbyte_operator_client,
    template_id: *const c_char,
    stream_name: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template_id, stream_name) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(template_id, "template_id")?,
                str_arg(stream_name, "stream_name")?,
            )
        };
        out.json(
            &client
                .template_catalogs()
                .delete_stream(template_id, stream_name)?,
        )
    })
}

/// Reads a source definition's catalog; `selected_only` as for
/// `airbyte_operator_template_catalog_get`.
/// `GET /integrations/definitions/sources/{id}/catalog?selected=…`.
///
/// On success `*out_json` receives `{"id", "name", "source_definition_id", "sonar_catalog",
/// "catalog_type", "blessed"}`, owned by the caller: free it with `airbyte_string_free`.
/// Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `definition_id` is NULL or a NUL-terminated string; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definition_catalog_get(
    client: *const airbyte_operator_client,
    definition_id: *const c_char,
    selected_only: bool,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, definition_id) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(definition_id, "definition_id")?,
            )
        };
        out.json(
            &client
                .definition_catalogs()
                .get(definition_id, selected_only)?,
        )
    })
}

/// Changes a source definition's catalog: `patch_json` is `{"patch_ops"?: [PatchOp...],
/// "blessed"?: bool}` (`blessed: true` stops discovery overwriting it).
/// `PATCH /integrations/definitions/sources/{id}/catalog`.
///
/// On success `*out_json` receives the resulting `SonarCatalog`, owned by the caller: free it
/// with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_VALIDATION`,
/// `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `definition_id` and `patch_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definition_catalog_patch(
    client: *const airbyte_operator_client,
    definition_id: *const c_char,
    patch_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, definition_id, patch) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(definition_id, "definition_id")?,
                json_arg::<DefinitionPatch>(patch_json, "patch_json")?,
            )
        };
        out.json(&client.definition_catalogs().patch(
            definition_id,
            &patch.patch_ops,
            patch.blessed,
        )?)
    })
}

/// Runs a JMESPath query over a source definition's catalog.
/// `POST /integrations/definitions/sources/{id}/catalog/query`.
///
/// On success `*out_json` receives the query's result, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as `airbyte_operator_template_catalog_query`.
///
/// # Safety
/// `client` is NULL or a live handle; `definition_id` and `query` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definition_catalog_query(
    client: *const airbyte_operator_client,
    definition_id: *const c_char,
    query: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, definition_id, query) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(definition_id, "definition_id")?,
                str_arg(query, "query")?,
            )
        };
        out.json(&client.definition_catalogs().query(definition_id, query)?)
    })
}

/// Adds a stream to a source definition's catalog.
/// `POST /integrations/definitions/sources/{id}/streams`.
///
/// On success `*out_json` receives the stream as stored, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as `airbyte_operator_template_catalog_add_stream`.
///
/// # Safety
/// `client` is NULL or a live handle; `definition_id` and `stream_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definition_catalog_add_stream(
    client: *const airbyte_operator_client,
    definition_id: *const c_char,
    stream_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, definition_id, stream) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(definition_id, "definition_id")?,
                json_arg::<SonarStream>(stream_json, "stream_json")?,
            )
        };
        out.json(
            &client
                .definition_catalogs()
                .add_stream(definition_id, &stream)?,
        )
    })
}

/// Applies RFC 6902 operations to one stream of a source definition's catalog.
/// `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.
///
/// On success `*out_json` receives the changed stream, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as `airbyte_operator_template_catalog_patch_stream`.
///
/// # Safety
/// `client` is NULL or a live handle; `definition_id`, `stream_name` and `ops_json` are NULL or NUL-terminated strings; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_definition_catalog_patch_stream(
    client: *const airbyte_operator_client,
    definition_id: *const c_char,
    stream_name: *const c_char,
    ops_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, definition_id, stream_name, ops) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(definition_id, "definition_id")?,
                str_arg(stream_name, "stream_name")?,
                json_arg::<Vec<PatchOp>>(ops_json, "ops_json")?,
            )
        };
        out.json(
            &client
                .definition_catalogs()
                .patch_stream(definition_id, stream_name, &ops)?,
        )
    })
}
