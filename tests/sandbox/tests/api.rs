//! The sandbox over HTTP: tokens, pagination, faults, rate limits, sources and checks.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use airbyte_embedded_sandbox::catalog::{
    DESTINATION_S3_DEFINITION_ID, SOURCE_POSTGRES_DEFINITION_ID, SOURCE_TINY_DEFINITION_ID,
};
use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, Fault, FaultAction, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET,
    ORGANIZATION_ID, OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_ORGANIZATION_ID, Sandbox,
    SandboxConfig,
};
use serde_json::{Value, json};

/// One response: status, headers (lowercase names) and body parsed as JSON (`Null` if not JSON).
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    text: String,
    json: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A tiny HTTP client for the sandbox.
struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    fn new(sandbox: &Sandbox) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Client {
            agent,
            base: sandbox.base_url(),
        }
    }

    /// `method` on `url` (absolute, or relative to the base URL) with optional token, headers
    /// and raw body.
    fn raw(
        &self,
        method: &str,
        url: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<(&str, String)>,
    ) -> Reply {
        let url = if url.starts_with("http") {
            url.to_owned()
        } else {
            format!("{}{url}", self.base)
        };
        let mut builder = ureq::http::Request::builder().method(method).uri(url);
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let (content_type, body) = body.unwrap_or(("application/json", String::new()));
        if !body.is_empty() {
            builder = builder.header("content-type", content_type);
        }
        let response = self
            .agent
            .run(builder.body(body).unwrap())
            .expect("the sandbox answers");
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let text = response.into_body().read_to_string().unwrap_or_default();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            text,
            json,
        }
    }

    fn call(&self, method: &str, url: &str, token: Option<&str>, body: Option<Value>) -> Reply {
        self.raw(
            method,
            url,
            token,
            &[],
            body.map(|b| ("application/json", b.to_string())),
        )
    }

    fn token_for(&self, client_id: &str, secret: &str) -> String {
        let reply = self.call(
            "POST",
            "/account/applications/token",
            None,
            Some(json!({"client_id": client_id, "client_secret": secret})),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["access_token"].as_str().unwrap().to_owned()
    }

    fn operator_token(&self) -> String {
        self.token_for(CLIENT_ID, CLIENT_SECRET)
    }

    fn scoped_token(&self, operator: &str, workspace: &str) -> String {
        let reply = self.call(
            "POST",
            "/embedded/scoped-token",
            Some(operator),
            Some(json!({"workspace_name": workspace})),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["token"].as_str().unwrap().to_owned()
    }
}

fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig {
        check_duration: Duration::from_millis(100),
        ..Default::default()
    })
    .unwrap()
}

/// The claims of a JWT, read without verifying (as clients do).
fn claims(token: &str) -> Value {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap()
}

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
    assert_eq!(
        claims(decoded["token"].as_str().unwrap())["io.airbyte.auth.workspace_scope"]["workspaceId"],
        workspace.as_str()
    );
    assert_eq!(
        decoded["widgetUrl"],
        format!(
            "https://app.airbyte.ai/embedded-widget?workspaceId={workspace}&allowedOrigin=http%3A%2F%2Flocalhost%3A3000"
        )
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

#[test]
fn forty_five_workspaces_in_three_pages() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    for i in 0..45 {
        c.scoped_token(&op, &format!("tenant-{i:02}"));
    }
    let mut url = "/workspaces".to_owned();
    let mut names = Vec::new();
    let mut pages = 0;
    loop {
        let page = c.call("GET", &url, Some(&op), None);
        assert_eq!(page.status, 200, "{}", page.text);
        pages += 1;
        names.extend(
            page.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["name"].as_str().unwrap().to_owned()),
        );
        match page.json["next"].as_str() {
            Some(next) => {
                assert!(
                    next.starts_with(&format!("{}/workspaces?", sb.base_url())),
                    "{next}"
                );
                assert!(next.contains("limit=20"), "{next}");
                url = next.to_owned();
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(names.len(), 45);
    assert_eq!(
        (names[0].as_str(), names[44].as_str()),
        ("tenant-00", "tenant-44")
    );

    let filtered = c.call(
        "GET",
        "/workspaces?name_contains=TENANT-1&limit=5",
        Some(&op),
        None,
    );
    assert_eq!(filtered.json["data"].as_array().unwrap().len(), 5);
    let next = filtered.json["next"].as_str().unwrap();
    assert!(
        next.contains("name_contains=TENANT-1") && next.contains("limit=5"),
        "{next}"
    );
    let rest = c.call("GET", next, Some(&op), None);
    assert_eq!(rest.json["data"].as_array().unwrap().len(), 5);
    assert!(rest.json["next"].is_null());

    assert_eq!(
        c.call("GET", "/workspaces?limit=0", Some(&op), None).status,
        422
    );
    assert_eq!(
        c.call("GET", "/workspaces?limit=101", Some(&op), None)
            .status,
        422
    );
    assert_eq!(
        c.call("GET", "/workspaces?cursor=bogus", Some(&op), None)
            .status,
        400
    );
    let stats = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        stats.json,
        json!({"active_count": 45, "inactive_count": 0, "total_count": 45})
    );

    let other = c.token_for(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    assert_eq!(
        c.call("GET", "/workspaces", Some(&other), None).json["data"],
        json!([])
    );
}

#[test]
fn faults_apply_in_order_and_run_out() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    sb.inject_fault(Fault {
        method: Some("GET".into()),
        path_prefix: Some("/workspaces".into()),
        count: 1,
        action: FaultAction::Respond {
            status: 503,
            body: "<html>busy</html>".into(),
            content_type: "text/html".into(),
            headers: vec![("retry-after".into(), "1".into())],
        },
    });
    let faulted = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        (faulted.status, faulted.text.as_str()),
        (503, "<html>busy</html>")
    );
    assert_eq!(faulted.header("retry-after"), Some("1"));
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&op), None).status,
        200,
        "used up"
    );

    sb.inject_fault(Fault::new(FaultAction::ExpireToken).on("GET", "/workspaces"));
    let expired = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        (expired.status, expired.json),
        (401, json!({"detail": "Token expired"}))
    );

    sb.inject_fault(Fault::new(FaultAction::TruncateBody { bytes: 10 }));
    let cut = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!((cut.status, cut.text.len()), (200, 10));

    sb.inject_fault(Fault::new(FaultAction::Delay { millis: 200 }).on("GET", "/tags"));
    let started = std::time::Instant::now();
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&op), None).status,
        200,
        "prefix does not match"
    );
    sb.clear_faults();
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&op), None).status,
        200
    );
    assert!(started.elapsed() < Duration::from_millis(200));

    let recorded = sb.requests();
    let last = recorded.last().unwrap();
    assert_eq!(
        (last.method.as_str(), last.path.as_str()),
        ("GET", "/api/v1/workspaces/stats")
    );
    assert!(last.header("authorization").unwrap().starts_with("Bearer "));
    sb.clear_requests();
    assert!(sb.requests().is_empty());
}

#[test]
fn connections_dropped_before_and_after_the_handler() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post_tag = |name: &str| {
        agent
            .post(format!("{}/integrations/templates/tags", sb.base_url()))
            .header("authorization", format!("Bearer {op}"))
            .header("content-type", "application/json")
            .send(json!({"name": name}).to_string())
    };

    sb.inject_fault(Fault::new(FaultAction::ResetBeforeResponse).on("POST", "/integrations"));
    assert!(post_tag("before").is_err(), "no response at all");
    assert!(sb.inventory().tags.is_empty(), "nothing was created");

    sb.inject_fault(Fault::new(FaultAction::ResetAfterCommit).on("POST", "/integrations"));
    assert!(post_tag("after").is_err(), "no response at all");
    assert_eq!(sb.inventory().tags, vec!["after".to_owned()], "committed");

    sb.inject_fault(
        Fault::new(FaultAction::DelayResponse { millis: 300 }).on("POST", "/integrations"),
    );
    let started = std::time::Instant::now();
    assert_eq!(post_tag("slow").unwrap().status().as_u16(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    sb.inject_fault(Fault::new(FaultAction::too_many_requests(Some(7))).on("GET", "/workspaces"));
    let limited = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        (limited.status, limited.header("retry-after")),
        (429, Some("7"))
    );
    sb.inject_fault(Fault::new(FaultAction::too_many_requests(None)).on("GET", "/workspaces"));
    let limited = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!((limited.status, limited.header("retry-after")), (429, None));

    sb.inject_fault(Fault::new(FaultAction::html_page(502)).on("GET", "/workspaces"));
    let page = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(page.status, 502);
    assert!(
        page.text.contains("<h1>502 Bad Gateway</h1>"),
        "{}",
        page.text
    );
    sb.inject_fault(Fault::new(FaultAction::status(503)).on("GET", "/workspaces"));
    let busy = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        (busy.status, busy.json["message"].as_str()),
        (503, Some("Service Unavailable"))
    );

    assert_eq!(sb.faults_fired(), 7);
    let admin_url = format!("http://127.0.0.1:{}/_sandbox/inventory", sb.port());
    let inventory = c.call("GET", &admin_url, None, None).json;
    assert_eq!(inventory["tags"], json!(["after", "slow"]));
    assert_eq!(sb.inventory().duplicate_count(), 0);
}

#[test]
fn rate_limit_of_five() {
    let sb = Sandbox::start(SandboxConfig {
        rate_limit_per_hour: 5,
        ..Default::default()
    })
    .unwrap();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let r = c.call("GET", "/workspaces/stats", Some(&op), None);
        assert_eq!(r.header("x-ratelimit-limit"), Some("5"));
        assert!(
            r.header("x-ratelimit-reset")
                .unwrap()
                .parse::<u64>()
                .unwrap()
                > 1_700_000_000
        );
        statuses.push((
            r.status,
            r.header("x-ratelimit-remaining").unwrap().to_owned(),
        ));
    }
    assert_eq!(
        statuses,
        vec![
            (200, "3".into()),
            (200, "2".into()),
            (200, "1".into()),
            (200, "0".into()),
            (429, "0".into())
        ]
    );
    let limited = c.call("GET", "/workspaces/stats", Some(&op), None);
    assert_eq!(
        (limited.status, limited.json.clone()),
        (429, json!({"message": "Rate limit exceeded", "errors": []}))
    );
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3600).contains(&retry));

    let other = c.token_for(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&other), None)
            .status,
        200,
        "per organisation"
    );
}

#[test]
fn errors_have_the_service_shapes() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let unknown = c.call("GET", "/no/such/route", Some(&op), None);
    assert_eq!(
        (unknown.status, unknown.json.clone()),
        (404, json!({"detail": "Not Found"}))
    );
    assert!(unknown.header("x-ratelimit-limit").is_some());
    let wrong_method = c.call("DELETE", "/workspaces/stats", Some(&op), None);
    assert_eq!(wrong_method.status, 405);
    let missing = c.call(
        "GET",
        "/workspaces/00000000-0000-0000-0000-000000000000",
        Some(&op),
        None,
    );
    assert_eq!(
        (missing.status, missing.json),
        (404, json!({"detail": "Workspace not found"}))
    );
}

#[test]
fn templates_sources_and_checks() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let defs = c.call(
        "GET",
        "/integrations/definitions/sources?name=GRES",
        Some(&op),
        None,
    );
    assert_eq!(
        defs.json["definitions"][0]["sourceDefinitionId"],
        SOURCE_POSTGRES_DEFINITION_ID
    );
    let def = c.call(
        "GET",
        &format!("/integrations/definitions/sources/{SOURCE_POSTGRES_DEFINITION_ID}"),
        Some(&op),
        None,
    );
    assert!(
        def.json["definition"]["spec"]["connectionSpecification"]["properties"]["ssl_mode"]
            .is_object()
    );

    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(&op),
        Some(json!({"actor_definition_id": SOURCE_POSTGRES_DEFINITION_ID, "partial_default_config": {"port": 5432, "database": "app"}})),
    );
    assert_eq!(template.status, 200, "{}", template.text);
    assert_eq!(template.json["name"], "Postgres");
    let required = &template.json["user_config_spec"]["connectionSpecification"]["required"];
    assert_eq!(required, &json!(["host", "username"]));
    let template_id = template.json["id"].as_str().unwrap().to_owned();

    let scoped = c.scoped_token(&op, "acme-corp");
    let workspace = claims(&scoped)["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let raw_body = format!(
        r#"{{"workspace_id": "{workspace}", "source_template_id": "{template_id}", "source_config": {{"host": "db.example.com", "username": "u", "password": "hunter2", "start": "2024-01-01T00:00:00.000Z"}}}}"#
    );
    let created = c.raw(
        "POST",
        "/embedded/sources",
        Some(&scoped),
        &[],
        Some(("application/json", raw_body)),
    );
    assert_eq!(created.status, 200, "{}", created.text);
    assert_eq!(created.json["source_config"]["password"], "**********");
    assert_eq!(created.json["source_config"]["port"], 5432);
    assert!(
        created
            .text
            .contains(r#""start":"2024-01-01T00:00:00.000Z""#)
    );
    let source_id = created.json["id"].as_str().unwrap().to_owned();

    let invalid = c.call(
        "POST",
        "/embedded/sources",
        Some(&scoped),
        Some(json!({"workspace_id": workspace, "source_template_id": template_id, "source_config": {"host": "h", "username": "u", "port": "x"}})),
    );
    assert_eq!(invalid.status, 422, "{}", invalid.text);
    assert_eq!(
        invalid.json["detail"][0]["loc"],
        json!(["body", "source_config", "port"])
    );
    let masked = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "h", "username": "u", "password": "**********"}})),
    );
    assert_eq!(masked.status, 422);
    // A partial update: one field, merged over the stored config; the secret stays.
    let partial = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "db2.example.com"}})),
    );
    assert_eq!(partial.status, 200, "{}", partial.text);
    assert_eq!(partial.json["source_config"]["host"], "db2.example.com");
    assert_eq!(partial.json["source_config"]["username"], "u");
    assert_eq!(partial.json["source_config"]["password"], "**********");
    let wrong_type = c.call(
        "PUT",
        &format!("/embedded/sources/{source_id}"),
        Some(&scoped),
        Some(json!({"source_config": {"port": "x"}})),
    );
    assert_eq!(wrong_type.status, 422, "{}", wrong_type.text);

    let listed = c.call(
        "GET",
        &format!("/embedded/sources?workspace_id={workspace}"),
        Some(&scoped),
        None,
    );
    assert_eq!(
        listed.json["data"][0]["summarized_source_template"]["id"],
        template_id.as_str()
    );
    assert_eq!(
        c.call("GET", "/embedded/sources", Some(&scoped), None)
            .status,
        422
    );
    let elsewhere = c.scoped_token(&op, "globex");
    assert_eq!(
        c.call(
            "GET",
            &format!("/embedded/sources/{source_id}"),
            Some(&elsewhere),
            None
        )
        .status,
        404
    );
    assert_eq!(
        c.call(
            "GET",
            &format!("/embedded/sources?workspace_id={workspace}"),
            Some(&elsewhere),
            None
        )
        .status,
        403
    );
    assert_eq!(
        c.call(
            "GET",
            &format!("/integrations/sources/{source_id}"),
            Some(&op),
            None
        )
        .status,
        200
    );
    let other_org = c.token_for(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET);
    assert_eq!(
        c.call(
            "GET",
            &format!("/integrations/sources/{source_id}"),
            Some(&other_org),
            None
        )
        .status,
        404
    );

    let good = c.call(
        "POST",
        &format!("/embedded/sources/{source_id}/check"),
        Some(&scoped),
        Some(json!({})),
    );
    let bad = c.call(
        "POST",
        &format!("/embedded/sources/{source_id}/check"),
        Some(&scoped),
        Some(json!({"source_config": {"host": "db.invalid"}})),
    );
    let status = |job: &Reply| {
        c.call(
            "GET",
            &format!(
                "/embedded/sources/check/{}/status",
                job.json["id"].as_str().unwrap()
            ),
            Some(&scoped),
            None,
        )
        .json
    };
    assert_eq!(status(&good)["status"], "pending");
    std::thread::sleep(Duration::from_millis(60));
    assert_eq!(status(&good)["status"], "running");
    std::thread::sleep(Duration::from_millis(60));
    assert_eq!(status(&good)["status"], "succeeded");
    let failed = status(&bad);
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["failure_reason"]["failure_type"], "config_error");
    assert_eq!(failed["failure_reason"]["retryable"], false);

    let connection = c.call(
        "POST",
        "/integrations/templates/connections",
        Some(&op),
        Some(json!({
            "destination_name": "S3",
            "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
            "destination_config": {"s3_bucket_name": "b", "s3_bucket_path": "p", "s3_bucket_region": "us-east-1",
                "secret_access_key": "k", "format": {"format_type": "JSONL"}},
            "cron_expression": "0 0 12 * * ?"
        })),
    );
    assert_eq!(connection.status, 200, "{}", connection.text);
    assert_eq!(connection.json["cron_expression"], "0 0 12 * * ? UTC");
    assert_eq!(
        connection.json["destination_config"]["secret_access_key"],
        "**********"
    );
    let unix_cron = c.call(
        "POST",
        "/integrations/templates/connections",
        Some(&op),
        Some(json!({"data_hosting_type": "airbyte_hosted", "cron_expression": "0 12 * * *"})),
    );
    assert_eq!(unix_cron.status, 422);
    let described = c.call(
        "POST",
        "/integrations/templates/connections/cron/describe",
        Some(&op),
        Some(json!({"cron_expression": "0 0 12 * * ?"})),
    );
    assert_eq!(
        described.json,
        json!({"description": "At 12:00:00, every day", "is_valid": true})
    );
}

#[test]
fn admin_routes_mirror_the_library() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let admin = |method: &str, path: &str, body: Option<Value>| {
        c.call(
            method,
            &format!("http://127.0.0.1:{}{path}", sb.port()),
            None,
            body,
        )
    };
    let fault = admin(
        "POST",
        "/_sandbox/faults",
        Some(
            json!({"path_prefix": "/workspaces", "action": {"kind": "respond", "status": 500, "body": "{}"}}),
        ),
    );
    assert_eq!(fault.status, 200, "{}", fault.text);
    let op = c.operator_token();
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&op), None).status,
        500
    );
    assert_eq!(
        admin("GET", "/_sandbox/stats", None).json,
        json!({"token_requests": 1, "requests": 2, "requests_recorded": 2, "faults_fired": 1})
    );
    let requests = admin("GET", "/_sandbox/requests", None).json;
    assert_eq!(requests[0]["path"], "/api/v1/account/applications/token");
    assert!(requests[0]["body"].as_str().unwrap().contains(CLIENT_ID));
    assert_eq!(admin("DELETE", "/_sandbox/requests", None).status, 200);
    assert_eq!(
        admin("POST", "/_sandbox/revoke-operator-tokens", None).status,
        200
    );
    assert_eq!(
        c.call("GET", "/workspaces/stats", Some(&op), None).status,
        401
    );
    assert_eq!(admin("DELETE", "/_sandbox/faults", None).status, 200);
    assert_eq!(
        admin("GET", "/_sandbox/credentials", None).json["client_id"],
        CLIENT_ID
    );
    assert_eq!(sb.requests().len(), 1, "admin routes are not recorded");
}

/// Creates a tiny source template named `name` carrying `tags` (created as needed).
fn tagged_template(c: &Client, op: &str, name: &str, tags: &[&str]) -> String {
    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(op),
        Some(json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID,
            "partial_default_config": {"count": 1}, "name": name})),
    );
    assert_eq!(template.status, 200, "{}", template.text);
    let id = template.json["id"].as_str().unwrap().to_owned();
    for tag in tags {
        let _ = c.call(
            "POST",
            "/integrations/templates/tags",
            Some(op),
            Some(json!({"name": tag})),
        );
        let tagged = c.call(
            "POST",
            &format!("/integrations/templates/sources/{id}/tags"),
            Some(op),
            Some(json!({"tag": tag})),
        );
        assert_eq!(tagged.status, 200, "{}", tagged.text);
    }
    id
}

/// The scoped token inside a widget token minted with `body`.
fn widget_scoped_token(c: &Client, op: &str, body: Value) -> String {
    use base64::Engine;
    let widget = c.call("POST", "/embedded/widget-token", Some(op), Some(body));
    assert_eq!(widget.status, 200, "{}", widget.text);
    let decoded: Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(widget.json["token"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    decoded["token"].as_str().unwrap().to_owned()
}

/// The template names an end user's `GET /embedded/source-templates{query}` lists, sorted.
fn visible_templates(c: &Client, token: &str, query: &str) -> Vec<String> {
    let list = c.call(
        "GET",
        &format!("/embedded/source-templates{query}"),
        Some(token),
        None,
    );
    assert_eq!(list.status, 200, "{}", list.text);
    let mut names: Vec<String> = list.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_widget_token_applies_its_source_template_selection() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    tagged_template(&c, &op, "crm-only", &["crm"]);
    tagged_template(&c, &op, "crm-sales", &["crm", "sales"]);
    tagged_template(&c, &op, "sales-only", &["sales"]);
    tagged_template(&c, &op, "untagged", &[]);
    let everything = vec!["crm-only", "crm-sales", "sales-only", "untagged"];

    let scoped = c.scoped_token(&op, "acme-corp");
    assert_eq!(visible_templates(&c, &scoped, ""), everything);

    let widget = |tags: Value, mode: Option<&str>| {
        let mut body = json!({"workspace_name": "acme-corp", "allowed_origin": "http://localhost:3000",
            "selected_source_template_tags": tags});
        if let Some(mode) = mode {
            body["selected_source_template_tags_mode"] = json!(mode);
        }
        widget_scoped_token(&c, &op, body)
    };
    // The mode defaults to `any` in the body.
    let any = widget(json!(["crm", "sales"]), None);
    assert_eq!(
        visible_templates(&c, &any, ""),
        vec!["crm-only", "crm-sales", "sales-only"]
    );
    let all = widget(json!(["crm", "sales"]), Some("all"));
    assert_eq!(visible_templates(&c, &all, ""), vec!["crm-sales"]);
    // The query's own filter narrows the selection further.
    assert_eq!(
        visible_templates(&c, &any, "?tags=crm"),
        vec!["crm-only", "crm-sales"]
    );
    // No tags selected: everything.
    let none = widget(json!([]), Some("all"));
    assert_eq!(visible_templates(&c, &none, ""), everything);
    // The operator's list is not narrowed by anything but its query.
    let listed = c.call("GET", "/integrations/templates/sources", Some(&op), None);
    assert_eq!(listed.json["data"].as_array().unwrap().len(), 4);
}

#[test]
fn source_template_lists_refuse_bracketed_tags() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    tagged_template(&c, &op, "crm-only", &["crm"]);
    let scoped = c.scoped_token(&op, "acme-corp");
    for (path, token) in [
        ("/integrations/templates/sources", &op),
        ("/embedded/source-templates", &scoped),
    ] {
        for query in ["?tags[]=crm", "?tags%5B%5D=crm&tags=crm"] {
            let reply = c.call("GET", &format!("{path}{query}"), Some(token), None);
            assert_eq!(reply.status, 422, "{path}{query}: {}", reply.text);
            assert_eq!(
                reply.json["detail"][0]["loc"],
                json!(["query", "tags[]"]),
                "{}",
                reply.text
            );
        }
        let repeated = c.call(
            "GET",
            &format!("{path}?tags=crm&tags=crm"),
            Some(token),
            None,
        );
        assert_eq!(repeated.status, 200, "{}", repeated.text);
    }
}

#[test]
fn creating_a_source_applies_the_matching_connection_templates() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let template = tagged_template(&c, &op, "tiny", &[]);
    let connection_template = |name: &str, tag: Option<&str>| {
        let made = c.call(
            "POST",
            "/integrations/templates/connections",
            Some(&op),
            Some(json!({
                "destination_name": name,
                "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
                "destination_config": {"s3_bucket_name": "b", "s3_bucket_path": "p",
                    "s3_bucket_region": "us-east-1", "secret_access_key": "k",
                    "format": {"format_type": "JSONL"}},
            })),
        );
        assert_eq!(made.status, 200, "{}", made.text);
        if let Some(tag) = tag {
            let _ = c.call(
                "POST",
                "/integrations/templates/tags",
                Some(&op),
                Some(json!({"name": tag})),
            );
            let id = made.json["id"].as_str().unwrap();
            let tagged = c.call(
                "POST",
                &format!("/integrations/templates/connections/{id}/tags"),
                Some(&op),
                Some(json!({"tag": tag})),
            );
            assert_eq!(tagged.status, 200, "{}", tagged.text);
        }
    };
    connection_template("lake", Some("warehouse"));
    connection_template("archive", None);

    let scoped = c.scoped_token(&op, "acme-corp");
    let workspace = claims(&scoped)["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let destinations = || {
        let list = c.call(
            "GET",
            &format!("/integrations/destinations?workspace_id={workspace}"),
            Some(&op),
            None,
        );
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(list.json["next"], Value::Null);
        list.json["data"].as_array().unwrap().clone()
    };
    assert!(destinations().is_empty());
    let create = |extra: Value| {
        let mut body = json!({"workspace_id": workspace, "source_template_id": template,
            "source_config": {"count": 1}});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let created = c.call("POST", "/embedded/sources", Some(&scoped), Some(body));
        assert_eq!(created.status, 200, "{}", created.text);
    };
    create(json!({"selected_connection_template_tags": ["warehouse"]}));
    let listed = destinations();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["name"], "lake");
    assert_eq!(
        listed[0]["destination_definition_id"],
        DESTINATION_S3_DEFINITION_ID
    );
    let id = listed[0]["id"].as_str().unwrap();
    let one = c.call(
        "GET",
        &format!("/integrations/destinations/{id}"),
        Some(&op),
        None,
    );
    assert_eq!(one.status, 200, "{}", one.text);
    assert_eq!(
        one.json["destination_config"]["secret_access_key"],
        "**********"
    );
    assert_eq!(one.json["destination_config"]["s3_bucket_name"], "b");
    assert!(one.json["created_at"].is_string());

    // No tags: every template; the workspace's destination of a template is reused.
    create(json!({}));
    let mut names: Vec<String> = destinations()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["archive", "lake"]);

    // Operators only; unknown ids are 404s.
    let forbidden = c.call(
        "GET",
        &format!("/integrations/destinations?workspace_id={workspace}"),
        Some(&scoped),
        None,
    );
    assert_eq!(forbidden.status, 403);
    let missing = c.call(
        "GET",
        "/integrations/destinations/00000000-0000-4000-8000-000000000000",
        Some(&op),
        None,
    );
    assert_eq!(missing.status, 404);
    let unnamed = c.call("GET", "/integrations/destinations", Some(&op), None);
    assert_eq!(unnamed.status, 422);
}
