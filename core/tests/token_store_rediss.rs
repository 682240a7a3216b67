//! The Redis token store over TLS (`rediss://`), with real parts: a `redis-server` serving
//! TLS only, with a certificate from a CA made for the run, and the sandbox.
//!
//! Needs the `redis` feature (`cargo test -p airbyte-embedded --features redis --test
//! token_store_rediss`), `redis-server` built with TLS (Debian's is) and `openssl`; without
//! `redis-server` the tests print why and pass, unless `CI` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod redis_server;

use std::sync::Arc;
use std::time::Duration;

use airbyte_embedded::token_store::{RedisTokenStore, TokenStore};
use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
use common::*;
use redis_server::RedisServer;

#[test]
fn two_clients_on_a_tls_store_share_one_operator_token() {
    let Some(redis) = RedisServer::start_tls("two_clients_on_a_tls_store") else {
        return;
    };
    let sb = sandbox();
    let ca = redis.ca_pem().unwrap().as_bytes();
    let url = redis.tls_url();
    // Two store objects stand for two processes.
    let clients: Vec<OperatorClient> = (0..2)
        .map(|_| {
            let store = RedisTokenStore::open_with_root_certificates(&url, ca).unwrap();
            let config = ClientConfig::builder()
                .base_url(sb.base_url())
                .token_store(Arc::new(store))
                .build()
                .unwrap();
            OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap()
        })
        .collect();
    for client in &clients {
        client.workspaces().stats().unwrap();
    }
    let mints = requests_to(&sb, "/account/applications/token").len();
    assert_eq!(mints, 1, "the second client read the token over TLS");

    // A third connection reads back what it writes.
    let store = RedisTokenStore::open_with_root_certificates(&url, ca).unwrap();
    store.put("probe", "v", Duration::from_secs(5)).unwrap();
    assert_eq!(store.get("probe").unwrap().as_deref(), Some("v"));
}

#[test]
fn a_server_whose_certificate_is_not_trusted_is_a_store_failure_not_a_failed_call() {
    let Some(redis) = RedisServer::start_tls("a_server_whose_certificate_is_not_trusted") else {
        return;
    };
    // The bundled Mozilla roots do not include the run's CA.
    let untrusted = RedisTokenStore::open(&redis.tls_url()).unwrap();
    let err = untrusted.get("k").unwrap_err();
    assert!(err.message().contains("127.0.0.1"), "{err}");

    // A plain connection to the TLS port is refused by the server, also as a store failure.
    let plain = RedisTokenStore::open(&redis.tls_url().replacen("rediss:", "redis:", 1))
        .unwrap()
        .timeout(Duration::from_millis(500));
    assert!(plain.get("k").is_err());

    let sb = sandbox();
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .token_store(Arc::new(RedisTokenStore::open(&redis.tls_url()).unwrap()))
        .build()
        .unwrap();
    let client = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    client.workspaces().stats().unwrap();
    client.workspaces().stats().unwrap();
    assert_eq!(
        requests_to(&sb, "/account/applications/token").len(),
        1,
        "the token is cached in the process when the store fails"
    );
}
