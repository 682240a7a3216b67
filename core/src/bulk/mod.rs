//! Bulk operations for the operator: one call over many workspaces or sources, a bounded
//! number at a time, within the organisation's rate limit. Each item's outcome is reported on
//! its own (never all-or-nothing), and every operation here is one that sending twice does
//! not duplicate (minting a scoped token for a name reuses that name's workspace; the others
//! are `PUT` and `DELETE`).
//!
//! How the rate limit is respected: before each request a worker waits while the shared pause
//! is on. The pause starts when a response says no more requests are left than workers could
//! send at once (`X-RateLimit-Remaining`), lasting until the window resets
//! (`X-RateLimit-Reset`), and when a request is refused with 429, lasting its `Retry-After`;
//! an item refused with 429 is tried again once the pause ends (up to
//! [`BulkOptions::rate_limited_attempts`] times), on top of the client's own retries.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::bulk::BulkOptions;
//!
//! let operator = OperatorClient::from_env()?;
//! let names: Vec<String> = (0..200).map(|i| format!("customer-{i}")).collect();
//! let report = operator.bulk().mint_scoped_tokens(&names, &BulkOptions::default())?;
//! println!("{} minted, {} failed", report.succeeded(), report.failures().count());
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

mod sync;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

pub use sync::{SyncOptions, WorkspaceSync, WorkspaceSyncPlan, WorkspaceSyncReport};

use crate::common::Deleted;
use crate::error::RateLimit;
use crate::workspaces::{Workspace, WorkspaceStatus, WorkspaceUpdate};
use crate::{Error, OperatorClient, Result, ScopedToken};

/// The most workers one bulk call runs.
pub const MAX_CONCURRENCY: i32 = 16;

/// How a bulk call runs. In the foreign languages `defaults().bulk_options` gives these
/// defaults (the pause has no foreign field default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkOptions {
    /// Items in flight at once, 1 to [`MAX_CONCURRENCY`]. Defaults to 4.
    #[cfg_attr(feature = "uniffi", uniffi(default = 4))]
    pub concurrency: i32,
    /// How many times one item is sent when the service answers 429 (each after the pause its
    /// `Retry-After` asks for). Defaults to 5.
    #[cfg_attr(feature = "uniffi", uniffi(default = 5))]
    pub rate_limited_attempts: i32,
    /// The longest pause the rate-limit state may impose at once. Defaults to 60 seconds.
    pub max_pause: Duration,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: 4,
            rate_limited_attempts: 5,
            max_pause: Duration::from_secs(60),
        }
    }
}

impl BulkOptions {
    fn check(&self) -> Result<()> {
        if !(1..=MAX_CONCURRENCY).contains(&self.concurrency) {
            return Err(Error::invalid_argument(
                "concurrency",
                format!(
                    "is {}; it must be from 1 to {MAX_CONCURRENCY}",
                    self.concurrency
                ),
            ));
        }
        if self.rate_limited_attempts < 1 {
            return Err(Error::invalid_argument(
                "rate_limited_attempts",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

/// One item's outcome.
#[derive(Debug)]
pub struct BulkOutcome<T> {
    /// The item as given (a workspace name, a workspace id, a source id).
    pub item: String,
    /// What the call returned for it.
    pub result: Result<T>,
}

/// Every item's outcome, in the order the items were given.
#[derive(Debug)]
pub struct BulkReport<T> {
    /// One outcome per item.
    pub outcomes: Vec<BulkOutcome<T>>,
    /// How many 429 answers the run met (each followed by a pause and a new attempt).
    pub rate_limited: i32,
}

impl<T> BulkReport<T> {
    /// How many items succeeded.
    pub fn succeeded(&self) -> usize {
        self.outcomes.iter().filter(|o| o.result.is_ok()).count()
    }

    /// The items that failed, with their errors.
    pub fn failures(&self) -> impl Iterator<Item = &BulkOutcome<T>> {
        self.outcomes.iter().filter(|o| o.result.is_err())
    }
}

/// Bulk operations. Get one from [`OperatorClient::bulk`].
pub struct Bulk<'a> {
    pub(crate) client: &'a OperatorClient,
}

impl Bulk<'_> {
    /// Mints (or reuses from the cache and token store) a scoped token for each workspace
    /// name, creating the workspaces that are new. `POST /embedded/scoped-token` per name not
    /// cached ([`OperatorClient::scoped_token`]).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for options out of range (nothing sent). Each item's own
    /// error is in its outcome.
    pub fn mint_scoped_tokens(
        &self,
        workspace_names: &[String],
        options: &BulkOptions,
    ) -> Result<BulkReport<ScopedToken>> {
        run(self.client, workspace_names, options, |name| {
            self.client.scoped_token(name)
        })
    }

    /// Sets each workspace `inactive` (its connections stop). `PUT /workspaces/{id}` per id.
    ///
    /// # Errors
    /// As [`Bulk::mint_scoped_tokens`].
    pub fn deactivate_workspaces(
        &self,
        workspace_ids: &[String],
        options: &BulkOptions,
    ) -> Result<BulkReport<Workspace>> {
        self.set_status(workspace_ids, WorkspaceStatus::Inactive, options)
    }

    /// Sets each workspace `active` again. `PUT /workspaces/{id}` per id.
    ///
    /// # Errors
    /// As [`Bulk::mint_scoped_tokens`].
    pub fn activate_workspaces(
        &self,
        workspace_ids: &[String],
        options: &BulkOptions,
    ) -> Result<BulkReport<Workspace>> {
        self.set_status(workspace_ids, WorkspaceStatus::Active, options)
    }

    fn set_status(
        &self,
        workspace_ids: &[String],
        status: WorkspaceStatus,
        options: &BulkOptions,
    ) -> Result<BulkReport<Workspace>> {
        let update = WorkspaceUpdate {
            status: Some(status),
            ..WorkspaceUpdate::default()
        };
        run(self.client, workspace_ids, options, |id| {
            self.client.workspaces().update(id, &update)
        })
    }

    /// Syncs the organisation's workspaces with `desired`, the names of the customers that
    /// should be active: plans which workspaces to create, deactivate and reactivate (reading
    /// every page of `GET /workspaces`) and, with `options.apply`, applies the plan in bulk
    /// (without it, a dry run: nothing is written).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for options out of range; the workspace listing's errors
    /// (nothing applied). Each applied item's own error is in the report.
    pub fn sync_workspaces(
        &self,
        desired: &[String],
        options: &SyncOptions,
    ) -> Result<WorkspaceSync> {
        sync::sync(self.client, desired, options)
    }

    /// Deletes each source (of any workspace of the organisation).
    /// `DELETE /integrations/sources/{id}` per id.
    ///
    /// # Errors
    /// As [`Bulk::mint_scoped_tokens`].
    pub fn delete_sources(
        &self,
        source_ids: &[String],
        options: &BulkOptions,
    ) -> Result<BulkReport<Deleted>> {
        run(self.client, source_ids, options, |id| {
            self.client.sources().delete(id)
        })
    }
}

/// When workers may send again: the shared pause.
pub(crate) struct Gate {
    resume_at: Mutex<Option<Instant>>,
    max_pause: Duration,
    /// How many 429 answers the calls through [`Gate::send`] met.
    rate_limited: AtomicUsize,
}

impl Gate {
    pub(crate) fn new(options: &BulkOptions) -> Gate {
        Gate {
            resume_at: Mutex::new(None),
            max_pause: options.max_pause,
            rate_limited: AtomicUsize::new(0),
        }
    }

    /// Sends `call` once the pause is over, again after each 429 (pausing for its
    /// `Retry-After`) up to `options.rate_limited_attempts` sends in all; after each send,
    /// pauses as the client's rate-limit state asks for `in_flight` workers.
    pub(crate) fn send<T>(
        &self,
        client: &OperatorClient,
        options: &BulkOptions,
        in_flight: i32,
        call: impl Fn() -> Result<T>,
    ) -> Result<T> {
        let mut attempts = 0;
        loop {
            self.wait();
            attempts += 1;
            let result = call();
            self.observe(client.last_rate_limit(), in_flight);
            let Err(Error::RateLimited { rate_limit, .. }) = &result else {
                return result;
            };
            self.rate_limited.fetch_add(1, Ordering::Relaxed);
            if attempts >= options.rate_limited_attempts {
                return result;
            }
            self.pause(rate_limit.retry_after.unwrap_or(Duration::from_secs(1)));
        }
    }

    /// Waits while the pause is on.
    fn wait(&self) {
        loop {
            let until = *self.resume_at.lock().unwrap_or_else(|p| p.into_inner());
            match until {
                Some(t) if t > Instant::now() => std::thread::sleep(t - Instant::now()),
                _ => return,
            }
        }
    }

    /// Extends the pause to at least `pause` from now (at most `max_pause`).
    fn pause(&self, pause: Duration) {
        let until = Instant::now() + pause.min(self.max_pause);
        let mut at = self.resume_at.lock().unwrap_or_else(|p| p.into_inner());
        if at.is_none_or(|t| t < until) {
            *at = Some(until);
        }
    }

    /// Pauses until the window resets when the last response left no more requests than
    /// `in_flight` workers could send at once.
    fn observe(&self, rate_limit: Option<RateLimit>, in_flight: i32) {
        let Some(rl) = rate_limit else { return };
        let (Some(remaining), Some(reset)) = (rl.remaining, rl.reset_unix_seconds) else {
            return;
        };
        if remaining > i64::from(in_flight) {
            return;
        }
        let now = crate::http::rate_limit::unix_seconds(SystemTime::now());
        let wait = crate::retry::seconds(reset.saturating_sub(now));
        if !wait.is_zero() {
            self.pause(wait);
        }
    }
}

/// Runs `call` over `items` with the options' workers; the report keeps the items' order.
fn run<T: Send>(
    client: &OperatorClient,
    items: &[String],
    options: &BulkOptions,
    call: impl Fn(&str) -> Result<T> + Sync,
) -> Result<BulkReport<T>> {
    options.check()?;
    let gate = Gate::new(options);
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<T>>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let workers = options
        .concurrency
        .min(i32::try_from(items.len()).unwrap_or(i32::MAX));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { return };
                    let result = gate.send(client, options, workers, || call(item));
                    *slots[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(result);
                }
            });
        }
    });
    let outcomes = items
        .iter()
        .zip(slots)
        .map(|(item, slot)| BulkOutcome {
            item: item.clone(),
            result: slot
                .into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .unwrap_or_else(|| {
                    Err(Error::invalid_argument(
                        "items",
                        "a worker ended before this item was run",
                    ))
                }),
        })
        .collect();
    Ok(BulkReport {
        outcomes,
        rate_limited: i32::try_from(gate.rate_limited.into_inner()).unwrap_or(i32::MAX),
    })
}
