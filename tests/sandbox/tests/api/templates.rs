//! Template selection: tags on widget tokens and lists, connection templates applied to new sources.

use airbyte_embedded_sandbox::catalog::{DESTINATION_S3_DEFINITION_ID, SOURCE_TINY_DEFINITION_ID};
use serde_json::{Value, json};

use crate::support::*;

/// Creates a tiny source template named `name` carrying `tags` (created as needed).
fn tagged_template(c: &Client, op: &str, name: &str, tags: &[&str]) -> String {
    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(op),
        Some(json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID,
            "partial_default_config": {"count": 1}, "name": name})),
    );
    assert_eq!(template.status, 200, "{}", template.text);
    let id = template.json["id"].as_str().unwrap().to_owned();
    for tag in tags {
        let _ = c.call(
            "POST",
            "/integrations/templates/tags",
            Some(op),
            Some(json!({"name": tag})),
        );
        let tagged = c.call(
            "POST",
            &format!("/integrations/templates/sources/{id}/tags"),
            Some(op),
            Some(json!({"tag": tag})),
        );
        assert_eq!(tagged.status, 200, "{}", tagged.text);
    }
    id
}

/// The scoped token inside a widget token minted with `body`.
fn widget_scoped_token(c: &Client, op: &str, body: Value) -> String {
    use base64::Engine;
    let widget = c.call("POST", "/embedded/widget-token", Some(op), Some(body));
    assert_eq!(widget.status, 200, "{}", widget.text);
    let decoded: Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(widget.json["token"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    decoded["token"].as_str().unwrap().to_owned()
}

/// The template names an end user's `GET /embedded/source-templates{query}` lists, sorted.
fn visible_templates(c: &Client, token: &str, query: &str) -> Vec<String> {
    let list = c.call(
        "GET",
        &format!("/embedded/source-templates{query}"),
        Some(token),
        None,
    );
    assert_eq!(list.status, 200, "{}", list.text);
    let mut names: Vec<String> = list.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_widget_token_applies_its_source_template_selection() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    tagged_template(&c, &op, "crm-only", &["crm"]);
    tagged_template(&c, &op, "crm-sales", &["crm", "sales"]);
    tagged_template(&c, &op, "sales-only", &["sales"]);
    tagged_template(&c, &op, "untagged", &[]);
    let everything = vec!["crm-only", "crm-sales", "sales-only", "untagged"];

    let scoped = c.scoped_token(&op, "acme-corp");
    assert_eq!(visible_templates(&c, &scoped, ""), everything);

    let widget = |tags: Value, mode: Option<&str>| {
        let mut body = json!({"workspace_name": "acme-corp", "allowed_origin": "http://localhost:3000",
            "selected_source_template_tags": tags});
        if let Some(mode) = mode {
            body["selected_source_template_tags_mode"] = json!(mode);
        }
        widget_scoped_token(&c, &op, body)
    };
    // The mode defaults to `any` in the body.
    let any = widget(json!(["crm", "sales"]), None);
    assert_eq!(
        visible_templates(&c, &any, ""),
        vec!["crm-only", "crm-sales", "sales-only"]
    );
    let all = widget(json!(["crm", "sales"]), Some("all"));
    assert_eq!(visible_templates(&c, &all, ""), vec!["crm-sales"]);
    // The query's own filter narrows the selection further.
    assert_eq!(
        visible_templates(&c, &any, "?tags=crm"),
        vec!["crm-only", "crm-sales"]
    );
    // No tags selected: everything.
    let none = widget(json!([]), Some("all"));
    assert_eq!(visible_templates(&c, &none, ""), everything);
    // The operator's list is not narrowed by anything but its query.
    let listed = c.call("GET", "/integrations/templates/sources", Some(&op), None);
    assert_eq!(listed.json["data"].as_array().unwrap().len(), 4);
}

#[test]
fn template_lists_refuse_bracketed_tags() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    tagged_template(&c, &op, "crm-only", &["crm"]);
    let scoped = c.scoped_token(&op, "acme-corp");
    for (path, token) in [
        ("/integrations/templates/sources", &op),
        ("/embedded/source-templates", &scoped),
        ("/integrations/templates/connections", &op),
    ] {
        for query in ["?tags[]=crm", "?tags%5B%5D=crm&tags=crm"] {
            let reply = c.call("GET", &format!("{path}{query}"), Some(token), None);
            assert_eq!(reply.status, 422, "{path}{query}: {}", reply.text);
            assert_eq!(
                reply.json["detail"][0]["loc"],
                json!(["query", "tags[]"]),
                "{}",
                reply.text
            );
        }
        let repeated = c.call(
            "GET",
            &format!("{path}?tags=crm&tags=crm"),
            Some(token),
            None,
        );
        assert_eq!(repeated.status, 200, "{}", repeated.text);
    }
}

#[test]
fn creating_a_source_applies_the_matching_connection_templates() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let op = c.operator_token();
    let template = tagged_template(&c, &op, "tiny", &[]);
    let connection_template = |name: &str, tag: Option<&str>| {
        let made = c.call(
            "POST",
            "/integrations/templates/connections",
            Some(&op),
            Some(json!({
                "destination_name": name,
                "destination_definition_id": DESTINATION_S3_DEFINITION_ID,
                "destination_config": {"s3_bucket_name": "b", "s3_bucket_path": "p",
                    "s3_bucket_region": "us-east-1", "secret_access_key": "k",
                    "format": {"format_type": "JSONL"}},
            })),
        );
        assert_eq!(made.status, 200, "{}", made.text);
        if let Some(tag) = tag {
            let _ = c.call(
                "POST",
                "/integrations/templates/tags",
                Some(&op),
                Some(json!({"name": tag})),
            );
            let id = made.json["id"].as_str().unwrap();
            let tagged = c.call(
                "POST",
                &format!("/integrations/templates/connections/{id}/tags"),
                Some(&op),
                Some(json!({"tag": tag})),
            );
            assert_eq!(tagged.status, 200, "{}", tagged.text);
        }
    };
    connection_template("lake", Some("warehouse"));
    connection_template("archive", None);

    let scoped = c.scoped_token(&op, "acme-corp");
    let workspace = claims(&scoped)["io.airbyte.auth.workspace_scope"]["workspaceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let destinations = || {
        let list = c.call(
            "GET",
            &format!("/integrations/destinations?workspace_id={workspace}"),
            Some(&op),
            None,
        );
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(list.json["next"], Value::Null);
        list.json["data"].as_array().unwrap().clone()
    };
    assert!(destinations().is_empty());
    let create = |extra: Value| {
        let mut body = json!({"workspace_id": workspace, "source_template_id": template,
            "source_config": {"count": 1}});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let created = c.call("POST", "/embedded/sources", Some(&scoped), Some(body));
        assert_eq!(created.status, 200, "{}", created.text);
    };
    create(json!({"selected_connection_template_tags": ["warehouse"]}));
    let listed = destinations();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["name"], "lake");
    assert_eq!(
        listed[0]["destination_definition_id"],
        DESTINATION_S3_DEFINITION_ID
    );
    let id = listed[0]["id"].as_str().unwrap();
    let one = c.call(
        "GET",
        &format!("/integrations/destinations/{id}"),
        Some(&op),
        None,
    );
    assert_eq!(one.status, 200, "{}", one.text);
    assert_eq!(
        one.json["destination_config"]["secret_access_key"],
        "**********"
    );
    assert_eq!(one.json["destination_config"]["s3_bucket_name"], "b");
    assert!(one.json["created_at"].is_string());

    // No tags: every template; the workspace's destination of a template is reused.
    create(json!({}));
    let mut names: Vec<String> = destinations()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["archive", "lake"]);

    // Operators only; unknown ids are 404s.
    let forbidden = c.call(
        "GET",
        &format!("/integrations/destinations?workspace_id={workspace}"),
        Some(&scoped),
        None,
    );
    assert_eq!(forbidden.status, 403);
    let missing = c.call(
        "GET",
        "/integrations/destinations/00000000-0000-4000-8000-000000000000",
        Some(&op),
        None,
    );
    assert_eq!(missing.status, 404);
    let unnamed = c.call("GET", "/integrations/destinations", Some(&op), None);
    assert_eq!(unnamed.status, 422);
}
