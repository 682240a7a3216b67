//! The 2026 connectors (operator token): `/integrations/connectors`, the Agent Engine
//! document's successor of `/integrations/sources` (SERVICE-FACTS §5.9).
//!
//! A connector is a source: its id is the source's, it shows in `/integrations/sources` too,
//! and every source shows here. Creating one names the workspace by `customer_name` (made
//! when new, as the token routes make workspaces; `workspace_name` is read as its alias) and
//! picks the organisation's source template for the connector: `source_template_id` when
//! given, else the one template of `definition_id` or `connector_type` (a connector name such
//! as `"postgres"`, see [`catalog::find_by_name`]); none is a 404, several a 400. The
//! templates are `REPLICATION` mode: `replication_config` is merged over the template's
//! defaults and validated as a source config is; `credentials`, `environment` and
//! `server_side_oauth_secret_id` are kept, never sent back. At least one of
//! `replication_config`, `credentials` and `server_side_oauth_secret_id` is required (422).
//!
//! Checks answer inline (`{id, status, error_message, failure_reason}`, `succeeded` or
//! `failed`) by the sandbox's check rule over the config, credentials, environment and OAuth
//! secret id. An execute (see [`crate::execute`]) on a connector the rule fails answers 200
//! with `status: "error"` and the reason in `result.error`.

use std::time::Instant;

use axum::extract::{Path, RawQuery, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::{Caller, Operator};
use crate::body::{Body, path_uuid};
use crate::catalog::{self, DefinitionKind};
use crate::checks::{self, Phase};
use crate::clock;
use crate::errors::{ApiError, ApiResult, ErrorItem};
use crate::execute;
use crate::models::{ConnectorAuth, Source};
use crate::objects;
use crate::query::{QueryParams, TagFilter, TagMode};
use crate::state::AppState;
use crate::store::{Store, deleted_json, source_definition};
use crate::validate::merged_config;

const BASE: &str = "/integrations/connectors";

/// The connector routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(list).post(create))
        .route(&format!("{BASE}/check"), post(check_new))
        .route(
            &format!("{BASE}/{{id}}"),
            get(get_one).put(update).delete(remove),
        )
        .route(&format!("{BASE}/{{id}}/check"), post(check_existing))
        .route(&format!("{BASE}/{{id}}/execute"), post(execute_one))
}

/// `ConnectorSourceCreateRequest` (and `ConnectorSourceCheckConfigRequest`, the same fields).
#[derive(Deserialize)]
struct ConnectorCreate {
    #[serde(alias = "workspace_name")]
    customer_name: String,
    name: Option<String>,
    connector_type: Option<String>,
    definition_id: Option<Uuid>,
    source_template_id: Option<Uuid>,
    replication_config: Option<Map<String, Value>>,
    credentials: Option<Map<String, Value>>,
    environment: Option<Map<String, Value>>,
    server_side_oauth_secret_id: Option<String>,
    #[serde(default)]
    selected_connection_template_tags: Vec<String>,
    selected_connection_template_tags_mode: Option<String>,
}

/// `{name?, replication_config?}` (`ConnectorSourceUpdateRequest`,
/// `ConnectorSourceCheckConfigUpdateRequest`).
#[derive(Deserialize)]
struct ConnectorUpdate {
    name: Option<String>,
    replication_config: Option<Map<String, Value>>,
}

/// `ConnectorExecuteRequest`.
#[derive(Deserialize)]
struct ExecuteRequest {
    entity: String,
    action: String,
    #[serde(default)]
    params: Option<Map<String, Value>>,
}

/// A validated create (or check) request.
struct Prepared {
    template_id: Uuid,
    name: String,
    config: Map<String, Value>,
    auth: ConnectorAuth,
    connections: TagFilter,
}

/// The organisation's live template for the request (see the module docs).
fn pick_template(store: &Store, org: Uuid, req: &ConnectorCreate) -> Result<usize, ApiError> {
    let by_type = match &req.connector_type {
        Some(name) => Some(
            catalog::find_by_name(Some(DefinitionKind::Source), name)
                .ok_or_else(|| ApiError::not_found("Connector type"))?,
        ),
        None => None,
    };
    let by_id = match req.definition_id {
        Some(id) => Some(
            catalog::find(DefinitionKind::Source, id)
                .ok_or_else(|| ApiError::not_found("Source definition"))?,
        ),
        None => None,
    };
    let definition = match (by_type, by_id) {
        (Some(a), Some(b)) if a.id != b.id => {
            return Err(ApiError::bad_request(
                "connector_type and definition_id name different connectors",
                ErrorItem::new("definition_id", "does not match connector_type", "mismatch"),
            ));
        }
        (a, b) => a.or(b),
    };
    let definition_id = definition.and_then(|d| Uuid::parse_str(d.id).ok());
    if let Some(id) = req.source_template_id {
        let index = store.source_template_index(org, id)?;
        if definition_id.is_some_and(|d| store.source_templates[index].definition_id != d) {
            return Err(ApiError::bad_request(
                "source_template_id is a template of another connector",
                ErrorItem::new(
                    "source_template_id",
                    "does not match the connector",
                    "mismatch",
                ),
            ));
        }
        return Ok(index);
    }
    let Some(definition_id) = definition_id else {
        return Err(ApiError::invalid(
            &["body", "connector_type"],
            "one of connector_type, definition_id or source_template_id is required",
            "value_error.missing",
        ));
    };
    let matching: Vec<usize> = store
        .source_templates
        .iter()
        .enumerate()
        .filter(|(_, t)| t.organization_id == org && !t.deleted && t.definition_id == definition_id)
        .map(|(i, _)| i)
        .collect();
    match matching.as_slice() {
        [] => Err(ApiError::not_found("Source template")),
        [one] => Ok(*one),
        _ => Err(ApiError::bad_request(
            "Several source templates exist for this connector: pass source_template_id",
            ErrorItem::new(
                "source_template_id",
                "required when several templates exist for the connector",
                "ambiguous",
            ),
        )),
    }
}

/// Checks a create (or check) request: the name, the config inputs, the template (404/400)
/// and the replication config (422).
fn prepare(store: &Store, caller: &Caller, req: ConnectorCreate) -> Result<Prepared, ApiError> {
    // The body's tag mode defaults to `any` (SERVICE-FACTS §2.10).
    let mode = match &req.selected_connection_template_tags_mode {
        Some(mode) => TagMode::parse(mode, &["body", "selected_connection_template_tags_mode"])?,
        None => TagMode::Any,
    };
    if req.customer_name.trim().is_empty() {
        return Err(ApiError::invalid(
            &["body", "customer_name"],
            "ensure this value has at least 1 characters",
            "value_error.any_str.min_length",
        ));
    }
    if req.replication_config.is_none()
        && req.credentials.is_none()
        && req.server_side_oauth_secret_id.is_none()
    {
        return Err(ApiError::invalid(
            &["body"],
            "one of replication_config, credentials or server_side_oauth_secret_id is required",
            "value_error",
        ));
    }
    let index = pick_template(store, caller.organization_id, &req)?;
    let template = &store.source_templates[index];
    let config = match &req.replication_config {
        Some(config) => merged_config(
            source_definition(template).spec(),
            &template.partial_default_config,
            config,
            &["body", "replication_config"],
        )?,
        None => template.partial_default_config.clone(),
    };
    Ok(Prepared {
        template_id: template.id,
        name: req.name.unwrap_or_else(|| template.name.clone()),
        config,
        auth: ConnectorAuth {
            source_id: Uuid::nil(),
            credentials: req.credentials,
            environment: req.environment,
            server_side_oauth_secret_id: req.server_side_oauth_secret_id,
        },
        connections: TagFilter::new(req.selected_connection_template_tags, mode),
    })
}

/// The `ConnectorSourceGetResponse` body: the source's, its config (secrets masked) under
/// `replication_config`.
fn connector_json(store: &Store, source: &Source) -> Value {
    let mut body = store.source_json(source);
    if let Some(map) = body.as_object_mut() {
        let config = map.remove("source_config").unwrap_or(Value::Null);
        map.insert("replication_config".to_owned(), config);
    }
    body
}

/// The `ConnectorSourceListItem` body: the source's summary, its template summary with the
/// 2026 `actor_definition_id` and `organization_id`.
fn connector_summary_json(store: &Store, source: &Source) -> Value {
    let mut body = store.source_summary_json(source);
    let template = store.template_of(source);
    if let Some(summary) = body
        .get_mut("summarized_source_template")
        .and_then(Value::as_object_mut)
    {
        summary.insert(
            "actor_definition_id".to_owned(),
            json!(template.definition_id),
        );
        summary.insert(
            "organization_id".to_owned(),
            json!(template.organization_id),
        );
    }
    body
}

/// `POST /integrations/connectors` → `ConnectorSourceCreateResponse`; like a source create,
/// it also makes the connector's connections from the matching connection templates.
async fn create(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<ConnectorCreate>,
) -> ApiResult {
    let mut state = app.lock();
    let workspace_name = req.customer_name.clone();
    let prepared = prepare(&state.store, &caller, req)?;
    let store = &mut state.store;
    let workspace_id = store.ensure_workspace(caller.organization_id, &workspace_name);
    let now = clock::now_iso();
    let source = Source {
        id: Uuid::new_v4(),
        organization_id: caller.organization_id,
        workspace_id,
        template_id: prepared.template_id,
        name: prepared.name,
        config: prepared.config,
        created_at: now.clone(),
        updated_at: now,
    };
    let body = connector_json(store, &source);
    store.connect_source(&source, &prepared.connections);
    store.connector_auth.push(ConnectorAuth {
        source_id: source.id,
        ..prepared.auth
    });
    store.sources.push(source);
    Ok(Json(body))
}

/// A query parameter that must be a UUID when present (422 at `query.<key>` otherwise).
fn query_uuid(query: &QueryParams, key: &str) -> Result<Option<Uuid>, ApiError> {
    query
        .get(key)
        .map(|raw| {
            Uuid::parse_str(raw).map_err(|_| {
                ApiError::invalid(
                    &["query", key],
                    "value is not a valid uuid",
                    "type_error.uuid",
                )
            })
        })
        .transpose()
}

/// `GET /integrations/connectors?workspace_id=&customer_name=&definition_id=` →
/// `{data: [ConnectorSourceListItem]}`: the organisation's connectors, narrowed by each
/// filter given (`external_user_id` and `workspace_name` read as `customer_name`); a
/// `workspace_id` of no workspace of the organisation is a 404, an unknown name lists none.
async fn list(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    let workspace = query_uuid(&query, "workspace_id")?;
    let definition = query_uuid(&query, "definition_id")?;
    let name = query
        .get("customer_name")
        .or_else(|| query.get("workspace_name"))
        .or_else(|| query.get("external_user_id"));
    let state = app.lock();
    let store = &state.store;
    if let Some(id) = workspace {
        store.workspace_for(&caller, id)?;
    }
    let named = name.map(|name| {
        store
            .workspaces
            .iter()
            .find(|w| w.organization_id == caller.organization_id && w.name == name)
            .map(|w| w.id)
    });
    let data: Vec<Value> = store
        .sources
        .iter()
        .filter(|s| s.organization_id == caller.organization_id)
        .filter(|s| workspace.is_none_or(|w| w == s.workspace_id))
        .filter(|s| named.is_none_or(|w| w == Some(s.workspace_id)))
        .filter(|s| definition.is_none_or(|d| store.template_of(s).definition_id == d))
        .map(|s| connector_summary_json(store, s))
        .collect();
    Ok(Json(objects::list(data)))
}

/// `GET /integrations/connectors/{id}` → `ConnectorSourceGetResponse`.
async fn get_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Connector")?;
    let state = app.lock();
    let store = &state.store;
    let index = connector_index(store, &caller, id)?;
    Ok(Json(connector_json(store, &store.sources[index])))
}

/// The connector (source) `id` of the caller's organisation; 404 otherwise.
fn connector_index(store: &Store, caller: &Caller, id: Uuid) -> Result<usize, ApiError> {
    store
        .source_index(caller, id)
        .map_err(|_| ApiError::not_found("Connector"))
}

/// `replication_config` merged over connector `index`'s stored config and validated.
fn merged_over(
    store: &Store,
    index: usize,
    over: &Map<String, Value>,
) -> Result<Map<String, Value>, ApiError> {
    let source = &store.sources[index];
    merged_config(
        source_definition(store.template_of(source)).spec(),
        &source.config,
        over,
        &["body", "replication_config"],
    )
}

/// `PUT /integrations/connectors/{id}` `{name?, replication_config?}` →
/// `ConnectorSourceUpdateResponse`; `replication_config` is partial, merged over the stored
/// config and validated.
async fn update(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<ConnectorUpdate>,
) -> ApiResult {
    let id = path_uuid(&id, "Connector")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = connector_index(store, &caller, id)?;
    if let Some(over) = &req.replication_config {
        store.sources[index].config = merged_over(store, index, over)?;
    }
    let source = &mut store.sources[index];
    if let Some(name) = req.name {
        source.name = name;
    }
    source.updated_at = clock::now_iso();
    Ok(Json(connector_json(store, &store.sources[index])))
}

/// `DELETE /integrations/connectors/{id}` → `{id, deleted_at}` (200, as the document has it).
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Connector")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = connector_index(store, &caller, id)?;
    store.sources.remove(index);
    store.connector_auth.retain(|a| a.source_id != id);
    store.entity_records.retain(|r| r.connector_id != id);
    Ok(Json(deleted_json(id)))
}

/// What the check rule looks at: the config with the connector's credentials, environment
/// and server-side OAuth secret beside it.
fn checked(config: &Map<String, Value>, auth: Option<&ConnectorAuth>) -> Value {
    json!({
        "config": config,
        "credentials": auth.and_then(|a| a.credentials.clone()),
        "environment": auth.and_then(|a| a.environment.clone()),
        "server_side_oauth_secret_id": auth.and_then(|a| a.server_side_oauth_secret_id.clone()),
    })
}

/// The inline `ConnectorSourceCheckConfigResponse` of a finished check.
fn check_json(subject: &Value) -> Value {
    let failure = checks::failure(subject);
    let mut body = checks::status_json(
        Uuid::new_v4(),
        Phase::Done,
        failure.as_deref(),
        clock::unix_millis(),
    );
    if let Some(map) = body.as_object_mut() {
        map.remove("enhanced_error_message");
    }
    body
}

/// `POST /integrations/connectors/check` (the create body) → the check's outcome, inline;
/// nothing is stored and no workspace is made.
async fn check_new(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<ConnectorCreate>,
) -> ApiResult {
    let prepared = prepare(&app.lock().store, &caller, req)?;
    Ok(Json(check_json(&checked(
        &prepared.config,
        Some(&prepared.auth),
    ))))
}

/// `POST /integrations/connectors/{id}/check` `{name?, replication_config?}` → the check's
/// outcome, inline; the config is merged over the stored one, which does not change.
async fn check_existing(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<ConnectorUpdate>,
) -> ApiResult {
    let id = path_uuid(&id, "Connector")?;
    let state = app.lock();
    let store = &state.store;
    let index = connector_index(store, &caller, id)?;
    let config = match &req.replication_config {
        Some(over) => merged_over(store, index, over)?,
        None => store.sources[index].config.clone(),
    };
    let auth = store.connector_auth.iter().find(|a| a.source_id == id);
    Ok(Json(check_json(&checked(&config, auth))))
}

/// `POST /integrations/connectors/{id}/execute` `{entity, action, params?}` →
/// `ConnectorExecuteResponse` (see [`crate::execute`]).
async fn execute_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<ExecuteRequest>,
) -> ApiResult {
    let started = Instant::now();
    let id = path_uuid(&id, "Connector")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = connector_index(store, &caller, id)?;
    let source = &store.sources[index];
    let definition = source_definition(store.template_of(source));
    let definition_id = Uuid::parse_str(definition.id).unwrap_or_default();
    let auth = store.connector_auth.iter().find(|a| a.source_id == id);
    let failure = checks::failure(&checked(&source.config, auth));
    let metadata = json!({
        "connector_type": definition.name.to_lowercase(),
        "definition_id": definition.id,
        "entity": req.entity,
        "action": req.action,
    });
    let params = req.params.unwrap_or_default();
    let (status, result) = match failure {
        Some(message) => ("error", json!({"error": message})),
        None => (
            "success",
            execute::run(store, id, definition_id, &req.entity, &req.action, &params)?,
        ),
    };
    Ok(Json(json!({
        "status": status,
        "result": result,
        "connector_metadata": metadata,
        "execution_metadata": {
            "connector_instance_id": id.to_string(),
            "execution_time_ms": u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        },
    })))
}
