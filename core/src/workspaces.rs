//! The Workspace Management API (operator token): `/workspaces`, with a lazy iterator over
//! every page that always ends.
//!
//! [`Workspaces::iter`] walks every page: as an [`Iterator`] it yields workspaces one by one,
//! fetching the next page when one runs out; [`WorkspacePages::next_page`] gives a page at a
//! time, and [`Workspaces::list_page`] reads one page from a cursor.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::workspaces::WorkspaceFilter;
//!
//! let operator = OperatorClient::from_env()?;
//! let filter = WorkspaceFilter { name_contains: Some("acme".into()), ..Default::default() };
//! for workspace in operator.workspaces().iter(filter) {
//!     println!("{:?}", workspace?.name);
//! }
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! The walk ends when a page's `next` is absent, `null` or empty; [`crate::pagination`] says
//! which `next` links it follows and which stop it with
//! [`crate::Error::Pagination`].

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::api::Api;
use crate::common::{Deleted, null_as_default, require_id};
use crate::http::url::segment;
use crate::open_enum::open_enum;
use crate::pagination::{Pages, check_limit, empty_as_none};

open_enum! {
    /// Whether a workspace's connections run.
    pub enum WorkspaceStatus {
        /// Connections run.
        Active => "active",
        /// Connections are disabled.
        Inactive => "inactive",
    }
}

/// One end user's workspace. Its `name` is the `workspace_name` used when minting tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Workspace {
    /// Workspace id.
    pub id: String,
    /// Workspace name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Owning organisation.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organization_id: Option<String>,
    /// Active or inactive.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<WorkspaceStatus>,
    /// Whether the Context Store caches the workspace's data (2026 service versions; `None`
    /// when the service omits it).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cache_enabled: Option<bool>,
    /// Whether the workspace has been deleted (2026 service versions; `None` when the service
    /// omits it).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tombstone: Option<bool>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub updated_at: Option<String>,
}

/// Workspace counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkspaceStats {
    /// Active workspaces.
    #[serde(default)]
    pub active_count: i64,
    /// Inactive workspaces.
    #[serde(default)]
    pub inactive_count: i64,
    /// All workspaces.
    #[serde(default)]
    pub total_count: i64,
}

/// Filters for listing workspaces; kept on every page.
///
/// Its JSON form (the C ABI's `filter_json`): `{"name_contains"?, "status"?:
/// "active"|"inactive", "limit"?: 1..100}`, unknown fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkspaceFilter {
    /// Only workspaces whose name contains this text.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name_contains: Option<String>,
    /// Only workspaces with this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<WorkspaceStatus>,
    /// Page size, 1 to 100; the service defaults to 20.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i32>,
}

impl WorkspaceFilter {
    /// The query of every page (the walk adds the cursor).
    fn query(&self) -> Result<Vec<(&'static str, String)>> {
        let mut q = Vec::new();
        if let Some(n) = &self.name_contains {
            q.push(("name_contains", n.clone()));
        }
        if let Some(s) = &self.status {
            q.push(("status", s.as_str().to_owned()));
        }
        if let Some(limit) = self.limit {
            check_limit(limit, 100)?;
            q.push(("limit", limit.to_string()));
        }
        Ok(q)
    }
}

/// One page of workspaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkspacePage {
    /// The page's workspaces.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<Workspace>,
    /// Absolute URL of the next page, or `None` on the last page (which the service marks
    /// with a `null`, missing or empty `next`).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub next: Option<String>,
}

/// Body of `PUT /workspaces/{id}`: only the fields set are sent.
///
/// Its JSON form (the C ABI's `update_json`): `{"name"?, "status"?: "active"|"inactive",
/// "cache_enabled"?: bool}`, unknown fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkspaceUpdate {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// New status (`inactive` disables the workspace's connections).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<WorkspaceStatus>,
    /// Turns Context Store caching on or off (2026 service versions; older ones ignore it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cache_enabled: Option<bool>,
}

/// Workspace operations for the operator. Get one from [`crate::OperatorClient::workspaces`].
pub struct Workspaces<'a> {
    pub(crate) api: &'a Arc<Api>,
}

impl Workspaces<'_> {
    /// Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for a `limit` outside 1..=100 (nothing sent); auth and
    /// transport errors.
    pub fn list_page(
        &self,
        filter: &WorkspaceFilter,
        cursor: Option<&str>,
    ) -> Result<WorkspacePage> {
        let mut query = filter.query()?;
        query.extend(cursor.map(|c| ("cursor", c.to_owned())));
        self.api.get("workspaces", &query)
    }

    /// Every workspace matching `filter`, fetched a page at a time as the iterator advances.
    /// See [`WorkspacePages`] for how `next` links are followed.
    pub fn iter(&self, filter: WorkspaceFilter) -> WorkspacePages {
        Pages::new(Arc::clone(self.api), "workspaces", filter.query())
    }

    /// Workspace counts. `GET /workspaces/stats`.
    ///
    /// # Errors
    /// Auth and transport errors.
    pub fn stats(&self) -> Result<WorkspaceStats> {
        self.api.get("workspaces/stats", &[])
    }

    /// Reads one workspace. `GET /workspaces/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`].
    pub fn get(&self, id: &str) -> Result<Workspace> {
        let id = require_id("id", id)?;
        self.api.get(&format!("workspaces/{}", segment(id)), &[])
    }

    /// Renames or (de)activates a workspace. `PUT /workspaces/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`]; [`crate::Error::Validation`].
    pub fn update(&self, id: &str, update: &WorkspaceUpdate) -> Result<Workspace> {
        let id = require_id("id", id)?;
        self.api.put(&format!("workspaces/{}", segment(id)), update)
    }

    /// Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.
    ///
    /// # Errors
    /// As [`Workspaces::update`].
    pub fn deactivate(&self, id: &str) -> Result<Workspace> {
        self.update(
            id,
            &WorkspaceUpdate {
                status: Some(WorkspaceStatus::Inactive),
                ..Default::default()
            },
        )
    }

    /// Deletes a workspace. `DELETE /workspaces/{id}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`].
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        self.api.delete(&format!("workspaces/{}", segment(id)))
    }
}

/// A lazy walk over every page of `GET /workspaces` (see [`Pages`] for how `next` links are
/// followed). As an [`Iterator`] it yields workspaces one by one; after an error it yields
/// nothing more.
pub type WorkspacePages = Pages<Workspace>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn filter_query_keeps_every_filter_and_checks_limit() {
        let f = WorkspaceFilter {
            name_contains: Some("acme".into()),
            status: Some(WorkspaceStatus::Active),
            limit: Some(15),
        };
        assert_eq!(
            f.query().unwrap(),
            vec![
                ("name_contains", "acme".to_owned()),
                ("status", "active".to_owned()),
                ("limit", "15".to_owned()),
            ]
        );
        for bad in [0, 101] {
            let f = WorkspaceFilter {
                limit: Some(bad),
                ..Default::default()
            };
            assert!(matches!(f.query(), Err(Error::InvalidArgument { .. })));
        }
    }

    #[test]
    fn an_empty_or_missing_next_is_the_last_page() {
        for body in [
            r#"{"data": [{"id": "w"}], "next": ""}"#,
            r#"{"data": [{"id": "w"}], "next": "  "}"#,
            r#"{"data": [{"id": "w"}], "next": null}"#,
            r#"{"data": [{"id": "w"}]}"#,
        ] {
            let page: WorkspacePage = serde_json::from_str(body).unwrap();
            assert_eq!(page.next, None, "{body}");
            assert_eq!(page.data.len(), 1);
        }
        let page: WorkspacePage =
            serde_json::from_str(r#"{"data": [], "next": "https://h/x?cursor=c"}"#).unwrap();
        assert_eq!(page.next.as_deref(), Some("https://h/x?cursor=c"));
    }

    #[test]
    fn unknown_status_is_kept() {
        let w: Workspace = serde_json::from_str(r#"{"id": "w", "status": "suspended"}"#).unwrap();
        assert_eq!(w.status, Some(WorkspaceStatus::Unknown("suspended".into())));
    }
}
