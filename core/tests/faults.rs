//! The fault suite: the quickstart story under each sandbox fault mode, with a table per mode
//! of faults injected, calls that recovered, typed errors returned, duplicate resources
//! created and panics. Duplicates and panics must be 0 in every mode; each mode also states
//! whether the story must complete.
//!
//! Run with the table shown: `cargo test -p airbyte-embedded --test faults -- --nocapture`.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod story;

use std::time::{Duration, Instant};

use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, RetryPolicy};
use common::{Fault, FaultAction, Sandbox, SandboxConfig};
use story::{Created, Ledger};

/// What a mode must come to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The story completes (retries or reconciliation absorb every fault).
    Completes,
    /// The story stops with this typed error.
    Fails(&'static str),
}

struct Mode {
    name: &'static str,
    faults: Vec<Fault>,
    expect: Expect,
}

fn on(method: &str, prefix: &str, count: u32, action: FaultAction) -> Fault {
    Fault::new(action).on(method, prefix).times(count)
}

fn modes() -> Vec<Mode> {
    use Expect::*;
    use FaultAction as A;
    let m = |name, faults, expect| Mode {
        name,
        faults,
        expect,
    };
    vec![
        m("no fault", vec![], Completes),
        m(
            "502 x2 on GET definitions",
            vec![on("GET", "/integrations/definitions", 2, A::status(502))],
            Completes,
        ),
        m(
            "503 x3 on PUT source",
            vec![on("PUT", "/embedded/sources", 3, A::status(503))],
            Completes,
        ),
        m(
            "503 x4 on GET offered templates",
            vec![on("GET", "/embedded/source-templates", 4, A::status(503))],
            Fails("Server"),
        ),
        m(
            "500 on GET workspaces (never retried)",
            vec![on("GET", "/workspaces", 1, A::status(500))],
            Fails("Server"),
        ),
        m(
            "503 x2 on token minting",
            vec![on("POST", "/account/applications/token", 2, A::status(503))],
            Completes,
        ),
        m(
            "502 on POST source (create)",
            vec![on("POST", "/embedded/sources", 1, A::status(502))],
            Completes,
        ),
        m(
            "HTML 500 page on POST tag",
            vec![on(
                "POST",
                "/integrations/templates/tags",
                1,
                A::html_page(500),
            )],
            Completes,
        ),
        m(
            "HTML 502 page x2 on GET sources",
            vec![on("GET", "/embedded/sources", 2, A::html_page(502))],
            Completes,
        ),
        m(
            "429 + Retry-After 1 x2 on POST template",
            vec![on(
                "POST",
                "/integrations/templates/sources",
                2,
                A::too_many_requests(Some(1)),
            )],
            Completes,
        ),
        m(
            "429 no Retry-After x2 on GET workspaces",
            vec![on("GET", "/workspaces", 2, A::too_many_requests(None))],
            Completes,
        ),
        m(
            "429 + Retry-After 3600 on GET stats",
            vec![on(
                "GET",
                "/workspaces/stats",
                1,
                A::too_many_requests(Some(3600)),
            )],
            Fails("RateLimited"),
        ),
        m(
            "reset before response x2 on GET templates",
            vec![on(
                "GET",
                "/embedded/source-templates",
                2,
                A::ResetBeforeResponse,
            )],
            Completes,
        ),
        m(
            "reset before response on POST connection",
            vec![on(
                "POST",
                "/integrations/templates/connections",
                1,
                A::ResetBeforeResponse,
            )],
            Completes,
        ),
        m(
            "reset after commit on POST source",
            vec![on("POST", "/embedded/sources", 1, A::ResetAfterCommit)],
            Completes,
        ),
        m(
            "reset after commit on POST tag",
            vec![on(
                "POST",
                "/integrations/templates/tags",
                1,
                A::ResetAfterCommit,
            )],
            Completes,
        ),
        m(
            "reset after commit on POST template tag",
            vec![on(
                "POST",
                "/integrations/templates/sources/",
                1,
                A::ResetAfterCommit,
            )],
            Completes,
        ),
        m(
            "reset after commit on POST scoped-token",
            vec![on("POST", "/embedded/scoped-token", 1, A::ResetAfterCommit)],
            Completes,
        ),
        m(
            "reset after commit on POST check",
            vec![on("POST", "/embedded/sources/", 1, A::ResetAfterCommit)],
            Completes,
        ),
        m(
            "reset after commit on PUT workspace",
            vec![on("PUT", "/workspaces", 1, A::ResetAfterCommit)],
            Completes,
        ),
        m(
            "delay 1.5 s (read timeout 1 s) on GET stats",
            vec![on("GET", "/workspaces/stats", 1, A::Delay { millis: 1500 })],
            Completes,
        ),
        m(
            "slow response after commit on POST template",
            vec![on(
                "POST",
                "/integrations/templates/sources",
                1,
                A::DelayResponse { millis: 1500 },
            )],
            Completes,
        ),
        m(
            "truncated JSON on GET stats",
            vec![on(
                "GET",
                "/workspaces/stats",
                1,
                A::TruncateBody { bytes: 12 },
            )],
            Fails("Decode"),
        ),
        m(
            "token expires mid-sequence (operator and scoped)",
            vec![
                on("GET", "/embedded/source-templates", 1, A::ExpireToken),
                on("GET", "/workspaces", 1, A::ExpireToken),
            ],
            Completes,
        ),
        m(
            "mixed: 502, 429, reset after commit, expiry",
            vec![
                on("GET", "/integrations/definitions", 1, A::status(502)),
                on(
                    "POST",
                    "/integrations/templates/tags",
                    1,
                    A::too_many_requests(Some(1)),
                ),
                on("POST", "/embedded/sources", 1, A::ResetAfterCommit),
                on("GET", "/embedded/sources", 1, A::ExpireToken),
                on("PUT", "/embedded/sources", 1, A::ResetBeforeResponse),
            ],
            Completes,
        ),
    ]
}

fn client(sb: &Sandbox) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .read_timeout(Duration::from_secs(1))
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(500),
            max_elapsed: Duration::from_secs(20),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    OperatorClient::new(
        config,
        Credentials::new(common::CLIENT_ID, common::CLIENT_SECRET),
    )
    .unwrap()
}

struct Row {
    name: &'static str,
    injected: u64,
    recovered: u32,
    errors: Vec<String>,
    duplicates: usize,
    panics: u32,
    completed: bool,
    took: Duration,
}

fn run_mode(mode: &Mode) -> Row {
    let sb = common::sandbox_with(SandboxConfig::default());
    for f in &mode.faults {
        sb.inject_fault(f.clone());
    }
    let op = client(&sb);
    let mut ledger = Ledger::new(&sb);
    let mut created = Created::default();
    let started = Instant::now();
    let outcome = story::run(&op, &mut ledger, &mut created);
    let took = started.elapsed();
    // Count before cleaning up: a create sent twice shows as two resources of one name.
    let inventory = sb.inventory();
    let duplicates = inventory.duplicate_count();
    sb.clear_faults();
    story::cleanup(&op, &mut ledger, &created);
    Row {
        name: mode.name,
        injected: sb.faults_fired(),
        recovered: ledger.recovered,
        errors: ledger.errors.clone(),
        duplicates,
        panics: ledger.panics,
        completed: outcome.is_ok(),
        took,
    }
}

#[test]
fn the_story_survives_every_fault_mode() {
    let modes = modes();
    let rows: Vec<Row> = modes.iter().map(run_mode).collect();
    println!(
        "\n{:<50} {:>8} {:>9} {:>12} {:>10} {:>6} {:>9} {:>7}",
        "fault mode",
        "injected",
        "recovered",
        "typed errors",
        "duplicates",
        "panics",
        "completed",
        "time"
    );
    for r in &rows {
        println!(
            "{:<50} {:>8} {:>9} {:>12} {:>10} {:>6} {:>9} {:>6.1}s",
            r.name,
            r.injected,
            r.recovered,
            r.errors.len(),
            r.duplicates,
            r.panics,
            if r.completed { "yes" } else { "no" },
            r.took.as_secs_f64()
        );
        for e in &r.errors {
            println!("{:<4}typed error: {e}", "");
        }
    }
    let total = |f: fn(&Row) -> u64| rows.iter().map(f).sum::<u64>();
    println!(
        "{:<50} {:>8} {:>9} {:>12} {:>10} {:>6}",
        "total",
        total(|r| r.injected),
        total(|r| u64::from(r.recovered)),
        total(|r| r.errors.len() as u64),
        total(|r| r.duplicates as u64),
        total(|r| u64::from(r.panics)),
    );
    for (mode, row) in modes.iter().zip(&rows) {
        assert_eq!(row.duplicates, 0, "{}: duplicate resources", mode.name);
        assert_eq!(row.panics, 0, "{}: panics", mode.name);
        if !mode.faults.is_empty() {
            assert!(row.injected > 0, "{}: no fault fired", mode.name);
        }
        match mode.expect {
            Expect::Completes => {
                assert!(row.completed, "{}: {:?}", mode.name, row.errors);
            }
            Expect::Fails(variant) => {
                assert!(!row.completed, "{}: completed", mode.name);
                assert!(
                    row.errors
                        .iter()
                        .any(|e| e.ends_with(&format!(": {variant}"))),
                    "{}: {:?}",
                    mode.name,
                    row.errors
                );
            }
        }
    }
}
