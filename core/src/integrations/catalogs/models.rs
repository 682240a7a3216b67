//! Stream catalog models (`SonarCatalog`, `SonarStream`, `PatchOp`, SERVICE-FACTS §7.6). Every
//! model keeps the fields it does not name in `other`, so a catalog read, changed and sent back
//! loses nothing the service sent.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::common::null_as_default;
use crate::open_enum::open_enum;

open_enum! {
    /// What a stream's records are about (the service's `DataCategory`).
    pub enum DataCategory {
        /// Users.
        User => "user",
        /// Contacts.
        Contact => "contact",
        /// People.
        Person => "person",
        /// Accounts.
        Account => "account",
        /// Cohorts.
        Cohort => "cohort",
        /// Institutions.
        Institution => "institution",
        /// Campaigns.
        Campaign => "campaign",
        /// Leads.
        Lead => "lead",
        /// Transactions.
        Transaction => "transaction",
        /// Comments.
        Comment => "comment",
        /// Events.
        Event => "event",
        /// Log lines.
        Log => "log",
        /// Files.
        File => "file",
        /// Subscriptions.
        Subscription => "subscription",
        /// Permissions.
        Permissions => "permissions",
        /// Attributes.
        Attribute => "attribute",
        /// Settings.
        Settings => "settings",
        /// Custom data.
        Custom => "custom",
        /// Products.
        Product => "product",
        /// Locations.
        Location => "location",
        /// Tasks.
        Task => "task",
        /// Metrics.
        Metric => "metric",
        /// Other objects.
        Object => "object",
        /// A category of the service's older catalogs.
        Legacy => "legacy",
    }
}

open_enum! {
    /// How a source definition's catalog is made (`SonarCatalogSchemaType`).
    pub enum CatalogType {
        /// Fixed streams with fixed schemas.
        Structured => "structured",
        /// Files without a schema.
        Unstructured => "unstructured",
        /// Streams discovered per source.
        Dynamic => "dynamic",
        /// Streams the operator defines.
        Customizable => "customizable",
    }
}

/// A field carrying a tag (`FieldTag`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldTag {
    /// The field.
    pub field_name: String,
    /// The tag.
    pub tag: String,
}

/// A field referring to another stream's field (`ForeignKey`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ForeignKey {
    /// The referring field.
    pub field_name: String,
    /// The stream referred to.
    pub referenced_stream_name: String,
    /// The field referred to.
    pub referenced_field_name: String,
    /// Whether the reference builds a hierarchy (a parent in the same stream).
    pub is_hierarchical: bool,
}

/// One stream of a catalog (`SonarStream`). Every field is optional in the contract; `name`
/// identifies the stream in `…/streams/{stream_name}` routes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SonarStream {
    /// Stream name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// What the stream holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub description: Option<String>,
    /// What its records are about.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub data_category: Option<DataCategory>,
    /// Whether the stream is offered by default (the service's default: `false`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suggested: bool,
    /// Whether its records are metrics (default `false`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_metric: bool,
    /// Cursor field path for incremental syncs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cursor_fields: Option<Vec<String>>,
    /// Primary key: a list of field paths.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub primary_key_fields: Option<Vec<Vec<String>>>,
    /// Fields holding personal data.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pii_fields: Option<Vec<String>>,
    /// Fields that never change once written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub immutable_fields: Option<Vec<String>>,
    /// Tagged fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub field_tags: Option<Vec<FieldTag>>,
    /// References to other streams.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub foreign_keys: Option<Vec<ForeignKey>>,
    /// The records' JSON Schema, raw JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub json_schema: Option<Map<String, Value>>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A stream catalog (`SonarCatalog`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SonarCatalog {
    /// The streams.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub streams: Vec<SonarStream>,
    /// Names of the selected streams (deprecated by the service; `GET …?selected=true` lists
    /// only these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_streams: Option<Vec<String>>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// One RFC 6902 JSON Patch operation (`PatchOp`): `op` is `add`, `remove`, `replace`, `move`,
/// `copy` or `test`; `path` a JSON pointer into the catalog (or stream); `value` the operand.
///
/// Its JSON form: `{"op", "path", "value"?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PatchOp {
    /// The operation.
    pub op: String,
    /// JSON pointer to the target, e.g. `/streams/0/suggested`.
    pub path: String,
    /// The operand (for `add`, `replace`, `test`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub value: Option<Value>,
}

impl PatchOp {
    /// An operation with a value (`add`, `replace`, `test`).
    pub fn new(op: impl Into<String>, path: impl Into<String>, value: Value) -> Self {
        PatchOp {
            op: op.into(),
            path: path.into(),
            value: Some(value),
        }
    }

    /// A `remove` of `path`.
    pub fn remove(path: impl Into<String>) -> Self {
        PatchOp {
            op: "remove".to_owned(),
            path: path.into(),
            value: None,
        }
    }
}

/// A source template's catalog (`SourceTemplateCatalogGetResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TemplateCatalog {
    /// Catalog id.
    pub id: String,
    /// The template.
    #[serde(default)]
    pub source_template_id: Option<String>,
    /// The catalog; `None` when the template has none.
    #[serde(default)]
    pub sonar_catalog: Option<SonarCatalog>,
}

/// A source definition's catalog (`SourceDefinitionCatalogGetResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DefinitionCatalog {
    /// Catalog id.
    pub id: String,
    /// The connector's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The definition.
    #[serde(default)]
    pub source_definition_id: Option<String>,
    /// The catalog; `None` when the definition has none.
    #[serde(default)]
    pub sonar_catalog: Option<SonarCatalog>,
    /// How the catalog is made.
    #[serde(default)]
    pub catalog_type: Option<CatalogType>,
    /// Whether discovery no longer overwrites it (default `false`).
    #[serde(default)]
    pub blessed: bool,
}

/// What deleting a stream returns (`…StreamDeleteResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamDeleted {
    /// The stream.
    pub stream_name: String,
    /// When it was removed (ISO-8601).
    #[serde(default)]
    pub deleted_at: Option<String>,
}
