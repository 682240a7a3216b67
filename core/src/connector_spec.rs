//! A connector spec as the service sent it: its JSON text, parsed into a [`Value`] on first use.
//!
//! A source template carries its connector spec (`user_config_spec`, some kilobytes) in every
//! response that holds the template, a source's included; most reads only pass it on (to a
//! form, to another language, to a file). Keeping the text defers the parse to the first
//! [`ConnectorSpec::value`], and writing it out again (serialising, crossing to Python, Kotlin or
//! Swift) copies the text instead of walking a tree.

use std::fmt;
use std::sync::OnceLock;

use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
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

    /// The spec spelled by `text`, or `text` back when [`ConnectorSpec::from_text`] refuses it.
    #[cfg(feature = "uniffi")]
    pub(crate) fn from_text_or_back(text: String) -> Result<Self, String> {
        if check(&text).is_err() {
            return Err(text);
        }
        // Text that passed the check is JSON, which `from_string` takes.
        RawValue::from_string(text)
            .map(|text| Self {
                text,
                value: OnceLock::new(),
            })
            .map_err(|error| error.to_string())
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
    if depth(text.as_bytes()) > MAX_DEPTH {
        return Err(serde_json::Error::custom(format!(
            "a connector spec nests deeper than {MAX_DEPTH} arrays and objects"
        )));
    }
    serde_json::from_str::<Checked>(text).map(|_| ())
}

/// A JSON value read through and dropped: serde_json decodes every string and number (and
/// refuses what a [`Value`] parse refuses) but nothing is kept.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_entry::<Checked, Checked>()?.is_some() {}
        Ok(Checked)
    }
}

/// The value of text that passed [`check`], which cannot fail to parse.
fn parse(text: &RawValue) -> Value {
    serde_json::from_str(text.get()).unwrap_or(Value::Null)
}

/// The deepest nesting of arrays and objects in JSON text (brackets inside strings aside).
fn depth(text: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in text {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
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

impl Clone for ConnectorSpec {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            value: self.value.clone(),
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

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(depth(br#"{"a": "[[[{{", "b": ["\"]"]}"#), 2);
        assert_eq!(depth(b"1"), 0);
        assert_eq!(depth(br#"[[{"x": [1]}]]"#), 4);
    }
}
