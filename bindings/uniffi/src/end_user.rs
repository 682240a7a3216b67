//! The end-user client: one workspace, authenticated with a scoped token.

use std::sync::Arc;

use airbyte_embedded as core;

use crate::common::conv;
use crate::sources::Sources;
use crate::templates::EmbeddedSourceTemplates;
use crate::tokens::ScopedTokenInfo;
use crate::{ClientConfig, RateLimit, Result};

/// An end user's client: the source templates offered to them, their sources and checks.
/// Thread-safe.
///
/// Built from a scoped token (`EndUserClient(token, config)`: a 401 is then final, as the
/// client cannot mint another) or by `OperatorClient.end_user_client(name)` (the operator
/// client mints, caches and re-mints the token).
#[derive(uniffi::Object)]
pub struct EndUserClient {
    pub(crate) inner: core::EndUserClient,
}

#[uniffi::export]
impl EndUserClient {
    /// A client using the scoped token `token` as is, configured by `config` (defaults when
    /// `None`).
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `token` when it is empty, or the invalid
    /// `config` setting.
    #[uniffi::constructor(default(config = None))]
    pub fn new(token: String, config: Option<ClientConfig>) -> Result<Arc<Self>> {
        let config = config.unwrap_or_default().build()?;
        Ok(Arc::new(EndUserClient {
            inner: core::EndUserClient::new(config, core::ScopedToken::new(token))?,
        }))
    }

    /// The base URL every path is joined to, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.inner.config().base_url().to_owned()
    }

    /// The rate-limit headers of the most recent response that carried any.
    pub fn last_rate_limit(&self) -> Option<RateLimit> {
        self.inner.last_rate_limit().map(Into::into)
    }

    /// Source templates offered to this end user: `/embedded/source-templates`.
    pub fn source_templates(&self) -> Arc<EmbeddedSourceTemplates> {
        Arc::new(EmbeddedSourceTemplates {
            client: self.inner.clone(),
        })
    }

    /// This end user's sources and checks: `/embedded/sources`.
    pub fn sources(&self) -> Arc<Sources> {
        Arc::new(Sources::end_user(self.inner.clone()))
    }

    /// The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
    /// (or `/account/applications/scoped-token/info`).
    ///
    /// # Errors
    /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token).
    pub fn token_info(&self) -> Result<ScopedTokenInfo> {
        conv(self.inner.token_info())
    }

    /// The end user's workspace id, read once with `token_info()` and then remembered.
    ///
    /// # Errors
    /// As `token_info()`.
    pub fn workspace_id(&self) -> Result<String> {
        Ok(self.inner.workspace_id()?)
    }
}
