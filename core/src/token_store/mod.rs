//! Where clients keep the tokens they mint, so that a fleet of processes shares one operator
//! token and one scoped token per end user, and one of them refreshes each.
//!
//! A [`TokenStore`] is a small key-value store with expiry and a lock. Every client keeps its
//! tokens in memory as before; when a token is missing or near expiry it asks its store first,
//! and only mints when the store has no fresh one either:
//!
//! 1. `get` the token key; a fresh value (sealed, see below) is used as is.
//! 2. Otherwise `try_lock` the refresh lock of that key. The process that takes it reads the
//!    key once more, mints if it is still empty, `put`s the token (until its refresh time) and
//!    `unlock`s. So when many processes find the token expired at once, **one** token request
//!    goes out across all of them.
//! 3. The others poll `get` every 25 ms until the token appears, for at most the lock's
//!    lifetime (the configured [`request_timeout`](crate::ClientConfigBuilder::request_timeout),
//!    60 s by default, at least 1 s); a holder that died leaves a lock that expires, and the
//!    next process takes it. A store that keeps saying "locked" past that is bypassed: the
//!    process mints itself.
//! 4. After a 401 (or a replayed 403) the token is removed from the store with `remove_if`,
//!    only if the store still holds the value that failed.
//!
//! **A store that fails never fails a call.** Any [`TokenStoreError`] makes the client mint
//! and cache in its own memory, as a client without a shared store does; the first failure is
//! logged once at `WARN` (`token store unavailable (…); tokens are cached in this process only
//! until it answers`), the recovery at `INFO`. Neither record holds a token, a secret or a
//! key's inputs.
//!
//! # What the store sees
//!
//! Keys are `airbyte-embedded:v1:<kind>:<64 hex digits>` (`<kind>` is `operator` or `scoped`;
//! with the template cache also `generation` and `cache`), and a refresh lock is its token's
//! key followed by `:lock`. The digits are an HMAC-SHA256, keyed from the client secret, of
//! the base URL, organisation id, client id and (for scoped tokens) workspace name and region,
//! so neither the client id nor an end user's name appears in the store. Values are `v1.` and base64url text: the token,
//! its mint time and refresh time, sealed with ChaCha20-Poly1305 under a key derived (HKDF-SHA256)
//! from the client secret and bound to its key. Only processes holding the same client secret
//! can read them; a value that does not open (another secret, tampering) counts as absent.
//! Lock values are random 128-bit owner ids.
//!
//! With [`ClientConfigBuilder::template_cache_ttl`](crate::ClientConfigBuilder::template_cache_ttl)
//! the store also keeps template lists and reads (sealed the same way) and one random
//! generation per template family, which every write through the SDK replaces.
//!
//! # Choosing a store
//!
//! [`ClientConfigBuilder::token_store`](crate::ClientConfigBuilder::token_store) sets it.
//! Without one, each client has its own [`MemoryTokenStore`] (clones of a client share it):
//! the behaviour of a single process. One `MemoryTokenStore` given to several clients shares
//! their tokens within a process. `RedisTokenStore` (cargo feature `redis`) shares them across
//! processes and machines:
//!
//! ```no_run
//! # #[cfg(feature = "redis")] {
//! use std::sync::Arc;
//! use airbyte_embedded::token_store::RedisTokenStore;
//! use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
//!
//! let store = RedisTokenStore::open("redis://127.0.0.1:6379/0")?;
//! let config = ClientConfig::builder().token_store(Arc::new(store)).build()?;
//! let operator = OperatorClient::new(config, Credentials::new("client-id", "client-secret"))?;
//! # let _ = operator;
//! # }
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! Any other store (memcached, a database, a foreign language's cache) implements the five
//! methods of [`TokenStore`]; `core/src/token_store/memory.rs` is the reference.

mod memory;
#[cfg(feature = "redis")]
mod redis_store;

use std::sync::Arc;
use std::time::Duration;

pub use memory::MemoryTokenStore;
#[cfg(feature = "redis")]
pub use redis_store::RedisTokenStore;

/// A key-value store with expiry and an owned lock, shared by the processes that should share
/// tokens. Keys and values are short ASCII strings (keys under 100 bytes, token values a few
/// KB); values are sealed by the SDK before they reach the store (see the [module
/// docs](self)).
///
/// Every method may be called from many threads at once. An `Err` makes the client skip the
/// store for that token and mint on its own, so a store should fail fast (a bounded timeout)
/// rather than block.
pub trait TokenStore: Send + Sync {
    /// The value stored under `key`, or `None` when there is none or it expired.
    ///
    /// # Errors
    /// [`TokenStoreError`] when the store cannot be read.
    fn get(&self, key: &str) -> Result<Option<String>, TokenStoreError>;

    /// Stores `value` under `key` for `ttl` (at least 1 ms), replacing any value.
    ///
    /// # Errors
    /// [`TokenStoreError`] when the store cannot be written.
    fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), TokenStoreError>;

    /// Removes `key` if it still holds exactly `value`, atomically; returns whether it did.
    ///
    /// # Errors
    /// [`TokenStoreError`] when the store cannot be reached.
    fn remove_if(&self, key: &str, value: &str) -> Result<bool, TokenStoreError>;

    /// Takes the lock `key` for `owner` for `ttl`, unless a lock there has not expired yet
    /// (whoever holds it); returns whether it was taken. Atomic across every process sharing
    /// the store (Redis: `SET key owner NX PX ttl`).
    ///
    /// # Errors
    /// [`TokenStoreError`] when the store cannot be reached.
    fn try_lock(&self, key: &str, owner: &str, ttl: Duration) -> Result<bool, TokenStoreError>;

    /// Releases the lock `key` if `owner` still holds it; a lock that expired and was taken by
    /// another owner is left alone. Defaults to [`TokenStore::remove_if`]`(key, owner)`.
    ///
    /// # Errors
    /// [`TokenStoreError`] when the store cannot be reached (the lock then expires by itself).
    fn unlock(&self, key: &str, owner: &str) -> Result<(), TokenStoreError> {
        self.remove_if(key, owner).map(|_| ())
    }
}

/// A store that could not answer: unreachable, timed out, refused the command. The message
/// is logged once (scrubbed by [`crate::redact::scrub`]); it should name the cause, never a
/// value or a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TokenStoreError {
    message: String,
}

impl TokenStoreError {
    /// An error saying `message` (for example `connection refused`).
    pub fn new(message: impl Into<String>) -> Self {
        TokenStoreError {
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A store held by a [`crate::ClientConfig`]; `Debug` names no key or value.
#[derive(Clone)]
pub(crate) struct StoreHandle(pub(crate) Arc<dyn TokenStore>);

impl std::fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenStore")
    }
}
