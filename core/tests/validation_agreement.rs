//! The client and the sandbox validate with the same code: for every fixture case of every
//! connector the sandbox serves, the client accepts a config exactly when the sandbox does,
//! and they name the same paths.

mod common;

use std::path::Path;

use airbyte_embedded::integrations::{ConnectionTemplateCreate, SourceTemplateCreate};
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::validation::{SECRET_MASK, ValidationOptions, validate_source_config};
use airbyte_embedded::{Error, OperatorClient, WriteOptions};
use common::*;
use serde_json::{Map, Value};

/// Spec fixture → the sandbox connector serving it.
const SERVED: [(&str, &str); 5] = [
    ("source-tiny", "Sample Data"),
    ("source-postgres", "Postgres"),
    ("source-api", "Stripe"),
    ("source-oauth", "HubSpot"),
    ("destination-s3", "S3"),
];

const S3: &str = "4816b78f-1489-44c1-9060-4b19d5fa9362";

fn fixture(path: &str) -> Value {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap()).unwrap()
}

fn has_mask(v: &Value) -> bool {
    match v {
        Value::String(s) => s == SECRET_MASK,
        Value::Object(m) => m.values().any(has_mask),
        Value::Array(a) => a.iter().any(has_mask),
        _ => false,
    }
}

/// The paths the service named, as JSON pointers (`body.source_config.a.b` → `/a/b`).
fn server_paths(field_errors: &[airbyte_embedded::FieldError], prefix: &str) -> Vec<String> {
    let mut paths: Vec<String> = field_errors
        .iter()
        .filter_map(|f| f.field.as_deref())
        .map(|f| {
            let rest = f.strip_prefix(prefix).unwrap_or(f);
            rest.split('.')
                .filter(|s| !s.is_empty())
                .map(|s| format!("/{s}"))
                .collect::<String>()
        })
        .collect();
    paths.sort();
    paths
}

/// What the sandbox says of `config` over `defaults`: `Ok` or the paths it refused.
fn sandbox_verdict(
    op: &OperatorClient,
    connector: &str,
    workspace_id: &str,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
) -> Result<(), Vec<String>> {
    if connector == "S3" {
        let mut merged = defaults.clone();
        merged.extend(config.clone());
        return match op
            .connection_templates()
            .create(&ConnectionTemplateCreate::user_hosted("S3", S3, merged))
        {
            Ok(_) => Ok(()),
            Err(Error::Validation { field_errors, .. }) => {
                Err(server_paths(&field_errors, "body.destination_config"))
            }
            Err(other) => panic!("{other:?}"),
        };
    }
    let definition = op.definitions().list_sources(Some(connector)).unwrap()[0]
        .source_definition_id
        .clone();
    let template = op
        .source_templates()
        .create(&SourceTemplateCreate::new(definition, defaults.clone()))
        .unwrap();
    let result = op.sources().create_with(
        &SourceCreate::new(workspace_id, &template.id, config.clone()),
        &WriteOptions::unvalidated(),
    );
    match result {
        Ok(_) => Ok(()),
        Err(Error::Validation { field_errors, .. }) => {
            Err(server_paths(&field_errors, "body.source_config"))
        }
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn client_and_sandbox_agree_on_every_fixture_case() {
    let sb = sandbox();
    let op = operator(&sb);
    let workspace_id = op
        .end_user_client("agreement")
        .unwrap()
        .workspace_id()
        .unwrap();
    let mut compared = 0;
    for (spec_name, connector) in SERVED {
        let spec = fixture(&format!("specs/{spec_name}.json"));
        let cases = fixture(&format!("cases/{spec_name}.json"));
        for case in cases.as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            let defaults = case["partial_default_config"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            let config = case["source_config"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            // Cases about client-only switches, or masks in template defaults (which the
            // service holds as real values), have no server counterpart.
            if case.get("options").is_some() || has_mask(&Value::Object(defaults.clone())) {
                continue;
            }
            let client = match validate_source_config(
                &spec,
                &defaults,
                &config,
                &ValidationOptions::default(),
            ) {
                Ok(_) => Ok(()),
                Err(Error::InvalidConfig { errors, .. }) => {
                    let mut paths: Vec<String> = errors.into_iter().map(|e| e.path).collect();
                    paths.sort();
                    Err(paths)
                }
                Err(other) => panic!("{spec_name} / {name}: {other:?}"),
            };
            let server = sandbox_verdict(&op, connector, &workspace_id, &defaults, &config);
            assert_eq!(client, server, "{spec_name} / {name}");
            compared += 1;
        }
    }
    assert!(compared >= 30, "only {compared} cases compared");
}
