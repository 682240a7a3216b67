//! Error responses in the two shapes the service is documented with, picked per status by
//! [`ErrorStyle`]:
//!
//! - the OpenAPI document's `ApiErrorResponse`, `{"message": str, "errors": [{"field",
//!   "message", "error_code"}]}`, documented for 400, 403, 422 and 500;
//! - FastAPI's `{"detail": "text"}`, and `{"detail": [{"loc", "msg", "type"}]}` for 422, which
//!   the published documentation shows for 401, 403, 404 and 422.
//!
//! | status | [`ErrorStyle::FastApi`] (default) | [`ErrorStyle::ApiError`] |
//! |---|---|---|
//! | 400, 429, 500 | `{message, errors}` | `{message, errors}` |
//! | 401, 404, 405, 413 | `{"detail": "text"}` | `{"detail": "text"}` |
//! | 403 | `{"detail": "text"}` | `{message, errors}` |
//! | 422 | `{"detail": [{loc, msg, type}]}` | `{message, errors: [{field, message, error_code}]}` |
//!
//! Statuses neither source shows keep the shape of the one that does (the spec says nothing
//! of 401/404, the docs nothing of 400/429/500). In the `ApiError` style a 422 entry's `field`
//! is its `loc` joined with dots (`body.source_config.port`), `message` its `msg` and
//! `error_code` its `type`; the top-level `message` lists them all.
//!
//! Handlers return an [`ApiError`], which renders in the style [`styled`] set for the request.
//! Canned fault responses ([`FaultAction::Respond`](crate::FaultAction::Respond)) are sent as
//! given; the 500 of [`FaultAction::InternalError`](crate::FaultAction::InternalError) is an
//! [`ApiError`] like any other.

use std::fmt;
use std::str::FromStr;

use axum::extract::{Request, State};
use axum::http::header::CONNECTION;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Value, json};

use crate::state::AppState;

/// Which error body shape the sandbox sends where the service's two sources disagree (see
/// the table in the module docs): [`SandboxConfig::error_style`](crate::SandboxConfig::error_style),
/// or the binary's `--error-style fastapi|api-error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorStyle {
    /// The published documentation's FastAPI bodies: `{"detail": "text"}` for 401, 403, 404,
    /// 405 and 413, `{"detail": [{"loc", "msg", "type"}]}` for 422; `{"message", "errors"}`
    /// only for 400, 429 and 500, which the documentation does not show. The default.
    #[default]
    FastApi,
    /// The OpenAPI document's `ApiErrorResponse` `{"message", "errors": [{"field", "message",
    /// "error_code"}]}` for 400, 403, 422, 429 and 500; `{"detail": "text"}` only for 401, 404,
    /// 405 and 413, which the OpenAPI document does not list.
    ApiError,
}

impl ErrorStyle {
    /// The name the binary's `--error-style` flag takes: `fastapi` or `api-error`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorStyle::FastApi => "fastapi",
            ErrorStyle::ApiError => "api-error",
        }
    }
}

impl fmt::Display for ErrorStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ErrorStyle {
    type Err = String;

    /// `fastapi` or `api-error` (also `api_error`, `apierror`; any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "fastapi" | "fast-api" => Ok(ErrorStyle::FastApi),
            "api-error" | "apierror" => Ok(ErrorStyle::ApiError),
            other => Err(format!(
                "unknown error style {other:?}: expected \"fastapi\" or \"api-error\""
            )),
        }
    }
}

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
    /// 403 `{"detail"}` (FastAPI style) or `{"message", "errors"}` (`ApiError` style).
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
    /// 422 `{"detail": [...]}` (FastAPI style) or `{"message", "errors"}` (`ApiError` style).
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

    /// The body in `style` (see the module docs).
    fn body(&self, style: ErrorStyle) -> Value {
        match (self, style) {
            (ApiError::Forbidden { message, .. }, ErrorStyle::FastApi) => {
                json!({"detail": message})
            }
            (ApiError::Unprocessable(details), ErrorStyle::ApiError) => {
                let errors: Vec<ErrorItem> = details.iter().map(Detail::to_item).collect();
                let summary: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field.as_deref().unwrap_or(""), e.message))
                    .collect();
                json!({
                    "message": format!("Invalid request: {}", summary.join("; ")),
                    "errors": errors,
                })
            }
            _ => self.fastapi_body(),
        }
    }

    fn fastapi_body(&self) -> Value {
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

impl Detail {
    /// The `ApiError`-style entry: `loc` joined with dots, `msg`, `type`.
    fn to_item(&self) -> ErrorItem {
        let field: Vec<String> = self
            .loc
            .iter()
            .map(|segment| match segment {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        ErrorItem {
            field: Some(field.join(".")),
            message: self.msg.clone(),
            error_code: Some(self.kind.clone()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body(current_style()))).into_response();
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

tokio::task_local! {
    /// The style of the request being served (set by [`styled`]).
    static STYLE: ErrorStyle;
}

/// `app` with every [`ApiError`] rendered in the sandbox's
/// [`SandboxConfig::error_style`](crate::SandboxConfig::error_style). The outermost layer, so
/// the request pipeline's own errors are covered too; the style is set for the request's
/// task, and each error reads it when it renders (a fault that truncates or delays the
/// response still applies to the styled body).
pub(crate) fn styled(app: Router, state: AppState) -> Router {
    app.layer(from_fn_with_state(state, with_style))
}

async fn with_style(State(app): State<AppState>, req: Request, next: Next) -> Response {
    STYLE.scope(app.config.error_style, next.run(req)).await
}

/// The style of the request being served; the default outside one.
fn current_style() -> ErrorStyle {
    STYLE.try_with(|style| *style).unwrap_or_default()
}

/// Fallback for unknown routes: 404 `{"detail": "Not Found"}`.
pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound("Not Found".to_owned())
}

/// Fallback for a known route with the wrong method: 405.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(error: &ApiError) -> (Value, Value) {
        (
            error.body(ErrorStyle::FastApi),
            error.body(ErrorStyle::ApiError),
        )
    }

    #[test]
    fn the_styles_differ_only_for_403_and_422() {
        let (fastapi, api) = bodies(&ApiError::forbidden("Access denied to this resource"));
        assert_eq!(fastapi, json!({"detail": "Access denied to this resource"}));
        assert_eq!(
            api,
            json!({"message": "Access denied to this resource", "errors": []})
        );

        let invalid = ApiError::Unprocessable(vec![
            Detail::new(
                &["body", "source_config", "port"],
                "\"x\" is not of type \"integer\"",
                "type",
            ),
            Detail {
                loc: vec![json!("query"), json!("limit"), json!(0)],
                msg: "too big".into(),
                kind: "maximum".into(),
            },
        ]);
        let (fastapi, api) = bodies(&invalid);
        assert_eq!(
            fastapi["detail"][0]["loc"],
            json!(["body", "source_config", "port"])
        );
        assert_eq!(fastapi["detail"][0]["type"], "type");
        assert_eq!(
            api["errors"],
            json!([
                {"field": "body.source_config.port", "message": "\"x\" is not of type \"integer\"", "error_code": "type"},
                {"field": "query.limit.0", "message": "too big", "error_code": "maximum"}
            ])
        );
        assert!(
            api["message"]
                .as_str()
                .unwrap()
                .contains("body.source_config.port")
        );

        for same in [
            ApiError::bad_request("Bad", ErrorItem::new("name", "taken", "duplicate")),
            ApiError::Unauthorized("Token expired".into()),
            ApiError::not_found("Workspace"),
            ApiError::MethodNotAllowed,
            ApiError::PayloadTooLarge { limit: 10 },
            ApiError::RateLimited {
                retry_after_secs: 1,
            },
            ApiError::internal("boom"),
        ] {
            let (fastapi, api) = bodies(&same);
            assert_eq!(fastapi, api, "{same:?}");
        }
        assert_eq!(
            ApiError::internal("boom").body(ErrorStyle::ApiError),
            json!({"message": "boom", "errors": []})
        );
    }

    #[test]
    fn styles_parse_from_their_flag_names() {
        for style in [ErrorStyle::FastApi, ErrorStyle::ApiError] {
            assert_eq!(style.name().parse::<ErrorStyle>(), Ok(style));
        }
        assert_eq!("API_ERROR".parse::<ErrorStyle>(), Ok(ErrorStyle::ApiError));
        assert!("detail".parse::<ErrorStyle>().is_err());
        assert_eq!(ErrorStyle::default(), ErrorStyle::FastApi);
        assert_eq!(current_style(), ErrorStyle::FastApi);
    }
}
