//! The sandbox's stand-in for Airbyte's embedded widget: `GET /embedded-widget` and its script
//! and style sheet, outside `/api/v1` (not a route of the contract) and outside the request
//! pipeline (not recorded, never faulted, not rate limited).
//!
//! A widget token's `widgetUrl` points here, on the **widget origin**: the sandbox's port on
//! `localhost`, while the API is on `127.0.0.1`. The two are different origins to a browser,
//! as the real widget (`app.airbyte.ai`) and API (`api.airbyte.ai`) are, so the page calls the
//! API cross-origin and [`crate::cors`] answers it. The page itself is plain HTML and a script
//! (`tests/sandbox/widget/`); the script's header says how it receives the scoped token and
//! refuses an embedding page on another origin than the token's `allowed_origin`.

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderName};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use uuid::Uuid;

use crate::origin;
use crate::pipeline::API_PREFIX;
use crate::state::AppState;

/// The path of the widget page.
pub(crate) const PATH: &str = "/embedded-widget";

const PAGE: &str = include_str!("../../widget/index.html");
const SCRIPT: &str = include_str!("../../widget/widget.js");
const STYLE: &str = include_str!("../../widget/widget.css");

/// The widget page and its assets (no state of their own beyond the API's base URL).
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(page))
        .route(&format!("{PATH}/widget.js"), get(script))
        .route(&format!("{PATH}/widget.css"), get(style))
}

/// The widget origin of a sandbox whose API is at `base_url`
/// (`http://127.0.0.1:<port>/api/v1` → `http://localhost:<port>`).
pub(crate) fn origin(base_url: &str) -> String {
    let root = base_url.strip_suffix(API_PREFIX).unwrap_or(base_url);
    root.replacen("://127.0.0.1:", "://localhost:", 1)
}

/// The origin (scheme, host, port) of `base_url`.
fn api_origin(base_url: &str) -> &str {
    base_url.strip_suffix(API_PREFIX).unwrap_or(base_url)
}

/// The widget URL's query, as the real widget's: `workspaceId` and `allowedOrigin`.
#[derive(Deserialize)]
struct WidgetQuery {
    #[serde(rename = "workspaceId")]
    workspace_id: Option<String>,
    #[serde(rename = "allowedOrigin")]
    allowed_origin: Option<String>,
}

/// `GET /embedded-widget?workspaceId=<uuid>&allowedOrigin=<origin>` → the widget page (HTML),
/// with the API's base URL in `<html data-api>`; 400 (a plain HTML page saying what is wrong)
/// when `workspaceId` is not a UUID or `allowedOrigin` is not an exact origin. The page's
/// `Content-Security-Policy` lets it load only its own script and style sheet and connect only
/// to the API; it sets no `frame-ancestors`, so that a page on another origin gets the
/// widget's own refusal, which a test can read, rather than a frame the browser blanked.
async fn page(
    State(app): State<AppState>,
    query: Result<Query<WidgetQuery>, QueryRejection>,
) -> Response {
    let problem = match &query {
        Err(_) => Some("the query is malformed".to_owned()),
        Ok(Query(q)) => problem(q),
    };
    if let Some(problem) = problem {
        let body = format!(
            "<!doctype html><meta charset=\"utf-8\"><title>Widget URL refused</title>\
             <p>This widget URL is malformed: {}.</p>",
            escape(&problem)
        );
        return html(StatusCode::BAD_REQUEST, body, None);
    }
    let body = PAGE.replace("{{api}}", &escape(&app.base_url));
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src {}; \
         base-uri 'none'; form-action 'none'",
        api_origin(&app.base_url)
    );
    html(StatusCode::OK, body, Some(csp))
}

/// What is wrong with the widget URL's query, if anything.
fn problem(q: &WidgetQuery) -> Option<String> {
    match (&q.workspace_id, &q.allowed_origin) {
        (None, _) => Some("workspaceId is missing".to_owned()),
        (_, None) => Some("allowedOrigin is missing".to_owned()),
        (Some(w), _) if Uuid::parse_str(w).is_err() => Some("workspaceId is not a UUID".to_owned()),
        (_, Some(o)) => origin::validate(o)
            .err()
            .map(|reason| format!("allowedOrigin is not an exact origin ({reason})")),
    }
}

/// `GET /embedded-widget/widget.js`.
async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /embedded-widget/widget.css`.
async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

fn html(status: StatusCode, body: String, csp: Option<String>) -> Response {
    let mut response = (
        status,
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response();
    if let Some(value) = csp.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("content-security-policy"), value);
    }
    response
}

/// `text` with HTML's five special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widget_origin_is_the_api_port_on_localhost() {
        assert_eq!(
            origin("http://127.0.0.1:8765/api/v1"),
            "http://localhost:8765"
        );
        assert_eq!(
            api_origin("http://127.0.0.1:8765/api/v1"),
            "http://127.0.0.1:8765"
        );
    }

    #[test]
    fn queries_are_checked() {
        let q = |w: Option<&str>, o: Option<&str>| WidgetQuery {
            workspace_id: w.map(str::to_owned),
            allowed_origin: o.map(str::to_owned),
        };
        let id = "6f1c4a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f";
        assert_eq!(problem(&q(Some(id), Some("http://127.0.0.1:5000"))), None);
        assert_eq!(problem(&q(Some(id), Some("null"))), None);
        for (w, o, says) in [
            (None, Some("http://a.example"), "workspaceId is missing"),
            (Some(id), None, "allowedOrigin is missing"),
            (Some("x"), Some("http://a.example"), "not a UUID"),
            (Some(id), Some("http://a.example/"), "not an exact origin"),
        ] {
            let got = problem(&q(w, o)).unwrap_or_default();
            assert!(got.contains(says), "{got:?} should say {says:?}");
        }
    }

    #[test]
    fn escaping_covers_attributes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
