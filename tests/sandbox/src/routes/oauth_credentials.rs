//! The organisation's OAuth apps (operator token, 2026): `PUT /oauth/credentials` and
//! `DELETE /oauth/credentials/connector_type/{connector_type}` (SERVICE-FACTS §5.10).
//!
//! One app per organisation and connector definition (source or destination), named by
//! exactly one of `connector_type` (a connector name, see [`catalog::find_by_name`]) or
//! `connector_definition_id`; a second `PUT` replaces the first's `configuration`, keeping its
//! id. The body admits no other field (the document's `additionalProperties: false`: 422).
//! `configuration` is never sent back. The delete answers 204 with no body whether or not
//! there was an app to delete, an unknown connector name included (idempotent).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::Operator;
use crate::body::Body;
use crate::catalog::{self, Definition, DefinitionKind};
use crate::clock;
use crate::errors::{ApiError, ApiResult};
use crate::models::OAuthOverride;
use crate::state::AppState;

/// The OAuth app routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/oauth/credentials", put(set)).route(
        "/oauth/credentials/connector_type/{connector_type}",
        delete(remove),
    )
}

/// `OAuthCredentialsRequest`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OAuthCredentialsRequest {
    connector_definition_id: Option<Uuid>,
    connector_type: Option<String>,
    configuration: Map<String, Value>,
}

/// The definition a connector name names, of either kind.
fn by_name(name: &str) -> Option<&'static Definition> {
    catalog::find_by_name(None, name)
}

fn actor_type(definition: &Definition) -> &'static str {
    match definition.kind {
        DefinitionKind::Source => "source",
        DefinitionKind::Destination => "destination",
    }
}

/// `PUT /oauth/credentials` → `OAuthCredentialsResponse`.
async fn set(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<OAuthCredentialsRequest>,
) -> ApiResult {
    let definition = match (&req.connector_type, req.connector_definition_id) {
        (Some(name), None) => by_name(name).ok_or_else(|| ApiError::not_found("Connector type"))?,
        (None, Some(id)) => catalog::find(DefinitionKind::Source, id)
            .or_else(|| catalog::find(DefinitionKind::Destination, id))
            .ok_or_else(|| ApiError::not_found("Connector definition"))?,
        _ => {
            return Err(ApiError::invalid(
                &["body"],
                "exactly one of connector_type or connector_definition_id is required",
                "value_error",
            ));
        }
    };
    let definition_id = Uuid::parse_str(definition.id).unwrap_or_default();
    let now = clock::now_iso();
    let mut state = app.lock();
    let apps = &mut state.store.oauth_overrides;
    let index = match apps.iter().position(|a| {
        a.organization_id == caller.organization_id && a.definition_id == definition_id
    }) {
        Some(i) => {
            apps[i].configuration = req.configuration;
            apps[i].updated_at = now;
            i
        }
        None => {
            apps.push(OAuthOverride {
                id: Uuid::new_v4(),
                organization_id: caller.organization_id,
                definition_id,
                actor_type: actor_type(definition),
                configuration: req.configuration,
                created_at: now.clone(),
                updated_at: now,
            });
            apps.len() - 1
        }
    };
    let a = &apps[index];
    Ok(Json(json!({
        "id": a.id,
        "scope_type": "organization",
        "scope_id": a.organization_id,
        "connector_type": a.actor_type,
        "connector_definition_id": a.definition_id,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
    })))
}

/// `DELETE /oauth/credentials/connector_type/{connector_type}` → 204, no body.
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(connector_type): Path<String>,
) -> Result<StatusCode, ApiError> {
    if let Some(definition) = by_name(&connector_type) {
        let definition_id = Uuid::parse_str(definition.id).unwrap_or_default();
        app.lock().store.oauth_overrides.retain(|a| {
            !(a.organization_id == caller.organization_id && a.definition_id == definition_id)
        });
    }
    Ok(StatusCode::NO_CONTENT)
}
