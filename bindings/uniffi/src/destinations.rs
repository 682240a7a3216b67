//! Destinations (operator token): `/integrations/destinations`, with a page-by-page walk that
//! always ends.

use std::sync::Arc;

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{Destination, DestinationFilter, DestinationPage, DestinationSummary};
use crate::twin::twin;
use crate::walk::Walk;

/// The destinations the service made from connection templates (`OperatorClient.destinations()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Destinations {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Destinations` (`AsyncOperatorClient.destinations()`): the same
    /// methods, awaited; `pages(filter)` returns an `AsyncDestinationPages`.
    pub struct AsyncDestinations for Destinations;
}

twin! {
    impl Destinations => AsyncDestinations {
        awaited {
            /// Reads one page of a workspace's destinations.
            /// `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`. `cursor` is the
            /// opaque cursor of the previous page's `next` link (`None`: the first page); `pages()`
            /// follows the links for you.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty `workspace_id` or a `limit` of 0 (nothing
            /// sent); `AirbyteError.NotFound` for a workspace of another organisation; auth and
            /// transport errors.
            #[uniffi::method(default(cursor = None))]
            pub fn list_page(
                &self,
                filter: DestinationFilter,
                cursor: Option<String>,
            ) -> Result<DestinationPage> {
                self.client
                    .get()?
                    .destinations()
                    .list_page(&filter, cursor.as_deref())
            }

            /// Reads one destination; its `destination_config` has every `airbyte_secret` masked.
            /// `GET /integrations/destinations/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
            pub fn get(&self, id: String) -> Result<Destination> {
                self.client.get()?.destinations().get(&id)
            }
        }
        handles {
            /// A walk over every page of the filter's workspace's destinations, fetched one page per
            /// `DestinationPages.next_page()` call. Nothing is sent here: every error of the walk (an
            /// empty `workspace_id` included) comes from `next_page()`.
            pub fn pages(&self, filter: DestinationFilter) -> Arc<DestinationPages> {
                Arc::new(DestinationPages {
                    walk: Walk::new(&self.client, |client| client.destinations().iter(filter)),
                })
            }
        }
    }
}

/// A walk over every page of `GET /integrations/destinations` for one workspace (from
/// `Destinations.pages()`). Thread-safe; one page per `next_page()` call. It follows `next`
/// links as `WorkspacePages` does and ends the same way.
///
/// The walk shares its client's `close()`: once the client is closed, `next_page()` raises
/// `AirbyteError.ClientClosed` (and the walk lets go of the client).
#[derive(uniffi::Object)]
pub struct DestinationPages {
    walk: Walk<DestinationSummary>,
}

twin! {
    /// The async twin of `DestinationPages` (from `AsyncDestinations.pages(filter)`):
    /// `next_page()` is awaited (Python: `async for` over it).
    pub struct AsyncDestinationPages for DestinationPages;
}

twin! {
    impl DestinationPages => AsyncDestinationPages {
        awaited {
            /// The next page's destinations, or `None` once the last page has been read (and after an
            /// error other than `ClientClosed`).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for the walk's filter (first call, nothing sent);
            /// `AirbyteError.Pagination` for a `next` link off the configured origin, without a
            /// cursor or repeating one; the request's own errors; `AirbyteError.ClientClosed` once the
            /// client is closed (every later call too).
            pub fn next_page(&self) -> Result<Option<Vec<DestinationSummary>>> {
                self.walk.next_page()
            }
        }
    }
}
