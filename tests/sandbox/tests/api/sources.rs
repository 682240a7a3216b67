//! Source templates, sources and checks, end to end.

use std::time::Duration;

use airbyte_embedded_sandbox::catalog::{
    DESTINATION_S3_DEFINITION_ID, SOURCE_POSTGRES_DEFINITION_ID,
};
use airbyte_embedded_sandbox::{OTHER_CLIENT_ID, OTHER_CLIENT_SECRET};
use serde_json::json;

use crate::support::*;

#[test]
fn templates_sources_and_checks() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let defs = c.call(
        "GET",
        "/integrations/definitions/sources?name=GRES",
        Some(&op),
        None,
    );
    assert_eq!(
        defs.json["definitions"][0]["sourceDefinitionId"],
        SOURCE_POSTGRES_DEFINITION_ID
    );
    let def = c.call(
        "GET",
        &format!("/integrations/definitions/sources/{SOURCE_POSTGRES_DEFINITION_ID}"),
        Some(&op),
        None,
    );
    assert!(
        def.json["definition"]["spec"]["connectionSpecification"]["properties"]["ssl_mode"]
            .is_object()
    );

    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(&op),
        Some(json!({"actor_definition_id": SOURCE_POSTGRES_DEFINITION_ID, "partial_default_config": {"port": 5432, "database": "app"}})),
    );
    assert_eq!(template.status, 200, "{}", template.text);
    assert_eq!(template.json["name"], "Postgres");
    let required = &template.json["user_config_spec"]["connectionSpecification"]["required"];
    assert_eq!(required, &json!(["host", "username"]));
    let template_id = template.json["id"].as_str().unwrap().to_owned();

    let scoped = c.scoped_token(&op, "acme-corp");
    let workspace = claims(&scoped)["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let raw_body = format!(
        r#"{{"workspace_id": "{workspace}", "source_template_id": "{template_id}", "source_config": {{"host": "db.example.com", "username": "u", "password": "hunter2", "start": "2024-01-01T00:00:00.000Z"}}}}"#
    );
    let created = c.raw(
        "POST",
        "/embedded/sources",
        Some(&scoped),
        &[],
        Some(("application/json", raw_body)),
    );
    assert_eq!(created.status, 200, "{}", created.text);
    assert_eq!(created.json["source_config"]["password"], "**********");
    assert_eq!(created.json["source_config"]["port"], 5432);
    assert!(
        created
            .text
            .contains(r#""start":"2024-01-01T00:00:00.000Z""#)
    );
    let source_id = created.json["id"].as_str().unwrap().to_owned();

    let invalid = c.call(
        "POST",
        "/embedded/sources",
        Some(&scoped),
        Some(json!({"workspace_id": workspace, "source_template_id": template_id, "source_config": {"host": "h", "username": "u", "port": "x"}})),
    );
    assert_eq!(invalid.status, 422, "{}", invalid.text);
    assert_eq!(
        invalid.json["detail"][0]["loc"],
        json!(["body", "source_config", "port"])
    );
    let masked = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "h", "username": "u", "password": "**********"}})),
    );
    assert_eq!(masked.status, 422);
    // A partial update: one field, merged over the stored config; the secret stays.
    let partial = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "db2.example.com"}})),
    );
    assert_eq!(partial.status, 200, "{}", partial.text);
    assert_eq!(partial.json["source_config"]["host"], "db2.example.com");
    assert_eq!(partial.json["source_config"]["username"], "u");
    assert_eq!(partial.json["source_config"]["password"], "**********");
    let wrong_type = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"port": "x"}})),
    );
    assert_eq!(wrong_type.status, 422, "{}", wrong_type.text);

    let listed = c.call(
        "GET",
        &format!("/embedded/sources?workspace_id={workspace}"),
        Some(&scoped),
        None,
    );
    assert_eq!(
        listed.json["data"][0]["summarized_source_template"]["id"],
        template_id.as_str()
    );
    assert_eq!(
        c.call("GET", "/embedded/sources", Some(&scoped), None)
            .status,
        422
    );
    let elsewhere = c.scoped_token(&op, "globex");
    assert_eq!(
        c.call(
            "GET",
            &format!("/embedded/sources/{source_id}"),
            Some(&elsewhere),
            None
        )
        .status,
        404
    );
    assert_eq!(
        c.call(
            "GET",
            &format!("/embedded/sources?workspace_id={workspace}"),
            Some(&elsewhere),
            None
        )
        .status,
        403
    );
    assert_eq!(
        c.call(
            "GET",
            &format!("/integrations/sources/{source_id}"),
            Some(&op),
            None
        )
        .status,
        200
    );
    let other_org = c.token_for(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    assert_eq!(
        c.call(
            "GET",
            &format!("/integrations/sources/{source_id}"),
            Some(&other_org),
            None
        )
        .status,
        404
    );

    let good = c.call(
        "POST",
        &format!("/embedded/sources/{source_id}/check"),
        Some(&scoped),
        Some(json!({})),
    );
    let bad = c.call(
        "POST",
        &format!("/embedded/sources/{source_id}/check"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "db.invalid"}})),
    );
    let status = |job: &Reply| {
        c.call(
            "GET",
            &format!(
                "/embedded/sources/check/{}/status",
                job.json["id"].as_str().unwrap()
            ),
            Some(&scoped),
            None,
        )
        .json
    };
    assert_eq!(status(&good)["status"], "pending");
    std::thread::sleep(Duration::from_millis(60));
    assert_eq!(status(&good)["status"], "running");
    std::thread::sleep(Duration::from_millis(60));
    assert_eq!(status(&good)["status"], "succeeded");
    let failed = status(&bad);
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["failure_reason"]["failure_type"], "config_error");
    assert_eq!(failed["failure_reason"]["retryable"], false);

    let connection = c.call(
        "POST",
        "/integrations/templates/connections",
        Some(&op),
        Some(json!({
            "destination_name": "S3",
            "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
            "destination_config": {"s3_bucket_name": "b", "s3_bucket_path": "p", "s3_bucket_region": "us-east-1",
                "secret_access_key": "k", "format": {"format_type": "JSONL"}},
            "cron_expression": "0 0 12 * * ?"
        })),
    );
    assert_eq!(connection.status, 200, "{}", connection.text);
    assert_eq!(connection.json["cron_expression"], "0 0 12 * * ? UTC");
    assert_eq!(
        connection.json["destination_config"]["secret_access_key"],
        "**********"
    );
    let unix_cron = c.call(
        "POST",
        "/integrations/templates/connections",
        Some(&op),
        Some(json!({"data_hosting_type": "airbyte_hosted", "cron_expression": "0 12 * * *"})),
    );
    assert_eq!(unix_cron.status, 422);
    let described = c.call(
        "POST",
        "/integrations/templates/connections/cron/describe",
        Some(&op),
        Some(json!({"cron_expression": "0 0 12 * * ?"})),
    );
    assert_eq!(
        described.json,
        json!({"description": "At 12:00:00, every day", "is_valid": true})
    );
}
