//! Error mapping against the sandbox: both body shapes, HTML from a proxy, rate limits,
//! unknown enum values.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use airbyte_embedded::sources::CheckState;
use airbyte_embedded::{Error, TagFilter};
use common::*;

#[test]
fn a_detail_string_body_maps_to_not_found() {
    let sb = sandbox();
    let err = operator(&sb)
        .source_templates()
        .get("no-such-template")
        .unwrap_err();
    match err {
        Error::NotFound { detail, .. } => assert!(!detail.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_message_shape_keeps_field_errors() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/integrations/templates/tags",
        1,
        400,
        "application/json",
        r#"{"message": "Invalid tag", "errors": [{"field": "name", "message": "already exists", "error_code": "duplicate"}]}"#,
    ));
    let err = op.tags().create("crm").unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.field_errors()[0].field.as_deref(), Some("name"));
    assert_eq!(err.field_errors()[0].code.as_deref(), Some("duplicate"));
    assert!(err.to_string().contains("Invalid tag"), "{err}");
}

#[test]
fn a_problem_json_body_keeps_its_specific_message() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/integrations/templates/tags",
        1,
        400,
        "application/problem+json",
        r#"{"type": "https://reference.airbyte.com/reference/errors#bad-request", "title": "Bad Request", "status": 400, "detail": "The request could not be understood by the server due to malformed syntax.", "data": {"message": "workspace name already taken"}}"#,
    ));
    let err = op.tags().create("crm").unwrap_err();
    match &err {
        Error::Validation {
            status: 400,
            detail,
            ..
        } => assert_eq!(detail, "Bad Request: workspace name already taken"),
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .contains("Bad Request: workspace name already taken"),
        "{err}"
    );
}

#[test]
fn a_hal_body_keeps_its_errors_as_field_errors() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/integrations/templates/tags",
        1,
        400,
        "application/hal+json",
        r#"{"message": "Bad Request", "_links": {"self": {"href": "/api/v1/integrations/templates/tags", "templated": false}}, "_embedded": {"errors": [{"message": "tag name already taken", "path": "/name"}]}}"#,
    ));
    let err = op.tags().create("crm").unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.field_errors().len(), 1, "{err:?}");
    assert_eq!(err.field_errors()[0].field.as_deref(), Some("/name"));
    assert_eq!(err.field_errors()[0].message, "tag name already taken");
    assert!(
        err.to_string()
            .contains("Bad Request: /name: tag name already taken"),
        "{err}"
    );
}

#[test]
fn the_detail_list_shape_keeps_locations() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/integrations/templates/tags",
        1,
        422,
        "application/json",
        r#"{"detail": [{"loc": ["body", "name"], "msg": "field required", "type": "value_error.missing"}]}"#,
    ));
    let err = op.tags().create("crm").unwrap_err();
    match &err {
        Error::Validation {
            status: 422,
            field_errors,
            ..
        } => {
            assert_eq!(field_errors[0].field.as_deref(), Some("body.name"));
            assert_eq!(field_errors[0].message, "field required");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_html_502_keeps_status_and_a_snippet() {
    let sb = sandbox();
    // A 502 on a GET is retried by default; this test is about the error, so no retries.
    let op = operator(&sb).with_retry_policy(airbyte_embedded::RetryPolicy::disabled());
    op.workspaces().stats().unwrap();
    let html = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "x".repeat(10_000)
    );
    sb.inject_fault(respond("/workspaces", 1, 502, "text/html", &html));
    let err = op.workspaces().stats().unwrap_err();
    match &err {
        Error::Server {
            status: 502,
            detail,
        } => {
            assert!(detail.contains("502 Bad Gateway"));
            assert!(detail.len() < 4200, "bounded: {}", detail.len());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_success_bodies_are_decode_errors() {
    let sb = sandbox();
    let op = operator(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(respond(
        "/workspaces/stats",
        1,
        200,
        "application/json",
        r#"{"active_count": "#,
    ));
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
}

#[test]
fn an_unknown_enum_value_parses() {
    let sb = sandbox();
    let op = operator(&sb);
    let end_user = op.end_user_client("acme-corp").unwrap();
    end_user.token_info().unwrap();
    sb.inject_fault(respond(
        "/embedded/sources/check/",
        1,
        200,
        "application/json",
        r#"{"id": "job-1", "status": "paused_for_review", "future_field": 1}"#,
    ));
    // Read once: an unknown state is not terminal, so `wait_for_check` would keep polling
    // (see `core/tests/sources.rs`).
    let status = end_user.sources().check_status("job-1").unwrap();
    assert_eq!(
        status.status,
        CheckState::Unknown("paused_for_review".into())
    );
    assert_eq!(status.status.to_string(), "paused_for_review");
}

#[test]
fn rate_limits_are_read_and_429_is_typed() {
    let sb = sandbox_with(SandboxConfig {
        rate_limit_per_hour: 5,
        ..Default::default()
    });
    let op = operator(&sb);
    let mut last = None;
    for _ in 0..10 {
        match op.source_templates().list(&TagFilter::default()) {
            Ok(_) => last = op.last_rate_limit(),
            Err(e) => {
                last = None;
                match e {
                    Error::RateLimited { rate_limit, .. } => {
                        assert_eq!(rate_limit.limit, Some(5));
                        assert_eq!(rate_limit.remaining, Some(0));
                        let wait = rate_limit.retry_after.expect("Retry-After read");
                        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(3600));
                        assert!(rate_limit.reset_unix_seconds.is_some());
                    }
                    other => panic!("{other:?}"),
                }
                break;
            }
        }
        assert!(last.is_some_and(|l| l.limit == Some(5)));
    }
    assert!(last.is_none(), "the limit was reached");
}

#[test]
fn a_slow_response_times_out() {
    let sb = sandbox();
    let config = airbyte_embedded::ClientConfig::builder()
        .base_url(sb.base_url())
        .request_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let op = airbyte_embedded::OperatorClient::new(
        config,
        airbyte_embedded::Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap();
    op.workspaces().stats().unwrap();
    sb.inject_fault(Fault {
        method: None,
        path_prefix: Some("/workspaces".into()),
        count: 1,
        action: FaultAction::Delay { millis: 1500 },
    });
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
}
