//! The Integration Management API (operator token): templates, tags, stream catalogs,
//! destinations, the connector catalogue and source search.

mod catalogs;
mod connection_templates;
mod customization;
mod definitions;
mod destinations;
mod search;
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
pub use customization::{
    Customization, EncryptionConfig, FieldFilteringConfig, FieldRenamingConfig, HashingConfig,
    HashingMethod, RowFilterCondition, RowFilteringConfig, StreamCustomization, StreamMapper,
    StreamSelectionMode,
};
pub use definitions::{
    DefinitionBody, Definitions, DestinationDefinition, DestinationDefinitionSummary,
    SourceDefinition, SourceDefinitionSummary, SupportLevel,
};
pub use destinations::{
    Destination, DestinationFilter, DestinationPage, DestinationPages, DestinationSummary,
    Destinations,
};
pub use search::{Condition, SearchHit, SearchRequest, SearchResponse, SourceSearch};
pub use source_templates::{
    SourceConfigTemplateMode, SourceTemplate, SourceTemplateCreate, SourceTemplateSummary,
    SourceTemplateUpdate, SourceTemplates,
};
pub use tags::{MAX_TAG_NAME_CHARS, Tag, Tags};
