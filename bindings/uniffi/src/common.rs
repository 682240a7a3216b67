//! Pieces shared by several API areas: JSON text in and out, the open-enum mirror, tag
//! filters and deletion receipts.

use airbyte_embedded as core;
use serde_json::{Map, Value};

use crate::{AirbyteError, Result};

/// Declares a uniffi enum mirroring one of the core's open enums, with an `Unknown { raw }`
/// case, and the conversions both ways.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident mirrors $core:ty {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this SDK version does not know yet, kept as the service sent it (and
            /// sent back unchanged).
            Unknown {
                /// The value as the service spells it.
                raw: String,
            },
        }

        #[uniffi::export]
        impl $name {
            /// The value as the service spells it (`"all"`, `"propagate_columns"`, or the raw
            /// text of an unknown value).
            pub fn wire_value(&self) -> String {
                <$core>::from(self.clone()).as_str().to_owned()
            }
        }

        impl From<$core> for $name {
            fn from(value: $core) -> Self {
                type Core = $core;
                match value {
                    $( Core::$variant => $name::$variant, )+
                    Core::Unknown(raw) => $name::Unknown { raw },
                }
            }
        }

        impl From<$name> for $core {
            fn from(value: $name) -> Self {
                type Core = $core;
                match value {
                    $( $name::$variant => Core::$variant, )+
                    $name::Unknown { raw } => Core::Unknown(raw),
                }
            }
        }
    };
}
pub(crate) use open_enum;

/// Parses JSON text that must be an object (a connector config).
///
/// # Errors
/// [`AirbyteError::InvalidArgument`] naming `argument` when the text is not a JSON object.
pub(crate) fn object(argument: &str, json: &str) -> Result<Map<String, Value>> {
    match value(argument, json)? {
        Value::Object(map) => Ok(map),
        other => Err(invalid_json(
            argument,
            format!("must be a JSON object, got {}", kind(&other)),
        )),
    }
}

/// Parses any JSON text (a spec, a config to mask).
///
/// # Errors
/// [`AirbyteError::InvalidArgument`] naming `argument` when the text is not JSON.
pub(crate) fn value(argument: &str, json: &str) -> Result<Value> {
    serde_json::from_str(json)
        .map_err(|e| invalid_json(argument, format!("is not valid JSON text: {e}")))
}

/// Parses optional JSON object text.
pub(crate) fn object_opt(argument: &str, json: Option<&str>) -> Result<Option<Map<String, Value>>> {
    json.map(|j| object(argument, j)).transpose()
}

/// Writes a JSON object as compact text, keys in their original order.
pub(crate) fn object_text(map: &Map<String, Value>) -> String {
    // Serialising a map of JSON values cannot fail.
    serde_json::to_string(map).unwrap_or_else(|_| String::from("{}"))
}

/// Writes a JSON value as compact text.
pub(crate) fn value_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

/// An `InvalidArgument` for JSON text; serde's message quotes the offending value, which may
/// be megabytes long or a secret, so it is bounded and scrubbed.
fn invalid_json(argument: &str, detail: String) -> AirbyteError {
    AirbyteError::InvalidArgument {
        argument: argument.to_owned(),
        detail: core::redact::clean(&detail),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

open_enum! {
    /// How a list of tags selects templates: every tag (`All`, wire `all`) or any one of them
    /// (`Any`, wire `any`). List filters default to `All`; the `selected_*_tags_mode` request
    /// fields default to `Any`.
    pub enum TagsMode mirrors core::TagsMode {
        /// Templates carrying every listed tag (`all`).
        All,
        /// Templates carrying at least one listed tag (`any`).
        Any,
    }
}

/// A tag filter for the template list endpoints (`?tags=crm&tags=sales&tags_mode=any`).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TagFilter {
    /// Tag names; empty (the default) means no filtering.
    #[uniffi(default)]
    pub tags: Vec<String>,
    /// How the tags combine; `None` (the default) leaves it to the service, which uses `All`.
    #[uniffi(default)]
    pub mode: Option<TagsMode>,
}

impl From<TagFilter> for core::TagFilter {
    fn from(f: TagFilter) -> Self {
        core::TagFilter {
            tags: f.tags,
            mode: f.mode.map(Into::into),
        }
    }
}

/// The receipt of a delete: `{id, deleted_at}` (either may be absent; tag removals send only
/// `deleted_at`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Deleted {
    /// The deleted resource's id.
    pub id: Option<String>,
    /// When it was deleted (ISO-8601 text, e.g. `2025-10-08T10:30:00Z`).
    pub deleted_at: Option<String>,
}

impl From<core::Deleted> for Deleted {
    fn from(d: core::Deleted) -> Self {
        Deleted {
            id: d.id,
            deleted_at: d.deleted_at,
        }
    }
}

/// Converts a core result into a facade result, mapping the value with `Into`.
pub(crate) fn conv<T, U: From<T>>(result: core::Result<T>) -> Result<U> {
    result.map(U::from).map_err(AirbyteError::from)
}

/// Converts a core list result into a facade list result.
pub(crate) fn conv_vec<T, U: From<T>>(result: core::Result<Vec<T>>) -> Result<Vec<U>> {
    result
        .map(|items| items.into_iter().map(U::from).collect())
        .map_err(AirbyteError::from)
}
