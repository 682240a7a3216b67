//! Workspace management (operator): `/workspaces`, `/workspaces/stats`, `/workspaces/{id}`.

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Operator;
use crate::body::{Body, path_uuid};
use crate::clock;
use crate::errors::{ApiError, ApiResult, ErrorItem};
use crate::models::Workspace;
use crate::objects;
use crate::pagination::{absolute_url, cursor_after, encode_cursor};
use crate::query::QueryParams;
use crate::state::AppState;
use crate::store::deleted_json;

/// Default and largest page sizes.
const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 100;

/// The workspace routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/workspaces", get(list))
        .route("/workspaces/stats", get(stats))
        .route("/workspaces/{id}", get(get_one).put(update).delete(remove))
}

/// `GET /workspaces?name_contains=&status=&limit=&cursor=` → `{data, next}`.
async fn list(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let query = QueryParams::parse(raw.as_deref());
    let limit = parse_limit(query.get("limit"))?;
    let status = match query.get("status") {
        None | Some("") => None,
        Some(s @ ("active" | "inactive")) => Some(s),
        Some(_) => return Err(invalid_status(&["query", "status"])),
    };
    let name_contains = query.get("name_contains").map(str::to_lowercase);
    let state = app.lock();
    let after = cursor_after(query.get("cursor"), state.store.last_seq())?;
    let mut matching = state.store.workspaces.iter().filter(|w| {
        w.organization_id == caller.organization_id
            && w.seq > after
            && status.is_none_or(|s| w.status == s)
            && name_contains
                .as_deref()
                .is_none_or(|n| w.name.to_lowercase().contains(n))
    });
    let page: Vec<&Workspace> = matching.by_ref().take(limit).collect();
    let next = match (matching.next(), page.last()) {
        (Some(_), Some(last)) => Some(absolute_url(
            &app.base_url,
            "/workspaces",
            &[
                (
                    "name_contains",
                    query.get("name_contains").map(str::to_owned),
                ),
                ("status", status.map(str::to_owned)),
                ("limit", Some(limit.to_string())),
                ("cursor", Some(encode_cursor(last.seq, last.id))),
            ],
        )),
        _ => None,
    };
    let data: Vec<Value> = page.iter().map(|w| w.to_json()).collect();
    Ok(Json(objects::page(data, next)))
}

/// Reads `limit` (1..=100, default 20); anything else is a 422.
pub(crate) fn parse_limit(raw: Option<&str>) -> Result<usize, ApiError> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_LIMIT);
    };
    let n: i64 = raw.parse().map_err(|_| {
        ApiError::invalid(
            &["query", "limit"],
            "value is not a valid integer",
            "type_error.integer",
        )
    })?;
    if n < 1 {
        return Err(ApiError::invalid(
            &["query", "limit"],
            "ensure this value is greater than or equal to 1",
            "value_error.number.not_ge",
        ));
    }
    if n > MAX_LIMIT as i64 {
        return Err(ApiError::invalid(
            &["query", "limit"],
            "ensure this value is less than or equal to 100",
            "value_error.number.not_le",
        ));
    }
    Ok(n as usize)
}

fn invalid_status(loc: &[&str]) -> ApiError {
    ApiError::invalid(
        loc,
        "value is not a valid enumeration member; permitted: 'active', 'inactive'",
        "type_error.enum",
    )
}

/// `GET /workspaces/stats` → `{active_count, inactive_count, total_count}`.
async fn stats(State(app): State<AppState>, Operator(caller): Operator) -> ApiResult {
    let state = app.lock();
    let mine = || {
        state
            .store
            .workspaces
            .iter()
            .filter(|w| w.organization_id == caller.organization_id)
    };
    let active = mine().filter(|w| w.status == "active").count();
    let total = mine().count();
    Ok(Json(json!({
        "active_count": active,
        "inactive_count": total - active,
        "total_count": total,
    })))
}

/// `GET /workspaces/{id}` → `Workspace`.
async fn get_one(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Workspace")?;
    let state = app.lock();
    let index = state.store.workspace_index(caller.organization_id, id)?;
    Ok(Json(state.store.workspaces[index].to_json()))
}

#[derive(Deserialize)]
struct WorkspaceUpdate {
    name: Option<String>,
    status: Option<String>,
}

/// `PUT /workspaces/{id}` `{name?, status?}` → `Workspace`.
async fn update(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(req): Body<WorkspaceUpdate>,
) -> ApiResult {
    let id = path_uuid(&id, "Workspace")?;
    if req
        .status
        .as_deref()
        .is_some_and(|s| s != "active" && s != "inactive")
    {
        return Err(invalid_status(&["body", "status"]));
    }
    if req.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::invalid(
            &["body", "name"],
            "ensure this value has at least 1 characters",
            "value_error.any_str.min_length",
        ));
    }
    let mut state = app.lock();
    let index = state.store.workspace_index(caller.organization_id, id)?;
    if let Some(name) = &req.name {
        let taken =
            state.store.workspaces.iter().any(|w| {
                w.organization_id == caller.organization_id && w.id != id && &w.name == name
            });
        if taken {
            return Err(ApiError::bad_request(
                "A workspace with this name already exists",
                ErrorItem::new(
                    "name",
                    "workspace names are unique per organization",
                    "duplicate",
                ),
            ));
        }
    }
    let ws = &mut state.store.workspaces[index];
    if let Some(name) = req.name {
        ws.name = name;
    }
    if let Some(status) = req.status {
        ws.status = status;
    }
    ws.updated_at = clock::now_iso();
    Ok(Json(ws.to_json()))
}

/// `DELETE /workspaces/{id}` → `{id, deleted_at}`; its sources and checks go with it.
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let id = path_uuid(&id, "Workspace")?;
    let mut state = app.lock();
    let index = state.store.workspace_index(caller.organization_id, id)?;
    state.store.workspaces.remove(index);
    state.store.sources.retain(|s| s.workspace_id != id);
    state.store.checks.retain(|c| c.workspace_id != id);
    Ok(Json(deleted_json(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(parse_limit(None).unwrap(), 20);
        assert_eq!(parse_limit(Some("1")).unwrap(), 1);
        assert_eq!(parse_limit(Some("100")).unwrap(), 100);
        for bad in ["0", "101", "-1", "x", ""] {
            assert!(parse_limit(Some(bad)).is_err(), "{bad}");
        }
    }
}
