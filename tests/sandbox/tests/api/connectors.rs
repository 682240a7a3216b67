//! The 2026 connectors and the organisation's OAuth apps, end to end: connectors are sources,
//! checks answer inline by the check rule, executes keep records per connector, and the OAuth
//! app delete is idempotent.

use airbyte_embedded_sandbox::catalog::SOURCE_API_DEFINITION_ID;
use airbyte_embedded_sandbox::{OTHER_CLIENT_ID, OTHER_CLIENT_SECRET};
use serde_json::{Value, json};

use crate::support::*;

fn stripe(secret: &str) -> Value {
    json!({"account_id": "acct_1", "client_secret": secret, "start_date": "2025-01-01T00:00:00Z"})
}

#[test]
fn connectors_are_sources_made_for_a_named_workspace() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(&op),
        Some(json!({"actor_definition_id": SOURCE_API_DEFINITION_ID, "partial_default_config": {"lookback_window_days": 2}})),
    );
    assert_eq!(template.status, 200, "{}", template.text);
    let created = c.call(
        "POST",
        "/integrations/connectors",
        Some(&op),
        Some(
            json!({"customer_name": "acme", "connector_type": "Stripe", "name": "acme stripe",
                    "replication_config": stripe("sk_live_1"),
                    "credentials": {"api_key": "direct-key-1"}}),
        ),
    );
    assert_eq!(created.status, 200, "{}", created.text);
    let id = created.json["id"].as_str().unwrap().to_owned();
    assert_eq!(
        created.json["replication_config"]["client_secret"],
        "**********"
    );
    assert_eq!(
        created.json["replication_config"]["lookback_window_days"],
        2
    );
    assert!(
        !created.text.contains("direct-key-1"),
        "credentials never come back"
    );

    // The workspace was made from the name, and the connector is one of its sources.
    let scoped = c.scoped_token(&op, "acme");
    let workspace = claims(&scoped)["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let sources = c.call(
        "GET",
        &format!("/integrations/sources?workspace_id={workspace}"),
        Some(&op),
        None,
    );
    assert_eq!(sources.json["data"][0]["id"], id.as_str());
    let listed = c.call(
        "GET",
        "/integrations/connectors?customer_name=acme",
        Some(&op),
        None,
    );
    assert_eq!(listed.json["data"].as_array().unwrap().len(), 1);
    assert_eq!(
        listed.json["data"][0]["summarized_source_template"]["actor_definition_id"],
        SOURCE_API_DEFINITION_ID
    );
    let none = c.call(
        "GET",
        "/integrations/connectors?customer_name=nobody",
        Some(&op),
        None,
    );
    assert_eq!(none.json["data"], json!([]));

    // Another organisation sees none of it.
    let other = c.token_for(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    let hidden = c.call(
        "GET",
        &format!("/integrations/connectors/{id}"),
        Some(&other),
        None,
    );
    assert_eq!(hidden.status, 404);

    // A partial update keeps the stored secret; the check then runs over the merged config.
    let updated = c.call(
        "PUT",
        &format!("/integrations/connectors/{id}"),
        Some(&op),
        Some(json!({"replication_config": {"lookback_window_days": 5}})),
    );
    assert_eq!(updated.status, 200, "{}", updated.text);
    assert_eq!(
        updated.json["replication_config"]["lookback_window_days"],
        5
    );
    let ok = c.call(
        "POST",
        &format!("/integrations/connectors/{id}/check"),
        Some(&op),
        Some(json!({})),
    );
    assert_eq!(ok.json["status"], "succeeded", "{}", ok.text);
    let failed = c.call(
        "POST",
        &format!("/integrations/connectors/{id}/check"),
        Some(&op),
        Some(json!({"replication_config": {"client_secret": "wrong-secret"}})),
    );
    assert_eq!(failed.json["status"], "failed", "{}", failed.text);
    assert_eq!(
        failed.json["failure_reason"]["failure_type"],
        "config_error"
    );
    let still_ok = c.call(
        "POST",
        &format!("/integrations/connectors/{id}/check"),
        Some(&op),
        Some(json!({})),
    );
    assert_eq!(
        still_ok.json["status"], "succeeded",
        "a check changes nothing"
    );

    // A check before any connector exists: credentials count too.
    let new_check = c.call(
        "POST",
        "/integrations/connectors/check",
        Some(&op),
        Some(
            json!({"customer_name": "acme", "definition_id": SOURCE_API_DEFINITION_ID,
                    "credentials": {"api_key": "wrong-password"}}),
        ),
    );
    assert_eq!(new_check.json["status"], "failed", "{}", new_check.text);

    let deleted = c.call(
        "DELETE",
        &format!("/integrations/connectors/{id}"),
        Some(&op),
        None,
    );
    assert_eq!(deleted.status, 200);
    assert_eq!(deleted.json["id"], id.as_str());
    let gone = c.call(
        "GET",
        &format!("/integrations/sources/{id}"),
        Some(&op),
        None,
    );
    assert_eq!(gone.status, 404, "the source went with it");
}

#[test]
fn executes_keep_records_per_connector_and_fail_by_the_check_rule() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    c.call(
        "POST",
        "/integrations/templates/sources",
        Some(&op),
        Some(
            json!({"actor_definition_id": SOURCE_API_DEFINITION_ID, "partial_default_config": {}}),
        ),
    );
    let make = |secret: &str| -> String {
        let r = c.call(
            "POST",
            "/integrations/connectors",
            Some(&op),
            Some(json!({"customer_name": "acme", "connector_type": "stripe",
                        "replication_config": stripe(secret)})),
        );
        assert_eq!(r.status, 200, "{}", r.text);
        r.json["id"].as_str().unwrap().to_owned()
    };
    let (a, b, failing) = (make("sk_1"), make("sk_2"), make("wrong-secret"));
    let exec = |id: &str, body: Value| {
        c.call(
            "POST",
            &format!("/integrations/connectors/{id}/execute"),
            Some(&op),
            Some(body),
        )
    };
    let made = exec(
        &a,
        json!({"entity": "customers", "action": "create", "params": {"data": {"name": "Edsger"}}}),
    );
    assert_eq!(made.json["status"], "success", "{}", made.text);
    assert_eq!(made.json["result"]["id"], "customers-4");
    assert_eq!(
        made.json["execution_metadata"]["connector_instance_id"],
        a.as_str()
    );
    let count = |id: &str| {
        exec(id, json!({"entity": "customers", "action": "list"})).json["result"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&a), 4);
    assert_eq!(count(&b), 3);
    let refused = exec(&failing, json!({"entity": "customers", "action": "list"}));
    assert_eq!(refused.status, 200);
    assert_eq!(refused.json["status"], "error");
    assert!(
        refused.json["result"]["error"]
            .as_str()
            .unwrap()
            .contains("Authentication failed")
    );
    let unknown = exec(&a, json!({"entity": "customers", "action": "explode"}));
    assert_eq!(unknown.status, 400);
}

#[test]
fn oauth_apps_are_replaced_in_place_and_deleted_idempotently() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let put = |body: Value| c.call("PUT", "/oauth/credentials", Some(&op), Some(body));
    let first = put(
        json!({"connector_type": "hubspot", "configuration": {"client_id": "a", "client_secret": "app-secret-a"}}),
    );
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(first.json["connector_type"], "source");
    assert_eq!(first.json["scope_type"], "organization");
    assert!(
        !first.text.contains("app-secret-a"),
        "configuration never comes back"
    );
    let second = put(json!({"connector_type": "HUBSPOT", "configuration": {"client_id": "b"}}));
    assert_eq!(second.json["id"], first.json["id"]);
    assert_eq!(second.json["created_at"], first.json["created_at"]);
    let s3 = put(json!({"connector_type": "s3", "configuration": {}}));
    assert_eq!(s3.json["connector_type"], "destination");
    assert_ne!(s3.json["id"], first.json["id"]);
    let extra = put(json!({"connector_type": "hubspot", "configuration": {}, "scope": "global"}));
    assert_eq!(extra.status, 422);
    for _ in 0..2 {
        let gone = c.call(
            "DELETE",
            "/oauth/credentials/connector_type/hubspot",
            Some(&op),
            None,
        );
        assert_eq!(gone.status, 204);
        assert!(gone.text.is_empty());
    }
    let again = put(json!({"connector_type": "hubspot", "configuration": {}}));
    assert_ne!(
        again.json["id"], first.json["id"],
        "the delete removed the app"
    );
}
