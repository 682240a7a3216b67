//! Client configuration: base URL, organisation, region, timeouts, retries, rate-limit
//! pacing, TLS roots, proxy, token routes.
//!
//! Build a [`ClientConfig`] with [`ClientConfig::builder`] and give it to
//! [`crate::OperatorClient::new`] or [`crate::EndUserClient::new`]; [`ClientConfig::default`]
//! targets production.
//!
//! | setting | builder method | default |
//! |---|---|---|
//! | base URL | [`base_url`](ClientConfigBuilder::base_url) | [`DEFAULT_BASE_URL`], `https://api.airbyte.ai/api/v1` |
//! | organisation id, sent as `X-Organization-Id` (token minting included) | [`organization_id`](ClientConfigBuilder::organization_id) | unset: not sent |
//! | region of the workspaces token minting creates | [`region_id`](ClientConfigBuilder::region_id) ([`REGION_US`], [`REGION_EU`]) | unset: the service uses US |
//! | connect, read and whole-request timeouts | [`connect_timeout`](ClientConfigBuilder::connect_timeout), [`read_timeout`](ClientConfigBuilder::read_timeout), [`request_timeout`](ClientConfigBuilder::request_timeout) | 10 s, 30 s, 60 s (see [Timeouts](#timeouts)) |
//! | how long before expiry a cached token is replaced | [`token_refresh_margin`](ClientConfigBuilder::token_refresh_margin) | 60 s, at most a quarter of the token's lifetime |
//! | how old an SDK-minted token must be for a 403 to refresh it and replay once (younger: the 403 is final) | [`forbidden_refresh_after`](ClientConfigBuilder::forbidden_refresh_after) | 60 s |
//! | token routes | [`token_routes`](ClientConfigBuilder::token_routes) | [`TokenRoutes::Embedded`] (`/embedded/...`; [`TokenRoutes::Applications`] for `/account/applications/...`) |
//! | retries | [`retry_policy`](ClientConfigBuilder::retry_policy) | [`RetryPolicy::default`] (see [`crate::retry`]) |
//! | client-side pacing near the rate limit | [`pacing`](ClientConfigBuilder::pacing) | off |
//! | TLS roots and settings | [`root_certificates_pem`](ClientConfigBuilder::root_certificates_pem), [`tls_config`](ClientConfigBuilder::tls_config) | rustls with the Mozilla roots bundled by `webpki-roots` |
//! | proxy | [`proxy`](ClientConfigBuilder::proxy), [`no_proxy`](ClientConfigBuilder::no_proxy) | from `ALL_PROXY`, `HTTPS_PROXY` or `HTTP_PROXY`, honouring `NO_PROXY` |
//! | `User-Agent` suffix | [`user_agent_suffix`](ClientConfigBuilder::user_agent_suffix) | unset |
//! | plain `http://` off loopback | [`allow_insecure_http`](ClientConfigBuilder::allow_insecure_http) | refused |
//! | where tokens are kept, to share them between processes | [`token_store`](ClientConfigBuilder::token_store) | each client's own [`MemoryTokenStore`](crate::token_store::MemoryTokenStore) |
//! | how long template lists and reads are reused | [`template_cache_ttl`](ClientConfigBuilder::template_cache_ttl) | off: every call is sent |
//! | how long a host name's addresses are reused | [`dns_cache_ttl`](ClientConfigBuilder::dns_cache_ttl) | 30 s ([`DEFAULT_DNS_CACHE_TTL`]) |
//!
//! ```
//! use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, REGION_EU};
//! use std::time::Duration;
//!
//! let config = ClientConfig::builder()
//!     .organization_id("2f1c0c7e-1d3a-4c8e-9b7a-0d5e6f7a8b9c")
//!     .region_id(REGION_EU)
//!     .request_timeout(Duration::from_secs(20))
//!     .build()?;
//! // Nothing is sent until the first call.
//! let operator = OperatorClient::new(config, Credentials::new("client-id", "client-secret"))?;
//! // or: let operator = OperatorClient::from_env()?;
//! # let _ = operator;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! # The environment
//!
//! Nothing reads the environment unless asked. [`ClientConfig::from_env`] (and
//! [`ClientConfigBuilder::env`]) take the base URL from [`ENV_API_URL`] and the organisation id
//! from [`ENV_ORGANIZATION_ID`]; [`crate::OperatorClient::from_env`] also takes the credentials
//! from [`ENV_CLIENT_ID`] and [`ENV_CLIENT_SECRET`] ([`Credentials::from_env`]). The proxy is
//! the one exception: without [`ClientConfigBuilder::proxy`] or
//! [`ClientConfigBuilder::no_proxy`], ureq reads the usual proxy variables.
//!
//! # Timeouts
//!
//! | setting | default | when it passes |
//! |---|---|---|
//! | [`connect_timeout`](ClientConfigBuilder::connect_timeout) (DNS, TCP, TLS, proxy) | 10 s | the request was not sent: retried |
//! | [`read_timeout`](ClientConfigBuilder::read_timeout) (each read of the response) | 30 s | retried for GET/PUT/DELETE; [`Error::OutcomeUnknown`] for a create |
//! | [`request_timeout`](ClientConfigBuilder::request_timeout) (one whole attempt) | 60 s | the call ends: [`Error::Timeout`] ([`Error::OutcomeUnknown`] for a create) |
//! | [`RetryPolicy::max_elapsed`] (retries and waits of one call) | 120 s | no further retry; the last error is returned |
//! | [`WaitOptions::timeout`](crate::WaitOptions::timeout) ([`Sources::wait_for_check`](crate::Sources::wait_for_check), all polls) | 120 s | [`Error::Timeout`] naming the check; each status request is cut short so the wait never runs past it |
//!
//! # TLS and proxies
//!
//! Plain `http://` is refused for any host but loopback unless
//! [`ClientConfigBuilder::allow_insecure_http`]. TLS is rustls with the Mozilla roots bundled
//! by `webpki-roots`. Through ureq's own support:
//!
//! ```no_run
//! use airbyte_embedded::ClientConfig;
//! let pem = "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n";
//! let config = ClientConfig::builder()
//!     // Trust only these roots (a TLS-inspecting proxy, a private deployment):
//!     .root_certificates_pem(pem)
//!     // Every request through an HTTP CONNECT proxy (TLS to the API stays end to end):
//!     .proxy("http://user:password@proxy.internal:3128")
//!     .build()?;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! [`ClientConfigBuilder::tls_config`] takes ureq's full TLS settings ([`tls::TlsConfig`]:
//! client certificates, SNI). The proxy URL is kept out of `Debug` output and errors.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::http::header::{self, Allowed};
use crate::http::url::BaseUrl;
use crate::retry::{Pacing, RetryPolicy};
use crate::token_store::{StoreHandle, TokenStore};
use crate::{Error, Result};

/// ureq's TLS settings, for [`ClientConfigBuilder::tls_config`]: `tls::TlsConfig`,
/// `tls::RootCerts`, `tls::Certificate`, `tls::parse_pem`.
pub use ureq::tls;

/// The production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.airbyte.ai/api/v1";
/// How long a host name's resolved addresses are reused by default (30 s): see
/// [`ClientConfigBuilder::dns_cache_ttl`].
pub const DEFAULT_DNS_CACHE_TTL: Duration = Duration::from_secs(30);
/// Region id of the US region (the service's default).
pub const REGION_US: &str = "645a183f-b12b-4c6e-8ad3-99e165603450";
/// Region id of the EU region.
pub const REGION_EU: &str = "b9e48d61-f082-4a14-a8d0-799a907938cb";

/// Environment variable holding the client id of the operator's credentials.
pub const ENV_CLIENT_ID: &str = "AIRBYTE_CLIENT_ID";
/// Environment variable holding the client secret of the operator's credentials.
pub const ENV_CLIENT_SECRET: &str = "AIRBYTE_CLIENT_SECRET";
/// Environment variable overriding the base URL.
pub const ENV_API_URL: &str = "AIRBYTE_API_URL";
/// Environment variable holding the organisation id sent as `X-Organization-Id`.
pub const ENV_ORGANIZATION_ID: &str = "AIRBYTE_ORGANIZATION_ID";

/// Which paths the three embedded token routes (scoped token, scoped token info, widget
/// token) are called on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TokenRoutes {
    /// `/embedded/scoped-token`, `/embedded/scoped-token/info`, `/embedded/widget-token`
    /// (the default: served by every deployment).
    #[default]
    Embedded,
    /// `/account/applications/scoped-token`, `…/scoped-token/info`, `…/widget-token`
    /// (newer deployments).
    Applications,
}

impl TokenRoutes {
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            TokenRoutes::Embedded => "embedded",
            TokenRoutes::Applications => "account/applications",
        }
    }
}

/// An operator's client credentials. `Debug` never shows the secret.
#[derive(Clone)]
pub struct Credentials {
    /// The client id.
    pub client_id: String,
    /// The client secret, kept out of every log and error.
    pub client_secret: SecretString,
}

impl Credentials {
    /// Credentials from a client id and secret.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        Credentials {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
        }
    }

    /// Credentials from `AIRBYTE_CLIENT_ID` and `AIRBYTE_CLIENT_SECRET`, or `None` when either is
    /// unset or empty.
    pub fn from_env() -> Option<Self> {
        let id = non_empty_env(ENV_CLIENT_ID)?;
        let secret = non_empty_env(ENV_CLIENT_SECRET)?;
        Some(Credentials::new(id, secret))
    }

    pub(crate) fn secret(&self) -> &str {
        self.client_secret.expose_secret()
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[REDACTED]")
            .finish()
    }
}

/// Which proxy requests go through.
#[derive(Clone, Default)]
pub(crate) enum ProxyChoice {
    /// ureq's reading of `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (the default).
    #[default]
    FromEnv,
    /// No proxy, whatever the environment says.
    Disabled,
    /// This proxy.
    Fixed(ureq::Proxy),
}

impl ProxyChoice {
    /// The proxy for ureq's agent.
    pub(crate) fn resolve(&self) -> Option<ureq::Proxy> {
        match self {
            ProxyChoice::FromEnv => ureq::Proxy::try_from_env(),
            ProxyChoice::Disabled => None,
            ProxyChoice::Fixed(p) => Some(p.clone()),
        }
    }
}

impl std::fmt::Debug for ProxyChoice {
    /// Protocol, host and port only: never the proxy's credentials.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProxyChoice::FromEnv => f.write_str("FromEnv"),
            ProxyChoice::Disabled => f.write_str("Disabled"),
            ProxyChoice::Fixed(p) => write!(f, "Fixed({} {}:{})", p.protocol(), p.host(), p.port()),
        }
    }
}

/// Settings shared by the operator and end-user clients. Build one with
/// [`ClientConfig::builder`]; [`ClientConfig::default`] targets production with default
/// timeouts and retries.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub(crate) base_url: BaseUrl,
    pub(crate) organization_id: Option<String>,
    pub(crate) region_id: Option<String>,
    pub(crate) connect_timeout: Duration,
    pub(crate) read_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) token_refresh_margin: Duration,
    pub(crate) forbidden_refresh_after: Duration,
    pub(crate) token_routes: TokenRoutes,
    pub(crate) user_agent: String,
    pub(crate) retry: RetryPolicy,
    pub(crate) pacing: Option<Pacing>,
    pub(crate) tls: Option<tls::TlsConfig>,
    pub(crate) proxy: ProxyChoice,
    pub(crate) token_store: Option<StoreHandle>,
    pub(crate) template_cache_ttl: Option<Duration>,
    pub(crate) dns_cache_ttl: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            // An absolute https URL without query or fragment: it always parses (the
            // `defaults_target_production_with_timeouts` test).
            base_url: BaseUrl::parse(DEFAULT_BASE_URL)
                .unwrap_or_else(|_| unreachable!("DEFAULT_BASE_URL is a valid base URL")),
            organization_id: None,
            region_id: None,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(60),
            token_refresh_margin: Duration::from_secs(60),
            forbidden_refresh_after: Duration::from_secs(60),
            token_routes: TokenRoutes::Embedded,
            user_agent: format!("airbyte-embedded-rust/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            pacing: None,
            tls: None,
            proxy: ProxyChoice::FromEnv,
            token_store: None,
            template_cache_ttl: None,
            dns_cache_ttl: DEFAULT_DNS_CACHE_TTL,
        }
    }
}

impl ClientConfig {
    /// A builder starting from the defaults.
    pub fn builder() -> ClientConfigBuilder {
        ClientConfigBuilder::default()
    }

    /// The defaults overridden by `AIRBYTE_API_URL` and `AIRBYTE_ORGANIZATION_ID` when set.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when either variable holds an invalid value.
    pub fn from_env() -> Result<Self> {
        ClientConfig::builder().env().build()
    }

    /// The base URL every path is joined to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.base_url.as_str()
    }

    /// The organisation id sent as `X-Organization-Id`, if configured.
    pub fn organization_id(&self) -> Option<&str> {
        self.organization_id.as_deref()
    }

    /// The region id sent when minting tokens for a workspace, if configured.
    pub fn region_id(&self) -> Option<&str> {
        self.region_id.as_deref()
    }

    /// The `User-Agent` header value (`airbyte-embedded-rust/<version>` by default).
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The connect, per-read and whole-request timeouts, in that order.
    pub fn timeouts(&self) -> (Duration, Duration, Duration) {
        (
            self.connect_timeout,
            self.read_timeout,
            self.request_timeout,
        )
    }

    /// How failed requests are retried ([`RetryPolicy::default`] unless set).
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// Client-side pacing when the rate limit runs low, if turned on.
    pub fn pacing(&self) -> Option<&Pacing> {
        self.pacing.as_ref()
    }

    /// How long a host name's resolved addresses are reused ([`DEFAULT_DNS_CACHE_TTL`] unless
    /// set; zero: never).
    pub fn dns_cache_ttl(&self) -> Duration {
        self.dns_cache_ttl
    }
}

/// Builds a [`ClientConfig`]; every setting starts at its documented default.
#[derive(Debug, Clone, Default)]
pub struct ClientConfigBuilder {
    base_url: Option<String>,
    organization_id: Option<String>,
    region_id: Option<String>,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
    token_refresh_margin: Option<Duration>,
    forbidden_refresh_after: Option<Duration>,
    token_routes: Option<TokenRoutes>,
    user_agent_suffix: Option<String>,
    allow_insecure_http: bool,
    retry: Option<RetryPolicy>,
    pacing: Option<Pacing>,
    root_certificates_pem: Option<Vec<u8>>,
    tls: Option<tls::TlsConfig>,
    proxy: Option<ProxySetting>,
    token_store: Option<StoreHandle>,
    template_cache_ttl: Option<Duration>,
    dns_cache_ttl: Option<Duration>,
}

/// A proxy as set on the builder, parsed by [`ClientConfigBuilder::build`].
#[derive(Clone)]
enum ProxySetting {
    Disabled,
    Url(SecretString),
}

impl std::fmt::Debug for ProxySetting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProxySetting::Disabled => f.write_str("Disabled"),
            ProxySetting::Url(_) => f.write_str("Url([REDACTED])"),
        }
    }
}

impl ClientConfigBuilder {
    /// The API's base URL, e.g. `https://api.airbyte.ai/api/v1` (the default). A trailing
    /// slash is allowed.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The organisation id (a UUID) sent as `X-Organization-Id` on every request, token
    /// minting included. Unset by default: the header is then omitted.
    pub fn organization_id(mut self, id: impl Into<String>) -> Self {
        self.organization_id = Some(id.into());
        self
    }

    /// The region id sent when minting scoped or widget tokens (it matters only when the
    /// workspace is created). Unset by default: the service then uses [`REGION_US`].
    pub fn region_id(mut self, id: impl Into<String>) -> Self {
        self.region_id = Some(id.into());
        self
    }

    /// Time allowed to establish a connection (DNS, TCP, TLS). Defaults to 10 seconds.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Time allowed for each read from the connection. Defaults to 30 seconds.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Time allowed for one whole attempt, from connecting to reading the body. Defaults to
    /// 60 seconds. When it passes the call ends with [`Error::Timeout`] (or
    /// [`Error::OutcomeUnknown`] for a create): unlike a connect or read timeout it is not
    /// retried. The retries of one call are bounded by [`RetryPolicy::max_elapsed`].
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(timeout);
        self
    }

    /// How failed requests are retried. Defaults to [`RetryPolicy::default`]: up to 3
    /// retries with exponential backoff and full jitter from 500 ms, each wait at most 10 s,
    /// all within 120 s; [`RetryPolicy::disabled`] turns retrying off. See
    /// [`crate::retry`] for what is retried.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Turns on client-side pacing: when few requests are left in the rate-limit window,
    /// requests are spread over the time until it resets. Off by default.
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = Some(pacing);
        self
    }

    /// Trusts the certificates in `pem` (one or more `-----BEGIN CERTIFICATE-----` blocks)
    /// as the only TLS roots, instead of the bundled Mozilla roots (`webpki-roots`): for a
    /// TLS-inspecting corporate proxy or a private deployment. Replaces an earlier
    /// [`ClientConfigBuilder::tls_config`]. Checked by [`ClientConfigBuilder::build`].
    pub fn root_certificates_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates_pem = Some(pem.into());
        self.tls = None;
        self
    }

    /// ureq's full TLS settings (roots, client certificate, SNI), for what
    /// [`ClientConfigBuilder::root_certificates_pem`] does not cover. Replaces an earlier
    /// `root_certificates_pem`. Defaults to ureq's: rustls with the Mozilla roots.
    pub fn tls_config(mut self, config: tls::TlsConfig) -> Self {
        self.tls = Some(config);
        self.root_certificates_pem = None;
        self
    }

    /// Sends every request through this proxy: `http://host:port` or `https://host:port`
    /// (a CONNECT tunnel, so TLS to the API stays end to end), with optional
    /// `user:password@` (percent-encoded). By default the proxy comes from the environment
    /// (`ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`, honouring `NO_PROXY`). The URL is kept out of
    /// `Debug` output and errors.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(ProxySetting::Url(SecretString::from(url.into())));
        self
    }

    /// Connects directly, ignoring any proxy set in the environment.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = Some(ProxySetting::Disabled);
        self
    }

    /// How long before expiry a cached token is replaced. Defaults to 60 seconds, and never
    /// more than a quarter of the token's lifetime.
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_refresh_margin = Some(margin);
        self
    }

    /// How old a token the SDK minted (the operator token, or a scoped token an operator
    /// client mints) must be before an HTTP 403 makes the SDK mint a new one and replay the
    /// call once. Defaults to 60 seconds.
    ///
    /// The service's published specs answer authentication failures with 403 as well as
    /// 401. A 401 always refreshes and replays once; a 403 does so only when the token used
    /// was minted at least this long ago, so a real permission error costs at most one
    /// extra token request per this period, and a 403 with a fresh token is final
    /// ([`Error::Forbidden`]). A token given by the caller is never refreshed.
    pub fn forbidden_refresh_after(mut self, age: Duration) -> Self {
        self.forbidden_refresh_after = Some(age);
        self
    }

    /// Which paths the embedded token routes use. Defaults to [`TokenRoutes::Embedded`].
    pub fn token_routes(mut self, routes: TokenRoutes) -> Self {
        self.token_routes = Some(routes);
        self
    }

    /// Text appended to the `User-Agent` (e.g. `my-app/1.2`): printable ASCII and spaces;
    /// [`ClientConfigBuilder::build`] refuses anything else (a line feed, NUL, DEL or non-ASCII
    /// byte) with [`Error::InvalidArgument`] naming `user_agent_suffix`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Where operator clients keep the operator token and the scoped tokens they mint, so
    /// that every client (in any process) given the same store, base URL, organisation and
    /// credentials shares them and one of them refreshes each: for example a
    /// `token_store::RedisTokenStore` (feature `redis`) shared by a fleet of workers. Clones
    /// of a client share its store. Defaults to a new
    /// [`MemoryTokenStore`](crate::token_store::MemoryTokenStore) for each client. A store that
    /// fails never fails a call: the client then mints and caches on its own (see
    /// [`crate::token_store`]).
    pub fn token_store(mut self, store: std::sync::Arc<dyn TokenStore>) -> Self {
        self.token_store = Some(StoreHandle(store));
        self
    }

    /// Turns on the template cache: source and connection template lists and reads
    /// (operator: `GET /integrations/templates/sources[/{id}]`, `…/sources/global` and
    /// `…/templates/connections[/{id}]`; end user: `GET /embedded/source-templates[/{id}]`)
    /// are answered from the [token store](ClientConfigBuilder::token_store) for `ttl` after
    /// they were read, keyed by path and query, so a fleet sharing a store reads each once per
    /// `ttl`. Every template or tag write through the SDK (create, clone, update, delete, tag
    /// changes) makes the next read of that family miss, in every process sharing the store;
    /// writes made elsewhere show after at most `ttl`. An end-user client made from a token
    /// ([`crate::EndUserClient::new`]) caches for that token only. Off by default.
    pub fn template_cache_ttl(mut self, ttl: Duration) -> Self {
        self.template_cache_ttl = Some(ttl);
        self
    }

    /// How long the addresses a host name resolved to are reused before the name is looked up
    /// again. Defaults to 30 seconds ([`DEFAULT_DNS_CACHE_TTL`]). The system resolver does not
    /// report a DNS answer's own TTL, so this fixed time stands in for it. A connection that
    /// cannot be made to a host drops its addresses at once, so the next request looks the
    /// name up again. The first lookup of a name runs under the request's connect timeout;
    /// a cached answer costs no lookup. `Duration::ZERO` looks the name up on every request.
    /// IP-literal hosts are never looked up.
    pub fn dns_cache_ttl(mut self, ttl: Duration) -> Self {
        self.dns_cache_ttl = Some(ttl);
        self
    }

    /// Allows a plain `http://` base URL on a host other than loopback. Off by default: tokens
    /// and client secrets then travel only over TLS (or never leave the machine).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Fills the base URL and organisation id from `AIRBYTE_API_URL` and
    /// `AIRBYTE_ORGANIZATION_ID` where those are set and not set on the builder already.
    pub fn env(mut self) -> Self {
        if self.base_url.is_none() {
            self.base_url = non_empty_env(ENV_API_URL);
        }
        if self.organization_id.is_none() {
            self.organization_id = non_empty_env(ENV_ORGANIZATION_ID);
        }
        self
    }

    /// The finished configuration.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `base_url` (not an absolute `http`/`https` URL, or
    /// carrying a query or fragment, or plain `http` off loopback without
    /// [`ClientConfigBuilder::allow_insecure_http`]), `organization_id` or `region_id` (not a UUID), a
    /// timeout of zero, `user_agent_suffix` (a byte a header cannot carry), `root_certificates` (no certificate in the PEM text), `proxy` (not an
    /// `http`/`https` proxy URL), `retry_policy` (a zero `max_elapsed` or a negative
    /// `max_retries`), `pacing` (a negative `below_remaining`) or `template_cache_ttl` (zero).
    pub fn build(self) -> Result<ClientConfig> {
        let defaults = ClientConfig::default();
        let base_url = match self.base_url {
            Some(url) => BaseUrl::parse(&url)?,
            None => defaults.base_url,
        };
        if !base_url.is_https() && !base_url.is_loopback() && !self.allow_insecure_http {
            return Err(Error::invalid_argument(
                "base_url",
                format!(
                    "{} uses plain http on a host other than loopback; use https, or allow it explicitly with allow_insecure_http(true)",
                    crate::redact::quote(base_url.as_str())
                ),
            ));
        }
        for (name, value) in [
            ("organization_id", &self.organization_id),
            ("region_id", &self.region_id),
        ] {
            if let Some(v) = value {
                check_uuid(name, v)?;
            }
        }
        let timeouts = [
            (
                "connect_timeout",
                self.connect_timeout,
                defaults.connect_timeout,
            ),
            ("read_timeout", self.read_timeout, defaults.read_timeout),
            (
                "request_timeout",
                self.request_timeout,
                defaults.request_timeout,
            ),
        ];
        let mut resolved = [Duration::ZERO; 3];
        for (slot, (name, set, default)) in resolved.iter_mut().zip(timeouts) {
            let value = set.unwrap_or(default);
            if value.is_zero() {
                return Err(Error::invalid_argument(name, "must be greater than zero"));
            }
            *slot = value;
        }
        let user_agent = match self.user_agent_suffix {
            Some(s) if !s.trim().is_empty() => {
                header::check("user_agent_suffix", &s, Allowed::Text)?;
                format!("{} {}", defaults.user_agent, s.trim())
            }
            Some(s) => {
                // Whitespace only, but a tab or line feed would still have been refused.
                header::check("user_agent_suffix", s.trim_matches(' '), Allowed::Text)?;
                defaults.user_agent
            }
            None => defaults.user_agent,
        };
        let retry = self.retry.unwrap_or(defaults.retry);
        if retry.max_elapsed.is_zero() {
            return Err(Error::invalid_argument(
                "retry_policy",
                "max_elapsed must be greater than zero",
            ));
        }
        if retry.max_retries < 0 {
            return Err(Error::invalid_argument(
                "retry_policy",
                format!("max_retries is {}; it must be 0 or more", retry.max_retries),
            ));
        }
        if let Some(p) = self.pacing.as_ref().filter(|p| p.below_remaining < 0) {
            return Err(Error::invalid_argument(
                "pacing",
                format!(
                    "below_remaining is {}; it must be 0 or more",
                    p.below_remaining
                ),
            ));
        }
        if self.template_cache_ttl.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid_argument(
                "template_cache_ttl",
                "must be greater than zero (leave it unset to turn the cache off)",
            ));
        }
        let tls = match self.root_certificates_pem {
            Some(pem) => Some(root_certificates(&pem)?),
            None => self.tls,
        };
        let proxy = match self.proxy {
            None => ProxyChoice::FromEnv,
            Some(ProxySetting::Disabled) => ProxyChoice::Disabled,
            Some(ProxySetting::Url(url)) => ProxyChoice::Fixed(parse_proxy(url.expose_secret())?),
        };
        Ok(ClientConfig {
            base_url,
            organization_id: self.organization_id,
            region_id: self.region_id,
            connect_timeout: resolved[0],
            read_timeout: resolved[1],
            request_timeout: resolved[2],
            token_refresh_margin: self
                .token_refresh_margin
                .unwrap_or(defaults.token_refresh_margin),
            forbidden_refresh_after: self
                .forbidden_refresh_after
                .unwrap_or(defaults.forbidden_refresh_after),
            token_routes: self.token_routes.unwrap_or_default(),
            user_agent,
            retry,
            pacing: self.pacing,
            tls,
            proxy,
            token_store: self.token_store,
            template_cache_ttl: self.template_cache_ttl,
            dns_cache_ttl: self.dns_cache_ttl.unwrap_or(defaults.dns_cache_ttl),
        })
    }
}

/// TLS settings trusting only the certificates in `pem`.
fn root_certificates(pem: &[u8]) -> Result<tls::TlsConfig> {
    let mut certs = Vec::new();
    for item in tls::parse_pem(pem) {
        match item {
            Ok(tls::PemItem::Certificate(c)) => certs.push(c),
            Ok(_) => {}
            Err(_) => {
                return Err(Error::invalid_argument(
                    "root_certificates",
                    "the PEM text does not parse",
                ));
            }
        }
    }
    if certs.is_empty() {
        return Err(Error::invalid_argument(
            "root_certificates",
            "the PEM text holds no certificate",
        ));
    }
    Ok(tls::TlsConfig::builder()
        .root_certs(tls::RootCerts::new_with_certs(&certs))
        .build())
}

/// An `http://` or `https://` proxy; the error never quotes the URL (it may hold a password).
fn parse_proxy(url: &str) -> Result<ureq::Proxy> {
    let invalid = || {
        Error::invalid_argument(
            "proxy",
            "is not an http:// or https:// proxy URL (host and optional port, user and password)",
        )
    };
    let proxy = ureq::Proxy::new(url.trim()).map_err(|_| invalid())?;
    match proxy.protocol() {
        ureq::ProxyProtocol::Http | ureq::ProxyProtocol::Https => Ok(proxy),
        _ => Err(invalid()),
    }
}

/// Checks that `value` is a UUID in its 8-4-4-4-12 hex form.
pub(crate) fn check_uuid(name: &str, value: &str) -> Result<()> {
    let groups: Vec<&str> = value.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups
            .iter()
            .zip(lengths)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            name,
            format!(
                "{} is not a UUID (expected 8-4-4-4-12 hex digits)",
                crate::redact::quote(value)
            ),
        ))
    }
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_target_production_with_timeouts() {
        let c = ClientConfig::builder().build().unwrap();
        assert_eq!(c.base_url(), DEFAULT_BASE_URL);
        assert!(c.organization_id().is_none());
        assert_eq!(c.connect_timeout, Duration::from_secs(10));
        assert_eq!(c.dns_cache_ttl(), DEFAULT_DNS_CACHE_TTL);
        let c = ClientConfig::builder()
            .dns_cache_ttl(Duration::ZERO)
            .build()
            .unwrap();
        assert_eq!(c.dns_cache_ttl(), Duration::ZERO);
        assert!(c.user_agent().starts_with("airbyte-embedded-rust/"));
    }

    #[test]
    fn organization_id_must_be_a_uuid() {
        let err = ClientConfig::builder()
            .organization_id("acme")
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, .. } if argument == "organization_id"),
            "{err:?}"
        );
        ClientConfig::builder()
            .organization_id(REGION_EU)
            .build()
            .unwrap();
    }

    #[test]
    fn plain_http_is_loopback_only_unless_allowed() {
        ClientConfig::builder()
            .base_url("http://127.0.0.1:8080/api/v1")
            .build()
            .unwrap();
        let err = ClientConfig::builder()
            .base_url("http://api.example.com/api/v1")
            .build()
            .unwrap_err();
        assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "base_url"));
        ClientConfig::builder()
            .base_url("http://api.example.com/api/v1")
            .allow_insecure_http(true)
            .build()
            .unwrap();
    }

    #[test]
    fn zero_timeouts_are_refused() {
        let err = ClientConfig::builder()
            .read_timeout(Duration::ZERO)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, .. } if argument == "read_timeout")
        );
    }

    #[test]
    fn negative_counts_are_refused() {
        let retry = RetryPolicy {
            max_retries: -1,
            ..RetryPolicy::default()
        };
        let err = ClientConfig::builder()
            .retry_policy(retry)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, detail } if argument == "retry_policy" && detail.contains("max_retries is -1")),
            "{err}"
        );
        let pacing = Pacing {
            below_remaining: -1,
            ..Pacing::default()
        };
        let err = ClientConfig::builder().pacing(pacing).build().unwrap_err();
        assert!(
            matches!(&err, Error::InvalidArgument { argument, .. } if argument == "pacing"),
            "{err}"
        );
        ClientConfig::builder()
            .retry_policy(RetryPolicy::disabled())
            .pacing(Pacing::default())
            .build()
            .unwrap();
    }

    #[test]
    fn credentials_debug_hides_the_secret() {
        let c = Credentials::new("id-1", "s3cr3t-value");
        let shown = format!("{c:?}");
        assert!(shown.contains("id-1"));
        assert!(!shown.contains("s3cr3t-value"));
    }
}
