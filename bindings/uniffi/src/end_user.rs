//! The end-user client: one workspace, authenticated with a scoped token.

use crate::models::{RateLimit, ScopedTokenInfo};
use std::sync::Arc;

use airbyte_embedded as core;

use crate::lifecycle::{ClientSlot, EndUserSlot, OperatorSlot};
use crate::source_templates::EmbeddedSourceTemplates;
use crate::sources::Sources;
use crate::token_provider::{Foreign, ScopedTokenProvider};
use crate::twin::twin;
use crate::{ClientConfig, Result};

/// An end user's client: the source templates offered to them, their sources and checks.
/// Thread-safe.
///
/// Built from a scoped token (`EndUserClient(token, config)`: a 401 is then final, as the
/// client cannot mint another), from a provider the host implements
/// (`EndUserClient.with_token_provider(provider)`: it is asked for a new token when one is
/// needed; what a mobile app uses) or by `OperatorClient.end_user_client(name)` (the operator
/// client mints, caches and re-mints the token).
///
/// Lifetime: `close()` (Kotlin `shutdown()`; Python also `with ... as user:`) ends the
/// client; every later call on it and on the area handles made from it raises
/// `AirbyteError.ClientClosed`, as it does once the operator client that made it is closed.
#[derive(uniffi::Object)]
pub struct EndUserClient {
    pub(crate) slot: EndUserSlot,
}

twin! {
    /// An end user's client with every network call awaited: the async twin of
    /// `EndUserClient` (`AsyncEndUserClient(token, config)`, or
    /// `AsyncOperatorClient.end_user_client(name)`), with the same methods and area handles
    /// (`source_templates()` returns an `AsyncEmbeddedSourceTemplates`, `sources()` an
    /// `AsyncSources`). Awaiting and cancelling as for `AsyncOperatorClient`; lifetime as for
    /// `EndUserClient` (Python also `async with`).
    pub struct AsyncEndUserClient for EndUserClient;
}

impl EndUserClient {
    /// A facade client over `client`, closed with `parent` too when one is given.
    pub(crate) fn wrap(client: core::EndUserClient, parent: Option<OperatorSlot>) -> Arc<Self> {
        Arc::new(EndUserClient {
            slot: ClientSlot::open("EndUserClient", client, parent),
        })
    }

    /// The core client, for one call.
    ///
    /// # Errors
    /// `AirbyteError::ClientClosed` after `close()` (its own or its operator's).
    fn core(&self) -> Result<core::EndUserClient> {
        self.slot.get()
    }
}

twin! {
    impl EndUserClient => AsyncEndUserClient {
        constructors {
            /// A client using the scoped token `token` as is, configured by `config` (defaults when
            /// `None`).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `token` when it is empty, or the invalid
            /// `config` setting.
            #[uniffi::constructor(default(config = None))]
            pub fn new(token: String, config: Option<ClientConfig>) -> Result<Arc<Self>> {
                let config = config.unwrap_or_default().build()?;
                let client = core::EndUserClient::new(config, core::ScopedToken::new(token))?;
                Ok(Self::wrap(client, None))
            }

            /// A client whose scoped tokens come from `provider` (the host's call to its own
            /// backend), configured by `config` (defaults when `None`). Nothing is fetched
            /// here; the provider is asked on the first call, near the token's expiry and after
            /// the service refuses the token (the refused call is then sent once more), one
            /// fetch at a time. Such a client does not use `template_cache_ttl`.
            ///
            /// # Errors
            /// The invalid `config` setting. A later call fails with what the provider raised,
            /// or `AirbyteError.TokenProvider` when it raised another exception or gave an
            /// empty token.
            #[uniffi::constructor(default(config = None))]
            pub fn with_token_provider(
                provider: Arc<dyn ScopedTokenProvider>,
                config: Option<ClientConfig>,
            ) -> Result<Arc<Self>> {
                let config = config.unwrap_or_default().build()?;
                let client =
                    core::EndUserClient::with_token_provider(config, Arc::new(Foreign(provider)));
                Ok(Self::wrap(client, None))
            }
        }
        awaited {
            /// The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
            /// (or `/account/applications/scoped-token/info`).
            ///
            /// # Errors
            /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token);
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn token_info(&self) -> Result<ScopedTokenInfo> {
                self.core()?.token_info()
            }

            /// The end user's workspace id, read once with `token_info()` and then remembered.
            ///
            /// # Errors
            /// As `token_info()`.
            pub fn workspace_id(&self) -> Result<String> {
                self.core()?.workspace_id()
            }
        }
        handles {
            /// Source templates offered to this end user: `/embedded/source-templates`. The handle
            /// shares this client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn source_templates(&self) -> Result<Arc<EmbeddedSourceTemplates>> {
                self.core()?;
                Ok(Arc::new(EmbeddedSourceTemplates {
                    client: self.slot.clone(),
                }))
            }

            /// This end user's sources and checks: `/embedded/sources`. The handle shares this
            /// client's `close()`.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn sources(&self) -> Result<Arc<Sources>> {
                self.core()?;
                Ok(Arc::new(Sources::end_user(self.slot.clone())))
            }
        }
        local {
            /// Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
            /// only frees the Kotlin object). Every later call on this client and on the area handles
            /// made from it raises `AirbyteError.ClientClosed`; calls already running finish. The
            /// operator client that made it stays open. Closing again does nothing.
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

            /// The rate-limit headers of the most recent response that carried any.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn last_rate_limit(&self) -> Result<Option<RateLimit>> {
                Ok(self.core()?.last_rate_limit())
            }
        }
    }
}
