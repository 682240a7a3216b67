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
//! The walk ends when a page's `next` is absent, `null` or empty. A `next` on the configured
//! host and port is followed whatever its scheme (a balancer that ends TLS may build `http://`
//! links): only its cursor is taken, and the request goes to the configured base URL. A link
//! to another host, one without a cursor, or one repeating a cursor stops the walk with
//! [`Error::Pagination`], after the workspaces of the page that carried it.

use std::collections::HashSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::api::Api;
use crate::common::{Deleted, null_as_default, require_id};
use crate::http::url::{BaseUrl, segment};
use crate::open_enum::open_enum;
use crate::{Error, Result};

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
    pub active_count: u64,
    /// Inactive workspaces.
    #[serde(default)]
    pub inactive_count: u64,
    /// All workspaces.
    #[serde(default)]
    pub total_count: u64,
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
    pub limit: Option<u32>,
}

impl WorkspaceFilter {
    fn query(&self, cursor: Option<&str>) -> Result<Vec<(&'static str, String)>> {
        let mut q = Vec::new();
        if let Some(n) = &self.name_contains {
            q.push(("name_contains", n.clone()));
        }
        if let Some(s) = &self.status {
            q.push(("status", s.as_str().to_owned()));
        }
        if let Some(limit) = self.limit {
            if !(1..=100).contains(&limit) {
                return Err(Error::invalid_argument(
                    "limit",
                    format!("is {limit}; it must be from 1 to 100"),
                ));
            }
            q.push(("limit", limit.to_string()));
        }
        if let Some(c) = cursor {
            q.push(("cursor", c.to_owned()));
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

/// Reads a `null`, empty or blank string as `None`: the spec's `next` is "empty if no more
/// pages".
fn empty_as_none<'de, D>(d: D) -> std::result::Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Ok(Option::<String>::deserialize(d)?.filter(|s| !s.trim().is_empty()))
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
    /// [`Error::InvalidArgument`] for a `limit` outside 1..=100 (nothing sent); auth and
    /// transport errors.
    pub fn list_page(
        &self,
        filter: &WorkspaceFilter,
        cursor: Option<&str>,
    ) -> Result<WorkspacePage> {
        self.api.get("workspaces", &filter.query(cursor)?)
    }

    /// Every workspace matching `filter`, fetched a page at a time as the iterator advances.
    /// See [`WorkspacePages`] for how `next` links are followed.
    pub fn iter(&self, filter: WorkspaceFilter) -> WorkspacePages {
        WorkspacePages::new(Arc::clone(self.api), filter)
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
    /// [`Error::NotFound`].
    pub fn get(&self, id: &str) -> Result<Workspace> {
        let id = require_id("id", id)?;
        self.api.get(&format!("workspaces/{}", segment(id)), &[])
    }

    /// Renames or (de)activates a workspace. `PUT /workspaces/{id}`.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::Validation`].
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
    /// [`Error::NotFound`].
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        self.api.delete(&format!("workspaces/{}", segment(id)))
    }
}

/// A lazy walk over every page of `GET /workspaces`.
///
/// It follows a page's `next` link only when the link is on the configured host and port
/// (under any `http`/`https` scheme: a service behind a TLS-terminating balancer may build
/// `http://` links; ports match when equal or each the default of its scheme). It never
/// requests the link itself: it takes the link's `cursor` and asks the configured base URL
/// again with the walk's own filters, so the scheme, the filters and the page size hold on
/// every page and the bearer token goes nowhere else. It stops on a `null`, missing or empty
/// `next`. A link on another host or port, a link without a cursor, or a cursor already seen
/// ends the walk with [`Error::Pagination`].
///
/// As an [`Iterator`] it yields workspaces one by one; after an error it yields nothing more.
pub struct WorkspacePages {
    api: Arc<Api>,
    filter: WorkspaceFilter,
    cursor: Option<String>,
    trail: CursorTrail,
    done: bool,
    /// An error about the last page's `next` link, returned after that page's workspaces.
    deferred: Option<Error>,
    buffer: std::vec::IntoIter<Workspace>,
}

impl WorkspacePages {
    pub(crate) fn new(api: Arc<Api>, filter: WorkspaceFilter) -> Self {
        WorkspacePages {
            api,
            filter,
            cursor: None,
            trail: CursorTrail::default(),
            done: false,
            deferred: None,
            buffer: Vec::new().into_iter(),
        }
    }

    /// The next page's workspaces, or `None` once the last page has been read.
    ///
    /// # Errors
    /// [`Error::Pagination`] for a `next` link off the configured host and port, without a
    /// cursor, or repeating a cursor (returned by the call after the page that carried the
    /// link, so no workspace is lost); the request's own errors. After an error, returns
    /// `Ok(None)`.
    pub fn next_page(&mut self) -> Result<Option<Vec<Workspace>>> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        if self.done {
            return Ok(None);
        }
        let page = self
            .filter
            .query(self.cursor.as_deref())
            .and_then(|q| self.api.get::<WorkspacePage>("workspaces", &q));
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                self.done = true;
                return Err(e);
            }
        };
        match page.next.as_deref().map(|n| self.cursor_of(n)) {
            None => self.done = true,
            Some(Ok(cursor)) => self.cursor = Some(cursor),
            Some(Err(e)) => {
                self.done = true;
                self.deferred = Some(e);
            }
        }
        Ok(Some(page.data))
    }

    fn cursor_of(&mut self, next: &str) -> Result<String> {
        self.trail.follow(&self.api.http.config().base_url, next)
    }
}

/// The cursors a walk has followed: each `next` link must be on the configured host and port,
/// carry a non-empty `cursor`, and not repeat one already followed (so a walk always ends).
#[derive(Debug, Default)]
pub(crate) struct CursorTrail {
    seen: HashSet<String>,
}

impl CursorTrail {
    /// The cursor to ask for next, from a page's `next` link.
    ///
    /// # Errors
    /// [`Error::Pagination`] as [`cursor_from_next`], or when the cursor was followed before.
    pub(crate) fn follow(&mut self, base: &BaseUrl, next: &str) -> Result<String> {
        let cursor = cursor_from_next(base, next)?;
        if !self.seen.insert(cursor.clone()) {
            return Err(Error::Pagination {
                detail: format!(
                    "the service repeated cursor {}",
                    crate::redact::quote(&cursor)
                ),
            });
        }
        Ok(cursor)
    }
}

/// The percent-decoded `cursor` query parameter of `next`, a page's `next` link, to be asked
/// for on `base` (never on the link's own scheme).
///
/// # Errors
/// [`Error::Pagination`] when `next` is not an absolute `http`/`https` URL on `base`'s host
/// and port (see [`BaseUrl::same_server`]), or carries no non-empty `cursor`. An empty `next`
/// (the last page) is not a link: the walk stops before asking for its cursor.
pub(crate) fn cursor_from_next(base: &BaseUrl, next: &str) -> Result<String> {
    if !base.same_server(next) {
        return Err(Error::Pagination {
            detail: format!(
                "`next` link is not on the host and port of {}: {next}",
                base.as_str()
            ),
        });
    }
    next.split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(q))
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "cursor")
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Error::Pagination {
            detail: format!("`next` link carries no cursor: {next}"),
        })
}

impl Iterator for WorkspacePages {
    type Item = Result<Workspace>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(w) = self.buffer.next() {
                return Some(Ok(w));
            }
            match self.next_page() {
                Ok(Some(page)) => self.buffer = page.into_iter(),
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_query_keeps_every_filter_and_checks_limit() {
        let f = WorkspaceFilter {
            name_contains: Some("acme".into()),
            status: Some(WorkspaceStatus::Active),
            limit: Some(15),
        };
        assert_eq!(
            f.query(Some("c1")).unwrap(),
            vec![
                ("name_contains", "acme".to_owned()),
                ("status", "active".to_owned()),
                ("limit", "15".to_owned()),
                ("cursor", "c1".to_owned()),
            ]
        );
        for bad in [0, 101] {
            let f = WorkspaceFilter {
                limit: Some(bad),
                ..Default::default()
            };
            assert!(matches!(f.query(None), Err(Error::InvalidArgument { .. })));
        }
    }

    #[test]
    fn cursors_come_only_from_links_on_the_base_origin() {
        let base = BaseUrl::parse("https://api.airbyte.ai/api/v1").unwrap();
        #[rustfmt::skip]
        let cases = [
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=abc&limit=5", Some("abc")),
            ("https://API.airbyte.ai:443/api/v1/workspaces?limit=5&cursor=a%2Fb", Some("a/b")),
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=abc#frag", Some("abc")),
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=", None),
            ("https://api.airbyte.ai/api/v1/workspaces", None),
            // Another scheme on the same host and port (a TLS-terminating balancer).
            ("http://api.airbyte.ai/api/v1/workspaces?cursor=abc", Some("abc")),
            ("http://api.airbyte.ai:443/api/v1/workspaces?limit=5&cursor=abc", Some("abc")),
            ("http://api.airbyte.ai:8080/api/v1/workspaces?cursor=abc", None),
            ("https://api.airbyte.ai:80/api/v1/workspaces?cursor=abc", None),
            ("https://evil.example/api/v1/workspaces?cursor=abc", None),
            ("http://evil.example/api/v1/workspaces?cursor=abc", None),
            ("https://api.airbyte.ai:8443/api/v1/workspaces?cursor=abc", None),
            ("/api/v1/workspaces?cursor=abc", None),
            ("", None),
        ];
        for (next, expected) in cases {
            let got = cursor_from_next(&base, next);
            assert_eq!(got.as_deref().ok(), expected, "{next}");
            if expected.is_none() {
                assert!(matches!(got, Err(Error::Pagination { .. })), "{next}");
            }
        }
        let mut trail = CursorTrail::default();
        let link = "https://api.airbyte.ai/api/v1/workspaces?cursor=c1";
        assert_eq!(trail.follow(&base, link).unwrap(), "c1");
        assert!(matches!(
            trail.follow(&base, link),
            Err(Error::Pagination { .. })
        ));
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
