//! The core models the facade's objects take and return. They are declared once, in the core
//! crate, and derive their uniffi records and enums there (its `uniffi` feature).

pub use airbyte_embedded::bulk::{BulkOptions, WorkspaceSyncPlan};
pub use airbyte_embedded::connectors::{
    Connector, ConnectorAction, ConnectorCheck, ConnectorCreate, ConnectorExecute,
    ConnectorExecution, ConnectorFilter, ConnectorUpdate, ExecutionMetadata, ExecutionStatus,
};
pub use airbyte_embedded::files::{
    Drive, FileEntry, FileEntryKind, FilePage, FileSource, FolderQuery,
};
pub use airbyte_embedded::integrations::{
    CatalogType, ConnectionTemplate, ConnectionTemplateCreate, ConnectionTemplateUpdate,
    CronDescription, Customization, DataCategory, DataHostingType, DefinitionBody,
    DefinitionCatalog, Destination, DestinationDefinition, DestinationDefinitionSummary,
    DestinationFilter, DestinationPage, DestinationSummary, FieldTag, ForeignKey,
    NonBreakingChangesPreference, PatchOp, SonarCatalog, SonarStream, SourceConfigTemplateMode,
    SourceDefinition, SourceDefinitionSummary, SourceTemplate, SourceTemplateCreate,
    SourceTemplateSummary, SourceTemplateUpdate, StreamDeleted, StreamSelectionMode, SupportLevel,
    Tag, TemplateCatalog,
};
pub use airbyte_embedded::integrations::{SearchHit, SearchRequest, SearchResponse};
pub use airbyte_embedded::oauth_credentials::{
    ActorType, OAuthCredentialsRequest, OAuthOverride, OAuthScope,
};
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
