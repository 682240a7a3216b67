//! `apply -f setup.yaml`: plan (see `crate::plan`), then, with `--yes`, carry it out.
//!
//! The file:
//!
//! ```yaml
//! tags: [crm, warehouse]
//! connection_templates:          # matched by destination_name
//!   - destination_name: Warehouse
//!     destination_definition_id: 4816b78f-…
//!     destination_config: {…}
//!     cron_expression: "0 0 12 * * ?"
//!     tags: [warehouse]
//! source_templates:              # matched by name
//!   - name: Postgres
//!     actor_definition_id: decd338e-…
//!     partial_default_config: {port: 5432}
//!     tags: [crm]
//! ```

use std::collections::HashMap;

use airbyte_embedded::integrations::{
    ConnectionTemplate, ConnectionTemplateCreate, ConnectionTemplateUpdate, SourceTemplateCreate,
    SourceTemplateUpdate,
};
use airbyte_embedded::{OperatorClient, TagFilter};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::args::ApplyArgs;
use crate::failure::{FAILED, Failure, OK, Outcome};
use crate::files;
use crate::output::Output;
use crate::plan::{self, Action, Change, DesiredConnection, DesiredSource};

/// The set-up file's top level.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetupFile {
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    connection_templates: Vec<Map<String, Value>>,
    #[serde(default)]
    source_templates: Vec<Map<String, Value>>,
}

/// The file's templates, each split into its create body and its tags.
struct Setup {
    tags: Vec<String>,
    connections: Vec<DesiredConnection>,
    sources: Vec<DesiredSource>,
}

fn take_tags(entry: &mut Map<String, Value>, origin: &str) -> Result<Option<Vec<String>>, Failure> {
    entry
        .remove("tags")
        .map(|tags| files::from_value(tags, &format!("{origin}: tags")))
        .transpose()
}

fn read_setup(args: &ApplyArgs) -> Result<Setup, Failure> {
    let file = args.file.display().to_string();
    let setup: SetupFile = files::read_as(&args.file)?;
    let mut connections = Vec::new();
    for (i, mut entry) in setup.connection_templates.into_iter().enumerate() {
        let origin = format!("{file}: connection_templates[{i}]");
        let tags = take_tags(&mut entry, &origin)?;
        let body: ConnectionTemplateCreate = files::from_value(Value::Object(entry), &origin)?;
        let name = body.destination_name.clone().ok_or_else(|| {
            Failure::usage(format!(
                "{origin}: destination_name is required (templates are matched by it)"
            ))
        })?;
        connections.push(DesiredConnection { name, body, tags });
    }
    let mut sources = Vec::new();
    for (i, mut entry) in setup.source_templates.into_iter().enumerate() {
        let origin = format!("{file}: source_templates[{i}]");
        let tags = take_tags(&mut entry, &origin)?;
        let body: SourceTemplateCreate = files::from_value(Value::Object(entry), &origin)?;
        let name = body.name.clone().ok_or_else(|| {
            Failure::usage(format!(
                "{origin}: name is required (templates are matched by it)"
            ))
        })?;
        sources.push(DesiredSource { name, body, tags });
    }
    for (kind, names) in [
        ("tag", setup.tags.clone()),
        (
            "connection template",
            connections.iter().map(|c| c.name.clone()).collect(),
        ),
        (
            "source template",
            sources.iter().map(|s| s.name.clone()).collect(),
        ),
    ] {
        if let Some(dup) = duplicate(&names) {
            return Err(Failure::usage(format!(
                "{file}: the {kind} `{dup}` is declared twice"
            )));
        }
    }
    Ok(Setup {
        tags: setup.tags,
        connections,
        sources,
    })
}

fn duplicate(names: &[String]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    names
        .iter()
        .find(|n| !seen.insert(n.as_str()))
        .map(String::as_str)
}

/// The one template with each name; two with one name cannot be matched.
fn by_name<'a, T>(
    items: &'a [T],
    name: impl Fn(&T) -> Option<&str>,
    kind: &str,
) -> Result<HashMap<&'a str, &'a T>, Failure> {
    let mut map = HashMap::new();
    for item in items {
        if let Some(n) = name(item)
            && map.insert(n, item).is_some()
        {
            return Err(Failure::failed(format!(
                "two {kind}s are named `{n}`: apply matches templates by name; rename or delete one"
            )));
        }
    }
    Ok(map)
}

/// What the plan needs to carry out each change.
struct Planned {
    changes: Vec<Change>,
    connections: Vec<(Change, DesiredConnection, Vec<String>)>,
    sources: Vec<(Change, DesiredSource, Vec<String>)>,
}

fn make_plan(op: &OperatorClient, setup: &Setup) -> Result<Planned, Failure> {
    let held_tags: Vec<String> = op.tags().list()?.into_iter().map(|t| t.name).collect();
    let mut changes: Vec<Change> = setup
        .tags
        .iter()
        .map(|t| plan::tag(t, &held_tags))
        .collect();

    let held_connections: Vec<ConnectionTemplate> =
        op.connection_templates().list(&TagFilter::default())?;
    let connection_index = by_name(
        &held_connections,
        |c| c.destination_name.as_deref(),
        "connection template",
    )?;
    let mut connections = Vec::new();
    for desired in &setup.connections {
        let current = connection_index.get(desired.name.as_str()).copied();
        let change = plan::connection(desired, current);
        let held = current.map(|c| c.tags.clone()).unwrap_or_default();
        changes.push(change.clone());
        connections.push((change, desired.clone(), held));
    }

    let summaries = op.source_templates().list(&TagFilter::default())?;
    let source_index = by_name(&summaries, |s| s.name.as_deref(), "source template")?;
    let mut sources = Vec::new();
    for desired in &setup.sources {
        let current = match source_index.get(desired.name.as_str()) {
            Some(summary) => Some(op.source_templates().get(&summary.id)?),
            None => None,
        };
        let change = plan::source(desired, current.as_ref());
        let held = current.map(|c| c.tags).unwrap_or_default();
        changes.push(change.clone());
        sources.push((change, desired.clone(), held));
    }
    Ok(Planned {
        changes,
        connections,
        sources,
    })
}

/// Runs `apply`: prints the plan; with `--yes` and no conflict, applies it.
pub fn run(op: &OperatorClient, args: &ApplyArgs, out: &Output) -> Outcome {
    let setup = read_setup(args)?;
    let planned = make_plan(op, &setup)?;
    let count = |a: Action| planned.changes.iter().filter(|c| c.action == a).count();
    let summary = json!({
        "create": count(Action::Create),
        "update": count(Action::Update),
        "unchanged": count(Action::Unchanged),
        "conflict": count(Action::Conflict),
    });
    let conflicts = count(Action::Conflict) > 0;
    let pending = count(Action::Create) + count(Action::Update) > 0;
    let apply = args.yes && pending && !conflicts;
    if apply {
        carry_out(op, &planned)?;
    }
    let doc = json!({
        "changes": planned.changes,
        "summary": summary,
        "applied": apply,
    });
    out.emit(&doc, || {
        let mut text = render(&planned.changes);
        text.push_str(&format!(
            "Plan: {} to create, {} to update, {} unchanged{}.\n",
            summary["create"],
            summary["update"],
            summary["unchanged"],
            if conflicts {
                format!(", {} in conflict", summary["conflict"])
            } else {
                String::new()
            }
        ));
        if conflicts {
            text.push_str("Nothing applied: resolve the conflicts first.\n");
        } else if apply {
            text.push_str("Applied.\n");
        } else if !pending {
            text.push_str("Nothing to change.\n");
        } else {
            text.push_str("Run again with --yes to apply it.\n");
        }
        text
    })?;
    Ok(if conflicts { FAILED } else { OK })
}

fn render(changes: &[Change]) -> String {
    let mut text = String::new();
    for c in changes {
        let (mark, word) = match c.action {
            Action::Create => ('+', "create"),
            Action::Update => ('~', "update"),
            Action::Unchanged => ('=', "unchanged"),
            Action::Conflict => ('!', "conflict"),
        };
        text.push_str(&format!(
            "{mark} {} `{}` ({word})\n",
            c.kind.replace('_', " "),
            c.name
        ));
        for f in &c.fields {
            let values = match (&f.from, &f.to) {
                (Some(from), Some(to)) => format!(": {from} → {to}"),
                _ => String::new(),
            };
            text.push_str(&format!("    {} {}{values}\n", f.path, f.change));
        }
    }
    text
}

/// Tags first (templates are tagged with them), then connection templates, then source
/// templates.
fn carry_out(op: &OperatorClient, planned: &Planned) -> Result<(), Failure> {
    for change in planned.changes.iter().filter(|c| c.kind == "tag") {
        if change.action == Action::Create {
            op.tags().create(&change.name)?;
        }
    }
    let api = op.connection_templates();
    for (change, desired, held) in &planned.connections {
        let id = match change.action {
            Action::Create => api.create(&desired.body)?.id,
            Action::Update => {
                let id = change.id.clone().unwrap_or_default();
                let body = &desired.body;
                let pick = |path: &str| change.touches(path);
                let update = ConnectionTemplateUpdate {
                    destination_name: None,
                    destination_config: body
                        .destination_config
                        .clone()
                        .filter(|_| pick("destination_config")),
                    cron_expression: body
                        .cron_expression
                        .clone()
                        .filter(|_| pick("cron_expression")),
                    non_breaking_changes_preference: body
                        .non_breaking_changes_preference
                        .clone()
                        .filter(|_| pick("non_breaking_changes_preference")),
                    sync_on_create: body.sync_on_create.filter(|_| pick("sync_on_create")),
                };
                if update_needed(change, "tags") {
                    api.update(&id, &update)?;
                }
                id
            }
            _ => continue,
        };
        retag(
            desired.tags.as_deref(),
            held,
            |t| api.add_tag(&id, t).map(drop),
            |t| api.remove_tag(&id, t).map(drop),
        )?;
    }
    let api = op.source_templates();
    for (change, desired, held) in &planned.sources {
        let id = match change.action {
            Action::Create => api.create(&desired.body)?.id,
            Action::Update => {
                let id = change.id.clone().unwrap_or_default();
                if update_needed(change, "tags") {
                    let update = SourceTemplateUpdate {
                        name: None,
                        partial_default_config: desired.body.partial_default_config.clone(),
                        customization: desired.body.customization.clone(),
                        propagate: None,
                    };
                    api.update(&id, &update)?;
                }
                id
            }
            _ => continue,
        };
        retag(
            desired.tags.as_deref(),
            held,
            |t| api.add_tag(&id, t).map(drop),
            |t| api.remove_tag(&id, t).map(drop),
        )?;
    }
    Ok(())
}

/// Whether any field but `except` differs.
fn update_needed(change: &Change, except: &str) -> bool {
    change.fields.iter().any(|f| f.path != except)
}

/// Adds the declared tags the template lacks and removes those it has but the file does not.
fn retag(
    want: Option<&[String]>,
    held: &[String],
    add: impl Fn(&str) -> airbyte_embedded::Result<()>,
    remove: impl Fn(&str) -> airbyte_embedded::Result<()>,
) -> Result<(), Failure> {
    let Some(want) = want else { return Ok(()) };
    for tag in want.iter().filter(|t| !held.contains(t)) {
        add(tag)?;
    }
    for tag in held.iter().filter(|t| !want.contains(t)) {
        remove(tag)?;
    }
    Ok(())
}
