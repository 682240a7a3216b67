//! Connector definitions (operator): `/integrations/definitions/sources[/{id}]` and
//! `/integrations/definitions/destinations[/{id}]`.

use axum::extract::{Path, RawQuery};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::Operator;
use crate::body::path_uuid;
use crate::catalog::{self, DefinitionKind};
use crate::errors::{ApiError, ApiResult};
use crate::query::QueryParams;
use crate::state::AppState;

/// The definition routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/integrations/definitions/sources", get(list))
        .route("/integrations/definitions/sources/{id}", get(get_one))
        .route(
            "/integrations/definitions/destinations",
            get(list_destinations),
        )
        .route(
            "/integrations/definitions/destinations/{id}",
            get(get_destination),
        )
}

/// `GET /integrations/definitions/sources?name=` (case-insensitive substring) →
/// `{definitions: [{sourceDefinitionId, name, iconUrl, supportLevel}]}`.
async fn list(Operator(_): Operator, RawQuery(raw): RawQuery) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    let name = query.get("name").unwrap_or("").to_lowercase();
    let definitions: Vec<Value> = catalog::definitions(DefinitionKind::Source)
        .filter(|d| d.name.to_lowercase().contains(&name))
        .map(|d| d.summary_json())
        .collect();
    Ok(Json(json!({"definitions": definitions})))
}

/// `GET /integrations/definitions/sources/{id}` → `{id, definition: {name, spec, ...}}`.
async fn get_one(Operator(_): Operator, Path(id): Path<String>) -> ApiResult {
    let id = path_uuid(&id, "Source definition")?;
    catalog::find(DefinitionKind::Source, id)
        .map(|d| Json(d.detail_json()))
        .ok_or_else(|| ApiError::not_found("Source definition"))
}

/// `GET /integrations/definitions/destinations?actorDefinitionIds=…` (repeated; none lists
/// every destination connector) → `{destinations: [{id, name, icon}]}`.
async fn list_destinations(Operator(_): Operator, RawQuery(raw): RawQuery) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    let mut wanted = Vec::new();
    for (i, raw) in query.all("actorDefinitionIds").iter().enumerate() {
        let id = uuid::Uuid::parse_str(raw).map_err(|_| {
            ApiError::invalid(
                &["query", "actorDefinitionIds", &i.to_string()],
                "value is not a valid uuid",
                "type_error.uuid",
            )
        })?;
        wanted.push(id);
    }
    let destinations: Vec<Value> = catalog::definitions(DefinitionKind::Destination)
        .filter(|d| {
            wanted.is_empty() || uuid::Uuid::parse_str(d.id).is_ok_and(|id| wanted.contains(&id))
        })
        .map(|d| d.destination_summary_json())
        .collect();
    Ok(Json(json!({"destinations": destinations})))
}

/// `GET /integrations/definitions/destinations/{id}` → `{id, definition: {name, spec, ...}}`.
async fn get_destination(Operator(_): Operator, Path(id): Path<String>) -> ApiResult {
    let id = path_uuid(&id, "Destination definition")?;
    catalog::find(DefinitionKind::Destination, id)
        .map(|d| Json(d.detail_json()))
        .ok_or_else(|| ApiError::not_found("Destination definition"))
}
