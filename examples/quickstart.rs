//! The whole Airbyte Embedded story, step by step.
//!
//! The operator signs in, looks up source and destination connectors, creates a connection
//! template and tags, creates a source template and clones one of Airbyte's global ones,
//! mints a widget token and a scoped token for the workspace `acme-corp`; the end user lists
//! templates and creates a source; the operator lists the destinations the service made for
//! it; the end user checks, updates and lists sources; the operator lists workspaces, reads
//! stats and deactivates the workspace.
//!
//! With `AIRBYTE_CLIENT_ID` and `AIRBYTE_CLIENT_SECRET` set it runs against the real service
//! (or `AIRBYTE_API_URL`); otherwise it starts the local sandbox in-process.
//!
//! Run: `cargo run -p airbyte-embedded-examples --bin quickstart`

#![forbid(unsafe_code)]

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use airbyte_embedded::integrations::{
    ConnectionTemplateCreate, DestinationFilter, SourceTemplateCreate,
};
use airbyte_embedded::sources::{CheckState, SourceCreate, SourceUpdate};
use airbyte_embedded::workspaces::WorkspaceFilter;
use airbyte_embedded::{
    ClientConfig, Credentials, OperatorClient, TagFilter, TagsMode, WaitOptions,
    WidgetTokenRequest, WriteOptions,
};
use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
use serde_json::{Map, Value, json};

type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nquickstart failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn step(title: &str) {
    println!("\n== {title}");
}

/// The operator client: from the environment when credentials are set, else against a
/// sandbox started here (kept alive by the returned handle).
fn connect() -> Result<(OperatorClient, Option<Sandbox>), Failure> {
    if let Some(credentials) = Credentials::from_env() {
        let config = ClientConfig::from_env()?;
        println!(
            "Using {} (credentials from the environment)",
            config.base_url()
        );
        return Ok((OperatorClient::new(config, credentials)?, None));
    }
    let sandbox = Sandbox::start(SandboxConfig::default())?;
    println!("Using the local sandbox at {}", sandbox.base_url());
    let config = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .build()?;
    let operator = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET))?;
    Ok((operator, Some(sandbox)))
}

fn run() -> Result<(), Failure> {
    let (operator, _sandbox) = connect()?;
    let suffix = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() % 100_000;

    step("1. The operator signs in and looks up connectors");
    let postgres = operator
        .definitions()
        .list_sources(Some("postgres"))?
        .into_iter()
        .next()
        .ok_or("no Postgres connector in the catalogue")?;
    let stripe = operator
        .definitions()
        .list_sources(Some("stripe"))?
        .into_iter()
        .next()
        .ok_or("no Stripe connector in the catalogue")?;
    for d in [&postgres, &stripe] {
        println!(
            "connector {:<10} {}",
            d.name.as_deref().unwrap_or("?"),
            d.source_definition_id
        );
    }
    let s3 = operator
        .definitions()
        .list_destinations(&[])?
        .into_iter()
        .find(|d| d.name.as_deref() == Some("S3"))
        .ok_or("no S3 destination in the catalogue")?;
    let s3_spec = operator
        .definitions()
        .get_destination(&s3.id)?
        .definition
        .spec;
    let s3_required = s3_spec
        .as_ref()
        .and_then(|s| s.pointer("/connectionSpecification/required"))
        .cloned()
        .unwrap_or(Value::Null);
    println!(
        "destination S3 {}: a connection template needs {s3_required}",
        s3.id
    );

    step("2. A connection template (S3) and two tags");
    let crm = operator.tags().create(&format!("crm-{suffix}"))?;
    let databases = operator.tags().create(&format!("databases-{suffix}"))?;
    println!("tags: {}, {}", crm.name, databases.name);
    let s3_config = object(json!({
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": "example-secret-access-key",
        "format": {"format_type": "JSONL"}
    }));
    let connection = operator.connection_templates().create(
        &ConnectionTemplateCreate::user_hosted("Acme S3", &s3.id, s3_config)
            .cron_expression("0 0 12 * * ?"),
    )?;
    let connection = operator
        .connection_templates()
        .add_tag(&connection.id, &crm.name)?;
    let cron = operator
        .connection_templates()
        .describe_cron("0 0 12 * * ?")?;
    println!(
        "connection template {} → {:?}, schedule {:?} ({}), tags {:?}",
        connection.id,
        connection.destination_name.as_deref().unwrap_or("?"),
        connection.cron_expression.as_deref().unwrap_or("manual"),
        cron.description.as_deref().unwrap_or("?"),
        connection.tags
    );
    println!(
        "destination config as stored: {}",
        Value::Object(connection.destination_config.clone().unwrap_or_default())
    );

    step("3. A source template, and a clone of Airbyte's global Stripe template");
    let pg_template = operator.source_templates().create(
        &SourceTemplateCreate::new(
            &postgres.source_definition_id,
            object(json!({"port": 5432})),
        )
        .name(format!("Postgres ({suffix})")),
    )?;
    let pg_template = operator
        .source_templates()
        .add_tag(&pg_template.id, &databases.name)?;
    // Airbyte maintains global templates; cloning one offers a connector with its defaults.
    let global = operator.source_templates().list_global()?;
    println!("{} global source template(s)", global.len());
    let stripe_global = global
        .iter()
        .find(|t| t.name.as_deref().is_some_and(|n| n.contains("Stripe")));
    let stripe_template = match stripe_global {
        Some(g) => operator
            .source_templates()
            .clone_template(&g.id, Some(&format!("Stripe ({suffix})")))?,
        None => operator.source_templates().create(
            &SourceTemplateCreate::new(
                &stripe.source_definition_id,
                object(json!({"lookback_window_days": 7})),
            )
            .name(format!("Stripe ({suffix})")),
        )?,
    };
    let stripe_template = operator
        .source_templates()
        .add_tag(&stripe_template.id, &crm.name)?;
    for t in [&pg_template, &stripe_template] {
        println!(
            "source template {} {:?} tags {:?}",
            t.id,
            t.name.as_deref().unwrap_or("?"),
            t.tags
        );
    }

    step("4. Tokens for the end user `acme-corp`");
    let mut widget_request = WidgetTokenRequest::new("acme-corp", "https://app.acme.example");
    widget_request.selected_source_template_tags = vec![databases.name.clone(), crm.name.clone()];
    widget_request.selected_source_template_tags_mode = Some(TagsMode::Any);
    let widget = operator.mint_widget_token(&widget_request)?;
    let inner = airbyte_embedded::ScopedToken::new(widget.expose_scoped_token());
    println!("widget token decoded: widget URL {}", widget.widget_url());
    println!(
        "  carries a scoped token for workspace {:?}, expiring at {:?} (Unix seconds)",
        inner.workspace_id(),
        inner.expires_at_unix()
    );
    let scoped = operator.scoped_token("acme-corp")?;
    println!("scoped token: {scoped:?}");

    step("5. The end user lists templates and creates a source");
    let end_user = operator.end_user_client("acme-corp")?;
    let workspace_id = end_user.workspace_id()?;
    println!("end user's workspace: {workspace_id}");
    for t in end_user.source_templates().list(&TagFilter::default())? {
        println!(
            "offered: {} {:?} tags {:?}",
            t.id,
            t.name.as_deref().unwrap_or("?"),
            t.tags
        );
    }
    let spec = end_user
        .source_templates()
        .get(&pg_template.id)?
        .user_config_spec;
    let required = spec
        .as_ref()
        .and_then(|s| s.value().pointer("/connectionSpecification/required"))
        .cloned()
        .unwrap_or(Value::Null);
    println!("the end user must fill: {required}");
    let source = end_user.sources().create(
        &SourceCreate::new(
            &workspace_id,
            &pg_template.id,
            object(json!({
                "host": "db.acme.example",
                "database": "app",
                "username": "airbyte",
                "password": "correct-horse-battery-staple"
            })),
        )
        .name("Acme production DB"),
    )?;
    println!(
        "source {} created; config as stored: {}",
        source.id,
        Value::Object(source.source_config.clone())
    );

    step("6. The operator lists the destinations the service made for the new source");
    for d in operator
        .destinations()
        .iter(DestinationFilter::new(&workspace_id))
    {
        let d = operator.destinations().get(&d?.id)?;
        println!(
            "destination {} {:?} ({}); config as stored: {}",
            d.id,
            d.name.as_deref().unwrap_or("?"),
            d.destination_type.as_deref().unwrap_or("?"),
            Value::Object(d.destination_config.clone())
        );
    }

    step("7. The end user checks the source");
    let job = end_user.sources().check(
        &source.id,
        &SourceUpdate::default(),
        &WriteOptions::default(),
    )?;
    let status = end_user
        .sources()
        .wait_for_check(&job.id, &WaitOptions::default())?;
    println!("check {}: {}", job.id, status.status);
    if status.status != CheckState::Succeeded {
        return Err(format!("check ended {}: {:?}", status.status, status.error_message).into());
    }

    step("8. The end user updates and lists sources");
    let renamed = end_user.sources().update(
        &source.id,
        &SourceUpdate {
            name: Some("Acme production DB (replica)".into()),
            ..Default::default()
        },
    )?;
    println!("renamed to {:?}", renamed.name.as_deref().unwrap_or("?"));
    for s in end_user.sources().list(&workspace_id)? {
        println!("source {} {:?}", s.id, s.name.as_deref().unwrap_or("?"));
    }

    step("9. The operator reviews workspaces and deactivates acme-corp");
    let mut acme = None;
    let mut count = 0;
    for workspace in operator.workspaces().iter(WorkspaceFilter {
        limit: Some(50),
        ..Default::default()
    }) {
        let workspace = workspace?;
        count += 1;
        if workspace.name.as_deref() == Some("acme-corp") {
            acme = Some(workspace);
        }
    }
    println!("{count} workspace(s) in the organisation");
    let stats = operator.workspaces().stats()?;
    println!(
        "stats: {} active, {} inactive, {} in all",
        stats.active_count, stats.inactive_count, stats.total_count
    );
    let acme = acme.ok_or("workspace acme-corp not listed")?;
    let deactivated = operator.workspaces().deactivate(&acme.id)?;
    println!(
        "workspace {} is now {}",
        deactivated.id,
        deactivated
            .status
            .map(|s| s.to_string())
            .unwrap_or_default()
    );

    step("10. Clean up what this run created");
    end_user.sources().delete(&source.id)?;
    operator.source_templates().delete(&pg_template.id)?;
    operator.source_templates().delete(&stripe_template.id)?;
    operator.connection_templates().delete(&connection.id)?;
    operator.tags().delete(&crm.name)?;
    operator.tags().delete(&databases.name)?;
    println!(
        "deleted the source, 2 source templates, the connection template and the tags {} and {}",
        crm.name, databases.name
    );
    if let Some(rl) = operator.last_rate_limit() {
        println!(
            "rate limit: {} of {} requests left this window",
            rl.remaining.unwrap_or(0),
            rl.limit.unwrap_or(0)
        );
    }
    println!("\nDone.");
    Ok(())
}
