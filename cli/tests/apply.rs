//! `apply -f setup.yaml` against a sandbox: the plan, applying it, and a second run that plans
//! nothing.

// An integration test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

const SETUP: &str = "\
tags: [crm, warehouse]
connection_templates:
  - destination_name: Warehouse
    destination_definition_id: 4816b78f-1489-44c1-9060-4b19d5fa9362
    destination_config:
      s3_bucket_name: bucket
      s3_bucket_path: path
      s3_bucket_region: us-east-1
      access_key_id: AKIA
      secret_access_key: apply-s3-secret-1234
      format: {format_type: JSONL}
    cron_expression: \"0 0 12 * * ?\"
    tags: [warehouse]
source_templates:
  - name: Postgres
    actor_definition_id: decd338e-5647-4c0b-adf4-da0e75f5a750
    partial_default_config:
      port: 5432
      password: apply-pg-secret-9876
    customization: {stream_selection_mode: all}
    tags: [crm]
  - name: Stripe
    actor_definition_id: e094cb9a-26de-4645-8761-65c0c425d1de
    partial_default_config: {}
";

fn actions(plan: &Value) -> Vec<(String, String, String)> {
    plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["name"].as_str().unwrap().to_owned(),
                c["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn all(plan: &Value, action: &str) -> bool {
    actions(plan).iter().all(|(_, _, a)| a == action)
}

#[test]
fn apply_plans_applies_and_then_plans_nothing() {
    let env = Env::new();
    env.run(&["tags", "create", "crm"]).ok();
    let setup = env.file("setup.yaml", SETUP);

    let plan = env.json(&["apply", "-f", s(&setup)]);
    assert_eq!(
        actions(&plan),
        [
            ("tag", "crm", "unchanged"),
            ("tag", "warehouse", "create"),
            ("connection_template", "Warehouse", "create"),
            ("source_template", "Postgres", "create"),
            ("source_template", "Stripe", "create"),
        ]
        .map(|(k, n, a)| (k.to_owned(), n.to_owned(), a.to_owned()))
    );
    assert_eq!(plan["applied"], false);
    assert_eq!(
        env.json(&["templates", "sources", "list"]),
        json!([]),
        "a plan changes nothing"
    );

    let applied = env.run(&["apply", "-f", s(&setup), "--yes"]).ok();
    assert!(
        applied
            .stdout
            .contains("Plan: 4 to create, 0 to update, 1 unchanged."),
        "{}",
        applied.stdout
    );
    assert!(applied.stdout.contains("Applied."));
    let sources = env.json(&["templates", "sources", "list", "--tag", "crm"]);
    assert_eq!(sources.as_array().unwrap().len(), 1);
    assert_eq!(sources[0]["name"], "Postgres");
    let connections = env.json(&["templates", "connections", "list", "--tag", "warehouse"]);
    assert_eq!(connections[0]["destination_name"], "Warehouse");

    // Secrets come back masked, the cron with ` UTC`: still nothing to change.
    let again = env.json(&["apply", "-f", s(&setup)]);
    assert!(all(&again, "unchanged"), "{again:#}");
    assert_eq!(
        again["summary"],
        json!({"create": 0, "update": 0, "unchanged": 5, "conflict": 0})
    );
    let human = env.run(&["apply", "-f", s(&setup), "--yes"]).ok();
    assert!(
        human.stdout.contains("Nothing to change."),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("apply-pg-secret-9876"));
}

#[test]
fn apply_updates_what_differs_and_refuses_a_connector_change() {
    let env = Env::new();
    let setup = env.file("setup.yaml", SETUP);
    env.run(&["apply", "-f", s(&setup), "--yes"]).ok();

    let changed = SETUP
        .replace("port: 5432", "port: 5433")
        .replace("tags: [crm]", "tags: [crm, warehouse]")
        .replace("0 0 12 * * ?", "0 0 13 * * ?")
        .replace("apply-pg-secret-9876", "apply-pg-secret-rotated");
    let file = env.file("changed.yaml", &changed);
    let plan = env.json(&["apply", "-f", s(&file)]);
    let changes = plan["changes"].as_array().unwrap();
    let pg = changes.iter().find(|c| c["name"] == "Postgres").unwrap();
    assert_eq!(pg["action"], "update");
    let fields: Vec<&str> = pg["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // The rotated password is masked on the service: unknown, not a change.
    assert_eq!(fields, ["partial_default_config/port", "tags"]);
    assert!(
        pg["fields"][0].get("to").is_none(),
        "config values never appear"
    );
    let warehouse = changes.iter().find(|c| c["name"] == "Warehouse").unwrap();
    assert_eq!(warehouse["fields"][0]["path"], "cron_expression");
    assert_eq!(warehouse["fields"][0]["to"], "0 0 13 * * ?");

    env.run(&["apply", "-f", s(&file), "--yes"]).ok();
    let again = env.json(&["apply", "-f", s(&file)]);
    assert!(all(&again, "unchanged"), "{again:#}");
    let id = env.json(&["templates", "sources", "list", "--tag", "warehouse"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        env.json(&["templates", "sources", "get", &id])["partial_default_config"]["port"],
        5433
    );

    let moved = SETUP.replace(
        "e094cb9a-26de-4645-8761-65c0c425d1de",
        "dfd88b22-b603-4c3d-aad7-3701784586b1",
    );
    let file = env.file("moved.yaml", &moved);
    let run = env.run(&["apply", "-f", s(&file), "--yes", "--json"]);
    assert_eq!(run.code, 1);
    let plan = run.json();
    assert_eq!(plan["applied"], false);
    let stripe = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Stripe")
        .unwrap()
        .clone();
    assert_eq!(stripe["action"], "conflict");
    assert_eq!(stripe["fields"][0]["path"], "actor_definition_id");

    let bad = env.file(
        "bad.yaml",
        "source_templates:\n  - actor_definition_id: x\n",
    );
    let run = env.run(&["apply", "-f", s(&bad)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("source_templates[0]: name is required"),
        "{}",
        run.stderr
    );
    let unknown = env.file("unknown.yaml", "tag: [crm]\n");
    assert_eq!(env.run(&["apply", "-f", s(&unknown)]).code, 2);
}
