//! Bulk operations and workspace sync: one call over many workspaces or sources, a bounded
//! number at a time within the organisation's rate limit, each item's outcome on its own
//! (the Rust `bulk` module). Every operation here is one that sending twice does not
//! duplicate.

use std::sync::Arc;

use airbyte_embedded as core;

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{AirbyteError, BulkOptions, Deleted, Workspace, WorkspaceSyncPlan};
use crate::tokens::ScopedToken;
use crate::twin::twin;

/// One workspace name's outcome of `mint_scoped_tokens`: `token` or `error`, never both.
#[derive(uniffi::Record)]
pub struct ScopedTokenOutcome {
    /// The workspace name as given.
    pub item: String,
    /// The scoped token minted (or reused from the cache and token store).
    pub token: Option<Arc<ScopedToken>>,
    /// Why this item failed.
    pub error: Option<AirbyteError>,
}

/// Every outcome of `mint_scoped_tokens`, in the order the names were given.
#[derive(uniffi::Record)]
pub struct ScopedTokenReport {
    /// One outcome per name.
    pub outcomes: Vec<ScopedTokenOutcome>,
    /// How many 429 answers the run met (each followed by a pause and a new attempt).
    pub rate_limited: i32,
}

/// One workspace id's outcome of `deactivate_workspaces` / `activate_workspaces`:
/// `workspace` (as updated) or `error`, never both.
#[derive(uniffi::Record)]
pub struct WorkspaceOutcome {
    /// The workspace id as given.
    pub item: String,
    /// The workspace as the service answered after the update.
    pub workspace: Option<Workspace>,
    /// Why this item failed.
    pub error: Option<AirbyteError>,
}

/// Every outcome of a workspace status change, in the order the ids were given.
#[derive(uniffi::Record)]
pub struct WorkspaceReport {
    /// One outcome per id.
    pub outcomes: Vec<WorkspaceOutcome>,
    /// How many 429 answers the run met.
    pub rate_limited: i32,
}

/// One source id's outcome of `delete_sources`: `deleted` or `error`, never both.
#[derive(uniffi::Record)]
pub struct DeleteOutcome {
    /// The source id as given.
    pub item: String,
    /// The service's answer to the delete.
    pub deleted: Option<Deleted>,
    /// Why this item failed.
    pub error: Option<AirbyteError>,
}

/// Every outcome of `delete_sources`, in the order the ids were given.
#[derive(uniffi::Record)]
pub struct DeleteReport {
    /// One outcome per id.
    pub outcomes: Vec<DeleteOutcome>,
    /// How many 429 answers the run met.
    pub rate_limited: i32,
}

/// What applying a sync plan did, item by item.
#[derive(uniffi::Record)]
pub struct WorkspaceSyncReport {
    /// One outcome per workspace created (by minting a scoped token).
    pub created: ScopedTokenReport,
    /// One outcome per workspace deactivated.
    pub deactivated: WorkspaceReport,
    /// One outcome per workspace reactivated.
    pub reactivated: WorkspaceReport,
}

/// A sync's plan, and what applying it did when asked to.
#[derive(uniffi::Record)]
pub struct WorkspaceSync {
    /// What the sync changes (or, in a dry run, would change).
    pub plan: WorkspaceSyncPlan,
    /// What applying it did; `None` for a dry run.
    pub report: Option<WorkspaceSyncReport>,
}

/// Splits a core report into items and results, for the records above.
fn split<T, O>(
    report: core::bulk::BulkReport<T>,
    make: impl Fn(String, Option<T>, Option<AirbyteError>) -> O,
) -> (Vec<O>, i32) {
    let outcomes = report
        .outcomes
        .into_iter()
        .map(|o| match o.result {
            Ok(v) => make(o.item, Some(v), None),
            Err(e) => make(o.item, None, Some(e)),
        })
        .collect();
    (outcomes, report.rate_limited)
}

fn tokens(report: core::bulk::BulkReport<core::ScopedToken>) -> ScopedTokenReport {
    let (outcomes, rate_limited) = split(report, |item, token, error| ScopedTokenOutcome {
        item,
        token: token.map(ScopedToken::from_core),
        error,
    });
    ScopedTokenReport {
        outcomes,
        rate_limited,
    }
}

fn workspaces(report: core::bulk::BulkReport<Workspace>) -> WorkspaceReport {
    let (outcomes, rate_limited) = split(report, |item, workspace, error| WorkspaceOutcome {
        item,
        workspace,
        error,
    });
    WorkspaceReport {
        outcomes,
        rate_limited,
    }
}

/// Bulk operations of an operator client (`OperatorClient.bulk()`). Workers (`concurrency`,
/// 4 by default, at most 16) pause while the rate-limit headers say no more requests are left
/// than they could send at once, and after a 429 for its `Retry-After`; an item refused with
/// 429 is sent again after the pause (`rate_limited_attempts` in all).
#[derive(uniffi::Object)]
pub struct Bulk {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Bulk` (`AsyncOperatorClient.bulk()`): the same methods, awaited (each
    /// still runs its many requests within the rate limit, on one pool thread).
    pub struct AsyncBulk for Bulk;
}

twin! {
    impl Bulk => AsyncBulk {
        awaited {
            /// Mints (or reuses from the cache and token store) a scoped token for each workspace
            /// name, creating the workspaces that are new: `POST /embedded/scoped-token` per name not
            /// cached. `options` defaults to `defaults().bulk_options`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `concurrency` or `rate_limited_attempts` when out
            /// of range (nothing sent); `AirbyteError.ClientClosed` after `close()`. Each item's own
            /// error is in its outcome.
            #[uniffi::method(default(options = None))]
            pub fn mint_scoped_tokens(
                &self,
                workspace_names: Vec<String>,
                options: Option<BulkOptions>,
            ) -> Result<ScopedTokenReport> {
                let client = self.client.get()?;
                let report = client
                    .bulk()
                    .mint_scoped_tokens(&workspace_names, &options.unwrap_or_default())?;
                Ok(tokens(report))
            }

            /// Sets each workspace `inactive` (its connections stop): `PUT /workspaces/{id}` per id.
            ///
            /// # Errors
            /// As `mint_scoped_tokens`.
            #[uniffi::method(default(options = None))]
            pub fn deactivate_workspaces(
                &self,
                workspace_ids: Vec<String>,
                options: Option<BulkOptions>,
            ) -> Result<WorkspaceReport> {
                let client = self.client.get()?;
                let report = client
                    .bulk()
                    .deactivate_workspaces(&workspace_ids, &options.unwrap_or_default())?;
                Ok(workspaces(report))
            }

            /// Sets each workspace `active` again: `PUT /workspaces/{id}` per id.
            ///
            /// # Errors
            /// As `mint_scoped_tokens`.
            #[uniffi::method(default(options = None))]
            pub fn activate_workspaces(
                &self,
                workspace_ids: Vec<String>,
                options: Option<BulkOptions>,
            ) -> Result<WorkspaceReport> {
                let client = self.client.get()?;
                let report = client
                    .bulk()
                    .activate_workspaces(&workspace_ids, &options.unwrap_or_default())?;
                Ok(workspaces(report))
            }

            /// Deletes each source (of any workspace of the organisation):
            /// `DELETE /integrations/sources/{id}` per id.
            ///
            /// # Errors
            /// As `mint_scoped_tokens`.
            #[uniffi::method(default(options = None))]
            pub fn delete_sources(
                &self,
                source_ids: Vec<String>,
                options: Option<BulkOptions>,
            ) -> Result<DeleteReport> {
                let client = self.client.get()?;
                let report = client
                    .bulk()
                    .delete_sources(&source_ids, &options.unwrap_or_default())?;
                let (outcomes, rate_limited) = split(report, |item, deleted, error| DeleteOutcome {
                    item,
                    deleted,
                    error,
                });
                Ok(DeleteReport {
                    outcomes,
                    rate_limited,
                })
            }

            /// Syncs the organisation's workspaces with `desired`, the names of the customers that
            /// should be active: plans the workspaces to create (customers without one), to deactivate
            /// (active workspaces of customers no longer listed) and to reactivate (inactive
            /// workspaces of listed customers), reading every page of `GET /workspaces`; with `apply`
            /// it then applies the plan in bulk. Without `apply` (the default) it is a dry run:
            /// nothing is written. Names compare exactly; a name listed twice counts once.
            ///
            /// # Errors
            /// As `mint_scoped_tokens`, and the workspace listing's errors (nothing applied). Each
            /// applied item's own error is in the report.
            #[uniffi::method(default(apply = false, options = None))]
            pub fn sync_workspaces(
                &self,
                desired: Vec<String>,
                apply: bool,
                options: Option<BulkOptions>,
            ) -> Result<WorkspaceSync> {
                let client = self.client.get()?;
                let options = core::bulk::SyncOptions {
                    apply,
                    bulk: options.unwrap_or_default(),
                };
                let sync = client.bulk().sync_workspaces(&desired, &options)?;
                Ok(WorkspaceSync {
                    plan: sync.plan,
                    report: sync.report.map(|r| WorkspaceSyncReport {
                        created: tokens(r.created),
                        deactivated: workspaces(r.deactivated),
                        reactivated: workspaces(r.reactivated),
                    }),
                })
            }
        }
    }
}
