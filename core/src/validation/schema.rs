//! Read-only navigation of a connection schema, shared by every walker in this module.
//!
//! The compiled `jsonschema` validator decides validity; these helpers answer the structural
//! questions it cannot: which schema describes the value at a path, which `oneOf` branch a value
//! selects, which fields a branch declares. They follow local `$ref`s (`#`, `#/definitions/…`,
//! `#/$defs/…`), fold `allOf` members into their parent and never fail: anything they cannot read
//! (a remote or broken `$ref`, a keyword of the wrong type) reads as "no constraint".
//!
//! Every walk is bounded: `$ref` chains by [`MAX_PARTS`] and recursion through the schema by the
//! caller (walkers that follow the value stop where the value stops; walkers that follow only the
//! schema keep a stack of the nodes they are inside).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{Map, Value};

/// The most schema nodes one position may fold together (`$ref` targets and `allOf` members).
pub(crate) const MAX_PARTS: usize = 64;

/// How deep the schema-only walkers descend before giving up on a (recursive) spec.
pub(crate) const MAX_SCHEMA_DEPTH: usize = 48;

/// The node a local `$ref` names, or `None` when it is remote or does not resolve.
pub(crate) fn lookup_local<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let fragment = reference.strip_prefix('#')?;
    if fragment.is_empty() {
        return Some(root);
    }
    if !fragment.starts_with('/') {
        // A plain-name anchor (`#foo`): not resolved here.
        return None;
    }
    root.pointer(&percent_decode(fragment))
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `node` together with the targets of its local `$ref`s and its `allOf` members (recursively),
/// `node` first. Each distinct node appears once.
pub(crate) fn parts<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let mut out: Vec<&'a Value> = Vec::new();
    collect_parts(root, node, &mut out);
    out
}

fn collect_parts<'a>(root: &'a Value, node: &'a Value, out: &mut Vec<&'a Value>) {
    if out.len() >= MAX_PARTS || out.iter().any(|seen| std::ptr::eq(*seen, node)) {
        return;
    }
    out.push(node);
    let Some(obj) = node.as_object() else {
        return;
    };
    if let Some(target) = obj
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| lookup_local(root, r))
    {
        collect_parts(root, target, out);
    }
    if let Some(members) = obj.get("allOf").and_then(Value::as_array) {
        for member in members {
            collect_parts(root, member, out);
        }
    }
}

/// The first value of `keyword` among `parts`.
pub(crate) fn keyword<'a>(parts: &[&'a Value], keyword: &str) -> Option<&'a Value> {
    parts.iter().find_map(|p| p.get(keyword))
}

/// The first string value of `keyword` among `parts`.
pub(crate) fn keyword_str<'a>(parts: &[&'a Value], name: &str) -> Option<&'a str> {
    parts
        .iter()
        .find_map(|p| p.get(name).and_then(Value::as_str))
}

/// Whether any of `parts` sets `keyword` to `true`.
pub(crate) fn flag(parts: &[&Value], name: &str) -> bool {
    parts
        .iter()
        .any(|p| p.get(name).and_then(Value::as_bool) == Some(true))
}

/// The declared properties of `parts`, in declaration order (the first declaration of a key
/// wins its position; every declaration is kept, so callers can fold them).
pub(crate) fn properties<'a>(parts: &[&'a Value]) -> Vec<(&'a str, &'a Value)> {
    let mut out: Vec<(&'a str, &'a Value)> = Vec::new();
    for part in parts {
        if let Some(props) = part.get("properties").and_then(Value::as_object) {
            for (key, schema) in props {
                out.push((key.as_str(), schema));
            }
        }
    }
    out
}

/// The declared keys of `parts`, in declaration order, each once.
pub(crate) fn property_keys<'a>(parts: &[&'a Value]) -> Vec<&'a str> {
    let mut keys: Vec<&'a str> = Vec::new();
    for (key, _) in properties(parts) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Every schema `parts` declare for property `key`.
pub(crate) fn property<'a>(parts: &[&'a Value], key: &str) -> Vec<&'a Value> {
    parts
        .iter()
        .filter_map(|p| p.get("properties").and_then(Value::as_object))
        .filter_map(|props| props.get(key))
        .collect()
}

/// The `additionalProperties` schemas (objects only) of `parts`.
pub(crate) fn additional_properties<'a>(parts: &[&'a Value]) -> Vec<&'a Value> {
    parts
        .iter()
        .filter_map(|p| p.get("additionalProperties"))
        .filter(|s| s.is_object())
        .collect()
}

/// The keys `parts` require, in declaration order, each once.
pub(crate) fn required<'a>(parts: &[&'a Value]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for part in parts {
        if let Some(list) = part.get("required").and_then(Value::as_array) {
            for key in list.iter().filter_map(Value::as_str) {
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
    }
    out
}

/// The `type` names `parts` declare (the first `type` found; empty when none).
pub(crate) fn types<'a>(parts: &[&'a Value]) -> Vec<&'a str> {
    match keyword(parts, "type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The `oneOf` (or else `anyOf`) branches of `parts`, with the keyword's name.
pub(crate) fn branches<'a>(parts: &[&'a Value]) -> Option<(&'static str, Vec<&'a Value>)> {
    for name in ["oneOf", "anyOf"] {
        if let Some(list) = keyword(parts, name).and_then(Value::as_array)
            && !list.is_empty()
        {
            return Some((name, list.iter().collect()));
        }
    }
    None
}

/// The schema for the items of an array at index `index` (`items`, tuple `items`,
/// `prefixItems`, `additionalItems`), or `None` when nothing describes it.
pub(crate) fn item_schema<'a>(parts: &[&'a Value], index: usize) -> Option<&'a Value> {
    for part in parts {
        if let Some(prefix) = part.get("prefixItems").and_then(Value::as_array) {
            if let Some(schema) = prefix.get(index) {
                return Some(schema);
            }
            if let Some(items) = part.get("items") {
                return Some(items);
            }
            continue;
        }
        match part.get("items") {
            Some(Value::Array(tuple)) => {
                if let Some(schema) = tuple.get(index) {
                    return Some(schema);
                }
                if let Some(extra) = part.get("additionalItems") {
                    return Some(extra);
                }
            }
            Some(items) => return Some(items),
            None => {}
        }
    }
    None
}

/// The schema for every item of an array (`items` as one schema), for walks without a value.
pub(crate) fn uniform_item_schema<'a>(parts: &[&'a Value]) -> Option<&'a Value> {
    parts.iter().find_map(|p| match p.get("items") {
        Some(Value::Array(_)) | None => None,
        Some(items) => Some(items),
    })
}

/// A property that tells the branches of a `oneOf`/`anyOf` apart: present in every branch as a
/// `const` or a single-value `enum`, with a different value in each.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Discriminator {
    /// The property's key (`"mode"`, `"auth_type"`, `"option_title"`).
    pub key: String,
    /// The value each branch fixes, in branch order.
    pub values: Vec<Value>,
}

impl Discriminator {
    /// The index of the branch `value` selects.
    pub fn branch_for(&self, value: &Value) -> Option<usize> {
        self.values.iter().position(|v| v == value)
    }

    /// The branch an object selects, when it has the discriminator and its value is known.
    pub fn branch_of(&self, object: &Map<String, Value>) -> Option<usize> {
        object.get(&self.key).and_then(|v| self.branch_for(v))
    }
}

/// The value a property schema fixes with `const` or a one-value `enum`.
pub(crate) fn fixed_value<'a>(root: &'a Value, schema: &'a Value) -> Option<&'a Value> {
    let parts = parts(root, schema);
    if let Some(value) = keyword(&parts, "const") {
        return Some(value);
    }
    match keyword(&parts, "enum").and_then(Value::as_array) {
        Some(list) if list.len() == 1 => list.first(),
        _ => None,
    }
}

/// The discriminator of `branches`, if they have one. When several properties qualify, the
/// first one (in the first branch's declaration order) that every branch requires wins, else
/// the first one.
pub(crate) fn discriminator(root: &Value, branches: &[&Value]) -> Option<Discriminator> {
    let first = branches.first()?;
    let branch_parts: Vec<Vec<&Value>> = branches.iter().map(|b| parts(root, b)).collect();
    let mut fallback: Option<Discriminator> = None;
    for key in property_keys(&parts(root, first)) {
        let mut values: Vec<Value> = Vec::with_capacity(branches.len());
        for bp in &branch_parts {
            let Some(value) = property(bp, key)
                .into_iter()
                .find_map(|schema| fixed_value(root, schema))
            else {
                break;
            };
            if values.contains(value) {
                break;
            }
            values.push(value.clone());
        }
        if values.len() != branches.len() {
            continue;
        }
        let candidate = Discriminator {
            key: key.to_owned(),
            values,
        };
        if branch_parts.iter().all(|bp| required(bp).contains(&key)) {
            return Some(candidate);
        }
        if fallback.is_none() {
            fallback = Some(candidate);
        }
    }
    fallback
}

/// The discriminator of every `oneOf`/`anyOf` branch list of one schema, found once when the
/// spec is compiled, so that validating a config never searches for one again.
///
/// Keyed by the address of a list's first branch. Only a compiled spec holds a filled memo,
/// next to the schema it was built from, whose nodes stay where they are for as long as both
/// live; any other caller uses [`Discriminators::default`], which finds nothing and computes.
#[derive(Default)]
pub(crate) struct Discriminators(HashMap<usize, Option<Discriminator>, ahash::RandomState>);

/// The keys whose values are data, not schemas.
pub(crate) const DATA_KEYWORDS: &[&str] = &["enum", "const", "default", "examples"];

impl Discriminators {
    /// The discriminator (or its absence) of every branch list inside `root`.
    pub(crate) fn of(root: &Value) -> Discriminators {
        let mut memo = Discriminators::default();
        memo.collect(root, root, 0);
        memo
    }

    fn collect(&mut self, root: &Value, node: &Value, depth: usize) {
        if depth > 256 {
            return;
        }
        match node {
            Value::Object(map) => {
                for name in ["oneOf", "anyOf"] {
                    if let Some(Value::Array(list)) = map.get(name)
                        && let Some(first) = list.first()
                    {
                        let branches: Vec<&Value> = list.iter().collect();
                        self.0
                            .insert(address(first), discriminator(root, &branches));
                    }
                }
                for (key, child) in map {
                    if !DATA_KEYWORDS.contains(&key.as_str()) {
                        self.collect(root, child, depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                for child in items {
                    self.collect(root, child, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// [`discriminator`] of `branches` (a branch list of `root`), from the memo when it holds
    /// the list.
    pub(crate) fn find<'s>(
        &'s self,
        root: &Value,
        branches: &[&Value],
    ) -> Option<Cow<'s, Discriminator>> {
        if let Some(known) = branches.first().and_then(|b| self.0.get(&address(b))) {
            return known.as_ref().map(Cow::Borrowed);
        }
        discriminator(root, branches).map(Cow::Owned)
    }
}

fn address(node: &Value) -> usize {
    node as *const Value as usize
}

/// The label of a branch: its `title`, else its discriminator value, else `option N`.
pub(crate) fn branch_label(
    root: &Value,
    branch: &Value,
    index: usize,
    disc: Option<&Discriminator>,
) -> String {
    let bp = parts(root, branch);
    if let Some(title) = keyword_str(&bp, "title") {
        return title.to_owned();
    }
    if let Some(value) = disc.and_then(|d| d.values.get(index)) {
        return match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
    }
    format!("option {}", index + 1)
}

/// Escapes one JSON pointer segment (`~` → `~0`, `/` → `~1`).
pub(crate) fn escape_segment(segment: &str) -> String {
    if segment.contains(['~', '/']) {
        segment.replace('~', "~0").replace('/', "~1")
    } else {
        segment.to_owned()
    }
}

/// Unescapes one JSON pointer segment.
pub(crate) fn unescape_segment(segment: &str) -> String {
    if segment.contains('~') {
        segment.replace("~1", "/").replace("~0", "~")
    } else {
        segment.to_owned()
    }
}

/// `pointer` with `segment` appended.
pub(crate) fn join_pointer(pointer: &str, segment: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + segment.len() + 1);
    out.push_str(pointer);
    out.push('/');
    out.push_str(&escape_segment(segment));
    out
}

/// The unescaped segments of a JSON pointer (`""` → none).
pub(crate) fn pointer_segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(unescape_segment)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn local_refs_resolve_and_remote_ones_do_not() {
        let root = json!({"definitions": {"a b": {"type": "integer"}, "x": {"type": "string"}}});
        assert_eq!(
            lookup_local(&root, "#/definitions/x"),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(
            lookup_local(&root, "#/definitions/a%20b"),
            Some(&json!({"type": "integer"}))
        );
        assert_eq!(lookup_local(&root, "#"), Some(&root));
        assert_eq!(lookup_local(&root, "https://example.com/s.json"), None);
        assert_eq!(lookup_local(&root, "#anchor"), None);
        assert_eq!(lookup_local(&root, "#/definitions/missing"), None);
    }

    #[test]
    fn parts_fold_refs_and_all_of_and_survive_cycles() {
        let root = json!({
            "allOf": [{"$ref": "#"}, {"properties": {"a": {"type": "string"}}}],
            "definitions": {"loop": {"$ref": "#/definitions/loop"}}
        });
        let p = parts(&root, &root);
        assert_eq!(p.len(), 3);
        assert_eq!(property_keys(&p), vec!["a"]);
        let looped = root.pointer("/definitions/loop").unwrap();
        assert_eq!(parts(&root, looped).len(), 1);
    }

    #[test]
    fn discriminator_prefers_a_required_const_and_needs_distinct_values() {
        let root = json!({});
        let a = json!({"required": ["mode"], "properties": {"kind": {"const": "x"}, "mode": {"const": "a"}}});
        let b = json!({"required": ["mode"], "properties": {"kind": {"const": "y"}, "mode": {"enum": ["b"]}}});
        let d = discriminator(&root, &[&a, &b]).unwrap();
        assert_eq!(d.key, "mode");
        assert_eq!(d.values, vec![json!("a"), json!("b")]);
        let c = json!({"properties": {"mode": {"const": "a"}}});
        assert_eq!(discriminator(&root, &[&a, &c]), None);
        let no = json!({"properties": {"other": {"type": "string"}}});
        assert_eq!(discriminator(&root, &[&a, &no]), None);
    }

    #[test]
    fn pointers_escape_and_split() {
        assert_eq!(join_pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer_segments("/a/b~1c~0d"), vec!["a", "b/c~d"]);
        assert!(pointer_segments("").is_empty());
    }

    #[test]
    fn item_schemas_cover_lists_and_tuples() {
        let list = json!({"items": {"type": "integer"}});
        assert_eq!(item_schema(&[&list], 5), Some(&json!({"type": "integer"})));
        let tuple = json!({"items": [{"type": "string"}], "additionalItems": false});
        assert_eq!(item_schema(&[&tuple], 0), Some(&json!({"type": "string"})));
        assert_eq!(item_schema(&[&tuple], 1), Some(&json!(false)));
        assert_eq!(uniform_item_schema(&[&tuple]), None);
    }
}
