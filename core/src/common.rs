//! Types shared by several API areas: tag selection, deletion receipts, list envelopes.

use serde::{Deserialize, Deserializer, Serialize};

use crate::open_enum::open_enum;
use crate::{Error, Result};

open_enum! {
    /// How a list of tags selects templates: every tag (`all`) or any one of them (`any`).
    ///
    /// List filters default to `all`; the `selected_*_tags_mode` request fields default to `any`.
    pub enum TagsMode {
        /// Templates carrying every listed tag.
        All => "all",
        /// Templates carrying at least one listed tag.
        Any => "any",
    }
}

/// A tag filter for the template list endpoints (`?tags=crm&tags=sales&tags_mode=any`).
///
/// Its JSON form: `{"tags"?: [...], "mode"?: "all"|"any"}` (`mode` also as `tags_mode`),
/// unknown fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TagFilter {
    /// Tag names; empty means no filtering.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tags: Vec<String>,
    /// How the tags combine; the service defaults to [`TagsMode::All`].
    #[serde(alias = "tags_mode")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub mode: Option<TagsMode>,
}

/// Writes an optional tag mode, `None` as [`TagsMode::Any`] (what the service assumes).
pub(crate) fn mode_or_any<S: serde::Serializer>(
    mode: &Option<TagsMode>,
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(mode.as_ref().unwrap_or(&TagsMode::Any), s)
}

/// Reads a duration given in whole milliseconds (the JSON forms' `…_ms` fields).
pub(crate) fn millis<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<std::time::Duration, D::Error> {
    <u64 as serde::Deserialize>::deserialize(d).map(std::time::Duration::from_millis)
}

impl TagFilter {
    /// A filter on `tags` combined with `mode`.
    pub fn new(tags: impl IntoIterator<Item = impl Into<String>>, mode: TagsMode) -> Self {
        TagFilter {
            tags: tags.into_iter().map(Into::into).collect(),
            mode: Some(mode),
        }
    }

    pub(crate) fn query(&self) -> Vec<(&'static str, String)> {
        let mut q: Vec<(&'static str, String)> =
            self.tags.iter().map(|t| ("tags", t.clone())).collect();
        if let Some(mode) = &self.mode {
            q.push(("tags_mode", mode.as_str().to_owned()));
        }
        q
    }
}

/// The receipt of a delete: `{id, deleted_at}` (either may be absent; tag removals send only
/// `deleted_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deleted {
    /// The deleted resource's id.
    #[serde(default)]
    pub id: Option<String>,
    /// When it was deleted (ISO-8601).
    #[serde(default)]
    pub deleted_at: Option<String>,
}

/// `{"data": [...]}`.
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub(crate) struct DataList<T> {
    #[serde(default, deserialize_with = "null_as_default")]
    pub(crate) data: Vec<T>,
}

/// Reads `null` as the type's default (an empty list, for example).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Tag lists in responses: tag names, or tag objects with a `name`.
pub(crate) fn tag_names<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item {
        Name(String),
        Object { name: String },
    }
    let items: Option<Vec<Item>> = Option::deserialize(d)?;
    Ok(items
        .unwrap_or_default()
        .into_iter()
        .map(|i| match i {
            Item::Name(n) | Item::Object { name: n } => n,
        })
        .collect())
}

/// Refuses an empty or blank id before it becomes a path segment.
pub(crate) fn require_id<'a>(argument: &str, id: &'a str) -> Result<&'a str> {
    if id.trim().is_empty() {
        Err(Error::invalid_argument(argument, "must not be empty"))
    } else {
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_filter_repeats_the_key() {
        let f = TagFilter::new(["crm", "sales"], TagsMode::Any);
        assert_eq!(
            f.query(),
            vec![
                ("tags", "crm".to_owned()),
                ("tags", "sales".to_owned()),
                ("tags_mode", "any".to_owned())
            ]
        );
        assert!(TagFilter::default().query().is_empty());
    }

    #[test]
    fn tag_lists_accept_names_objects_and_null() {
        #[derive(Deserialize)]
        struct T {
            #[serde(default, deserialize_with = "tag_names")]
            tags: Vec<String>,
        }
        let t: T = serde_json::from_str(r#"{"tags": ["a", {"id": "1", "name": "b"}]}"#).unwrap();
        assert_eq!(t.tags, vec!["a", "b"]);
        let t: T = serde_json::from_str(r#"{"tags": null}"#).unwrap();
        assert!(t.tags.is_empty());
        let t: T = serde_json::from_str(r#"{}"#).unwrap();
        assert!(t.tags.is_empty());
    }
}
