//! [`ClientOptions`]: every [`ClientConfig`] setting as a plain record of optional fields (the
//! foreign languages' `ClientConfig`).

use std::time::Duration;

use crate::Result;
use crate::config::{ClientConfig, ClientConfigBuilder, TokenRoutes};
use crate::retry::{Pacing, RetryPolicy};

/// The settings of a [`ClientConfig`], each optional: `None` (the default) means the SDK
/// default named on the field. In the foreign languages this is `ClientConfig`;
/// `ClientConfig()` (all defaults) targets production.
///
/// Checked by [`ClientOptions::build`]: `base_url` must be an absolute `http`/`https` URL
/// without query or fragment, and plain `http` is refused off loopback unless
/// `allow_insecure_http`; `organization_id` and `region_id` must be UUIDs; timeouts must be
/// above zero. A refused setting is an [`crate::Error::InvalidArgument`] naming it.
///
/// ```
/// use std::time::Duration;
/// use airbyte_embedded::ClientOptions;
///
/// let options = ClientOptions {
///     read_timeout: Some(Duration::from_secs(5)),
///     ..ClientOptions::default()
/// };
/// let config = options.build()?;
/// assert_eq!(config.base_url(), "https://api.airbyte.ai/api/v1");
/// # Ok::<(), airbyte_embedded::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ClientConfig")
)]
pub struct ClientOptions {
    /// The base URL every path is joined to. Defaults to `https://api.airbyte.ai/api/v1`
    /// (environment: `AIRBYTE_API_URL`, read by [`ClientOptions::build_with_env`]).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub base_url: Option<String>,
    /// The organisation id (UUID) sent as `X-Organization-Id` on every request, token minting
    /// included; not sent when unset (the default). Environment: `AIRBYTE_ORGANIZATION_ID`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organization_id: Option<String>,
    /// The region (UUID) of workspaces created by token minting ([`crate::REGION_US`],
    /// [`crate::REGION_EU`]). Unset by default: the service then uses the US region.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub region_id: Option<String>,
    /// Time allowed to establish a connection (DNS, TCP, TLS). Defaults to 10 s.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connect_timeout: Option<Duration>,
    /// Time allowed for each read from the connection. Defaults to 30 s.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub read_timeout: Option<Duration>,
    /// Time allowed for one whole request, connect to last byte. Defaults to 60 s.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub request_timeout: Option<Duration>,
    /// How long before expiry a cached token is replaced. Defaults to 60 s, and never more
    /// than a quarter of the token's lifetime.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub token_refresh_margin: Option<Duration>,
    /// Which paths the embedded token routes use. Defaults to [`TokenRoutes::Embedded`].
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub token_routes: Option<TokenRoutes>,
    /// Text appended to the `User-Agent` (`my-app/1.2`); unset by default.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user_agent_suffix: Option<String>,
    /// Allows a plain `http://` base URL on a host other than loopback. Defaults to `false`:
    /// tokens and client secrets then travel only over TLS (or never leave the machine).
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub allow_insecure_http: bool,
    /// How failed requests are retried; `None` (the default) is [`RetryPolicy::default`]: up
    /// to 3 retries from 500 ms, each wait at most 10 s, all within 120 s.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub retry: Option<RetryPolicy>,
    /// Client-side pacing near the rate limit; `None` (the default) turns it off.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pacing: Option<Pacing>,
    /// PEM text of the only TLS root certificates to trust (one or more `BEGIN CERTIFICATE`
    /// blocks), for a TLS-inspecting proxy or a private deployment; `None` (the default)
    /// trusts the bundled Mozilla roots.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub root_certificates_pem: Option<String>,
    /// How long source and connection template lists and reads are answered from the token
    /// store after they were read (see
    /// [`ClientConfigBuilder::template_cache_ttl`]); writes through the SDK invalidate them.
    /// `None` (the default) turns the template cache off: every call is sent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub template_cache_ttl: Option<Duration>,
    /// How long the addresses a host name resolved to are reused before it is looked up
    /// again. Defaults to 30 s. The system resolver reports no DNS TTL, so this fixed time
    /// stands in for it; a failed connection drops the host's addresses at once. Zero looks
    /// the name up on every request.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub dns_cache_ttl: Option<Duration>,
}

impl ClientOptions {
    /// The builder with every setting given here.
    pub fn builder(&self) -> ClientConfigBuilder {
        let mut b = ClientConfig::builder().allow_insecure_http(self.allow_insecure_http);
        if let Some(v) = &self.base_url {
            b = b.base_url(v.clone());
        }
        if let Some(v) = &self.organization_id {
            b = b.organization_id(v.clone());
        }
        if let Some(v) = &self.region_id {
            b = b.region_id(v.clone());
        }
        if let Some(v) = self.connect_timeout {
            b = b.connect_timeout(v);
        }
        if let Some(v) = self.read_timeout {
            b = b.read_timeout(v);
        }
        if let Some(v) = self.request_timeout {
            b = b.request_timeout(v);
        }
        if let Some(v) = self.token_refresh_margin {
            b = b.token_refresh_margin(v);
        }
        if let Some(v) = self.token_routes {
            b = b.token_routes(v);
        }
        if let Some(v) = &self.user_agent_suffix {
            b = b.user_agent_suffix(v.clone());
        }
        if let Some(v) = self.retry {
            b = b.retry_policy(v);
        }
        if let Some(v) = self.pacing {
            b = b.pacing(v);
        }
        if let Some(v) = &self.root_certificates_pem {
            b = b.root_certificates_pem(v.clone().into_bytes());
        }
        if let Some(v) = self.template_cache_ttl {
            b = b.template_cache_ttl(v);
        }
        if let Some(v) = self.dns_cache_ttl {
            b = b.dns_cache_ttl(v);
        }
        b
    }

    /// The configuration these options describe (the environment is not read).
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming the first refused setting.
    pub fn build(&self) -> Result<ClientConfig> {
        self.builder().build()
    }

    /// The configuration, with `base_url` and `organization_id` read from `AIRBYTE_API_URL`
    /// and `AIRBYTE_ORGANIZATION_ID` where unset here.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming the first refused setting or variable.
    pub fn build_with_env(&self) -> Result<ClientConfig> {
        self.builder().env().build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn defaults_build_and_settings_are_checked() {
        let c = ClientOptions::default().build().unwrap();
        assert_eq!(c.base_url(), crate::config::DEFAULT_BASE_URL);
        let c = ClientOptions {
            dns_cache_ttl: Some(Duration::from_secs(5)),
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(c.dns_cache_ttl(), Duration::from_secs(5));
        let err = ClientOptions {
            organization_id: Some("acme".into()),
            ..Default::default()
        }
        .build()
        .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, .. } if argument == "organization_id"),
            "{err:?}"
        );
        let err = ClientOptions {
            read_timeout: Some(Duration::ZERO),
            ..Default::default()
        }
        .build()
        .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, .. } if argument == "read_timeout")
        );
    }
}
