//! Cached template lists and reads (opt-in, [`crate::ClientConfigBuilder::template_cache_ttl`]),
//! kept in the client's token store so that every process sharing the store shares them.
//!
//! Each family (source templates, connection templates) has a generation in the store; an
//! entry's key holds the generation it was read under, the viewer (the operator, or an end
//! user's workspace) and the request's path and query. A write through the SDK gives the
//! family a new generation, so every process's next read misses. The generation is read
//! before the request is sent, so a list fetched while another process writes is kept under
//! the old generation and never read again. A miss is filled by one process at a time (the
//! entry's lock, as for tokens), so a fleet whose entry expired sends one request, not one
//! per process.

use std::sync::Arc;
use std::time::Duration;

use crate::Result;
use crate::auth::shared::SharedTokens;
use crate::auth::single_flight::{self, Found};

/// How long a generation lives without a write: far longer than any entry.
const GENERATION_TTL: Duration = Duration::from_secs(24 * 3600);

/// What a cache covers; a write to one invalidates its entries only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// Source templates: the operator's `/integrations/templates/sources` and the end user's
    /// `/embedded/source-templates`.
    SourceTemplates,
    /// Connection templates: `/integrations/templates/connections`.
    ConnectionTemplates,
}

impl Family {
    fn name(self) -> &'static str {
        match self {
            Family::SourceTemplates => "source-templates",
            Family::ConnectionTemplates => "connection-templates",
        }
    }
}

/// One client's template cache.
pub(crate) struct ReadCache {
    shared: Arc<SharedTokens>,
    ttl: Duration,
    /// Whose view the entries are: `None` for the operator, the workspace name for an end user.
    viewer: Option<String>,
}

impl ReadCache {
    /// Entries kept `ttl` in `shared`'s store, seen by `viewer`.
    pub(crate) fn new(shared: Arc<SharedTokens>, ttl: Duration, viewer: Option<String>) -> Self {
        ReadCache {
            shared,
            ttl,
            viewer,
        }
    }

    fn generation_key(&self, family: Family) -> String {
        self.shared.name("generation", &[Some(family.name())])
    }

    fn entry_key(
        &self,
        family: Family,
        generation: &str,
        path: &str,
        query: &[(&str, String)],
    ) -> String {
        let mut parts = vec![
            Some(family.name()),
            Some(generation),
            self.viewer.as_deref(),
            Some(path),
        ];
        for (k, v) in query {
            parts.extend([Some(*k), Some(v.as_str())]);
        }
        self.shared.name("cache", &parts)
    }

    /// The family's current generation, made when there is none.
    fn generation(&self, family: Family) -> Option<String> {
        let key = self.generation_key(family);
        let store = self.shared.store();
        if let Some(found) = self.shared.note(store.get(&key))? {
            return Some(found);
        }
        let fresh = format!("{:032x}", fastrand::u128(..));
        // Made only if still absent (`SET NX`), so a concurrent write's generation stands.
        self.shared
            .note(store.try_lock(&key, &fresh, GENERATION_TTL))?;
        self.shared.note(store.get(&key))?
    }

    /// The answer to `GET path?query`: the body kept for it (as `decode` reads it), else
    /// what `fetch` returns (the decoded value and the body), kept for `ttl`. When several
    /// processes miss at once, one fetches (the one taking the entry's lock) while the others
    /// wait for its entry, as for tokens; a store that fails makes every process fetch.
    pub(crate) fn read_through<T>(
        &self,
        family: Family,
        path: &str,
        query: &[(&str, String)],
        decode: impl Fn(&[u8]) -> Option<T>,
        fetch: impl FnOnce() -> Result<(T, Vec<u8>)>,
    ) -> Result<T> {
        let Some(generation) = self.generation(family) else {
            return fetch().map(|(value, _)| value);
        };
        let key = self.entry_key(family, &generation, path, query);
        let read = || match self.shared.note(self.shared.store().get(&key)) {
            None => Found::StoreFailed,
            Some(None) => Found::Nothing,
            Some(Some(value)) => match self.shared.open(&key, &value).and_then(|b| decode(&b)) {
                Some(v) => {
                    log::debug!("GET /{path}: answered from the template cache");
                    Found::Fresh((v, None))
                }
                None => Found::Nothing,
            },
        };
        let keep = |(value, body): (T, Option<Vec<u8>>)| {
            if let Some(sealed) = body.as_ref().and_then(|b| self.shared.seal(&key, b)) {
                self.shared
                    .note(self.shared.store().put(&key, &sealed, self.ttl));
            }
            (value, body)
        };
        let lock_key = format!("{key}:lock");
        single_flight::obtain(
            &self.shared,
            &lock_key,
            "template cache entry",
            read,
            || fetch().map(|(value, body)| (value, Some(body))),
            keep,
        )
        .map(|(value, _)| value)
    }

    /// Gives `family` a new generation: every process's next read of it misses.
    pub(crate) fn invalidate(&self, family: Family) {
        let fresh = format!("{:032x}", fastrand::u128(..));
        self.shared.note(self.shared.store().put(
            &self.generation_key(family),
            &fresh,
            GENERATION_TTL,
        ));
    }
}
