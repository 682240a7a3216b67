//! Source templates: operator CRUD under `/integrations/templates/sources` and the end-user
//! read-only view under `/embedded/source-templates`.

use axum::extract::{Path, RawQuery, State};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::{Caller, EndUser, Operator};
use crate::body::{Body, from_value, path_uuid};
use crate::catalog::{self, DefinitionKind};
use crate::clock;
use crate::errors::{ApiError, ApiResult};
use crate::global_templates;
use crate::models::SourceTemplate;
use crate::objects;
use crate::query::{QueryParams, TagFilter};
use crate::routes::tags::{attach, detach};
use crate::state::AppState;
use crate::store::{Store, deleted_json};
use crate::validate::reject_masks;

const BASE: &str = "/integrations/templates/sources";

/// The source template routes (operator and end user).
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(list).post(create))
        .route(&format!("{BASE}/global"), get(list_global))
        .route(
            &format!("{BASE}/{{id}}"),
            get(get_one).patch(update).delete(remove),
        )
        .route(&format!("{BASE}/{{id}}/tags"), post(add_tag))
        .route(
            &format!("{BASE}/{{id}}/tags/{{tag_name}}"),
            delete(remove_tag),
        )
        .route("/embedded/source-templates", get(end_user_list))
        .route("/embedded/source-templates/{id}", get(end_user_get))
}

#[derive(Deserialize)]
struct TemplateCreate {
    actor_definition_id: Uuid,
    partial_default_config: Map<String, Value>,
    name: Option<String>,
    customization: Option<Value>,
}

#[derive(Deserialize)]
struct TemplateClone {
    original_source_template_id: Uuid,
    name: Option<String>,
}

#[derive(Deserialize)]
struct TemplatePatch {
    name: Option<String>,
    partial_default_config: Option<Map<String, Value>>,
    customization: Option<Value>,
    #[allow(dead_code)]
    propagate: Option<bool>,
}

#[derive(Deserialize)]
struct TagRef {
    tag: String,
}

/// `SourceTemplateCustomization`: the stream selection, and per-stream customizations and
/// mappers, which the sandbox keeps as sent (raw JSON) and echoes.
#[derive(Deserialize)]
struct CustomizationBody {
    stream_selection_mode: Option<String>,
    stream_whitelist: Option<Vec<String>>,
    stream_customizations: Option<Map<String, Value>>,
    stream_mappers: Option<Map<String, Value>>,
}

/// `{data: [SourceTemplateSummary]}` of the caller's organisation, filtered by tags and, for a
/// scoped token from a widget token, by the widget token's source template selection.
fn list_json(store: &Store, caller: &Caller, raw_query: Option<&str>) -> ApiResult {
    let query = QueryParams::parse(raw_query);
    let filter = TagFilter::from_query(&query)?;
    let selection = caller
        .source_template_selection
        .as_ref()
        .map(|s| TagFilter::new(s.tags.clone(), s.mode));
    let data: Vec<Value> = store
        .source_templates
        .iter()
        .filter(|t| t.organization_id == caller.organization_id && !t.deleted)
        .filter(|t| {
            let names = store.tag_names(&t.tag_ids);
            filter.matches(&names) && selection.as_ref().is_none_or(|s| s.matches(&names))
        })
        .map(|t| store.source_template_summary_json(t))
        .collect();
    Ok(Json(objects::list(data)))
}

/// `SourceTemplate` of template `raw_id` in the caller's organisation.
fn get_json(store: &Store, caller: &Caller, raw_id: &str) -> ApiResult {
    let id = path_uuid(raw_id, "Source template")?;
    let index = store.source_template_index(caller.organization_id, id)?;
    Ok(Json(
        store.source_template_json(&store.source_templates[index]),
    ))
}

/// `GET /integrations/templates/sources?tags=&tags_mode=&use_global=`: `use_global=true`
/// (2026) lists the global templates, narrowed by the same tags, instead of the
/// organisation's.
async fn list(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    match query.get("use_global") {
        None | Some("false") => list_json(&app.lock().store, &caller, raw.as_deref()),
        Some("true") => {
            let filter = TagFilter::from_query(&query)?;
            let state = app.lock();
            let data: Vec<Value> = global_templates::all()
                .iter()
                .filter(|t| filter.matches(&state.store.tag_names(&t.tag_ids)))
                .map(|t| state.store.source_template_summary_json(t))
                .collect();
            Ok(Json(objects::list(data)))
        }
        Some(_) => Err(ApiError::invalid(
            &["query", "use_global"],
            "value could not be parsed to a boolean",
            "type_error.bool",
        )),
    }
}

/// `GET /integrations/templates/sources/global`: the Airbyte-maintained templates, the same
/// for every organisation.
async fn list_global(State(app): State<AppState>, Operator(_): Operator) -> ApiResult {
    let state = app.lock();
    let data: Vec<Value> = global_templates::all()
        .iter()
        .map(|t| state.store.source_template_summary_json(t))
        .collect();
    Ok(Json(objects::list(data)))
}

/// `GET /embedded/source-templates?tags=&tags_mode=` (end user).
async fn end_user_list(
    State(app): State<AppState>,
    EndUser(caller): EndUser,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    list_json(&app.lock().store, &caller, raw.as_deref())
}

/// `GET /integrations/templates/sources/{id}`.
async fn get_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    get_json(&app.lock().store, &caller, &id)
}

/// `GET /embedded/source-templates/{id}` (end user).
async fn end_user_get(
    State(app): State<AppState>,
    EndUser(caller): EndUser,
    Path(id): Path<String>,
) -> ApiResult {
    get_json(&app.lock().store, &caller, &id)
}

/// `POST /integrations/templates/sources`: create from a definition, or clone with
/// `original_source_template_id` (one of the organisation's templates or a global one).
async fn create(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(body): Body<Map<String, Value>>,
) -> ApiResult {
    let org = caller.organization_id;
    let mut state = app.lock();
    let store = &mut state.store;
    let template = if body.contains_key("original_source_template_id") {
        let req: TemplateClone = from_value(Value::Object(body), &["body"])?;
        let original = match global_templates::find(req.original_source_template_id) {
            Some(global) => global,
            None => {
                let index = store.source_template_index(org, req.original_source_template_id)?;
                &store.source_templates[index]
            }
        };
        SourceTemplate {
            name: req.name.unwrap_or_else(|| original.name.clone()),
            ..new_template(
                org,
                original.definition_id,
                original.partial_default_config.clone(),
                original.customization.clone(),
                String::new(),
            )
        }
    } else {
        let req: TemplateCreate = from_value(Value::Object(body), &["body"])?;
        let definition = catalog::find(DefinitionKind::Source, req.actor_definition_id)
            .ok_or_else(|| ApiError::not_found("Source definition"))?;
        reject_masks(
            definition.spec(),
            &req.partial_default_config,
            &["body", "partial_default_config"],
        )?;
        let customization = customization(req.customization)?;
        let name = req.name.unwrap_or_else(|| definition.name.to_owned());
        new_template(
            org,
            req.actor_definition_id,
            req.partial_default_config,
            customization,
            name,
        )
    };
    let body = store.source_template_json(&template);
    store.source_templates.push(template);
    Ok(Json(body))
}

fn new_template(
    org: Uuid,
    definition_id: Uuid,
    partial_default_config: Map<String, Value>,
    customization: Value,
    name: String,
) -> SourceTemplate {
    let now = clock::now_iso();
    SourceTemplate {
        id: Uuid::new_v4(),
        organization_id: org,
        definition_id,
        name,
        partial_default_config,
        customization,
        tag_ids: Vec::new(),
        created_at: now.clone(),
        updated_at: now,
        deleted: false,
    }
}

/// Normalises `customization`: `null` stays `null`; otherwise `stream_selection_mode` is
/// `all|suggested|whitelist` (default `suggested`) and `whitelist` needs a non-empty
/// `stream_whitelist`; `stream_customizations` and `stream_mappers` (objects keyed by stream
/// name, or `null`) are kept as sent.
fn customization(raw: Option<Value>) -> Result<Value, ApiError> {
    let Some(raw) = raw.filter(|v| !v.is_null()) else {
        return Ok(Value::Null);
    };
    let c: CustomizationBody = from_value(raw, &["body", "customization"])?;
    let mode = c
        .stream_selection_mode
        .unwrap_or_else(|| "suggested".to_owned());
    if !["all", "suggested", "whitelist"].contains(&mode.as_str()) {
        return Err(ApiError::invalid(
            &["body", "customization", "stream_selection_mode"],
            "value is not a valid enumeration member; permitted: 'all', 'suggested', 'whitelist'",
            "type_error.enum",
        ));
    }
    if mode == "whitelist" && c.stream_whitelist.as_ref().is_none_or(Vec::is_empty) {
        return Err(ApiError::invalid(
            &["body", "customization", "stream_whitelist"],
            "stream_whitelist must list at least one stream when stream_selection_mode is whitelist",
            "value_error",
        ));
    }
    Ok(json!({
        "stream_selection_mode": mode,
        "stream_whitelist": c.stream_whitelist,
        "stream_customizations": c.stream_customizations,
        "stream_mappers": c.stream_mappers,
    }))
}

/// `PATCH /integrations/templates/sources/{id}` `{name?, partial_default_config?, customization?,
/// propagate?}`.
async fn update(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<TemplatePatch>,
) -> ApiResult {
    let id = path_uuid(&id, "Source template")?;
    let customization = match req.customization {
        Some(raw) => Some(customization(Some(raw))?),
        None => None,
    };
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.source_template_index(caller.organization_id, id)?;
    if let Some(config) = &req.partial_default_config {
        let spec = crate::store::source_definition(&store.source_templates[index]).spec();
        reject_masks(spec, config, &["body", "partial_default_config"])?;
    }
    let t = &mut store.source_templates[index];
    if let Some(name) = req.name {
        t.name = name;
    }
    if let Some(config) = req.partial_default_config {
        t.partial_default_config = config;
    }
    if let Some(c) = customization {
        t.customization = c;
    }
    t.updated_at = clock::now_iso();
    Ok(Json(
        store.source_template_json(&store.source_templates[index]),
    ))
}

/// `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Source template")?;
    let mut state = app.lock();
    let index = state
        .store
        .source_template_index(caller.organization_id, id)?;
    state.store.source_templates[index].deleted = true;
    Ok(Json(deleted_json(id)))
}

/// `POST /integrations/templates/sources/{id}/tags` `{tag}` → `SourceTemplate`.
async fn add_tag(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<TagRef>,
) -> ApiResult {
    let id = path_uuid(&id, "Source template")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.source_template_index(caller.organization_id, id)?;
    let tag = store.tag(caller.organization_id, &req.tag)?.id;
    let t = &mut store.source_templates[index];
    attach(&mut t.tag_ids, tag);
    t.updated_at = clock::now_iso();
    Ok(Json(
        store.source_template_json(&store.source_templates[index]),
    ))
}

/// `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.
async fn remove_tag(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((id, tag_name)): Path<(String, String)>,
) -> ApiResult {
    let id = path_uuid(&id, "Source template")?;
    let mut state = app.lock();
    let store = &mut state.store;
    let index = store.source_template_index(caller.organization_id, id)?;
    let tag = store.tag(caller.organization_id, &tag_name)?.id;
    let t = &mut store.source_templates[index];
    let body = detach(&mut t.tag_ids, tag)?;
    t.updated_at = clock::now_iso();
    Ok(Json(body))
}
