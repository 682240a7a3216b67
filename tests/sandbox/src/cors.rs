//! CORS for the sandbox's widget page: the page lives on the widget origin
//! ([`crate::routes::widget::origin`], `http://localhost:<port>`) and calls the API on
//! `http://127.0.0.1:<port>`, so a browser asks first (a preflight `OPTIONS`, since the calls
//! carry `Authorization`) and reads a response only when it names the page's origin.
//!
//! Only the widget origin is allowed, and only under `/api/v1`: a request from any other
//! origin, or with no `Origin` header (every non-browser client), gets no CORS header and is
//! served exactly as before. Credentials mode is not allowed (the widget sends a bearer token,
//! not cookies). A preflight is answered here, before the request pipeline: it is not
//! recorded, matches no fault and is not rate limited, as a preflight carries no token.

use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN,
    VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::pipeline::API_PREFIX;
use crate::routes::widget;
use crate::state::AppState;

/// The methods the contract's routes use.
const METHODS: &str = "GET, POST, PUT, PATCH, DELETE";
/// The request headers the widget may send.
const HEADERS: &str = "authorization, content-type, x-organization-id";
/// The response headers the widget may read beyond the CORS-safelisted ones.
const EXPOSED: &str = "retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset";
/// How long a browser may cache a preflight's answer, in seconds.
const MAX_AGE: &str = "600";

/// Answers preflights from the widget origin, and adds `Access-Control-Allow-Origin` to the
/// responses the widget origin asked for; leaves every other request alone.
pub(crate) async fn cors(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let under_api = path == API_PREFIX || path.starts_with("/api/v1/");
    let allowed = widget::origin(&app.base_url);
    let from_widget = under_api && is_origin(req.headers(), &allowed);
    if !from_widget {
        return next.run(req).await;
    }
    let origin = HeaderValue::from_str(&allowed).unwrap_or(HeaderValue::from_static("null"));
    if req.method() == Method::OPTIONS && req.headers().contains_key(ACCESS_CONTROL_REQUEST_METHOD)
    {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(METHODS),
        );
        headers.insert(
            ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(HEADERS),
        );
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(MAX_AGE));
        headers.insert(VARY, HeaderValue::from_static("origin"));
        return response;
    }
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(
        ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED),
    );
    headers.append(VARY, HeaderValue::from_static("origin"));
    response
}

/// Whether the request's `Origin` header is exactly `origin`.
fn is_origin(headers: &HeaderMap, origin: &str) -> bool {
    headers
        .get(ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == origin)
}
