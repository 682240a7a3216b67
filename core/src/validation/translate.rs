//! Turning `jsonschema` errors into [`ConfigError`]s an end user can act on.
//!
//! - Paths are JSON pointers into the config. A missing required field is reported at the
//!   field's own path (`/ssl_mode/ca_certificate`), an unexpected one at its path too.
//! - A `oneOf`/`anyOf` with a discriminator (see [`schema::discriminator`]) is reported through
//!   the branch the config selects: that branch's own errors, a missing required field phrased
//!   `"ca_certificate" is required when "mode" is "verify-ca"`. A missing discriminator is a
//!   `required` error at its path listing the allowed values; an unknown one is a `oneOf` error
//!   at its path listing them; a non-object where the branches are objects is a `type` error.
//! - A `oneOf`/`anyOf` without a discriminator is reported through the only branch whose type
//!   fits the value, if exactly one does, else as one error naming the options.
//! - Messages never quote a value at a secret path (they name its type instead).

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;

use super::ConfigError;
use super::schema::{self, Discriminator, Discriminators};
use super::secrets;

/// The most values a message lists before `…`.
const MAX_LISTED: usize = 20;
/// The most characters of a string a message quotes before `…`.
const MAX_QUOTED: usize = 80;

/// The branch a discriminator selected, for phrasing errors at the branch's object.
struct When {
    at: String,
    key: String,
    value: Value,
}

impl When {
    fn suffix(&self, path: &str) -> String {
        if path == self.at {
            format!(" when \"{}\" is {}", self.key, show(&self.value))
        } else {
            String::new()
        }
    }
}

/// Translates raw errors for one validated config.
pub(crate) struct Translator<'a> {
    root: &'a Value,
    known: &'a Discriminators,
    secret_patterns: &'a [String],
    secret_values: Vec<String>,
}

impl<'a> Translator<'a> {
    /// A translator for errors of `instance` (the merged config) against `root`, whose
    /// discriminators `known` holds (or is empty).
    pub(crate) fn new(
        root: &'a Value,
        known: &'a Discriminators,
        instance: &'a Value,
        secret_patterns: &'a [String],
    ) -> Self {
        Translator {
            root,
            known,
            secret_patterns,
            secret_values: secrets::secret_value_paths(root, instance),
        }
    }

    /// Every error, translated, in the validator's order, without duplicates.
    pub(crate) fn translate(&self, errors: &[ValidationError<'_>]) -> Vec<ConfigError> {
        let mut out = Vec::new();
        for error in errors {
            self.one(error, None, &mut out);
        }
        let mut unique: Vec<ConfigError> = Vec::with_capacity(out.len());
        for error in out {
            if !unique.contains(&error) {
                unique.push(error);
            }
        }
        unique
    }

    fn is_secret(&self, path: &str) -> bool {
        self.secret_patterns
            .iter()
            .chain(&self.secret_values)
            .any(|p| secrets::pointer_is_under(p, path))
    }

    fn got(&self, path: &str, value: &Value) -> String {
        if self.is_secret(path) {
            describe_type(value).to_owned()
        } else {
            describe(value)
        }
    }

    /// The schema object holding the keyword an error is about.
    fn keyword_owner(&self, error: &ValidationError<'_>) -> Option<&'a Value> {
        let location = error.schema_path().as_str();
        let parent = location.rsplit_once('/').map_or("", |(p, _)| p);
        self.root.pointer(parent)
    }

    fn one(&self, error: &ValidationError<'_>, when: Option<&When>, out: &mut Vec<ConfigError>) {
        let path = error.instance_path().as_str().to_owned();
        let instance = error.instance();
        let value: &Value = instance.as_ref();
        let name = subject(&path);
        let suffix = when.map(|w| w.suffix(&path)).unwrap_or_default();
        let keyword = error.kind().keyword().to_owned();
        match error.kind() {
            ValidationErrorKind::OneOfNotValid { context }
            | ValidationErrorKind::AnyOf { context } => {
                return self.combinator(error, &path, value, context, false, out);
            }
            ValidationErrorKind::OneOfMultipleValid { context } => {
                return self.combinator(error, &path, value, context, true, out);
            }
            _ => {}
        }
        let mut push = |path: String, message: String, keyword: &str| {
            out.push(ConfigError {
                path,
                message,
                keyword: keyword.to_owned(),
            });
        };
        match error.kind() {
            ValidationErrorKind::Required { property } => {
                let key = property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_owned);
                push(
                    schema::join_pointer(&path, &key),
                    format!("\"{key}\" is required{suffix}"),
                    &keyword,
                );
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => type_phrase(*t).to_owned(),
                    TypeKind::Multiple(set) => {
                        set.iter().map(type_phrase).collect::<Vec<_>>().join(" or ")
                    }
                };
                push(
                    path.clone(),
                    format!("{name} must be {expected}, got {}", self.got(&path, value)),
                    &keyword,
                );
            }
            ValidationErrorKind::Enum { options } => {
                let listed = list(options.as_array().map(Vec::as_slice).unwrap_or_default());
                push(
                    path.clone(),
                    format!(
                        "{name} must be one of: {listed}; got {}",
                        self.got(&path, value)
                    ),
                    &keyword,
                );
            }
            ValidationErrorKind::Constant { expected_value } => push(
                path.clone(),
                format!(
                    "{name} must be {}, got {}",
                    show(expected_value),
                    self.got(&path, value)
                ),
                &keyword,
            ),
            ValidationErrorKind::Pattern { pattern } => {
                let owner = self.keyword_owner(error);
                let hint = owner
                    .and_then(|o| o.get("pattern_descriptor"))
                    .and_then(Value::as_str);
                let example = owner
                    .and_then(|o| o.get("examples"))
                    .and_then(Value::as_array)
                    .and_then(|e| e.iter().find(|x| x.is_string()));
                let mut message = match hint {
                    Some(hint) => format!("{name} must have the format {hint}"),
                    None => format!("{name} must match the pattern {pattern}"),
                };
                if let Some(example) = example.filter(|_| !self.is_secret(&path)) {
                    message.push_str(&format!(" (for example {})", show(example)));
                }
                message.push_str(&format!(", got {}", self.got(&path, value)));
                push(path.clone(), message, &keyword);
            }
            ValidationErrorKind::BacktrackLimitExceeded { .. }
            | ValidationErrorKind::RegexEngineFailure { .. } => push(
                path.clone(),
                format!("{name} could not be checked against its pattern (it is too complex)"),
                &keyword,
            ),
            ValidationErrorKind::Format { format } => {
                let expected = match format.as_str() {
                    "date-time" => {
                        "an RFC 3339 date-time such as \"2024-01-01T00:00:00Z\"".to_owned()
                    }
                    "date" => "a date such as \"2024-01-01\"".to_owned(),
                    "time" => "a time such as \"12:00:00Z\"".to_owned(),
                    other => format!("a valid {other}"),
                };
                push(
                    path.clone(),
                    format!("{name} must be {expected}, got {}", self.got(&path, value)),
                    &keyword,
                );
            }
            ValidationErrorKind::Minimum { limit } => {
                self.bound(&mut push, &path, &name, "at least", limit, value, &keyword)
            }
            ValidationErrorKind::Maximum { limit } => {
                self.bound(&mut push, &path, &name, "at most", limit, value, &keyword)
            }
            ValidationErrorKind::ExclusiveMinimum { limit } => self.bound(
                &mut push,
                &path,
                &name,
                "greater than",
                limit,
                value,
                &keyword,
            ),
            ValidationErrorKind::ExclusiveMaximum { limit } => {
                self.bound(&mut push, &path, &name, "less than", limit, value, &keyword)
            }
            ValidationErrorKind::MultipleOf { multiple_of } => push(
                path.clone(),
                format!(
                    "{name} must be a multiple of {multiple_of}, got {}",
                    self.got(&path, value)
                ),
                &keyword,
            ),
            ValidationErrorKind::MinLength { limit } => push(
                path.clone(),
                format!("{name} must be at least {}", plural(*limit, "character")),
                &keyword,
            ),
            ValidationErrorKind::MaxLength { limit } => push(
                path.clone(),
                format!("{name} must be at most {}", plural(*limit, "character")),
                &keyword,
            ),
            ValidationErrorKind::MinItems { limit } => push(
                path.clone(),
                format!("{name} must have at least {}", plural(*limit, "item")),
                &keyword,
            ),
            ValidationErrorKind::MaxItems { limit } => push(
                path.clone(),
                format!("{name} must have at most {}", plural(*limit, "item")),
                &keyword,
            ),
            ValidationErrorKind::MinProperties { limit } => push(
                path.clone(),
                format!("{name} must have at least {}", plural(*limit, "field")),
                &keyword,
            ),
            ValidationErrorKind::MaxProperties { limit } => push(
                path.clone(),
                format!("{name} must have at most {}", plural(*limit, "field")),
                &keyword,
            ),
            ValidationErrorKind::UniqueItems => push(
                path.clone(),
                format!("{name} must not contain duplicate items"),
                &keyword,
            ),
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                let allowed = self
                    .keyword_owner(error)
                    .map(|owner| schema::property_keys(&schema::parts(self.root, owner)))
                    .unwrap_or_default();
                let allowed = if allowed.is_empty() {
                    String::from("; no fields are allowed here")
                } else {
                    let keys: Vec<Value> =
                        allowed.iter().map(|k| Value::String((*k).into())).collect();
                    format!("; allowed fields are {}", list(&keys))
                };
                for key in unexpected {
                    push(
                        schema::join_pointer(&path, key),
                        format!("\"{key}\" is not allowed{suffix}{allowed}"),
                        &keyword,
                    );
                }
            }
            ValidationErrorKind::AdditionalItems { limit } => push(
                path.clone(),
                format!("{name} must have at most {}", plural(*limit as u64, "item")),
                &keyword,
            ),
            ValidationErrorKind::UnevaluatedItems { .. } => push(
                path.clone(),
                format!("{name} has items that are not allowed"),
                &keyword,
            ),
            ValidationErrorKind::Contains => push(
                path.clone(),
                format!("{name} must contain at least one matching item"),
                &keyword,
            ),
            ValidationErrorKind::PropertyNames { .. } => push(
                path.clone(),
                format!("{name} has a field name that is not allowed"),
                &keyword,
            ),
            ValidationErrorKind::Not { .. } => push(
                path.clone(),
                format!("{name} has a value that is not allowed"),
                &keyword,
            ),
            ValidationErrorKind::FalseSchema => {
                push(path.clone(), format!("{name} is not allowed"), &keyword)
            }
            _ => push(
                path.clone(),
                format!("{name} is not valid ({})", error.masked()),
                &keyword,
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn bound(
        &self,
        push: &mut impl FnMut(String, String, &str),
        path: &str,
        name: &str,
        relation: &str,
        limit: &Value,
        value: &Value,
        keyword: &str,
    ) {
        push(
            path.to_owned(),
            format!(
                "{name} must be {relation} {limit}, got {}",
                self.got(path, value)
            ),
            keyword,
        );
    }

    fn combinator(
        &self,
        error: &ValidationError<'_>,
        path: &str,
        value: &Value,
        context: &[Vec<ValidationError<'static>>],
        several_match: bool,
        out: &mut Vec<ConfigError>,
    ) {
        let keyword = error.kind().keyword().to_owned();
        let name = subject(path);
        let branches: Vec<&Value> = self
            .root
            .pointer(error.schema_path().as_str())
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let disc = self.known.find(self.root, &branches);
        let labels: Vec<Value> = branches
            .iter()
            .enumerate()
            .map(|(i, b)| Value::String(schema::branch_label(self.root, b, i, disc.as_deref())))
            .collect();
        let mut push = |path: String, message: String, keyword: &str| {
            out.push(ConfigError {
                path,
                message,
                keyword: keyword.to_owned(),
            });
        };

        if let Some(disc) = disc {
            let object = match value {
                Value::Object(object) => object,
                other => {
                    push(
                        path.to_owned(),
                        format!("{name} must be an object, got {}", self.got(path, other)),
                        "type",
                    );
                    return;
                }
            };
            let allowed = list(&disc.values);
            let disc_path = schema::join_pointer(path, &disc.key);
            let Some(chosen) = object.get(&disc.key) else {
                push(
                    disc_path,
                    format!("\"{}\" is required; it must be one of: {allowed}", disc.key),
                    "required",
                );
                return;
            };
            let Some(index) = disc.branch_for(chosen) else {
                push(
                    disc_path.clone(),
                    format!(
                        "\"{}\" must be one of: {allowed}; got {}",
                        disc.key,
                        self.got(&disc_path, chosen)
                    ),
                    &keyword,
                );
                return;
            };
            if !several_match {
                self.branch_errors(path, &disc, index, context, out);
                return;
            }
        } else if !several_match {
            // Without a discriminator, a branch is only meaningful if it is the one whose type
            // fits the value.
            let fitting: Vec<usize> = context
                .iter()
                .enumerate()
                .filter(|(_, errs)| {
                    !errs.iter().any(|e| {
                        e.instance_path().as_str() == path
                            && matches!(e.kind(), ValidationErrorKind::Type { .. })
                    })
                })
                .map(|(i, _)| i)
                .collect();
            if let [only] = fitting.as_slice() {
                for e in &context[*only] {
                    self.one(e, None, out);
                }
                return;
            }
            push(
                path.to_owned(),
                format!(
                    "{name} does not match any of the options: {}",
                    list(&labels)
                ),
                &keyword,
            );
            return;
        }
        push(
            path.to_owned(),
            format!(
                "{name} matches more than one of the options ({}); it must match exactly one",
                list(&labels)
            ),
            &keyword,
        );
    }

    fn branch_errors(
        &self,
        path: &str,
        disc: &Discriminator,
        index: usize,
        context: &[Vec<ValidationError<'static>>],
        out: &mut Vec<ConfigError>,
    ) {
        let when = When {
            at: path.to_owned(),
            key: disc.key.clone(),
            value: disc.values[index].clone(),
        };
        if let Some(errors) = context.get(index) {
            for e in errors {
                self.one(e, Some(&when), out);
            }
        }
    }
}

/// How a message names the value at `path`: `"port"`, `"hosts[2]"`, or `the config`.
pub(crate) fn subject(path: &str) -> String {
    let segments = schema::pointer_segments(path);
    match segments.as_slice() {
        [] => "the config".to_owned(),
        [.., parent, last] if last.bytes().all(|b| b.is_ascii_digit()) => {
            format!("\"{parent}[{last}]\"")
        }
        [.., last] => format!("\"{last}\""),
    }
}

fn type_phrase(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "an array",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Null => "null",
        JsonType::Number => "a number",
        JsonType::Object => "an object",
        JsonType::String => "a string",
    }
}

/// The type of a value, with an article (`a string`, `an object`, `null`).
pub(crate) fn describe_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value as a message quotes it: `the string "5432"`, `the number 1.5`, `an object`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => format!("the string {}", show(value)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Compact JSON of a value, long strings cut with `…`.
fn show_raw(value: &Value) -> String {
    match value {
        Value::String(s) if s.chars().count() > MAX_QUOTED => {
            let cut: String = s.chars().take(MAX_QUOTED - 1).collect();
            format!(
                "{}…\"",
                &Value::String(cut).to_string().trim_end_matches('"')
            )
        }
        other => other.to_string(),
    }
}

/// [`show_raw`] scrubbed: a token pasted into a field that is not secret is still not shown.
fn show(value: &Value) -> String {
    crate::redact::scrub(&show_raw(value))
}

fn list(values: &[Value]) -> String {
    let mut shown: Vec<String> = values.iter().take(MAX_LISTED).map(show).collect();
    if values.len() > MAX_LISTED {
        shown.push("…".to_owned());
    }
    shown.join(", ")
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A one-line summary of a list of errors, for [`crate::Error::InvalidConfig`]'s `detail`.
pub(crate) fn summary(errors: &[ConfigError]) -> String {
    const SHOWN: usize = 3;
    match errors {
        [] => "no problems".to_owned(),
        [only] => format!("{} (at {})", only.message, display_path(&only.path)),
        many => {
            let mut text = format!("{} problems: ", many.len());
            let firsts: Vec<String> = many
                .iter()
                .take(SHOWN)
                .map(|e| format!("{} (at {})", e.message, display_path(&e.path)))
                .collect();
            text.push_str(&firsts.join("; "));
            if many.len() > SHOWN {
                text.push_str(&format!("; and {} more", many.len() - SHOWN));
            }
            text
        }
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors_of(schema: Value, instance: Value) -> Vec<ConfigError> {
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap();
        let raw: Vec<_> = validator.iter_errors(&instance).collect();
        let patterns = secrets::secret_paths_of(&schema);
        let known = Discriminators::of(&schema);
        Translator::new(&schema, &known, &instance, &patterns).translate(&raw)
    }

    fn messages(errors: &[ConfigError]) -> Vec<(String, String, String)> {
        errors
            .iter()
            .map(|e| (e.path.clone(), e.keyword.clone(), e.message.clone()))
            .collect()
    }

    fn ssl_spec() -> Value {
        json!({"type": "object", "properties": {"ssl_mode": {"type": "object", "oneOf": [
            {"title": "disable", "required": ["mode"], "properties": {"mode": {"type": "string", "const": "disable"}}},
            {"title": "verify-ca", "required": ["mode", "ca_certificate"], "properties": {
                "mode": {"type": "string", "const": "verify-ca"},
                "ca_certificate": {"type": "string", "airbyte_secret": true},
                "client_key_password": {"type": "string", "airbyte_secret": true, "minLength": 8}}}
        ]}}})
    }

    #[test]
    fn a_discriminated_one_of_reports_the_selected_branch() {
        let errors = errors_of(ssl_spec(), json!({"ssl_mode": {"mode": "verify-ca"}}));
        assert_eq!(
            messages(&errors),
            vec![(
                "/ssl_mode/ca_certificate".into(),
                "required".into(),
                "\"ca_certificate\" is required when \"mode\" is \"verify-ca\"".into()
            )]
        );
    }

    #[test]
    fn a_missing_or_unknown_discriminator_lists_the_allowed_values() {
        let missing = errors_of(ssl_spec(), json!({"ssl_mode": {}}));
        assert_eq!(
            messages(&missing),
            vec![(
                "/ssl_mode/mode".into(),
                "required".into(),
                "\"mode\" is required; it must be one of: \"disable\", \"verify-ca\"".into()
            )]
        );
        let unknown = errors_of(ssl_spec(), json!({"ssl_mode": {"mode": "sometimes"}}));
        assert_eq!(
            messages(&unknown),
            vec![(
                "/ssl_mode/mode".into(),
                "oneOf".into(),
                "\"mode\" must be one of: \"disable\", \"verify-ca\"; got the string \"sometimes\""
                    .into()
            )]
        );
        let not_object = errors_of(ssl_spec(), json!({"ssl_mode": "disable"}));
        assert_eq!(
            messages(&not_object),
            vec![(
                "/ssl_mode".into(),
                "type".into(),
                "\"ssl_mode\" must be an object, got the string \"disable\"".into()
            )]
        );
    }

    #[test]
    fn secret_values_are_never_quoted() {
        let errors = errors_of(
            ssl_spec(),
            json!({"ssl_mode": {"mode": "verify-ca", "ca_certificate": 12345678, "client_key_password": "hunter"}}),
        );
        let text = format!("{errors:?}");
        assert!(!text.contains("12345678"), "{text}");
        assert!(!text.contains("hunter"), "{text}");
        assert_eq!(
            errors[0].message,
            "\"ca_certificate\" must be a string, got an integer"
        );
        assert_eq!(
            errors[1].message,
            "\"client_key_password\" must be at least 8 characters"
        );
    }

    #[test]
    fn types_enums_patterns_formats_and_bounds_read_well() {
        let schema = json!({"type": "object", "required": ["host", "database"], "properties": {
            "host": {"type": "string"},
            "database": {"type": "string"},
            "port": {"type": "integer", "minimum": 0, "maximum": 65536},
            "mode": {"type": "string", "enum": ["a", "b"]},
            "start_date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                           "pattern_descriptor": "YYYY-MM-DDTHH:mm:ssZ", "examples": ["2017-01-25T00:00:00Z"],
                           "format": "date-time"},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}
        }});
        let errors = errors_of(
            schema,
            json!({"port": "5432", "mode": "c", "start_date": "2024-01-01", "tags": [1, 1]}),
        );
        assert_eq!(
            messages(&errors),
            vec![
                ("/host".into(), "required".into(), "\"host\" is required".into()),
                ("/database".into(), "required".into(), "\"database\" is required".into()),
                ("/port".into(), "type".into(), "\"port\" must be an integer, got the string \"5432\"".into()),
                ("/mode".into(), "enum".into(), "\"mode\" must be one of: \"a\", \"b\"; got the string \"c\"".into()),
                ("/start_date".into(), "pattern".into(), "\"start_date\" must have the format YYYY-MM-DDTHH:mm:ssZ (for example \"2017-01-25T00:00:00Z\"), got the string \"2024-01-01\"".into()),
                ("/start_date".into(), "format".into(), "\"start_date\" must be an RFC 3339 date-time such as \"2024-01-01T00:00:00Z\", got the string \"2024-01-01\"".into()),
                ("/tags".into(), "uniqueItems".into(), "\"tags\" must not contain duplicate items".into()),
                ("/tags/0".into(), "type".into(), "\"tags[0]\" must be a string, got the number 1".into()),
                ("/tags/1".into(), "type".into(), "\"tags[1]\" must be a string, got the number 1".into()),
            ]
        );
    }

    #[test]
    fn one_of_without_discriminator_uses_the_fitting_branch_or_names_the_options() {
        let schema = json!({"properties": {"x": {"oneOf": [
            {"title": "Number", "type": "integer", "minimum": 1},
            {"title": "Text", "type": "string"}
        ]}}});
        assert_eq!(
            messages(&errors_of(schema.clone(), json!({"x": 0}))),
            vec![(
                "/x".into(),
                "minimum".into(),
                "\"x\" must be at least 1, got the number 0".into()
            )]
        );
        assert_eq!(
            messages(&errors_of(schema, json!({"x": true}))),
            vec![(
                "/x".into(),
                "oneOf".into(),
                "\"x\" does not match any of the options: \"Number\", \"Text\"".into()
            )]
        );
    }

    #[test]
    fn additional_properties_name_the_allowed_fields_and_the_branch() {
        let schema = json!({"properties": {"provider": {"oneOf": [
            {"additionalProperties": false, "properties": {"storage": {"enum": ["HTTPS"]}, "user_agent": {"type": "boolean"}}},
            {"additionalProperties": false, "properties": {"storage": {"enum": ["GCS"]}, "service_account_json": {"type": "string"}}}
        ]}}});
        assert_eq!(
            messages(&errors_of(schema, json!({"provider": {"storage": "HTTPS", "service_account_json": "{}"}}))),
            vec![(
                "/provider/service_account_json".into(),
                "additionalProperties".into(),
                "\"service_account_json\" is not allowed when \"storage\" is \"HTTPS\"; allowed fields are \"storage\", \"user_agent\"".into()
            )]
        );
    }

    #[test]
    fn subjects_and_summaries() {
        assert_eq!(subject(""), "the config");
        assert_eq!(subject("/a/b~1c"), "\"b/c\"");
        assert_eq!(subject("/hosts/2"), "\"hosts[2]\"");
        let long = "x".repeat(200);
        assert!(show(&json!(long)).ends_with("…\""));
        let e = |m: &str| ConfigError {
            path: "/a".into(),
            message: m.into(),
            keyword: "k".into(),
        };
        assert_eq!(summary(&[e("one")]), "one (at /a)");
        assert_eq!(
            summary(&[e("1"), e("2"), e("3"), e("4"), e("5")]),
            "5 problems: 1 (at /a); 2 (at /a); 3 (at /a); and 2 more"
        );
    }
}
