//! The widget page (`/embedded-widget`, on the widget origin) and CORS for it.

use airbyte_embedded_sandbox::{Fault, FaultAction};
use serde_json::json;

use crate::support::*;

const WORKSPACE: &str = "6f1c4a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f";

/// `http://localhost:<port>`, the origin of the sandbox's widget page.
fn widget_origin(c: &Client) -> String {
    c.base
        .strip_suffix("/api/v1")
        .unwrap()
        .replace("://127.0.0.1:", "://localhost:")
}

#[test]
fn the_widget_url_of_a_widget_token_serves_the_page() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let minted = c.call(
        "POST",
        "/embedded/widget-token",
        Some(&op),
        Some(json!({"workspace_name": "acme", "allowed_origin": "http://127.0.0.1:5055"})),
    );
    use base64::Engine;
    let decoded: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(minted.json["token"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    let url = decoded["widgetUrl"].as_str().unwrap();
    assert!(url.starts_with(&format!("{}/embedded-widget?", widget_origin(&c))));

    let page = c.raw("GET", url, None, &[], None);
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.text
            .contains(&format!("data-api=\"{}\"", sb.base_url())),
        "the page names the API: {}",
        page.text
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!(
        "connect-src {}",
        c.base.strip_suffix("/api/v1").unwrap()
    )));
    assert!(!csp.contains("frame-ancestors"), "{csp}");
    for (asset, kind) in [("widget.js", "text/javascript"), ("widget.css", "text/css")] {
        let reply = c.raw(
            "GET",
            &format!("{}/embedded-widget/{asset}", widget_origin(&c)),
            None,
            &[],
            None,
        );
        assert_eq!(reply.status, 200);
        assert!(reply.header("content-type").unwrap().starts_with(kind));
    }
    let script = c.raw(
        "GET",
        &format!("{}/embedded-widget/widget.js", widget_origin(&c)),
        None,
        &[],
        None,
    );
    assert!(script.text.contains("\"auth_token_request\""));
}

#[test]
fn a_malformed_widget_url_is_refused() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let page = |query: &str| {
        c.raw(
            "GET",
            &format!("{}/embedded-widget{query}", widget_origin(&c)),
            None,
            &[],
            None,
        )
    };
    for (query, says) in [
        ("", "workspaceId is missing"),
        (
            &format!("?workspaceId={WORKSPACE}") as &str,
            "allowedOrigin is missing",
        ),
        (
            "?workspaceId=nope&allowedOrigin=http%3A%2F%2Fa.example",
            "not a UUID",
        ),
        (
            &format!("?workspaceId={WORKSPACE}&allowedOrigin=http%3A%2F%2Fa.example%2F"),
            "not an exact origin",
        ),
    ] {
        let reply = page(query);
        assert_eq!(reply.status, 400, "{query}");
        assert!(reply.text.contains(says), "{query}: {}", reply.text);
    }
}

#[test]
fn the_widget_page_is_outside_the_pipeline() {
    let sb = sandbox();
    let c = Client::new(&sb);
    sb.inject_fault(Fault::new(FaultAction::status(503)));
    let url = format!(
        "{}/embedded-widget?workspaceId={WORKSPACE}&allowedOrigin=null",
        widget_origin(&c)
    );
    let page = c.raw("GET", &url, None, &[], None);
    assert_eq!(page.status, 200, "no fault applies to the page");
    assert_eq!(page.header("x-ratelimit-limit"), None);
    assert!(sb.requests().is_empty(), "the page is not recorded");
    assert_eq!(sb.faults_fired(), 0);
}

#[test]
fn the_api_answers_the_widget_origin_only() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let scoped = c.scoped_token(&op, "acme");
    sb.clear_requests();
    let widget = widget_origin(&c);
    let preflight = |origin: &str| {
        c.raw(
            "OPTIONS",
            "/embedded/source-templates",
            None,
            &[
                ("origin", origin),
                ("access-control-request-method", "GET"),
                ("access-control-request-headers", "authorization"),
            ],
            None,
        )
    };

    let ok = preflight(&widget);
    assert_eq!(ok.status, 204);
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some(widget.as_str())
    );
    assert!(
        ok.header("access-control-allow-headers")
            .unwrap()
            .contains("authorization")
    );
    for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
        assert!(
            ok.header("access-control-allow-methods")
                .unwrap()
                .contains(method)
        );
    }
    assert_eq!(ok.header("access-control-allow-credentials"), None);
    assert!(sb.requests().is_empty(), "a preflight is not recorded");

    let foreign = preflight("http://127.0.0.1:5055");
    assert_eq!(foreign.header("access-control-allow-origin"), None);
    assert_ne!(foreign.status, 204);

    let listed = c.raw(
        "GET",
        "/embedded/source-templates",
        Some(&scoped),
        &[("origin", &widget)],
        None,
    );
    assert_eq!(listed.status, 200);
    assert_eq!(
        listed.header("access-control-allow-origin"),
        Some(widget.as_str())
    );
    assert!(
        listed
            .header("access-control-expose-headers")
            .unwrap()
            .contains("x-ratelimit-remaining")
    );
    let refused = c.raw(
        "GET",
        "/embedded/source-templates",
        None,
        &[("origin", &widget)],
        None,
    );
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.header("access-control-allow-origin"),
        Some(widget.as_str()),
        "errors are readable too"
    );
    for headers in [&[("origin", "http://127.0.0.1:5055")][..], &[]] {
        let plain = c.raw(
            "GET",
            "/embedded/source-templates",
            Some(&scoped),
            headers,
            None,
        );
        assert_eq!(plain.status, 200);
        assert_eq!(plain.header("access-control-allow-origin"), None);
    }
    let admin = c.raw(
        "GET",
        &format!("{}/_sandbox/stats", c.base.strip_suffix("/api/v1").unwrap()),
        None,
        &[("origin", &widget)],
        None,
    );
    assert_eq!(
        admin.header("access-control-allow-origin"),
        None,
        "only /api/v1 is shared with the widget"
    );
}
