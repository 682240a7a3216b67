//! Cached template lists and reads (opt-in, [`crate::ClientConfigBuilder::template_cache_ttl`]),
//! kept in the client's token store so that every process sharing the store shares them.
//!
//! Each family (source templates, connection templates) has a generation in the store; an
//! entry's key holds the generation it was read under, the viewer (the operator, or an end
//! user's workspace) and the request's path and query. A write through the SDK gives the
//! family a new generation, so every process's next read misses. The generation is read
//! before the request is sent, so a list fetched while another process writes is kept under
//! the old generation and never read again.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::shared::SharedTokens;

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

/// What a lookup found.
pub(crate) enum Lookup {
    /// A response body kept earlier.
    Hit(Vec<u8>),
    /// Nothing; a body read now is kept under this generation (none when the store failed).
    Miss(Option<String>),
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

    /// The body kept for `GET path?query`, if any.
    pub(crate) fn lookup(&self, family: Family, path: &str, query: &[(&str, String)]) -> Lookup {
        let Some(generation) = self.generation(family) else {
            return Lookup::Miss(None);
        };
        let key = self.entry_key(family, &generation, path, query);
        let found = self.shared.note(self.shared.store().get(&key)).flatten();
        match found.and_then(|value| self.shared.open(&key, &value)) {
            Some(body) => {
                log::debug!("GET /{path}: answered from the template cache");
                Lookup::Hit(body.to_vec())
            }
            None => Lookup::Miss(Some(generation)),
        }
    }

    /// Keeps `body`, the answer to `GET path?query`, under `generation`.
    pub(crate) fn keep(
        &self,
        family: Family,
        generation: &str,
        path: &str,
        query: &[(&str, String)],
        body: &[u8],
    ) {
        let key = self.entry_key(family, generation, path, query);
        if let Some(value) = self.shared.seal(&key, body) {
            self.shared
                .note(self.shared.store().put(&key, &value, self.ttl));
        }
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
