//! Tokens: scoped and widget tokens minted by the operator, and their request and info
//! models. Token text is only reachable through the `expose_*` methods, never in a record
//! that a log line might print.

use crate::models::{ScopedTokenRequest, WidgetTokenRequest};
use std::sync::Arc;

use airbyte_embedded as core;

use crate::Result;
use crate::operator::{AsyncOperatorClient, OperatorClient};
use crate::twin::twin;

/// A scoped token: reaches one end-user workspace, safe to hand to that user's browser or
/// app (lifetime 20 minutes on the service). Its text is only returned by `expose()`.
#[derive(uniffi::Object)]
pub struct ScopedToken {
    inner: core::ScopedToken,
}

impl ScopedToken {
    /// The facade object of a core token.
    pub(crate) fn from_core(inner: core::ScopedToken) -> Arc<Self> {
        Arc::new(ScopedToken { inner })
    }
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
    pub fn expires_at_unix(&self) -> Option<i64> {
        self.inner.expires_at_unix().map(crate::signed)
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
    core::validate_allowed_origin(&origin)
}

twin! {
    impl OperatorClient => AsyncOperatorClient {
        awaited {
            /// Mints a new scoped token for one end user's workspace, creating the workspace if the
            /// name is new; each call mints a fresh token (see `scoped_token` for a cached one).
            /// `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
            /// UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
            /// `AirbyteError.ClientClosed` after `close()`.
            pub fn mint_scoped_token(&self, request: ScopedTokenRequest) -> Result<Arc<ScopedToken>> {
                let token = self.core()?.mint_scoped_token(&request)?;
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
                let token = self.core()?.mint_widget_token(&request)?;
                Ok(Arc::new(WidgetToken { inner: token }))
            }
        }
    }
}
