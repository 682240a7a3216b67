//! A form model of a connector spec that a native app (Kotlin, Swift, Python, web) can render.
//!
//! The model is a tree of [`FormField`]s, serialisable to JSON (empty and `false` members are
//! left out). Rules:
//! - Fields are ordered by their `order` (fields without one come after those with one), then
//!   by declaration order.
//! - Fields the template's `partial_default_config` fixes are **kept, marked `hidden` and
//!   `fixed_by_template`, and not `required`** (not omitted: an app may want to say "set by your
//!   provider"). The template's value is never copied into the form (it may be a secret).
//!   Where the template supplies an object for an object field, the field stays visible and
//!   only the nested fields it supplies are fixed; for a `oneOf` field, the branch the
//!   template's object selects becomes the field's `default` and only that option's supplied
//!   fields are fixed (another option may still be chosen, and then replaces the template's
//!   object wholesale).
//! - A `oneOf`/`anyOf` is a [`FieldKind::Choice`] with one [`FormOption`] per branch. With a
//!   discriminator, the field names it (`discriminator`), each option carries its value, and
//!   the discriminator itself is not repeated among the option's fields.
//! - `default` is only given when it satisfies the field's own schema.
//! - `hidden` is set by `airbyte_hidden: true`, by a `const` (a value the user cannot change)
//!   and by the template.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::compile::Compiled;
use super::merge::all_parts;
use super::schema::{self, Discriminator};
use super::secrets;
use super::spec::Spec;

/// How deep nested objects are expanded (recursive specs stop here).
const MAX_FORM_DEPTH: usize = 16;

/// The form an end user fills for one source template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    /// The schema's `title` (`"Postgres Source Spec"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The schema's `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `documentationUrl` of a `ConnectorSpecification`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    /// The top-level fields, in display order.
    pub fields: Vec<FormField>,
    /// The schema's `groups` (`[{"id": "db", "title": "Database"}]`), which fields name in
    /// [`FormField::group`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<FormGroup>,
    /// The spec's `advanced_auth` as given (OAuth flow description), for apps that run the
    /// OAuth dance themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advanced_auth: Option<Value>,
}

/// A named group of fields (Airbyte's `groups` / `group`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormGroup {
    /// The id fields refer to.
    pub id: String,
    /// The heading to show, when the spec gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// What kind of input a field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Text (see `secret`, `multiline`, `pattern`, `format`, `choices`).
    String,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// A switch.
    Boolean,
    /// A group of nested `fields`.
    Object,
    /// A list whose entries are described by `items`.
    Array,
    /// Pick one of `options` (a `oneOf`/`anyOf`).
    Choice,
    /// The spec does not say; accept JSON.
    Unknown,
}

/// One field of a [`Form`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormField {
    /// The property name in the config (`"port"`).
    pub key: String,
    /// JSON pointer of the value in the config (`"/ssl_mode/ca_certificate"`; array entries
    /// are `*`: `"/tunnels/*/host"`).
    pub path: String,
    /// The label: the schema's `title`, else the key.
    pub title: String,
    /// Help text (`description`, may contain Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The input to render.
    pub kind: FieldKind,
    /// Whether `null` is also accepted (`"type": ["string", "null"]`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    /// Whether the end user must fill it (false when the template supplies it).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The value to pre-fill (only a default that satisfies the field's schema; for a
    /// [`FieldKind::Choice`], the discriminator value of the pre-selected option).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// The allowed values (`enum`), in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Value>,
    /// Example values (`examples`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Value>,
    /// A regular expression the text must match (`pattern`, ECMA 262 syntax).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A human form of the pattern (`"YYYY-MM-DDTHH:mm:ssZ"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_descriptor: Option<String>,
    /// The `format` (`"date-time"`, `"date"`, `"email"`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Inclusive lower bound of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Number>,
    /// Inclusive upper bound of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<Number>,
    /// Exclusive lower bound of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusive_minimum: Option<Number>,
    /// Exclusive upper bound of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusive_maximum: Option<Number>,
    /// Minimum text length, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// Maximum text length, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// Minimum number of list entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// Maximum number of list entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// Whether list entries must be distinct.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique_items: bool,
    /// `airbyte_secret` (or the legacy `airbyte_sensitive`): render as a password input; the
    /// service returns it masked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub secret: bool,
    /// `multiline`: render as a text area.
    #[serde(default, skip_serializing_if = "is_false")]
    pub multiline: bool,
    /// Do not render (`airbyte_hidden`, a `const`, or fixed by the template).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    /// The template's `partial_default_config` supplies this value.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fixed_by_template: bool,
    /// `always_show`: show even among optional/advanced fields.
    #[serde(default, skip_serializing_if = "is_false")]
    pub always_show: bool,
    /// The [`FormGroup`] id (`group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The spec's `order`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    /// Nested fields of an [`FieldKind::Object`], in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FormField>,
    /// The entry of an [`FieldKind::Array`] (its `key` is `"*"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<FormField>>,
    /// The key that tells the options of a [`FieldKind::Choice`] apart (`"mode"`), when one
    /// does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<String>,
    /// The options of a [`FieldKind::Choice`], in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FormOption>,
}

/// One branch of a [`FieldKind::Choice`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormOption {
    /// The label: the branch's `title`, else its discriminator value, else `option N`.
    pub title: String,
    /// The branch's `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The value the discriminator takes for this option (`"verify-ca"`), to put into the
    /// config under [`FormField::discriminator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator_value: Option<Value>,
    /// The branch's own fields (without the discriminator), in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FormField>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The form of `spec` for a template with `partial_default_config`. `outer` is the spec as
/// given (for `documentationUrl` and `advanced_auth`).
pub(crate) fn build(spec: &Spec, outer: Option<&Value>, defaults: &Map<String, Value>) -> Form {
    let compiled = spec.compiled();
    let root = &compiled.schema;
    let parts = schema::parts(root, root);
    let groups = schema::keyword(&parts, "groups")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|g| {
                    Some(FormGroup {
                        id: g.get("id")?.as_str()?.to_owned(),
                        title: g.get("title").and_then(Value::as_str).map(str::to_owned),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Form {
        title: schema::keyword_str(&parts, "title").map(str::to_owned),
        description: schema::keyword_str(&parts, "description").map(str::to_owned),
        documentation_url: outer
            .and_then(|o| o.get("documentationUrl"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        fields: fields_of(compiled, &parts, "", Some(defaults), None, 0),
        groups,
        advanced_auth: outer.and_then(|o| o.get("advanced_auth")).cloned(),
    }
}

fn fields_of(
    compiled: &Compiled,
    parts: &[&Value],
    path: &str,
    template: Option<&Map<String, Value>>,
    skip: Option<&str>,
    depth: usize,
) -> Vec<FormField> {
    let required = schema::required(parts);
    let mut fields: Vec<FormField> = schema::property_keys(parts)
        .into_iter()
        .filter(|key| Some(*key) != skip)
        .filter_map(|key| {
            let node = *schema::property(parts, key).first()?;
            Some(field(
                compiled,
                key,
                node,
                &schema::join_pointer(path, key),
                required.contains(&key),
                template.and_then(|t| t.get(key)),
                depth + 1,
            ))
        })
        .collect();
    fields.sort_by_key(|f| (f.order.is_none(), f.order.unwrap_or(0)));
    fields
}

fn field(
    compiled: &Compiled,
    key: &str,
    node: &Value,
    path: &str,
    required: bool,
    template: Option<&Value>,
    depth: usize,
) -> FormField {
    let root = &compiled.schema;
    let parts = schema::parts(root, node);
    let text = |name: &str| schema::keyword_str(&parts, name).map(str::to_owned);
    let number = |name: &str| {
        schema::keyword(&parts, name)
            .and_then(Value::as_number)
            .cloned()
    };
    let count = |name: &str| schema::keyword(&parts, name).and_then(Value::as_u64);
    let types = schema::types(&parts);
    let branches = schema::branches(&parts);
    let choices: Vec<Value> = schema::keyword(&parts, "enum")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let kind = if branches.is_some() {
        FieldKind::Choice
    } else {
        match types.iter().find(|t| **t != "null").copied() {
            Some("string") => FieldKind::String,
            Some("integer") => FieldKind::Integer,
            Some("number") => FieldKind::Number,
            Some("boolean") => FieldKind::Boolean,
            Some("object") => FieldKind::Object,
            Some("array") => FieldKind::Array,
            _ if !schema::properties(&parts).is_empty() => FieldKind::Object,
            _ => match choices.first() {
                Some(Value::String(_)) => FieldKind::String,
                Some(Value::Bool(_)) => FieldKind::Boolean,
                Some(Value::Number(n)) if n.is_f64() => FieldKind::Number,
                Some(Value::Number(_)) => FieldKind::Integer,
                _ => FieldKind::Unknown,
            },
        }
    };
    let examples = match schema::keyword(&parts, "examples") {
        Some(Value::Array(list)) => list.clone(),
        Some(single) => vec![single.clone()],
        None => Vec::new(),
    };
    let default = parts
        .iter()
        .find(|p| p.get("default").is_some())
        .filter(|p| compiled.default_is_valid(p))
        .and_then(|p| p.get("default"))
        .cloned();
    let constant = schema::keyword(&parts, "const").is_some();

    let mut out = FormField {
        key: key.to_owned(),
        path: path.to_owned(),
        title: text("title").unwrap_or_else(|| key.to_owned()),
        description: text("description"),
        kind,
        nullable: types.contains(&"null"),
        required,
        default: default.or_else(|| schema::keyword(&parts, "const").cloned()),
        choices,
        examples,
        pattern: text("pattern"),
        pattern_descriptor: text("pattern_descriptor"),
        format: text("format"),
        minimum: number("minimum"),
        maximum: number("maximum"),
        exclusive_minimum: number("exclusiveMinimum"),
        exclusive_maximum: number("exclusiveMaximum"),
        min_length: count("minLength"),
        max_length: count("maxLength"),
        min_items: count("minItems"),
        max_items: count("maxItems"),
        unique_items: schema::flag(&parts, "uniqueItems"),
        secret: secrets::any_secret(&parts),
        multiline: schema::flag(&parts, "multiline"),
        hidden: schema::flag(&parts, "airbyte_hidden") || constant,
        fixed_by_template: false,
        always_show: schema::flag(&parts, "always_show"),
        group: text("group"),
        order: schema::keyword(&parts, "order").and_then(Value::as_i64),
        fields: Vec::new(),
        items: None,
        discriminator: None,
        options: Vec::new(),
    };
    let template_object = template.and_then(Value::as_object);
    let mut descended = false;
    if depth < MAX_FORM_DEPTH {
        match kind {
            FieldKind::Object => {
                out.fields = fields_of(compiled, &parts, path, template_object, None, depth);
                descended = true;
            }
            FieldKind::Array => {
                if let Some(items) = schema::uniform_item_schema(&parts) {
                    let entry = field(
                        compiled,
                        "*",
                        items,
                        &format!("{path}/*"),
                        false,
                        None,
                        depth + 1,
                    );
                    out.items = Some(Box::new(entry));
                }
            }
            FieldKind::Choice => {
                if let Some((_, branches)) = branches {
                    let disc = schema::discriminator(root, &branches);
                    let selected = match (&disc, template_object) {
                        (Some(d), Some(t)) => d.branch_of(t),
                        _ => None,
                    };
                    out.options = options(
                        compiled,
                        &parts,
                        &branches,
                        disc.as_ref(),
                        path,
                        selected.and(template_object),
                        selected,
                        depth,
                    );
                    if let (Some(d), Some(i)) = (&disc, selected) {
                        out.default = d.values.get(i).cloned();
                        descended = true;
                    }
                    out.discriminator = disc.map(|d| d.key);
                }
            }
            _ => {}
        }
    }
    if template.is_some() {
        out.required = false;
        if !descended {
            out.fixed_by_template = true;
            out.hidden = true;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn options(
    compiled: &Compiled,
    parent_parts: &[&Value],
    branches: &[&Value],
    disc: Option<&Discriminator>,
    path: &str,
    template: Option<&Map<String, Value>>,
    selected: Option<usize>,
    depth: usize,
) -> Vec<FormOption> {
    let root = &compiled.schema;
    branches
        .iter()
        .enumerate()
        .map(|(i, branch)| {
            let branch_parts = schema::parts(root, branch);
            // The parent's own properties (next to `oneOf`) belong to every option.
            let mut all: Vec<&Value> = parent_parts.to_vec();
            for part in all_parts(root, &[branch]) {
                if !all.iter().any(|seen| std::ptr::eq(*seen, part)) {
                    all.push(part);
                }
            }
            let own_template = if selected == Some(i) { template } else { None };
            FormOption {
                title: schema::branch_label(root, branch, i, disc),
                description: schema::keyword_str(&branch_parts, "description").map(str::to_owned),
                discriminator_value: disc.and_then(|d| d.values.get(i).cloned()),
                fields: fields_of(
                    compiled,
                    &all,
                    path,
                    own_template,
                    disc.map(|d| d.key.as_str()),
                    depth,
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Value {
        json!({
            "documentationUrl": "https://docs.example.com/postgres",
            "advanced_auth": {"auth_flow_type": "oauth2.0"},
            "connectionSpecification": {
                "title": "Postgres Source Spec",
                "type": "object",
                "required": ["host", "port", "database", "ssl_mode"],
                "groups": [{"id": "db", "title": "Database"}],
                "properties": {
                    "database": {"type": "string", "title": "Database", "order": 2, "group": "db"},
                    "host": {"type": "string", "title": "Host", "order": 0, "group": "db"},
                    "port": {"type": "integer", "title": "Port", "order": 1, "default": 5432,
                             "minimum": 0, "maximum": 65536, "examples": ["5432"]},
                    "schemas": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true},
                    "password": {"type": "string", "airbyte_secret": true, "order": 3},
                    "bad_default": {"type": "integer", "default": "ten"},
                    "ssl_mode": {"type": "object", "title": "SSL modes", "order": 4, "oneOf": [
                        {"title": "disable", "required": ["mode"], "properties": {
                            "mode": {"type": "string", "const": "disable", "order": 0}}},
                        {"title": "verify-ca", "required": ["mode", "ca_certificate"], "properties": {
                            "mode": {"type": "string", "const": "verify-ca", "order": 0},
                            "ca_certificate": {"type": "string", "airbyte_secret": true, "multiline": true, "order": 1},
                            "client_key_password": {"type": "string", "airbyte_secret": true, "order": 2}}}
                    ]},
                    "tunnels": {"type": "array", "items": {"type": "object", "required": ["host"],
                        "properties": {"host": {"type": "string"}, "hidden": {"type": "string", "airbyte_hidden": true}}}}
                }
            }
        })
    }

    fn form(defaults: Value) -> Form {
        let s = spec();
        let loaded = Spec::load(&s).unwrap();
        build(&loaded, Some(&s), defaults.as_object().unwrap())
    }

    #[test]
    fn fields_are_ordered_and_described() {
        let f = form(json!({}));
        let keys: Vec<&str> = f.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "host",
                "port",
                "database",
                "password",
                "ssl_mode",
                "schemas",
                "bad_default",
                "tunnels"
            ]
        );
        assert_eq!(f.title.as_deref(), Some("Postgres Source Spec"));
        assert_eq!(
            f.documentation_url.as_deref(),
            Some("https://docs.example.com/postgres")
        );
        assert_eq!(
            f.groups,
            vec![FormGroup {
                id: "db".into(),
                title: Some("Database".into())
            }]
        );
        assert!(f.advanced_auth.is_some());
        let port = &f.fields[1];
        assert_eq!(port.kind, FieldKind::Integer);
        assert!(port.required);
        assert_eq!(port.default, Some(json!(5432)));
        assert_eq!(port.maximum, Some(Number::from(65536)));
        assert_eq!(port.examples, vec![json!("5432")]);
        assert!(f.fields[3].secret);
        let bad = f.fields.iter().find(|f| f.key == "bad_default").unwrap();
        assert_eq!(bad.default, None, "an invalid default is never offered");
        let schemas = f.fields.iter().find(|f| f.key == "schemas").unwrap();
        assert_eq!(schemas.kind, FieldKind::Array);
        assert_eq!(schemas.items.as_ref().unwrap().kind, FieldKind::String);
        assert_eq!(schemas.items.as_ref().unwrap().path, "/schemas/*");
        let tunnels = f.fields.iter().find(|f| f.key == "tunnels").unwrap();
        let entry = tunnels.items.as_ref().unwrap();
        assert_eq!(entry.kind, FieldKind::Object);
        assert_eq!(entry.fields[0].path, "/tunnels/*/host");
        assert!(entry.fields[0].required);
        assert!(entry.fields[1].hidden);
    }

    #[test]
    fn one_of_is_a_choice_with_options() {
        let f = form(json!({}));
        let ssl = f.fields.iter().find(|f| f.key == "ssl_mode").unwrap();
        assert_eq!(ssl.kind, FieldKind::Choice);
        assert_eq!(ssl.discriminator.as_deref(), Some("mode"));
        assert_eq!(ssl.options.len(), 2);
        let verify = &ssl.options[1];
        assert_eq!(verify.title, "verify-ca");
        assert_eq!(verify.discriminator_value, Some(json!("verify-ca")));
        let keys: Vec<&str> = verify.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["ca_certificate", "client_key_password"]);
        assert!(verify.fields[0].required && verify.fields[0].secret && verify.fields[0].multiline);
        assert_eq!(verify.fields[0].path, "/ssl_mode/ca_certificate");
        assert!(ssl.options[0].fields.is_empty());
    }

    #[test]
    fn template_fields_are_hidden_not_required_and_never_copied() {
        let f = form(json!({
            "host": "db.internal",
            "password": "s3cret",
            "ssl_mode": {"mode": "verify-ca", "ca_certificate": "PEM"}
        }));
        let host = &f.fields[0];
        assert!(host.hidden && host.fixed_by_template && !host.required);
        let ssl = f.fields.iter().find(|f| f.key == "ssl_mode").unwrap();
        assert!(!ssl.hidden && !ssl.required);
        assert_eq!(ssl.default, Some(json!("verify-ca")));
        let ca = &ssl.options[1].fields[0];
        assert!(ca.hidden && ca.fixed_by_template && !ca.required);
        assert!(!ssl.options[1].fields[1].fixed_by_template);
        let json = serde_json::to_string(&f).unwrap();
        assert!(!json.contains("s3cret") && !json.contains("db.internal") && !json.contains("PEM"));
    }

    #[test]
    fn it_round_trips_through_json_compactly() {
        let f = form(json!({"host": "h"}));
        let text = serde_json::to_string(&f).unwrap();
        assert!(!text.contains("\"secret\":false"));
        let back: Form = serde_json::from_str(&text).unwrap();
        assert_eq!(back, f);
    }
}
