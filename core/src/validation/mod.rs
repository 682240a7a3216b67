//! Client-side validation of source configs against connector specs, secret safety, and a
//! native form model.
//!
//! Everything here is pure and offline: no function sends a request or fetches a schema.
//!
//! ```
//! use airbyte_embedded::Error;
//! use airbyte_embedded::validation::{self, ValidationOptions};
//! use serde_json::{Map, json};
//!
//! let spec = json!({"connectionSpecification": {
//!     "type": "object",
//!     "required": ["host", "port", "password"],
//!     "properties": {
//!         "host": {"type": "string"},
//!         "port": {"type": "integer"},
//!         "password": {"type": "string", "airbyte_secret": true}
//!     }
//! }});
//! let template_defaults = json!({"port": 5432});
//! let config = json!({"host": "db.example.com", "password": "hunter2"});
//! let options = ValidationOptions::default();
//!
//! let ok = validation::validate_source_config(
//!     &spec, template_defaults.as_object().unwrap(), config.as_object().unwrap(), &options)?;
//! assert_eq!(ok.merged["port"], 5432);
//!
//! let wrong = json!({"host": "db.example.com", "port": "5432"});
//! let Err(Error::InvalidConfig { errors, .. }) =
//!     validation::validate_source_config(&spec, &Map::new(), wrong.as_object().unwrap(), &options)
//! else { unreachable!() };
//! let found: Vec<_> = errors.iter().map(|e| (e.path.as_str(), e.keyword.as_str())).collect();
//! assert!(found.contains(&("/port", "type")));          // "5432" is not an integer
//! assert!(found.contains(&("/password", "required")));
//!
//! assert_eq!(validation::mask_secrets(&spec, &config)["password"], validation::SECRET_MASK);
//! # Ok::<(), Error>(())
//! ```
//!
//! # What is validated
//! [`validate_source_config`] validates `merge(partial_default_config, source_config)` — what
//! the service will hold — against the spec's connection schema, and returns every problem as
//! a [`ConfigError`] (`{path, message, keyword}`, `path` a JSON pointer into the config). See
//! [`merge_config`] for the merge rules (user values win; a `oneOf` object from another branch
//! replaces the default's object whole, so it is never a hybrid of two branches).
//!
//! The spec is a `ConnectorSpecification` (`connectionSpecification`), a manifest spec
//! (`connection_specification`) or a bare schema; draft-07 by default, 2020-12 when `$schema`
//! says so. Airbyte's extension keywords are ignored; a remote `$ref` is an error, never a
//! fetch.
//!
//! An update's config is partial: [`validate_partial_config`] validates it with nothing
//! required (every value it carries still checked), as `Sources::update` does.
//!
//! The service may report a problem at a `oneOf` property where the SDK names the field inside
//! the chosen branch; the verdicts are the same.
//!
//! # Decisions
//! - **Messages an end user can act on.** For a `oneOf` told apart by a `const` or
//!   single-value `enum` property (`mode`, `auth_type`, `option_title`), errors come from the
//!   branch the discriminator selects (`"ca_certificate" is required when "mode" is
//!   "verify-ca"`), and a missing or unknown discriminator lists the allowed values. A wrong
//!   type names the expected one. Required fields missing from both the defaults and the
//!   config are listed together.
//! - **Masked secrets are refused, not stripped.** A value equal to [`SECRET_MASK`] at an
//!   `airbyte_secret` path of the *user's* `source_config` is an error (keyword
//!   `"airbyte_secret"`) that names the path and asks for the real value: sending the mask
//!   back would overwrite the stored secret with ten asterisks. To re-validate a config
//!   fetched from the service (whose secrets come back masked), set
//!   [`ValidationOptions::skip_masked_secrets`] (or use
//!   [`ValidationOptions::for_fetched_config`]): masked secret paths are then skipped and
//!   listed in [`ValidatedConfig::skipped_masked_secrets`] (such a config must not be sent
//!   as is). Masks inside the template's `partial_default_config` are always skipped: the
//!   service holds those values. A template update (PATCH) likewise refuses `**********`
//!   anywhere in its `partial_default_config`, naming the path.
//! - **Defaults are injected only where needed, and only valid ones.** A spec `default` is
//!   added (to `merged` and to the `source_config` to send, reported in
//!   [`ValidatedConfig::defaults_applied`]) only for a *required* property missing from both
//!   the template defaults and the user config, and only when the default satisfies its own
//!   schema; an invalid default is never injected (the field is then reported as required).
//!   Optional properties are left to the connector's own defaults. Sending the default
//!   explicitly is right whether or not the service fills defaults itself; switch it off with
//!   [`ValidationOptions::inject_defaults`].
//! - **Formats**: `date-time`, `date` and `time` are asserted unless
//!   [`ValidationOptions::assert_date_time`] is off; other formats (`email`, `uri`, …) are
//!   annotations. `pattern` is always enforced, on the string exactly as given.
//! - **No silent coercion**: `"5432"` for an integer is an error, unless
//!   [`ValidationOptions::coerce_scalars`] is on, which converts and reports each change.
//! - **Caching**: compiled specs are kept in a process-wide, thread-safe cache keyed by a hash
//!   of the schema's content ([`SPEC_CACHE_CAPACITY`] entries, least recently used evicted;
//!   see [`Spec::load`]); hold a [`Spec`] to skip even the hash. A warm validation costs
//!   microseconds (`cargo bench -p airbyte-embedded --bench validation` prints the cost per
//!   fixture spec).
//!
//! # Secrets
//! A field is secret when its schema says `airbyte_secret: true` or `airbyte_sensitive: true`
//! (the spelling of older connector specs, logged at `DEBUG` with its path when first met);
//! both count everywhere below, and both are meant by "`airbyte_secret`" in these docs.
//! [`mask_secrets`] masks like the service does (nested objects, `oneOf` branches, arrays);
//! [`redact_config`] also hides everything the spec does not describe, for logs.
//! [`secret_paths`] lists the secret paths of a spec and [`masked_secret_paths`] the masked
//! values in a config.
//!
//! # Forms
//! [`form_model`] turns a spec and a template's defaults into a [`Form`]: an ordered tree of
//! fields (key, title, description, type, required, default, choices, examples, pattern and
//! `pattern_descriptor`, bounds, secret, multiline, hidden, `always_show`, group; a `oneOf` as
//! a choice with one option per branch) that an app can render natively; it serialises to
//! JSON. Fields the template fixes are marked hidden. [`user_config_spec`] gives the spec an
//! end user fills.

mod cache;
mod coerce;
mod compile;
mod form;
mod merge;
mod partial;
mod schema;
mod secrets;
mod spec;
mod translate;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use cache::CAPACITY as SPEC_CACHE_CAPACITY;
pub use coerce::Coercion;
pub use form::{FieldKind, Form, FormField, FormGroup, FormOption};
pub use spec::{SchemaDraft, Spec, connection_schema};

pub(crate) use partial::refuse_any_mask;

use crate::Error;

/// One way a source config fails its connector spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConfigError {
    /// JSON pointer into the config (`""` for the root, `"/port"`, `"/ssl_mode/ca_certificate"`).
    /// A missing field is reported at the path where it should be.
    pub path: String,
    /// A sentence an end user can act on (`"port" must be an integer, got the string "5432"`).
    /// Never quotes the value of a secret.
    pub message: String,
    /// The JSON Schema keyword that failed (`"required"`, `"type"`, `"oneOf"`, `"pattern"`,
    /// `"format"`, `"enum"`, `"additionalProperties"`, …), or `"airbyte_secret"` for a masked
    /// secret sent back. A missing `oneOf` discriminator is `"required"`, an unknown one
    /// `"oneOf"`.
    pub keyword: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// The value the service puts in place of every `airbyte_secret` in a response.
pub const SECRET_MASK: &str = "**********";

/// Switches for [`validate_source_config`]. `ValidationOptions::default()` is the strict
/// setting used before a create or update.
///
/// Its JSON form: every field optional, unknown fields refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ValidationOptions {
    /// Whether `format: date-time` (and `date`, `time`) is asserted (RFC 3339). Defaults to
    /// `true`. Other formats are never asserted.
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub assert_date_time: bool,
    /// Whether strings are converted to the spec's scalar types (`"5432"` → `5432` for an
    /// integer, `"true"` → `true` for a boolean) before validation, each change reported in
    /// [`ValidatedConfig::coercions`]. Defaults to `false`: a wrong type is an error.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub coerce_scalars: bool,
    /// Whether values equal to [`SECRET_MASK`] at secret paths of the user's config are
    /// skipped instead of refused: for re-validating a config fetched from the service.
    /// Defaults to `false`. The skipped paths are listed in
    /// [`ValidatedConfig::skipped_masked_secrets`].
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub skip_masked_secrets: bool,
    /// Whether the spec `default` of a required property missing from both configs is added
    /// (when it satisfies its own schema) to the validated and the sent config, each listed
    /// in [`ValidatedConfig::defaults_applied`]. Defaults to `true`; switch it off when the
    /// config is a partial update merged over something other than the template defaults.
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub inject_defaults: bool,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            assert_date_time: true,
            coerce_scalars: false,
            skip_masked_secrets: false,
            inject_defaults: true,
        }
    }
}

impl ValidationOptions {
    /// The options for re-validating a config fetched from the service: the defaults with
    /// [`ValidationOptions::skip_masked_secrets`] on.
    pub fn for_fetched_config() -> Self {
        ValidationOptions {
            skip_masked_secrets: true,
            ..ValidationOptions::default()
        }
    }
}

/// A source config that passed validation.
///
/// Its `Debug` output masks every secret.
#[derive(Clone)]
pub struct ValidatedConfig {
    /// `partial_default_config` with the source config merged over it (and required defaults
    /// injected): what was validated, and what the service will hold.
    pub merged: Map<String, Value>,
    /// The source config as it should be sent: the input, changed only by opt-in coercion and
    /// by injected defaults.
    pub source_config: Map<String, Value>,
    /// Every change [`ValidationOptions::coerce_scalars`] made (empty when off).
    pub coercions: Vec<Coercion>,
    /// JSON pointers of the spec defaults that were injected (see the module docs).
    pub defaults_applied: Vec<String>,
    /// JSON pointers of masked secrets that were skipped, not validated: from the template
    /// defaults, and (with [`ValidationOptions::skip_masked_secrets`]) from the user config.
    pub skipped_masked_secrets: Vec<String>,
    spec: Spec,
}

impl PartialEq for ValidatedConfig {
    fn eq(&self, other: &Self) -> bool {
        self.merged == other.merged
            && self.source_config == other.source_config
            && self.coercions == other.coercions
            && self.defaults_applied == other.defaults_applied
            && self.skipped_masked_secrets == other.skipped_masked_secrets
    }
}

impl fmt::Debug for ValidatedConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let masked = |map: &Map<String, Value>| self.spec.mask_secrets(&Value::Object(map.clone()));
        f.debug_struct("ValidatedConfig")
            .field("merged", &masked(&self.merged))
            .field("source_config", &masked(&self.source_config))
            .field("coercions", &self.coercions)
            .field("defaults_applied", &self.defaults_applied)
            .field("skipped_masked_secrets", &self.skipped_masked_secrets)
            .finish()
    }
}

impl ValidatedConfig {
    /// The compiled spec the config was validated against.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }
}

/// Validates `merge(partial_default_config, source_config)` against a connector spec.
///
/// `spec` is a `ConnectorSpecification` (`connectionSpecification`), a manifest-style spec
/// (`connection_specification`) or a bare JSON Schema; it is compiled once and cached (see
/// [`Spec::load`]). `partial_default_config` is the template's, `source_config` the end
/// user's. In order:
/// 1. with [`ValidationOptions::coerce_scalars`], strings in `source_config` are converted;
/// 2. masked secrets in `source_config` are refused (or skipped, see
///    [`ValidationOptions::skip_masked_secrets`]);
/// 3. the configs are merged ([`merge_config`]) and valid defaults of missing required
///    properties injected;
/// 4. the merged config is validated and every problem translated.
///
/// # Errors
/// - [`Error::InvalidSpec`] when the spec does not load (see [`Spec::load`]).
/// - [`Error::InvalidConfig`] listing every problem, each with a JSON pointer, when the merged
///   config does not satisfy the spec, or when the user's config sends [`SECRET_MASK`] back
///   at a secret path. Required fields missing from both configs are all listed.
pub fn validate_source_config(
    spec: &Value,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
    options: &ValidationOptions,
) -> Result<ValidatedConfig, Error> {
    Spec::load(spec)?.validate(partial_default_config, source_config, options)
}

/// Validates a *partial* config — the `source_config` of an update, which carries only the
/// fields it changes — over `partial_default_config` against a connector spec.
///
/// The rules of [`validate_source_config`], with these differences:
/// - **Nothing is required.** A field the config does not carry is never a `required` error,
///   at the top level or inside a nested object it carries (`required`, `dependentRequired`
///   and property-list `dependencies` are ignored at every depth), and no default is injected.
/// - **What it carries is checked in full**: type, `pattern`, `enum`, `const`, formats,
///   bounds, `additionalProperties`, with the same messages.
/// - **`oneOf`**: a carried object whose discriminator is present is validated (partially)
///   against the branch it selects; without its discriminator it is accepted when it fits
///   some branch, and otherwise the error asks for the discriminator.
/// - **Masked secrets** are refused as in [`validate_source_config`]. With
///   [`ValidationOptions::skip_masked_secrets`] they are instead *left out* of
///   [`ValidatedConfig::source_config`] (and listed in
///   [`ValidatedConfig::skipped_masked_secrets`]), so the config can be sent as an update
///   that keeps the stored secrets; a masked secret inside an array cannot be left out (the
///   array is sent whole) and is refused.
///
/// # Errors
/// As [`validate_source_config`], minus the `required` errors.
pub fn validate_partial_config(
    spec: &Value,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
    options: &ValidationOptions,
) -> Result<ValidatedConfig, Error> {
    Spec::load(spec)?.validate_partial(partial_default_config, source_config, options)
}

pub(crate) fn validate_with(
    spec: &Spec,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
    options: &ValidationOptions,
) -> Result<ValidatedConfig, Error> {
    let compiled = spec.compiled();
    let root = &compiled.schema;
    let validator = compiled.validator(options.assert_date_time)?;

    let mut sent = source_config.clone();
    let coercions = if options.coerce_scalars {
        coerce::coerce(
            root,
            &compiled.discriminators,
            &mut sent,
            partial_default_config,
            &compiled.secret_paths,
        )
    } else {
        Vec::new()
    };

    let mut problems: Vec<ConfigError> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let user_sent_mask = map_contains_mask(&sent);
    if user_sent_mask {
        let sent_value = Value::Object(sent);
        for path in secrets::masked_paths(root, &sent_value) {
            if options.skip_masked_secrets {
                skipped.push(path);
            } else {
                problems.push(ConfigError {
                    message: format!(
                        "{} at {path} is the mask \"{SECRET_MASK}\" that the service returns in \
                         place of secrets; send the real value",
                        translate::subject(&path)
                    ),
                    path,
                    keyword: "airbyte_secret".to_owned(),
                });
            }
        }
        sent = into_map(sent_value);
    }

    let mut merged_value = Value::Object(merge::merge(
        root,
        &compiled.discriminators,
        partial_default_config,
        &sent,
    ));

    // The common case first: a merged config that is already valid has every required
    // property (in each object the schema describes, and in the `oneOf` branch its
    // discriminator selects), so no default would be injected and no error translated.
    let valid_as_merged = problems.is_empty() && validator.is_valid(&merged_value);
    let defaults_applied = match &mut merged_value {
        Value::Object(merged) if options.inject_defaults && !valid_as_merged => {
            merge::inject_defaults(compiled, merged, &mut sent)
        }
        _ => Vec::new(),
    };

    // Every mask left in the merged config: refused above, skipped at the user's request, or
    // from the template defaults (whose real values the service holds). Their schema errors
    // (a pattern, a minimum length) are not reported.
    let all_masked = if user_sent_mask || map_contains_mask(partial_default_config) {
        secrets::masked_paths(root, &merged_value)
    } else {
        Vec::new()
    };
    for path in &all_masked {
        if problems.iter().all(|p| &p.path != path) && !skipped.contains(path) {
            skipped.push(path.clone());
        }
    }

    // Injected defaults often make it valid: collecting (and translating) errors costs more.
    let valid = valid_as_merged || (problems.is_empty() && validator.is_valid(&merged_value));
    if !valid {
        let raw: Vec<_> = validator.iter_errors(&merged_value).collect();
        if !raw.is_empty() {
            let translator = translate::Translator::new(
                root,
                &compiled.discriminators,
                &merged_value,
                &compiled.secret_paths,
            );
            problems.extend(translator.translate(&raw).into_iter().filter(|e| {
                !all_masked
                    .iter()
                    .any(|masked| secrets::pointer_is_under(masked, &e.path))
            }));
        }
    }

    if !problems.is_empty() {
        return Err(Error::InvalidConfig {
            detail: translate::summary(&problems),
            errors: problems,
        });
    }
    Ok(ValidatedConfig {
        merged: into_map(merged_value),
        source_config: sent,
        coercions,
        defaults_applied,
        skipped_masked_secrets: skipped,
        spec: spec.clone(),
    })
}

/// [`Spec::is_valid`]: the answer of `validate_with(spec, {}, source_config, strict)`, taking
/// the same steps only as far as the one that decides it, and building nothing it would
/// return.
pub(crate) fn is_valid_default(spec: &Spec, source_config: &Map<String, Value>) -> bool {
    is_valid_object(spec, Value::Object(source_config.clone()))
}

/// [`Spec::is_valid_text`]: [`is_valid_default`] of the object the text spells, parsed once
/// into the value that is validated.
pub(crate) fn is_valid_text_default(spec: &Spec, source_config: &str) -> Result<bool, Error> {
    match serde_json::from_str::<Value>(source_config) {
        Ok(config @ Value::Object(_)) => Ok(is_valid_object(spec, config)),
        _ => Err(crate::unparsed::problem("source_config", source_config)),
    }
}

/// [`is_valid_default`] of `config`, a [`Value::Object`] (any other value is not valid).
fn is_valid_object(spec: &Spec, mut config: Value) -> bool {
    let options = ValidationOptions::default();
    let Value::Object(map) = &config else {
        return false;
    };
    if map_contains_mask(map) {
        // Whether a mask is refused depends on its path: the full walk decides.
        return validate_with(spec, &Map::new(), map, &options).is_ok();
    }
    let compiled = spec.compiled();
    let Ok(validator) = compiled.validator(options.assert_date_time) else {
        return false;
    };
    // With no defaults, the merged config is the config itself (`merge::merge`).
    if validator.is_valid(&config) {
        return true;
    }
    if !options.inject_defaults {
        return false;
    }
    if let Value::Object(merged) = &mut config {
        let mut sent = merged.clone();
        merge::inject_defaults(compiled, merged, &mut sent);
    }
    validator.is_valid(&config)
}

/// The map inside a value built from one.
fn into_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => unreachable!("built from a map"),
    }
}

fn map_contains_mask(map: &Map<String, Value>) -> bool {
    fn walk(value: &Value) -> bool {
        match value {
            Value::String(s) => s == SECRET_MASK,
            Value::Array(items) => items.iter().any(walk),
            Value::Object(map) => map.values().any(walk),
            _ => false,
        }
    }
    map.values().any(walk)
}

/// `partial_default_config` with `source_config` merged over it, as the service merges them.
///
/// User values win. Two objects are merged key by key when the spec describes the property as
/// a plain object. For a `oneOf`/`anyOf` property with a discriminator, they are merged only
/// when they are the same branch (the user's object has the default's discriminator value, or
/// none); a user object of another branch, or of a `oneOf` without discriminator, replaces the
/// default object wholesale. Arrays, scalars and undeclared properties are replaced. The spec
/// need not compile; unreadable parts of it read as "no schema" (plain replacement).
pub fn merge_config(
    spec: &Value,
    partial_default_config: &Map<String, Value>,
    source_config: &Map<String, Value>,
) -> Map<String, Value> {
    merge::merge(
        connection_schema(spec),
        &schema::Discriminators::default(),
        partial_default_config,
        source_config,
    )
}

/// Returns `config` with every value at an `airbyte_secret` path of `spec` replaced by
/// [`SECRET_MASK`] (as the service does in responses, and as logs must).
///
/// Covers secrets in nested objects, in every `oneOf`/`anyOf`/`allOf` branch (a key secret in
/// any branch is masked whichever branch the config picks), behind local `$ref`s, in array
/// items and under `additionalProperties`. `null` values stay `null`. Works on any input
/// without compiling the spec and never panics: with a spec it cannot read, nothing is
/// masked (use [`redact_config`] for logs).
pub fn mask_secrets(spec: &Value, config: &Value) -> Value {
    secrets::mask(connection_schema(spec), config, secrets::Mode::Secrets)
}

/// Returns `config` redacted for logs and `Debug` output: secrets masked as by
/// [`mask_secrets`], and every scalar the spec does not describe (an undeclared key, an entry
/// of an untyped array) replaced by [`SECRET_MASK`] too — an allow-list, so an unexpected
/// field never leaks. With a spec it cannot read, every scalar is masked (the shape stays).
pub fn redact_config(spec: &Value, config: &Value) -> Value {
    secrets::mask(connection_schema(spec), config, secrets::Mode::Redact)
}

/// Every `airbyte_secret` path of `spec` as a JSON pointer, `*` standing for any array index
/// (`["/password", "/credentials/client_secret", "/tunnels/*/ssh_key"]`). See
/// [`Spec::secret_paths`].
///
/// # Errors
/// [`Error::InvalidSpec`] when the spec does not load.
pub fn secret_paths(spec: &Value) -> Result<Vec<String>, Error> {
    Ok(Spec::load(spec)?.secret_paths().to_vec())
}

/// JSON pointers (concrete indices, no `*`) of every value in `config` that is exactly
/// [`SECRET_MASK`] at a secret path of `spec`: what a fetched config hides. Never fails.
pub fn masked_secret_paths(spec: &Value, config: &Value) -> Vec<String> {
    secrets::masked_paths(connection_schema(spec), config)
}

/// The spec an end user fills for a template: `connector_spec` with every field that
/// `partial_default_config` supplies removed from `required`, at the top level and inside the
/// nested objects the defaults supply (for a discriminated `oneOf`, inside the branch the
/// default's object selects). Keeps the input's outer shape (`ConnectorSpecification` in,
/// `ConnectorSpecification` out; manifest and bare schemas likewise). A `$ref`'d schema that
/// changes is inlined at that place. Never fails; a spec it cannot read is returned as is.
pub fn user_config_spec(
    connector_spec: &Value,
    partial_default_config: &Map<String, Value>,
) -> Value {
    merge::user_config_spec(connector_spec, partial_default_config)
}

/// The form model of `spec` for a template with `partial_default_config` (see [`Form`] for
/// ordering, hidden fields and `oneOf` choices). Serialise it with `serde_json` for bindings.
///
/// # Errors
/// [`Error::InvalidSpec`] when the spec does not load.
pub fn form_model(
    spec: &Value,
    partial_default_config: &Map<String, Value>,
) -> Result<Form, Error> {
    Ok(Spec::load(spec)?.form_with(spec, partial_default_config))
}

/// Drops every compiled spec from the process-wide cache (which holds at most
/// [`SPEC_CACHE_CAPACITY`]). [`Spec`] handles already loaded stay usable.
pub fn clear_spec_cache() {
    cache::global().clear();
}

#[cfg(test)]
mod tests;
