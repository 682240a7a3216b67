//! The admin routes, against the library calls they mirror.

use airbyte_embedded_sandbox::CLIENT_ID;
use serde_json::{Value, json};

use crate::support::*;

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
        json!({"token_requests": 1, "requests": 2, "requests_recorded": 2, "faults_fired": 1, "rate_limited": 0,
               "requests_by_route": {"POST /api/v1/account/applications/token": 1, "GET /api/v1/workspaces/stats": 1}})
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
