//! Destinations (operator token): `/integrations/destinations`. The service makes them from
//! connection templates when an end user's source is created; there is no create, update or
//! delete route.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::integrations::DestinationFilter;
//!
//! let operator = OperatorClient::from_env()?;
//! let filter = DestinationFilter::new("4f1e6f1c-0b7a-4a43-9d7e-2d1c6b8a9e10");
//! for destination in operator.destinations().iter(filter) {
//!     let destination = destination?;
//!     println!("{} {:?}", destination.id, destination.destination_type);
//! }
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::Result;
use crate::api::Api;
use crate::common::{null_as_default, require_id};
use crate::http::url::segment;
use crate::pagination::{Pages, check_limit, empty_as_none};

const BASE: &str = "integrations/destinations";

/// A destination in a list (`DestinationListItem`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DestinationSummary {
    /// Destination id.
    pub id: String,
    /// Display name (a connection template's `destination_name`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The destination connector's definition id.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_definition_id: Option<String>,
    /// The connector's type, e.g. `s3`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_type: Option<String>,
}

/// One destination (`DestinationGetResponse`). `destination_config` comes back with every
/// `airbyte_secret` masked; `Debug` prints its keys only.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Destination {
    /// Destination id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The destination connector's definition id.
    #[serde(default)]
    pub destination_definition_id: Option<String>,
    /// The connector's type, e.g. `s3`.
    #[serde(default)]
    pub destination_type: Option<String>,
    /// The connector config, raw JSON, secrets masked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub destination_config: Map<String, Value>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
}

crate::redact::keys_only_debug!(Destination {
    id: shown,
    name: shown,
    destination_definition_id: shown,
    destination_type: shown,
    destination_config: config,
    created_at: shown,
});

/// Which destinations to list: one workspace's, a page size kept on every page.
///
/// Its JSON form (the C ABI's `filter_json`): `{"workspace_id", "limit"?: ≥ 1}`, unknown
/// fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DestinationFilter {
    /// The end user's workspace (required by the service).
    pub workspace_id: String,
    /// Page size, at least 1; the service defaults to 20 and states no maximum.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i32>,
}

impl DestinationFilter {
    /// A filter for `workspace_id`'s destinations, the service's page size.
    pub fn new(workspace_id: impl Into<String>) -> Self {
        DestinationFilter {
            workspace_id: workspace_id.into(),
            limit: None,
        }
    }

    /// The query of every page (the walk adds the cursor).
    fn query(&self) -> Result<Vec<(&'static str, String)>> {
        let workspace = require_id("workspace_id", &self.workspace_id)?;
        let mut q = vec![("workspace_id", workspace.to_owned())];
        if let Some(limit) = self.limit {
            check_limit(limit, i32::MAX)?;
            q.push(("limit", limit.to_string()));
        }
        Ok(q)
    }
}

/// One page of destinations (`DestinationListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DestinationPage {
    /// The page's destinations.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<DestinationSummary>,
    /// Absolute URL of the next page, or `None` on the last page (a `null`, missing or empty
    /// `next`).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub next: Option<String>,
}

/// A lazy walk over every page of `GET /integrations/destinations` (see [`Pages`] for how
/// `next` links are followed). As an [`Iterator`] it yields destinations one by one; after an
/// error it yields nothing more.
pub type DestinationPages = Pages<DestinationSummary>;

/// Destination lookups for the operator. Get one from [`crate::OperatorClient::destinations`].
pub struct Destinations<'a> {
    pub(crate) api: &'a Arc<Api>,
}

impl Destinations<'_> {
    /// Reads one page of a workspace's destinations.
    /// `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for an empty `workspace_id` or a `limit` of 0
    /// (nothing sent); [`crate::Error::NotFound`] for a workspace the organisation does not
    /// own; auth and transport errors.
    pub fn list_page(
        &self,
        filter: &DestinationFilter,
        cursor: Option<&str>,
    ) -> Result<DestinationPage> {
        let mut query = filter.query()?;
        query.extend(cursor.map(|c| ("cursor", c.to_owned())));
        self.api.get(BASE, &query)
    }

    /// Every destination of the filter's workspace, fetched a page at a time as the iterator
    /// advances. See [`Pages`] for how `next` links are followed.
    pub fn iter(&self, filter: DestinationFilter) -> DestinationPages {
        Pages::new(Arc::clone(self.api), BASE, filter.query())
    }

    /// Reads one destination with its (masked) config. `GET /integrations/destinations/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`]; [`crate::Error::InvalidArgument`] for an empty id.
    pub fn get(&self, id: &str) -> Result<Destination> {
        let id = require_id("id", id)?;
        self.api.get(&format!("{BASE}/{}", segment(id)), &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn the_query_names_the_workspace_and_refuses_what_cannot_be_sent() {
        let f = DestinationFilter {
            workspace_id: "w1".into(),
            limit: Some(5),
        };
        assert_eq!(
            f.query().unwrap(),
            vec![("workspace_id", "w1".to_owned()), ("limit", "5".to_owned())]
        );
        assert!(matches!(
            DestinationFilter::new(" ").query(),
            Err(Error::InvalidArgument { argument, .. }) if argument == "workspace_id"
        ));
        let zero = DestinationFilter {
            limit: Some(0),
            ..DestinationFilter::new("w1")
        };
        assert!(matches!(
            zero.query(),
            Err(Error::InvalidArgument { argument, .. }) if argument == "limit"
        ));
    }

    #[test]
    fn debug_hides_config_values() {
        let d: Destination = serde_json::from_value(serde_json::json!({
            "id": "d1", "destination_config": {"secret_access_key": "hunter2"}
        }))
        .unwrap();
        let text = format!("{d:?}");
        assert!(
            text.contains("secret_access_key") && !text.contains("hunter2"),
            "{text}"
        );
    }
}
