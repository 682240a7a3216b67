//! A short-lived cache of source templates, each with its `user_config_spec` compiled, so
//! validating many creates, updates and checks against one template costs one request and no
//! look-up of the spec per call (not even the hash of the process-wide spec cache).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::Result;
use crate::integrations::SourceTemplate;
use crate::validation::Spec;

/// How long a fetched template is reused for validation.
pub(crate) const TEMPLATE_TTL: Duration = Duration::from_secs(60);

/// A source template with its `user_config_spec` loaded (through the process-wide spec cache,
/// once per fetch).
pub(crate) struct CachedTemplate {
    /// The template as the service returned it.
    pub(crate) template: SourceTemplate,
    /// The compiled `user_config_spec`: `None` when the template has none, the load error
    /// when it does not compile (reported by each validation, as the free functions do).
    pub(crate) spec: Option<Result<Spec>>,
}

impl CachedTemplate {
    /// `template` with its spec loaded.
    pub(crate) fn new(template: SourceTemplate) -> CachedTemplate {
        let spec = template
            .user_config_spec
            .as_ref()
            .map(|spec| Spec::load(spec.value()));
        CachedTemplate { template, spec }
    }
}

/// Source templates by id, each kept for [`TEMPLATE_TTL`].
#[derive(Default)]
pub(crate) struct TemplateCache {
    entries: Mutex<HashMap<String, (Instant, Arc<CachedTemplate>)>>,
}

impl TemplateCache {
    /// The cached template `id`, or the one `fetch` returns (then cached).
    pub(crate) fn get_or_fetch(
        &self,
        id: &str,
        fetch: impl FnOnce() -> Result<SourceTemplate>,
    ) -> Result<Arc<CachedTemplate>> {
        if let Some(cached) = self.fresh(id) {
            return Ok(cached);
        }
        Ok(self.insert(CachedTemplate::new(fetch()?)))
    }

    /// The cached entry for `template` (a copy the service returned inside a source) when it
    /// is the same version (the same `updated_at`), else `template` itself, then cached.
    pub(crate) fn get_or_adopt(&self, template: SourceTemplate) -> Arc<CachedTemplate> {
        if let Some(cached) = self.fresh(&template.id)
            && cached.template.updated_at.is_some()
            && cached.template.updated_at == template.updated_at
        {
            return cached;
        }
        self.insert(CachedTemplate::new(template))
    }

    fn fresh(&self, id: &str) -> Option<Arc<CachedTemplate>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(id)
            .filter(|(at, _)| at.elapsed() < TEMPLATE_TTL)
            .map(|(_, t)| Arc::clone(t))
    }

    fn insert(&self, template: CachedTemplate) -> Arc<CachedTemplate> {
        let template = Arc::new(template);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|_, (at, _)| at.elapsed() < TEMPLATE_TTL);
        entries.insert(
            template.template.id.clone(),
            (Instant::now(), Arc::clone(&template)),
        );
        template
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn template(id: &str, updated_at: Option<&str>, maximum: u64) -> SourceTemplate {
        serde_json::from_value(json!({
            "id": id,
            "updated_at": updated_at,
            "user_config_spec": {"connectionSpecification": {"type": "object",
                "properties": {"n": {"type": "integer", "maximum": maximum}}}},
        }))
        .unwrap()
    }

    #[test]
    fn a_fetched_template_keeps_its_compiled_spec() {
        let cache = TemplateCache::default();
        let first = cache
            .get_or_fetch("t1", || Ok(template("t1", None, 3)))
            .unwrap();
        let again = cache
            .get_or_fetch("t1", || panic!("fetched twice"))
            .unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        let Some(Ok(spec)) = &again.spec else {
            panic!("no compiled spec")
        };
        let options = crate::validation::ValidationOptions::default();
        let config = |n: u64| json!({"n": n}).as_object().unwrap().clone();
        assert!(
            spec.validate(&Default::default(), &config(3), &options)
                .is_ok()
        );
        assert!(
            spec.validate(&Default::default(), &config(4), &options)
                .is_err()
        );
    }

    #[test]
    fn an_embedded_copy_is_adopted_unless_the_cache_holds_its_version() {
        let cache = TemplateCache::default();
        let kept = cache.get_or_adopt(template("t1", Some("2026-01-01T00:00:00Z"), 3));
        let same = cache.get_or_adopt(template("t1", Some("2026-01-01T00:00:00Z"), 3));
        assert!(Arc::ptr_eq(&kept, &same));
        let newer = cache.get_or_adopt(template("t1", Some("2026-01-02T00:00:00Z"), 5));
        assert!(!Arc::ptr_eq(&kept, &newer));
        let from_cache = cache.get_or_fetch("t1", || panic!("fetched")).unwrap();
        assert!(Arc::ptr_eq(&newer, &from_cache));
        // Without a version to compare, the copy in hand wins.
        let unversioned = cache.get_or_adopt(template("t1", None, 7));
        assert!(!Arc::ptr_eq(&newer, &unversioned));
        assert!(cache.get_or_adopt(template("t1", None, 7)).spec.is_some());
    }

    #[test]
    fn a_template_without_spec_or_with_a_broken_one_is_cached_as_such() {
        let cache = TemplateCache::default();
        let bare: SourceTemplate = serde_json::from_value(json!({"id": "t2"})).unwrap();
        assert!(cache.get_or_adopt(bare).spec.is_none());
        let broken: SourceTemplate = serde_json::from_value(
            json!({"id": "t3", "user_config_spec": {"connectionSpecification": {"type": "wat"}}}),
        )
        .unwrap();
        assert!(matches!(
            cache.get_or_adopt(broken).spec,
            Some(Err(crate::Error::InvalidSpec { .. }))
        ));
    }
}
