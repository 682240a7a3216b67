//! The operator client: organisation-wide, authenticated with client credentials.

use std::sync::Arc;

use airbyte_embedded as core;

use crate::connections::ConnectionTemplates;
use crate::definitions::Definitions;
use crate::end_user::EndUserClient;
use crate::sources::Sources;
use crate::tags::Tags;
use crate::templates::SourceTemplates;
use crate::workspaces::Workspaces;
use crate::{ClientConfig, RateLimit, Result};

/// The operator's client: templates, tags, the connector catalogue, workspaces, every
/// workspace's sources, and minting scoped and widget tokens. Thread-safe: one client serves
/// many threads, sharing one connection pool and one token cache.
///
/// The operator token is minted from the client credentials on first use
/// (`POST /account/applications/token`), cached until shortly before it expires, refreshed by
/// one thread while the others wait, and refreshed once more if a call gets HTTP 401.
#[derive(uniffi::Object)]
pub struct OperatorClient {
    pub(crate) inner: core::OperatorClient,
}

#[uniffi::export]
impl OperatorClient {
    /// A client authenticating with `client_id` and `client_secret`, configured by `config`
    /// (defaults when `None`; the environment is not read). Sends nothing until the first
    /// call.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `client_id` or `client_secret` when either is
    /// empty, or the `config` setting that is invalid.
    #[uniffi::constructor(default(config = None))]
    pub fn new(
        client_id: String,
        client_secret: String,
        config: Option<ClientConfig>,
    ) -> Result<Arc<Self>> {
        let config = config.unwrap_or_default().build()?;
        let credentials = core::Credentials::new(client_id, client_secret);
        Ok(Arc::new(OperatorClient {
            inner: core::OperatorClient::new(config, credentials)?,
        }))
    }

    /// A client configured from the environment: `AIRBYTE_CLIENT_ID` and
    /// `AIRBYTE_CLIENT_SECRET` (both required), and `AIRBYTE_API_URL` and
    /// `AIRBYTE_ORGANIZATION_ID` when set.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `AIRBYTE_CLIENT_ID` when the credentials are
    /// unset, or the variable holding an invalid value.
    #[uniffi::constructor]
    pub fn from_env() -> Result<Arc<Self>> {
        Ok(Arc::new(OperatorClient {
            inner: core::OperatorClient::from_env()?,
        }))
    }

    /// The base URL every path is joined to, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.inner.config().base_url().to_owned()
    }

    /// The rate-limit headers of the most recent response that carried any (`None` before
    /// the first such response).
    pub fn last_rate_limit(&self) -> Option<RateLimit> {
        self.inner.last_rate_limit().map(Into::into)
    }

    /// Source templates: `/integrations/templates/sources`.
    pub fn source_templates(&self) -> Arc<SourceTemplates> {
        Arc::new(SourceTemplates {
            client: self.inner.clone(),
        })
    }

    /// Connection templates: `/integrations/templates/connections`.
    pub fn connection_templates(&self) -> Arc<ConnectionTemplates> {
        Arc::new(ConnectionTemplates {
            client: self.inner.clone(),
        })
    }

    /// Tags: `/integrations/templates/tags`.
    pub fn tags(&self) -> Arc<Tags> {
        Arc::new(Tags {
            client: self.inner.clone(),
        })
    }

    /// The connector catalogue: `/integrations/definitions/sources`.
    pub fn definitions(&self) -> Arc<Definitions> {
        Arc::new(Definitions {
            client: self.inner.clone(),
        })
    }

    /// Workspaces: `/workspaces`.
    pub fn workspaces(&self) -> Arc<Workspaces> {
        Arc::new(Workspaces {
            client: self.inner.clone(),
        })
    }

    /// Sources and checks of any workspace in the organisation: `/integrations/sources`.
    pub fn sources(&self) -> Arc<Sources> {
        Arc::new(Sources::operator(self.inner.clone()))
    }

    /// An end-user client for `workspace_name`, whose scoped token this operator client
    /// mints, caches and re-mints near expiry or after a 401.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for an empty workspace name. Minting happens on first
    /// use.
    pub fn end_user_client(&self, workspace_name: String) -> Result<Arc<EndUserClient>> {
        Ok(Arc::new(EndUserClient {
            inner: self.inner.end_user_client(&workspace_name)?,
        }))
    }
}
