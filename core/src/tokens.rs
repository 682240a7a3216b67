//! Token request and response models: scoped tokens, widget tokens and scoped-token info.

use serde::{Deserialize, Serialize};

use crate::common::TagsMode;

/// Body of `POST /embedded/scoped-token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopedTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// Region of a workspace created now ([`crate::REGION_US`] when unset, unless the client
    /// config names a region).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
}

impl ScopedTokenRequest {
    /// A request for `workspace_name` in the default region.
    pub fn new(workspace_name: impl Into<String>) -> Self {
        ScopedTokenRequest {
            workspace_name: workspace_name.into(),
            region_id: None,
        }
    }
}

/// Body of `POST /embedded/widget-token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WidgetTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// The exact origin the widget is embedded in (`https://app.example.com`,
    /// `http://localhost:3000`, or `null`); checked before sending.
    pub allowed_origin: String,
    /// Region of a workspace created now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Tags choosing which source templates the widget offers (empty: all).
    pub selected_source_template_tags: Vec<String>,
    /// How those tags combine; defaults to [`TagsMode::Any`].
    pub selected_source_template_tags_mode: TagsMode,
    /// Tags choosing which connection templates apply (empty: all).
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; defaults to [`TagsMode::Any`].
    pub selected_connection_template_tags_mode: TagsMode,
}

impl WidgetTokenRequest {
    /// A request for `workspace_name` embedded at `allowed_origin`, with no tag selection.
    pub fn new(workspace_name: impl Into<String>, allowed_origin: impl Into<String>) -> Self {
        WidgetTokenRequest {
            workspace_name: workspace_name.into(),
            allowed_origin: allowed_origin.into(),
            region_id: None,
            selected_source_template_tags: Vec::new(),
            selected_source_template_tags_mode: TagsMode::Any,
            selected_connection_template_tags: Vec::new(),
            selected_connection_template_tags_mode: TagsMode::Any,
        }
    }
}

/// `{token}`: the response of the scoped- and widget-token routes.
#[derive(Deserialize)]
pub(crate) struct TokenBody {
    pub(crate) token: String,
}

/// What a scoped token reaches: `GET /embedded/scoped-token/info`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopedTokenInfo {
    /// The organisation.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// The workspace.
    pub workspace_id: String,
}
