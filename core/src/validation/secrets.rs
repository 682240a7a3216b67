//! Secret paths, masking and redaction.
//!
//! Two walkers:
//! - [`secret_paths_of`] walks the schema alone and lists every secret path as a JSON
//!   pointer with `*` for array items (nested objects, every `oneOf`/`anyOf`/`allOf` branch,
//!   `if`/`then`/`else`, local `$ref`s, array items).
//! - [`mask`] and [`secret_value_paths`] walk a config together with the schema. At each value
//!   they consider *every* schema that could apply (all branches of every combinator, not only
//!   the one the value selects), so a key that is secret in any branch is treated as secret:
//!   masking errs on the side of hiding.
//!
//! Whether a schema node is secret is decided in one place, [`is_secret_node`]:
//! `airbyte_secret: true`, or `airbyte_sensitive: true` (the spelling of older connector specs).
//! Every walk names the first node it meets that uses only the legacy spelling in one `DEBUG`
//! log record (the schema-only walk runs once per compiled spec; the value walks once per call).
//!
//! Neither walker fails or panics: unreadable schema parts read as "no constraint", recursion
//! is bounded by the value (and, for the schema-only walk, by a stack of visited nodes), and
//! a value nested deeper than [`MAX_VALUE_DEPTH`] levels is masked whole.

use serde_json::Value;

use super::SECRET_MASK;
use super::schema::{self, MAX_SCHEMA_DEPTH};

/// Values nested deeper than this are masked whole rather than walked.
const MAX_VALUE_DEPTH: usize = 128;

/// The most schema nodes considered at one value position.
const MAX_APPLICABLE: usize = 256;

/// The keyword that marks a secret.
const SECRET: &str = "airbyte_secret";

/// The legacy spelling of [`SECRET`], still found in older connector specs.
const LEGACY_SECRET: &str = "airbyte_sensitive";

/// How a schema node marks (or does not mark) its value secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Not secret.
    None,
    /// `airbyte_secret: true`.
    Secret,
    /// Only the legacy `airbyte_sensitive: true`.
    Legacy,
}

fn marker(node: &Value) -> Marker {
    let set = |name: &str| node.get(name).and_then(Value::as_bool) == Some(true);
    if set(SECRET) {
        Marker::Secret
    } else if set(LEGACY_SECRET) {
        Marker::Legacy
    } else {
        Marker::None
    }
}

/// Whether one schema node marks its value secret: `airbyte_secret: true`, or the legacy
/// `airbyte_sensitive: true`. The only place that decides it; every walker, the form and the
/// validation messages go through it.
pub(crate) fn is_secret_node(node: &Value) -> bool {
    marker(node) != Marker::None
}

/// Whether any of `nodes` (the parts or applicable schemas of one position) is secret.
pub(crate) fn any_secret(nodes: &[&Value]) -> bool {
    nodes.iter().any(|n| is_secret_node(n))
}

/// Logs, at most once per walk, the first position marked secret only by the legacy
/// `airbyte_sensitive`, so an operator can tell which spec still uses it.
#[derive(Debug, Default)]
struct LegacyNotice {
    logged: bool,
}

impl LegacyNotice {
    /// [`any_secret`] for the position at config pointer `path`, noting a legacy marker.
    fn any_secret(&mut self, nodes: &[&Value], path: &str) -> bool {
        let mut legacy = false;
        let secret = nodes.iter().any(|n| match marker(n) {
            Marker::None => false,
            Marker::Secret => true,
            Marker::Legacy => {
                legacy = true;
                true
            }
        });
        if legacy && !self.logged {
            self.logged = true;
            let at = if path.is_empty() { "/" } else { path };
            log::debug!(
                "connector spec marks {at} secret with the legacy `{LEGACY_SECRET}: true`; \
                 treated as `{SECRET}: true`"
            );
        }
        secret
    }
}

/// What [`mask`] hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Only values at secret positions (what the service does in responses).
    Secrets,
    /// Secrets and every scalar the schema does not describe (an allow-list, for logs).
    Redact,
}

/// Every secret path of `schema` (see the module docs), in schema order, each once.
pub(crate) fn secret_paths_of(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = Vec::new();
    let mut notice = LegacyNotice::default();
    collect_paths(
        schema,
        schema,
        &mut String::new(),
        &mut stack,
        &mut out,
        &mut notice,
    );
    out
}

fn collect_paths(
    root: &Value,
    node: &Value,
    path: &mut String,
    stack: &mut Vec<usize>,
    out: &mut Vec<String>,
    notice: &mut LegacyNotice,
) {
    let addr = node as *const Value as usize;
    if stack.len() >= MAX_SCHEMA_DEPTH || stack.contains(&addr) {
        return;
    }
    stack.push(addr);
    let parts = schema::parts(root, node);
    if notice.any_secret(&parts, path) {
        if !out.contains(path) {
            out.push(path.clone());
        }
        stack.pop();
        return;
    }
    for (key, sub) in schema::properties(&parts) {
        let len = path.len();
        path.push('/');
        path.push_str(&schema::escape_segment(key));
        collect_paths(root, sub, path, stack, out, notice);
        path.truncate(len);
    }
    for part in &parts {
        for name in ["oneOf", "anyOf"] {
            if let Some(members) = part.get(name).and_then(Value::as_array) {
                for member in members {
                    collect_paths(root, member, path, stack, out, notice);
                }
            }
        }
        for name in ["if", "then", "else"] {
            if let Some(sub) = part.get(name) {
                collect_paths(root, sub, path, stack, out, notice);
            }
        }
        let tuple = part
            .get("prefixItems")
            .or_else(|| part.get("items").filter(|i| i.is_array()));
        if let Some(Value::Array(members)) = tuple {
            for (i, member) in members.iter().enumerate() {
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                collect_paths(root, member, path, stack, out, notice);
                path.truncate(len);
            }
        }
        let uniform = match (part.get("prefixItems"), part.get("items")) {
            (Some(_), Some(items)) => Some(items),
            (None, Some(items)) if !items.is_array() => Some(items),
            (None, Some(_)) => part.get("additionalItems"),
            _ => None,
        };
        if let Some(items) = uniform {
            let len = path.len();
            path.push_str("/*");
            collect_paths(root, items, path, stack, out, notice);
            path.truncate(len);
        }
    }
    stack.pop();
}

/// Every schema that may apply to one value: `nodes`, their `$ref` targets and the members of
/// their combinators (`allOf`, `oneOf`, `anyOf`, `if`/`then`/`else`), each once.
fn applicable<'a>(root: &'a Value, nodes: &[&'a Value]) -> Vec<&'a Value> {
    let mut out: Vec<&'a Value> = Vec::new();
    let mut queue: Vec<&'a Value> = nodes.to_vec();
    while let Some(node) = queue.pop() {
        if out.len() >= MAX_APPLICABLE || out.iter().any(|seen| std::ptr::eq(*seen, node)) {
            continue;
        }
        out.push(node);
        let Some(obj) = node.as_object() else {
            continue;
        };
        if let Some(target) = obj
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| schema::lookup_local(root, r))
        {
            queue.push(target);
        }
        for name in ["allOf", "oneOf", "anyOf"] {
            if let Some(members) = obj.get(name).and_then(Value::as_array) {
                queue.extend(members.iter().rev());
            }
        }
        for name in ["else", "then", "if"] {
            if let Some(sub) = obj.get(name) {
                queue.push(sub);
            }
        }
    }
    out
}

/// Where a value walk stands: the config pointer of the current value, and the walk's
/// [`LegacyNotice`].
#[derive(Debug, Default)]
struct Cursor {
    path: String,
    notice: LegacyNotice,
}

impl Cursor {
    /// Whether any of `nodes` marks the current value secret.
    fn secret(&mut self, nodes: &[&Value]) -> bool {
        self.notice.any_secret(nodes, &self.path)
    }

    /// Descends into `segment` (a key or an index); returns the length to [`Cursor::leave`] to.
    fn enter(&mut self, segment: &str) -> usize {
        let len = self.path.len();
        self.path.push('/');
        self.path.push_str(&schema::escape_segment(segment));
        len
    }

    fn leave(&mut self, len: usize) {
        self.path.truncate(len);
    }
}

/// Calls `visit(pointer, value)` for every value of `config` at a secret position.
fn visit_secrets<'v>(
    root: &Value,
    nodes: &[&Value],
    value: &'v Value,
    at: &mut Cursor,
    depth: usize,
    visit: &mut dyn FnMut(&str, &'v Value),
) {
    if depth > MAX_VALUE_DEPTH {
        visit(&at.path, value);
        return;
    }
    let nodes = applicable(root, nodes);
    if at.secret(&nodes) {
        visit(&at.path, value);
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let children = child_schemas(&nodes, key);
                let len = at.enter(key);
                visit_secrets(root, &children, child, at, depth + 1, visit);
                at.leave(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let children: Vec<&Value> = nodes
                    .iter()
                    .filter_map(|n| schema::item_schema(&[*n], i))
                    .collect();
                let len = at.enter(&i.to_string());
                visit_secrets(root, &children, child, at, depth + 1, visit);
                at.leave(len);
            }
        }
        _ => {}
    }
}

/// The schemas `nodes` give property `key`: its `properties` entries, else the object
/// `additionalProperties` schemas.
fn child_schemas<'a>(nodes: &[&'a Value], key: &str) -> Vec<&'a Value> {
    let declared = schema::property(nodes, key);
    if !declared.is_empty() {
        return declared;
    }
    schema::additional_properties(nodes)
}

/// JSON pointers (concrete, no `*`) of every non-null value of `config` at a secret position of
/// `schema`, in document order.
pub(crate) fn secret_value_paths(schema: &Value, config: &Value) -> Vec<String> {
    let mut out = Vec::new();
    visit_secrets(
        schema,
        &[schema],
        config,
        &mut Cursor::default(),
        0,
        &mut |path, value| {
            if !value.is_null() {
                out.push(path.to_owned());
            }
        },
    );
    out
}

/// JSON pointers of every value of `config` that is exactly [`SECRET_MASK`] at a secret
/// position of `schema`.
pub(crate) fn masked_paths(schema: &Value, config: &Value) -> Vec<String> {
    let mut out = Vec::new();
    visit_secrets(
        schema,
        &[schema],
        config,
        &mut Cursor::default(),
        0,
        &mut |path, value| {
            if value.as_str() == Some(SECRET_MASK) {
                out.push(path.to_owned());
            }
        },
    );
    out
}

/// `config` with secrets (and, in [`Mode::Redact`], every undescribed scalar) replaced by
/// [`SECRET_MASK`].
pub(crate) fn mask(schema: &Value, config: &Value, mode: Mode) -> Value {
    let mut out = config.clone();
    if !(schema.is_object() || schema.is_boolean()) {
        if mode == Mode::Redact {
            redact_all(&mut out);
        }
        return out;
    }
    mask_in_place(schema, &[schema], &mut out, &mut Cursor::default(), 0, mode);
    out
}

fn mask_in_place(
    root: &Value,
    nodes: &[&Value],
    value: &mut Value,
    at: &mut Cursor,
    depth: usize,
    mode: Mode,
) {
    if depth > MAX_VALUE_DEPTH {
        *value = Value::String(SECRET_MASK.to_owned());
        return;
    }
    if nodes.is_empty() {
        if mode == Mode::Redact {
            redact_all(value);
        }
        return;
    }
    let nodes = applicable(root, nodes);
    if at.secret(&nodes) {
        if !value.is_null() {
            *value = Value::String(SECRET_MASK.to_owned());
        }
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let children = child_schemas(&nodes, key);
                let len = at.enter(key);
                mask_in_place(root, &children, child, at, depth + 1, mode);
                at.leave(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                let children: Vec<&Value> = nodes
                    .iter()
                    .filter_map(|n| schema::item_schema(&[*n], i))
                    .collect();
                let len = at.enter(&i.to_string());
                mask_in_place(root, &children, child, at, depth + 1, mode);
                at.leave(len);
            }
        }
        _ => {}
    }
}

/// Replaces every scalar (not `null`) inside `value` by the mask, keeping the shape.
fn redact_all(value: &mut Value) {
    match value {
        Value::Object(map) => map.values_mut().for_each(redact_all),
        Value::Array(items) => items.iter_mut().for_each(redact_all),
        Value::Null => {}
        other => *other = Value::String(SECRET_MASK.to_owned()),
    }
}

/// Whether a concrete pointer matches a secret path (`*` matches one array index), or lies
/// inside one.
pub(crate) fn pointer_is_under(pattern: &str, pointer: &str) -> bool {
    let pattern = schema::pointer_segments(pattern);
    let pointer = schema::pointer_segments(pointer);
    pattern.len() <= pointer.len()
        && pattern.iter().zip(&pointer).all(|(p, c)| {
            p == c || (p == "*" && !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Value {
        json!({
            "type": "object",
            "definitions": {"key": {"type": "string", "airbyte_secret": true}},
            "properties": {
                "host": {"type": "string"},
                "password": {"type": "string", "airbyte_secret": true},
                "credentials": {"type": "object", "oneOf": [
                    {"properties": {"auth_type": {"const": "oauth"},
                                    "client_secret": {"type": "string", "airbyte_secret": true},
                                    "refresh_token": {"type": "string", "airbyte_secret": true}}},
                    {"properties": {"auth_type": {"const": "token"},
                                    "api_token": {"$ref": "#/definitions/key"}}}
                ]},
                "tunnels": {"type": "array", "items": {"type": "object", "properties": {
                    "ssh_key": {"type": "string", "airbyte_secret": true},
                    "port": {"type": "integer"}
                }}},
                "extra": {"type": "object", "additionalProperties": {"type": "string", "airbyte_secret": true}},
                "nested": {"allOf": [{"properties": {"inner": {"properties": {"pin": {"airbyte_secret": true}}}}}]}
            }
        })
    }

    #[test]
    fn secret_paths_cover_branches_refs_arrays_and_all_of() {
        assert_eq!(
            secret_paths_of(&spec()),
            vec![
                "/password",
                "/credentials/client_secret",
                "/credentials/refresh_token",
                "/credentials/api_token",
                "/tunnels/*/ssh_key",
                "/nested/inner/pin",
            ]
        );
    }

    #[test]
    fn recursive_schemas_terminate() {
        let tree = json!({
            "definitions": {"node": {"type": "object", "properties": {
                "secret": {"airbyte_secret": true},
                "children": {"type": "array", "items": {"$ref": "#/definitions/node"}}
            }}},
            "$ref": "#/definitions/node"
        });
        // The first level of recursion is listed; deeper ones are found by the value walkers.
        assert_eq!(
            secret_paths_of(&tree),
            vec!["/secret", "/children/*/secret"]
        );
        let config =
            json!({"secret": "a", "children": [{"secret": "b", "children": [{"secret": "c"}]}]});
        let masked = mask(&tree, &config, Mode::Secrets);
        assert_eq!(masked["children"][0]["children"][0]["secret"], SECRET_MASK);
        let looped = json!({"allOf": [{"$ref": "#"}], "anyOf": [{"$ref": "#"}]});
        assert!(secret_paths_of(&looped).is_empty());
        assert_eq!(
            mask(&looped, &json!({"a": 1}), Mode::Secrets),
            json!({"a": 1})
        );
    }

    #[test]
    fn mask_covers_every_branch_arrays_and_additional_properties() {
        let config = json!({
            "host": "db", "password": "p",
            "credentials": {"auth_type": "token", "api_token": "t", "client_secret": "c"},
            "tunnels": [{"ssh_key": "k", "port": 22}],
            "extra": {"anything": "x"},
            "nested": {"inner": {"pin": 1234}},
            "unknown": "u"
        });
        let masked = mask(&spec(), &config, Mode::Secrets);
        assert_eq!(
            masked,
            json!({
                "host": "db", "password": SECRET_MASK,
                "credentials": {"auth_type": "token", "api_token": SECRET_MASK, "client_secret": SECRET_MASK},
                "tunnels": [{"ssh_key": SECRET_MASK, "port": 22}],
                "extra": {"anything": SECRET_MASK},
                "nested": {"inner": {"pin": SECRET_MASK}},
                "unknown": "u"
            })
        );
        let redacted = mask(&spec(), &config, Mode::Redact);
        assert_eq!(redacted["unknown"], SECRET_MASK);
        assert_eq!(redacted["host"], "db");
        assert_eq!(redacted["tunnels"][0]["port"], 22);
    }

    #[test]
    fn odd_input_never_panics() {
        for schema in [
            json!(null),
            json!("x"),
            json!([1, 2]),
            json!({"properties": 3}),
            json!({"properties": {"a": {"$ref": 5}}}),
            json!({"oneOf": "x", "items": 3}),
            json!({"$ref": "#/nope"}),
        ] {
            for config in [
                json!(null),
                json!(1),
                json!({"a": [1, {"b": 2}]}),
                json!([[]]),
            ] {
                let _ = mask(&schema, &config, Mode::Secrets);
                let _ = mask(&schema, &config, Mode::Redact);
                let _ = secret_paths_of(&schema);
                let _ = secret_value_paths(&schema, &config);
            }
        }
        let mut deep = json!("x");
        for _ in 0..300 {
            deep = json!({"a": deep});
        }
        let _ = mask(&json!({}), &deep, Mode::Secrets);
        let _ = mask(&json!({}), &deep, Mode::Redact);
    }

    #[test]
    fn redaction_without_a_usable_schema_hides_every_scalar() {
        assert_eq!(
            mask(
                &json!("nope"),
                &json!({"a": "x", "b": [1, null]}),
                Mode::Redact
            ),
            json!({"a": SECRET_MASK, "b": [SECRET_MASK, null]})
        );
    }

    #[test]
    fn masked_and_present_paths_are_concrete_pointers() {
        let config = json!({
            "password": SECRET_MASK,
            "credentials": {"auth_type": "oauth", "client_secret": "real", "refresh_token": SECRET_MASK},
            "tunnels": [{"ssh_key": "k"}, {"ssh_key": SECRET_MASK}],
            "host": SECRET_MASK
        });
        assert_eq!(
            masked_paths(&spec(), &config),
            vec![
                "/password",
                "/credentials/refresh_token",
                "/tunnels/1/ssh_key"
            ]
        );
        assert_eq!(
            secret_value_paths(&spec(), &config),
            vec![
                "/password",
                "/credentials/client_secret",
                "/credentials/refresh_token",
                "/tunnels/0/ssh_key",
                "/tunnels/1/ssh_key"
            ]
        );
    }

    #[test]
    fn pattern_masking_matches_array_wildcards() {
        assert!(pointer_is_under("/tunnels/*/ssh_key", "/tunnels/3/ssh_key"));
        assert!(pointer_is_under("/password", "/password/deep"));
        assert!(!pointer_is_under(
            "/tunnels/*/ssh_key",
            "/tunnels/x/ssh_key"
        ));
        assert!(!pointer_is_under("/password", "/pass"));
    }

    #[test]
    fn one_helper_decides_which_nodes_are_secret() {
        assert!(is_secret_node(&json!({"airbyte_secret": true})));
        assert!(is_secret_node(&json!({"airbyte_sensitive": true})));
        assert!(is_secret_node(
            &json!({"airbyte_secret": false, "airbyte_sensitive": true})
        ));
        assert!(!is_secret_node(&json!({"airbyte_secret": false})));
        assert!(!is_secret_node(&json!({"airbyte_sensitive": "yes"})));
        assert!(!is_secret_node(&json!(true)));
        let legacy = json!({"type": "object", "properties": {
            "k": {"$ref": "#/definitions/key"},
            "list": {"type": "array", "items": {"airbyte_sensitive": true}}},
            "definitions": {"key": {"type": "string", "airbyte_sensitive": true}}});
        assert_eq!(secret_paths_of(&legacy), vec!["/k", "/list/*"]);
        assert_eq!(
            mask(
                &legacy,
                &json!({"k": "v", "list": ["a", null]}),
                Mode::Secrets
            ),
            json!({"k": SECRET_MASK, "list": [SECRET_MASK, null]})
        );
    }
}
