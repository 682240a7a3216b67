//! Template tags (operator): `/integrations/templates/tags[/{name}]`.

use axum::extract::{Path, State};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::Operator;
use crate::body::Body;
use crate::clock;
use crate::errors::{ApiError, ApiResult, ErrorItem};
use crate::models::Tag;
use crate::objects;
use crate::state::AppState;
use crate::store::{Store, deleted_json};

/// Longest tag name, in characters.
const MAX_TAG_NAME: usize = 255;

/// The tag routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/integrations/templates/tags", get(list).post(create))
        .route(
            "/integrations/templates/tags/{name}",
            put(rename).delete(remove),
        )
}

#[derive(Deserialize)]
struct TagBody {
    name: String,
}

/// `GET /integrations/templates/tags` → `{data: [Tag]}`.
async fn list(State(app): State<AppState>, Operator(caller): Operator) -> ApiResult {
    let state = app.lock();
    let data: Vec<Value> = state
        .store
        .tags
        .iter()
        .filter(|t| t.organization_id == caller.organization_id)
        .map(Tag::to_json)
        .collect();
    Ok(Json(objects::list(data)))
}

/// `POST /integrations/templates/tags` `{name}` → `Tag`.
async fn create(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Body(req): Body<TagBody>,
) -> ApiResult {
    check_name(&req.name)?;
    let mut state = app.lock();
    ensure_free(&state.store, caller.organization_id, &req.name)?;
    let now = clock::now_iso();
    let tag = Tag {
        id: Uuid::new_v4(),
        organization_id: caller.organization_id,
        name: req.name,
        created_at: now.clone(),
        updated_at: now,
    };
    let body = tag.to_json();
    state.store.tags.push(tag);
    Ok(Json(body))
}

/// `PUT /integrations/templates/tags/{name}` `{name}` → `Tag`; every template carrying the tag
/// shows the new name.
async fn rename(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(name): Path<String>,
    Body(req): Body<TagBody>,
) -> ApiResult {
    check_name(&req.name)?;
    let mut state = app.lock();
    let id = state.store.tag(caller.organization_id, &name)?.id;
    if req.name != name {
        ensure_free(&state.store, caller.organization_id, &req.name)?;
    }
    let tag = state
        .store
        .tags
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found("Tag"))?;
    tag.name = req.name;
    tag.updated_at = clock::now_iso();
    Ok(Json(tag.to_json()))
}

/// `DELETE /integrations/templates/tags/{name}` → `{id, deleted_at}`; the tag leaves every
/// template too.
async fn remove(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(name): Path<String>,
) -> ApiResult {
    let mut state = app.lock();
    let id = state.store.tag(caller.organization_id, &name)?.id;
    let store = &mut state.store;
    store.tags.retain(|t| t.id != id);
    for t in &mut store.source_templates {
        t.tag_ids.retain(|t| *t != id);
    }
    for t in &mut store.connection_templates {
        t.tag_ids.retain(|t| *t != id);
    }
    Ok(Json(deleted_json(id)))
}

/// A tag name is 1..=255 characters.
fn check_name(name: &str) -> Result<(), ApiError> {
    let len = name.chars().count();
    if len == 0 {
        return Err(ApiError::invalid(
            &["body", "name"],
            "ensure this value has at least 1 characters",
            "value_error.any_str.min_length",
        ));
    }
    if len > MAX_TAG_NAME {
        return Err(ApiError::invalid(
            &["body", "name"],
            format!("ensure this value has at most {MAX_TAG_NAME} characters"),
            "value_error.any_str.max_length",
        ));
    }
    Ok(())
}

/// 400 when `name` is already a tag of `org`.
fn ensure_free(store: &Store, org: Uuid, name: &str) -> Result<(), ApiError> {
    if store.tag(org, name).is_ok() {
        return Err(ApiError::bad_request(
            "Tag already exists",
            ErrorItem::new(
                "name",
                format!("a tag named {name:?} already exists"),
                "duplicate",
            ),
        ));
    }
    Ok(())
}

/// Adds tag `id` to a template's `tag_ids` (no-op when already there).
pub(crate) fn attach(tag_ids: &mut Vec<Uuid>, id: Uuid) {
    if !tag_ids.contains(&id) {
        tag_ids.push(id);
    }
}

/// Removes tag `id` from a template's `tag_ids` (404 when the template does not carry it);
/// returns `{deleted_at}`.
pub(crate) fn detach(tag_ids: &mut Vec<Uuid>, id: Uuid) -> Result<Value, ApiError> {
    if !tag_ids.contains(&id) {
        return Err(ApiError::NotFound(
            "Tag not found on this template".to_owned(),
        ));
    }
    tag_ids.retain(|t| *t != id);
    Ok(json!({"deleted_at": clock::now_iso()}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_1_to_255_chars() {
        assert!(check_name("").is_err());
        assert!(check_name("crm").is_ok());
        assert!(check_name(&"é".repeat(255)).is_ok());
        assert!(check_name(&"a".repeat(256)).is_err());
    }
}
