//! Server-side validation of connector configs, reported as 422 `detail` lists.

use airbyte_embedded::validation::{SECRET_MASK, ValidationOptions, validate_source_config};
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, Detail};
use crate::store::merge;

/// Merges `config` over `defaults` and validates the result against `spec`; returns the merged
/// config (raw JSON as sent). Errors are 422s whose `loc` is `loc_prefix` followed by the path of
/// each problem; a value equal to the secret mask `**********` is refused too.
pub(crate) fn merged_config(
    spec: &Value,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<Map<String, Value>, ApiError> {
    reject_masks(config, loc_prefix)?;
    match validate_source_config(spec, defaults, config, &ValidationOptions::default()) {
        Ok(_) => Ok(merge(defaults, config)),
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

/// Refuses any string equal to the secret mask, anywhere in `config`.
pub(crate) fn reject_masks(
    config: &Map<String, Value>,
    loc_prefix: &[&str],
) -> Result<(), ApiError> {
    fn find(value: &Value, path: &mut Vec<String>) -> bool {
        match value {
            Value::String(s) => s == SECRET_MASK,
            Value::Object(map) => map.iter().any(|(k, v)| {
                path.push(k.clone());
                let found = find(v, path);
                if !found {
                    path.pop();
                }
                found
            }),
            Value::Array(items) => items.iter().enumerate().any(|(i, v)| {
                path.push(i.to_string());
                let found = find(v, path);
                if !found {
                    path.pop();
                }
                found
            }),
            _ => false,
        }
    }
    let mut path = Vec::new();
    if find(&Value::Object(config.clone()), &mut path) {
        return Err(ApiError::Unprocessable(vec![Detail {
            loc: loc(loc_prefix, path),
            msg: format!(
                "the secret mask \"{SECRET_MASK}\" is not a value: send the real secret or leave the field out"
            ),
            kind: "value_error.secret_mask".to_owned(),
        }]));
    }
    Ok(())
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
    fn masks_are_refused_with_their_path() {
        let err = reject_masks(
            &obj(json!({"a": {"b": [SECRET_MASK]}})),
            &["body", "source_config"],
        );
        match err {
            Err(ApiError::Unprocessable(d)) => {
                assert_eq!(
                    d[0].loc,
                    vec![
                        json!("body"),
                        json!("source_config"),
                        json!("a"),
                        json!("b"),
                        json!("0")
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(reject_masks(&obj(json!({"a": "*********"})), &[]).is_ok());
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
