//! Client configuration: the same settings, defaults and environment variables as the Rust
//! `ClientConfig` builder.

use std::time::Duration;

use airbyte_embedded as core;

use crate::Result;

/// Which paths the three embedded token routes (scoped token, scoped-token info, widget
/// token) are called on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, uniffi::Enum)]
pub enum TokenRoutes {
    /// `/embedded/scoped-token`, `/embedded/scoped-token/info`, `/embedded/widget-token` (the
    /// default: served by every deployment).
    #[default]
    Embedded,
    /// `/account/applications/scoped-token`, `…/scoped-token/info`, `…/widget-token` (newer
    /// deployments).
    Applications,
}

impl From<TokenRoutes> for core::TokenRoutes {
    fn from(r: TokenRoutes) -> Self {
        match r {
            TokenRoutes::Embedded => core::TokenRoutes::Embedded,
            TokenRoutes::Applications => core::TokenRoutes::Applications,
        }
    }
}

/// How failed requests are retried (the Rust `RetryPolicy`): connection failures, 429, 502,
/// 503 and 504 are retried with exponential backoff; a create that may have reached the server
/// is never sent twice (it fails with `AirbyteError.OutcomeUnknown`). Durations in
/// milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RetryPolicy {
    /// Retries after the first attempt. Defaults to 3; 0 disables retrying.
    #[uniffi(default = 3)]
    pub max_retries: u32,
    /// The wait before the first retry, before jitter; it doubles with each retry. Defaults
    /// to 500.
    #[uniffi(default = 500)]
    pub initial_backoff_ms: u64,
    /// The longest computed wait (a server's `Retry-After` may ask for longer, and is
    /// honoured within `max_elapsed_ms`). Defaults to 10 000.
    #[uniffi(default = 10000)]
    pub max_backoff_ms: u64,
    /// The overall deadline: no retry is scheduled whose wait would end later than this after
    /// the call's first attempt started. Defaults to 120 000; must be above zero.
    #[uniffi(default = 120000)]
    pub max_elapsed_ms: u64,
    /// Whether each wait is multiplied by a random factor in `[0, 1)` (full jitter). Defaults
    /// to `true`.
    #[uniffi(default = true)]
    pub jitter: bool,
}

impl From<RetryPolicy> for core::RetryPolicy {
    fn from(p: RetryPolicy) -> Self {
        core::RetryPolicy {
            max_retries: p.max_retries,
            initial_backoff: Duration::from_millis(p.initial_backoff_ms),
            max_backoff: Duration::from_millis(p.max_backoff_ms),
            max_elapsed: Duration::from_millis(p.max_elapsed_ms),
            jitter: p.jitter,
        }
    }
}

/// Client-side pacing (the Rust `Pacing`): when the last response said few requests are left
/// in the rate-limit window, each request first pauses so that the rest are spread over the
/// time until the window resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Pacing {
    /// Pacing starts when `X-RateLimit-Remaining` is at or below this. Defaults to 50.
    #[uniffi(default = 50)]
    pub below_remaining: u64,
    /// The longest pause before one request, in milliseconds. Defaults to 5 000.
    #[uniffi(default = 5000)]
    pub max_delay_ms: u64,
}

impl From<Pacing> for core::Pacing {
    fn from(p: Pacing) -> Self {
        core::Pacing {
            below_remaining: p.below_remaining,
            max_delay: Duration::from_millis(p.max_delay_ms),
        }
    }
}

/// Settings shared by the operator and end-user clients. Every field is optional: `None`
/// (the default) means the SDK default, named on each field. `ClientConfig()` (all defaults)
/// targets production.
///
/// Checked when a client is built: `base_url` must be an absolute `http`/`https` URL without
/// query or fragment, and plain `http` is refused off loopback unless `allow_insecure_http`;
/// `organization_id` and `region_id` must be UUIDs; timeouts must be above zero. A refused
/// setting raises `AirbyteError.InvalidArgument` naming it.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ClientConfig {
    /// The base URL every path is joined to. Defaults to `https://api.airbyte.ai/api/v1`
    /// (environment: `AIRBYTE_API_URL`, read by `client_config_from_env` and the `from_env`
    /// constructors).
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// The organisation id (UUID) sent as `X-Organization-Id` on every request, token minting
    /// included; not sent when unset (the default). Environment: `AIRBYTE_ORGANIZATION_ID`.
    #[uniffi(default)]
    pub organization_id: Option<String>,
    /// The region (UUID) of workspaces created by token minting (`region_us()`,
    /// `region_eu()`). Unset by default: the service then uses the US region.
    #[uniffi(default)]
    pub region_id: Option<String>,
    /// Time allowed to establish a connection (DNS, TCP, TLS), in milliseconds. Defaults to
    /// 10 000.
    #[uniffi(default)]
    pub connect_timeout_ms: Option<u64>,
    /// Time allowed for each read from the connection, in milliseconds. Defaults to 30 000.
    #[uniffi(default)]
    pub read_timeout_ms: Option<u64>,
    /// Time allowed for one whole request, connect to last byte, in milliseconds. Defaults to
    /// 60 000.
    #[uniffi(default)]
    pub request_timeout_ms: Option<u64>,
    /// How long before expiry a cached token is replaced, in milliseconds. Defaults to 60 000,
    /// and never more than a quarter of the token's lifetime.
    #[uniffi(default)]
    pub token_refresh_margin_ms: Option<u64>,
    /// Which paths the embedded token routes use. Defaults to `TokenRoutes.Embedded`.
    #[uniffi(default)]
    pub token_routes: Option<TokenRoutes>,
    /// Text appended to the `User-Agent` (`my-app/1.2`); unset by default.
    #[uniffi(default)]
    pub user_agent_suffix: Option<String>,
    /// Allows a plain `http://` base URL on a host other than loopback. Defaults to `false`:
    /// tokens and client secrets then travel only over TLS (or never leave the machine).
    #[uniffi(default)]
    pub allow_insecure_http: bool,
    /// How failed requests are retried; `None` (the default) is `RetryPolicy()`: up to 3
    /// retries from 500 ms, each wait at most 10 s, all within 120 s.
    #[uniffi(default)]
    pub retry: Option<RetryPolicy>,
    /// Client-side pacing near the rate limit; `None` (the default) turns it off.
    #[uniffi(default)]
    pub pacing: Option<Pacing>,
    /// PEM text of the only TLS root certificates to trust (one or more `BEGIN CERTIFICATE`
    /// blocks), for a TLS-inspecting proxy or a private deployment; `None` (the default)
    /// trusts the bundled Mozilla roots.
    #[uniffi(default)]
    pub root_certificates_pem: Option<String>,
}

impl ClientConfig {
    /// The core builder with every setting given here.
    fn builder(&self) -> core::ClientConfigBuilder {
        let ms = Duration::from_millis;
        let mut b = core::ClientConfig::builder().allow_insecure_http(self.allow_insecure_http);
        if let Some(v) = &self.base_url {
            b = b.base_url(v.clone());
        }
        if let Some(v) = &self.organization_id {
            b = b.organization_id(v.clone());
        }
        if let Some(v) = &self.region_id {
            b = b.region_id(v.clone());
        }
        if let Some(v) = self.connect_timeout_ms {
            b = b.connect_timeout(ms(v));
        }
        if let Some(v) = self.read_timeout_ms {
            b = b.read_timeout(ms(v));
        }
        if let Some(v) = self.request_timeout_ms {
            b = b.request_timeout(ms(v));
        }
        if let Some(v) = self.token_refresh_margin_ms {
            b = b.token_refresh_margin(ms(v));
        }
        if let Some(v) = self.token_routes {
            b = b.token_routes(v.into());
        }
        if let Some(v) = &self.user_agent_suffix {
            b = b.user_agent_suffix(v.clone());
        }
        if let Some(v) = self.retry {
            b = b.retry_policy(v.into());
        }
        if let Some(v) = self.pacing {
            b = b.pacing(v.into());
        }
        if let Some(v) = &self.root_certificates_pem {
            b = b.root_certificates_pem(v.clone().into_bytes());
        }
        b
    }

    /// The core configuration (environment not read).
    pub(crate) fn build(&self) -> Result<core::ClientConfig> {
        Ok(self.builder().build()?)
    }

    /// The core configuration, with `base_url` and `organization_id` filled from the
    /// environment where unset here.
    pub(crate) fn build_with_env(&self) -> Result<core::ClientConfig> {
        Ok(self.builder().env().build()?)
    }
}

/// The default configuration with `base_url` and `organization_id` read from
/// `AIRBYTE_API_URL` and `AIRBYTE_ORGANIZATION_ID` where those are set and not empty (the
/// Rust `ClientConfig::builder().env()`). Adjust the result and pass it to a client.
///
/// # Errors
/// `AirbyteError.InvalidArgument` when either variable holds an invalid value.
#[uniffi::export]
pub fn client_config_from_env() -> Result<ClientConfig> {
    let built = ClientConfig::default().build_with_env()?;
    Ok(ClientConfig {
        base_url: Some(built.base_url().to_owned()),
        organization_id: built.organization_id().map(str::to_owned),
        ..ClientConfig::default()
    })
}

/// The production base URL, `https://api.airbyte.ai/api/v1`.
#[uniffi::export]
pub fn default_base_url() -> String {
    core::config::DEFAULT_BASE_URL.to_owned()
}

/// The US region id (the service's default region).
#[uniffi::export]
pub fn region_us() -> String {
    core::REGION_US.to_owned()
}

/// The EU region id.
#[uniffi::export]
pub fn region_eu() -> String {
    core::REGION_EU.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AirbyteError;

    #[test]
    fn defaults_build_and_settings_are_checked() {
        let c = ClientConfig::default().build().unwrap();
        assert_eq!(c.base_url(), core::config::DEFAULT_BASE_URL);
        let err = ClientConfig {
            organization_id: Some("acme".into()),
            ..Default::default()
        }
        .build()
        .unwrap_err();
        assert!(
            matches!(&err, AirbyteError::InvalidArgument { argument, .. } if argument == "organization_id"),
            "{err:?}"
        );
        let err = ClientConfig {
            read_timeout_ms: Some(0),
            ..Default::default()
        }
        .build()
        .unwrap_err();
        assert!(
            matches!(&err, AirbyteError::InvalidArgument { argument, .. } if argument == "read_timeout")
        );
    }
}
