//! The Workspace Management API (operator token): `/workspaces`, with a page-by-page walk
//! that always ends.

use crate::models::{
    Deleted, Workspace, WorkspaceFilter, WorkspacePage, WorkspaceStats, WorkspaceUpdate,
};
use std::sync::Arc;

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::twin::twin;
use crate::walk::Walk;

/// Workspace operations for the operator (`OperatorClient.workspaces()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Workspaces {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Workspaces` (`AsyncOperatorClient.workspaces()`): the same methods,
    /// each network call awaited; `pages()` returns an `AsyncWorkspacePages`.
    pub struct AsyncWorkspaces for Workspaces;
}

twin! {
    impl Workspaces => AsyncWorkspaces {
        awaited {
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
                let filter = filter.unwrap_or_default();

                self.client
                    .get()?
                    .workspaces()
                    .list_page(&filter, cursor.as_deref())
            }

            /// Workspace counts. `GET /workspaces/stats`.
            ///
            /// # Errors
            /// Auth and transport errors.
            pub fn stats(&self) -> Result<WorkspaceStats> {
                self.client.get()?.workspaces().stats()
            }

            /// Reads one workspace. `GET /workspaces/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get(&self, id: String) -> Result<Workspace> {
                self.client.get()?.workspaces().get(&id)
            }

            /// Renames or (de)activates a workspace. `PUT /workspaces/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.Validation`.
            pub fn update(&self, id: String, update: WorkspaceUpdate) -> Result<Workspace> {
                self.client.get()?.workspaces().update(&id, &update)
            }

            /// Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.
            ///
            /// # Errors
            /// As `update`.
            pub fn deactivate(&self, id: String) -> Result<Workspace> {
                self.client.get()?.workspaces().deactivate(&id)
            }

            /// Deletes a workspace. `DELETE /workspaces/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, id: String) -> Result<Deleted> {
                self.client.get()?.workspaces().delete(&id)
            }
        }
        handles {
            /// A walk over every page of workspaces matching `filter` (default: all), fetched one
            /// page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
            /// iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
            /// is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
            /// client closed before or during the walk) comes from `next_page()`.
            #[uniffi::method(default(filter = None))]
            pub fn pages(&self, filter: Option<WorkspaceFilter>) -> Arc<WorkspacePages> {
                Arc::new(WorkspacePages {
                    walk: Walk::new(&self.client, |client| {
                        client.workspaces().iter(filter.unwrap_or_default())
                    }),
                })
            }
        }
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
    walk: Walk<Workspace>,
}

twin! {
    /// The async twin of `WorkspacePages` (from `AsyncWorkspaces.pages()`): `next_page()` is
    /// awaited. Each package wraps it in its language's async iteration idiom (Python
    /// `async for` over it, a Kotlin `Flow`, a Swift `AsyncSequence`).
    pub struct AsyncWorkspacePages for WorkspacePages;
}

twin! {
    impl WorkspacePages => AsyncWorkspacePages {
        awaited {
            /// The next page's workspaces, or `None` once the last page has been read (and after an
            /// error other than `ClientClosed`).
            ///
            /// # Errors
            /// `AirbyteError.Pagination` (see the type's docs); the request's own errors;
            /// `AirbyteError.ClientClosed` once the client is closed (every later call too).
            pub fn next_page(&self) -> Result<Option<Vec<Workspace>>> {
                self.walk.next_page()
            }
        }
    }
}
