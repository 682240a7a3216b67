//! Opt-in conversion of strings to the scalar type the spec asks for.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::merge::{all_parts, with_selected_branch};
use super::schema::Discriminators;
use super::{SECRET_MASK, schema, secrets};

/// One change made by [`super::ValidationOptions::coerce_scalars`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Coercion {
    /// JSON pointer of the changed value in the source config (`"/port"`).
    pub path: String,
    /// The value as given (`"5432"`), or [`SECRET_MASK`] at a secret path. `from_value` in
    /// the foreign languages (`from` is a keyword in Python).
    #[cfg_attr(feature = "uniffi", uniffi(name = "from_value"))]
    pub from: Value,
    /// The value as it will be sent (`5432`), or [`SECRET_MASK`] at a secret path.
    /// `to_value` in the foreign languages.
    #[cfg_attr(feature = "uniffi", uniffi(name = "to_value"))]
    pub to: Value,
}

/// Converts, in place, every string of `config` whose schema asks for an integer, a number or
/// a boolean (and does not also allow a string) and that reads exactly as one:
/// - integer: `"5432"`, `"-1"`, `"1e3"` and `"5432.0"` (a whole number); not `" 5432"`;
/// - number: anything Rust reads as a finite `f64` (`"0.5"`, `"1e-3"`), integers kept exact;
/// - boolean: `"true"` / `"false"`, any letter case.
///
/// Branches are followed by discriminator (the config's own value, else the template
/// default's); a `oneOf` without one is not entered. `known` holds the schema's
/// discriminators (or is empty). Returns one [`Coercion`] per change.
pub(crate) fn coerce(
    root: &Value,
    known: &Discriminators,
    config: &mut Map<String, Value>,
    defaults: &Map<String, Value>,
    secret_paths: &[String],
) -> Vec<Coercion> {
    let mut out = Vec::new();
    coerce_object(
        root,
        known,
        &[root],
        config,
        Some(defaults),
        &mut String::new(),
        secret_paths,
        &mut out,
        0,
    );
    out
}

#[allow(clippy::too_many_arguments)]
fn coerce_object(
    root: &Value,
    known: &Discriminators,
    nodes: &[&Value],
    object: &mut Map<String, Value>,
    defaults: Option<&Map<String, Value>>,
    path: &mut String,
    secret_paths: &[String],
    out: &mut Vec<Coercion>,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    let parts = with_selected_branch(root, known, all_parts(root, nodes), object, defaults);
    for (key, value) in object.iter_mut() {
        let declared = schema::property(&parts, key);
        if declared.is_empty() {
            continue;
        }
        let default = defaults.and_then(|d| d.get(key));
        let len = path.len();
        path.push('/');
        path.push_str(&schema::escape_segment(key));
        coerce_value(
            root,
            known,
            &declared,
            value,
            default,
            path,
            secret_paths,
            out,
            depth + 1,
        );
        path.truncate(len);
    }
}

#[allow(clippy::too_many_arguments)]
fn coerce_value(
    root: &Value,
    known: &Discriminators,
    nodes: &[&Value],
    value: &mut Value,
    default: Option<&Value>,
    path: &mut String,
    secret_paths: &[String],
    out: &mut Vec<Coercion>,
    depth: usize,
) {
    match value {
        Value::String(text) => {
            let parts = all_parts(root, nodes);
            if let Some(converted) = convert(text, &schema::types(&parts)) {
                let secret = secret_paths
                    .iter()
                    .any(|p| secrets::pointer_is_under(p, path));
                let shown = |v: &Value| {
                    if secret {
                        Value::String(SECRET_MASK.to_owned())
                    } else {
                        v.clone()
                    }
                };
                out.push(Coercion {
                    path: path.clone(),
                    from: shown(value),
                    to: shown(&converted),
                });
                *value = converted;
            }
        }
        Value::Object(object) => coerce_object(
            root,
            known,
            nodes,
            object,
            default.and_then(Value::as_object),
            path,
            secret_paths,
            out,
            depth,
        ),
        Value::Array(items) => {
            let parts = all_parts(root, nodes);
            for (i, item) in items.iter_mut().enumerate() {
                let Some(item_schema) = schema::item_schema(&parts, i) else {
                    continue;
                };
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                coerce_value(
                    root,
                    known,
                    &[item_schema],
                    item,
                    None,
                    path,
                    secret_paths,
                    out,
                    depth + 1,
                );
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn convert(text: &str, types: &[&str]) -> Option<Value> {
    if types.is_empty() || types.contains(&"string") {
        return None;
    }
    if types.contains(&"integer")
        && let Some(n) = parse_integer(text)
    {
        return Some(Value::Number(n));
    }
    if types.contains(&"number") {
        if let Some(n) = parse_integer(text) {
            return Some(Value::Number(n));
        }
        if let Some(n) = parse_float(text).and_then(Number::from_f64) {
            return Some(Value::Number(n));
        }
    }
    if types.contains(&"boolean") {
        if text.eq_ignore_ascii_case("true") {
            return Some(Value::Bool(true));
        }
        if text.eq_ignore_ascii_case("false") {
            return Some(Value::Bool(false));
        }
    }
    None
}

fn parse_integer(text: &str) -> Option<Number> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(Number::from(i));
    }
    if let Ok(u) = text.parse::<u64>() {
        return Some(Number::from(u));
    }
    let f = parse_float(text)?;
    // Whole numbers within the range where every integer is exact in an f64.
    if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 {
        return Some(Number::from(f as i64));
    }
    None
}

fn parse_float(text: &str) -> Option<f64> {
    // Rust also reads "inf", "NaN" and "infinity": not numbers in JSON.
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|f| f.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_become_the_declared_scalar() {
        assert_eq!(convert("5432", &["integer"]), Some(json!(5432)));
        assert_eq!(convert("5432.0", &["integer"]), Some(json!(5432)));
        assert_eq!(convert("1e3", &["integer"]), Some(json!(1000)));
        assert_eq!(convert("5432.5", &["integer"]), None);
        assert_eq!(convert(" 5432", &["integer"]), None);
        assert_eq!(convert("0.5", &["number"]), Some(json!(0.5)));
        assert_eq!(convert("7", &["number", "null"]), Some(json!(7)));
        assert_eq!(convert("NaN", &["number"]), None);
        assert_eq!(convert("inf", &["number"]), None);
        assert_eq!(convert("TRUE", &["boolean"]), Some(json!(true)));
        assert_eq!(convert("yes", &["boolean"]), None);
        assert_eq!(convert("5432", &["integer", "string"]), None);
        assert_eq!(convert("5432", &[]), None);
    }

    #[test]
    fn coercion_follows_nesting_branches_and_arrays_and_hides_secrets() {
        let root = json!({
            "type": "object",
            "properties": {
                "port": {"type": "integer"},
                "name": {"type": "string"},
                "pin": {"type": "integer", "airbyte_secret": true},
                "ids": {"type": "array", "items": {"type": "integer"}},
                "ssl": {"oneOf": [
                    {"properties": {"mode": {"const": "off"}}},
                    {"properties": {"mode": {"const": "on"}, "verify": {"type": "boolean"}}}
                ]}
            }
        });
        let mut config = json!({
            "port": "5432", "name": "42", "pin": "1234", "ids": ["1", 2, "x"],
            "ssl": {"verify": "false"}
        })
        .as_object()
        .unwrap()
        .clone();
        let defaults = json!({"ssl": {"mode": "on"}}).as_object().unwrap().clone();
        let changes = coerce(
            &root,
            &Discriminators::of(&root),
            &mut config,
            &defaults,
            &["/pin".to_owned()],
        );
        assert_eq!(
            Value::Object(config),
            json!({"port": 5432, "name": "42", "pin": 1234, "ids": [1, 2, "x"], "ssl": {"verify": false}})
        );
        assert_eq!(
            changes,
            vec![
                Coercion {
                    path: "/port".into(),
                    from: json!("5432"),
                    to: json!(5432)
                },
                Coercion {
                    path: "/pin".into(),
                    from: json!(SECRET_MASK),
                    to: json!(SECRET_MASK)
                },
                Coercion {
                    path: "/ids/0".into(),
                    from: json!("1"),
                    to: json!(1)
                },
                Coercion {
                    path: "/ssl/verify".into(),
                    from: json!("false"),
                    to: json!(false)
                },
            ]
        );
    }
}
