//! The API proxy (operator, SERVICE-FACTS §8): `POST /sonar/apis/{source_id}/request` sends an
//! HTTP request with the source's stored credentials and answers
//! `{response_status_code, response_body}` (the upstream body as text).
//!
//! The sandbox calls no upstream: it answers as an upstream API would, from the request's URL
//! path:
//!
//! - `/status/{code}` (100 to 599): `response_status_code` is `code`, `response_body`
//!   `{"status": code}`: an upstream error is data in a 200, not an error of the proxy;
//! - `/empty`: 204 and a `null` body;
//! - anything else: 200 and a JSON text describing what arrived: `{"source_id",
//!   "source_type", "method", "url", "header_names" (lowercased, sorted; the values are never
//!   echoed), "body_bytes", "credentials": "stored"}`.
//!
//! 404 for a source the caller cannot see; 422 for a `method` outside the documents'
//! `GET|POST|PUT|DELETE` or a `url` that is not absolute `http(s)://`.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::auth::Operator;
use crate::body::{Body, path_uuid};
use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::source_definition;

/// The proxy route.
pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/sonar/apis/{source_id}/request", post(request))
}

/// `AuthenticationProxyRequest`.
#[derive(Deserialize)]
struct ProxyRequest {
    url: String,
    method: String,
    #[serde(default)]
    headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    body: Option<String>,
}

/// The documents' `HttpMethod`.
const METHODS: [&str; 4] = ["GET", "POST", "PUT", "DELETE"];

async fn request(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(source_id): Path<String>,
    Body(req): Body<ProxyRequest>,
) -> ApiResult {
    let id = path_uuid(&source_id, "Source")?;
    let source_type = {
        let state = app.lock();
        let index = state.store.source_index(&caller, id)?;
        let template = state.store.template_of(&state.store.sources[index]);
        source_definition(template).docker_repository
    };
    if !METHODS.contains(&req.method.as_str()) {
        return Err(ApiError::invalid(
            &["body", "method"],
            "value is not a valid enumeration member; permitted: 'GET', 'POST', 'PUT', 'DELETE'",
            "type_error.enum",
        ));
    }
    let Some(path) = upstream_path(&req.url) else {
        return Err(ApiError::invalid(
            &["body", "url"],
            "must be an absolute http:// or https:// URL",
            "value_error.url",
        ));
    };
    let (status, body) = if let Some(code) = path
        .strip_prefix("/status/")
        .and_then(|c| c.parse::<u16>().ok())
        .filter(|c| (100..600).contains(c))
    {
        (code, Some(json!({ "status": code }).to_string()))
    } else if path == "/empty" {
        (204, None)
    } else {
        let mut names: Vec<String> = req
            .headers
            .unwrap_or_default()
            .keys()
            .map(|k| k.to_ascii_lowercase())
            .collect();
        names.sort();
        let echo = json!({
            "source_id": id,
            "source_type": source_type.strip_prefix("airbyte/source-").unwrap_or(source_type),
            "method": req.method,
            "url": req.url,
            "header_names": names,
            "body_bytes": req.body.as_deref().map_or(0, str::len),
            "credentials": "stored",
        });
        (200, Some(echo.to_string()))
    };
    Ok(Json(
        json!({"response_status_code": status, "response_body": body}),
    ))
}

/// The path of an absolute `http(s)://host/path?query` URL (`/` when it has none), or `None`
/// for anything else.
fn upstream_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ']) {
        return None;
    }
    Some(path.split(['?', '#']).next().unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_have_an_upstream_path() {
        assert_eq!(
            upstream_path("https://api.example.com/v1/x?y=1"),
            Some("/v1/x")
        );
        assert_eq!(upstream_path("http://api.example.com"), Some("/"));
        for bad in ["ftp://x/y", "/v1/x", "https:///x", "api.example.com/x"] {
            assert_eq!(upstream_path(bad), None, "{bad}");
        }
    }
}
