//! Merging a template's `partial_default_config` with an end user's `source_config`, injecting
//! spec defaults, and the spec-side dual of the merge: [`user_config_spec`].
//!
//! # Merge rules
//! The user's value wins. Two objects are merged key by key (recursively) when the schema
//! describes the property as a plain object. When the property's schema is a `oneOf`/`anyOf`:
//! - with a discriminator, the objects are merged only when they are the *same branch* (the
//!   user's object has the default's discriminator value, or has no discriminator at all, in
//!   which case the default's branch stands); a user object of another branch replaces the
//!   default object wholesale, so two branches are never mixed;
//! - without a discriminator, the user's object always replaces the default's.
//!
//! Arrays, scalars and properties the schema does not declare are replaced wholesale.

use serde_json::{Map, Value};

use super::compile::Compiled;
use super::schema::{self, Discriminators};
use super::spec::connection_schema_mut;

/// `partial_default_config` with `source_config` merged over it (see the module docs).
/// `known` holds the schema's discriminators (or is empty).
pub(crate) fn merge(
    root: &Value,
    known: &Discriminators,
    defaults: &Map<String, Value>,
    user: &Map<String, Value>,
) -> Map<String, Value> {
    if defaults.is_empty() {
        // Nothing to merge into: the user's config as it is (a copy keeps its hash table).
        return user.clone();
    }
    let mut out = defaults.clone();
    merge_into(root, known, &[root], &mut out, user, 0);
    out
}

fn merge_into(
    root: &Value,
    known: &Discriminators,
    nodes: &[&Value],
    target: &mut Map<String, Value>,
    user: &Map<String, Value>,
    depth: usize,
) {
    let parts = all_parts(root, nodes);
    for (key, user_value) in user {
        let deep = match (target.get(key), user_value) {
            (Some(Value::Object(existing)), Value::Object(incoming)) if depth < 64 => {
                deep_merge_nodes(
                    root,
                    known,
                    &schema::property(&parts, key),
                    existing,
                    incoming,
                )
            }
            _ => None,
        };
        match (deep, target.get_mut(key)) {
            (Some(child_nodes), Some(Value::Object(existing))) => {
                if let Value::Object(incoming) = user_value {
                    merge_into(root, known, &child_nodes, existing, incoming, depth + 1);
                }
            }
            _ => {
                target.insert(key.clone(), user_value.clone());
            }
        }
    }
}

/// The schema nodes to merge two objects under, or `None` when the user's object replaces the
/// default's.
fn deep_merge_nodes<'a>(
    root: &'a Value,
    known: &Discriminators,
    nodes: &[&'a Value],
    existing: &Map<String, Value>,
    incoming: &Map<String, Value>,
) -> Option<Vec<&'a Value>> {
    if nodes.is_empty() {
        return None;
    }
    let parts = all_parts(root, nodes);
    if let Some((_, branches)) = schema::branches(&parts) {
        let disc = known.find(root, &branches)?;
        let default_branch = disc.branch_of(existing)?;
        if let Some(user_choice) = incoming.get(&disc.key)
            && disc.branch_for(user_choice) != Some(default_branch)
        {
            return None;
        }
        let mut out = parts;
        out.push(branches[default_branch]);
        return Some(out);
    }
    is_object_schema(&parts).then_some(parts)
}

fn is_object_schema(parts: &[&Value]) -> bool {
    schema::types(parts).contains(&"object") || !schema::properties(parts).is_empty()
}

/// The folded parts of every node in `nodes`.
pub(crate) fn all_parts<'a>(root: &'a Value, nodes: &[&'a Value]) -> Vec<&'a Value> {
    let mut out: Vec<&'a Value> = Vec::new();
    for node in nodes {
        for part in schema::parts(root, node) {
            if !out.iter().any(|seen| std::ptr::eq(*seen, part)) {
                out.push(part);
            }
        }
    }
    out
}

/// `parts` plus the branch an object selects with its discriminator (the object's value, else
/// `fallback`'s), when the parts have a discriminated `oneOf`/`anyOf` and it names a known
/// branch. `known` holds the schema's discriminators (or is empty).
pub(crate) fn with_selected_branch<'a>(
    root: &'a Value,
    known: &Discriminators,
    parts: Vec<&'a Value>,
    object: &Map<String, Value>,
    fallback: Option<&Map<String, Value>>,
) -> Vec<&'a Value> {
    let Some((_, branches)) = schema::branches(&parts) else {
        return parts;
    };
    let Some(disc) = known.find(root, &branches) else {
        return parts;
    };
    let chosen = match object.get(&disc.key) {
        Some(value) => disc.branch_for(value),
        None => fallback.and_then(|f| disc.branch_of(f)),
    };
    match chosen {
        Some(index) => {
            let mut nodes = parts;
            for part in schema::parts(root, branches[index]) {
                if !nodes.iter().any(|seen| std::ptr::eq(*seen, part)) {
                    nodes.push(part);
                }
            }
            nodes
        }
        None => parts,
    }
}

/// Inserts, into `merged` and at the same place into `sent`, the `default` of every required
/// property that is missing from both — only when that default satisfies its own schema.
/// Descends into nested objects and into the `oneOf` branch an object selects. Returns the
/// JSON pointers of the injected values.
pub(crate) fn inject_defaults(
    compiled: &Compiled,
    merged: &mut Map<String, Value>,
    sent: &mut Map<String, Value>,
) -> Vec<String> {
    let mut applied = Vec::new();
    let root = &compiled.schema;
    inject(
        compiled,
        &[root],
        merged,
        &mut String::new(),
        &mut applied,
        0,
    );
    for path in &applied {
        if let Some(value) = pointer_in_map(merged, path).cloned() {
            insert_at(sent, path, value);
        }
    }
    applied
}

fn inject(
    compiled: &Compiled,
    nodes: &[&Value],
    object: &mut Map<String, Value>,
    path: &mut String,
    applied: &mut Vec<String>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    let root = &compiled.schema;
    let parts = with_selected_branch(
        root,
        &compiled.discriminators,
        all_parts(root, nodes),
        object,
        None,
    );
    for key in schema::required(&parts) {
        if object.contains_key(key) {
            continue;
        }
        let declared = schema::property(&parts, key);
        if let Some(node) = declared.iter().find(|n| n.get("default").is_some())
            && compiled.default_is_valid(node)
            && let Some(default) = node.get("default")
        {
            object.insert(key.to_owned(), default.clone());
            applied.push(schema::join_pointer(path, key));
        }
    }
    for (key, child) in object.iter_mut() {
        let Value::Object(child) = child else {
            continue;
        };
        let declared = schema::property(&parts, key);
        if declared.is_empty() {
            continue;
        }
        let len = path.len();
        path.push('/');
        path.push_str(&schema::escape_segment(key));
        inject(compiled, &declared, child, path, applied, depth + 1);
        path.truncate(len);
    }
}

fn pointer_in_map<'a>(map: &'a Map<String, Value>, pointer: &str) -> Option<&'a Value> {
    let mut segments = schema::pointer_segments(pointer).into_iter();
    let first = segments.next()?;
    let mut current = map.get(&first)?;
    for segment in segments {
        current = current.as_object()?.get(&segment)?;
    }
    Some(current)
}

/// Sets `value` at `pointer` (object keys only), creating missing objects on the way. Does
/// nothing when a non-object is in the way.
fn insert_at(map: &mut Map<String, Value>, pointer: &str, value: Value) {
    let segments = schema::pointer_segments(pointer);
    let Some((last, parents)) = segments.split_last() else {
        return;
    };
    let mut current = map;
    for segment in parents {
        let next = current
            .entry(segment.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        match next {
            Value::Object(inner) => current = inner,
            _ => return,
        }
    }
    current.insert(last.clone(), value);
}

/// The connector spec with every field `defaults` supplies removed from `required`, at the top
/// level and inside nested objects the defaults supply (for a discriminated `oneOf`, inside
/// the branch the default object selects). Keeps the outer shape of `spec`. A `$ref`'d schema
/// that needs changing is inlined at that place (other users of the definition keep it intact).
pub(crate) fn user_config_spec(spec: &Value, defaults: &Map<String, Value>) -> Value {
    let mut out = spec.clone();
    let schema = connection_schema_mut(&mut out);
    if !schema.is_object() {
        return out;
    }
    let snapshot = schema.clone();
    relax(&snapshot, schema, defaults, 0);
    out
}

/// Replaces a local `$ref` node by (a copy of) its target, keeping the node's other keys.
fn inline_ref(root: &Value, node: &mut Value) {
    for _ in 0..schema::MAX_PARTS {
        let Some(Value::String(reference)) = node.get("$ref") else {
            return;
        };
        let Some(Value::Object(target)) = schema::lookup_local(root, reference) else {
            return;
        };
        let mut inlined = target.clone();
        if let Value::Object(own) = node {
            for (key, value) in own.iter() {
                if key != "$ref" {
                    inlined.insert(key.clone(), value.clone());
                }
            }
        }
        *node = Value::Object(inlined);
    }
}

fn relax(root: &Value, node: &mut Value, defaults: &Map<String, Value>, depth: usize) {
    if depth > 32 || defaults.is_empty() {
        return;
    }
    inline_ref(root, node);
    let Value::Object(obj) = node else {
        return;
    };
    drop_required(obj, defaults);
    if let Some(Value::Object(props)) = obj.get_mut("properties") {
        for (key, default) in defaults {
            let (Some(prop), Value::Object(nested)) = (props.get_mut(key), default) else {
                continue;
            };
            relax_property(root, prop, nested, depth + 1);
        }
    }
    if let Some(Value::Array(members)) = obj.get_mut("allOf") {
        for member in members {
            relax(root, member, defaults, depth + 1);
        }
    }
}

/// Removes the keys `defaults` supplies from `obj.required`, and `required` itself when that
/// empties it (draft-04 forbids an empty list).
fn drop_required(obj: &mut Map<String, Value>, defaults: &Map<String, Value>) {
    if let Some(Value::Array(required)) = obj.get_mut("required") {
        required.retain(|key| key.as_str().is_none_or(|k| !defaults.contains_key(k)));
        if required.is_empty() {
            obj.remove("required");
        }
    }
}

fn relax_property(root: &Value, prop: &mut Value, nested: &Map<String, Value>, depth: usize) {
    inline_ref(root, prop);
    let branch_list = ["oneOf", "anyOf"].into_iter().find(|k| {
        prop.get(*k)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
    });
    let Some(list_key) = branch_list else {
        relax(root, prop, nested, depth);
        return;
    };
    let chosen = {
        let frozen: Vec<&Value> = prop
            .get(list_key)
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        schema::discriminator(root, &frozen).and_then(|d| d.branch_of(nested))
    };
    // Required keys at the property's own level apply to every branch.
    if let Value::Object(obj) = prop {
        drop_required(obj, nested);
    }
    if let (Some(index), Some(Value::Array(branches))) = (chosen, prop.get_mut(list_key))
        && let Some(branch) = branches.get_mut(index)
    {
        relax(root, branch, nested, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Value {
        json!({
            "type": "object",
            "required": ["host", "port", "credentials"],
            "definitions": {"tunnel": {"type": "object", "required": ["tunnel_host", "tunnel_port"],
                "properties": {"tunnel_host": {"type": "string"}, "tunnel_port": {"type": "integer", "default": 22}}}},
            "properties": {
                "host": {"type": "string"},
                "port": {"type": "integer", "default": 5432},
                "tunnel": {"$ref": "#/definitions/tunnel", "title": "SSH tunnel"},
                "other_tunnel": {"$ref": "#/definitions/tunnel"},
                "credentials": {"type": "object", "oneOf": [
                    {"required": ["auth_type", "client_id", "client_secret", "refresh_token"], "properties": {
                        "auth_type": {"const": "oauth"}, "client_id": {"type": "string"},
                        "client_secret": {"type": "string"}, "refresh_token": {"type": "string"}}},
                    {"required": ["auth_type", "api_token"], "properties": {
                        "auth_type": {"const": "token"}, "api_token": {"type": "string"}}}
                ]},
                "loose": {"oneOf": [{"type": "object"}, {"type": "string"}]},
                "tags": {"type": "array"}
            }
        })
    }

    fn m(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn user_values_win_and_plain_objects_merge_deeply() {
        let merged = merge(
            &spec(),
            &Discriminators::default(),
            &m(
                json!({"host": "a", "tunnel": {"tunnel_host": "bastion", "tunnel_port": 22}, "tags": [1]}),
            ),
            &m(json!({"host": "b", "tunnel": {"tunnel_port": 2222}, "tags": [2], "extra": 1})),
        );
        assert_eq!(
            Value::Object(merged),
            json!({"host": "b", "tunnel": {"tunnel_host": "bastion", "tunnel_port": 2222}, "tags": [2], "extra": 1})
        );
    }

    #[test]
    fn one_of_objects_merge_only_within_the_same_branch() {
        let spec = spec();
        // The same answers with discriminators found on the way and from a compiled memo.
        for known in [Discriminators::default(), Discriminators::of(&spec)] {
            let merge = |defaults: Value, user: Value| merge(&spec, &known, &m(defaults), &m(user));
            let defaults = json!({"credentials": {"auth_type": "oauth", "client_id": "app", "client_secret": "s"}});
            // Same branch (explicit or implied by a missing discriminator): merged.
            for user in [
                json!({"credentials": {"auth_type": "oauth", "refresh_token": "r"}}),
                json!({"credentials": {"refresh_token": "r"}}),
            ] {
                let merged = merge(defaults.clone(), user);
                assert_eq!(merged["credentials"]["client_id"], "app");
                assert_eq!(merged["credentials"]["refresh_token"], "r");
            }
            // Another branch: replaced wholesale, no hybrid.
            let merged = merge(
                defaults.clone(),
                json!({"credentials": {"auth_type": "token", "api_token": "t"}}),
            );
            assert_eq!(
                merged["credentials"],
                json!({"auth_type": "token", "api_token": "t"})
            );
            // No discriminator: replaced wholesale.
            let merged = merge(json!({"loose": {"a": 1}}), json!({"loose": {"b": 2}}));
            assert_eq!(merged["loose"], json!({"b": 2}));
        }
    }

    #[test]
    fn user_config_spec_relaxes_top_level_nested_and_branch_requirements() {
        let defaults = m(json!({
            "host": "db",
            "tunnel": {"tunnel_host": "bastion"},
            "credentials": {"auth_type": "oauth", "client_id": "app", "client_secret": "s"}
        }));
        let wrapped =
            json!({"connectionSpecification": spec(), "documentationUrl": "https://docs"});
        let out = user_config_spec(&wrapped, &defaults);
        assert_eq!(out["documentationUrl"], "https://docs");
        let s = &out["connectionSpecification"];
        assert_eq!(s["required"], json!(["port"]));
        // The tunnel `$ref` was inlined with the template's field relaxed...
        assert_eq!(
            s["properties"]["tunnel"]["required"],
            json!(["tunnel_port"])
        );
        assert_eq!(s["properties"]["tunnel"]["title"], "SSH tunnel");
        // ...while the shared definition and its other user are untouched.
        assert_eq!(
            s["definitions"]["tunnel"]["required"],
            json!(["tunnel_host", "tunnel_port"])
        );
        assert_eq!(
            s["properties"]["other_tunnel"],
            json!({"$ref": "#/definitions/tunnel"})
        );
        // Only the OAuth branch, which the default selects, is relaxed.
        assert_eq!(
            s["properties"]["credentials"]["oneOf"][0]["required"],
            json!(["refresh_token"])
        );
        assert_eq!(
            s["properties"]["credentials"]["oneOf"][1]["required"],
            json!(["auth_type", "api_token"])
        );
        // Bare and manifest shapes stay bare and manifest.
        let bare = user_config_spec(&spec(), &defaults);
        assert_eq!(bare["required"], json!(["port"]));
        let manifest = user_config_spec(&json!({"connection_specification": spec()}), &defaults);
        assert_eq!(
            manifest["connection_specification"]["required"],
            json!(["port"])
        );
        // Odd input comes back unchanged.
        assert_eq!(user_config_spec(&json!("x"), &defaults), json!("x"));
    }

    #[test]
    fn defaults_are_injected_only_when_required_missing_and_valid() {
        let spec = json!({
            "type": "object",
            "required": ["port", "bad", "tunnel"],
            "properties": {
                "port": {"type": "integer", "default": 5432},
                "bad": {"type": "integer", "default": "not a number"},
                "optional": {"type": "integer", "default": 1},
                "tunnel": {"type": "object", "required": ["tunnel_port"],
                           "properties": {"tunnel_port": {"type": "integer", "default": 22}}}
            }
        });
        let compiled = Compiled::compile(&spec).unwrap();
        let mut merged = m(json!({"tunnel": {}}));
        let mut sent = Map::new();
        let applied = inject_defaults(&compiled, &mut merged, &mut sent);
        assert_eq!(applied, vec!["/port", "/tunnel/tunnel_port"]);
        assert_eq!(
            Value::Object(merged),
            json!({"tunnel": {"tunnel_port": 22}, "port": 5432})
        );
        assert_eq!(
            Value::Object(sent),
            json!({"port": 5432, "tunnel": {"tunnel_port": 22}})
        );
    }
}
