//! Bulk operations and workspace sync against a sandbox whose rate limit is low (50 requests
//! per 2-second window): 200 items finish with no failure and no duplicate, the 429s the
//! sandbox answers stay within what the pause allows, and each item's outcome is its own.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use airbyte_embedded::bulk::{BulkOptions, SyncOptions};
use airbyte_embedded::workspaces::WorkspaceFilter;
use airbyte_embedded::{Error, OperatorClient, RetryPolicy};
use airbyte_embedded_sandbox::{Sandbox, SandboxConfig};
use common::*;

const LIMIT: u32 = 50;

fn limited() -> Sandbox {
    sandbox_with(SandboxConfig {
        rate_limit_per_hour: LIMIT,
        rate_limit_window: Duration::from_secs(2),
        ..SandboxConfig::default()
    })
}

/// An operator client that does not retry 429s itself, so every one the sandbox answers
/// reaches the bulk runner's pause.
fn client(sb: &Sandbox) -> OperatorClient {
    operator(sb).with_retry_policy(RetryPolicy {
        max_retries: 0,
        ..RetryPolicy::default()
    })
}

fn names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("fleet-{i:03}")).collect()
}

#[test]
fn two_hundred_workspaces_minted_deactivated_and_synced_within_the_rate_limit() {
    let sb = limited();
    let op = client(&sb);
    // Reads the test makes itself go through a client that waits out a 429 as usual.
    let reader = operator(&sb);
    let options = BulkOptions {
        concurrency: 8,
        ..BulkOptions::default()
    };
    let all = names(200);

    let minted = op.bulk().mint_scoped_tokens(&all, &options).unwrap();
    assert_eq!(minted.succeeded(), 200, "{:?}", minted.failures().next());
    assert_eq!(
        minted
            .outcomes
            .iter()
            .map(|o| o.item.as_str())
            .collect::<Vec<_>>(),
        all.iter().map(String::as_str).collect::<Vec<_>>(),
        "outcomes keep the items' order"
    );
    let mut inventory = sb.inventory().workspaces;
    inventory.sort();
    assert_eq!(inventory, all, "one workspace per name, no duplicate");
    // The pause starts when no more requests are left than workers could send at once, so
    // at most one 429 per worker per window gets through.
    let windows = (sb.requests_received() / u64::from(LIMIT)) + 2;
    println!(
        "{} requests, {} answered 429, over about {windows} windows",
        sb.requests_received(),
        sb.rate_limited_responses()
    );
    assert!(
        sb.rate_limited_responses() <= windows * u64::try_from(options.concurrency).unwrap(),
        "{} 429s over about {windows} windows",
        sb.rate_limited_responses()
    );

    let ids: Vec<String> = reader
        .workspaces()
        .iter(WorkspaceFilter {
            limit: Some(100),
            ..WorkspaceFilter::default()
        })
        .map(|w| w.unwrap().id)
        .collect();
    let deactivated = op.bulk().deactivate_workspaces(&ids, &options).unwrap();
    assert_eq!(deactivated.succeeded(), 200);
    assert_eq!(reader.workspaces().stats().unwrap().inactive_count, 200);

    // Customers 0..150 stay, 20 are new: 150 reactivated, 20 created, 50 left inactive.
    let mut desired: Vec<String> = all[..150].to_vec();
    desired.extend((0..20).map(|i| format!("newcomer-{i:02}")));
    let dry = op
        .bulk()
        .sync_workspaces(&desired, &SyncOptions::default())
        .unwrap();
    assert!(dry.report.is_none(), "a dry run by default");
    assert_eq!(
        (
            dry.plan.create.len(),
            dry.plan.reactivate.len(),
            dry.plan.deactivate.len()
        ),
        (20, 150, 0)
    );
    assert_eq!(dry.plan.unchanged, 50);
    assert_eq!(
        reader.workspaces().stats().unwrap().active_count,
        0,
        "nothing applied"
    );

    let applied = op
        .bulk()
        .sync_workspaces(
            &desired,
            &SyncOptions {
                apply: true,
                bulk: options,
            },
        )
        .unwrap();
    let report = applied.report.unwrap();
    assert_eq!(report.created.succeeded(), 20);
    assert_eq!(report.reactivated.succeeded(), 150);
    let stats = reader.workspaces().stats().unwrap();
    assert_eq!((stats.active_count, stats.inactive_count), (170, 50));
    assert_eq!(
        sb.inventory().workspaces.len(),
        220,
        "no duplicate workspace"
    );

    // Customer 149 churns: the next sync deactivates exactly that one.
    desired.retain(|n| n != "fleet-149");
    let next = op
        .bulk()
        .sync_workspaces(&desired, &SyncOptions::default())
        .unwrap();
    assert!(next.plan.create.is_empty() && next.plan.reactivate.is_empty());
    assert_eq!(
        next.plan
            .deactivate
            .iter()
            .map(|w| w.name.clone().unwrap())
            .collect::<Vec<_>>(),
        ["fleet-149"]
    );
}

#[test]
fn each_item_reports_its_own_outcome() {
    let sb = sandbox();
    let op = operator(&sb);
    let ws = op.workspaces();
    op.scoped_token("solo").unwrap();
    let id = ws
        .iter(WorkspaceFilter::default())
        .next()
        .unwrap()
        .unwrap()
        .id;
    let items = vec![
        id.clone(),
        "00000000-0000-4000-8000-00000000abcd".to_owned(),
        " ".to_owned(),
    ];
    let report = op
        .bulk()
        .deactivate_workspaces(&items, &BulkOptions::default())
        .unwrap();
    assert!(report.outcomes[0].result.is_ok());
    assert!(matches!(
        report.outcomes[1].result,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        report.outcomes[2].result,
        Err(Error::InvalidArgument { .. })
    ));
    assert_eq!(report.succeeded(), 1);

    let deleted = op
        .bulk()
        .delete_sources(
            &["00000000-0000-4000-8000-00000000abcd".to_owned()],
            &BulkOptions::default(),
        )
        .unwrap();
    assert!(matches!(
        deleted.outcomes[0].result,
        Err(Error::NotFound { .. })
    ));

    for bad in [0, 17] {
        let options = BulkOptions {
            concurrency: bad,
            ..BulkOptions::default()
        };
        assert!(matches!(
            op.bulk().mint_scoped_tokens(&[], &options),
            Err(Error::InvalidArgument { argument, .. }) if argument == "concurrency"
        ));
    }
}
