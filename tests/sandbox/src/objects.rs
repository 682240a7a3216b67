//! Response bodies assembled from values already built. `json!` copies every `Value` it is
//! given through serde's serializer (a deep copy of a whole connector spec per response);
//! [`object`] moves them in.

use serde_json::{Map, Value};

/// The JSON object of `fields`, keys in the order given, each value moved in as it is.
pub(crate) fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut map = Map::with_capacity(N);
    for (key, value) in fields {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// A list body, `{"data": [...]}`.
pub(crate) fn list(data: Vec<Value>) -> Value {
    object([("data", Value::Array(data))])
}

/// A page of a paginated list, `{"data": [...], "next": url or null}`.
pub(crate) fn page(data: Vec<Value>, next: Option<String>) -> Value {
    object([
        ("data", Value::Array(data)),
        ("next", next.map_or(Value::Null, Value::String)),
    ])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn keeps_the_order_given_and_the_values() {
        let body = object([("z", json!(1)), ("a", json!({"b": [true]}))]);
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"z":1,"a":{"b":[true]}}"#
        );
    }

    #[test]
    fn spells_lists_and_pages() {
        assert_eq!(list(vec![json!(1)]), json!({"data": [1]}));
        assert_eq!(page(vec![], None), json!({"data": [], "next": null}));
        assert_eq!(
            page(vec![json!("w")], Some("http://x/next".into())),
            json!({"data": ["w"], "next": "http://x/next"})
        );
    }
}
