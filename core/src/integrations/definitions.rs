//! Connector definitions and their specs: `/integrations/definitions/sources` and
//! `/integrations/definitions/destinations`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::Result;
use crate::api::Api;
use crate::common::{null_as_default, require_id};
use crate::http::url::segment;
use crate::open_enum::open_enum;

open_enum! {
    /// How a connector is supported.
    pub enum SupportLevel {
        /// Maintained by Airbyte.
        Certified => "certified",
        /// Maintained by the community.
        Community => "community",
        /// No longer maintained.
        Archived => "archived",
        /// No support level (`none`: neither Airbyte nor the community maintains it).
        None => "none",
    }
}

/// A source connector in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceDefinitionSummary {
    /// Definition id (the `actor_definition_id` of a new source template).
    #[serde(rename = "sourceDefinitionId")]
    pub source_definition_id: String,
    /// Connector name.
    #[serde(default)]
    pub name: Option<String>,
    /// Icon URL.
    #[serde(rename = "iconUrl", default)]
    pub icon_url: Option<String>,
    /// Support level.
    #[serde(rename = "supportLevel", default)]
    pub support_level: Option<SupportLevel>,
}

/// `{"definitions": [...]}`. The contract makes every field of an entry but `name` optional;
/// an entry without a `sourceDefinitionId` names no connector a template can use, so it is
/// left out (with a debug log) rather than failing the whole list.
#[derive(Deserialize)]
struct DefinitionList {
    #[serde(default, deserialize_with = "null_as_default")]
    definitions: Vec<Value>,
}

impl DefinitionList {
    fn usable(self) -> Result<Vec<SourceDefinitionSummary>> {
        let mut out = Vec::with_capacity(self.definitions.len());
        for entry in self.definitions {
            if entry.get("sourceDefinitionId").is_none_or(Value::is_null) {
                log::debug!("a source definition without a sourceDefinitionId was left out");
                continue;
            }
            out.push(SourceDefinitionSummary::deserialize(entry).map_err(|e| {
                crate::Error::Decode {
                    status: 200,
                    detail: crate::redact::clean(&format!("a source definition: {e}")),
                }
            })?);
        }
        Ok(out)
    }
}

/// A source connector with its spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceDefinition {
    /// Definition id.
    pub id: String,
    /// The definition: `name`, `spec` and whatever else the service sends.
    pub definition: DefinitionBody,
}

/// The body of a [`SourceDefinition`] or a [`DestinationDefinition`] (`ConnectorDefinition`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DefinitionBody {
    /// Connector name.
    #[serde(default)]
    pub name: Option<String>,
    /// The connector spec: a `ConnectorSpecification` (`connectionSpecification`,
    /// `documentationUrl`, `advanced_auth`), raw JSON.
    #[serde(default)]
    pub spec: Option<Value>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A destination connector in the catalogue (`DestinationDefinitionListItem`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DestinationDefinitionSummary {
    /// Definition id (a connection template's `destination_definition_id`).
    pub id: String,
    /// Connector name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Icon: a URL or inline SVG text.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub icon: Option<String>,
}

/// `{"destinations": [...]}`.
#[derive(Deserialize)]
struct DestinationDefinitionList {
    #[serde(default, deserialize_with = "null_as_default")]
    destinations: Vec<DestinationDefinitionSummary>,
}

/// A destination connector with its spec (`DestinationDefinitionResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DestinationDefinition {
    /// Definition id.
    pub id: String,
    /// The definition: `name`, `spec` (whose `connectionSpecification` a connection
    /// template's `destination_config` must satisfy) and whatever else the service sends.
    pub definition: DefinitionBody,
}

/// Connector catalogue lookups for the operator. Get one from
/// [`crate::OperatorClient::definitions`].
pub struct Definitions<'a> {
    pub(crate) api: &'a Api,
}

impl Definitions<'_> {
    /// Lists source connectors whose name contains `name` (case-insensitive; `None` lists all).
    /// `GET /integrations/definitions/sources?name=…`.
    ///
    /// Entries without a `sourceDefinitionId` (which the contract allows) are left out.
    ///
    /// # Errors
    /// Auth and transport errors; [`crate::Error::Decode`] for an entry of the wrong shape.
    pub fn list_sources(&self, name: Option<&str>) -> Result<Vec<SourceDefinitionSummary>> {
        let query: Vec<(&str, String)> = name.map(|n| ("name", n.to_owned())).into_iter().collect();
        self.api
            .get::<DefinitionList>("integrations/definitions/sources", &query)?
            .usable()
    }

    /// Reads one source connector with its spec. `GET /integrations/definitions/sources/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`].
    pub fn get_source(&self, id: &str) -> Result<SourceDefinition> {
        let id = require_id("id", id)?;
        self.api.get(
            &format!("integrations/definitions/sources/{}", segment(id)),
            &[],
        )
    }

    /// Lists destination connectors: those with the given definition ids, or every one the
    /// organisation may use when `ids` is empty.
    /// `GET /integrations/definitions/destinations?actorDefinitionIds=…` (the key repeated per
    /// id).
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming `ids` for an empty id (nothing sent); auth and
    /// transport errors.
    pub fn list_destinations(&self, ids: &[String]) -> Result<Vec<DestinationDefinitionSummary>> {
        let mut query = Vec::with_capacity(ids.len());
        for id in ids {
            query.push(("actorDefinitionIds", require_id("ids", id)?.to_owned()));
        }
        Ok(self
            .api
            .get::<DestinationDefinitionList>("integrations/definitions/destinations", &query)?
            .destinations)
    }

    /// Reads one destination connector with its spec.
    /// `GET /integrations/definitions/destinations/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`]; [`crate::Error::InvalidArgument`] for an empty id.
    pub fn get_destination(&self, id: &str) -> Result<DestinationDefinition> {
        let id = require_id("id", id)?;
        self.api.get(
            &format!("integrations/definitions/destinations/{}", segment(id)),
            &[],
        )
    }
}
