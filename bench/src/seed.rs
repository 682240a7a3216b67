//! The data the overhead and memory runs read: templates and sources of two sizes.

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{OperatorClient, WriteOptions};
use serde_json::{Map, Value, json};

use crate::error::{BenchResult, Context};

pub(crate) fn object(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

/// The ids [`seed`] created.
pub(crate) struct Seeded {
    pub(crate) small_source: String,
    pub(crate) large_source: String,
}

/// Fills the sandbox: 4 templates tagged `small` (a list of about 1 KB) and enough others for
/// a list of about 50 KB; a source with a small config and one whose config lists 3,300
/// schemas (about 50 KB).
pub(crate) fn seed(op: &OperatorClient) -> BenchResult<Seeded> {
    let pg = op
        .definitions()
        .list_sources(Some("postgres"))
        .context("defs")?
        .into_iter()
        .next()
        .context("a postgres definition")?
        .source_definition_id;
    op.tags().create("small").context("tag")?;
    let mut first = None;
    for i in 0..190 {
        let t = op
            .source_templates()
            .create(
                &SourceTemplateCreate::new(&pg, object(json!({"port": 5432})))
                    .name(format!("Postgres template {i:03}")),
            )
            .context("template")?;
        if i < 4 {
            op.source_templates()
                .add_tag(&t.id, "small")
                .context("tag template")?;
        }
        first.get_or_insert(t.id);
    }
    let template = first.context("a template")?;
    let end_user = op.end_user_client("bench-corp").context("end user")?;
    let ws = end_user.workspace_id().context("workspace")?;
    let create = |config: Value| -> BenchResult<String> {
        Ok(end_user
            .sources()
            .create_with(
                &SourceCreate::new(&ws, &template, object(config)),
                &WriteOptions::unvalidated(),
            )
            .context("source")?
            .id)
    };
    let schemas: Vec<String> = (0..3300).map(|i| format!("schema_{i:05}")).collect();
    Ok(Seeded {
        small_source: create(
            json!({"host": "db.example", "database": "app", "username": "u", "password": "p"}),
        )?,
        large_source: create(json!({
            "host": "db.example", "database": "app", "username": "u", "password": "p",
            "schemas": schemas,
        }))?,
    })
}
