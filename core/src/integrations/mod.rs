//! The Integration Management API (operator token): templates, tags, destinations, the
//! connector catalogue and source search.

mod connection_templates;
mod definitions;
mod destinations;
mod search;
mod source_templates;
mod tags;

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
pub use search::{Condition, SearchHit, SearchRequest, SearchResponse, SourceSearch};
pub use source_templates::{
    Customization, SourceConfigTemplateMode, SourceTemplate, SourceTemplateCreate,
    SourceTemplateSummary, SourceTemplateUpdate, SourceTemplates, StreamSelectionMode,
};
pub use tags::{MAX_TAG_NAME_CHARS, Tag, Tags};
