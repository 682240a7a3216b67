//! `tags …` and `definitions …`.

use airbyte_embedded::OperatorClient;
use airbyte_embedded::integrations::DefinitionBody;

use crate::args::{DefinitionsCommand, TagsCommand};
use crate::failure::{Failure, OK, Outcome};
use crate::output::{Column, Output, fields, to_value};
use serde_json::{Value, json};

const TAG_COLUMNS: &[Column] = &[("NAME", "/name"), ("ID", "/id"), ("CREATED", "/created_at")];

const DEFINITION_COLUMNS: &[Column] = &[
    ("ID", "/sourceDefinitionId"),
    ("NAME", "/name"),
    ("SUPPORT", "/supportLevel"),
];

const DESTINATION_DEFINITION_COLUMNS: &[Column] = &[("ID", "/id"), ("NAME", "/name")];

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
        DefinitionsCommand::Destinations { ids } => out.list(
            &api.list_destinations(&ids)?,
            DESTINATION_DEFINITION_COLUMNS,
        )?,
        DefinitionsCommand::Destination { id, spec: true } => {
            let definition = api.get_destination(&id)?;
            if !out.quiet {
                out.print_json(&definition.definition.spec.unwrap_or_default())?;
            }
        }
        DefinitionsCommand::Destination { id, spec: false } => {
            let definition = api.get_destination(&id)?;
            show(
                out,
                &to_value(&definition)?,
                &definition.id,
                &definition.definition,
            )?
        }
        DefinitionsCommand::Get { id, spec: true } => {
            let definition = api.get_source(&id)?;
            if !out.quiet {
                out.print_json(&definition.definition.spec.unwrap_or_default())?;
            }
        }
        DefinitionsCommand::Get { id, spec: false } => {
            let definition = api.get_source(&id)?;
            show(
                out,
                &to_value(&definition)?,
                &definition.id,
                &definition.definition,
            )?
        }
    }
    Ok(OK)
}

/// Prints a definition: the whole JSON with `--json`, else its id, name and the fields of its
/// spec.
fn show(out: &Output, value: &Value, id: &str, body: &DefinitionBody) -> Result<(), Failure> {
    out.emit(value, || {
        let spec = body.spec.as_ref().unwrap_or(&Value::Null);
        let schema = airbyte_embedded::validation::connection_schema(spec);
        let required = schema.get("required").cloned().unwrap_or(Value::Null);
        let properties: Vec<&str> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        fields(&json!({
            "id": id,
            "name": body.name,
            "fields": properties,
            "required": required,
            "spec": "--spec prints it",
        }))
    })
}
