//! Closing clients: the slot that holds a client's core until `close()`.
//!
//! A facade client ([`crate::OperatorClient`], [`crate::EndUserClient`]) and every area
//! handle made from it (`Sources`, `Workspaces`, `WorkspacePages`, …) share one
//! [`ClientSlot`]. `close()` empties the slot: every later call on any of them fails with
//! [`AirbyteError::ClientClosed`] before anything is sent, and the core client (its connection
//! pool and token cache) is dropped once the calls already running have returned. An
//! end-user client made by an operator client also watches the operator's slot (it mints its
//! token through it), so closing the operator closes it too.
//!
//! Dropping a facade object (a foreign object freed or garbage-collected) does not close the
//! slot: an area handle may outlive the client object it came from
//! (`OperatorClient(...).sources()` in one expression).

use crate::models::AirbyteError;
use std::sync::{Arc, PoisonError, RwLock};

use airbyte_embedded as core;

use crate::Result;

/// The slot of an operator client.
pub(crate) type OperatorSlot = Arc<ClientSlot<core::OperatorClient>>;
/// The slot of an end-user client.
pub(crate) type EndUserSlot = Arc<ClientSlot<core::EndUserClient>>;

/// A core client until `close()`, then nothing. Thread-safe; the core clients are cheap to
/// clone (shared state behind an `Arc`), so each call takes its own clone and no lock is
/// held while a request runs.
pub(crate) struct ClientSlot<C> {
    /// The facade type's name, for the error's detail (`"OperatorClient"`).
    kind: &'static str,
    client: RwLock<Option<C>>,
    /// The operator client this one was made by, whose close closes this one too.
    parent: Option<OperatorSlot>,
}

impl<C: Clone> ClientSlot<C> {
    /// An open slot holding `client`, closed with `parent` too when one is given.
    pub(crate) fn open(kind: &'static str, client: C, parent: Option<OperatorSlot>) -> Arc<Self> {
        Arc::new(ClientSlot {
            kind,
            client: RwLock::new(Some(client)),
            parent,
        })
    }

    /// The core client, for one call.
    ///
    /// # Errors
    /// [`AirbyteError::ClientClosed`] once this slot (or its parent's) is closed.
    pub(crate) fn get(&self) -> Result<C> {
        if let Some(parent) = &self.parent
            && parent.is_closed()
        {
            self.close();
            return Err(AirbyteError::ClientClosed {
                detail: format!(
                    "the {} that made this {} was closed: make a new client",
                    parent.kind, self.kind
                ),
            });
        }
        self.client
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| AirbyteError::ClientClosed {
                detail: format!("{} was closed: make a new client", self.kind),
            })
    }

    /// Empties the slot (again: nothing happens). The core client is dropped here unless a
    /// call still holds a clone.
    pub(crate) fn close(&self) {
        let client = self
            .client
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        // Dropped after the lock is released: a core client's drop may take a moment.
        drop(client);
    }

    /// Whether `close()` has run.
    pub(crate) fn is_closed(&self) -> bool {
        self.client
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operator() -> core::OperatorClient {
        let config = core::ClientConfig::builder().build().unwrap();
        core::OperatorClient::new(config, core::Credentials::new("id", "secret")).unwrap()
    }

    #[test]
    fn close_ends_the_slot_and_its_children() {
        let op = ClientSlot::open("OperatorClient", operator(), None);
        let user = ClientSlot::open(
            "EndUserClient",
            op.get().unwrap().end_user_client("acme").unwrap(),
            Some(op.clone()),
        );
        assert!(op.get().is_ok() && user.get().is_ok());
        op.close();
        op.close();
        let e = op.get().unwrap_err();
        assert!(
            matches!(&e, AirbyteError::ClientClosed { detail } if detail.starts_with("OperatorClient was closed")),
            "{e:?}"
        );
        let e = user.get().unwrap_err();
        assert!(
            matches!(&e, AirbyteError::ClientClosed { detail } if detail.contains("OperatorClient that made this EndUserClient")),
            "{e:?}"
        );
        assert!(user.is_closed());
        assert_eq!(
            op.get().unwrap_err().to_string(),
            "client closed: OperatorClient was closed: make a new client"
        );
    }
}
