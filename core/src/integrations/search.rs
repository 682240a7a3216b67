//! Source search (operator token): `POST /integrations/sources/{id}/search/{stream_name}`,
//! over one stream of the records a source has synced, with the documents' condition
//! language.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::integrations::{Condition, SearchRequest};
//!
//! let operator = OperatorClient::from_env()?;
//! let condition = Condition::and([
//!     Condition::gte("age", 30),
//!     !Condition::eq("plan", "free"),
//!     Condition::like("email", "%@example.com"),
//! ]);
//! let found = operator
//!     .source_search()
//!     .search("9b1c2d3e-0000-4000-8000-000000000001", "users", &SearchRequest::new(condition))?;
//! println!("{} of {} records", found.hits.len(), found.total);
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! A condition is a single-key object (SERVICE-FACTS §5.9): `eq`, `neq`, `gt`, `gte`, `lt`,
//! `lte` (`{field: value}`), `in` (`{field: [values]}`), `like` (`{field: "%pattern%"}`),
//! `fuzzy` and `semantic` (`{field: text}`), `not` (a condition), `and` / `or` (a list of
//! conditions). [`Condition`] builds them in Rust; the other languages pass a JSON object.
//! The SDK checks the shape of the operators it knows before sending and passes any other
//! operator through unchanged, for the service to judge (the language may grow). Which
//! fields a stream has, and how `fuzzy` and `semantic` match, are the service's.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value, json};

use crate::api::Api;
use crate::common::{null_as_default, require_id};
use crate::http::url::segment;
use crate::retry::Replay;
use crate::{Error, Result};

/// A search of one stream (`SearchRequest`: `{"query": {"where": condition}}` on the wire).
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SearchRequest {
    /// The `where` condition, a single-key JSON object: `{"eq": {"plan": "pro"}}`,
    /// `{"and": [...]}`, ...
    pub condition: Map<String, Value>,
}

impl SearchRequest {
    /// A search for the records matching `condition`.
    pub fn new(condition: impl Into<Map<String, Value>>) -> Self {
        SearchRequest {
            condition: condition.into(),
        }
    }
}

impl Serialize for SearchRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        json!({"query": {"where": self.condition}}).serialize(s)
    }
}

crate::redact::keys_only_debug!(SearchRequest { condition: config });

/// One matching record (`SearchHit`). `Debug` prints the record's keys only.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SearchHit {
    /// The record's id, when the service names one (a number is kept as its text).
    #[serde(default, deserialize_with = "scalar_text")]
    pub id: Option<String>,
    /// How well it matched, when the service scores it.
    #[serde(default)]
    pub score: Option<f64>,
    /// The record, raw JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Map<String, Value>,
}

crate::redact::keys_only_debug!(SearchHit {
    id: shown,
    score: shown,
    data: config,
});

/// The result of a search (`SearchResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SearchResponse {
    /// The matching records the service returned (it may return fewer than `total`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub hits: Vec<SearchHit>,
    /// How many records matched.
    #[serde(default)]
    pub total: i64,
    /// How long the search took on the service, in milliseconds, when it says.
    #[serde(default)]
    pub took_ms: Option<i64>,
}

/// A string, or a number or boolean as its text; `null` as `None`.
fn scalar_text<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// A search condition, built in Rust (the foreign languages pass a JSON object instead). Each
/// constructor makes one single-key object; [`Condition::into_json`] gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition(Map<String, Value>);

impl Condition {
    fn with(op: &str, operand: Value) -> Condition {
        let mut map = Map::new();
        map.insert(op.to_owned(), operand);
        Condition(map)
    }

    fn field(op: &str, field: &str, value: Value) -> Condition {
        Condition::with(op, json!({ field: value }))
    }

    /// `{"eq": {field: value}}`.
    pub fn eq(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("eq", field, value.into())
    }

    /// `{"neq": {field: value}}`.
    pub fn neq(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("neq", field, value.into())
    }

    /// `{"gt": {field: value}}`.
    pub fn gt(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("gt", field, value.into())
    }

    /// `{"gte": {field: value}}`.
    pub fn gte(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("gte", field, value.into())
    }

    /// `{"lt": {field: value}}`.
    pub fn lt(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("lt", field, value.into())
    }

    /// `{"lte": {field: value}}`.
    pub fn lte(field: &str, value: impl Into<Value>) -> Condition {
        Condition::field("lte", field, value.into())
    }

    /// `{"in": {field: [values]}}`.
    pub fn is_in<V: Into<Value>>(field: &str, values: impl IntoIterator<Item = V>) -> Condition {
        let values: Vec<Value> = values.into_iter().map(Into::into).collect();
        Condition::field("in", field, Value::Array(values))
    }

    /// `{"like": {field: pattern}}` (`%` any run, `_` one character).
    pub fn like(field: &str, pattern: &str) -> Condition {
        Condition::field("like", field, json!(pattern))
    }

    /// `{"fuzzy": {field: text}}`.
    pub fn fuzzy(field: &str, text: &str) -> Condition {
        Condition::field("fuzzy", field, json!(text))
    }

    /// `{"semantic": {field: text}}`.
    pub fn semantic(field: &str, text: &str) -> Condition {
        Condition::field("semantic", field, json!(text))
    }

    /// `{"not": condition}` (also `!condition`).
    pub fn negate(condition: Condition) -> Condition {
        Condition::with("not", Value::Object(condition.0))
    }

    /// `{"and": [conditions]}`.
    pub fn and(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::with("and", list(conditions))
    }

    /// `{"or": [conditions]}`.
    pub fn or(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::with("or", list(conditions))
    }

    /// The condition as JSON.
    pub fn into_json(self) -> Map<String, Value> {
        self.0
    }
}

fn list(conditions: impl IntoIterator<Item = Condition>) -> Value {
    Value::Array(conditions.into_iter().map(|c| Value::Object(c.0)).collect())
}

impl std::ops::Not for Condition {
    type Output = Condition;

    /// `{"not": self}`.
    fn not(self) -> Condition {
        Condition::negate(self)
    }
}

impl From<Condition> for Map<String, Value> {
    fn from(c: Condition) -> Self {
        c.0
    }
}

/// How deep conditions may nest before the SDK stops checking them (and refuses).
const MAX_DEPTH: usize = 64;

/// Checks `condition` (at `at`, e.g. `and[1]`) as far as the documents say.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `condition`, its detail saying where and what.
fn check(condition: &Map<String, Value>, at: &str, depth: usize) -> Result<()> {
    let bad = |what: String| {
        let place = if at.is_empty() {
            String::new()
        } else {
            format!("at `{at}`: ")
        };
        Err(Error::invalid_argument(
            "condition",
            format!("{place}{what}"),
        ))
    };
    if depth > MAX_DEPTH {
        return bad(format!("nests deeper than {MAX_DEPTH} levels"));
    }
    let mut ops = condition.iter();
    let (Some((op, operand)), None) = (ops.next(), ops.next()) else {
        return bad(format!(
            "a condition is an object with exactly one operator, this one has {}",
            condition.len()
        ));
    };
    let here = if at.is_empty() {
        op.clone()
    } else {
        format!("{at}.{op}")
    };
    let fields = |operand: &Value| -> std::result::Result<Vec<Value>, String> {
        match operand.as_object() {
            Some(m) if !m.is_empty() => Ok(m.values().cloned().collect()),
            _ => Err(format!("`{op}` takes an object of field: operand")),
        }
    };
    let shape = match op.as_str() {
        "eq" | "neq" | "gt" | "gte" | "lt" | "lte" => fields(operand).map(drop),
        "in" => fields(operand).and_then(|vs| match vs.iter().all(Value::is_array) {
            true => Ok(()),
            false => Err("`in` takes a list of values per field".to_owned()),
        }),
        "like" | "fuzzy" | "semantic" => {
            fields(operand).and_then(|vs| match vs.iter().all(Value::is_string) {
                true => Ok(()),
                false => Err(format!("`{op}` takes text per field")),
            })
        }
        "not" => match operand.as_object() {
            Some(inner) => return check(inner, &here, depth + 1),
            None => Err("`not` takes a condition".to_owned()),
        },
        "and" | "or" => match operand.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = format!("{here}[{i}]");
                    match item.as_object() {
                        Some(inner) => check(inner, &at, depth + 1)?,
                        None => {
                            return Err(Error::invalid_argument(
                                "condition",
                                format!("at `{at}`: a condition is an object"),
                            ));
                        }
                    }
                }
                Ok(())
            }
            None => Err(format!("`{op}` takes a list of conditions")),
        },
        // An operator this SDK does not know: the service judges it.
        _ => Ok(()),
    };
    shape.or_else(bad)
}

/// Search over a source's synced records, for the operator. Get one from
/// [`crate::OperatorClient::source_search`].
pub struct SourceSearch<'a> {
    pub(crate) api: &'a Arc<Api>,
}

impl SourceSearch<'_> {
    /// The records of stream `stream_name` of source `source_id` that match `request`'s
    /// condition. `POST /integrations/sources/{id}/search/{stream_name}`. Replay-safe: a
    /// search changes nothing, so it is retried as a GET is.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `source_id` or `stream_name` (empty) or `condition`
    /// (not a single-key object, or a known operator with an operand of the wrong shape),
    /// nothing sent; [`Error::NotFound`] for a source or stream that does not exist;
    /// [`Error::Validation`] for a condition the service refuses; auth and transport errors.
    pub fn search(
        &self,
        source_id: &str,
        stream_name: &str,
        request: &SearchRequest,
    ) -> Result<SearchResponse> {
        let id = require_id("source_id", source_id)?;
        let stream = require_id("stream_name", stream_name)?;
        check(&request.condition, "", 0)?;
        self.api.post(
            &format!(
                "integrations/sources/{}/search/{}",
                segment(id),
                segment(stream)
            ),
            request,
            Replay::Safe,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(v: Value) -> Result<()> {
        match v {
            Value::Object(m) => check(&m, "", 0),
            _ => unreachable!(),
        }
    }

    #[test]
    fn builders_make_the_documents_shapes() {
        let c = Condition::or([
            Condition::is_in("city", ["Paris", "Lisbon"]),
            !Condition::eq("plan", "free"),
        ]);
        assert_eq!(
            Value::Object(c.clone().into_json()),
            json!({"or": [{"in": {"city": ["Paris", "Lisbon"]}}, {"not": {"eq": {"plan": "free"}}}]})
        );
        let body = serde_json::to_value(SearchRequest::new(c)).unwrap();
        assert!(body["query"]["where"]["or"].is_array(), "{body}");
        assert!(checked(Value::Object(Condition::gte("age", 30).into_json())).is_ok());
    }

    #[test]
    fn malformed_conditions_are_refused_where_they_are() {
        #[rustfmt::skip]
        let cases = [
            (json!({}), "exactly one operator"),
            (json!({"eq": {"a": 1}, "gt": {"a": 0}}), "exactly one operator, this one has 2"),
            (json!({"eq": {}}), "`eq` takes an object"),
            (json!({"in": {"a": 1}}), "`in` takes a list"),
            (json!({"like": {"a": 5}}), "`like` takes text"),
            (json!({"and": {"eq": {"a": 1}}}), "`and` takes a list"),
            (json!({"or": [{"eq": {"a": 1}}, {"eq": {}}]}), "at `or[1]`: `eq` takes"),
            (json!({"not": {"and": [3]}}), "at `not.and[0]`: a condition is an object"),
        ];
        for (condition, expected) in cases {
            match checked(condition.clone()) {
                Err(Error::InvalidArgument { argument, detail }) => {
                    assert_eq!(argument, "condition");
                    assert!(detail.contains(expected), "{condition}: {detail}");
                }
                other => panic!("{condition}: {other:?}"),
            }
        }
        // An operator the SDK does not know is the service's to judge.
        assert!(checked(json!({"between": {"age": [1, 2]}})).is_ok());
    }

    #[test]
    fn hits_parse_tolerantly_and_print_keys_only() {
        let r: SearchResponse = serde_json::from_value(json!({
            "hits": [{"id": 7, "score": null, "data": {"email": "ada@example.com"}}, {"data": {}}],
            "total": 2
        }))
        .unwrap();
        assert_eq!(r.hits[0].id.as_deref(), Some("7"));
        assert_eq!(r.took_ms, None);
        let text = format!("{:?}", r.hits[0]);
        assert!(
            text.contains("email") && !text.contains("ada@example.com"),
            "{text}"
        );
        let empty: SearchResponse = serde_json::from_value(json!({"total": 0})).unwrap();
        assert!(empty.hits.is_empty());
    }
}
