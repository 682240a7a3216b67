//! The organisation's OAuth apps for connectors (operator, 2026): `/oauth/credentials`.

use std::ffi::c_char;

use airbyte_embedded::oauth_credentials::OAuthCredentialsRequest;

use crate::json::json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// Sets the organisation's OAuth app for a connector, replacing the one set before.
/// `PUT /oauth/credentials`.
///
/// `request_json` is `{"connector_type" | "connector_definition_id", "configuration": {...}}`
/// (exactly one of the two names; `configuration` is the app's `client_id`, `client_secret`,
/// …), unknown fields refused. On success `*out_json` receives `OAuthOverride` (`{id,
/// scope_type, scope_id, connector_type: "source"|"destination", connector_definition_id,
/// created_at, updated_at}`, never the configuration), owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (not exactly one name, or
/// an empty one; nothing sent), `AIRBYTE_STATUS_NOT_FOUND` (an unknown connector),
/// `AIRBYTE_STATUS_VALIDATION`.
///
/// # Safety
/// `client` is NULL or a live handle; `request_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_oauth_credentials_set(
    client: *const airbyte_operator_client,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, request) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<OAuthCredentialsRequest>(request_json, "request_json")?,
            )
        };
        out.json(&client.oauth_credentials().set(&request)?)
    })
}

/// Removes the organisation's OAuth app for the connector named `connector_type`
/// (`"hubspot"`), so the service uses Airbyte's again.
/// `DELETE /oauth/credentials/connector_type/{connector_type}` (204, no body). Idempotent:
/// `AIRBYTE_STATUS_OK` whether or not an app was set. Nothing is written back. Errors:
/// `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty name; nothing sent), auth and transport
/// errors.
///
/// # Safety
/// `client` is NULL or a live handle; `connector_type` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_oauth_credentials_delete(
    client: *const airbyte_operator_client,
    connector_type: *const c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (client, connector_type) = unsafe {
            (
                operator(client)?,
                str_arg(connector_type, "connector_type")?,
            )
        };
        Ok(client.oauth_credentials().delete(connector_type)?)
    })
}
