//! The organisation's OAuth app for a connector (operator token, 2026): `/oauth/credentials`.
//! With one set, the service runs a connector's OAuth flow with the organisation's own app
//! (its `client_id` and `client_secret`) instead of Airbyte's.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::oauth_credentials::OAuthCredentialsRequest;
//! use serde_json::json;
//!
//! let operator = OperatorClient::from_env()?;
//! let app = json!({"client_id": "my-app", "client_secret": "my-app-secret"});
//! let set = operator
//!     .oauth_credentials()
//!     .set(&OAuthCredentialsRequest::for_connector_type("hubspot", app.as_object().unwrap().clone()))?;
//! println!("{} {:?}", set.id, set.actor_type);
//! operator.oauth_credentials().delete("hubspot")?; // back to Airbyte's app
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api::Api;
use crate::common::require_id;
use crate::http::url::segment;
use crate::http::{Call, Method};
use crate::open_enum::open_enum;
use crate::retry::Replay;
use crate::{Error, Result};

const BASE: &str = "oauth/credentials";

/// Body of `PUT /oauth/credentials` (`OAuthCredentialsRequest`): the connector, named by
/// exactly one of `connector_type` and `connector_definition_id`, and the app's
/// `configuration`. The service refuses any other field. `Debug` prints the configuration's
/// keys only.
///
/// Its JSON form (the C ABI's `request_json`): `{"connector_type" | "connector_definition_id",
/// "configuration": {...}}`, unknown fields refused.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct OAuthCredentialsRequest {
    /// The connector by name, case-insensitive (`"hubspot"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connector_type: Option<String>,
    /// The connector by definition id (a source or a destination).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connector_definition_id: Option<String>,
    /// The app's settings, as the connector's OAuth spec names them (usually `client_id` and
    /// `client_secret`), raw JSON. Never sent back by the service.
    pub configuration: Map<String, Value>,
}

crate::redact::keys_only_debug!(OAuthCredentialsRequest {
    connector_type: shown,
    connector_definition_id: shown,
    configuration: config,
});

impl OAuthCredentialsRequest {
    /// The app `configuration` for the connector named `connector_type`.
    pub fn for_connector_type(
        connector_type: impl Into<String>,
        configuration: Map<String, Value>,
    ) -> Self {
        OAuthCredentialsRequest {
            connector_type: Some(connector_type.into()),
            connector_definition_id: None,
            configuration,
        }
    }

    /// The app `configuration` for the connector definition `definition_id`.
    pub fn for_definition(
        definition_id: impl Into<String>,
        configuration: Map<String, Value>,
    ) -> Self {
        OAuthCredentialsRequest {
            connector_type: None,
            connector_definition_id: Some(definition_id.into()),
            configuration,
        }
    }
}

open_enum! {
    /// Whose OAuth app it is.
    pub enum OAuthScope {
        /// Airbyte's, for every organisation.
        Global => "global",
        /// One organisation's (`scope_id`).
        Organization => "organization",
    }
}

open_enum! {
    /// Whether a connector reads (a source) or writes (a destination).
    pub enum ActorType {
        /// A source connector.
        Source => "source",
        /// A destination connector.
        Destination => "destination",
    }
}

/// An OAuth app the service keeps (`OAuthCredentialsResponse`), without its configuration,
/// which the service never returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OAuthOverride {
    /// The app's id.
    pub id: String,
    /// Whose app it is.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub scope_type: Option<OAuthScope>,
    /// The organisation, for an organisation's app.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub scope_id: Option<String>,
    /// Whether the connector is a source or a destination. The service calls this field
    /// `connector_type` (its JSON key here too), a different thing from the request's
    /// `connector_type`, which names the connector.
    #[serde(rename = "connector_type", default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub actor_type: Option<ActorType>,
    /// The connector's definition id.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connector_definition_id: Option<String>,
    /// When it was first set (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at: Option<String>,
    /// When it was last replaced (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub updated_at: Option<String>,
}

/// The organisation's OAuth apps. Get one from [`crate::OperatorClient::oauth_credentials`].
pub struct OAuthCredentials<'a> {
    pub(crate) api: &'a Api,
}

impl OAuthCredentials<'_> {
    /// Sets the organisation's OAuth app for a connector, replacing the one set before.
    /// `PUT /oauth/credentials` → the app without its configuration. Replayed like every
    /// `PUT`: setting the same app twice leaves one.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`], nothing sent, naming `connector_type` unless exactly one
    /// of `connector_type` and `connector_definition_id` is set, the one set when it is
    /// empty, or `configuration` for text that is not a JSON object; [`Error::NotFound`] for
    /// an unknown connector; [`Error::Validation`] when the service refuses the body.
    pub fn set(&self, request: &OAuthCredentialsRequest) -> Result<OAuthOverride> {
        match (&request.connector_type, &request.connector_definition_id) {
            (Some(name), None) => require_id("connector_type", name)?,
            (None, Some(id)) => require_id("connector_definition_id", id)?,
            _ => {
                return Err(Error::invalid_argument(
                    "connector_type",
                    "set exactly one of connector_type and connector_definition_id",
                ));
            }
        };
        crate::unparsed::refuse("configuration", &request.configuration)?;
        self.api.put(BASE, request)
    }

    /// Removes the organisation's OAuth app for the connector named `connector_type`, so the
    /// service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
    /// → 204, no body. Idempotent: removing an app that is not set succeeds too.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty name (nothing sent); auth and transport
    /// errors.
    pub fn delete(&self, connector_type: &str) -> Result<()> {
        let connector_type = require_id("connector_type", connector_type)?;
        let path = format!("{BASE}/connector_type/{}", segment(connector_type));
        let call = Call::new(
            Method::Delete,
            self.api.http.url(&path),
            &[],
            None,
            Replay::Safe,
        );
        self.api.execute(&call).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_request_sends_one_name_and_hides_the_configuration() {
        let config = json!({"client_id": "app", "client_secret": "hunter2"});
        let request = OAuthCredentialsRequest::for_connector_type(
            "hubspot",
            config.as_object().cloned().unwrap(),
        );
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({"connector_type": "hubspot", "configuration": config})
        );
        let text = format!("{request:?}");
        assert!(
            text.contains("client_secret") && !text.contains("hunter2"),
            "{text}"
        );
    }

    #[test]
    fn the_response_reads_connector_type_as_the_actor_type() {
        let o: OAuthOverride = serde_json::from_value(json!({
            "id": "o1", "scope_type": "organization", "scope_id": "org-1",
            "connector_type": "destination", "connector_definition_id": "d1",
            "created_at": "2026-02-01T00:00:00Z", "updated_at": "2026-02-01T00:00:00Z"
        }))
        .unwrap();
        assert_eq!(o.actor_type, Some(ActorType::Destination));
        assert_eq!(o.scope_type, Some(OAuthScope::Organization));
        assert_eq!(
            serde_json::to_value(&o).unwrap()["connector_type"],
            "destination"
        );
    }
}
