//! Tags that group templates: `/integrations/templates/tags`. A tag's name is its path key.

use airbyte_embedded::integrations as ci;

use crate::Result;
use crate::common::{Deleted, conv, conv_vec};
use crate::lifecycle::OperatorSlot;

/// A tag.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Tag {
    /// Tag id.
    pub id: Option<String>,
    /// Tag name: unique in the organisation, 1 to 255 characters, the path key of the tag
    /// routes.
    pub name: String,
    /// Owning organisation.
    pub organization_id: Option<String>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
}

impl From<ci::Tag> for Tag {
    fn from(t: ci::Tag) -> Self {
        Tag {
            id: t.id,
            name: t.name,
            organization_id: t.organization_id,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

/// Tag operations for the operator (`OperatorClient.tags()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct Tags {
    pub(crate) client: OperatorSlot,
}

#[uniffi::export]
impl Tags {
    /// Lists the organisation's tags. `GET /integrations/templates/tags`.
    ///
    /// # Errors
    /// Auth and transport errors.
    pub fn list(&self) -> Result<Vec<Tag>> {
        conv_vec(self.client.get()?.tags().list())
    }

    /// Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `name` (nothing sent);
    /// `AirbyteError.Validation` when the name is taken.
    pub fn create(&self, name: String) -> Result<Tag> {
        conv(self.client.get()?.tags().create(&name))
    }

    /// Renames a tag; every template carrying it follows.
    /// `PUT /integrations/templates/tags/{name}`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
    pub fn rename(&self, name: String, new_name: String) -> Result<Tag> {
        conv(self.client.get()?.tags().rename(&name, &new_name))
    }

    /// Deletes a tag and removes it from every template.
    /// `DELETE /integrations/templates/tags/{name}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn delete(&self, name: String) -> Result<Deleted> {
        conv(self.client.get()?.tags().delete(&name))
    }
}
