//! Injected faults: statuses in order, and connections dropped before or after the handler.

use std::time::Duration;

use airbyte_embedded_sandbox::{ErrorStyle, Fault, FaultAction, Sandbox, SandboxConfig};
use serde_json::json;

use crate::support::*;

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
fn an_internal_error_fault_sends_the_sandboxs_own_500() {
    for style in [ErrorStyle::FastApi, ErrorStyle::ApiError] {
        let sb = Sandbox::start(SandboxConfig {
            error_style: style,
            ..Default::default()
        })
        .unwrap();
        let c = Client::new(&sb);
        let op = c.operator_token();
        sb.inject_fault(
            Fault::new(FaultAction::InternalError).on("POST", "/embedded/scoped-token"),
        );
        let failed = c.call(
            "POST",
            "/embedded/scoped-token",
            Some(&op),
            Some(json!({"workspace_name": "never-made"})),
        );
        assert_eq!(
            (failed.status, &failed.json),
            (
                500,
                &json!({"message": "Internal server error", "errors": []})
            ),
            "{style}"
        );
        assert!(failed.header("x-ratelimit-remaining").is_some());
        assert_eq!(sb.faults_fired(), 1);
        let listed = c.call("GET", "/workspaces", Some(&op), None);
        assert!(
            !listed.text.contains("never-made"),
            "the request was not handled: {}",
            listed.text
        );
    }
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
