//! The JSON this layer writes for core values that have no serde form of their own, or whose
//! serde form does not suit C (a `Duration` becomes whole milliseconds).

use airbyte_embedded::auth::jwt::Claims;
use airbyte_embedded::validation::{Coercion, ValidatedConfig};
use airbyte_embedded::{ClientConfig, RateLimit, WidgetToken};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};

/// `{"limit", "remaining", "reset_unix_seconds", "retry_after_ms"}`, each `null` when its header
/// was absent or malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateLimitView {
    /// `X-RateLimit-Limit`.
    pub limit: Option<i64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<i64>,
    /// `X-RateLimit-Reset`, Unix seconds.
    pub reset_unix_seconds: Option<i64>,
    /// `Retry-After`, in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl From<&RateLimit> for RateLimitView {
    fn from(r: &RateLimit) -> Self {
        RateLimitView {
            limit: r.limit,
            remaining: r.remaining,
            reset_unix_seconds: r.reset_unix_seconds,
            retry_after_ms: r.retry_after.map(millis),
        }
    }
}

/// What a client's configuration exposes: `{"base_url", "organization_id", "region_id",
/// "user_agent", "connect_timeout_ms", "read_timeout_ms", "request_timeout_ms", "retry":
/// {"max_retries", "initial_backoff_ms", "max_backoff_ms", "max_elapsed_ms", "jitter"},
/// "pacing": {"below_remaining", "max_delay_ms"} | null}`.
#[derive(Debug, Serialize)]
pub struct ConfigView<'a> {
    /// The base URL, without a trailing slash.
    pub base_url: &'a str,
    /// The organisation id sent as `X-Organization-Id`, or `null`.
    pub organization_id: Option<&'a str>,
    /// The region id sent when minting tokens, or `null`.
    pub region_id: Option<&'a str>,
    /// The `User-Agent` header value.
    pub user_agent: &'a str,
    /// Connect timeout, milliseconds.
    pub connect_timeout_ms: u64,
    /// Per-read timeout, milliseconds.
    pub read_timeout_ms: u64,
    /// Whole-attempt timeout, milliseconds.
    pub request_timeout_ms: u64,
    /// The retry policy.
    pub retry: RetryView,
    /// Client-side pacing, or `null` when off.
    pub pacing: Option<PacingView>,
}

/// A `RetryPolicy` in milliseconds.
#[derive(Debug, Serialize)]
pub struct RetryView {
    /// Retries after the first attempt.
    pub max_retries: i32,
    /// The first backoff, milliseconds.
    pub initial_backoff_ms: u64,
    /// The longest computed backoff, milliseconds.
    pub max_backoff_ms: u64,
    /// The overall retry deadline, milliseconds.
    pub max_elapsed_ms: u64,
    /// Whether waits are jittered.
    pub jitter: bool,
}

/// A `Pacing` in milliseconds.
#[derive(Debug, Serialize)]
pub struct PacingView {
    /// Pacing starts at or below this many remaining requests.
    pub below_remaining: i64,
    /// The longest pause, milliseconds.
    pub max_delay_ms: u64,
}

/// Whole milliseconds of `d`, saturating.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl<'a> From<&'a ClientConfig> for ConfigView<'a> {
    fn from(c: &'a ClientConfig) -> Self {
        let (connect, read, request) = c.timeouts();
        let retry = c.retry_policy();
        ConfigView {
            base_url: c.base_url(),
            organization_id: c.organization_id(),
            region_id: c.region_id(),
            user_agent: c.user_agent(),
            connect_timeout_ms: millis(connect),
            read_timeout_ms: millis(read),
            request_timeout_ms: millis(request),
            retry: RetryView {
                max_retries: retry.max_retries,
                initial_backoff_ms: millis(retry.initial_backoff),
                max_backoff_ms: millis(retry.max_backoff),
                max_elapsed_ms: millis(retry.max_elapsed),
                jitter: retry.jitter,
            },
            pacing: c.pacing().map(|p| PacingView {
                below_remaining: p.below_remaining,
                max_delay_ms: millis(p.max_delay),
            }),
        }
    }
}

/// A decoded widget token: `{"token", "scoped_token", "widget_url"}` (`token` is the widget
/// token as the service sent it, for the widget; `scoped_token` the JWT inside it).
#[derive(Debug, Serialize)]
pub struct WidgetTokenView<'a> {
    /// The widget token as sent by the service.
    pub token: &'a str,
    /// The scoped token inside.
    pub scoped_token: &'a str,
    /// The embedded widget's URL.
    pub widget_url: &'a str,
}

impl<'a> From<&'a WidgetToken> for WidgetTokenView<'a> {
    fn from(w: &'a WidgetToken) -> Self {
        WidgetTokenView {
            token: w.expose_raw(),
            scoped_token: w.expose_scoped_token(),
            widget_url: w.widget_url(),
        }
    }
}

/// A token's readable claims: `{"workspace_id", "expires_at_unix", "typ", "roles"}`.
#[derive(Debug, Serialize)]
pub struct ClaimsView<'a> {
    /// `io.airbyte.auth.workspace_scope.workspaceId`.
    pub workspace_id: Option<&'a str>,
    /// `exp`, Unix seconds.
    pub expires_at_unix: Option<u64>,
    /// `typ`.
    pub typ: Option<&'a str>,
    /// `roles`.
    pub roles: &'a [String],
}

impl<'a> From<&'a Claims> for ClaimsView<'a> {
    fn from(c: &'a Claims) -> Self {
        ClaimsView {
            workspace_id: c.workspace_id.as_deref(),
            expires_at_unix: c.exp,
            typ: c.typ.as_deref(),
            roles: &c.roles,
        }
    }
}

/// A config that passed validation: `{"merged", "source_config", "coercions",
/// "defaults_applied", "skipped_masked_secrets"}`.
#[derive(Debug, Serialize)]
pub struct ValidatedConfigView<'a> {
    /// Template defaults with the source config merged over them.
    pub merged: &'a Map<String, Value>,
    /// The source config to send.
    pub source_config: &'a Map<String, Value>,
    /// Every `{path, from, to}` scalar coercion made.
    pub coercions: &'a [Coercion],
    /// JSON pointers of injected spec defaults.
    pub defaults_applied: &'a [String],
    /// JSON pointers of masked secrets that were skipped.
    pub skipped_masked_secrets: &'a [String],
}

impl<'a> From<&'a ValidatedConfig> for ValidatedConfigView<'a> {
    fn from(v: &'a ValidatedConfig) -> Self {
        ValidatedConfigView {
            merged: &v.merged,
            source_config: &v.source_config,
            coercions: &v.coercions,
            defaults_applied: &v.defaults_applied,
            skipped_masked_secrets: &v.skipped_masked_secrets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limit_durations_become_milliseconds() {
        let view = RateLimitView::from(&RateLimit {
            limit: Some(10),
            remaining: None,
            reset_unix_seconds: Some(5),
            retry_after: Some(Duration::from_secs(2)),
        });
        assert_eq!(
            serde_json::to_value(view).unwrap(),
            serde_json::json!({"limit": 10, "remaining": null, "reset_unix_seconds": 5, "retry_after_ms": 2000})
        );
    }

    #[test]
    fn config_view_shows_what_the_config_exposes() {
        let config = ClientConfig::builder()
            .base_url("http://127.0.0.1:9/api/v1/")
            .build()
            .unwrap();
        let v = serde_json::to_value(ConfigView::from(&config)).unwrap();
        assert_eq!(v["base_url"], "http://127.0.0.1:9/api/v1");
        assert!(v["organization_id"].is_null());
        assert!(
            v["user_agent"]
                .as_str()
                .unwrap()
                .starts_with("airbyte-embedded-rust/")
        );
        assert_eq!(v["connect_timeout_ms"], 10_000);
        assert_eq!(v["retry"]["max_retries"], 3);
        assert!(v["pacing"].is_null());
    }
}
