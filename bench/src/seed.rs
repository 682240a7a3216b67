//! The data the overhead and memory runs read: templates and sources of two sizes.

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{OperatorClient, WriteOptions};
use serde_json::{Map, Value, json};

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
pub(crate) fn seed(op: &OperatorClient) -> Seeded {
    let pg = op
        .definitions()
        .list_sources(Some("postgres"))
        .expect("defs")[0]
        .source_definition_id
        .clone();
    op.tags().create("small").expect("tag");
    let mut first = None;
    for i in 0..190 {
        let t = op
            .source_templates()
            .create(
                &SourceTemplateCreate::new(&pg, object(json!({"port": 5432})))
                    .name(format!("Postgres template {i:03}")),
            )
            .expect("template");
        if i < 4 {
            op.source_templates()
                .add_tag(&t.id, "small")
                .expect("tag template");
        }
        first.get_or_insert(t.id);
    }
    let template = first.expect("a template");
    let end_user = op.end_user_client("bench-corp").expect("end user");
    let ws = end_user.workspace_id().expect("workspace");
    let create = |config: Value| {
        end_user
            .sources()
            .create_with(
                &SourceCreate::new(&ws, &template, object(config)),
                &WriteOptions::unvalidated(),
            )
            .expect("source")
            .id
    };
    let schemas: Vec<String> = (0..3300).map(|i| format!("schema_{i:05}")).collect();
    Seeded {
        small_source: create(
            json!({"host": "db.example", "database": "app", "username": "u", "password": "p"}),
        ),
        large_source: create(json!({
            "host": "db.example", "database": "app", "username": "u", "password": "p",
            "schemas": schemas,
        })),
    }
}
