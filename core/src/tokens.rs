//! Token request and response models: scoped tokens, widget tokens and scoped-token info.
//!
//! # `workspace_name` or `customer_name`
//!
//! Service versions disagree on what the scoped- and widget-token bodies call the end user's
//! workspace name: the 2025 `/embedded/*` routes (and mid-2026 docs) say `workspace_name`; the
//! early-2026 `/account/applications/*` routes require `customer_name` ("workspace name,
//! previously named external_user_id"), which later versions still accept as a deprecated
//! alias. The SDK sends `workspace_name` unless the request's `send_as_customer_name` is set
//! ([`ScopedTokenRequest::send_as_customer_name`], [`WidgetTokenRequest::send_as_customer_name`]):
//! then the same name goes under `customer_name` instead, and `workspace_name` is not sent
//! (one key, never both, so no version sees two names). Set it together with
//! [`crate::TokenRoutes::Applications`] for a deployment that wants `customer_name`.

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::common::TagsMode;

pub(crate) mod endpoints;

/// The body key carrying the workspace name.
fn name_key(send_as_customer_name: bool) -> &'static str {
    if send_as_customer_name {
        "customer_name"
    } else {
        "workspace_name"
    }
}

/// Body of `POST /embedded/scoped-token` (`/account/applications/scoped-token`):
/// `{workspace_name | customer_name, region_id?}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScopedTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// Region of a workspace created now ([`crate::REGION_US`] when unset, unless the client
    /// config names a region).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub region_id: Option<String>,
    /// Sends the name under the early-2026 key `customer_name` instead of `workspace_name`
    /// (default `false`; see the [module docs](self)).
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub send_as_customer_name: bool,
}

impl ScopedTokenRequest {
    /// A request for `workspace_name` in the default region.
    pub fn new(workspace_name: impl Into<String>) -> Self {
        ScopedTokenRequest {
            workspace_name: workspace_name.into(),
            region_id: None,
            send_as_customer_name: false,
        }
    }

    /// Sends the name as `customer_name` instead of `workspace_name`, for deployments whose
    /// `/account/applications/scoped-token` route requires that key (the early-2026 spec).
    pub fn send_as_customer_name(mut self) -> Self {
        self.send_as_customer_name = true;
        self
    }
}

impl Serialize for ScopedTokenRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(name_key(self.send_as_customer_name), &self.workspace_name)?;
        if let Some(region) = &self.region_id {
            m.serialize_entry("region_id", region)?;
        }
        m.end()
    }
}

/// Body of `POST /embedded/widget-token` (`/account/applications/widget-token`).
///
/// Its JSON form (the C ABI's `request_json`) needs `workspace_name` and `allowed_origin`;
/// every other field is optional and unknown fields are refused. `send_as_customer_name` is
/// not part of it: the C ABI always sends `workspace_name`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WidgetTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// The exact origin the widget is embedded in (`https://app.example.com`,
    /// `http://localhost:3000`, or `null`); checked before sending.
    pub allowed_origin: String,
    /// Region of a workspace created now.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub region_id: Option<String>,
    /// Tags choosing which source templates the widget offers (empty: all).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_source_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends [`TagsMode::Any`].
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_source_template_tags_mode: Option<TagsMode>,
    /// Tags choosing which connection templates apply (empty: all).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends [`TagsMode::Any`].
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags_mode: Option<TagsMode>,
    /// Sends the name under the early-2026 key `customer_name` instead of `workspace_name`
    /// (default `false`; see the [module docs](self)).
    #[serde(skip_deserializing)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub send_as_customer_name: bool,
}

impl WidgetTokenRequest {
    /// A request for `workspace_name` embedded at `allowed_origin`, with no tag selection.
    pub fn new(workspace_name: impl Into<String>, allowed_origin: impl Into<String>) -> Self {
        WidgetTokenRequest {
            workspace_name: workspace_name.into(),
            allowed_origin: allowed_origin.into(),
            region_id: None,
            selected_source_template_tags: Vec::new(),
            selected_source_template_tags_mode: None,
            selected_connection_template_tags: Vec::new(),
            selected_connection_template_tags_mode: None,
            send_as_customer_name: false,
        }
    }

    /// Sends the name as `customer_name` instead of `workspace_name`, for deployments whose
    /// `/account/applications/widget-token` route requires that key (the early-2026 spec).
    pub fn send_as_customer_name(mut self) -> Self {
        self.send_as_customer_name = true;
        self
    }
}

impl Serialize for WidgetTokenRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(name_key(self.send_as_customer_name), &self.workspace_name)?;
        m.serialize_entry("allowed_origin", &self.allowed_origin)?;
        if let Some(region) = &self.region_id {
            m.serialize_entry("region_id", region)?;
        }
        m.serialize_entry(
            "selected_source_template_tags",
            &self.selected_source_template_tags,
        )?;
        m.serialize_entry(
            "selected_source_template_tags_mode",
            self.selected_source_template_tags_mode
                .as_ref()
                .unwrap_or(&TagsMode::Any),
        )?;
        m.serialize_entry(
            "selected_connection_template_tags",
            &self.selected_connection_template_tags,
        )?;
        m.serialize_entry(
            "selected_connection_template_tags_mode",
            self.selected_connection_template_tags_mode
                .as_ref()
                .unwrap_or(&TagsMode::Any),
        )?;
        m.end()
    }
}

/// `{token}`: the response of the scoped- and widget-token routes.
#[derive(Deserialize)]
pub(crate) struct TokenBody {
    pub(crate) token: String,
}

/// What a scoped token reaches: `GET /embedded/scoped-token/info`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScopedTokenInfo {
    /// The organisation.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organization_id: Option<String>,
    /// The workspace.
    pub workspace_id: String,
    /// The workspace's name (2026 service versions, which call it the customer name; `None`
    /// when the service omits it).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_name: Option<String>,
}

/// The operator token response of `POST /account/applications/token`:
/// `{access_token, token_type, expires_in, organization_id?}`. `Debug` hides the token.
#[derive(Clone, Deserialize)]
pub struct TokenResponse {
    access_token: String,
    /// The token type, `bearer` as documented.
    #[serde(default)]
    pub token_type: Option<String>,
    /// Lifetime in seconds (900 as documented).
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The organisation the token acts for (2026 service versions; `None` when omitted or
    /// `null`).
    #[serde(default)]
    pub organization_id: Option<String>,
}

impl TokenResponse {
    /// The token text. Keep it out of logs.
    pub fn expose_access_token(&self) -> &str {
        &self.access_token
    }

    pub(crate) fn into_access_token(self) -> String {
        self.access_token
    }
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &"[REDACTED]")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("organization_id", &self.organization_id)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn body(v: &impl Serialize) -> Value {
        serde_json::to_value(v).unwrap()
    }

    #[test]
    fn the_name_goes_under_one_key() {
        let r = ScopedTokenRequest::new("acme");
        assert_eq!(body(&r), json!({"workspace_name": "acme"}));
        let r = ScopedTokenRequest {
            region_id: Some("r".into()),
            ..ScopedTokenRequest::new("acme").send_as_customer_name()
        };
        assert_eq!(body(&r), json!({"customer_name": "acme", "region_id": "r"}));
        let w = WidgetTokenRequest::new("acme", "https://a.example").send_as_customer_name();
        let b = body(&w);
        assert_eq!(b["customer_name"], "acme");
        assert!(b.get("workspace_name").is_none());
        assert_eq!(b["allowed_origin"], "https://a.example");
        assert_eq!(b["selected_source_template_tags_mode"], "any");
        assert!(b.get("region_id").is_none());
        let w = WidgetTokenRequest::new("acme", "https://a.example");
        assert_eq!(body(&w)["workspace_name"], "acme");
    }
}
