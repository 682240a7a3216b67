//! Stream catalogs (`SonarCatalog`), one per source template and one per source definition
//! (SERVICE-FACTS §5.5, §7.6): derived from the connector's streams until replaced, changed by
//! RFC 6902 JSON Patch operations, queried with JMESPath.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::catalog::Definition;
use crate::errors::{ApiError, ErrorItem};

/// Whose catalog it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CatalogOwner {
    /// A source template's (per organisation, as templates are).
    Template(Uuid),
    /// A source definition's (one for the whole service).
    Definition(Uuid),
}

/// One stored catalog.
#[derive(Debug, Clone)]
pub(crate) struct CatalogRecord {
    pub id: Uuid,
    pub owner: CatalogOwner,
    /// The `SonarCatalog` JSON: `{streams: [SonarStream], selected_streams?}`.
    pub catalog: Value,
    /// Definition catalogs only: discovery no longer overwrites it.
    pub blessed: bool,
    /// Deleted (template catalogs): `GET` answers 404 until a new one is posted.
    pub deleted: bool,
}

/// The catalog the connector of `definition` discovers: one stream per name, the first one
/// suggested, each with an `id` primary key, an `updated_at` cursor and a JSON schema.
pub(crate) fn discovered(definition: &Definition) -> Value {
    let streams: Vec<Value> = definition
        .streams
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({
                "name": name,
                "description": format!("{} {name}", definition.name),
                "data_category": null,
                "suggested": i == 0,
                "is_metric": false,
                "cursor_fields": ["updated_at"],
                "primary_key_fields": [["id"]],
                "pii_fields": [],
                "immutable_fields": ["id"],
                "field_tags": [],
                "foreign_keys": [],
                "json_schema": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                }
            })
        })
        .collect();
    json!({"streams": streams, "selected_streams": null})
}

/// `catalog` as `GET ?selected=true` shows it: only the streams named in `selected_streams`
/// (every stream when that is `null`).
pub(crate) fn selected(catalog: &Value) -> Value {
    let Some(names) = catalog.get("selected_streams").and_then(Value::as_array) else {
        return catalog.clone();
    };
    let mut out = catalog.clone();
    if let Some(streams) = out.get_mut("streams").and_then(Value::as_array_mut) {
        streams.retain(|s| names.iter().any(|n| s.get("name") == Some(n)));
    }
    out
}

/// Parses a `patch_ops` list as RFC 6902 operations.
///
/// # Errors
/// 422 at `loc` when an operation is malformed (an unknown `op`, a missing `value`).
fn parse_ops(ops: &Value, loc: &[&str]) -> Result<json_patch::Patch, ApiError> {
    serde_json::from_value(ops.clone())
        .map_err(|e| ApiError::invalid(loc, format!("not a JSON Patch: {e}"), "value_error"))
}

/// Applies `ops` to a copy of `doc`, then checks the result with `check`; `doc` is unchanged on
/// any failure.
///
/// # Errors
/// 422 at `loc` for malformed operations, an operation that does not apply (a missing path, a
/// failed `test`), or a result `check` refuses.
pub(crate) fn apply_patch(
    doc: &Value,
    ops: &Value,
    loc: &[&str],
    check: impl Fn(&Value) -> Result<(), String>,
) -> Result<Value, ApiError> {
    let patch = parse_ops(ops, loc)?;
    let mut out = doc.clone();
    json_patch::patch(&mut out, &patch).map_err(|e| {
        ApiError::invalid(loc, format!("the patch does not apply: {e}"), "value_error")
    })?;
    check(&out).map_err(|why| ApiError::invalid(loc, why, "value_error"))?;
    Ok(out)
}

/// A `SonarCatalog`'s shape: an object whose `streams` is an array of stream objects, each
/// named, names unique.
pub(crate) fn check_catalog(catalog: &Value) -> Result<(), String> {
    let streams = catalog
        .get("streams")
        .and_then(Value::as_array)
        .ok_or("the catalog must have a `streams` array")?;
    let mut names = Vec::new();
    for stream in streams {
        check_stream(stream)?;
        let name = stream
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if names.contains(&name) {
            return Err(format!("two streams are named {name:?}"));
        }
        names.push(name);
    }
    Ok(())
}

/// A `SonarStream`'s shape: an object with a non-empty `name`.
pub(crate) fn check_stream(stream: &Value) -> Result<(), String> {
    match stream.get("name").and_then(Value::as_str) {
        Some(name) if !name.trim().is_empty() => Ok(()),
        _ => Err("a stream must be an object with a non-empty `name`".to_owned()),
    }
}

/// The result of JMESPath `query` over `catalog`.
///
/// # Errors
/// 422 at `body.query` when the expression does not compile.
pub(crate) fn query(catalog: &Value, query: &str) -> Result<Value, ApiError> {
    let expr = jmespath::compile(query).map_err(|e| {
        ApiError::invalid(
            &["body", "query"],
            format!("not a JMESPath expression: {e}"),
            "value_error",
        )
    })?;
    let result = expr.search(catalog).map_err(|e| {
        ApiError::invalid(
            &["body", "query"],
            format!("the query failed: {e}"),
            "value_error",
        )
    })?;
    serde_json::to_value(&*result).map_err(|e| ApiError::internal(&format!("query result: {e}")))
}

/// The stream named `name` in `catalog`, as an index into its `streams`.
///
/// # Errors
/// 404 `Stream not found`.
pub(crate) fn stream_index(catalog: &Value, name: &str) -> Result<usize, ApiError> {
    catalog
        .get("streams")
        .and_then(Value::as_array)
        .and_then(|s| {
            s.iter()
                .position(|x| x.get("name").and_then(Value::as_str) == Some(name))
        })
        .ok_or_else(|| ApiError::not_found("Stream"))
}

/// Adds `stream` to `catalog`.
///
/// # Errors
/// 422 at `body.stream` for a stream without a name; 400 when a stream of that name exists.
pub(crate) fn add_stream(
    catalog: &mut Value,
    stream: Map<String, Value>,
) -> Result<Value, ApiError> {
    let stream = Value::Object(stream);
    check_stream(&stream)
        .map_err(|why| ApiError::invalid(&["body", "stream"], why, "value_error"))?;
    let name = stream
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if stream_index(catalog, name).is_ok() {
        return Err(ApiError::bad_request(
            &format!("A stream named {name:?} already exists"),
            ErrorItem::new("stream.name", "already exists", "duplicate"),
        ));
    }
    match catalog.get_mut("streams").and_then(Value::as_array_mut) {
        Some(streams) => streams.push(stream.clone()),
        None => catalog["streams"] = json!([stream.clone()]),
    }
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{DefinitionKind, SOURCE_POSTGRES_DEFINITION_ID, find};

    fn postgres() -> Value {
        discovered(
            find(
                DefinitionKind::Source,
                Uuid::parse_str(SOURCE_POSTGRES_DEFINITION_ID).unwrap(),
            )
            .unwrap(),
        )
    }

    #[test]
    fn queries_are_real_jmespath() {
        let c = postgres();
        assert_eq!(
            query(&c, "streams[].name").unwrap(),
            json!(["customers", "orders", "users"])
        );
        assert_eq!(
            query(&c, "streams[?suggested].name | [0]").unwrap(),
            json!("customers")
        );
        assert_eq!(query(&c, "length(streams)").unwrap(), json!(3));
        assert!(query(&c, "streams[?").is_err());
    }

    #[test]
    fn patches_apply_whole_or_not_at_all() {
        let c = postgres();
        let ops = json!([{"op": "replace", "path": "/streams/0/suggested", "value": false},
                         {"op": "add", "path": "/selected_streams", "value": ["orders"]}]);
        let out = apply_patch(&c, &ops, &["body"], check_catalog).unwrap();
        assert_eq!(out["streams"][0]["suggested"], false);
        assert_eq!(selected(&out)["streams"].as_array().unwrap().len(), 1);
        let bad = json!([{"op": "remove", "path": "/streams/9"}]);
        assert!(apply_patch(&c, &bad, &["body"], check_catalog).is_err());
        let unnamed = json!([{"op": "replace", "path": "/streams/0/name", "value": ""}]);
        assert!(apply_patch(&c, &unnamed, &["body"], check_catalog).is_err());
        let dup = json!([{"op": "replace", "path": "/streams/1/name", "value": "customers"}]);
        assert!(apply_patch(&c, &dup, &["body"], check_catalog).is_err());
    }
}
