//! The operator client: organisation-wide, authenticated with client credentials.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::api::Api;
use crate::auth::shared::SharedTokens;
use crate::auth::token_cell::TokenCell;
use crate::auth::widget::WidgetToken;
use crate::auth::{MintedTokens, OperatorTokens, ScopedToken};
use crate::client::EndUserClient;
use crate::config::{ClientConfig, Credentials};
use crate::connectors::Connectors;
use crate::error::RateLimit;
use crate::files::Files;
use crate::http::Http;
use crate::integrations::{
    ConnectionTemplates, DefinitionCatalogs, Definitions, Destinations, SourceSearch,
    SourceTemplates, Tags, TemplateCatalogs,
};
use crate::oauth_credentials::OAuthCredentials;
use crate::proxy::ApiProxy;
use crate::read_cache::ReadCache;
use crate::retry::RetryPolicy;
use crate::sources::template_cache::TemplateCache;
use crate::sources::{Scope, Sources};
use crate::tokens::{ScopedTokenRequest, WidgetTokenRequest};
use crate::workspaces::Workspaces;
use crate::{Error, Result};

/// The operator's client: templates, tags, workspaces, every workspace's sources, files
/// through a source, the API proxy, source search, and minting scoped and widget tokens. Cheap to clone (clones share one connection pool and one token
/// cache); `Send + Sync`, so one client serves many threads.
///
/// The operator token is minted from the client credentials on first use
/// (`POST /account/applications/token`), cached until shortly before
/// `min(expires_in, JWT exp)`, refreshed by one thread while others wait, and refreshed once
/// more if a call gets 401. With a shared [`crate::token_store::TokenStore`]
/// ([`crate::ClientConfigBuilder::token_store`]) the operator and scoped tokens are shared by
/// every process using that store, and one process refreshes each.
#[derive(Clone)]
pub struct OperatorClient {
    inner: Arc<Inner>,
}

/// Scoped-token cache key: workspace name and region.
type ScopedKey = (String, Option<String>);

struct Inner {
    api: Arc<Api>,
    shared: Arc<SharedTokens>,
    scoped: Arc<Mutex<HashMap<ScopedKey, Arc<TokenCell>>>>,
    templates: Arc<TemplateCache>,
}

impl OperatorClient {
    /// A client for `config` authenticating with `credentials`. Sends nothing until the first
    /// call.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `client_id` or `client_secret` when either is empty.
    pub fn new(config: ClientConfig, credentials: Credentials) -> Result<Self> {
        if credentials.client_id.trim().is_empty() {
            return Err(Error::invalid_argument("client_id", "must not be empty"));
        }
        if credentials.secret().is_empty() {
            return Err(Error::invalid_argument(
                "client_secret",
                "must not be empty",
            ));
        }
        let shared = SharedTokens::new(&config, &credentials);
        let cache = config
            .template_cache_ttl
            .map(|ttl| Arc::new(ReadCache::new(Arc::clone(&shared), ttl, None)));
        let http = Arc::new(Http::new(config));
        let tokens = Arc::new(OperatorTokens::new(
            Arc::clone(&http),
            credentials,
            shared.operator_cell(),
        ));
        Ok(OperatorClient {
            inner: Arc::new(Inner {
                api: Arc::new(Api::new(http, tokens).with_cache(cache)),
                shared,
                scoped: Arc::new(Mutex::new(HashMap::new())),
                templates: Arc::new(TemplateCache::default()),
            }),
        })
    }

    /// A client configured from the environment: `AIRBYTE_CLIENT_ID`,
    /// `AIRBYTE_CLIENT_SECRET`, and optionally `AIRBYTE_API_URL`, `AIRBYTE_ORGANIZATION_ID`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `AIRBYTE_CLIENT_ID` when the credentials are unset,
    /// or the variable holding an invalid value.
    pub fn from_env() -> Result<Self> {
        OperatorClient::from_env_with(ClientConfig::from_env()?)
    }

    /// A client with the credentials of `AIRBYTE_CLIENT_ID` and `AIRBYTE_CLIENT_SECRET` and
    /// `config` (build it with [`ClientConfigBuilder::env`](crate::ClientConfigBuilder::env)
    /// to read the other variables too).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `AIRBYTE_CLIENT_ID` when the credentials are unset.
    pub fn from_env_with(config: ClientConfig) -> Result<Self> {
        let credentials = Credentials::from_env().ok_or_else(|| {
            Error::invalid_argument(
                crate::config::ENV_CLIENT_ID,
                "AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET must both be set",
            )
        })?;
        OperatorClient::new(config, credentials)
    }

    /// The configuration this client was built with.
    pub fn config(&self) -> &ClientConfig {
        self.inner.api.http.config()
    }

    /// The rate-limit headers of the most recent response that carried any.
    pub fn last_rate_limit(&self) -> Option<RateLimit> {
        self.inner.api.http.last_rate_limit()
    }

    /// A client like this one (same connection pool, operator token, scoped-token and
    /// template caches) whose calls follow `policy` instead of the configured
    /// [`crate::ClientConfig::retry_policy`]: for one call or a group of calls.
    ///
    /// ```no_run
    /// # use airbyte_embedded::{OperatorClient, RetryPolicy, TagFilter};
    /// # let operator = OperatorClient::from_env()?;
    /// let once = operator.with_retry_policy(RetryPolicy::disabled());
    /// let templates = once.source_templates().list(&TagFilter::default())?;
    /// # Ok::<(), airbyte_embedded::Error>(())
    /// ```
    pub fn with_retry_policy(&self, policy: RetryPolicy) -> OperatorClient {
        OperatorClient {
            inner: Arc::new(Inner {
                api: Arc::new(self.inner.api.with_policy(policy)),
                shared: Arc::clone(&self.inner.shared),
                scoped: Arc::clone(&self.inner.scoped),
                templates: Arc::clone(&self.inner.templates),
            }),
        }
    }

    /// Source templates: `/integrations/templates/sources`.
    pub fn source_templates(&self) -> SourceTemplates<'_> {
        SourceTemplates {
            api: &self.inner.api,
        }
    }

    /// Connection templates: `/integrations/templates/connections`.
    pub fn connection_templates(&self) -> ConnectionTemplates<'_> {
        ConnectionTemplates {
            api: &self.inner.api,
        }
    }

    /// Tags: `/integrations/templates/tags`.
    pub fn tags(&self) -> Tags<'_> {
        Tags {
            api: &self.inner.api,
        }
    }

    /// The connector catalogue: `/integrations/definitions/sources` and
    /// `/integrations/definitions/destinations`.
    pub fn definitions(&self) -> Definitions<'_> {
        Definitions {
            api: &self.inner.api,
        }
    }

    /// Bulk operations over many workspaces or sources, within the rate limit
    /// ([`crate::bulk`]).
    pub fn bulk(&self) -> crate::bulk::Bulk<'_> {
        crate::bulk::Bulk { client: self }
    }

    /// Source templates' stream catalogs:
    /// `/integrations/templates/sources/{id}/catalog` and `…/streams`.
    pub fn template_catalogs(&self) -> TemplateCatalogs<'_> {
        TemplateCatalogs {
            api: &self.inner.api,
        }
    }

    /// Source definitions' stream catalogs:
    /// `/integrations/definitions/sources/{id}/catalog` and `…/streams`.
    pub fn definition_catalogs(&self) -> DefinitionCatalogs<'_> {
        DefinitionCatalogs {
            api: &self.inner.api,
        }
    }

    /// The destinations the service made from connection templates:
    /// `/integrations/destinations`.
    pub fn destinations(&self) -> Destinations<'_> {
        Destinations {
            api: &self.inner.api,
        }
    }

    /// Files through an end user's source (drives, folder listings, file contents streamed):
    /// `/sonar/files/...`.
    pub fn files(&self) -> Files<'_> {
        Files {
            api: &self.inner.api,
        }
    }

    /// The API proxy: requests to an end user's API with the source's stored credentials,
    /// `/sonar/apis/{source_id}/request`.
    pub fn proxy(&self) -> ApiProxy<'_> {
        ApiProxy {
            api: &self.inner.api,
        }
    }

    /// Search over a source's synced records:
    /// `/integrations/sources/{id}/search/{stream_name}`.
    pub fn source_search(&self) -> SourceSearch<'_> {
        SourceSearch {
            api: &self.inner.api,
        }
    }

    /// Workspaces: `/workspaces`.
    pub fn workspaces(&self) -> Workspaces<'_> {
        Workspaces {
            api: &self.inner.api,
        }
    }

    /// Sources of any workspace in the organisation: `/integrations/sources`.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            api: &self.inner.api,
            scope: Scope::Integrations,
            templates: &self.inner.templates,
        }
    }

    /// Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
    /// name, with inline checks and executes.
    pub fn connectors(&self) -> Connectors<'_> {
        Connectors {
            api: &self.inner.api,
        }
    }

    /// The organisation's OAuth apps for connectors (2026): `/oauth/credentials`.
    pub fn oauth_credentials(&self) -> OAuthCredentials<'_> {
        OAuthCredentials {
            api: &self.inner.api,
        }
    }

    /// Mints a new scoped token for one end user's workspace, creating the workspace if the
    /// name is new. Each call mints a fresh token (lifetime 20 minutes on the service); see
    /// [`OperatorClient::scoped_token`] for a cached one. `POST /embedded/scoped-token` (or
    /// `/account/applications/scoped-token`, per [`crate::TokenRoutes`]).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty workspace name or a region that is not a UUID
    /// (nothing sent); [`Error::Forbidden`]; transport errors.
    pub fn mint_scoped_token(&self, request: &ScopedTokenRequest) -> Result<ScopedToken> {
        crate::tokens::endpoints::mint_scoped(&self.inner.api, request)
    }

    /// A scoped token for `workspace_name` from this client's cache (or its token store),
    /// minted (as [`OperatorClient::mint_scoped_token`]) when missing or near expiry.
    /// Concurrent callers for one workspace share one mint, across processes too when they
    /// share a token store.
    ///
    /// # Errors
    /// As [`OperatorClient::mint_scoped_token`].
    pub fn scoped_token(&self, workspace_name: &str) -> Result<ScopedToken> {
        let request = ScopedTokenRequest::new(workspace_name);
        let cell = self.scoped_cell(&request);
        let cached = cell.get(|| self.mint_cached(&request))?;
        Ok(ScopedToken::new(cached.expose()))
    }

    fn scoped_cell(&self, request: &ScopedTokenRequest) -> Arc<TokenCell> {
        let key = (request.workspace_name.clone(), request.region_id.clone());
        let mut cells = self.inner.scoped.lock().unwrap_or_else(|p| p.into_inner());
        let cell = cells.entry(key).or_insert_with(|| {
            Arc::new(
                self.inner
                    .shared
                    .scoped_cell(&request.workspace_name, request.region_id.as_deref()),
            )
        });
        Arc::clone(cell)
    }

    fn mint_cached(
        &self,
        request: &ScopedTokenRequest,
    ) -> Result<crate::auth::token_cell::CachedToken> {
        let margin = self.config().token_refresh_margin;
        Ok(self.mint_scoped_token(request)?.into_cached(margin))
    }

    /// Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
    /// decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `allowed_origin`, `workspace_name` or `region_id`
    /// (nothing sent); [`Error::Validation`]; [`Error::InvalidWidgetToken`] when the answer
    /// does not decode.
    pub fn mint_widget_token(&self, request: &WidgetTokenRequest) -> Result<WidgetToken> {
        crate::tokens::endpoints::mint_widget(&self.inner.api, request)
    }

    /// An end-user client for `workspace_name`, whose scoped token this operator client mints,
    /// caches and re-mints near expiry or after a 401.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty workspace name. Minting happens on first use.
    pub fn end_user_client(&self, workspace_name: &str) -> Result<EndUserClient> {
        if workspace_name.trim().is_empty() {
            return Err(Error::invalid_argument(
                "workspace_name",
                "must not be empty",
            ));
        }
        let request = ScopedTokenRequest::new(workspace_name);
        let operator = self.clone();
        let tokens = MintedTokens {
            cell: self.scoped_cell(&request),
            mint: move || operator.mint_cached(&request),
        };
        let cache = self.config().template_cache_ttl.map(|ttl| {
            Arc::new(ReadCache::new(
                Arc::clone(&self.inner.shared),
                ttl,
                Some(workspace_name.to_owned()),
            ))
        });
        Ok(EndUserClient::with_source(
            Arc::clone(&self.inner.api.http),
            Arc::new(tokens),
            cache,
        ))
    }
}

impl std::fmt::Debug for OperatorClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperatorClient")
            .field("base_url", &self.config().base_url())
            .finish_non_exhaustive()
    }
}
