//! Workspaces against the sandbox: pagination, filters, stats, updates.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::Error;
use airbyte_embedded::workspaces::{WorkspaceFilter, WorkspaceStatus, WorkspaceUpdate};
use common::*;

fn seed(sb: &Sandbox, names: impl IntoIterator<Item = String>) {
    let op = operator(sb);
    for name in names {
        op.scoped_token(&name).unwrap();
    }
}

#[test]
fn forty_five_workspaces_through_three_pages() {
    let sb = sandbox();
    seed(&sb, (0..45).map(|i| format!("tenant-{i:02}")));
    let op = operator(&sb);
    sb.clear_requests();
    let names: Vec<String> = op
        .workspaces()
        .iter(WorkspaceFilter::default())
        .map(|w| w.unwrap().name.unwrap())
        .collect();
    assert_eq!(names.len(), 45);
    assert_eq!(names[0], "tenant-00");
    assert_eq!(names[44], "tenant-44");
    assert_eq!(requests_to(&sb, "/workspaces").len(), 3);
}

#[test]
fn filters_and_page_size_hold_on_every_page() {
    let sb = sandbox();
    seed(&sb, (0..12).map(|i| format!("acme-{i}")));
    seed(&sb, (0..5).map(|i| format!("globex-{i}")));
    let op = operator(&sb);
    sb.clear_requests();
    let filter = WorkspaceFilter {
        name_contains: Some("acme".into()),
        status: Some(WorkspaceStatus::Active),
        limit: Some(5),
    };
    let mut pages = op.workspaces().iter(filter);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().unwrap() {
        assert!(
            page.iter()
                .all(|w| w.name.as_deref().unwrap().starts_with("acme"))
        );
        sizes.push(page.len());
    }
    assert_eq!(sizes, vec![5, 5, 2]);
    for r in requests_to(&sb, "/workspaces") {
        let q = r.query.unwrap_or_default();
        assert!(
            q.contains("name_contains=acme")
                && q.contains("limit=5")
                && q.contains("status=active"),
            "{q}"
        );
    }
    assert!(pages.next_page().unwrap().is_none(), "stays finished");
}

#[test]
fn a_next_link_to_another_host_is_not_followed() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/workspaces",
        1,
        200,
        "application/json",
        r#"{"data": [{"id": "w1", "name": "a"}], "next": "https://evil.example/api/v1/workspaces?cursor=abc"}"#,
    ));
    let results: Vec<_> = op.workspaces().iter(WorkspaceFilter::default()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0].is_ok());
    assert!(
        matches!(results[1], Err(Error::Pagination { .. })),
        "{results:?}"
    );
}

#[test]
fn an_empty_next_ends_the_walk() {
    // The spec's `next`: "Next page url, empty if no more pages".
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/workspaces",
        1,
        200,
        "application/json",
        r#"{"data": [{"id": "w1", "name": "a"}], "next": ""}"#,
    ));
    sb.clear_requests();
    let mut pages = op.workspaces().iter(WorkspaceFilter::default());
    let first = pages.next_page().unwrap().expect("one page");
    assert_eq!(first.len(), 1);
    assert!(pages.next_page().unwrap().is_none(), "the walk is over");
    assert_eq!(requests_to(&sb, "/workspaces").len(), 1);
}

#[test]
fn a_next_link_on_another_scheme_is_followed_on_the_configured_base_url() {
    // A service behind a TLS-terminating balancer may build `next` with the scheme it was
    // reached on. Here the base URL is `http://127.0.0.1:PORT` and the link says `https://`
    // on the same host and port: its cursor is asked for on the base URL (a request to
    // `https://` would fail the TLS handshake against the plain-HTTP sandbox).
    let sb = sandbox();
    seed(&sb, (0..3).map(|i| format!("tenant-{i}")));
    let op = operator(&sb);
    let filter = WorkspaceFilter {
        limit: Some(2),
        ..Default::default()
    };
    let first = op.workspaces().list_page(&filter, None).unwrap();
    let next = first.next.clone().expect("a second page");
    assert!(next.starts_with("http://"), "{next}");
    let rewritten = next.replacen("http://", "https://", 1);
    let page = serde_json::json!({"data": first.data, "next": rewritten});
    sb.inject_fault(respond(
        "/workspaces",
        1,
        200,
        "application/json",
        &page.to_string(),
    ));
    sb.clear_requests();
    let names: Vec<String> = op
        .workspaces()
        .iter(filter)
        .map(|w| w.unwrap().name.unwrap())
        .collect();
    assert_eq!(names, ["tenant-0", "tenant-1", "tenant-2"]);
    let requests = requests_to(&sb, "/workspaces");
    assert_eq!(requests.len(), 2, "{requests:?}");
    let cursor = next.split("cursor=").nth(1).unwrap();
    let q = requests[1].query.clone().unwrap_or_default();
    assert!(
        q.contains(&format!("cursor={cursor}")) && q.contains("limit=2"),
        "{q}"
    );
}

#[test]
fn a_next_link_to_another_host_on_the_same_port_is_not_followed() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    let next = format!(
        "http://evil.example:{}/api/v1/workspaces?cursor=abc",
        sb.port()
    );
    let page = format!(r#"{{"data": [{{"id": "w1"}}], "next": "{next}"}}"#);
    sb.inject_fault(respond("/workspaces", 1, 200, "application/json", &page));
    sb.clear_requests();
    let results: Vec<_> = op.workspaces().iter(WorkspaceFilter::default()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(
        matches!(&results[1], Err(Error::Pagination { detail }) if detail.contains("evil.example")),
        "{results:?}"
    );
    assert_eq!(requests_to(&sb, "/workspaces").len(), 1);
}

#[test]
fn a_repeated_cursor_is_an_error_not_a_loop() {
    let sb = sandbox();
    let op = operator(&sb);
    let next = format!("{}/workspaces?cursor=same", sb.base_url());
    let page = format!(r#"{{"data": [{{"id": "w1"}}], "next": "{next}"}}"#);
    sb.inject_fault(respond("/workspaces", 5, 200, "application/json", &page));
    let results: Vec<_> = op.workspaces().iter(WorkspaceFilter::default()).collect();
    assert_eq!(results.len(), 3, "two pages then the error: {results:?}");
    assert!(matches!(results[2], Err(Error::Pagination { .. })));
}

#[test]
fn a_limit_out_of_range_is_refused_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let err = op
        .workspaces()
        .list_page(
            &WorkspaceFilter {
                limit: Some(101),
                ..Default::default()
            },
            None,
        )
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "limit"));
    assert!(sb.requests().is_empty());
}

#[test]
fn stats_get_update_deactivate_delete() {
    let sb = sandbox();
    seed(&sb, ["acme-corp".to_owned(), "globex".to_owned()]);
    let op = operator(&sb);
    let ws = op.workspaces();
    let stats = ws.stats().unwrap();
    assert_eq!(
        (stats.active_count, stats.inactive_count, stats.total_count),
        (2, 0, 2)
    );

    let acme = ws
        .iter(WorkspaceFilter {
            name_contains: Some("acme".into()),
            ..Default::default()
        })
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(ws.get(&acme.id).unwrap(), acme);
    let renamed = ws
        .update(
            &acme.id,
            &WorkspaceUpdate {
                name: Some("acme-inc".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("acme-inc"));
    let off = ws.deactivate(&acme.id).unwrap();
    assert_eq!(off.status, Some(WorkspaceStatus::Inactive));
    assert_eq!(ws.stats().unwrap().inactive_count, 1);

    let deleted = ws.delete(&acme.id).unwrap();
    assert_eq!(deleted.id.as_deref(), Some(acme.id.as_str()));
    assert!(matches!(ws.get(&acme.id), Err(Error::NotFound { .. })));
    assert_eq!(ws.stats().unwrap().total_count, 1);
}
