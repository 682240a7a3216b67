//! Stream catalogs (operator): a source template's under
//! `/integrations/templates/sources/{id}/catalog…` and `…/streams…`, and a source definition's
//! under `/integrations/definitions/sources/{id}/catalog…` (SERVICE-FACTS §5.5). A catalog is
//! the connector's discovered streams until it is replaced or patched. A definition's catalog is
//! one for the whole service; creating or deleting it, or deleting one of its streams, needs an
//! instance-admin token, which the sandbox never issues: those routes answer 403.

use axum::extract::{Path, RawQuery, State};
use axum::routing::{patch, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::auth::{Caller, Operator};
use crate::body::{Body, path_uuid};
use crate::catalog::{self, DefinitionKind};
use crate::catalogs::{
    CatalogOwner, CatalogRecord, add_stream, apply_patch, check_catalog, check_stream, discovered,
    query, selected, stream_index,
};
use crate::clock;
use crate::errors::{ApiError, ApiResult};
use crate::query::QueryParams;
use crate::state::AppState;
use crate::store::{Store, deleted_json, source_definition};

const TEMPLATE: &str = "/integrations/templates/sources/{id}";
const DEFINITION: &str = "/integrations/definitions/sources/{id}";

/// The catalog routes of both families.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            &format!("{TEMPLATE}/catalog"),
            post(template_replace)
                .get(template_get)
                .patch(template_patch)
                .delete(template_delete),
        )
        .route(
            &format!("{TEMPLATE}/catalog/query"),
            post(catalog_query::<false>),
        )
        .route(
            &format!("{TEMPLATE}/streams"),
            post(catalog_add_stream::<false>),
        )
        .route(
            &format!("{TEMPLATE}/streams/{{stream_name}}"),
            patch(catalog_patch_stream::<false>).delete(template_delete_stream),
        )
        .route(
            &format!("{DEFINITION}/catalog"),
            post(admin_only)
                .get(definition_get)
                .patch(definition_patch)
                .delete(admin_only),
        )
        .route(
            &format!("{DEFINITION}/catalog/query"),
            post(catalog_query::<true>),
        )
        .route(
            &format!("{DEFINITION}/streams"),
            post(catalog_add_stream::<true>),
        )
        .route(
            &format!("{DEFINITION}/streams/{{stream_name}}"),
            patch(catalog_patch_stream::<true>).delete(admin_only),
        )
}

#[derive(Deserialize)]
struct PatchBody {
    patch_ops: Value,
}

#[derive(Deserialize)]
struct DefinitionPatchBody {
    #[serde(default)]
    patch_ops: Option<Value>,
    #[serde(default)]
    blessed: Option<bool>,
}

#[derive(Deserialize)]
struct QueryBody {
    query: String,
}

#[derive(Deserialize)]
struct StreamBody {
    stream: Map<String, Value>,
}

/// `?selected=true|false` (default false).
fn selected_only(raw: Option<&str>) -> Result<bool, ApiError> {
    match QueryParams::parse(raw).get("selected") {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ApiError::invalid(
            &["query", "selected"],
            "value could not be parsed to a boolean",
            "type_error.bool",
        )),
    }
}

/// The index in the store of `owner`'s catalog, made from `discover` on first use.
fn catalog_index(store: &mut Store, owner: CatalogOwner, discover: impl Fn() -> Value) -> usize {
    if let Some(i) = store.catalogs.iter().position(|c| c.owner == owner) {
        return i;
    }
    store.catalogs.push(CatalogRecord {
        id: Uuid::new_v4(),
        owner,
        catalog: discover(),
        blessed: false,
        deleted: false,
    });
    store.catalogs.len() - 1
}

/// The caller's template `raw_id` and its catalog's index (made on first use; deleted ones
/// included).
fn template_catalog(
    store: &mut Store,
    caller: &Caller,
    raw_id: &str,
) -> Result<(Uuid, usize), ApiError> {
    let id = path_uuid(raw_id, "Source template")?;
    let index = store.source_template_index(caller.organization_id, id)?;
    let definition = source_definition(&store.source_templates[index]);
    Ok((
        id,
        catalog_index(store, CatalogOwner::Template(id), || discovered(definition)),
    ))
}

/// As [`template_catalog`], refusing a deleted catalog with 404.
fn live_template_catalog(
    store: &mut Store,
    caller: &Caller,
    raw_id: &str,
) -> Result<(Uuid, usize), ApiError> {
    let (id, i) = template_catalog(store, caller, raw_id)?;
    if store.catalogs[i].deleted {
        return Err(ApiError::not_found("Catalog"));
    }
    Ok((id, i))
}

/// Source definition `raw_id` and its catalog's index.
fn definition_catalog(store: &mut Store, raw_id: &str) -> Result<(Uuid, usize), ApiError> {
    let id = path_uuid(raw_id, "Source definition")?;
    let definition = catalog::find(DefinitionKind::Source, id)
        .ok_or_else(|| ApiError::not_found("Source definition"))?;
    Ok((
        id,
        catalog_index(store, CatalogOwner::Definition(id), || {
            discovered(definition)
        }),
    ))
}

/// `POST {template}/catalog` `{sonar_catalog: SonarCatalog|null}` → `{id}`: replaces the
/// catalog (`null`: the connector's discovered one again).
async fn template_replace(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(body): Body<Map<String, Value>>,
) -> ApiResult {
    let catalog = match body.get("sonar_catalog") {
        None => return Err(ApiError::missing(&["body", "sonar_catalog"])),
        Some(Value::Null) => None,
        Some(c @ Value::Object(_)) => {
            check_catalog(c)
                .map_err(|why| ApiError::invalid(&["body", "sonar_catalog"], why, "value_error"))?;
            Some(c.clone())
        }
        Some(_) => {
            return Err(ApiError::invalid(
                &["body", "sonar_catalog"],
                "value is not a valid dict",
                "type_error.dict",
            ));
        }
    };
    let mut state = app.lock();
    let store = &mut state.store;
    let (template, i) = template_catalog(store, &caller, &id)?;
    let catalog = match catalog {
        Some(c) => c,
        None => {
            let index = store.source_template_index(caller.organization_id, template)?;
            discovered(source_definition(&store.source_templates[index]))
        }
    };
    let record = &mut store.catalogs[i];
    record.catalog = catalog;
    record.deleted = false;
    Ok(Json(json!({"id": record.id})))
}

/// `GET {template}/catalog?selected=` → `{id, source_template_id, sonar_catalog}`.
async fn template_get(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let only = selected_only(raw.as_deref())?;
    let mut state = app.lock();
    let store = &mut state.store;
    let (template, i) = live_template_catalog(store, &caller, &id)?;
    let record = &store.catalogs[i];
    let catalog = if only {
        selected(&record.catalog)
    } else {
        record.catalog.clone()
    };
    Ok(Json(
        json!({"id": record.id, "source_template_id": template, "sonar_catalog": catalog}),
    ))
}

/// `PATCH {template}/catalog` `{patch_ops: [PatchOp]}` → `{catalog}`.
async fn template_patch(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(body): Body<PatchBody>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let (_, i) = live_template_catalog(store, &caller, &id)?;
    let record = &mut store.catalogs[i];
    record.catalog = apply_patch(
        &record.catalog,
        &body.patch_ops,
        &["body", "patch_ops"],
        check_catalog,
    )?;
    Ok(Json(json!({"catalog": record.catalog})))
}

/// `DELETE {template}/catalog` → `{id, deleted_at}`.
async fn template_delete(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let (_, i) = live_template_catalog(store, &caller, &id)?;
    let record = &mut store.catalogs[i];
    record.deleted = true;
    Ok(Json(deleted_json(record.id)))
}

/// `DELETE {template}/streams/{stream_name}` → `{stream_name, deleted_at}`.
async fn template_delete_stream(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((id, name)): Path<(String, String)>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let (_, i) = live_template_catalog(store, &caller, &id)?;
    let catalog = &mut store.catalogs[i].catalog;
    let at = stream_index(catalog, &name)?;
    if let Some(streams) = catalog.get_mut("streams").and_then(Value::as_array_mut) {
        streams.remove(at);
    }
    Ok(Json(
        json!({"stream_name": name, "deleted_at": clock::now_iso()}),
    ))
}

/// Applies `ops` to stream `name` of `catalog`; the result must keep a name no other stream
/// has.
fn patch_stream(catalog: &mut Value, name: &str, ops: &Value) -> ApiResult {
    let at = stream_index(catalog, name)?;
    let others: Vec<String> = catalog["streams"]
        .as_array()
        .map(|s| {
            s.iter()
                .enumerate()
                .filter(|(j, _)| *j != at)
                .filter_map(|(_, x)| x.get("name").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let stream = apply_patch(&catalog["streams"][at], ops, &["body", "patch_ops"], |s| {
        check_stream(s)?;
        match s.get("name").and_then(Value::as_str) {
            Some(n) if others.iter().any(|o| o == n) => Err(format!("two streams are named {n:?}")),
            _ => Ok(()),
        }
    })?;
    catalog["streams"][at] = stream.clone();
    Ok(Json(json!({"stream": stream})))
}

/// `GET {definition}/catalog?selected=` → `{id, name, source_definition_id, sonar_catalog,
/// catalog_type, blessed}`.
async fn definition_get(
    State(app): State<AppState>,
    Operator(_): Operator,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let only = selected_only(raw.as_deref())?;
    let mut state = app.lock();
    let store = &mut state.store;
    let (definition, i) = definition_catalog(store, &id)?;
    let name = catalog::find(DefinitionKind::Source, definition).map_or("", |d| d.name);
    let record = &store.catalogs[i];
    let catalog = if only {
        selected(&record.catalog)
    } else {
        record.catalog.clone()
    };
    Ok(Json(json!({
        "id": record.id,
        "name": name,
        "source_definition_id": definition,
        "sonar_catalog": catalog,
        "catalog_type": "structured",
        "blessed": record.blessed,
    })))
}

/// `PATCH {definition}/catalog` `{patch_ops?, blessed?}` → `{catalog}`.
async fn definition_patch(
    State(app): State<AppState>,
    Operator(_): Operator,
    Path(id): Path<String>,
    Body(body): Body<DefinitionPatchBody>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let (_, i) = definition_catalog(store, &id)?;
    let record = &mut store.catalogs[i];
    if let Some(ops) = body.patch_ops.filter(|o| !o.is_null()) {
        record.catalog = apply_patch(&record.catalog, &ops, &["body", "patch_ops"], check_catalog)?;
    }
    if let Some(blessed) = body.blessed {
        record.blessed = blessed;
    }
    Ok(Json(json!({"catalog": record.catalog})))
}

/// Which catalog family a route serves: a source template's (`false`, the caller's
/// organisation's templates only, a deleted catalog 404) or a source definition's (`true`).
fn family_catalog<const DEFINITION: bool>(
    store: &mut Store,
    caller: &Caller,
    raw_id: &str,
) -> Result<usize, ApiError> {
    let (_, i) = if DEFINITION {
        definition_catalog(store, raw_id)?
    } else {
        live_template_catalog(store, caller, raw_id)?
    };
    Ok(i)
}

/// `POST {template|definition}/catalog/query` `{query}` → `{result}`.
async fn catalog_query<const DEFINITION: bool>(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(body): Body<QueryBody>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let i = family_catalog::<DEFINITION>(store, &caller, &id)?;
    Ok(Json(
        json!({"result": query(&store.catalogs[i].catalog, &body.query)?}),
    ))
}

/// `POST {template|definition}/streams` `{stream}` → `{stream}`.
async fn catalog_add_stream<const DEFINITION: bool>(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(id): Path<String>,
    Body(body): Body<StreamBody>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let i = family_catalog::<DEFINITION>(store, &caller, &id)?;
    Ok(Json(
        json!({"stream": add_stream(&mut store.catalogs[i].catalog, body.stream)?}),
    ))
}

/// `PATCH {template|definition}/streams/{stream_name}` `{patch_ops}` → `{stream}`.
async fn catalog_patch_stream<const DEFINITION: bool>(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((id, name)): Path<(String, String)>,
    Body(body): Body<PatchBody>,
) -> ApiResult {
    let mut state = app.lock();
    let store = &mut state.store;
    let i = family_catalog::<DEFINITION>(store, &caller, &id)?;
    patch_stream(&mut store.catalogs[i].catalog, &name, &body.patch_ops)
}

/// Creating or deleting a definition's catalog, or deleting one of its streams: 403, as for
/// any token but an instance admin's.
async fn admin_only(Operator(_): Operator) -> ApiResult {
    Err(ApiError::forbidden(
        "This operation requires an instance admin token",
    ))
}
