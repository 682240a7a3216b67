//! The quickstart story (`examples/quickstart.rs`) as a function, for the fault suite and the
//! redaction audit: every SDK call goes through a [`Ledger`] that counts faults, recoveries,
//! typed errors and panics, and keeps the text of every result for the audit. Creates whose
//! outcome is unknown are reconciled by listing by name, as the error advises.
#![allow(dead_code)]

use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};

use airbyte_embedded::integrations::{ConnectionTemplateCreate, SourceTemplateCreate};
use airbyte_embedded::sources::{CheckState, SourceCreate, SourceUpdate};
use airbyte_embedded::workspaces::WorkspaceFilter;
use airbyte_embedded::{
    Error, OperatorClient, ScopedToken, TagFilter, TagsMode, WaitOptions, WidgetTokenRequest,
    WriteOptions,
};
use airbyte_embedded_sandbox::Sandbox;
use serde_json::{Map, Value, json};

/// The end user's database password (`airbyte_secret` in the Postgres spec).
pub const PG_PASSWORD: &str = "correct-horse-battery-staple-9f2c";
/// The S3 secret of the connection template's destination config (`airbyte_secret`).
pub const S3_SECRET: &str = "example-secret-access-key-7d1e";
/// The source's name, unique in the run.
pub const SOURCE_NAME: &str = "Acme production DB";

/// What happened to the calls of one run.
pub struct Ledger<'a> {
    sandbox: &'a Sandbox,
    /// SDK calls made.
    pub calls: u32,
    /// Calls during which a fault fired and which still returned `Ok`.
    pub recovered: u32,
    /// Every error returned, as `step: Variant`.
    pub errors: Vec<String>,
    /// Calls that panicked.
    pub panics: u32,
    /// `Display` and `Debug` text of every result, for the redaction audit.
    pub texts: Vec<String>,
    /// Tokens and widget tokens the story was handed, for the redaction audit.
    pub secrets: Vec<String>,
}

/// The variant name of an error (`"OutcomeUnknown"`), from its `Debug` text.
pub fn variant(e: &Error) -> String {
    let debug = format!("{e:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl<'a> Ledger<'a> {
    pub fn new(sandbox: &'a Sandbox) -> Self {
        Ledger {
            sandbox,
            calls: 0,
            recovered: 0,
            errors: Vec::new(),
            panics: 0,
            texts: Vec::new(),
            secrets: Vec::new(),
        }
    }

    /// Runs one SDK call, catching a panic, and books its outcome.
    pub fn call<T: Debug>(
        &mut self,
        step: &str,
        f: impl FnOnce() -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.calls += 1;
        let before = self.sandbox.faults_fired();
        let outcome = catch_unwind(AssertUnwindSafe(f));
        let faulted = self.sandbox.faults_fired() > before;
        match outcome {
            Err(_) => {
                self.panics += 1;
                Err(Error::Transport {
                    detail: format!("{step} panicked"),
                })
            }
            Ok(Ok(v)) => {
                if faulted {
                    self.recovered += 1;
                }
                self.texts.push(format!("{v:?}"));
                Ok(v)
            }
            Ok(Err(e)) => {
                self.errors.push(format!("{step}: {}", variant(&e)));
                self.texts.push(e.to_string());
                self.texts.push(format!("{e:?}"));
                Err(e)
            }
        }
    }

    /// A create that may end [`Error::OutcomeUnknown`]: then `find` (list by name) decides
    /// whether it took effect, and only if not is it created again.
    pub fn create<T: Debug>(
        &mut self,
        step: &str,
        create: impl Fn() -> Result<T, Error>,
        find: impl Fn() -> Result<Option<T>, Error>,
    ) -> Result<T, Error> {
        match self.call(step, &create) {
            Err(e) if e.is_outcome_unknown() => {
                match self.call(&format!("{step} (reconcile)"), &find)? {
                    Some(found) => Ok(found),
                    None => self.call(&format!("{step} (again)"), &create),
                }
            }
            other => other,
        }
    }
}

pub fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// What a run created, for cleaning up.
#[derive(Default)]
pub struct Created {
    pub tags: Vec<String>,
    pub source_templates: Vec<String>,
    pub connection_template: Option<String>,
    pub source: Option<String>,
    pub end_user: Option<airbyte_embedded::EndUserClient>,
}

/// The quickstart story; stops at the first error it cannot reconcile.
pub fn run(op: &OperatorClient, ledger: &mut Ledger, created: &mut Created) -> Result<(), Error> {
    ledger.texts.push(format!("{op:?}"));
    ledger.texts.push(format!("{:?}", op.config()));

    // 1. connectors
    let postgres = ledger
        .call("list definitions (postgres)", || {
            op.definitions().list_sources(Some("postgres"))
        })?
        .remove(0);
    let stripe = ledger
        .call("list definitions (stripe)", || {
            op.definitions().list_sources(Some("stripe"))
        })?
        .remove(0);

    // 2. tags and a connection template
    for name in ["crm", "databases"] {
        let tag = ledger.create(
            &format!("create tag {name}"),
            || op.tags().create(name),
            || Ok(op.tags().list()?.into_iter().find(|t| t.name == name)),
        )?;
        created.tags.push(tag.name);
    }
    let s3_config = object(json!({
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": S3_SECRET,
        "format": {"format_type": "JSONL"}
    }));
    let request = ConnectionTemplateCreate::user_hosted(
        "Acme S3",
        "4816b78f-1489-44c1-9060-4b19d5fa9362",
        s3_config,
    )
    .cron_expression("0 0 12 * * ?");
    ledger.texts.push(format!("{request:?}"));
    let connection = ledger.create(
        "create connection template",
        || op.connection_templates().create(&request),
        || {
            Ok(op
                .connection_templates()
                .list(&TagFilter::default())?
                .into_iter()
                .find(|c| c.destination_name.as_deref() == Some("Acme S3")))
        },
    )?;
    created.connection_template = Some(connection.id.clone());
    ledger.create(
        "tag connection template",
        || op.connection_templates().add_tag(&connection.id, "crm"),
        || {
            let c = op.connection_templates().get(&connection.id)?;
            Ok(c.tags.iter().any(|t| t == "crm").then_some(c))
        },
    )?;
    ledger.call("describe cron", || {
        op.connection_templates().describe_cron("0 0 12 * * ?")
    })?;

    // 3. source templates
    let mut templates = Vec::new();
    for (definition, defaults, name, tag) in [
        (&postgres, json!({"port": 5432}), "Postgres", "databases"),
        (&stripe, json!({"lookback_window_days": 7}), "Stripe", "crm"),
    ] {
        let request = SourceTemplateCreate::new(&definition.source_definition_id, object(defaults))
            .name(name);
        let template = ledger.create(
            &format!("create source template {name}"),
            || op.source_templates().create(&request),
            || {
                let found = op
                    .source_templates()
                    .list(&TagFilter::default())?
                    .into_iter()
                    .find(|t| t.name.as_deref() == Some(name));
                found.map(|t| op.source_templates().get(&t.id)).transpose()
            },
        )?;
        created.source_templates.push(template.id.clone());
        let template = ledger.create(
            &format!("tag source template {name}"),
            || op.source_templates().add_tag(&template.id, tag),
            || {
                let t = op.source_templates().get(&template.id)?;
                Ok(t.tags.iter().any(|x| x == tag).then_some(t))
            },
        )?;
        templates.push(template);
    }
    let pg_template = templates.remove(0);

    // 4. tokens
    let mut widget_request = WidgetTokenRequest::new("acme-corp", "https://app.acme.example");
    widget_request.selected_source_template_tags = vec!["databases".into(), "crm".into()];
    widget_request.selected_source_template_tags_mode = Some(TagsMode::Any);
    ledger.texts.push(format!("{widget_request:?}"));
    let widget = ledger.call("mint widget token", || {
        op.mint_widget_token(&widget_request)
    })?;
    ledger.secrets.push(widget.expose_raw().to_owned());
    ledger.secrets.push(widget.expose_scoped_token().to_owned());
    let inner = ScopedToken::new(widget.expose_scoped_token());
    ledger.texts.push(format!("{inner:?}"));
    let scoped = ledger.call("scoped token", || op.scoped_token("acme-corp"))?;
    ledger.secrets.push(scoped.expose().to_owned());

    // 5. the end user creates a source
    let end_user = op.end_user_client("acme-corp")?;
    created.end_user = Some(end_user.clone());
    ledger.texts.push(format!("{end_user:?}"));
    let workspace_id = ledger.call("workspace id", || end_user.workspace_id())?;
    ledger.call("list offered templates", || {
        end_user.source_templates().list(&TagFilter::default())
    })?;
    ledger.call("get offered template", || {
        end_user.source_templates().get(&pg_template.id)
    })?;
    let create = SourceCreate::new(
        &workspace_id,
        &pg_template.id,
        object(json!({
            "host": "db.acme.example",
            "database": "app",
            "username": "airbyte",
            "password": PG_PASSWORD
        })),
    )
    .name(SOURCE_NAME);
    ledger.texts.push(format!("{create:?}"));
    let source = ledger.create(
        "create source",
        || end_user.sources().create(&create),
        || {
            let found = end_user
                .sources()
                .list(&workspace_id)?
                .into_iter()
                .find(|s| s.name.as_deref() == Some(SOURCE_NAME));
            found.map(|s| end_user.sources().get(&s.id)).transpose()
        },
    )?;
    created.source = Some(source.id.clone());

    // 6. check
    let job = ledger.call("start check", || {
        end_user.sources().check(
            &source.id,
            &SourceUpdate::default(),
            &WriteOptions::default(),
        )
    })?;
    let status = ledger.call("wait for check", || {
        end_user
            .sources()
            .wait_for_check(&job.id, &WaitOptions::default())
    })?;
    assert_eq!(status.status, CheckState::Succeeded);

    // 7. update and list
    let update = SourceUpdate {
        name: Some(format!("{SOURCE_NAME} (replica)")),
        ..Default::default()
    };
    ledger.texts.push(format!("{update:?}"));
    ledger.call("rename source", || {
        end_user.sources().update(&source.id, &update)
    })?;
    ledger.call("list sources", || end_user.sources().list(&workspace_id))?;

    // 8. workspaces
    let workspaces = ledger.call("walk workspaces", || {
        op.workspaces()
            .iter(WorkspaceFilter {
                limit: Some(50),
                ..Default::default()
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    ledger.call("workspace stats", || op.workspaces().stats())?;
    let acme = workspaces
        .iter()
        .find(|w| w.name.as_deref() == Some("acme-corp"))
        .expect("acme-corp is listed");
    ledger.call("deactivate workspace", || {
        op.workspaces().deactivate(&acme.id)
    })?;
    ledger.texts.push(format!("{:?}", op.last_rate_limit()));
    Ok(())
}

/// Deletes what the run created (best effort).
pub fn cleanup(op: &OperatorClient, ledger: &mut Ledger, created: &Created) {
    if let (Some(id), Some(end_user)) = (&created.source, &created.end_user) {
        let _ = ledger.call("delete source", || end_user.sources().delete(id));
    }
    for id in &created.source_templates {
        let _ = ledger.call("delete source template", || {
            op.source_templates().delete(id)
        });
    }
    if let Some(id) = &created.connection_template {
        let _ = ledger.call("delete connection template", || {
            op.connection_templates().delete(id)
        });
    }
    for name in &created.tags {
        let _ = ledger.call("delete tag", || op.tags().delete(name));
    }
}
