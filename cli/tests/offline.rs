//! Commands that need no service: `validate` over every fixture case, `form`, `tokens
//! inspect`, `completions`, usage errors and every command's `--help`.

// An integration test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use base64::Engine as _;
use common::*;
use serde_json::{Value, json};

#[test]
fn validate_agrees_with_every_fixture_case() {
    let env = Env::offline();
    let mut ran = 0;
    for entry in std::fs::read_dir(fixtures().join("cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let spec = fixtures().join("specs").join(path.file_name().unwrap());
        let cases: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in cases {
            let config = env.file("config.json", &case["source_config"].to_string());
            let defaults = env.file("defaults.json", &case["partial_default_config"].to_string());
            let mut args = vec![
                "validate".to_owned(),
                "--json".into(),
                "--spec".into(),
                s(&spec).into(),
                "--config".into(),
                s(&config).into(),
                "--template-defaults".into(),
                s(&defaults).into(),
            ];
            let options = &case["options"];
            for (key, on, flag) in [
                ("assert_date_time", false, "--no-assert-date-time"),
                ("coerce_scalars", true, "--coerce-scalars"),
                ("skip_masked_secrets", true, "--skip-masked-secrets"),
                ("inject_defaults", false, "--no-inject-defaults"),
            ] {
                if options.get(key).and_then(Value::as_bool) == Some(on) {
                    args.push(flag.into());
                }
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = env.run(&args);
            let name = format!("{}: {}", path.display(), case["name"]);
            let valid = case["valid"].as_bool().unwrap();
            assert_eq!(
                run.code,
                if valid { 0 } else { 1 },
                "{name}: {}",
                run.stderr
            );
            let doc = run.json();
            assert_eq!(doc["valid"], json!(valid), "{name}");
            assert_eq!(doc["errors"], case["errors"], "{name}");
            if let Some(applied) = case.get("defaults_applied") {
                assert_eq!(&doc["defaults_applied"], applied, "{name}");
            }
            ran += 1;
        }
    }
    assert!(ran > 50, "only {ran} cases");
}

#[test]
fn validate_prints_each_error_with_its_pointer_and_exits_2_on_usage_errors() {
    let env = Env::offline();
    let spec = fixtures().join("specs/source-postgres.json");
    let config = env.file("config.yaml", "host: db.example.com\nport: \"5432\"\n");
    let run = env.run(&["validate", "--spec", s(&spec), "--config", s(&config)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("/port: \"port\" must be an integer"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("/database: "), "{}", run.stdout);

    let missing = env.run(&[
        "validate",
        "--spec",
        s(&spec),
        "--config",
        "/nonexistent.json",
    ]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("could not read /nonexistent.json"),
        "{}",
        missing.stderr
    );
    let broken = env.file("broken.json", "{not json");
    let run = env.run(&["validate", "--spec", s(&spec), "--config", s(&broken)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not valid JSON"), "{}", run.stderr);
    let not_a_spec = env.file(
        "spec.json",
        r#"{"connectionSpecification": {"$ref": "https://example.com/s.json"}}"#,
    );
    let run = env.run(&["validate", "--spec", s(&not_a_spec), "--config", s(&config)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(env.run(&["validate", "--spec", s(&spec)]).code, 2);
}

#[test]
fn form_prints_the_tree_or_the_model() {
    let env = Env::offline();
    let spec = fixtures().join("specs/source-postgres.json");
    let defaults = env.file("defaults.json", r#"{"port": 5432}"#);
    let run = env
        .run(&[
            "form",
            "--spec",
            s(&spec),
            "--template-defaults",
            s(&defaults),
        ])
        .ok();
    assert!(
        run.stdout.contains("host (string, required)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("password (string, secret)"),
        "{}",
        run.stdout
    );
    let form = env.json(&["form", "--spec", s(&spec)]);
    assert_eq!(form["fields"][0]["key"], "host");
}

fn jwt(payload: Value) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.c2ln",
        b64.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        b64.encode(payload.to_string())
    )
}

#[test]
fn tokens_inspect_reads_claims_offline_and_never_prints_the_token() {
    let env = Env::offline();
    let token = jwt(json!({
        "exp": 4_102_444_800u64,
        "typ": "io.airbyte.auth.embedded_v1",
        "roles": ["EMBEDDED_END_USER"],
        "io.airbyte.auth.workspace_scope": {"workspaceId": "ws-1"}
    }));
    let doc = env.json(&["tokens", "inspect", &token]);
    assert_eq!(doc["kind"], "jwt");
    assert_eq!(doc["workspace_id"], "ws-1");
    assert_eq!(doc["expires_at_unix"], 4_102_444_800u64);
    assert_eq!(doc["expired"], false);
    assert!(!doc.to_string().contains(&token));

    let widget = base64::engine::general_purpose::STANDARD.encode(
        json!({"token": token, "widgetUrl": "https://app.airbyte.ai/embedded-widget"}).to_string(),
    );
    let run = env
        .run_with_input(env.bare(&["tokens", "inspect", "-"]), &widget)
        .ok();
    assert!(run.stdout.contains("kind: widget"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("widget_url: https://app.airbyte.ai/embedded-widget")
    );
    assert!(run.stdout.contains("workspace_id: ws-1"));
    assert!(!run.stdout.contains(&token) && !run.stdout.contains(&widget));

    let expired = jwt(json!({"exp": 1}));
    assert_eq!(env.json(&["tokens", "inspect", &expired])["expired"], true);
    let run = env.run(&["tokens", "inspect", "not-a-token"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not a token"), "{}", run.stderr);
}

#[test]
fn completions_are_printed_for_each_shell() {
    let env = Env::offline();
    for shell in ["bash", "zsh", "fish"] {
        let run = env.run(&["completions", shell]).ok();
        assert!(run.stdout.contains("airbyte-embedded"), "{shell}");
        assert!(run.stdout.contains("workspaces"), "{shell}");
    }
    assert_eq!(env.run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn usage_errors_exit_2_and_missing_credentials_exit_3() {
    let env = Env::offline();
    assert_eq!(env.run(&["no-such-command"]).code, 2);
    assert_eq!(env.run(&["tags", "rename", "only-one"]).code, 2);
    let run = env.run(&["tags", "list"]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("no credentials"), "{}", run.stderr);
    let run = env.run(&["tags", "list", "--profile", "staging"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("no profile `staging`"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    let env = Env::offline();
    let commands: &[&[&str]] = &[
        &[],
        &["login"],
        &["profiles"],
        &["templates", "sources", "list"],
        &["templates", "sources", "get"],
        &["templates", "sources", "create"],
        &["templates", "sources", "update"],
        &["templates", "sources", "delete"],
        &["templates", "sources", "tag"],
        &["templates", "sources", "untag"],
        &["templates", "sources", "clone"],
        &["templates", "connections", "list"],
        &["templates", "connections", "get"],
        &["templates", "connections", "create"],
        &["templates", "connections", "update"],
        &["templates", "connections", "delete"],
        &["templates", "connections", "tag"],
        &["templates", "connections", "untag"],
        &["tags", "list"],
        &["tags", "create"],
        &["tags", "rename"],
        &["tags", "delete"],
        &["definitions", "sources"],
        &["definitions", "get"],
        &["tokens", "scoped"],
        &["tokens", "widget"],
        &["tokens", "inspect"],
        &["workspaces", "list"],
        &["workspaces", "get"],
        &["workspaces", "stats"],
        &["workspaces", "deactivate"],
        &["workspaces", "activate"],
        &["workspaces", "delete"],
        &["sources", "list"],
        &["sources", "get"],
        &["sources", "check"],
        &["validate"],
        &["form"],
        &["apply"],
        &["sandbox"],
        &["completions"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let run = env.run(&args).ok();
        assert!(
            run.stdout.contains("Example:\n  airbyte-embedded")
                || run.stdout.contains("Example:\n  TOKEN=")
                || run.stdout.contains("Example:\n  printf"),
            "{command:?} has no example:\n{}",
            run.stdout
        );
    }
}
