//! Connectors (operator token, 2026): `/integrations/connectors`, the Agent Engine
//! document's successor of `/integrations/sources`. A connector is a source under its 2026
//! name (its id is the source's id); the service creates it for a workspace named by
//! `customer_name`, from the organisation's source template for the connector, checks it
//! inline and runs actions on the end user's system through it (`execute`).
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::connectors::{ConnectorAction, ConnectorCreate, ConnectorExecute};
//! use serde_json::json;
//!
//! let operator = OperatorClient::from_env()?;
//! let config = json!({"account_id": "acct_1", "client_secret": "sk_live_…", "start_date": "2025-01-01T00:00:00Z"});
//! let request = ConnectorCreate::new("acme-corp", "stripe")
//!     .replication_config(config.as_object().unwrap().clone());
//! let check = operator.connectors().check_config(&request)?;
//! println!("{:?} {:?}", check.status, check.error_message);
//! let connector = operator.connectors().create(&request)?; // its secret comes back masked
//! let customers = operator
//!     .connectors()
//!     .execute(&connector.id, &ConnectorExecute::new("customers", ConnectorAction::List))?;
//! println!("{:?}: {}", customers.status, customers.result);
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! # Replays
//!
//! A create is never sent again after a failure whose outcome is unknown (it may have made
//! the connector: list by name before retrying). A check stores nothing and is replayed. An
//! execute is replayed only when its action only reads ([`ConnectorAction::only_reads`]):
//! `create`, `update`, `delete` and unknown actions write to the end user's system.
//!
//! # What the document leaves open
//!
//! The SDK reads these tolerantly: a check's `status` may be `null` and there is no route to
//! poll one ([`ConnectorCheck`]); an execute's `status` is a string with only `success`
//! documented, and its `result` and `connector_metadata` are untyped ([`ConnectorExecution`]:
//! an open enum and raw JSON); the action is a string ([`ConnectorAction`], open). A delete
//! answers `{id, deleted_at}` with 200 in the document, while Airbyte's own SDK says it is
//! asynchronous and answers 202: any 2xx is success, and an empty body gives the id alone.
//! `…/connectors/oauth/initiate` is not in the published document and not in this SDK.

mod models;

use serde_json::{Map, Value};

use crate::api::Api;
use crate::common::{DataList, Deleted, require_id};
use crate::http::url::segment;
use crate::http::{Call, Method};
use crate::retry::Replay;
use crate::sources::SourceSummary;
use crate::{Error, Result};
pub use models::{
    Connector, ConnectorAction, ConnectorCheck, ConnectorCreate, ConnectorExecute,
    ConnectorExecution, ConnectorFilter, ConnectorUpdate, ExecutionMetadata, ExecutionStatus,
};

const BASE: &str = "integrations/connectors";

/// Connector operations for the operator. Get one from [`crate::OperatorClient::connectors`].
pub struct Connectors<'a> {
    pub(crate) api: &'a Api,
}

impl Connectors<'_> {
    /// Lists the organisation's connectors, narrowed by every filter set.
    /// `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…` →
    /// `{data: [ConnectorSourceListItem]}`, the same items as a source list's.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming a filter field set to an empty string (nothing
    /// sent); [`Error::NotFound`] for a workspace id of another organisation; auth and
    /// transport errors.
    pub fn list(&self, filter: &ConnectorFilter) -> Result<Vec<SourceSummary>> {
        let mut query = Vec::new();
        for (field, key, value) in [
            ("workspace_id", "workspace_id", &filter.workspace_id),
            ("workspace_name", "customer_name", &filter.workspace_name),
            ("definition_id", "definition_id", &filter.definition_id),
        ] {
            if let Some(value) = value {
                query.push((key, require_id(field, value)?.to_owned()));
            }
        }
        Ok(self.api.get::<DataList<_>>(BASE, &query)?.data)
    }

    /// Reads one connector (secrets masked). `GET /integrations/connectors/{id}`.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::InvalidArgument`] for an empty id.
    pub fn get(&self, id: &str) -> Result<Connector> {
        let id = require_id("id", id)?;
        self.api.get(&format!("{BASE}/{}", segment(id)), &[])
    }

    /// Creates a connector (and the workspace, when its name is new).
    /// `POST /integrations/connectors` → the connector, its secrets masked. The config is not
    /// validated client-side: which template (and so which spec) applies is the service's
    /// choice from `connector_type` or `definition_id`.
    ///
    /// Never replayed after a failure whose outcome is unknown ([`Error::OutcomeUnknown`]):
    /// list the workspace's connectors by name before trying again.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`], nothing sent, naming `workspace_name` when it is empty,
    /// `connector_type` when none of `connector_type`, `definition_id` and
    /// `source_template_id` is set, `replication_config` when none of it, `credentials` and
    /// `server_side_oauth_secret_id` is, or a field set to an empty string or to text that
    /// is not a JSON object; [`Error::NotFound`] for an unknown connector or template, or an
    /// organisation without a template of it; [`Error::Validation`] when the service refuses
    /// the config or the choice of template is ambiguous.
    pub fn create(&self, connector: &ConnectorCreate) -> Result<Connector> {
        check_create(connector)?;
        self.api.post(
            BASE,
            connector,
            Replay::Unsafe {
                advice: "list the workspace's connectors by name before retrying",
            },
        )
    }

    /// Changes a connector's name and/or some of its replication config.
    /// `PUT /integrations/connectors/{id}` with `{name?, replication_config?}`:
    /// `replication_config` is partial, the service keeps what it does not carry (so a
    /// change needs none of the secrets the caller never had). Replayed like every `PUT`.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::InvalidArgument`] for an empty id or a config that is
    /// not a JSON object; [`Error::Validation`] when the service refuses the config.
    pub fn update(&self, id: &str, update: &ConnectorUpdate) -> Result<Connector> {
        let id = require_id("id", id)?;
        check_update(update)?;
        self.api.put(&format!("{BASE}/{}", segment(id)), update)
    }

    /// Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`; an
    /// answer without a body (Airbyte's SDK describes a 202 for this asynchronous delete)
    /// gives `{id}` with no `deleted_at`.
    ///
    /// # Errors
    /// [`Error::NotFound`]; [`Error::InvalidArgument`] for an empty id.
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        let path = format!("{BASE}/{}", segment(id));
        let call = Call::new(
            Method::Delete,
            self.api.http.url(&path),
            &[],
            None,
            Replay::Safe,
        );
        let reply = self.api.execute(&call)?;
        if reply.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Deleted {
                id: Some(id.to_owned()),
                deleted_at: None,
            });
        }
        reply.decode(&call)
    }

    /// Checks a config before any connector exists: the create's fields, checked as
    /// [`Connectors::create`] checks them. `POST /integrations/connectors/check` → the
    /// outcome, inline. Nothing is stored, so the check is replayed after a failure whose
    /// outcome is unknown.
    ///
    /// # Errors
    /// As [`Connectors::create`].
    pub fn check_config(&self, connector: &ConnectorCreate) -> Result<ConnectorCheck> {
        check_create(connector)?;
        // A check stores nothing: sending it again duplicates nothing.
        self.api
            .post(&format!("{BASE}/check"), connector, Replay::Safe)
    }

    /// Checks an existing connector, optionally with a changed (partial) replication config
    /// that is not stored. `POST /integrations/connectors/{id}/check` → the outcome, inline;
    /// replayed, as a check stores nothing.
    ///
    /// # Errors
    /// As [`Connectors::update`].
    pub fn check(&self, id: &str, update: &ConnectorUpdate) -> Result<ConnectorCheck> {
        let id = require_id("id", id)?;
        check_update(update)?;
        // A check stores nothing: sending it again duplicates nothing.
        self.api.post(
            &format!("{BASE}/{}/check", segment(id)),
            update,
            Replay::Safe,
        )
    }

    /// Runs one action on one entity of the end user's system through the connector.
    /// `POST /integrations/connectors/{id}/execute` with `{entity, action, params?}` →
    /// `{status, result, connector_metadata, execution_metadata}`. Replayed after a failure
    /// whose outcome is unknown only when the action only reads
    /// ([`ConnectorAction::only_reads`]); a write is not sent twice.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`], nothing sent, for an empty id, `entity` or `action`, or
    /// `params` text that is not a JSON object; [`Error::NotFound`]; [`Error::Validation`]
    /// for an entity or action the connector does not have; [`Error::OutcomeUnknown`] for a
    /// write whose outcome is unknown.
    pub fn execute(&self, id: &str, request: &ConnectorExecute) -> Result<ConnectorExecution> {
        let id = require_id("id", id)?;
        require_id("entity", &request.entity)?;
        require_id("action", request.action.as_str())?;
        refuse_unparsed("params", request.params.as_ref())?;
        let replay = if request.action.only_reads() {
            Replay::Safe
        } else {
            Replay::Unsafe {
                advice: "read the entity back before running the action again",
            }
        };
        self.api
            .post(&format!("{BASE}/{}/execute", segment(id)), request, replay)
    }
}

/// Refuses a field holding text that was not a JSON object.
fn refuse_unparsed(field: &str, object: Option<&Map<String, Value>>) -> Result<()> {
    object.map_or(Ok(()), |o| crate::unparsed::refuse(field, o))
}

/// What a create or config check must carry before anything is sent.
fn check_create(c: &ConnectorCreate) -> Result<()> {
    require_id("workspace_name", &c.workspace_name)?;
    for (field, value) in [
        ("name", &c.name),
        ("connector_type", &c.connector_type),
        ("definition_id", &c.definition_id),
        ("source_template_id", &c.source_template_id),
        (
            "server_side_oauth_secret_id",
            &c.server_side_oauth_secret_id,
        ),
    ] {
        if let Some(value) = value {
            require_id(field, value)?;
        }
    }
    if c.connector_type.is_none() && c.definition_id.is_none() && c.source_template_id.is_none() {
        return Err(Error::invalid_argument(
            "connector_type",
            "set connector_type, definition_id or source_template_id",
        ));
    }
    if c.replication_config.is_none()
        && c.credentials.is_none()
        && c.server_side_oauth_secret_id.is_none()
    {
        return Err(Error::invalid_argument(
            "replication_config",
            "set replication_config, credentials or server_side_oauth_secret_id",
        ));
    }
    refuse_unparsed("replication_config", c.replication_config.as_ref())?;
    refuse_unparsed("credentials", c.credentials.as_ref())?;
    refuse_unparsed("environment", c.environment.as_ref())
}

/// What an update or check of an existing connector must carry before anything is sent.
fn check_update(u: &ConnectorUpdate) -> Result<()> {
    refuse_unparsed("replication_config", u.replication_config.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refused(c: &ConnectorCreate) -> String {
        match check_create(c) {
            Err(Error::InvalidArgument { argument, .. }) => argument,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn creates_name_what_is_missing() {
        let config = json!({"count": 1}).as_object().cloned().unwrap();
        let ok = ConnectorCreate::new("acme", "stripe").replication_config(config.clone());
        assert!(check_create(&ok).is_ok());
        let mut no_name = ok.clone();
        no_name.workspace_name = " ".into();
        assert_eq!(refused(&no_name), "workspace_name");
        let mut no_connector = ok.clone();
        no_connector.connector_type = None;
        assert_eq!(refused(&no_connector), "connector_type");
        no_connector.definition_id = Some(String::new());
        assert_eq!(refused(&no_connector), "definition_id");
        let nothing = ConnectorCreate::new("acme", "stripe");
        assert_eq!(refused(&nothing), "replication_config");
        let mut oauth = nothing.clone();
        oauth.server_side_oauth_secret_id = Some("secret-1".into());
        assert!(check_create(&oauth).is_ok());
        let unparsed = nothing.credentials(crate::unparsed::wrap("{\"api_key\": ".into()));
        assert_eq!(refused(&unparsed), "credentials");
    }
}
