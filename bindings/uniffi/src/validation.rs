//! Client-side validation of source configs against connector specs, secret masking, and the
//! form model. Pure and offline: nothing here sends a request. Specs, configs and form models
//! are each language's own JSON values (`JsonValue`, `JsonObject`); a spec may be a
//! `ConnectorSpecification` (`connectionSpecification`), a manifest spec
//! (`connection_specification`) or a bare JSON Schema. `Spec.from_text` and
//! `Spec.validate_text` take JSON text as is, for callers holding the text already or whose
//! language's values would change it (Swift dictionaries do not keep key order).

use crate::models::{AirbyteError, Coercion, ValidationOptions};
use airbyte_embedded::validation as cv;

use crate::Result;
use std::fmt;
use std::sync::Arc;

use airbyte_embedded::redact::KeysOnly;
use airbyte_embedded::uniffi_types::{
    JsonObject, JsonValue, lift_object, object_argument as object, parse_object, parse_value,
    value_argument as value,
};

// The core's JSON object conversion (each language's own JSON objects abroad), for this
// crate's own record and functions; `JsonValue`'s is brought in once, in `catalogs`.
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
    /// injected): what the service will hold. May contain secrets.
    pub merged: JsonObject,
    /// The source config as it should be sent: the input, changed only by opt-in coercion and
    /// injected defaults.
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

/// Validates `merge(partial_default_config, source_config)` against a connector spec (the
/// configs are JSON objects). `options` defaults to the strict `ValidationOptions()`.
///
/// # Errors
/// `AirbyteError.InvalidConfig` listing every problem, each with a JSON pointer `path`, a
/// `message` and the failing `keyword` (a masked secret sent back is keyword
/// `airbyte_secret`); `AirbyteError.InvalidSpec` when the spec does not load;
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON (a Python
/// `set`, a NaN; for the configs, anything but an object).
#[uniffi::export(default(options = None))]
pub fn validate_source_config(
    spec: JsonValue,
    partial_default_config: JsonObject,
    source_config: JsonObject,
    options: Option<ValidationOptions>,
) -> Result<ValidatedConfig> {
    let spec = value("spec", spec)?;
    let defaults = object("partial_default_config", partial_default_config)?;
    let config = object("source_config", source_config)?;
    let options = options.unwrap_or_default();
    Ok(cv::validate_source_config(&spec, &defaults, &config, &options)?.into())
}

/// `partial_default_config` with `source_config` merged over it, as the service merges them
/// (user values win; a `oneOf` object is never a hybrid of two branches).
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn merge_config(
    spec: JsonValue,
    partial_default_config: JsonObject,
    source_config: JsonObject,
) -> Result<JsonObject> {
    let spec = value("spec", spec)?;
    let defaults = object("partial_default_config", partial_default_config)?;
    let config = object("source_config", source_config)?;
    Ok(cv::merge_config(&spec, &defaults, &config))
}

/// `config` with every value at an `airbyte_secret` path of `spec` replaced by `**********`
/// (as the service does in responses).
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn mask_secrets(spec: JsonValue, config: JsonValue) -> Result<JsonValue> {
    let spec = value("spec", spec)?;
    let config = value("config", config)?;
    Ok(cv::mask_secrets(&spec, &config))
}

/// `config` redacted for logs: secrets masked, and every scalar the spec does not describe
/// masked too (an allow-list).
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn redact_config(spec: JsonValue, config: JsonValue) -> Result<JsonValue> {
    let spec = value("spec", spec)?;
    let config = value("config", config)?;
    Ok(cv::redact_config(&spec, &config))
}

/// Every `airbyte_secret` path of `spec` as a JSON pointer, with `*` standing for any array
/// index in place of a segment (`/password`, `/credentials/client_secret`, and for the key of
/// every entry of a `tunnels` array: `/tunnels/` + `*` + `/ssh_key`).
///
/// # Errors
/// `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
/// for a value that is not JSON.
#[uniffi::export]
pub fn secret_paths(spec: JsonValue) -> Result<Vec<String>> {
    let spec = value("spec", spec)?;
    cv::secret_paths(&spec)
}

/// JSON pointers of every value in `config` that is exactly the mask `**********` at a secret
/// path of `spec`: what a fetched config hides.
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn masked_secret_paths(spec: JsonValue, config: JsonValue) -> Result<Vec<String>> {
    let spec = value("spec", spec)?;
    let config = value("config", config)?;
    Ok(cv::masked_secret_paths(&spec, &config))
}

/// The spec an end user fills for a template: `connector_spec` with every field that
/// `partial_default_config` supplies no longer required.
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn user_config_spec(
    connector_spec: JsonValue,
    partial_default_config: JsonObject,
) -> Result<JsonValue> {
    let spec = value("connector_spec", connector_spec)?;
    let defaults = object("partial_default_config", partial_default_config)?;
    Ok(cv::user_config_spec(&spec, &defaults))
}

/// The form model of `spec` for a template with `partial_default_config`: a JSON object
/// `{title?, description?, documentation_url?, fields: [...], groups?, advanced_auth?}`
/// tree whose fields carry `key`, `path` (JSON pointer), `title`, `kind` (`string`,
/// `integer`, `number`, `boolean`, `object`, `array`, `choice`, `unknown`) and the
/// constraints to render (empty and `false` members are left out).
///
/// # Errors
/// `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
/// naming the argument for a value that is not JSON.
#[uniffi::export]
pub fn form_model(spec: JsonValue, partial_default_config: JsonObject) -> Result<JsonValue> {
    let spec = value("spec", spec)?;
    let defaults = object("partial_default_config", partial_default_config)?;
    form_value(&cv::form_model(&spec, &defaults)?)
}

/// A connector spec compiled once, for validating many configs against it: no call on it
/// parses, hashes or looks up the spec again. Made from the spec (a `ConnectorSpecification`,
/// a manifest spec or a bare JSON Schema), as a JSON value or (`from_text`) its JSON text;
/// thread-safe; keep one per source template. Every method answers as the free function of
/// the same name given the same spec.
#[derive(uniffi::Object)]
pub struct Spec {
    compiled: cv::Spec,
    /// The spec as given, for the form's `documentation_url` and `advanced_auth`.
    connector_spec: serde_json::Value,
}

#[uniffi::export]
impl Spec {
    /// Compiles `spec`, or takes the compiled form from the process-wide cache when a spec
    /// with the same connection schema was compiled before.
    ///
    /// # Errors
    /// `AirbyteError.InvalidSpec` when the spec does not load (not a JSON Schema, an unknown
    /// `$schema`, a remote `$ref`, …); `AirbyteError.InvalidArgument` naming `spec` for a
    /// value that is not JSON.
    #[uniffi::constructor]
    pub fn new(spec: JsonValue) -> Result<Arc<Self>> {
        Self::load(value("spec", spec)?)
    }

    /// Compiles `spec` given as JSON text, read as is (keys in their order, no conversion to
    /// the language's values first), as `Spec(spec)` does with the value it spells.
    ///
    /// # Errors
    /// As `Spec(spec)`; `AirbyteError.InvalidArgument` naming `spec` for text that is not
    /// JSON.
    #[uniffi::constructor]
    pub fn from_text(spec: String) -> Result<Arc<Self>> {
        Self::load(parse_value("spec", &spec)?)
    }

    /// Validates `source_config` (a JSON object) with no template defaults and the strict
    /// `ValidationOptions()`, as `validate_source_config(spec, {}, source_config)` does. The
    /// cheapest call: only the config crosses (each further argument, `None` included, is one
    /// more buffer to allocate). `validate_with` takes defaults and options.
    ///
    /// # Errors
    /// `AirbyteError.InvalidConfig` listing every problem (`path`, `message`, `keyword`);
    /// `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
    /// object.
    pub fn validate(&self, source_config: JsonObject) -> Result<ValidatedConfig> {
        self.validate_default(object("source_config", source_config)?)
    }

    /// Validates `source_config` given as JSON object text, read as is (keys in their order,
    /// no conversion to the language's values first), as `validate` does with the object it
    /// spells.
    ///
    /// # Errors
    /// As `validate`; `AirbyteError.InvalidArgument` naming `source_config` for text that is
    /// not a JSON object.
    pub fn validate_text(&self, source_config: String) -> Result<ValidatedConfig> {
        self.validate_default(parse_object("source_config", &source_config)?)
    }

    /// Whether `source_config` (a JSON object) passes, with no template defaults and the
    /// strict `ValidationOptions()`: exactly when `validate(source_config)` would return
    /// instead of raising `InvalidConfig`, without building the validated config or
    /// describing the problems. For a yes/no answer per keystroke or per request; `validate`
    /// says what is wrong.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
    /// object (never for a config that is merely invalid: that answers `false`).
    pub fn is_valid(&self, source_config: JsonObject) -> Result<bool> {
        Ok(self
            .compiled
            .is_valid(&object("source_config", source_config)?))
    }

    /// `is_valid` of `source_config` given as JSON object text, read as is.
    ///
    /// # Errors
    /// As `is_valid`, for text that is not a JSON object.
    pub fn is_valid_text(&self, source_config: String) -> Result<bool> {
        self.compiled.is_valid_text(&source_config)
    }

    /// Validates `merge(partial_default_config, source_config)` (JSON objects; `options`
    /// defaults to the strict `ValidationOptions()`), as `validate_source_config` does with
    /// this spec.
    ///
    /// # Errors
    /// As `validate`.
    #[uniffi::method(default(options = None))]
    pub fn validate_with(
        &self,
        source_config: JsonObject,
        partial_default_config: JsonObject,
        options: Option<ValidationOptions>,
    ) -> Result<ValidatedConfig> {
        let config = object("source_config", source_config)?;
        let defaults = object("partial_default_config", partial_default_config)?;
        let options = options.unwrap_or_default();
        Ok(self.compiled.validate(&defaults, &config, &options)?.into())
    }

    /// `config` with every value at an `airbyte_secret` path replaced by `**********` (as
    /// `mask_secrets`).
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `config` for a value that is not JSON.
    pub fn mask_secrets(&self, config: JsonValue) -> Result<JsonValue> {
        let config = value("config", config)?;
        Ok(self.compiled.mask_secrets(&config))
    }

    /// Every `airbyte_secret` path as a JSON pointer, with `*` standing for any array index
    /// (as `secret_paths`).
    pub fn secret_paths(&self) -> Vec<String> {
        self.compiled.secret_paths().to_vec()
    }

    /// The form model for a template with `partial_default_config` (a JSON object; defaults
    /// to none), as `form_model` returns it.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `partial_default_config` for a value that is not
    /// a JSON object.
    #[uniffi::method(default(partial_default_config = None))]
    pub fn form(&self, partial_default_config: Option<JsonObject>) -> Result<JsonValue> {
        let defaults = partial_default_config.map_or_else(
            || Ok(JsonObject::new()),
            |d| object("partial_default_config", d),
        )?;
        form_value(&self.compiled.form_with(&self.connector_spec, &defaults))
    }
}

impl Spec {
    fn load(connector_spec: JsonValue) -> Result<Arc<Self>> {
        Ok(Arc::new(Spec {
            compiled: cv::Spec::load(&connector_spec)?,
            connector_spec,
        }))
    }

    /// What the Python package's direct call (`direct`) answers for `source_config`, JSON
    /// text: `is_valid_text`'s answer or, with `as_object`, `is_valid`'s for the text given as
    /// its `JsonObject` argument (lifted as uniffi lifts it: blank text is `{}`, and the stand-in
    /// of text that did not parse is refused). `None` where the method would raise.
    pub(crate) fn is_valid_answer(&self, source_config: &str, as_object: bool) -> Option<bool> {
        if as_object {
            let config = object("source_config", lift_object(source_config.to_owned())).ok()?;
            return Some(self.compiled.is_valid(&config));
        }
        self.compiled.is_valid_text(source_config).ok()
    }

    fn validate_default(&self, config: JsonObject) -> Result<ValidatedConfig> {
        let options = ValidationOptions::default();
        Ok(self
            .compiled
            .validate(&Default::default(), &config, &options)?
            .into())
    }
}

fn form_value(form: &cv::Form) -> Result<JsonValue> {
    serde_json::to_value(form).map_err(|e| AirbyteError::InvalidSpec {
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
