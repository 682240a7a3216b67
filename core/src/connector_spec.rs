//! A connector spec as the service sent it: its JSON text, parsed into a [`Value`] on first use.
//!
//! A source template carries its connector spec (`user_config_spec`, some kilobytes) in every
//! response that holds the template, a source's included; most reads only pass it on (to a
//! form, to another language, to a file). Keeping the text defers the parse to the first
//! [`ConnectorSpec::value`], and writing it out again (serialising, crossing to Python, Kotlin or
//! Swift) copies the text instead of walking a tree.

use std::fmt;
use std::sync::OnceLock;

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

/// The deepest nesting of arrays and objects a connector spec may have. Deeper text is refused
/// as it is read: below serde_json's recursion limit (128) with room for the documents that
/// hold a spec (a template in a source in a page), so whatever holds a spec reads back as a
/// [`Value`] too.
pub const MAX_DEPTH: usize = 100;

/// A connector spec: a `ConnectorSpecification` (`{"connectionSpecification": {…},
/// "documentationUrl": …, "advanced_auth": …}`), a manifest spec
/// (`{"connection_specification": {…}}`) or a bare JSON Schema, as JSON.
///
/// Holds the JSON text it was read from (compact or not, as sent) and parses it on the first
/// [`ConnectorSpec::value`]; [`ConnectorSpec::text`] and serialising cost no parse. Equality is
/// of the JSON values (key order and spacing aside). Made from a value with `From<Value>`, from
/// text with [`ConnectorSpec::from_text`]. Crosses to the other languages as the same value a
/// raw JSON field is (a Python `dict`, a Kotlin `JsonElement`, a Swift `JSONValue`).
///
/// Text is checked as it is read, as a [`Value`] parse checks it (escapes and surrogate pairs,
/// numbers in range, at most [`MAX_DEPTH`] deep) without building the tree, so
/// [`ConnectorSpec::value`] cannot fail. It is read and written by serde_json only (from and to
/// text, and from and to a [`Value`]): a deserializer that buffers what it reads (an untagged
/// enum, a flattened field) or another format cannot read it.
#[derive(Clone)]
pub struct ConnectorSpec {
    text: Box<RawValue>,
    value: OnceLock<Value>,
}

impl ConnectorSpec {
    /// The spec spelled by the JSON text `text` (any JSON value; it is kept as given).
    ///
    /// # Errors
    /// The parse error when `text` is not JSON (or not JSON a [`Value`] holds: a lone
    /// surrogate, a number out of range), or nests deeper than [`MAX_DEPTH`].
    pub fn from_text(text: String) -> Result<Self, serde_json::Error> {
        Self::checked(RawValue::from_string(text)?)
    }

    /// The JSON text, as it was received or given.
    pub fn text(&self) -> &str {
        self.text.get()
    }

    /// The spec as a JSON value, parsed from the text on the first call (a few microseconds
    /// per kilobyte) and kept.
    pub fn value(&self) -> &Value {
        self.value.get_or_init(|| parse(&self.text))
    }

    /// The JSON text, owned (no copy).
    pub fn into_text(self) -> String {
        String::from(Box::<str>::from(self.text))
    }

    /// The spec as an owned JSON value.
    pub fn into_value(self) -> Value {
        let Self { text, value } = self;
        value.into_inner().unwrap_or_else(|| parse(&text))
    }

    /// `text`, once [`check`] passes it.
    fn checked(text: Box<RawValue>) -> Result<Self, serde_json::Error> {
        check(text.get())?;
        Ok(Self {
            text,
            value: OnceLock::new(),
        })
    }
}

/// Refuses JSON text that nests deeper than [`MAX_DEPTH`] or that a [`Value`] parse refuses.
fn check(text: &str) -> Result<(), serde_json::Error> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Checked {
        depth_left: MAX_DEPTH,
    }
    .deserialize(&mut reader)?;
    reader.end()
}

/// A JSON value read through and dropped, with at most `depth_left` more arrays and objects
/// inside it: serde_json decodes every string and number (and refuses what a [`Value`] parse
/// refuses) but nothing is kept.
#[derive(Clone, Copy)]
struct Checked {
    depth_left: usize,
}

impl Checked {
    /// The seed for what an array or object holds, one level down.
    fn inside<E: serde::de::Error>(self) -> Result<Checked, E> {
        match self.depth_left.checked_sub(1) {
            Some(depth_left) => Ok(Checked { depth_left }),
            None => Err(E::custom(format!(
                "a connector spec nests deeper than {MAX_DEPTH} arrays and objects"
            ))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inside = self.inside()?;
        while seq.next_element_seed(inside)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inside = self.inside()?;
        while map.next_entry_seed(inside, inside)?.is_some() {}
        Ok(())
    }
}

/// The value of text that passed [`check`], which cannot fail to parse.
fn parse(text: &RawValue) -> Value {
    serde_json::from_str(text.get()).unwrap_or(Value::Null)
}

impl From<Value> for ConnectorSpec {
    /// The spec `value`, its text written compactly.
    fn from(value: Value) -> Self {
        // Writing a `Value` cannot fail: its keys are strings and its numbers finite.
        let text =
            serde_json::value::to_raw_value(&value).unwrap_or_else(|_| RawValue::NULL.to_owned());
        Self {
            text,
            value: OnceLock::from(value),
        }
    }
}

impl PartialEq for ConnectorSpec {
    /// The same JSON value: equal text, or equal once parsed.
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text() || self.value() == other.value()
    }
}

impl fmt::Debug for ConnectorSpec {
    /// The JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl Serialize for ConnectorSpec {
    /// The text, as it is (serde_json writes it byte for byte).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ConnectorSpec {
    /// Any JSON value, kept as its text (from serde_json's readers; from a [`Value`], as its
    /// compact text).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::checked(Box::<RawValue>::deserialize(deserializer)?).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        spec: ConnectorSpec,
    }

    #[test]
    fn reading_keeps_the_text_and_parses_on_first_use() {
        let body =
            r#"{"spec": {"connectionSpecification": {"type": "object", "required": ["host"]}}}"#;
        let held: Holder = serde_json::from_str(body).unwrap();
        assert_eq!(
            held.spec.text(),
            r#"{"connectionSpecification": {"type": "object", "required": ["host"]}}"#
        );
        assert!(held.spec.value.get().is_none());
        assert_eq!(
            held.spec.value(),
            &json!({"connectionSpecification": {"type": "object", "required": ["host"]}})
        );
    }

    #[test]
    fn writing_copies_the_text() {
        let spec = ConnectorSpec::from_text(r#"{"b": 1,  "a": [true]}"#.to_owned()).unwrap();
        assert_eq!(
            serde_json::to_string(&json!({"s": spec})).unwrap(),
            r#"{"s":{"b":1,"a":[true]}}"#
        );
        let spec = ConnectorSpec::from_text(r#"{"b": 1,  "a": [true]}"#.to_owned()).unwrap();
        assert_eq!(
            serde_json::to_string(&spec).unwrap(),
            r#"{"b": 1,  "a": [true]}"#
        );
    }

    #[test]
    fn equality_is_of_values() {
        let spaced = ConnectorSpec::from_text(r#"{ "a" : 1, "b": 2 }"#.to_owned()).unwrap();
        let reordered = ConnectorSpec::from_text(r#"{"b":2,"a":1}"#.to_owned()).unwrap();
        let other = ConnectorSpec::from(json!({"a": 2}));
        assert_eq!(spaced, reordered);
        assert_ne!(spaced, other);
        assert_eq!(spaced.clone(), spaced);
    }

    #[test]
    fn a_value_round_trips() {
        let value = json!({"connection_specification": {"properties": {"x": {"type": "string"}}}});
        let spec = ConnectorSpec::from(value.clone());
        assert_eq!(spec.text(), serde_json::to_string(&value).unwrap());
        assert_eq!(spec.value(), &value);
        assert_eq!(spec.into_value(), value);
        let from_value: ConnectorSpec = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(from_value.value(), &value);
    }

    #[test]
    fn text_that_is_not_json_is_refused() {
        assert!(ConnectorSpec::from_text("{\"a\":".to_owned()).is_err());
        assert!(ConnectorSpec::from_text(String::new()).is_err());
        assert!(serde_json::from_str::<ConnectorSpec>("[1,").is_err());
    }

    #[test]
    fn nesting_past_the_limit_is_refused_and_what_holds_a_spec_reads_back() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for text in [deep(MAX_DEPTH + 1), deep(200)] {
            let error = ConnectorSpec::from_text(text.clone()).unwrap_err();
            assert!(
                error.to_string().contains("nests deeper than 100"),
                "{error}"
            );
            assert!(serde_json::from_str::<ConnectorSpec>(&text).is_err());
        }
        let deepest = ConnectorSpec::from_text(deep(MAX_DEPTH)).unwrap();
        assert_eq!(
            deepest.value(),
            &serde_json::from_str::<Value>(&deep(MAX_DEPTH)).unwrap()
        );
        // Brackets inside strings are text, not nesting.
        let in_strings = format!(r#"{{"pattern": "{}", "x": ["\"]"]}}"#, "[".repeat(200));
        assert!(ConnectorSpec::from_text(in_strings).is_ok());
        // A page of sources, each holding its template's spec, still reads as a `Value`.
        let page = json!({"data": [{"source_template": {"user_config_spec": deepest}}]});
        let text = serde_json::to_string(&page).unwrap();
        assert!(serde_json::from_str::<Value>(&text).is_ok());
    }

    #[test]
    fn text_a_value_refuses_is_refused() {
        for text in [
            r#"{"description": "caf\ud83d"}"#,
            r#"{"description": "\udc00 alone"}"#,
            r#"{"maximum": 1e400}"#,
            r#"{"bad escape": "\x"}"#,
        ] {
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text}");
            assert!(ConnectorSpec::from_text(text.to_owned()).is_err(), "{text}");
            let held = format!(r#"{{"spec": {text}}}"#);
            assert!(serde_json::from_str::<Holder>(&held).is_err(), "{text}");
        }
        // What a `Value` takes is taken, and reads as that `Value`.
        let fine = r#"{"d": "caf\u00e9 \ud83d\ude00", "n": 18446744073709551616, "f": -1.5e-300}"#;
        let spec = ConnectorSpec::from_text(fine.to_owned()).unwrap();
        assert_eq!(spec.value(), &serde_json::from_str::<Value>(fine).unwrap());
    }
}
