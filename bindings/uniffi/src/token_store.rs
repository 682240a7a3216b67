//! Token stores: where operator clients keep the operator token, the scoped tokens they mint
//! and (with `template_cache_ttl`) template lists, so that every client and process given the
//! same store shares them and one of them refreshes each (the Rust `token_store` module).
//!
//! [`TokenStore`] is a foreign trait: a host implements it over its own cache (Python a class
//! with the five methods, Kotlin/Swift a type conforming to the interface/protocol), or takes
//! one of the SDK's: [`memory_token_store`] (shared within the process) and
//! [`redis_token_store`] (shared by a fleet). Pass it as `token_store` when constructing an
//! `OperatorClient`.

use std::sync::Arc;
use std::time::Duration;

use airbyte_embedded as core;
#[cfg(feature = "redis")]
use core::token_store::RedisTokenStore;
use core::token_store::{
    MemoryTokenStore, TokenStore as CoreStore, TokenStoreError as CoreStoreError,
};

use crate::Result;

/// Why a store could not answer. A store's failure never fails an SDK call: the client then
/// mints and caches in its own memory and logs one warning naming `detail` (which should name
/// the cause, never a key, a value or a password).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
// Its text in Kotlin (`toString()`) and Swift (`description`, `localizedDescription`).
#[uniffi::export(Display)]
pub enum TokenStoreError {
    /// The store is unreachable, timed out or refused the command.
    #[error("token store unavailable: {detail}")]
    Unavailable {
        /// What went wrong (`connection refused`).
        detail: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for TokenStoreError {
    /// Any other exception a foreign store raises counts as the store being unavailable.
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TokenStoreError::Unavailable {
            detail: error.reason,
        }
    }
}

impl From<CoreStoreError> for TokenStoreError {
    fn from(error: CoreStoreError) -> Self {
        TokenStoreError::Unavailable {
            detail: error.message().to_owned(),
        }
    }
}

/// A key-value store with expiry and an owned lock, shared by the clients (and processes)
/// that should share tokens. Keys are ASCII under 100 bytes
/// (`airbyte-embedded:v1:<kind>:<64 hex digits>`, a lock is its key followed by `:lock`);
/// values are ASCII text of a few KB, already sealed (ChaCha20-Poly1305) by the SDK, so the
/// store never sees a token in the clear. Every method may be called from many threads at
/// once and should fail fast (raise `TokenStoreError.Unavailable`, or any exception) rather
/// than block: a failure makes the client mint on its own, never fails the call.
#[uniffi::export(with_foreign)]
pub trait TokenStore: Send + Sync {
    /// The value stored under `key`, or `None` when there is none or it expired.
    fn get(&self, key: String) -> Result<Option<String>, TokenStoreError>;

    /// Stores `value` under `key` for `ttl` (at least 1 ms), replacing any value.
    fn put(&self, key: String, value: String, ttl: Duration) -> Result<(), TokenStoreError>;

    /// Removes `key` if it still holds exactly `value`, atomically; returns whether it did.
    fn remove_if(&self, key: String, value: String) -> Result<bool, TokenStoreError>;

    /// Takes the lock `key` for `owner` for `ttl` unless a lock there has not expired yet
    /// (whoever holds it); returns whether it was taken. Must be atomic across everything
    /// sharing the store (Redis: `SET key owner NX PX ttl`).
    fn try_lock(&self, key: String, owner: String, ttl: Duration) -> Result<bool, TokenStoreError>;

    /// Releases the lock `key` if `owner` still holds it (a lock that expired and was taken
    /// by another owner is left alone): `remove_if(key, owner)` in most stores.
    fn unlock(&self, key: String, owner: String) -> Result<(), TokenStoreError>;
}

/// One of the SDK's own stores, offered to the foreign languages as a [`TokenStore`].
struct Native<S>(S);

impl<S: CoreStore> TokenStore for Native<S> {
    fn get(&self, key: String) -> Result<Option<String>, TokenStoreError> {
        Ok(self.0.get(&key)?)
    }

    fn put(&self, key: String, value: String, ttl: Duration) -> Result<(), TokenStoreError> {
        Ok(self.0.put(&key, &value, ttl)?)
    }

    fn remove_if(&self, key: String, value: String) -> Result<bool, TokenStoreError> {
        Ok(self.0.remove_if(&key, &value)?)
    }

    fn try_lock(&self, key: String, owner: String, ttl: Duration) -> Result<bool, TokenStoreError> {
        Ok(self.0.try_lock(&key, &owner, ttl)?)
    }

    fn unlock(&self, key: String, owner: String) -> Result<(), TokenStoreError> {
        Ok(self.0.unlock(&key, &owner)?)
    }
}

/// A [`TokenStore`] (foreign or the SDK's) as the core client uses it.
pub(crate) struct Bridge(pub(crate) Arc<dyn TokenStore>);

impl CoreStore for Bridge {
    fn get(&self, key: &str) -> Result<Option<String>, CoreStoreError> {
        self.0.get(key.to_owned()).map_err(core_error)
    }

    fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CoreStoreError> {
        self.0
            .put(key.to_owned(), value.to_owned(), ttl)
            .map_err(core_error)
    }

    fn remove_if(&self, key: &str, value: &str) -> Result<bool, CoreStoreError> {
        self.0
            .remove_if(key.to_owned(), value.to_owned())
            .map_err(core_error)
    }

    fn try_lock(&self, key: &str, owner: &str, ttl: Duration) -> Result<bool, CoreStoreError> {
        self.0
            .try_lock(key.to_owned(), owner.to_owned(), ttl)
            .map_err(core_error)
    }

    fn unlock(&self, key: &str, owner: &str) -> Result<(), CoreStoreError> {
        self.0
            .unlock(key.to_owned(), owner.to_owned())
            .map_err(core_error)
    }
}

fn core_error(error: TokenStoreError) -> CoreStoreError {
    match error {
        TokenStoreError::Unavailable { detail } => CoreStoreError::new(detail),
    }
}

/// A store in this process's memory: several clients given the same one share their tokens
/// (a client without a store has a memory store of its own). Entries expire by their `ttl`.
#[uniffi::export]
pub fn memory_token_store() -> Arc<dyn TokenStore> {
    Arc::new(Native(MemoryTokenStore::new()))
}

/// A store on a Redis server (6.2 or later; Valkey too), shared by every process of a fleet:
/// `redis://[user:password@]host[:port][/db]`, `rediss://…` (TLS, verified against the
/// bundled Mozilla roots, or only against `root_certificates_pem` when given) or
/// `redis+unix:///path/to/socket[?db=N]`. Connects on first use, not here; each command has
/// `timeout` (1 s when `None`) for connecting and for each read and write, and after a
/// failure the store is not tried for 5 s (the clients mint on their own meanwhile).
///
/// # Errors
/// `AirbyteError.InvalidArgument` naming `redis_url` when the URL does not parse (the URL is
/// not quoted: it may hold a password) or the library was built without Redis (its `redis`
/// feature, on by default; mobile builds leave it out), or `root_certificates_pem` when it
/// holds no certificate or is given with a URL that is not `rediss://`.
#[uniffi::export(default(timeout = None, root_certificates_pem = None))]
pub fn redis_token_store(
    redis_url: String,
    timeout: Option<Duration>,
    root_certificates_pem: Option<String>,
) -> Result<Arc<dyn TokenStore>> {
    #[cfg(not(feature = "redis"))]
    {
        let _ = (redis_url, timeout, root_certificates_pem);
        Err(core::Error::InvalidArgument {
            argument: "redis_url".to_owned(),
            detail: "this build of the library has no Redis support (its `redis` feature is off)"
                .to_owned(),
        })
    }
    #[cfg(feature = "redis")]
    redis_store(&redis_url, timeout, root_certificates_pem.as_deref())
}

#[cfg(feature = "redis")]
fn redis_store(
    redis_url: &str,
    timeout: Option<Duration>,
    root_certificates_pem: Option<&str>,
) -> Result<Arc<dyn TokenStore>> {
    let store = match root_certificates_pem {
        Some(pem) => RedisTokenStore::open_with_root_certificates(redis_url, pem.as_bytes())?,
        None => RedisTokenStore::open(redis_url)?,
    };
    let store = match timeout {
        Some(t) => store.timeout(t),
        None => store,
    };
    Ok(Arc::new(Native(store)))
}
