//! Workspaces: pagination over `next` links.

use airbyte_embedded_sandbox::{OTHER_CLIENT_ID, OTHER_CLIENT_SECRET};
use serde_json::json;

use crate::support::*;

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
