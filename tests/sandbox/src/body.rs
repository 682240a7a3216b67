//! Request bodies: reading them with a size cap (413 past it), and JSON parsing with
//! FastAPI-style 422 errors.

use std::pin::Pin;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::HeaderMap;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http_body::Body as _;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, Detail};
use crate::state::AppState;

/// The default of [`crate::SandboxConfig::max_request_body`], re-exported as
/// [`crate::MAX_REQUEST_BODY`].
pub(crate) const MAX_REQUEST_BODY: usize = 1024 * 1024;

/// At most how many bytes of a refused body (counting those read before the refusal) the
/// sandbox reads and throws away after answering 413 (64 MiB), so that a client that writes its
/// whole body before it reads the response can finish writing and read the 413. A body
/// declared longer is not read at all: the connection closes after the 413.
const DISCARD_MAX: u64 = 64 * 1024 * 1024;

/// How long the sandbox goes on throwing a refused body away before it closes the connection.
const DISCARD_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a body could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Longer than the limit: `len` is the declared `Content-Length`, or the bytes received
    /// before reading stopped.
    TooLarge {
        /// See the variant.
        len: usize,
    },
    /// The connection failed mid-body.
    Unreadable,
}

/// Reads a whole body of at most `limit` bytes. A `Content-Length` (in `headers`) over the
/// limit is refused before a byte of the body is read; a body without one (chunked) is read
/// until it passes the limit, and refused then, so at most `limit` plus one frame is ever
/// buffered. After a refusal the rest of the body is thrown away in the background, never
/// kept (see [`DISCARD_MAX`]).
pub(crate) async fn read_capped(
    headers: &HeaderMap,
    mut body: axum::body::Body,
    limit: usize,
) -> Result<Bytes, BodyError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    // The header, or failing that the body's own hint (an exact length it knows of).
    let known = declared.unwrap_or(body.size_hint().lower());
    if known > limit as u64 {
        if known <= DISCARD_MAX {
            discard(body, 0);
        }
        return Err(BodyError::TooLarge {
            len: usize::try_from(known).unwrap_or(usize::MAX),
        });
    }
    let mut buf: Vec<u8> = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.map_err(|_| BodyError::Unreadable)?.into_data() else {
            continue; // trailers
        };
        let len = buf.len().saturating_add(data.len());
        if len > limit {
            discard(body, len as u64);
            return Err(BodyError::TooLarge { len });
        }
        if buf.is_empty() && body.is_end_stream() {
            return Ok(data); // the whole body in one frame: no copy
        }
        buf.extend_from_slice(&data);
    }
    Ok(Bytes::from(buf))
}

/// Reads what is left of a refused `body` and drops it, in a task of its own, until the body
/// ends, [`DISCARD_MAX`] bytes in all (`seen` of them already read) or [`DISCARD_TIMEOUT`];
/// dropping the body then closes the connection.
fn discard(mut body: axum::body::Body, mut seen: u64) {
    tokio::spawn(async move {
        let _ = tokio::time::timeout(DISCARD_TIMEOUT, async move {
            while let Some(Ok(frame)) =
                std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
            {
                seen += frame.data_ref().map_or(0, |d| d.len() as u64);
                if seen > DISCARD_MAX {
                    break;
                }
            }
        })
        .await;
    });
}

/// A JSON request body parsed into `T`; a body that does not fit becomes a 422 whose `loc`
/// starts with `"body"`.
///
/// A form-encoded, multipart, empty or malformed body is read as `{}`, so the first missing
/// required field is reported (`[{"loc": ["body","client_id"], "msg": "field required", ...}]`),
/// as the real service does for a form-encoded token request. A body over
/// [`crate::SandboxConfig::max_request_body`] is a 413 (see [`read_capped`]).
pub(crate) struct Body<T>(pub T);

impl<T> FromRequest<AppState> for Body<T>
where
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                let ct = ct.to_ascii_lowercase();
                ct.starts_with("application/x-www-form-urlencoded")
                    || ct.starts_with("multipart/form-data")
            });
        let limit = state.config.max_request_body;
        let (parts, body) = req.into_parts();
        let bytes = read_capped(&parts.headers, body, limit)
            .await
            .map_err(|err| match err {
                BodyError::TooLarge { .. } => ApiError::PayloadTooLarge { limit },
                BodyError::Unreadable => {
                    ApiError::invalid(&["body"], "could not read body", "value_error")
                }
            })?;
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
