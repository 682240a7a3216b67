//! What the uniffi derives on the models need (feature `uniffi`): the crate's `UniFfiTag` and
//! the custom types for raw JSON.
//!
//! The facade crate in `bindings/uniffi` has the same library name (`airbyte_embedded`), so
//! uniffi sees the models declared here and the facade's objects as one component, and
//! generates one module per language. The scaffolding itself (`uniffi::setup_scaffolding!`)
//! is the facade's.
//!
//! Connector configs, specs and other raw JSON cross the FFI as JSON text ([`JsonObject`] for
//! objects, [`JsonValue`] for any value); each language's conversion in
//! `bindings/uniffi/uniffi.toml` turns that text into its own values (Python `dict`/`list`,
//! Kotlin `kotlinx.serialization.json` elements, Swift `JSONValue`) and back. Lifting never
//! fails (a record is lifted just to print it, where no error can be raised): text that does
//! not parse, or a native value the foreign conversion could not write (spelled
//! [`unparsed::NOT_JSON`] + why), is carried as the [`unparsed`] stand-in, which every call
//! that would validate or send it refuses with [`Error::InvalidArgument`] naming the field.

use serde_json::{Map, Value};

use crate::{ConnectorSpec, Error, unparsed};

/// The tag uniffi's derives implement their conversions for.
#[doc(hidden)]
pub struct UniFfiTag;

/// A JSON object (a connector config, a template's `partial_default_config`), keys in their
/// original order: a Python `dict`, a Kotlin `JsonObject`, a Swift `JSONObject`
/// (`[String: JSONValue]`). It crosses as JSON object text; empty text is `{}`.
pub type JsonObject = Map<String, Value>;

/// Any JSON value (a connector spec, a field's default): a Python `dict`/`list`/`str`/number/
/// `bool`/`None`, a Kotlin `JsonElement`, a Swift `JSONValue`. It crosses as JSON text.
pub type JsonValue = Value;

uniffi::custom_type!(JsonObject, String, {
    remote,
    lower: |object| object_text(&object),
    try_lift: |text| Ok(lift_object(text)),
});

uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value_text(&value),
    try_lift: |text| Ok(lift_value(text)),
});

// A connector spec crosses as its JSON text, as a `JsonValue` does, and each language's
// conversion is a `JsonValue`'s: the text it was read as goes out without a parse.
uniffi::custom_type!(ConnectorSpec, String, {
    lower: |spec| spec.into_text(),
    try_lift: |text| Ok(lift_spec(text)),
});

impl From<uniffi::UnexpectedUniFFICallbackError> for Error {
    /// An exception of another type raised by a foreign callback (the end-user client's
    /// scoped-token provider): the call that needed it fails with [`Error::TokenProvider`].
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Error::TokenProvider {
            detail: crate::redact::clean(&error.reason),
        }
    }
}

/// An object field's text: `{}` for empty text (the foreign default of such a field), the
/// object it spells, or, for text that is not a JSON object, the [`unparsed`] stand-in that
/// every sending call refuses (as a `JsonObject` argument or field is lifted).
pub fn lift_object(text: String) -> Map<String, Value> {
    if text.trim().is_empty() {
        return Map::new();
    }
    match serde_json::from_str(&text) {
        Ok(Value::Object(object)) => object,
        _ => unparsed::wrap(text),
    }
}

/// A connector spec field's text: the spec it spells (kept as text), or the [`unparsed`]
/// stand-in.
fn lift_spec(text: String) -> ConnectorSpec {
    // The copy is for the stand-in; a foreign language hands a spec in only to print or
    // compare a record.
    ConnectorSpec::from_text(text.clone())
        .unwrap_or_else(|_| ConnectorSpec::from(Value::Object(unparsed::wrap(text))))
}

/// A value field's text: the value it spells, or the [`unparsed`] stand-in.
fn lift_value(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or_else(|_| Value::Object(unparsed::wrap(text)))
}

/// Compact JSON text of an object, keys in their original order.
pub fn object_text(object: &Map<String, Value>) -> String {
    // Serialising a map of JSON values cannot fail.
    serde_json::to_string(object).unwrap_or_else(|_| String::from("{}"))
}

/// Compact JSON text of a value.
pub fn value_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

/// A JSON object argument as lifted: refused, naming `argument`, when it stands for text that
/// did not parse or a value the foreign conversion could not write.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument`, saying what is wrong (never the value).
pub fn object_argument(
    argument: &str,
    object: Map<String, Value>,
) -> Result<Map<String, Value>, Error> {
    unparsed::refuse(argument, &object)?;
    Ok(object)
}

/// A JSON value argument as lifted: refused as [`object_argument`] is.
///
/// # Errors
/// As [`object_argument`].
pub fn value_argument(argument: &str, value: Value) -> Result<Value, Error> {
    if let Value::Object(object) = &value
        && unparsed::is_unparsed(object)
    {
        unparsed::refuse(argument, object)?;
    }
    Ok(value)
}

/// Parses JSON text that must be an object (a connector config).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument` when the text is not JSON or not an object;
/// serde's message is bounded and scrubbed (it may quote a secret).
pub fn parse_object(argument: &str, text: &str) -> Result<Map<String, Value>, Error> {
    match serde_json::from_str(text) {
        Ok(Value::Object(object)) => Ok(object),
        _ => Err(unparsed::problem(argument, text)),
    }
}

/// Parses any JSON text (a spec, a config to mask).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument` when the text is not JSON.
pub fn parse_value(argument: &str, text: &str) -> Result<Value, Error> {
    serde_json::from_str(text)
        .map_err(|e| Error::invalid_argument(argument, format!("is not valid JSON text: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_never_fails() {
        assert_eq!(lift_object(String::new()), Map::new());
        assert_eq!(lift_object(r#"{"a":1}"#.into())["a"], 1);
        for bad in ["[1]", "{\"password\": \"hunter2", "12"] {
            assert!(unparsed::is_unparsed(&lift_object(bad.into())), "{bad}");
        }
        assert_eq!(lift_value("[1]".into()), serde_json::json!([1]));
        assert!(matches!(lift_value("nope".into()), Value::Object(o) if unparsed::is_unparsed(&o)));
    }

    #[test]
    fn arguments_standing_for_unparsed_text_are_refused() {
        let bad = lift_object(format!("{}a set", unparsed::NOT_JSON));
        match object_argument("source_config", bad) {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "source_config");
                assert_eq!(detail, "is not a JSON value: a set");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            value_argument("spec", lift_value("{nope".into())),
            Err(Error::InvalidArgument { argument, .. }) if argument == "spec"
        ));
        assert_eq!(
            value_argument("spec", lift_value("[1]".into())).unwrap(),
            serde_json::json!([1])
        );
        assert_eq!(
            object_argument("c", lift_object(r#"{"a":1}"#.into())).unwrap()["a"],
            1
        );
    }

    #[test]
    fn objects_round_trip_in_order() {
        let object = parse_object("JSON object", r#"{"b":1,"a":{"c":[true,null]}}"#).unwrap();
        assert_eq!(object_text(&object), r#"{"b":1,"a":{"c":[true,null]}}"#);
    }

    #[test]
    fn bad_text_names_the_kind_and_hides_the_value() {
        match parse_object("JSON object", "[1]") {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "JSON object");
                assert_eq!(detail, "must be a JSON object, got an array");
            }
            other => panic!("{other:?}"),
        }
        match parse_value("JSON value", "{\"password\": \"hunter2") {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "JSON value");
                assert!(!detail.contains("hunter2"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }
}
