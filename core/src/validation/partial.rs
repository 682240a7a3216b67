//! Validating a partial config (the `source_config` of an update) and refusing masks where no
//! spec says which fields are secret (a template's `partial_default_config`).
//!
//! A partial config is validated against the *partial schema* of the spec: the connection
//! schema with every `required` (and `dependentRequired`, and the property-list form of
//! `dependencies`) removed at every depth, and every `oneOf` turned into an `anyOf`. So a
//! field the update does not carry is never required, at the top level or inside a nested
//! object it carries; every value it does carry still meets its type, `pattern`, `enum`,
//! `const`, `format`, bounds and `additionalProperties`. A carried `oneOf` object whose
//! discriminator is present selects its branch by it (the `const`s stay) and gets that
//! branch's errors; without its discriminator it is accepted when it fits some branch, since
//! two branches with nothing required can both fit (hence `anyOf`). `not` and `if` are left
//! as they are: removing `required` inside them would invert their meaning.

use serde_json::{Map, Value};

use super::{
    ConfigError, SECRET_MASK, Spec, ValidatedConfig, ValidationOptions, schema, translate,
};
use crate::Error;

/// Keywords whose value is a map of name → schema.
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "dependentSchemas",
];

/// Keywords whose value is one schema (or, for `items`, possibly a list of schemas).
const SCHEMA_SLOTS: &[&str] = &[
    "additionalProperties",
    "items",
    "additionalItems",
    "contains",
    "propertyNames",
    "then",
    "else",
    "unevaluatedProperties",
    "unevaluatedItems",
];

/// Keywords whose value is a list of schemas.
const SCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "prefixItems"];

/// The partial schema of a connection schema (see the module docs).
pub(crate) fn partial_schema(schema: &Value) -> Value {
    let mut out = schema.clone();
    relax(&mut out, 0);
    out
}

fn relax(node: &mut Value, depth: usize) {
    if depth > 256 {
        return;
    }
    let Value::Object(map) = node else {
        return;
    };
    if map
        .get("required")
        .is_some_and(|r| r.is_array() || r.is_boolean())
    {
        map.remove("required");
    }
    map.remove("dependentRequired");
    if let Some(Value::Object(deps)) = map.get_mut("dependencies") {
        deps.retain(|_, dep| !dep.is_array());
        for dep in deps.values_mut() {
            relax(dep, depth + 1);
        }
    }
    if let Some(one_of) = map.remove("oneOf") {
        if map.contains_key("anyOf") {
            // Both on one node: keep both constraints, the former `oneOf` as an `allOf` member.
            let member = Value::Object(Map::from_iter([("anyOf".to_owned(), one_of)]));
            match map.get_mut("allOf") {
                Some(Value::Array(all)) => all.push(member),
                _ => {
                    map.insert("allOf".into(), Value::Array(vec![member]));
                }
            }
        } else {
            map.insert("anyOf".into(), one_of);
        }
    }
    for key in SCHEMA_MAPS {
        if let Some(Value::Object(children)) = map.get_mut(*key) {
            for child in children.values_mut() {
                relax(child, depth + 1);
            }
        }
    }
    for key in SCHEMA_SLOTS {
        match map.get_mut(*key) {
            Some(Value::Array(children)) => {
                for child in children {
                    relax(child, depth + 1);
                }
            }
            Some(child) => relax(child, depth + 1),
            None => {}
        }
    }
    for key in SCHEMA_LISTS {
        if let Some(Value::Array(children)) = map.get_mut(*key) {
            for child in children {
                relax(child, depth + 1);
            }
        }
    }
}

/// Validates a partial `config` (an update) over `partial_default_config` against `spec`'s
/// partial schema; see [`super::validate_partial_config`].
pub(crate) fn validate_partial(
    spec: &Spec,
    partial_default_config: &Map<String, Value>,
    config: &Map<String, Value>,
    options: &ValidationOptions,
) -> Result<ValidatedConfig, Error> {
    let partial = spec.partial()?;
    let options = ValidationOptions {
        // Nothing is required, so nothing would be injected; say so explicitly.
        inject_defaults: false,
        ..options.clone()
    };
    let mut validated =
        match super::validate_with(&partial, partial_default_config, config, &options) {
            Err(Error::InvalidConfig { detail, mut errors }) => {
                // The `anyOf`s of the partial schema were `oneOf`s of the spec: report them under
                // the spec's keyword (unless the spec has `anyOf`s of its own, which cannot be
                // told apart here).
                if !has_any_of(spec.schema(), 0) {
                    for error in errors.iter_mut().filter(|e| e.keyword == "anyOf") {
                        error.keyword = "oneOf".to_owned();
                    }
                }
                return Err(Error::InvalidConfig { detail, errors });
            }
            other => other?,
        };
    if options.skip_masked_secrets {
        // A masked secret the caller echoed back is left out of the update, so the service
        // keeps the stored value; one inside an array cannot be left out (the array is sent
        // whole), so it is refused.
        let mut refused = Vec::new();
        for path in &validated.skipped_masked_secrets {
            if pointer_mask(&validated.source_config, path)
                && !remove_masked(&mut validated.source_config, path)
            {
                refused.push(mask_error(path));
            }
        }
        if !refused.is_empty() {
            return Err(Error::InvalidConfig {
                detail: translate::summary(&refused),
                errors: refused,
            });
        }
    }
    validated.spec = spec.clone();
    Ok(validated)
}

/// Whether any schema node under `node` has an `anyOf` (data keywords included: a rare false
/// positive only keeps the keyword `"anyOf"`).
fn has_any_of(node: &Value, depth: usize) -> bool {
    match node {
        _ if depth > 256 => false,
        Value::Object(map) => {
            map.contains_key("anyOf") || map.values().any(|child| has_any_of(child, depth + 1))
        }
        Value::Array(items) => items.iter().any(|child| has_any_of(child, depth + 1)),
        _ => false,
    }
}

/// Whether the value at `pointer` of `config` is the mask.
fn pointer_mask(config: &Map<String, Value>, pointer: &str) -> bool {
    let segments = schema::pointer_segments(pointer);
    let Some((first, rest)) = segments.split_first() else {
        return false;
    };
    let mut at = config.get(first);
    for segment in rest {
        at = match at {
            Some(Value::Object(map)) => map.get(segment),
            Some(Value::Array(items)) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
    }
    at.and_then(Value::as_str) == Some(SECRET_MASK)
}

/// Removes the masked value at `pointer` when its parent is an object; `false` when it sits
/// in an array (or is not there).
fn remove_masked(config: &mut Map<String, Value>, pointer: &str) -> bool {
    let segments = schema::pointer_segments(pointer);
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut map = config;
    for segment in parents {
        map = match map.get_mut(segment) {
            Some(Value::Object(inner)) => inner,
            _ => return false,
        };
    }
    map.remove(last).is_some()
}

fn mask_error(path: &str) -> ConfigError {
    ConfigError {
        message: format!(
            "{} at {path} is the mask \"{SECRET_MASK}\" that the service returns in place of \
             secrets; send the real value",
            translate::subject(path)
        ),
        path: path.to_owned(),
        keyword: "airbyte_secret".to_owned(),
    }
}

/// Refuses every string exactly equal to [`SECRET_MASK`] anywhere in `config` (no spec needed):
/// [`Error::InvalidConfig`] naming each path (keyword `"airbyte_secret"`).
pub(crate) fn refuse_any_mask(config: &Map<String, Value>) -> Result<(), Error> {
    fn walk(value: &Value, at: &str, out: &mut Vec<ConfigError>) {
        match value {
            Value::String(s) if s == SECRET_MASK => out.push(mask_error(at)),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, &schema::join_pointer(at, key), out);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for (key, value) in config {
        walk(value, &schema::join_pointer("", key), &mut found);
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidConfig {
            detail: translate::summary(&found),
            errors: found,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Value {
        json!({
            "type": "object",
            "required": ["host", "password", "ssl"],
            "additionalProperties": false,
            "properties": {
                "host": {"type": "string", "pattern": "^[a-z.]+$"},
                "port": {"type": "integer"},
                "password": {"type": "string", "airbyte_secret": true},
                "ssl": {
                    "type": "object",
                    "oneOf": [
                        {"required": ["mode"], "properties": {"mode": {"const": "disable"}}},
                        {"required": ["mode", "ca"], "properties": {
                            "mode": {"const": "verify"},
                            "ca": {"type": "string", "airbyte_secret": true},
                            "depth": {"type": "integer"}}}
                    ]
                },
                "tunnels": {"type": "array", "items": {"type": "object", "required": ["key"],
                    "properties": {"key": {"type": "string", "airbyte_secret": true}}}}
            }
        })
    }

    fn check(config: Value, options: &ValidationOptions) -> Result<ValidatedConfig, Error> {
        let spec = Spec::load(&spec()).unwrap();
        let Value::Object(config) = config else {
            unreachable!()
        };
        validate_partial(&spec, &Map::new(), &config, options)
    }

    fn paths(result: Result<ValidatedConfig, Error>) -> Vec<(String, String)> {
        match result {
            Err(Error::InvalidConfig { errors, .. }) => {
                errors.into_iter().map(|e| (e.path, e.keyword)).collect()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_partial_schema_drops_required_everywhere_and_keeps_the_rest() {
        let relaxed = partial_schema(&spec());
        assert!(relaxed.get("required").is_none());
        let ssl = &relaxed["properties"]["ssl"];
        assert!(ssl.get("oneOf").is_none());
        assert!(ssl["anyOf"][1].get("required").is_none());
        assert_eq!(ssl["anyOf"][1]["properties"]["mode"]["const"], "verify");
        assert!(
            relaxed["properties"]["tunnels"]["items"]
                .get("required")
                .is_none()
        );
        assert_eq!(relaxed["additionalProperties"], false);
        // A property named `required` is a property, not the keyword.
        let named =
            json!({"properties": {"required": {"type": "string"}}, "required": ["required"]});
        assert_eq!(
            partial_schema(&named),
            json!({"properties": {"required": {"type": "string"}}})
        );
    }

    #[test]
    fn absent_fields_are_not_required_but_carried_ones_are_checked() {
        let options = ValidationOptions::default();
        let ok = check(json!({"port": 5433}), &options).unwrap();
        assert_eq!(
            ok.source_config,
            *json!({"port": 5433}).as_object().unwrap()
        );
        assert!(ok.defaults_applied.is_empty());
        assert_eq!(
            paths(check(json!({"port": "5433"}), &options)),
            vec![("/port".to_owned(), "type".to_owned())]
        );
        assert_eq!(
            paths(check(json!({"host": "UPPER"}), &options)),
            vec![("/host".to_owned(), "pattern".to_owned())]
        );
        assert_eq!(
            paths(check(json!({"hots": "x"}), &options)),
            vec![("/hots".to_owned(), "additionalProperties".to_owned())]
        );
    }

    #[test]
    fn a_carried_branch_object_is_partial_and_selected_by_its_discriminator() {
        let options = ValidationOptions::default();
        check(json!({"ssl": {"mode": "verify"}}), &options).unwrap();
        check(json!({"ssl": {"depth": 2}}), &options).unwrap();
        assert_eq!(
            paths(check(
                json!({"ssl": {"mode": "verify", "depth": "2"}}),
                &options
            )),
            vec![("/ssl/depth".to_owned(), "type".to_owned())]
        );
        assert_eq!(
            paths(check(json!({"ssl": {"mode": "nope"}}), &options)),
            vec![("/ssl/mode".to_owned(), "oneOf".to_owned())]
        );
        check(json!({"tunnels": [{}]}), &options).unwrap();
    }

    #[test]
    fn masks_are_refused_or_left_out_never_sent() {
        assert_eq!(
            paths(check(
                json!({"password": SECRET_MASK}),
                &ValidationOptions::default()
            )),
            vec![("/password".to_owned(), "airbyte_secret".to_owned())]
        );
        let fetched = ValidationOptions::for_fetched_config();
        let ok = check(
            json!({"host": "db.example", "password": SECRET_MASK,
                   "ssl": {"mode": "verify", "ca": SECRET_MASK}}),
            &fetched,
        )
        .unwrap();
        assert_eq!(
            Value::Object(ok.source_config),
            json!({"host": "db.example", "ssl": {"mode": "verify"}})
        );
        assert_eq!(
            paths(check(json!({"tunnels": [{"key": SECRET_MASK}]}), &fetched)),
            vec![("/tunnels/0/key".to_owned(), "airbyte_secret".to_owned())]
        );
    }

    #[test]
    fn any_mask_is_found_without_a_spec() {
        assert!(refuse_any_mask(json!({"a": "x"}).as_object().unwrap()).is_ok());
        let err = refuse_any_mask(
            json!({"creds": {"client_secret": SECRET_MASK}, "list": ["x", SECRET_MASK]})
                .as_object()
                .unwrap(),
        );
        assert_eq!(
            paths(err.map(|()| unreachable!())),
            vec![
                (
                    "/creds/client_secret".to_owned(),
                    "airbyte_secret".to_owned()
                ),
                ("/list/1".to_owned(), "airbyte_secret".to_owned())
            ]
        );
    }
}
