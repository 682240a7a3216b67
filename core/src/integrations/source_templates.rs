//! Source templates, operator side: `/integrations/templates/sources`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::customization::Customization;
use crate::api::Api;
use crate::common::{DataList, Deleted, TagFilter, null_as_default, require_id, tag_names};
use crate::http::url::segment;
use crate::open_enum::open_enum;
use crate::read_cache::Family;
use crate::retry::Replay;
use crate::{ConnectorSpec, Result};

open_enum! {
    /// How a template's sources are run (2026 service versions; older ones omit `mode`, and the
    /// service's default is `REPLICATION`).
    pub enum SourceConfigTemplateMode {
        /// Direct: the connector is called on demand, nothing is replicated.
        Direct => "DIRECT",
        /// Replication: data is synced to the destination (the service's default).
        Replication => "REPLICATION",
        /// Both direct calls and replication.
        Multi => "MULTI",
    }
}

/// A source template: which connector end users may pick, with the operator's defaults.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SourceTemplate {
    /// Template id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Icon URL.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub icon: Option<String>,
    /// The connector definition (the request field `actor_definition_id`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub source_definition_id: Option<String>,
    /// The connector spec end users fill (a `ConnectorSpecification`, as the service sent
    /// it): the connector's spec with the fields that `partial_default_config` supplies not
    /// required.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user_config_spec: Option<ConnectorSpec>,
    /// The operator's defaults, merged under every end user's config (raw JSON; secrets come
    /// back masked).
    #[serde(default, deserialize_with = "null_as_default")]
    pub partial_default_config: Map<String, Value>,
    /// Stream selection.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customization: Option<Customization>,
    /// Tag names.
    #[serde(default, deserialize_with = "tag_names")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tags: Vec<String>,
    /// How its sources run (2026 service versions; `None` when the service omits it, which
    /// then means `REPLICATION`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub mode: Option<SourceConfigTemplateMode>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub updated_at: Option<String>,
}

crate::redact::keys_only_debug!(SourceTemplate {
    id: shown,
    name: shown,
    icon: shown,
    source_definition_id: shown,
    user_config_spec: shown,
    partial_default_config: config,
    customization: shown,
    tags: shown,
    mode: shown,
    created_at: shown,
    updated_at: shown,
});
crate::redact::display_via_debug!(SourceTemplateCreate, SourceTemplateUpdate, Customization);

/// A source template in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceTemplateSummary {
    /// Template id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Icon URL.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub icon: Option<String>,
    /// The owning organisation (2026 service versions; `None` when omitted or `null`, as for
    /// Airbyte's global templates).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organization_id: Option<String>,
    /// The connector definition (2026 service versions; the full template calls it
    /// `source_definition_id`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub actor_definition_id: Option<String>,
    /// Tag names.
    #[serde(default, deserialize_with = "tag_names")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tags: Vec<String>,
    /// Stream selection.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customization: Option<Customization>,
    /// How its sources run (2026 service versions; `None` when omitted, meaning
    /// `REPLICATION`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub mode: Option<SourceConfigTemplateMode>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub updated_at: Option<String>,
}

/// Body of `POST /integrations/templates/sources`. `Debug` hides config values.
///
/// Its JSON form (the C ABI's): unknown fields are refused; optional fields may be left out.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SourceTemplateCreate {
    /// The connector definition id (from [`crate::integrations::Definitions`]).
    pub actor_definition_id: String,
    /// Defaults merged under every end user's config (raw JSON, sent as is).
    #[serde(default)]
    pub partial_default_config: Map<String, Value>,
    /// Display name; the service defaults to the connector's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Stream selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customization: Option<Customization>,
}

impl SourceTemplateCreate {
    /// A template for `actor_definition_id` with `partial_default_config`.
    pub fn new(
        actor_definition_id: impl Into<String>,
        partial_default_config: Map<String, Value>,
    ) -> Self {
        SourceTemplateCreate {
            actor_definition_id: actor_definition_id.into(),
            partial_default_config,
            name: None,
            customization: None,
        }
    }

    /// Sets the display name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

impl std::fmt::Debug for SourceTemplateCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceTemplateCreate")
            .field("actor_definition_id", &self.actor_definition_id)
            .field(
                "partial_default_config",
                &crate::redact::KeysOnly(&self.partial_default_config),
            )
            .field("name", &self.name)
            .field("customization", &self.customization)
            .finish()
    }
}

/// Body of `PATCH /integrations/templates/sources/{id}`. `Debug` hides config values.
///
/// Its JSON form (the C ABI's): unknown fields are refused; optional fields may be left out.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct SourceTemplateUpdate {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The new defaults (the service requires the field on every update).
    pub partial_default_config: Map<String, Value>,
    /// New stream selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customization: Option<Customization>,
    /// Whether existing sources made from the template get the new defaults (service default:
    /// `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub propagate: Option<bool>,
}

impl std::fmt::Debug for SourceTemplateUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceTemplateUpdate")
            .field("name", &self.name)
            .field(
                "partial_default_config",
                &crate::redact::KeysOnly(&self.partial_default_config),
            )
            .field("customization", &self.customization)
            .field("propagate", &self.propagate)
            .finish()
    }
}

#[derive(Serialize)]
struct CloneBody<'a> {
    original_source_template_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct TagBody<'a> {
    tag: &'a str,
}

const BASE: &str = "integrations/templates/sources";

/// Source-template operations for the operator. Get one from
/// [`crate::OperatorClient::source_templates`].
pub struct SourceTemplates<'a> {
    pub(crate) api: &'a Api,
}

impl SourceTemplates<'_> {
    /// Lists the organisation's source templates, optionally narrowed by tags.
    ///
    /// `GET /integrations/templates/sources?tags=…&tags_mode=…`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`crate::Error::Unauthorized`], [`crate::Error::Forbidden`], transport errors.
    pub fn list(&self, filter: &TagFilter) -> Result<Vec<SourceTemplateSummary>> {
        Ok(self
            .api
            .get_cached::<DataList<_>>(Family::SourceTemplates, BASE, &filter.query())?
            .data)
    }

    /// Lists source templates as [`SourceTemplates::list`] does, with the 2026 `use_global`
    /// flag: `true` lists the global templates instead of the organisation's (2026 service
    /// versions; older ones ignore the flag and list the organisation's, so use
    /// [`SourceTemplates::list_global`] there).
    /// `GET /integrations/templates/sources?tags=…&tags_mode=…&use_global=…`.
    ///
    /// # Errors
    /// As [`SourceTemplates::list`].
    pub fn list_with(
        &self,
        filter: &TagFilter,
        use_global: bool,
    ) -> Result<Vec<SourceTemplateSummary>> {
        let mut query = filter.query();
        if use_global {
            query.push(("use_global", "true".to_owned()));
        }
        Ok(self
            .api
            .get_cached::<DataList<_>>(Family::SourceTemplates, BASE, &query)?
            .data)
    }

    /// Lists the Airbyte-maintained (global) source templates, the same for every
    /// organisation: the ones an operator clones ([`SourceTemplates::clone_template`]) to offer
    /// a connector with Airbyte's defaults. `GET /integrations/templates/sources/global`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`crate::Error::Unauthorized`], [`crate::Error::Forbidden`], transport errors.
    pub fn list_global(&self) -> Result<Vec<SourceTemplateSummary>> {
        Ok(self
            .api
            .get_cached::<DataList<_>>(Family::SourceTemplates, &format!("{BASE}/global"), &[])?
            .data)
    }

    /// Reads one source template. `GET /integrations/templates/sources/{id}`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when no such template is visible; [`crate::Error::InvalidArgument`] for an
    /// empty id.
    pub fn get(&self, id: &str) -> Result<SourceTemplate> {
        let id = require_id("id", id)?;
        self.api.get_cached(
            Family::SourceTemplates,
            &format!("{BASE}/{}", segment(id)),
            &[],
        )
    }

    /// Creates a source template. `POST /integrations/templates/sources`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for an empty definition id or a whitelist without streams
    /// (nothing sent); [`crate::Error::Validation`] when the service refuses the defaults;
    /// [`crate::Error::NotFound`] for an unknown definition.
    pub fn create(&self, template: &SourceTemplateCreate) -> Result<SourceTemplate> {
        require_id("actor_definition_id", &template.actor_definition_id)?;
        if let Some(c) = &template.customization {
            c.check()?;
        }
        let result = self.api.post(
            BASE,
            template,
            Replay::Unsafe {
                advice: "list source templates by name before retrying",
            },
        );
        self.api.wrote(Family::SourceTemplates, result)
    }

    /// Creates a copy of an existing template (one of the organisation's, or a global one from
    /// [`SourceTemplates::list_global`]) in the organisation, optionally renamed.
    /// `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when the original does not exist.
    pub fn clone_template(&self, original_id: &str, name: Option<&str>) -> Result<SourceTemplate> {
        let original_source_template_id = require_id("original_source_template_id", original_id)?;
        let result = self.api.post(
            BASE,
            &CloneBody {
                original_source_template_id,
                name,
            },
            Replay::Unsafe {
                advice: "list source templates by name before retrying",
            },
        );
        self.api.wrote(Family::SourceTemplates, result)
    }

    /// Updates a template. `PATCH /integrations/templates/sources/{id}`.
    ///
    /// A value equal to the mask `**********` anywhere in `partial_default_config` is
    /// refused before anything is sent: it is what [`SourceTemplates::get`] shows in place of
    /// a secret default, and sending it back would make the mask the new default. Send the
    /// real value, or leave the key out.
    ///
    /// # Errors
    /// As [`SourceTemplates::create`], plus [`crate::Error::NotFound`], and
    /// [`crate::Error::InvalidConfig`] naming the path of every mask in `partial_default_config`
    /// (keyword `"airbyte_secret"`, a JSON pointer into it), with nothing sent.
    pub fn update(&self, id: &str, update: &SourceTemplateUpdate) -> Result<SourceTemplate> {
        let id = require_id("id", id)?;
        if let Some(c) = &update.customization {
            c.check()?;
        }
        crate::validation::refuse_any_mask(&update.partial_default_config)?;
        let result = self.api.patch(
            &format!("{BASE}/{}", segment(id)),
            update,
            Replay::Unsafe {
                advice: "read the source template before retrying",
            },
        );
        self.api.wrote(Family::SourceTemplates, result)
    }

    /// Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when it does not exist.
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        let result = self.api.delete(&format!("{BASE}/{}", segment(id)));
        self.api.wrote(Family::SourceTemplates, result)
    }

    /// Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when the template or tag does not exist.
    pub fn add_tag(&self, id: &str, tag: &str) -> Result<SourceTemplate> {
        let id = require_id("id", id)?;
        let tag = require_id("tag", tag)?;
        let result = self.api.post(
            &format!("{BASE}/{}/tags", segment(id)),
            &TagBody { tag },
            Replay::Unsafe {
                advice: "read the source template's tags before retrying",
            },
        );
        self.api.wrote(Family::SourceTemplates, result)
    }

    /// Removes a tag from a template.
    /// `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when the template or tag does not exist.
    pub fn remove_tag(&self, id: &str, tag: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        let tag = require_id("tag", tag)?;
        let result = self
            .api
            .delete(&format!("{BASE}/{}/tags/{}", segment(id), segment(tag)));
        self.api.wrote(Family::SourceTemplates, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::integrations::StreamSelectionMode;

    #[test]
    fn template_tolerates_nulls_and_unknown_fields() {
        let t: SourceTemplate = serde_json::from_str(
            r#"{"id": "t1", "name": null, "partial_default_config": null, "tags": null,
                "customization": {"stream_selection_mode": "by_magic"}, "surprise": 1}"#,
        )
        .unwrap();
        assert!(t.partial_default_config.is_empty());
        assert!(t.tags.is_empty());
        assert_eq!(
            t.customization.unwrap().stream_selection_mode,
            Some(StreamSelectionMode::Unknown("by_magic".into()))
        );
    }

    #[test]
    fn whitelist_needs_streams() {
        let c = Customization {
            stream_selection_mode: Some(StreamSelectionMode::Whitelist),
            stream_whitelist: Some(vec![]),
            ..Customization::default()
        };
        assert!(matches!(c.check(), Err(Error::InvalidArgument { .. })));
    }

    #[test]
    fn create_debug_hides_default_values() {
        let mut defaults = Map::new();
        defaults.insert("api_key".into(), Value::String("sk_live_123".into()));
        let shown = format!("{:?}", SourceTemplateCreate::new("d", defaults));
        assert!(shown.contains("api_key"));
        assert!(!shown.contains("sk_live_123"));
    }
}
