//! The sandbox's shared state: configuration, signing keys, and everything mutable behind one
//! mutex.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::SandboxConfig;
use crate::auth::{Jwt, OperatorTokens};
use crate::faults::FaultQueue;
use crate::ratelimit::RateLimiter;
use crate::recording::RequestLog;
use crate::store::Store;

/// What every handler gets: the shared state.
pub(crate) type AppState = Arc<Shared>;

/// Immutable settings plus the mutable [`State`].
pub(crate) struct Shared {
    /// The configuration the sandbox was started with.
    pub config: SandboxConfig,
    /// `http://127.0.0.1:<port>/api/v1`.
    pub base_url: String,
    /// The JWT signing key.
    pub jwt: Jwt,
    state: Mutex<State>,
}

impl Shared {
    /// Creates the state of a sandbox serving at `base_url`.
    pub(crate) fn new(config: SandboxConfig, base_url: String) -> Shared {
        Shared {
            config,
            base_url,
            jwt: Jwt::new(),
            state: Mutex::new(State::default()),
        }
    }

    /// Locks the mutable state (a panicked handler does not poison it for the others).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Everything that changes while the sandbox runs.
#[derive(Default)]
pub(crate) struct State {
    /// Workspaces, tags, templates, sources and checks.
    pub store: Store,
    /// The most recent requests received (admin routes excepted), in order.
    pub requests: RequestLog,
    /// How many `POST /account/applications/token` requests arrived.
    pub token_requests: u64,
    /// How many requests the rate limit refused with 429.
    pub rate_limited: u64,
    /// Injected faults.
    pub faults: FaultQueue,
    /// Request counts per organisation.
    pub rate: RateLimiter,
    /// Minted and revoked operator tokens.
    pub tokens: OperatorTokens,
}
