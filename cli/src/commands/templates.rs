//! `templates sources …` and `templates connections …`.

use airbyte_embedded::integrations::{
    ConnectionTemplateCreate, ConnectionTemplateUpdate, SourceTemplateCreate, SourceTemplateUpdate,
};
use airbyte_embedded::{OperatorClient, TagFilter, TagsMode};

use crate::args::{
    ConnectionTemplatesCommand, SourceTemplatesCommand, TagFilterArgs, TagsModeArg,
    TemplatesCommand,
};
use crate::failure::{OK, Outcome};
use crate::files;
use crate::output::{Column, Output};

const SOURCE_COLUMNS: &[Column] = &[
    ("ID", "/id"),
    ("NAME", "/name"),
    ("DEFINITION", "/actor_definition_id"),
    ("TAGS", "/tags"),
];

const CONNECTION_COLUMNS: &[Column] = &[
    ("ID", "/id"),
    ("DESTINATION", "/destination_name"),
    ("CRON", "/cron_expression"),
    ("HOSTING", "/data_hosting_type"),
    ("TAGS", "/tags"),
];

/// The SDK's tag filter for `--tag` and `--tags-mode`.
pub fn tag_filter(args: &TagFilterArgs) -> TagFilter {
    TagFilter {
        tags: args.tags.clone(),
        mode: args.tags_mode.map(|m| match m {
            TagsModeArg::Any => TagsMode::Any,
            TagsModeArg::All => TagsMode::All,
        }),
    }
}

/// Runs a `templates` command.
pub fn run(op: &OperatorClient, command: TemplatesCommand, out: &Output) -> Outcome {
    match command {
        TemplatesCommand::Sources(c) => sources(op, c, out),
        TemplatesCommand::Connections(c) => connections(op, c, out),
    }
}

fn sources(op: &OperatorClient, command: SourceTemplatesCommand, out: &Output) -> Outcome {
    let api = op.source_templates();
    match command {
        SourceTemplatesCommand::List(filter) => {
            out.list(&api.list(&tag_filter(&filter))?, SOURCE_COLUMNS)?
        }
        SourceTemplatesCommand::Get { id } => out.record(&api.get(&id)?)?,
        SourceTemplatesCommand::Create(file) => {
            let body: SourceTemplateCreate = files::read_as(&file.file)?;
            out.record(&api.create(&body)?)?
        }
        SourceTemplatesCommand::Update { id, file } => {
            let body: SourceTemplateUpdate = files::read_as(&file.file)?;
            out.record(&api.update(&id, &body)?)?
        }
        SourceTemplatesCommand::Delete { id } => out.record(&api.delete(&id)?)?,
        SourceTemplatesCommand::Tag { id, tag } => out.record(&api.add_tag(&id, &tag)?)?,
        SourceTemplatesCommand::Untag { id, tag } => out.record(&api.remove_tag(&id, &tag)?)?,
        SourceTemplatesCommand::Global => out.list(&api.list_global()?, SOURCE_COLUMNS)?,
        SourceTemplatesCommand::Clone { id, name } => {
            out.record(&api.clone_template(&id, name.as_deref())?)?
        }
    }
    Ok(OK)
}

fn connections(op: &OperatorClient, command: ConnectionTemplatesCommand, out: &Output) -> Outcome {
    let api = op.connection_templates();
    match command {
        ConnectionTemplatesCommand::List(filter) => {
            out.list(&api.list(&tag_filter(&filter))?, CONNECTION_COLUMNS)?
        }
        ConnectionTemplatesCommand::Get { id } => out.record(&api.get(&id)?)?,
        ConnectionTemplatesCommand::Create(file) => {
            let body: ConnectionTemplateCreate = files::read_as(&file.file)?;
            out.record(&api.create(&body)?)?
        }
        ConnectionTemplatesCommand::Update { id, file } => {
            let body: ConnectionTemplateUpdate = files::read_as(&file.file)?;
            out.record(&api.update(&id, &body)?)?
        }
        ConnectionTemplatesCommand::Delete { id } => out.record(&api.delete(&id)?)?,
        ConnectionTemplatesCommand::Tag { id, tag } => out.record(&api.add_tag(&id, &tag)?)?,
        ConnectionTemplatesCommand::Untag { id, tag } => out.record(&api.remove_tag(&id, &tag)?)?,
        ConnectionTemplatesCommand::Clone { id, name, secrets } => {
            let secrets = match secrets {
                Some(path) => files::read_object(&path)?,
                None => serde_json::Map::new(),
            };
            out.record(&api.clone_template(&id, name.as_deref(), &secrets)?)?
        }
    }
    Ok(OK)
}
