//! Admin routes under `/_sandbox/` for tests in other languages. They mirror the library API,
//! are not recorded, never match faults and are not rate limited.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::body::Body;
use crate::credentials::{
    CLIENT_ID, CLIENT_SECRET, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET, ORGANIZATION_ID,
    OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_ORGANIZATION_ID,
};
use crate::errors::ApiResult;
use crate::faults::Fault;
use crate::inventory::Inventory;
use crate::state::AppState;

/// The admin routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/_sandbox/faults", post(add_fault).delete(clear_faults))
        .route(
            "/_sandbox/revoke-operator-tokens",
            post(revoke_operator_tokens),
        )
        .route("/_sandbox/stats", get(stats))
        .route("/_sandbox/inventory", get(inventory))
        .route("/_sandbox/requests", get(requests).delete(clear_requests))
        .route("/_sandbox/credentials", get(credentials))
}

/// `POST /_sandbox/faults` (a `Fault` as JSON) → the fault as stored.
async fn add_fault(State(app): State<AppState>, Body(fault): Body<Fault>) -> ApiResult {
    let body = json!(fault);
    app.lock().faults.push(fault);
    Ok(Json(body))
}

/// `DELETE /_sandbox/faults`.
async fn clear_faults(State(app): State<AppState>) -> Json<Value> {
    app.lock().faults.clear();
    Json(json!({"cleared": true}))
}

/// `POST /_sandbox/revoke-operator-tokens`.
async fn revoke_operator_tokens(State(app): State<AppState>) -> Json<Value> {
    app.lock().tokens.revoke_all();
    Json(json!({"revoked": true}))
}

/// `GET /_sandbox/stats` → `{token_requests, requests, requests_recorded, requests_by_route,
/// faults_fired, rate_limited}`:
/// `requests` counts every request since the log was last cleared, `requests_recorded` those
/// the log still holds (at most [`crate::MAX_RECORDED_REQUESTS`]), `requests_by_route` every
/// request per `"METHOD /path"` (`{"GET /api/v1/workspaces": 3}`).
async fn stats(State(app): State<AppState>) -> Json<Value> {
    let state = app.lock();
    Json(json!({
        "token_requests": state.token_requests,
        "rate_limited": state.rate_limited,
        "requests": state.requests.received(),
        "requests_recorded": state.requests.len(),
        "requests_by_route": state.requests.by_route(),
        "faults_fired": state.faults.fired(),
    }))
}

/// `GET /_sandbox/inventory` → the names of the live resources per kind.
async fn inventory(State(app): State<AppState>) -> Json<Value> {
    Json(json!(Inventory::of(&app.lock().store)))
}

/// `GET /_sandbox/requests` → `[{method, path, query, headers, body, body_len,
/// body_truncated}]`.
async fn requests(State(app): State<AppState>) -> Json<Value> {
    let state = app.lock();
    Json(Value::Array(
        state.requests.iter().map(|r| r.to_json()).collect(),
    ))
}

/// `DELETE /_sandbox/requests`: forgets the recorded requests and frees their memory.
async fn clear_requests(State(app): State<AppState>) -> Json<Value> {
    app.lock().requests.clear();
    Json(json!({"cleared": true}))
}

/// `GET /_sandbox/credentials` → the seeded organisations and credentials, and the base URL.
async fn credentials(State(app): State<AppState>) -> Json<Value> {
    Json(json!({
        "base_url": app.base_url,
        "organization_id": ORGANIZATION_ID,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "other_organization_id": OTHER_ORGANIZATION_ID,
        "other_client_id": OTHER_CLIENT_ID,
        "other_client_secret": OTHER_CLIENT_SECRET,
        "multi_client_id": MULTI_CLIENT_ID,
        "multi_client_secret": MULTI_CLIENT_SECRET,
    }))
}
