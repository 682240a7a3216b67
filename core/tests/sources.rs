//! Sources and checks against the sandbox, for end users and for the operator.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::{CheckState, SourceCreate, SourceUpdate};
use airbyte_embedded::{
    EndUserClient, Error, OperatorClient, TagFilter, WaitOptions, WriteOptions,
};
use common::*;
use serde_json::{Map, Value, json};

struct World {
    sb: Sandbox,
    op: OperatorClient,
    end_user: EndUserClient,
    workspace_id: String,
}

fn world() -> World {
    let sb = sandbox();
    let op = operator(&sb);
    let end_user = op.end_user_client("acme-corp").unwrap();
    let workspace_id = end_user.workspace_id().unwrap();
    World {
        sb,
        op,
        end_user,
        workspace_id,
    }
}

fn template(op: &OperatorClient, connector: &str, defaults: Value) -> String {
    let def = op.definitions().list_sources(Some(connector)).unwrap()[0]
        .source_definition_id
        .clone();
    op.source_templates()
        .create(&SourceTemplateCreate::new(def, object(defaults)))
        .unwrap()
        .id
}

fn pg_config(host: &str) -> Map<String, Value> {
    object(json!({
        "host": host,
        "database": "app",
        "username": "airbyte",
        "password": "hunter2-secret"
    }))
}

#[test]
fn end_user_lists_templates_and_creates_reads_updates_lists_deletes_a_source() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let offered = w
        .end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    assert_eq!(offered.len(), 1);
    let full = w.end_user.source_templates().get(&t).unwrap();
    assert!(full.user_config_spec.is_some());

    let created = w
        .end_user
        .sources()
        .create(&SourceCreate::new(&w.workspace_id, &t, pg_config("db.acme.example")).name("prod"))
        .unwrap();
    assert_eq!(created.name.as_deref(), Some("prod"));
    assert_eq!(
        created.source_config["password"], "**********",
        "secret masked"
    );
    assert_eq!(
        created.source_config["port"], 5432,
        "template default merged"
    );
    assert_eq!(created.source_config["host"], "db.acme.example");

    let got = w.end_user.sources().get(&created.id).unwrap();
    assert_eq!(got.id, created.id);
    assert_eq!(got.source_template.unwrap().id, t);

    let renamed = w
        .end_user
        .sources()
        .update(
            &created.id,
            &SourceUpdate {
                name: Some("replica".into()),
                source_config: None,
            },
        )
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("replica"));
    let moved = w
        .end_user
        .sources()
        .update(
            &created.id,
            &SourceUpdate {
                name: None,
                source_config: Some(pg_config("db2.acme.example")),
            },
        )
        .unwrap();
    assert_eq!(moved.source_config["host"], "db2.acme.example");

    let listed = w.end_user.sources().list(&w.workspace_id).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].summarized_source_template.as_ref().unwrap().id, t);

    let deleted = w.end_user.sources().delete(&created.id).unwrap();
    assert_eq!(deleted.id.as_deref(), Some(created.id.as_str()));
    assert!(matches!(
        w.end_user.sources().get(&created.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_operator_reaches_the_same_sources() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let created = w
        .end_user
        .sources()
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            pg_config("db.acme.example"),
        ))
        .unwrap();
    let seen = w.op.sources().list(&w.workspace_id).unwrap();
    assert_eq!(seen[0].id, created.id);
    let by_operator =
        w.op.sources()
            .create(&SourceCreate::new(
                &w.workspace_id,
                &t,
                pg_config("db3.acme.example"),
            ))
            .unwrap();
    assert_eq!(w.end_user.sources().list(&w.workspace_id).unwrap().len(), 2);
    w.op.sources().delete(&by_operator.id).unwrap();
}

#[test]
fn another_workspace_is_out_of_reach() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let source = w
        .end_user
        .sources()
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            pg_config("db.acme.example"),
        ))
        .unwrap();
    let other = w.op.end_user_client("globex").unwrap();
    assert!(matches!(
        other.sources().get(&source.id),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        other.sources().list(&w.workspace_id),
        Err(Error::Forbidden { .. })
    ));
}

#[test]
fn checks_succeed_fail_and_can_be_waited_for() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let sources = w.end_user.sources();
    let good = sources
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            pg_config("db.acme.example"),
        ))
        .unwrap();
    let job = sources
        .check(&good.id, &SourceUpdate::default(), &WriteOptions::default())
        .unwrap();
    let first = sources.check_status(&job.id).unwrap();
    assert!(!first.status.is_terminal(), "{:?}", first.status);
    let done = sources
        .wait_for_check(&job.id, &WaitOptions::default())
        .unwrap();
    assert_eq!(done.status, CheckState::Succeeded);

    let job = sources
        .check_config(
            &SourceCreate::new(&w.workspace_id, &t, pg_config("db.acme.invalid")),
            &WriteOptions::default(),
        )
        .unwrap();
    let failed = sources
        .wait_for_check(&job.id, &WaitOptions::default())
        .unwrap();
    assert_eq!(
        failed.status,
        CheckState::Failed,
        "failed is an answer, not an error"
    );
    assert!(failed.error_message.is_some());
    let reason = failed.failure_reason.unwrap();
    assert_eq!(reason.failure_type.as_deref(), Some("config_error"));

    let job = sources
        .check(&good.id, &SourceUpdate::default(), &WriteOptions::default())
        .unwrap();
    let err = sources
        .wait_for_check(
            &job.id,
            &WaitOptions {
                timeout: Duration::from_millis(20),
                initial_interval: Duration::from_millis(5),
                max_interval: Duration::from_millis(5),
            },
        )
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
}

#[test]
fn an_invalid_config_is_refused_without_any_request() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let sources = w.end_user.sources();
    sources
        .create_with(
            &SourceCreate::new(&w.workspace_id, &t, pg_config("h")),
            &WriteOptions::unvalidated(),
        )
        .unwrap();
    // The template is now cached: validation needs no request.
    sources
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            pg_config("warm-the-cache"),
        ))
        .unwrap();
    w.sb.clear_requests();
    let mut config = pg_config("h");
    config.insert("port".into(), json!("5432"));
    config.remove("database");
    let err = sources
        .create(&SourceCreate::new(&w.workspace_id, &t, config))
        .unwrap_err();
    match &err {
        Error::InvalidConfig { errors, .. } => {
            let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
            assert!(paths.contains(&"/port"), "{paths:?}");
            assert!(
                errors.iter().any(|e| e.message.contains("database")),
                "{errors:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(w.sb.requests().is_empty(), "nothing sent");
}

#[test]
fn a_masked_secret_is_never_sent_back() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let sources = w.end_user.sources();
    let created = sources
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            pg_config("db.acme.example"),
        ))
        .unwrap();
    let fetched = sources.get(&created.id).unwrap();
    let mut echo = fetched.source_config.clone();
    echo.remove("port");
    w.sb.clear_requests();
    let err = sources
        .update(
            &created.id,
            &SourceUpdate {
                name: None,
                source_config: Some(echo),
            },
        )
        .unwrap_err();
    match &err {
        Error::InvalidConfig { errors, .. } => {
            assert!(errors.iter().any(|e| e.path == "/password"), "{errors:?}")
        }
        other => panic!("{other:?}"),
    }
    assert!(w.sb.requests().iter().all(|r| r.method != "PUT"));
}

#[test]
fn the_service_validates_too() {
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let mut config = pg_config("h");
    config.remove("host");
    let err = w
        .end_user
        .sources()
        .create_with(
            &SourceCreate::new(&w.workspace_id, &t, config),
            &WriteOptions::unvalidated(),
        )
        .unwrap_err();
    match err {
        Error::Validation {
            status: 422,
            field_errors,
            ..
        } => {
            assert!(
                field_errors.iter().any(|f| f
                    .field
                    .as_deref()
                    .unwrap_or("")
                    .contains("source_config"))
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn config_dates_go_out_byte_for_byte() {
    let w = world();
    let t = template(&w.op, "hubspot", json!({}));
    let config = object(json!({
        "credentials": {"option_title": "Private App Credentials", "access_token": "pat-secret"},
        "start_date": "2024-01-01T00:00:00.000Z"
    }));
    w.sb.clear_requests();
    let created = w
        .end_user
        .sources()
        .create(&SourceCreate::new(&w.workspace_id, &t, config))
        .unwrap();
    assert_eq!(
        created.source_config["start_date"],
        "2024-01-01T00:00:00.000Z"
    );
    let post =
        w.sb.requests()
            .into_iter()
            .find(|r| r.method == "POST")
            .unwrap();
    let body = String::from_utf8(post.body).unwrap();
    assert!(
        body.contains(r#""start_date":"2024-01-01T00:00:00.000Z""#),
        "{body}"
    );
}

/// The status body of job `id` with `status`, and nothing else.
fn status_body(id: &str, status: &str) -> String {
    json!({"id": id, "status": status}).to_string()
}

#[test]
fn an_unknown_check_state_keeps_the_wait_polling() {
    assert!(!CheckState::Unknown("queued".into()).is_terminal());
    for known in [
        CheckState::Succeeded,
        CheckState::Failed,
        CheckState::Cancelled,
    ] {
        assert!(known.is_terminal(), "{known}");
    }
    let w = world();
    let t = template(&w.op, "postgres", json!({"port": 5432}));
    let sources = w.end_user.sources();
    let job = sources
        .check_config(
            &SourceCreate::new(&w.workspace_id, &t, pg_config("db.acme.example")),
            &WriteOptions::default(),
        )
        .unwrap();
    // The first three polls see a state this SDK does not know; the real job answers after.
    w.sb.inject_fault(respond(
        "/embedded/sources/check/",
        3,
        200,
        "application/json",
        &status_body(&job.id, "queued"),
    ));
    w.sb.clear_requests();
    let done = sources
        .wait_for_check(
            &job.id,
            &WaitOptions {
                initial_interval: Duration::from_millis(5),
                max_interval: Duration::from_millis(20),
                ..WaitOptions::default()
            },
        )
        .unwrap();
    assert_eq!(done.status, CheckState::Succeeded);
    assert!(
        requests_to(&w.sb, "/status").len() >= 4,
        "polled past `queued`"
    );
}

#[test]
fn a_check_stuck_in_an_unknown_state_times_out_naming_it() {
    let w = world();
    w.end_user.token_info().unwrap();
    w.sb.inject_fault(respond(
        "/embedded/sources/check/",
        10_000,
        200,
        "application/json",
        &status_body("job-1", "queued"),
    ));
    let err = w
        .end_user
        .sources()
        .wait_for_check(
            "job-1",
            &WaitOptions {
                timeout: Duration::from_millis(60),
                initial_interval: Duration::from_millis(5),
                max_interval: Duration::from_millis(5),
            },
        )
        .unwrap_err();
    match err {
        Error::Timeout { detail } => assert!(detail.contains("queued"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_failure_text_falls_back_to_message() {
    let w = world();
    w.end_user.token_info().unwrap();
    let reason = json!({
        "timestamp": 1760000000000u64, "failure_origin": "source",
        "failure_type": "config_error", "external_message": "Could not connect",
        "internal_message": "java.net.ConnectException", "stacktrace": null,
        "retryable": false, "from_trace_message": true, "stream_descriptor": null
    });
    let cases = [
        (
            json!({"id": "job-1", "status": "failed", "message": "Connection refused",
                   "failure_reason": reason}),
            Some("Connection refused"),
        ),
        (
            json!({"id": "job-1", "status": "failed", "error_message": null,
                   "message": "Connection refused", "failure_reason": reason}),
            Some("Connection refused"),
        ),
        (
            json!({"id": "job-1", "status": "failed", "error_message": "Host unreachable",
                   "message": "Connection refused", "failure_reason": reason}),
            Some("Host unreachable"),
        ),
        (json!({"id": "job-1", "status": "failed"}), None),
    ];
    for (body, expected) in cases {
        w.sb.inject_fault(respond(
            "/embedded/sources/check/",
            1,
            200,
            "application/json",
            &body.to_string(),
        ));
        let status = w.end_user.sources().check_status("job-1").unwrap();
        assert_eq!(status.status, CheckState::Failed);
        assert_eq!(status.error_message.as_deref(), expected, "{body}");
        if body.get("failure_reason").is_some() {
            let parsed = status.failure_reason.expect("failure_reason kept");
            assert_eq!(parsed.timestamp, Some(json!(1760000000000u64)));
            assert_eq!(parsed.failure_origin.as_deref(), Some("source"));
            assert_eq!(parsed.failure_type.as_deref(), Some("config_error"));
            assert_eq!(
                parsed.external_message.as_deref(),
                Some("Could not connect")
            );
            assert_eq!(
                parsed.internal_message.as_deref(),
                Some("java.net.ConnectException")
            );
            assert_eq!(parsed.retryable, Some(false));
        }
    }
}

/// A Stripe source (required `account_id`, secret `client_secret`, patterned `start_date`),
/// its id, and the sources API of its end user.
fn stripe_source(w: &World) -> String {
    let t = template(&w.op, "stripe", json!({}));
    w.end_user
        .sources()
        .create(&SourceCreate::new(
            &w.workspace_id,
            &t,
            object(json!({
                "account_id": "acct_1A2b3C4d5E6f7G8h",
                "client_secret": "sk_live_partial_update_secret",
                "start_date": "2024-01-01T00:00:00Z"
            })),
        ))
        .unwrap()
        .id
}

fn update_of(config: Value) -> SourceUpdate {
    SourceUpdate {
        name: None,
        source_config: Some(object(config)),
    }
}

/// The bodies of the `PUT`s the sandbox saw.
fn put_bodies(sb: &Sandbox) -> Vec<Value> {
    sb.requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect()
}

/// Answers the next `PUT` under `/embedded/sources/` with `source` (a service that merges the
/// partial config over the stored one, as `SourceUpdateRequest`'s "partial config" says).
fn answer_put_with(sb: &Sandbox, source: &airbyte_embedded::sources::Source) {
    sb.inject_fault(Fault {
        method: Some("PUT".into()),
        ..respond(
            "/embedded/sources/",
            1,
            200,
            "application/json",
            &serde_json::to_string(source).unwrap(),
        )
    });
}

#[test]
fn an_update_of_one_field_needs_no_secret_and_sends_only_that_field() {
    let w = world();
    let id = stripe_source(&w);
    let sources = w.end_user.sources();
    answer_put_with(&w.sb, &sources.get(&id).unwrap());
    w.sb.clear_requests();
    sources
        .update(&id, &update_of(json!({"lookback_window_days": 7})))
        .unwrap();
    assert_eq!(
        put_bodies(&w.sb),
        vec![json!({"source_config": {"lookback_window_days": 7}})],
        "only the field carried: no required field added, no stored value, no mask"
    );
}

#[test]
fn a_partial_check_of_an_existing_source_succeeds_end_to_end() {
    let w = world();
    let id = stripe_source(&w);
    let sources = w.end_user.sources();
    let job = sources
        .check(
            &id,
            &update_of(json!({"start_date": "2025-06-01T00:00:00Z"})),
            &WriteOptions::default(),
        )
        .unwrap();
    let done = sources
        .wait_for_check(
            &job.id,
            &WaitOptions {
                initial_interval: Duration::from_millis(20),
                ..WaitOptions::default()
            },
        )
        .unwrap();
    assert_eq!(done.status, CheckState::Succeeded);
}

#[test]
fn a_partial_update_still_checks_the_fields_it_carries() {
    let w = world();
    let id = stripe_source(&w);
    let sources = w.end_user.sources();
    w.sb.clear_requests();
    for (config, path, keyword) in [
        (
            json!({"lookback_window_days": "7"}),
            "/lookback_window_days",
            "type",
        ),
        (
            json!({"start_date": "2024-01-01"}),
            "/start_date",
            "pattern",
        ),
        (json!({"num_workers": 99}), "/num_workers", "maximum"),
    ] {
        let err = sources.update(&id, &update_of(config)).unwrap_err();
        match &err {
            Error::InvalidConfig { errors, .. } => {
                assert!(
                    errors
                        .iter()
                        .any(|e| e.path == path && e.keyword == keyword),
                    "{errors:?}"
                );
                assert!(
                    errors.iter().all(|e| e.keyword != "required"),
                    "no required errors for fields not carried: {errors:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(put_bodies(&w.sb).is_empty(), "nothing sent");
}

#[test]
fn a_partial_update_carrying_the_mask_is_refused_locally() {
    let w = world();
    let id = stripe_source(&w);
    let sources = w.end_user.sources();
    w.sb.clear_requests();
    let err = sources
        .update(
            &id,
            &update_of(json!({"client_secret": "**********", "lookback_window_days": 7})),
        )
        .unwrap_err();
    match &err {
        Error::InvalidConfig { errors, .. } => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].path, "/client_secret");
            assert_eq!(errors[0].keyword, "airbyte_secret");
        }
        other => panic!("{other:?}"),
    }
    assert!(put_bodies(&w.sb).is_empty(), "nothing sent");
}

#[test]
fn an_edited_fetched_config_leaves_its_masked_secrets_out() {
    let w = world();
    let id = stripe_source(&w);
    let sources = w.end_user.sources();
    let fetched = sources.get(&id).unwrap();
    assert_eq!(fetched.source_config["client_secret"], "**********");
    let mut edited = fetched.source_config.clone();
    edited.insert("lookback_window_days".into(), json!(3));
    answer_put_with(&w.sb, &fetched);
    w.sb.clear_requests();
    sources
        .update_with(
            &id,
            &SourceUpdate {
                name: None,
                source_config: Some(edited.clone()),
            },
            &WriteOptions {
                validation: airbyte_embedded::validation::ValidationOptions::for_fetched_config(),
                ..WriteOptions::default()
            },
        )
        .unwrap();
    let mut expected = edited;
    expected.remove("client_secret");
    assert_eq!(
        put_bodies(&w.sb),
        vec![json!({ "source_config": expected })]
    );
    assert!(
        !w.sb
            .requests()
            .iter()
            .any(|r| String::from_utf8_lossy(&r.body).contains("**********")),
        "the mask is never sent"
    );
}
