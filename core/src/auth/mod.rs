//! Token lifecycle: the sources the request layer asks for a valid token (the operator token,
//! cached and refreshed; a token the caller gave; scoped tokens the operator client mints),
//! scoped and widget tokens, and JWT claims. The calls that mint tokens are in
//! `tokens/endpoints.rs`.
//!
//! # The operator token
//!
//! An [`OperatorClient`](crate::OperatorClient) mints its token from the client credentials
//! on first use and caches it until `min(now + expires_in, JWT exp)` minus the refresh margin
//! ([`ClientConfigBuilder::token_refresh_margin`](crate::ClientConfigBuilder::token_refresh_margin)).
//! When many threads find it expired, one request mints a new one; with a token store shared
//! by several processes ([`crate::token_store`], for example Redis), one request serves them
//! all. Every attempt of a call
//! asks for the current token again, so a long wait between retries (a `Retry-After: 200`
//! with a 180-second token) never sends a token that expired meanwhile.
//!
//! A 401 refreshes once and replays the call once; a second 401 is
//! [`Error::Unauthorized`](crate::Error::Unauthorized). The service's specs answer some authentication failures with 403,
//! so a 403 refreshes and replays once too when the token used was minted at least
//! [`forbidden_refresh_after`](crate::ClientConfigBuilder::forbidden_refresh_after) ago
//! (60 s by default; C and the other languages use the default); a 403 with a fresher token,
//! or with a token the caller gave, is final [`Error::Forbidden`](crate::Error::Forbidden). A real permission error
//! thus costs at most one extra mint per cached token per that period.
//!
//! # Scoped tokens
//!
//! [`OperatorClient::scoped_token`](crate::OperatorClient::scoped_token) and
//! [`OperatorClient::end_user_client`](crate::OperatorClient::end_user_client) cache scoped
//! tokens per workspace name until near expiry (in the same token store as the operator token),
//! and mint a new one when a call is refused as above; [`OperatorClient::mint_scoped_token`](crate::OperatorClient::mint_scoped_token)
//! always mints. An [`EndUserClient`](crate::EndUserClient) made from a [`ScopedToken`] the
//! caller gives cannot refresh it: a 401 is final. One made with a [`ScopedTokenProvider`]
//! ([`EndUserClient::with_token_provider`](crate::EndUserClient::with_token_provider): the
//! host fetches tokens from its own backend, as a mobile app must) asks it for a new token on
//! first use, near expiry and after a refusal, one fetch at a time.
//!
//! # Widget tokens and origins
//!
//! [`WidgetToken::decode`](widget::WidgetToken::decode) accepts standard or URL-safe base64,
//! padded or not. The `allowed_origin` of a widget token request is checked
//! ([`validate_allowed_origin`](widget::validate_allowed_origin): scheme + host + optional
//! port, no path, no trailing slash, no wildcard, or `null`) before anything is sent. Reading a
//! token's claims needs no network:
//!
//! ```
//! use airbyte_embedded::{ScopedToken, WidgetToken, validate_allowed_origin};
//! # use base64::Engine as _;
//! # let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE4OTM0NTYwMDAsInJvbGVzIjpbIkVNQkVEREVEX0VORF9VU0VSIl0sImlvLmFpcmJ5dGUuYXV0aC53b3Jrc3BhY2Vfc2NvcGUiOnsid29ya3NwYWNlSWQiOiIyYjNjNGQ1ZSJ9fQ.c2lnbmF0dXJl";
//! # let raw = base64::engine::general_purpose::STANDARD.encode(format!(
//! #     r#"{{"token": "{jwt}", "widgetUrl": "https://app.airbyte.ai/embedded-widget"}}"#));
//! // `raw` is what `mint_widget_token` returned, or what the browser was given.
//! let widget = WidgetToken::decode(&raw)?;
//! assert_eq!(widget.widget_url(), "https://app.airbyte.ai/embedded-widget");
//!
//! let scoped = ScopedToken::new(widget.expose_scoped_token());
//! assert_eq!(scoped.workspace_id(), Some("2b3c4d5e"));
//! assert_eq!(scoped.expires_at_unix(), Some(1_893_456_000));
//! assert!(!format!("{scoped:?}").contains(scoped.expose()));   // Debug hides the token
//!
//! validate_allowed_origin("https://app.example.com")?;
//! assert!(validate_allowed_origin("https://app.example.com/").is_err());
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! Every token the service sends is checked before it is kept: a token holding a byte a
//! header cannot carry is an [`Error::Decode`](crate::Error::Decode) that never quotes it.

pub mod jwt;
pub(crate) mod provider;
mod seal;
pub(crate) mod shared;
pub(crate) mod single_flight;
pub(crate) mod token_cell;
pub mod widget;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use secrecy::{ExposeSecret, SecretString};

use crate::Result;
use crate::config::Credentials;
use crate::http::Http;
pub use provider::ScopedTokenProvider;
use token_cell::{CachedToken, TokenCell};

/// How long a token with neither `expires_in` nor a JWT `exp` is trusted.
const UNKNOWN_LIFETIME: Duration = Duration::from_secs(300);

/// Where the request layer gets a bearer token, and whether it can get a new one after a 401.
pub(crate) trait TokenSource: Send + Sync {
    /// A token believed valid, minted if the cached one is missing or near expiry.
    fn current(&self) -> Result<Arc<CachedToken>>;
    /// Drops `used` after the service refused it. Returns whether a new token can be had
    /// (`false` for a token given by the caller).
    fn invalidate(&self, used: &Arc<CachedToken>) -> bool;
}

/// The operator token, minted from client credentials at `POST /account/applications/token`
/// and cached until near expiry.
pub(crate) struct OperatorTokens {
    http: Arc<Http>,
    credentials: Credentials,
    cell: TokenCell,
}

impl OperatorTokens {
    /// Tokens minted with `credentials`, kept in `cell`.
    pub(crate) fn new(http: Arc<Http>, credentials: Credentials, cell: TokenCell) -> Self {
        OperatorTokens {
            http,
            credentials,
            cell,
        }
    }

    fn mint(&self) -> Result<CachedToken> {
        let minted = crate::tokens::endpoints::mint_operator_token(&self.http, &self.credentials)?;
        let claims = jwt::decode_claims(minted.expose_access_token()).unwrap_or_default();
        log::debug!(
            "minted an operator token (expires_in {:?} s, organization_id {:?})",
            minted.expires_in,
            minted.organization_id
        );
        Ok(CachedToken {
            minted_at: Instant::now(),
            refresh_at: token_cell::refresh_at(
                Instant::now(),
                SystemTime::now(),
                minted.expires_in,
                claims.exp,
                self.http.config().token_refresh_margin,
                UNKNOWN_LIFETIME,
            ),
            secret: SecretString::from(minted.into_access_token()),
            stored: None,
        })
    }
}

impl TokenSource for OperatorTokens {
    fn current(&self) -> Result<Arc<CachedToken>> {
        self.cell.get(|| self.mint())
    }

    fn invalidate(&self, used: &Arc<CachedToken>) -> bool {
        self.cell.invalidate(used);
        true
    }
}

/// A token given by the caller: used as is, never refreshed.
pub(crate) struct FixedToken(pub(crate) Arc<CachedToken>);

impl FixedToken {
    pub(crate) fn new(token: SecretString) -> Self {
        FixedToken(Arc::new(CachedToken {
            minted_at: Instant::now(),
            secret: token,
            refresh_at: Instant::now() + Duration::from_secs(100 * 365 * 24 * 3600),
            stored: None,
        }))
    }
}

impl TokenSource for FixedToken {
    fn current(&self) -> Result<Arc<CachedToken>> {
        Ok(Arc::clone(&self.0))
    }

    fn invalidate(&self, _used: &Arc<CachedToken>) -> bool {
        false
    }
}

/// A scoped token minted by a closure (the operator client) into a shared cell, re-minted
/// near expiry and after a 401.
pub(crate) struct MintedTokens<F> {
    pub(crate) cell: Arc<TokenCell>,
    pub(crate) mint: F,
}

impl<F: Fn() -> Result<CachedToken> + Send + Sync> TokenSource for MintedTokens<F> {
    fn current(&self) -> Result<Arc<CachedToken>> {
        self.cell.get(&self.mint)
    }

    fn invalidate(&self, used: &Arc<CachedToken>) -> bool {
        self.cell.invalidate(used);
        true
    }
}

/// A scoped token: reaches one end-user workspace, safe to hand to that user's browser or app.
/// `Debug` never shows the token.
#[derive(Clone)]
pub struct ScopedToken {
    secret: SecretString,
    claims: jwt::Claims,
}

impl ScopedToken {
    /// Wraps a scoped token (for example one received from the operator's backend).
    pub fn new(token: impl Into<String>) -> Self {
        let token = token.into();
        ScopedToken {
            claims: jwt::decode_claims(&token).unwrap_or_default(),
            secret: SecretString::from(token),
        }
    }

    /// The token text, to send to the end user's app. Never log it.
    pub fn expose(&self) -> &str {
        self.secret.expose_secret()
    }

    /// The workspace the token reaches (JWT claim `io.airbyte.auth.workspace_scope`), when
    /// the token is a readable JWT.
    pub fn workspace_id(&self) -> Option<&str> {
        self.claims.workspace_id.as_deref()
    }

    /// Expiry in Unix seconds (JWT claim `exp`), when the token is a readable JWT.
    pub fn expires_at_unix(&self) -> Option<u64> {
        self.claims.exp
    }

    /// All claims the SDK reads from the token (unverified).
    pub fn claims(&self) -> &jwt::Claims {
        &self.claims
    }

    pub(crate) fn into_cached(self, margin: Duration) -> CachedToken {
        CachedToken {
            minted_at: Instant::now(),
            refresh_at: token_cell::refresh_at(
                Instant::now(),
                SystemTime::now(),
                None,
                self.claims.exp,
                margin,
                UNKNOWN_LIFETIME,
            ),
            secret: self.secret,
            stored: None,
        }
    }
}

impl std::fmt::Debug for ScopedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScopedToken")
            .field("token", &"[REDACTED]")
            .field("workspace_id", &self.claims.workspace_id)
            .field("exp", &self.claims.exp)
            .finish()
    }
}
