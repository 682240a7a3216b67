//! The Workspace Management API (operator token): `/workspaces`, with a page-by-page walk
//! that always ends.

use std::sync::{Arc, Mutex};

use airbyte_embedded::workspaces as cw;

use crate::Result;
use crate::common::{Deleted, conv, open_enum};
use crate::lifecycle::OperatorSlot;

open_enum! {
    /// Whether a workspace's connections run.
    pub enum WorkspaceStatus mirrors cw::WorkspaceStatus {
        /// Connections run (`active`).
        Active,
        /// Connections are disabled (`inactive`).
        Inactive,
    }
}

/// One end user's workspace. Its `name` is the `workspace_name` used when minting tokens.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Workspace {
    /// Workspace id.
    pub id: String,
    /// Workspace name.
    pub name: Option<String>,
    /// Owning organisation.
    pub organization_id: Option<String>,
    /// Active or inactive.
    pub status: Option<WorkspaceStatus>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
    /// Whether the Context Store caches the workspace's data (2026 service versions; `None`
    /// when the service omits it).
    #[uniffi(default)]
    pub cache_enabled: Option<bool>,
    /// Whether the workspace has been deleted (2026 service versions; `None` when the service
    /// omits it).
    #[uniffi(default)]
    pub tombstone: Option<bool>,
}

impl From<cw::Workspace> for Workspace {
    fn from(w: cw::Workspace) -> Self {
        Workspace {
            id: w.id,
            name: w.name,
            organization_id: w.organization_id,
            status: w.status.map(Into::into),
            created_at: w.created_at,
            updated_at: w.updated_at,
            cache_enabled: w.cache_enabled,
            tombstone: w.tombstone,
        }
    }
}

/// Workspace counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct WorkspaceStats {
    /// Active workspaces.
    pub active_count: u64,
    /// Inactive workspaces.
    pub inactive_count: u64,
    /// All workspaces.
    pub total_count: u64,
}

impl From<cw::WorkspaceStats> for WorkspaceStats {
    fn from(s: cw::WorkspaceStats) -> Self {
        WorkspaceStats {
            active_count: s.active_count,
            inactive_count: s.inactive_count,
            total_count: s.total_count,
        }
    }
}

/// Filters for listing workspaces, kept on every page.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct WorkspaceFilter {
    /// Only workspaces whose name contains this text.
    #[uniffi(default)]
    pub name_contains: Option<String>,
    /// Only workspaces with this status.
    #[uniffi(default)]
    pub status: Option<WorkspaceStatus>,
    /// Page size, 1 to 100; `None` (the default) lets the service use 20.
    #[uniffi(default)]
    pub limit: Option<u32>,
}

impl From<WorkspaceFilter> for cw::WorkspaceFilter {
    fn from(f: WorkspaceFilter) -> Self {
        cw::WorkspaceFilter {
            name_contains: f.name_contains,
            status: f.status.map(Into::into),
            limit: f.limit,
        }
    }
}

/// One page of workspaces.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkspacePage {
    /// The page's workspaces.
    pub data: Vec<Workspace>,
    /// Absolute URL of the next page, or `None` on the last page.
    pub next: Option<String>,
}

impl From<cw::WorkspacePage> for WorkspacePage {
    fn from(p: cw::WorkspacePage) -> Self {
        WorkspacePage {
            data: p.data.into_iter().map(Into::into).collect(),
            next: p.next,
        }
    }
}

/// Body of `PUT /workspaces/{id}`: only the fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct WorkspaceUpdate {
    /// New name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New status (`Inactive` disables the workspace's connections).
    #[uniffi(default)]
    pub status: Option<WorkspaceStatus>,
    /// Turns Context Store caching on or off (2026 service versions; older ones ignore it).
    #[uniffi(default)]
    pub cache_enabled: Option<bool>,
}

impl From<WorkspaceUpdate> for cw::WorkspaceUpdate {
    fn from(u: WorkspaceUpdate) -> Self {
        cw::WorkspaceUpdate {
            name: u.name,
            status: u.status.map(Into::into),
            cache_enabled: u.cache_enabled,
        }
    }
}

/// Workspace operations for the operator (`OperatorClient.workspaces()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Workspaces {
    pub(crate) client: OperatorSlot,
}

#[uniffi::export]
impl Workspaces {
    /// Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
    /// `cursor` is the opaque cursor of the previous page's `next` link (`None`: the first
    /// page); `pages()` follows the links for you.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for a `limit` outside 1..=100 (nothing sent); auth and
    /// transport errors.
    #[uniffi::method(default(filter = None, cursor = None))]
    pub fn list_page(
        &self,
        filter: Option<WorkspaceFilter>,
        cursor: Option<String>,
    ) -> Result<WorkspacePage> {
        let filter = filter.unwrap_or_default().into();
        conv(
            self.client
                .get()?
                .workspaces()
                .list_page(&filter, cursor.as_deref()),
        )
    }

    /// A walk over every page of workspaces matching `filter` (default: all), fetched one
    /// page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
    /// iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
    /// is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
    /// client closed before or during the walk) comes from `next_page()`.
    #[uniffi::method(default(filter = None))]
    pub fn pages(&self, filter: Option<WorkspaceFilter>) -> Arc<WorkspacePages> {
        let pages = self
            .client
            .get()
            .ok()
            .map(|client| client.workspaces().iter(filter.unwrap_or_default().into()));
        Arc::new(WorkspacePages {
            client: self.client.clone(),
            inner: Mutex::new(pages),
        })
    }

    /// Workspace counts. `GET /workspaces/stats`.
    ///
    /// # Errors
    /// Auth and transport errors.
    pub fn stats(&self) -> Result<WorkspaceStats> {
        conv(self.client.get()?.workspaces().stats())
    }

    /// Reads one workspace. `GET /workspaces/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn get(&self, id: String) -> Result<Workspace> {
        conv(self.client.get()?.workspaces().get(&id))
    }

    /// Renames or (de)activates a workspace. `PUT /workspaces/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`; `AirbyteError.Validation`.
    pub fn update(&self, id: String, update: WorkspaceUpdate) -> Result<Workspace> {
        conv(self.client.get()?.workspaces().update(&id, &update.into()))
    }

    /// Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.
    ///
    /// # Errors
    /// As `update`.
    pub fn deactivate(&self, id: String) -> Result<Workspace> {
        conv(self.client.get()?.workspaces().deactivate(&id))
    }

    /// Deletes a workspace. `DELETE /workspaces/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn delete(&self, id: String) -> Result<Deleted> {
        conv(self.client.get()?.workspaces().delete(&id))
    }
}

/// A walk over every page of `GET /workspaces` (from `Workspaces.pages()`). Thread-safe;
/// one page per `next_page()` call.
///
/// A page's `next` link is followed only on the configured scheme, host and port, with the
/// walk's own filters and page size; the walk stops on a `null` `next`. A link elsewhere, a
/// link without a cursor, or a repeated cursor ends the walk with `AirbyteError.Pagination`
/// (raised by the call after the page that carried the link, so no workspace is lost).
///
/// The walk shares its client's `close()`: once the client is closed, `next_page()` raises
/// `AirbyteError.ClientClosed` (and the walk lets go of the client).
#[derive(uniffi::Object)]
pub struct WorkspacePages {
    /// The client's slot, checked before each page.
    client: OperatorSlot,
    /// The walk; `None` once the client is closed.
    inner: Mutex<Option<cw::WorkspacePages>>,
}

#[uniffi::export]
impl WorkspacePages {
    /// The next page's workspaces, or `None` once the last page has been read (and after an
    /// error other than `ClientClosed`).
    ///
    /// # Errors
    /// `AirbyteError.Pagination` (see the type's docs); the request's own errors;
    /// `AirbyteError.ClientClosed` once the client is closed (every later call too).
    pub fn next_page(&self) -> Result<Option<Vec<Workspace>>> {
        let mut pages = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(closed) = self.client.get() {
            // Drops the walk's own clone of the core client.
            *pages = None;
            return Err(closed);
        }
        let Some(walk) = pages.as_mut() else {
            // Only when the client was closed before the walk began, which `get` reported.
            return Ok(None);
        };
        let page = walk.next_page()?;
        Ok(page.map(|items| items.into_iter().map(Into::into).collect()))
    }
}
