//! The core models the facade's objects take and return. They are declared once, in the core
//! crate, and derive their uniffi records and enums there (its `uniffi` feature).

pub use airbyte_embedded::files::{
    Drive, FileEntry, FileEntryKind, FilePage, FileSource, FolderQuery,
};
pub use airbyte_embedded::integrations::{
    ConnectionTemplate, ConnectionTemplateCreate, ConnectionTemplateUpdate, CronDescription,
    Customization, DataHostingType, DefinitionBody, Destination, DestinationDefinition,
    DestinationDefinitionSummary, DestinationFilter, DestinationPage, DestinationSummary,
    NonBreakingChangesPreference, SourceConfigTemplateMode, SourceDefinition,
    SourceDefinitionSummary, SourceTemplate, SourceTemplateCreate, SourceTemplateSummary,
    SourceTemplateUpdate, StreamSelectionMode, SupportLevel, Tag,
};
pub use airbyte_embedded::integrations::{SearchHit, SearchRequest, SearchResponse};
pub use airbyte_embedded::proxy::{ProxyMethod, ProxyRequest, ProxyResponse};
pub use airbyte_embedded::sources::{
    CheckJob, CheckState, CheckStatus, FailureReason, Source, SourceCreate, SourceSummary,
    SourceUpdate, StreamDescriptor, WaitOptions, WriteOptions,
};
pub use airbyte_embedded::validation::{Coercion, ConfigError, ValidationOptions};
pub use airbyte_embedded::workspaces::{
    Workspace, WorkspaceFilter, WorkspacePage, WorkspaceStats, WorkspaceStatus, WorkspaceUpdate,
};
pub use airbyte_embedded::{
    ClientOptions as ClientConfig, Deleted, Error as AirbyteError, FieldError, Pacing, RateLimit,
    RetryPolicy, ScopedTokenInfo, ScopedTokenRequest, TagFilter, TagsMode, TokenRoutes,
    WidgetTokenRequest,
};
