//! The connector catalogue: `/integrations/definitions/sources` and
//! `/integrations/definitions/destinations`.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{
    DestinationDefinition, DestinationDefinitionSummary, SourceDefinition, SourceDefinitionSummary,
};
use crate::twin::twin;

/// Connector catalogue lookups for the operator (`OperatorClient.definitions()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Definitions {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Definitions` (`AsyncOperatorClient.definitions()`): the same methods,
    /// awaited.
    pub struct AsyncDefinitions for Definitions;
}

twin! {
    impl Definitions => AsyncDefinitions {
        awaited {
            /// Lists source connectors whose name contains `name` (case-insensitive; `None`, the
            /// default, lists all). `GET /integrations/definitions/sources?name=…`.
            ///
            /// # Errors
            /// Auth and transport errors.
            #[uniffi::method(default(name = None))]
            pub fn list_sources(&self, name: Option<String>) -> Result<Vec<SourceDefinitionSummary>> {
                self.client
                    .get()?
                    .definitions()
                    .list_sources(name.as_deref())
            }

            /// Reads one source connector with its spec.
            /// `GET /integrations/definitions/sources/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get_source(&self, id: String) -> Result<SourceDefinition> {
                self.client.get()?.definitions().get_source(&id)
            }

            /// Lists destination connectors: those with the given definition ids, or every one the
            /// organisation may use when `ids` is empty (the default).
            /// `GET /integrations/definitions/destinations?actorDefinitionIds=…`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `ids` for an empty id (nothing sent); auth and
            /// transport errors.
            #[uniffi::method(default(ids = []))]
            pub fn list_destinations(&self, ids: Vec<String>) -> Result<Vec<DestinationDefinitionSummary>> {
                self.client.get()?.definitions().list_destinations(&ids)
            }

            /// Reads one destination connector with its spec.
            /// `GET /integrations/definitions/destinations/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get_destination(&self, id: String) -> Result<DestinationDefinition> {
                self.client.get()?.definitions().get_destination(&id)
            }
        }
    }
}
