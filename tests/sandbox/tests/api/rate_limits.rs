//! The rate limit and its headers.

use airbyte_embedded_sandbox::{OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, Sandbox, SandboxConfig};
use serde_json::json;

use crate::support::*;

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
