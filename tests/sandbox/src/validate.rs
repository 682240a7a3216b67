//! Server-side validation of connector configs, reported as 422 `detail` lists.

use airbyte_embedded::validation::{
    SECRET_MASK, ValidationOptions, masked_secret_paths, validate_source_config,
};
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, Detail};

/// Merges `config` over `defaults` and validates the result against `spec` with the SDK's own
/// validation (so client and sandbox agree); returns the merged config (raw JSON as sent, plus
/// any valid spec default for a required field missing from both). Errors are 422s whose `loc`
/// is `loc_prefix` followed by the path of each problem; the secret mask `**********` sent at
/// a secret path is one of them.
pub(crate) fn merged_config(
    spec: &Value,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<Map<String, Value>, ApiError> {
    match validate_source_config(spec, defaults, config, &ValidationOptions::default()) {
        Ok(validated) => Ok(validated.merged),
        Err(airbyte_embedded::Error::InvalidConfig { errors, .. }) => Err(ApiError::Unprocessable(
            errors
                .iter()
                .map(|e| Detail {
                    loc: loc(loc_prefix, pointer_segments(&e.path)),
                    msg: e.message.clone(),
                    kind: if e.keyword.is_empty() {
                        "value_error".to_owned()
                    } else {
                        e.keyword.clone()
                    },
                })
                .collect(),
        )),
        Err(other) => Err(ApiError::invalid(
            loc_prefix,
            other.to_string(),
            "value_error",
        )),
    }
}

/// Refuses the secret mask `**********` at any secret path of `spec` in `config` (a template's
/// defaults): it is what responses show in place of a secret, never a value.
pub(crate) fn reject_masks(
    spec: &Value,
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<(), ApiError> {
    let masked = masked_secret_paths(spec, &Value::Object(config.clone()));
    match masked.first() {
        None => Ok(()),
        Some(path) => Err(ApiError::Unprocessable(vec![Detail {
            loc: loc(loc_prefix, pointer_segments(path)),
            msg: format!(
                "the secret mask \"{SECRET_MASK}\" is not a value: send the real secret or leave the field out"
            ),
            kind: "value_error.secret_mask".to_owned(),
        }])),
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

    #[test]
    fn masks_are_refused_only_at_secret_paths() {
        let spec: Value = serde_json::from_str(crate::catalog::SOURCE_POSTGRES_SPEC).unwrap();
        let base = json!({"host": "h", "port": 5432, "database": "d", "username": "u"});
        let mut config = obj(base.clone());
        config.insert(
            "password".into(),
            json!(airbyte_embedded::validation::SECRET_MASK),
        );
        match merged_config(&spec, &Map::new(), &config, &["body", "source_config"]) {
            Err(ApiError::Unprocessable(d)) => {
                assert_eq!(
                    d[0].loc,
                    vec![json!("body"), json!("source_config"), json!("password")]
                );
            }
            other => panic!("{other:?}"),
        }
        let mut config = obj(base);
        config.insert(
            "database".into(),
            json!(airbyte_embedded::validation::SECRET_MASK),
        );
        assert!(merged_config(&spec, &Map::new(), &config, &[]).is_ok());
    }

    #[test]
    fn pointers_split_and_unescape() {
        assert_eq!(pointer_segments(""), Vec::<String>::new());
        assert_eq!(pointer_segments("/a~1b/c~0d"), vec!["a/b", "c~d"]);
    }

    #[test]
    fn config_errors_become_details() {
        let spec: Value = serde_json::from_str(crate::catalog::SOURCE_TINY_SPEC).unwrap();
        let ok = merged_config(
            &spec,
            &obj(json!({"seed": 1})),
            &obj(json!({"count": 5})),
            &["body"],
        );
        assert_eq!(ok.unwrap(), obj(json!({"seed": 1, "count": 5})));
        let bad = merged_config(
            &spec,
            &Map::new(),
            &obj(json!({"count": 0})),
            &["body", "source_config"],
        );
        match bad {
            Err(ApiError::Unprocessable(d)) => {
                assert_eq!(
                    d[0].loc,
                    vec![json!("body"), json!("source_config"), json!("count")]
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
