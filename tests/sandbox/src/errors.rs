//! Error responses in the two shapes the real service uses.
//!
//! - `{"detail": "text"}` for 401, 404, 405 and 413, and `{"detail": [{"loc", "msg", "type"}]}` for 422;
//! - `{"message": str, "errors": [{"field", "message", "error_code"}]}` for 400, 403, 429 and 500.

use axum::Json;
use axum::http::header::CONNECTION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

/// What every handler returns.
pub(crate) type ApiResult<T = Json<Value>> = Result<T, ApiError>;

/// One entry of a `{"message", "errors": [...]}` body.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ErrorItem {
    pub field: Option<String>,
    pub message: String,
    pub error_code: Option<String>,
}

impl ErrorItem {
    /// An entry about `field` with a machine-readable `code`.
    pub(crate) fn new(field: &str, message: impl Into<String>, code: &str) -> ErrorItem {
        ErrorItem {
            field: Some(field.to_owned()),
            message: message.into(),
            error_code: Some(code.to_owned()),
        }
    }
}

/// One entry of a FastAPI-style `{"detail": [...]}` body.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Detail {
    pub loc: Vec<Value>,
    pub msg: String,
    #[serde(rename = "type")]
    pub kind: String,
}

impl Detail {
    /// An entry whose `loc` is the given path segments.
    pub(crate) fn new(loc: &[&str], msg: impl Into<String>, kind: &str) -> Detail {
        Detail {
            loc: loc.iter().map(|s| json!(s)).collect(),
            msg: msg.into(),
            kind: kind.to_owned(),
        }
    }
}

/// An error response.
#[derive(Debug, Clone)]
pub(crate) enum ApiError {
    /// 400 `{"message", "errors"}`.
    BadRequest {
        message: String,
        errors: Vec<ErrorItem>,
    },
    /// 401 `{"detail"}`.
    Unauthorized(String),
    /// 403 `{"message", "errors"}`.
    Forbidden {
        message: String,
        errors: Vec<ErrorItem>,
    },
    /// 404 `{"detail"}`.
    NotFound(String),
    /// 405 `{"detail": "Method Not Allowed"}`.
    MethodNotAllowed,
    /// 413 `{"detail": "Request body too large: ..."}` naming the limit in bytes, with
    /// `Connection: close` (the rest of the body is thrown away, never kept).
    PayloadTooLarge { limit: usize },
    /// 422 `{"detail": [...]}`.
    Unprocessable(Vec<Detail>),
    /// 429 `{"message": "Rate limit exceeded", "errors": []}` with `Retry-After`.
    RateLimited { retry_after_secs: u64 },
    /// 500 `{"message", "errors": []}`.
    Internal(String),
}

impl ApiError {
    /// 404 naming what was not found (`"Workspace not found"`).
    pub(crate) fn not_found(what: &str) -> ApiError {
        ApiError::NotFound(format!("{what} not found"))
    }

    /// 403 with no field errors.
    pub(crate) fn forbidden(message: &str) -> ApiError {
        ApiError::Forbidden {
            message: message.to_owned(),
            errors: Vec::new(),
        }
    }

    /// 400 with one field error.
    pub(crate) fn bad_request(message: &str, item: ErrorItem) -> ApiError {
        ApiError::BadRequest {
            message: message.to_owned(),
            errors: vec![item],
        }
    }

    /// 422 with one entry (`kind` is the FastAPI `type`, e.g. `value_error`).
    pub(crate) fn invalid(loc: &[&str], msg: impl Into<String>, kind: &str) -> ApiError {
        ApiError::Unprocessable(vec![Detail::new(loc, msg, kind)])
    }

    /// 500 with `message`.
    pub(crate) fn internal(message: &str) -> ApiError {
        ApiError::Internal(message.to_owned())
    }

    /// 422 "field required" at `loc`.
    pub(crate) fn missing(loc: &[&str]) -> ApiError {
        ApiError::invalid(loc, "field required", "value_error.missing")
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> Value {
        match self {
            ApiError::BadRequest { message, errors } | ApiError::Forbidden { message, errors } => {
                json!({"message": message, "errors": errors})
            }
            ApiError::Internal(message) => json!({"message": message, "errors": []}),
            ApiError::Unauthorized(detail) | ApiError::NotFound(detail) => {
                json!({"detail": detail})
            }
            ApiError::MethodNotAllowed => json!({"detail": "Method Not Allowed"}),
            ApiError::PayloadTooLarge { limit } => json!({
                "detail": format!("Request body too large: the sandbox accepts at most {limit} bytes")
            }),
            ApiError::Unprocessable(details) => json!({"detail": details}),
            ApiError::RateLimited { .. } => {
                json!({"message": "Rate limit exceeded", "errors": []})
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        if let ApiError::RateLimited { retry_after_secs } = self {
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(retry_after_secs));
        }
        if let ApiError::PayloadTooLarge { .. } = self {
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
        }
        if let ApiError::Unauthorized(_) = self {
            response
                .headers_mut()
                .insert("www-authenticate", HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// Fallback for unknown routes: 404 `{"detail": "Not Found"}`.
pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound("Not Found".to_owned())
}

/// Fallback for a known route with the wrong method: 405.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
