//! Stream catalogs (operator token): which streams a connector offers, with their keys,
//! cursors and schemas. A source template's catalog lives under
//! `/integrations/templates/sources/{id}/catalog` and `…/streams`; a source definition's (one
//! for the whole service) under `/integrations/definitions/sources/{id}/catalog`. Creating or
//! deleting a definition's catalog, and deleting one of its streams, need an instance-admin
//! token, which no SDK user holds: those calls are not here.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::integrations::PatchOp;
//! use serde_json::json;
//!
//! let operator = OperatorClient::from_env()?;
//! let catalogs = operator.template_catalogs();
//! let names = catalogs.query("3f2a…", "streams[].name")?;
//! catalogs.patch("3f2a…", &[PatchOp::new("replace", "/streams/0/suggested", json!(true))])?;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

mod models;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use models::{
    CatalogType, DataCategory, DefinitionCatalog, FieldTag, ForeignKey, PatchOp, SonarCatalog,
    SonarStream, StreamDeleted, TemplateCatalog,
};

use crate::Result;
use crate::api::Api;
use crate::common::{Deleted, require_id};
use crate::http::url::segment;
use crate::retry::Replay;

/// `{"id"}`.
#[derive(Deserialize)]
struct Created {
    id: String,
}

/// `{"catalog"}`.
#[derive(Deserialize)]
struct CatalogEnvelope {
    catalog: SonarCatalog,
}

/// `{"stream"}`, both ways.
#[derive(Serialize, Deserialize)]
struct StreamEnvelope<S> {
    stream: S,
}

/// `{"result"}`.
#[derive(Deserialize)]
struct QueryResult {
    #[serde(default)]
    result: Value,
}

#[derive(Serialize)]
struct QueryBody<'a> {
    query: &'a str,
}

#[derive(Serialize)]
struct PatchBody<'a> {
    patch_ops: &'a [PatchOp],
}

#[derive(Serialize)]
struct DefinitionPatchBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    patch_ops: Option<&'a [PatchOp]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    blessed: Option<bool>,
}

#[derive(Serialize)]
struct ReplaceBody<'a> {
    sonar_catalog: Option<&'a SonarCatalog>,
}

/// The query string of `GET …/catalog`.
fn selected_query(selected_only: bool) -> Vec<(&'static str, String)> {
    if selected_only {
        vec![("selected", "true".to_owned())]
    } else {
        Vec::new()
    }
}

/// The calls both catalog families share, under `base` (`…/sources/{id}`).
struct Family<'a> {
    api: &'a Api,
    base: String,
}

impl Family<'_> {
    fn query(&self, query: &str) -> Result<Value> {
        if query.trim().is_empty() {
            return Err(crate::Error::invalid_argument("query", "must not be empty"));
        }
        // A query reads: sending it twice changes nothing.
        let reply: QueryResult = self.api.post(
            &format!("{}/catalog/query", self.base),
            &QueryBody { query },
            Replay::Safe,
        )?;
        Ok(reply.result)
    }

    fn add_stream(&self, stream: &SonarStream) -> Result<SonarStream> {
        require_stream_name(stream)?;
        let reply: StreamEnvelope<SonarStream> = self.api.post(
            &format!("{}/streams", self.base),
            &StreamEnvelope { stream },
            Replay::Unsafe {
                advice: "read the catalog before retrying: the stream may have been added",
            },
        )?;
        Ok(reply.stream)
    }

    fn patch_stream(&self, stream_name: &str, ops: &[PatchOp]) -> Result<SonarStream> {
        let name = require_id("stream_name", stream_name)?;
        let reply: StreamEnvelope<SonarStream> = self.api.patch(
            &format!("{}/streams/{}", self.base, segment(name)),
            &PatchBody { patch_ops: ops },
            Replay::Unsafe {
                advice: "read the catalog before retrying: a JSON Patch may not apply twice",
            },
        )?;
        Ok(reply.stream)
    }
}

fn require_stream_name(stream: &SonarStream) -> Result<()> {
    match stream.name.as_deref() {
        Some(n) if !n.trim().is_empty() => Ok(()),
        _ => Err(crate::Error::invalid_argument(
            "stream.name",
            "must not be empty: a stream is addressed by its name",
        )),
    }
}

/// A source template's stream catalog. Get one from
/// [`crate::OperatorClient::template_catalogs`]; every call names the template.
pub struct TemplateCatalogs<'a> {
    pub(crate) api: &'a Api,
}

impl TemplateCatalogs<'_> {
    fn family(&self, template_id: &str) -> Result<Family<'_>> {
        let id = require_id("source_template_id", template_id)?;
        Ok(Family {
            api: self.api,
            base: format!("integrations/templates/sources/{}", segment(id)),
        })
    }

    /// Reads the template's catalog; `selected_only` keeps only the streams named in
    /// `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] for an unknown template or a deleted catalog;
    /// [`crate::Error::InvalidArgument`] for an empty id.
    pub fn get(&self, template_id: &str, selected_only: bool) -> Result<TemplateCatalog> {
        let f = self.family(template_id)?;
        self.api.get(
            &format!("{}/catalog", f.base),
            &selected_query(selected_only),
        )
    }

    /// Replaces the template's catalog (`None`: the connector's discovered catalog again) and
    /// returns the catalog's id. `POST /integrations/templates/sources/{id}/catalog`.
    /// Replaying it sets the same catalog again, so it is retried like a read.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`]; [`crate::Error::Validation`] for a catalog the service
    /// refuses (a stream without a name, two of one name).
    pub fn replace(&self, template_id: &str, catalog: Option<&SonarCatalog>) -> Result<String> {
        let f = self.family(template_id)?;
        let created: Created = self.api.post(
            &format!("{}/catalog", f.base),
            &ReplaceBody {
                sonar_catalog: catalog,
            },
            Replay::Safe,
        )?;
        Ok(created.id)
    }

    /// Applies RFC 6902 operations to the catalog, all or none, and returns the result.
    /// `PATCH /integrations/templates/sources/{id}/catalog`.
    ///
    /// # Errors
    /// [`crate::Error::Validation`] for an operation that does not apply or leaves no valid
    /// catalog (nothing changed); [`crate::Error::NotFound`].
    pub fn patch(&self, template_id: &str, ops: &[PatchOp]) -> Result<SonarCatalog> {
        let f = self.family(template_id)?;
        let reply: CatalogEnvelope = self.api.patch(
            &format!("{}/catalog", f.base),
            &PatchBody { patch_ops: ops },
            Replay::Unsafe {
                advice: "read the catalog before retrying: a JSON Patch may not apply twice",
            },
        )?;
        Ok(reply.catalog)
    }

    /// Deletes the template's catalog. `DELETE /integrations/templates/sources/{id}/catalog`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`].
    pub fn delete(&self, template_id: &str) -> Result<Deleted> {
        let f = self.family(template_id)?;
        self.api.delete(&format!("{}/catalog", f.base))
    }

    /// Runs a JMESPath query (e.g. `streams[].name`, `streams[?suggested].name`) over the
    /// catalog on the service and returns its result, raw JSON.
    /// `POST /integrations/templates/sources/{id}/catalog/query`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for an empty query (nothing sent);
    /// [`crate::Error::Validation`] for one the service cannot parse.
    pub fn query(&self, template_id: &str, query: &str) -> Result<Value> {
        self.family(template_id)?.query(query)
    }

    /// Adds a stream. `POST /integrations/templates/sources/{id}/streams`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming `stream.name` for a stream without a name
    /// (nothing sent); [`crate::Error::Validation`] when a stream of that name exists.
    pub fn add_stream(&self, template_id: &str, stream: &SonarStream) -> Result<SonarStream> {
        self.family(template_id)?.add_stream(stream)
    }

    /// Applies RFC 6902 operations to one stream (paths relative to the stream).
    /// `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] for an unknown stream; [`crate::Error::Validation`] for
    /// operations that do not apply.
    pub fn patch_stream(
        &self,
        template_id: &str,
        stream_name: &str,
        ops: &[PatchOp],
    ) -> Result<SonarStream> {
        self.family(template_id)?.patch_stream(stream_name, ops)
    }

    /// Removes a stream.
    /// `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] for an unknown stream.
    pub fn delete_stream(&self, template_id: &str, stream_name: &str) -> Result<StreamDeleted> {
        let f = self.family(template_id)?;
        let name = require_id("stream_name", stream_name)?;
        self.api
            .delete(&format!("{}/streams/{}", f.base, segment(name)))
    }
}

/// A source definition's stream catalog, one for the whole service. Get one from
/// [`crate::OperatorClient::definition_catalogs`]; every call names the definition.
pub struct DefinitionCatalogs<'a> {
    pub(crate) api: &'a Api,
}

impl DefinitionCatalogs<'_> {
    fn family(&self, definition_id: &str) -> Result<Family<'_>> {
        let id = require_id("source_definition_id", definition_id)?;
        Ok(Family {
            api: self.api,
            base: format!("integrations/definitions/sources/{}", segment(id)),
        })
    }

    /// Reads the definition's catalog; `selected_only` keeps only the streams named in
    /// `selected_streams`.
    /// `GET /integrations/definitions/sources/{id}/catalog?selected=…`.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] for an unknown definition.
    pub fn get(&self, definition_id: &str, selected_only: bool) -> Result<DefinitionCatalog> {
        let f = self.family(definition_id)?;
        self.api.get(
            &format!("{}/catalog", f.base),
            &selected_query(selected_only),
        )
    }

    /// Applies RFC 6902 operations to the catalog (`ops` may be empty) and sets `blessed`
    /// (`Some(true)`: discovery no longer overwrites it), returning the catalog.
    /// `PATCH /integrations/definitions/sources/{id}/catalog`.
    ///
    /// # Errors
    /// [`crate::Error::Validation`] for an operation that does not apply (nothing changed);
    /// [`crate::Error::NotFound`].
    pub fn patch(
        &self,
        definition_id: &str,
        ops: &[PatchOp],
        blessed: Option<bool>,
    ) -> Result<SonarCatalog> {
        let f = self.family(definition_id)?;
        let reply: CatalogEnvelope = self.api.patch(
            &format!("{}/catalog", f.base),
            &DefinitionPatchBody {
                patch_ops: (!ops.is_empty()).then_some(ops),
                blessed,
            },
            Replay::Unsafe {
                advice: "read the catalog before retrying: a JSON Patch may not apply twice",
            },
        )?;
        Ok(reply.catalog)
    }

    /// Runs a JMESPath query over the definition's catalog.
    /// `POST /integrations/definitions/sources/{id}/catalog/query`.
    ///
    /// # Errors
    /// As [`TemplateCatalogs::query`].
    pub fn query(&self, definition_id: &str, query: &str) -> Result<Value> {
        self.family(definition_id)?.query(query)
    }

    /// Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.
    ///
    /// # Errors
    /// As [`TemplateCatalogs::add_stream`].
    pub fn add_stream(&self, definition_id: &str, stream: &SonarStream) -> Result<SonarStream> {
        self.family(definition_id)?.add_stream(stream)
    }

    /// Applies RFC 6902 operations to one stream.
    /// `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.
    ///
    /// # Errors
    /// As [`TemplateCatalogs::patch_stream`].
    pub fn patch_stream(
        &self,
        definition_id: &str,
        stream_name: &str,
        ops: &[PatchOp],
    ) -> Result<SonarStream> {
        self.family(definition_id)?.patch_stream(stream_name, ops)
    }
}
