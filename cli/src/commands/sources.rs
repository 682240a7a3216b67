//! `sources …`: a workspace's sources, as the operator.

use std::time::Duration;

use airbyte_embedded::sources::{CheckState, SourceUpdate};
use airbyte_embedded::{OperatorClient, WaitOptions, WriteOptions};

use crate::args::SourcesCommand;
use crate::failure::{FAILED, OK, Outcome};
use crate::output::{Column, Output, fields, to_value};

const COLUMNS: &[Column] = &[
    ("ID", "/id"),
    ("NAME", "/name"),
    ("TEMPLATE", "/summarized_source_template/name"),
    ("CREATED", "/created_at"),
];

/// Runs a `sources` command.
pub fn run(op: &OperatorClient, command: SourcesCommand, out: &Output) -> Outcome {
    let api = op.sources();
    match command {
        SourcesCommand::List { workspace_id } => out.list(&api.list(&workspace_id)?, COLUMNS)?,
        SourcesCommand::Get { id } => out.record(&api.get(&id)?)?,
        SourcesCommand::Check { id, wait, timeout } => {
            let job = api.check(&id, &SourceUpdate::default(), &WriteOptions::default())?;
            if !wait {
                out.record(&job)?;
                return Ok(OK);
            }
            out.note(&format!("check {} started; waiting…", job.id));
            let options = WaitOptions {
                timeout: Duration::from_secs(timeout),
                ..WaitOptions::default()
            };
            let status = api.wait_for_check(&job.id, &options)?;
            let value = to_value(&status)?;
            out.emit(&value, || fields(&value))?;
            if status.status != CheckState::Succeeded {
                return Ok(FAILED);
            }
        }
    }
    Ok(OK)
}
