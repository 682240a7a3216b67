//! Tokens: scoped and widget tokens minted by the operator, and their request and info
//! models. Token text is only reachable through the `expose_*` methods, never in a record
//! that a log line might print.

use std::sync::Arc;

use airbyte_embedded as core;

use crate::Result;
use crate::common::TagsMode;
use crate::operator::OperatorClient;

/// Body of `POST /embedded/scoped-token`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScopedTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// Region (UUID) of a workspace created now; `None` (the default) uses the client
    /// config's region, else the service's (US).
    #[uniffi(default)]
    pub region_id: Option<String>,
    /// Send the name under the early-2026 key `customer_name` instead of `workspace_name`
    /// (default `false`), for deployments whose `/account/applications/scoped-token` route
    /// requires that key; set it together with the `Applications` token routes.
    #[uniffi(default = false)]
    pub send_as_customer_name: bool,
}

impl From<ScopedTokenRequest> for core::ScopedTokenRequest {
    fn from(r: ScopedTokenRequest) -> Self {
        core::ScopedTokenRequest {
            workspace_name: r.workspace_name,
            region_id: r.region_id,
            send_as_customer_name: r.send_as_customer_name,
        }
    }
}

/// Body of `POST /embedded/widget-token`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WidgetTokenRequest {
    /// The end user's workspace name; a new name creates the workspace.
    pub workspace_name: String,
    /// The exact origin the widget is embedded in: scheme + host + optional port, no path, no
    /// trailing slash, no wildcard (`https://app.example.com`, `http://localhost:3000`), or
    /// `null`. Checked before anything is sent.
    pub allowed_origin: String,
    /// Region (UUID) of a workspace created now; `None` (the default) as for scoped tokens.
    #[uniffi(default)]
    pub region_id: Option<String>,
    /// Tags choosing which source templates the widget offers (empty, the default: all).
    #[uniffi(default)]
    pub selected_source_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends `any`.
    #[uniffi(default)]
    pub selected_source_template_tags_mode: Option<TagsMode>,
    /// Tags choosing which connection templates apply (empty, the default: all).
    #[uniffi(default)]
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends `any`.
    #[uniffi(default)]
    pub selected_connection_template_tags_mode: Option<TagsMode>,
    /// Send the name under the early-2026 key `customer_name` instead of `workspace_name`
    /// (default `false`), as for scoped tokens.
    #[uniffi(default = false)]
    pub send_as_customer_name: bool,
}

impl From<WidgetTokenRequest> for core::WidgetTokenRequest {
    fn from(r: WidgetTokenRequest) -> Self {
        let mut out = core::WidgetTokenRequest::new(r.workspace_name, r.allowed_origin);
        out.region_id = r.region_id;
        out.selected_source_template_tags = r.selected_source_template_tags;
        if let Some(mode) = r.selected_source_template_tags_mode {
            out.selected_source_template_tags_mode = mode.into();
        }
        out.selected_connection_template_tags = r.selected_connection_template_tags;
        if let Some(mode) = r.selected_connection_template_tags_mode {
            out.selected_connection_template_tags_mode = mode.into();
        }
        out.send_as_customer_name = r.send_as_customer_name;
        out
    }
}

/// What a scoped token reaches: `GET /embedded/scoped-token/info`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScopedTokenInfo {
    /// The organisation.
    pub organization_id: Option<String>,
    /// The workspace.
    pub workspace_id: String,
    /// The workspace's name (2026 service versions, which call it the customer name; `None`
    /// when the service omits it).
    #[uniffi(default)]
    pub customer_name: Option<String>,
}

impl From<core::ScopedTokenInfo> for ScopedTokenInfo {
    fn from(i: core::ScopedTokenInfo) -> Self {
        ScopedTokenInfo {
            organization_id: i.organization_id,
            workspace_id: i.workspace_id,
            customer_name: i.customer_name,
        }
    }
}

/// A scoped token: reaches one end-user workspace, safe to hand to that user's browser or
/// app (lifetime 20 minutes on the service). Its text is only returned by `expose()`.
#[derive(uniffi::Object)]
pub struct ScopedToken {
    inner: core::ScopedToken,
}

#[uniffi::export]
impl ScopedToken {
    /// Wraps a scoped token received from elsewhere (for example the operator's backend).
    /// Claims are read without verifying the signature; the service verifies.
    #[uniffi::constructor]
    pub fn new(token: String) -> Arc<Self> {
        Arc::new(ScopedToken {
            inner: core::ScopedToken::new(token),
        })
    }

    /// The token text, to send to the end user's app. Never log it.
    pub fn expose(&self) -> String {
        self.inner.expose().to_owned()
    }

    /// The workspace the token reaches (JWT claim `io.airbyte.auth.workspace_scope`), when
    /// the token is a readable JWT.
    pub fn workspace_id(&self) -> Option<String> {
        self.inner.workspace_id().map(str::to_owned)
    }

    /// Expiry in Unix seconds (JWT claim `exp`), when the token is a readable JWT.
    pub fn expires_at_unix(&self) -> Option<u64> {
        self.inner.expires_at_unix()
    }

    /// The JWT `roles` claim (`["EMBEDDED_END_USER"]` for a scoped token).
    pub fn roles(&self) -> Vec<String> {
        self.inner.claims().roles.clone()
    }
}

/// A decoded widget token: the scoped token it carries and the URL of the embedded widget.
#[derive(uniffi::Object)]
pub struct WidgetToken {
    inner: core::WidgetToken,
}

#[uniffi::export]
impl WidgetToken {
    /// Decodes a widget token: standard or URL-safe base64, padded or not, of
    /// `{"token": "<scoped JWT>", "widgetUrl": "<url>"}`; surrounding whitespace is ignored.
    ///
    /// # Errors
    /// `AirbyteError.InvalidWidgetToken` when the text is not base64, not JSON, or lacks a
    /// non-empty `token` or `widgetUrl`. The error never quotes the token.
    #[uniffi::constructor]
    pub fn decode(raw: String) -> Result<Arc<Self>> {
        Ok(Arc::new(WidgetToken {
            inner: core::WidgetToken::decode(&raw)?,
        }))
    }

    /// The URL of the embedded widget.
    pub fn widget_url(&self) -> String {
        self.inner.widget_url().to_owned()
    }

    /// The widget token exactly as the service sent it (what the widget is given). Never log
    /// it.
    pub fn expose_raw(&self) -> String {
        self.inner.expose_raw().to_owned()
    }

    /// The scoped token inside the widget token, with its claims.
    pub fn scoped_token(&self) -> Arc<ScopedToken> {
        ScopedToken::new(self.inner.expose_scoped_token().to_owned())
    }
}

/// Checks that `origin` is an exact origin as the widget-token endpoint expects: `http` or
/// `https` + host + optional port, with no path, trailing slash, query, credentials or
/// wildcard — or the literal `null`. Sends nothing.
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming `allowed_origin` and what is wrong with it.
#[uniffi::export]
pub fn validate_allowed_origin(origin: String) -> Result<()> {
    Ok(core::validate_allowed_origin(&origin)?)
}

#[uniffi::export]
impl OperatorClient {
    /// Mints a new scoped token for one end user's workspace, creating the workspace if the
    /// name is new; each call mints a fresh token (see `scoped_token` for a cached one).
    /// `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
    /// UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
    /// `AirbyteError.ClientClosed` after `close()`.
    pub fn mint_scoped_token(&self, request: ScopedTokenRequest) -> Result<Arc<ScopedToken>> {
        let token = self.core()?.mint_scoped_token(&request.into())?;
        Ok(Arc::new(ScopedToken { inner: token }))
    }

    /// A scoped token for `workspace_name` from this client's cache, minted when missing or
    /// near expiry. Concurrent callers for one workspace share one mint.
    ///
    /// # Errors
    /// As `mint_scoped_token`.
    pub fn scoped_token(&self, workspace_name: String) -> Result<Arc<ScopedToken>> {
        let token = self.core()?.scoped_token(&workspace_name)?;
        Ok(Arc::new(ScopedToken { inner: token }))
    }

    /// Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
    /// decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `allowed_origin`, `workspace_name` or
    /// `region_id` (nothing sent); `AirbyteError.Validation`;
    /// `AirbyteError.InvalidWidgetToken` when the answer does not decode;
    /// `AirbyteError.ClientClosed` after `close()`.
    pub fn mint_widget_token(&self, request: WidgetTokenRequest) -> Result<Arc<WidgetToken>> {
        let token = self.core()?.mint_widget_token(&request.into())?;
        Ok(Arc::new(WidgetToken { inner: token }))
    }
}
