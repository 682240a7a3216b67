//! The in-process token store: a map with expiry behind a mutex.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{TokenStore, TokenStoreError};

/// A [`TokenStore`] in this process's memory: what every client uses when none is configured
/// (one per client, shared by its clones). Give one `Arc<MemoryTokenStore>` to several clients
/// to share their tokens within the process. Never fails; expired entries are dropped as new
/// ones are stored.
#[derive(Default)]
pub struct MemoryTokenStore {
    entries: Mutex<HashMap<String, (String, Instant)>>,
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryTokenStore::default()
    }

    /// How many unexpired entries (tokens and held locks) the store holds.
    pub fn len(&self) -> usize {
        let now = Instant::now();
        self.lock()
            .values()
            .filter(|(_, until)| *until > now)
            .count()
    }

    /// Whether the store holds no unexpired entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (String, Instant)>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl TokenStore for MemoryTokenStore {
    fn get(&self, key: &str) -> Result<Option<String>, TokenStoreError> {
        let now = Instant::now();
        Ok(self
            .lock()
            .get(key)
            .filter(|(_, until)| *until > now)
            .map(|(value, _)| value.clone()))
    }

    fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), TokenStoreError> {
        let now = Instant::now();
        let mut entries = self.lock();
        entries.retain(|_, (_, until)| *until > now);
        entries.insert(key.to_owned(), (value.to_owned(), now + ttl));
        Ok(())
    }

    fn remove_if(&self, key: &str, value: &str) -> Result<bool, TokenStoreError> {
        let now = Instant::now();
        let mut entries = self.lock();
        let holds = entries
            .get(key)
            .is_some_and(|(v, until)| v == value && *until > now);
        if holds {
            entries.remove(key);
        }
        Ok(holds)
    }

    fn try_lock(&self, key: &str, owner: &str, ttl: Duration) -> Result<bool, TokenStoreError> {
        let now = Instant::now();
        let mut entries = self.lock();
        if entries.get(key).is_some_and(|(_, until)| *until > now) {
            return Ok(false);
        }
        entries.insert(key.to_owned(), (owner.to_owned(), now + ttl));
        Ok(true)
    }
}

impl std::fmt::Debug for MemoryTokenStore {
    /// The number of entries, never a key or value.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryTokenStore")
            .field("entries", &self.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn values_expire_and_are_replaced() {
        let store = MemoryTokenStore::new();
        assert_eq!(store.get("k").unwrap(), None);
        store.put("k", "a", MIN).unwrap();
        assert_eq!(store.get("k").unwrap().as_deref(), Some("a"));
        store.put("k", "b", MIN).unwrap();
        assert_eq!(store.get("k").unwrap().as_deref(), Some("b"));
        store.put("short", "c", Duration::from_millis(20)).unwrap();
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(store.get("short").unwrap(), None);
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn remove_if_removes_only_the_value_named() {
        let store = MemoryTokenStore::new();
        store.put("k", "new", MIN).unwrap();
        assert!(!store.remove_if("k", "old").unwrap());
        assert_eq!(store.get("k").unwrap().as_deref(), Some("new"));
        assert!(store.remove_if("k", "new").unwrap());
        assert!(store.is_empty());
    }

    #[test]
    fn a_lock_has_one_owner_until_released_or_expired() {
        let store = MemoryTokenStore::new();
        assert!(store.try_lock("l", "a", MIN).unwrap());
        assert!(!store.try_lock("l", "b", MIN).unwrap());
        store.unlock("l", "b").unwrap(); // not b's: stays
        assert!(!store.try_lock("l", "b", MIN).unwrap());
        store.unlock("l", "a").unwrap();
        assert!(store.try_lock("l", "b", Duration::from_millis(20)).unwrap());
        std::thread::sleep(Duration::from_millis(40));
        assert!(store.try_lock("l", "c", MIN).unwrap());
        store.unlock("l", "b").unwrap(); // b's lock expired and c took it
        assert!(!store.try_lock("l", "d", MIN).unwrap());
    }
}
