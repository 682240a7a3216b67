//! A connector spec as the SDK holds it: finding the schema inside it, its draft, and the
//! [`Spec`] handle (compiling is in `compile.rs`).

use std::fmt;
use std::sync::Arc;

use jsonschema::Draft;
use serde_json::{Map, Value};

use super::compile::Compiled;
use super::form::{self, Form};
use super::{ValidatedConfig, ValidationOptions, cache, secrets};
use crate::Error;

/// The JSON Schema inside a connector spec: `connectionSpecification` (a
/// `ConnectorSpecification`), `connection_specification` (a connector manifest), or the value
/// itself (a bare schema).
pub fn connection_schema(spec: &Value) -> &Value {
    spec.get("connectionSpecification")
        .or_else(|| spec.get("connection_specification"))
        .unwrap_or(spec)
}

/// Mutable access to the schema inside a connector spec (see [`connection_schema`]).
pub(crate) fn connection_schema_mut(spec: &mut Value) -> &mut Value {
    let key = if spec.get("connectionSpecification").is_some() {
        "connectionSpecification"
    } else if spec.get("connection_specification").is_some() {
        "connection_specification"
    } else {
        return spec;
    };
    match spec.get_mut(key) {
        Some(inner) => inner,
        None => unreachable!("key checked above"),
    }
}

/// The JSON Schema draft a spec is written in, from its `$schema` (draft-07 when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SchemaDraft {
    /// `http://json-schema.org/draft-04/schema#`.
    Draft04,
    /// `http://json-schema.org/draft-06/schema#`.
    Draft06,
    /// `http://json-schema.org/draft-07/schema#`, and every spec without `$schema`.
    Draft07,
    /// `https://json-schema.org/draft/2019-09/schema`.
    Draft2019_09,
    /// `https://json-schema.org/draft/2020-12/schema`.
    Draft2020_12,
}

impl SchemaDraft {
    /// Detects the draft of a JSON Schema from its `$schema` (scheme `http` or `https`, with
    /// or without the trailing `#`). A schema without `$schema` is draft-07, the Airbyte norm.
    ///
    /// # Errors
    /// [`Error::InvalidSpec`] when `$schema` is not a string or names another meta-schema.
    pub fn detect(schema: &Value) -> Result<SchemaDraft, Error> {
        let Some(declared) = schema.get("$schema") else {
            return Ok(SchemaDraft::Draft07);
        };
        let Some(uri) = declared.as_str() else {
            return Err(invalid_spec("`$schema` must be a string"));
        };
        let trimmed = uri.trim().trim_end_matches('#').trim_end_matches('/');
        let bare = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .unwrap_or(trimmed);
        Ok(match bare {
            "json-schema.org/draft-04/schema" => SchemaDraft::Draft04,
            "json-schema.org/draft-06/schema" => SchemaDraft::Draft06,
            "json-schema.org/draft-07/schema" => SchemaDraft::Draft07,
            "json-schema.org/draft/2019-09/schema" => SchemaDraft::Draft2019_09,
            "json-schema.org/draft/2020-12/schema" => SchemaDraft::Draft2020_12,
            _ => {
                return Err(invalid_spec(format!(
                    "unknown `$schema` {uri:?}: supported drafts are 04, 06, 07, 2019-09 and \
                     2020-12 (custom meta-schemas are never fetched)"
                )));
            }
        })
    }

    /// The canonical meta-schema URI of the draft.
    pub fn uri(self) -> &'static str {
        match self {
            SchemaDraft::Draft04 => "http://json-schema.org/draft-04/schema#",
            SchemaDraft::Draft06 => "http://json-schema.org/draft-06/schema#",
            SchemaDraft::Draft07 => "http://json-schema.org/draft-07/schema#",
            SchemaDraft::Draft2019_09 => "https://json-schema.org/draft/2019-09/schema",
            SchemaDraft::Draft2020_12 => "https://json-schema.org/draft/2020-12/schema",
        }
    }

    pub(super) fn engine(self) -> Draft {
        match self {
            SchemaDraft::Draft04 => Draft::Draft4,
            SchemaDraft::Draft06 => Draft::Draft6,
            SchemaDraft::Draft07 => Draft::Draft7,
            SchemaDraft::Draft2019_09 => Draft::Draft201909,
            SchemaDraft::Draft2020_12 => Draft::Draft202012,
        }
    }
}

pub(crate) fn invalid_spec(detail: impl Into<String>) -> Error {
    Error::InvalidSpec {
        detail: detail.into(),
    }
}

/// A loaded and compiled connector spec, cheap to clone (an `Arc`) and safe to share between
/// threads.
///
/// Hold one per source template to skip even the cache lookup: [`Spec::validate`] then costs
/// only the validation itself. The free functions of this module ([`super::validate_source_config`],
/// …) load through the same process-wide cache.
#[derive(Clone)]
pub struct Spec {
    inner: Arc<Compiled>,
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("draft", &self.inner.draft)
            .field("title", &self.inner.schema.get("title"))
            .field("secret_paths", &self.inner.secret_paths)
            .finish_non_exhaustive()
    }
}

impl Spec {
    /// Loads `spec` through the process-wide cache: the first call for a spec compiles it
    /// (milliseconds), later calls with the same content return the compiled one (a hash of
    /// the schema, microseconds).
    ///
    /// `spec` is a `ConnectorSpecification` (`{"connectionSpecification": {…}}`), a manifest
    /// spec (`{"connection_specification": {…}}`) or a bare JSON Schema. Unknown keywords
    /// (`airbyte_secret`, `order`, `group`, `min`, …) are ignored.
    ///
    /// # Errors
    /// [`Error::InvalidSpec`] when the schema is not an object, names an unknown `$schema`,
    /// contains a remote `$ref` (nothing is ever fetched), a `$ref` that does not resolve, or
    /// is not valid JSON Schema for its draft (for example an invalid `pattern`).
    pub fn load(spec: &Value) -> Result<Spec, Error> {
        cache::global()
            .get_or_compile(connection_schema(spec))
            .map(|inner| Spec { inner })
    }

    /// Compiles `spec` without the cache (what [`Spec::load`] costs on a miss).
    ///
    /// # Errors
    /// As [`Spec::load`].
    pub fn compile(spec: &Value) -> Result<Spec, Error> {
        Compiled::compile(spec).map(|c| Spec { inner: Arc::new(c) })
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.inner
    }

    /// The connection schema (the JSON Schema inside the spec).
    pub fn schema(&self) -> &Value {
        &self.inner.schema
    }

    /// The draft the schema is validated under.
    pub fn draft(&self) -> SchemaDraft {
        self.inner.draft
    }

    /// Every `airbyte_secret` (or legacy `airbyte_sensitive`) path as a JSON pointer into a
    /// config, `*` standing for any array index
    /// (`["/password", "/credentials/client_secret", "/tunnel/keys/*/private_key"]`).
    /// Secrets inside nested objects, every `oneOf`/`anyOf`/`allOf` branch, `$ref`s and array
    /// items are included, each path once, in schema order. Secrets declared only under
    /// `additionalProperties`/`patternProperties` have no fixed path and are not listed (the
    /// value walkers, [`super::mask_secrets`] included, still find them).
    pub fn secret_paths(&self) -> &[String] {
        &self.inner.secret_paths
    }

    /// Validates `merge(partial_default_config, source_config)`; see
    /// [`super::validate_source_config`] for the rules and errors.
    ///
    /// # Errors
    /// As [`super::validate_source_config`].
    pub fn validate(
        &self,
        partial_default_config: &Map<String, Value>,
        source_config: &Map<String, Value>,
        options: &ValidationOptions,
    ) -> Result<ValidatedConfig, Error> {
        super::validate_with(self, partial_default_config, source_config, options)
    }

    /// Whether `source_config` (with no template defaults, under the strict
    /// [`ValidationOptions::default`]) passes: exactly when
    /// `self.validate(&Map::new(), source_config, &ValidationOptions::default())` is `Ok`,
    /// without building the validated config or translating errors. For a yes/no answer per
    /// keystroke or per request; [`Spec::validate`] says what is wrong. Sends nothing; a small
    /// config's answer takes well under a microsecond (`cargo bench --bench validation`,
    /// yes/no).
    pub fn is_valid(&self, source_config: &Map<String, Value>) -> bool {
        super::is_valid_default(self, source_config)
    }

    /// [`Spec::is_valid`] of the JSON object text `source_config`, parsed straight into the
    /// value that is validated (a request body, a config file). Sends nothing.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `source_config` when the text is not JSON or not an
    /// object (a config that is merely invalid answers `Ok(false)`).
    pub fn is_valid_text(&self, source_config: &str) -> Result<bool, Error> {
        super::is_valid_text_default(self, source_config)
    }

    /// Validates a *partial* config (the `source_config` of an update) over
    /// `partial_default_config`; see [`super::validate_partial_config`] for the rules. The
    /// partial schema is compiled on the first call and kept with this spec.
    ///
    /// # Errors
    /// As [`super::validate_partial_config`].
    pub fn validate_partial(
        &self,
        partial_default_config: &Map<String, Value>,
        source_config: &Map<String, Value>,
        options: &ValidationOptions,
    ) -> Result<ValidatedConfig, Error> {
        super::partial::validate_partial(self, partial_default_config, source_config, options)
    }

    /// The compiled partial schema of this spec, compiled on first use.
    pub(crate) fn partial(&self) -> Result<Spec, Error> {
        self.inner.partial().map(|inner| Spec { inner })
    }

    /// `config` with every secret replaced by [`super::SECRET_MASK`]; see
    /// [`super::mask_secrets`].
    pub fn mask_secrets(&self, config: &Value) -> Value {
        secrets::mask(&self.inner.schema, config, secrets::Mode::Secrets)
    }

    /// The form an end user fills for a template; see [`super::form_model`]. Its
    /// `documentation_url` and `advanced_auth` are left out (they are outside the connection
    /// schema): [`Spec::form_with`] reads them.
    pub fn form(&self, partial_default_config: &Map<String, Value>) -> Form {
        form::build(self, None, partial_default_config)
    }

    /// [`Spec::form`] with `documentation_url` and `advanced_auth` read from
    /// `connector_spec`, the spec this one was loaded from: what [`super::form_model`] gives,
    /// without looking the spec up again.
    pub fn form_with(
        &self,
        connector_spec: &Value,
        partial_default_config: &Map<String, Value>,
    ) -> Form {
        form::build(self, Some(connector_spec), partial_default_config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_three_spellings_load_the_same_schema() {
        let schema = json!({"type": "object", "properties": {"a": {"type": "integer"}}});
        let wrapped = json!({"connectionSpecification": schema.clone(), "documentationUrl": "x"});
        let manifest = json!({"connection_specification": schema.clone()});
        assert_eq!(connection_schema(&wrapped), &schema);
        assert_eq!(connection_schema(&manifest), &schema);
        assert_eq!(connection_schema(&schema), &schema);
    }

    #[test]
    fn the_partial_schema_is_compiled_once_per_spec() {
        let spec = Spec::compile(&json!({"type": "object", "required": ["a"],
            "properties": {"a": {"type": "integer"}}}))
        .unwrap();
        let first = spec.partial().unwrap();
        assert!(Arc::ptr_eq(&first.inner, &spec.partial().unwrap().inner));
        let none = serde_json::Map::new();
        let options = ValidationOptions::default();
        assert!(spec.validate_partial(&none, &none, &options).is_ok());
        assert!(spec.validate(&none, &none, &options).is_err());
    }

    #[test]
    fn drafts_are_detected_from_schema() {
        let d = |s: &str| SchemaDraft::detect(&json!({"$schema": s}));
        assert_eq!(
            SchemaDraft::detect(&json!({})).unwrap(),
            SchemaDraft::Draft07
        );
        assert_eq!(
            d("http://json-schema.org/draft-07/schema#").unwrap(),
            SchemaDraft::Draft07
        );
        assert_eq!(
            d("https://json-schema.org/draft-07/schema").unwrap(),
            SchemaDraft::Draft07
        );
        assert_eq!(
            d("https://json-schema.org/draft/2020-12/schema").unwrap(),
            SchemaDraft::Draft2020_12
        );
        assert_eq!(
            d("http://json-schema.org/draft-04/schema#").unwrap(),
            SchemaDraft::Draft04
        );
        assert!(matches!(
            d("https://example.com/my-meta"),
            Err(Error::InvalidSpec { .. })
        ));
        assert!(matches!(
            SchemaDraft::detect(&json!({"$schema": 7})),
            Err(Error::InvalidSpec { .. })
        ));
    }
}
