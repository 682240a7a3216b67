//! A short-lived cache of source templates, so validating many creates against one template
//! costs one request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::Result;
use crate::integrations::SourceTemplate;

/// How long a fetched template is reused for validation.
pub(crate) const TEMPLATE_TTL: Duration = Duration::from_secs(60);

/// Source templates by id, each kept for [`TEMPLATE_TTL`].
#[derive(Default)]
pub(crate) struct TemplateCache {
    entries: Mutex<HashMap<String, (Instant, Arc<SourceTemplate>)>>,
}

impl TemplateCache {
    /// The cached template `id`, or the one `fetch` returns (then cached).
    pub(crate) fn get_or_fetch(
        &self,
        id: &str,
        fetch: impl FnOnce() -> Result<SourceTemplate>,
    ) -> Result<Arc<SourceTemplate>> {
        {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((at, t)) = entries.get(id)
                && at.elapsed() < TEMPLATE_TTL
            {
                return Ok(Arc::clone(t));
            }
        }
        let fetched = Arc::new(fetch()?);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|_, (at, _)| at.elapsed() < TEMPLATE_TTL);
        entries.insert(id.to_owned(), (Instant::now(), Arc::clone(&fetched)));
        Ok(fetched)
    }
}
