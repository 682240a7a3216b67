//! The API proxy and source search, against the sandbox: the upstream's answer as data, the
//! caller's headers kept out of every log record, error text and `Debug` output, replays only
//! for proxied GETs, and conditions checked before they are sent.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Mutex;

use airbyte_embedded::integrations::{Condition, SearchRequest, SourceTemplateCreate};
use airbyte_embedded::logging::WireFilter;
use airbyte_embedded::proxy::{ProxyMethod, ProxyRequest};
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{Error, OperatorClient};
use airbyte_embedded_sandbox::catalog::SOURCE_TINY_DEFINITION_ID;
use common::*;
use log::{LevelFilter, Log, Metadata, Record};
use serde_json::{Value, json};

/// The header value no log record, error or `Debug` output may hold.
const UPSTREAM_SECRET: &str = "sk_live_upstream-4d7c91";

/// Every log record the SDK's program would see behind [`WireFilter`].
struct Capture(Mutex<Vec<String>>);

impl Log for Capture {
    fn enabled(&self, _: &Metadata) -> bool {
        true
    }

    fn log(&self, record: &Record) {
        let line = format!("{} {} {}", record.level(), record.target(), record.args());
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(line);
    }

    fn flush(&self) {}
}

static LOGS: Capture = Capture(Mutex::new(Vec::new()));

/// A Sample Data source with `count` users: its id.
fn source(op: &OperatorClient, name: &str, count: u64) -> String {
    let template = op
        .source_templates()
        .create(&SourceTemplateCreate::new(
            SOURCE_TINY_DEFINITION_ID,
            object(json!({})),
        ))
        .unwrap();
    let workspace = op.end_user_client(name).unwrap().workspace_id().unwrap();
    op.sources()
        .create(&SourceCreate::new(
            &workspace,
            &template.id,
            object(json!({"count": count})),
        ))
        .unwrap()
        .id
}

#[test]
fn the_proxy_keeps_the_callers_headers_private_and_replays_only_gets() {
    log::set_boxed_logger(Box::new(WireFilter::new(&LOGS))).unwrap();
    log::set_max_level(LevelFilter::Trace);
    let sb = sandbox();
    let op = operator(&sb);
    let src = source(&op, "proxy", 5);
    let proxy = op.proxy();
    let with_key = |method: ProxyMethod, url: &str| {
        ProxyRequest::new(method, url)
            .header("X-Api-Key", UPSTREAM_SECRET)
            .header("Authorization", format!("Bearer {UPSTREAM_SECRET}"))
    };
    let mut texts = Vec::new();

    let echo = proxy
        .request(
            &src,
            &with_key(ProxyMethod::Get, "https://api.example.com/v1/invoices").body("{}"),
        )
        .unwrap();
    assert_eq!(echo.response_status_code, 200);
    let upstream: Value = serde_json::from_str(echo.response_body.as_deref().unwrap()).unwrap();
    assert_eq!(
        upstream["header_names"],
        json!(["authorization", "x-api-key"])
    );
    assert_eq!(upstream["method"], "GET");
    texts.push(format!("{echo:?}"));
    texts.push(format!("{:?}", with_key(ProxyMethod::Get, "https://x/y")));

    // The upstream's own error is data.
    let upstream_404 = proxy
        .request(
            &src,
            &ProxyRequest::new(ProxyMethod::Get, "https://api.example.com/status/404"),
        )
        .unwrap();
    assert_eq!(upstream_404.response_status_code, 404);
    let empty = proxy
        .request(
            &src,
            &ProxyRequest::new(ProxyMethod::Put, "https://api.example.com/empty"),
        )
        .unwrap();
    assert_eq!(
        (empty.response_status_code, empty.response_body),
        (204, None)
    );

    // A proxied GET is replayed after a 502; a proxied POST is not.
    let path = format!("/sonar/apis/{src}/request");
    sb.clear_requests();
    sb.inject_fault(Fault::new(FaultAction::status(502)).on("POST", &path));
    proxy
        .request(
            &src,
            &with_key(ProxyMethod::Get, "https://api.example.com/v1/x"),
        )
        .unwrap();
    assert_eq!(requests_to(&sb, "/request").len(), 2);
    sb.clear_requests();
    sb.inject_fault(Fault::new(FaultAction::status(502)).on("POST", &path));
    let unknown = proxy
        .request(
            &src,
            &with_key(ProxyMethod::Post, "https://api.example.com/v1/charges"),
        )
        .unwrap_err();
    assert!(unknown.is_outcome_unknown(), "{unknown:?}");
    assert!(unknown.to_string().contains("upstream API"), "{unknown}");
    assert_eq!(requests_to(&sb, "/request").len(), 1, "not sent twice");
    texts.push(unknown.to_string());

    // An error body quoting the caller's header is not quoted back.
    sb.inject_fault(respond(
        &path,
        1,
        500,
        "application/json",
        &json!({"message": format!("upstream refused X-Api-Key {UPSTREAM_SECRET}"), "errors": []})
            .to_string(),
    ));
    let server = proxy
        .request(
            &src,
            &with_key(ProxyMethod::Get, "https://api.example.com/v1/x"),
        )
        .unwrap_err();
    assert!(matches!(server, Error::Server { .. }), "{server:?}");
    texts.push(server.to_string());
    texts.push(format!("{server:?}"));

    let refused = proxy.request(
        &src,
        &ProxyRequest::new(ProxyMethod::from("PATCH"), "https://x/y"),
    );
    assert!(
        matches!(refused, Err(Error::Validation { status: 422, .. })),
        "{refused:?}"
    );
    let missing = proxy.request(
        "00000000-0000-4000-8000-000000000009",
        &ProxyRequest::new(ProxyMethod::Get, "https://x/y"),
    );
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
    let empty_url = proxy.request(&src, &ProxyRequest::new(ProxyMethod::Get, " "));
    assert!(
        matches!(empty_url, Err(Error::InvalidArgument { ref argument, .. }) if argument == "url")
    );

    let logs = LOGS.0.lock().unwrap().clone();
    assert!(
        logs.iter().any(|l| l.contains("/request")),
        "the calls were logged"
    );
    texts.extend(logs);
    for text in &texts {
        assert!(!text.contains(UPSTREAM_SECRET), "{text}");
    }
}

#[test]
fn search_finds_records_and_checks_conditions_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let src = source(&op, "search", 12);
    let search = op.source_search();

    let all = search
        .search(&src, "users", &SearchRequest::new(Condition::gte("id", 1)))
        .unwrap();
    assert_eq!((all.total, all.hits.len()), (12, 12));
    let some = search
        .search(
            &src,
            "users",
            &SearchRequest::new(Condition::or([
                Condition::is_in("id", [2, 3]),
                Condition::and([
                    Condition::gt("id", 10),
                    Condition::negate(Condition::eq("id", 12)),
                ]),
            ])),
        )
        .unwrap();
    let ids: Vec<&str> = some.hits.iter().filter_map(|h| h.id.as_deref()).collect();
    assert_eq!(ids, ["2", "3", "11"]);
    assert_eq!(some.hits[0].data["id"], 2);
    let purchases = search
        .search(
            &src,
            "purchases",
            &SearchRequest::new(Condition::eq("user_id", 4)),
        )
        .unwrap();
    assert_eq!(purchases.total, 2);

    // Retried as a GET is: a search changes nothing.
    sb.clear_requests();
    sb.inject_fault(Fault::new(FaultAction::status(503)).on("POST", "/integrations/sources"));
    search
        .search(&src, "users", &SearchRequest::new(Condition::eq("id", 1)))
        .unwrap();
    assert_eq!(requests_to(&sb, "/search/users").len(), 2);

    sb.clear_requests();
    let bad = search.search(
        &src,
        "users",
        &SearchRequest::new(object(json!({"and": {"eq": {"id": 1}}}))),
    );
    assert!(
        matches!(bad, Err(Error::InvalidArgument { ref argument, .. }) if argument == "condition"),
        "{bad:?}"
    );
    let no_stream = search.search(&src, "", &SearchRequest::new(Condition::eq("id", 1)));
    assert!(
        matches!(no_stream, Err(Error::InvalidArgument { ref argument, .. }) if argument == "stream_name")
    );
    assert!(sb.requests().is_empty(), "nothing was sent");
    // An operator the SDK does not know goes to the service, which judges it.
    let unknown = search.search(
        &src,
        "users",
        &SearchRequest::new(object(json!({"between": {"id": [1, 2]}}))),
    );
    assert!(
        matches!(unknown, Err(Error::Validation { status: 422, .. })),
        "{unknown:?}"
    );
    let missing = search.search(&src, "nope", &SearchRequest::new(Condition::eq("id", 1)));
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
}
