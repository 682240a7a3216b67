//! The Integration Management API (operator token): templates, tags, stream catalogs,
//! destinations and the connector catalogue.

mod catalogs;
mod connection_templates;
mod definitions;
mod destinations;
mod source_templates;
mod tags;

pub use catalogs::{
    CatalogType, DataCategory, DefinitionCatalog, DefinitionCatalogs, FieldTag, ForeignKey,
    PatchOp, SonarCatalog, SonarStream, StreamDeleted, TemplateCatalog, TemplateCatalogs,
};
pub use connection_templates::{
    ConnectionTemplate, ConnectionTemplateCreate, ConnectionTemplateUpdate, ConnectionTemplates,
    CronDescription, DataHostingType, NonBreakingChangesPreference,
};
pub use definitions::{
    DefinitionBody, Definitions, DestinationDefinition, DestinationDefinitionSummary,
    SourceDefinition, SourceDefinitionSummary, SupportLevel,
};
pub use destinations::{
    Destination, DestinationFilter, DestinationPage, DestinationPages, DestinationSummary,
    Destinations,
};
pub use source_templates::{
    Customization, SourceConfigTemplateMode, SourceTemplate, SourceTemplateCreate,
    SourceTemplateSummary, SourceTemplateUpdate, SourceTemplates, StreamSelectionMode,
};
pub use tags::{MAX_TAG_NAME_CHARS, Tag, Tags};
