//! Token lifecycle against the sandbox: minting, caching, refresh, replay, scoping.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use airbyte_embedded::workspaces::WorkspaceFilter;
use airbyte_embedded::{
    ClientConfig, Credentials, EndUserClient, Error, OperatorClient, ScopedTokenRequest, TagFilter,
    TokenRoutes, WidgetTokenRequest,
};
use airbyte_embedded_sandbox::{
    MULTI_CLIENT_ID, MULTI_CLIENT_SECRET, ORGANIZATION_ID, OTHER_ORGANIZATION_ID,
};
use common::*;

#[test]
fn the_operator_token_is_minted_once_and_reused() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    op.tags().list().unwrap();
    op.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(sb.token_requests(), 1);
    let mint = &requests_to(&sb, "/account/applications/token")[0];
    let body: serde_json::Value = serde_json::from_slice(&mint.body).unwrap();
    assert_eq!(body["client_id"], CLIENT_ID);
    let content_type = mint
        .headers
        .iter()
        .find(|(k, _)| k == "content-type")
        .map(|(_, v)| v.as_str());
    assert_eq!(content_type, Some("application/json"));
}

#[test]
fn wrong_credentials_are_unauthorized_and_never_echo_the_secret() {
    let sb = sandbox();
    let op = OperatorClient::new(
        config(&sb),
        Credentials::new(CLIENT_ID, "not-the-secret-xyz"),
    )
    .unwrap();
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("not-the-secret-xyz"));
}

#[test]
fn organization_header_is_sent_only_when_configured() {
    let sb = sandbox();
    operator(&sb).workspaces().stats().unwrap();
    assert!(
        sb.requests()
            .iter()
            .all(|r| r.headers.iter().all(|(k, _)| k != "x-organization-id"))
    );

    sb.clear_requests();
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .organization_id(ORGANIZATION_ID)
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    op.workspaces().stats().unwrap();
    let requests = sb.requests();
    assert!(requests.len() >= 2);
    for r in requests {
        let org = r
            .headers
            .iter()
            .find(|(k, _)| k == "x-organization-id")
            .map(|(_, v)| v.clone());
        assert_eq!(org.as_deref(), Some(ORGANIZATION_ID), "{}", r.path);
    }
}

#[test]
fn credentials_of_two_organisations_need_the_header() {
    let sb = sandbox();
    let creds = Credentials::new(MULTI_CLIENT_ID, MULTI_CLIENT_SECRET);
    let op = OperatorClient::new(config(&sb), creds.clone()).unwrap();
    let err = op.workspaces().stats().unwrap_err();
    assert!(
        matches!(err, Error::Validation { status: 400, .. }),
        "{err:?}"
    );

    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .organization_id(OTHER_ORGANIZATION_ID)
        .build()
        .unwrap();
    let op = OperatorClient::new(config, creds).unwrap();
    op.workspaces().stats().unwrap();
}

#[test]
fn refresh_with_a_two_second_ttl_while_calls_continue() {
    let sb = sandbox_with(SandboxConfig {
        operator_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let op = operator(&sb);
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(4500) {
        op.workspaces()
            .stats()
            .expect("no call fails across expiry");
        std::thread::sleep(Duration::from_millis(100));
    }
    let mints = sb.token_requests();
    assert!(
        (3..=6).contains(&mints),
        "{mints} token requests in 4.5 s with a 2 s TTL"
    );
}

#[test]
fn sixteen_threads_on_an_expired_token_make_one_token_request() {
    let sb = sandbox_with(SandboxConfig {
        operator_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    assert_eq!(sb.token_requests(), 1);
    std::thread::sleep(Duration::from_millis(2100));
    let barrier = Arc::new(std::sync::Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let (op, barrier) = (op.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                barrier.wait();
                op.workspaces().stats().unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(sb.token_requests(), 2);
}

#[test]
fn a_401_refreshes_and_replays_once() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.revoke_operator_tokens();
    op.workspaces().stats().expect("replayed with a new token");
    assert_eq!(sb.token_requests(), 2);
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 3);
}

#[test]
fn a_second_401_is_unauthorized() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(Fault {
        method: None,
        path_prefix: Some("/workspaces".into()),
        count: 2,
        action: FaultAction::ExpireToken,
    });
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");
    assert_eq!(sb.token_requests(), 2, "one refresh, no loop");
}

#[test]
fn a_403_never_refreshes() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/workspaces",
        1,
        403,
        "application/json",
        r#"{"message": "Access denied", "errors": []}"#,
    ));
    let err = op.workspaces().stats().unwrap_err();
    assert!(
        matches!(&err, Error::Forbidden { detail, .. } if detail == "Access denied"),
        "{err:?}"
    );
    assert_eq!(sb.token_requests(), 1);
}

/// An operator client whose 403s refresh the token once it is `age` old.
fn refreshing_on_403_after(sb: &Sandbox, age: Duration) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .forbidden_refresh_after(age)
        .build()
        .unwrap();
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap()
}

#[test]
fn a_403_with_an_older_token_refreshes_and_replays_once() {
    let sb = sandbox();
    let op = refreshing_on_403_after(&sb, Duration::from_millis(300));
    op.workspaces().stats().unwrap();
    std::thread::sleep(Duration::from_millis(350));
    // The service's answer to an operator token it no longer accepts, as its spec documents.
    let denied = r#"{"message": "Unauthorized", "errors": []}"#;
    sb.inject_fault(respond("/workspaces", 1, 403, "application/json", denied));
    op.workspaces().stats().expect("refreshed and replayed");
    assert_eq!(sb.token_requests(), 2);

    // A real permission error: the old token's 403 mints once, the fresh token's 403 is
    // final, and the next 403 within the threshold mints nothing.
    std::thread::sleep(Duration::from_millis(350));
    sb.inject_fault(respond("/workspaces", 3, 403, "application/json", denied));
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert_eq!(sb.token_requests(), 3);
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert_eq!(
        sb.token_requests(),
        3,
        "no mint for a 403 with a fresh token"
    );
}

#[test]
fn a_403_on_a_caller_given_token_is_final() {
    let sb = sandbox();
    let op = operator(&sb);
    let token = op.scoped_token("acme-corp").unwrap();
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .forbidden_refresh_after(Duration::ZERO)
        .build()
        .unwrap();
    let end_user = EndUserClient::new(config, token).unwrap();
    let before = sb.requests().len();
    sb.inject_fault(respond(
        "/embedded/source-templates",
        1,
        403,
        "application/json",
        "{}",
    ));
    let err = end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert_eq!(sb.requests().len(), before + 1, "not replayed");
}

#[test]
fn scoped_tokens_reach_one_workspace_and_are_cached_per_name() {
    let sb = sandbox();
    let op = operator(&sb);
    let first = op.scoped_token("acme-corp").unwrap();
    let again = op.scoped_token("acme-corp").unwrap();
    assert_eq!(first.expose(), again.expose());
    assert_eq!(requests_to(&sb, "/embedded/scoped-token").len(), 1);
    let other = op.scoped_token("globex").unwrap();
    assert_ne!(other.workspace_id(), first.workspace_id());

    let end_user = EndUserClient::new(config(&sb), first.clone()).unwrap();
    let info = end_user.token_info().unwrap();
    assert_eq!(Some(info.workspace_id.as_str()), first.workspace_id());
    assert_eq!(info.organization_id.as_deref(), Some(ORGANIZATION_ID));
    assert!(!format!("{first:?}").contains(first.expose()));

    let fresh = op
        .mint_scoped_token(&ScopedTokenRequest::new("acme-corp"))
        .unwrap();
    assert_eq!(fresh.workspace_id(), first.workspace_id());
    assert_eq!(
        requests_to(&sb, "/embedded/scoped-token").len(),
        3,
        "acme, globex, then a fresh acme"
    );
}

#[test]
fn a_given_scoped_token_that_expires_is_final() {
    let sb = sandbox_with(SandboxConfig {
        // The sandbox's `exp` is a whole second: with 2 s a token lives at least 1 s, so the
        // first call always finds it valid however late in a second it was minted.
        scoped_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let token = operator(&sb)
        .mint_scoped_token(&ScopedTokenRequest::new("acme-corp"))
        .unwrap();
    let end_user = EndUserClient::new(config(&sb), token).unwrap();
    end_user.token_info().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    let err = end_user.token_info().unwrap_err();
    assert!(matches!(err, Error::Unauthorized { .. }), "{err:?}");
}

#[test]
fn an_end_user_client_from_the_operator_re_mints_after_expiry() {
    let sb = sandbox_with(SandboxConfig {
        scoped_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let op = operator(&sb);
    let end_user = op.end_user_client("acme-corp").unwrap();
    end_user.token_info().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    end_user
        .token_info()
        .expect("a new scoped token was minted");
    assert_eq!(requests_to(&sb, "/embedded/scoped-token").len(), 2);
}

#[test]
fn widget_tokens_are_decoded_and_origins_checked_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let widget = op
        .mint_widget_token(&WidgetTokenRequest::new(
            "acme-corp",
            "http://localhost:3000",
        ))
        .unwrap();
    assert!(
        widget.widget_url().starts_with("http"),
        "{}",
        widget.widget_url()
    );
    let inner = airbyte_embedded::ScopedToken::new(widget.expose_scoped_token());
    assert!(inner.workspace_id().is_some());
    assert!(!format!("{widget:?}").contains(widget.expose_scoped_token()));

    let before = sb.requests().len();
    let err = op
        .mint_widget_token(&WidgetTokenRequest::new(
            "acme-corp",
            "https://app.example.com/",
        ))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { argument, .. } if argument == "allowed_origin")
    );
    assert_eq!(sb.requests().len(), before, "nothing sent");
}

#[test]
fn the_newer_token_routes_can_be_chosen() {
    let sb = sandbox();
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .token_routes(TokenRoutes::Applications)
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    op.scoped_token("acme-corp").unwrap();
    op.mint_widget_token(&WidgetTokenRequest::new("acme-corp", "null"))
        .unwrap();
    op.end_user_client("acme-corp")
        .unwrap()
        .token_info()
        .unwrap();
    assert_eq!(
        requests_to(&sb, "/account/applications/scoped-token").len(),
        1
    );
    assert_eq!(
        requests_to(&sb, "/account/applications/widget-token").len(),
        1
    );
    assert_eq!(
        requests_to(&sb, "/account/applications/scoped-token/info").len(),
        1
    );
    assert!(requests_to(&sb, "/embedded/scoped-token").is_empty());
}

#[test]
fn user_agent_names_the_sdk() {
    let sb = sandbox();
    operator(&sb)
        .workspaces()
        .list_page(&WorkspaceFilter::default(), None)
        .unwrap();
    let ua = sb.requests()[0]
        .headers
        .iter()
        .find(|(k, _)| k == "user-agent")
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(ua.starts_with("airbyte-embedded-rust/"), "{ua}");
}
