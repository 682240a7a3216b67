//! The connector catalogue: `/integrations/definitions/sources`.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{SourceDefinition, SourceDefinitionSummary};

/// Connector catalogue lookups for the operator (`OperatorClient.definitions()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Definitions {
    pub(crate) client: OperatorSlot,
}

#[uniffi::export]
impl Definitions {
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
}
