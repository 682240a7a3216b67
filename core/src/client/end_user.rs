//! The end-user client: one workspace, authenticated with a scoped token.

use std::sync::{Arc, OnceLock};

use secrecy::SecretString;

use crate::api::Api;
use crate::auth::provider::ProvidedTokens;
use crate::auth::shared::SharedTokens;
use crate::auth::{FixedToken, ScopedToken, ScopedTokenProvider, TokenSource};
use crate::config::ClientConfig;
use crate::embedded_source_templates::EmbeddedSourceTemplates;
use crate::error::RateLimit;
use crate::http::Http;
use crate::read_cache::ReadCache;
use crate::retry::RetryPolicy;
use crate::sources::template_cache::TemplateCache;
use crate::sources::{Scope, Sources};
use crate::tokens::ScopedTokenInfo;
use crate::{Error, Result};

/// An end user's client: the source templates offered to them, their sources and checks.
/// Cheap to clone; `Send + Sync`.
///
/// Built from a scoped token ([`EndUserClient::new`]; a 401 is then final, as the client
/// cannot mint another), from a [`ScopedTokenProvider`] the host implements
/// ([`EndUserClient::with_token_provider`]: it is asked for a new token when one is needed), or
/// by [`crate::OperatorClient::end_user_client`] (the operator client mints, caches and
/// re-mints the token).
#[derive(Clone)]
pub struct EndUserClient {
    inner: Arc<Inner>,
}

struct Inner {
    api: Api,
    templates: Arc<TemplateCache>,
    workspace_id: OnceLock<String>,
}

impl EndUserClient {
    /// A client using `token` as is.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `token` when it is empty or holds a byte an HTTP
    /// header cannot carry (a space, control character or non-ASCII byte).
    pub fn new(config: ClientConfig, token: ScopedToken) -> Result<Self> {
        if token.expose().trim().is_empty() {
            return Err(Error::invalid_argument("token", "must not be empty"));
        }
        crate::http::header::check("token", token.expose(), crate::http::header::Allowed::Word)?;
        let cache = config.template_cache_ttl.map(|ttl| {
            let shared = SharedTokens::for_token(&config, token.expose());
            Arc::new(ReadCache::new(shared, ttl, None))
        });
        let source = FixedToken::new(SecretString::from(token.expose().to_owned()));
        Ok(EndUserClient::with_source(
            Arc::new(Http::new(config)),
            Arc::new(source),
            cache,
        ))
    }

    /// A client whose scoped tokens come from `provider` (for example the host app's call to
    /// its own backend): asked on the first call, when the token is near its JWT `exp` (by
    /// [`crate::ClientConfigBuilder::token_refresh_margin`]) and after the service refuses
    /// it (the refused call is then sent once more), one fetch at a time across threads.
    /// Nothing is fetched here. Such a client does not use the template cache
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// A call fails with the provider's error when it cannot give a token, or with
    /// [`Error::TokenProvider`] when the token it gave is empty or not header-safe; the next
    /// call asks again.
    pub fn with_token_provider(
        config: ClientConfig,
        provider: Arc<dyn ScopedTokenProvider>,
    ) -> Self {
        let margin = config.token_refresh_margin;
        EndUserClient::with_source(
            Arc::new(Http::new(config)),
            Arc::new(ProvidedTokens::new(provider, margin)),
            None,
        )
    }

    pub(crate) fn with_source(
        http: Arc<Http>,
        tokens: Arc<dyn TokenSource>,
        cache: Option<Arc<ReadCache>>,
    ) -> Self {
        EndUserClient {
            inner: Arc::new(Inner {
                api: Api::new(http, tokens).with_cache(cache),
                templates: Arc::new(TemplateCache::default()),
                workspace_id: OnceLock::new(),
            }),
        }
    }

    /// The configuration this client was built with.
    pub fn config(&self) -> &ClientConfig {
        self.inner.api.http.config()
    }

    /// The rate-limit headers of the most recent response that carried any.
    pub fn last_rate_limit(&self) -> Option<RateLimit> {
        self.inner.api.http.last_rate_limit()
    }

    /// A client like this one (same connection pool, token and template cache) whose calls
    /// follow `policy` instead of the configured [`crate::ClientConfig::retry_policy`].
    pub fn with_retry_policy(&self, policy: RetryPolicy) -> EndUserClient {
        let workspace_id = OnceLock::new();
        if let Some(id) = self.inner.workspace_id.get() {
            let _ = workspace_id.set(id.clone());
        }
        EndUserClient {
            inner: Arc::new(Inner {
                api: self.inner.api.with_policy(policy),
                templates: Arc::clone(&self.inner.templates),
                workspace_id,
            }),
        }
    }

    /// Source templates offered to this end user: `/embedded/source-templates`.
    pub fn source_templates(&self) -> EmbeddedSourceTemplates<'_> {
        EmbeddedSourceTemplates {
            api: &self.inner.api,
        }
    }

    /// This end user's sources and checks: `/embedded/sources`.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            api: &self.inner.api,
            scope: Scope::Embedded,
            templates: &self.inner.templates,
        }
    }

    /// The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
    /// (or `/account/applications/scoped-token/info`).
    ///
    /// # Errors
    /// [`Error::Unauthorized`], [`Error::Forbidden`] (for example an operator token).
    pub fn token_info(&self) -> Result<ScopedTokenInfo> {
        crate::tokens::endpoints::token_info(&self.inner.api)
    }

    /// The end user's workspace id, read once with [`EndUserClient::token_info`] and then
    /// remembered.
    ///
    /// # Errors
    /// As [`EndUserClient::token_info`].
    pub fn workspace_id(&self) -> Result<String> {
        if let Some(id) = self.inner.workspace_id.get() {
            return Ok(id.clone());
        }
        let id = self.token_info()?.workspace_id;
        Ok(self.inner.workspace_id.get_or_init(|| id).clone())
    }
}

impl std::fmt::Debug for EndUserClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndUserClient")
            .field("base_url", &self.config().base_url())
            .finish_non_exhaustive()
    }
}
