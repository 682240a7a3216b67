//! Tests of the public validation API, end to end (the per-spec fixture cases run from
//! `core/tests/validation_fixtures.rs`).

use super::*;
use serde_json::json;

fn postgres() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/fixtures/specs/source-postgres.json"
    ))
    .unwrap()
}

fn file_spec() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/fixtures/specs/source-file.json"
    ))
    .unwrap()
}

fn manifest() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/fixtures/specs/source-manifest.json"
    ))
    .unwrap()
}

fn map(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

fn errors_of(result: Result<ValidatedConfig, Error>) -> Vec<ConfigError> {
    match result {
        Err(Error::InvalidConfig { errors, .. }) => errors,
        other => panic!("expected InvalidConfig, got {other:?}"),
    }
}

#[test]
fn invalid_config_carries_a_summary_and_every_error() {
    let err = validate_source_config(
        &postgres(),
        &Map::new(),
        &map(json!({"port": "5432"})),
        &ValidationOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid source config: 4 problems: \"host\" is required (at /host); \"database\" is \
         required (at /database); \"username\" is required (at /username); and 1 more"
    );
    let Error::InvalidConfig { errors, .. } = err else {
        unreachable!()
    };
    assert_eq!(errors.len(), 4);
    assert_eq!(
        errors[3].to_string(),
        "/port: \"port\" must be an integer, got the string \"5432\""
    );
}

#[test]
fn masked_secret_is_refused_naming_the_path() {
    let errors = errors_of(validate_source_config(
        &postgres(),
        &map(json!({"host": "h", "database": "d", "username": "u"})),
        &map(
            json!({"tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_host": "b",
            "tunnel_user": "j", "tunnel_user_password": SECRET_MASK}}),
        ),
        &ValidationOptions::default(),
    ));
    assert_eq!(
        errors,
        vec![ConfigError {
            path: "/tunnel_method/tunnel_user_password".into(),
            message: "\"tunnel_user_password\" at /tunnel_method/tunnel_user_password is the \
                      mask \"**********\" that the service returns in place of secrets; send \
                      the real value"
                .into(),
            keyword: "airbyte_secret".into(),
        }]
    );
    // The mask at a path that is not secret is an ordinary string.
    assert!(
        validate_source_config(
            &postgres(),
            &Map::new(),
            &map(json!({"host": SECRET_MASK, "database": "d", "username": "u"})),
            &ValidationOptions::default(),
        )
        .is_ok()
    );
}

#[test]
fn a_fetched_config_revalidates_with_masks_skipped() {
    let fetched = map(
        json!({"host": "h", "database": "d", "username": "u", "password": SECRET_MASK,
        "ssl_mode": {"mode": "verify-ca", "ca_certificate": SECRET_MASK}}),
    );
    let ok = validate_source_config(
        &postgres(),
        &Map::new(),
        &fetched,
        &ValidationOptions::for_fetched_config(),
    )
    .unwrap();
    assert_eq!(
        ok.skipped_masked_secrets,
        vec!["/password", "/ssl_mode/ca_certificate"]
    );
    assert_eq!(
        masked_secret_paths(&postgres(), &Value::Object(fetched)),
        vec!["/password", "/ssl_mode/ca_certificate"]
    );
}

#[test]
fn validated_config_debug_masks_secrets_in_every_branch() {
    let ok = validate_source_config(
        &postgres(),
        &map(json!({"password": "template-pw-123"})),
        &map(json!({"host": "h", "database": "d", "username": "u",
            "ssl_mode": {"mode": "verify-full", "ca_certificate": "PEM-ca-cert-xyz", "client_key": "PEM-client-key"},
            "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "tunnel_host": "b", "tunnel_user": "j",
                              "ssh_key": "ssh-private-key-abc"}})),
        &ValidationOptions::default(),
    )
    .unwrap();
    let printed = format!("{ok:?}");
    for secret in [
        "template-pw-123",
        "PEM-ca-cert-xyz",
        "PEM-client-key",
        "ssh-private-key-abc",
    ] {
        assert!(!printed.contains(secret), "{secret} leaked: {printed}");
    }
    assert!(printed.contains(SECRET_MASK));
    assert_eq!(ok.merged["tunnel_method"]["ssh_key"], "ssh-private-key-abc");
    assert_eq!(ok.merged["tunnel_method"]["tunnel_port"], 22);
    assert_eq!(
        ok.defaults_applied,
        vec!["/port", "/tunnel_method/tunnel_port"]
    );
}

#[test]
fn mask_secrets_covers_one_of_branches_and_arrays() {
    let config = json!({
        "password": "pw", "username": "u",
        "ssl_mode": {"mode": "verify-ca", "ca_certificate": "ca", "client_certificate": "public-cert", "client_key": "k"},
        "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_user_password": "tp"}
    });
    assert_eq!(
        mask_secrets(&postgres(), &config),
        json!({
            "password": SECRET_MASK, "username": "u",
            "ssl_mode": {"mode": "verify-ca", "ca_certificate": SECRET_MASK, "client_certificate": "public-cert", "client_key": SECRET_MASK},
            "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_user_password": SECRET_MASK}
        })
    );
    let headers = json!({"api_key": "k", "custom_headers": [{"name": "A", "value": "v1"}, {"name": "B", "value": "v2"}]});
    assert_eq!(
        mask_secrets(&manifest(), &headers),
        json!({"api_key": SECRET_MASK, "custom_headers": [
            {"name": "A", "value": SECRET_MASK}, {"name": "B", "value": SECRET_MASK}]})
    );
    // Odd input: no panic, nothing to mask.
    assert_eq!(mask_secrets(&json!(42), &json!([1])), json!([1]));
}

#[test]
fn redact_config_is_an_allow_list() {
    let config = json!({"host": "h", "password": "pw", "mystery_token": "t0k3n", "port": 5432});
    assert_eq!(
        redact_config(&postgres(), &config),
        json!({"host": "h", "password": SECRET_MASK, "mystery_token": SECRET_MASK, "port": 5432})
    );
}

#[test]
fn secret_paths_list_every_branch_and_array() {
    assert_eq!(
        secret_paths(&postgres()).unwrap(),
        vec![
            "/password",
            "/ssl_mode/ca_certificate",
            "/ssl_mode/client_key",
            "/ssl_mode/client_key_password",
            "/tunnel_method/ssh_key",
            "/tunnel_method/tunnel_user_password",
        ]
    );
    assert_eq!(
        secret_paths(&manifest()).unwrap(),
        vec!["/api_key", "/custom_headers/*/value"]
    );
    assert!(matches!(
        secret_paths(&json!({"$ref": "https://example.com/spec.json"})),
        Err(Error::InvalidSpec { .. })
    ));
}

#[test]
fn a_remote_ref_is_an_invalid_spec_without_any_network() {
    let spec = json!({"connectionSpecification": {"type": "object",
        "properties": {"x": {"$ref": "http://127.0.0.1:9/never.json"}}}});
    let err = validate_source_config(
        &spec,
        &Map::new(),
        &Map::new(),
        &ValidationOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidSpec { detail } if detail.contains("remote `$ref`")),
        "{err:?}"
    );
}

#[test]
fn an_invalid_default_is_never_injected() {
    // source-file's `provider` default is the string "Public Web", not an object.
    let errors = errors_of(validate_source_config(
        &file_spec(),
        &Map::new(),
        &map(json!({"dataset_name": "d", "url": "https://e.com/a.csv"})),
        &ValidationOptions::default(),
    ));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "/provider");
    assert_eq!(errors[0].keyword, "required");
}

#[test]
fn template_defaults_satisfy_required_fields() {
    let defaults = map(json!({"host": "db.internal", "database": "prod", "username": "svc"}));
    let ok = validate_source_config(
        &postgres(),
        &defaults,
        &map(json!({"password": "pw"})),
        &ValidationOptions::default(),
    )
    .unwrap();
    assert_eq!(ok.merged["host"], "db.internal");
    // What the end user sends: only their own fields (plus the required port default).
    assert_eq!(
        Value::Object(ok.source_config),
        json!({"password": "pw", "port": 5432})
    );
}

#[test]
fn user_config_spec_agrees_with_validation() {
    let defaults = map(json!({"host": "db.internal", "database": "prod",
        "ssl_mode": {"mode": "verify-ca", "ca_certificate": "PEM"}}));
    let user = map(json!({"username": "u", "ssl_mode": {"client_key": "k"}}));
    let relaxed = user_config_spec(&postgres(), &defaults);
    assert!(relaxed.get("connectionSpecification").is_some());
    assert_eq!(
        relaxed["connectionSpecification"]["required"],
        json!(["port", "username"])
    );
    let verify_ca = &relaxed["connectionSpecification"]["properties"]["ssl_mode"]["oneOf"][4];
    assert_eq!(verify_ca["title"], "verify-ca");
    assert!(
        verify_ca.get("required").is_none(),
        "an emptied list is removed"
    );
    // The user's part alone satisfies the relaxed spec, and with the defaults the full one.
    let opts = ValidationOptions::default();
    assert!(validate_source_config(&relaxed, &Map::new(), &user, &opts).is_ok());
    assert!(validate_source_config(&postgres(), &defaults, &user, &opts).is_ok());
}

#[test]
fn coercion_is_opt_in_and_reported() {
    let opts = ValidationOptions {
        coerce_scalars: true,
        ..ValidationOptions::default()
    };
    let ok = validate_source_config(
        &postgres(),
        &Map::new(),
        &map(json!({"host": "h", "port": "6432", "database": "d", "username": "u",
            "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "tunnel_host": "b", "tunnel_port": "2222",
                              "tunnel_user": "j", "ssh_key": "k"}})),
        &opts,
    )
    .unwrap();
    assert_eq!(
        ok.coercions,
        vec![
            Coercion {
                path: "/port".into(),
                from: json!("6432"),
                to: json!(6432)
            },
            Coercion {
                path: "/tunnel_method/tunnel_port".into(),
                from: json!("2222"),
                to: json!(2222)
            },
        ]
    );
    assert_eq!(ok.source_config["port"], 6432);
}

#[test]
fn pattern_is_enforced_on_the_string_exactly_as_given() {
    let opts = ValidationOptions::default();
    let with_millis = map(json!({"api_key": "k", "start_date": "2024-01-01T00:00:00.000Z"}));
    let without = map(json!({"api_key": "k", "start_date": "2024-01-01T00:00:00Z"}));
    assert!(validate_source_config(&manifest(), &Map::new(), &with_millis, &opts).is_ok());
    let errors = errors_of(validate_source_config(
        &manifest(),
        &Map::new(),
        &without,
        &opts,
    ));
    assert_eq!(errors[0].keyword, "pattern");
    // The accepted config goes out byte for byte.
    let ok = validate_source_config(&manifest(), &Map::new(), &with_millis, &opts).unwrap();
    assert_eq!(
        serde_json::to_string(&ok.source_config).unwrap(),
        r#"{"api_key":"k","start_date":"2024-01-01T00:00:00.000Z"}"#
    );
}

#[test]
fn options_deserialize_with_defaults() {
    let opts: ValidationOptions = serde_json::from_value(json!({"coerce_scalars": true})).unwrap();
    assert!(opts.assert_date_time && opts.coerce_scalars && !opts.skip_masked_secrets);
    assert!(opts.inject_defaults);
}

#[test]
fn merge_config_is_public_and_branch_aware() {
    let merged = merge_config(
        &postgres(),
        &map(json!({"ssl_mode": {"mode": "verify-ca", "ca_certificate": "PEM"}, "host": "a"})),
        &map(json!({"ssl_mode": {"mode": "require"}, "host": "b"})),
    );
    assert_eq!(
        Value::Object(merged),
        json!({"ssl_mode": {"mode": "require"}, "host": "b"})
    );
}

#[test]
fn form_model_from_a_connector_spec() {
    let form = form_model(&file_spec(), &map(json!({"format": "csv"}))).unwrap();
    let keys: Vec<&str> = form.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "dataset_name",
            "format",
            "reader_options",
            "url",
            "provider"
        ]
    );
    let format = &form.fields[1];
    assert!(format.hidden && format.fixed_by_template && !format.required);
    let provider = &form.fields[4];
    assert_eq!(provider.kind, FieldKind::Choice);
    assert_eq!(provider.default, None, "the invalid default is not offered");
    assert_eq!(provider.discriminator.as_deref(), Some("storage"));
    let titles: Vec<&str> = provider.options.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "HTTPS: Public Web",
            "GCS: Google Cloud Storage",
            "S3: Amazon Web Services",
            "AzBlob: Azure Blob Storage",
            "SSH: Secure Shell",
            "Local Filesystem (limited)"
        ]
    );
    let ssh = &provider.options[4];
    assert_eq!(ssh.discriminator_value, Some(json!("SSH")));
    let ssh_keys: Vec<(&str, bool, bool)> = ssh
        .fields
        .iter()
        .map(|f| (f.key.as_str(), f.required, f.secret))
        .collect();
    assert_eq!(
        ssh_keys,
        [
            ("user", true, false),
            ("password", false, true),
            ("host", true, false),
            ("port", false, false)
        ]
    );
    assert_eq!(ssh.fields[3].default, Some(json!("22")));
    assert!(form_model(&json!("nope"), &Map::new()).is_err());
    // The manifest spelling, a `$ref`'d enum and an array of objects.
    let form = form_model(&manifest(), &Map::new()).unwrap();
    let region = &form.fields[2];
    assert_eq!(region.title, "Data residency region");
    assert_eq!(region.choices, vec![json!("global"), json!("eu")]);
    assert_eq!(region.default, Some(json!("global")));
    let headers = &form.fields[4];
    let entry = headers.items.as_ref().unwrap();
    assert_eq!(entry.fields[1].path, "/custom_headers/*/value");
    assert!(entry.fields[1].secret);
}

#[test]
fn validation_is_thread_safe() {
    let spec = postgres();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let spec = spec.clone();
            std::thread::spawn(move || {
                let port = if i % 2 == 0 {
                    json!(5432)
                } else {
                    json!("5432")
                };
                validate_source_config(
                    &spec,
                    &Map::new(),
                    &map(json!({"host": "h", "port": port, "database": "d", "username": "u"})),
                    &ValidationOptions::default(),
                )
                .is_ok()
            })
        })
        .collect();
    let results: Vec<bool> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results, [true, false, true, false]);
}

#[test]
fn a_held_spec_validates_without_the_cache() {
    let spec = Spec::compile(&manifest()).unwrap();
    assert_eq!(spec.draft(), SchemaDraft::Draft2020_12);
    let ok = spec
        .validate(
            &map(json!({"api_key": "k"})),
            &map(json!({"start_date": "2024-01-01T00:00:00.000Z"})),
            &ValidationOptions::default(),
        )
        .unwrap();
    assert!(ok.spec().secret_paths().contains(&"/api_key".to_owned()));
    assert!(format!("{spec:?}").contains("Draft2020_12"));
}

/// A tiny deterministic generator of odd JSON, biased towards schema keywords.
struct Odd(u64);

impl Odd {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn value(&mut self, depth: u32) -> Value {
        const KEYS: &[&str] = &[
            "type",
            "properties",
            "required",
            "oneOf",
            "anyOf",
            "allOf",
            "items",
            "$ref",
            "airbyte_secret",
            "const",
            "enum",
            "default",
            "additionalProperties",
            "definitions",
            "a",
            "b",
            "mode",
            "pattern",
            "format",
            "if",
            "then",
            "prefixItems",
            "$schema",
        ];
        const STRINGS: &[&str] = &[
            "object",
            "string",
            "integer",
            "#",
            "#/definitions/a",
            "#/properties/a",
            "a",
            "mode",
            SECRET_MASK,
            "date-time",
            "^a+$",
            "http://json-schema.org/draft-07/schema#",
            "",
        ];
        let roll = self.next() % if depth == 0 { 5 } else { 8 };
        match roll {
            0 => Value::Null,
            1 => Value::Bool(self.next().is_multiple_of(2)),
            2 => json!((self.next() % 7) as i64 - 2),
            3 | 4 => json!(self.pick(STRINGS)),
            5 => Value::Array(
                (0..self.next() % 4)
                    .map(|_| self.value(depth - 1))
                    .collect(),
            ),
            _ => {
                let mut map = Map::new();
                for _ in 0..self.next() % 5 {
                    let key = self.pick(KEYS).to_owned();
                    map.insert(key, self.value(depth - 1));
                }
                Value::Object(map)
            }
        }
    }
}

#[test]
fn odd_specs_and_configs_never_panic() {
    let mut odd = Odd(0x9E37_79B9_7F4A_7C15);
    let options = [
        ValidationOptions::default(),
        ValidationOptions {
            assert_date_time: false,
            coerce_scalars: true,
            skip_masked_secrets: true,
            inject_defaults: false,
        },
    ];
    for round in 0..400 {
        let spec = odd.value(5);
        let config = odd.value(4);
        let defaults = odd.value(3);
        let (Some(config_map), defaults_map) = (
            config.as_object(),
            defaults.as_object().cloned().unwrap_or_default(),
        ) else {
            let _ = mask_secrets(&spec, &config);
            let _ = redact_config(&spec, &config);
            continue;
        };
        let _ = mask_secrets(&spec, &config);
        let _ = redact_config(&spec, &config);
        let _ = masked_secret_paths(&spec, &config);
        let _ = secret_paths(&spec);
        let _ = user_config_spec(&spec, &defaults_map);
        let _ = merge_config(&spec, &defaults_map, config_map);
        let _ = form_model(&spec, &defaults_map);
        let _ = validate_source_config(&spec, &defaults_map, config_map, &options[round % 2]);
    }
}
