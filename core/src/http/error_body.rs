//! Turning a non-success response into an [`Error`]: the error-body shapes the service and
//! the servers in front of it send (`{"message", "errors"}`, FastAPI's `{"detail"}`, RFC 9457
//! `application/problem+json` and HAL `_embedded.errors`), and a bounded snippet of anything
//! else. Every text taken from a body passes through
//! [`crate::redact`] first, with the strings of the request that must not be echoed.

use serde::Deserialize;
use serde_json::Value;

use crate::Error;
use crate::error::{FieldError, RateLimit};

/// The most of a non-JSON body kept in an error, in bytes.
pub(crate) const SNIPPET_LIMIT: usize = 4096;

/// `{"message": str|null, "errors": [{"field", "message", "error_code"}]}`.
#[derive(Deserialize)]
struct MessageShape {
    message: Option<String>,
    #[serde(default)]
    errors: Option<Vec<MessageShapeError>>,
}

#[derive(Deserialize)]
struct MessageShapeError {
    field: Option<String>,
    message: Option<String>,
    error_code: Option<String>,
}

/// `{"detail": "text"}` or `{"detail": [{"loc": [...], "msg", "type"}]}`.
#[derive(Deserialize)]
struct DetailShape {
    detail: Value,
}

#[derive(Deserialize)]
struct DetailItem {
    #[serde(default)]
    loc: Vec<Value>,
    msg: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// `{"message": str, "_embedded": {"errors": [{"message", "path"?, "field"?, "logref"?}]}}`,
/// a HAL (`application/hal+json`, vnd.error) body.
#[derive(Deserialize)]
struct HalError {
    message: Option<String>,
    field: Option<String>,
    path: Option<String>,
    error_code: Option<String>,
    logref: Option<String>,
}

/// The service's message and per-field problems, from whichever shape the body has.
#[cfg(test)]
pub(crate) fn parse(body: &[u8]) -> (String, Vec<FieldError>) {
    parse_shapes(body).unwrap_or_else(|| (snippet(body), Vec::new()))
}

/// The message and field errors of a body in one of the known error shapes; `None` for any
/// other body.
fn parse_shapes(body: &[u8]) -> Option<(String, Vec<FieldError>)> {
    let Ok(value @ Value::Object(_)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    // Before the `detail` shape: a problem's `detail` is one part of its message.
    if is_problem(&value) {
        return Some(from_problem(&value));
    }
    if let Some(Value::Array(items)) = value.pointer("/_embedded/errors") {
        return Some(from_hal(value.get("message"), items));
    }
    if value.get("detail").is_some()
        && let Ok(shape) = DetailShape::deserialize(&value)
    {
        return Some(from_detail(shape.detail));
    }
    if (value.get("message").is_some() || value.get("errors").is_some())
        && let Ok(shape) = MessageShape::deserialize(&value)
    {
        return Some(from_message(shape));
    }
    None
}

/// [`parse`] with every text redacted: the service's message and each field error's field
/// and message scrubbed and bounded, a non-JSON body quoted only as [`Redaction::snippet`].
pub(crate) fn parse_redacted(body: &[u8], redaction: &Redaction) -> (String, Vec<FieldError>) {
    let Some((detail, errors)) = parse_shapes(body) else {
        return (redaction.snippet(body), Vec::new());
    };
    let detail = redaction.text(&detail);
    let errors = errors
        .into_iter()
        .map(|e| FieldError {
            field: e.field.map(|f| redaction.text(&f)),
            message: redaction.text(&e.message),
            code: e.code.map(|c| redaction.text(&c)),
        })
        .collect();
    (detail, errors)
}

/// An RFC 9457 problem (`application/problem+json`): a string `title`, or a string `type`
/// with a numeric `status` on a body that is not in the `{"message", "errors"}` shape.
fn is_problem(value: &Value) -> bool {
    value.get("title").is_some_and(Value::is_string)
        || (value.get("type").is_some_and(Value::is_string)
            && value.get("status").is_some_and(Value::is_number)
            && value.get("message").is_none()
            && value.get("errors").is_none())
}

/// `{"type", "title", "status", "detail", "data": {"message"}}` → `title: specific`, where the
/// specific part is `data.message` (or `data` as text), else `detail`: the title alone is only
/// the status's name, and the service's `detail` is often the generic sentence of the type.
fn from_problem(value: &Value) -> (String, Vec<FieldError>) {
    let title = text_of(value.get("title"));
    let data = value.get("data");
    let data_message = text_of(data.and_then(|d| d.get("message"))).or_else(|| text_of(data));
    let (detail, errors) = match value.get("detail") {
        None | Some(Value::Null) => (None, Vec::new()),
        Some(d @ Value::String(_)) => (text_of(Some(d)), Vec::new()),
        Some(other) => {
            let (summary, errors) = from_detail(other.clone());
            (Some(summary), errors)
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for part in [title, data_message.or(detail)].into_iter().flatten() {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    if parts.is_empty() {
        return (String::from("no detail given"), errors);
    }
    (parts.join(": "), errors)
}

/// `{"message", "_embedded": {"errors": [...]}}` → `message: error; error`, each error a
/// field error named by its `field` or `path`.
fn from_hal(message: Option<&Value>, items: &[Value]) -> (String, Vec<FieldError>) {
    let errors: Vec<FieldError> = items
        .iter()
        .map(|item| match HalError::deserialize(item) {
            Ok(e) => FieldError {
                field: e.field.or(e.path),
                message: e.message.unwrap_or_default(),
                code: e.error_code.or(e.logref),
            },
            Err(_) => unshaped(item),
        })
        .collect();
    let detail = match text_of(message) {
        None => summarise(&errors),
        Some(m) if errors.is_empty() => m,
        Some(m) => {
            let summary = summarise(&errors);
            if summary == m {
                summary
            } else {
                format!("{m}: {summary}")
            }
        }
    };
    (detail, errors)
}

/// A JSON string's text, trimmed; `None` for anything else or a blank string.
fn text_of(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// A field error from a list item of no known shape: its text, or its JSON.
fn unshaped(item: &Value) -> FieldError {
    FieldError {
        field: None,
        message: item
            .as_str()
            .map_or_else(|| item.to_string(), str::to_owned),
        code: None,
    }
}

fn from_detail(detail: Value) -> (String, Vec<FieldError>) {
    match detail {
        Value::String(text) => (text, Vec::new()),
        Value::Array(items) => {
            let errors: Vec<FieldError> = items
                .into_iter()
                .map(|item| match DetailItem::deserialize(&item) {
                    Ok(d) => FieldError {
                        field: join_loc(&d.loc),
                        message: d.msg.unwrap_or_default(),
                        code: d.kind,
                    },
                    Err(_) => unshaped(&item),
                })
                .collect();
            (summarise(&errors), errors)
        }
        Value::Null => (String::from("no detail given"), Vec::new()),
        other => (other.to_string(), Vec::new()),
    }
}

fn from_message(shape: MessageShape) -> (String, Vec<FieldError>) {
    let errors: Vec<FieldError> = shape
        .errors
        .unwrap_or_default()
        .into_iter()
        .map(|e| FieldError {
            field: e.field,
            message: e.message.unwrap_or_default(),
            code: e.error_code,
        })
        .collect();
    let detail = match shape.message {
        Some(m) if !m.trim().is_empty() => m,
        _ => summarise(&errors),
    };
    (detail, errors)
}

/// `["body", "allowed_origin"]` → `body.allowed_origin`; `["body", "items", 0]` →
/// `body.items.0`.
fn join_loc(loc: &[Value]) -> Option<String> {
    let parts: Vec<String> = loc
        .iter()
        .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
        .collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

fn summarise(errors: &[FieldError]) -> String {
    if errors.is_empty() {
        return String::from("no detail given");
    }
    errors
        .iter()
        .map(FieldError::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// What to keep out of an error built from a response. Built only on the error path: a
/// success never parses the request body for its secrets.
#[derive(Debug, Default, Clone)]
pub(crate) struct Redaction {
    /// Strings of the request that must not be echoed (its secrets, its bearer token).
    known: Vec<String>,
    /// The route answers with tokens: no raw part of its body is ever quoted.
    withhold_body: bool,
}

impl Redaction {
    /// The redaction for the response to a request with JSON `body` (its secret-named values
    /// and connector-config strings, see [`crate::redact::known_secrets`]) sent with
    /// `bearer`; `withhold_body` for a route that returns tokens.
    pub(crate) fn for_request(
        body: Option<&[u8]>,
        bearer: Option<&str>,
        withhold_body: bool,
    ) -> Self {
        let mut known = body.map(crate::redact::known_secrets).unwrap_or_default();
        known.extend(bearer.map(str::to_owned));
        Redaction {
            known,
            withhold_body,
        }
    }

    fn known(&self) -> Vec<&str> {
        self.known.iter().map(String::as_str).collect()
    }

    /// `text` scrubbed and bounded.
    pub(crate) fn text(&self, text: &str) -> String {
        crate::redact::clean_known(text, &self.known())
    }

    /// A bounded, scrubbed snippet of `body`, or only its size when the body is withheld.
    pub(crate) fn snippet(&self, body: &[u8]) -> String {
        if self.withhold_body {
            return withheld(body);
        }
        let known = self.known();
        snippet_with(body, |text| crate::redact::scrub_known(text, &known))
    }
}

/// The description of a token route's body that is not quoted.
pub(crate) fn withheld(body: &[u8]) -> String {
    if body.iter().all(u8::is_ascii_whitespace) {
        return String::from("empty response body");
    }
    format!(
        "a body of {} bytes, not quoted: this route returns tokens",
        body.len()
    )
}

/// At most [`SNIPPET_LIMIT`] bytes of the body as text (invalid UTF-8 shown as U+FFFD),
/// cut on a character boundary, followed by `… (N bytes in all)` when anything was cut.
/// Not yet scrubbed: callers use [`Redaction::snippet`].
#[cfg(test)]
pub(crate) fn snippet(body: &[u8]) -> String {
    snippet_with(body, str::to_owned)
}

/// [`snippet`] with `scrub` applied to the text before the final cut (so the snippet stays
/// within the limit however much the scrubbing grows it, and a secret is removed whole
/// before anything is cut).
fn snippet_with(body: &[u8], scrub: impl Fn(&str) -> String) -> String {
    if body.iter().all(u8::is_ascii_whitespace) {
        return String::from("empty response body");
    }
    let lossy = scrub(&String::from_utf8_lossy(
        &body[..body.len().min(SNIPPET_LIMIT)],
    ));
    // Each invalid byte becomes a 3-byte U+FFFD and each secret `[REDACTED]`: cut the text
    // again to stay within the limit.
    let mut end = lossy.len().min(SNIPPET_LIMIT);
    while !lossy.is_char_boundary(end) {
        end -= 1;
    }
    let text = lossy[..end].trim_end_matches('\u{FFFD}').trim();
    if body.len() > SNIPPET_LIMIT || end < lossy.len() {
        format!("{text}… ({} bytes in all)", body.len())
    } else {
        text.to_owned()
    }
}

/// The error for a response with a non-success `status`, its texts redacted as `redaction`
/// says.
pub(crate) fn to_error(
    status: i32,
    rate_limit: RateLimit,
    body: &[u8],
    redaction: &Redaction,
) -> Error {
    let (detail, field_errors) = parse_redacted(body, redaction);
    match status {
        400 | 422 => Error::Validation {
            status,
            detail,
            field_errors,
        },
        401 => Error::Unauthorized { status, detail },
        403 => Error::Forbidden {
            status,
            detail,
            field_errors,
        },
        404 => Error::NotFound { status, detail },
        429 => Error::RateLimited {
            status,
            detail,
            rate_limit,
        },
        500..=599 => Error::Server { status, detail },
        _ => Error::UnexpectedStatus { status, detail },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_shape_parses_with_field_errors() {
        let body = br#"{"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}"#;
        let (detail, errors) = parse(body);
        assert_eq!(detail, "Invalid request");
        assert_eq!(
            errors,
            vec![FieldError {
                field: Some("name".into()),
                message: "too long".into(),
                code: Some("max_length".into())
            }]
        );
    }

    #[test]
    fn message_shape_with_null_message_is_summarised() {
        let body = br#"{"message": null, "errors": [{"field": null, "message": "nope", "error_code": null}]}"#;
        assert_eq!(parse(body).0, "nope");
    }

    #[test]
    fn detail_string_parses() {
        assert_eq!(
            parse(br#"{"detail": "Token expired"}"#),
            ("Token expired".into(), vec![])
        );
    }

    #[test]
    fn detail_list_parses_with_joined_locations() {
        let body = br#"{"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["query", "limit", 0], "msg": "too big", "type": "x"}]}"#;
        let (detail, errors) = parse(body);
        assert_eq!(errors[0].field.as_deref(), Some("body.allowed_origin"));
        assert_eq!(errors[0].code.as_deref(), Some("value_error.missing"));
        assert_eq!(errors[1].field.as_deref(), Some("query.limit.0"));
        assert_eq!(
            detail,
            "body.allowed_origin: field required; query.limit.0: too big"
        );
    }

    #[test]
    fn problem_json_keeps_the_specific_message() {
        let body = br#"{"type": "https://reference.airbyte.com/reference/errors#bad-request", "title": "Bad Request", "status": 400, "detail": "The request could not be understood by the server due to malformed syntax.", "data": {"message": "workspace name already taken"}}"#;
        assert_eq!(
            parse(body),
            ("Bad Request: workspace name already taken".into(), vec![])
        );
        // Without `data.message`, the `detail` is the specific part.
        let body = br#"{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Workspace w1 not found"}"#;
        assert_eq!(parse(body).0, "Not Found: Workspace w1 not found");
        // A title alone, a detail alone, or `data` as plain text.
        assert_eq!(
            parse(br#"{"title": "Conflict", "status": 409}"#).0,
            "Conflict"
        );
        assert_eq!(
            parse(br#"{"type": "about:blank", "status": 400, "detail": "name is too long"}"#).0,
            "name is too long"
        );
        assert_eq!(
            parse(br#"{"title": "Bad Request", "status": 400, "data": "name is too long"}"#).0,
            "Bad Request: name is too long"
        );
        // The message shape with a `type` and `status` keeps its field errors.
        let body = br#"{"type": "validation", "status": 400, "message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": null}]}"#;
        let (detail, errors) = parse(body);
        assert_eq!((detail.as_str(), errors.len()), ("Invalid request", 1));
        // Nothing said twice.
        assert_eq!(
            parse(br#"{"title": "Bad Request", "detail": "Bad Request", "status": 400}"#).0,
            "Bad Request"
        );
    }

    #[test]
    fn hal_errors_become_field_errors() {
        let body = br#"{"message": "Bad Request", "_links": {"self": {"href": "/api/v1/workspaces", "templated": false}}, "_embedded": {"errors": [{"message": "workspace name already taken"}]}}"#;
        let (detail, errors) = parse(body);
        assert_eq!(detail, "Bad Request: workspace name already taken");
        assert_eq!(
            errors,
            vec![FieldError {
                field: None,
                message: "workspace name already taken".into(),
                code: None
            }]
        );
        let body = br#"{"message": "Bad Request", "_embedded": {"errors": [{"message": "must not be blank", "path": "/name"}, {"message": "too long", "field": "description", "logref": "max_length"}]}}"#;
        let (detail, errors) = parse(body);
        assert_eq!(
            detail,
            "Bad Request: /name: must not be blank; description: too long"
        );
        assert_eq!(errors[0].field.as_deref(), Some("/name"));
        assert_eq!(errors[1].field.as_deref(), Some("description"));
        assert_eq!(errors[1].code.as_deref(), Some("max_length"));
        // No top-level message: the errors are the message.
        let body = br#"{"_embedded": {"errors": [{"message": "nope"}]}}"#;
        assert_eq!(parse(body).0, "nope");
        // The only error repeating the message is not said twice.
        let body =
            br#"{"message": "Bad Request", "_embedded": {"errors": [{"message": "Bad Request"}]}}"#;
        assert_eq!(parse(body).0, "Bad Request");
    }

    #[test]
    fn problem_and_hal_texts_are_redacted() {
        let secret = "sk-live-0123456789abcdef";
        let request = format!(r#"{{"client_secret": "{secret}"}}"#);
        let redaction = Redaction::for_request(Some(request.as_bytes()), None, false);
        let body = format!(
            r#"{{"title": "Bad Request", "status": 400, "data": {{"message": "bad key {secret}"}}}}"#
        );
        let (detail, _) = parse_redacted(body.as_bytes(), &redaction);
        assert!(
            detail.starts_with("Bad Request: bad key") && !detail.contains(secret),
            "{detail}"
        );
        let body = format!(
            r#"{{"message": "Bad Request", "_embedded": {{"errors": [{{"message": "bad key {secret}", "path": "/{secret}"}}]}}}}"#
        );
        let (detail, errors) = parse_redacted(body.as_bytes(), &redaction);
        assert!(!detail.contains(secret), "{detail}");
        assert!(!errors[0].message.contains(secret), "{errors:?}");
        assert!(
            !errors[0].field.as_deref().unwrap().contains(secret),
            "{errors:?}"
        );
    }

    #[test]
    fn html_is_kept_as_a_snippet() {
        let body = b"<html><body><h1>502 Bad Gateway</h1></body></html>";
        let (detail, errors) = parse(body);
        assert!(detail.contains("502 Bad Gateway"));
        assert!(errors.is_empty());
    }

    #[test]
    fn long_bodies_are_bounded() {
        let body = "é".repeat(5000);
        let s = snippet(body.as_bytes());
        assert!(s.len() <= SNIPPET_LIMIT + 40, "{}", s.len());
        assert!(s.ends_with("(10000 bytes in all)"));
    }

    #[test]
    fn invalid_utf8_does_not_grow_the_snippet_past_the_limit() {
        // Found by the `error_body` fuzz target: 4096 invalid bytes became 12 KiB of U+FFFD.
        let body = vec![0xff; 5000];
        let s = snippet(&body);
        assert!(s.len() <= SNIPPET_LIMIT + 40, "{}", s.len());
        assert!(s.ends_with("(5000 bytes in all)"), "{s}");
        let mut mixed = b"<html>".to_vec();
        mixed.extend(std::iter::repeat_n(0xfe, 2000));
        let s = snippet(&mixed);
        assert!(
            s.len() <= SNIPPET_LIMIT + 40 && s.starts_with("<html>"),
            "{}",
            s.len()
        );
    }

    #[test]
    fn empty_and_odd_json_bodies_do_not_fail() {
        assert_eq!(parse(b"").0, "empty response body");
        assert_eq!(parse(b"[1,2]").0, "[1,2]");
        assert_eq!(parse(br#"{"detail": null}"#).0, "no detail given");
        assert_eq!(parse(br#"{"detail": {"a": 1}}"#).0, r#"{"a":1}"#);
    }

    #[test]
    fn statuses_map_to_variants() {
        let rl = RateLimit::default();
        assert!(matches!(
            to_error(422, rl, b"{}", &Redaction::default()),
            Error::Validation { status: 422, .. }
        ));
        assert!(matches!(
            to_error(401, rl, b"", &Redaction::default()),
            Error::Unauthorized { .. }
        ));
        assert!(matches!(
            to_error(403, rl, b"", &Redaction::default()),
            Error::Forbidden { .. }
        ));
        assert!(matches!(
            to_error(404, rl, b"", &Redaction::default()),
            Error::NotFound { .. }
        ));
        assert!(matches!(
            to_error(429, rl, b"", &Redaction::default()),
            Error::RateLimited { .. }
        ));
        assert!(matches!(
            to_error(502, rl, b"", &Redaction::default()),
            Error::Server { status: 502, .. }
        ));
        assert!(matches!(
            to_error(409, rl, b"", &Redaction::default()),
            Error::UnexpectedStatus { status: 409, .. }
        ));
    }
}
