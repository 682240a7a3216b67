//! Source templates, operator side: `/integrations/templates/sources`.

use std::ffi::c_char;

use airbyte_embedded::TagFilter;
use airbyte_embedded::integrations::{SourceTemplateCreate, SourceTemplateUpdate};

use crate::json::{json_arg, opt_json_arg};
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};

/// Lists the organisation's source templates, optionally narrowed by tags.
/// `GET /integrations/templates/sources?tags=…&tags_mode=…`.
///
/// `filter_json` is NULL or `{"tags": [...], "mode": "all"|"any"}`. On success `*out_json`
/// receives a JSON array of `SourceTemplateSummary` objects, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `filter_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_list(
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
        out.json(&client.source_templates().list(&filter)?)
    })
}

/// Lists the Airbyte-maintained (global) source templates, the same for every organisation
/// (clone one with `airbyte_operator_source_templates_clone`).
/// `GET /integrations/templates/sources/global`.
///
/// On success `*out_json` receives a JSON array of `SourceTemplateSummary` objects, owned by
/// the caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_list_global(
    client: *const airbyte_operator_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, operator(client)?) };
        out.json(&client.source_templates().list_global()?)
    })
}

/// Reads one source template. `GET /integrations/templates/sources/{id}`.
///
/// On success `*out_json` receives a `SourceTemplate` object, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`, `AIRBYTE_STATUS_INVALID_ARGUMENT`
/// (empty `id`).
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_get(
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
        out.json(&client.source_templates().get(id)?)
    })
}

/// Creates a source template. `POST /integrations/templates/sources`.
///
/// `template_json`: `{"actor_definition_id", "partial_default_config"?: {...} (raw JSON, sent
/// as is), "name"?, "customization"?: {"stream_selection_mode": "all"|"suggested"|"whitelist",
/// "stream_whitelist"?: [...]}}`. On success `*out_json` receives the new `SourceTemplate`,
/// owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (empty definition id, a whitelist without streams;
/// nothing sent), `AIRBYTE_STATUS_VALIDATION`, `AIRBYTE_STATUS_NOT_FOUND` (unknown definition).
///
/// # Safety
/// `client` is NULL or a live handle; `template_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_create(
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
                json_arg::<SourceTemplateCreate>(template_json, "template_json")?,
            )
        };
        out.json(&client.source_templates().create(&template)?)
    })
}

/// Creates a copy of an existing template, optionally renamed (`name` NULL keeps the
/// service's default). `POST /integrations/templates/sources` with
/// `{original_source_template_id, name?}`.
///
/// On success `*out_json` receives the new `SourceTemplate`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND` when the original does not exist.
///
/// # Safety
/// `client` is NULL or a live handle; `original_id` and `name` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_clone(
    client: *const airbyte_operator_client,
    original_id: *const c_char,
    name: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, original, name) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(original_id, "original_id")?,
                opt_str_arg(name, "name")?,
            )
        };
        out.json(&client.source_templates().clone_template(original, name)?)
    })
}

/// Updates a source template. `PATCH /integrations/templates/sources/{id}`.
///
/// `update_json`: `{"partial_default_config": {...} (required by the service), "name"?,
/// "customization"?, "propagate"?: false}`. On success `*out_json` receives the updated
/// `SourceTemplate`, owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: as `airbyte_operator_source_templates_create`, plus `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `update_json` are NULL or NUL-terminated
/// strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_update(
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
                json_arg::<SourceTemplateUpdate>(update_json, "update_json")?,
            )
        };
        out.json(&client.source_templates().update(id, &update)?)
    })
}

/// Deletes a source template. `DELETE /integrations/templates/sources/{id}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}`, owned by the caller: free it with
/// `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` is NULL or a NUL-terminated string; `out_json` is
/// NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_delete(
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
        out.json(&client.source_templates().delete(id)?)
    })
}

/// Adds an existing tag to a source template.
/// `POST /integrations/templates/sources/{id}/tags` with `{tag}`.
///
/// On success `*out_json` receives the updated `SourceTemplate`, owned by the caller: free it
/// with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND` (template or tag).
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `tag` are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_add_tag(
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
        out.json(&client.source_templates().add_tag(id, tag)?)
    })
}

/// Removes a tag from a source template.
/// `DELETE /integrations/templates/sources/{id}/tags/{tag_name}`.
///
/// On success `*out_json` receives `{"id", "deleted_at"}` (`id` may be `null`), owned by the
/// caller: free it with `airbyte_string_free`. Errors: `AIRBYTE_STATUS_NOT_FOUND`.
///
/// # Safety
/// `client` is NULL or a live handle; `id` and `tag` are NULL or NUL-terminated strings;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_source_templates_remove_tag(
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
        out.json(&client.source_templates().remove_tag(id, tag)?)
    })
}

#[cfg(test)]
mod tests {
    use airbyte_embedded::TagsMode;

    use super::*;
    use crate::json::parse;

    #[test]
    fn templates_keep_the_config_raw() {
        let template: SourceTemplateCreate = parse(
            r#"{"actor_definition_id": "d", "partial_default_config": {"start": "2024-01-01T00:00:00.000Z", "port": 5432}, "name": "PG"}"#,
            "template_json",
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&template).unwrap(),
            r#"{"actor_definition_id":"d","partial_default_config":{"start":"2024-01-01T00:00:00.000Z","port":5432},"name":"PG"}"#
        );
        let template: SourceTemplateCreate =
            parse(r#"{"actor_definition_id": "d"}"#, "template_json").unwrap();
        assert!(template.partial_default_config.is_empty());
        assert!(
            parse::<SourceTemplateCreate>(
                r#"{"actor_definition_id": "d", "tags": []}"#,
                "template_json"
            )
            .is_err()
        );
    }

    #[test]
    fn updates_need_the_defaults() {
        let update: SourceTemplateUpdate = parse(
            r#"{"partial_default_config": {}, "propagate": true}"#,
            "update_json",
        )
        .unwrap();
        assert_eq!(update.propagate, Some(true));
        assert!(parse::<SourceTemplateUpdate>(r#"{"name": "x"}"#, "update_json").is_err());
    }

    #[test]
    fn filters_accept_both_mode_spellings() {
        let f: TagFilter = parse(r#"{"tags": ["a"], "tags_mode": "any"}"#, "filter_json").unwrap();
        assert_eq!(f, TagFilter::new(["a"], TagsMode::Any));
        let f: TagFilter = parse(r#"{"mode": "all"}"#, "filter_json").unwrap();
        assert_eq!(f.mode, Some(TagsMode::All));
        assert_eq!(
            parse::<TagFilter>("{}", "filter_json").unwrap(),
            TagFilter::default()
        );
        assert!(parse::<TagFilter>(r#"{"tag": "a"}"#, "filter_json").is_err());
    }
}
