//! The service contract (`tests/fixtures/contract/`) as the contract tests use it: the two
//! OpenAPI documents and the supplement, route lookup with the era rule, response and request
//! checks with the `jsonschema` crate, and instance generation from the schemas.
//!
//! Shared by `tests/sandbox/tests/contract.rs` and `core/tests/contract_*.rs` (included there
//! with `#[path]`), so it uses only `serde_json` and `jsonschema`.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{Map, Value, json};

const SONAR_2025: &str = include_str!("../../../fixtures/contract/sonar-2025.json");
const AGENT_ENGINE_2026: &str = include_str!("../../../fixtures/contract/agent-engine-2026.json");
const SUPPLEMENT: &str = include_str!("../../../fixtures/contract/supplement.json");

/// The 2025 ("Sonar") document's name.
pub const SONAR: &str = "sonar-2025";
/// The 2026 ("Agent Engine API") document's name.
pub const AGENT_ENGINE: &str = "agent-engine-2026";

/// One published document.
pub struct Document {
    /// `sonar-2025` or `agent-engine-2026`.
    pub name: &'static str,
    root: Value,
    /// The document's component schemas plus the supplement's.
    schemas: Value,
}

impl Document {
    /// The component schema `name` (document or supplement).
    pub fn schema(&self, name: &str) -> &Value {
        self.schemas
            .get(name)
            .unwrap_or_else(|| panic!("{}: no component schema {name}", self.name))
    }

    /// The schema `$ref` points at (`#/components/schemas/<name>`).
    fn resolve_ref<'a>(&'a self, reference: &str) -> &'a Value {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{}: unsupported $ref {reference}", self.name));
        self.schema(name)
    }

    fn paths(&self) -> &Map<String, Value> {
        self.root["paths"].as_object().expect("paths")
    }
}

/// One operation (method + path) of a document.
#[derive(Clone, Copy)]
pub struct Operation<'c> {
    /// The document it belongs to.
    pub doc: &'c Document,
    /// Lower-case method.
    pub method: &'c str,
    /// The path template (`/api/v1/workspaces/{workspace_id}`).
    pub path: &'c str,
    op: &'c Value,
}

impl<'c> Operation<'c> {
    /// `GET /api/v1/workspaces/{workspace_id}`.
    pub fn key(&self) -> String {
        format!("{} {}", self.method.to_uppercase(), self.path)
    }

    /// Whether the document marks it deprecated.
    pub fn deprecated(&self) -> bool {
        self.op["deprecated"] == json!(true)
    }

    /// Its parameters declared `in` this location (`query`, `path`, `header`).
    pub fn parameters(&self, location: &str) -> Vec<&'c Value> {
        self.op["parameters"]
            .as_array()
            .map(|ps| ps.iter().filter(|p| p["in"] == location).collect())
            .unwrap_or_default()
    }

    /// The request body schema, if it takes a body.
    pub fn request_schema(&self) -> Option<&'c Value> {
        self.op
            .get("requestBody")
            .map(|b| &b["content"]["application/json"])
    }

    /// The response schema the document declares for `status`.
    pub fn response_schema(&self, status: u16) -> Option<&'c Value> {
        self.op["responses"]
            .get(status.to_string())
            .map(|r| r.get("application/json").unwrap_or(&Value::Null))
    }

    /// The statuses the document declares.
    pub fn declared_statuses(&self) -> Vec<u16> {
        self.op["responses"]
            .as_object()
            .map(|r| r.keys().filter_map(|k| k.parse().ok()).collect())
            .unwrap_or_default()
    }

    /// The path's segments matched against `concrete` (`None` when it does not match), with
    /// how many literal segments matched (more is a better match).
    fn match_path(&self, concrete: &str) -> Option<(usize, Vec<(String, String)>)> {
        let template: Vec<&str> = self.path.split('/').collect();
        let actual: Vec<&str> = concrete.split('/').collect();
        if template.len() != actual.len() {
            return None;
        }
        let mut literal = 0;
        let mut params = Vec::new();
        for (t, a) in template.iter().zip(&actual) {
            if let Some(name) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                if a.is_empty() {
                    return None;
                }
                params.push((name.to_owned(), percent_decode(a)));
            } else if t == a {
                literal += 1;
            } else {
                return None;
            }
        }
        Some((literal, params))
    }
}

/// How a generated instance is shaped (see [`Contract::generate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Only the required properties, recursively.
    RequiredOnly,
    /// Every property, non-null.
    AllFields,
    /// Every property; every nullable one (required or not) `null`.
    Nulls,
    /// Every property, and an unknown extra property in every object that allows one.
    UnknownFields,
    /// Every property; every string enum holds a value the document does not list.
    UnknownEnums,
}

impl Variant {
    /// Every variant.
    pub const ALL: [Variant; 5] = [
        Variant::RequiredOnly,
        Variant::AllFields,
        Variant::Nulls,
        Variant::UnknownFields,
        Variant::UnknownEnums,
    ];
}

/// The value generated for an unknown enum.
pub const UNKNOWN_ENUM_VALUE: &str = "x-contract-unknown-enum-value";
/// The name of the unknown property added by [`Variant::UnknownFields`].
pub const UNKNOWN_FIELD: &str = "x_contract_unknown_field";
/// Generated UUIDs.
pub const SAMPLE_UUID: &str = "3f1c1a6e-0d5e-4c8e-9b1a-2c3d4e5f6a7b";
/// Generated timestamps.
pub const SAMPLE_DATE_TIME: &str = "2025-10-08T10:30:00Z";

/// How deep generation goes before it stops adding optional content (the catalog and mapper
/// schemas are recursive).
const MAX_DEPTH: usize = 12;

/// Both documents and the supplement.
pub struct Contract {
    docs: Vec<Document>,
    supplement: Value,
    validators: RefCell<HashMap<String, Rc<jsonschema::Validator>>>,
}

impl Contract {
    /// Loads the fixtures (compiled in).
    pub fn load() -> Contract {
        let supplement: Value = serde_json::from_str(SUPPLEMENT).expect("supplement.json parses");
        let extra = supplement["components"]["schemas"]
            .as_object()
            .expect("supplement schemas")
            .clone();
        let docs = [(SONAR, SONAR_2025), (AGENT_ENGINE, AGENT_ENGINE_2026)]
            .into_iter()
            .map(|(name, text)| {
                let root: Value = serde_json::from_str(text).expect("document parses");
                assert_eq!(root["openapi"], "3.1.0", "{name}");
                let mut schemas = root["components"]["schemas"]
                    .as_object()
                    .expect("components.schemas")
                    .clone();
                for (k, v) in &extra {
                    assert!(
                        schemas.insert(k.clone(), v.clone()).is_none(),
                        "{name}: supplement schema {k} shadows the document's"
                    );
                }
                Document {
                    name,
                    root,
                    schemas: Value::Object(schemas),
                }
            })
            .collect();
        Contract {
            docs,
            supplement,
            validators: RefCell::new(HashMap::new()),
        }
    }

    /// The document `name`.
    pub fn doc(&self, name: &str) -> &Document {
        self.docs
            .iter()
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("no document {name}"))
    }

    /// Every operation of document `name`.
    pub fn operations_of(&self, name: &str) -> Vec<Operation<'_>> {
        let doc = self.doc(name);
        let mut ops = Vec::new();
        for (path, methods) in doc.paths() {
            for (method, op) in methods.as_object().expect("methods") {
                ops.push(Operation {
                    doc,
                    method,
                    path,
                    op,
                });
            }
        }
        ops
    }

    /// The operation of document `name` at exactly `method` + `template`.
    pub fn operation_in(&self, name: &str, method: &str, template: &str) -> Option<Operation<'_>> {
        self.operations_of(name)
            .into_iter()
            .find(|o| o.method.eq_ignore_ascii_case(method) && o.path == template)
    }

    /// The operation a request to `concrete_path` (`/api/v1/...`, no query) is checked
    /// against, with its path parameters: the 2025 document's when it has the route, else the
    /// 2026 document's. The template with the most literal segments wins within a document.
    pub fn find(
        &self,
        method: &str,
        concrete_path: &str,
    ) -> Option<(Operation<'_>, Vec<(String, String)>)> {
        for name in [SONAR, AGENT_ENGINE] {
            let best = self
                .operations_of(name)
                .into_iter()
                .filter(|o| o.method.eq_ignore_ascii_case(method))
                .filter_map(|o| o.match_path(concrete_path).map(|(n, p)| (n, o, p)))
                .max_by_key(|(n, _, _)| *n);
            if let Some((_, op, params)) = best {
                return Some((op, params));
            }
        }
        None
    }

    /// Every violation of the contract by a response with `status`, `headers` (lower-case
    /// names) and `body` (raw text) to `op`.
    pub fn check_response(
        &self,
        op: &Operation<'_>,
        status: u16,
        headers: &[(String, String)],
        body: &str,
    ) -> Vec<String> {
        let mut schemas: Vec<(String, &Value)> = Vec::new();
        if let Some(schema) = op.response_schema(status) {
            schemas.push((format!("{} {status}", op.doc.name), schema));
        }
        let status_key = status.to_string();
        let supplement = self.supplement["error_statuses"].get(&status_key);
        if let Some(rule) = supplement {
            schemas.push((format!("supplement {status}"), &rule["schema"]));
        }
        for r in self.refinements("response_refinements", op) {
            if r["status"].as_str() == Some(status_key.as_str()) {
                schemas.push(("supplement refinement".to_owned(), &r["schema"]));
            }
        }
        if schemas.is_empty() {
            return vec![format!(
                "status {status} is not declared by {} nor the supplement (declared: {:?})",
                op.doc.name,
                op.declared_statuses()
            )];
        }
        let mut violations = Vec::new();
        if let Some(rules) = supplement
            .and_then(|r| r.get("headers"))
            .and_then(Value::as_object)
        {
            for (name, rule) in rules {
                let value = headers.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                match value {
                    None if rule["required"] == json!(true) => {
                        violations.push(format!("header {name} missing"))
                    }
                    None => {}
                    Some(v) => {
                        for e in self.validate(op.doc, &rule["schema"], &json!(v)) {
                            violations.push(format!("header {name}: {e}"));
                        }
                    }
                }
            }
        }
        if self.streams(op, status) {
            // The file's own bytes: the document's empty schema declares no JSON body.
            if op.response_schema(status).is_some_and(|s| s != &json!({})) {
                violations.push(format!(
                    "a supplement `streamed_responses` rule covers {status}, whose document schema is not empty"
                ));
            }
            return violations;
        }
        let instance: Value = match serde_json::from_str(body) {
            Ok(v) => v,
            Err(e) if schemas.iter().any(|(_, s)| !s.is_null()) => {
                violations.push(format!("body is not JSON ({e}): {}", snippet(body)));
                return violations;
            }
            Err(_) => return violations,
        };
        for (label, schema) in schemas {
            if schema.is_null() {
                continue;
            }
            for e in self.validate(op.doc, schema, &instance) {
                violations.push(format!("[{label}] {e}"));
            }
        }
        violations
    }

    /// Every violation of the contract by a request to `concrete_path` of `op` with the raw
    /// `query` string (no `?`), `headers` (lower-case names) and `body` (raw bytes; empty for
    /// none).
    pub fn check_request(
        &self,
        op: &Operation<'_>,
        concrete_path: &str,
        query: Option<&str>,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Vec<String> {
        let mut violations = Vec::new();
        // Path parameters.
        let (_, path_params) = op.match_path(concrete_path).expect("the path matches");
        for (name, value) in &path_params {
            let declared = op
                .parameters("path")
                .into_iter()
                .find(|p| p["name"] == *name);
            match declared {
                None => violations.push(format!("path parameter {name} is not declared")),
                Some(p) => {
                    let v = self.coerce(op.doc, &p["schema"], std::slice::from_ref(value));
                    for e in self.validate(op.doc, &p["schema"], &v) {
                        violations.push(format!("path parameter {name}={value:?}: {e}"));
                    }
                }
            }
        }
        // Query parameters: names declared, required ones present, values valid.
        let pairs = parse_query(query.unwrap_or(""));
        let declared = op.parameters("query");
        let mut names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        names.dedup();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let values: Vec<String> = pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect();
            match declared.iter().find(|p| p["name"] == name) {
                None => violations.push(format!(
                    "query parameter {name:?} is not declared (declared: {:?})",
                    declared
                        .iter()
                        .filter_map(|p| p["name"].as_str())
                        .collect::<Vec<_>>()
                )),
                Some(p) => {
                    let schema = &p["schema"];
                    if values.len() > 1 && !self.allows_array(op.doc, schema) {
                        violations.push(format!("query parameter {name} repeated: {values:?}"));
                    }
                    let v = self.coerce(op.doc, schema, &values);
                    for e in self.validate(op.doc, schema, &v) {
                        violations.push(format!("query parameter {name}={values:?}: {e}"));
                    }
                }
            }
        }
        for p in &declared {
            if p["required"] == json!(true) && !pairs.iter().any(|(k, _)| p["name"] == *k) {
                violations.push(format!("required query parameter {} missing", p["name"]));
            }
        }
        // Declared headers: valid values.
        for p in op.parameters("header") {
            let name = p["name"].as_str().unwrap_or_default().to_lowercase();
            if let Some((_, v)) = headers.iter().find(|(n, _)| *n == name) {
                for e in self.validate(op.doc, &p["schema"], &json!(v)) {
                    violations.push(format!("header {name}={v:?}: {e}"));
                }
            }
        }
        // Body.
        match op.request_schema() {
            None if !body.is_empty() => violations.push(format!(
                "sends a body to an operation that takes none: {}",
                snippet(&String::from_utf8_lossy(body))
            )),
            None => {}
            Some(schema) => match serde_json::from_slice::<Value>(body) {
                Err(e) => violations.push(format!(
                    "body is not JSON ({e}): {}",
                    snippet(&String::from_utf8_lossy(body))
                )),
                Ok(instance) => {
                    let errors = self.validate(op.doc, schema, &instance);
                    let alternatives = self.refinements("request_alternatives", op);
                    let rescued = alternatives
                        .iter()
                        .any(|alt| self.validate(op.doc, &alt["schema"], &instance).is_empty());
                    if !errors.is_empty() && !rescued {
                        violations.extend(errors.into_iter().map(|e| format!("body: {e}")));
                    }
                }
            },
        }
        violations
    }

    /// The top-level properties of a request `body` that `op`'s request schema (or a supplement
    /// alternative) does not declare. Not violations (the documents do not close their
    /// objects, and whether the service rejects unknown keys is open, SERVICE-FACTS §11.4), but
    /// worth knowing.
    pub fn undeclared_body_properties(&self, op: &Operation<'_>, body: &Value) -> Vec<String> {
        let Some(schema) = op.request_schema() else {
            return Vec::new();
        };
        let Some(fields) = body.as_object() else {
            return Vec::new();
        };
        let mut declared: Vec<&str> = Vec::new();
        let alternatives = self.refinements("request_alternatives", op);
        let roots = std::iter::once(schema).chain(alternatives.iter().map(|a| &a["schema"]));
        for root in roots {
            for branch in self.branches(op.doc, root) {
                if let Some(props) = branch["properties"].as_object() {
                    declared.extend(props.keys().map(String::as_str));
                }
            }
        }
        fields
            .keys()
            .filter(|k| !declared.contains(&k.as_str()))
            .cloned()
            .collect()
    }

    /// Whether `op` takes a request body.
    pub fn takes_body(&self, op: &Operation<'_>) -> bool {
        op.request_schema().is_some()
    }

    /// Whether the supplement says `op`'s `status` body is streamed content, not JSON
    /// (`streamed_responses`: the file routes).
    pub fn streams(&self, op: &Operation<'_>, status: u16) -> bool {
        let status = status.to_string();
        self.refinements("streamed_responses", op)
            .iter()
            .any(|r| r["status"].as_str() == Some(status.as_str()))
    }

    /// Supplement entries of `section` for `op`.
    fn refinements(&self, section: &str, op: &Operation<'_>) -> Vec<&Value> {
        self.supplement[section]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .filter(|r| {
                        r["document"] == op.doc.name
                            && r["method"] == op.method
                            && r["path"] == op.path
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The supplement's sources for every rule it applies to `op` and `status` (for reports).
    pub fn supplement_sources(&self, status: u16) -> Option<String> {
        self.supplement["error_statuses"]
            .get(status.to_string())
            .and_then(|r| r["source"].as_str())
            .map(str::to_owned)
    }

    /// Every validation error of `instance` against `schema` of `doc` (refs resolved in the
    /// document plus the supplement), formats checked. Empty when valid.
    pub fn validate(&self, doc: &Document, schema: &Value, instance: &Value) -> Vec<String> {
        let validator = self.validator(doc, schema);
        validator
            .iter_errors(instance)
            .map(|e| {
                let at = e.instance_path().to_string();
                let at = if at.is_empty() { "/".to_owned() } else { at };
                format!("at {at}: {}", shorten(&e.to_string()))
            })
            .collect()
    }

    fn validator(&self, doc: &Document, schema: &Value) -> Rc<jsonschema::Validator> {
        let key = format!("{}|{schema}", doc.name);
        if let Some(v) = self.validators.borrow().get(&key) {
            return Rc::clone(v);
        }
        let mut root = match schema {
            Value::Object(m) => m.clone(),
            Value::Bool(b) => {
                let mut m = Map::new();
                if !b {
                    m.insert("not".into(), json!({}));
                }
                m
            }
            other => panic!("not a schema: {other}"),
        };
        root.insert("components".into(), json!({"schemas": doc.schemas}));
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&Value::Object(root))
            .unwrap_or_else(|e| panic!("{}: schema does not compile: {e}: {schema}", doc.name));
        let validator = Rc::new(validator);
        self.validators
            .borrow_mut()
            .insert(key, Rc::clone(&validator));
        validator
    }

    /// `schema` with a top-level `$ref` followed (repeatedly).
    pub fn resolve<'a>(&self, doc: &'a Document, mut schema: &'a Value) -> &'a Value {
        while let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            schema = doc.resolve_ref(r);
        }
        schema
    }

    /// The branches of `schema` after `$ref`, `anyOf` and `oneOf` are unfolded.
    fn branches<'a>(&self, doc: &'a Document, schema: &'a Value) -> Vec<&'a Value> {
        let schema = self.resolve(doc, schema);
        let alts = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array);
        match alts {
            Some(alts) => alts.iter().flat_map(|a| self.branches(doc, a)).collect(),
            None => vec![schema],
        }
    }

    fn types(&self, doc: &Document, schema: &Value) -> Vec<String> {
        self.branches(doc, schema)
            .into_iter()
            .flat_map(|b| match &b["type"] {
                Value::String(t) => vec![t.clone()],
                Value::Array(ts) => ts
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect(),
                _ if b.get("enum").is_some() => vec!["string".to_owned()],
                _ => Vec::new(),
            })
            .collect()
    }

    fn allows_array(&self, doc: &Document, schema: &Value) -> bool {
        self.types(doc, schema).iter().any(|t| t == "array")
    }

    /// Query or path parameter text as the JSON value its schema describes (form style,
    /// `explode: true`: an array is the repeated key).
    fn coerce(&self, doc: &Document, schema: &Value, values: &[String]) -> Value {
        let types = self.types(doc, schema);
        let scalar = |v: &str| -> Value {
            if types.iter().any(|t| t == "integer")
                && let Ok(n) = v.parse::<i64>()
            {
                return json!(n);
            }
            if types.iter().any(|t| t == "number")
                && let Ok(n) = v.parse::<f64>()
            {
                return json!(n);
            }
            if types.iter().any(|t| t == "boolean") && (v == "true" || v == "false") {
                return json!(v == "true");
            }
            json!(v)
        };
        if types.iter().any(|t| t == "array") {
            Value::Array(values.iter().map(|v| scalar(v)).collect())
        } else {
            scalar(values.first().map(String::as_str).unwrap_or_default())
        }
    }

    /// An instance of `schema` of `doc` shaped by `variant`. Arrays get one item and maps one
    /// entry, so every nested schema is exercised; `anyOf`/`oneOf` take their first non-null
    /// branch (or `null` with [`Variant::Nulls`]).
    pub fn generate(&self, doc: &Document, schema: &Value, variant: Variant) -> Value {
        self.gen_value(doc, schema, variant, 0)
    }

    fn gen_value(&self, doc: &Document, schema: &Value, variant: Variant, depth: usize) -> Value {
        let schema = self.resolve(doc, schema);
        if let Some(c) = schema.get("const") {
            return c.clone();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            if variant == Variant::UnknownEnums && values.iter().all(Value::is_string) {
                return json!(UNKNOWN_ENUM_VALUE);
            }
            return values.first().cloned().unwrap_or(Value::Null);
        }
        if let Some(alts) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
        {
            let is_null = |s: &Value| self.resolve(doc, s)["type"] == "null";
            if (variant == Variant::Nulls || depth >= MAX_DEPTH) && alts.iter().any(is_null) {
                return Value::Null;
            }
            let pick = alts.iter().find(|a| !is_null(a)).unwrap_or(&alts[0]);
            let mut value = self.gen_value(doc, pick, variant, depth);
            // Sibling keywords (properties of an allOf-style refinement) apply too.
            if let (Value::Object(out), Some(Value::Object(_))) =
                (&mut value, schema.get("properties"))
                && let Value::Object(more) = self.gen_object(doc, schema, variant, depth)
            {
                out.extend(more);
            }
            return value;
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            let mut out = Map::new();
            for part in parts {
                if let Value::Object(m) = self.gen_value(doc, part, variant, depth) {
                    out.extend(m);
                }
            }
            return Value::Object(out);
        }
        let ty = match &schema["type"] {
            Value::String(t) => t.as_str(),
            Value::Array(ts) => {
                let has_null = ts.iter().any(|t| t == "null");
                if variant == Variant::Nulls && has_null {
                    return Value::Null;
                }
                ts.iter()
                    .filter_map(Value::as_str)
                    .find(|t| *t != "null")
                    .unwrap_or("null")
            }
            _ if schema.get("properties").is_some() => "object",
            _ => "any",
        };
        match ty {
            "object" => self.gen_object(doc, schema, variant, depth),
            "array" => {
                if depth >= MAX_DEPTH {
                    return json!([]);
                }
                let items = schema.get("items").unwrap_or(&Value::Bool(true));
                json!([self.gen_value(doc, items, variant, depth + 1)])
            }
            "string" => gen_string(schema),
            "integer" => json!(schema["minimum"].as_i64().unwrap_or(1).max(1)),
            "number" => json!(1.5),
            "boolean" => json!(true),
            "null" => Value::Null,
            _ => json!("any value"),
        }
    }

    fn gen_object(&self, doc: &Document, schema: &Value, variant: Variant, depth: usize) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let properties = schema["properties"].as_object();
        if let Some(props) = properties {
            for (name, sub) in props {
                let wanted = required.contains(&name.as_str())
                    || (variant != Variant::RequiredOnly && depth < MAX_DEPTH);
                if wanted {
                    out.insert(name.clone(), self.gen_value(doc, sub, variant, depth + 1));
                }
            }
        }
        let additional = schema.get("additionalProperties");
        match additional {
            Some(Value::Object(sub)) if depth < MAX_DEPTH => {
                out.insert(
                    "key".into(),
                    self.gen_value(doc, &Value::Object(sub.clone()), variant, depth + 1),
                );
            }
            Some(Value::Bool(true)) if properties.is_none() && variant != Variant::RequiredOnly => {
                out.insert("key".into(), json!("value"));
            }
            _ => {}
        }
        let closed = matches!(additional, Some(Value::Bool(false)));
        if variant == Variant::UnknownFields
            && !closed
            && !matches!(additional, Some(Value::Object(_)))
        {
            out.insert(UNKNOWN_FIELD.into(), json!({"nested": [1, "two", null]}));
        }
        Value::Object(out)
    }
}

fn gen_string(schema: &Value) -> Value {
    match schema["format"].as_str() {
        Some("uuid") => return json!(SAMPLE_UUID),
        Some("date-time") => return json!(SAMPLE_DATE_TIME),
        _ => {}
    }
    let mut s = "text".to_owned();
    if let Some(min) = schema["minLength"].as_u64() {
        while (s.len() as u64) < min {
            s.push('x');
        }
    }
    if let Some(max) = schema["maxLength"].as_u64() {
        s.truncate(max as usize);
    }
    json!(s)
}

/// `a=1&b=x%20y` → `[("a", "1"), ("b", "x y")]` (form decoding, `+` as space).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

/// Percent-decoding (invalid escapes kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn snippet(text: &str) -> String {
    shorten(text)
}

/// At most about 400 characters of `text`: its start and its end (where a validation message
/// says what failed after quoting the instance).
fn shorten(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 400 {
        text.to_owned()
    } else {
        let head: String = chars[..150].iter().collect();
        let tail: String = chars[chars.len() - 250..].iter().collect();
        format!("{head} … {tail}")
    }
}

/// One expected violation: the route (`METHOD /path/template`), the status, a piece of the
/// violation's text, and why it is allowed.
pub struct Allowed {
    /// `GET /api/v1/...` (template), or `*` for any.
    pub route: &'static str,
    /// The response status, or 0 for a request check.
    pub status: u16,
    /// Text the violation contains.
    pub contains: &'static str,
    /// Why it is expected, and where it is tracked.
    pub reason: &'static str,
}

/// Violations found, split into unexpected and allowed, with which allowlist entries matched.
#[derive(Default)]
pub struct Findings {
    /// Violations no allowlist entry covers: each fails the test.
    pub unexpected: Vec<String>,
    /// `(entry index, violation)` for the allowed ones.
    pub allowed: Vec<(usize, String)>,
}

impl Findings {
    /// Files `violation` of `route` (template key) and `status` against `allowlist`.
    pub fn add(&mut self, allowlist: &[Allowed], route: &str, status: u16, violation: String) {
        let hit = allowlist.iter().position(|a| {
            (a.route == "*" || a.route == route)
                && a.status == status
                && violation.contains(a.contains)
        });
        match hit {
            Some(i) => self.allowed.push((i, violation)),
            None => self.unexpected.push(violation),
        }
    }

    /// The count for the summary line: `N violations (M allowed: reason; ...)`.
    pub fn summary(&self, allowlist: &[Allowed]) -> String {
        let total = self.unexpected.len() + self.allowed.len();
        if self.allowed.is_empty() {
            return format!("{total} violations");
        }
        let mut used: Vec<usize> = self.allowed.iter().map(|(i, _)| *i).collect();
        used.sort_unstable();
        used.dedup();
        let reasons: Vec<String> = used
            .iter()
            .map(|i| {
                let n = self.allowed.iter().filter(|(j, _)| j == i).count();
                format!(
                    "{n}× {} {}: {}",
                    allowlist[*i].route, allowlist[*i].status, allowlist[*i].reason
                )
            })
            .collect();
        format!(
            "{total} violations ({} allowed: {})",
            self.allowed.len(),
            reasons.join("; ")
        )
    }

    /// Allowlist entries that matched nothing (stale entries must go).
    pub fn unused<'a>(&self, allowlist: &'a [Allowed]) -> Vec<&'a Allowed> {
        allowlist
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.allowed.iter().any(|(j, _)| j == i))
            .map(|(_, a)| a)
            .collect()
    }
}
