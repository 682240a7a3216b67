//! Server-side validation of connector configs, done the way the service does it: the merged
//! config against the connector's connection schema as plain JSON Schema draft-07, with the
//! `jsonschema` crate directly. No message names a `oneOf` branch, no default is filled in,
//! and no remote `$ref` is ever fetched (the crate is built without its resolvers).
//!
//! Each problem becomes one 422 entry whose `loc` is the request field (`body`,
//! `source_config`) followed by the JSON path of the value the validator reports (for a
//! missing property, the path where it should be). That path can be above the precise one:
//! a config matching no branch of a `oneOf` is reported at the `oneOf` property. Messages are
//! the validator's own, except that a value holding a secret is never quoted.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, Detail};
use crate::masking::{SECRET_MASK, masked_pointers, secret_pointers};
use crate::spec::{connection_schema, merge};

/// How many compiled schemas are kept (the catalogue has five specs).
const CACHE_CAPACITY: usize = 64;

/// The draft-07 validator of `schema`, compiled once per distinct schema.
fn validator(schema: &Value) -> Result<Arc<Validator>, ApiError> {
    static CACHE: OnceLock<Mutex<HashMap<u64, Arc<Validator>>>> = OnceLock::new();
    let key = {
        let mut hasher = DefaultHasher::new();
        schema.to_string().hash(&mut hasher);
        hasher.finish()
    };
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(found) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return Ok(found.clone());
    }
    let compiled =
        Arc::new(jsonschema::draft7::new(schema).map_err(|e| {
            ApiError::internal(&format!("the connector spec does not compile: {e}"))
        })?);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= CACHE_CAPACITY {
        cache.clear();
    }
    cache.insert(key, compiled.clone());
    Ok(compiled)
}

/// Merges `config` over `defaults` (see [`merge`]) and validates the result against `spec`;
/// returns the merged config, unchanged. Errors are 422s, one entry per problem the
/// validator reports (see the module docs), plus one for each secret position of `config`
/// that holds the mask `**********` (what responses show, never a value; problems at or below
/// such a position are not reported again). A spec that does not compile is a 500.
pub(crate) fn merged_config(
    spec: &Value,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<Map<String, Value>, ApiError> {
    let schema = connection_schema(spec);
    let validator = validator(schema)?;
    let masked = masked_pointers(schema, &Value::Object(config.clone()));
    let mut details: Vec<Detail> = masked
        .iter()
        .map(|pointer| mask_detail(loc_prefix, pointer))
        .collect();
    let merged = Value::Object(merge(schema, defaults, config));
    let secrets = secret_pointers(schema, &merged);
    for error in validator.iter_errors(&merged) {
        let pointer = pointer_of(&error);
        if masked.iter().any(|m| is_at_or_below(&pointer, m)) {
            continue;
        }
        let holds_secret = secrets
            .iter()
            .any(|s| is_at_or_below(s, error.instance_path().as_str()));
        details.push(Detail {
            loc: loc(loc_prefix, pointer_segments(&pointer)),
            msg: if holds_secret {
                error.masked_with("the secret value").to_string()
            } else {
                error.to_string()
            },
            kind: error.kind().keyword().to_owned(),
        });
    }
    match merged {
        Value::Object(map) if details.is_empty() => Ok(map),
        _ => Err(ApiError::Unprocessable(details)),
    }
}

/// The JSON pointer a validation error is about: the value's path, and for a missing
/// property the path where it should be.
fn pointer_of(error: &ValidationError<'_>) -> String {
    let at = error.instance_path().as_str().to_owned();
    match error.kind() {
        ValidationErrorKind::Required {
            property: Value::String(name),
        } => format!("{at}/{}", name.replace('~', "~0").replace('/', "~1")),
        _ => at,
    }
}

/// Whether JSON pointer `pointer` is `ancestor` or inside it.
fn is_at_or_below(pointer: &str, ancestor: &str) -> bool {
    pointer == ancestor
        || (pointer.starts_with(ancestor) && pointer.as_bytes().get(ancestor.len()) == Some(&b'/'))
}

fn mask_detail(loc_prefix: &[&str], pointer: &str) -> Detail {
    Detail {
        loc: loc(loc_prefix, pointer_segments(pointer)),
        msg: format!(
            "the secret mask \"{SECRET_MASK}\" is not a value: send the real secret or leave the field out"
        ),
        kind: "value_error.secret_mask".to_owned(),
    }
}

/// Refuses the secret mask `**********` at any secret position of `spec` in `config` (a
/// template's defaults): it is what responses show in place of a secret, never a value.
pub(crate) fn reject_masks(
    spec: &Value,
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<(), ApiError> {
    let masked = masked_pointers(connection_schema(spec), &Value::Object(config.clone()));
    match masked.first() {
        None => Ok(()),
        Some(pointer) => Err(ApiError::Unprocessable(vec![mask_detail(
            loc_prefix, pointer,
        )])),
    }
}

fn loc(prefix: &[&str], rest: Vec<String>) -> Vec<Value> {
    prefix
        .iter()
        .map(|s| json!(s))
        .chain(rest.into_iter().map(Value::String))
        .collect()
}

/// The segments of a JSON pointer (`"/ssl_mode/ca_certificate"` → `["ssl_mode", "ca_certificate"]`).
fn pointer_segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    fn postgres() -> Value {
        serde_json::from_str(crate::catalog::SOURCE_POSTGRES_SPEC).unwrap()
    }

    fn details(result: Result<Map<String, Value>, ApiError>) -> Vec<Detail> {
        match result {
            Err(ApiError::Unprocessable(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn masks_are_refused_only_at_secret_paths() {
        let spec = postgres();
        let base = json!({"host": "h", "port": 5432, "database": "d", "username": "u"});
        let mut config = obj(base.clone());
        config.insert("password".into(), json!(SECRET_MASK));
        let d = details(merged_config(
            &spec,
            &Map::new(),
            &config,
            &["body", "source_config"],
        ));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].loc,
            vec![json!("body"), json!("source_config"), json!("password")]
        );
        assert_eq!(d[0].kind, "value_error.secret_mask");
        let mut config = obj(base);
        config.insert("database".into(), json!(SECRET_MASK));
        assert!(merged_config(&spec, &Map::new(), &config, &[]).is_ok());
        assert!(reject_masks(&spec, &obj(json!({"password": SECRET_MASK})), &["body"]).is_err());
        assert!(reject_masks(&spec, &obj(json!({"password": "real"})), &["body"]).is_ok());
    }

    #[test]
    fn pointers_split_and_unescape() {
        assert_eq!(pointer_segments(""), Vec::<String>::new());
        assert_eq!(pointer_segments("/a~1b/c~0d"), vec!["a/b", "c~d"]);
        assert!(is_at_or_below("/a/b", "/a") && is_at_or_below("/a", "/a"));
        assert!(!is_at_or_below("/ab", "/a") && is_at_or_below("/a", ""));
    }

    #[test]
    fn config_errors_become_plain_validator_details() {
        let spec: Value = serde_json::from_str(crate::catalog::SOURCE_TINY_SPEC).unwrap();
        let ok = merged_config(
            &spec,
            &obj(json!({"seed": 1})),
            &obj(json!({"count": 5})),
            &["body"],
        );
        assert_eq!(ok.unwrap(), obj(json!({"seed": 1, "count": 5})));
        let d = details(merged_config(
            &spec,
            &Map::new(),
            &obj(json!({"count": 0})),
            &["body", "source_config"],
        ));
        assert_eq!(
            d[0].loc,
            vec![json!("body"), json!("source_config"), json!("count")]
        );
        assert_eq!(d[0].kind, "minimum");
        assert_eq!(d[0].msg, "0 is less than the minimum of 1");
        // No default is filled in: a missing required field is reported where it belongs.
        let d = details(merged_config(&spec, &Map::new(), &Map::new(), &["body"]));
        assert_eq!(d[0].loc, vec![json!("body"), json!("count")]);
        assert_eq!(d[0].kind, "required");
    }

    #[test]
    fn a_oneof_failure_is_reported_at_the_property_without_quoting_secrets() {
        let spec = postgres();
        let config = obj(
            json!({"host": "h", "port": 5432, "database": "d", "username": "u",
            "ssl_mode": {"mode": "verify-ca", "client_key_password": "keypass-secret-1"}}),
        );
        let d = details(merged_config(
            &spec,
            &Map::new(),
            &config,
            &["body", "source_config"],
        ));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].loc,
            vec![json!("body"), json!("source_config"), json!("ssl_mode")]
        );
        assert_eq!(d[0].kind, "oneOf");
        assert!(!d[0].msg.contains("keypass-secret-1"), "{}", d[0].msg);
    }
}
