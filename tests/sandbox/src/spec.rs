//! Reading connector specs the way the service does, with the sandbox's own code (it shares
//! nothing with the SDK, so the SDK's tests compare two independent implementations):
//! finding the connection schema, following local `$ref`s, telling `oneOf` branches apart,
//! merging a template's `partial_default_config` with an end user's `source_config`, and
//! deriving a template's `user_config_spec`.
//!
//! Every walk is bounded ([`MAX_DEPTH`] levels of schema, [`MAX_REF_HOPS`] `$ref` hops) and
//! reads unreadable schema parts as "no schema", so no spec makes it loop or panic.

use serde_json::{Map, Value};

/// How deep the walks below go into a schema before they stop.
pub(crate) const MAX_DEPTH: usize = 32;
/// How many `$ref`s in a row are followed before a node reads as "no schema".
const MAX_REF_HOPS: usize = 16;

/// The JSON Schema of a `ConnectorSpecification` (`connectionSpecification`); a spec without
/// one is taken to be the schema itself.
pub(crate) fn connection_schema(spec: &Value) -> &Value {
    match spec.get("connectionSpecification") {
        Some(schema @ Value::Object(_)) => schema,
        _ => spec,
    }
}

/// `node` with its local `$ref` (`#/definitions/x`) followed, hop after hop; a remote or
/// dangling reference, or too long a chain, reads as `null` ("no schema"). The sandbox never
/// fetches anything.
pub(crate) fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let mut current = node;
    for _ in 0..MAX_REF_HOPS {
        match current.get("$ref").and_then(Value::as_str) {
            None => return current,
            Some(reference) => match lookup_local(root, reference) {
                Some(target) => current = target,
                None => return &Value::Null,
            },
        }
    }
    &Value::Null
}

/// The node a local reference (`#`, `#/definitions/a~1b`) points at in `root`.
fn lookup_local<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let fragment = reference.strip_prefix('#')?;
    if fragment.is_empty() {
        return Some(root);
    }
    let decoded = percent_decode(fragment);
    root.pointer(&decoded)
}

/// `%25` → `%` and friends: `$ref` fragments are URI-encoded JSON pointers.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The branches of a `oneOf` (or, failing that, `anyOf`) node, `$ref`s followed.
fn branches<'a>(root: &'a Value, node: &'a Value) -> Option<(&'static str, Vec<&'a Value>)> {
    ["oneOf", "anyOf"].into_iter().find_map(|key| {
        let list = node.get(key)?.as_array().filter(|a| !a.is_empty())?;
        Some((key, list.iter().map(|b| resolve(root, b)).collect()))
    })
}

/// The single value a property schema allows: its `const`, or a one-element `enum`.
fn fixed_value(property: &Value) -> Option<&Value> {
    if let Some(value) = property.get("const") {
        return Some(value);
    }
    match property.get("enum").and_then(Value::as_array) {
        Some(values) if values.len() == 1 => values.first(),
        _ => None,
    }
}

/// The key that tells `branches` apart: a property every branch declares with one fixed
/// value, the values all different (`ssl_mode.mode`, `credentials.option_title`).
fn discriminator(root: &Value, branches: &[&Value]) -> Option<String> {
    let first = branches.first()?.get("properties")?.as_object()?;
    first.keys().find_map(|key| {
        let mut seen: Vec<&Value> = Vec::new();
        for branch in branches {
            let property = resolve(root, branch.get("properties")?.get(key)?);
            let value = fixed_value(property)?;
            if seen.contains(&value) {
                return None;
            }
            seen.push(value);
        }
        Some(key.clone())
    })
}

/// The index of the branch whose discriminator `key` has the value `config[key]`.
fn branch_index(
    root: &Value,
    branches: &[&Value],
    key: &str,
    config: &Map<String, Value>,
) -> Option<usize> {
    let wanted = config.get(key)?;
    branches.iter().position(|branch| {
        branch
            .get("properties")
            .and_then(|p| p.get(key))
            .map(|p| resolve(root, p))
            .and_then(fixed_value)
            == Some(wanted)
    })
}

/// The schema of property `key` of the object schema `node` (its own `properties`, then
/// those of its `allOf` members), `$ref`s followed.
fn property_schema<'a>(root: &'a Value, node: &'a Value, key: &str) -> Option<&'a Value> {
    let node = resolve(root, node);
    if let Some(property) = node.get("properties").and_then(|p| p.get(key)) {
        return Some(resolve(root, property));
    }
    node.get("allOf")?
        .as_array()?
        .iter()
        .find_map(|member| resolve(root, member).get("properties")?.get(key))
        .map(|p| resolve(root, p))
}

/// `partial_default_config` with `source_config` merged over it: what a source holds.
///
/// The end user's values win. Where both configs hold an object:
/// - under a `oneOf`/`anyOf` property with a discriminator, the two are merged key by key
///   when they are the same branch (the user's object names the default's discriminator
///   value, or none); an object of another branch replaces the default's whole, so a source
///   never mixes the fields of two branches;
/// - under a `oneOf`/`anyOf` without a discriminator, the user's object replaces the default's;
/// - anywhere else (a plain nested object, or a key the spec does not declare) they are
///   merged key by key.
///
/// Everything else (scalars, arrays, `null`) is replaced.
pub(crate) fn merge(
    schema: &Value,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
) -> Map<String, Value> {
    merge_at(
        schema,
        Some(schema),
        partial_default_config,
        source_config,
        0,
    )
}

fn merge_at(
    root: &Value,
    node: Option<&Value>,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
    depth: usize,
) -> Map<String, Value> {
    let mut merged = defaults.clone();
    for (key, value) in config {
        let merged_value = match (defaults.get(key), value) {
            (Some(Value::Object(old)), Value::Object(new)) if depth < MAX_DEPTH => {
                let property = node.and_then(|n| property_schema(root, n, key));
                merge_objects(root, property, old, new, depth + 1)
            }
            _ => value.clone(),
        };
        merged.insert(key.clone(), merged_value);
    }
    merged
}

/// Two objects at one property (see [`merge`]).
fn merge_objects(
    root: &Value,
    property: Option<&Value>,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    depth: usize,
) -> Value {
    let Some(property) = property else {
        return Value::Object(merge_at(root, None, old, new, depth));
    };
    let Some((_, list)) = branches(root, property) else {
        return Value::Object(merge_at(root, Some(property), old, new, depth));
    };
    let Some(key) = discriminator(root, &list) else {
        return Value::Object(new.clone());
    };
    if new.get(&key).is_some_and(|v| Some(v) != old.get(&key)) {
        return Value::Object(new.clone());
    }
    let mut merged = match branch_index(root, &list, &key, old) {
        Some(index) => merge_at(root, Some(list[index]), old, new, depth),
        None => merge_at(root, None, old, new, depth),
    };
    // Keys the property declares beside its branches.
    if property.get("properties").is_some() {
        let outer = merge_at(root, Some(property), old, new, depth);
        for (k, v) in outer {
            merged.entry(k).or_insert(v);
        }
    }
    Value::Object(merged)
}

/// A template's `user_config_spec`: the connector spec with every field the template's
/// `partial_default_config` supplies dropped from `required` — at the top level, inside the
/// plain nested objects the defaults supply, and inside the `oneOf` branch a default object
/// selects (by its discriminator). A `$ref` on the way to a relaxed node is replaced by a copy
/// of its target, so shared definitions stay untouched. The rest of the spec is returned as
/// it is (the end user still sees every field; only what is required changes).
pub(crate) fn user_config_spec(spec: &Value, partial_default_config: &Map<String, Value>) -> Value {
    let mut out = spec.clone();
    if partial_default_config.is_empty() {
        return out;
    }
    // `$ref`s resolve against the spec as given, which relaxing the copy leaves untouched.
    let root = connection_schema(spec);
    let schema = match out.get_mut("connectionSpecification") {
        Some(schema @ Value::Object(_)) => schema,
        _ => &mut out,
    };
    relax(root, schema, partial_default_config, 0);
    out
}

/// Replaces a `$ref` node by a copy of its target (the node's other keys kept over it).
fn inline(root: &Value, node: &mut Value) {
    for _ in 0..MAX_REF_HOPS {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            return;
        };
        let Some(Value::Object(target)) = lookup_local(root, reference) else {
            return;
        };
        let mut copy = target.clone();
        if let Value::Object(own) = node {
            for (k, v) in own.iter().filter(|(k, _)| k.as_str() != "$ref") {
                copy.insert(k.clone(), v.clone());
            }
        }
        *node = Value::Object(copy);
    }
}

/// Drops the keys `defaults` supplies from `node.required` (and `required` when it empties).
fn drop_required(node: &mut Map<String, Value>, defaults: &Map<String, Value>) {
    if let Some(Value::Array(required)) = node.get_mut("required") {
        required.retain(|k| k.as_str().is_none_or(|k| !defaults.contains_key(k)));
        if required.is_empty() {
            node.remove("required");
        }
    }
}

fn relax(root: &Value, node: &mut Value, defaults: &Map<String, Value>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    inline(root, node);
    let Value::Object(obj) = node else {
        return;
    };
    drop_required(obj, defaults);
    if let Some(Value::Object(properties)) = obj.get_mut("properties") {
        for (key, default) in defaults {
            if let (Some(property), Value::Object(nested)) = (properties.get_mut(key), default) {
                relax_property(root, property, nested, depth + 1);
            }
        }
    }
    if let Some(Value::Array(members)) = obj.get_mut("allOf") {
        for member in members {
            relax(root, member, defaults, depth + 1);
        }
    }
}

/// Relaxes a property whose default is the object `nested`: a `oneOf`/`anyOf` property in
/// the branch `nested` selects, any other like a nested object.
fn relax_property(root: &Value, property: &mut Value, nested: &Map<String, Value>, depth: usize) {
    inline(root, property);
    let chosen = {
        let frozen = property.clone();
        branches(root, &frozen).map(|(list_key, list)| {
            let index =
                discriminator(root, &list).and_then(|key| branch_index(root, &list, &key, nested));
            (list_key, index)
        })
    };
    match chosen {
        None => relax(root, property, nested, depth),
        Some((list_key, index)) => {
            if let Value::Object(obj) = property {
                drop_required(obj, nested);
            }
            if let (Some(index), Some(Value::Array(list))) = (index, property.get_mut(list_key))
                && let Some(branch) = list.get_mut(index)
            {
                relax(root, branch, nested, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    fn postgres() -> Value {
        serde_json::from_str(crate::catalog::SOURCE_POSTGRES_SPEC).unwrap()
    }

    #[test]
    fn same_branch_objects_merge_and_another_branch_replaces() {
        let spec = postgres();
        let schema = connection_schema(&spec);
        let defaults =
            obj(json!({"host": "db", "ssl_mode": {"mode": "verify-ca", "ca_certificate": "ca"}}));
        let same = merge(
            schema,
            &defaults,
            &obj(json!({"ssl_mode": {"client_key": "k"}})),
        );
        assert_eq!(
            same["ssl_mode"],
            json!({"mode": "verify-ca", "ca_certificate": "ca", "client_key": "k"})
        );
        let other = merge(
            schema,
            &defaults,
            &obj(json!({"ssl_mode": {"mode": "verify-full"}})),
        );
        assert_eq!(other["ssl_mode"], json!({"mode": "verify-full"}));
        assert_eq!(other["host"], "db");
    }

    #[test]
    fn undeclared_objects_merge_and_scalars_replace() {
        let schema = json!({"type": "object", "properties": {"n": {"type": "integer"}}});
        let merged = merge(
            &schema,
            &obj(json!({"n": 1, "extra": {"a": 1}, "list": [1]})),
            &obj(json!({"n": 2, "extra": {"b": 2}, "list": [2]})),
        );
        assert_eq!(
            merged,
            obj(json!({"n": 2, "extra": {"a": 1, "b": 2}, "list": [2]}))
        );
    }

    #[test]
    fn user_config_spec_relaxes_top_level_and_the_selected_branch() {
        let spec = postgres();
        let defaults =
            obj(json!({"host": "db", "ssl_mode": {"mode": "verify-ca", "ca_certificate": "ca"}}));
        let out = user_config_spec(&spec, &defaults);
        assert_eq!(out["documentationUrl"], spec["documentationUrl"]);
        let schema = &out["connectionSpecification"];
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(!required.contains(&"host") && required.contains(&"database"));
        let branches = schema["properties"]["ssl_mode"]["oneOf"]
            .as_array()
            .unwrap();
        let verify_ca = branches
            .iter()
            .find(|b| b["properties"]["mode"]["const"] == "verify-ca")
            .unwrap();
        assert!(verify_ca.get("required").is_none());
        let verify_full = branches
            .iter()
            .find(|b| b["properties"]["mode"]["const"] == "verify-full")
            .unwrap();
        assert_eq!(verify_full["required"], json!(["mode", "ca_certificate"]));
        assert_eq!(user_config_spec(&spec, &Map::new()), spec);
    }

    #[test]
    fn local_refs_are_followed_and_inlined_remote_ones_are_not() {
        let spec = json!({
            "type": "object",
            "required": ["t"],
            "definitions": {"tunnel": {"type": "object", "required": ["host", "port"],
                "properties": {"host": {"type": "string"}, "port": {"type": "integer"}}}},
            "properties": {
                "t": {"$ref": "#/definitions/tunnel", "title": "Tunnel"},
                "u": {"$ref": "https://example.com/schema.json"}
            }
        });
        let out = user_config_spec(&spec, &obj(json!({"t": {"host": "h"}})));
        assert_eq!(out["properties"]["t"]["required"], json!(["port"]));
        assert_eq!(out["properties"]["t"]["title"], "Tunnel");
        assert_eq!(
            out["definitions"]["tunnel"]["required"],
            json!(["host", "port"])
        );
        assert!(out.get("required").is_none());
        assert_eq!(resolve(&spec, &spec["properties"]["u"]), &Value::Null);
        let looping =
            json!({"definitions": {"a": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"});
        assert_eq!(resolve(&looping, &looping), &Value::Null);
        assert_eq!(percent_decode("/a%20b%2"), "/a b%2");
    }
}
