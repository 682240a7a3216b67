//! Client configuration from a JSON options object (the C form of `ClientConfig::builder()`).

use std::time::Duration;

#[cfg(feature = "redis")]
use airbyte_embedded::token_store::RedisTokenStore;
use airbyte_embedded::{ClientConfig, ClientOptions, Pacing, RetryPolicy, TokenRoutes};
use serde::Deserialize;

use crate::error::FfiResult;

/// The options object accepted by `airbyte_operator_client_new` and
/// `airbyte_end_user_client_new` (`config_json`). Every field is optional; unknown fields are
/// refused so that a typo does not go unnoticed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigOptions {
    /// Base URL (default `https://api.airbyte.ai/api/v1`).
    base_url: Option<String>,
    /// Organisation id sent as `X-Organization-Id` (default: not sent).
    organization_id: Option<String>,
    /// Region id for workspaces created by token minting (default: the service's, US).
    region_id: Option<String>,
    /// Connect timeout in milliseconds (default 10000).
    connect_timeout_ms: Option<u64>,
    /// Per-read timeout in milliseconds (default 30000).
    read_timeout_ms: Option<u64>,
    /// Whole-request timeout in milliseconds (default 60000).
    request_timeout_ms: Option<u64>,
    /// How long before expiry a cached token is replaced, in milliseconds (default 60000).
    token_refresh_margin_ms: Option<u64>,
    /// `"embedded"` (default) or `"applications"`.
    token_routes: Option<TokenRoutesOption>,
    /// Text appended to the `User-Agent`.
    user_agent_suffix: Option<String>,
    /// Allow plain `http://` off loopback (default false).
    #[serde(default)]
    allow_insecure_http: bool,
    /// Fill `base_url` and `organization_id` from `AIRBYTE_API_URL` and
    /// `AIRBYTE_ORGANIZATION_ID` where not given here (default false).
    #[serde(default)]
    env: bool,
    /// How failed requests are retried (default: the core's `RetryPolicy::default()`).
    retry: Option<RetryOptions>,
    /// Client-side pacing when the rate limit runs low (default off; present turns it on).
    pacing: Option<PacingOptions>,
    /// PEM certificates to trust instead of the bundled Mozilla roots.
    root_certificates_pem: Option<String>,
    /// How long a host name's resolved addresses are reused, in milliseconds (default 30000;
    /// 0 looks the name up on every request).
    dns_cache_ttl_ms: Option<u64>,
    /// A proxy URL (`http://host:port`, `https://host:port`, optional `user:password@`);
    /// default: from `ALL_PROXY`/`HTTPS_PROXY`/`HTTP_PROXY`.
    proxy: Option<String>,
    /// Ignore any proxy in the environment (default false).
    #[serde(default)]
    no_proxy: bool,
    /// How long template lists and reads are answered from the client's cache after they
    /// were read, in milliseconds (default: off, every call is sent; 0 is refused).
    template_cache_ttl_ms: Option<u64>,
    /// Where tokens (and cached template lists) are kept, shared with every client and
    /// process given the same store (default: this client's own memory).
    token_store: Option<TokenStoreOptions>,
}

/// A Redis token store: `{"redis_url": "redis://…" | "rediss://…", "timeout_ms": 1000,
/// "root_certificates_pem": "…"}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenStoreOptions {
    redis_url: String,
    timeout_ms: Option<u64>,
    root_certificates_pem: Option<String>,
}

impl TokenStoreOptions {
    /// Without the `redis` feature (mobile and embedded builds leave it out) a Redis store
    /// is refused as an invalid `redis_url`.
    #[cfg(not(feature = "redis"))]
    fn open(self) -> FfiResult<airbyte_embedded::token_store::MemoryTokenStore> {
        let _ = (self.redis_url, self.timeout_ms, self.root_certificates_pem);
        Err(airbyte_embedded::Error::InvalidArgument {
            argument: "redis_url".to_owned(),
            detail: "this build of the library has no Redis support (its `redis` feature is off)"
                .to_owned(),
        }
        .into())
    }

    #[cfg(feature = "redis")]
    fn open(self) -> FfiResult<RedisTokenStore> {
        let store = match &self.root_certificates_pem {
            Some(pem) => {
                RedisTokenStore::open_with_root_certificates(&self.redis_url, pem.as_bytes())?
            }
            None => RedisTokenStore::open(&self.redis_url)?,
        };
        Ok(match self.timeout_ms {
            Some(ms) => store.timeout(Duration::from_millis(ms)),
            None => store,
        })
    }
}

/// `RetryPolicy` in milliseconds; each field defaults to the core's default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RetryOptions {
    max_retries: Option<u32>,
    initial_backoff_ms: Option<u64>,
    max_backoff_ms: Option<u64>,
    max_elapsed_ms: Option<u64>,
    jitter: Option<bool>,
}

impl From<RetryOptions> for RetryPolicy {
    fn from(o: RetryOptions) -> Self {
        let d = RetryPolicy::default();
        RetryPolicy {
            max_retries: o
                .max_retries
                .map_or(d.max_retries, |n| i32::try_from(n).unwrap_or(i32::MAX)),
            initial_backoff: millis_or(o.initial_backoff_ms, d.initial_backoff),
            max_backoff: millis_or(o.max_backoff_ms, d.max_backoff),
            max_elapsed: millis_or(o.max_elapsed_ms, d.max_elapsed),
            jitter: o.jitter.unwrap_or(d.jitter),
        }
    }
}

/// `Pacing` in milliseconds; each field defaults to the core's default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PacingOptions {
    below_remaining: Option<u64>,
    max_delay_ms: Option<u64>,
}

impl From<PacingOptions> for Pacing {
    fn from(o: PacingOptions) -> Self {
        let d = Pacing::default();
        Pacing {
            below_remaining: o
                .below_remaining
                .map_or(d.below_remaining, |n| i64::try_from(n).unwrap_or(i64::MAX)),
            max_delay: millis_or(o.max_delay_ms, d.max_delay),
        }
    }
}

fn millis_or(ms: Option<u64>, default: Duration) -> Duration {
    ms.map_or(default, Duration::from_millis)
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum TokenRoutesOption {
    Embedded,
    Applications,
}

impl ConfigOptions {
    /// The configuration these options describe.
    ///
    /// # Errors
    /// The builder's `InvalidArgument` (a bad base URL, a non-UUID id, a zero timeout).
    pub fn build(self) -> FfiResult<ClientConfig> {
        let ms = |v: Option<u64>| v.map(Duration::from_millis);
        let options = ClientOptions {
            base_url: self.base_url,
            organization_id: self.organization_id,
            region_id: self.region_id,
            connect_timeout: ms(self.connect_timeout_ms),
            read_timeout: ms(self.read_timeout_ms),
            request_timeout: ms(self.request_timeout_ms),
            token_refresh_margin: ms(self.token_refresh_margin_ms),
            token_routes: self.token_routes.map(|routes| match routes {
                TokenRoutesOption::Embedded => TokenRoutes::Embedded,
                TokenRoutesOption::Applications => TokenRoutes::Applications,
            }),
            user_agent_suffix: self.user_agent_suffix,
            allow_insecure_http: self.allow_insecure_http,
            retry: self.retry.map(Into::into),
            pacing: self.pacing.map(Into::into),
            root_certificates_pem: self.root_certificates_pem,
            template_cache_ttl: ms(self.template_cache_ttl_ms),
            dns_cache_ttl: ms(self.dns_cache_ttl_ms),
        };
        // The C form also sets the proxy and reads the environment, which `ClientOptions`
        // leaves to the builder.
        let mut b = options.builder();
        if let Some(proxy) = self.proxy {
            b = b.proxy(proxy);
        }
        if self.no_proxy {
            b = b.no_proxy();
        }
        if self.env {
            b = b.env();
        }
        if let Some(store) = self.token_store {
            b = b.token_store(std::sync::Arc::new(store.open()?));
        }
        Ok(b.build()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::status::airbyte_status;

    #[test]
    fn options_reach_the_builder() {
        let options: ConfigOptions = parse(
            r#"{"base_url": "http://127.0.0.1:1/api/v1", "organization_id": "2f1c0c7e-1d3a-4c8e-9b7a-0d5e6f7a8b9c",
                "request_timeout_ms": 5000, "token_routes": "applications", "user_agent_suffix": "app/1",
                "dns_cache_ttl_ms": 1500}"#,
            "config_json",
        )
        .unwrap();
        let c = options.build().unwrap();
        assert_eq!(c.base_url(), "http://127.0.0.1:1/api/v1");
        assert_eq!(
            c.organization_id(),
            Some("2f1c0c7e-1d3a-4c8e-9b7a-0d5e6f7a8b9c")
        );
        assert!(c.user_agent().ends_with(" app/1"));
        assert_eq!(c.timeouts().2, Duration::from_secs(5));
        assert_eq!(c.dns_cache_ttl(), Duration::from_millis(1500));
        assert_eq!(c.retry_policy(), &RetryPolicy::default());
        assert!(c.pacing().is_none());
    }

    #[test]
    fn retry_and_pacing_fill_unset_fields_with_core_defaults() {
        let options: ConfigOptions = parse(
            r#"{"retry": {"max_retries": 0}, "pacing": {"max_delay_ms": 250}, "no_proxy": true}"#,
            "config_json",
        )
        .unwrap();
        let c = options.build().unwrap();
        assert_eq!(
            c.retry_policy(),
            &RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            }
        );
        assert_eq!(
            c.pacing(),
            Some(&Pacing {
                max_delay: Duration::from_millis(250),
                ..Pacing::default()
            })
        );
    }

    #[test]
    fn unknown_fields_and_bad_values_are_refused() {
        let e = parse::<ConfigOptions>(r#"{"base_ur": "x"}"#, "config_json").unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidJson);
        assert!(e.to_string().contains("base_ur"), "{e}");
        let options: ConfigOptions = parse(r#"{"read_timeout_ms": 0}"#, "config_json").unwrap();
        let e = options.build().unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidArgument);
        assert_eq!(e.argument(), Some("read_timeout"));
    }

    #[cfg(not(feature = "redis"))]
    #[test]
    fn a_redis_store_is_refused_without_the_redis_feature() {
        let options: ConfigOptions = parse(
            r#"{"token_store": {"redis_url": "redis://127.0.0.1:6379/0"}}"#,
            "config_json",
        )
        .unwrap();
        let e = options.build().unwrap_err();
        assert_eq!(e.status(), airbyte_status::InvalidArgument);
        assert_eq!(e.argument(), Some("redis_url"));
    }
}
