//! Connection templates (where end users' data lands): `/integrations/templates/connections`.

use std::ffi::c_char;

use airbyte_embedded::TagFilter;
use airbyte_embedded::integrations::{ConnectionTemplateCreate, ConnectionTemplateUpdate};
use serde_json::{Map, Value};

use crate::json::{json_arg, opt_json_arg};
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// Lists connection templates, optionally narrowed by tags.
/// `GET /integrations/templates/connections?tags=…&tags_mode=…`.
///
/// `filter_json` is NULL or `{"tags": [...], "mode": "all"|"any"}`. On success `*out_json`
/// receives a JSON array of `ConnectionTemplate` objects (`{id, organization_id,
/// destination_name, destination_definition_id, destination_config, icon, cron_expression,
/// non_breaking_changes_preference, sync_on_create, data_hosting_type, tags, created_at,
/// updated_at}`), owned by the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_list(
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
                opt_json_arg::<TagFilter>(filter_json, "filter_json")?,
            )
        };
        out.json(&client.connection_templates().list(&filter)?)
    })
}

/// Reads one connection template. `GET /integrations/templates/connections/{id}`.
///
/// On success `*out_json` receives a `ConnectionTemplate`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_get(
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
        out.json(&client.connection_templates().get(id)?)
    })
}

/// Creates a connection template. `POST /integrations/templates/connections`.
///
/// `template_json`, user-hosted: `{"destination_name", "destination_definition_id",
/// "destination_config": {...} (raw JSON), "cron_expression"?: "0 0 12 * * ?" (Quartz, 6 or 7
/// fields), "non_breaking_changes_preference"?: "ignore"|"disable"|"propagate_columns"|
/// "propagate_fully", "sync_on_create"?: true}`; Airbyte-hosted: `{"data_hosting_type":
/// "airbyte_hosted", "cron_expression"?}`. On success `*out_json` receives the new
/// `ConnectionTemplate`, owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (a cron expression that is not 6 or 7 fields;
/// nothing sent), `AIRBYTE_STATUS_VALIDATION`.
///
/// # Safety
/// `client` is NULL or a live handle; `template_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_create(
    client: *const airbyte_operator_client,
    template_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, template) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<ConnectionTemplateCreate>(template_json, "template_json")?,
            )
        };
        out.json(&client.connection_templates().create(&template)?)
    })
}

/// Creates a copy of a connection template, its destination named `destination_name` (NULL:
/// the original's); tags are not copied. The service has no clone route: this reads the
/// template and creates a new one from every field it returned. Its destination secrets come
/// back masked, so `secrets_json` (NULL or a JSON object: a partial `destination_config`
/// such as `{"secret_access_key": "…"}`) gives them, merged over the config read.
/// `GET` then `POST /integrations/templates/connections`.
///
/// On success `*out_json` receives the new `ConnectionTemplate`, owned by the caller: free it
/// with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND` for the original;
/// `AIRBYTE_STATUS_INVALID_CONFIG` naming each path still holding the mask (nothing
/// created); as `airbyte_operator_connection_templates_create`.
///
/// # Safety
/// `client` is NULL or a live handle; `id`, `destination_name` and `secrets_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_clone(
    client: *const airbyte_operator_client,
    id: *const c_char,
    destination_name: *const c_char,
    secrets_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id, name, secrets) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
                opt_str_arg(destination_name, "destination_name")?,
                opt_json_arg::<Map<String, Value>>(secrets_json, "secrets_json")?,
            )
        };
        out.json(
            &client
                .connection_templates()
                .clone_template(id, name, &secrets)?,
        )
    })
}

/// Updates the fields given in `update_json` (any of `destination_name`, `destination_config`,
/// `cron_expression`, `non_breaking_changes_preference`, `sync_on_create`).
/// `PATCH /integrations/templates/connections/{id}`.
///
/// On success `*out_json` receives the updated `ConnectionTemplate`, owned by the caller: free
/// it with `airbyte_string_free`. Errors: as `airbyte_operator_connection_templates_create`,
/// plus `AIRBYTE_STATUS_NOT_FOUND`, and `AIRBYTE_STATUS_INVALID_CONFIG` (nothing sent) when
/// `destination_config` holds the mask `"**********"` anywhere (what `..._get` shows in place
/// of each secret), with every such path in the last error's `config_errors`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `update_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_update(
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
                json_arg::<ConnectionTemplateUpdate>(update_json, "update_json")?,
            )
        };
        out.json(&client.connection_templates().update(id, &update)?)
    })
}

/// Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_delete(
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
        out.json(&client.connection_templates().delete(id)?)
    })
}

/// Adds an existing tag to a connection template.
/// `POST /integrations/templates/connections/{id}/tags` with `{tag}`.
///
/// On success `*out_json` receives the updated `ConnectionTemplate`, owned by the caller: free
/// it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND` (template or tag).
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `tag` are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_add_tag(
    client: *const airbyte_operator_client,
    id: *const c_char,
    tag: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id, tag) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
                str_arg(tag, "tag")?,
            )
        };
        out.json(&client.connection_templates().add_tag(id, tag)?)
    })
}

/// Removes a tag from a connection template.
/// `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}` (`id` may be `null`), owned by the
/// caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `tag` are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_remove_tag(
    client: *const airbyte_operator_client,
    id: *const c_char,
    tag: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, id, tag) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(id, "id")?,
                str_arg(tag, "tag")?,
            )
        };
        out.json(&client.connection_templates().remove_tag(id, tag)?)
    })
}

/// Asks the service whether a cron expression is valid Quartz and what it means; any text is
/// sent as is. `POST /integrations/templates/connections/cron/describe`.
///
/// On success `*out_json` receives `{"description", "is_valid"}`, owned by the caller: free it
/// with `airbyte_string_free`. Errors: auth and transport errors only.
///
/// # Safety
/// `client` is NULL or a live handle; `cron_expression` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_connection_templates_describe_cron(
    client: *const airbyte_operator_client,
    cron_expression: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, cron) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(cron_expression, "cron_expression")?,
            )
        };
        out.json(&client.connection_templates().describe_cron(cron)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn templates_serialise_like_the_core_builders() {
        let template: ConnectionTemplateCreate = parse(
            r#"{"data_hosting_type": "airbyte_hosted", "cron_expression": "0 0 12 * * ?"}"#,
            "template_json",
        )
        .unwrap();
        let expected = ConnectionTemplateCreate::airbyte_hosted().cron_expression("0 0 12 * * ?");
        assert_eq!(
            serde_json::to_value(template).unwrap(),
            serde_json::to_value(expected).unwrap()
        );
        assert!(
            parse::<ConnectionTemplateCreate>(r#"{"destination": "x"}"#, "template_json").is_err()
        );
        let update: ConnectionTemplateUpdate =
            parse(r#"{"sync_on_create": false}"#, "update_json").unwrap();
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            r#"{"sync_on_create":false}"#
        );
        assert!(
            parse::<ConnectionTemplateUpdate>(
                r#"{"destination_definition_id": "x"}"#,
                "update_json"
            )
            .is_err()
        );
    }
}
