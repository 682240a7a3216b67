//! Connection templates (operator): `/integrations/templates/connections[...]`, including
//! `cron/describe`.

use axum::extract::{Path, RawQuery, State};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::Operator;
use crate::body::{Body, from_value, path_uuid};
use crate::catalog::{self, DefinitionKind};
use crate::clock;
use crate::cron;
use crate::errors::{ApiError, ApiResult};
use crate::models::ConnectionTemplate;
use crate::objects;
use crate::query::{QueryParams, TagFilter};
use crate::routes::tags::{attach, detach};
use crate::state::AppState;
use crate::store::deleted_json;
use crate::validate::merged_config;

const BASE: &str = "/integrations/templates/connections";
/// The destination an Airbyte-hosted template is given: both documents require a
/// `destination_name`, and the 2025 one a `destination_definition_id` and `destination_config`
/// too; the service fills them with its own managed S3 storage (SERVICE-FACTS §5.6, §7.5),
/// whose config it does not show.
const AIRBYTE_HOSTED_DESTINATION: &str = "Airbyte-managed storage";
const PREFERENCES: [&str; 4] = ["ignore", "disable", "propagate_columns", "propagate_fully"];

/// The connection template routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(list).post(create))
        .route(&format!("{BASE}/cron/describe"), post(describe_cron))
        .route(
            &format!("{BASE}/{{id}}"),
            get(get_one).patch(update).delete(remove),
        )
        .route(&format!("{BASE}/{{id}}/tags"), post(add_tag))
        .route(
            &format!("{BASE}/{{id}}/tags/{{tag_name}}"),
            delete(remove_tag),
        )
}

#[derive(Deserialize)]
struct UserHostedCreate {
    destination_name: String,
    destination_definition_id: Uuid,
    destination_config: Map<String, Value>,
    cron_expression: Option<String>,
    non_breaking_changes_preference: Option<String>,
    sync_on_create: Option<bool>,
}

#[derive(Deserialize)]
struct AirbyteHostedCreate {
    cron_expression: Option<String>,
}

#[derive(Deserialize)]
struct TemplatePatch {
    destination_name: Option<String>,
    destination_config: Option<Map<String, Value>>,
    cron_expression: Option<String>,
    non_breaking_changes_preference: Option<String>,
    sync_on_create: Option<bool>,
}

#[derive(Deserialize)]
struct TagRef {
    tag: String,
}

#[derive(Deserialize)]
struct CronBody {
    cron_expression: String,
}

/// `GET /integrations/templates/connections?tags=&tags_mode=` → `{data: [ConnectionTemplate]}`
/// (`tags` repeated; `tags[]` is refused with 422, as [`TagFilter::from_query`] says).
async fn list(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let filter = TagFilter::from_query(&QueryParams::parse(raw.as_deref()))?;
    let state = app.lock();
    let store = &state.store;
    let data: Vec<Value> = store
        .connection_templates
        .iter()
        .filter(|t| t.organization_id == caller.organization_id)
        .filter(|t| filter.matches(&store.tag_names(&t.tag_ids)))
        .map(|t| store.connection_template_json(t))
        .collect();
    Ok(Json(objects::list(data)))
}

/// `GET /integrations/templates/connections/{id}`.
async fn get_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Connection template")?;
    let state = app.lock();
    let index = state
        .store
        .connection_template_index(caller.organization_id, id)?;
    Ok(Json(state.store.connection_template_json(
        &state.store.connection_templates[index],
    )))
}

/// `POST /integrations/templates/connections`: user-hosted (`destination_*` fields) or
/// `{"data_hosting_type": "airbyte_hosted", "cron_expression"?}`.
async fn create(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(body): Body<Map<String, Value>>,
) -> ApiResult {
    let now = clock::now_iso();
    let mut template = ConnectionTemplate {
        id: Uuid::new_v4(),
        organization_id: caller.organization_id,
        data_hosting_type: "airbyte_hosted".to_owned(),
        destination_name: None,
        destination_definition_id: None,
        destination_config: None,
        cron_expression: None,
        non_breaking_changes_preference: "ignore".to_owned(),
        sync_on_create: true,
        tag_ids: Vec::new(),
        created_at: now.clone(),
        updated_at: now,
    };
    match body.get("data_hosting_type") {
        Some(Value::String(s)) if s == "airbyte_hosted" => {
            let req: AirbyteHostedCreate = from_value(Value::Object(body), &["body"])?;
            template.cron_expression = cron_field(req.cron_expression.as_deref())?;
            template.destination_name = Some(AIRBYTE_HOSTED_DESTINATION.to_owned());
            template.destination_definition_id =
                Some(uuid::uuid!(catalog::DESTINATION_S3_DEFINITION_ID));
            template.destination_config = Some(Map::new());
        }
        None | Some(Value::Null) => user_hosted(&mut template, body)?,
        Some(Value::String(s)) if s == "user_hosted" => user_hosted(&mut template, body)?,
        Some(_) => {
            return Err(ApiError::invalid(
                &["body", "data_hosting_type"],
                "value is not a valid enumeration member; permitted: 'user_hosted', 'airbyte_hosted'",
                "type_error.enum",
            ));
        }
    }
    let mut state = app.lock();
    let body = state.store.connection_template_json(&template);
    state.store.connection_templates.push(template);
    Ok(Json(body))
}

/// Fills a user-hosted template from its create body.
fn user_hosted(
    template: &mut ConnectionTemplate,
    body: Map<String, Value>,
) -> Result<(), ApiError> {
    let req: UserHostedCreate = from_value(Value::Object(body), &["body"])?;
    template.data_hosting_type = "user_hosted".to_owned();
    template.destination_config = Some(destination_config(
        req.destination_definition_id,
        &req.destination_config,
    )?);
    template.destination_name = Some(req.destination_name);
    template.destination_definition_id = Some(req.destination_definition_id);
    template.cron_expression = cron_field(req.cron_expression.as_deref())?;
    if let Some(p) = req.non_breaking_changes_preference {
        template.non_breaking_changes_preference = preference(p)?;
    }
    template.sync_on_create = req.sync_on_create.unwrap_or(true);
    Ok(())
}

/// Validates a destination config against its definition's spec (404 for an unknown
/// definition, 422 listing the problems).
fn destination_config(
    definition_id: Uuid,
    config: &Map<String, Value>,
) -> Result<Map<String, Value>, ApiError> {
    let definition = catalog::find(DefinitionKind::Destination, definition_id)
        .ok_or_else(|| ApiError::not_found("Destination definition"))?;
    merged_config(
        definition.spec(),
        &Map::new(),
        config,
        &["body", "destination_config"],
    )
}

/// Validates an optional Quartz expression and returns it as echoed (` UTC` appended).
fn cron_field(expression: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(expression) = expression else {
        return Ok(None);
    };
    cron::parse(expression).map_err(|e| {
        ApiError::invalid(
            &["body", "cron_expression"],
            format!("invalid Quartz cron expression: {e}"),
            "value_error",
        )
    })?;
    Ok(Some(format!("{} UTC", cron::strip_time_zone(expression))))
}

fn preference(p: String) -> Result<String, ApiError> {
    if PREFERENCES.contains(&p.as_str()) {
        Ok(p)
    } else {
        Err(ApiError::invalid(
            &["body", "non_breaking_changes_preference"],
            "value is not a valid enumeration member; permitted: 'ignore', 'disable', 'propagate_columns', 'propagate_fully'",
            "type_error.enum",
        ))
    }
}

/// `PATCH /integrations/templates/connections/{id}`: any of `destination_name,
/// destination_config, cron_expression` (`null` clears it), `non_breaking_changes_preference,
/// sync_on_create`.
async fn update(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(body): Body<Map<String, Value>>,
) -> ApiResult {
    let id = path_uuid(&id, "Connection template")?;
    let clear_cron = body.get("cron_expression").is_some_and(Value::is_null);
    let req: TemplatePatch = from_value(Value::Object(body), &["body"])?;
    let cron = cron_field(req.cron_expression.as_deref())?;
    let preference = req
        .non_breaking_changes_preference
        .map(preference)
        .transpose()?;
    let mut state = app.lock();
    let index = state
        .store
        .connection_template_index(caller.organization_id, id)?;
    let t = &mut state.store.connection_templates[index];
    if let Some(config) = req.destination_config {
        let definition = t
            .destination_definition_id
            .filter(|_| t.data_hosting_type != "airbyte_hosted")
            .ok_or_else(|| {
                ApiError::invalid(
                    &["body", "destination_config"],
                    "an airbyte_hosted template has no destination config",
                    "value_error",
                )
            })?;
        t.destination_config = Some(destination_config(definition, &config)?);
    }
    if let Some(name) = req.destination_name {
        t.destination_name = Some(name);
    }
    if cron.is_some() || clear_cron {
        t.cron_expression = cron;
    }
    if let Some(p) = preference {
        t.non_breaking_changes_preference = p;
    }
    if let Some(s) = req.sync_on_create {
        t.sync_on_create = s;
    }
    t.updated_at = clock::now_iso();
    Ok(Json(state.store.connection_template_json(
        &state.store.connection_templates[index],
    )))
}

/// `DELETE /integrations/templates/connections/{id}` → `{id, deleted_at}`.
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Connection template")?;
    let mut state = app.lock();
    let index = state
        .store
        .connection_template_index(caller.organization_id, id)?;
    state.store.connection_templates.remove(index);
    Ok(Json(deleted_json(id)))
}

/// `POST /integrations/templates/connections/{id}/tags` `{tag}` → `ConnectionTemplate`.
async fn add_tag(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<TagRef>,
) -> ApiResult {
    let id = path_uuid(&id, "Connection template")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.connection_template_index(caller.organization_id, id)?;
    let tag = store.tag(caller.organization_id, &req.tag)?.id;
    let t = &mut store.connection_templates[index];
    attach(&mut t.tag_ids, tag);
    t.updated_at = clock::now_iso();
    Ok(Json(store.connection_template_json(
        &store.connection_templates[index],
    )))
}

/// `DELETE /integrations/templates/connections/{id}/tags/{tag_name}` → `{deleted_at}`.
async fn remove_tag(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((id, tag_name)): Path<(String, String)>,
) -> ApiResult {
    let id = path_uuid(&id, "Connection template")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.connection_template_index(caller.organization_id, id)?;
    let tag = store.tag(caller.organization_id, &tag_name)?.id;
    let t = &mut store.connection_templates[index];
    let body = detach(&mut t.tag_ids, tag)?;
    t.updated_at = clock::now_iso();
    Ok(Json(body))
}

/// `POST /integrations/templates/connections/cron/describe` `{cron_expression}` →
/// `{description, is_valid}` (an invalid expression is a 200 with `is_valid: false` and the
/// reason as description).
async fn describe_cron(Operator(_): Operator, Body(req): Body<CronBody>) -> ApiResult {
    let body = match cron::describe(&req.cron_expression) {
        Ok(description) => json!({"description": description, "is_valid": true}),
        Err(reason) => {
            json!({"description": format!("Invalid cron expression: {reason}"), "is_valid": false})
        }
    };
    Ok(Json(body))
}
