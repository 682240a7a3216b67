//! Compiling a connector spec's schema, offline: refusing remote `$ref`s, choosing which
//! formats are asserted, and checking each `default` against its own node.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::Validator;
use serde_json::{Map, Value};

use super::schema::Discriminators;
use super::spec::{SchemaDraft, connection_schema, invalid_spec};
use super::{schema, secrets};
use crate::Error;

/// Built-in formats that are annotations only, even when formats are asserted: only
/// `date-time`, `date` and `time` are asserted (switched by
/// [`ValidationOptions::assert_date_time`]). Connector specs use the others loosely.
const ANNOTATION_FORMATS: &[&str] = &[
    "duration",
    "email",
    "hostname",
    "idn-email",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "iri",
    "iri-reference",
    "json-pointer",
    "regex",
    "relative-json-pointer",
    "uri",
    "uri-reference",
    "uri-template",
    "uuid",
];

/// A compiled connector spec: the schema, its draft, the compiled validators and the secret
/// paths. Shared (behind an `Arc`) by every [`Spec`] handle and the process-wide cache.
pub(crate) struct Compiled {
    pub(crate) schema: Value,
    pub(crate) draft: SchemaDraft,
    /// `date-time`, `date` and `time` asserted (not the [`ANNOTATION_FORMATS`]).
    strict: Validator,
    /// No format asserted; compiled the first time it is asked for.
    lenient: OnceLock<Result<Validator, String>>,
    pub(crate) secret_paths: Vec<String>,
    /// The discriminator of every `oneOf`/`anyOf` in `schema`.
    pub(crate) discriminators: Discriminators,
    /// Whether the `default` of the schema node at an address satisfies that node.
    defaults: Mutex<HashMap<usize, bool>>,
    /// The compiled partial schema (for updates); compiled the first time it is asked for.
    partial: OnceLock<Result<Arc<Compiled>, Error>>,
}

impl Compiled {
    /// Loads and compiles the schema inside `spec` (no cache).
    pub(crate) fn compile(spec: &Value) -> Result<Compiled, Error> {
        let schema = connection_schema(spec);
        if !schema.is_object() {
            return Err(invalid_spec(format!(
                "a connector spec must be a JSON object (a ConnectorSpecification, a manifest \
                 spec or a bare JSON Schema), got {}",
                super::translate::describe_type(schema)
            )));
        }
        let draft = SchemaDraft::detect(schema)?;
        find_remote_ref(schema, &mut String::new(), 0)?;
        let strict = build(schema, draft, true)?;
        let schema = schema.clone();
        // Built from the copy kept: the memo's keys are addresses of its nodes.
        let discriminators = Discriminators::of(&schema);
        Ok(Compiled {
            secret_paths: secrets::secret_paths_of(&schema),
            schema,
            draft,
            strict,
            lenient: OnceLock::new(),
            discriminators,
            defaults: Mutex::new(HashMap::new()),
            partial: OnceLock::new(),
        })
    }

    /// The validator for `assert_date_time`.
    pub(crate) fn validator(&self, assert_date_time: bool) -> Result<&Validator, Error> {
        if assert_date_time {
            return Ok(&self.strict);
        }
        self.lenient
            .get_or_init(|| build(&self.schema, self.draft, false).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|detail| invalid_spec(detail.clone()))
    }

    /// The compiled partial schema of this one (nothing required; see `super::partial`),
    /// compiled once.
    pub(crate) fn partial(&self) -> Result<Arc<Compiled>, Error> {
        self.partial
            .get_or_init(|| {
                Compiled::compile(&super::partial::partial_schema(&self.schema)).map(Arc::new)
            })
            .clone()
    }

    /// Whether `node` (a node inside `self.schema`) has a `default` that satisfies `node`
    /// itself. Checked once per node (compiled with the root's `definitions`/`$defs`, so local
    /// `$ref`s into them resolve); a default that cannot be checked counts as invalid.
    pub(crate) fn default_is_valid(&self, node: &Value) -> bool {
        let Some(default) = node.get("default") else {
            return false;
        };
        let key = node as *const Value as usize;
        if let Ok(known) = self.defaults.lock()
            && let Some(ok) = known.get(&key)
        {
            return *ok;
        }
        let ok = check_default(&self.schema, self.draft, node, default);
        if let Ok(mut known) = self.defaults.lock() {
            known.insert(key, ok);
        }
        ok
    }
}

fn check_default(root: &Value, draft: SchemaDraft, node: &Value, default: &Value) -> bool {
    let mut wrapper = Map::new();
    wrapper.insert("$schema".into(), Value::String(draft.uri().into()));
    for key in ["definitions", "$defs"] {
        if let Some(defs) = root.get(key) {
            wrapper.insert(key.into(), defs.clone());
        }
    }
    wrapper.insert("allOf".into(), Value::Array(vec![node.clone()]));
    build(&Value::Object(wrapper), draft, true).is_ok_and(|v| v.is_valid(default))
}

fn build(schema: &Value, draft: SchemaDraft, assert_formats: bool) -> Result<Validator, Error> {
    let mut options = jsonschema::options()
        .with_draft(draft.engine())
        .offline()
        .should_validate_formats(assert_formats)
        .should_ignore_unknown_formats(true);
    if assert_formats {
        for name in ANNOTATION_FORMATS {
            options = options.with_format(*name, |_: &str| true);
        }
    }
    let canonical;
    let schema = match schema.get("$schema").and_then(Value::as_str) {
        Some(uri) if uri != draft.uri() => {
            let mut copy = schema.clone();
            copy["$schema"] = Value::String(draft.uri().into());
            canonical = copy;
            &canonical
        }
        _ => schema,
    };
    options.build(schema).map_err(|e| {
        let at = e.instance_path().to_string();
        let detail = match e.kind() {
            jsonschema::error::ValidationErrorKind::Referencing(inner) => format!(
                "a `$ref` could not be resolved inside the spec ({inner}); remote `$ref`s are \
                 never fetched"
            ),
            _ if at.is_empty() => format!("the schema is not valid JSON Schema: {e}"),
            _ => format!("the schema is not valid JSON Schema at {at}: {e}"),
        };
        invalid_spec(detail)
    })
}

/// Refuses any `$ref` that does not point inside the spec (`#…`): specs must be
/// self-contained, and the SDK never goes to the network for a schema.
fn find_remote_ref(node: &Value, at: &mut String, depth: usize) -> Result<(), Error> {
    if depth > 256 {
        return Err(invalid_spec(
            "the schema is nested more than 256 levels deep",
        ));
    }
    match node {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref")
                && !reference.starts_with('#')
            {
                return Err(invalid_spec(format!(
                    "remote `$ref` {reference:?} at {}: specs must be self-contained, and \
                     remote schemas are never fetched",
                    if at.is_empty() {
                        "the root"
                    } else {
                        at.as_str()
                    }
                )));
            }
            for (key, child) in map {
                if schema::DATA_KEYWORDS.contains(&key.as_str()) {
                    continue;
                }
                let len = at.len();
                at.push('/');
                at.push_str(&schema::escape_segment(key));
                find_remote_ref(child, at, depth + 1)?;
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let len = at.len();
                at.push('/');
                at.push_str(&i.to_string());
                find_remote_ref(child, at, depth + 1)?;
                at.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn draft_2020_12_keywords_are_honoured() {
        let spec = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {"pair": {"type": "array", "prefixItems": [{"type": "integer"}], "items": false}}
        });
        let compiled = Compiled::compile(&spec).unwrap();
        assert_eq!(compiled.draft, SchemaDraft::Draft2020_12);
        let v = compiled.validator(true).unwrap();
        assert!(v.is_valid(&json!({"pair": [1]})));
        assert!(!v.is_valid(&json!({"pair": [1, 2]})));
    }

    #[test]
    fn a_remote_ref_fails_without_network() {
        let spec = json!({"connectionSpecification": {
            "type": "object",
            "properties": {"a": {"$ref": "https://schemas.example.com/a.json"}}
        }});
        let err = Compiled::compile(&spec).err().unwrap();
        match err {
            Error::InvalidSpec { detail } => {
                assert!(detail.contains("remote `$ref`"), "{detail}");
                assert!(detail.contains("/properties/a"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        // A relative reference is remote too; a `$ref` key inside data is not a reference.
        assert!(Compiled::compile(&json!({"$ref": "other.json"})).is_err());
        assert!(Compiled::compile(&json!({"default": {"$ref": "x.json"}})).is_ok());
    }

    #[test]
    fn broken_specs_are_invalid_spec() {
        for bad in [
            json!("a string"),
            json!({"connectionSpecification": 3}),
            json!({"type": "object", "properties": {"a": {"$ref": "#/definitions/missing"}}}),
            json!({"type": "object", "properties": {"a": {"type": "string", "pattern": "(["}}}),
            json!({"type": "wat"}),
        ] {
            assert!(
                matches!(Compiled::compile(&bad), Err(Error::InvalidSpec { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn unknown_keywords_and_oddities_are_ignored() {
        let spec = json!({
            "type": "object",
            "properties": {"n": {"type": "integer", "min": 1, "max": 3, "order": 0, "group": "g",
                "airbyte_secret": false, "always_show": true, "airbyte_hidden": false,
                "pattern_descriptor": "N", "multiline": true, "format": "custom-thing"}}
        });
        let c = Compiled::compile(&spec).unwrap();
        assert!(c.validator(true).unwrap().is_valid(&json!({"n": 99})));
    }

    #[test]
    fn only_date_formats_are_asserted() {
        let spec = json!({"type": "object", "properties": {
            "d": {"type": "string", "format": "date-time"},
            "e": {"type": "string", "format": "email"}
        }});
        let c = Compiled::compile(&spec).unwrap();
        let strict = c.validator(true).unwrap();
        assert!(!strict.is_valid(&json!({"d": "2024-01-01"})));
        assert!(strict.is_valid(&json!({"d": "2024-01-01T00:00:00.000Z", "e": "not an email"})));
        assert!(
            c.validator(false)
                .unwrap()
                .is_valid(&json!({"d": "2024-01-01"}))
        );
    }

    #[test]
    fn defaults_are_checked_against_their_own_schema() {
        let spec = json!({
            "definitions": {"port": {"type": "integer", "maximum": 65535}},
            "type": "object",
            "properties": {
                "good": {"$ref": "#/definitions/port", "default": 5432},
                "bad": {"type": "integer", "default": "5432"},
                "none": {"type": "integer"}
            }
        });
        let c = Compiled::compile(&spec).unwrap();
        let node = |k: &str| c.schema.pointer(&format!("/properties/{k}")).unwrap();
        assert!(c.default_is_valid(node("good")));
        assert!(!c.default_is_valid(node("bad")));
        assert!(!c.default_is_valid(node("none")));
        // Answered from the memo the second time.
        assert!(c.default_is_valid(node("good")));
    }
}
