//! Tags that group templates: `/integrations/templates/tags`. A tag's name is its path key.

use serde::{Deserialize, Serialize};

use crate::api::Api;
use crate::common::{DataList, Deleted};
use crate::http::url::segment;
use crate::read_cache::Family;
use crate::retry::Replay;
use crate::{Error, Result};

/// The longest tag name the service accepts, in characters.
pub const MAX_TAG_NAME_CHARS: usize = 255;

/// A tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tag {
    /// Tag id.
    #[serde(default)]
    pub id: Option<String>,
    /// Tag name (unique in the organisation; the path key of the tag routes).
    pub name: String,
    /// Owning organisation.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

#[derive(Serialize)]
struct NameBody<'a> {
    name: &'a str,
}

fn check_name(argument: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::invalid_argument(argument, "must not be empty"));
    }
    let chars = name.chars().count();
    if chars > MAX_TAG_NAME_CHARS {
        return Err(Error::invalid_argument(
            argument,
            format!("is {chars} characters long; at most {MAX_TAG_NAME_CHARS} are allowed"),
        ));
    }
    Ok(())
}

const BASE: &str = "integrations/templates/tags";

/// Tag operations for the operator. Get one from [`crate::OperatorClient::tags`].
pub struct Tags<'a> {
    pub(crate) api: &'a Api,
}

impl Tags<'_> {
    /// Lists the organisation's tags. `GET /integrations/templates/tags`.
    ///
    /// # Errors
    /// Auth and transport errors.
    pub fn list(&self) -> Result<Vec<Tag>> {
        Ok(self.api.get::<DataList<_>>(BASE, &[])?.data)
    }

    /// Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `name` (nothing sent); [`Error::Validation`] when the
    /// name is taken.
    pub fn create(&self, name: &str) -> Result<Tag> {
        check_name("name", name)?;
        self.api.post(
            BASE,
            &NameBody { name },
            Replay::Unsafe {
                advice: "list tags by name before retrying",
            },
        )
    }

    /// Renames a tag; every template carrying it follows. `PUT /integrations/templates/tags/{name}`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `name` or `new_name`; [`Error::NotFound`].
    pub fn rename(&self, name: &str, new_name: &str) -> Result<Tag> {
        check_name("name", name)?;
        check_name("new_name", new_name)?;
        let result = self.api.put(
            &format!("{BASE}/{}", segment(name)),
            &NameBody { name: new_name },
        );
        // Templates carry their tags' names: both families change.
        let result = self.api.wrote(Family::SourceTemplates, result);
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Deletes a tag and removes it from every template. `DELETE /integrations/templates/tags/{name}`.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn delete(&self, name: &str) -> Result<Deleted> {
        check_name("name", name)?;
        let result = self.api.delete(&format!("{BASE}/{}", segment(name)));
        // Templates carry their tags' names: both families change.
        let result = self.api.wrote(Family::SourceTemplates, result);
        self.api.wrote(Family::ConnectionTemplates, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_bounded() {
        assert!(check_name("name", "crm").is_ok());
        assert!(check_name("name", &"é".repeat(255)).is_ok());
        assert!(check_name("name", &"é".repeat(256)).is_err());
        assert!(check_name("name", "  ").is_err());
    }
}
