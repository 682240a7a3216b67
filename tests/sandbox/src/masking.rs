//! Secrets in configs, found by the sandbox's own walk of the connector spec: masking them in
//! responses as the service does, and spotting the mask sent back as if it were a value.
//!
//! A position in a config is secret when any schema that applies there says
//! `airbyte_secret: true` (or the older spelling `airbyte_sensitive: true`). The schemas that
//! apply are the property's own (local `$ref`s followed) and those of every `allOf`, `anyOf`
//! and `oneOf` member, so a key secret in one `oneOf` branch is secret whichever branch the
//! config picks. Array entries take `items` (or the positional `items` and
//! `additionalItems`); keys no `properties` entry names take an object `additionalProperties`.

use serde_json::Value;

use crate::spec::{MAX_DEPTH, resolve};

/// What the service shows in place of every secret value in a response: ten asterisks.
pub(crate) const SECRET_MASK: &str = "**********";

/// Whether one schema node marks its value secret.
fn is_secret(node: &Value) -> bool {
    ["airbyte_secret", "airbyte_sensitive"]
        .iter()
        .any(|key| node.get(*key).and_then(Value::as_bool) == Some(true))
}

/// Every schema that applies where `node` applies: `node` itself and the members of its
/// `allOf`/`anyOf`/`oneOf`, recursively, `$ref`s followed.
fn applicable<'a>(root: &'a Value, node: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    let node = resolve(root, node);
    if depth > MAX_DEPTH || !node.is_object() || out.iter().any(|n| std::ptr::eq(*n, node)) {
        return;
    }
    out.push(node);
    for key in ["allOf", "anyOf", "oneOf"] {
        for member in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            applicable(root, member, out, depth + 1);
        }
    }
}

/// The schemas of key `key` of an object under `nodes`.
fn property_schemas<'a>(nodes: &[&'a Value], key: &str) -> Vec<&'a Value> {
    nodes
        .iter()
        .filter_map(
            |node| match node.get("properties").and_then(|p| p.get(key)) {
                Some(schema) => Some(schema),
                None => node.get("additionalProperties").filter(|a| a.is_object()),
            },
        )
        .collect()
}

/// The schemas of entry `index` of an array under `nodes`.
fn item_schemas<'a>(nodes: &[&'a Value], index: usize) -> Vec<&'a Value> {
    nodes
        .iter()
        .filter_map(|node| match node.get("items") {
            Some(Value::Array(positional)) => positional
                .get(index)
                .or_else(|| node.get("additionalItems").filter(|a| a.is_object())),
            Some(items @ Value::Object(_)) => Some(items),
            _ => None,
        })
        .collect()
}

/// JSON pointers of every non-`null` value of `config` at a secret position of `schema` (a
/// connection schema), outermost only (nothing inside a secret is listed again).
pub(crate) fn secret_pointers(schema: &Value, config: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut path = String::new();
    walk(schema, &[schema], config, &mut path, &mut out, 0);
    out
}

fn walk(
    root: &Value,
    schemas: &[&Value],
    value: &Value,
    path: &mut String,
    out: &mut Vec<String>,
    depth: usize,
) {
    let mut nodes = Vec::new();
    for schema in schemas {
        applicable(root, schema, &mut nodes, 0);
    }
    if nodes.iter().any(|n| is_secret(n)) {
        if !value.is_null() {
            out.push(path.clone());
        }
        return;
    }
    if depth > MAX_DEPTH {
        return;
    }
    let len = path.len();
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push('/');
                path.push_str(&key.replace('~', "~0").replace('/', "~1"));
                walk(
                    root,
                    &property_schemas(&nodes, key),
                    child,
                    path,
                    out,
                    depth + 1,
                );
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push('/');
                path.push_str(&index.to_string());
                walk(
                    root,
                    &item_schemas(&nodes, index),
                    child,
                    path,
                    out,
                    depth + 1,
                );
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// `config` with every secret value (see the module docs) replaced by [`SECRET_MASK`];
/// `null`s stay `null`. What every response holding a config shows.
pub(crate) fn mask(schema: &Value, config: Value) -> Value {
    let mut masked = config;
    for pointer in secret_pointers(schema, &masked) {
        if let Some(slot) = masked.pointer_mut(&pointer) {
            *slot = Value::String(SECRET_MASK.to_owned());
        }
    }
    masked
}

/// JSON pointers of the secret positions of `config` that hold exactly [`SECRET_MASK`]: the
/// mask sent back instead of a value.
pub(crate) fn masked_pointers(schema: &Value, config: &Value) -> Vec<String> {
    secret_pointers(schema, config)
        .into_iter()
        .filter(|p| config.pointer(p).and_then(Value::as_str) == Some(SECRET_MASK))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({
            "type": "object",
            "definitions": {"key": {"type": "string", "airbyte_secret": true}},
            "properties": {
                "host": {"type": "string"},
                "password": {"type": "string", "airbyte_secret": true},
                "legacy": {"type": "string", "airbyte_sensitive": true},
                "by_ref": {"$ref": "#/definitions/key"},
                "credentials": {"type": "object", "oneOf": [
                    {"properties": {"kind": {"const": "a"}, "token": {"type": "string", "airbyte_secret": true}}},
                    {"properties": {"kind": {"const": "b"}, "user": {"type": "string"}}}
                ]},
                "tunnels": {"type": "array", "items": {"type": "object",
                    "properties": {"ssh_key": {"type": "string", "airbyte_secret": true}}}},
                "headers": {"type": "object", "additionalProperties": {"type": "string", "airbyte_secret": true}}
            }
        })
    }

    #[test]
    fn every_kind_of_secret_position_is_masked() {
        let config = json!({
            "host": "h", "password": "pw-1", "legacy": "old-1", "by_ref": "ref-1",
            "credentials": {"kind": "b", "token": "tok-1", "user": "u"},
            "tunnels": [{"ssh_key": "key-1"}, {"ssh_key": null}],
            "headers": {"X-Api-Key": "hdr-1"},
            "undeclared": "stays"
        });
        let masked = mask(&schema(), config);
        assert_eq!(
            masked,
            json!({
                "host": "h", "password": SECRET_MASK, "legacy": SECRET_MASK, "by_ref": SECRET_MASK,
                "credentials": {"kind": "b", "token": SECRET_MASK, "user": "u"},
                "tunnels": [{"ssh_key": SECRET_MASK}, {"ssh_key": null}],
                "headers": {"X-Api-Key": SECRET_MASK},
                "undeclared": "stays"
            })
        );
    }

    #[test]
    fn only_masks_at_secret_positions_count_as_sent_back() {
        let config = json!({"host": SECRET_MASK, "password": SECRET_MASK, "tunnels": [{"ssh_key": "k"}, {"ssh_key": SECRET_MASK}]});
        assert_eq!(
            masked_pointers(&schema(), &config),
            vec!["/password", "/tunnels/1/ssh_key"]
        );
        assert_eq!(
            secret_pointers(&schema(), &json!({"a/b": 1})),
            Vec::<String>::new()
        );
    }

    #[test]
    fn odd_schemas_never_loop() {
        let looping = json!({"$ref": "#", "properties": {"a": {"$ref": "#"}}});
        let deep = (0..100).fold(json!("x"), |v, _| json!({"a": v}));
        assert!(secret_pointers(&looping, &deep).is_empty());
        assert_eq!(
            mask(&json!("not a schema"), json!({"a": 1})),
            json!({"a": 1})
        );
    }
}
