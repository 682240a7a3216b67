//! Stream catalogs (operator token): a source template's
//! (`/integrations/templates/sources/{id}/catalog`, `…/streams`) and a source definition's
//! (`/integrations/definitions/sources/{id}/catalog`, `…/streams`).

use airbyte_embedded::uniffi_types::JsonValue;

// Query results are any JSON value, returned by the facade itself.
uniffi::use_remote_type!(airbyte_embedded::JsonValue);

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{
    DefinitionCatalog, Deleted, PatchOp, SonarCatalog, SonarStream, StreamDeleted, TemplateCatalog,
};
use crate::twin::twin;

/// Source templates' stream catalogs (`OperatorClient.template_catalogs()`); every call names
/// the template. Shares its client's `close()`.
#[derive(uniffi::Object)]
pub struct TemplateCatalogs {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `TemplateCatalogs` (`AsyncOperatorClient.template_catalogs()`): the
    /// same methods, awaited.
    pub struct AsyncTemplateCatalogs for TemplateCatalogs;
}

twin! {
    impl TemplateCatalogs => AsyncTemplateCatalogs {
        awaited {
            /// Reads the template's catalog; `selected_only` keeps only the streams named in
            /// `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` for an unknown template or a deleted catalog.
            #[uniffi::method(default(selected_only = false))]
            pub fn get(&self, template_id: String, selected_only: bool) -> Result<TemplateCatalog> {
                self.client
                    .get()?
                    .template_catalogs()
                    .get(&template_id, selected_only)
            }

            /// Replaces the catalog (`None`: the connector's discovered one again); returns its id.
            /// `POST /integrations/templates/sources/{id}/catalog`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`; `AirbyteError.Validation` for a catalog the service refuses.
            #[uniffi::method(default(catalog = None))]
            pub fn replace(&self, template_id: String, catalog: Option<SonarCatalog>) -> Result<String> {
                self.client
                    .get()?
                    .template_catalogs()
                    .replace(&template_id, catalog.as_ref())
            }

            /// Applies RFC 6902 operations to the catalog, all or none.
            /// `PATCH /integrations/templates/sources/{id}/catalog`.
            ///
            /// # Errors
            /// `AirbyteError.Validation` for an operation that does not apply (nothing changed).
            pub fn patch(&self, template_id: String, ops: Vec<PatchOp>) -> Result<SonarCatalog> {
                self.client
                    .get()?
                    .template_catalogs()
                    .patch(&template_id, &ops)
            }

            /// Deletes the catalog. `DELETE /integrations/templates/sources/{id}/catalog`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, template_id: String) -> Result<Deleted> {
                self.client.get()?.template_catalogs().delete(&template_id)
            }

            /// Runs a JMESPath query over the catalog; the result is a JSON value.
            /// `POST /integrations/templates/sources/{id}/catalog/query`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty query (nothing sent);
            /// `AirbyteError.Validation` for one the service cannot parse.
            pub fn query(&self, template_id: String, query: String) -> Result<JsonValue> {
                self.client
                    .get()?
                    .template_catalogs()
                    .query(&template_id, &query)
            }

            /// Adds a stream. `POST /integrations/templates/sources/{id}/streams`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for a stream without a name (nothing sent);
            /// `AirbyteError.Validation` when one of that name exists.
            pub fn add_stream(&self, template_id: String, stream: SonarStream) -> Result<SonarStream> {
                self.client
                    .get()?
                    .template_catalogs()
                    .add_stream(&template_id, &stream)
            }

            /// Applies RFC 6902 operations to one stream (paths relative to the stream).
            /// `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` for an unknown stream; `AirbyteError.Validation`.
            pub fn patch_stream(
                &self,
                template_id: String,
                stream_name: String,
                ops: Vec<PatchOp>,
            ) -> Result<SonarStream> {
                self.client
                    .get()?
                    .template_catalogs()
                    .patch_stream(&template_id, &stream_name, &ops)
            }

            /// Removes a stream. `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete_stream(&self, template_id: String, stream_name: String) -> Result<StreamDeleted> {
                self.client
                    .get()?
                    .template_catalogs()
                    .delete_stream(&template_id, &stream_name)
            }
        }
    }
}

/// Source definitions' stream catalogs (`OperatorClient.definition_catalogs()`), one per
/// definition for the whole service; every call names the definition. Shares its client's
/// `close()`.
#[derive(uniffi::Object)]
pub struct DefinitionCatalogs {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `DefinitionCatalogs` (`AsyncOperatorClient.definition_catalogs()`):
    /// the same methods, awaited.
    pub struct AsyncDefinitionCatalogs for DefinitionCatalogs;
}

twin! {
    impl DefinitionCatalogs => AsyncDefinitionCatalogs {
        awaited {
            /// Reads the definition's catalog.
            /// `GET /integrations/definitions/sources/{id}/catalog?selected=…`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            #[uniffi::method(default(selected_only = false))]
            pub fn get(&self, definition_id: String, selected_only: bool) -> Result<DefinitionCatalog> {
                self.client
                    .get()?
                    .definition_catalogs()
                    .get(&definition_id, selected_only)
            }

            /// Applies RFC 6902 operations (may be empty) and sets `blessed` (`true`: discovery no
            /// longer overwrites it). `PATCH /integrations/definitions/sources/{id}/catalog`.
            ///
            /// # Errors
            /// `AirbyteError.Validation`; `AirbyteError.NotFound`.
            #[uniffi::method(default(ops = [], blessed = None))]
            pub fn patch(
                &self,
                definition_id: String,
                ops: Vec<PatchOp>,
                blessed: Option<bool>,
            ) -> Result<SonarCatalog> {
                self.client
                    .get()?
                    .definition_catalogs()
                    .patch(&definition_id, &ops, blessed)
            }

            /// Runs a JMESPath query over the definition's catalog; the result is a JSON value.
            /// `POST /integrations/definitions/sources/{id}/catalog/query`.
            ///
            /// # Errors
            /// As `TemplateCatalogs.query`.
            pub fn query(&self, definition_id: String, query: String) -> Result<JsonValue> {
                self.client
                    .get()?
                    .definition_catalogs()
                    .query(&definition_id, &query)
            }

            /// Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.
            ///
            /// # Errors
            /// As `TemplateCatalogs.add_stream`.
            pub fn add_stream(&self, definition_id: String, stream: SonarStream) -> Result<SonarStream> {
                self.client
                    .get()?
                    .definition_catalogs()
                    .add_stream(&definition_id, &stream)
            }

            /// Applies RFC 6902 operations to one stream.
            /// `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.
            ///
            /// # Errors
            /// As `TemplateCatalogs.patch_stream`.
            pub fn patch_stream(
                &self,
                definition_id: String,
                stream_name: String,
                ops: Vec<PatchOp>,
            ) -> Result<SonarStream> {
                self.client
                    .get()?
                    .definition_catalogs()
                    .patch_stream(&definition_id, &stream_name, &ops)
            }
        }
    }
}
