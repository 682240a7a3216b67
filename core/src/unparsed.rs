//! JSON text from a foreign language that did not parse, carried inside a model until the call
//! that would send it refuses it.
//!
//! The foreign languages pass connector configs as JSON text inside records. A record is
//! lifted into Rust whole, also just to print it (Swift `description`, Kotlin `toString()`),
//! and a lift that fails there cannot raise an error: uniffi treats it as a bug. So text that
//! is not a JSON object (for an object field) or not JSON becomes a one-key object
//! `{KEY: "the text"}`: printing shows it as unparsed, never its content. Two checks refuse it
//! with [`Error::InvalidArgument`] naming the field and saying what is wrong with the text:
//! the source writes, on their `source_config` before anything else (the template is read
//! first otherwise), and, under the `uniffi` feature, every request body as it is
//! serialised.

use serde_json::{Map, Value};

use crate::Error;

/// The key of the one-key object standing for text that did not parse. It starts with a NUL,
/// which no connector spec names.
pub const KEY: &str = "\u{0}airbyte-embedded: unparsed JSON text";

/// The object standing for `text`.
pub fn wrap(text: String) -> Map<String, Value> {
    Map::from_iter([(KEY.to_owned(), Value::String(text))])
}

/// Whether `object` stands for unparsed text.
pub fn is_unparsed(object: &Map<String, Value>) -> bool {
    object.len() == 1 && object.contains_key(KEY)
}

/// Refuses `object` if it stands for unparsed text or holds some (a flattened field, as
/// `Customization::other`, puts the stand-in's key beside the object's other keys), naming
/// `field`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `field`, with what is wrong with the text (bounded and
/// scrubbed: the text may hold a secret).
pub fn refuse(field: &str, object: &Map<String, Value>) -> Result<(), Error> {
    match object.get(KEY) {
        Some(Value::String(text)) => Err(problem(field, text)),
        Some(_) => Err(Error::invalid_argument(field, "is not valid JSON text")),
        None => Ok(()),
    }
}

/// Refuses a request body that holds unparsed text anywhere, naming the field that holds it
/// (`partial_default_config`, `customization`).
///
/// The body is searched as bytes first (the key's JSON spelling, `\u0000airbyte-embedded`),
/// so a body without any costs one scan.
///
/// # Errors
/// As [`refuse`].
pub fn refuse_in_body(body: &[u8]) -> Result<(), Error> {
    const NEEDLE: &[u8] = b"\\u0000airbyte-embedded: unparsed JSON text";
    if !body.windows(NEEDLE.len()).any(|w| w == NEEDLE) {
        return Ok(());
    }
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Ok(());
    };
    let mut path = Vec::new();
    find(&value, &mut path)
}

fn find(value: &Value, path: &mut Vec<String>) -> Result<(), Error> {
    match value {
        Value::Object(object) => {
            let field = if path.is_empty() {
                String::from("body")
            } else {
                path.join(".")
            };
            refuse(&field, object)?;
            for (key, item) in object {
                path.push(key.clone());
                find(item, path)?;
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                find(item, path)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// How a foreign language's conversion spells a native value it could not write as JSON (a
/// Python `set`, a NaN): this prefix, then why (a type name or a kind of number, never the
/// value). Starts with a NUL, so no JSON text does.
pub const NOT_JSON: &str = "\u{0}airbyte-embedded: not JSON: ";

/// The longest foreign reason kept, in bytes (it is the foreign serialiser's message).
const MAX_REASON: usize = 200;

/// What is wrong with `text` as a JSON object: the foreign conversion's reason when it could
/// not write the value ([`NOT_JSON`]), serde's message when it is not JSON, else the kind of
/// value it is, as an [`Error::InvalidArgument`] naming `field`.
pub(crate) fn problem(field: &str, text: &str) -> Error {
    if let Some(reason) = text.strip_prefix(NOT_JSON) {
        let mut end = reason.len().min(MAX_REASON);
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        return Error::invalid_argument(field, format!("is not a JSON value: {}", &reason[..end]));
    }
    let detail = match serde_json::from_str::<Value>(text) {
        Err(e) => format!("is not valid JSON text: {e}"),
        Ok(value) => format!("must be a JSON object, got {}", kind(&value)),
    };
    Error::invalid_argument(field, detail)
}

/// The JSON kind of a value, for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
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
    fn unparsed_text_is_refused_naming_the_field() {
        let object = wrap("{\"password\": \"hunter2\"".into());
        assert!(is_unparsed(&object));
        match refuse("source_config", &object) {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "source_config");
                assert!(detail.starts_with("is not valid JSON text"), "{detail}");
                assert!(!detail.contains("hunter2"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        match refuse("source_config", &wrap("[1]".into())) {
            Err(Error::InvalidArgument { detail, .. }) => {
                assert_eq!(detail, "must be a JSON object, got an array");
            }
            other => panic!("{other:?}"),
        }
        assert!(refuse("source_config", &Map::new()).is_ok());
        let foreign = format!("{NOT_JSON}Object of type set is not JSON serializable");
        match refuse("source_config", &wrap(foreign)) {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "source_config");
                assert_eq!(
                    detail,
                    "is not a JSON value: Object of type set is not JSON serializable"
                );
            }
            other => panic!("{other:?}"),
        }
        let mut flattened = wrap("{\"pw\": \"hunter2\"".into());
        flattened.insert("stream_selection_mode".into(), "all".into());
        match refuse("customization", &flattened) {
            Err(Error::InvalidArgument { argument, detail }) => {
                assert_eq!(argument, "customization");
                assert!(!detail.contains("hunter2"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bodies_are_searched_for_unparsed_text_at_any_depth() {
        let body = serde_json::json!({
            "actor_definition_id": "d",
            "customization": {"stream_selection_mode": "all", "x": Value::Object(wrap("nope".into()))},
        });
        let mut flattened = wrap("{\"pw\": \"hunter2\"".into());
        flattened.insert("stream_selection_mode".into(), "all".into());
        let leaked = serde_json::to_vec(&serde_json::json!({"customization": flattened})).unwrap();
        assert!(
            matches!(refuse_in_body(&leaked), Err(Error::InvalidArgument { argument, .. }) if argument == "customization")
        );
        let bytes = serde_json::to_vec(&body).unwrap();
        match refuse_in_body(&bytes) {
            Err(Error::InvalidArgument { argument, .. }) => {
                assert_eq!(argument, "customization.x");
            }
            other => panic!("{other:?}"),
        }
        assert!(refuse_in_body(br#"{"source_config": {"host": "db"}}"#).is_ok());
    }
}
