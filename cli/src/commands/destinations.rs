//! `destinations …`.

use airbyte_embedded::OperatorClient;
use airbyte_embedded::integrations::DestinationFilter;

use crate::args::DestinationsCommand;
use crate::failure::{OK, Outcome};
use crate::output::{Column, Output};

const COLUMNS: &[Column] = &[
    ("ID", "/id"),
    ("NAME", "/name"),
    ("TYPE", "/destination_type"),
    ("DEFINITION", "/destination_definition_id"),
];

/// Runs a `destinations` command.
pub fn run(op: &OperatorClient, command: DestinationsCommand, out: &Output) -> Outcome {
    let api = op.destinations();
    match command {
        DestinationsCommand::List {
            workspace_id,
            page_size,
        } => {
            let filter = DestinationFilter {
                limit: page_size,
                ..DestinationFilter::new(workspace_id)
            };
            let all = api.iter(filter).collect::<Result<Vec<_>, _>>()?;
            out.list(&all, COLUMNS)?;
        }
        DestinationsCommand::Get { id } => out.record(&api.get(&id)?)?,
    }
    Ok(OK)
}
