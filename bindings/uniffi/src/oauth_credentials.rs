//! The organisation's OAuth apps for connectors (operator token, 2026): `/oauth/credentials`.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{OAuthCredentialsRequest, OAuthOverride};
use crate::twin::twin;

/// The organisation's OAuth apps (`OperatorClient.oauth_credentials()`): with one set, the
/// service runs a connector's OAuth flow with the organisation's own app. Shares its
/// client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
/// closed.
#[derive(uniffi::Object)]
pub struct OAuthCredentials {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `OAuthCredentials` (`AsyncOperatorClient.oauth_credentials()`): the
    /// same methods, awaited.
    pub struct AsyncOAuthCredentials for OAuthCredentials;
}

twin! {
    impl OAuthCredentials => AsyncOAuthCredentials {
        awaited {
            /// Sets the organisation's OAuth app for a connector, replacing the one set before.
            /// `PUT /oauth/credentials` → the app, without its configuration.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `connector_type` unless exactly one of
            /// `connector_type` and `connector_definition_id` is set (nothing sent);
            /// `AirbyteError.NotFound` for an unknown connector; `AirbyteError.Validation`.
            pub fn set(&self, request: OAuthCredentialsRequest) -> Result<OAuthOverride> {
                self.client.get()?.oauth_credentials().set(&request)
            }

            /// Removes the organisation's OAuth app for the connector named `connector_type`, so the
            /// service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
            /// (204). Idempotent: succeeds whether or not an app was set.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty name (nothing sent); auth and transport
            /// errors.
            pub fn delete(&self, connector_type: String) -> Result<()> {
                self.client
                    .get()?
                    .oauth_credentials()
                    .delete(&connector_type)
            }
        }
    }
}
