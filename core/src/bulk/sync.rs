//! Workspace sync: the operator's list of active customers against the organisation's
//! workspaces. A plan names the workspaces to create (customers without one), to deactivate
//! (active workspaces of customers no longer listed) and to reactivate (inactive workspaces of
//! listed customers); applying it runs the three in bulk. Planning reads only; applying is
//! asked for explicitly.

use std::collections::{HashMap, HashSet};

use super::{BulkOptions, BulkReport, Gate};
use crate::workspaces::{Workspace, WorkspaceFilter, WorkspaceStatus};
use crate::{OperatorClient, Result, ScopedToken};

/// How [`super::Bulk::sync_workspaces`] runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOptions {
    /// Apply the plan; `false` (the default) only plans (a dry run).
    pub apply: bool,
    /// How the changes are applied.
    pub bulk: BulkOptions,
}

/// What a sync would change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkspaceSyncPlan {
    /// Customers without a workspace: created by minting a scoped token, in the order given.
    pub create: Vec<String>,
    /// Active workspaces of customers no longer listed.
    pub deactivate: Vec<Workspace>,
    /// Inactive workspaces of listed customers.
    pub reactivate: Vec<Workspace>,
    /// Workspaces already as wanted (active and listed, or inactive and not listed).
    pub unchanged: i64,
}

impl WorkspaceSyncPlan {
    /// Whether the plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.create.is_empty() && self.deactivate.is_empty() && self.reactivate.is_empty()
    }
}

/// What applying a plan did, item by item.
#[derive(Debug)]
pub struct WorkspaceSyncReport {
    /// One outcome per workspace created.
    pub created: BulkReport<ScopedToken>,
    /// One outcome per workspace deactivated.
    pub deactivated: BulkReport<Workspace>,
    /// One outcome per workspace reactivated.
    pub reactivated: BulkReport<Workspace>,
}

/// A sync's plan, and what applying it did when asked to.
#[derive(Debug)]
pub struct WorkspaceSync {
    /// What the sync changes (or would change).
    pub plan: WorkspaceSyncPlan,
    /// What applying it did; `None` for a dry run.
    pub report: Option<WorkspaceSyncReport>,
}

/// The plan for `desired` over `existing`: names compare exactly; a deleted (tombstoned)
/// workspace counts as absent; a name listed twice counts once.
pub(crate) fn plan(desired: &[String], existing: Vec<Workspace>) -> WorkspaceSyncPlan {
    let wanted: HashSet<&str> = desired.iter().map(String::as_str).collect();
    let mut by_name: HashMap<String, Workspace> = HashMap::new();
    let mut plan = WorkspaceSyncPlan::default();
    for w in existing {
        if w.tombstone == Some(true) {
            continue;
        }
        let Some(name) = w.name.clone() else { continue };
        let listed = wanted.contains(name.as_str());
        match (&w.status, listed) {
            (Some(WorkspaceStatus::Inactive), true) => plan.reactivate.push(w.clone()),
            (Some(WorkspaceStatus::Inactive), false) => plan.unchanged += 1,
            (_, false) => plan.deactivate.push(w.clone()),
            (_, true) => plan.unchanged += 1,
        }
        by_name.insert(name, w);
    }
    let mut seen = HashSet::new();
    for name in desired {
        if !by_name.contains_key(name) && seen.insert(name.as_str()) {
            plan.create.push(name.clone());
        }
    }
    plan
}

/// Every workspace (`GET /workspaces`, every page). A walk the rate limit refuses (429) starts
/// again after the pause its `Retry-After` asks for, as a bulk item would.
fn list_all(client: &OperatorClient, options: &BulkOptions) -> Result<Vec<Workspace>> {
    Gate::new(options).send(client, options, 1, || {
        client
            .workspaces()
            .iter(WorkspaceFilter {
                limit: Some(100),
                ..WorkspaceFilter::default()
            })
            .collect()
    })
}

/// Plans (`GET /workspaces`, every page) and, with `options.apply`, applies the plan.
pub(crate) fn sync(
    client: &OperatorClient,
    desired: &[String],
    options: &SyncOptions,
) -> Result<WorkspaceSync> {
    options.bulk.check()?;
    let existing = list_all(client, &options.bulk)?;
    let plan = plan(desired, existing);
    if !options.apply {
        return Ok(WorkspaceSync { plan, report: None });
    }
    let bulk = client.bulk();
    let ids = |ws: &[Workspace]| ws.iter().map(|w| w.id.clone()).collect::<Vec<_>>();
    let report = WorkspaceSyncReport {
        created: bulk.mint_scoped_tokens(&plan.create, &options.bulk)?,
        deactivated: bulk.deactivate_workspaces(&ids(&plan.deactivate), &options.bulk)?,
        reactivated: bulk.activate_workspaces(&ids(&plan.reactivate), &options.bulk)?,
    };
    Ok(WorkspaceSync {
        plan,
        report: Some(report),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(name: &str, status: WorkspaceStatus, tombstone: bool) -> Workspace {
        Workspace {
            id: format!("id-{name}"),
            name: Some(name.to_owned()),
            organization_id: None,
            status: Some(status),
            cache_enabled: None,
            tombstone: Some(tombstone),
            created_at: None,
            updated_at: None,
        }
    }

    #[test]
    fn the_plan_creates_deactivates_and_reactivates_by_name() {
        use WorkspaceStatus::{Active, Inactive};
        let existing = vec![
            ws("kept", Active, false),
            ws("churned", Active, false),
            ws("returning", Inactive, false),
            ws("gone", Inactive, false),
            ws("deleted", Active, true),
        ];
        let desired: Vec<String> = ["kept", "returning", "new", "deleted", "new"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let p = plan(&desired, existing);
        assert_eq!(p.create, ["new", "deleted"]);
        assert_eq!(
            p.deactivate
                .iter()
                .map(|w| w.id.as_str())
                .collect::<Vec<_>>(),
            ["id-churned"]
        );
        assert_eq!(
            p.reactivate
                .iter()
                .map(|w| w.id.as_str())
                .collect::<Vec<_>>(),
            ["id-returning"]
        );
        assert_eq!(p.unchanged, 2);
        assert!(!p.is_empty());
        assert!(plan(&[], Vec::new()).is_empty());
    }
}
