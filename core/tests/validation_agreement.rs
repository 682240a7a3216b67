//! Two independent validators agree: the SDK's client-side validation and the sandbox's
//! service-style validation (plain draft-07 with the `jsonschema` crate, in the sandbox's own
//! code) give the same verdict on every fixture case (`tests/fixtures/cases/*.json`), and
//! where the SDK names a more precise path, the sandbox's path is at or above it.
//!
//! - **SDK side**: `validate_source_config` with `ValidationOptions { inject_defaults: false,
//!   ..Default::default() }` — the service fills in no defaults, so neither side may. The case's
//!   own `options` (coercion, skipping masks) are client-only switches and are not applied:
//!   both sides judge the config exactly as given.
//! - **Sandbox side**, over HTTP through the SDK client (so its error parsing is exercised
//!   too): a source template with the case's defaults, then a source created with
//!   `WriteOptions::unvalidated()`; for the S3 destination, a connection template whose
//!   `destination_config` is the defaults with the config laid over them key by key (no
//!   fixture case of S3 overlaps the two). Both error styles are run, and must agree with
//!   each other as well.
//! - **Paths**: the sandbox's `field`s (`body.source_config.a.b`) are read back as JSON
//!   pointers (`/a/b`). Every SDK path must have a sandbox path at or above it, and every
//!   sandbox path must be at or above some SDK path (no problem invented, none lost).
//! - **Skipped** (listed, not counted): cases of specs the sandbox does not serve, and cases
//!   with the mask `**********` in the template defaults (the service holds real values there;
//!   the sandbox refuses a mask in a template).

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use airbyte_embedded::integrations::{ConnectionTemplateCreate, SourceTemplateCreate};
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::validation::{SECRET_MASK, ValidationOptions, validate_source_config};
use airbyte_embedded::{Error, FieldError, OperatorClient, WriteOptions};
use airbyte_embedded_sandbox::ErrorStyle;
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

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn has_mask(v: &Value) -> bool {
    match v {
        Value::String(s) => s == SECRET_MASK,
        Value::Object(m) => m.values().any(has_mask),
        Value::Array(a) => a.iter().any(has_mask),
        _ => false,
    }
}

/// A verdict: `Ok`, or the JSON pointers of the problems, sorted and deduplicated.
type Verdict = Result<(), Vec<String>>;

fn sorted(mut paths: Vec<String>) -> Vec<String> {
    paths.sort();
    paths.dedup();
    paths
}

/// The paths the sandbox named, as JSON pointers (`body.source_config.a.b` → `/a/b`).
fn server_paths(field_errors: &[FieldError], prefix: &str) -> Vec<String> {
    sorted(
        field_errors
            .iter()
            .filter_map(|f| f.field.as_deref())
            .map(|f| {
                let rest = f.strip_prefix(prefix).unwrap_or(f);
                rest.split('.')
                    .filter(|s| !s.is_empty())
                    .map(|s| format!("/{s}"))
                    .collect::<String>()
            })
            .collect(),
    )
}

/// Whether JSON pointer `upper` is `lower` or one of its ancestors.
fn at_or_above(upper: &str, lower: &str) -> bool {
    lower == upper || (lower.starts_with(upper) && lower.as_bytes().get(upper.len()) == Some(&b'/'))
}

/// Why `sandbox` does not agree with `sdk`, if it does not.
fn disagreement(sdk: &Verdict, sandbox: &Verdict) -> Option<String> {
    match (sdk, sandbox) {
        (Ok(()), Ok(())) => None,
        (Ok(()), Err(paths)) => Some(format!("SDK accepts, sandbox refuses at {paths:?}")),
        (Err(paths), Ok(())) => Some(format!("SDK refuses at {paths:?}, sandbox accepts")),
        (Err(sdk), Err(sandbox)) => {
            let uncovered: Vec<&String> = sdk
                .iter()
                .filter(|k| !sandbox.iter().any(|s| at_or_above(s, k)))
                .collect();
            let unfounded: Vec<&String> = sandbox
                .iter()
                .filter(|s| !sdk.iter().any(|k| at_or_above(s, k)))
                .collect();
            (!uncovered.is_empty() || !unfounded.is_empty()).then(|| {
                format!(
                    "SDK {sdk:?} vs sandbox {sandbox:?}: SDK paths with no sandbox path at or \
                     above them {uncovered:?}; sandbox paths above no SDK path {unfounded:?}"
                )
            })
        }
    }
}

fn sdk_verdict(
    spec: &Value,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
) -> Verdict {
    let options = ValidationOptions {
        inject_defaults: false,
        ..ValidationOptions::default()
    };
    match validate_source_config(spec, defaults, config, &options) {
        Ok(_) => Ok(()),
        Err(Error::InvalidConfig { errors, .. }) => {
            Err(sorted(errors.into_iter().map(|e| e.path).collect()))
        }
        Err(other) => panic!("{other:?}"),
    }
}

/// What the sandbox says of `config` over `defaults`.
fn sandbox_verdict(
    op: &OperatorClient,
    connector: &str,
    workspace_id: &str,
    defaults: &Map<String, Value>,
    config: &Map<String, Value>,
) -> Verdict {
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

/// One fixture case, ready to compare.
struct Case {
    label: String,
    connector: &'static str,
    spec: Value,
    defaults: Map<String, Value>,
    config: Map<String, Value>,
}

/// Every fixture case the sandbox can judge, and a note on each one it cannot.
fn cases() -> (Vec<Case>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for file in files {
        let spec_name = file.file_stem().unwrap().to_str().unwrap().to_owned();
        let cases = read_json(&file);
        let cases = cases.as_array().unwrap();
        let Some((_, connector)) = SERVED.iter().find(|(s, _)| *s == spec_name) else {
            skipped.push(format!(
                "{spec_name}: {} cases (no sandbox connector serves this spec)",
                cases.len()
            ));
            continue;
        };
        let spec = read_json(&fixtures().join(format!("specs/{spec_name}.json")));
        for case in cases {
            let label = format!("{spec_name} / {}", case["name"].as_str().unwrap());
            let defaults = case["partial_default_config"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            if has_mask(&Value::Object(defaults.clone())) {
                skipped.push(format!("{label} (the mask in template defaults)"));
                continue;
            }
            let config = case["source_config"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            out.push(Case {
                label,
                connector,
                spec: spec.clone(),
                defaults,
                config,
            });
        }
    }
    (out, skipped)
}

#[test]
fn sdk_and_sandbox_agree_on_every_fixture_case_in_both_error_styles() {
    let (cases, skipped) = cases();
    let sandboxes: Vec<_> = [ErrorStyle::FastApi, ErrorStyle::ApiError]
        .into_iter()
        .map(|style| {
            let sb = sandbox_with(SandboxConfig {
                error_style: style,
                ..SandboxConfig::default()
            });
            let op = operator(&sb);
            let workspace_id = op
                .end_user_client("agreement")
                .unwrap()
                .workspace_id()
                .unwrap();
            (style, sb, op, workspace_id)
        })
        .collect();
    let mut same = 0;
    let mut disagreements = Vec::new();
    for case in &cases {
        let sdk = sdk_verdict(&case.spec, &case.defaults, &case.config);
        let verdicts: Vec<(ErrorStyle, Verdict)> = sandboxes
            .iter()
            .map(|(style, _, op, ws)| {
                let v = sandbox_verdict(op, case.connector, ws, &case.defaults, &case.config);
                (*style, v)
            })
            .collect();
        let mut problems: Vec<String> = verdicts
            .iter()
            .filter_map(|(style, v)| disagreement(&sdk, v).map(|d| format!("[{style}] {d}")))
            .collect();
        if verdicts.windows(2).any(|w| w[0].1 != w[1].1) {
            problems.push(format!("the two error styles differ: {verdicts:?}"));
        }
        if problems.is_empty() {
            same += 1;
        } else {
            disagreements.push(format!("{}: {}", case.label, problems.join("; ")));
        }
    }
    for note in &skipped {
        println!("skipped: {note}");
    }
    for d in &disagreements {
        println!("DISAGREEMENT {d}");
    }
    println!(
        "agreement: {} cases, {same} same verdict, {} disagreements",
        cases.len(),
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert!(cases.len() >= 60, "only {} cases compared", cases.len());
}

#[test]
fn the_path_rule_allows_only_ancestors() {
    assert!(at_or_above("", "/a") && at_or_above("/a", "/a/b") && at_or_above("/a", "/a"));
    assert!(!at_or_above("/a/b", "/a") && !at_or_above("/a", "/ab"));
    let sdk: Verdict = Err(vec!["/ssl_mode/ca_certificate".into()]);
    assert_eq!(disagreement(&sdk, &Err(vec!["/ssl_mode".into()])), None);
    assert!(disagreement(&sdk, &Err(vec!["/host".into()])).is_some());
    assert!(disagreement(&sdk, &Ok(())).is_some());
    assert!(disagreement(&Ok(()), &Err(vec![String::new()])).is_some());
}
