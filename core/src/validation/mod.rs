//! Client-side validation of source configs against connector specs.

use serde::{Deserialize, Serialize};

/// One way a source config fails its connector spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigError {
    /// JSON pointer into the config (`""` for the root, `"/port"`, `"/ssl_mode/ca_certificate"`).
    pub path: String,
    /// A sentence an end user can act on.
    pub message: String,
    /// The JSON Schema keyword that failed (`"required"`, `"type"`, `"oneOf"`, `"pattern"`, …).
    pub keyword: String,
}

use serde_json::{Map, Value};

use crate::Error;

/// The value the service puts in place of every `airbyte_secret` in a response.
pub const SECRET_MASK: &str = "**********";

/// Switches for [`validate_source_config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationOptions {
    /// Whether `format: date-time` is asserted. Defaults to `true`.
    pub assert_date_time: bool,
    /// Whether strings are converted to the spec's scalar types (`"5432"` → `5432` for an
    /// integer). Defaults to `false`: a wrong type is an error.
    pub coerce_scalars: bool,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            assert_date_time: true,
            coerce_scalars: false,
        }
    }
}

/// A source config that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidatedConfig {
    /// `partial_default_config` with the source config merged over it: what was validated.
    pub merged: Map<String, Value>,
    /// The source config as it should be sent (changed only by opt-in coercion).
    pub source_config: Map<String, Value>,
}

/// Validates `merge(partial_default_config, source_config)` against a connector spec.
///
/// `spec` is a `ConnectorSpecification` (`connectionSpecification`), a manifest-style spec
/// (`connection_specification`) or a bare JSON Schema.
///
/// # Errors
/// [`Error::InvalidSpec`] when the spec does not compile; [`Error::InvalidConfig`] listing every
/// problem when the merged config does not satisfy it.
pub fn validate_source_config(
    spec: &Value,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
    options: &ValidationOptions,
) -> Result<ValidatedConfig, Error> {
    let _ = options;
    let schema = schema_of(spec);
    let validator = jsonschema::validator_for(schema).map_err(|e| Error::InvalidSpec {
        detail: e.to_string(),
    })?;
    let mut merged = partial_default_config.clone();
    for (k, v) in source_config {
        merged.insert(k.clone(), v.clone());
    }
    let instance = Value::Object(merged.clone());
    let errors: Vec<ConfigError> = validator
        .iter_errors(&instance)
        .map(|e| ConfigError {
            path: e.instance_path().to_string(),
            message: e.to_string(),
            keyword: String::new(),
        })
        .collect();
    if errors.is_empty() {
        Ok(ValidatedConfig {
            merged,
            source_config: source_config.clone(),
        })
    } else {
        Err(Error::InvalidConfig {
            detail: errors[0].message.clone(),
            errors,
        })
    }
}

/// Returns `config` with every value at an `airbyte_secret` path of `spec` replaced by
/// [`SECRET_MASK`] (as the service does in responses, and as logs must).
pub fn mask_secrets(spec: &Value, config: &Value) -> Value {
    fn walk(schema: &Value, value: &mut Value) {
        if schema.get("airbyte_secret").and_then(Value::as_bool) == Some(true) {
            *value = Value::String(SECRET_MASK.to_owned());
            return;
        }
        if let (Some(props), Some(obj)) = (
            schema.get("properties").and_then(Value::as_object),
            value.as_object_mut(),
        ) {
            for (k, sub) in props {
                if let Some(v) = obj.get_mut(k) {
                    walk(sub, v);
                }
            }
        }
    }
    let mut out = config.clone();
    walk(schema_of(spec), &mut out);
    out
}

/// The spec an end user fills for a template: `connector_spec` with every field that
/// `partial_default_config` supplies no longer required. Keeps the input's outer shape.
pub fn user_config_spec(connector_spec: &Value, partial_default_config: &Map<String, Value>) -> Value {
    let mut out = connector_spec.clone();
    let schema = match out.get_mut("connectionSpecification") {
        Some(s) => s,
        None => &mut out,
    };
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.retain(|r| r.as_str().is_none_or(|k| !partial_default_config.contains_key(k)));
    }
    out
}

fn schema_of(spec: &Value) -> &Value {
    spec.get("connectionSpecification")
        .or_else(|| spec.get("connection_specification"))
        .unwrap_or(spec)
}
