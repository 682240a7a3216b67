//! The 2026 connectors and the organisation's OAuth apps against the sandbox: a connector's
//! life (create, list, read, partial update, checks, executes, delete), what each call
//! replays after a failure whose outcome is unknown, what is refused before anything is sent,
//! and the secrets that never reach an error or `Debug` text.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use airbyte_embedded::connectors::{
    ConnectorAction, ConnectorCreate, ConnectorExecute, ConnectorFilter, ConnectorUpdate,
    ExecutionStatus,
};
use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::oauth_credentials::{ActorType, OAuthCredentialsRequest, OAuthScope};
use airbyte_embedded::sources::CheckState;
use airbyte_embedded::{ClientConfig, Credentials, Error, OperatorClient, RetryPolicy};
use airbyte_embedded_sandbox::catalog::{DESTINATION_S3_DEFINITION_ID, SOURCE_API_DEFINITION_ID};
use common::*;
use serde_json::{Value, json};

fn stripe(secret: &str) -> serde_json::Map<String, Value> {
    object(json!({"account_id": "acct_1", "client_secret": secret,
                  "start_date": "2025-01-01T00:00:00Z"}))
}

/// An operator client whose retries are quick, and the organisation's Stripe template.
fn world(sb: &Sandbox) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .retry_policy(RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
            max_elapsed: Duration::from_secs(10),
            jitter: false,
        })
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    op.source_templates()
        .create(&SourceTemplateCreate::new(
            SOURCE_API_DEFINITION_ID,
            object(json!({"lookback_window_days": 2})),
        ))
        .unwrap();
    op
}

#[test]
fn a_connectors_life() {
    let sb = sandbox();
    let op = world(&sb);
    let connectors = op.connectors();
    let request = ConnectorCreate::new("acme", "stripe")
        .name("acme stripe")
        .replication_config(stripe("sk_live_1"));

    let check = connectors.check_config(&request).unwrap();
    assert_eq!(check.status, Some(CheckState::Succeeded));
    let created = connectors.create(&request).unwrap();
    assert_eq!(created.name.as_deref(), Some("acme stripe"));
    assert_eq!(created.replication_config["client_secret"], "**********");
    assert_eq!(created.replication_config["lookback_window_days"], 2);
    let sent = requests_to(&sb, "/integrations/connectors");
    let body = sent.last().unwrap().body_json().unwrap();
    assert_eq!(body["customer_name"], "acme");
    assert!(body.get("workspace_name").is_none(), "one name key: {body}");

    // It is a source of the workspace the name made.
    let workspace = op.end_user_client("acme").unwrap().workspace_id().unwrap();
    let sources = op.sources().list(&workspace).unwrap();
    assert!(sources.iter().any(|s| s.id == created.id));

    let by_name = connectors
        .list(&ConnectorFilter {
            workspace_name: Some("acme".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].id, created.id);
    let query = requests_to(&sb, "/integrations/connectors")
        .last()
        .unwrap()
        .query
        .clone();
    assert_eq!(query.as_deref(), Some("customer_name=acme"));
    let by_both = connectors
        .list(&ConnectorFilter {
            workspace_id: Some(workspace.clone()),
            workspace_name: None,
            definition_id: Some(DESTINATION_S3_DEFINITION_ID.into()),
        })
        .unwrap();
    assert!(by_both.is_empty(), "no connector of that definition");
    assert_eq!(
        connectors.list(&ConnectorFilter::default()).unwrap().len(),
        1
    );

    // A partial update keeps the stored secret.
    let update = ConnectorUpdate {
        name: Some("renamed".into()),
        replication_config: Some(object(json!({"lookback_window_days": 7}))),
    };
    let updated = connectors.update(&created.id, &update).unwrap();
    assert_eq!(updated.name.as_deref(), Some("renamed"));
    assert_eq!(updated.replication_config["lookback_window_days"], 7);
    assert_eq!(
        connectors
            .check(&created.id, &ConnectorUpdate::default())
            .unwrap()
            .status,
        Some(CheckState::Succeeded),
        "the stored secret is still there"
    );
    let failing = ConnectorUpdate {
        name: None,
        replication_config: Some(object(json!({"client_secret": "wrong-secret"}))),
    };
    let failed = connectors.check(&created.id, &failing).unwrap();
    assert_eq!(failed.status, Some(CheckState::Failed));
    assert!(
        failed
            .error_message
            .unwrap()
            .contains("Authentication failed")
    );
    assert_eq!(
        failed.failure_reason.unwrap().failure_type.as_deref(),
        Some("config_error")
    );

    // Executes: a write, then reads of it.
    let made = connectors
        .execute(
            &created.id,
            &ConnectorExecute::new("customers", ConnectorAction::Create)
                .params(object(json!({"data": {"name": "Edsger Dijkstra"}}))),
        )
        .unwrap();
    assert_eq!(made.status, ExecutionStatus::Success);
    let new_id = made.result["id"].as_str().unwrap().to_owned();
    let metadata = made.execution_metadata.unwrap();
    assert_eq!(
        metadata.connector_instance_id.as_deref(),
        Some(created.id.as_str())
    );
    let hits = connectors
        .execute(
            &created.id,
            &ConnectorExecute::new("customers", ConnectorAction::Search)
                .params(object(json!({"query": "dijkstra"}))),
        )
        .unwrap();
    assert_eq!(hits.result.as_array().unwrap().len(), 1);
    assert_eq!(hits.result[0]["id"], new_id.as_str());
    let err = connectors
        .execute(
            &created.id,
            &ConnectorExecute::new("customers", ConnectorAction::from("explode")),
        )
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");

    let deleted = connectors.delete(&created.id).unwrap();
    assert_eq!(deleted.id.as_deref(), Some(created.id.as_str()));
    assert!(deleted.deleted_at.is_some());
    assert!(matches!(
        connectors.get(&created.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn an_execute_the_connector_refuses_is_an_answer_not_an_error() {
    let sb = sandbox();
    let op = world(&sb);
    let connector = op
        .connectors()
        .create(&ConnectorCreate::new("acme", "stripe").replication_config(stripe("wrong-secret")))
        .unwrap();
    let answer = op
        .connectors()
        .execute(
            &connector.id,
            &ConnectorExecute::new("customers", ConnectorAction::List),
        )
        .unwrap();
    assert_eq!(answer.status, ExecutionStatus::Unknown("error".into()));
    assert!(
        answer.result["error"]
            .as_str()
            .unwrap()
            .contains("Authentication")
    );
}

#[test]
fn creates_and_writes_are_sent_once_checks_and_reads_again() {
    let sb = sandbox();
    let op = world(&sb);
    let connectors = op.connectors();
    let request = ConnectorCreate::new("acme", "stripe").replication_config(stripe("sk_1"));
    let reset = || Fault::new(FaultAction::ResetAfterCommit);

    sb.inject_fault(reset().on("POST", "/integrations/connectors"));
    let err = connectors.create(&request).unwrap_err();
    assert!(err.is_outcome_unknown(), "{err:?}");
    assert!(
        err.to_string()
            .ends_with("list the workspace's connectors by name before retrying"),
        "{err}"
    );
    assert_eq!(requests_to(&sb, "/integrations/connectors").len(), 1);
    let listed = connectors.list(&ConnectorFilter::default()).unwrap();
    assert_eq!(listed.len(), 1, "the create was committed once");
    let id = listed[0].id.clone();

    sb.inject_fault(reset().on("POST", "/integrations/connectors/check"));
    assert_eq!(
        connectors.check_config(&request).unwrap().status,
        Some(CheckState::Succeeded)
    );
    assert_eq!(
        requests_to(&sb, "/check").len(),
        2,
        "the check was sent again"
    );

    let execute = format!("/integrations/connectors/{id}/execute");
    sb.inject_fault(reset().on("POST", &execute));
    let write = ConnectorExecute::new("customers", ConnectorAction::Create)
        .params(object(json!({"data": {"name": "Once"}})));
    assert!(
        connectors
            .execute(&id, &write)
            .unwrap_err()
            .is_outcome_unknown()
    );
    assert_eq!(
        requests_to(&sb, "/execute").len(),
        1,
        "a write is sent once"
    );
    sb.inject_fault(reset().on("POST", &execute));
    let list = connectors
        .execute(
            &id,
            &ConnectorExecute::new("customers", ConnectorAction::List),
        )
        .unwrap();
    assert_eq!(
        requests_to(&sb, "/execute").len(),
        3,
        "a read is sent again"
    );
    let named_once = list.result.as_array().unwrap();
    assert_eq!(
        named_once.iter().filter(|r| r["name"] == "Once").count(),
        1,
        "the write took effect once"
    );
}

#[test]
fn a_delete_answered_without_a_body_gives_the_id() {
    let sb = sandbox();
    let op = world(&sb);
    let id = op
        .connectors()
        .create(&ConnectorCreate::new("acme", "stripe").replication_config(stripe("sk_1")))
        .unwrap()
        .id;
    sb.inject_fault(
        Fault::new(FaultAction::Respond {
            status: 202,
            body: String::new(),
            content_type: "application/json".into(),
            headers: Vec::new(),
        })
        .on("DELETE", &format!("/integrations/connectors/{id}")),
    );
    let deleted = op.connectors().delete(&id).unwrap();
    assert_eq!(deleted.id.as_deref(), Some(id.as_str()));
    assert_eq!(deleted.deleted_at, None);
}

#[test]
fn what_cannot_be_sent_is_refused_unsent() {
    let sb = sandbox();
    let op = world(&sb);
    let connectors = op.connectors();
    let before = sb.requests_received();
    let argument = |r: airbyte_embedded::Result<_>| match r {
        Err(Error::InvalidArgument { argument, .. }) => argument,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        argument(
            connectors
                .create(&ConnectorCreate::new("acme", "stripe"))
                .map(drop)
        ),
        "replication_config"
    );
    let mut no_connector = ConnectorCreate::new("acme", "stripe").credentials(object(json!({})));
    no_connector.connector_type = None;
    assert_eq!(
        argument(connectors.check_config(&no_connector).map(drop)),
        "connector_type"
    );
    assert_eq!(
        argument(
            connectors
                .list(&ConnectorFilter {
                    workspace_name: Some(String::new()),
                    ..Default::default()
                })
                .map(drop)
        ),
        "workspace_name"
    );
    assert_eq!(
        argument(
            connectors
                .execute("c1", &ConnectorExecute::new(" ", ConnectorAction::List))
                .map(drop)
        ),
        "entity"
    );
    assert_eq!(
        argument(
            connectors
                .execute(
                    "c1",
                    &ConnectorExecute::new("users", ConnectorAction::from(""))
                )
                .map(drop)
        ),
        "action"
    );
    let mut both = OAuthCredentialsRequest::for_connector_type("hubspot", object(json!({})));
    both.connector_definition_id = Some(SOURCE_API_DEFINITION_ID.into());
    assert_eq!(
        argument(op.oauth_credentials().set(&both).map(drop)),
        "connector_type"
    );
    assert_eq!(
        argument(op.oauth_credentials().delete("")),
        "connector_type"
    );
    assert_eq!(sb.requests_received(), before, "nothing was sent");
}

#[test]
fn secrets_in_connector_bodies_stay_out_of_error_text() {
    let sb = sandbox();
    let op = world(&sb);
    let mut request = ConnectorCreate::new("acme", "stripe")
        .credentials(object(json!({"api_key": "cred-secret-4242"})));
    request.environment = Some(object(json!({"subdomain": "env-secret-4242"})));
    let echo = json!({"detail": [{"loc": ["body", "credentials"],
        "msg": "rejected cred-secret-4242 for env-secret-4242", "type": "value_error"}]});
    sb.inject_fault(
        Fault::new(FaultAction::json(422, &echo)).on("POST", "/integrations/connectors"),
    );
    let err = op.connectors().create(&request).unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert!(
        !text.contains("cred-secret-4242") && !text.contains("env-secret-4242"),
        "{text}"
    );
    let debug = format!("{request:?}");
    assert!(
        !debug.contains("cred-secret-4242") && debug.contains("api_key"),
        "{debug}"
    );
}

#[test]
fn the_organisations_oauth_app_is_set_replaced_and_removed() {
    let sb = sandbox();
    let op = operator(&sb);
    let apps = op.oauth_credentials();
    let first = apps
        .set(&OAuthCredentialsRequest::for_connector_type(
            "hubspot",
            object(json!({"client_id": "app-1", "client_secret": "app-secret-1"})),
        ))
        .unwrap();
    assert_eq!(first.actor_type, Some(ActorType::Source));
    assert_eq!(first.scope_type, Some(OAuthScope::Organization));
    assert_eq!(
        first.scope_id.as_deref(),
        Some(airbyte_embedded_sandbox::ORGANIZATION_ID)
    );
    let second = apps
        .set(&OAuthCredentialsRequest::for_connector_type(
            "HubSpot",
            object(json!({"client_id": "app-2"})),
        ))
        .unwrap();
    assert_eq!(second.id, first.id, "replaced in place");
    let s3 = apps
        .set(&OAuthCredentialsRequest::for_definition(
            DESTINATION_S3_DEFINITION_ID,
            object(json!({})),
        ))
        .unwrap();
    assert_eq!(s3.actor_type, Some(ActorType::Destination));
    let sent = requests_to(&sb, "/oauth/credentials");
    assert_eq!(
        sent[0].body_json().unwrap(),
        json!({"connector_type": "hubspot",
               "configuration": {"client_id": "app-1", "client_secret": "app-secret-1"}})
    );
    apps.delete("hubspot").unwrap();
    apps.delete("hubspot").unwrap();
    let again = apps
        .set(&OAuthCredentialsRequest::for_connector_type(
            "hubspot",
            object(json!({})),
        ))
        .unwrap();
    assert_ne!(again.id, first.id, "the delete removed it");
    assert!(matches!(
        apps.set(&OAuthCredentialsRequest::for_connector_type(
            "mysql",
            object(json!({}))
        )),
        Err(Error::NotFound { .. })
    ));
}
