//! Scoped tokens the host fetches: a foreign [`ScopedTokenProvider`] behind
//! `EndUserClient.with_token_provider`, so an app that must never hold operator credentials
//! renews its end user's token from its own backend instead of failing for good on expiry.

use std::sync::Arc;

use airbyte_embedded as core;

use crate::Result;

/// Fetches a fresh scoped token for the signed-in end user, typically from the host's own
/// backend (which holds the operator credentials and calls `mint_scoped_token`). Implemented
/// by the host: a Python class with `fetch_scoped_token(self) -> str`, a Kotlin class
/// implementing the interface, a Swift type conforming to the protocol.
///
/// The client calls it on its first call, when the token is near its JWT `exp` (by the
/// config's `token_refresh_margin`), and after the service refuses the token (401; 403 for a
/// token held a minute or more), then sends the refused call once more. One call fetches at a
/// time: others needing a token wait for that fetch. It is called from the SDK's threads and
/// may block; bound its own wait (a request timeout to the backend).
#[uniffi::export(with_foreign)]
pub trait ScopedTokenProvider: Send + Sync {
    /// The scoped token (the `token` of the service's `POST /embedded/scoped-token` answer).
    ///
    /// # Errors
    /// Raise `AirbyteError` (any variant: the call that needed the token fails with it) or
    /// any other exception (the call fails with `AirbyteError.TokenProvider` carrying its
    /// text). The next call asks again.
    fn fetch_scoped_token(&self) -> Result<String>;
}

/// The core's view of a foreign provider.
pub(crate) struct Foreign(pub(crate) Arc<dyn ScopedTokenProvider>);

impl core::ScopedTokenProvider for Foreign {
    fn fetch_scoped_token(&self) -> core::Result<core::ScopedToken> {
        self.0.fetch_scoped_token().map(core::ScopedToken::new)
    }
}
