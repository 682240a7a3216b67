//! Retries, rate limits, timeouts, proxies and TLS settings against the sandbox's faults.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use airbyte_embedded::sources::{SourceCreate, SourceUpdate};
use airbyte_embedded::{
    ClientConfig, ClientConfigBuilder, Credentials, Error, OperatorClient, Pacing, RetryPolicy,
    TagFilter, WaitOptions, WriteOptions,
};
use common::*;
use serde_json::json;

/// Quick retries without jitter, so waits are predictable.
fn quick() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        initial_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(200),
        max_elapsed: Duration::from_secs(30),
        jitter: false,
    }
}

fn client(
    sb: &Sandbox,
    tweak: impl FnOnce(ClientConfigBuilder) -> ClientConfigBuilder,
) -> OperatorClient {
    let config = tweak(
        ClientConfig::builder()
            .base_url(sb.base_url())
            .retry_policy(quick()),
    )
    .build()
    .unwrap();
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap()
}

fn quick_client(sb: &Sandbox) -> OperatorClient {
    client(sb, |b| b)
}

fn fault(method: &str, prefix: &str, count: u32, action: FaultAction) -> Fault {
    Fault::new(action).on(method, prefix).times(count)
}

fn tokens_sent(sb: &Sandbox, suffix: &str) -> Vec<String> {
    requests_to(sb, suffix)
        .iter()
        .filter_map(|r| r.header("authorization").map(str::to_owned))
        .collect()
}

#[test]
fn a_get_recovers_from_502s_and_503s() {
    let sb = sandbox();
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(502)));
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::html_page(503)));
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(504)));
    op.workspaces().stats().unwrap();
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 1 + 4);
}

#[test]
fn retries_run_out_after_three() {
    let sb = sandbox();
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault("GET", "/workspaces", 4, FaultAction::status(503)));
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Server { status: 503, .. }), "{err:?}");
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 1 + 4);
}

#[test]
fn a_500_and_a_4xx_are_not_retried() {
    let sb = sandbox();
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(500)));
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Server { status: 500, .. }), "{err:?}");
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(409)));
    let err = op.workspaces().stats().unwrap_err();
    assert_eq!(err.status(), Some(409));
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 3);
}

#[test]
fn retry_policy_disabled_sends_once() {
    let sb = sandbox();
    let op = client(&sb, |b| b.retry_policy(RetryPolicy::disabled()));
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(503)));
    assert!(op.workspaces().stats().is_err());
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 2);
    // Per call: the default client, with retries switched off for one call only.
    let op = quick_client(&sb);
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(503)));
    assert!(
        op.with_retry_policy(RetryPolicy::disabled())
            .workspaces()
            .stats()
            .is_err()
    );
    sb.inject_fault(fault("GET", "/workspaces", 1, FaultAction::status(503)));
    op.workspaces().stats().unwrap();
}

/// An operator, an end user of `acme-corp`, its workspace id and a Postgres template id.
fn end_user_world(
    sb: &Sandbox,
) -> (
    OperatorClient,
    airbyte_embedded::EndUserClient,
    String,
    String,
) {
    let op = quick_client(sb);
    let postgres = op
        .definitions()
        .list_sources(Some("postgres"))
        .unwrap()
        .remove(0);
    let template = op
        .source_templates()
        .create(&airbyte_embedded::integrations::SourceTemplateCreate::new(
            &postgres.source_definition_id,
            object(json!({"port": 5432})),
        ))
        .unwrap();
    let end_user = op.end_user_client("acme-corp").unwrap();
    let workspace_id = end_user.workspace_id().unwrap();
    (op, end_user, workspace_id, template.id)
}

fn pg_source(workspace_id: &str, template_id: &str, name: &str) -> SourceCreate {
    SourceCreate::new(
        workspace_id,
        template_id,
        object(json!({"host": "db.example", "database": "app", "username": "u", "password": "pw-secret-1"})),
    )
    .name(name)
}

#[test]
fn a_create_that_may_have_reached_the_server_is_not_retried() {
    let sb = sandbox();
    let (_, end_user, ws, t) = end_user_world(&sb);
    let sources = end_user.sources();

    // Reset after the server committed: one source exists, the error says so.
    sb.inject_fault(fault(
        "POST",
        "/embedded/sources",
        1,
        FaultAction::ResetAfterCommit,
    ));
    let err = sources.create(&pg_source(&ws, &t, "first")).unwrap_err();
    let text = err.to_string();
    assert!(err.is_outcome_unknown(), "{err:?}");
    assert!(
        text.starts_with("POST /embedded/sources: the outcome is unknown (connection"),
        "{text}"
    );
    assert!(
        text.ends_with("list sources by name before retrying"),
        "{text}"
    );
    assert_eq!(requests_to(&sb, "/embedded/sources").len(), 1, "sent once");
    let found: Vec<_> = sources
        .list(&ws)
        .unwrap()
        .into_iter()
        .filter(|s| s.name.as_deref() == Some("first"))
        .collect();
    assert_eq!(found.len(), 1, "reconciled by name");

    // A 502 on a create: not retried either, the status is kept.
    sb.inject_fault(fault(
        "POST",
        "/embedded/sources",
        1,
        FaultAction::status(502),
    ));
    let err = sources.create(&pg_source(&ws, &t, "second")).unwrap_err();
    assert!(err.is_outcome_unknown());
    assert_eq!(err.status(), Some(502));
    assert!(
        err.to_string().contains("(HTTP 502 from the server)"),
        "{err}"
    );
    match &err {
        Error::OutcomeUnknown { status, path, .. } => {
            assert_eq!(path, "/embedded/sources");
            assert_eq!(*status, Some(502));
        }
        other => panic!("{other:?}"),
    }

    // A reset before the response: nothing was created, still unknown to the client.
    sb.inject_fault(fault(
        "POST",
        "/embedded/sources",
        1,
        FaultAction::ResetBeforeResponse,
    ));
    assert!(
        sources
            .create(&pg_source(&ws, &t, "third"))
            .unwrap_err()
            .is_outcome_unknown()
    );
    assert_eq!(requests_to(&sb, "/embedded/sources").len(), 4);
    assert_eq!(sb.inventory().duplicate_count(), 0);
    assert_eq!(sb.inventory().sources, vec!["first".to_owned()]);
}

#[test]
fn a_slow_create_past_the_read_timeout_is_reported_not_repeated() {
    let sb = sandbox();
    let (op, _, ws, t) = end_user_world(&sb);
    // An end user holding a scoped token, with a short read timeout.
    let slow = airbyte_embedded::EndUserClient::new(
        ClientConfig::builder()
            .base_url(sb.base_url())
            .read_timeout(Duration::from_millis(300))
            .retry_policy(quick())
            .build()
            .unwrap(),
        op.scoped_token("acme-corp").unwrap(),
    )
    .unwrap();
    sb.inject_fault(fault(
        "POST",
        "/embedded/sources",
        1,
        FaultAction::DelayResponse { millis: 800 },
    ));
    let err = slow
        .sources()
        .create(&pg_source(&ws, &t, "slow"))
        .unwrap_err();
    assert!(err.is_outcome_unknown(), "{err:?}");
    assert!(err.to_string().contains("read timeout"), "{err}");
    assert_eq!(requests_to(&sb, "/embedded/sources").len(), 1);
    // The server did create it: list by name finds it.
    thread::sleep(Duration::from_millis(600));
    assert_eq!(sb.inventory().sources, vec!["slow".to_owned()]);
}

#[test]
fn idempotent_calls_survive_resets_and_read_timeouts() {
    let sb = sandbox();
    let (_, end_user, ws, t) = end_user_world(&sb);
    let source = end_user.sources().create(&pg_source(&ws, &t, "s")).unwrap();
    sb.inject_fault(fault(
        "PUT",
        "/embedded/sources",
        1,
        FaultAction::ResetAfterCommit,
    ));
    sb.inject_fault(fault(
        "PUT",
        "/embedded/sources",
        1,
        FaultAction::ResetBeforeResponse,
    ));
    let renamed = end_user
        .sources()
        .update(
            &source.id,
            &SourceUpdate {
                name: Some("renamed".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("renamed"));

    let op = client(&sb, |b| b.read_timeout(Duration::from_millis(300)));
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault(
        "GET",
        "/workspaces",
        1,
        FaultAction::Delay { millis: 700 },
    ));
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault(
        "DELETE",
        "/embedded/sources",
        1,
        FaultAction::ResetAfterCommit,
    ));
    // The first attempt deleted it; the retry finds it gone.
    let err = end_user.sources().delete(&source.id).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(sb.inventory().sources.is_empty());
}

#[test]
fn token_minting_and_checks_are_replayed() {
    let sb = sandbox();
    let op = quick_client(&sb);
    sb.inject_fault(fault(
        "POST",
        "/account/applications/token",
        2,
        FaultAction::status(503),
    ));
    op.workspaces().stats().unwrap();
    assert_eq!(sb.token_requests(), 3);

    sb.inject_fault(fault(
        "POST",
        "/embedded/scoped-token",
        1,
        FaultAction::ResetAfterCommit,
    ));
    sb.inject_fault(fault(
        "POST",
        "/embedded/widget-token",
        1,
        FaultAction::status(502),
    ));
    let scoped = op
        .mint_scoped_token(&airbyte_embedded::ScopedTokenRequest::new("acme-corp"))
        .unwrap();
    op.mint_widget_token(&airbyte_embedded::WidgetTokenRequest::new(
        "acme-corp",
        "https://app.example.com",
    ))
    .unwrap();
    assert!(scoped.workspace_id().is_some());
    assert_eq!(
        sb.inventory().workspaces,
        vec!["acme-corp".to_owned()],
        "created once"
    );

    let (_, end_user, ws, t) = end_user_world(&sb);
    let source = end_user
        .sources()
        .create(&pg_source(&ws, &t, "checked"))
        .unwrap();
    sb.inject_fault(fault(
        "POST",
        "/embedded/sources/",
        1,
        FaultAction::ResetBeforeResponse,
    ));
    let job = end_user
        .sources()
        .check(
            &source.id,
            &SourceUpdate::default(),
            &WriteOptions::default(),
        )
        .unwrap();
    end_user
        .sources()
        .wait_for_check(&job.id, &WaitOptions::default())
        .unwrap();
}

#[test]
fn a_429_waits_for_retry_after_then_recovers() {
    let sb = sandbox();
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    // A create is retried after a 429: the server did nothing.
    sb.inject_fault(fault(
        "POST",
        "/integrations/templates/tags",
        1,
        FaultAction::too_many_requests(Some(1)),
    ));
    let started = Instant::now();
    op.tags().create("after-429").unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sb.inventory().tags, vec!["after-429".to_owned()]);
    // Without Retry-After: exponential backoff.
    sb.inject_fault(fault(
        "GET",
        "/workspaces",
        2,
        FaultAction::too_many_requests(None),
    ));
    op.workspaces().stats().unwrap();
    assert_eq!(requests_to(&sb, "/workspaces/stats").len(), 1 + 3);
}

#[test]
fn a_retry_after_past_the_budget_is_a_typed_error_at_once() {
    let sb = sandbox();
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    sb.inject_fault(fault(
        "GET",
        "/workspaces",
        1,
        FaultAction::too_many_requests(Some(3600)),
    ));
    let started = Instant::now();
    let err = op.workspaces().stats().unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    match &err {
        Error::RateLimited { rate_limit, .. } => {
            assert_eq!(rate_limit.retry_after, Some(Duration::from_secs(3600)));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("retry after 3600 s"), "{err}");
}

#[test]
fn the_sandbox_limit_is_waited_out_within_the_budget() {
    let sb = sandbox_with(SandboxConfig {
        rate_limit_per_hour: 3,
        rate_limit_window: Duration::from_secs(2),
        ..Default::default()
    });
    let op = quick_client(&sb);
    for _ in 0..5 {
        op.source_templates().list(&TagFilter::default()).unwrap();
    }
    let rl = op.last_rate_limit().unwrap();
    assert_eq!(rl.limit, Some(3));
    assert!(
        requests_to(&sb, "/integrations/templates/sources").len() > 5,
        "some were 429"
    );
}

/// `Retry-After: 200` on a 180-second token, at a short scale: the operator token lives 2 s
/// (refreshed at 1.5 s), the 429 asks for 3 s. The retry must mint a fresh token after the
/// wait, not send the expired one.
#[test]
fn a_retry_after_longer_than_the_token_lifetime_mints_a_fresh_token() {
    let sb = sandbox_with(SandboxConfig {
        operator_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let op = quick_client(&sb);
    op.workspaces().stats().unwrap();
    assert_eq!(sb.token_requests(), 1);
    sb.inject_fault(fault(
        "GET",
        "/workspaces",
        1,
        FaultAction::too_many_requests(Some(3)),
    ));
    op.workspaces().stats().unwrap();
    assert_eq!(sb.token_requests(), 2, "minted again after the wait");
    let sent = tokens_sent(&sb, "/workspaces/stats");
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0], sent[1], "the 429 was answered to the first token");
    assert_ne!(sent[1], sent[2], "the retry carried a fresh token");
    let statuses_401 = sb
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/workspaces/stats"))
        .count();
    assert_eq!(statuses_401, 3, "no 401 and no replay");
}

#[test]
fn a_token_expiring_mid_sequence_is_refreshed() {
    let sb = sandbox();
    let (_, end_user, _, _) = end_user_world(&sb);
    sb.inject_fault(fault(
        "GET",
        "/embedded/source-templates",
        1,
        FaultAction::ExpireToken,
    ));
    end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    let sent = tokens_sent(&sb, "/embedded/source-templates");
    assert_eq!(sent.len(), 2);
    assert_ne!(sent[0], sent[1]);
}

#[test]
fn a_connection_not_established_is_retried_for_any_method() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let config = ClientConfig::builder()
        .base_url(format!("http://127.0.0.1:{port}/api/v1"))
        .retry_policy(RetryPolicy {
            max_retries: 10,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(200),
            max_elapsed: Duration::from_secs(20),
            jitter: false,
        })
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    let late = thread::spawn(move || {
        thread::sleep(Duration::from_millis(400));
        Sandbox::start(SandboxConfig {
            port,
            ..Default::default()
        })
        .unwrap()
    });
    // The token POST and the tag POST both go out once the server is up.
    op.tags().create("late").unwrap();
    let sb = late.join().unwrap();
    assert_eq!(sb.token_requests(), 1);
    assert_eq!(sb.inventory().tags, vec!["late".to_owned()]);
}

#[test]
fn the_check_wait_keeps_its_own_deadline() {
    let sb = sandbox();
    let (_, end_user, ws, t) = end_user_world(&sb);
    let source = end_user.sources().create(&pg_source(&ws, &t, "s")).unwrap();
    let job = end_user
        .sources()
        .check(
            &source.id,
            &SourceUpdate::default(),
            &WriteOptions::default(),
        )
        .unwrap();
    // Every status request hangs for 5 s; the wait allows 700 ms in all.
    sb.inject_fault(fault(
        "GET",
        "/embedded/sources/check/",
        10,
        FaultAction::Delay { millis: 5000 },
    ));
    let started = Instant::now();
    let err = end_user
        .sources()
        .wait_for_check(
            &job.id,
            &WaitOptions {
                timeout: Duration::from_millis(700),
                ..Default::default()
            },
        )
        .unwrap_err();
    let took = started.elapsed();
    assert!(took < Duration::from_millis(1500), "{took:?}");
    match err {
        Error::Timeout { detail } => assert!(detail.contains(&job.id), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pacing_spreads_requests_when_few_are_left() {
    let sb = sandbox_with(SandboxConfig {
        rate_limit_per_hour: 4,
        rate_limit_window: Duration::from_secs(2),
        ..Default::default()
    });
    let op = client(&sb, |b| {
        b.retry_policy(RetryPolicy::disabled()).pacing(Pacing {
            below_remaining: 3,
            max_delay: Duration::from_secs(3),
        })
    });
    let started = Instant::now();
    for _ in 0..7 {
        op.workspaces().stats().unwrap();
    }
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(
        sb.requests().len() == 8,
        "no request was refused: {}",
        sb.requests().len()
    );
}

/// A CONNECT proxy on loopback that forwards to the sandbox and records what it was asked.
fn connect_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(client) = stream else { return };
            let log = Arc::clone(&log);
            thread::spawn(move || {
                let mut reader = BufReader::new(client.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                log.lock().unwrap().push(line.trim().to_owned());
                let target = line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or_default()
                    .to_owned();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                        break;
                    }
                }
                let upstream = TcpStream::connect(target).unwrap();
                let mut client = client;
                client
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .unwrap();
                let (mut up_r, mut up_w) = (upstream.try_clone().unwrap(), upstream);
                let mut down_w = client.try_clone().unwrap();
                let pump = thread::spawn(move || {
                    let _ = std::io::copy(&mut up_r, &mut down_w);
                });
                let mut rest = Vec::new();
                rest.extend_from_slice(reader.buffer());
                let _ = up_w.write_all(&rest);
                let mut client_r = reader.into_inner();
                let mut buf = [0u8; 8192];
                while let Ok(n) = client_r.read(&mut buf) {
                    if n == 0 || up_w.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
                let _ = pump.join();
            });
        }
    });
    (url, seen)
}

#[test]
fn requests_go_through_a_configured_proxy() {
    let sb = sandbox();
    let (proxy, seen) = connect_proxy();
    let op = client(&sb, |b| b.proxy(proxy.clone()));
    op.workspaces().stats().unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen.first().map(String::as_str),
        Some(format!("CONNECT 127.0.0.1:{} HTTP/1.1", sb.port()).as_str())
    );
    assert!(format!("{:?}", op.config()).contains("Fixed(HTTP 127.0.0.1:"));
}

#[test]
fn proxy_and_root_certificate_settings_are_checked() {
    let err = ClientConfig::builder()
        .proxy("ftp://user:hunter2@proxy.example:21")
        .build()
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "proxy"));
    assert!(!err.to_string().contains("hunter2"), "{err}");
    let config = ClientConfig::builder()
        .proxy("http://user:hunter2@proxy.example:3128")
        .build()
        .unwrap();
    assert!(!format!("{config:?}").contains("hunter2"));
    let err = ClientConfig::builder()
        .root_certificates_pem("not a certificate")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { argument, .. } if argument == "root_certificates")
    );
    ClientConfig::builder().no_proxy().build().unwrap();
}

#[test]
fn an_untrusted_certificate_is_not_retried() {
    // A TLS client against a plain-text server: the handshake fails, nothing is retried.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(Mutex::new(0));
    let count = Arc::clone(&accepted);
    thread::spawn(move || {
        for s in listener.incoming() {
            *count.lock().unwrap() += 1;
            if let Ok(mut s) = s {
                let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
            }
        }
    });
    let config = ClientConfig::builder()
        .base_url(format!("https://127.0.0.1:{port}/api/v1"))
        .retry_policy(quick())
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    let err = op.workspaces().stats().unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    thread::sleep(Duration::from_millis(100));
    assert_eq!(*accepted.lock().unwrap(), 1, "not retried");
}

/// Every POST and PATCH keeps the replay safety its endpoint declares: after a 502 a create,
/// an update or a tag change is not sent again and names how to reconcile; minting a token,
/// describing a cron expression and starting a check are sent again and succeed.
#[test]
fn each_endpoint_declares_whether_it_may_be_replayed() {
    use airbyte_embedded::integrations::{
        ConnectionTemplateCreate, ConnectionTemplateUpdate, SourceTemplateCreate,
        SourceTemplateUpdate,
    };
    use airbyte_embedded::{ScopedTokenRequest, WidgetTokenRequest};

    let sb = sandbox();
    let (op, end_user, ws, t) = end_user_world(&sb);
    let tag = op.tags().create("crm").unwrap().name;
    let source = end_user
        .sources()
        .create(&pg_source(&ws, &t, "kept"))
        .unwrap();
    let connection = op
        .connection_templates()
        .create(&ConnectionTemplateCreate::airbyte_hosted())
        .unwrap();
    let definition = op
        .definitions()
        .list_sources(Some("postgres"))
        .unwrap()
        .remove(0)
        .source_definition_id;

    type Outcome = Result<(), Error>;
    let once = |method: &str, path: &str, advice: &str, call: &dyn Fn() -> Outcome| {
        sb.inject_fault(fault(method, path, 1, FaultAction::status(502)));
        let before = requests_to(&sb, path).len();
        let err = call().unwrap_err();
        assert!(err.is_outcome_unknown(), "{method} {path}: {err:?}");
        assert!(err.to_string().ends_with(advice), "{method} {path}: {err}");
        assert_eq!(requests_to(&sb, path).len(), before + 1, "{method} {path}");
    };
    let again = |method: &str, path: &str, call: &dyn Fn() -> Outcome| {
        sb.inject_fault(fault(method, path, 1, FaultAction::status(502)));
        let before = requests_to(&sb, path).len();
        call().unwrap_or_else(|e| panic!("{method} {path}: {e:?}"));
        assert_eq!(requests_to(&sb, path).len(), before + 2, "{method} {path}");
    };

    let templates = op.source_templates();
    let connections = op.connection_templates();
    let sources = end_user.sources();
    once(
        "POST",
        "/embedded/sources",
        "list sources by name before retrying",
        &|| sources.create(&pg_source(&ws, &t, "new")).map(drop),
    );
    once(
        "POST",
        "/integrations/sources",
        "list sources by name before retrying",
        &|| op.sources().create(&pg_source(&ws, &t, "new")).map(drop),
    );
    once(
        "POST",
        "/integrations/templates/sources",
        "list source templates by name before retrying",
        &|| {
            templates
                .create(&SourceTemplateCreate::new(&definition, object(json!({}))))
                .map(drop)
        },
    );
    once(
        "POST",
        "/integrations/templates/sources",
        "list source templates by name before retrying",
        &|| templates.clone_template(&t, Some("copy")).map(drop),
    );
    once(
        "PATCH",
        &format!("/integrations/templates/sources/{t}"),
        "read the source template before retrying",
        &|| {
            let rename = SourceTemplateUpdate {
                name: Some("renamed".into()),
                partial_default_config: object(json!({"port": 5432})),
                customization: None,
                propagate: None,
            };
            templates.update(&t, &rename).map(drop)
        },
    );
    once(
        "POST",
        &format!("/integrations/templates/sources/{t}/tags"),
        "read the source template's tags before retrying",
        &|| templates.add_tag(&t, &tag).map(drop),
    );
    once(
        "POST",
        "/integrations/templates/connections",
        "list connection templates before retrying",
        &|| {
            connections
                .create(&ConnectionTemplateCreate::airbyte_hosted())
                .map(drop)
        },
    );
    once(
        "PATCH",
        &format!("/integrations/templates/connections/{}", connection.id),
        "read the connection template before retrying",
        &|| {
            connections
                .update(&connection.id, &ConnectionTemplateUpdate::default())
                .map(drop)
        },
    );
    once(
        "POST",
        &format!("/integrations/templates/connections/{}/tags", connection.id),
        "read the connection template's tags before retrying",
        &|| connections.add_tag(&connection.id, &tag).map(drop),
    );
    once(
        "POST",
        "/integrations/templates/tags",
        "list tags by name before retrying",
        &|| op.tags().create("marketing").map(drop),
    );

    again("POST", "/embedded/scoped-token", &|| {
        op.mint_scoped_token(&ScopedTokenRequest::new("acme-corp"))
            .map(drop)
    });
    again("POST", "/embedded/widget-token", &|| {
        op.mint_widget_token(&WidgetTokenRequest::new(
            "acme-corp",
            "https://app.example.com",
        ))
        .map(drop)
    });
    again(
        "POST",
        "/integrations/templates/connections/cron/describe",
        &|| connections.describe_cron("0 0 12 * * ?").map(drop),
    );
    again("POST", "/embedded/sources/check", &|| {
        sources
            .check_config(&pg_source(&ws, &t, "probe"), &WriteOptions::default())
            .map(drop)
    });
    again(
        "POST",
        &format!("/embedded/sources/{}/check", source.id),
        &|| {
            sources
                .check(
                    &source.id,
                    &SourceUpdate::default(),
                    &WriteOptions::default(),
                )
                .map(drop)
        },
    );
}
