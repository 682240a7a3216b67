//! `airbyte_sensitive: true`, the spelling of older connector specs, marks a secret exactly as
//! `airbyte_secret: true` does: in the form, in masking and redaction, in the secret paths and
//! in validation messages; the first one a walk meets is named in a `DEBUG` log record.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Mutex, OnceLock};

use airbyte_embedded::Error;
use airbyte_embedded::validation::{
    FieldKind, SECRET_MASK, Spec, ValidationOptions, form_model, mask_secrets, masked_secret_paths,
    redact_config, secret_paths, validate_source_config,
};
use serde_json::{Map, Value, json};

/// A spec whose secrets are all spelled the legacy way.
fn legacy_spec() -> Value {
    json!({
        "documentationUrl": "https://docs.example.com/legacy",
        "connectionSpecification": {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "required": ["host", "password"],
            "properties": {
                "host": {"type": "string", "order": 0},
                "password": {"type": "string", "airbyte_sensitive": true, "minLength": 12, "order": 1},
                "pin": {"type": "integer", "airbyte_sensitive": true, "order": 2},
                "credentials": {
                    "type": "object",
                    "order": 3,
                    "oneOf": [
                        {"title": "API key", "required": ["auth_type", "api_key"], "properties": {
                            "auth_type": {"type": "string", "const": "key"},
                            "api_key": {"type": "string", "airbyte_sensitive": true, "pattern": "^sk_"}}},
                        {"title": "None", "required": ["auth_type"], "properties": {
                            "auth_type": {"type": "string", "const": "none"}}}
                    ]
                },
                "tunnels": {"type": "array", "order": 4, "items": {"type": "object", "properties": {
                    "ssh_key": {"type": "string", "airbyte_sensitive": true}}}}
            }
        }
    })
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn config() -> Value {
    json!({
        "host": "db.example.com",
        "password": "correct-horse-battery",
        "pin": 4321,
        "credentials": {"auth_type": "key", "api_key": "sk_live_legacy"},
        "tunnels": [{"ssh_key": "-----BEGIN KEY-----"}]
    })
}

const SECRET_VALUES: [&str; 3] = ["correct-horse-battery", "sk_live_legacy", "BEGIN KEY"];

#[test]
fn legacy_secrets_have_secret_paths() {
    let mut paths = secret_paths(&legacy_spec()).unwrap();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/credentials/api_key",
            "/password",
            "/pin",
            "/tunnels/*/ssh_key"
        ]
    );
}

#[test]
fn legacy_secrets_are_masked_and_redacted() {
    let spec = legacy_spec();
    let expected = json!({
        "host": "db.example.com",
        "password": SECRET_MASK,
        "pin": SECRET_MASK,
        "credentials": {"auth_type": "key", "api_key": SECRET_MASK},
        "tunnels": [{"ssh_key": SECRET_MASK}]
    });
    assert_eq!(mask_secrets(&spec, &config()), expected);
    assert_eq!(redact_config(&spec, &config()), expected);
    assert_eq!(Spec::load(&spec).unwrap().mask_secrets(&config()), expected);
    let mut masked = masked_secret_paths(&spec, &expected);
    masked.sort();
    assert_eq!(
        masked,
        [
            "/credentials/api_key",
            "/password",
            "/pin",
            "/tunnels/0/ssh_key"
        ]
    );
}

#[test]
fn legacy_secrets_are_password_fields() {
    let form = form_model(&legacy_spec(), &Map::new()).unwrap();
    let field = |key: &str| form.fields.iter().find(|f| f.key == key).unwrap();
    assert!(!field("host").secret);
    assert!(field("password").secret);
    assert!(field("pin").secret);
    let credentials = field("credentials");
    assert_eq!(credentials.kind, FieldKind::Choice);
    let api_key = credentials.options[0]
        .fields
        .iter()
        .find(|f| f.key == "api_key")
        .unwrap();
    assert!(api_key.secret);
    let ssh_key = &field("tunnels").items.as_ref().unwrap().fields[0];
    assert_eq!(ssh_key.key, "ssh_key");
    assert!(ssh_key.secret);
}

#[test]
fn validation_never_quotes_a_legacy_secret() {
    let spec = legacy_spec();
    let bad = object(json!({
        "host": "db.example.com",
        "password": "short-pw1",
        "credentials": {"auth_type": "key", "api_key": "pk_live_wrong"}
    }));
    let err = validate_source_config(&spec, &Map::new(), &bad, &ValidationOptions::default())
        .unwrap_err();
    let Error::InvalidConfig { errors, detail } = &err else {
        panic!("{err:?}");
    };
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"/password"), "{errors:?}");
    assert!(paths.contains(&"/credentials/api_key"), "{errors:?}");
    let all = format!("{detail} {errors:?} {err}");
    for value in ["short-pw1", "pk_live_wrong"] {
        assert!(!all.contains(value), "{value} quoted in {all}");
    }

    let echoed = object(json!({"host": "h", "password": SECRET_MASK}));
    let err = validate_source_config(&spec, &Map::new(), &echoed, &ValidationOptions::default())
        .unwrap_err();
    let Error::InvalidConfig { errors, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(
        errors
            .iter()
            .any(|e| e.path == "/password" && e.keyword == "airbyte_secret"),
        "a masked legacy secret sent back is refused: {errors:?}"
    );
}

#[test]
fn coercion_and_debug_output_hide_legacy_secrets() {
    let spec = legacy_spec();
    let mut sent = object(config());
    sent.insert("pin".into(), json!("4321"));
    let options = ValidationOptions {
        coerce_scalars: true,
        ..ValidationOptions::default()
    };
    let ok = validate_source_config(&spec, &Map::new(), &sent, &options).unwrap();
    let pin = ok.coercions.iter().find(|c| c.path == "/pin").unwrap();
    assert_eq!(pin.from, json!(SECRET_MASK));
    assert_eq!(pin.to, json!(SECRET_MASK));
    let printed = format!("{ok:?}");
    for value in SECRET_VALUES.iter().chain(&["4321"]) {
        assert!(!printed.contains(value), "{value} in {printed}");
    }
}

/// Every log record's level and text, from every test of this binary.
fn records() -> &'static Mutex<Vec<(log::Level, String)>> {
    static RECORDS: OnceLock<Mutex<Vec<(log::Level, String)>>> = OnceLock::new();
    RECORDS.get_or_init(|| Mutex::new(Vec::new()))
}

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        records()
            .lock()
            .unwrap()
            .push((record.level(), record.args().to_string()));
    }
    fn flush(&self) {}
}

fn capture_logs() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        log::set_boxed_logger(Box::new(Capture)).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
    });
}

/// The records that mention `needle`.
fn mentioning(needle: &str) -> Vec<(log::Level, String)> {
    records()
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, text)| text.contains(needle))
        .cloned()
        .collect()
}

#[test]
fn the_first_legacy_secret_of_a_walk_is_logged_by_path() {
    capture_logs();
    // Keys no other test uses, so that records from parallel tests do not count.
    let spec = json!({"type": "object", "properties": {
        "log_probe_first": {"type": "string", "airbyte_sensitive": true},
        "log_probe_second": {"type": "string", "airbyte_sensitive": true},
        "log_probe_modern": {"type": "string", "airbyte_secret": true}}});
    let config = json!({"log_probe_first": "probe-value-1", "log_probe_second": "probe-value-2",
                        "log_probe_modern": "probe-value-3"});

    Spec::load(&spec).unwrap();
    Spec::load(&spec).unwrap();
    let logged = mentioning("log_probe");
    assert_eq!(logged.len(), 1, "once per spec, not per load: {logged:?}");
    let (level, text) = &logged[0];
    assert_eq!(*level, log::Level::Debug);
    assert!(text.contains("/log_probe_first"), "{text}");
    assert!(text.contains("airbyte_sensitive"), "{text}");

    mask_secrets(&spec, &config);
    let logged = mentioning("log_probe");
    assert_eq!(logged.len(), 2, "once per call: {logged:?}");
    assert!(logged.iter().all(|(_, t)| !t.contains("probe-value")));

    let modern = json!({"type": "object", "properties": {
        "log_probe_only_modern": {"type": "string", "airbyte_secret": true}}});
    Spec::load(&modern).unwrap();
    mask_secrets(&modern, &json!({"log_probe_only_modern": "x"}));
    assert!(mentioning("log_probe_only_modern").is_empty());
}
