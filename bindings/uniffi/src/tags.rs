//! Tags that group templates: `/integrations/templates/tags`. A tag's name is its path key.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{Deleted, Tag};
use crate::twin::twin;

/// Tag operations for the operator (`OperatorClient.tags()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Tags {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Tags` (`AsyncOperatorClient.tags()`): the same methods, awaited.
    pub struct AsyncTags for Tags;
}

twin! {
    impl Tags => AsyncTags {
        awaited {
            /// Lists the organisation's tags. `GET /integrations/templates/tags`.
            ///
            /// # Errors
            /// Auth and transport errors.
            pub fn list(&self) -> Result<Vec<Tag>> {
                self.client.get()?.tags().list()
            }

            /// Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `name` (nothing sent);
            /// `AirbyteError.Validation` when the name is taken.
            pub fn create(&self, name: String) -> Result<Tag> {
                self.client.get()?.tags().create(&name)
            }

            /// Renames a tag; every template carrying it follows.
            /// `PUT /integrations/templates/tags/{name}`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
            pub fn rename(&self, name: String, new_name: String) -> Result<Tag> {
                self.client.get()?.tags().rename(&name, &new_name)
            }

            /// Deletes a tag and removes it from every template.
            /// `DELETE /integrations/templates/tags/{name}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, name: String) -> Result<Deleted> {
                self.client.get()?.tags().delete(&name)
            }
        }
    }
}
