//! The in-memory store: lookups that respect organisation and workspace boundaries, and the
//! JSON bodies of stored resources.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::Caller;
use crate::catalog::{self, Definition, DefinitionKind};
use crate::catalogs::CatalogRecord;
use crate::clock;
use crate::errors::ApiError;
use crate::masking;
use crate::models::{
    CheckJob, Connection, ConnectionTemplate, ConnectorAuth, Destination, EntityRecords,
    OAuthOverride, Source, SourceTemplate, Tag, Workspace,
};
use crate::objects::object;
use crate::query::TagFilter;
use crate::spec::{connection_schema, user_config_spec};

/// Every stored resource, each list in creation order.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub workspaces: Vec<Workspace>,
    pub tags: Vec<Tag>,
    pub source_templates: Vec<SourceTemplate>,
    pub connection_templates: Vec<ConnectionTemplate>,
    pub sources: Vec<Source>,
    pub checks: Vec<CheckJob>,
    pub destinations: Vec<Destination>,
    pub connections: Vec<Connection>,
    /// Stream catalogs of templates and definitions, made on first use.
    pub catalogs: Vec<CatalogRecord>,
    /// What connectors hold besides their config, by source id.
    pub connector_auth: Vec<ConnectorAuth>,
    /// The organisations' OAuth apps.
    pub oauth_overrides: Vec<OAuthOverride>,
    /// The records connectors' executes read and write.
    pub entity_records: Vec<EntityRecords>,
    seq: u64,
}

impl Store {
    /// The next creation sequence number.
    pub(crate) fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// The highest sequence number handed out so far.
    pub(crate) fn last_seq(&self) -> u64 {
        self.seq
    }

    /// The id of workspace `name` in `org`, creating it when new. (The region only matters to
    /// the real service's data planes; the sandbox validates it and does not keep it.)
    pub(crate) fn ensure_workspace(&mut self, org: Uuid, name: &str) -> Uuid {
        if let Some(ws) = self
            .workspaces
            .iter()
            .find(|w| w.organization_id == org && w.name == name)
        {
            return ws.id;
        }
        let now = clock::now_iso();
        let ws = Workspace {
            id: Uuid::new_v4(),
            seq: self.next_seq(),
            organization_id: org,
            name: name.to_owned(),
            status: "active".to_owned(),
            created_at: now.clone(),
            updated_at: now,
        };
        let id = ws.id;
        self.workspaces.push(ws);
        id
    }

    /// Workspace `id` of the caller's organisation; 404 otherwise; 403 when a scoped caller
    /// names another workspace of its organisation.
    pub(crate) fn workspace_for(&self, caller: &Caller, id: Uuid) -> Result<&Workspace, ApiError> {
        let ws = self
            .workspaces
            .iter()
            .find(|w| w.id == id && w.organization_id == caller.organization_id)
            .ok_or_else(|| ApiError::not_found("Workspace"))?;
        match caller.workspace_scope {
            Some(scope) if scope != id => Err(ApiError::forbidden(
                "Forbidden: the token does not give access to this workspace",
            )),
            _ => Ok(ws),
        }
    }

    /// Index of workspace `id` of `org`; 404 otherwise.
    pub(crate) fn workspace_index(&self, org: Uuid, id: Uuid) -> Result<usize, ApiError> {
        self.workspaces
            .iter()
            .position(|w| w.id == id && w.organization_id == org)
            .ok_or_else(|| ApiError::not_found("Workspace"))
    }

    /// Tag `name` of `org`; 404 otherwise.
    pub(crate) fn tag(&self, org: Uuid, name: &str) -> Result<&Tag, ApiError> {
        self.tags
            .iter()
            .find(|t| t.organization_id == org && t.name == name)
            .ok_or_else(|| ApiError::not_found("Tag"))
    }

    /// Names of the tags with `ids`, in order (ids of deleted tags skipped).
    pub(crate) fn tag_names(&self, ids: &[Uuid]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| self.tags.iter().find(|t| t.id == *id))
            .map(|t| t.name.clone())
            .collect()
    }

    /// Index of live source template `id` of `org`; 404 otherwise.
    pub(crate) fn source_template_index(&self, org: Uuid, id: Uuid) -> Result<usize, ApiError> {
        self.source_templates
            .iter()
            .position(|t| t.id == id && t.organization_id == org && !t.deleted)
            .ok_or_else(|| ApiError::not_found("Source template"))
    }

    /// Index of connection template `id` of `org`; 404 otherwise.
    pub(crate) fn connection_template_index(&self, org: Uuid, id: Uuid) -> Result<usize, ApiError> {
        self.connection_templates
            .iter()
            .position(|t| t.id == id && t.organization_id == org)
            .ok_or_else(|| ApiError::not_found("Connection template"))
    }

    /// Index of source `id` visible to `caller` (its organisation and, for a scoped caller, its
    /// workspace); 404 otherwise.
    pub(crate) fn source_index(&self, caller: &Caller, id: Uuid) -> Result<usize, ApiError> {
        self.sources
            .iter()
            .position(|s| {
                s.id == id
                    && s.organization_id == caller.organization_id
                    && caller.workspace_scope.is_none_or(|w| w == s.workspace_id)
            })
            .ok_or_else(|| ApiError::not_found("Source"))
    }

    /// The template a source was made from (possibly deleted since).
    pub(crate) fn template_of(&self, source: &Source) -> &SourceTemplate {
        // Deleting a template only marks it (`deleted`): the one a source names is still there.
        self.source_templates
            .iter()
            .find(|t| t.id == source.template_id)
            .unwrap_or_else(|| {
                unreachable!("source template {} is in the store", source.template_id)
            })
    }

    /// The `SourceTemplate` body: secrets in `partial_default_config` masked, and the
    /// `user_config_spec` the end user fills (the connector spec with what the defaults supply
    /// no longer required; see [`user_config_spec`]).
    pub(crate) fn source_template_json(&self, t: &SourceTemplate) -> Value {
        let def = source_definition(t);
        let spec = def.spec();
        let config = Value::Object(t.partial_default_config.clone());
        object([
            ("id", json!(t.id)),
            ("name", json!(t.name)),
            ("icon", json!(def.icon_url())),
            ("source_definition_id", json!(t.definition_id)),
            (
                "user_config_spec",
                user_config_spec(spec, &t.partial_default_config),
            ),
            ("partial_default_config", mask_secrets(spec, config)),
            ("customization", json!(t.customization)),
            ("tags", json!(self.tag_names(&t.tag_ids))),
            ("created_at", json!(t.created_at)),
            ("updated_at", json!(t.updated_at)),
        ])
    }

    /// The `SourceTemplateSummary` body.
    pub(crate) fn source_template_summary_json(&self, t: &SourceTemplate) -> Value {
        json!({
            "id": t.id,
            "name": t.name,
            "icon": source_definition(t).icon_url(),
            "tags": self.tag_names(&t.tag_ids),
            "customization": t.customization,
            "created_at": t.created_at,
            "updated_at": t.updated_at,
        })
    }

    /// What the service does after a source is created (SERVICE-FACTS §4.3, §5.6): one
    /// connection per connection template of the organisation matching `selection` (no tags:
    /// every template), each to the workspace's destination made from that template (created on
    /// first use, named `destination_name`). Airbyte-hosted templates have no destination to
    /// model and are skipped.
    pub(crate) fn connect_source(&mut self, source: &Source, selection: &TagFilter) {
        let templates: Vec<ConnectionTemplate> = self
            .connection_templates
            .iter()
            .filter(|t| t.organization_id == source.organization_id)
            .filter(|t| selection.matches(&self.tag_names(&t.tag_ids)))
            .cloned()
            .collect();
        for t in templates {
            let (Some(name), Some(definition_id)) =
                (t.destination_name.clone(), t.destination_definition_id)
            else {
                continue;
            };
            let existing = self
                .destinations
                .iter()
                .find(|d| d.workspace_id == source.workspace_id && d.template_id == t.id)
                .map(|d| d.id);
            let destination_id = match existing {
                Some(id) => id,
                None => {
                    let seq = self.next_seq();
                    let d = Destination {
                        id: Uuid::new_v4(),
                        seq,
                        organization_id: source.organization_id,
                        workspace_id: source.workspace_id,
                        template_id: t.id,
                        name,
                        definition_id,
                        config: t.destination_config.clone().unwrap_or_default(),
                        created_at: clock::now_iso(),
                    };
                    let id = d.id;
                    self.destinations.push(d);
                    id
                }
            };
            self.connections.push(Connection {
                id: Uuid::new_v4(),
                source_id: source.id,
                destination_id,
                template_id: t.id,
            });
        }
    }

    /// The `DestinationListItem` body.
    pub(crate) fn destination_summary_json(&self, d: &Destination) -> Value {
        json!({
            "id": d.id,
            "name": d.name,
            "destination_definition_id": d.definition_id,
            "destination_type": destination_type(d),
        })
    }

    /// The `DestinationGetResponse` body (secrets in `destination_config` masked).
    pub(crate) fn destination_json(&self, d: &Destination) -> Value {
        let config = Value::Object(d.config.clone());
        let config = match catalog::find(DefinitionKind::Destination, d.definition_id) {
            Some(def) => mask_secrets(def.spec(), config),
            None => config,
        };
        object([
            ("id", json!(d.id)),
            ("name", json!(d.name)),
            ("destination_definition_id", json!(d.definition_id)),
            ("destination_type", json!(destination_type(d))),
            ("destination_config", config),
            ("created_at", json!(d.created_at)),
        ])
    }

    /// The `ConnectionTemplate` body (secrets in `destination_config` masked).
    pub(crate) fn connection_template_json(&self, t: &ConnectionTemplate) -> Value {
        let def = t
            .destination_definition_id
            .and_then(|id| catalog::find(DefinitionKind::Destination, id));
        let config = match (&t.destination_config, def) {
            (Some(config), Some(def)) => mask_secrets(def.spec(), Value::Object(config.clone())),
            (Some(config), None) => Value::Object(config.clone()),
            (None, _) => Value::Null,
        };
        object([
            ("id", json!(t.id)),
            ("organization_id", json!(t.organization_id)),
            ("destination_name", json!(t.destination_name)),
            (
                "destination_definition_id",
                json!(t.destination_definition_id),
            ),
            ("destination_config", config),
            ("icon", json!(def.map(Definition::icon_url))),
            ("cron_expression", json!(t.cron_expression)),
            (
                "non_breaking_changes_preference",
                json!(t.non_breaking_changes_preference),
            ),
            ("sync_on_create", json!(t.sync_on_create)),
            ("data_hosting_type", json!(t.data_hosting_type)),
            ("tags", json!(self.tag_names(&t.tag_ids))),
            ("created_at", json!(t.created_at)),
            ("updated_at", json!(t.updated_at)),
        ])
    }

    /// The `Source` body (secrets in `source_config` masked).
    pub(crate) fn source_json(&self, s: &Source) -> Value {
        let template = self.template_of(s);
        let spec = source_definition(template).spec();
        object([
            ("id", json!(s.id)),
            ("name", json!(s.name)),
            ("source_template", self.source_template_json(template)),
            (
                "source_config",
                mask_secrets(spec, Value::Object(s.config.clone())),
            ),
            ("created_at", json!(s.created_at)),
            ("updated_at", json!(s.updated_at)),
        ])
    }

    /// The `SourceSummary` body.
    pub(crate) fn source_summary_json(&self, s: &Source) -> Value {
        json!({
            "id": s.id,
            "name": s.name,
            "summarized_source_template": self.source_template_summary_json(self.template_of(s)),
            "created_at": s.created_at,
            "updated_at": s.updated_at,
        })
    }
}

/// The source definition of a template (templates are only created for known definitions).
pub(crate) fn source_definition(t: &SourceTemplate) -> &'static Definition {
    catalog::find(DefinitionKind::Source, t.definition_id).unwrap_or_else(|| {
        unreachable!(
            "template {} names catalogue definition {}",
            t.id, t.definition_id
        )
    })
}

/// The definition name of a destination (`destination_type`), or `unknown`.
fn destination_type(d: &Destination) -> String {
    catalog::find(DefinitionKind::Destination, d.definition_id)
        .map_or_else(|| "unknown".to_owned(), |def| def.name.to_lowercase())
}

/// `config` with the secrets of `spec` (a `ConnectorSpecification`) masked.
fn mask_secrets(spec: &Value, config: Value) -> Value {
    masking::mask(connection_schema(spec), config)
}

/// `{id, deleted_at}` of a deletion now.
pub(crate) fn deleted_json(id: Uuid) -> Value {
    json!({"id": id, "deleted_at": clock::now_iso()})
}
