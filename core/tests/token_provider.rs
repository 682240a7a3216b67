//! End-user clients whose scoped tokens come from a host's provider: fetched on first use,
//! renewed near expiry and after a refusal, one fetch at a time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::Duration;

use airbyte_embedded::{
    EndUserClient, Error, OperatorClient, ScopedToken, ScopedTokenProvider, ScopedTokenRequest,
    TagFilter,
};
use common::*;

/// A provider standing in for the host's backend: the operator client mints a token for
/// `acme-corp` on each fetch; `script` answers the first fetches instead, in order.
struct Backend {
    operator: OperatorClient,
    fetches: AtomicUsize,
    script: Mutex<Vec<Result<ScopedToken, Error>>>,
    delay: Duration,
}

impl Backend {
    fn new(sb: &Sandbox) -> Arc<Backend> {
        Backend::scripted(sb, Vec::new(), Duration::ZERO)
    }

    fn scripted(
        sb: &Sandbox,
        script: Vec<Result<ScopedToken, Error>>,
        delay: Duration,
    ) -> Arc<Backend> {
        Arc::new(Backend {
            operator: operator(sb),
            fetches: AtomicUsize::new(0),
            script: Mutex::new(script),
            delay,
        })
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

impl ScopedTokenProvider for Backend {
    fn fetch_scoped_token(&self) -> airbyte_embedded::Result<ScopedToken> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(self.delay);
        let mut script = self.script.lock().unwrap();
        if !script.is_empty() {
            return script.remove(0);
        }
        self.operator
            .mint_scoped_token(&ScopedTokenRequest::new("acme-corp"))
    }
}

fn client(sb: &Sandbox, backend: &Arc<Backend>) -> EndUserClient {
    EndUserClient::with_token_provider(
        config(sb),
        Arc::clone(backend) as Arc<dyn ScopedTokenProvider>,
    )
}

#[test]
fn the_first_call_fetches_and_later_calls_reuse_the_token() {
    let sb = sandbox();
    let backend = Backend::new(&sb);
    let user = client(&sb, &backend);
    assert_eq!(backend.fetches(), 0, "nothing is fetched at construction");
    for _ in 0..5 {
        user.source_templates().list(&TagFilter::default()).unwrap();
    }
    assert_eq!(backend.fetches(), 1);
    assert!(!user.token_info().unwrap().workspace_id.is_empty());
}

#[test]
fn a_token_near_expiry_is_fetched_again() {
    let sb = sandbox_with(SandboxConfig {
        scoped_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    let backend = Backend::new(&sb);
    let user = client(&sb, &backend);
    user.token_info().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    user.token_info().expect("a new token was fetched");
    assert_eq!(backend.fetches(), 2);
}

#[test]
fn a_refused_token_is_renewed_and_the_call_sent_once_more() {
    let sb = sandbox();
    // A token the service does not know: refused with 401.
    let backend = Backend::scripted(
        &sb,
        vec![Ok(ScopedToken::new("not-a-scoped-token"))],
        Duration::ZERO,
    );
    let user = client(&sb, &backend);
    user.source_templates()
        .list(&TagFilter::default())
        .expect("the call succeeds with the renewed token");
    assert_eq!(backend.fetches(), 2);
}

#[test]
fn threads_needing_a_token_at_once_make_one_fetch() {
    let sb = sandbox();
    let backend = Backend::scripted(&sb, Vec::new(), Duration::from_millis(200));
    let user = client(&sb, &backend);
    let barrier = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let user = user.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                user.source_templates().list(&TagFilter::default()).unwrap();
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(backend.fetches(), 1);
}

#[test]
fn a_failing_provider_fails_the_call_and_is_asked_again_next_time() {
    let sb = sandbox();
    let backend = Backend::scripted(
        &sb,
        vec![Err(Error::Transport {
            detail: "backend unreachable".into(),
        })],
        Duration::ZERO,
    );
    let user = client(&sb, &backend);
    sb.clear_requests();
    let err = user
        .source_templates()
        .list(&TagFilter::default())
        .unwrap_err();
    assert!(
        matches!(&err, Error::Transport { detail } if detail == "backend unreachable"),
        "{err:?}"
    );
    assert!(
        requests_to(&sb, "/embedded/source-templates").is_empty(),
        "nothing is sent without a token"
    );
    user.source_templates()
        .list(&TagFilter::default())
        .expect("the provider is asked again");
    assert_eq!(backend.fetches(), 2);
}

#[test]
fn an_empty_or_unsendable_token_is_a_token_provider_error() {
    let sb = sandbox();
    for bad in ["", "has a space\u{7f}"] {
        let backend = Backend::scripted(&sb, vec![Ok(ScopedToken::new(bad))], Duration::ZERO);
        let user = client(&sb, &backend);
        let err = user
            .source_templates()
            .list(&TagFilter::default())
            .unwrap_err();
        match &err {
            Error::TokenProvider { detail } => {
                assert!(bad.is_empty() || !detail.contains(bad), "{detail}")
            }
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string()
                .starts_with("scoped-token provider failed: "),
            "{err}"
        );
    }
}
