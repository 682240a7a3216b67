//! Connectors (operator token, 2026): `/integrations/connectors`, the sources under their
//! Agent Engine name, with inline checks and executes.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{
    Connector, ConnectorCheck, ConnectorCreate, ConnectorExecute, ConnectorExecution,
    ConnectorFilter, ConnectorUpdate, Deleted, SourceSummary,
};
use crate::twin::twin;

/// Connector operations for the operator (`OperatorClient.connectors()`). A connector is a
/// source under its 2026 name (its id is the source's id). Shares its client's `close()`:
/// every method raises `AirbyteError.ClientClosed` once the client is closed.
#[derive(uniffi::Object)]
pub struct Connectors {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Connectors` (`AsyncOperatorClient.connectors()`): the same methods,
    /// awaited.
    pub struct AsyncConnectors for Connectors;
}

twin! {
    impl Connectors => AsyncConnectors {
        awaited {
            /// Lists the organisation's connectors, narrowed by every filter set (`None`, the
            /// default: every connector). `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`
            /// (`workspace_name` is sent as `customer_name`).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming a filter field set to an empty string (nothing
            /// sent); `AirbyteError.NotFound` for a workspace of another organisation.
            #[uniffi::method(default(filter = None))]
            pub fn list(&self, filter: Option<ConnectorFilter>) -> Result<Vec<SourceSummary>> {
                self.client
                    .get()?
                    .connectors()
                    .list(&filter.unwrap_or_default())
            }

            /// Reads one connector; its `replication_config` has every `airbyte_secret` masked.
            /// `GET /integrations/connectors/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
            pub fn get(&self, id: String) -> Result<Connector> {
                self.client.get()?.connectors().get(&id)
            }

            /// Creates a connector (and the workspace, when its name is new).
            /// `POST /integrations/connectors`. Never sent twice: after
            /// `AirbyteError.OutcomeUnknown`, list the workspace's connectors by name before trying
            /// again.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` (nothing sent) naming `workspace_name` when empty,
            /// `connector_type` when no connector is named, `replication_config` when none of it,
            /// `credentials` and `server_side_oauth_secret_id` is set; `AirbyteError.NotFound`;
            /// `AirbyteError.Validation`; `AirbyteError.OutcomeUnknown`.
            pub fn create(&self, connector: ConnectorCreate) -> Result<Connector> {
                self.client.get()?.connectors().create(&connector)
            }

            /// Changes a connector's name and/or some of its replication config (partial: the service
            /// keeps what the update does not carry). `PUT /integrations/connectors/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument`; `AirbyteError.Validation`.
            pub fn update(&self, id: String, update: ConnectorUpdate) -> Result<Connector> {
                self.client.get()?.connectors().update(&id, &update)
            }

            /// Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`
            /// (`deleted_at` `None` when the service answered without a body).
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
            pub fn delete(&self, id: String) -> Result<Deleted> {
                self.client.get()?.connectors().delete(&id)
            }

            /// Checks a config before any connector exists; nothing is stored.
            /// `POST /integrations/connectors/check` → the outcome, inline (`status: failed` is an
            /// answer, not an error).
            ///
            /// # Errors
            /// As `create`, but a check whose answer was lost is sent again.
            pub fn check_config(&self, connector: ConnectorCreate) -> Result<ConnectorCheck> {
                self.client.get()?.connectors().check_config(&connector)
            }

            /// Checks an existing connector, optionally with a changed replication config that is not
            /// stored (`None`, the default: the stored config). `POST /integrations/connectors/{id}/check`.
            ///
            /// # Errors
            /// As `update`.
            #[uniffi::method(default(update = None))]
            pub fn check(&self, id: String, update: Option<ConnectorUpdate>) -> Result<ConnectorCheck> {
                self.client
                    .get()?
                    .connectors()
                    .check(&id, &update.unwrap_or_default())
            }

            /// Runs one action on one entity of the end user's system through the connector.
            /// `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when
            /// the action only reads (`list`, `get`, `download`, the searches).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty id, entity or action (nothing sent);
            /// `AirbyteError.NotFound`; `AirbyteError.Validation` for an entity or action the
            /// connector lacks; `AirbyteError.OutcomeUnknown` for a write whose answer was lost.
            pub fn execute(&self, id: String, request: ConnectorExecute) -> Result<ConnectorExecution> {
                self.client.get()?.connectors().execute(&id, &request)
            }
        }
    }
}
