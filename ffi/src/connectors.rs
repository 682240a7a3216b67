//! Connectors (operator, 2026): `/integrations/connectors`, the sources under their Agent
//! Engine name, with inline checks and executes.

use std::ffi::c_char;

use airbyte_embedded::connectors::{
    ConnectorCreate, ConnectorExecute, ConnectorFilter, ConnectorUpdate,
};

use crate::json::{json_arg, opt_json_arg};
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// Lists the organisation's connectors, narrowed by every filter set.
/// `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`.
///
/// `filter_json` is NULL (every connector) or `{"workspace_id"?, "workspace_name"? (sent as
/// `customer_name`; `"customer_name"` is read too), "definition_id"?}`. On success `*out_json`
/// receives a JSON array of `SourceSummary` objects (`{id, name, summarized_source_template,
/// created_at, updated_at}`), owned by the caller: free it with `airbyte_string_free`.
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (a filter field set to an empty string; nothing
/// sent), `AIRBYTE_STATUS_NOT_FOUND` (a workspace of another organisation).
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_list(
    client: *const airbyte_operator_client,
    filter_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, filter) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                opt_json_arg::<ConnectorFilter>(filter_json, "filter_json")?,
            )
        };
        out.json(&client.connectors().list(&filter)?)
    })
}

/// Reads one connector, its secrets masked. `GET /integrations/connectors/{id}`.
///
/// On success `*out_json` receives the `Connector` (`{id, name, source_template,
/// replication_config, created_at, updated_at}`), owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`,
/// `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty id).
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_get(
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
        out.json(&client.connectors().get(id)?)
    })
}

/// Creates a connector (and the workspace, when its name is new).
/// `POST /integrations/connectors`. Never sent twice: after `AIRBYTE_STATUS_OUTCOME_UNKNOWN`
/// list the workspace's connectors by name before trying again.
///
/// `connector_json` is `{"customer_name" (or "workspace_name"), "name"?, "connector_type"? |
/// "definition_id"? | "source_template_id"?, "replication_config"?, "credentials"?,
/// "environment"?, "server_side_oauth_secret_id"?, "selected_connection_template_tags"?,
/// "selected_connection_template_tags_mode"?}`, unknown fields refused. On success
/// `*out_json` receives the `Connector`, its secrets masked, owned by the caller: free it
/// with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty name, no
/// connector named, none of `replication_config`, `credentials` and
/// `server_side_oauth_secret_id`; nothing sent), `AIRBYTE_STATUS_NOT_FOUND`,
/// `AIRBYTE_STATUS_VALIDATION`, `AIRBYTE_STATUS_OUTCOME_UNKNOWN`.
///
/// # Safety
/// `client` is NULL or a live handle; `connector_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_create(
    client: *const airbyte_operator_client,
    connector_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, connector) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<ConnectorCreate>(connector_json, "connector_json")?,
            )
        };
        out.json(&client.connectors().create(&connector)?)
    })
}

/// Changes a connector's name and/or some of its replication config.
/// `PUT /integrations/connectors/{id}`.
///
/// `update_json` is `{"name"?, "replication_config"?}`, unknown fields refused;
/// `replication_config` is partial (the service keeps what it does not carry). On success
/// `*out_json` receives the `Connector`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`,
/// `AIRBYTE_STATUS_INVALID_ARGUMENT`, `AIRBYTE_STATUS_VALIDATION`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `update_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_update(
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
                json_arg::<ConnectorUpdate>(update_json, "update_json")?,
            )
        };
        out.json(&client.connectors().update(id, &update)?)
    })
}

/// Deletes a connector. `DELETE /integrations/connectors/{id}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}` (`deleted_at` null when the service
/// answered without a body), owned by the caller: free it with `airbyte_string_free`.
/// Errors: `AIRBYTE_STATUS_NOT_FOUND`, `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty id).
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_delete(
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
        out.json(&client.connectors().delete(id)?)
    })
}

/// Checks a config before any connector exists (nothing is stored).
/// `POST /integrations/connectors/check`.
///
/// `connector_json` is as for `airbyte_operator_connectors_create`. On success `*out_json`
/// receives `ConnectorCheck` (`{id, status: "succeeded"|"failed"|…|null, error_message,
/// failure_reason}`; a failed check is a success of the call), owned by the caller: free it
/// with `airbyte_string_free`. Errors: as for `airbyte_operator_connectors_create`, but never
/// `AIRBYTE_STATUS_OUTCOME_UNKNOWN` for a lost answer (a check is sent again).
///
/// # Safety
/// `client` is NULL or a live handle; `connector_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_check_config(
    client: *const airbyte_operator_client,
    connector_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, connector) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<ConnectorCreate>(connector_json, "connector_json")?,
            )
        };
        out.json(&client.connectors().check_config(&connector)?)
    })
}

/// Checks an existing connector, optionally with a changed replication config that is not
/// stored. `POST /integrations/connectors/{id}/check`.
///
/// `update_json` is NULL (the stored config) or as for `airbyte_operator_connectors_update`.
/// On success `*out_json` receives `ConnectorCheck`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: as for `airbyte_operator_connectors_update`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `update_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_check(
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
                opt_json_arg::<ConnectorUpdate>(update_json, "update_json")?,
            )
        };
        out.json(&client.connectors().check(id, &update)?)
    })
}

/// Runs one action on one entity of the end user's system through the connector.
/// `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when the
/// action only reads (`list`, `get`, `download`, `search`, `context_store_search`,
/// `api_search`).
///
/// `request_json` is `{"entity", "action", "params"?: {...}}`, unknown fields refused. On
/// success `*out_json` receives `ConnectorExecution` (`{status, result, connector_metadata,
/// execution_metadata: {connector_instance_id, execution_time_ms}}`; a `status` other than
/// `"success"` is the connector's answer, not an error), owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty id, entity or
/// action; nothing sent), `AIRBYTE_STATUS_NOT_FOUND`, `AIRBYTE_STATUS_VALIDATION` (an entity
/// or action the connector lacks), `AIRBYTE_STATUS_OUTCOME_UNKNOWN` (a write whose answer was
/// lost).
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `request_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connectors_execute(
    client: *const airbyte_operator_client,
    id: *const c_char,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id, request) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
                json_arg::<ConnectorExecute>(request_json, "request_json")?,
            )
        };
        out.json(&client.connectors().execute(id, &request)?)
    })
}
