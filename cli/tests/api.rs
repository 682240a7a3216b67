//! Every command that calls the service, run as the built binary against a sandbox: profiles,
//! templates, tags, definitions, tokens, workspaces, sources, exit codes, and the rule that no
//! output holds a secret.

// An integration test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Fault, FaultAction};
use common::*;
use serde_json::{Value, json};

const POSTGRES: &str = "decd338e-5647-4c0b-adf4-da0e75f5a750";
const S3: &str = "4816b78f-1489-44c1-9060-4b19d5fa9362";
const S3_SECRET: &str = "s3-secret-key-4f7a";
const PG_SECRET: &str = "pg-default-secret-91c2";

fn s3_template() -> String {
    json!({
        "destination_name": "Warehouse",
        "destination_definition_id": S3,
        "destination_config": {
            "s3_bucket_name": "bucket", "s3_bucket_path": "path", "s3_bucket_region": "us-east-1",
            "access_key_id": "AKIA", "secret_access_key": S3_SECRET,
            "format": {"format_type": "JSONL"}
        },
        "cron_expression": "0 0 12 * * ?"
    })
    .to_string()
}

const PG_TEMPLATE_YAML: &str = "\
actor_definition_id: decd338e-5647-4c0b-adf4-da0e75f5a750
name: Postgres
partial_default_config:
  port: 5432
  password: pg-default-secret-91c2
";

#[test]
fn login_saves_a_0600_profile_that_later_commands_use() {
    let env = Env::new();
    let url = env.url();
    let mut login = env.bare(&[
        "login",
        "--client-id",
        CLIENT_ID,
        "--api-url",
        &url,
        "--profile",
        "sandbox",
    ]);
    login.env("AIRBYTE_CLIENT_SECRET", CLIENT_SECRET);
    let run = finish(login.output().unwrap()).ok();
    assert!(
        run.stdout.contains("saved profile `sandbox`"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(CLIENT_SECRET) && !run.stderr.contains(CLIENT_SECRET));

    let path = env.config.path().join("airbyte-embedded/config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[profiles.sandbox]") && text.contains(CLIENT_SECRET),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The secret from standard input, into the default profile.
    let run = env.run_with_input(
        env.bare(&["login", "--client-id", CLIENT_ID, "--api-url", &url]),
        &format!("{CLIENT_SECRET}\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    let tags = finish(
        env.bare(&["tags", "list", "--json", "--profile", "sandbox"])
            .output()
            .unwrap(),
    )
    .ok();
    assert_eq!(tags.json(), json!([]));
    // The profile's URL wins over AIRBYTE_API_URL; --api-url wins over both.
    let mut c = env.bare(&["tags", "list", "--json", "--profile", "sandbox"]);
    c.env("AIRBYTE_API_URL", "http://127.0.0.1:9/api/v1");
    assert_eq!(finish(c.output().unwrap()).ok().json(), json!([]));
    let mut c = env.bare(&[
        "tags",
        "list",
        "--profile",
        "sandbox",
        "--api-url",
        "not a url",
    ]);
    c.env("AIRBYTE_API_URL", "http://127.0.0.1:9/api/v1");
    assert_eq!(finish(c.output().unwrap()).code, 2);
    // Without --profile and without credentials in the environment: the profile `default`.
    let tags = finish(env.bare(&["tags", "list", "--json"]).output().unwrap()).ok();
    assert_eq!(tags.json(), json!([]));

    let profiles = finish(env.bare(&["profiles", "--json"]).output().unwrap()).ok();
    assert!(!profiles.stdout.contains(CLIENT_SECRET));
    let listed = profiles.json();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["default", "sandbox"]);
    assert_eq!(profiles.json()[1]["api_url"], url);

    // Wrong credentials: exit 3, nothing saved.
    let mut wrong = env.bare(&[
        "login",
        "--client-id",
        CLIENT_ID,
        "--api-url",
        &url,
        "--profile",
        "wrong",
    ]);
    wrong.env("AIRBYTE_CLIENT_SECRET", "not-the-secret-1234");
    let run = finish(wrong.output().unwrap());
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("unauthorized") || run.stderr.contains("forbidden"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not-the-secret-1234"));
    assert!(!std::fs::read_to_string(&path).unwrap().contains("wrong"));
}

#[test]
fn api_url_flag_wins_over_the_environment_and_errors_carry_exit_codes() {
    let env = Env::new();
    let mut c = env.command(&["tags", "list", "--api-url", "http://127.0.0.1:9/api/v1"]);
    c.env("AIRBYTE_API_URL", "http://127.0.0.1:1/nowhere");
    let run = finish(c.output().unwrap());
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: transport error"),
        "{}",
        run.stderr
    );

    let run = env.run(&["tags", "list", "--api-url", "not a url"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("base_url"), "{}", run.stderr);

    let mut wrong = env.command(&["tags", "list"]);
    wrong.env("AIRBYTE_CLIENT_SECRET", "wrong-secret-5678");
    let run = finish(wrong.output().unwrap());
    assert_eq!(run.code, 3, "{}", run.stderr);

    let run = env.run(&[
        "templates",
        "sources",
        "get",
        "00000000-0000-0000-0000-000000000000",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: not found (HTTP 404)"),
        "{}",
        run.stderr
    );

    let sandbox = env.sandbox.as_ref().unwrap();
    sandbox.inject_fault(
        Fault::new(FaultAction::too_many_requests(Some(3600)))
            .on("GET", "/integrations/templates/tags")
            .times(10),
    );
    let run = env.run(&["tags", "list"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr.contains("rate limited (HTTP 429)"),
        "{}",
        run.stderr
    );
    sandbox.clear_faults();
    // A 403 whatever its body (here a proxy's HTML page) is an auth failure.
    sandbox.inject_fault(
        Fault::new(FaultAction::html_page(403)).on("GET", "/integrations/templates/tags"),
    );
    let run = env.run(&["tags", "list"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    sandbox.clear_faults();
}

#[test]
fn destinations_definitions_global_templates_and_connection_template_clones() {
    let env = Env::new();
    let dests = env.json(&["definitions", "destinations", "--id", S3]);
    assert_eq!(
        dests,
        json!([{"id": S3, "name": "S3", "icon": dests[0]["icon"]}])
    );
    let spec = env.json(&["definitions", "destination", S3, "--spec"]);
    assert!(spec["connectionSpecification"]["properties"]["secret_access_key"].is_object());
    let human = env.run(&["definitions", "destination", S3]).ok();
    assert!(human.stdout.contains("name: S3\n"), "{}", human.stdout);

    let global = env.json(&["templates", "sources", "global"]);
    let sample = global
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Sample Data (Airbyte)")
        .unwrap();
    let clone = env.json(&[
        "templates",
        "sources",
        "clone",
        sample["id"].as_str().unwrap(),
        "--name",
        "Sample",
    ]);
    assert_eq!(clone["name"], "Sample");

    // A connection template copy needs its masked secrets again.
    let file = env.file("s3.json", &s3_template());
    let original = env.json(&["templates", "connections", "create", "-f", s(&file)]);
    let id = original["id"].as_str().unwrap();
    let refused = env.run(&["templates", "connections", "clone", id, "--name", "Copy"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("/secret_access_key"),
        "{}",
        refused.stderr
    );
    let secrets = env.file(
        "secrets.yaml",
        &format!("access_key_id: AKIA\nsecret_access_key: {S3_SECRET}\n"),
    );
    let copy = env.json(&[
        "templates",
        "connections",
        "clone",
        id,
        "--name",
        "Copy",
        "-f",
        s(&secrets),
    ]);
    assert_eq!(copy["destination_name"], "Copy");
    assert_eq!(copy["destination_config"], original["destination_config"]);

    // An end user's source makes one destination per connection template.
    let op = operator(&env);
    let user = op.end_user_client("cli-destinations").unwrap();
    let workspace = user.workspace_id().unwrap();
    user.sources()
        .create(&SourceCreate::new(
            &workspace,
            clone["id"].as_str().unwrap(),
            serde_json::Map::new(),
        ))
        .unwrap();
    let listed = env.json(&[
        "destinations",
        "list",
        "--workspace",
        &workspace,
        "--page-size",
        "1",
    ]);
    let mut names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Copy", "Warehouse"]);
    let one = env
        .run(&[
            "destinations",
            "get",
            listed[0]["id"].as_str().unwrap(),
            "--json",
        ])
        .ok();
    assert!(!one.stdout.contains(S3_SECRET), "{}", one.stdout);
    assert_eq!(
        one.json()["destination_config"]["secret_access_key"],
        "**********"
    );
    let human = env
        .run(&["destinations", "list", "--workspace", &workspace])
        .ok();
    assert_eq!(human.stdout.lines().count(), 2, "{}", human.stdout);
    let run = env.run(&["destinations", "list", "--workspace", ""]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn templates_tags_and_definitions() {
    let env = Env::new();
    let defs = env.json(&["definitions", "sources", "--name", "postgres"]);
    assert_eq!(defs.as_array().unwrap().len(), 1);
    assert_eq!(defs[0]["sourceDefinitionId"], POSTGRES);
    let spec = env.json(&["definitions", "get", POSTGRES, "--spec"]);
    assert!(spec["connectionSpecification"]["properties"]["host"].is_object());
    assert_eq!(env.json(&["definitions", "get", POSTGRES])["id"], POSTGRES);
    let human = env.run(&["definitions", "get", POSTGRES]).ok();
    assert!(
        human.stdout.contains("name: Postgres\n"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("required: host,port,database,username\n"),
        "{}",
        human.stdout
    );

    assert_eq!(env.json(&["tags", "create", "crm"])["name"], "crm");
    env.run(&["tags", "create", "old"]).ok();
    assert_eq!(
        env.json(&["tags", "rename", "old", "sales"])["name"],
        "sales"
    );
    let names: Vec<Value> = env
        .json(&["tags", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].clone())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&json!("sales")));
    env.run(&["tags", "delete", "sales"]).ok();
    assert_eq!(env.json(&["tags", "list"]).as_array().unwrap().len(), 1);

    // Source templates, from YAML.
    let file = env.file("pg.yaml", PG_TEMPLATE_YAML);
    let created = env.json(&["templates", "sources", "create", "-f", s(&file)]);
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["partial_default_config"]["password"], "**********");
    let listed = env.json(&["templates", "sources", "list"]);
    assert_eq!(listed[0]["id"], id.as_str());
    let human = env.run(&["templates", "sources", "list"]).ok();
    assert!(
        human.stdout.starts_with(&format!("{id}\tPostgres")),
        "{}",
        human.stdout
    );
    assert_eq!(
        env.json(&["templates", "sources", "tag", &id, "crm"])["tags"],
        json!(["crm"])
    );
    assert_eq!(
        env.json(&["templates", "sources", "list", "--tag", "crm"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    env.run(&["templates", "sources", "untag", &id, "crm"]).ok();
    assert_eq!(
        env.json(&["templates", "sources", "list", "--tag", "crm"]),
        json!([])
    );
    let update = env.file(
        "update.json",
        r#"{"name": "Postgres (prod)", "partial_default_config": {"port": 5433}}"#,
    );
    let updated = env.json(&["templates", "sources", "update", &id, "-f", s(&update)]);
    assert_eq!(updated["name"], "Postgres (prod)");
    assert_eq!(updated["partial_default_config"], json!({"port": 5433}));
    let copy = env.json(&[
        "templates",
        "sources",
        "clone",
        &id,
        "--name",
        "Postgres (EU)",
    ]);
    assert_eq!(copy["name"], "Postgres (EU)");
    let got = env.run(&["templates", "sources", "get", &id]).ok();
    assert!(
        got.stdout.contains("name: Postgres (prod)\n"),
        "{}",
        got.stdout
    );
    env.run(&[
        "templates",
        "sources",
        "delete",
        copy["id"].as_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.json(&["templates", "sources", "delete", &id])["id"],
        id.as_str()
    );
    assert_eq!(env.json(&["templates", "sources", "list"]), json!([]));

    // A file with a field the SDK's body does not have: a usage error naming it.
    let bad = env.file(
        "bad.json",
        r#"{"actor_definition_id": "x", "colour": "red"}"#,
    );
    let run = env.run(&["templates", "sources", "create", "-f", s(&bad)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `colour`"),
        "{}",
        run.stderr
    );

    // Connection templates, from JSON.
    let file = env.file("s3.json", &s3_template());
    let created = env.json(&["templates", "connections", "create", "-f", s(&file)]);
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(
        created["destination_config"]["secret_access_key"],
        "**********"
    );
    assert_eq!(
        env.json(&["templates", "connections", "get", &id])["destination_name"],
        "Warehouse"
    );
    assert_eq!(
        env.json(&["templates", "connections", "tag", &id, "crm"])["tags"],
        json!(["crm"])
    );
    assert_eq!(
        env.json(&[
            "templates",
            "connections",
            "list",
            "--tag",
            "crm",
            "--tags-mode",
            "any"
        ])
        .as_array()
        .unwrap()
        .len(),
        1
    );
    env.run(&["templates", "connections", "untag", &id, "crm"])
        .ok();
    let cron = env.file("cron.json", r#"{"cron_expression": "0 30 6 * * ?"}"#);
    let updated = env.json(&["templates", "connections", "update", &id, "-f", s(&cron)]);
    assert!(
        updated["cron_expression"]
            .as_str()
            .unwrap()
            .starts_with("0 30 6 * * ?")
    );
    env.run(&["templates", "connections", "delete", &id]).ok();
    assert_eq!(env.json(&["templates", "connections", "list"]), json!([]));
}

fn operator(env: &Env) -> OperatorClient {
    let config = ClientConfig::builder().base_url(env.url()).build().unwrap();
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap()
}

#[test]
fn tokens_workspaces_and_sources() {
    let env = Env::new();
    let token = env.run(&["tokens", "scoped", "acme-corp"]).ok().stdout;
    let token = token.trim();
    assert_eq!(token.split('.').count(), 3, "{token}");
    let claims = env.json(&["tokens", "inspect", token]);
    let workspace_id = claims["workspace_id"].as_str().unwrap().to_owned();
    let scoped = env.json(&["tokens", "scoped", "acme-corp"]);
    assert_eq!(scoped["workspace_id"], workspace_id.as_str());
    assert!(scoped["token"].is_string());
    assert_eq!(
        env.run(&["tokens", "scoped", "acme-corp", "--quiet"])
            .ok()
            .stdout
            .trim()
            .split('.')
            .count(),
        3
    );

    let widget = env
        .run(&[
            "tokens",
            "widget",
            "acme-corp",
            "--origin",
            "https://app.example.com",
        ])
        .ok()
        .stdout;
    let inspected = env.json(&["tokens", "inspect", widget.trim()]);
    assert_eq!(inspected["kind"], "widget");
    assert_eq!(inspected["workspace_id"], workspace_id.as_str());
    let decoded = env.json(&[
        "tokens",
        "widget",
        "acme-corp",
        "--origin",
        "https://app.example.com",
        "--decode",
    ]);
    assert!(
        decoded["widget_url"]
            .as_str()
            .unwrap()
            .contains(&workspace_id)
    );
    assert!(!decoded.to_string().contains("eyJ"), "{decoded}");
    let run = env.run(&[
        "tokens",
        "widget",
        "acme-corp",
        "--origin",
        "https://app.example.com/",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("allowed_origin"), "{}", run.stderr);

    env.run(&["tokens", "scoped", "globex"]).ok();
    let all = env.json(&["workspaces", "list", "--page-size", "1"]);
    assert_eq!(all.as_array().unwrap().len(), 2, "{all}");
    let acme = env.json(&["workspaces", "list", "--name-contains", "acme"]);
    assert_eq!(acme.as_array().unwrap().len(), 1);
    assert_eq!(acme[0]["id"], workspace_id.as_str());
    assert_eq!(
        env.json(&["workspaces", "get", &workspace_id])["name"],
        "acme-corp"
    );
    assert_eq!(
        env.json(&["workspaces", "deactivate", &workspace_id])["status"],
        "inactive"
    );
    assert_eq!(
        env.json(&["workspaces", "list", "--status", "inactive"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(env.json(&["workspaces", "stats"])["inactive_count"], 1);
    assert_eq!(
        env.json(&["workspaces", "activate", &workspace_id])["status"],
        "active"
    );

    // A source made by the end user, seen and checked by the operator.
    let op = operator(&env);
    let template = op
        .source_templates()
        .create(
            &airbyte_embedded::integrations::SourceTemplateCreate::new(
                POSTGRES,
                json!({"port": 5432}).as_object().unwrap().clone(),
            )
            .name("Postgres"),
        )
        .unwrap();
    let config = json!({"host": "db.example.com", "database": "app", "username": "u", "password": "user-secret-3b9d"});
    let source = op
        .end_user_client("acme-corp")
        .unwrap()
        .sources()
        .create(
            &SourceCreate::new(
                &workspace_id,
                &template.id,
                config.as_object().unwrap().clone(),
            )
            .name("app db"),
        )
        .unwrap();
    let listed = env.json(&["sources", "list", &workspace_id]);
    assert_eq!(listed[0]["id"], source.id.as_str());
    let got = env.run(&["sources", "get", &source.id]).ok();
    assert!(got.stdout.contains("name: app db"), "{}", got.stdout);
    assert!(!got.stdout.contains("user-secret-3b9d"));
    let started = env.json(&["sources", "check", &source.id]);
    assert!(started["id"].is_string());
    let checked = env.json(&["sources", "check", &source.id, "--wait"]);
    assert_eq!(checked["status"], "succeeded");

    let bad = op
        .end_user_client("acme-corp")
        .unwrap()
        .sources()
        .create(&SourceCreate::new(
            &workspace_id,
            &template.id,
            json!({"host": "db.invalid", "database": "app", "username": "u"})
                .as_object()
                .unwrap()
                .clone(),
        ))
        .unwrap();
    let run = env.run(&["sources", "check", &bad.id, "--wait", "--json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.json()["status"], "failed");

    assert!(env.json(&["workspaces", "delete", &workspace_id])["id"].is_string());
    assert_eq!(env.run(&["workspaces", "get", &workspace_id]).code, 1);
}

#[test]
fn the_sandbox_command_serves_and_prints_its_url() {
    use std::io::BufRead;
    let env = Env::offline();
    let mut child = env
        .bare(&["sandbox", "--port", "0", "--token-ttl", "60"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with("# sandbox listening on http://127.0.0.1:"),
        "{first}"
    );
    let url = url
        .strip_prefix("export AIRBYTE_API_URL=")
        .unwrap()
        .to_owned();
    let mut c = env.bare(&["definitions", "sources", "--json"]);
    c.env("AIRBYTE_API_URL", &url)
        .env("AIRBYTE_CLIENT_ID", CLIENT_ID)
        .env("AIRBYTE_CLIENT_SECRET", CLIENT_SECRET);
    let run = finish(c.output().unwrap());
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.json().as_array().unwrap().len() >= 4);
}

/// Every command but the two that exist to print a token, in every output mode: no client
/// secret, no token, no secret config value.
#[test]
fn no_output_holds_a_secret_or_a_token() {
    let env = Env::new();
    let pg = env.file("pg.yaml", PG_TEMPLATE_YAML);
    let s3 = env.file("s3.json", &s3_template());
    let setup = env.file(
        "setup.yaml",
        "tags: [crm]\nsource_templates:\n  - name: Stripe\n    actor_definition_id: e094cb9a-26de-4645-8761-65c0c425d1de\n    partial_default_config: {client_secret: stripe-secret-77aa}\n    tags: [crm]\n",
    );
    let pg_id = env.json(&["templates", "sources", "create", "-f", s(&pg)])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let s3_id = env.json(&["templates", "connections", "create", "-f", s(&s3)])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = env
        .run(&["tokens", "scoped", "acme-corp"])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let widget = env
        .run(&[
            "tokens",
            "widget",
            "acme-corp",
            "--origin",
            "https://app.example.com",
        ])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let ws = env.json(&["tokens", "inspect", &token])["workspace_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let spec = fixtures().join("specs/source-postgres.json");
    let config = env.file("config.json", r#"{"host": "h", "port": 1, "database": "d", "username": "u", "password": "validate-secret-5e5e"}"#);

    let commands: Vec<Vec<&str>> = vec![
        vec!["templates", "sources", "list"],
        vec!["templates", "sources", "get", &pg_id],
        vec!["templates", "sources", "create", "-f", s(&pg)],
        vec!["templates", "connections", "list"],
        vec!["templates", "connections", "get", &s3_id],
        vec!["tags", "list"],
        vec!["definitions", "sources"],
        vec!["workspaces", "list"],
        vec!["workspaces", "get", &ws],
        vec!["workspaces", "stats"],
        vec!["sources", "list", &ws],
        vec!["tokens", "inspect", &token],
        vec!["tokens", "inspect", &widget],
        vec![
            "tokens",
            "widget",
            "acme-corp",
            "--origin",
            "https://app.example.com",
            "--decode",
        ],
        vec!["validate", "--spec", s(&spec), "--config", s(&config)],
        vec!["apply", "-f", s(&setup)],
        vec!["apply", "-f", s(&setup), "--yes"],
        vec!["apply", "-f", s(&setup)],
        vec!["profiles"],
        vec![
            "templates",
            "sources",
            "get",
            "00000000-0000-0000-0000-000000000000",
        ],
    ];
    let secrets = [
        CLIENT_SECRET,
        S3_SECRET,
        PG_SECRET,
        "stripe-secret-77aa",
        "validate-secret-5e5e",
        &token,
        &widget,
    ];
    for command in &commands {
        for mode in [None, Some("--json"), Some("--quiet")] {
            let mut args = command.clone();
            args.extend(mode);
            let run = env.run(&args);
            for text in [&run.stdout, &run.stderr] {
                for secret in secrets {
                    assert!(!text.contains(secret), "{args:?} printed a secret: {text}");
                }
                assert!(!text.contains("eyJ"), "{args:?} printed a JWT: {text}");
            }
        }
    }
    // The wrong secret of a refused login is not echoed either.
    let mut wrong = env.command(&["tags", "list"]);
    wrong.env("AIRBYTE_CLIENT_SECRET", "refused-secret-0c0c");
    let run = finish(wrong.output().unwrap());
    assert_eq!(run.code, 3);
    assert!(!run.stderr.contains("refused-secret-0c0c"));
}

/// On a terminal (a pseudo-terminal from util-linux `script`, when installed): aligned tables
/// with a header, and the workspace walk's progress line cleared before the table.
#[test]
fn a_terminal_gets_aligned_tables() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    }
    let env = Env::new();
    env.run(&["tags", "create", "crm"]).ok();
    env.run(&["tokens", "scoped", "acme-corp"]).ok();
    let on_tty = |args: &str| {
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
            .env("AIRBYTE_CLIENT_ID", CLIENT_ID)
            .env("AIRBYTE_CLIENT_SECRET", CLIENT_SECRET)
            .env("AIRBYTE_API_URL", env.url())
            .env("XDG_CONFIG_HOME", env.config.path());
        finish(c.output().unwrap())
            .ok()
            .stdout
            .replace("\r\n", "\n")
    };
    let tags = on_tty("tags list");
    assert!(tags.starts_with("NAME  ID"), "{tags:?}");
    assert!(tags.contains("\ncrm   "), "{tags:?}");
    let workspaces = on_tty("workspaces list");
    assert!(
        workspaces.contains("ID                                    NAME"),
        "{workspaces:?}"
    );
    assert!(workspaces.contains("acme-corp  active"), "{workspaces:?}");
    assert!(
        workspaces.contains("loading workspaces… 1\r\x1b[2K"),
        "{workspaces:?}"
    );
}
