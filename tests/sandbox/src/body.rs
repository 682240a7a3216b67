//! Request bodies: JSON parsing with FastAPI-style 422 errors.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, Detail};

/// A JSON request body parsed into `T`; a body that does not fit becomes a 422 whose `loc`
/// starts with `"body"`.
///
/// A form-encoded, multipart, empty or malformed body is read as `{}`, so the first missing
/// required field is reported (`[{"loc": ["body","client_id"], "msg": "field required", ...}]`),
/// as the real service does for a form-encoded token request.
pub(crate) struct Body<T>(pub T);

impl<T, S> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                let ct = ct.to_ascii_lowercase();
                ct.starts_with("application/x-www-form-urlencoded")
                    || ct.starts_with("multipart/form-data")
            });
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::invalid(&["body"], "could not read body", "value_error"))?;
        let value = if is_form {
            None
        } else {
            serde_json::from_slice::<Value>(&bytes)
                .ok()
                .filter(Value::is_object)
        };
        match value {
            Some(value) => from_value(value, &["body"]).map(Body),
            None => match from_value::<T>(Value::Object(Map::new()), &["body"]) {
                Err(missing) => Err(missing),
                Ok(_) => Err(ApiError::invalid(
                    &["body"],
                    "value is not a valid dict",
                    "type_error.dict",
                )),
            },
        }
    }
}

/// Deserialises `value` into `T`; on failure a 422 whose `loc` is `prefix` followed by the path
/// to the offending field.
pub(crate) fn from_value<T: DeserializeOwned>(
    value: Value,
    prefix: &[&str],
) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let mut loc: Vec<Value> = prefix.iter().map(|s| json!(s)).collect();
        for segment in err.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => loc.push(json!(index)),
                serde_path_to_error::Segment::Map { key } => loc.push(json!(key)),
                serde_path_to_error::Segment::Enum { variant } => loc.push(json!(variant)),
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        let message = err.inner().to_string();
        let detail = if let Some(field) = missing_field(&message) {
            loc.push(json!(field));
            Detail {
                loc,
                msg: "field required".to_owned(),
                kind: "value_error.missing".to_owned(),
            }
        } else {
            let kind = if message.starts_with("invalid type") {
                "type_error"
            } else {
                "value_error"
            };
            Detail {
                loc,
                msg: message,
                kind: kind.to_owned(),
            }
        };
        ApiError::Unprocessable(vec![detail])
    })
}

/// The field name in serde's "missing field `x`" message.
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// Parses a path segment as a resource id; anything but a UUID names no resource, so it is a
/// 404 `{"detail": "<what> not found"}` like an unknown id.
pub(crate) fn path_uuid(raw: &str, what: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| ApiError::not_found(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Creds {
        #[allow(dead_code)]
        client_id: String,
        #[allow(dead_code)]
        client_secret: String,
    }

    fn detail(err: ApiError) -> Vec<Detail> {
        match err {
            ApiError::Unprocessable(d) => d,
            other => panic!("not a 422: {other:?}"),
        }
    }

    #[test]
    fn missing_fields_name_the_field() {
        let d = detail(from_value::<Creds>(json!({"client_id": "x"}), &["body"]).unwrap_err());
        assert_eq!(d[0].loc, vec![json!("body"), json!("client_secret")]);
        assert_eq!(d[0].kind, "value_error.missing");
    }

    #[test]
    fn wrong_types_name_the_path() {
        let d = detail(from_value::<Creds>(json!({"client_id": 5}), &["body"]).unwrap_err());
        assert_eq!(d[0].loc, vec![json!("body"), json!("client_id")]);
        assert_eq!(d[0].kind, "type_error");
    }
}
