//! Source and check models.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::common::{TagsMode, null_as_default};
use crate::integrations::{SourceTemplate, SourceTemplateSummary};
use crate::open_enum::open_enum;

/// An end user's source. `source_config` comes back with every `airbyte_secret` masked as
/// `**********`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Source {
    /// Source id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The template it was made from.
    #[serde(default)]
    pub source_template: Option<SourceTemplate>,
    /// The merged config (template defaults + user config), raw JSON, secrets masked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub source_config: Map<String, Value>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

crate::redact::keys_only_debug!(Source {
    id: shown,
    name: shown,
    source_template: shown,
    source_config: config,
    created_at: shown,
    updated_at: shown,
});
crate::redact::display_via_debug!(SourceCreate, SourceUpdate);

/// A source in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceSummary {
    /// Source id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The template it was made from.
    #[serde(default)]
    pub summarized_source_template: Option<SourceTemplateSummary>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Body of `POST …/sources` and `POST …/sources/check`. `Debug` hides config values.
///
/// Its JSON form (the C ABI's `source_json`) needs `workspace_id` and `source_template_id`;
/// every other field is optional (`source_config` defaults to `{}`) and unknown fields are
/// refused.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SourceCreate {
    /// The end user's workspace.
    pub workspace_id: String,
    /// The source template to use.
    pub source_template_id: String,
    /// Only what the template does not default (raw JSON, sent byte for byte); the service
    /// merges it over the template's `partial_default_config`.
    #[serde(default)]
    pub source_config: Map<String, Value>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Tags choosing which connection templates apply (empty: all of them).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends [`TagsMode::Any`].
    #[serde(default, serialize_with = "crate::common::mode_or_any")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags_mode: Option<TagsMode>,
}

impl SourceCreate {
    /// A source from `source_template_id` in `workspace_id` with `source_config`.
    pub fn new(
        workspace_id: impl Into<String>,
        source_template_id: impl Into<String>,
        source_config: Map<String, Value>,
    ) -> Self {
        SourceCreate {
            workspace_id: workspace_id.into(),
            source_template_id: source_template_id.into(),
            source_config,
            name: None,
            selected_connection_template_tags: Vec::new(),
            selected_connection_template_tags_mode: None,
        }
    }

    /// Sets the display name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

impl std::fmt::Debug for SourceCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceCreate")
            .field("workspace_id", &self.workspace_id)
            .field("source_template_id", &self.source_template_id)
            .field(
                "source_config",
                &crate::redact::KeysOnly(&self.source_config),
            )
            .field("name", &self.name)
            .field(
                "selected_connection_template_tags",
                &self.selected_connection_template_tags,
            )
            .field(
                "selected_connection_template_tags_mode",
                &self.selected_connection_template_tags_mode,
            )
            .finish()
    }
}

/// Body of `PUT …/sources/{id}` and `POST …/sources/{id}/check`: only the fields set are
/// sent. `Debug` hides config values.
///
/// Its JSON form (the C ABI's `update_json`): every field optional, unknown fields refused.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SourceUpdate {
    /// New display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The new user config (what the template does not default), raw JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub source_config: Option<Map<String, Value>>,
}

impl std::fmt::Debug for SourceUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceUpdate")
            .field("name", &self.name)
            .field(
                "source_config",
                &self.source_config.as_ref().map(crate::redact::KeysOnly),
            )
            .finish()
    }
}

/// A started check job: `{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckJob {
    /// Check job id, for [`crate::Sources::check_status`].
    pub id: String,
}

open_enum! {
    /// Where a check job stands.
    pub enum CheckState {
        /// Queued.
        Pending => "pending",
        /// Running.
        Running => "running",
        /// Stopped before an answer.
        Cancelled => "cancelled",
        /// Finished: the connector refused the config (credentials rejected, host unreachable…).
        Failed => "failed",
        /// Finished: the config works.
        Succeeded => "succeeded",
    }
}

impl CheckState {
    /// Whether the job has finished: `cancelled`, `failed` or `succeeded`, the service's only
    /// terminal states. A value this SDK does not know (`queued`, …) is not terminal: the
    /// service may add intermediate states, and taking one as final would end a wait with no
    /// answer, so [`crate::Sources::wait_for_check`] keeps polling until its timeout.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            CheckState::Cancelled | CheckState::Failed | CheckState::Succeeded
        )
    }
}

/// Why a check failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FailureReason {
    /// When it failed, as the service sent it (milliseconds since the epoch or ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timestamp: Option<Value>,
    /// Which side failed: one of the spec's `FailureOrigin` values (`source`, `destination`,
    /// `replication`, `normalization`, `dbt`, `persistence`, `airbyte_platform`, `unknown`),
    /// or any newer one, as sent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub failure_origin: Option<String>,
    /// The kind of failure: one of the spec's `FailureType` values (`config_error`,
    /// `transient_error`, `system_error`, `destination_timeout`, `heartbeat_timeout`,
    /// `manual_cancellation`, `refresh_schema`), or any newer one, as sent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub failure_type: Option<String>,
    /// A message for the end user.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub external_message: Option<String>,
    /// A message for the operator.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub internal_message: Option<String>,
    /// Whether running the check again may help.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub retryable: Option<bool>,
    /// The connector's stack trace, for the operator (may be long).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stacktrace: Option<String>,
    /// Whether the failure came from a trace message the connector emitted.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from_trace_message: Option<bool>,
    /// The stream the failure concerns, when it concerns one.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stream_descriptor: Option<StreamDescriptor>,
}

/// A stream named in a [`FailureReason`]: `{name, namespace?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamDescriptor {
    /// Stream name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Stream namespace.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub namespace: Option<String>,
}

/// A check job's status. `status: failed` is a normal answer (the config does not work), not
/// an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "CheckStatusWire")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckStatus {
    /// Check job id.
    pub id: String,
    /// Where the job stands.
    pub status: CheckState,
    /// The failure message, when failed: the body's `error_message`, or its `message` when
    /// `error_message` is absent or `null` (some service versions send only `message`).
    pub error_message: Option<String>,
    /// Details of the failure, when failed.
    pub failure_reason: Option<FailureReason>,
    /// A friendlier explanation, when the service has one (raw JSON: text or an object).
    pub enhanced_error_message: Option<Value>,
}

/// [`CheckStatus`] as the service sends it, before the failure text is picked.
#[derive(Deserialize)]
struct CheckStatusWire {
    id: String,
    status: CheckState,
    #[serde(default)]
    error_message: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    failure_reason: Option<FailureReason>,
    #[serde(default)]
    enhanced_error_message: Option<Value>,
}

impl From<CheckStatusWire> for CheckStatus {
    fn from(wire: CheckStatusWire) -> Self {
        CheckStatus {
            id: wire.id,
            status: wire.status,
            error_message: wire.error_message.or(wire.message),
            failure_reason: wire.failure_reason,
            enhanced_error_message: wire.enhanced_error_message,
        }
    }
}
