//! Destinations (operator): `GET /integrations/destinations?workspace_id=` and
//! `GET /integrations/destinations/{id}`. They are made from connection templates when a source
//! is created; there is no create, update or delete route (SERVICE-FACTS §5.11).

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use crate::auth::Operator;
use crate::body::path_uuid;
use crate::errors::{ApiError, ApiResult};
use crate::models::Destination;
use crate::objects;
use crate::pagination::{absolute_url, cursor_after, encode_cursor};
use crate::query::QueryParams;
use crate::routes::workspaces::parse_limit;
use crate::state::AppState;

const BASE: &str = "/integrations/destinations";

/// The destination routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(list))
        .route(&format!("{BASE}/{{id}}"), get(get_one))
}

/// `GET /integrations/destinations?workspace_id=&limit=&cursor=` →
/// `{data: [DestinationListItem], next}`.
async fn list(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    let workspace = query.workspace_id()?;
    let limit = parse_limit(query.get("limit"))?;
    let state = app.lock();
    let store = &state.store;
    store.workspace_for(&caller, workspace)?;
    let after = cursor_after(query.get("cursor"), store.last_seq())?;
    let mut matching = store.destinations.iter().filter(|d| {
        d.organization_id == caller.organization_id && d.workspace_id == workspace && d.seq > after
    });
    let page: Vec<&Destination> = matching.by_ref().take(limit).collect();
    let next = match (matching.next(), page.last()) {
        (Some(_), Some(last)) => Some(absolute_url(
            &app.base_url,
            BASE,
            &[
                ("workspace_id", Some(workspace.to_string())),
                ("limit", Some(limit.to_string())),
                ("cursor", Some(encode_cursor(last.seq, last.id))),
            ],
        )),
        _ => None,
    };
    let data: Vec<Value> = page
        .iter()
        .map(|d| store.destination_summary_json(d))
        .collect();
    Ok(Json(objects::page(data, next)))
}

/// `GET /integrations/destinations/{id}` → `DestinationGetResponse`.
async fn get_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Destination")?;
    let state = app.lock();
    let store = &state.store;
    let d = store
        .destinations
        .iter()
        .find(|d| d.id == id && d.organization_id == caller.organization_id)
        .ok_or_else(|| ApiError::not_found("Destination"))?;
    Ok(Json(store.destination_json(d)))
}
