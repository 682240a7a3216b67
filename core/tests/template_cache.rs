//! The template cache against the sandbox, counting the requests that reach it: lists and
//! reads sent once per TTL and query, writes through the SDK making the next read miss (in
//! every client sharing the store, end users' lists included), nothing cached without a TTL.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use airbyte_embedded::integrations::{
    ConnectionTemplateCreate, SourceTemplateCreate, SourceTemplateUpdate,
};
use airbyte_embedded::token_store::{MemoryTokenStore, TokenStore};
use airbyte_embedded::{
    ClientConfig, Credentials, EndUserClient, Error, OperatorClient, TagFilter, TagsMode,
};
use common::*;
use serde_json::json;

const MINUTE: Duration = Duration::from_secs(60);
const SOURCES: &str = "/integrations/templates/sources";

fn cached_config(sb: &Sandbox, ttl: Duration) -> airbyte_embedded::ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(sb.base_url())
        .template_cache_ttl(ttl)
}

fn client(config: airbyte_embedded::ClientConfigBuilder) -> OperatorClient {
    OperatorClient::new(
        config.build().unwrap(),
        Credentials::new(CLIENT_ID, CLIENT_SECRET),
    )
    .unwrap()
}

/// GET requests whose path is exactly `path` (under the API prefix).
fn gets(sb: &Sandbox, path: &str) -> usize {
    sb.requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.ends_with(path))
        .count()
}

fn postgres_template(op: &OperatorClient, name: &str) -> String {
    let pg = op.definitions().list_sources(Some("postgres")).unwrap()[0]
        .source_definition_id
        .clone();
    op.source_templates()
        .create(&SourceTemplateCreate::new(pg, object(json!({"port": 5433}))).name(name))
        .unwrap()
        .id
}

fn rename(op: &OperatorClient, id: &str, name: &str) {
    op.source_templates()
        .update(
            id,
            &SourceTemplateUpdate {
                name: Some(name.into()),
                partial_default_config: object(json!({"port": 5433})),
                customization: None,
                propagate: None,
            },
        )
        .unwrap();
}

#[test]
fn lists_and_reads_are_sent_once_per_query_until_a_write() {
    let sb = sandbox();
    let op = client(cached_config(&sb, MINUTE));
    let id = postgres_template(&op, "PG");
    let all = TagFilter::default();
    for _ in 0..3 {
        assert_eq!(op.source_templates().list(&all).unwrap().len(), 1);
    }
    assert_eq!(gets(&sb, SOURCES), 1);
    let crm = TagFilter::new(["crm"], TagsMode::Any);
    op.source_templates().list(&crm).unwrap();
    op.source_templates().list(&crm).unwrap();
    assert_eq!(gets(&sb, SOURCES), 2, "another query, another entry");
    for _ in 0..2 {
        assert_eq!(
            op.source_templates().get(&id).unwrap().name.as_deref(),
            Some("PG")
        );
    }
    let one = format!("{SOURCES}/{id}");
    assert_eq!(gets(&sb, &one), 1);

    rename(&op, &id, "PG renamed");
    let listed = op.source_templates().list(&all).unwrap();
    assert_eq!(listed[0].name.as_deref(), Some("PG renamed"));
    let read = op.source_templates().get(&id).unwrap();
    assert_eq!(read.name.as_deref(), Some("PG renamed"));
    assert_eq!((gets(&sb, SOURCES), gets(&sb, &one)), (3, 2));

    // A tag write changes what templates carry: both families miss next time.
    op.tags().create("crm").unwrap();
    op.tags().rename("crm", "sales").unwrap();
    op.source_templates().list(&all).unwrap();
    assert_eq!(gets(&sb, SOURCES), 4);

    // Connection templates are a family of their own.
    let connections = "/integrations/templates/connections";
    op.connection_templates().list(&all).unwrap();
    op.connection_templates().list(&all).unwrap();
    assert_eq!(gets(&sb, connections), 1);
    op.connection_templates()
        .create(&ConnectionTemplateCreate::airbyte_hosted())
        .unwrap();
    assert_eq!(op.connection_templates().list(&all).unwrap().len(), 1);
    assert_eq!(gets(&sb, connections), 2);
    op.source_templates().list(&all).unwrap();
    assert_eq!(
        gets(&sb, SOURCES),
        4,
        "a connection template write keeps source lists"
    );
}

#[test]
fn without_a_ttl_every_read_is_sent() {
    let sb = sandbox();
    let op = operator(&sb);
    op.source_templates().list(&TagFilter::default()).unwrap();
    op.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(gets(&sb, SOURCES), 2);
}

#[test]
fn an_entry_is_read_again_after_its_ttl() {
    let sb = sandbox();
    let op = client(cached_config(&sb, Duration::from_millis(100)));
    op.source_templates().list(&TagFilter::default()).unwrap();
    op.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(gets(&sb, SOURCES), 1);
    std::thread::sleep(Duration::from_millis(250));
    op.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(gets(&sb, SOURCES), 2);
}

#[test]
fn clients_sharing_a_store_share_entries_and_invalidations() {
    let sb = sandbox();
    let store: Arc<dyn TokenStore> = Arc::new(MemoryTokenStore::new());
    let a = client(cached_config(&sb, MINUTE).token_store(Arc::clone(&store)));
    let b = client(cached_config(&sb, MINUTE).token_store(Arc::clone(&store)));
    let id = postgres_template(&a, "Shared");
    a.source_templates().list(&TagFilter::default()).unwrap();
    b.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(gets(&sb, SOURCES), 1);
    rename(&b, &id, "Shared renamed");
    let listed = a.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(listed[0].name.as_deref(), Some("Shared renamed"));
    assert_eq!(gets(&sb, SOURCES), 2);
}

#[test]
fn clients_missing_at_once_send_one_list_between_them() {
    let sb = sandbox();
    let store: Arc<dyn TokenStore> = Arc::new(MemoryTokenStore::new());
    let clients: Vec<OperatorClient> = (0..8)
        .map(|_| client(cached_config(&sb, MINUTE).token_store(Arc::clone(&store))))
        .collect();
    // Tokens first, so the lists are what the clients race for.
    clients[0].workspaces().stats().unwrap();
    // The first list is slow: every other client misses while it is under way.
    sb.inject_fault(Fault {
        method: Some("GET".into()),
        path_prefix: Some(SOURCES.into()),
        count: 1,
        action: FaultAction::Delay { millis: 400 },
    });
    let barrier = std::sync::Barrier::new(clients.len());
    let lists: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = clients
            .iter()
            .map(|c| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    c.source_templates()
                        .list(&TagFilter::default())
                        .unwrap()
                        .len()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(lists.iter().all(|n| *n == lists[0]), "{lists:?}");
    assert_eq!(
        gets(&sb, SOURCES),
        1,
        "one client fetched, seven read its entry"
    );
}

#[test]
fn end_users_lists_are_cached_and_operator_writes_reach_them() {
    let sb = sandbox();
    let op = client(cached_config(&sb, MINUTE));
    let embedded = "/embedded/source-templates";
    let end_user = op.end_user_client("cache-co").unwrap();
    assert!(
        end_user
            .source_templates()
            .list(&TagFilter::default())
            .unwrap()
            .is_empty()
    );
    end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    assert_eq!(gets(&sb, embedded), 1);

    let id = postgres_template(&op, "Offered");
    let offered = end_user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    assert_eq!(offered.len(), 1);
    assert_eq!(gets(&sb, embedded), 2);
    end_user.source_templates().get(&id).unwrap();
    end_user.source_templates().get(&id).unwrap();
    assert_eq!(gets(&sb, &format!("{embedded}/{id}")), 1);

    // An end-user client made from a token caches for itself.
    let token = op.scoped_token("cache-co").unwrap();
    let config = cached_config(&sb, MINUTE).build().unwrap();
    let from_token = EndUserClient::new(config, token).unwrap();
    from_token
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    from_token
        .source_templates()
        .list(&TagFilter::default())
        .unwrap();
    assert_eq!(gets(&sb, embedded), 3);
}

#[test]
fn a_zero_ttl_is_refused() {
    let err = ClientConfig::builder()
        .template_cache_ttl(Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { argument, .. } if argument == "template_cache_ttl"),
        "{err:?}"
    );
}
