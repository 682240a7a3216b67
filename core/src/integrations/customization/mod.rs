//! A source template's `customization` (`SourceTemplateCustomization`, SERVICE-FACTS §7.2):
//! which streams its sources sync, per-stream primary keys and cursors, and the mappers applied
//! to each stream's records. Every model keeps the fields it does not name, so a template read,
//! changed and sent back loses nothing the service sent.

mod mappers;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use mappers::{
    EncryptionConfig, FieldFilteringConfig, FieldRenamingConfig, HashingConfig, HashingMethod,
    RowFilterCondition, RowFilteringConfig, StreamMapper,
};

use crate::open_enum::open_enum;
use crate::{Error, Result};

open_enum! {
    /// Which streams a source made from a template syncs.
    pub enum StreamSelectionMode {
        /// Every stream.
        All => "all",
        /// The connector's suggested streams (the service's default).
        Suggested => "suggested",
        /// Only the streams in `stream_whitelist`.
        Whitelist => "whitelist",
    }
}

/// One stream's primary key and cursor, overriding the connector's (`StreamCustomization`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamCustomization {
    /// Primary key: a list of field paths (`[["id"]]`, `[["account", "id"], ["ts"]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub primary_key_fields: Option<Vec<Vec<String>>>,
    /// Cursor field path for incremental syncs (`["updated_at"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cursor_field: Option<Vec<String>>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// How sources made from a template select and shape streams. `Debug` shows the keys of the
/// fields the SDK does not model, not their values.
///
/// Its JSON form: `{"stream_selection_mode"?: "all"|"suggested"|"whitelist",
/// "stream_whitelist"?: [name...], "stream_customizations"?: {stream: StreamCustomization},
/// "stream_mappers"?: {stream: [StreamMapper...]}, ...}`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Customization {
    /// The selection mode; the service defaults to `suggested`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stream_selection_mode: Option<StreamSelectionMode>,
    /// Stream names; required and non-empty with [`StreamSelectionMode::Whitelist`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stream_whitelist: Option<Vec<String>>,
    /// Per-stream primary key and cursor, by stream name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stream_customizations: Option<HashMap<String, StreamCustomization>>,
    /// Per-stream mappers (hashing, renaming, filtering, encryption), applied in order, by
    /// stream name. A mapper of a kind this SDK does not know, or of a shape it cannot read,
    /// is kept whole as [`StreamMapper::Unknown`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stream_mappers: Option<HashMap<String, Vec<StreamMapper>>>,
    /// Every other field, as the service sent it: kept so that a read → change → update round
    /// trip sends it back unchanged.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl std::fmt::Debug for Customization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Customization")
            .field("stream_selection_mode", &self.stream_selection_mode)
            .field("stream_whitelist", &self.stream_whitelist)
            .field("stream_customizations", &self.stream_customizations)
            .field("stream_mappers", &self.stream_mappers)
            .field("other", &crate::redact::KeysOnly(&self.other))
            .finish()
    }
}

impl Customization {
    /// Refuses what the service would refuse, before anything is sent.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `customization.stream_whitelist` for a whitelist
    /// mode without streams, or `customization.stream_mappers.<stream>` for a mapper whose
    /// field names are empty.
    pub(crate) fn check(&self) -> Result<()> {
        let whitelist_empty = self.stream_whitelist.as_ref().is_none_or(Vec::is_empty);
        if self.stream_selection_mode == Some(StreamSelectionMode::Whitelist) && whitelist_empty {
            return Err(Error::invalid_argument(
                "customization.stream_whitelist",
                "must list at least one stream when stream_selection_mode is `whitelist`",
            ));
        }
        for (stream, mappers) in self.stream_mappers.iter().flatten() {
            for mapper in mappers {
                if let Some(why) = mapper.problem() {
                    return Err(Error::invalid_argument(
                        &format!("customization.stream_mappers.{stream}"),
                        why,
                    ));
                }
            }
        }
        Ok(())
    }
}
