//! Token stores against the sandbox, within one process: clients sharing a store share their
//! tokens, a token refused by the service leaves the store only if it is still the one there,
//! a failing store or a lock nobody releases never fails a call, and what a store holds
//! names no secret, client id or end user. (Across processes, on Redis:
//! `token_store_redis.rs`.)

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use airbyte_embedded::token_store::{MemoryTokenStore, TokenStore, TokenStoreError};
use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
use common::*;

fn client_with(sb: &Sandbox, store: Arc<dyn TokenStore>) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .token_store(store)
        .build()
        .unwrap();
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap()
}

fn scoped_mints(sb: &Sandbox) -> usize {
    requests_to(sb, "/embedded/scoped-token")
        .iter()
        .filter(|r| r.method == "POST")
        .count()
}

#[test]
fn clients_sharing_a_store_share_the_operator_and_scoped_tokens() {
    let sb = sandbox();
    let store: Arc<dyn TokenStore> = Arc::new(MemoryTokenStore::new());
    let a = client_with(&sb, Arc::clone(&store));
    let b = client_with(&sb, Arc::clone(&store));
    a.tags().list().unwrap();
    b.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 1);

    let from_a = a.scoped_token("shared-store-co").unwrap();
    let from_b = b.scoped_token("shared-store-co").unwrap();
    assert_eq!(from_a.expose(), from_b.expose());
    b.end_user_client("shared-store-co")
        .unwrap()
        .token_info()
        .unwrap();
    assert_eq!(scoped_mints(&sb), 1);

    // Clients without a store, or with another one, mint their own.
    operator(&sb).tags().list().unwrap();
    client_with(&sb, Arc::new(MemoryTokenStore::new()))
        .tags()
        .list()
        .unwrap();
    assert_eq!(sb.token_requests(), 3);
}

#[test]
fn a_refused_token_leaves_the_store_only_while_it_is_the_one_there() {
    let sb = sandbox();
    let store: Arc<dyn TokenStore> = Arc::new(MemoryTokenStore::new());
    let a = client_with(&sb, Arc::clone(&store));
    let b = client_with(&sb, Arc::clone(&store));
    a.tags().list().unwrap();
    b.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 1);

    sb.revoke_operator_tokens();
    // a gets 401, removes the revoked token from the store, mints and stores another.
    a.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 2);
    // b gets 401 with its copy of the revoked token; the store holds a's new token, which b
    // takes instead of minting a third.
    b.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 2);
}

/// A store that fails every call with a message naming `MARKER`.
struct Broken;

const MARKER: &str = "test store offline 7c1e";

impl TokenStore for Broken {
    fn get(&self, _: &str) -> Result<Option<String>, TokenStoreError> {
        Err(TokenStoreError::new(MARKER))
    }
    fn put(&self, _: &str, _: &str, _: Duration) -> Result<(), TokenStoreError> {
        Err(TokenStoreError::new(MARKER))
    }
    fn remove_if(&self, _: &str, _: &str) -> Result<bool, TokenStoreError> {
        Err(TokenStoreError::new(MARKER))
    }
    fn try_lock(&self, _: &str, _: &str, _: Duration) -> Result<bool, TokenStoreError> {
        Err(TokenStoreError::new(MARKER))
    }
}

#[test]
fn a_failing_store_never_fails_a_call_and_warns_once() {
    capture_logs();
    let sb = sandbox();
    let op = client_with(&sb, Arc::new(Broken));
    for _ in 0..3 {
        op.tags().list().unwrap();
        op.scoped_token("broken-store-co").unwrap();
    }
    sb.revoke_operator_tokens();
    op.tags().list().unwrap();
    // Cached in the process: one mint before the revocation, one after.
    assert_eq!(sb.token_requests(), 2);
    assert_eq!(scoped_mints(&sb), 1);

    let warnings: Vec<_> = records()
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, text)| text.contains(MARKER))
        .cloned()
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, log::Level::Warn);
    assert!(
        warnings[0].1.contains("cached in this process only"),
        "{}",
        warnings[0].1
    );
}

/// A memory store whose refresh locks are always held by someone else.
#[derive(Default)]
struct LockedForever(MemoryTokenStore);

impl TokenStore for LockedForever {
    fn get(&self, key: &str) -> Result<Option<String>, TokenStoreError> {
        self.0.get(key)
    }
    fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), TokenStoreError> {
        self.0.put(key, value, ttl)
    }
    fn remove_if(&self, key: &str, value: &str) -> Result<bool, TokenStoreError> {
        self.0.remove_if(key, value)
    }
    fn try_lock(&self, _: &str, _: &str, _: Duration) -> Result<bool, TokenStoreError> {
        Ok(false)
    }
}

#[test]
fn a_lock_nobody_releases_delays_the_mint_but_never_fails_it() {
    let sb = sandbox();
    let store = Arc::new(LockedForever::default());
    // The lock's lifetime is the request timeout (at least 1 s): the wait ends after it.
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .request_timeout(Duration::from_secs(1))
        .token_store(Arc::clone(&store) as Arc<dyn TokenStore>)
        .build()
        .unwrap();
    let op =
        OperatorClient::new(config.clone(), Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    op.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 1);
    // What the waiter minted went to the store: another client takes it without waiting.
    let other = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    other.tags().list().unwrap();
    assert_eq!(sb.token_requests(), 1);
}

/// A memory store that remembers every key and value it was given.
#[derive(Default)]
struct Recording {
    inner: MemoryTokenStore,
    seen: Mutex<Vec<String>>,
}

impl TokenStore for Recording {
    fn get(&self, key: &str) -> Result<Option<String>, TokenStoreError> {
        self.seen.lock().unwrap().push(key.to_owned());
        self.inner.get(key)
    }
    fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), TokenStoreError> {
        self.seen
            .lock()
            .unwrap()
            .extend([key.to_owned(), value.to_owned()]);
        self.inner.put(key, value, ttl)
    }
    fn remove_if(&self, key: &str, value: &str) -> Result<bool, TokenStoreError> {
        self.seen
            .lock()
            .unwrap()
            .extend([key.to_owned(), value.to_owned()]);
        self.inner.remove_if(key, value)
    }
    fn try_lock(&self, key: &str, owner: &str, ttl: Duration) -> Result<bool, TokenStoreError> {
        self.seen
            .lock()
            .unwrap()
            .extend([key.to_owned(), owner.to_owned()]);
        self.inner.try_lock(key, owner, ttl)
    }
}

#[test]
fn the_store_sees_no_token_secret_client_id_or_end_user_name() {
    let sb = sandbox();
    let store = Arc::new(Recording::default());
    let op = client_with(&sb, Arc::clone(&store) as Arc<dyn TokenStore>);
    op.tags().list().unwrap();
    let scoped = op.scoped_token("Recorded Customer Inc").unwrap();
    sb.revoke_operator_tokens();
    op.tags().list().unwrap(); // a 401: remove_if, then a new token is stored

    let seen = store.seen.lock().unwrap().clone();
    assert!(seen.len() >= 10, "{seen:?}");
    let keys: Vec<_> = seen
        .iter()
        .filter(|s| s.starts_with("airbyte-embedded:v1:"))
        .collect();
    assert!(keys.iter().any(|k| k.contains(":operator:")), "{keys:?}");
    assert!(keys.iter().any(|k| k.contains(":scoped:")), "{keys:?}");
    for text in &seen {
        for secret in [
            CLIENT_SECRET,
            CLIENT_ID,
            "Recorded Customer",
            scoped.expose(),
            sb.base_url().as_str(),
        ] {
            assert!(!text.contains(secret), "{text} holds {secret}");
        }
        assert!(!holds_jwt(text), "{text} holds a JWT");
    }
}

/// Whether `text` holds a JWT: a header and a payload, base64url JSON objects (`eyJ…`, the
/// encoding of `{"`), joined by a dot. A stored value's ciphertext is one base64url run after
/// `v1.`, in which `eyJ` occurs by chance now and then, never followed by `.eyJ`.
fn holds_jwt(text: &str) -> bool {
    let base64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.split(|c: char| !base64url(c) && c != '.').any(|run| {
        let parts: Vec<&str> = run.split('.').collect();
        parts
            .windows(2)
            .any(|pair| pair[0].starts_with("eyJ") && pair[1].starts_with("eyJ"))
    })
}

#[test]
fn a_jwt_is_found_and_a_ciphertext_that_happens_to_hold_eyj_is_not() {
    assert!(holds_jwt("token=eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl;"));
    assert!(holds_jwt(r#"{"t":"eyJh.eyJz"}"#));
    assert!(!holds_jwt("v1.UADqwbZKfeyJ_IlcQI3CxVFTYeyJYFlVD3KNw3w6o6N"));
    assert!(!holds_jwt("v1.eyJUADqwbZKf"));
}

/// Every log record's level and text, from every test of this binary.
fn records() -> &'static Mutex<Vec<(log::Level, String)>> {
    static RECORDS: OnceLock<Mutex<Vec<(log::Level, String)>>> = OnceLock::new();
    RECORDS.get_or_init(|| Mutex::new(Vec::new()))
}

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        records()
            .lock()
            .unwrap()
            .push((record.level(), record.args().to_string()));
    }
    fn flush(&self) {}
}

fn capture_logs() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        log::set_boxed_logger(Box::new(Capture)).unwrap();
        log::set_max_level(log::LevelFilter::Debug);
    });
}
