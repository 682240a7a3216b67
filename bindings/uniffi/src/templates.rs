//! Source templates: the operator's (`/integrations/templates/sources`) and the ones offered
//! to an end user (`/embedded/source-templates`).

use airbyte_embedded::integrations as ci;

use crate::Result;
use crate::common::{
    Deleted, TagFilter, conv, conv_vec, object, object_text, open_enum, value_text,
};
use crate::lifecycle::{EndUserSlot, OperatorSlot};
use crate::redact::masked_debug;

open_enum! {
    /// Which streams a source made from a template syncs.
    pub enum StreamSelectionMode mirrors ci::StreamSelectionMode {
        /// Every stream (`all`).
        All,
        /// The connector's suggested streams (`suggested`, the service's default).
        Suggested,
        /// Only the streams in `stream_whitelist` (`whitelist`).
        Whitelist,
    }
}

open_enum! {
    /// How a template's sources run (2026 service versions).
    pub enum SourceConfigTemplateMode mirrors ci::SourceConfigTemplateMode {
        /// The connector is called on demand, nothing replicated (`DIRECT`).
        Direct,
        /// Data is synced to the destination (`REPLICATION`, the service's default).
        Replication,
        /// Both (`MULTI`).
        Multi,
    }
}

/// How sources made from a template select streams. Printed with `other_json` as keys only
/// (a stream mapper may hold an encryption key).
#[derive(Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct Customization {
    /// The selection mode; `None` leaves the service's default (`Suggested`).
    #[uniffi(default)]
    pub stream_selection_mode: Option<StreamSelectionMode>,
    /// Stream names; required and non-empty with `Whitelist`.
    #[uniffi(default)]
    pub stream_whitelist: Option<Vec<String>>,
    /// Every other field the service sent (`stream_customizations`, `stream_mappers`, …), as
    /// JSON object text: kept so that a read → change → update round trip sends them back.
    /// Defaults to `{}`; text that is not a JSON object is refused when the record is sent.
    #[uniffi(default = "{}")]
    pub other_json: String,
}

masked_debug!(Customization {
    stream_selection_mode: shown,
    stream_whitelist: shown,
    other_json: config,
});

impl From<ci::Customization> for Customization {
    fn from(c: ci::Customization) -> Self {
        Customization {
            stream_selection_mode: c.stream_selection_mode.map(Into::into),
            stream_whitelist: c.stream_whitelist,
            other_json: crate::common::value_text(&serde_json::Value::Object(c.other)),
        }
    }
}

impl Customization {
    /// The core customization.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` naming `customization.other_json` when it is not a
    /// JSON object.
    pub(crate) fn into_core(self) -> Result<ci::Customization> {
        let other = if self.other_json.trim().is_empty() {
            serde_json::Map::new()
        } else {
            crate::common::object("customization.other_json", &self.other_json)?
        };
        Ok(ci::Customization {
            stream_selection_mode: self.stream_selection_mode.map(Into::into),
            stream_whitelist: self.stream_whitelist,
            other,
        })
    }
}

/// A source template: which connector end users may pick, with the operator's defaults.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `partial_default_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct SourceTemplate {
    /// Template id.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Icon URL.
    pub icon: Option<String>,
    /// The connector definition (the request field `actor_definition_id`).
    pub source_definition_id: Option<String>,
    /// The connector spec end users fill, as JSON text (a `ConnectorSpecification`:
    /// `{"connectionSpecification": {...}, "documentationUrl": ...}`), with the fields that
    /// `partial_default_config` supplies no longer required.
    pub user_config_spec: Option<String>,
    /// The operator's defaults merged under every end user's config, as JSON object text
    /// (secrets come back masked as `**********`).
    pub partial_default_config: String,
    /// Stream selection.
    pub customization: Option<Customization>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
    /// How its sources run (2026 service versions; `None` when omitted, meaning
    /// `Replication`).
    #[uniffi(default)]
    pub mode: Option<SourceConfigTemplateMode>,
}

masked_debug!(SourceTemplate {
    id: shown,
    name: shown,
    icon: shown,
    source_definition_id: shown,
    user_config_spec: shown,
    partial_default_config: config,
    customization: shown,
    tags: shown,
    created_at: shown,
    updated_at: shown,
    mode: shown,
});

impl From<ci::SourceTemplate> for SourceTemplate {
    fn from(t: ci::SourceTemplate) -> Self {
        SourceTemplate {
            id: t.id,
            name: t.name,
            icon: t.icon,
            source_definition_id: t.source_definition_id,
            user_config_spec: t.user_config_spec.as_ref().map(value_text),
            partial_default_config: object_text(&t.partial_default_config),
            customization: t.customization.map(Into::into),
            tags: t.tags,
            created_at: t.created_at,
            updated_at: t.updated_at,
            mode: t.mode.map(Into::into),
        }
    }
}

/// A source template in a list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SourceTemplateSummary {
    /// Template id.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Icon URL.
    pub icon: Option<String>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Stream selection.
    pub customization: Option<Customization>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
    /// The owning organisation (2026 service versions; `None` when omitted or `null`, as for
    /// Airbyte's global templates).
    #[uniffi(default)]
    pub organization_id: Option<String>,
    /// The connector definition (2026 service versions; the full template calls it
    /// `source_definition_id`).
    #[uniffi(default)]
    pub actor_definition_id: Option<String>,
    /// How its sources run (2026 service versions; `None` when omitted, meaning
    /// `Replication`).
    #[uniffi(default)]
    pub mode: Option<SourceConfigTemplateMode>,
}

impl From<ci::SourceTemplateSummary> for SourceTemplateSummary {
    fn from(t: ci::SourceTemplateSummary) -> Self {
        SourceTemplateSummary {
            id: t.id,
            name: t.name,
            icon: t.icon,
            tags: t.tags,
            customization: t.customization.map(Into::into),
            created_at: t.created_at,
            updated_at: t.updated_at,
            organization_id: t.organization_id,
            actor_definition_id: t.actor_definition_id,
            mode: t.mode.map(Into::into),
        }
    }
}

/// Body of `POST /integrations/templates/sources`.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `partial_default_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct SourceTemplateCreate {
    /// The connector definition id (`SourceDefinitionSummary.source_definition_id`).
    pub actor_definition_id: String,
    /// Defaults merged under every end user's config, as JSON object text (sent as is).
    /// Defaults to `{}`.
    #[uniffi(default = "{}")]
    pub partial_default_config: String,
    /// Display name; `None` lets the service use the connector's name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Stream selection; `None` leaves the service's default.
    #[uniffi(default)]
    pub customization: Option<Customization>,
}

masked_debug!(SourceTemplateCreate {
    actor_definition_id: shown,
    partial_default_config: config,
    name: shown,
    customization: shown,
});

impl SourceTemplateCreate {
    fn into_core(self) -> Result<ci::SourceTemplateCreate> {
        let mut out = ci::SourceTemplateCreate::new(
            self.actor_definition_id,
            object("partial_default_config", &self.partial_default_config)?,
        );
        out.name = self.name;
        out.customization = self
            .customization
            .map(Customization::into_core)
            .transpose()?;
        Ok(out)
    }
}

/// Body of `PATCH /integrations/templates/sources/{id}`.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `partial_default_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct SourceTemplateUpdate {
    /// The new defaults, as JSON object text (the service requires the field on every
    /// update).
    pub partial_default_config: String,
    /// New display name; `None` keeps it.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New stream selection; `None` keeps it.
    #[uniffi(default)]
    pub customization: Option<Customization>,
    /// Whether existing sources made from the template get the new defaults; `None` leaves
    /// the service's default (`false`).
    #[uniffi(default)]
    pub propagate: Option<bool>,
}

masked_debug!(SourceTemplateUpdate {
    partial_default_config: config,
    name: shown,
    customization: shown,
    propagate: shown,
});

impl SourceTemplateUpdate {
    fn into_core(self) -> Result<ci::SourceTemplateUpdate> {
        Ok(ci::SourceTemplateUpdate {
            name: self.name,
            partial_default_config: object("partial_default_config", &self.partial_default_config)?,
            customization: self
                .customization
                .map(Customization::into_core)
                .transpose()?,
            propagate: self.propagate,
        })
    }
}

/// Source-template operations for the operator (`OperatorClient.source_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct SourceTemplates {
    pub(crate) client: OperatorSlot,
}

#[uniffi::export]
impl SourceTemplates {
    /// Lists the organisation's source templates, narrowed by `filter` (default: all).
    /// `GET /integrations/templates/sources?tags=…&tags_mode=…`.
    ///
    /// # Errors
    /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
    #[uniffi::method(default(filter = None))]
    pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<SourceTemplateSummary>> {
        let filter = filter.unwrap_or_default().into();
        conv_vec(self.client.get()?.source_templates().list(&filter))
    }

    /// Reads one source template. `GET /integrations/templates/sources/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
    pub fn get(&self, id: String) -> Result<SourceTemplate> {
        conv(self.client.get()?.source_templates().get(&id))
    }

    /// Creates a source template. `POST /integrations/templates/sources`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
    /// JSON object, or a whitelist without streams (nothing sent);
    /// `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
    pub fn create(&self, template: SourceTemplateCreate) -> Result<SourceTemplate> {
        let template = template.into_core()?;
        conv(self.client.get()?.source_templates().create(&template))
    }

    /// Creates a copy of an existing template, optionally renamed.
    /// `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` when the original does not exist.
    #[uniffi::method(default(name = None))]
    pub fn clone_template(
        &self,
        original_id: String,
        name: Option<String>,
    ) -> Result<SourceTemplate> {
        conv(
            self.client
                .get()?
                .source_templates()
                .clone_template(&original_id, name.as_deref()),
        )
    }

    /// Updates a template. `PATCH /integrations/templates/sources/{id}`.
    ///
    /// # Errors
    /// As `create`, plus `AirbyteError.NotFound`.
    pub fn update(&self, id: String, update: SourceTemplateUpdate) -> Result<SourceTemplate> {
        let update = update.into_core()?;
        conv(self.client.get()?.source_templates().update(&id, &update))
    }

    /// Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn delete(&self, id: String) -> Result<Deleted> {
        conv(self.client.get()?.source_templates().delete(&id))
    }

    /// Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` when the template or tag does not exist.
    pub fn add_tag(&self, id: String, tag: String) -> Result<SourceTemplate> {
        conv(self.client.get()?.source_templates().add_tag(&id, &tag))
    }

    /// Removes a tag from a template.
    /// `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` when the template or tag does not exist.
    pub fn remove_tag(&self, id: String, tag: String) -> Result<Deleted> {
        conv(self.client.get()?.source_templates().remove_tag(&id, &tag))
    }
}

/// The source templates an end user may pick from (`EndUserClient.source_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct EmbeddedSourceTemplates {
    pub(crate) client: EndUserSlot,
}

#[uniffi::export]
impl EmbeddedSourceTemplates {
    /// Lists the templates offered to the end user, narrowed by `filter` (default: all).
    /// `GET /embedded/source-templates?tags=…&tags_mode=…`.
    ///
    /// # Errors
    /// `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
    #[uniffi::method(default(filter = None))]
    pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<SourceTemplateSummary>> {
        let filter = filter.unwrap_or_default().into();
        conv_vec(self.client.get()?.source_templates().list(&filter))
    }

    /// Reads one template with its `user_config_spec` (what the end user fills).
    /// `GET /embedded/source-templates/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn get(&self, id: String) -> Result<SourceTemplate> {
        conv(self.client.get()?.source_templates().get(&id))
    }
}
