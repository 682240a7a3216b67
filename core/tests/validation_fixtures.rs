//! Runs every fixture case in `tests/fixtures/cases/<spec-name>.json` against
//! `tests/fixtures/specs/<spec-name>.json`.
//!
//! A case file is a JSON array of
//! `{"name", "partial_default_config", "source_config", "valid": bool, "errors": [{"path",
//! "message", "keyword"}]}`, with the exact expected errors in order. Optional members:
//! `"options"` (a `ValidationOptions`, missing members at their defaults),
//! `"defaults_applied"`, `"skipped_masked_secrets"` and `"sent_source_config"` (the
//! `source_config` a valid case sends), each checked when present.
//!
//! Beyond the expectations, every case is checked for secret leaks: no error message, summary
//! or `Debug` output may contain a secret value of the config.
//!
//! `cargo test -p airbyte-embedded --test validation_fixtures -- --ignored --nocapture` prints
//! what the code currently answers for every case, to review when writing new ones.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use airbyte_embedded::Error;
use airbyte_embedded::validation::{
    ConfigError, SECRET_MASK, Spec, ValidationOptions, mask_secrets, merge_config, redact_config,
    secret_paths, validate_source_config,
};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    partial_default_config: Map<String, Value>,
    source_config: Map<String, Value>,
    valid: bool,
    errors: Vec<ConfigError>,
    #[serde(default)]
    options: Option<ValidationOptions>,
    #[serde(default)]
    defaults_applied: Option<Vec<String>>,
    #[serde(default)]
    skipped_masked_secrets: Option<Vec<String>>,
    #[serde(default)]
    sent_source_config: Option<Map<String, Value>>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn load(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(spec name, spec, cases)` for every case file, sorted by name.
fn all_cases() -> Vec<(String, Value, Vec<Case>)> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixtures().join("cases"))
        .expect("tests/fixtures/cases")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            let spec = load(&fixtures().join("specs").join(format!("{name}.json")));
            let cases: Vec<Case> = serde_json::from_value(load(&file))
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (name, spec, cases)
        })
        .collect()
}

/// Every string value of `config` at a secret position that is long enough to be
/// recognisable (and not the mask).
fn secret_strings(spec: &Value, config: &Value) -> Vec<String> {
    let masked = mask_secrets(spec, config);
    let mut out = Vec::new();
    collect_differences(config, &masked, &mut out);
    out.retain(|s| s.len() >= 4 && s != SECRET_MASK);
    out
}

fn collect_differences(original: &Value, masked: &Value, out: &mut Vec<String>) {
    match (original, masked) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                if let Some(m) = b.get(k) {
                    collect_differences(v, m, out);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (v, m) in a.iter().zip(b) {
                collect_differences(v, m, out);
            }
        }
        (value, m) if value != m => out.push(match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }),
        _ => {}
    }
}

#[test]
fn every_fixture_case_gives_exactly_the_expected_result() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (spec_name, spec, cases) in all_cases() {
        for case in cases {
            count += 1;
            let label = format!("{spec_name} / {}", case.name);
            let options = case.options.clone().unwrap_or_default();
            let result = validate_source_config(
                &spec,
                &case.partial_default_config,
                &case.source_config,
                &options,
            );
            match (&result, case.valid) {
                (Ok(validated), true) => {
                    if let Some(expected) = &case.defaults_applied
                        && &validated.defaults_applied != expected
                    {
                        failures.push(format!(
                            "{label}: defaults_applied {:?}, expected {expected:?}",
                            validated.defaults_applied
                        ));
                    }
                    if let Some(expected) = &case.skipped_masked_secrets
                        && &validated.skipped_masked_secrets != expected
                    {
                        failures.push(format!(
                            "{label}: skipped_masked_secrets {:?}, expected {expected:?}",
                            validated.skipped_masked_secrets
                        ));
                    }
                    if let Some(expected) = &case.sent_source_config
                        && &validated.source_config != expected
                    {
                        failures.push(format!(
                            "{label}: sends {}, expected {}",
                            Value::Object(validated.source_config.clone()),
                            Value::Object(expected.clone())
                        ));
                    }
                    if !case.errors.is_empty() {
                        failures.push(format!("{label}: a valid case lists errors"));
                    }
                }
                (Err(Error::InvalidConfig { errors, .. }), false) => {
                    if errors != &case.errors {
                        failures.push(format!(
                            "{label}:\n  got      {}\n  expected {}",
                            serde_json::to_string(errors).unwrap(),
                            serde_json::to_string(&case.errors).unwrap()
                        ));
                    }
                }
                (other, _) => failures.push(format!(
                    "{label}: expected valid={}, got {other:?}",
                    case.valid
                )),
            }
            // Whatever the outcome, no secret value of the config may leak.
            let merged_input = {
                let mut m = case.partial_default_config.clone();
                m.extend(case.source_config.clone());
                Value::Object(m)
            };
            let printed = match &result {
                Ok(v) => format!("{v:?}"),
                Err(e) => format!("{e} {e:?}"),
            };
            for secret in secret_strings(&spec, &merged_input) {
                if printed.contains(&secret) {
                    failures.push(format!("{label}: output leaks the secret {secret:?}"));
                }
                let redacted = redact_config(&spec, &merged_input).to_string();
                if redacted.contains(&secret) {
                    failures.push(format!("{label}: redaction leaks the secret {secret:?}"));
                }
            }
        }
    }
    assert!(count >= 40, "only {count} fixture cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `Spec::is_valid` answers what `validate` does with no defaults and the strict options, on
/// every case's config and on the case's defaults merged under it (so that both answers occur
/// for every spec).
#[test]
fn is_valid_agrees_with_validate_on_every_case() {
    let strict = ValidationOptions::default();
    let none = Map::new();
    let mut answers = [0_usize; 2];
    for (spec_name, spec_value, cases) in all_cases() {
        let spec = Spec::load(&spec_value).unwrap();
        for case in &cases {
            let merged = merge_config(
                &spec_value,
                &case.partial_default_config,
                &case.source_config,
            );
            for config in [&case.source_config, &merged] {
                let expected = spec.validate(&none, config, &strict).is_ok();
                assert_eq!(
                    spec.is_valid(config),
                    expected,
                    "{spec_name} / {}: is_valid disagrees with validate",
                    case.name
                );
                let text = serde_json::to_string(config).unwrap();
                assert_eq!(
                    spec.is_valid_text(&text).unwrap(),
                    expected,
                    "{spec_name} / {}: is_valid_text disagrees with validate",
                    case.name
                );
                answers[usize::from(expected)] += 1;
            }
        }
    }
    assert!(
        answers[0] > 0 && answers[1] > 0,
        "both answers occur: {answers:?}"
    );
}

#[test]
fn every_spec_has_valid_and_invalid_cases() {
    let mut specs: Vec<String> = fs::read_dir(fixtures().join("specs"))
        .expect("tests/fixtures/specs")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    specs.sort();
    let cases = all_cases();
    for spec in &specs {
        let Some((_, _, list)) = cases.iter().find(|(name, _, _)| name == spec) else {
            panic!("tests/fixtures/specs/{spec}.json has no cases file");
        };
        assert!(list.iter().any(|c| c.valid), "{spec}: no valid case");
        assert!(list.iter().any(|c| !c.valid), "{spec}: no invalid case");
        let mut names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), list.len(), "{spec}: duplicate case names");
    }
    assert!(specs.len() >= 6, "only {} fixture specs", specs.len());
}

#[test]
fn every_fixture_spec_loads_and_lists_its_secrets() {
    for (name, spec, _) in all_cases() {
        let paths = secret_paths(&spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !paths.is_empty() || name == "source-tiny",
            "{name}: no secrets"
        );
    }
}

#[test]
#[ignore = "prints the current answers, for writing cases"]
fn print_actual_results() {
    for (spec_name, spec, cases) in all_cases() {
        println!("== {spec_name}");
        for case in cases {
            let options = case.options.clone().unwrap_or_default();
            let result = validate_source_config(
                &spec,
                &case.partial_default_config,
                &case.source_config,
                &options,
            );
            let answer = match result {
                Ok(v) => serde_json::json!({
                    "valid": true,
                    "defaults_applied": v.defaults_applied,
                    "skipped_masked_secrets": v.skipped_masked_secrets,
                    "sent": v.source_config,
                }),
                Err(Error::InvalidConfig { errors, .. }) => {
                    serde_json::json!({"valid": false, "errors": errors})
                }
                Err(other) => serde_json::json!({"error": other.to_string()}),
            };
            println!(
                "-- {}\n{}",
                case.name,
                serde_json::to_string_pretty(&answer).unwrap()
            );
        }
    }
}
