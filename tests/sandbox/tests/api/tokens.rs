//! Operator, scoped and widget tokens: minting, claims, expiry.

use std::time::Duration;

use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET, ORGANIZATION_ID,
    OTHER_ORGANIZATION_ID, Sandbox, SandboxConfig,
};
use serde_json::{Value, json};

use crate::support::*;

#[test]
fn minting_operator_tokens() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let ok = c.call(
        "POST",
        "/account/applications/token",
        None,
        Some(json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})),
    );
    assert_eq!(ok.status, 200);
    assert_eq!(ok.json["token_type"], "bearer");
    assert_eq!(ok.json["expires_in"], 900);
    assert_eq!(ok.json["organization_id"], ORGANIZATION_ID);
    let token = ok.json["access_token"].as_str().unwrap();
    let cl = claims(token);
    assert_eq!(cl["typ"], "io.airbyte.auth.application");
    assert_eq!(cl["organization_id"], ORGANIZATION_ID);
    assert_eq!(
        cl["exp"].as_u64().unwrap() - cl["iat"].as_u64().unwrap(),
        900
    );
    assert_ne!(c.operator_token(), token, "every token is unique");

    let wrong = c.call(
        "POST",
        "/account/applications/token",
        None,
        Some(json!({"client_id": CLIENT_ID, "client_secret": "nope"})),
    );
    assert_eq!(
        (wrong.status, wrong.json.clone()),
        (401, json!({"detail": "Invalid client credentials"}))
    );

    let form = c.raw(
        "POST",
        "/account/applications/token",
        None,
        &[],
        Some((
            "application/x-www-form-urlencoded",
            format!("client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"),
        )),
    );
    assert_eq!(form.status, 422);
    assert_eq!(
        form.json,
        json!({"detail": [{"loc": ["body", "client_id"], "msg": "field required", "type": "value_error.missing"}]})
    );

    let multi = c.call(
        "POST",
        "/account/applications/token",
        None,
        Some(json!({"client_id": MULTI_CLIENT_ID, "client_secret": MULTI_CLIENT_SECRET})),
    );
    assert_eq!(multi.status, 400);
    assert!(
        multi.json["message"]
            .as_str()
            .unwrap()
            .contains("organization")
    );
    let chosen = c.raw(
        "POST",
        "/account/applications/token",
        None,
        &[("x-organization-id", OTHER_ORGANIZATION_ID)],
        Some((
            "application/json",
            json!({"client_id": MULTI_CLIENT_ID, "client_secret": MULTI_CLIENT_SECRET}).to_string(),
        )),
    );
    assert_eq!(chosen.status, 200);
    assert_eq!(chosen.json["organization_id"], OTHER_ORGANIZATION_ID);

    let denied = c.raw(
        "GET",
        "/workspaces/stats",
        Some(token),
        &[("x-organization-id", OTHER_ORGANIZATION_ID)],
        None,
    );
    assert_eq!(denied.status, 403);
    // The default `ErrorStyle::FastApi` answers 403 as the docs show it.
    assert_eq!(denied.json["detail"], "Access denied to organization");
    let malformed = c.raw(
        "GET",
        "/workspaces/stats",
        Some(token),
        &[("x-organization-id", "not-a-uuid")],
        None,
    );
    assert_eq!(malformed.status, 400);
    assert_eq!(malformed.json["errors"][0]["field"], "X-Organization-Id");

    assert_eq!(c.call("GET", "/workspaces/stats", None, None).status, 401);
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some("garbage"), None)
            .status,
        401
    );
    assert_eq!(sb.token_requests(), 6);

    sb.revoke_operator_tokens();
    let revoked = c.call("GET", "/workspaces/stats", Some(token), None);
    assert_eq!(revoked.status, 401);
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&c.operator_token()), None)
            .status,
        200
    );
}

#[test]
fn tokens_expire() {
    let sb = Sandbox::start(SandboxConfig {
        operator_token_ttl: Duration::from_secs(1),
        ..Default::default()
    })
    .unwrap();
    let c = Client::new(&sb);
    let token = c.operator_token();
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&token), None)
            .status,
        200
    );
    std::thread::sleep(Duration::from_millis(1100));
    let expired = c.call("GET", "/workspaces/stats", Some(&token), None);
    assert_eq!(
        (expired.status, expired.json),
        (401, json!({"detail": "Token expired"}))
    );
}

#[test]
fn scoped_and_widget_tokens() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let scoped = c.scoped_token(&op, "acme-corp");
    let cl = claims(&scoped);
    assert_eq!(cl["typ"], "io.airbyte.auth.embedded_v1");
    assert_eq!(cl["roles"], json!(["EMBEDDED_END_USER"]));
    let workspace = cl["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();

    let info = c.call("GET", "/embedded/scoped-token/info", Some(&scoped), None);
    assert_eq!(
        info.json,
        json!({"organization_id": ORGANIZATION_ID, "workspace_id": workspace})
    );
    let newer = c.call(
        "GET",
        "/account/applications/scoped-token/info",
        Some(&scoped),
        None,
    );
    assert_eq!(newer.status, 200);
    assert_eq!(
        c.call("GET", "/embedded/scoped-token/info", Some(&op), None)
            .status,
        403
    );
    let forbidden = c.call("GET", "/workspaces", Some(&scoped), None);
    assert_eq!(
        (forbidden.status, forbidden.json),
        (403, json!({"detail": "Forbidden: operator token required"}))
    );

    let widget = c.call(
        "POST",
        "/embedded/widget-token",
        Some(&op),
        Some(json!({"workspace_name": "acme-corp", "allowed_origin": "http://localhost:3000"})),
    );
    assert_eq!(widget.status, 200, "{}", widget.text);
    use base64::Engine;
    let decoded: Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(widget.json["token"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    let inner = claims(decoded["token"].as_str().unwrap());
    assert_eq!(
        inner["io.airbyte.auth.workspace_scope"]["workspaceId"],
        workspace.as_str()
    );
    assert_eq!(
        inner["io.airbyte.sandbox.allowed_origin"],
        "http://localhost:3000"
    );
    // The sandbox's own widget page, on its port at localhost, with the real URL's query.
    assert_eq!(
        decoded["widgetUrl"],
        format!(
            "http://localhost:{}/embedded-widget?workspaceId={workspace}&allowedOrigin=http%3A%2F%2Flocalhost%3A3000",
            sb.port()
        )
    );
    assert!(
        claims(&scoped)
            .get("io.airbyte.sandbox.allowed_origin")
            .is_none(),
        "a plain scoped token names no origin"
    );
    let bad = c.call(
        "POST",
        "/embedded/widget-token",
        Some(&op),
        Some(json!({"workspace_name": "acme-corp", "allowed_origin": "https://app.example.com/"})),
    );
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json["detail"][0]["loc"],
        json!(["body", "allowed_origin"])
    );
    let region = c.call(
        "POST",
        "/embedded/scoped-token",
        Some(&op),
        Some(json!({"workspace_name": "x", "region_id": "00000000-0000-0000-0000-000000000000"})),
    );
    assert_eq!(region.status, 422);
}
