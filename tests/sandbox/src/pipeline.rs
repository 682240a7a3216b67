//! The middleware every request passes through before its handler: reading the body (413 past
//! [`crate::SandboxConfig::max_request_body`]), recording, faults and rate limiting. Admin
//! routes (`/_sandbox/...`) skip all of it.

use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::{TOKEN_PATH, organization_hint};
use crate::body::{BodyError, read_capped};
use crate::clock;
use crate::errors::ApiError;
use crate::faults::{CutBody, FaultAction, canned_response, dropped_connection};
use crate::recording::RecordedRequest;
use crate::state::AppState;

/// The API prefix every contract route lives under.
pub(crate) const API_PREFIX: &str = "/api/v1";
/// The prefix of admin routes.
pub(crate) const ADMIN_PREFIX: &str = "/_sandbox/";
/// The message of the 500 a [`FaultAction::InternalError`] sends.
const INTERNAL_ERROR: &str = "Internal server error";
/// The largest response body [`FaultAction::TruncateBody`] reads back (16 MiB).
const MAX_RESPONSE_BODY: usize = 16 * 1024 * 1024;

/// Reads the body (at most [`crate::SandboxConfig::max_request_body`] bytes), records the
/// request, applies the first matching fault, counts it against its organisation's rate limit,
/// runs the handler and adds the `X-RateLimit-*` headers.
///
/// A body over the limit is refused with 413 before it is read whole (see [`read_capped`]);
/// the request is recorded without its body and counted as a token request when it is one,
/// but matches no fault and is not rate limited.
pub(crate) async fn pipeline(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with(ADMIN_PREFIX) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let limit = app.config.max_request_body;
    let is_token_request = parts.method == "POST" && path == TOKEN_PATH;
    let bytes = match read_capped(&parts.headers, body, limit).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge { len }) => {
            let mut state = app.lock();
            state.requests.push(RecordedRequest::refused(&parts, len));
            if is_token_request {
                state.token_requests += 1;
            }
            return ApiError::PayloadTooLarge { limit }.into_response();
        }
        Err(BodyError::Unreadable) => {
            return ApiError::invalid(&["body"], "could not read body", "value_error")
                .into_response();
        }
    };
    let fault = {
        let mut state = app.lock();
        state.requests.push(RecordedRequest::new(&parts, &bytes));
        if is_token_request {
            state.token_requests += 1;
        }
        let api_path = path.strip_prefix(API_PREFIX).unwrap_or(&path);
        state.faults.take(parts.method.as_str(), api_path)
    };
    let mut truncate = None;
    let mut expire = false;
    let mut internal = false;
    let mut drop_after = false;
    let mut delay_after = None;
    let mut cut = None;
    match fault {
        Some(FaultAction::Respond {
            status,
            body,
            content_type,
            headers,
        }) => {
            return canned_response(status, &body, &content_type, &headers);
        }
        Some(FaultAction::Delay { millis }) => {
            tokio::time::sleep(Duration::from_millis(millis)).await
        }
        Some(FaultAction::ExpireToken) => expire = true,
        Some(FaultAction::InternalError) => internal = true,
        Some(FaultAction::TruncateBody { bytes }) => truncate = Some(bytes),
        Some(FaultAction::ResetBeforeResponse) => return dropped_connection(),
        Some(FaultAction::ResetAfterCommit) => drop_after = true,
        Some(FaultAction::DelayResponse { millis }) => delay_after = Some(millis),
        Some(FaultAction::ResetDuringBody { after_bytes }) => cut = Some(after_bytes),
        None => {}
    }
    let under_api = path == API_PREFIX || path.starts_with("/api/v1/");
    let decision = under_api.then(|| {
        let org = organization_hint(&app, &path, &parts.headers, &bytes);
        let limit = app.config.rate_limit_per_hour;
        let window = app.config.rate_limit_window.as_secs();
        let mut state = app.lock();
        let decision = state.rate.hit(org, limit, window, clock::unix_secs());
        if !decision.allowed {
            state.rate_limited += 1;
        }
        decision
    });
    let mut response = match decision {
        Some(d) if !d.allowed => ApiError::RateLimited {
            retry_after_secs: d.retry_after,
        }
        .into_response(),
        _ if expire => ApiError::Unauthorized("Token expired".to_owned()).into_response(),
        _ if internal => ApiError::internal(INTERNAL_ERROR).into_response(),
        _ => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    };
    if let Some(d) = decision {
        d.apply(response.headers_mut());
    }
    if drop_after {
        return dropped_connection();
    }
    if let Some(millis) = delay_after {
        tokio::time::sleep(Duration::from_millis(millis)).await;
    }
    if let Some(after_bytes) = cut {
        return CutBody::cut(response, after_bytes);
    }
    match truncate {
        Some(keep) => truncated(response, keep).await,
        None => response,
    }
}

/// `response` with only the first `keep` bytes of its body.
async fn truncated(response: Response, keep: usize) -> Response {
    let (mut parts, body) = response.into_parts();
    let mut bytes = to_bytes(body, MAX_RESPONSE_BODY).await.unwrap_or_default();
    bytes.truncate(keep);
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}
