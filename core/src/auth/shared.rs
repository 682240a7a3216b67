//! Tokens kept in a [`TokenStore`] behind each [`TokenCell`]: read from the store before
//! minting, minted by the one process that takes the refresh lock, and never a failed call
//! because the store failed (see [`crate::token_store`] for the protocol).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretString};

use super::seal::Seal;
use super::single_flight::{self, Found};
use super::token_cell::{CachedToken, TokenCell};
use crate::Result;
use crate::config::{ClientConfig, Credentials};
use crate::token_store::{MemoryTokenStore, TokenStore, TokenStoreError};

/// The shortest refresh lock.
const MIN_LOCK_TTL: Duration = Duration::from_secs(1);
/// Bytes before the token in a stored record: mint time and refresh time, Unix milliseconds,
/// big-endian.
const HEADER_LEN: usize = 16;

/// One client's store, seal and key namespace, shared by its token cells and its template
/// cache.
pub(crate) struct SharedTokens {
    store: Arc<dyn TokenStore>,
    seal: Seal,
    base_url: String,
    organization_id: Option<String>,
    client_id: String,
    lock_ttl: Duration,
    /// Whether the last store operation failed (the warning is logged once per outage).
    degraded: AtomicBool,
}

impl SharedTokens {
    /// The store of `config` (a new [`MemoryTokenStore`] when none is set), with keys
    /// derived from `credentials`.
    pub(crate) fn new(config: &ClientConfig, credentials: &Credentials) -> Arc<SharedTokens> {
        let store = match &config.token_store {
            Some(handle) => Arc::clone(&handle.0),
            None => Arc::new(MemoryTokenStore::new()) as Arc<dyn TokenStore>,
        };
        Arc::new(SharedTokens {
            store,
            seal: Seal::new(credentials.client_secret.expose_secret()),
            base_url: config.base_url().to_owned(),
            organization_id: config.organization_id().map(str::to_owned),
            client_id: credentials.client_id.clone(),
            lock_ttl: config.request_timeout.max(MIN_LOCK_TTL),
            degraded: AtomicBool::new(false),
        })
    }

    /// A client's shared context made from a token the caller gave (an end user's client):
    /// names and seals derived from the token, so only holders of that token share it.
    pub(crate) fn for_token(config: &ClientConfig, token: &str) -> Arc<SharedTokens> {
        SharedTokens::new(config, &Credentials::new("", token))
    }

    /// The store.
    pub(crate) fn store(&self) -> &dyn TokenStore {
        self.store.as_ref()
    }

    /// How long a lock taken to make a value lives: the request timeout, at least 1 s.
    pub(crate) fn lock_ttl(&self) -> Duration {
        self.lock_ttl
    }

    /// The store key of `kind` for `extra` in this client's namespace (base URL,
    /// organisation, client id).
    pub(crate) fn name(&self, kind: &str, extra: &[Option<&str>]) -> String {
        let mut parts = vec![
            Some(self.base_url.as_str()),
            self.organization_id.as_deref(),
            Some(self.client_id.as_str()),
        ];
        parts.extend_from_slice(extra);
        self.seal.name(kind, &parts)
    }

    /// `plaintext` sealed for the store key `key`.
    pub(crate) fn seal(&self, key: &str, plaintext: &[u8]) -> Option<String> {
        self.seal.seal(key, plaintext)
    }

    /// The plaintext of `value` read from `key`, if it opens.
    pub(crate) fn open(&self, key: &str, value: &str) -> Option<Zeroizing<Vec<u8>>> {
        self.seal.open(key, value)
    }

    /// The cell of the operator token.
    pub(crate) fn operator_cell(self: &Arc<Self>) -> TokenCell {
        TokenCell::shared(self.slot("operator", &[]))
    }

    /// The cell of the scoped token for `workspace_name` in `region_id`.
    pub(crate) fn scoped_cell(
        self: &Arc<Self>,
        workspace_name: &str,
        region_id: Option<&str>,
    ) -> TokenCell {
        TokenCell::shared(self.slot("scoped", &[Some(workspace_name), region_id]))
    }

    fn slot(self: &Arc<Self>, kind: &'static str, extra: &[Option<&str>]) -> Slot {
        let key = self.name(kind, extra);
        let lock_key = format!("{key}:lock");
        Slot {
            shared: Arc::clone(self),
            kind,
            key,
            lock_key,
        }
    }

    fn failed(&self, error: &TokenStoreError) {
        if !self.degraded.swap(true, Ordering::SeqCst) {
            log::warn!(
                "token store unavailable ({}); tokens are cached in this process only until it answers",
                crate::redact::scrub(error.message())
            );
        }
    }

    fn answered(&self) {
        if self.degraded.swap(false, Ordering::SeqCst) {
            log::info!("token store answers again; tokens are shared through it");
        }
    }

    /// `result`, with the store's health noted: `None` when it failed.
    pub(crate) fn note<T>(&self, result: std::result::Result<T, TokenStoreError>) -> Option<T> {
        match result {
            Ok(v) => {
                self.answered();
                Some(v)
            }
            Err(e) => {
                self.failed(&e);
                None
            }
        }
    }
}

/// One token's place in the store: its key and its refresh lock's key.
pub(crate) struct Slot {
    shared: Arc<SharedTokens>,
    kind: &'static str,
    key: String,
    lock_key: String,
}

impl Slot {
    /// A fresh token from the store, else one `mint` made (by this process when it takes the
    /// refresh lock, or when the store fails or the wait runs out), stored for the others.
    pub(crate) fn obtain(&self, mint: impl FnOnce() -> Result<CachedToken>) -> Result<CachedToken> {
        let what = format!("{} token", self.kind);
        single_flight::obtain(
            &self.shared,
            &self.lock_key,
            &what,
            || self.read(),
            mint,
            |t| self.write(t),
        )
    }

    /// Removes `used` from the store if the store still holds it (a call refused it).
    pub(crate) fn forget(&self, used: &CachedToken) {
        if let Some(value) = &used.stored {
            self.shared
                .note(self.shared.store.remove_if(&self.key, value));
        }
    }

    fn read(&self) -> Found<CachedToken> {
        let Some(value) = self.shared.note(self.shared.store.get(&self.key)) else {
            return Found::StoreFailed;
        };
        let Some(value) = value else {
            return Found::Nothing;
        };
        match self.unseal(&value) {
            Some(t) => {
                log::debug!("{} token taken from the token store", self.kind);
                Found::Fresh(t)
            }
            None => Found::Nothing,
        }
    }

    fn unseal(&self, value: &str) -> Option<CachedToken> {
        let record = self.shared.seal.open(&self.key, value)?;
        if record.len() <= HEADER_LEN {
            return None;
        }
        let (header, token) = record.split_at(HEADER_LEN);
        let minted_ms = u64::from_be_bytes(header[..8].try_into().ok()?);
        let refresh_ms = u64::from_be_bytes(header[8..].try_into().ok()?);
        let token = std::str::from_utf8(token).ok()?;
        crate::http::header::check("token", token, crate::http::header::Allowed::Word).ok()?;
        let now_ms = unix_ms();
        if refresh_ms <= now_ms {
            return None;
        }
        let now = Instant::now();
        Some(CachedToken {
            secret: SecretString::from(token.to_owned()),
            minted_at: now
                .checked_sub(Duration::from_millis(now_ms.saturating_sub(minted_ms)))
                .unwrap_or(now),
            refresh_at: now + Duration::from_millis(refresh_ms - now_ms),
            stored: Some(value.to_owned()),
        })
    }

    /// `token`, put in the store until its refresh time (and marked as stored when that
    /// worked).
    fn write(&self, mut token: CachedToken) -> CachedToken {
        let now = Instant::now();
        let ttl = token.refresh_at.saturating_duration_since(now);
        if ttl < Duration::from_millis(1) {
            return token;
        }
        let now_ms = unix_ms();
        let minted_ms =
            now_ms.saturating_sub(millis(now.saturating_duration_since(token.minted_at)));
        let refresh_ms = now_ms.saturating_add(millis(ttl));
        let mut record = Zeroizing::new(Vec::with_capacity(HEADER_LEN + token.expose().len()));
        record.extend_from_slice(&minted_ms.to_be_bytes());
        record.extend_from_slice(&refresh_ms.to_be_bytes());
        record.extend_from_slice(token.expose().as_bytes());
        let Some(value) = self.shared.seal.seal(&self.key, &record) else {
            return token;
        };
        if self
            .shared
            .note(self.shared.store.put(&self.key, &value, ttl))
            .is_some()
        {
            token.stored = Some(value);
        }
        token
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, millis)
}
