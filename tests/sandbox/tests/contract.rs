//! Contract tests against the service's published OpenAPI documents
//! (`tests/fixtures/contract/`, see its README: the 2025 document for routes in both, the
//! supplement's rules on top):
//!
//! 1. every response the sandbox sends, on every route it serves and every status it can be
//!    made to return with a real request (success, 400, 401, 403, 404, 422, 429) or with an
//!    injected [`FaultAction::InternalError`] (its own 500, one fault per probe), validates
//!    against the contract's schema for that route and status, in both error styles; the
//!    sandbox is driven over plain HTTP, not through the SDK;
//! 2. every request the SDK sends, over a representative run of its calls against a sandbox
//!    (which records them), goes to a documented route, with only documented query parameters
//!    whose values fit their schemas, and a body that validates against the route's request
//!    schema.
//!
//! Known violations are listed, each with its reason, in [`RESPONSE_ALLOWLIST`] and
//! [`REQUEST_ALLOWLIST`]; an entry that no longer matches anything fails the test, so the lists
//! stay honest. A documented route the sandbox answers without a probe in the route table
//! fails the test too. The closing lines print the counts
//! (`cargo test -p airbyte-embedded-sandbox --test contract -- --nocapture`).
//!
//! The SDK's models are checked in `core/tests/contract_models.rs` and
//! `core/tests/contract_roundtrip.rs`, which share `contract/support.rs`.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/reply.rs"]
mod reply;
#[path = "contract/support.rs"]
mod support;

use reply::Reply;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use airbyte_embedded::connectors::{
    ConnectorAction, ConnectorCreate, ConnectorExecute, ConnectorFilter, ConnectorUpdate,
};
use airbyte_embedded::files::FolderQuery;
use airbyte_embedded::integrations::{
    Condition, ConnectionTemplateCreate, ConnectionTemplateUpdate, Customization, SearchRequest,
    SourceTemplateCreate, SourceTemplateUpdate, StreamSelectionMode,
};
use airbyte_embedded::oauth_credentials::OAuthCredentialsRequest;
use airbyte_embedded::proxy::{ProxyMethod, ProxyRequest};
use airbyte_embedded::sources::{SourceCreate, SourceUpdate};
use airbyte_embedded::workspaces::{WorkspaceFilter, WorkspaceUpdate};
use airbyte_embedded::{
    ClientConfig, Credentials, OperatorClient, ScopedTokenRequest, TagFilter, TagsMode,
    TokenRoutes, WaitOptions, WidgetTokenRequest, WriteOptions,
};
use airbyte_embedded_sandbox::catalog::{
    DESTINATION_S3_DEFINITION_ID, SOURCE_API_DEFINITION_ID, SOURCE_OAUTH_DEFINITION_ID,
    SOURCE_POSTGRES_DEFINITION_ID, SOURCE_TINY_DEFINITION_ID,
};
use airbyte_embedded_sandbox::global_templates::GLOBAL_POSTGRES_TEMPLATE_ID;
use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, ErrorStyle, Fault, FaultAction, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET,
    ORGANIZATION_ID, OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_ORGANIZATION_ID, Sandbox,
    SandboxConfig,
};
use serde_json::{Value, json};
use support::{Allowed, Contract, Findings};

/// Sandbox responses that violate the contract, known and explained: none today. (The
/// airbyte-hosted connection templates' `null` destination fields were one, fixed in the
/// sandbox.)
const RESPONSE_ALLOWLIST: &[Allowed] = &[];

/// SDK requests that violate the contract, known and explained.
const REQUEST_ALLOWLIST: &[Allowed] = &[];

/// Documented operations the sandbox answers for although it does not serve them (a broader
/// route of its router matches first), with what it does.
const SHADOWED: &[(&str, &str)] = &[];

// ---------------------------------------------------------------------------------------------
// HTTP

/// A plain HTTP client for a sandbox.
struct Http {
    agent: ureq::Agent,
    base: String,
}

impl Http {
    fn new(sandbox: &Sandbox) -> Http {
        Http {
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
            base: sandbox.base_url(),
        }
    }

    /// Sends `probe` (its path relative to `/api/v1`).
    fn send(&self, probe: &Probe) -> Reply {
        let mut url = format!("{}{}", self.base, probe.path);
        if let Some(q) = &probe.query {
            url.push('?');
            url.push_str(q);
        }
        let mut builder = ureq::http::Request::builder().method(probe.method).uri(url);
        if let Some(token) = &probe.token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in &probe.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let body = probe.body.clone().unwrap_or_default();
        if probe.body.is_some() {
            builder = builder.header("content-type", "application/json");
        }
        let response = self
            .agent
            .run(builder.body(body).expect("request builds"))
            .expect("the sandbox answers");
        Reply::read(response)
    }

    /// `method path` with `token` and a JSON body, expecting 200; returns the body.
    fn ok(&self, method: &'static str, path: &str, token: &str, body: Option<Value>) -> Value {
        let mut probe = Probe::new(method, path, 200).token(token);
        if let Some(b) = body {
            probe = probe.json(b);
        }
        let reply = self.send(&probe);
        assert_eq!(reply.status, 200, "{method} {path}: {}", reply.text);
        reply.json
    }

    fn operator_token(&self, client_id: &str, secret: &str) -> String {
        let reply = self.send(
            &Probe::new("POST", "/account/applications/token", 200)
                .json(json!({"client_id": client_id, "client_secret": secret})),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["access_token"].as_str().unwrap().to_owned()
    }

    fn scoped_token(&self, operator: &str, workspace: &str) -> String {
        let body = self.ok(
            "POST",
            "/embedded/scoped-token",
            operator,
            Some(json!({"workspace_name": workspace})),
        );
        body["token"].as_str().unwrap().to_owned()
    }
}

/// One request to make, and the status it must get (a different status means the probe does
/// not exercise what it claims: the test fails).
#[derive(Clone)]
struct Probe {
    method: &'static str,
    path: String,
    query: Option<String>,
    token: Option<String>,
    headers: Vec<(String, String)>,
    body: Option<String>,
    expect: u16,
}

impl Probe {
    fn new(method: &'static str, path: &str, expect: u16) -> Probe {
        Probe {
            method,
            path: path.to_owned(),
            query: None,
            token: None,
            headers: Vec::new(),
            body: None,
            expect,
        }
    }

    fn token(mut self, token: &str) -> Probe {
        self.token = Some(token.to_owned());
        self
    }

    fn query(mut self, query: &str) -> Probe {
        self.query = Some(query.to_owned());
        self
    }

    fn header(mut self, name: &str, value: &str) -> Probe {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    fn json(mut self, body: Value) -> Probe {
        self.body = Some(body.to_string());
        self
    }
}

// ---------------------------------------------------------------------------------------------
// Part 1: the sandbox's responses

/// Which token a route admits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    /// Client credentials in the body (the token route).
    Credentials,
    Operator,
    EndUser,
}

/// One route the sandbox serves: its contract operation, who may call it, a well-formed
/// request (for the generic 400/401/403/429 probes) and its own probes.
struct Route {
    method: &'static str,
    /// The template, relative to `/api/v1`.
    template: &'static str,
    audience: Audience,
    /// A concrete path for the generic probes.
    sample_path: String,
    sample_body: Option<Value>,
    probes: Vec<Probe>,
}

/// The resources the probes refer to, made before probing.
struct World {
    op: String,
    other_op: String,
    /// Scoped token for workspace `ws_a`.
    scoped_a: String,
    ws_a: String,
    ws_b: String,
    ws_update: String,
    ws_delete: String,
    ws_other: String,
    tiny_template: String,
    pg_template: String,
    template_delete: String,
    template_tagged: String,
    other_template: String,
    user_hosted: String,
    airbyte_hosted: String,
    connection_delete: String,
    connection_tagged: String,
    other_connection: String,
    /// Per prefix (`/embedded/sources`, `/integrations/sources`): a source in `ws_a`, one to
    /// delete, and finished check jobs (succeeded, failed).
    sources: BTreeMap<&'static str, PrefixWorld>,
    source_b: String,
    other_source: String,
    /// Destinations made from the connection templates when the sources were created: one in
    /// `ws_a`, one in the other organisation.
    destination: String,
    other_destination: String,
    /// The continuation token of the first page of a folder listing (`limit=2`).
    files_next: String,
    /// Connectors (`/integrations/connectors`) from the Stripe template in `ws_a`: one to
    /// read and change, one to delete, one whose credentials fail the check rule; and one in
    /// the other organisation.
    connectors: ConnectorWorld,
}

struct ConnectorWorld {
    connector: String,
    connector_delete: String,
    connector_failing: String,
    other_connector: String,
}

struct PrefixWorld {
    source: String,
    source_delete: String,
    check_ok: String,
    check_failed: String,
}

fn uuid_like(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

fn tiny_config(count: u64) -> Value {
    json!({"count": count})
}

fn pg_config(host: &str) -> Value {
    json!({"host": host, "port": 5432, "database": "app", "username": "reader",
           "password": "hunter2"})
}

fn stripe_config(secret: &str) -> Value {
    json!({"account_id": "acct_contract", "client_secret": secret, "start_date": "2025-01-01T00:00:00Z"})
}

fn s3_config() -> Value {
    json!({"s3_bucket_name": "contract-bucket", "s3_bucket_path": "data",
           "s3_bucket_region": "us-east-2", "access_key_id": "AKIA0000", "secret_access_key": "s3cr3t",
           "format": {"format_type": "CSV", "flattening": "No flattening"}})
}

/// The customization of the contract's `SourceTemplateCustomization-Input` with every part set.
fn full_customization() -> Value {
    json!({
        "stream_selection_mode": "whitelist",
        "stream_whitelist": ["users"],
        "stream_customizations": {"users": {"primary_key_fields": [["id"]], "cursor_field": ["updated_at"]}},
        "stream_mappers": {"users": [{"type": "hashing", "mapper_configuration": {
            "target_field": "email", "method": "SHA256", "field_name_suffix": "_hashed"}}]},
    })
}

fn build_world(http: &Http) -> World {
    let op = http.operator_token(CLIENT_ID, CLIENT_SECRET);
    let other_op = http.operator_token(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    let scoped_a = http.scoped_token(&op, "contract-a");
    let scoped_b = http.scoped_token(&op, "contract-b");
    let _ = http.scoped_token(&op, "contract-update");
    let _ = http.scoped_token(&op, "contract-delete");
    let _ = http.scoped_token(&other_op, "contract-other");
    let ws_id = |token: &str, name: &str| -> String {
        let page = http.ok(
            "GET",
            &format!("/workspaces?name_contains={name}"),
            token,
            None,
        );
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["name"] == name)
            .unwrap_or_else(|| panic!("workspace {name}"))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let ws_a = ws_id(&op, "contract-a");
    let ws_b = ws_id(&op, "contract-b");
    let ws_update = ws_id(&op, "contract-update");
    let ws_delete = ws_id(&op, "contract-delete");
    let ws_other = ws_id(&other_op, "contract-other");

    for tag in ["crm", "contract-rename", "contract-delete"] {
        http.ok(
            "POST",
            "/integrations/templates/tags",
            &op,
            Some(json!({"name": tag})),
        );
    }
    http.ok(
        "POST",
        "/integrations/templates/tags",
        &other_op,
        Some(json!({"name": "other-only"})),
    );

    let template = |token: &str, def: &str, defaults: Value, customization: Value| -> String {
        let body = json!({"actor_definition_id": def, "partial_default_config": defaults,
                          "name": "contract template", "customization": customization});
        http.ok("POST", "/integrations/templates/sources", token, Some(body))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let tiny_template = template(
        &op,
        SOURCE_TINY_DEFINITION_ID,
        json!({"seed": 7}),
        full_customization(),
    );
    // The sandbox keeps every documented part of a customization (stream customizations and
    // mappers included), as the service does.
    let echoed = http.ok(
        "GET",
        &format!("/integrations/templates/sources/{tiny_template}"),
        &op,
        None,
    );
    assert_eq!(echoed["customization"], full_customization());
    let pg_template = template(
        &op,
        SOURCE_POSTGRES_DEFINITION_ID,
        json!({"port": 5432}),
        Value::Null,
    );
    let template_delete = template(&op, SOURCE_TINY_DEFINITION_ID, json!({}), Value::Null);
    let template_tagged = template(&op, SOURCE_TINY_DEFINITION_ID, json!({}), Value::Null);
    http.ok(
        "POST",
        &format!("/integrations/templates/sources/{template_tagged}/tags"),
        &op,
        Some(json!({"tag": "crm"})),
    );
    let other_template = template(&other_op, SOURCE_TINY_DEFINITION_ID, json!({}), Value::Null);

    let connection = |token: &str, body: Value| -> String {
        http.ok(
            "POST",
            "/integrations/templates/connections",
            token,
            Some(body),
        )["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let user_hosted_body = json!({"destination_name": "lake", "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
                                  "destination_config": s3_config(), "cron_expression": "0 0 12 * * ?"});
    let user_hosted = connection(&op, user_hosted_body.clone());
    let airbyte_hosted = connection(&op, json!({"data_hosting_type": "airbyte_hosted"}));
    let connection_delete = connection(&op, user_hosted_body.clone());
    let connection_tagged = connection(&op, user_hosted_body.clone());
    http.ok(
        "POST",
        &format!("/integrations/templates/connections/{connection_tagged}/tags"),
        &op,
        Some(json!({"tag": "crm"})),
    );
    let other_connection = connection(&other_op, user_hosted_body);

    let source = |prefix: &str, token: &str, ws: &str, tpl: &str, config: Value| -> String {
        let body = json!({"workspace_id": ws, "source_template_id": tpl, "source_config": config, "name": "contract source"});
        http.ok("POST", prefix, token, Some(body))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let check = |prefix: &str, token: &str, ws: &str, tpl: &str, config: Value| -> String {
        let body = json!({"workspace_id": ws, "source_template_id": tpl, "source_config": config});
        http.ok("POST", &format!("{prefix}/check"), token, Some(body))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let mut sources = BTreeMap::new();
    for (prefix, token) in [
        ("/embedded/sources", &scoped_a),
        ("/integrations/sources", &op),
    ] {
        sources.insert(
            prefix,
            PrefixWorld {
                source: source(prefix, token, &ws_a, &tiny_template, tiny_config(5)),
                source_delete: source(prefix, token, &ws_a, &tiny_template, tiny_config(6)),
                check_ok: check(
                    prefix,
                    token,
                    &ws_a,
                    &pg_template,
                    pg_config("db.example.com"),
                ),
                check_failed: check(prefix, token, &ws_a, &pg_template, pg_config("db.invalid")),
            },
        );
    }
    let source_b = source(
        "/embedded/sources",
        &scoped_b,
        &ws_b,
        &tiny_template,
        tiny_config(5),
    );
    let other_source = source(
        "/integrations/sources",
        &other_op,
        &ws_other,
        &other_template,
        tiny_config(5),
    );
    let first_destination = |token: &str, ws: &str| {
        http.ok(
            "GET",
            &format!("/integrations/destinations?workspace_id={ws}"),
            token,
            None,
        )["data"][0]["id"]
            .as_str()
            .expect("creating a source made a destination")
            .to_owned()
    };
    let destination = first_destination(&op, &ws_a);
    let other_destination = first_destination(&other_op, &ws_other);
    let connectors = build_connectors(http, &op, &other_op, &other_template);
    let files_next = http.ok(
        "GET",
        &format!(
            "/sonar/files/{}/list/reports%2F2025?limit=2",
            sources["/integrations/sources"].source
        ),
        &op,
        None,
    )["next"]
        .as_str()
        .expect("a folder of four entries has a second page of two")
        .to_owned();
    World {
        op,
        other_op,
        scoped_a,
        ws_a,
        ws_b,
        ws_update,
        ws_delete,
        ws_other,
        tiny_template,
        pg_template,
        template_delete,
        template_tagged,
        other_template,
        user_hosted,
        airbyte_hosted,
        connection_delete,
        connection_tagged,
        other_connection,
        sources,
        source_b,
        other_source,
        destination,
        other_destination,
        files_next,
        connectors,
    }
}

/// The connectors of the world: a Stripe template in each organisation (the only one of its
/// connector there, so `connector_type` alone picks it) and the connectors made from them.
fn build_connectors(http: &Http, op: &str, other_op: &str, other_template: &str) -> ConnectorWorld {
    let body = json!({"actor_definition_id": SOURCE_API_DEFINITION_ID, "partial_default_config": {"lookback_window_days": 1},
                      "name": "contract stripe"});
    http.ok("POST", "/integrations/templates/sources", op, Some(body));
    let connector = |token: &str, body: Value| -> String {
        http.ok("POST", "/integrations/connectors", token, Some(body))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let stripe = |name: &str, secret: &str| {
        json!({"customer_name": "contract-a", "connector_type": "stripe", "name": name,
               "replication_config": stripe_config(secret)})
    };
    ConnectorWorld {
        connector: connector(op, stripe("contract connector", "sk_test_1")),
        connector_delete: connector(op, stripe("contract connector to delete", "sk_test_2")),
        connector_failing: connector(op, stripe("contract connector failing", "wrong-secret")),
        other_connector: connector(
            other_op,
            json!({"customer_name": "contract-other", "source_template_id": other_template,
                   "replication_config": tiny_config(4)}),
        ),
    }
}

/// Every route the sandbox serves, with its probes. Order matters: deletions come last within
/// their route, and routes that delete come after those that read.
fn routes(w: &World) -> Vec<Route> {
    let op = w.op.as_str();
    let sc = w.scoped_a.as_str();
    let mut routes = Vec::new();
    let route = |method: &'static str,
                 template: &'static str,
                 audience: Audience,
                 sample_path: String,
                 sample_body: Option<Value>,
                 probes: Vec<Probe>| Route {
        method,
        template,
        audience,
        sample_path,
        sample_body,
        probes,
    };

    // Tokens.
    let creds = json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET});
    routes.push(route(
        "POST",
        "/account/applications/token",
        Audience::Credentials,
        "/account/applications/token".into(),
        Some(creds.clone()),
        vec![
            Probe::new("POST", "/account/applications/token", 200).json(creds.clone()),
            Probe::new("POST", "/account/applications/token", 200)
                .header("x-organization-id", OTHER_ORGANIZATION_ID)
                .json(json!({"client_id": MULTI_CLIENT_ID, "client_secret": MULTI_CLIENT_SECRET})),
            Probe::new("POST", "/account/applications/token", 401)
                .json(json!({"client_id": CLIENT_ID, "client_secret": "wrong"})),
            Probe::new("POST", "/account/applications/token", 400)
                .json(json!({"client_id": MULTI_CLIENT_ID, "client_secret": MULTI_CLIENT_SECRET})),
            Probe::new("POST", "/account/applications/token", 400)
                .header("x-organization-id", "not-a-uuid")
                .json(creds.clone()),
            Probe::new("POST", "/account/applications/token", 403)
                .header("x-organization-id", OTHER_ORGANIZATION_ID)
                .json(creds.clone()),
            Probe::new("POST", "/account/applications/token", 422)
                .json(json!({"client_id": CLIENT_ID})),
            Probe::new("POST", "/account/applications/token", 422)
                .json(json!({"client_id": 5, "client_secret": "x"})),
        ],
    ));
    for (prefix, name_field) in [
        ("/embedded", "workspace_name"),
        ("/account/applications", "customer_name"),
    ] {
        let scoped_path = format!("{prefix}/scoped-token");
        let (t_scoped, t_info, t_widget): (&'static str, &'static str, &'static str) =
            if prefix == "/embedded" {
                (
                    "/embedded/scoped-token",
                    "/embedded/scoped-token/info",
                    "/embedded/widget-token",
                )
            } else {
                (
                    "/account/applications/scoped-token",
                    "/account/applications/scoped-token/info",
                    "/account/applications/widget-token",
                )
            };
        routes.push(route(
            "POST",
            t_scoped,
            Audience::Operator,
            scoped_path.clone(),
            Some(json!({name_field: "contract-a"})),
            vec![
                Probe::new("POST", &scoped_path, 200).token(op).json(json!({name_field: "contract-a"})),
                Probe::new("POST", &scoped_path, 200).token(op).json(json!({"workspace_name": "contract-a", "region_id": "b9e48d61-f082-4a14-a8d0-799a907938cb"})),
                Probe::new("POST", &scoped_path, 422).token(op).json(json!({})),
                Probe::new("POST", &scoped_path, 422).token(op).json(json!({"workspace_name": "contract-a", "region_id": uuid_like(1)})),
                Probe::new("POST", &scoped_path, 422).token(op).json(json!({"workspace_name": ""})),
            ],
        ));
        let info_path = format!("{prefix}/scoped-token/info");
        routes.push(route(
            "GET",
            t_info,
            Audience::EndUser,
            info_path.clone(),
            None,
            vec![Probe::new("GET", &info_path, 200).token(sc)],
        ));
        let widget_path = format!("{prefix}/widget-token");
        let widget = json!({name_field: "contract-a", "allowed_origin": "https://app.example.com"});
        routes.push(route(
            "POST",
            t_widget,
            Audience::Operator,
            widget_path.clone(),
            Some(widget.clone()),
            vec![
                Probe::new("POST", &widget_path, 200).token(op).json(widget),
                Probe::new("POST", &widget_path, 200).token(op).json(json!({
                    "workspace_name": "contract-a", "allowed_origin": "http://localhost:3000",
                    "selected_source_template_tags": ["crm"], "selected_source_template_tags_mode": "all",
                    "selected_connection_template_tags": ["crm"], "selected_connection_template_tags_mode": "any"})),
                Probe::new("POST", &widget_path, 422).token(op).json(json!({"workspace_name": "contract-a", "allowed_origin": "https://app.example.com/"})),
                Probe::new("POST", &widget_path, 422).token(op).json(json!({"workspace_name": "contract-a", "allowed_origin": "https://app.example.com", "selected_source_template_tags_mode": "some"})),
                Probe::new("POST", &widget_path, 422).token(op).json(json!({"workspace_name": "contract-a"})),
            ],
        ));
    }

    // Workspaces.
    routes.push(route(
        "GET",
        "/workspaces",
        Audience::Operator,
        "/workspaces".into(),
        None,
        vec![
            Probe::new("GET", "/workspaces", 200).token(op),
            Probe::new("GET", "/workspaces", 200)
                .token(op)
                .query("limit=1"),
            Probe::new("GET", "/workspaces", 200)
                .token(op)
                .query("name_contains=CONTRACT&status=active&limit=100"),
            Probe::new("GET", "/workspaces", 200)
                .token(op)
                .query("status=inactive"),
            Probe::new("GET", "/workspaces", 400)
                .token(op)
                .query("cursor=bogus"),
            Probe::new("GET", "/workspaces", 422)
                .token(op)
                .query("limit=0"),
            Probe::new("GET", "/workspaces", 422)
                .token(op)
                .query("limit=x"),
            Probe::new("GET", "/workspaces", 422)
                .token(op)
                .query("status=deleted"),
        ],
    ));
    routes.push(route(
        "GET",
        "/workspaces/stats",
        Audience::Operator,
        "/workspaces/stats".into(),
        None,
        vec![Probe::new("GET", "/workspaces/stats", 200).token(op)],
    ));
    let ws = |id: &str| format!("/workspaces/{id}");
    routes.push(route(
        "GET",
        "/workspaces/{workspace_id}",
        Audience::Operator,
        ws(&w.ws_a),
        None,
        vec![
            Probe::new("GET", &ws(&w.ws_a), 200).token(op),
            Probe::new("GET", &ws(&w.ws_other), 404).token(op),
            Probe::new("GET", &ws(&uuid_like(2)), 404).token(op),
        ],
    ));
    routes.push(route(
        "PUT",
        "/workspaces/{workspace_id}",
        Audience::Operator,
        ws(&w.ws_update),
        Some(json!({"status": "active"})),
        vec![
            Probe::new("PUT", &ws(&w.ws_update), 200)
                .token(op)
                .json(json!({"name": "contract-updated"})),
            Probe::new("PUT", &ws(&w.ws_update), 200)
                .token(op)
                .json(json!({"status": "inactive"})),
            Probe::new("PUT", &ws(&w.ws_update), 200)
                .token(op)
                .json(json!({"name": null, "status": null})),
            Probe::new("PUT", &ws(&w.ws_update), 400)
                .token(op)
                .json(json!({"name": "contract-a"})),
            Probe::new("PUT", &ws(&w.ws_update), 422)
                .token(op)
                .json(json!({"status": "paused"})),
            Probe::new("PUT", &ws(&w.ws_update), 422)
                .token(op)
                .json(json!({"name": 5})),
            Probe::new("PUT", &ws(&w.ws_other), 404)
                .token(op)
                .json(json!({"status": "active"})),
        ],
    ));

    // Definitions.
    let def = |id: &str| format!("/integrations/definitions/sources/{id}");
    routes.push(route(
        "GET",
        "/integrations/definitions/sources",
        Audience::Operator,
        "/integrations/definitions/sources".into(),
        None,
        vec![
            Probe::new("GET", "/integrations/definitions/sources", 200).token(op),
            Probe::new("GET", "/integrations/definitions/sources", 200)
                .token(op)
                .query("name=POST"),
            Probe::new("GET", "/integrations/definitions/sources", 200)
                .token(op)
                .query("name=nothing-matches"),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/definitions/sources/{id}",
        Audience::Operator,
        def(SOURCE_POSTGRES_DEFINITION_ID),
        None,
        vec![
            Probe::new("GET", &def(SOURCE_POSTGRES_DEFINITION_ID), 200).token(op),
            Probe::new("GET", &def(SOURCE_TINY_DEFINITION_ID), 200).token(op),
            Probe::new("GET", &def(DESTINATION_S3_DEFINITION_ID), 404).token(op),
            Probe::new("GET", &def(&uuid_like(3)), 404).token(op),
        ],
    ));
    let dd = "/integrations/definitions/destinations";
    let dd_id = |id: &str| format!("{dd}/{id}");
    routes.push(route(
        "GET",
        "/integrations/definitions/destinations",
        Audience::Operator,
        dd.into(),
        None,
        vec![
            Probe::new("GET", dd, 200).token(op),
            Probe::new("GET", dd, 200).token(op).query(&format!(
                "actorDefinitionIds={DESTINATION_S3_DEFINITION_ID}"
            )),
            Probe::new("GET", dd, 200).token(op).query(&format!(
                "actorDefinitionIds={DESTINATION_S3_DEFINITION_ID}&actorDefinitionIds={}",
                uuid_like(4)
            )),
            Probe::new("GET", dd, 422)
                .token(op)
                .query("actorDefinitionIds=not-a-uuid"),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/definitions/destinations/{id}",
        Audience::Operator,
        dd_id(DESTINATION_S3_DEFINITION_ID),
        None,
        vec![
            Probe::new("GET", &dd_id(DESTINATION_S3_DEFINITION_ID), 200).token(op),
            Probe::new("GET", &dd_id(SOURCE_POSTGRES_DEFINITION_ID), 404).token(op),
            Probe::new("GET", &dd_id(&uuid_like(3)), 404).token(op),
        ],
    ));

    // Tags.
    let tags = "/integrations/templates/tags";
    let tag = |name: &str| format!("{tags}/{name}");
    routes.push(route(
        "GET",
        "/integrations/templates/tags",
        Audience::Operator,
        tags.into(),
        None,
        vec![Probe::new("GET", tags, 200).token(op)],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/tags",
        Audience::Operator,
        tags.into(),
        Some(json!({"name": "x"})),
        vec![
            Probe::new("POST", tags, 200)
                .token(op)
                .json(json!({"name": "contract-new"})),
            Probe::new("POST", tags, 400)
                .token(op)
                .json(json!({"name": "crm"})),
            Probe::new("POST", tags, 422).token(op).json(json!({})),
            Probe::new("POST", tags, 422)
                .token(op)
                .json(json!({"name": "x".repeat(256)})),
        ],
    ));
    routes.push(route(
        "PUT",
        "/integrations/templates/tags/{name}",
        Audience::Operator,
        tag("contract-rename"),
        Some(json!({"name": "x"})),
        vec![
            Probe::new("PUT", &tag("contract-rename"), 200)
                .token(op)
                .json(json!({"name": "contract-renamed"})),
            Probe::new("PUT", &tag("contract-renamed"), 400)
                .token(op)
                .json(json!({"name": "crm"})),
            Probe::new("PUT", &tag("other-only"), 404)
                .token(op)
                .json(json!({"name": "mine-now"})),
            Probe::new("PUT", &tag("contract-renamed"), 422)
                .token(op)
                .json(json!({"name": null})),
        ],
    ));

    // Source templates (operator).
    let st = "/integrations/templates/sources";
    let st_id = |id: &str| format!("{st}/{id}");
    routes.push(route(
        "GET",
        "/integrations/templates/sources",
        Audience::Operator,
        st.into(),
        None,
        vec![
            Probe::new("GET", st, 200).token(op),
            Probe::new("GET", st, 200)
                .token(op)
                .query("tags=crm&tags=other&tags_mode=any"),
            Probe::new("GET", st, 200).token(op).query("tags=crm"),
            Probe::new("GET", st, 422).token(op).query("tags_mode=most"),
            Probe::new("GET", st, 422).token(op).query("tags%5B%5D=crm"),
            Probe::new("GET", st, 200)
                .token(op)
                .query("use_global=true"),
            Probe::new("GET", st, 200)
                .token(op)
                .query("use_global=false&tags=crm"),
            Probe::new("GET", st, 422)
                .token(op)
                .query("use_global=maybe"),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/templates/sources/global",
        Audience::Operator,
        format!("{st}/global"),
        None,
        vec![
            Probe::new("GET", &format!("{st}/global"), 200).token(op),
            Probe::new("GET", &format!("{st}/global"), 200).token(&w.other_op),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/sources",
        Audience::Operator,
        st.into(),
        Some(json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID, "partial_default_config": {}})),
        vec![
            Probe::new("POST", st, 200).token(op).json(json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID, "partial_default_config": {}})),
            Probe::new("POST", st, 200).token(op).json(json!({"actor_definition_id": SOURCE_POSTGRES_DEFINITION_ID, "partial_default_config": {"port": 5432, "password": "pw"},
                "name": "pg", "customization": full_customization()})),
            Probe::new("POST", st, 200).token(op).json(json!({"original_source_template_id": w.tiny_template, "name": "clone"})),
            Probe::new("POST", st, 200).token(op).json(json!({"original_source_template_id": w.tiny_template})),
            Probe::new("POST", st, 200).token(op).json(json!({"original_source_template_id": GLOBAL_POSTGRES_TEMPLATE_ID, "name": "pg from global"})),
            Probe::new("POST", st, 404).token(op).json(json!({"actor_definition_id": uuid_like(4), "partial_default_config": {}})),
            Probe::new("POST", st, 404).token(op).json(json!({"original_source_template_id": w.other_template})),
            Probe::new("POST", st, 422).token(op).json(json!({"partial_default_config": {}})),
            Probe::new("POST", st, 422).token(op).json(json!({"actor_definition_id": SOURCE_POSTGRES_DEFINITION_ID, "partial_default_config": {"password": "**********"}})),
            Probe::new("POST", st, 422).token(op).json(json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID, "partial_default_config": {},
                "customization": {"stream_selection_mode": "whitelist", "stream_whitelist": []}})),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/templates/sources/{id}",
        Audience::Operator,
        st_id(&w.tiny_template),
        None,
        vec![
            Probe::new("GET", &st_id(&w.tiny_template), 200).token(op),
            Probe::new("GET", &st_id(&w.pg_template), 200).token(op),
            Probe::new("GET", &st_id(&w.template_tagged), 200).token(op),
            Probe::new("GET", &st_id(&w.other_template), 404).token(op),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/templates/sources/{id}",
        Audience::Operator,
        st_id(&w.tiny_template),
        Some(json!({"partial_default_config": {"seed": 7}})),
        vec![
            Probe::new("PATCH", &st_id(&w.tiny_template), 200).token(op).json(json!({"partial_default_config": {"seed": 8}, "name": "renamed", "propagate": false})),
            Probe::new("PATCH", &st_id(&w.tiny_template), 200).token(op).json(json!({"partial_default_config": {"seed": 8}, "customization": full_customization()})),
            Probe::new("PATCH", &st_id(&w.tiny_template), 422).token(op).json(json!({"partial_default_config": {}, "customization": {"stream_selection_mode": "some"}})),
            Probe::new("PATCH", &st_id(&w.other_template), 404).token(op).json(json!({"partial_default_config": {}})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/sources/{id}/tags",
        Audience::Operator,
        format!("{}/tags", st_id(&w.tiny_template)),
        Some(json!({"tag": "crm"})),
        vec![
            Probe::new("POST", &format!("{}/tags", st_id(&w.tiny_template)), 200)
                .token(op)
                .json(json!({"tag": "crm"})),
            Probe::new("POST", &format!("{}/tags", st_id(&w.tiny_template)), 404)
                .token(op)
                .json(json!({"tag": "other-only"})),
            Probe::new("POST", &format!("{}/tags", st_id(&w.other_template)), 404)
                .token(op)
                .json(json!({"tag": "crm"})),
            Probe::new("POST", &format!("{}/tags", st_id(&w.tiny_template)), 422)
                .token(op)
                .json(json!({})),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/sources/{id}/tags/{tag_name}",
        Audience::Operator,
        format!("{}/tags/crm", st_id(&w.template_tagged)),
        None,
        vec![
            Probe::new(
                "DELETE",
                &format!("{}/tags/crm", st_id(&w.template_tagged)),
                200,
            )
            .token(op),
            Probe::new(
                "DELETE",
                &format!("{}/tags/crm", st_id(&w.template_tagged)),
                404,
            )
            .token(op),
            Probe::new(
                "DELETE",
                &format!("{}/tags/no-such-tag", st_id(&w.tiny_template)),
                404,
            )
            .token(op),
        ],
    ));

    // Stream catalogs of a source template (read, change, then delete).
    let tc = format!("{}/catalog", st_id(&w.pg_template));
    let ts = format!("{}/streams", st_id(&w.pg_template));
    let other_tc = format!("{}/catalog", st_id(&w.other_template));
    let stream = json!({"name": "events", "suggested": false, "cursor_fields": ["ts"], "primary_key_fields": [["id"]]});
    let patch_ops =
        json!({"patch_ops": [{"op": "replace", "path": "/streams/0/suggested", "value": false}]});
    routes.push(route(
        "GET",
        "/integrations/templates/sources/{source_template_id}/catalog",
        Audience::Operator,
        tc.clone(),
        None,
        vec![
            Probe::new("GET", &tc, 200).token(op),
            Probe::new("GET", &tc, 200).token(op).query("selected=true"),
            Probe::new("GET", &tc, 422)
                .token(op)
                .query("selected=maybe"),
            Probe::new("GET", &other_tc, 404).token(op),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/sources/{source_template_id}/catalog",
        Audience::Operator,
        tc.clone(),
        Some(json!({"sonar_catalog": null})),
        vec![
            Probe::new("POST", &tc, 200).token(op).json(
                json!({"sonar_catalog": {"streams": [stream], "selected_streams": ["events"]}}),
            ),
            Probe::new("POST", &tc, 200)
                .token(op)
                .json(json!({"sonar_catalog": null})),
            Probe::new("POST", &tc, 422).token(op).json(json!({})),
            Probe::new("POST", &tc, 422)
                .token(op)
                .json(json!({"sonar_catalog": {"streams": [{}]}})),
            Probe::new("POST", &other_tc, 404)
                .token(op)
                .json(json!({"sonar_catalog": null})),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/templates/sources/{source_template_id}/catalog",
        Audience::Operator,
        tc.clone(),
        Some(patch_ops.clone()),
        vec![
            Probe::new("PATCH", &tc, 200).token(op).json(patch_ops.clone()),
            Probe::new("PATCH", &tc, 200).token(op).json(json!({"patch_ops": [{"op": "add", "path": "/selected_streams", "value": ["orders"]}]})),
            Probe::new("PATCH", &tc, 422).token(op).json(json!({"patch_ops": [{"op": "remove", "path": "/streams/99"}]})),
            Probe::new("PATCH", &tc, 422).token(op).json(json!({"patch_ops": [{"op": "frobnicate", "path": "/streams"}]})),
            Probe::new("PATCH", &tc, 422).token(op).json(json!({})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/sources/{source_template_id}/catalog/query",
        Audience::Operator,
        format!("{tc}/query"),
        Some(json!({"query": "streams[].name"})),
        vec![
            Probe::new("POST", &format!("{tc}/query"), 200)
                .token(op)
                .json(json!({"query": "streams[].name"})),
            Probe::new("POST", &format!("{tc}/query"), 200)
                .token(op)
                .json(json!({"query": "streams[?name=='users'] | [0]"})),
            Probe::new("POST", &format!("{tc}/query"), 422)
                .token(op)
                .json(json!({"query": "streams[?"})),
            Probe::new("POST", &format!("{tc}/query"), 422)
                .token(op)
                .json(json!({})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/sources/{source_template_id}/streams",
        Audience::Operator,
        ts.clone(),
        Some(json!({"stream": {"name": "sample"}})),
        vec![
            Probe::new("POST", &ts, 200)
                .token(op)
                .json(json!({"stream": stream})),
            Probe::new("POST", &ts, 400)
                .token(op)
                .json(json!({"stream": stream})),
            Probe::new("POST", &ts, 422)
                .token(op)
                .json(json!({"stream": {}})),
            Probe::new("POST", &ts, 422).token(op).json(json!({})),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/templates/sources/{source_template_id}/streams/{stream_name}",
        Audience::Operator,
        format!("{ts}/events"),
        Some(json!({"patch_ops": []})),
        vec![
            Probe::new("PATCH", &format!("{ts}/events"), 200).token(op).json(json!({"patch_ops": [{"op": "add", "path": "/description", "value": "Events"}]})),
            Probe::new("PATCH", &format!("{ts}/events"), 422).token(op).json(json!({"patch_ops": [{"op": "replace", "path": "/name", "value": "users"}]})),
            Probe::new("PATCH", &format!("{ts}/nope"), 404).token(op).json(json!({"patch_ops": []})),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/sources/{source_template_id}/streams/{stream_name}",
        Audience::Operator,
        format!("{ts}/events"),
        None,
        vec![
            Probe::new("DELETE", &format!("{ts}/events"), 200).token(op),
            Probe::new("DELETE", &format!("{ts}/events"), 404).token(op),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/sources/{source_template_id}/catalog",
        Audience::Operator,
        tc.clone(),
        None,
        vec![
            Probe::new("DELETE", &tc, 200).token(op),
            Probe::new("DELETE", &tc, 404).token(op),
            Probe::new("GET", &tc, 404).token(op),
        ],
    ));

    // Stream catalogs of a source definition (creating or deleting one, or deleting a stream,
    // needs an instance-admin token: 403).
    let dc = format!("/integrations/definitions/sources/{SOURCE_POSTGRES_DEFINITION_ID}/catalog");
    let ds = format!("/integrations/definitions/sources/{SOURCE_POSTGRES_DEFINITION_ID}/streams");
    let unknown_dc = format!("/integrations/definitions/sources/{}/catalog", uuid_like(5));
    routes.push(route(
        "GET",
        "/integrations/definitions/sources/{source_definition_id}/catalog",
        Audience::Operator,
        dc.clone(),
        None,
        vec![
            Probe::new("GET", &dc, 200).token(op),
            Probe::new("GET", &dc, 200).token(op).query("selected=true"),
            Probe::new("GET", &unknown_dc, 404).token(op),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/definitions/sources/{source_definition_id}/catalog",
        Audience::Operator,
        dc.clone(),
        Some(json!({"blessed": true})),
        vec![
            Probe::new("PATCH", &dc, 200)
                .token(op)
                .json(json!({"blessed": true})),
            Probe::new("PATCH", &dc, 200)
                .token(op)
                .json(patch_ops.clone()),
            Probe::new("PATCH", &dc, 200)
                .token(op)
                .json(json!({"patch_ops": null, "blessed": null})),
            Probe::new("PATCH", &dc, 422)
                .token(op)
                .json(json!({"patch_ops": [{"op": "remove", "path": "/streams/99"}]})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/definitions/sources/{source_definition_id}/catalog/query",
        Audience::Operator,
        format!("{dc}/query"),
        Some(json!({"query": "length(streams)"})),
        vec![
            Probe::new("POST", &format!("{dc}/query"), 200)
                .token(op)
                .json(json!({"query": "length(streams)"})),
            Probe::new("POST", &format!("{dc}/query"), 422)
                .token(op)
                .json(json!({"query": "["})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/definitions/sources/{source_definition_id}/streams",
        Audience::Operator,
        ds.clone(),
        Some(json!({"stream": {"name": "sample"}})),
        vec![
            Probe::new("POST", &ds, 200)
                .token(op)
                .json(json!({"stream": stream})),
            Probe::new("POST", &ds, 400)
                .token(op)
                .json(json!({"stream": stream})),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/definitions/sources/{source_definition_id}/streams/{stream_name}",
        Audience::Operator,
        format!("{ds}/events"),
        Some(json!({"patch_ops": []})),
        vec![
            Probe::new("PATCH", &format!("{ds}/events"), 200)
                .token(op)
                .json(
                    json!({"patch_ops": [{"op": "replace", "path": "/suggested", "value": true}]}),
                ),
            Probe::new("PATCH", &format!("{ds}/nope"), 404)
                .token(op)
                .json(json!({"patch_ops": []})),
        ],
    ));
    for (method, template, body) in [
        (
            "POST",
            "/integrations/definitions/sources/{source_definition_id}/catalog",
            Some(json!({"catalog_type": "structured"})),
        ),
        (
            "DELETE",
            "/integrations/definitions/sources/{source_definition_id}/catalog",
            None,
        ),
        (
            "DELETE",
            "/integrations/definitions/sources/{source_definition_id}/streams/{stream_name}",
            None,
        ),
    ] {
        let path = template
            .replace("{source_definition_id}", SOURCE_POSTGRES_DEFINITION_ID)
            .replace("{stream_name}", "events");
        let mut probe = Probe::new(method, &path, 403).token(op);
        if let Some(b) = &body {
            probe = probe.json(b.clone());
        }
        routes.push(route(
            method,
            template,
            Audience::Operator,
            path,
            body,
            vec![probe],
        ));
    }

    // Source templates (end user).
    let est = "/embedded/source-templates";
    routes.push(route(
        "GET",
        "/embedded/source-templates",
        Audience::EndUser,
        est.into(),
        None,
        vec![
            Probe::new("GET", est, 200).token(sc),
            Probe::new("GET", est, 200)
                .token(sc)
                .query("tags=crm&tags_mode=all"),
            Probe::new("GET", est, 422)
                .token(sc)
                .query("tags_mode=none"),
            Probe::new("GET", est, 422)
                .token(sc)
                .query("tags%5B%5D=crm"),
        ],
    ));
    routes.push(route(
        "GET",
        "/embedded/source-templates/{id}",
        Audience::EndUser,
        format!("{est}/{}", w.tiny_template),
        None,
        vec![
            Probe::new("GET", &format!("{est}/{}", w.tiny_template), 200).token(sc),
            Probe::new("GET", &format!("{est}/{}", w.other_template), 404).token(sc),
        ],
    ));

    // Connection templates.
    let ct = "/integrations/templates/connections";
    let ct_id = |id: &str| format!("{ct}/{id}");
    let user_hosted = json!({"destination_name": "lake 2", "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
        "destination_config": s3_config(), "non_breaking_changes_preference": "propagate_columns", "sync_on_create": false,
        "data_hosting_type": "user_hosted"});
    routes.push(route(
        "GET",
        "/integrations/templates/connections",
        Audience::Operator,
        ct.into(),
        None,
        vec![
            Probe::new("GET", ct, 200).token(op),
            Probe::new("GET", ct, 200).token(op).query("tags=crm"),
            Probe::new("GET", ct, 200)
                .token(op)
                .query("tags=crm&tags=nope&tags_mode=all"),
            Probe::new("GET", ct, 422).token(op).query("tags_mode=both"),
            Probe::new("GET", ct, 422).token(op).query("tags%5B%5D=crm"),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/connections",
        Audience::Operator,
        ct.into(),
        Some(user_hosted.clone()),
        vec![
            Probe::new("POST", ct, 200).token(op).json(user_hosted.clone()),
            Probe::new("POST", ct, 200).token(op).json(json!({"data_hosting_type": "airbyte_hosted", "cron_expression": "0 0 6 * * ?"})),
            Probe::new("POST", ct, 404).token(op).json(json!({"destination_name": "x", "destination_definition_id": uuid_like(5), "destination_config": {}})),
            Probe::new("POST", ct, 422).token(op).json(json!({"destination_name": "x", "destination_definition_id": DESTINATION_S3_DEFINITION_ID, "destination_config": {}})),
            Probe::new("POST", ct, 422).token(op).json(json!({"data_hosting_type": "airbyte_hosted", "cron_expression": "every day"})),
            Probe::new("POST", ct, 422).token(op).json(json!({"data_hosting_type": "self_hosted"})),
            Probe::new("POST", ct, 422).token(op).json(json!({"destination_name": "x"})),
        ],
    ));
    let cron = format!("{ct}/cron/describe");
    routes.push(route(
        "POST",
        "/integrations/templates/connections/cron/describe",
        Audience::Operator,
        cron.clone(),
        Some(json!({"cron_expression": "0 0 12 * * ?"})),
        vec![
            Probe::new("POST", &cron, 200)
                .token(op)
                .json(json!({"cron_expression": "0 0 12 * * ?"})),
            Probe::new("POST", &cron, 200)
                .token(op)
                .json(json!({"cron_expression": "0 */4 * * * ?"})),
            Probe::new("POST", &cron, 200)
                .token(op)
                .json(json!({"cron_expression": "not a cron"})),
            Probe::new("POST", &cron, 422).token(op).json(json!({})),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/templates/connections/{id}",
        Audience::Operator,
        ct_id(&w.user_hosted),
        None,
        vec![
            Probe::new("GET", &ct_id(&w.user_hosted), 200).token(op),
            Probe::new("GET", &ct_id(&w.airbyte_hosted), 200).token(op),
            Probe::new("GET", &ct_id(&w.connection_tagged), 200).token(op),
            Probe::new("GET", &ct_id(&w.other_connection), 404).token(op),
        ],
    ));
    routes.push(route(
        "PATCH",
        "/integrations/templates/connections/{id}",
        Audience::Operator,
        ct_id(&w.user_hosted),
        Some(json!({"sync_on_create": true})),
        vec![
            Probe::new("PATCH", &ct_id(&w.user_hosted), 200).token(op).json(json!({"cron_expression": "0 0 6 * * ?", "non_breaking_changes_preference": "disable"})),
            Probe::new("PATCH", &ct_id(&w.user_hosted), 200).token(op).json(json!({"cron_expression": null, "destination_name": "lake renamed", "destination_config": s3_config()})),
            Probe::new("PATCH", &ct_id(&w.user_hosted), 422).token(op).json(json!({"non_breaking_changes_preference": "sometimes"})),
            Probe::new("PATCH", &ct_id(&w.airbyte_hosted), 422).token(op).json(json!({"destination_config": s3_config()})),
            Probe::new("PATCH", &ct_id(&w.other_connection), 404).token(op).json(json!({"sync_on_create": true})),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/templates/connections/{id}/tags",
        Audience::Operator,
        format!("{}/tags", ct_id(&w.user_hosted)),
        Some(json!({"tag": "crm"})),
        vec![
            Probe::new("POST", &format!("{}/tags", ct_id(&w.user_hosted)), 200)
                .token(op)
                .json(json!({"tag": "crm"})),
            Probe::new("POST", &format!("{}/tags", ct_id(&w.user_hosted)), 404)
                .token(op)
                .json(json!({"tag": "other-only"})),
            Probe::new("POST", &format!("{}/tags", ct_id(&w.user_hosted)), 422)
                .token(op)
                .json(json!({"tag": ["crm"]})),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/connections/{id}/tags/{tag_name}",
        Audience::Operator,
        format!("{}/tags/crm", ct_id(&w.connection_tagged)),
        None,
        vec![
            Probe::new(
                "DELETE",
                &format!("{}/tags/crm", ct_id(&w.connection_tagged)),
                200,
            )
            .token(op),
            Probe::new(
                "DELETE",
                &format!("{}/tags/crm", ct_id(&w.connection_tagged)),
                404,
            )
            .token(op),
        ],
    ));

    // Destinations, made from connection templates when sources are created.
    let destinations = "/integrations/destinations";
    routes.push(route(
        "GET",
        "/integrations/destinations",
        Audience::Operator,
        format!("{destinations}?workspace_id={}", w.ws_a),
        None,
        vec![
            Probe::new("GET", destinations, 200)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_a)),
            Probe::new("GET", destinations, 200)
                .token(op)
                .query(&format!("workspace_id={}&limit=1", w.ws_a)),
            Probe::new("GET", destinations, 200)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_b)),
            Probe::new("GET", destinations, 422).token(op),
            Probe::new("GET", destinations, 422)
                .token(op)
                .query("workspace_id=nope"),
            Probe::new("GET", destinations, 422)
                .token(op)
                .query(&format!("workspace_id={}&limit=0", w.ws_a)),
            Probe::new("GET", destinations, 400)
                .token(op)
                .query(&format!("workspace_id={}&cursor=garbage", w.ws_a)),
            Probe::new("GET", destinations, 404)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_other)),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/destinations/{id}",
        Audience::Operator,
        format!("{destinations}/{}", w.destination),
        None,
        vec![
            Probe::new("GET", &format!("{destinations}/{}", w.destination), 200).token(op),
            Probe::new(
                "GET",
                &format!("{destinations}/{}", w.other_destination),
                404,
            )
            .token(op),
            Probe::new("GET", &format!("{destinations}/{}", uuid_like(7)), 404).token(op),
            Probe::new("GET", &format!("{destinations}/nope"), 404).token(op),
        ],
    ));

    // Files through a source, the API proxy and source search (the Sonar data-access routes).
    file_routes(w, &mut routes);

    // Sources and checks, for both audiences.
    for (prefix, pw) in &w.sources {
        let (token, audience) = if *prefix == "/embedded/sources" {
            (sc, Audience::EndUser)
        } else {
            (op, Audience::Operator)
        };
        let t =
            |s: &'static str, e: &'static str| if *prefix == "/embedded/sources" { e } else { s };
        let one = |id: &str| format!("{prefix}/{id}");
        let create = json!({"workspace_id": w.ws_a, "source_template_id": w.tiny_template, "source_config": tiny_config(9)});
        let mut list = vec![
            Probe::new("GET", prefix, 200)
                .token(token)
                .query(&format!("workspace_id={}", w.ws_a)),
            Probe::new("GET", prefix, 422).token(token),
            Probe::new("GET", prefix, 422)
                .token(token)
                .query("workspace_id=nope"),
            Probe::new("GET", prefix, 404)
                .token(token)
                .query(&format!("workspace_id={}", w.ws_other)),
        ];
        let mut create_probes = vec![
            Probe::new("POST", prefix, 200).token(token).json(create.clone()),
            Probe::new("POST", prefix, 200).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.pg_template,
                "source_config": pg_config("db.example.com"), "name": "pg", "selected_connection_template_tags": ["crm"],
                "selected_connection_template_tags_mode": "all"})),
            Probe::new("POST", prefix, 404).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.other_template, "source_config": {}})),
            Probe::new("POST", prefix, 422).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.tiny_template, "source_config": {"count": 0}})),
            Probe::new("POST", prefix, 422).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.tiny_template})),
            Probe::new("POST", prefix, 422).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.tiny_template, "source_config": {"count": 1},
                "selected_connection_template_tags_mode": "one"})),
        ];
        let check = format!("{prefix}/check");
        let mut check_probes = vec![
            Probe::new("POST", &check, 200).token(token).json(create.clone()),
            Probe::new("POST", &check, 404).token(token).json(json!({"workspace_id": uuid_like(6), "source_template_id": w.tiny_template, "source_config": {}})),
            Probe::new("POST", &check, 422).token(token).json(json!({"workspace_id": w.ws_a, "source_template_id": w.tiny_template, "source_config": {"count": "many"}})),
        ];
        if audience == Audience::EndUser {
            list.push(
                Probe::new("GET", prefix, 403)
                    .token(token)
                    .query(&format!("workspace_id={}", w.ws_b)),
            );
            create_probes.push(Probe::new("POST", prefix, 403).token(token).json(json!({"workspace_id": w.ws_b, "source_template_id": w.tiny_template, "source_config": tiny_config(1)})));
            check_probes.push(Probe::new("POST", &check, 403).token(token).json(json!({"workspace_id": w.ws_b, "source_template_id": w.tiny_template, "source_config": tiny_config(1)})));
        } else {
            list.push(
                Probe::new("GET", prefix, 200)
                    .token(token)
                    .query(&format!("workspace_id={}", w.ws_b)),
            );
        }
        routes.push(route(
            "GET",
            t("/integrations/sources", "/embedded/sources"),
            audience,
            format!("{prefix}?workspace_id={}", w.ws_a),
            None,
            list,
        ));
        routes.push(route(
            "POST",
            t("/integrations/sources", "/embedded/sources"),
            audience,
            prefix.to_string(),
            Some(create.clone()),
            create_probes,
        ));
        routes.push(route(
            "POST",
            t("/integrations/sources/check", "/embedded/sources/check"),
            audience,
            check.clone(),
            Some(create.clone()),
            check_probes,
        ));
        let status = |id: &str| format!("{prefix}/check/{id}/status");
        routes.push(route(
            "GET",
            t(
                "/integrations/sources/check/{id}/status",
                "/embedded/sources/check/{id}/status",
            ),
            audience,
            status(&pw.check_ok),
            None,
            vec![
                Probe::new("GET", &status(&pw.check_ok), 200).token(token),
                Probe::new("GET", &status(&pw.check_failed), 200).token(token),
                Probe::new("GET", &status(&uuid_like(7)), 404).token(token),
            ],
        ));
        let hidden = if audience == Audience::EndUser {
            &w.source_b
        } else {
            &w.other_source
        };
        routes.push(route(
            "GET",
            t("/integrations/sources/{id}", "/embedded/sources/{id}"),
            audience,
            one(&pw.source),
            None,
            vec![
                Probe::new("GET", &one(&pw.source), 200).token(token),
                Probe::new("GET", &one(hidden), 404).token(token),
            ],
        ));
        routes.push(route(
            "PUT",
            t("/integrations/sources/{id}", "/embedded/sources/{id}"),
            audience,
            one(&pw.source),
            Some(json!({"name": "x"})),
            vec![
                Probe::new("PUT", &one(&pw.source), 200)
                    .token(token)
                    .json(json!({"name": "renamed"})),
                Probe::new("PUT", &one(&pw.source), 200)
                    .token(token)
                    .json(json!({"source_config": tiny_config(10)})),
                Probe::new("PUT", &one(&pw.source), 200)
                    .token(token)
                    .json(json!({"name": null, "source_config": null})),
                Probe::new("PUT", &one(&pw.source), 422)
                    .token(token)
                    .json(json!({"source_config": {"count": 5000}})),
                Probe::new("PUT", &one(hidden), 404)
                    .token(token)
                    .json(json!({"name": "mine"})),
            ],
        ));
        routes.push(route(
            "POST",
            t(
                "/integrations/sources/{id}/check",
                "/embedded/sources/{id}/check",
            ),
            audience,
            format!("{}/check", one(&pw.source)),
            Some(json!({})),
            vec![
                Probe::new("POST", &format!("{}/check", one(&pw.source)), 200)
                    .token(token)
                    .json(json!({})),
                Probe::new("POST", &format!("{}/check", one(&pw.source)), 200)
                    .token(token)
                    .json(json!({"name": "x", "source_config": tiny_config(3)})),
                Probe::new("POST", &format!("{}/check", one(&pw.source)), 422)
                    .token(token)
                    .json(json!({"source_config": {"count": -1}})),
                Probe::new("POST", &format!("{}/check", one(hidden)), 404)
                    .token(token)
                    .json(json!({})),
            ],
        ));
        routes.push(route(
            "DELETE",
            t("/integrations/sources/{id}", "/embedded/sources/{id}"),
            audience,
            one(&pw.source_delete),
            None,
            vec![
                Probe::new("DELETE", &one(&pw.source_delete), 200).token(token),
                Probe::new("DELETE", &one(&pw.source_delete), 404).token(token),
            ],
        ));
    }

    // Connectors (2026): sources under their Agent Engine name, with inline checks and
    // executes.
    let cn = "/integrations/connectors";
    let cn_id = |id: &str| format!("{cn}/{id}");
    let c = &w.connectors;
    let stripe_create = json!({"customer_name": "contract-a", "connector_type": "stripe",
        "replication_config": stripe_config("sk_test_3")});
    routes.push(route(
        "GET",
        "/integrations/connectors",
        Audience::Operator,
        cn.into(),
        None,
        vec![
            Probe::new("GET", cn, 200).token(op),
            Probe::new("GET", cn, 200)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_a)),
            Probe::new("GET", cn, 200)
                .token(op)
                .query("customer_name=contract-a"),
            Probe::new("GET", cn, 200)
                .token(op)
                .query("customer_name=nobody-by-that-name"),
            Probe::new("GET", cn, 200)
                .token(op)
                .query("external_user_id=contract-a"),
            Probe::new("GET", cn, 200).token(op).query(&format!(
                "definition_id={SOURCE_API_DEFINITION_ID}&customer_name=contract-a"
            )),
            Probe::new("GET", cn, 404)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_other)),
            Probe::new("GET", cn, 422)
                .token(op)
                .query("workspace_id=nope"),
            Probe::new("GET", cn, 422)
                .token(op)
                .query("definition_id=nope"),
        ],
    ));
    routes.push(route(
        "POST",
        "/integrations/connectors",
        Audience::Operator,
        cn.into(),
        Some(stripe_create.clone()),
        vec![
            Probe::new("POST", cn, 200).token(op).json(stripe_create.clone()),
            Probe::new("POST", cn, 200).token(op).json(json!({"customer_name": "contract-connectors-new", "definition_id": SOURCE_API_DEFINITION_ID,
                "credentials": {"api_key": "sk_test_4"}, "environment": {"region": "us"}, "name": "direct"})),
            Probe::new("POST", cn, 200).token(op).json(json!({"customer_name": "contract-a", "connector_type": "Stripe",
                "server_side_oauth_secret_id": "oauth-secret-1"})),
            Probe::new("POST", cn, 200).token(op).json(json!({"customer_name": "contract-a", "source_template_id": w.tiny_template,
                "replication_config": tiny_config(3), "selected_connection_template_tags": ["crm"],
                "selected_connection_template_tags_mode": "all"})),
            Probe::new("POST", cn, 400).token(op).json(json!({"customer_name": "contract-a", "connector_type": "sample data",
                "replication_config": tiny_config(3)})),
            Probe::new("POST", cn, 400).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "definition_id": SOURCE_POSTGRES_DEFINITION_ID, "credentials": {}})),
            Probe::new("POST", cn, 404).token(op).json(json!({"customer_name": "contract-a", "connector_type": "mysql", "credentials": {}})),
            Probe::new("POST", cn, 404).token(op).json(json!({"customer_name": "contract-a", "connector_type": "hubspot", "credentials": {}})),
            Probe::new("POST", cn, 404).token(op).json(json!({"customer_name": "contract-a", "definition_id": uuid_like(4), "credentials": {}})),
            Probe::new("POST", cn, 404).token(op).json(json!({"customer_name": "contract-a", "source_template_id": w.other_template, "credentials": {}})),
            Probe::new("POST", cn, 422).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe"})),
            Probe::new("POST", cn, 422).token(op).json(json!({"connector_type": "stripe", "credentials": {}})),
            Probe::new("POST", cn, 422).token(op).json(json!({"customer_name": "contract-a", "credentials": {}})),
            Probe::new("POST", cn, 422).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "replication_config": {"account_id": "acct_1", "client_secret": "s", "start_date": "yesterday"}})),
            Probe::new("POST", cn, 422).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "credentials": {}, "selected_connection_template_tags_mode": "some"})),
        ],
    ));
    let cn_check = format!("{cn}/check");
    routes.push(route(
        "POST",
        "/integrations/connectors/check",
        Audience::Operator,
        cn_check.clone(),
        Some(stripe_create.clone()),
        vec![
            Probe::new("POST", &cn_check, 200).token(op).json(stripe_create.clone()),
            Probe::new("POST", &cn_check, 200).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "replication_config": stripe_config("wrong-secret")})),
            Probe::new("POST", &cn_check, 200).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "credentials": {"api_key": "wrong-password"}})),
            Probe::new("POST", &cn_check, 404).token(op).json(json!({"customer_name": "contract-a", "connector_type": "mysql", "credentials": {}})),
            Probe::new("POST", &cn_check, 422).token(op).json(json!({"customer_name": "contract-a", "connector_type": "stripe",
                "replication_config": {"account_id": 5}})),
        ],
    ));
    routes.push(route(
        "GET",
        "/integrations/connectors/{id}",
        Audience::Operator,
        cn_id(&c.connector),
        None,
        vec![
            Probe::new("GET", &cn_id(&c.connector), 200).token(op),
            Probe::new("GET", &cn_id(&c.other_connector), 404).token(op),
            Probe::new("GET", &cn_id(&uuid_like(7)), 404).token(op),
            Probe::new("GET", &cn_id("nope"), 404).token(op),
        ],
    ));
    routes.push(route(
        "PUT",
        "/integrations/connectors/{id}",
        Audience::Operator,
        cn_id(&c.connector),
        Some(json!({"name": "x"})),
        vec![
            Probe::new("PUT", &cn_id(&c.connector), 200)
                .token(op)
                .json(json!({"name": "contract connector renamed"})),
            Probe::new("PUT", &cn_id(&c.connector), 200)
                .token(op)
                .json(json!({"replication_config": {"lookback_window_days": 3}})),
            Probe::new("PUT", &cn_id(&c.connector), 200)
                .token(op)
                .json(json!({"name": null, "replication_config": null})),
            Probe::new("PUT", &cn_id(&c.connector), 422)
                .token(op)
                .json(json!({"replication_config": {"lookback_window_days": -1}})),
            Probe::new("PUT", &cn_id(&c.other_connector), 404)
                .token(op)
                .json(json!({"name": "mine"})),
        ],
    ));
    let cn_check_one = |id: &str| format!("{cn}/{id}/check");
    routes.push(route(
        "POST",
        "/integrations/connectors/{id}/check",
        Audience::Operator,
        cn_check_one(&c.connector),
        Some(json!({})),
        vec![
            Probe::new("POST", &cn_check_one(&c.connector), 200)
                .token(op)
                .json(json!({})),
            Probe::new("POST", &cn_check_one(&c.connector), 200)
                .token(op)
                .json(json!({"replication_config": {"client_secret": "wrong-secret"}})),
            Probe::new("POST", &cn_check_one(&c.connector_failing), 200)
                .token(op)
                .json(json!({"name": null})),
            Probe::new("POST", &cn_check_one(&c.connector), 422)
                .token(op)
                .json(json!({"replication_config": {"start_date": "soon"}})),
            Probe::new("POST", &cn_check_one(&c.other_connector), 404)
                .token(op)
                .json(json!({})),
        ],
    ));
    let cn_exec = |id: &str| format!("{cn}/{id}/execute");
    let exec = |entity: &str, action: &str, params: Value| json!({"entity": entity, "action": action, "params": params});
    routes.push(route(
        "POST",
        "/integrations/connectors/{id}/execute",
        Audience::Operator,
        cn_exec(&c.connector),
        Some(json!({"entity": "customers", "action": "list"})),
        vec![
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(json!({"entity": "customers", "action": "list"})),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec("customers", "list", json!({"limit": 1}))),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec("customers", "get", json!({"id": "customers-1"}))),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec("invoices", "search", json!({"query": "grace"}))),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec(
                    "customers",
                    "create",
                    json!({"data": {"name": "Edsger Dijkstra"}}),
                )),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec(
                    "customers",
                    "update",
                    json!({"id": "customers-4", "data": {"name": "E. W. Dijkstra"}}),
                )),
            Probe::new("POST", &cn_exec(&c.connector), 200)
                .token(op)
                .json(exec("customers", "delete", json!({"id": "customers-4"}))),
            Probe::new("POST", &cn_exec(&c.connector_failing), 200)
                .token(op)
                .json(json!({"entity": "customers", "action": "list"})),
            Probe::new("POST", &cn_exec(&c.connector), 400)
                .token(op)
                .json(json!({"entity": "contacts", "action": "list"})),
            Probe::new("POST", &cn_exec(&c.connector), 400)
                .token(op)
                .json(json!({"entity": "customers", "action": "explode"})),
            Probe::new("POST", &cn_exec(&c.connector), 400)
                .token(op)
                .json(exec("customers", "get", json!({}))),
            Probe::new("POST", &cn_exec(&c.connector), 404)
                .token(op)
                .json(exec("customers", "get", json!({"id": "customers-99"}))),
            Probe::new("POST", &cn_exec(&c.other_connector), 404)
                .token(op)
                .json(json!({"entity": "users", "action": "list"})),
            Probe::new("POST", &cn_exec(&c.connector), 422)
                .token(op)
                .json(json!({"entity": "customers"})),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/connectors/{id}",
        Audience::Operator,
        cn_id(&c.connector_delete),
        None,
        vec![
            Probe::new("DELETE", &cn_id(&c.connector_delete), 200).token(op),
            Probe::new("DELETE", &cn_id(&c.connector_delete), 404).token(op),
            Probe::new("DELETE", &cn_id(&c.other_connector), 404).token(op),
        ],
    ));

    // The organisation's OAuth apps (2026).
    let oc = "/oauth/credentials";
    let hubspot_app = json!({"connector_type": "hubspot", "configuration": {"client_id": "app-1", "client_secret": "app-secret-1"}});
    routes.push(route(
        "PUT",
        "/oauth/credentials",
        Audience::Operator,
        oc.into(),
        Some(hubspot_app.clone()),
        vec![
            Probe::new("PUT", oc, 200).token(op).json(hubspot_app.clone()),
            Probe::new("PUT", oc, 200).token(op).json(json!({"connector_type": "HubSpot", "configuration": {"client_id": "app-2", "client_secret": "app-secret-2"}})),
            Probe::new("PUT", oc, 200).token(op).json(json!({"connector_definition_id": DESTINATION_S3_DEFINITION_ID, "configuration": {}})),
            Probe::new("PUT", oc, 404).token(op).json(json!({"connector_type": "mysql", "configuration": {}})),
            Probe::new("PUT", oc, 404).token(op).json(json!({"connector_definition_id": uuid_like(4), "configuration": {}})),
            Probe::new("PUT", oc, 422).token(op).json(json!({"connector_type": "hubspot", "connector_definition_id": SOURCE_OAUTH_DEFINITION_ID, "configuration": {}})),
            Probe::new("PUT", oc, 422).token(op).json(json!({"configuration": {}})),
            Probe::new("PUT", oc, 422).token(op).json(json!({"connector_type": "hubspot"})),
            Probe::new("PUT", oc, 422).token(op).json(json!({"connector_type": "hubspot", "configuration": {}, "scope": "global"})),
        ],
    ));
    let oc_del = |t: &str| format!("{oc}/connector_type/{t}");
    routes.push(route(
        "DELETE",
        "/oauth/credentials/connector_type/{connector_type}",
        Audience::Operator,
        oc_del("hubspot"),
        None,
        vec![
            Probe::new("DELETE", &oc_del("hubspot"), 204).token(op),
            Probe::new("DELETE", &oc_del("hubspot"), 204).token(op),
            Probe::new("DELETE", &oc_del("s3"), 204).token(op),
            Probe::new("DELETE", &oc_del("mysql"), 204).token(op),
        ],
    ));

    // Deletions last.
    routes.push(route(
        "DELETE",
        "/integrations/templates/connections/{id}",
        Audience::Operator,
        ct_id(&w.connection_delete),
        None,
        vec![
            Probe::new("DELETE", &ct_id(&w.connection_delete), 200).token(op),
            Probe::new("DELETE", &ct_id(&w.connection_delete), 404).token(op),
            Probe::new("DELETE", &ct_id(&w.other_connection), 404).token(op),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/sources/{id}",
        Audience::Operator,
        st_id(&w.template_delete),
        None,
        vec![
            Probe::new("DELETE", &st_id(&w.template_delete), 200).token(op),
            Probe::new("DELETE", &st_id(&w.template_delete), 404).token(op),
            Probe::new("DELETE", &st_id(&w.other_template), 404).token(op),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/integrations/templates/tags/{name}",
        Audience::Operator,
        tag("contract-delete"),
        None,
        vec![
            Probe::new("DELETE", &tag("contract-delete"), 200).token(op),
            Probe::new("DELETE", &tag("contract-delete"), 404).token(op),
            Probe::new("DELETE", &tag("other-only"), 404).token(op),
        ],
    ));
    routes.push(route(
        "DELETE",
        "/workspaces/{workspace_id}",
        Audience::Operator,
        ws(&w.ws_delete),
        None,
        vec![
            Probe::new("DELETE", &ws(&w.ws_delete), 200).token(op),
            Probe::new("DELETE", &ws(&w.ws_delete), 404).token(op),
            Probe::new("DELETE", &ws(&w.ws_other), 404).token(op),
        ],
    ));
    let _ = &w.other_op;
    routes
}

/// The routes of files through a source, the API proxy and source search, with their probes.
fn file_routes(w: &World, routes: &mut Vec<Route>) {
    let op = w.op.as_str();
    let src = w.sources["/integrations/sources"].source.as_str();
    let other = w.other_source.as_str();
    let route = |method: &'static str,
                 template: &'static str,
                 sample_path: String,
                 sample_body: Option<Value>,
                 probes: Vec<Probe>| Route {
        method,
        template,
        audience: Audience::Operator,
        sample_path,
        sample_body,
        probes,
    };
    let sources = "/sonar/files/sources";
    routes.push(route(
        "GET",
        "/sonar/files/sources",
        format!("{sources}?workspace_id={}", w.ws_a),
        None,
        vec![
            Probe::new("GET", sources, 200)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_a)),
            Probe::new("GET", sources, 200)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_b)),
            Probe::new("GET", sources, 422).token(op),
            Probe::new("GET", sources, 422)
                .token(op)
                .query("workspace_id=nope"),
            Probe::new("GET", sources, 404)
                .token(op)
                .query(&format!("workspace_id={}", w.ws_other)),
        ],
    ));
    let drives = |s: &str| format!("/sonar/files/{s}/drives");
    routes.push(route(
        "GET",
        "/sonar/files/{source_id}/drives",
        drives(src),
        None,
        vec![
            Probe::new("GET", &drives(src), 200).token(op),
            Probe::new("GET", &drives(other), 404).token(op),
            Probe::new("GET", &drives(&uuid_like(7)), 404).token(op),
            Probe::new("GET", &drives("nope"), 404).token(op),
        ],
    ));
    let list = |s: &str, path: &str| format!("/sonar/files/{s}/list/{path}");
    routes.push(route(
        "GET",
        "/sonar/files/{source_id}/list/{path}",
        list(src, "%2F"),
        None,
        vec![
            Probe::new("GET", &list(src, "%2F"), 200).token(op),
            Probe::new("GET", &list(src, "reports%2F2025"), 200)
                .token(op)
                .query("limit=2"),
            Probe::new("GET", &list(src, "reports%2F2025"), 200)
                .token(op)
                .query(&format!("limit=2&continuation_token={}", w.files_next)),
            Probe::new("GET", &list(src, "exports"), 200)
                .token(op)
                .query("limit=100"),
            Probe::new("GET", &list(src, "reports"), 400)
                .token(op)
                .query("continuation_token=garbage"),
            Probe::new("GET", &list(src, "reports"), 422)
                .token(op)
                .query("limit=0"),
            Probe::new("GET", &list(src, "reports"), 422)
                .token(op)
                .query("limit=x"),
            Probe::new("GET", &list(src, "README.md"), 404).token(op),
            Probe::new("GET", &list(src, "nope"), 404).token(op),
            Probe::new("GET", &list(other, "%2F"), 404).token(op),
        ],
    ));
    let drive_list = |d: &str, path: &str| format!("/sonar/files/{src}/drives/{d}/list/{path}");
    routes.push(route(
        "GET",
        "/sonar/files/{source_id}/drives/{drive_id}/list/{path}",
        drive_list("shared", "%2F"),
        None,
        vec![
            Probe::new("GET", &drive_list("shared", "%2F"), 200).token(op),
            Probe::new("GET", &drive_list("shared", "Team%20Notes"), 200)
                .token(op)
                .query("limit=1"),
            Probe::new("GET", &drive_list("main", "reports"), 200).token(op),
            Probe::new("GET", &drive_list("nope", "%2F"), 404).token(op),
            Probe::new("GET", &drive_list("shared", "reports"), 404).token(op),
            Probe::new("GET", &drive_list("shared", "%2F"), 422)
                .token(op)
                .query("limit=-1"),
        ],
    ));
    let get = |s: &str, path: &str| format!("/sonar/files/{s}/get/{path}");
    routes.push(route(
        "GET",
        "/sonar/files/{source_id}/get/{path}",
        get(src, "README.md"),
        None,
        vec![
            Probe::new("GET", &get(src, "README.md"), 200).token(op),
            Probe::new("GET", &get(src, "reports%2F2025%2Fq1%20summary.csv"), 200).token(op),
            Probe::new("GET", &get(src, "reports"), 404).token(op),
            Probe::new("GET", &get(src, "nope.txt"), 404).token(op),
            Probe::new("GET", &get(other, "README.md"), 404).token(op),
        ],
    ));
    let drive_get = |d: &str, path: &str| format!("/sonar/files/{src}/drives/{d}/get/{path}");
    routes.push(route(
        "GET",
        "/sonar/files/{source_id}/drives/{drive_id}/get/{path}",
        drive_get("shared", "Team%20Notes%2Fmeeting%2001.txt"),
        None,
        vec![
            Probe::new(
                "GET",
                &drive_get("shared", "Team%20Notes%2Fmeeting%2001.txt"),
                200,
            )
            .token(op),
            Probe::new("GET", &drive_get("main", "README.md"), 200).token(op),
            Probe::new("GET", &drive_get("shared", "README.md"), 404).token(op),
            Probe::new("GET", &drive_get("nope", "README.md"), 404).token(op),
        ],
    ));

    let proxy = |s: &str| format!("/sonar/apis/{s}/request");
    let get_invoices = json!({"url": "https://api.example.com/v1/invoices", "method": "GET"});
    routes.push(route(
        "POST",
        "/sonar/apis/{source_id}/request",
        proxy(src),
        Some(get_invoices.clone()),
        vec![
            Probe::new("POST", &proxy(src), 200).token(op).json(get_invoices.clone()),
            Probe::new("POST", &proxy(src), 200).token(op).json(json!({
                "url": "https://api.example.com/v1/invoices", "method": "POST",
                "headers": {"Idempotency-Key": "k-1", "Content-Type": "application/json"},
                "body": "{\"amount\": 5}"})),
            Probe::new("POST", &proxy(src), 200).token(op).json(json!({
                "url": "https://api.example.com/status/503", "method": "DELETE", "headers": {}, "body": null})),
            Probe::new("POST", &proxy(src), 200)
                .token(op)
                .json(json!({"url": "https://api.example.com/empty", "method": "PUT"})),
            Probe::new("POST", &proxy(src), 422)
                .token(op)
                .json(json!({"url": "https://api.example.com/x", "method": "PATCH"})),
            Probe::new("POST", &proxy(src), 422)
                .token(op)
                .json(json!({"url": "/v1/relative", "method": "GET"})),
            Probe::new("POST", &proxy(src), 422)
                .token(op)
                .json(json!({"method": "GET"})),
            Probe::new("POST", &proxy(src), 422)
                .token(op)
                .json(json!({"url": "https://api.example.com/x", "method": "GET", "headers": {"a": 1}})),
            Probe::new("POST", &proxy(other), 404).token(op).json(get_invoices.clone()),
        ],
    ));

    let search = |s: &str, stream: &str| format!("/integrations/sources/{s}/search/{stream}");
    let by_id = json!({"query": {"where": {"eq": {"id": 1}}}});
    routes.push(route(
        "POST",
        "/integrations/sources/{id}/search/{stream_name}",
        search(src, "users"),
        Some(by_id.clone()),
        vec![
            Probe::new("POST", &search(src, "users"), 200).token(op).json(by_id.clone()),
            Probe::new("POST", &search(src, "users"), 200).token(op).json(json!({"query": {"where": {"and": [
                {"gte": {"age": 30}}, {"not": {"eq": {"plan": "free"}}},
                {"or": [{"like": {"email": "%@example.com"}}, {"in": {"city": ["Paris", "Lisbon"]}}]}]}}})),
            Probe::new("POST", &search(src, "purchases"), 200).token(op).json(json!({"query": {"where": {"fuzzy": {"product": "notebok"}}}})),
            Probe::new("POST", &search(src, "users"), 200).token(op).json(json!({"query": {"where": {"eq": {"id": -1}}}})),
            Probe::new("POST", &search(src, "nope"), 404).token(op).json(by_id.clone()),
            Probe::new("POST", &search(other, "users"), 404).token(op).json(by_id.clone()),
            Probe::new("POST", &search(src, "users"), 422).token(op).json(json!({"query": {}})),
            Probe::new("POST", &search(src, "users"), 422).token(op).json(json!({"query": {"where": {"between": {"age": [1, 2]}}}})),
            Probe::new("POST", &search(src, "users"), 422).token(op).json(json!({})),
        ],
    ));
}

/// The route's well-formed sample request, without a token, expecting `expect`.
fn sample_probe(route: &Route, expect: u16) -> Probe {
    let mut p = Probe::new(route.method, &route.sample_path, expect);
    if let Some((path, query)) = route.sample_path.split_once('?') {
        p.path = path.to_owned();
        p.query = Some(query.to_owned());
    }
    match &route.sample_body {
        Some(b) => p.json(b.clone()),
        None => p,
    }
}

/// The generic probes every authenticated route gets: no token (401), a malformed
/// `X-Organization-Id` (400) and the other audience's token (403).
fn generic_probes(route: &Route, w: &World) -> Vec<Probe> {
    if route.audience == Audience::Credentials {
        return Vec::new();
    }
    let base = |expect: u16| sample_probe(route, expect);
    let (own, other) = match route.audience {
        Audience::Operator => (&w.op, &w.scoped_a),
        _ => (&w.scoped_a, &w.op),
    };
    vec![
        base(401),
        base(401).token("not-a-token"),
        base(400)
            .token(own)
            .header("x-organization-id", "not-a-uuid"),
        base(403)
            .token(own)
            .header("x-organization-id", OTHER_ORGANIZATION_ID),
        base(403).token(other),
    ]
}

/// Responses checked so far.
struct ResponseRun<'c> {
    contract: &'c Contract,
    /// The sandbox's error style (`fastapi`, `api-error`), for the reports.
    style: &'static str,
    findings: Findings,
    /// Route key (document template) → statuses seen.
    coverage: BTreeMap<String, BTreeSet<u16>>,
    responses: usize,
    check_states: BTreeSet<String>,
    /// Route key → whether its document declares 500, for every route probed with an injected
    /// [`FaultAction::InternalError`].
    internal_error_documented: BTreeMap<String, bool>,
}

impl ResponseRun<'_> {
    fn run(&mut self, http: &Http, probe: &Probe) -> Reply {
        let reply = http.send(probe);
        let full_path = format!("/api/v1{}", probe.path);
        let what = format!(
            "{} {}{}",
            probe.method,
            probe.path,
            probe
                .query
                .as_deref()
                .map(|q| format!("?{q}"))
                .unwrap_or_default()
        );
        assert_eq!(
            reply.status, probe.expect,
            "probe {what} got {} instead of {}: {}",
            reply.status, probe.expect, reply.text
        );
        let Some((op, _)) = self.contract.find(probe.method, &full_path) else {
            self.findings.unexpected.push(format!(
                "{what}: the sandbox serves a route neither document has"
            ));
            return reply;
        };
        self.responses += 1;
        self.coverage
            .entry(op.key())
            .or_default()
            .insert(reply.status);
        if let Some(state) = reply
            .json
            .get("status")
            .and_then(Value::as_str)
            .filter(|_| probe.path.contains("/check/"))
        {
            self.check_states.insert(state.to_owned());
        }
        for v in self
            .contract
            .check_response(&op, reply.status, &reply.headers, &reply.text)
        {
            self.findings.add(
                RESPONSE_ALLOWLIST,
                &op.key(),
                reply.status,
                format!(
                    "{what} → {} ({}, {} errors): {v}",
                    reply.status, op.doc.name, self.style
                ),
            );
        }
        reply
    }
}

fn sandbox(rate_limit: u32, error_style: ErrorStyle) -> Sandbox {
    Sandbox::start(SandboxConfig {
        check_duration: Duration::from_millis(40),
        rate_limit_per_hour: rate_limit,
        error_style,
        ..Default::default()
    })
    .expect("sandbox starts")
}

/// Probes every route of a sandbox sending error bodies in `style`, into `run`; returns the
/// documented operations it does not serve.
fn probe_sandbox(contract: &Contract, style: ErrorStyle, run: &mut ResponseRun<'_>) -> Vec<String> {
    let sb = sandbox(100_000, style);
    let http = Http::new(&sb);
    let world = build_world(&http);
    // Let the setup's check jobs finish (they last 40 ms).
    std::thread::sleep(Duration::from_millis(60));
    let routes = routes(&world);
    // A check job seen in its first phase, before it finishes.
    let fresh = http.ok(
        "POST",
        "/integrations/sources/check",
        &world.op,
        Some(json!({"workspace_id": world.ws_a, "source_template_id": world.tiny_template, "source_config": tiny_config(2)})),
    );
    let _ = run.run(
        &http,
        &Probe::new(
            "GET",
            &format!(
                "/integrations/sources/check/{}/status",
                fresh["id"].as_str().unwrap()
            ),
            200,
        )
        .token(&world.op),
    );
    let mut served: BTreeSet<String> = BTreeSet::new();
    for route in &routes {
        let key = format!("{} /api/v1{}", route.method, route.template);
        let (op, _) = contract
            .find(route.method, &format!("/api/v1{}", route.template))
            .unwrap_or_else(|| panic!("{key}: not in either document"));
        assert_eq!(
            op.key(),
            key,
            "the route table names the contract's template"
        );
        served.insert(key);
        for probe in generic_probes(route, &world).iter().chain(&route.probes) {
            run.run(&http, probe);
        }
    }
    // Every route gets the sandbox's own 500: its sample request, with the token it admits,
    // after one InternalError fault on exactly that method and path.
    let fired = sb.faults_fired();
    for route in &routes {
        let probe = match route.audience {
            Audience::Credentials => sample_probe(route, 500),
            Audience::Operator => sample_probe(route, 500).token(&world.op),
            Audience::EndUser => sample_probe(route, 500).token(&world.scoped_a),
        };
        sb.inject_fault(Fault::new(FaultAction::InternalError).on(route.method, &probe.path));
        let _ = run.run(&http, &probe);
        let (op, _) = contract
            .find(route.method, &format!("/api/v1{}", route.template))
            .unwrap();
        run.internal_error_documented
            .insert(op.key(), op.response_schema(500).is_some());
    }
    assert_eq!(
        sb.faults_fired() - fired,
        routes.len() as u64,
        "each 500 probe used its own fault"
    );
    // Every route gets a 429 from a sandbox whose organisation has used up its requests.
    let limited = sandbox(3, style);
    let lhttp = Http::new(&limited);
    let lop = lhttp.operator_token(CLIENT_ID, CLIENT_SECRET);
    let lsc = lhttp.scoped_token(&lop, "limited");
    let _ = lhttp.send(&Probe::new("GET", "/workspaces/stats", 200).token(&lop));
    for route in &routes {
        let path = route
            .sample_path
            .split('?')
            .next()
            .unwrap()
            .split('/')
            .map(|s| {
                if s.len() == 36 && s.matches('-').count() == 4 {
                    uuid_like(8)
                } else {
                    s.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let mut probe = Probe::new(route.method, &path, 429);
        probe = match route.audience {
            Audience::Credentials => probe,
            Audience::Operator => probe.token(&lop),
            Audience::EndUser => probe.token(&lsc),
        };
        if let Some(b) = &route.sample_body {
            probe = probe.json(b.clone());
        }
        let reply = run.run(&lhttp, &probe);
        assert!(
            reply.headers.iter().any(|(n, _)| n == "retry-after"),
            "{} {path}: 429 without Retry-After",
            route.method
        );
    }
    // No documented route answers without being in the table (a new sandbox route must get
    // probes), except those listed as shadowed.
    let mut not_served = Vec::new();
    for name in [support::SONAR, support::AGENT_ENGINE] {
        for op in contract.operations_of(name) {
            let key = op.key();
            if served.contains(&key) {
                continue;
            }
            // The era rule: a route in both documents is the 2025 one.
            if name == support::AGENT_ENGINE
                && contract
                    .operation_in(support::SONAR, op.method, op.path)
                    .is_some()
            {
                continue;
            }
            let concrete: String = op
                .path
                .split('/')
                .map(|s| {
                    if s.starts_with('{') {
                        uuid_like(9)
                    } else {
                        s.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let method: &'static str = match op.method {
                "get" => "GET",
                "post" => "POST",
                "put" => "PUT",
                "patch" => "PATCH",
                "delete" => "DELETE",
                other => panic!("method {other}"),
            };
            let mut probe = Probe::new(method, concrete.strip_prefix("/api/v1").unwrap(), 0);
            if contract.takes_body(&op) {
                probe = probe.json(json!({}));
            }
            let reply = http.send(&probe);
            let fallback = (reply.status == 404 && reply.json == json!({"detail": "Not Found"}))
                || reply.status == 405;
            if let Some((_, why)) = SHADOWED.iter().find(|(k, _)| *k == key) {
                not_served.push(format!("{key} ({why})"));
            } else if fallback {
                not_served.push(format!(
                    "{key}{}",
                    if op.deprecated() { " (deprecated)" } else { "" }
                ));
            } else {
                run.findings.unexpected.push(format!(
                    "{key}: the sandbox answers it ({} {}) but the route table has no probes for it",
                    reply.status, reply.text
                ));
            }
        }
    }
    not_served
}

/// Part 1, in both error styles. Returns the summary fragment and the findings.
fn check_sandbox_responses(contract: &Contract) -> (String, Findings) {
    let mut run = ResponseRun {
        contract,
        style: "",
        findings: Findings::default(),
        coverage: BTreeMap::new(),
        responses: 0,
        check_states: BTreeSet::new(),
        internal_error_documented: BTreeMap::new(),
    };
    let mut not_served = Vec::new();
    for style in [ErrorStyle::FastApi, ErrorStyle::ApiError] {
        run.style = style.name();
        not_served = probe_sandbox(contract, style, &mut run);
    }
    let statuses: BTreeSet<u16> = run.coverage.values().flatten().copied().collect();
    println!("contract, sandbox responses by route (statuses exercised):");
    for (route, seen) in &run.coverage {
        println!("  {route}: {seen:?}");
    }
    println!(
        "  check states seen: {:?}",
        run.check_states.iter().collect::<Vec<_>>()
    );
    let undocumented: Vec<&str> = run
        .internal_error_documented
        .iter()
        .filter(|(_, documented)| !**documented)
        .map(|(route, _)| route.as_str())
        .collect();
    println!(
        "  500 (the sandbox's own, one injected InternalError fault per probe): {} routes, {}",
        run.internal_error_documented.len(),
        if undocumented.is_empty() {
            "every one documents 500".to_owned()
        } else {
            format!(
                "{} document no 500 (held to the supplement's 500 rule alone, a violation without one): {}",
                undocumented.len(),
                undocumented.join(", ")
            )
        }
    );
    println!(
        "  documented but not served by the sandbox ({}): {}",
        not_served.len(),
        not_served.join(", ")
    );
    let line = format!(
        "{} routes × {} statuses {:?}, {} responses (both error styles)",
        run.coverage.len(),
        statuses.len(),
        statuses,
        run.responses
    );
    println!(
        "contract, sandbox responses: {line}, {}",
        run.findings.summary(RESPONSE_ALLOWLIST)
    );
    (line, run.findings)
}

// ---------------------------------------------------------------------------------------------
// Part 2: the SDK's requests

fn client_config(sandbox: &Sandbox, routes: TokenRoutes, organization: bool) -> ClientConfig {
    let mut b = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .token_routes(routes);
    if organization {
        b = b.organization_id(ORGANIZATION_ID);
    }
    b.build().expect("config builds")
}

/// A representative run of the SDK's calls: every operation of both clients, both token
/// route families, with and without `X-Organization-Id`.
fn run_sdk(sb: &Sandbox) {
    let op = OperatorClient::new(
        client_config(sb, TokenRoutes::Embedded, false),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .expect("client");
    let unvalidated = WriteOptions::unvalidated();
    let wait = WaitOptions {
        timeout: Duration::from_secs(10),
        initial_interval: Duration::from_millis(20),
        max_interval: Duration::from_millis(50),
    };

    // Catalogue.
    op.definitions().list_sources(None).unwrap();
    op.definitions().list_sources(Some("post gres")).unwrap();
    op.definitions()
        .get_source(SOURCE_POSTGRES_DEFINITION_ID)
        .unwrap();

    // Tags.
    op.tags().create("sdk crm").unwrap();
    op.tags().create("sdk-old").unwrap();
    op.tags().list().unwrap();
    op.tags().rename("sdk-old", "sdk/new").unwrap();
    op.tags().delete("sdk/new").unwrap();

    // Source templates.
    let templates = op.source_templates();
    let mut create = SourceTemplateCreate::new(
        SOURCE_TINY_DEFINITION_ID,
        json!({"seed": 1}).as_object().unwrap().clone(),
    )
    .name("sdk tiny");
    create.customization = Some(Customization {
        stream_selection_mode: Some(StreamSelectionMode::Whitelist),
        stream_whitelist: Some(vec!["users".into()]),
        ..Customization::default()
    });
    let tiny = templates.create(&create).unwrap();
    let pg = templates
        .create(&SourceTemplateCreate::new(
            SOURCE_POSTGRES_DEFINITION_ID,
            json!({"port": 5432}).as_object().unwrap().clone(),
        ))
        .unwrap();
    templates.list(&TagFilter::default()).unwrap();
    templates
        .list(&TagFilter::new(["sdk crm", "b&c"], TagsMode::Any))
        .unwrap();
    templates
        .list(&TagFilter {
            tags: vec!["sdk crm".into()],
            mode: None,
        })
        .unwrap();
    templates.get(&tiny.id).unwrap();
    templates
        .update(
            &tiny.id,
            &SourceTemplateUpdate {
                name: Some("sdk tiny 2".into()),
                partial_default_config: json!({"seed": 2}).as_object().unwrap().clone(),
                customization: None,
                propagate: Some(true),
            },
        )
        .unwrap();
    templates.add_tag(&tiny.id, "sdk crm").unwrap();
    templates.remove_tag(&tiny.id, "sdk crm").unwrap();
    let copy = templates
        .clone_template(&tiny.id, Some("sdk copy"))
        .unwrap();
    templates.clone_template(&tiny.id, None).unwrap();
    templates.delete(&copy.id).unwrap();

    // Connection templates.
    let connections = op.connection_templates();
    let user_hosted = connections
        .create(
            &ConnectionTemplateCreate::user_hosted(
                "sdk lake",
                DESTINATION_S3_DEFINITION_ID,
                s3_config().as_object().unwrap().clone(),
            )
            .cron_expression("0 0 12 * * ?"),
        )
        .unwrap();
    let airbyte_hosted = connections
        .create(&ConnectionTemplateCreate::airbyte_hosted())
        .unwrap();
    connections.list(&TagFilter::default()).unwrap();
    connections
        .list(&TagFilter::new(["sdk crm"], TagsMode::All))
        .unwrap();
    connections.get(&user_hosted.id).unwrap();
    connections
        .update(
            &user_hosted.id,
            &ConnectionTemplateUpdate {
                cron_expression: Some("0 0 6 * * ?".into()),
                sync_on_create: Some(false),
                ..Default::default()
            },
        )
        .unwrap();
    connections.add_tag(&user_hosted.id, "sdk crm").unwrap();
    connections.remove_tag(&user_hosted.id, "sdk crm").unwrap();
    connections.describe_cron("0 */4 * * * ?").unwrap();
    connections.delete(&airbyte_hosted.id).unwrap();

    // Tokens.
    op.scoped_token("sdk-ws").unwrap();
    let mut scoped = ScopedTokenRequest::new("sdk-eu");
    scoped.region_id = Some(airbyte_embedded::REGION_EU.into());
    op.mint_scoped_token(&scoped).unwrap();
    let mut widget = WidgetTokenRequest::new("sdk-ws", "https://app.example.com");
    widget.selected_source_template_tags = vec!["sdk crm".into()];
    widget.selected_connection_template_tags_mode = Some(TagsMode::All);
    op.mint_widget_token(&widget).unwrap();

    // End user: templates, sources, checks.
    let end_user = op.end_user_client("sdk-ws").unwrap();
    end_user.token_info().unwrap();
    let ws = end_user.workspace_id().unwrap();
    end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    end_user
        .source_templates()
        .list(&TagFilter::new(["sdk crm"], TagsMode::Any))
        .unwrap();
    end_user.source_templates().get(&tiny.id).unwrap();
    for (sources, label) in [(end_user.sources(), "end user"), (op.sources(), "operator")] {
        let create = SourceCreate::new(&ws, &tiny.id, tiny_config(5).as_object().unwrap().clone())
            .name(format!("sdk {label}"));
        let source = sources.create(&create).unwrap();
        let mut tagged = SourceCreate::new(
            &ws,
            &pg.id,
            pg_config("db.example.com").as_object().unwrap().clone(),
        );
        tagged.selected_connection_template_tags = vec!["sdk crm".into()];
        let pg_source = sources.create_with(&tagged, &unvalidated).unwrap();
        sources.list(&ws).unwrap();
        sources.get(&source.id).unwrap();
        sources
            .update(
                &source.id,
                &SourceUpdate {
                    name: Some("renamed".into()),
                    source_config: None,
                },
            )
            .unwrap();
        sources
            .update_with(
                &source.id,
                &SourceUpdate {
                    name: None,
                    source_config: Some(tiny_config(6).as_object().unwrap().clone()),
                },
                &unvalidated,
            )
            .unwrap();
        let job = sources
            .check_config(&create, &WriteOptions::default())
            .unwrap();
        sources.check_status(&job.id).unwrap();
        sources.wait_for_check(&job.id, &wait).unwrap();
        let job = sources
            .check(
                &pg_source.id,
                &SourceUpdate {
                    name: None,
                    source_config: Some(pg_config("db.invalid").as_object().unwrap().clone()),
                },
                &WriteOptions::default(),
            )
            .unwrap();
        sources.wait_for_check(&job.id, &wait).unwrap();
        sources
            .check(&source.id, &SourceUpdate::default(), &unvalidated)
            .unwrap();
        sources.delete(&pg_source.id).unwrap();
    }

    // Connectors (2026) and the organisation's OAuth apps.
    let object = |v: Value| v.as_object().unwrap().clone();
    templates
        .create(&SourceTemplateCreate::new(
            SOURCE_API_DEFINITION_ID,
            object(json!({"lookback_window_days": 1})),
        ))
        .unwrap();
    let connectors = op.connectors();
    let mut request = ConnectorCreate::new("sdk-ws", "stripe")
        .name("sdk connector")
        .replication_config(object(stripe_config("sk_test_sdk")));
    request.selected_connection_template_tags = vec!["sdk crm".into()];
    connectors.check_config(&request).unwrap();
    let connector = connectors.create(&request).unwrap();
    let mut direct = ConnectorCreate::new("sdk-ws", "stripe")
        .credentials(object(json!({"api_key": "sk_test_direct"})));
    direct.connector_type = None;
    direct.definition_id = Some(SOURCE_API_DEFINITION_ID.into());
    direct.environment = Some(object(json!({"region": "us"})));
    direct.selected_connection_template_tags_mode = Some(TagsMode::All);
    connectors.create(&direct).unwrap();
    connectors.list(&ConnectorFilter::default()).unwrap();
    connectors
        .list(&ConnectorFilter {
            workspace_id: Some(ws.clone()),
            workspace_name: Some("sdk-ws".into()),
            definition_id: Some(SOURCE_API_DEFINITION_ID.into()),
        })
        .unwrap();
    connectors.get(&connector.id).unwrap();
    let partial = ConnectorUpdate {
        name: Some("sdk connector 2".into()),
        replication_config: Some(object(json!({"lookback_window_days": 2}))),
    };
    connectors.update(&connector.id, &partial).unwrap();
    connectors.check(&connector.id, &partial).unwrap();
    connectors
        .check(&connector.id, &ConnectorUpdate::default())
        .unwrap();
    connectors
        .execute(
            &connector.id,
            &ConnectorExecute::new("customers", ConnectorAction::List),
        )
        .unwrap();
    connectors
        .execute(
            &connector.id,
            &ConnectorExecute::new("customers", ConnectorAction::Create)
                .params(object(json!({"data": {"name": "sdk"}}))),
        )
        .unwrap();
    connectors.delete(&connector.id).unwrap();
    let apps = op.oauth_credentials();
    apps.set(&OAuthCredentialsRequest::for_connector_type(
        "hubspot",
        object(json!({"client_id": "sdk-app", "client_secret": "sdk-app-secret"})),
    ))
    .unwrap();
    apps.set(&OAuthCredentialsRequest::for_definition(
        DESTINATION_S3_DEFINITION_ID,
        object(json!({})),
    ))
    .unwrap();
    apps.delete("hubspot").unwrap();

    // Workspaces.
    let workspaces = op.workspaces();
    let filter = WorkspaceFilter {
        name_contains: Some("sdk".into()),
        status: None,
        limit: Some(1),
    };
    let first = workspaces.list_page(&filter, None).unwrap();
    let mut pages = workspaces.iter(filter.clone());
    while pages.next_page().unwrap().is_some() {}
    workspaces
        .list_page(
            &WorkspaceFilter {
                name_contains: None,
                status: Some(airbyte_embedded::workspaces::WorkspaceStatus::Active),
                limit: None,
            },
            None,
        )
        .unwrap();
    workspaces.stats().unwrap();
    let ws_eu = workspaces
        .list_page(
            &WorkspaceFilter {
                name_contains: Some("sdk-eu".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap()
        .data[0]
        .id
        .clone();
    workspaces.get(&first.data[0].id).unwrap();
    workspaces
        .update(
            &ws_eu,
            &WorkspaceUpdate {
                name: Some("sdk-eu-renamed".into()),
                ..Default::default()
            },
        )
        .unwrap();
    workspaces.deactivate(&ws_eu).unwrap();
    workspaces.delete(&ws_eu).unwrap();

    run_sdk_sonar(&op, &ws, &tiny.id);

    // The 2026 token routes, and X-Organization-Id on every call.
    let newer = OperatorClient::new(
        client_config(sb, TokenRoutes::Applications, true),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .expect("client");
    newer.scoped_token("sdk-new").unwrap();
    newer
        .mint_widget_token(&WidgetTokenRequest::new("sdk-new", "null"))
        .unwrap();
    let end_user = newer.end_user_client("sdk-new").unwrap();
    end_user.token_info().unwrap();
    end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    newer.workspaces().stats().unwrap();
}

/// Part 2. Returns the summary fragment and the findings.
/// Files through a source, the API proxy and source search, for a new source of `template`
/// in workspace `ws`.
fn run_sdk_sonar(op: &OperatorClient, ws: &str, template: &str) {
    let source = op
        .sources()
        .create(&SourceCreate::new(
            ws,
            template,
            tiny_config(5).as_object().unwrap().clone(),
        ))
        .unwrap();
    let files = op.files();
    files.sources(ws).unwrap();
    files.drives(&source.id).unwrap();
    let folder = FolderQuery::new(&source.id, "reports/2025").limit(3);
    let first = files.list_page(&folder, None).unwrap();
    files.list_page(&folder, first.next.as_deref()).unwrap();
    assert_eq!(files.iter(&folder).count(), 4);
    files
        .list_page(&FolderQuery::new(&source.id, "/").on_drive("shared"), None)
        .unwrap();
    let mut content = Vec::new();
    std::io::Read::read_to_end(
        &mut files
            .open(&source.id, None, "reports/2025/q1 summary.csv")
            .unwrap(),
        &mut content,
    )
    .unwrap();
    files
        .open(&source.id, Some("shared"), "Team Notes/meeting 01.txt")
        .unwrap();
    let proxy = op.proxy();
    proxy
        .request(
            &source.id,
            &ProxyRequest::new(ProxyMethod::Get, "https://api.example.com/v1/invoices"),
        )
        .unwrap();
    proxy
        .request(
            &source.id,
            &ProxyRequest::new(ProxyMethod::Post, "https://api.example.com/v1/charges")
                .header("Idempotency-Key", "sdk-1")
                .body("{\"amount\": 5}"),
        )
        .unwrap();
    op.source_search()
        .search(
            &source.id,
            "users",
            &SearchRequest::new(Condition::and([
                Condition::gte("id", 2),
                Condition::negate(Condition::is_in("plan", ["free"])),
                Condition::or([
                    Condition::like("email", "%@example.com"),
                    Condition::fuzzy("name", "ada"),
                ]),
            ])),
        )
        .unwrap();
}

fn check_sdk_requests(contract: &Contract) -> (String, Findings) {
    let sb = sandbox(100_000, ErrorStyle::default());
    run_sdk(&sb);
    let mut findings = Findings::default();
    let mut routes: BTreeSet<String> = BTreeSet::new();
    let mut requests = 0;
    let mut bodies = 0;
    let mut query_params = 0;
    let mut undeclared: BTreeSet<String> = BTreeSet::new();
    assert!(
        sb.requests_received() < airbyte_embedded_sandbox::MAX_RECORDED_REQUESTS as u64,
        "the request log dropped requests"
    );
    for r in sb.requests() {
        requests += 1;
        let what = format!(
            "{} {}{}",
            r.method,
            r.path,
            r.query
                .as_deref()
                .map(|q| format!("?{q}"))
                .unwrap_or_default()
        );
        let Some((op, _)) = contract.find(&r.method, &r.path) else {
            findings.add(
                REQUEST_ALLOWLIST,
                "*",
                0,
                format!("{what}: the SDK calls a route neither document has"),
            );
            continue;
        };
        routes.insert(op.key());
        if !r.body.is_empty() {
            bodies += 1;
        }
        query_params += support::parse_query(r.query.as_deref().unwrap_or("")).len();
        assert!(!r.body_truncated(), "{what}: body truncated in the log");
        if let Some(body) = r.body_json() {
            for field in contract.undeclared_body_properties(&op, &body) {
                undeclared.insert(format!("{} `{field}`", op.key()));
            }
        }
        for v in contract.check_request(&op, &r.path, r.query.as_deref(), &r.headers, &r.body) {
            findings.add(
                REQUEST_ALLOWLIST,
                &op.key(),
                0,
                format!("{what} ({}): {v}", op.doc.name),
            );
        }
    }
    let line = format!(
        "{requests} SDK requests to {} routes ({bodies} bodies, {query_params} query parameters)",
        routes.len()
    );
    println!("contract, SDK requests by route:");
    for route in &routes {
        println!("  {route}");
    }
    println!(
        "  body fields the route's schema does not declare (not violations: the schemas are open): {}",
        if undeclared.is_empty() {
            "none".to_owned()
        } else {
            undeclared.iter().cloned().collect::<Vec<_>>().join(", ")
        }
    );
    println!(
        "contract, SDK requests: {line}, {}",
        findings.summary(REQUEST_ALLOWLIST)
    );
    (line, findings)
}

#[test]
fn every_sdk_request_keeps_the_published_contract() {
    let started = Instant::now();
    let contract = Contract::load();
    let (line, findings) = check_sdk_requests(&contract);
    println!(
        "contract: {line}, {} ({:.1} s)",
        findings.summary(REQUEST_ALLOWLIST),
        started.elapsed().as_secs_f64()
    );
    for (i, v) in &findings.allowed {
        println!("  allowed ({}): {v}", REQUEST_ALLOWLIST[*i].reason);
    }
    for v in &findings.unexpected {
        println!("  VIOLATION: {v}");
    }
    let stale = findings.unused(REQUEST_ALLOWLIST);
    assert!(
        stale.is_empty(),
        "allowlist entries that match nothing any more (remove them): {:?}",
        stale
            .iter()
            .map(|a| format!("{} {}: {}", a.route, a.status, a.contains))
            .collect::<Vec<_>>()
    );
    assert!(
        findings.unexpected.is_empty(),
        "{} contract violations:\n{}",
        findings.unexpected.len(),
        findings
            .unexpected
            .iter()
            .map(|v| format!("  - {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_sandbox_response_keeps_the_published_contract() {
    let started = Instant::now();
    let contract = Contract::load();
    let (line, findings) = check_sandbox_responses(&contract);
    println!(
        "contract: {line}, {} ({:.1} s)",
        findings.summary(RESPONSE_ALLOWLIST),
        started.elapsed().as_secs_f64()
    );
    for (i, v) in &findings.allowed {
        println!("  allowed ({}): {v}", RESPONSE_ALLOWLIST[*i].reason);
    }
    for v in &findings.unexpected {
        println!("  VIOLATION: {v}");
    }
    let stale = findings.unused(RESPONSE_ALLOWLIST);
    assert!(
        stale.is_empty(),
        "allowlist entries that match nothing any more (remove them): {:?}",
        stale
            .iter()
            .map(|a| format!("{} {}: {}", a.route, a.status, a.contains))
            .collect::<Vec<_>>()
    );
    assert!(
        findings.unexpected.is_empty(),
        "{} contract violations:\n{}",
        findings.unexpected.len(),
        findings
            .unexpected
            .iter()
            .map(|v| format!("  - {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The checks find what they are meant to find: a missing required field, a malformed UUID, an
/// error body in neither documented shape, a status neither document declares, a bad request.
#[test]
fn the_contract_checks_catch_violations() {
    let contract = Contract::load();
    let (op, params) = contract
        .find("GET", &format!("/api/v1/workspaces/{}", uuid_like(1)))
        .unwrap();
    assert_eq!(op.key(), "GET /api/v1/workspaces/{workspace_id}");
    assert_eq!(op.doc.name, support::SONAR);
    assert_eq!(params, vec![("workspace_id".to_owned(), uuid_like(1))]);
    let good = json!({"id": uuid_like(1), "name": "w", "organization_id": uuid_like(2),
        "status": "active", "created_at": "2025-10-08T10:30:00Z", "updated_at": "2025-10-08T10:30:00Z"});
    let check =
        |status: u16, body: &Value| contract.check_response(&op, status, &[], &body.to_string());
    assert!(check(200, &good).is_empty(), "{:?}", check(200, &good));
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("id");
    assert!(
        check(200, &missing)
            .iter()
            .any(|v| v.contains("\"id\" is a required property"))
    );
    let mut bad_uuid = good.clone();
    bad_uuid["organization_id"] = json!("org-1");
    assert!(
        check(200, &bad_uuid).iter().any(|v| v.contains("uuid")),
        "{:?}",
        check(200, &bad_uuid)
    );
    let mut bad_enum = good;
    bad_enum["status"] = json!("paused");
    assert!(!check(200, &bad_enum).is_empty());
    assert!(check(404, &json!({"detail": "Workspace not found"})).is_empty());
    assert!(
        check(
            422,
            &json!({"detail": [{"loc": ["body", "status"], "msg": "m", "type": "t"}]})
        )
        .is_empty()
    );
    assert!(check(403, &json!({"message": "no", "errors": []})).is_empty());
    assert!(
        !check(403, &json!({"error": "no"})).is_empty(),
        "neither documented error shape"
    );
    assert!(!check(422, &json!({"detail": [{"msg": "m"}]})).is_empty());
    assert!(!check(418, &json!({})).is_empty(), "an undeclared status");
    assert!(
        !contract
            .check_response(
                &op,
                429,
                &[("retry-after".into(), "soon".into())],
                "{\"detail\": \"slow down\"}"
            )
            .is_empty()
    );
    assert!(contract.find("GET", "/api/v1/nowhere").is_none());
    // A file's bytes are not parsed as JSON on the streamed routes' 200, and only there.
    let (file, _) = contract
        .find(
            "GET",
            &format!("/api/v1/sonar/files/{}/get/a.bin", uuid_like(1)),
        )
        .unwrap();
    assert!(
        contract
            .check_response(&file, 200, &[], "\u{1}PK binary")
            .is_empty()
    );
    assert!(
        !contract
            .check_response(&file, 404, &[], "not json")
            .is_empty()
    );
    let (drives, _) = contract
        .find(
            "GET",
            &format!("/api/v1/sonar/files/{}/drives", uuid_like(1)),
        )
        .unwrap();
    assert!(
        !contract
            .check_response(&drives, 200, &[], "not json")
            .is_empty()
    );
    // The era rule: the 2026 document only for routes the 2025 one lacks.
    let (info, _) = contract
        .find("GET", "/api/v1/account/applications/scoped-token/info")
        .unwrap();
    assert_eq!(info.doc.name, support::AGENT_ENGINE);
    let (global, _) = contract
        .find("GET", "/api/v1/integrations/templates/sources/global")
        .unwrap();
    assert_eq!(
        global.path, "/api/v1/integrations/templates/sources/global",
        "literal segments win"
    );
    // Requests.
    let (list, _) = contract.find("GET", "/api/v1/workspaces").unwrap();
    let req = |q: &str| contract.check_request(&list, "/api/v1/workspaces", Some(q), &[], b"");
    assert!(req("limit=5&status=active&cursor=abc&name_contains=x").is_empty());
    assert!(req("page=2").iter().any(|v| v.contains("not declared")));
    assert!(!req("limit=500").is_empty());
    assert!(!req("limit=5&limit=6").is_empty());
    let (sources, _) = contract.find("GET", "/api/v1/embedded/sources").unwrap();
    assert!(
        !contract
            .check_request(&sources, "/api/v1/embedded/sources", None, &[], b"")
            .is_empty(),
        "workspace_id is required"
    );
    let (tpl, _) = contract
        .find("GET", "/api/v1/embedded/source-templates")
        .unwrap();
    assert!(
        contract
            .check_request(
                &tpl,
                "/api/v1/embedded/source-templates",
                Some("tags=a&tags=b%20c&tags_mode=any"),
                &[],
                b""
            )
            .is_empty()
    );
    assert!(
        !contract
            .check_request(
                &tpl,
                "/api/v1/embedded/source-templates",
                Some("tags_mode=some"),
                &[],
                b""
            )
            .is_empty()
    );
    let (create, _) = contract
        .find("POST", "/api/v1/embedded/scoped-token")
        .unwrap();
    let body = |b: Value| {
        contract.check_request(
            &create,
            "/api/v1/embedded/scoped-token",
            None,
            &[],
            b.to_string().as_bytes(),
        )
    };
    assert!(body(json!({"workspace_name": "w"})).is_empty());
    assert!(
        !body(json!({"customer_name": "w"})).is_empty(),
        "the 2025 route has no alias"
    );
    assert!(!body(json!({"workspace_name": "w", "region_id": "eu"})).is_empty());
    let (create26, _) = contract
        .find("POST", "/api/v1/account/applications/scoped-token")
        .unwrap();
    for name in ["customer_name", "workspace_name"] {
        let v = contract.check_request(
            &create26,
            create26.path,
            None,
            &[],
            json!({name: "w"}).to_string().as_bytes(),
        );
        assert!(v.is_empty(), "{name}: the supplement's alternative: {v:?}");
    }
    let header = [("x-organization-id".to_owned(), "nope".to_owned())];
    assert!(
        !contract
            .check_request(
                &create,
                "/api/v1/embedded/scoped-token",
                None,
                &header,
                br#"{"workspace_name": "w"}"#
            )
            .is_empty()
    );
}
