//! `tags …` and `definitions …`.

use airbyte_embedded::OperatorClient;

use crate::args::{DefinitionsCommand, TagsCommand};
use crate::failure::{OK, Outcome};
use crate::output::{Column, Output};

const TAG_COLUMNS: &[Column] = &[("NAME", "/name"), ("ID", "/id"), ("CREATED", "/created_at")];

const DEFINITION_COLUMNS: &[Column] = &[
    ("ID", "/sourceDefinitionId"),
    ("NAME", "/name"),
    ("SUPPORT", "/supportLevel"),
];

/// Runs a `tags` command.
pub fn tags(op: &OperatorClient, command: TagsCommand, out: &Output) -> Outcome {
    let api = op.tags();
    match command {
        TagsCommand::List => out.list(&api.list()?, TAG_COLUMNS)?,
        TagsCommand::Create { name } => out.record(&api.create(&name)?)?,
        TagsCommand::Rename { name, new_name } => out.record(&api.rename(&name, &new_name)?)?,
        TagsCommand::Delete { name } => out.record(&api.delete(&name)?)?,
    }
    Ok(OK)
}

/// Runs a `definitions` command.
pub fn definitions(op: &OperatorClient, command: DefinitionsCommand, out: &Output) -> Outcome {
    let api = op.definitions();
    match command {
        DefinitionsCommand::Sources { name } => {
            out.list(&api.list_sources(name.as_deref())?, DEFINITION_COLUMNS)?
        }
        DefinitionsCommand::Get { id, spec: true } => {
            let definition = api.get_source(&id)?;
            if !out.quiet {
                out.print_json(&definition.definition.spec.unwrap_or_default())?;
            }
        }
        DefinitionsCommand::Get { id, spec: false } => out.record(&api.get_source(&id)?)?,
    }
    Ok(OK)
}
