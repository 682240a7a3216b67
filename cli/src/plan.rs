//! The `apply` plan: what would change to make the organisation's tags and templates match a
//! set-up file, matched by name. Pure: it compares the file with what the service answered.
//!
//! - Tags in the file that do not exist are created; no tag is deleted.
//! - A connection template (keyed by `destination_name`) or source template (keyed by `name`)
//!   that does not exist is created; one that exists is updated when a field the file sets
//!   differs. Fields the file leaves out are not compared, and templates absent from the file
//!   are left alone.
//! - Configs (`destination_config`, `partial_default_config`) are compared leaf by leaf and
//!   replaced whole on update, so a key the service holds and the file lacks is a removal. A
//!   value the service shows as the mask `**********` is unknown: never a difference.
//! - `tags` on a template, when given, is the template's whole tag list.
//! - The connector (`actor_definition_id`, `destination_definition_id`) and the hosting type
//!   cannot change on an existing template: such a difference is a conflict, and nothing is
//!   applied.
//!
//! Config values never appear in the plan (they may be secrets): only their paths.

use airbyte_embedded::integrations::{
    ConnectionTemplate, ConnectionTemplateCreate, SourceTemplate, SourceTemplateCreate,
};
use airbyte_embedded::validation::SECRET_MASK;
use serde::Serialize;
use serde_json::{Map, Value};

/// A connection template as the set-up file declares it.
#[derive(Clone)]
pub struct DesiredConnection {
    /// Its `destination_name`: the key it is matched by.
    pub name: String,
    /// The create body.
    pub body: ConnectionTemplateCreate,
    /// Its whole tag list, when the file gives one.
    pub tags: Option<Vec<String>>,
}

/// A source template as the set-up file declares it.
#[derive(Clone)]
pub struct DesiredSource {
    /// Its `name`: the key it is matched by.
    pub name: String,
    /// The create body.
    pub body: SourceTemplateCreate,
    /// Its whole tag list, when the file gives one.
    pub tags: Option<Vec<String>>,
}

/// What a change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Created.
    Create,
    /// Updated in place.
    Update,
    /// Already as declared.
    Unchanged,
    /// Cannot be made as declared (a connector or hosting type would change).
    Conflict,
}

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field, or the JSON pointer of a config value (`partial_default_config/port`).
    pub path: String,
    /// `added`, `changed` or `removed`.
    pub change: &'static str,
    /// The current value (never for a config value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Value>,
    /// The declared value (never for a config value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Value>,
}

/// One resource of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// `tag`, `connection_template` or `source_template`.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// What applying does.
    pub action: Action,
    /// The existing resource's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The fields that differ (for an update or a conflict).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

impl Change {
    fn new(kind: &'static str, name: &str, id: Option<&str>, fields: Vec<FieldChange>) -> Self {
        let action = match (id, fields.is_empty()) {
            (None, _) => Action::Create,
            (Some(_), true) => Action::Unchanged,
            (Some(_), false) if fields.iter().any(|f| f.change == "conflict") => Action::Conflict,
            (Some(_), false) => Action::Update,
        };
        Change {
            kind,
            name: name.to_owned(),
            action,
            id: id.map(str::to_owned),
            fields,
        }
    }

    /// Whether the named field differs.
    pub fn touches(&self, path: &str) -> bool {
        self.fields
            .iter()
            .any(|f| f.path == path || f.path.starts_with(&format!("{path}/")))
    }
}

/// A tag's change: created when missing.
pub fn tag(name: &str, existing: &[String]) -> Change {
    let found = existing.iter().any(|t| t == name);
    Change {
        kind: "tag",
        name: name.to_owned(),
        action: if found {
            Action::Unchanged
        } else {
            Action::Create
        },
        id: None,
        fields: Vec::new(),
    }
}

/// A connection template's change against the existing one, if any.
pub fn connection(desired: &DesiredConnection, current: Option<&ConnectionTemplate>) -> Change {
    let Some(current) = current else {
        return Change::new("connection_template", &desired.name, None, Vec::new());
    };
    let body = &desired.body;
    let mut fields = Vec::new();
    conflict(
        "destination_definition_id",
        body.destination_definition_id
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        current
            .destination_definition_id
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        &mut fields,
    );
    conflict(
        "data_hosting_type",
        body.data_hosting_type
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        current
            .data_hosting_type
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        &mut fields,
    );
    if let Some(config) = &body.destination_config {
        let held = current.destination_config.clone().unwrap_or_default();
        config_diff("destination_config", config, &held, &mut fields);
    }
    if let Some(cron) = &body.cron_expression {
        let held = current.cron_expression.as_deref().unwrap_or("");
        if strip_utc(cron) != strip_utc(held) {
            fields.push(changed(
                "cron_expression",
                held.into(),
                cron.as_str().into(),
            ));
        }
    }
    scalar(
        "non_breaking_changes_preference",
        body.non_breaking_changes_preference
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        current
            .non_breaking_changes_preference
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        &mut fields,
    );
    scalar(
        "sync_on_create",
        body.sync_on_create.map(Value::from),
        current.sync_on_create.map(Value::from),
        &mut fields,
    );
    tags_diff(desired.tags.as_deref(), &current.tags, &mut fields);
    Change::new(
        "connection_template",
        &desired.name,
        Some(&current.id),
        fields,
    )
}

/// A source template's change against the existing one, if any.
pub fn source(desired: &DesiredSource, current: Option<&SourceTemplate>) -> Change {
    let Some(current) = current else {
        return Change::new("source_template", &desired.name, None, Vec::new());
    };
    let body = &desired.body;
    let mut fields = Vec::new();
    conflict(
        "actor_definition_id",
        Some(body.actor_definition_id.as_str().into()),
        current
            .source_definition_id
            .as_ref()
            .map(|v| Value::from(v.as_str())),
        &mut fields,
    );
    config_diff(
        "partial_default_config",
        &body.partial_default_config,
        &current.partial_default_config,
        &mut fields,
    );
    if let Some(customization) = &body.customization {
        let want = serde_json::to_value(customization).unwrap_or(Value::Null);
        let held = current
            .customization
            .as_ref()
            .and_then(|c| serde_json::to_value(c).ok())
            .unwrap_or(Value::Null);
        if !contains(&held, &want) {
            fields.push(changed("customization", held, want));
        }
    }
    tags_diff(desired.tags.as_deref(), &current.tags, &mut fields);
    Change::new("source_template", &desired.name, Some(&current.id), fields)
}

fn strip_utc(cron: &str) -> &str {
    let trimmed = cron.trim();
    trimmed.strip_suffix(" UTC").map_or(trimmed, str::trim_end)
}

fn changed(path: &str, from: Value, to: Value) -> FieldChange {
    FieldChange {
        path: path.to_owned(),
        change: "changed",
        from: Some(from),
        to: Some(to),
    }
}

/// A declared scalar that differs from the held one.
fn scalar(path: &str, want: Option<Value>, held: Option<Value>, fields: &mut Vec<FieldChange>) {
    if let Some(want) = want
        && held.as_ref() != Some(&want)
    {
        fields.push(changed(path, held.unwrap_or(Value::Null), want));
    }
}

/// A declared value that cannot change on an existing template.
fn conflict(path: &str, want: Option<Value>, held: Option<Value>, fields: &mut Vec<FieldChange>) {
    if let (Some(want), Some(held)) = (want, held)
        && want != held
    {
        fields.push(FieldChange {
            path: path.to_owned(),
            change: "conflict",
            from: Some(held),
            to: Some(want),
        });
    }
}

/// Tags to add and remove, as one change of the whole list.
fn tags_diff(want: Option<&[String]>, held: &[String], fields: &mut Vec<FieldChange>) {
    let Some(want) = want else { return };
    let mut a: Vec<&String> = want.iter().collect();
    let mut b: Vec<&String> = held.iter().collect();
    a.sort();
    a.dedup();
    b.sort();
    if a != b {
        fields.push(changed("tags", held.into(), want.into()));
    }
}

/// Leaf-by-leaf differences of two configs; masked held values are unknown, never different.
fn config_diff(
    prefix: &str,
    want: &Map<String, Value>,
    held: &Map<String, Value>,
    fields: &mut Vec<FieldChange>,
) {
    for (key, value) in want {
        let path = format!("{prefix}/{}", escape(key));
        match held.get(key) {
            None => fields.push(FieldChange {
                path,
                change: "added",
                from: None,
                to: None,
            }),
            Some(Value::String(mask)) if mask == SECRET_MASK => {}
            Some(Value::Object(inner)) if value.is_object() => {
                if let Value::Object(wanted) = value {
                    config_diff(&path, wanted, inner, fields);
                }
            }
            Some(other) if other != value => fields.push(FieldChange {
                path,
                change: "changed",
                from: None,
                to: None,
            }),
            Some(_) => {}
        }
    }
    for key in held.keys().filter(|k| !want.contains_key(*k)) {
        fields.push(FieldChange {
            path: format!("{prefix}/{}", escape(key)),
            change: "removed",
            from: None,
            to: None,
        });
    }
}

/// A JSON pointer segment (`~` → `~0`, `/` → `~1`).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Whether `held` has every member `want` sets, with equal values (objects compared member by
/// member, so what the service adds is not a difference).
fn contains(held: &Value, want: &Value) -> bool {
    match (held, want) {
        (Value::Object(h), Value::Object(w)) => w
            .iter()
            .all(|(k, v)| h.get(k).is_some_and(|held| contains(held, v))),
        (h, w) => h == w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    fn paths(fields: &[FieldChange]) -> Vec<(&str, &str)> {
        fields.iter().map(|f| (f.path.as_str(), f.change)).collect()
    }

    #[test]
    fn masked_secrets_are_unknown_and_other_leaves_are_compared() {
        let mut fields = Vec::new();
        config_diff(
            "c",
            &object(
                json!({"password": "hunter22", "port": 5432, "ssl": {"mode": "require"}, "new": 1}),
            ),
            &object(
                json!({"password": SECRET_MASK, "port": 5433, "ssl": {"mode": "require"}, "old": 1}),
            ),
            &mut fields,
        );
        assert_eq!(
            paths(&fields),
            [
                ("c/port", "changed"),
                ("c/new", "added"),
                ("c/old", "removed")
            ]
        );
        assert!(fields.iter().all(|f| f.from.is_none() && f.to.is_none()));
    }

    #[test]
    fn a_held_template_matching_the_file_is_unchanged() {
        let current: SourceTemplate = serde_json::from_value(json!({
            "id": "t1", "name": "Postgres", "source_definition_id": "d1",
            "partial_default_config": {"port": 5432, "password": SECRET_MASK},
            "customization": {"stream_selection_mode": "all", "stream_whitelist": []},
            "tags": ["crm"]
        }))
        .unwrap();
        let desired = DesiredSource {
            name: "Postgres".into(),
            body: serde_json::from_value(json!({
                "actor_definition_id": "d1", "name": "Postgres",
                "partial_default_config": {"port": 5432, "password": "real-secret"},
                "customization": {"stream_selection_mode": "all"}
            }))
            .unwrap(),
            tags: Some(vec!["crm".into()]),
        };
        let change = source(&desired, Some(&current));
        assert_eq!(change.action, Action::Unchanged, "{change:?}");

        let moved = DesiredSource {
            body: SourceTemplateCreate {
                actor_definition_id: "d2".into(),
                ..desired.body.clone()
            },
            tags: Some(vec![]),
            ..desired
        };
        let change = source(&moved, Some(&current));
        assert_eq!(change.action, Action::Conflict);
        assert!(change.touches("tags"));
    }

    #[test]
    fn a_connection_template_is_compared_on_the_fields_the_file_sets() {
        let current: ConnectionTemplate = serde_json::from_value(json!({
            "id": "c1", "destination_name": "Warehouse", "destination_definition_id": "s3",
            "destination_config": {"bucket": "b", "secret_access_key": SECRET_MASK},
            "cron_expression": "0 0 12 * * ? UTC", "sync_on_create": true,
            "data_hosting_type": "user_hosted", "tags": ["warehouse"]
        }))
        .unwrap();
        let body: ConnectionTemplateCreate = serde_json::from_value(json!({
            "destination_name": "Warehouse", "destination_definition_id": "s3",
            "destination_config": {"bucket": "b", "secret_access_key": "real-key"},
            "cron_expression": "0 0 12 * * ?"
        }))
        .unwrap();
        let desired = DesiredConnection {
            name: "Warehouse".into(),
            body,
            tags: None,
        };
        assert_eq!(
            connection(&desired, Some(&current)).action,
            Action::Unchanged
        );
        let mut later = desired.clone();
        later.body.sync_on_create = Some(false);
        later.tags = Some(vec![]);
        let change = connection(&later, Some(&current));
        assert_eq!(change.action, Action::Update);
        assert_eq!(
            paths(&change.fields),
            [("sync_on_create", "changed"), ("tags", "changed")]
        );
        assert_eq!(connection(&desired, None).action, Action::Create);
    }

    #[test]
    fn cron_echoed_with_utc_is_the_same_schedule() {
        assert_eq!(strip_utc("0 0 12 * * ? UTC"), strip_utc("0 0 12 * * ?"));
        assert_eq!(tag("crm", &["crm".into()]).action, Action::Unchanged);
        assert_eq!(tag("crm", &[]).action, Action::Create);
    }
}
