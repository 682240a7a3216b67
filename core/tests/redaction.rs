//! Redaction audit: the whole story, with faults that make the SDK retry, reconcile and fail,
//! and every `log` record captured at `Trace`. No log line, error text or `Debug` output may
//! contain the client secret, any token (operator, scoped, widget) or any `airbyte_secret`
//! value used in a config.

mod common;
mod story;

use std::sync::Mutex;
use std::time::Duration;

use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, RetryPolicy};
use common::{CLIENT_SECRET, Fault, FaultAction, SandboxConfig};
use log::{LevelFilter, Log, Metadata, Record};
use story::{Created, Ledger, PG_PASSWORD, S3_SECRET};

/// Every log record, formatted with its level and target.
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

fn on(method: &str, prefix: &str, action: FaultAction) -> Fault {
    Fault::new(action).on(method, prefix)
}

#[test]
fn no_secret_reaches_logs_errors_or_debug_output() {
    log::set_logger(&LOGS).expect("the only logger of this test binary");
    log::set_max_level(LevelFilter::Trace);

    let sb = common::sandbox_with(SandboxConfig {
        operator_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    for fault in [
        on("GET", "/integrations/definitions", FaultAction::status(503)),
        on(
            "POST",
            "/integrations/templates/tags",
            FaultAction::too_many_requests(Some(1)),
        ),
        on(
            "POST",
            "/integrations/templates/connections",
            FaultAction::ResetAfterCommit,
        ),
        on("POST", "/embedded/sources", FaultAction::ResetAfterCommit),
        on(
            "GET",
            "/embedded/source-templates",
            FaultAction::ExpireToken,
        ),
        on("PUT", "/embedded/sources", FaultAction::ResetBeforeResponse),
        on("GET", "/workspaces", FaultAction::html_page(502)),
    ] {
        sb.inject_fault(fault);
    }
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .no_proxy()
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(20),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let credentials = Credentials::new(common::CLIENT_ID, CLIENT_SECRET);
    let op = OperatorClient::new(config, credentials.clone()).unwrap();
    let mut ledger = Ledger::new(&sb);
    let mut created = Created::default();
    story::run(&op, &mut ledger, &mut created).expect("the story completes");
    // Wait out the 2-second operator token, so a refresh happens mid-run too.
    std::thread::sleep(Duration::from_millis(1600));
    ledger
        .call("stats after expiry", || op.workspaces().stats())
        .unwrap();
    // Errors of every kind the audit can provoke without a fault: 401, 404, 422.
    let wrong = OperatorClient::new(
        ClientConfig::builder()
            .base_url(sb.base_url())
            .build()
            .unwrap(),
        Credentials::new(common::CLIENT_ID, "wrong-secret-3c9a"),
    )
    .unwrap();
    let _ = ledger.call("wrong credentials", || wrong.workspaces().stats());
    let _ = ledger.call("missing template", || op.source_templates().get("nope"));
    story::cleanup(&op, &mut ledger, &created);

    let mut texts = ledger.texts.clone();
    texts.push(format!("{credentials:?}"));
    texts.push(format!("{:?}", op.config()));
    let proxied = ClientConfig::builder()
        .proxy("http://proxy-user:proxy-pass-5b1e@127.0.0.1:9")
        .build()
        .unwrap();
    texts.push(format!("{proxied:?}"));
    let logs = LOGS.0.lock().unwrap().clone();

    // The secrets: the client secrets, every token the sandbox saw or the story was handed
    // (with their JWT signatures alone), the airbyte_secret values, the proxy password.
    let mut secrets = vec![
        CLIENT_SECRET.to_owned(),
        "wrong-secret-3c9a".to_owned(),
        PG_PASSWORD.to_owned(),
        S3_SECRET.to_owned(),
        "proxy-pass-5b1e".to_owned(),
    ];
    let mut tokens: Vec<String> = sb
        .requests()
        .iter()
        .filter_map(|r| r.header("authorization"))
        .filter_map(|h| h.strip_prefix("Bearer "))
        .map(str::to_owned)
        .collect();
    tokens.extend(ledger.secrets.iter().cloned());
    tokens.sort();
    tokens.dedup();
    assert!(
        tokens.len() >= 4,
        "operator tokens, scoped tokens, widget token: {}",
        tokens.len()
    );
    for t in &tokens {
        secrets.push(t.clone());
        if let Some(signature) = t.rsplit('.').next().filter(|s| s.len() >= 16 && *s != t) {
            secrets.push(signature.to_owned());
        }
    }

    let mut leaks = Vec::new();
    for (where_, list) in [("log", &logs), ("text", &texts)] {
        for line in list {
            for s in &secrets {
                if line.contains(s.as_str()) {
                    leaks.push(format!(
                        "{where_}: `{}…` in {line:.200}",
                        &s[..6.min(s.len())]
                    ));
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );

    // The audit saw what it should have: retries logged with method, path, attempt and wait.
    assert!(
        logs.iter().any(
            |l| l.contains("retrying GET /integrations/definitions/sources (retry 1 of 3) in ")
        ),
        "{logs:#?}"
    );
    assert!(
        logs.iter()
            .any(|l| l.starts_with("TRACE") || l.starts_with("DEBUG ureq"))
    );
    assert!(
        ledger.errors.iter().any(|e| e.ends_with("OutcomeUnknown")),
        "{:?}",
        ledger.errors
    );
    assert!(ledger.errors.iter().any(|e| e.ends_with("Unauthorized")));
    assert!(texts.len() > 40, "{}", texts.len());
    println!(
        "audited {} log records, {} texts, {} secrets",
        logs.len(),
        texts.len(),
        secrets.len()
    );
}
