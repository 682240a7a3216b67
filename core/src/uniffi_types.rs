//! What the uniffi derives on the models need (feature `uniffi`): the crate's `UniFfiTag` and
//! the custom types for raw JSON.
//!
//! The facade crate in `bindings/uniffi` has the same library name (`airbyte_embedded`), so
//! uniffi sees the models declared here and the facade's objects as one component, and
//! generates one module per language. The scaffolding itself (`uniffi::setup_scaffolding!`)
//! is the facade's.
//!
//! Connector configs, specs and other raw JSON cross as JSON text ([`JsonObject`] for objects,
//! [`JsonValue`] for any value); text that does not parse is refused with
//! [`Error::InvalidArgument`] naming the JSON kind expected.

use serde_json::{Map, Value};

use crate::Error;

/// The tag uniffi's derives implement their conversions for.
#[doc(hidden)]
pub struct UniFfiTag;

/// A JSON object (a connector config, a template's `partial_default_config`): JSON object
/// text in the foreign languages, keys in their original order. Empty text (the foreign
/// default of such a field) is `{}`.
pub type JsonObject = Map<String, Value>;

/// Any JSON value (a connector spec, a field's default): JSON text in the foreign languages.
pub type JsonValue = Value;

uniffi::custom_type!(JsonObject, String, {
    remote,
    lower: |object| object_text(&object),
    // Empty text is the foreign default of an object field (uniffi defaults a custom type to
    // its builtin's default, `""`): it stands for `{}`.
    try_lift: |text| if text.trim().is_empty() {
        Ok(Map::new())
    } else {
        parse_object("JSON object", &text).map_err(Into::into)
    },
});

uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value_text(&value),
    try_lift: |text| parse_value("JSON value", &text).map_err(Into::into),
});

/// Compact JSON text of an object, keys in their original order.
pub fn object_text(object: &Map<String, Value>) -> String {
    // Serialising a map of JSON values cannot fail.
    serde_json::to_string(object).unwrap_or_else(|_| String::from("{}"))
}

/// Compact JSON text of a value.
pub fn value_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

/// Parses JSON text that must be an object (a connector config).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument` when the text is not JSON or not an object;
/// serde's message is bounded and scrubbed (it may quote a secret).
pub fn parse_object(argument: &str, text: &str) -> Result<Map<String, Value>, Error> {
    match parse_value(argument, text)? {
        Value::Object(object) => Ok(object),
        other => Err(Error::invalid_argument(
            argument,
            format!("must be a JSON object, got {}", kind(&other)),
        )),
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

/// The JSON kind of a value, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
