//! Sources and their checks, served twice: for end users under `/embedded/sources` (scoped
//! token, own workspace only) and for operators under `/integrations/sources` (any workspace of
//! the organisation).

use std::time::Instant;

use axum::extract::{Path, RawQuery, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::{Audience, Caller};
use crate::body::{Body, path_uuid};
use crate::checks;
use crate::clock;
use crate::errors::{ApiError, ApiResult};
use crate::models::{CheckJob, Source};
use crate::objects;
use crate::query::{QueryParams, TagFilter, TagMode};
use crate::state::{AppState, Shared};
use crate::store::{Store, deleted_json, source_definition};
use crate::validate::merged_config;

/// The source routes under `prefix`, for the audience `A`.
pub(crate) fn routes<A: Audience>(prefix: &str) -> Router<AppState> {
    Router::new()
        .route(prefix, get(list::<A>).post(create::<A>))
        .route(&format!("{prefix}/check"), post(check_new::<A>))
        .route(
            &format!("{prefix}/check/{{id}}/status"),
            get(check_status::<A>),
        )
        .route(
            &format!("{prefix}/{{id}}"),
            get(get_one::<A>).put(update::<A>).delete(remove::<A>),
        )
        .route(&format!("{prefix}/{{id}}/check"), post(check_existing::<A>))
}

/// `SourceCreate`.
#[derive(Deserialize)]
struct SourceCreate {
    workspace_id: Uuid,
    source_template_id: Uuid,
    source_config: Map<String, Value>,
    name: Option<String>,
    #[serde(default)]
    selected_connection_template_tags: Vec<String>,
    selected_connection_template_tags_mode: Option<String>,
}

/// `{name?, source_config?}`.
#[derive(Deserialize)]
struct SourceUpdate {
    name: Option<String>,
    source_config: Option<Map<String, Value>>,
}

/// A validated `SourceCreate`.
struct Prepared {
    workspace_id: Uuid,
    template_id: Uuid,
    name: String,
    config: Map<String, Value>,
    /// The connection templates to apply (`selected_connection_template_tags(_mode)`).
    connections: TagFilter,
}

/// Checks the workspace (404/403), the template (404) and the merged config (422).
fn prepare(store: &Store, caller: &Caller, req: SourceCreate) -> Result<Prepared, ApiError> {
    // The body's tag modes default to `any` (SERVICE-FACTS §2.10).
    let mode = match &req.selected_connection_template_tags_mode {
        Some(mode) => TagMode::parse(mode, &["body", "selected_connection_template_tags_mode"])?,
        None => TagMode::Any,
    };
    let connections = TagFilter::new(req.selected_connection_template_tags.clone(), mode);
    store.workspace_for(caller, req.workspace_id)?;
    let index = store.source_template_index(caller.organization_id, req.source_template_id)?;
    let template = &store.source_templates[index];
    let config = merged_config(
        source_definition(template).spec(),
        &template.partial_default_config,
        &req.source_config,
        &["body", "source_config"],
    )?;
    Ok(Prepared {
        workspace_id: req.workspace_id,
        template_id: template.id,
        name: req.name.unwrap_or_else(|| template.name.clone()),
        config,
        connections,
    })
}

/// `POST .../sources` `SourceCreate` → `Source`; also makes the source's destinations and
/// connections from the matching connection templates.
async fn create<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Body(req): Body<SourceCreate>,
) -> ApiResult {
    let caller = auth.caller();
    let mut state = app.lock();
    let prepared = prepare(&state.store, &caller, req)?;
    let now = clock::now_iso();
    let source = Source {
        id: Uuid::new_v4(),
        organization_id: caller.organization_id,
        workspace_id: prepared.workspace_id,
        template_id: prepared.template_id,
        name: prepared.name,
        config: prepared.config,
        created_at: now.clone(),
        updated_at: now,
    };
    let body = state.store.source_json(&source);
    state.store.connect_source(&source, &prepared.connections);
    state.store.sources.push(source);
    Ok(Json(body))
}

/// `GET .../sources?workspace_id=` → `{data: [SourceSummary]}`.
async fn list<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let caller = auth.caller();
    let query = QueryParams::parse(raw.as_deref());
    let workspace = query.workspace_id()?;
    let state = app.lock();
    let store = &state.store;
    store.workspace_for(&caller, workspace)?;
    let data: Vec<Value> = store
        .sources
        .iter()
        .filter(|s| s.workspace_id == workspace && s.organization_id == caller.organization_id)
        .map(|s| store.source_summary_json(s))
        .collect();
    Ok(Json(objects::list(data)))
}

/// `GET .../sources/{id}` → `Source`.
async fn get_one<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Path(id): Path<String>,
) -> ApiResult {
    let caller = auth.caller();
    let id = path_uuid(&id, "Source")?;
    let state = app.lock();
    let index = state.store.source_index(&caller, id)?;
    Ok(Json(state.store.source_json(&state.store.sources[index])))
}

/// `PUT .../sources/{id}` `{name?, source_config?}` → `Source`; `source_config` is a partial
/// config, merged over the stored source's config (template defaults included) and validated,
/// so an update may carry one field without the secrets it does not change.
async fn update<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Path(id): Path<String>,
    Body(req): Body<SourceUpdate>,
) -> ApiResult {
    let caller = auth.caller();
    let id = path_uuid(&id, "Source")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.source_index(&caller, id)?;
    if let Some(config) = &req.source_config {
        let source = &store.sources[index];
        let merged = merged_config(
            source_definition(store.template_of(source)).spec(),
            &source.config,
            config,
            &["body", "source_config"],
        )?;
        store.sources[index].config = merged;
    }
    let source = &mut store.sources[index];
    if let Some(name) = req.name {
        source.name = name;
    }
    source.updated_at = clock::now_iso();
    Ok(Json(store.source_json(&store.sources[index])))
}

/// `DELETE .../sources/{id}` → `{id, deleted_at}`.
async fn remove<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Path(id): Path<String>,
) -> ApiResult {
    let caller = auth.caller();
    let id = path_uuid(&id, "Source")?;
    let mut state = app.lock();
    let index = state.store.source_index(&caller, id)?;
    state.store.sources.remove(index);
    Ok(Json(deleted_json(id)))
}

/// `POST .../sources/check` `SourceCreate` → `{id}` of a check job (nothing is stored but the job).
async fn check_new<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Body(req): Body<SourceCreate>,
) -> ApiResult {
    let caller = auth.caller();
    let prepared = prepare(&app.lock().store, &caller, req)?;
    Ok(Json(start_check(
        &app,
        &caller,
        prepared.workspace_id,
        &prepared.config,
    )))
}

/// `POST .../sources/{id}/check` `{name?, source_config?}` → `{id}`; the config is merged over
/// the stored source's config and validated.
async fn check_existing<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Path(id): Path<String>,
    Body(req): Body<SourceUpdate>,
) -> ApiResult {
    let caller = auth.caller();
    let id = path_uuid(&id, "Source")?;
    let (workspace, config) = {
        let state = app.lock();
        let store = &state.store;
        let source = &store.sources[store.source_index(&caller, id)?];
        let config = match &req.source_config {
            Some(over) => merged_config(
                source_definition(store.template_of(source)).spec(),
                &source.config,
                over,
                &["body", "source_config"],
            )?,
            None => source.config.clone(),
        };
        (source.workspace_id, config)
    };
    Ok(Json(start_check(&app, &caller, workspace, &config)))
}

/// Starts a check job of `config` and returns `{id}`.
fn start_check(
    app: &Shared,
    caller: &Caller,
    workspace_id: Uuid,
    config: &Map<String, Value>,
) -> Value {
    let duration = app.config.check_duration;
    let job = CheckJob {
        id: Uuid::new_v4(),
        organization_id: caller.organization_id,
        workspace_id,
        started: Instant::now(),
        finished_ms: clock::unix_millis()
            + u64::try_from(duration.as_millis()).unwrap_or(u64::MAX / 2),
        failure: checks::failure(&Value::Object(config.clone())),
    };
    let body = json!({"id": job.id});
    app.lock().store.checks.push(job);
    body
}

/// `GET .../sources/check/{id}/status` → `CheckStatus`.
async fn check_status<A: Audience>(
    State(app): State<AppState>,
    auth: A,
    Path(id): Path<String>,
) -> ApiResult {
    let caller = auth.caller();
    let id = path_uuid(&id, "Check")?;
    let state = app.lock();
    let job = state
        .store
        .checks
        .iter()
        .find(|j| {
            j.id == id
                && j.organization_id == caller.organization_id
                && caller.workspace_scope.is_none_or(|w| w == j.workspace_id)
        })
        .ok_or_else(|| ApiError::not_found("Check"))?;
    let phase = checks::phase(job.started.elapsed(), app.config.check_duration);
    Ok(Json(checks::status_json(
        job.id,
        phase,
        job.failure.as_deref(),
        job.finished_ms,
    )))
}
