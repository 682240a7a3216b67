//! Error bodies in the service's shapes.

use serde_json::json;

use crate::support::*;

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
