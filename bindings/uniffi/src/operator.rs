//! The operator client: organisation-wide, authenticated with client credentials.

use crate::models::RateLimit;
use std::sync::Arc;

use airbyte_embedded as core;

use crate::bulk::Bulk;
use crate::catalogs::{DefinitionCatalogs, TemplateCatalogs};
use crate::connection_templates::ConnectionTemplates;
use crate::connectors::Connectors;
use crate::definitions::Definitions;
use crate::destinations::Destinations;
use crate::end_user::EndUserClient;
use crate::files::Files;
use crate::lifecycle::{ClientSlot, OperatorSlot};
use crate::oauth_credentials::OAuthCredentials;
use crate::proxy::ApiProxy;
use crate::search::SourceSearch;
use crate::source_templates::SourceTemplates;
use crate::sources::Sources;
use crate::tags::Tags;
use crate::token_store::{Bridge, TokenStore};
use crate::twin::twin;
use crate::workspaces::Workspaces;
use crate::{ClientConfig, Result};

/// `builder` with `store` (bridged to the core's store trait) when one is given.
fn with_store(
    builder: core::ClientConfigBuilder,
    store: Option<Arc<dyn TokenStore>>,
) -> core::ClientConfigBuilder {
    match store {
        Some(store) => builder.token_store(Arc::new(Bridge(store))),
        None => builder,
    }
}

/// The operator's client: templates, tags, the connector catalogue, workspaces, every
/// workspace's sources, files through a source, the API proxy, source search, and minting
/// scoped and widget tokens. Thread-safe: one client serves
/// many threads, sharing one connection pool and one token cache.
///
/// The operator token is minted from the client credentials on first use
/// (`POST /account/applications/token`), cached until shortly before it expires, refreshed by
/// one thread while the others wait, and refreshed once more if a call gets HTTP 401.
///
/// Lifetime: `close()` (Kotlin `shutdown()`; Python also `with OperatorClient(...) as op:`)
/// ends the client; every later call on it, on the area handles made from it and on the
/// end-user clients it made raises `AirbyteError.ClientClosed`. Without `close()`, the
/// client lives as long as the client object or any handle made from it.
#[derive(uniffi::Object)]
pub struct OperatorClient {
    pub(crate) slot: OperatorSlot,
}

twin! {
    /// The operator's client with every network call awaited: the async twin of
    /// `OperatorClient`, with the same constructors, methods and area handles (`workspaces()`
    /// returns an `AsyncWorkspaces`, `end_user_client(name)` an `AsyncEndUserClient`, …), whose
    /// calls are Python coroutines, Kotlin `suspend` functions and Swift `async throws` functions.
    ///
    /// Each awaited call runs the blocking call on the library's bounded thread pool and never
    /// blocks the caller's event loop; many may be awaited at once on one client (they share its
    /// connection pool and token cache). Cancelling an awaited call (an asyncio task, a coroutine,
    /// a Swift `Task`) returns at once; the request already sent finishes on its pool thread within
    /// the client's timeouts and its result is dropped.
    ///
    /// Lifetime as for `OperatorClient`: `close()` (Kotlin `shutdown()`; Python also
    /// `async with AsyncOperatorClient(...) as op:`) ends the client and everything made from it.
    pub struct AsyncOperatorClient for OperatorClient;
}

impl OperatorClient {
    fn wrap(client: core::OperatorClient) -> Arc<Self> {
        Arc::new(OperatorClient {
            slot: ClientSlot::open("OperatorClient", client, None),
        })
    }

    /// The core client, for one call.
    ///
    /// # Errors
    /// `AirbyteError::ClientClosed` after `close()`.
    pub(crate) fn core(&self) -> Result<core::OperatorClient> {
        self.slot.get()
    }
}

twin! {
    impl OperatorClient => AsyncOperatorClient {
        constructors {
            /// A client authenticating with `client_id` and `client_secret`, configured by `config`
            /// (defaults when `None`; the environment is not read). Sends nothing until the first
            /// call.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `client_id` or `client_secret` when either is
            /// empty, or the `config` setting that is invalid.
            ///
            /// `token_store` is where the operator token, the scoped tokens this client mints and
            /// (with `config.template_cache_ttl`) template lists are kept, shared with every client
            /// and process given the same store, base URL, organisation and credentials, one of which
            /// refreshes each token (`redis_token_store(...)` for a fleet, `memory_token_store()`
            /// within a process, or the host's own `TokenStore`). `None` (the default): a memory
            /// store of this client's own. A store that fails never fails a call.
            #[uniffi::constructor(default(config = None, token_store = None))]
            pub fn new(
                client_id: String,
                client_secret: String,
                config: Option<ClientConfig>,
                token_store: Option<Arc<dyn TokenStore>>,
            ) -> Result<Arc<Self>> {
                let config = with_store(config.unwrap_or_default().builder(), token_store).build()?;
                let credentials = core::Credentials::new(client_id, client_secret);
                Ok(Self::wrap(core::OperatorClient::new(config, credentials)?))
            }

            /// A client configured from the environment: `AIRBYTE_CLIENT_ID` and
            /// `AIRBYTE_CLIENT_SECRET` (both required), and `AIRBYTE_API_URL` and
            /// `AIRBYTE_ORGANIZATION_ID` when set.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `AIRBYTE_CLIENT_ID` when the credentials are
            /// unset, or the variable holding an invalid value.
            ///
            /// `token_store` as for the main constructor.
            #[uniffi::constructor(default(token_store = None))]
            pub fn from_env(token_store: Option<Arc<dyn TokenStore>>) -> Result<Arc<Self>> {
                let config = with_store(core::ClientConfig::builder().env(), token_store).build()?;
                Ok(Self::wrap(core::OperatorClient::from_env_with(config)?))
            }
        }
        handles {
            /// Source templates: `/integrations/templates/sources`. The handle shares this client's
            /// `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn source_templates(&self) -> Result<Arc<SourceTemplates>> {
                self.core()?;
                Ok(Arc::new(SourceTemplates {
                    client: self.slot.clone(),
                }))
            }

            /// Bulk operations over many workspaces or sources within the rate limit, and workspace
            /// sync. The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn bulk(&self) -> Result<Arc<Bulk>> {
                self.core()?;
                Ok(Arc::new(Bulk {
                    client: self.slot.clone(),
                }))
            }

            /// Connection templates: `/integrations/templates/connections`. The handle shares this
            /// client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn connection_templates(&self) -> Result<Arc<ConnectionTemplates>> {
                self.core()?;
                Ok(Arc::new(ConnectionTemplates {
                    client: self.slot.clone(),
                }))
            }

            /// Tags: `/integrations/templates/tags`. The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn tags(&self) -> Result<Arc<Tags>> {
                self.core()?;
                Ok(Arc::new(Tags {
                    client: self.slot.clone(),
                }))
            }

            /// The connector catalogue: `/integrations/definitions/sources` and
            /// `/integrations/definitions/destinations`. The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn definitions(&self) -> Result<Arc<Definitions>> {
                self.core()?;
                Ok(Arc::new(Definitions {
                    client: self.slot.clone(),
                }))
            }

            /// Source templates' stream catalogs: `/integrations/templates/sources/{id}/catalog`. The
            /// handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn template_catalogs(&self) -> Result<Arc<TemplateCatalogs>> {
                self.core()?;
                Ok(Arc::new(TemplateCatalogs {
                    client: self.slot.clone(),
                }))
            }

            /// Source definitions' stream catalogs: `/integrations/definitions/sources/{id}/catalog`.
            /// The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn definition_catalogs(&self) -> Result<Arc<DefinitionCatalogs>> {
                self.core()?;
                Ok(Arc::new(DefinitionCatalogs {
                    client: self.slot.clone(),
                }))
            }

            /// The destinations the service made from connection templates:
            /// `/integrations/destinations`. The handle (and its page walks) share this client's
            /// `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn destinations(&self) -> Result<Arc<Destinations>> {
                self.core()?;
                Ok(Arc::new(Destinations {
                    client: self.slot.clone(),
                }))
            }

            /// Files through an end user's source (drives, folder listings, file contents streamed):
            /// `/sonar/files/...`. The handle (and its walks and open files) share this client's
            /// `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn files(&self) -> Result<Arc<Files>> {
                self.core()?;
                Ok(Arc::new(Files {
                    client: self.slot.clone(),
                }))
            }

            /// The API proxy: requests to an end user's API with a source's stored credentials,
            /// `/sonar/apis/{source_id}/request`. The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn proxy(&self) -> Result<Arc<ApiProxy>> {
                self.core()?;
                Ok(Arc::new(ApiProxy {
                    client: self.slot.clone(),
                }))
            }

            /// Search over a source's synced records:
            /// `/integrations/sources/{id}/search/{stream_name}`. The handle shares this client's
            /// `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn source_search(&self) -> Result<Arc<SourceSearch>> {
                self.core()?;
                Ok(Arc::new(SourceSearch {
                    client: self.slot.clone(),
                }))
            }

            /// Workspaces: `/workspaces`. The handle (and its page walks) share this client's
            /// `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn workspaces(&self) -> Result<Arc<Workspaces>> {
                self.core()?;
                Ok(Arc::new(Workspaces {
                    client: self.slot.clone(),
                }))
            }

            /// Sources and checks of any workspace in the organisation: `/integrations/sources`. The
            /// handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn sources(&self) -> Result<Arc<Sources>> {
                self.core()?;
                Ok(Arc::new(Sources::operator(self.slot.clone())))
            }

            /// Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
            /// name, with inline checks and executes. The handle shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn connectors(&self) -> Result<Arc<Connectors>> {
                self.core()?;
                Ok(Arc::new(Connectors {
                    client: self.slot.clone(),
                }))
            }

            /// The organisation's OAuth apps for connectors (2026): `/oauth/credentials`. The handle
            /// shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn oauth_credentials(&self) -> Result<Arc<OAuthCredentials>> {
                self.core()?;
                Ok(Arc::new(OAuthCredentials {
                    client: self.slot.clone(),
                }))
            }

            /// An end-user client for `workspace_name`, whose scoped token this operator client
            /// mints, caches and re-mints near expiry or after a 401. Closing this operator client
            /// closes it too; closing it leaves this one open.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty workspace name (minting happens on first
            /// use); `AirbyteError.ClientClosed` after `close()`.
            pub fn end_user_client(&self, workspace_name: String) -> Result<Arc<EndUserClient>> {
                let client = self.core()?.end_user_client(&workspace_name)?;
                Ok(EndUserClient::wrap(client, Some(self.slot.clone())))
            }
        }
        local {
            /// Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
            /// only frees the Kotlin object). Every later call on this client, on the area handles
            /// made from it (`sources()`, `workspaces()`, a `WorkspacePages` walk, …) and on the
            /// end-user clients it made raises `AirbyteError.ClientClosed`; calls already running
            /// finish, and the connection pool and token cache are released when the last returns.
            /// Closing again does nothing. Python's `with` block calls it on leaving.
            pub fn close(&self) {
                self.slot.close();
            }

            /// The base URL every path is joined to, without a trailing slash.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()` (as every method below).
            pub fn base_url(&self) -> Result<String> {
                Ok(self.core()?.config().base_url().to_owned())
            }

            /// The rate-limit headers of the most recent response that carried any (`None` before
            /// the first such response).
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn last_rate_limit(&self) -> Result<Option<RateLimit>> {
                Ok(self.core()?.last_rate_limit())
            }
        }
    }
}
