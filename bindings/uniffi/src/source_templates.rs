//! Source templates: the operator's (`/integrations/templates/sources`) and the ones offered
//! to an end user (`/embedded/source-templates`).

use crate::Result;
use crate::lifecycle::{EndUserSlot, OperatorSlot};
use crate::models::{
    Deleted, SourceTemplate, SourceTemplateCreate, SourceTemplateSummary, SourceTemplateUpdate,
    TagFilter,
};
use crate::twin::twin;

/// Source-template operations for the operator (`OperatorClient.source_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct SourceTemplates {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `SourceTemplates` (`AsyncOperatorClient.source_templates()`): the
    /// same methods, awaited.
    pub struct AsyncSourceTemplates for SourceTemplates;
}

twin! {
    impl SourceTemplates => AsyncSourceTemplates {
        awaited {
            /// Lists the organisation's source templates, narrowed by `filter` (default: all).
            /// `GET /integrations/templates/sources?tags=…&tags_mode=…`.
            ///
            /// # Errors
            /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
            #[uniffi::method(default(filter = None))]
            pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<SourceTemplateSummary>> {
                let filter = filter.unwrap_or_default();
                self.client.get()?.source_templates().list(&filter)
            }

            /// Lists source templates with the 2026 `use_global` flag: `true` lists the global
            /// templates instead of the organisation's (older service versions ignore it: use
            /// `list_global` there). `GET /integrations/templates/sources?…&use_global=…`.
            ///
            /// # Errors
            /// As `list`.
            #[uniffi::method(default(filter = None))]
            pub fn list_with(
                &self,
                use_global: bool,
                filter: Option<TagFilter>,
            ) -> Result<Vec<SourceTemplateSummary>> {
                let filter = filter.unwrap_or_default();
                self.client
                    .get()?
                    .source_templates()
                    .list_with(&filter, use_global)
            }

            /// Lists the Airbyte-maintained (global) source templates, the same for every
            /// organisation: the ones to clone (`clone_template`) to offer a connector with Airbyte's
            /// defaults. `GET /integrations/templates/sources/global`.
            ///
            /// # Errors
            /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
            pub fn list_global(&self) -> Result<Vec<SourceTemplateSummary>> {
                self.client.get()?.source_templates().list_global()
            }

            /// Reads one source template. `GET /integrations/templates/sources/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
            pub fn get(&self, id: String) -> Result<SourceTemplate> {
                self.client.get()?.source_templates().get(&id)
            }

            /// Creates a source template. `POST /integrations/templates/sources`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
            /// JSON object, or a whitelist without streams (nothing sent);
            /// `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
            pub fn create(&self, template: SourceTemplateCreate) -> Result<SourceTemplate> {
                let template = template;
                self.client.get()?.source_templates().create(&template)
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
                self.client
                    .get()?
                    .source_templates()
                    .clone_template(&original_id, name.as_deref())
            }

            /// Updates a template. `PATCH /integrations/templates/sources/{id}`.
            ///
            /// # Errors
            /// As `create`, plus `AirbyteError.NotFound`.
            pub fn update(&self, id: String, update: SourceTemplateUpdate) -> Result<SourceTemplate> {
                let update = update;
                self.client.get()?.source_templates().update(&id, &update)
            }

            /// Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, id: String) -> Result<Deleted> {
                self.client.get()?.source_templates().delete(&id)
            }

            /// Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` when the template or tag does not exist.
            pub fn add_tag(&self, id: String, tag: String) -> Result<SourceTemplate> {
                self.client.get()?.source_templates().add_tag(&id, &tag)
            }

            /// Removes a tag from a template.
            /// `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` when the template or tag does not exist.
            pub fn remove_tag(&self, id: String, tag: String) -> Result<Deleted> {
                self.client.get()?.source_templates().remove_tag(&id, &tag)
            }
        }
    }
}

/// The source templates an end user may pick from (`EndUserClient.source_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct EmbeddedSourceTemplates {
    pub(crate) client: EndUserSlot,
}

twin! {
    /// The async twin of `EmbeddedSourceTemplates` (`AsyncEndUserClient.source_templates()`):
    /// the same methods, awaited.
    pub struct AsyncEmbeddedSourceTemplates for EmbeddedSourceTemplates;
}

twin! {
    impl EmbeddedSourceTemplates => AsyncEmbeddedSourceTemplates {
        awaited {
            /// Lists the templates offered to the end user, narrowed by `filter` (default: all).
            /// `GET /embedded/source-templates?tags=…&tags_mode=…`.
            ///
            /// # Errors
            /// `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
            #[uniffi::method(default(filter = None))]
            pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<SourceTemplateSummary>> {
                let filter = filter.unwrap_or_default();
                self.client.get()?.source_templates().list(&filter)
            }

            /// Reads one template with its `user_config_spec` (what the end user fills).
            /// `GET /embedded/source-templates/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get(&self, id: String) -> Result<SourceTemplate> {
                self.client.get()?.source_templates().get(&id)
            }
        }
    }
}
