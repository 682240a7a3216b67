//! Scoped and widget tokens: `/embedded/scoped-token`, `/embedded/scoped-token/info`,
//! `/embedded/widget-token`, also served under `/account/applications/`.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::{Caller, EndUser, Operator, TemplateSelection, mint_scoped_token};
use crate::body::Body;
use crate::errors::{ApiError, ApiResult};
use crate::models::{REGION_EU, REGION_US};
use crate::origin;
use crate::query::TagMode;
use crate::routes::widget;
use crate::state::{AppState, Shared};

/// The token routes, under both prefixes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/embedded/scoped-token", post(scoped_token))
        .route("/embedded/scoped-token/info", get(scoped_token_info))
        .route("/embedded/widget-token", post(widget_token))
        .route("/account/applications/scoped-token", post(scoped_token))
        .route(
            "/account/applications/scoped-token/info",
            get(applications_scoped_token_info),
        )
        .route("/account/applications/widget-token", post(widget_token))
}

/// `workspace_name` is the 2025 document's field; the 2026 document names it `customer_name`
/// (SERVICE-FACTS §3.2: both are accepted).
#[derive(Deserialize)]
struct ScopedTokenRequest {
    #[serde(alias = "customer_name")]
    workspace_name: String,
    region_id: Option<Uuid>,
}

#[derive(Deserialize)]
struct WidgetTokenRequest {
    #[serde(alias = "customer_name")]
    workspace_name: String,
    allowed_origin: String,
    region_id: Option<Uuid>,
    #[serde(default)]
    selected_source_template_tags: Vec<String>,
    selected_source_template_tags_mode: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    selected_connection_template_tags: Vec<String>,
    selected_connection_template_tags_mode: Option<String>,
}

/// `POST /embedded/scoped-token` (operator): `{workspace_name, region_id?}` → `{token}`.
async fn scoped_token(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<ScopedTokenRequest>,
) -> ApiResult {
    let workspace = workspace_for_token(&app, &caller, &req.workspace_name, req.region_id)?;
    Ok(Json(
        json!({"token": mint_scoped_token(&app, &caller, workspace, None, None)?}),
    ))
}

/// `GET /embedded/scoped-token/info` (scoped): `{organization_id, workspace_id}`.
async fn scoped_token_info(EndUser(caller): EndUser) -> ApiResult {
    Ok(Json(json!({
        "organization_id": caller.organization_id,
        "workspace_id": caller.workspace_scope,
    })))
}

/// `GET /account/applications/scoped-token/info` (scoped): the 2026 document's
/// `{organization_id, workspace_id, customer_name}`, `customer_name` being the workspace's
/// name (SERVICE-FACTS §3.3).
async fn applications_scoped_token_info(
    State(app): State<AppState>,
    EndUser(caller): EndUser,
) -> ApiResult {
    let name = app
        .lock()
        .store
        .workspaces
        .iter()
        .find(|w| Some(w.id) == caller.workspace_scope)
        .map(|w| w.name.clone());
    Ok(Json(json!({
        "organization_id": caller.organization_id,
        "workspace_id": caller.workspace_scope,
        "customer_name": name,
    })))
}

/// `POST /embedded/widget-token` (operator) → `{token}`: standard base64 of
/// `{"token": <scoped JWT>, "widgetUrl": ...}`, the URL being the sandbox's own widget page
/// with the real one's query (`{widget origin}/embedded-widget?workspaceId=…&allowedOrigin=…`,
/// see [`widget`]).
async fn widget_token(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<WidgetTokenRequest>,
) -> ApiResult {
    origin::validate(&req.allowed_origin).map_err(|reason| {
        ApiError::invalid(
            &["body", "allowed_origin"],
            format!(
                "allowed_origin must be an exact origin such as https://app.example.com: {reason}"
            ),
            "value_error",
        )
    })?;
    for (field, mode) in [
        (
            "selected_source_template_tags_mode",
            &req.selected_source_template_tags_mode,
        ),
        (
            "selected_connection_template_tags_mode",
            &req.selected_connection_template_tags_mode,
        ),
    ] {
        if let Some(mode) = mode {
            TagMode::parse(mode, &["body", field])?;
        }
    }
    // The body's tag modes default to `any` (SERVICE-FACTS §2.10).
    let selection = TemplateSelection {
        tags: req.selected_source_template_tags,
        mode: match &req.selected_source_template_tags_mode {
            Some(mode) => TagMode::parse(mode, &["body", "selected_source_template_tags_mode"])?,
            None => TagMode::Any,
        },
    };
    let workspace = workspace_for_token(&app, &caller, &req.workspace_name, req.region_id)?;
    let widget_url = format!(
        "{}{}?workspaceId={workspace}&allowedOrigin={}",
        widget::origin(&app.base_url),
        widget::PATH,
        form_urlencoded::byte_serialize(req.allowed_origin.as_bytes()).collect::<String>()
    );
    let scoped = mint_scoped_token(
        &app,
        &caller,
        workspace,
        Some(selection),
        Some(&req.allowed_origin),
    )?;
    let inner = json!({
        "token": scoped,
        "widgetUrl": widget_url,
    });
    Ok(Json(json!({"token": STANDARD.encode(inner.to_string())})))
}

/// The workspace named `name` in the caller's organisation, created when new (`region` must be
/// the US or EU region when given).
fn workspace_for_token(
    app: &Shared,
    caller: &Caller,
    name: &str,
    region: Option<Uuid>,
) -> Result<Uuid, ApiError> {
    if name.trim().is_empty() {
        return Err(ApiError::invalid(
            &["body", "workspace_name"],
            "ensure this value has at least 1 characters",
            "value_error.any_str.min_length",
        ));
    }
    let known = [uuid::uuid!(REGION_US), uuid::uuid!(REGION_EU)];
    if let Some(r) = region.filter(|r| !known.contains(r)) {
        return Err(ApiError::invalid(
            &["body", "region_id"],
            format!("unknown region {r}"),
            "value_error",
        ));
    }
    Ok(app
        .lock()
        .store
        .ensure_workspace(caller.organization_id, name))
}
