//! Source search (operator, SERVICE-FACTS §5.9): `POST /integrations/sources/{id}/search/{stream_name}`
//! with `{query: {where: Condition}}` → `{hits: [{id, score, data}], total, took_ms}`, over the
//! records of [`crate::records`].

use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Operator;
use crate::body::{Body, path_uuid};
use crate::catalog::SOURCE_TINY_DEFINITION_ID;
use crate::errors::{ApiError, ApiResult};
use crate::records;
use crate::state::AppState;

/// Users of a source whose config does not say.
const DEFAULT_USERS: usize = 20;
/// At most this many users for a Sample Data source, whatever its `count`.
const MAX_USERS: usize = 50;

/// The search route.
pub(crate) fn routes() -> Router<AppState> {
    Router::new().route(
        "/integrations/sources/{id}/search/{stream_name}",
        post(search),
    )
}

/// `SearchRequest`.
#[derive(Deserialize)]
struct SearchRequest {
    query: Query,
}

#[derive(Deserialize)]
struct Query {
    #[serde(rename = "where")]
    condition: Value,
}

/// 404 for a source the caller cannot see or a stream it does not have; 422 for a condition
/// that does not parse (at `body.query.where...`).
async fn search(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((id, stream)): Path<(String, String)>,
    Body(req): Body<SearchRequest>,
) -> ApiResult {
    let id = path_uuid(&id, "Source")?;
    let users = {
        let state = app.lock();
        let index = state.store.source_index(&caller, id)?;
        let source = &state.store.sources[index];
        let template = state.store.template_of(source);
        if template.definition_id.to_string() == SOURCE_TINY_DEFINITION_ID {
            source
                .config
                .get("count")
                .and_then(Value::as_u64)
                .map_or(DEFAULT_USERS, |n| usize::try_from(n).unwrap_or(MAX_USERS))
                .min(MAX_USERS)
        } else {
            DEFAULT_USERS
        }
    };
    let records =
        records::stream(id, users, &stream).ok_or_else(|| ApiError::not_found("Stream"))?;
    let loc = ["body", "query", "where"].map(str::to_owned);
    let condition = records::parse(&req.query.condition, &loc)?;
    let hits: Vec<Value> = records
        .into_iter()
        .filter(|r| condition.matches(r))
        .map(|r| json!({"id": r.get("id").map(Value::to_string), "score": 1.0, "data": r}))
        .collect();
    Ok(Json(
        json!({"total": hits.len(), "hits": hits, "took_ms": 1}),
    ))
}
