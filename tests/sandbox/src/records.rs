//! The synced records the sandbox searches (`POST /integrations/sources/{id}/search/{stream}`,
//! SERVICE-FACTS §5.9), derived from the source id, and the documents' condition language
//! evaluated over them.
//!
//! Every source has two streams:
//!
//! - `users`: 20 records (for a Sample Data source, its config's `count`, at most 50)
//!   `{id, name, email, age, plan, city}`, `id` from 1, `plan` one of `free`, `pro`,
//!   `enterprise`;
//! - `purchases`: two per user, `{id, user_id, product, amount_cents}`.
//!
//! Conditions are single-key objects: `eq`, `neq`, `gt`, `gte`, `lt`, `lte` (`{field: value}`,
//! every field of the object must hold), `in` (`{field: [values]}`), `like` (`{field:
//! "%pat_"}`, SQL `LIKE`, case-sensitive), `fuzzy` (`{field: text}`: each word of `text`
//! within one edit of a word of the field, case-insensitive), `semantic` (`{field: text}`: a
//! word of three or more letters of `text` in the field, case-insensitive), `not`
//! (a condition), `and` / `or` (a list of conditions). A missing field matches no comparison.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::errors::{ApiError, Detail};

const NAMES: [&str; 10] = [
    "Ada", "Grace", "Linus", "Barbara", "Alan", "Margaret", "Dennis", "Frances", "Ken", "Radia",
];
const CITIES: [&str; 5] = ["Paris", "Berlin", "Lisbon", "Austin", "Nairobi"];
const PLANS: [&str; 3] = ["free", "pro", "enterprise"];
const PRODUCTS: [&str; 4] = ["notebook", "pen set", "desk lamp", "backpack"];

/// The records of `stream` of a source with id `source` and `users` users, or `None` for a
/// stream the sandbox does not have.
pub(crate) fn stream(source: Uuid, users: usize, stream: &str) -> Option<Vec<Map<String, Value>>> {
    let mut seed = u64::from_le_bytes(source.as_bytes()[..8].try_into().unwrap_or([7; 8])) | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pick = |n: u64, of: usize| usize::try_from(n % of as u64).unwrap_or(0);
    let users: Vec<Map<String, Value>> = (1..=users)
        .map(|id| {
            let name = NAMES[pick(next(), NAMES.len())];
            object(json!({
                "id": id,
                "name": format!("{name} {id}"),
                "email": format!("{}.{id}@example.com", name.to_lowercase()),
                "age": 18 + next() % 60,
                "plan": PLANS[pick(next(), PLANS.len())],
                "city": CITIES[pick(next(), CITIES.len())],
            }))
        })
        .collect();
    match stream {
        "users" => Some(users),
        "purchases" => Some(
            (0..users.len() * 2)
                .map(|i| {
                    object(json!({
                        "id": i + 1,
                        "user_id": i / 2 + 1,
                        "product": PRODUCTS[pick(next(), PRODUCTS.len())],
                        "amount_cents": 500 + next() % 20_000,
                    }))
                })
                .collect(),
        ),
        _ => None,
    }
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A parsed condition.
#[derive(Debug)]
pub(crate) enum Condition {
    Compare(Op, Vec<(String, Value)>),
    In(Vec<(String, Vec<Value>)>),
    Like(Vec<(String, String)>),
    Fuzzy(Vec<(String, String)>),
    Semantic(Vec<(String, String)>),
    Not(Box<Condition>),
    And(Vec<Condition>),
    Or(Vec<Condition>),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    Eq,
    Neq,
    Gt,
    Gte,
    Lt,
    Lte,
}

/// Parses the condition at `loc` (`["body", "query", "where", ...]`).
///
/// # Errors
/// 422 at the offending part: not a single-key object, an unknown operator, or an operand of
/// the wrong shape.
pub(crate) fn parse(value: &Value, loc: &[String]) -> Result<Condition, ApiError> {
    let bad = |at: &[String], msg: &str| {
        let at: Vec<&str> = at.iter().map(String::as_str).collect();
        ApiError::Unprocessable(vec![Detail::new(&at, msg, "value_error")])
    };
    let Some(map) = value.as_object().filter(|m| m.len() == 1) else {
        return Err(bad(
            loc,
            "a condition is an object with exactly one operator",
        ));
    };
    let Some((op, operand)) = map.iter().next() else {
        return Err(bad(
            loc,
            "a condition is an object with exactly one operator",
        ));
    };
    let mut here = loc.to_vec();
    here.push(op.clone());
    let fields = |operand: &Value| -> Result<Vec<(String, Value)>, ApiError> {
        match operand.as_object() {
            Some(m) if !m.is_empty() => Ok(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
            _ => Err(bad(&here, "expects an object of field: operand")),
        }
    };
    let texts = |operand: &Value| -> Result<Vec<(String, String)>, ApiError> {
        fields(operand)?
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k, s)),
                _ => Err(bad(&here, "expects text operands")),
            })
            .collect()
    };
    let list = |operand: &Value| -> Result<Vec<Condition>, ApiError> {
        let items = operand
            .as_array()
            .ok_or_else(|| bad(&here, "expects a list of conditions"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut at = here.clone();
                at.push(i.to_string());
                parse(c, &at)
            })
            .collect()
    };
    let compare = |o: Op| fields(operand).map(|f| Condition::Compare(o, f));
    match op.as_str() {
        "eq" => compare(Op::Eq),
        "neq" => compare(Op::Neq),
        "gt" => compare(Op::Gt),
        "gte" => compare(Op::Gte),
        "lt" => compare(Op::Lt),
        "lte" => compare(Op::Lte),
        "in" => fields(operand)?
            .into_iter()
            .map(|(k, v)| match v {
                Value::Array(values) => Ok((k, values)),
                _ => Err(bad(&here, "expects lists of values")),
            })
            .collect::<Result<_, _>>()
            .map(Condition::In),
        "like" => texts(operand).map(Condition::Like),
        "fuzzy" => texts(operand).map(Condition::Fuzzy),
        "semantic" => texts(operand).map(Condition::Semantic),
        "not" => parse(operand, &here).map(|c| Condition::Not(Box::new(c))),
        "and" => list(operand).map(Condition::And),
        "or" => list(operand).map(Condition::Or),
        other => Err(bad(loc, &format!("unknown condition operator `{other}`"))),
    }
}

impl Condition {
    /// Whether `record` matches.
    pub(crate) fn matches(&self, record: &Map<String, Value>) -> bool {
        match self {
            Condition::Compare(op, fields) => fields
                .iter()
                .all(|(f, want)| record.get(f).is_some_and(|have| compare(*op, have, want))),
            Condition::In(fields) => fields.iter().all(|(f, values)| {
                record
                    .get(f)
                    .is_some_and(|have| values.iter().any(|v| same(have, v)))
            }),
            Condition::Like(fields) => fields
                .iter()
                .all(|(f, pattern)| text_of(record, f).is_some_and(|t| like(&t, pattern))),
            Condition::Fuzzy(fields) => fields
                .iter()
                .all(|(f, text)| text_of(record, f).is_some_and(|t| fuzzy(&t, text))),
            Condition::Semantic(fields) => fields
                .iter()
                .all(|(f, text)| text_of(record, f).is_some_and(|t| semantic(&t, text))),
            Condition::Not(c) => !c.matches(record),
            Condition::And(cs) => cs.iter().all(|c| c.matches(record)),
            Condition::Or(cs) => cs.iter().any(|c| c.matches(record)),
        }
    }
}

fn text_of(record: &Map<String, Value>, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// JSON equality, numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn compare(op: Op, have: &Value, want: &Value) -> bool {
    use std::cmp::Ordering;
    let order = match (have, want) {
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        _ => match (have.as_f64(), want.as_f64()) {
            (Some(a), Some(b)) => a.partial_cmp(&b),
            _ => None,
        },
    };
    match op {
        Op::Eq => same(have, want),
        Op::Neq => !same(have, want),
        Op::Gt => order == Some(Ordering::Greater),
        Op::Gte => matches!(order, Some(Ordering::Greater | Ordering::Equal)),
        Op::Lt => order == Some(Ordering::Less),
        Op::Lte => matches!(order, Some(Ordering::Less | Ordering::Equal)),
    }
}

/// SQL `LIKE`: `%` any run, `_` any one character.
fn like(text: &str, pattern: &str) -> bool {
    fn go(t: &[char], p: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('%', rest)) => (0..=t.len()).any(|i| go(&t[i..], rest)),
            Some(('_', rest)) => !t.is_empty() && go(&t[1..], rest),
            Some((c, rest)) => t.first() == Some(c) && go(&t[1..], rest),
        }
    }
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    go(&t, &p)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Each word of `query` within one edit of a word of `text`.
fn fuzzy(text: &str, query: &str) -> bool {
    let have = words(text);
    let want = words(query);
    !want.is_empty()
        && want
            .iter()
            .all(|w| have.iter().any(|h| within_one_edit(h, w)))
}

fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i..].iter().skip(1).eq(long[i..].iter().skip(1))
    } else {
        short[i..] == long[i + 1..]
    }
}

/// A word of three or more letters of `query` in `text`.
fn semantic(text: &str, query: &str) -> bool {
    let have = words(text);
    words(query)
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .any(|w| have.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matching(condition: Value) -> Vec<u64> {
        let source = Uuid::from_u128(42);
        let c = parse(&condition, &["where".to_owned()]).unwrap();
        stream(source, 20, "users")
            .unwrap()
            .iter()
            .filter(|r| c.matches(r))
            .map(|r| r["id"].as_u64().unwrap())
            .collect()
    }

    #[test]
    fn the_condition_language_selects_records() {
        assert_eq!(matching(json!({"eq": {"id": 3}})), [3]);
        assert_eq!(matching(json!({"in": {"id": [1, 2, 99]}})), [1, 2]);
        assert_eq!(
            matching(json!({"and": [{"gte": {"id": 5}}, {"lt": {"id": 7}}]})),
            [5, 6]
        );
        assert_eq!(matching(json!({"not": {"gt": {"id": 1}}})), [1]);
        assert_eq!(
            matching(json!({"or": [{"eq": {"id": 1}}, {"eq": {"id": 20}}]})),
            [1, 20]
        );
        assert_eq!(matching(json!({"like": {"email": "%.12@%"}})), [12]);
        assert_eq!(matching(json!({"eq": {"missing": 1}})), Vec::<u64>::new());
        let all = matching(json!({"gte": {"id": 1}}));
        assert_eq!(all.len(), 20);
    }

    #[test]
    fn fuzzy_and_semantic_match_words() {
        assert!(fuzzy("Grace 12", "grase"));
        assert!(!fuzzy("Grace 12", "gloria"));
        assert!(semantic("desk lamp", "a lamp for the desk"));
        assert!(!semantic("desk lamp", "pen"));
        assert!(within_one_edit("abc", "abd") && within_one_edit("abc", "ab"));
        assert!(!within_one_edit("abc", "xyz"));
    }

    #[test]
    fn malformed_conditions_are_refused_where_they_are() {
        for bad in [
            json!({}),
            json!({"eq": {"a": 1}, "gt": {"a": 0}}),
            json!({"between": {"a": [1, 2]}}),
            json!({"and": {"eq": {"a": 1}}}),
            json!({"in": {"a": 1}}),
            json!({"like": {"a": 1}}),
            json!({"eq": {}}),
            json!({"or": [{"eq": {"a": 1}}, {"nope": {}}]}),
        ] {
            assert!(parse(&bad, &["where".to_owned()]).is_err(), "{bad}");
        }
    }
}
