//! Client-side validation of source configs against connector specs, secret masking, and the
//! form model. Pure and offline: nothing here sends a request. Specs and configs are JSON
//! text; a spec may be a `ConnectorSpecification` (`connectionSpecification`), a manifest
//! spec (`connection_specification`) or a bare JSON Schema.

use crate::models::{AirbyteError, Coercion, ValidationOptions};
use airbyte_embedded::validation as cv;

use crate::Result;
use std::fmt;

use airbyte_embedded::redact::KeysOnly;
use airbyte_embedded::uniffi_types::JsonObject;
use airbyte_embedded::uniffi_types::{
    object_text, parse_object as object, parse_value as value, value_text,
};

// The core's JSON object conversion (JSON text abroad), for this crate's own record.
uniffi::use_remote_type!(airbyte_embedded::JsonObject);

/// A source config that passed validation: the core's `ValidatedConfig` without its compiled
/// spec.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `merged` and `source_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct ValidatedConfig {
    /// `partial_default_config` with the source config merged over it (and required defaults
    /// injected), as JSON object text: what the service will hold. May contain secrets.
    pub merged: JsonObject,
    /// The source config as it should be sent, as JSON object text: the input, changed only
    /// by opt-in coercion and injected defaults.
    pub source_config: JsonObject,
    /// Every change coercion made (empty when off).
    pub coercions: Vec<Coercion>,
    /// JSON pointers of the spec defaults that were injected.
    pub defaults_applied: Vec<String>,
    /// JSON pointers of masked secrets that were skipped, not validated.
    pub skipped_masked_secrets: Vec<String>,
}

impl fmt::Debug for ValidatedConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidatedConfig")
            .field("merged", &KeysOnly(&self.merged))
            .field("source_config", &KeysOnly(&self.source_config))
            .field("coercions", &self.coercions)
            .field("defaults_applied", &self.defaults_applied)
            .field("skipped_masked_secrets", &self.skipped_masked_secrets)
            .finish()
    }
}

impl fmt::Display for ValidatedConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl From<cv::ValidatedConfig> for ValidatedConfig {
    fn from(v: cv::ValidatedConfig) -> Self {
        ValidatedConfig {
            merged: v.merged,
            source_config: v.source_config,
            coercions: v.coercions,
            defaults_applied: v.defaults_applied,
            skipped_masked_secrets: v.skipped_masked_secrets,
        }
    }
}

/// Validates `merge(partial_default_config, source_config)` against a connector spec (all
/// JSON text; the configs must be objects). `options` defaults to the strict
/// `ValidationOptions()`.
///
/// # Errors
/// `AirbyteError.InvalidConfig` listing every problem, each with a JSON pointer `path`, a
/// `message` and the failing `keyword` (a masked secret sent back is keyword
/// `airbyte_secret`); `AirbyteError.InvalidSpec` when the spec does not load;
/// `AirbyteError.InvalidArgument` for text that is not JSON.
#[uniffi::export(default(options = None))]
pub fn validate_source_config(
    spec: String,
    partial_default_config: String,
    source_config: String,
    options: Option<ValidationOptions>,
) -> Result<ValidatedConfig> {
    let spec = value("spec", &spec)?;
    let defaults = object("partial_default_config", &partial_default_config)?;
    let config = object("source_config", &source_config)?;
    let options = options.unwrap_or_default();
    Ok(cv::validate_source_config(&spec, &defaults, &config, &options)?.into())
}

/// `partial_default_config` with `source_config` merged over it, as the service merges them
/// (user values win; a `oneOf` object is never a hybrid of two branches), as JSON text.
///
/// # Errors
/// `AirbyteError.InvalidArgument` for text that is not JSON (objects for the configs).
#[uniffi::export]
pub fn merge_config(
    spec: String,
    partial_default_config: String,
    source_config: String,
) -> Result<String> {
    let spec = value("spec", &spec)?;
    let defaults = object("partial_default_config", &partial_default_config)?;
    let config = object("source_config", &source_config)?;
    Ok(object_text(&cv::merge_config(&spec, &defaults, &config)))
}

/// `config` with every value at an `airbyte_secret` path of `spec` replaced by `**********`
/// (as the service does in responses), as JSON text.
///
/// # Errors
/// `AirbyteError.InvalidArgument` for text that is not JSON.
#[uniffi::export]
pub fn mask_secrets(spec: String, config: String) -> Result<String> {
    let spec = value("spec", &spec)?;
    let config = value("config", &config)?;
    Ok(value_text(&cv::mask_secrets(&spec, &config)))
}

/// `config` redacted for logs: secrets masked, and every scalar the spec does not describe
/// masked too (an allow-list), as JSON text.
///
/// # Errors
/// `AirbyteError.InvalidArgument` for text that is not JSON.
#[uniffi::export]
pub fn redact_config(spec: String, config: String) -> Result<String> {
    let spec = value("spec", &spec)?;
    let config = value("config", &config)?;
    Ok(value_text(&cv::redact_config(&spec, &config)))
}

/// Every `airbyte_secret` path of `spec` as a JSON pointer, with `*` standing for any array
/// index in place of a segment (`/password`, `/credentials/client_secret`, and for the key of
/// every entry of a `tunnels` array: `/tunnels/` + `*` + `/ssh_key`).
///
/// # Errors
/// `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
/// for text that is not JSON.
#[uniffi::export]
pub fn secret_paths(spec: String) -> Result<Vec<String>> {
    let spec = value("spec", &spec)?;
    cv::secret_paths(&spec)
}

/// JSON pointers of every value in `config` that is exactly the mask `**********` at a secret
/// path of `spec`: what a fetched config hides.
///
/// # Errors
/// `AirbyteError.InvalidArgument` for text that is not JSON.
#[uniffi::export]
pub fn masked_secret_paths(spec: String, config: String) -> Result<Vec<String>> {
    let spec = value("spec", &spec)?;
    let config = value("config", &config)?;
    Ok(cv::masked_secret_paths(&spec, &config))
}

/// The spec an end user fills for a template, as JSON text: `connector_spec` with every field
/// that `partial_default_config` supplies no longer required.
///
/// # Errors
/// `AirbyteError.InvalidArgument` for text that is not JSON.
#[uniffi::export]
pub fn user_config_spec(connector_spec: String, partial_default_config: String) -> Result<String> {
    let spec = value("connector_spec", &connector_spec)?;
    let defaults = object("partial_default_config", &partial_default_config)?;
    Ok(value_text(&cv::user_config_spec(&spec, &defaults)))
}

/// The form model of `spec` for a template with `partial_default_config`, as JSON text: a
/// `{title?, description?, documentation_url?, fields: [...], groups?, advanced_auth?}`
/// tree whose fields carry `key`, `path` (JSON pointer), `title`, `kind` (`string`,
/// `integer`, `number`, `boolean`, `object`, `array`, `choice`, `unknown`) and the
/// constraints to render (empty and `false` members are left out).
///
/// # Errors
/// `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
/// for text that is not JSON.
#[uniffi::export]
pub fn form_model(spec: String, partial_default_config: String) -> Result<String> {
    let spec = value("spec", &spec)?;
    let defaults = object("partial_default_config", &partial_default_config)?;
    let form = cv::form_model(&spec, &defaults)?;
    serde_json::to_string(&form).map_err(|e| AirbyteError::InvalidSpec {
        detail: format!("could not write the form model as JSON: {e}"),
    })
}

/// The value the service puts in place of every `airbyte_secret` in a response:
/// `**********`. Never send it back as a value.
#[uniffi::export]
pub fn secret_mask() -> String {
    cv::SECRET_MASK.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validated_configs_print_keys_only() {
        let config = serde_json::json!({"host": "db", "password": "hunter2",
            "tunnel": {"ssh_key": "hunter2", "port": 22}});
        let object = config.as_object().cloned().unwrap_or_default();
        let validated = ValidatedConfig {
            merged: object.clone(),
            source_config: object,
            coercions: vec![],
            defaults_applied: vec!["/port".into()],
            skipped_masked_secrets: vec![],
        };
        for text in [format!("{validated:?}"), format!("{validated}")] {
            assert!(
                !text.contains("hunter2") && !text.contains("\"db\""),
                "{text}"
            );
            assert!(text.contains("\"ssh_key\": [REDACTED]"), "{text}");
            assert!(text.contains("defaults_applied: [\"/port\"]"), "{text}");
        }
    }
}
