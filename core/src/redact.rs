//! Redaction helpers for `Debug` output of request bodies that may hold secrets.

use serde_json::{Map, Value};

/// Shows a config's keys with every value hidden: request bodies are printed without knowing
/// which fields the connector spec marks `airbyte_secret`.
pub(crate) struct KeysOnly<'a>(pub(crate) &'a Map<String, Value>);

impl std::fmt::Debug for KeysOnly<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut m = f.debug_map();
        for k in self.0.keys() {
            m.entry(k, &format_args!("[REDACTED]"));
        }
        m.finish()
    }
}
