//! The resources the sandbox stores.

use std::time::Instant;

use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The US region, the default for new workspaces.
pub(crate) const REGION_US: &str = "645a183f-b12b-4c6e-8ad3-99e165603450";
/// The EU region.
pub(crate) const REGION_EU: &str = "b9e48d61-f082-4a14-a8d0-799a907938cb";

/// An end user's workspace.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    pub id: Uuid,
    /// Creation order, for pagination.
    pub seq: u64,
    pub organization_id: Uuid,
    pub name: String,
    /// `active` or `inactive`.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Workspace {
    /// The `Workspace` body.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "organization_id": self.organization_id,
            "status": self.status,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        })
    }
}

/// A template tag; its name is its key within the organisation.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Tag {
    /// The `Tag` body.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "organization_id": self.organization_id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        })
    }
}

/// A source template: a source definition with operator defaults.
#[derive(Debug, Clone)]
pub(crate) struct SourceTemplate {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub definition_id: Uuid,
    pub name: String,
    /// As the operator sent it (raw JSON).
    pub partial_default_config: Map<String, Value>,
    /// `{stream_selection_mode, stream_whitelist}` or `null`.
    pub customization: Value,
    /// Tag ids, in the order attached (names are looked up when rendering, so renames show).
    pub tag_ids: Vec<Uuid>,
    pub created_at: String,
    pub updated_at: String,
    /// Deleted templates stay only so that their sources still render.
    pub deleted: bool,
}

/// A connection template: how new sources are connected to a destination.
#[derive(Debug, Clone)]
pub(crate) struct ConnectionTemplate {
    pub id: Uuid,
    pub organization_id: Uuid,
    /// `user_hosted` or `airbyte_hosted`.
    pub data_hosting_type: String,
    pub destination_name: Option<String>,
    pub destination_definition_id: Option<Uuid>,
    /// As the operator sent it (raw JSON).
    pub destination_config: Option<Map<String, Value>>,
    /// Echoed with ` UTC` appended.
    pub cron_expression: Option<String>,
    pub non_breaking_changes_preference: String,
    pub sync_on_create: bool,
    pub tag_ids: Vec<Uuid>,
    pub created_at: String,
    pub updated_at: String,
}

/// An end user's source.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub workspace_id: Uuid,
    pub template_id: Uuid,
    pub name: String,
    /// The source config merged over the template defaults, raw JSON as sent.
    pub config: Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

/// An asynchronous connection check.
#[derive(Debug, Clone)]
pub(crate) struct CheckJob {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub workspace_id: Uuid,
    pub started: Instant,
    /// Unix milliseconds when the job reaches its terminal state.
    pub finished_ms: u64,
    /// `Some(message)` when the check fails.
    pub failure: Option<String>,
}

/// A destination in an end user's workspace, created from a connection template when a source
/// is created (SERVICE-FACTS §5.11: destinations have no create route).
#[derive(Debug, Clone)]
pub(crate) struct Destination {
    pub id: Uuid,
    /// Creation order, for pagination.
    pub seq: u64,
    pub organization_id: Uuid,
    pub workspace_id: Uuid,
    /// The connection template it was made from.
    pub template_id: Uuid,
    pub name: String,
    pub definition_id: Uuid,
    /// The template's `destination_config`, raw JSON.
    pub config: Map<String, Value>,
    pub created_at: String,
}

/// A connection from a source to a destination, made from a connection template.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub(crate) struct Connection {
    pub id: Uuid,
    pub source_id: Uuid,
    pub destination_id: Uuid,
    pub template_id: Uuid,
}

/// What a connector made by `POST /integrations/connectors` holds besides its replication
/// config (the source's `config`): the direct-mode `credentials` and `environment` and the
/// server-side OAuth secret. Never sent back in a response.
#[derive(Debug, Clone)]
pub(crate) struct ConnectorAuth {
    /// The connector (a source) it belongs to.
    pub source_id: Uuid,
    pub credentials: Option<Map<String, Value>>,
    pub environment: Option<Map<String, Value>>,
    pub server_side_oauth_secret_id: Option<String>,
}

/// An organisation's OAuth app for one connector (`PUT /oauth/credentials`).
#[derive(Debug, Clone)]
pub(crate) struct OAuthOverride {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub definition_id: Uuid,
    /// `source` or `destination`, the definition's kind.
    pub actor_type: &'static str,
    /// `{client_id, client_secret, …}` as sent; never returned.
    pub configuration: Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

/// The records one entity of one connector holds, for `POST /integrations/connectors/{id}/execute`
/// (seeded on first use, then changed by `create`, `update` and `delete`).
#[derive(Debug, Clone)]
pub(crate) struct EntityRecords {
    pub connector_id: Uuid,
    pub entity: String,
    pub records: Vec<Map<String, Value>>,
    /// The number the next created record's id ends with.
    pub next_number: u64,
}
