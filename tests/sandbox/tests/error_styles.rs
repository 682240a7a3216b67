//! The two error styles over HTTP: the same requests answered in `{"detail"}` or
//! `ApiErrorResponse` bodies for 403 and 422, and identically for everything else; and the
//! service-style config validation behind the 422s.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use airbyte_embedded_sandbox::catalog::{SOURCE_POSTGRES_DEFINITION_ID, SOURCE_TINY_DEFINITION_ID};
use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, ErrorStyle, Sandbox, SandboxConfig};
use serde_json::{Value, json};

/// `(status, body as JSON, X-RateLimit-Limit header)` of one request.
fn call(
    sb: &Sandbox,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value, Option<String>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut builder = ureq::http::Request::builder()
        .method(method)
        .uri(format!("{}{path}", sb.base_url()));
    if let Some(token) = token {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    if !body.is_empty() {
        builder = builder.header("content-type", "application/json");
    }
    let response = agent
        .run(builder.body(body).unwrap())
        .expect("the sandbox answers");
    let status = response.status().as_u16();
    let limit = response
        .headers()
        .get("x-ratelimit-limit")
        .map(|v| v.to_str().unwrap().to_owned());
    let text = response.into_body().read_to_string().unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        limit,
    )
}

struct World {
    sb: Sandbox,
    operator: String,
    scoped: String,
    workspace_id: String,
}

fn world(style: ErrorStyle) -> World {
    let sb = Sandbox::start(SandboxConfig {
        error_style: style,
        ..SandboxConfig::default()
    })
    .unwrap();
    let minted = call(
        &sb,
        "POST",
        "/account/applications/token",
        None,
        Some(json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})),
    );
    let operator = minted.1["access_token"].as_str().unwrap().to_owned();
    let scoped = call(
        &sb,
        "POST",
        "/embedded/scoped-token",
        Some(&operator),
        Some(json!({"workspace_name": "styles"})),
    );
    let scoped = scoped.1["token"].as_str().unwrap().to_owned();
    let info = call(
        &sb,
        "GET",
        "/embedded/scoped-token/info",
        Some(&scoped),
        None,
    );
    let workspace_id = info.1["workspace_id"].as_str().unwrap().to_owned();
    World {
        sb,
        operator,
        scoped,
        workspace_id,
    }
}

/// Creates a template of `definition` with `defaults` and tries a source with `config`.
fn create_source(
    w: &World,
    definition: &str,
    defaults: Value,
    config: Value,
) -> (u16, Value, Option<String>) {
    let template = call(
        &w.sb,
        "POST",
        "/integrations/templates/sources",
        Some(&w.operator),
        Some(json!({"actor_definition_id": definition, "partial_default_config": defaults})),
    );
    assert_eq!(template.0, 200, "{}", template.1);
    call(
        &w.sb,
        "POST",
        "/embedded/sources",
        Some(&w.scoped),
        Some(json!({
            "workspace_id": w.workspace_id,
            "source_template_id": template.1["id"],
            "source_config": config,
        })),
    )
}

#[test]
fn forbidden_and_invalid_follow_the_style_and_nothing_else_changes() {
    let fastapi = world(ErrorStyle::FastApi);
    let api = world(ErrorStyle::ApiError);

    let denied = |w: &World| call(&w.sb, "GET", "/workspaces", Some(&w.scoped), None);
    assert_eq!(
        (denied(&fastapi).0, denied(&fastapi).1),
        (403, json!({"detail": "Forbidden: operator token required"}))
    );
    let (status, body, limit) = denied(&api);
    assert_eq!(
        (status, body),
        (
            403,
            json!({"message": "Forbidden: operator token required", "errors": []})
        )
    );
    assert!(limit.is_some(), "the pipeline's headers survive the style");

    let bad = json!({"count": 0});
    let (status, body, _) =
        create_source(&fastapi, SOURCE_TINY_DEFINITION_ID, json!({}), bad.clone());
    assert_eq!(status, 422);
    assert_eq!(
        body,
        json!({"detail": [{"loc": ["body", "source_config", "count"],
            "msg": "0 is less than the minimum of 1", "type": "minimum"}]})
    );
    let (status, body, _) = create_source(&api, SOURCE_TINY_DEFINITION_ID, json!({}), bad);
    assert_eq!(status, 422);
    assert_eq!(
        body["errors"],
        json!([{"field": "body.source_config.count",
            "message": "0 is less than the minimum of 1", "error_code": "minimum"}])
    );
    assert_eq!(
        body["message"],
        "Invalid request: body.source_config.count: 0 is less than the minimum of 1"
    );

    // A body the route cannot read is a 422 in the style too.
    let unreadable = |w: &World| {
        call(
            &w.sb,
            "POST",
            "/embedded/sources",
            Some(&w.scoped),
            Some(json!({})),
        )
    };
    assert!(unreadable(&fastapi).1["detail"].is_array());
    assert!(unreadable(&api).1["errors"].is_array());

    for w in [&fastapi, &api] {
        let anonymous = call(&w.sb, "GET", "/workspaces", None, None);
        assert_eq!(anonymous.0, 401);
        assert!(anonymous.1["detail"].is_string(), "{}", anonymous.1);
        let missing = call(&w.sb, "GET", "/nowhere", Some(&w.operator), None);
        assert_eq!(
            (missing.0, missing.1),
            (404, json!({"detail": "Not Found"}))
        );
    }
}

#[test]
fn validation_is_plain_draft_07_with_no_defaults_filled_in() {
    let w = world(ErrorStyle::FastApi);
    // `count` has a spec default, but the service does not fill it in.
    let (status, body, _) = create_source(&w, SOURCE_TINY_DEFINITION_ID, json!({}), json!({}));
    assert_eq!(status, 422);
    assert_eq!(
        body["detail"][0]["loc"],
        json!(["body", "source_config", "count"])
    );
    assert_eq!(body["detail"][0]["type"], "required");

    // A config matching no `ssl_mode` branch is reported at `ssl_mode`, its secret unquoted.
    let pg = json!({"host": "h", "port": 5432, "database": "d", "username": "u",
        "password": "pg-secret-77", "ssl_mode": {"mode": "verify-ca", "client_key": "key-secret-77"}});
    let (status, body, _) = create_source(&w, SOURCE_POSTGRES_DEFINITION_ID, json!({}), pg);
    assert_eq!(status, 422);
    assert_eq!(body["detail"].as_array().unwrap().len(), 1, "{body}");
    assert_eq!(
        body["detail"][0]["loc"],
        json!(["body", "source_config", "ssl_mode"])
    );
    assert_eq!(body["detail"][0]["type"], "oneOf");
    assert!(!body.to_string().contains("secret-77"), "{body}");

    // Accepted configs come back with every secret masked.
    let pg = json!({"host": "h", "port": 5432, "database": "d", "username": "u",
        "password": "pg-secret-77", "ssl_mode": {"mode": "verify-ca", "ca_certificate": "ca-secret-77"}});
    let (status, body, _) = create_source(&w, SOURCE_POSTGRES_DEFINITION_ID, json!({}), pg);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["source_config"]["password"], "**********");
    assert_eq!(
        body["source_config"]["ssl_mode"]["ca_certificate"],
        "**********"
    );
    assert_eq!(body["source_config"]["ssl_mode"]["mode"], "verify-ca");
}
