//! The process-wide cache of compiled specs.
//!
//! Keyed by a 64-bit hash of the connection schema's content. The hash is computed by walking
//! the `serde_json::Value` tree once per lookup (no serialisation, no allocation). The hasher
//! is aHash with per-process random keys (a spec author cannot aim at a collision without
//! knowing them); the chance of an accidental collision among a few hundred specs is below
//! 10⁻¹⁴. The walk is the whole cost of a cache hit: see `core/benches/validation.rs`. Key order counts
//! (two specs that differ only in key order are two entries): that keeps each entry's
//! declaration order, which the form model uses.
//!
//! Callers that validate the same template many times can hold a [`super::Spec`] and skip the
//! lookup entirely. The cache keeps at most [`CAPACITY`] specs and evicts the least recently
//! used one; failed compilations are not cached.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use ahash::RandomState;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use serde_json::Value;

use super::compile::Compiled;
use crate::Error;

/// The most compiled specs kept at once.
pub const CAPACITY: usize = 256;

struct Entry {
    compiled: Arc<Compiled>,
    last_used: AtomicU64,
}

/// A thread-safe map from schema hash to compiled spec.
pub(crate) struct SpecCache {
    entries: RwLock<HashMap<u64, Entry>>,
    clock: AtomicU64,
    hasher: RandomState,
}

/// The cache shared by the whole process.
pub(crate) fn global() -> &'static SpecCache {
    static CACHE: OnceLock<SpecCache> = OnceLock::new();
    CACHE.get_or_init(SpecCache::new)
}

impl SpecCache {
    pub(crate) fn new() -> SpecCache {
        SpecCache {
            entries: RwLock::new(HashMap::new()),
            clock: AtomicU64::new(0),
            hasher: RandomState::new(),
        }
    }

    /// The compiled form of `schema` (a connection schema), compiling it on a miss.
    pub(crate) fn get_or_compile(&self, schema: &Value) -> Result<Arc<Compiled>, Error> {
        let key = self.key(schema);
        let now = self.clock.fetch_add(1, Ordering::Relaxed);
        if let Ok(entries) = self.entries.read()
            && let Some(entry) = entries.get(&key)
        {
            entry.last_used.store(now, Ordering::Relaxed);
            return Ok(Arc::clone(&entry.compiled));
        }
        // Compile outside the lock: two threads may compile the same spec once each, and
        // the second insert simply replaces the first.
        let compiled = Arc::new(Compiled::compile(schema)?);
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= CAPACITY && !entries.contains_key(&key) {
                let oldest = entries
                    .iter()
                    .min_by_key(|(_, e)| e.last_used.load(Ordering::Relaxed))
                    .map(|(k, _)| *k);
                if let Some(oldest) = oldest {
                    entries.remove(&oldest);
                }
            }
            entries.insert(
                key,
                Entry {
                    compiled: Arc::clone(&compiled),
                    last_used: AtomicU64::new(now),
                },
            );
        }
        Ok(compiled)
    }

    /// Drops every compiled spec.
    pub(crate) fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }

    /// How many compiled specs are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    fn key(&self, schema: &Value) -> u64 {
        let mut hasher = self.hasher.build_hasher();
        hash_value(schema, &mut hasher);
        hasher.finish()
    }
}

fn hash_value<H: Hasher>(value: &Value, state: &mut H) {
    match value {
        Value::Null => state.write_u8(0),
        Value::Bool(b) => {
            state.write_u8(1);
            state.write_u8(u8::from(*b));
        }
        Value::Number(n) => {
            state.write_u8(2);
            if let Some(i) = n.as_i64() {
                state.write_u8(0);
                state.write_i64(i);
            } else if let Some(u) = n.as_u64() {
                state.write_u8(1);
                state.write_u64(u);
            } else {
                state.write_u8(2);
                state.write_u64(n.as_f64().unwrap_or(f64::NAN).to_bits());
            }
        }
        Value::String(s) => {
            state.write_u8(3);
            s.hash(state);
        }
        Value::Array(items) => {
            state.write_u8(4);
            state.write_usize(items.len());
            for item in items {
                hash_value(item, state);
            }
        }
        Value::Object(map) => {
            state.write_u8(5);
            state.write_usize(map.len());
            for (k, v) in map {
                k.hash(state);
                hash_value(v, state);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::Instant;

    #[test]
    fn a_second_load_is_a_hit() {
        let cache = SpecCache::new();
        let schema = json!({"type": "object", "properties": {"a": {"type": "integer"}}});
        let first = cache.get_or_compile(&schema).unwrap();
        let second = cache.get_or_compile(&schema.clone()).unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(cache.len(), 1);
        let other = cache
            .get_or_compile(&json!({"type": "object", "properties": {"a": {"type": "string"}}}))
            .unwrap();
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(cache.len(), 2);
        cache.clear();
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn failures_are_not_cached_and_content_matters() {
        let cache = SpecCache::new();
        assert!(
            cache
                .get_or_compile(&json!({"$ref": "https://x/y"}))
                .is_err()
        );
        assert_eq!(cache.len(), 0);
        assert_ne!(cache.key(&json!({"a": 1})), cache.key(&json!({"a": 1.5})));
        assert_ne!(cache.key(&json!({"a": "1"})), cache.key(&json!({"a": 1})));
        assert_ne!(
            cache.key(&json!(["ab", "c"])),
            cache.key(&json!(["a", "bc"]))
        );
        assert_eq!(
            cache.key(&json!({"a": [1, {}]})),
            cache.key(&json!({"a": [1, {}]}))
        );
    }

    #[test]
    fn it_is_bounded() {
        let cache = SpecCache::new();
        for i in 0..(CAPACITY + 3) {
            cache
                .get_or_compile(&json!({"type": "object", "maxProperties": i}))
                .unwrap();
        }
        assert_eq!(cache.len(), CAPACITY);
    }

    #[test]
    fn it_is_shared_between_threads_and_fast_when_warm() {
        let cache = Arc::new(SpecCache::new());
        let schema = json!({"type": "object", "properties": {"p": {"type": "integer"}}});
        let first = cache.get_or_compile(&schema).unwrap();
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let cache = Arc::clone(&cache);
                let schema = schema.clone();
                std::thread::spawn(move || cache.get_or_compile(&schema).unwrap())
            })
            .collect();
        for h in handles {
            assert!(Arc::ptr_eq(&first, &h.join().unwrap()));
        }
        let start = Instant::now();
        for _ in 0..1000 {
            cache.get_or_compile(&schema).unwrap();
        }
        // Generous bound (debug build, shared CI machine): well under a millisecond per hit.
        assert!(start.elapsed().as_millis() < 1000);
    }
}
