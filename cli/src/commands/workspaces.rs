//! `workspaces …`.

use std::io::IsTerminal;

use airbyte_embedded::OperatorClient;
use airbyte_embedded::workspaces::{WorkspaceFilter, WorkspaceStatus, WorkspaceUpdate};

use crate::args::{StatusArg, WorkspacesCommand};
use crate::failure::{OK, Outcome};
use crate::output::{Column, Output};

const COLUMNS: &[Column] = &[
    ("ID", "/id"),
    ("NAME", "/name"),
    ("STATUS", "/status"),
    ("CREATED", "/created_at"),
];

fn status(arg: StatusArg) -> WorkspaceStatus {
    match arg {
        StatusArg::Active => WorkspaceStatus::Active,
        StatusArg::Inactive => WorkspaceStatus::Inactive,
    }
}

/// Runs a `workspaces` command.
pub fn run(op: &OperatorClient, command: WorkspacesCommand, out: &Output) -> Outcome {
    let api = op.workspaces();
    match command {
        WorkspacesCommand::List {
            name_contains,
            status: wanted,
            page_size,
        } => {
            let filter = WorkspaceFilter {
                name_contains,
                status: wanted.map(status),
                limit: page_size,
            };
            let progress = !out.quiet && std::io::stderr().is_terminal();
            let mut pages = api.iter(filter);
            let mut all = Vec::new();
            let walked = loop {
                match pages.next_page() {
                    Ok(Some(page)) => {
                        all.extend(page);
                        if progress {
                            eprint!("\rloading workspaces… {}", all.len());
                        }
                    }
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(e),
                }
            };
            if progress {
                eprint!("\r\x1b[2K");
            }
            walked?;
            out.list(&all, COLUMNS)?;
        }
        WorkspacesCommand::Get { id } => out.record(&api.get(&id)?)?,
        WorkspacesCommand::Stats => out.record(&api.stats()?)?,
        WorkspacesCommand::Deactivate { id } => out.record(&api.deactivate(&id)?)?,
        WorkspacesCommand::Activate { id } => {
            let update = WorkspaceUpdate {
                status: Some(WorkspaceStatus::Active),
                ..WorkspaceUpdate::default()
            };
            out.record(&api.update(&id, &update)?)?
        }
        WorkspacesCommand::Delete { id } => out.record(&api.delete(&id)?)?,
    }
    Ok(OK)
}
