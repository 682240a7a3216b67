//! Sources, for end users (`/embedded/sources`, scoped token) and for the operator
//! (`/integrations/sources`, operator token): the same routes under two prefixes. Checks are
//! in [`crate::checks`].

use crate::models::{Deleted, Source, SourceCreate, SourceSummary, SourceUpdate, WriteOptions};
use airbyte_embedded as core;

use crate::Result;
use crate::lifecycle::{EndUserSlot, OperatorSlot};
use crate::twin::twin;

/// Who a [`Sources`] acts as.
enum Owner {
    Operator(OperatorSlot),
    EndUser(EndUserSlot),
}

/// Source and check operations, from `OperatorClient.sources()` (any workspace,
/// `/integrations/sources`) or `EndUserClient.sources()` (the end user's,
/// `/embedded/sources`). Shares its client's `close()`: every method raises
/// `AirbyteError.ClientClosed` once the client is closed.
#[derive(uniffi::Object)]
pub struct Sources {
    owner: Owner,
}

twin! {
    /// The async twin of `Sources` (`AsyncOperatorClient.sources()`,
    /// `AsyncEndUserClient.sources()`): the same methods and checks, awaited.
    pub struct AsyncSources for Sources;
}

impl Sources {
    pub(crate) fn operator(client: OperatorSlot) -> Self {
        Sources {
            owner: Owner::Operator(client),
        }
    }

    pub(crate) fn end_user(client: EndUserSlot) -> Self {
        Sources {
            owner: Owner::EndUser(client),
        }
    }

    /// Runs `f` with the core's sources handle of the owning client.
    ///
    /// # Errors
    /// `AirbyteError::ClientClosed` once the client is closed; `f`'s errors.
    pub(crate) fn with<R>(&self, f: impl FnOnce(core::Sources<'_>) -> Result<R>) -> Result<R> {
        match &self.owner {
            Owner::Operator(c) => f(c.get()?.sources()),
            Owner::EndUser(c) => f(c.get()?.sources()),
        }
    }
}

twin! {
    impl Sources => AsyncSources {
        awaited {
            /// Lists a workspace's sources. `GET …/sources?workspace_id=…`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
            /// workspace.
            pub fn list(&self, workspace_id: String) -> Result<Vec<SourceSummary>> {
                self.with(|s| s.list(&workspace_id))
            }

            /// Reads one source (secrets masked). `GET …/sources/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get(&self, id: String) -> Result<Source> {
                self.with(|s| s.get(&id))
            }

            /// Creates a source, after validating `merge(template defaults, source_config)` against
            /// the template's spec unless `options.validate` is false. `POST …/sources`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
            /// sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
            /// `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
            /// unknown template.
            #[uniffi::method(default(options = None))]
            pub fn create(&self, source: SourceCreate, options: Option<WriteOptions>) -> Result<Source> {
                let source = source;
                let options = options.unwrap_or_default();
                self.with(|s| s.create_with(&source, &options))
            }

            /// Replaces a source's name and/or user config, validating a new config first (which
            /// reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.
            ///
            /// # Errors
            /// As `create`.
            #[uniffi::method(default(options = None))]
            pub fn update(
                &self,
                id: String,
                update: SourceUpdate,
                options: Option<WriteOptions>,
            ) -> Result<Source> {
                let update = update;
                let options = options.unwrap_or_default();
                self.with(|s| s.update_with(&id, &update, &options))
            }

            /// Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, id: String) -> Result<Deleted> {
                self.with(|s| s.delete(&id))
            }
        }
    }
}
