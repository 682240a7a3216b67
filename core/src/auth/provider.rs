//! Scoped tokens fetched by the host: an end-user client built with a
//! [`ScopedTokenProvider`] asks it for a new token on first use, near the token's expiry and
//! after the service refuses it, one fetch at a time however many threads need one.

use std::sync::Arc;

use super::token_cell::{CachedToken, TokenCell};
use super::{ScopedToken, TokenSource};
use crate::http::header::{self, Allowed};
use crate::{Error, Result};

/// Where an end-user client gets a fresh scoped token: typically a call to the host's own
/// backend, which holds the operator credentials and mints the token for its signed-in user
/// (an app must never hold an operator token).
///
/// [`crate::EndUserClient::with_token_provider`] calls `fetch_scoped_token`:
/// - on the client's first call;
/// - when the token it holds is within the refresh margin of its JWT `exp` (tokens with no
///   readable `exp` are kept for 5 minutes);
/// - after a 401 (and after a 403 to a token held for at least `forbidden_refresh_after`),
///   then the refused call is sent once more with the new token.
///
/// One thread fetches while the others that need a token wait for it, so a burst of calls on
/// an expired token makes one fetch. Implementations are called from the SDK's threads and
/// may block (an HTTP call to the backend); they should bound their own wait.
pub trait ScopedTokenProvider: Send + Sync {
    /// A scoped token for the end user's workspace (the `token` of the service's
    /// `POST /embedded/scoped-token` answer, as the backend relays it).
    ///
    /// # Errors
    /// Whatever stops the host from getting one (its backend unreachable, the user signed
    /// out). The call that needed the token fails with that error; a foreign provider's
    /// exception of another type becomes [`Error::TokenProvider`].
    fn fetch_scoped_token(&self) -> Result<ScopedToken>;
}

impl<F: Fn() -> Result<ScopedToken> + Send + Sync> ScopedTokenProvider for F {
    fn fetch_scoped_token(&self) -> Result<ScopedToken> {
        self()
    }
}

/// The token source of a provider-built end-user client: a cell the provider fills.
pub(crate) struct ProvidedTokens {
    provider: Arc<dyn ScopedTokenProvider>,
    cell: TokenCell,
    margin: std::time::Duration,
}

impl ProvidedTokens {
    /// Tokens from `provider`, replaced `margin` before their JWT `exp`.
    pub(crate) fn new(provider: Arc<dyn ScopedTokenProvider>, margin: std::time::Duration) -> Self {
        ProvidedTokens {
            provider,
            cell: TokenCell::default(),
            margin,
        }
    }

    fn fetch(&self) -> Result<CachedToken> {
        let token = self.provider.fetch_scoped_token()?;
        checked(&token)?;
        log::debug!(
            "the scoped-token provider gave a token (workspace {:?}, exp {:?})",
            token.workspace_id(),
            token.expires_at_unix()
        );
        Ok(token.into_cached(self.margin))
    }
}

/// Refuses a token no request could carry, without quoting it.
fn checked(token: &ScopedToken) -> Result<()> {
    if token.expose().trim().is_empty() {
        return Err(Error::TokenProvider {
            detail: "the provider gave an empty token".to_owned(),
        });
    }
    header::check("token", token.expose(), Allowed::Word).map_err(|_| Error::TokenProvider {
        detail: "the provider gave a token holding a byte an HTTP header cannot carry (a space, \
                 control character or non-ASCII byte)"
            .to_owned(),
    })
}

impl TokenSource for ProvidedTokens {
    fn current(&self) -> Result<Arc<CachedToken>> {
        self.cell.get(|| self.fetch())
    }

    fn invalidate(&self, used: &Arc<CachedToken>) -> bool {
        self.cell.invalidate(used);
        true
    }
}

impl std::fmt::Debug for ProvidedTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProvidedTokens").finish_non_exhaustive()
    }
}
