//! The Embedded API's source templates, end-user side: `/embedded/source-templates`.

use crate::Result;
use crate::api::Api;
use crate::common::{DataList, TagFilter, require_id};
use crate::http::url::segment;
use crate::integrations::{SourceTemplate, SourceTemplateSummary};
use crate::read_cache::Family;

/// Source templates an end user may pick from. Get one from
/// [`crate::EndUserClient::source_templates`].
pub struct EmbeddedSourceTemplates<'a> {
    pub(crate) api: &'a Api,
}

impl EmbeddedSourceTemplates<'_> {
    /// Lists the templates offered to the end user, optionally narrowed by tags.
    /// `GET /embedded/source-templates?tags=…&tags_mode=…`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`crate::Error::Unauthorized`] for an expired scoped token; transport errors.
    pub fn list(&self, filter: &TagFilter) -> Result<Vec<SourceTemplateSummary>> {
        Ok(self
            .api
            .get_cached::<DataList<_>>(
                Family::SourceTemplates,
                "embedded/source-templates",
                &filter.query(),
            )?
            .data)
    }

    /// Reads one template with its `user_config_spec` (what the end user fills).
    /// `GET /embedded/source-templates/{id}`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`crate::Error::NotFound`].
    pub fn get(&self, id: &str) -> Result<SourceTemplate> {
        let id = require_id("id", id)?;
        self.api.get_cached(
            Family::SourceTemplates,
            &format!("embedded/source-templates/{}", segment(id)),
            &[],
        )
    }
}
