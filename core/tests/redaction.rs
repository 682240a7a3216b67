//! Redaction audit: no log record, error text or `Debug` output may contain the client
//! secret, any token (operator, scoped, widget) or any `airbyte_secret` value.
//!
//! The texts come from the whole quickstart story under faults (retries, reconciling,
//! failures) and from the seven ways an attack on the SDK once got a secret out or crashed
//! it: token responses cut at every byte, header values with control bytes, `TRACE` wire
//! dumps (reassembled before searching), `Debug` of request records, use after close (not
//! expressible in Rust: ownership rules it out), 8 MiB arguments and URL user info, and
//! bodies over the sandbox's size limit. Ends with `redaction: N texts searched, 0 tokens,
//! 0 secrets`.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod audit;
mod common;
mod story;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::time::Duration;

use airbyte_embedded::integrations::{ConnectionTemplateCreate, SourceTemplateCreate};
use airbyte_embedded::logging::WireFilter;
use airbyte_embedded::sources::{SourceCreate, SourceUpdate};
use airbyte_embedded::{
    ClientConfig, Credentials, EndUserClient, Error, OperatorClient, RetryPolicy, ScopedToken,
    ScopedTokenRequest, WidgetTokenRequest, WriteOptions,
};
use audit::{Audit, LogLine};
use common::{CLIENT_SECRET, Fault, FaultAction, Sandbox, SandboxConfig};
use log::{LevelFilter, Log, Metadata, Record};
use serde_json::json;
use story::{Created, Ledger, PG_PASSWORD, S3_SECRET};

/// Every log record as received.
struct Capture(Mutex<Vec<LogLine>>);

impl Log for Capture {
    fn enabled(&self, _: &Metadata) -> bool {
        true
    }

    fn log(&self, record: &Record) {
        let line = LogLine {
            level: record.level(),
            target: record.target().to_owned(),
            message: record.args().to_string(),
        };
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(line);
    }

    fn flush(&self) {}
}

/// What an ordinary logger at `TRACE` receives, and what one behind [`WireFilter`] does.
static RAW: Capture = Capture(Mutex::new(Vec::new()));
static FILTERED: Capture = Capture(Mutex::new(Vec::new()));

struct Tee;

impl Log for Tee {
    fn enabled(&self, _: &Metadata) -> bool {
        true
    }

    fn log(&self, record: &Record) {
        RAW.log(record);
        WireFilter::new(&FILTERED).log(record);
    }

    fn flush(&self) {}
}

static TEE: Tee = Tee;

fn on(method: &str, prefix: &str, action: FaultAction) -> Fault {
    Fault::new(action).on(method, prefix)
}

fn config(sb: &Sandbox) -> ClientConfig {
    ClientConfig::builder()
        .base_url(sb.base_url())
        .no_proxy()
        .build()
        .unwrap()
}

fn operator(sb: &Sandbox) -> OperatorClient {
    OperatorClient::new(
        config(sb),
        Credentials::new(common::CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap()
}

/// 8 MiB of text.
fn huge() -> String {
    "x".repeat(8 * 1024 * 1024)
}

/// The largest error text any case may produce, in bytes.
const ERROR_TEXT_LIMIT: usize = 8 * 1024;

#[test]
fn no_secret_reaches_logs_errors_or_debug_output() {
    log::set_logger(&TEE).expect("the only logger of this test binary");
    log::set_max_level(LevelFilter::Trace);
    let mut audit = Audit::default();
    audit.secrets.extend(
        [
            CLIENT_SECRET,
            "wrong-secret-3c9a",
            PG_PASSWORD,
            S3_SECRET,
            "proxy-pass-5b1e",
        ]
        .map(str::to_owned),
    );

    story_under_faults(&mut audit);
    truncated_token_responses(&mut audit);
    wrong_shaped_token_responses(&mut audit);
    header_values(&mut audit);
    request_records(&mut audit);
    unbounded_arguments(&mut audit);
    bodies_over_the_limit(&mut audit);

    let raw = RAW.0.lock().unwrap().clone();
    let filtered = FILTERED.0.lock().unwrap().clone();
    // The wire dumps hold the tokens: searched reassembled, an unfiltered TRACE log leaks.
    let mut unfiltered = Audit {
        tokens: audit.tokens.clone(),
        ..Audit::default()
    };
    unfiltered.logs("raw log", &raw);
    assert!(
        !unfiltered.leaks().is_empty(),
        "the reassembled wire dumps should show the tokens an unfiltered logger receives"
    );
    assert!(raw.len() > filtered.len());
    audit.logs("log", &filtered);
    audit.report();
}

/// The quickstart story with faults that make the SDK retry, reconcile and fail.
fn story_under_faults(audit: &mut Audit) {
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
    let logs = FILTERED.0.lock().unwrap().clone();

    // Every token the sandbox saw or the story was handed.
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
    audit.tokens.extend(tokens);
    for t in texts {
        audit.text("story", t);
    }

    // The audit saw what it should have: retries logged with method, path, attempt and wait.
    let lines: Vec<String> = logs
        .iter()
        .map(|l| format!("{} {} {}", l.level, l.target, l.message))
        .collect();
    assert!(
        lines.iter().any(
            |l| l.contains("retrying GET /integrations/definitions/sources (retry 1 of 3) in ")
        ),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.starts_with("DEBUG ureq")));
    assert!(
        ledger.errors.iter().any(|e| e.ends_with("OutcomeUnknown")),
        "{:?}",
        ledger.errors
    );
    assert!(ledger.errors.iter().any(|e| e.ends_with("Unauthorized")));
    assert!(audit.texts.len() > 40, "{}", audit.texts.len());
}

/// The three token routes, relative to `/api/v1`.
const OPERATOR_TOKEN: &str = "/account/applications/token";
const SCOPED_TOKEN: &str = "/embedded/scoped-token";
const WIDGET_TOKEN: &str = "/embedded/widget-token";

/// Mints on `route` with `op`, returning the token(s) handed out.
fn mint(sb: &Sandbox, op: &OperatorClient, route: &str) -> Result<Vec<String>, Error> {
    match route {
        OPERATOR_TOKEN => {
            // A fresh client: its first call mints the operator token.
            let fresh = operator(sb);
            fresh
                .source_templates()
                .list(&Default::default())
                .map(|_| Vec::new())
        }
        SCOPED_TOKEN => op
            .mint_scoped_token(&ScopedTokenRequest::new("audit-workspace"))
            .map(|t| vec![t.expose().to_owned()]),
        _ => op
            .mint_widget_token(&WidgetTokenRequest::new(
                "audit-workspace",
                "https://app.example.com",
            ))
            .map(|w| {
                vec![
                    w.expose_raw().to_owned(),
                    w.expose_scoped_token().to_owned(),
                ]
            }),
    }
}

/// Case 1: each token route answers 2xx with its body cut at every byte offset; every
/// error is `Decode` and quotes nothing of the body.
fn truncated_token_responses(audit: &mut Audit) {
    let sb = common::sandbox_with(SandboxConfig {
        rate_limit_per_hour: 100_000,
        ..Default::default()
    });
    let op = operator(&sb);
    mint(&sb, &op, SCOPED_TOKEN).expect("the operator token is minted first");
    for route in [OPERATOR_TOKEN, SCOPED_TOKEN, WIDGET_TOKEN] {
        let mut cut = 0;
        let handed = loop {
            sb.inject_fault(on("POST", route, FaultAction::TruncateBody { bytes: cut }));
            match catch_unwind(AssertUnwindSafe(|| mint(&sb, &op, route))) {
                Err(_) => panic!("{route} cut at {cut} bytes panicked"),
                Ok(Ok(tokens)) => break tokens,
                Ok(Err(e)) => {
                    assert!(
                        matches!(e, Error::Decode { .. } | Error::InvalidWidgetToken { .. }),
                        "{route} cut at {cut}: {e:?}"
                    );
                    audit.text(&format!("{route} cut at {cut}"), e.to_string());
                    audit.error(&format!("{route} cut at {cut}"), &e);
                }
            }
            cut += 1;
            assert!(cut < 8192, "{route}: the token response never completed");
        };
        sb.clear_faults();
        assert!(cut > 100, "{route}: only {cut} cuts before the whole body");
        audit.tokens.extend(handed);
    }
    // Every operator token the sandbox issued during the cuts was sent on a later call.
    audit.tokens.extend(
        sb.requests()
            .iter()
            .filter_map(|r| r.header("authorization"))
            .filter_map(|h| h.strip_prefix("Bearer "))
            .map(str::to_owned),
    );
}

/// Case 1, wrong shapes: 2xx bodies that are not the token response.
fn wrong_shaped_token_responses(audit: &mut Audit) {
    let sb = common::sandbox();
    let op = operator(&sb);
    let token = mint(&sb, &op, SCOPED_TOKEN).unwrap().remove(0);
    audit.tokens.push(token.clone());
    let bodies = [
        json!({"access_token": 5}).to_string(),
        json!(token).to_string(),
        json!({"token": token}).to_string(),
        json!({"access_token": token, "expires_in": "soon"}).to_string(),
        format!("not JSON {token}"),
        format!("{{\"access_token\": \"{token}\", \"expires_in\": 900, \"x\": [}}"),
    ];
    for route in [OPERATOR_TOKEN, SCOPED_TOKEN, WIDGET_TOKEN] {
        for body in &bodies {
            sb.inject_fault(on(
                "POST",
                route,
                FaultAction::Respond {
                    status: 200,
                    body: body.clone(),
                    content_type: "application/json".into(),
                    headers: Vec::new(),
                },
            ));
            if let Err(e) = mint(&sb, &op, route) {
                audit.text(&format!("{route} answering {:.20}", body), e.to_string());
                audit.error(&format!("{route} answering {:.20}", body), &e);
            }
            sb.clear_faults();
        }
    }
}

/// Case 2: every value that becomes a header, with each control byte, is refused by name
/// when it enters (no request panics), and so are tokens the service sends with one.
fn header_values(audit: &mut Audit) {
    let sb = common::sandbox();
    for b in (0u8..0x20).chain([0x7f]) {
        let c = b as char;
        let built = catch_unwind(AssertUnwindSafe(|| {
            ClientConfig::builder()
                .base_url(sb.base_url())
                .user_agent_suffix(format!("my-app{c}1.0"))
                .build()
        }))
        .unwrap_or_else(|_| panic!("user_agent_suffix with {b:#04x} panicked"));
        let e = built.expect_err("a control byte in user_agent_suffix is refused");
        assert!(
            matches!(&e, Error::InvalidArgument { argument, .. } if argument == "user_agent_suffix"),
            "{b:#04x}: {e:?}"
        );
        audit.error("user_agent_suffix", &e);

        let token = format!("eyJhbGciOiJIUzI1NiJ9{c}.e30.c2ln");
        let e = catch_unwind(AssertUnwindSafe(|| {
            EndUserClient::new(config(&sb), ScopedToken::new(token))
        }))
        .unwrap_or_else(|_| panic!("token with {b:#04x} panicked"))
        .expect_err("a control byte in a token is refused");
        assert!(
            matches!(&e, Error::InvalidArgument { argument, .. } if argument == "token"),
            "{b:#04x}: {e:?}"
        );
        audit.error("token", &e);

        let e = ClientConfig::builder()
            .organization_id(format!("00000000-0000-0000-0000-00000000000{c}"))
            .build()
            .expect_err("organization_id is a UUID");
        assert!(
            matches!(&e, Error::InvalidArgument { argument, .. } if argument == "organization_id")
        );
        audit.error("organization_id", &e);
    }
    // Tokens from the service are checked before they are kept.
    let op = operator(&sb);
    use base64::Engine;
    let inner = base64::engine::general_purpose::STANDARD
        .encode(r#"{"token": "a\u0001b", "widgetUrl": "https://app.airbyte.ai/w"}"#);
    let widget_with_bad_inner = json!({ "token": inner }).to_string();
    for (route, body) in [
        (WIDGET_TOKEN, widget_with_bad_inner.as_str()),
        (
            OPERATOR_TOKEN,
            r#"{"access_token": "abc\ndef", "expires_in": 900}"#,
        ),
        (OPERATOR_TOKEN, r#"{"access_token": "a\u0000b"}"#),
        (SCOPED_TOKEN, r#"{"token": "a\u0001b"}"#),
        (SCOPED_TOKEN, r#"{"token": "a b"}"#),
        (WIDGET_TOKEN, r#"{"token": "a\r\nb"}"#),
    ] {
        if route != OPERATOR_TOKEN {
            mint(&sb, &op, SCOPED_TOKEN).unwrap();
        }
        sb.inject_fault(on(
            "POST",
            route,
            FaultAction::Respond {
                status: 200,
                body: body.into(),
                content_type: "application/json".into(),
                headers: Vec::new(),
            },
        ));
        let e = catch_unwind(AssertUnwindSafe(|| mint(&sb, &op, route)))
            .unwrap_or_else(|_| panic!("{route} answering {body} panicked"))
            .expect_err("a token with a control byte or space is refused");
        assert!(matches!(e, Error::Decode { .. }), "{route} {body}: {e:?}");
        audit.error(route, &e);
        sb.clear_faults();
    }
}

/// Case 4: `Debug` of every request record that carries a connector config.
fn request_records(audit: &mut Audit) {
    let config = common::object(json!({
        "host": "db.internal",
        "password": PG_PASSWORD,
        "tunnel": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_user_password": PG_PASSWORD},
    }));
    let create = SourceCreate::new("ws", "tpl", config.clone()).name("db");
    let update = SourceUpdate {
        name: Some("db".into()),
        source_config: Some(config.clone()),
    };
    let template = SourceTemplateCreate::new("def", config);
    let destination =
        common::object(json!({"s3_bucket_name": "b", "secret_access_key": S3_SECRET}));
    let connection = ConnectionTemplateCreate::user_hosted("s3", "def", destination);
    for text in [
        format!("{create:?}"),
        format!("{update:?}"),
        format!("{template:?}"),
        format!("{connection:?}"),
    ] {
        assert!(
            text.contains("password") || text.contains("secret_access_key"),
            "{text}"
        );
        audit.text("request record", text);
    }
}

/// Case 6: an 8 MiB argument is quoted at most 200 characters, and a URL's user info never.
fn unbounded_arguments(audit: &mut Audit) {
    let sb = common::sandbox();
    let op = operator(&sb);
    let big = huge();
    let errors = [
        airbyte_embedded::validate_allowed_origin(&big).unwrap_err(),
        ClientConfig::builder()
            .base_url(big.clone())
            .build()
            .unwrap_err(),
        ClientConfig::builder()
            .base_url(format!("https://{big}.example.com/api/v1"))
            .build()
            .unwrap_err(),
        ClientConfig::builder()
            .organization_id(big.clone())
            .build()
            .unwrap_err(),
        op.mint_widget_token(&WidgetTokenRequest::new("w", big.clone()))
            .unwrap_err(),
        op.connection_templates()
            .create(&ConnectionTemplateCreate {
                cron_expression: Some(big.clone()),
                ..ConnectionTemplateCreate::airbyte_hosted()
            })
            .unwrap_err(),
    ];
    for e in errors {
        let text = e.to_string();
        assert!(
            text.len() < ERROR_TEXT_LIMIT,
            "{} bytes: {:.300}",
            text.len(),
            text
        );
        audit.error("8 MiB argument", &e);
    }
    let password = "pw-7f3e-secret";
    audit.secrets.push(password.to_owned());
    let e = ClientConfig::builder()
        .base_url(format!("https://admin:{password}@api.example.com/api/v1"))
        .build()
        .expect_err("user info in a base URL is refused");
    assert!(matches!(&e, Error::InvalidArgument { argument, .. } if argument == "base_url"));
    audit.error("base_url with user info", &e);
}

/// Case 7: a create whose config is larger than the sandbox takes is refused with 413
/// before the sandbox reads it whole; the error is bounded and echoes no config value.
fn bodies_over_the_limit(audit: &mut Audit) {
    let sb = common::sandbox();
    let op = operator(&sb);
    let secret = format!("{PG_PASSWORD}-{}", "y".repeat(5 * 1024 * 1024));
    let create = SourceCreate::new(
        "00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-000000000002",
        common::object(json!({"password": secret})),
    );
    let e = op
        .sources()
        .create_with(&create, &WriteOptions::unvalidated())
        .expect_err("a 5 MB config is refused");
    assert_eq!(e.status(), Some(413), "{e:?}");
    let text = e.to_string();
    assert!(text.len() < ERROR_TEXT_LIMIT, "{} bytes", text.len());
    audit.error("5 MB create", &e);
    let recorded = sb.requests();
    let last = recorded
        .last()
        .expect("the sandbox recorded the refused request");
    assert!(
        last.body.len() < 1024 * 1024,
        "{} bytes recorded",
        last.body.len()
    );
}
