//! What `POST /integrations/connectors/{id}/execute` does with `{entity, action, params}`
//! (SERVICE-FACTS §5.9): each connector has a few entities per connector definition, each
//! seeded with three records on first use; `list`, `get` and the searches read them, `create`,
//! `update` and `delete` change them, for that connector only.
//!
//! | action | `params` | `result` |
//! |---|---|---|
//! | `list` | `limit`? (≥ 1) | the records, in order |
//! | `get` | `id` | the record (404 when there is none) |
//! | `search`, `context_store_search`, `api_search` | `query`? | the records with a string value containing `query` (any case) |
//! | `create` | `data` (an object) | the new record, `id` `<entity>-<n>` |
//! | `update` | `id`, `data` | the record with `data` merged in (404 when there is none) |
//! | `delete` | `id` | `{id, deleted: true}` (404 when there is none) |
//!
//! `download` (the sandbox's connectors hold no files), an unknown action, an entity the
//! connector does not have and a missing or mistyped parameter are 400s.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::catalog::{
    SOURCE_API_DEFINITION_ID, SOURCE_OAUTH_DEFINITION_ID, SOURCE_POSTGRES_DEFINITION_ID,
    SOURCE_TINY_DEFINITION_ID,
};
use crate::errors::{ApiError, ErrorItem};
use crate::models::EntityRecords;
use crate::store::Store;

/// When the seeded records were last changed (their `updated_at`).
const SEEDED: &str = "2025-09-01T12:00:00Z";

/// The entities a connector of definition `definition_id` has.
pub(crate) fn entities(definition_id: Uuid) -> &'static [&'static str] {
    let is = |id: &str| Uuid::parse_str(id).is_ok_and(|id| id == definition_id);
    if is(SOURCE_TINY_DEFINITION_ID) {
        &["users", "products", "purchases"]
    } else if is(SOURCE_POSTGRES_DEFINITION_ID) {
        &["users", "orders"]
    } else if is(SOURCE_API_DEFINITION_ID) {
        &["customers", "invoices"]
    } else if is(SOURCE_OAUTH_DEFINITION_ID) {
        &["contacts", "companies", "deals"]
    } else {
        &[]
    }
}

/// The three records an entity starts with.
fn seed(entity: &str) -> Vec<Map<String, Value>> {
    let names = ["Ada Lovelace", "Grace Hopper", "Alan Turing"];
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let record = json!({"id": format!("{entity}-{}", i + 1), "name": name,
                "updated_at": SEEDED});
            match record {
                Value::Object(map) => map,
                _ => Map::new(),
            }
        })
        .collect()
}

fn bad(message: &str, field: &str) -> ApiError {
    ApiError::bad_request(message, ErrorItem::new(field, message, "invalid_parameter"))
}

/// Runs `action` on `entity` of connector `connector_id` (of `definition_id`); returns the
/// `result`.
///
/// # Errors
/// 400 for an entity the connector lacks, an unsupported action or a bad parameter; 404 for a
/// record `id` the entity does not hold.
pub(crate) fn run(
    store: &mut Store,
    connector_id: Uuid,
    definition_id: Uuid,
    entity: &str,
    action: &str,
    params: &Map<String, Value>,
) -> Result<Value, ApiError> {
    if !entities(definition_id).contains(&entity) {
        return Err(bad(
            &format!(
                "Unknown entity `{entity}`: this connector has {}",
                entities(definition_id).join(", ")
            ),
            "entity",
        ));
    }
    let index = match store
        .entity_records
        .iter()
        .position(|r| r.connector_id == connector_id && r.entity == entity)
    {
        Some(i) => i,
        None => {
            store.entity_records.push(EntityRecords {
                connector_id,
                entity: entity.to_owned(),
                records: seed(entity),
                next_number: 4,
            });
            store.entity_records.len() - 1
        }
    };
    let records = &mut store.entity_records[index];
    let id_param = || -> Result<&str, ApiError> {
        params
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("params.id (a string) is required", "params.id"))
    };
    let data_param = || -> Result<&Map<String, Value>, ApiError> {
        params
            .get("data")
            .and_then(Value::as_object)
            .ok_or_else(|| bad("params.data (an object) is required", "params.data"))
    };
    let position = |records: &EntityRecords, id: &str| {
        records
            .records
            .iter()
            .position(|r| r.get("id").and_then(Value::as_str) == Some(id))
            .ok_or_else(|| ApiError::not_found("Record"))
    };
    match action {
        "list" => {
            let limit = match params.get("limit") {
                None | Some(Value::Null) => usize::MAX,
                Some(v) => v
                    .as_u64()
                    .filter(|n| *n >= 1)
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| bad("params.limit must be an integer ≥ 1", "params.limit"))?,
            };
            let page: Vec<Value> = records
                .records
                .iter()
                .take(limit)
                .cloned()
                .map(Value::Object)
                .collect();
            Ok(Value::Array(page))
        }
        "get" => {
            let at = position(records, id_param()?)?;
            Ok(Value::Object(records.records[at].clone()))
        }
        "search" | "context_store_search" | "api_search" => {
            let query = match params.get("query") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(q)) => q.to_lowercase(),
                Some(_) => return Err(bad("params.query must be a string", "params.query")),
            };
            let hits: Vec<Value> = records
                .records
                .iter()
                .filter(|r| {
                    r.values().any(|v| {
                        v.as_str()
                            .is_some_and(|s| s.to_lowercase().contains(&query))
                    })
                })
                .cloned()
                .map(Value::Object)
                .collect();
            Ok(Value::Array(hits))
        }
        "create" => {
            let mut record = data_param()?.clone();
            let id = format!("{entity}-{}", records.next_number);
            records.next_number += 1;
            record.insert("id".to_owned(), json!(id));
            record.insert("updated_at".to_owned(), json!(crate::clock::now_iso()));
            records.records.push(record.clone());
            Ok(Value::Object(record))
        }
        "update" => {
            let at = position(records, id_param()?)?;
            let data = data_param()?.clone();
            let record = &mut records.records[at];
            for (k, v) in data {
                if k != "id" {
                    record.insert(k, v);
                }
            }
            record.insert("updated_at".to_owned(), json!(crate::clock::now_iso()));
            Ok(Value::Object(record.clone()))
        }
        "delete" => {
            let id = id_param()?.to_owned();
            let at = position(records, &id)?;
            records.records.remove(at);
            Ok(json!({"id": id, "deleted": true}))
        }
        "download" => Err(bad(
            "download is not supported: the sandbox's connectors hold no files",
            "action",
        )),
        other => Err(bad(
            &format!(
                "Unsupported action `{other}`: list, get, search, context_store_search, api_search, create, update or delete"
            ),
            "action",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn records_are_seeded_then_changed_per_connector() {
        let mut store = Store::default();
        let tiny = Uuid::parse_str(SOURCE_TINY_DEFINITION_ID).unwrap();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let list = |store: &mut Store, c| {
            run(store, c, tiny, "users", "list", &Map::new())
                .unwrap()
                .as_array()
                .unwrap()
                .len()
        };
        assert_eq!(list(&mut store, a), 3);
        let made = run(
            &mut store,
            a,
            tiny,
            "users",
            "create",
            &params(json!({"data": {"name": "Edsger"}})),
        )
        .unwrap();
        assert_eq!(made["id"], "users-4");
        assert_eq!(list(&mut store, a), 4);
        assert_eq!(
            list(&mut store, b),
            3,
            "another connector's records are its own"
        );
        let hits = run(
            &mut store,
            a,
            tiny,
            "users",
            "search",
            &params(json!({"query": "edS"})),
        )
        .unwrap();
        assert_eq!(hits.as_array().unwrap().len(), 1);
        run(
            &mut store,
            a,
            tiny,
            "users",
            "delete",
            &params(json!({"id": "users-4"})),
        )
        .unwrap();
        assert!(matches!(
            run(
                &mut store,
                a,
                tiny,
                "users",
                "get",
                &params(json!({"id": "users-4"}))
            ),
            Err(ApiError::NotFound(_))
        ));
    }

    #[test]
    fn unknown_entities_actions_and_parameters_are_400s() {
        let mut store = Store::default();
        let tiny = Uuid::parse_str(SOURCE_TINY_DEFINITION_ID).unwrap();
        let c = Uuid::new_v4();
        for (entity, action, p) in [
            ("invoices", "list", json!({})),
            ("users", "explode", json!({})),
            ("users", "download", json!({})),
            ("users", "get", json!({})),
            ("users", "list", json!({"limit": 0})),
            ("users", "create", json!({"data": [1]})),
        ] {
            assert!(
                matches!(
                    run(&mut store, c, tiny, entity, action, &params(p)),
                    Err(ApiError::BadRequest { .. })
                ),
                "{entity} {action}"
            );
        }
    }
}
