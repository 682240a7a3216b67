//! The page walks the facade hands out (`WorkspacePages`, `DestinationPages`, `FilePages`):
//! a core walk that shares its client's `close()`.

use std::sync::{Mutex, PoisonError};

use airbyte_embedded as core;

use crate::Result;
use crate::lifecycle::OperatorSlot;

/// A page walk of an operator client (`WorkspacePages`, `DestinationPages`, `FilePages`): the
/// core walk and the client's slot, checked before each page.
pub(crate) struct Walk<T> {
    client: OperatorSlot,
    /// The walk; `None` once the client is closed (or when it was closed before the walk
    /// began).
    pages: Mutex<Option<core::pagination::Pages<T>>>,
}

impl<T: serde::de::DeserializeOwned> Walk<T> {
    /// The walk `start` makes from the client, when the client is open; nothing is sent.
    pub(crate) fn new(
        client: &OperatorSlot,
        start: impl FnOnce(&core::OperatorClient) -> core::pagination::Pages<T>,
    ) -> Walk<T> {
        Walk {
            client: client.clone(),
            pages: Mutex::new(client.get().ok().map(|c| start(&c))),
        }
    }

    /// The next page, or `None` once the last page has been read (and after an error other
    /// than `ClientClosed`).
    ///
    /// # Errors
    /// The walk's own errors; `AirbyteError.ClientClosed` once the client is closed (every
    /// later call too; the walk then drops its own clone of the core client).
    pub(crate) fn next_page(&self) -> Result<Option<Vec<T>>> {
        let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        if let Err(closed) = self.client.get() {
            *pages = None;
            return Err(closed);
        }
        match pages.as_mut() {
            Some(walk) => walk.next_page(),
            // Only when the client was closed before the walk began, which `get` reported.
            None => Ok(None),
        }
    }
}
