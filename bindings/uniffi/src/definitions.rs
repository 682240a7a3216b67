//! The connector catalogue: `/integrations/definitions/sources`.

use airbyte_embedded::integrations as ci;

use crate::Result;
use crate::common::{conv, conv_vec, object_text, open_enum, value_text};
use crate::lifecycle::OperatorSlot;

open_enum! {
    /// How a connector is supported.
    pub enum SupportLevel mirrors ci::SupportLevel {
        /// Maintained by Airbyte (`certified`).
        Certified,
        /// Maintained by the community (`community`).
        Community,
        /// No longer maintained (`archived`).
        Archived,
        /// No support level (`none`).
        None,
    }
}

/// A source connector in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SourceDefinitionSummary {
    /// Definition id (the `actor_definition_id` of a new source template).
    pub source_definition_id: String,
    /// Connector name.
    pub name: Option<String>,
    /// Icon URL.
    pub icon_url: Option<String>,
    /// Support level.
    pub support_level: Option<SupportLevel>,
}

impl From<ci::SourceDefinitionSummary> for SourceDefinitionSummary {
    fn from(d: ci::SourceDefinitionSummary) -> Self {
        SourceDefinitionSummary {
            source_definition_id: d.source_definition_id,
            name: d.name,
            icon_url: d.icon_url,
            support_level: d.support_level.map(Into::into),
        }
    }
}

/// A source connector with its spec.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SourceDefinition {
    /// Definition id.
    pub id: String,
    /// Connector name.
    pub name: Option<String>,
    /// The connector spec as JSON text: a `ConnectorSpecification`
    /// (`connectionSpecification`, `documentationUrl`, `advanced_auth`).
    pub spec: Option<String>,
    /// Every other field of the definition, as JSON object text.
    pub other: String,
}

impl From<ci::SourceDefinition> for SourceDefinition {
    fn from(d: ci::SourceDefinition) -> Self {
        SourceDefinition {
            id: d.id,
            name: d.definition.name,
            spec: d.definition.spec.as_ref().map(value_text),
            other: object_text(&d.definition.other),
        }
    }
}

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
        conv_vec(
            self.client
                .get()?
                .definitions()
                .list_sources(name.as_deref()),
        )
    }

    /// Reads one source connector with its spec.
    /// `GET /integrations/definitions/sources/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn get_source(&self, id: String) -> Result<SourceDefinition> {
        conv(self.client.get()?.definitions().get_source(&id))
    }
}
