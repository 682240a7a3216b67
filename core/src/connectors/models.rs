//! Connector models: the Agent Engine document's `ConnectorSource*` and `ConnectorExecute*`
//! schemas.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::common::{TagsMode, null_as_default};
use crate::integrations::SourceTemplate;
use crate::open_enum::open_enum;
use crate::sources::{CheckState, FailureReason};

/// A connector (`ConnectorSourceGetResponse`; the create and update responses have the same
/// shape): a source under its 2026 name, its id the source's id. `replication_config` comes
/// back with every `airbyte_secret` masked as `**********`; `credentials`, `environment` and
/// `server_side_oauth_secret_id` never come back. `Debug` prints the config's keys only.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct Connector {
    /// Connector id (the source id).
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The source template it was made from (`DetailedSourceTemplate`).
    #[serde(default)]
    pub source_template: Option<SourceTemplate>,
    /// The replication config (template defaults with the caller's config merged over them),
    /// raw JSON, secrets masked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub replication_config: Map<String, Value>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

crate::redact::keys_only_debug!(Connector {
    id: shown,
    name: shown,
    source_template: shown,
    replication_config: config,
    created_at: shown,
    updated_at: shown,
});

/// Body of `POST /integrations/connectors` (`ConnectorSourceCreateRequest`) and of
/// `POST /integrations/connectors/check` (`ConnectorSourceCheckConfigRequest`, the same
/// fields). Only the fields set are sent. `Debug` prints the keys of `replication_config`,
/// `credentials` and `environment`, never their values, and hides
/// `server_side_oauth_secret_id`.
///
/// Which template: `source_template_id`, or the organisation's template of `definition_id`
/// or `connector_type` (the service needs `source_template_id` only when the organisation
/// has several templates of the connector). What to configure, by the template's mode:
/// `REPLICATION` takes the connector config in `replication_config`; `DIRECT` and `MULTI`
/// take `credentials` and `environment` (and `replication_config` overrides); an OAuth
/// connector can take `server_side_oauth_secret_id` instead of credentials.
///
/// Its JSON form (the C ABI's `connector_json`) needs `customer_name` (or `workspace_name`);
/// every other field is optional and unknown fields are refused.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectorCreate {
    /// The end user's workspace name, created by the service when new. Sent as
    /// `customer_name`, the key the 2026 document requires (later documentation also accepts
    /// `workspace_name`, and calls `customer_name` its deprecated alias; the SDK sends one
    /// key, the one every version reads).
    #[serde(rename = "customer_name", alias = "workspace_name")]
    pub workspace_name: String,
    /// Display name; the service defaults to the template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The connector by name, case-insensitive (`"hubspot"`, `"postgres"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connector_type: Option<String>,
    /// The connector by source definition id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub definition_id: Option<String>,
    /// The source template, when the organisation has several of the connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub source_template_id: Option<String>,
    /// The connector config (what the template does not default), raw JSON sent byte for
    /// byte; the service merges it over the template's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub replication_config: Option<Map<String, Value>>,
    /// Credentials for a `DIRECT` or `MULTI` connector (API keys, tokens), raw JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub credentials: Option<Map<String, Value>>,
    /// Environment settings for a `DIRECT` or `MULTI` connector (a region, a subdomain), raw
    /// JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub environment: Option<Map<String, Value>>,
    /// The `secret_id` the service's OAuth flow handed back, in place of credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub server_side_oauth_secret_id: Option<String>,
    /// Tags choosing which connection templates apply (empty: all of them).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends [`TagsMode::Any`].
    #[serde(default, serialize_with = "crate::common::mode_or_any")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub selected_connection_template_tags_mode: Option<TagsMode>,
}

crate::redact::keys_only_debug!(ConnectorCreate {
    workspace_name: shown,
    name: shown,
    connector_type: shown,
    definition_id: shown,
    source_template_id: shown,
    replication_config: config_opt,
    credentials: config_opt,
    environment: config_opt,
    server_side_oauth_secret_id: secret_opt,
    selected_connection_template_tags: shown,
    selected_connection_template_tags_mode: shown,
});

impl ConnectorCreate {
    /// A connector for the workspace `workspace_name` of the connector named
    /// `connector_type` (`"stripe"`), nothing configured yet: set `replication_config`,
    /// `credentials` or `server_side_oauth_secret_id`.
    pub fn new(workspace_name: impl Into<String>, connector_type: impl Into<String>) -> Self {
        ConnectorCreate {
            workspace_name: workspace_name.into(),
            name: None,
            connector_type: Some(connector_type.into()),
            definition_id: None,
            source_template_id: None,
            replication_config: None,
            credentials: None,
            environment: None,
            server_side_oauth_secret_id: None,
            selected_connection_template_tags: Vec::new(),
            selected_connection_template_tags_mode: None,
        }
    }

    /// Sets the display name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the replication config.
    pub fn replication_config(mut self, config: Map<String, Value>) -> Self {
        self.replication_config = Some(config);
        self
    }

    /// Sets the credentials.
    pub fn credentials(mut self, credentials: Map<String, Value>) -> Self {
        self.credentials = Some(credentials);
        self
    }
}

/// Body of `PUT /integrations/connectors/{id}` (`ConnectorSourceUpdateRequest`) and of
/// `POST /integrations/connectors/{id}/check` (`ConnectorSourceCheckConfigUpdateRequest`):
/// only the fields set are sent. `replication_config` is partial, as a source update's
/// `source_config` is: the service keeps the fields it does not carry. `Debug` prints its
/// keys only.
///
/// Its JSON form (the C ABI's `update_json`): every field optional, unknown fields refused.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectorUpdate {
    /// New display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The replication config fields to change, raw JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub replication_config: Option<Map<String, Value>>,
}

crate::redact::keys_only_debug!(ConnectorUpdate {
    name: shown,
    replication_config: config_opt,
});

/// Which connectors `GET /integrations/connectors` lists: every filter set narrows the list
/// (none set: every connector of the organisation).
///
/// Its JSON form (the C ABI's `filter_json`): `{"workspace_id"?, "workspace_name"?
/// (or "customer_name"), "definition_id"?}`, unknown fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConnectorFilter {
    /// One workspace, by id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub workspace_id: Option<String>,
    /// One workspace, by name: sent as the query parameter `customer_name`, the one the 2026
    /// document declares.
    #[serde(alias = "customer_name")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub workspace_name: Option<String>,
    /// One connector, by source definition id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub definition_id: Option<String>,
}

/// The outcome of a connector check (`ConnectorSourceCheckConfigResponse`), returned by the
/// check call itself: there is no status route to poll. `status: failed` is a normal answer
/// (the config does not work), not an error.
///
/// The document makes `status` nullable and gives no route to follow a check that has not
/// finished, so `None`, `pending` or `running` here means the service answered before the
/// check finished: check again later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConnectorCheck {
    /// Check id.
    pub id: String,
    /// Where the check stands (`succeeded`, `failed`, …), `None` when the service sent none.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<CheckState>,
    /// The failure message, when failed.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub error_message: Option<String>,
    /// Details of the failure, when failed.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub failure_reason: Option<FailureReason>,
}

open_enum! {
    /// What an execute does with its entity. The document types `action` as a string;
    /// these are the actions Airbyte's own agent SDK sends, and any other is kept as sent.
    pub enum ConnectorAction {
        /// Lists records.
        List => "list",
        /// Reads one record.
        Get => "get",
        /// Creates a record in the end user's system.
        Create => "create",
        /// Changes a record in the end user's system.
        Update => "update",
        /// Deletes a record in the end user's system.
        Delete => "delete",
        /// Downloads a file.
        Download => "download",
        /// Searches records.
        Search => "search",
        /// Searches the service's context store.
        ContextStoreSearch => "context_store_search",
        /// Searches through the connector's API.
        ApiSearch => "api_search",
    }
}

impl ConnectorAction {
    /// Whether the action only reads (`list`, `get`, `download` and the searches), so that
    /// sending it twice changes nothing: such an execute is replayed after a failure whose
    /// outcome is unknown. `create`, `update`, `delete` and any action this SDK does not know
    /// are not.
    pub fn only_reads(&self) -> bool {
        matches!(
            self,
            ConnectorAction::List
                | ConnectorAction::Get
                | ConnectorAction::Download
                | ConnectorAction::Search
                | ConnectorAction::ContextStoreSearch
                | ConnectorAction::ApiSearch
        )
    }
}

/// Body of `POST /integrations/connectors/{id}/execute` (`ConnectorExecuteRequest`): one
/// action on one entity of the end user's system through the connector. `Debug` prints the
/// keys of `params`, never their values.
///
/// Its JSON form (the C ABI's `request_json`): `{"entity", "action", "params"?: {...}}`,
/// unknown fields refused.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectorExecute {
    /// The entity, as the connector names it (`contacts`, `invoices`).
    pub entity: String,
    /// The action.
    pub action: ConnectorAction,
    /// The action's parameters (an id, a query, a limit, the record to write), raw JSON;
    /// which ones each action takes is the connector's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub params: Option<Map<String, Value>>,
}

crate::redact::keys_only_debug!(ConnectorExecute {
    entity: shown,
    action: shown,
    params: config_opt,
});

impl ConnectorExecute {
    /// `action` on `entity`, without parameters.
    pub fn new(entity: impl Into<String>, action: ConnectorAction) -> Self {
        ConnectorExecute {
            entity: entity.into(),
            action,
            params: None,
        }
    }

    /// Sets the parameters.
    pub fn params(mut self, params: Map<String, Value>) -> Self {
        self.params = Some(params);
        self
    }
}

open_enum! {
    /// How an execute went. The document types `status` as a string and Airbyte's SDK
    /// documents only `success`; any other value (an error) is kept as sent.
    pub enum ExecutionStatus {
        /// The action ran.
        Success => "success",
    }
}

/// The answer of an execute (`ConnectorExecuteResponse`). The document leaves `result` and
/// `connector_metadata` untyped, so both stay raw JSON. A `status` other than `success` is
/// the connector's answer (its reason, if any, in `result`), not an SDK error. `Debug` prints
/// the keys of `result`, never its values (records from the end user's system).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectorExecution {
    /// How it went.
    pub status: ExecutionStatus,
    /// What the action returned (records, a record, a receipt), raw JSON; `null` when absent.
    #[serde(default)]
    pub result: Value,
    /// What the connector says about itself, raw JSON; `null` when absent.
    #[serde(default)]
    pub connector_metadata: Value,
    /// Where and how long it ran.
    #[serde(default)]
    pub execution_metadata: Option<ExecutionMetadata>,
}

crate::redact::keys_only_debug!(ConnectorExecution {
    status: shown,
    result: value,
    connector_metadata: shown,
    execution_metadata: shown,
});

/// Where and how long an execute ran (`ExecutionMetadata`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExecutionMetadata {
    /// The connector instance that ran it (the connector's id).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connector_instance_id: Option<String>,
    /// How long it ran, in milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub execution_time_ms: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn create_sends_customer_name_and_only_the_fields_set() {
        let create = ConnectorCreate::new("acme", "stripe")
            .replication_config(object(json!({"account_id": "acct_1"})));
        assert_eq!(
            serde_json::to_value(&create).unwrap(),
            json!({"customer_name": "acme", "connector_type": "stripe",
                   "replication_config": {"account_id": "acct_1"},
                   "selected_connection_template_tags": [],
                   "selected_connection_template_tags_mode": "any"})
        );
        let parsed: ConnectorCreate = serde_json::from_value(
            json!({"workspace_name": "acme", "definition_id": "d1", "credentials": {}}),
        )
        .unwrap();
        assert_eq!(parsed.workspace_name, "acme");
        assert!(
            serde_json::from_value::<ConnectorCreate>(json!({"customer_name": "a", "tags": []}))
                .is_err(),
            "unknown fields are refused"
        );
    }

    #[test]
    fn debug_hides_credentials_configs_params_and_results() {
        let mut create = ConnectorCreate::new("acme", "stripe")
            .replication_config(object(json!({"client_secret": "hunter2"})))
            .credentials(object(json!({"api_key": "hunter2"})));
        create.environment = Some(object(json!({"subdomain": "hunter2"})));
        create.server_side_oauth_secret_id = Some("hunter2".into());
        let update = ConnectorUpdate {
            name: None,
            replication_config: Some(object(json!({"client_secret": "hunter2"}))),
        };
        let execute = ConnectorExecute::new("contacts", ConnectorAction::Create)
            .params(object(json!({"data": {"email": "hunter2"}})));
        let execution: ConnectorExecution = serde_json::from_value(json!({
            "status": "success", "result": [{"email": "hunter2"}], "connector_metadata": {},
            "execution_metadata": {"connector_instance_id": "c1", "execution_time_ms": 12}
        }))
        .unwrap();
        let connector: Connector = serde_json::from_value(
            json!({"id": "c1", "replication_config": {"client_secret": "hunter2"}}),
        )
        .unwrap();
        for text in [
            format!("{create:?}"),
            format!("{create}"),
            format!("{update:?}"),
            format!("{execute:?}"),
            format!("{execution:?}"),
            format!("{connector}"),
        ] {
            assert!(!text.contains("hunter2"), "{text}");
        }
        assert!(format!("{create:?}").contains("\"api_key\": [REDACTED]"));
        assert!(format!("{execution:?}").contains("\"email\": [REDACTED]"));
    }

    #[test]
    fn request_secrets_are_known_to_the_redactor() {
        let mut create = ConnectorCreate::new("acme", "stripe")
            .replication_config(object(json!({"host": "db.internal"})))
            .credentials(object(json!({"api_key": "key-123"})));
        create.environment = Some(object(json!({"subdomain": "acme-eu"})));
        create.server_side_oauth_secret_id = Some("oauth-9".into());
        let body = serde_json::to_vec(&create).unwrap();
        let known = crate::redact::known_secrets(&body);
        for secret in ["db.internal", "key-123", "acme-eu", "oauth-9"] {
            assert!(known.iter().any(|k| k == secret), "{secret}: {known:?}");
        }
    }

    #[test]
    fn only_reading_actions_are_replayed() {
        for (wire, reads) in [
            ("list", true),
            ("get", true),
            ("download", true),
            ("search", true),
            ("context_store_search", true),
            ("api_search", true),
            ("create", false),
            ("update", false),
            ("delete", false),
            ("archive", false),
        ] {
            assert_eq!(ConnectorAction::from(wire).only_reads(), reads, "{wire}");
        }
    }

    #[test]
    fn executions_and_checks_parse_what_the_service_leaves_open() {
        let e: ConnectorExecution =
            serde_json::from_value(json!({"status": "error", "result": {"error": "nope"}}))
                .unwrap();
        assert_eq!(e.status, ExecutionStatus::Unknown("error".into()));
        assert_eq!(e.connector_metadata, Value::Null);
        assert!(e.execution_metadata.is_none());
        let c: ConnectorCheck =
            serde_json::from_value(json!({"id": "k1", "status": null})).unwrap();
        assert_eq!(c.status, None);
        let c: ConnectorCheck =
            serde_json::from_value(json!({"id": "k1", "status": "queued"})).unwrap();
        assert_eq!(c.status, Some(CheckState::Unknown("queued".into())));
    }
}
