//! Contract test: nothing is lost on a read-modify-write. A caller reads a resource, changes
//! one field and sends the update built from what it read; every field the update sends must
//! carry what the read returned, including parts the SDK does not model.
//!
//! The read returns the contract's all-fields instance of the route's response schema (each
//! document that has the route), served as a canned response; the update the SDK then sends is
//! taken from the sandbox's request log and compared, field by field, with the read. A field
//! the update leaves out is not a loss (the service keeps what an update does not name); a
//! field it sends with less than the read returned is.
//!
//! A second test does the same against the sandbox's real state for the known case: a source
//! template whose `customization` has `stream_customizations` and `stream_mappers`.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../tests/sandbox/tests/contract/support.rs"]
mod support;

mod common;

use airbyte_embedded::OperatorClient;
use airbyte_embedded::integrations::{ConnectionTemplateUpdate, SourceTemplateUpdate};
use airbyte_embedded::sources::SourceUpdate;
use airbyte_embedded::workspaces::WorkspaceUpdate;
use common::{Fault, FaultAction, Sandbox};
use serde_json::{Value, json};
use support::{Contract, SAMPLE_UUID, Variant};

/// Where `sent` has less than `read`: JSON pointers of values missing or different.
fn losses(pointer: &str, read: &Value, sent: &Value, out: &mut Vec<String>) {
    match (read, sent) {
        (Value::Object(r), Value::Object(s)) => {
            for (k, rv) in r {
                let p = format!("{pointer}/{k}");
                match s.get(k) {
                    None => out.push(format!("{p} dropped (was {})", short(rv))),
                    Some(sv) => losses(&p, rv, sv, out),
                }
            }
        }
        (Value::Array(r), Value::Array(s)) if r.len() == s.len() => {
            for (i, (rv, sv)) in r.iter().zip(s).enumerate() {
                losses(&format!("{pointer}/{i}"), rv, sv, out);
            }
        }
        _ if read != sent => out.push(format!(
            "{pointer} changed from {} to {}",
            short(read),
            short(sent)
        )),
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 120 {
        format!("{}…", &s[..120])
    } else {
        s
    }
}

/// One read-modify-write: `read` and `write` routes (templates under `/api/v1`), the concrete
/// path (relative to `/api/v1`), the field the caller changes, and the SDK calls.
struct RoundTrip<M> {
    read: (&'static str, &'static str),
    write: (&'static str, &'static str),
    path: String,
    changed: &'static str,
    get: fn(&OperatorClient, &str) -> airbyte_embedded::Result<M>,
    update: fn(&OperatorClient, &str, M) -> airbyte_embedded::Result<()>,
}

/// Runs `rt` for every document with both routes; returns what was lost, per document.
fn run<M>(rt: &RoundTrip<M>) -> Vec<String> {
    let contract = Contract::load();
    let sb: Sandbox = common::sandbox();
    let op = common::operator(&sb);
    op.tags()
        .list()
        .expect("the operator token is minted before any fault");
    let mut lost = Vec::new();
    let mut checked = 0;
    for name in [support::SONAR, support::AGENT_ENGINE] {
        let read_full = format!("/api/v1{}", rt.read.1);
        let write_full = format!("/api/v1{}", rt.write.1);
        let (Some(read_op), Some(write_op)) = (
            contract.operation_in(name, rt.read.0, &read_full),
            contract.operation_in(name, rt.write.0, &write_full),
        ) else {
            continue;
        };
        let doc = read_op.doc;
        let read = contract.generate(
            doc,
            read_op.response_schema(200).unwrap(),
            Variant::AllFields,
        );
        sb.clear_requests();
        sb.inject_fault(Fault::new(FaultAction::json(200, &read)).on(rt.read.0, &rt.path));
        let model = (rt.get)(&op, SAMPLE_UUID).expect("the read parses");
        sb.clear_faults();
        sb.inject_fault(Fault::new(FaultAction::json(200, &read)).on(rt.write.0, &rt.path));
        (rt.update)(&op, SAMPLE_UUID, model).expect("the update is sent");
        sb.clear_faults();
        let request = sb
            .requests()
            .into_iter()
            .rfind(|r| r.method == rt.write.0 && r.path == format!("/api/v1{}", rt.path))
            .expect("the update reached the sandbox");
        let sent = request.body_json().expect("a JSON body");
        let violations = contract.check_request(
            &write_op,
            &write_full
                .replace("{id}", SAMPLE_UUID)
                .replace("{workspace_id}", SAMPLE_UUID),
            None,
            &[],
            &request.body,
        );
        assert!(violations.is_empty(), "{name}: {violations:?}");
        let request_schema = contract.resolve(doc, write_op.request_schema().unwrap());
        let fields = request_schema["properties"]
            .as_object()
            .expect("request properties");
        for field in fields.keys() {
            if field == rt.changed {
                continue;
            }
            if let (Some(r), Some(s)) = (read.get(field), sent.get(field)) {
                checked += 1;
                let mut out = Vec::new();
                losses(&format!("/{field}"), r, s, &mut out);
                lost.extend(out.into_iter().map(|l| format!("{name}: {l}")));
            }
        }
    }
    println!(
        "contract round trip {} {} → {} {}: {checked} fields compared, {} lost{}",
        rt.read.0,
        rt.read.1,
        rt.write.0,
        rt.write.1,
        lost.len(),
        if lost.is_empty() {
            String::new()
        } else {
            format!(": {}", lost.join("; "))
        }
    );
    lost
}

#[test]
fn a_source_template_update_keeps_what_its_read_returned() {
    let lost = run(&RoundTrip {
        read: ("GET", "/integrations/templates/sources/{id}"),
        write: ("PATCH", "/integrations/templates/sources/{id}"),
        path: format!("/integrations/templates/sources/{SAMPLE_UUID}"),
        changed: "name",
        get: |op, id| op.source_templates().get(id),
        update: |op, id, t| {
            let update = SourceTemplateUpdate {
                name: Some("renamed".into()),
                partial_default_config: t.partial_default_config,
                customization: t.customization,
                propagate: None,
            };
            op.source_templates().update(id, &update).map(drop)
        },
    });
    assert!(lost.is_empty(), "{lost:#?}");
}

#[test]
fn a_connection_template_update_keeps_what_its_read_returned() {
    let lost = run(&RoundTrip {
        read: ("GET", "/integrations/templates/connections/{id}"),
        write: ("PATCH", "/integrations/templates/connections/{id}"),
        path: format!("/integrations/templates/connections/{SAMPLE_UUID}"),
        changed: "cron_expression",
        get: |op, id| op.connection_templates().get(id),
        update: |op, id, t| {
            // A caller changing the schedule and re-sending the rest as read.
            let update = ConnectionTemplateUpdate {
                destination_name: t.destination_name,
                destination_config: t.destination_config,
                cron_expression: Some("0 0 6 * * ?".into()),
                non_breaking_changes_preference: t.non_breaking_changes_preference,
                sync_on_create: t.sync_on_create,
            };
            op.connection_templates().update(id, &update).map(drop)
        },
    });
    assert!(lost.is_empty(), "{lost:#?}");
}

#[test]
fn a_source_update_keeps_what_its_read_returned() {
    let lost = run(&RoundTrip {
        read: ("GET", "/integrations/sources/{id}"),
        write: ("PUT", "/integrations/sources/{id}"),
        path: format!("/integrations/sources/{SAMPLE_UUID}"),
        changed: "name",
        get: |op, id| op.sources().get(id),
        update: |op, id, s| {
            let update = SourceUpdate {
                name: Some("renamed".into()),
                source_config: Some(s.source_config),
            };
            op.sources()
                .update_with(id, &update, &airbyte_embedded::WriteOptions::unvalidated())
                .map(drop)
        },
    });
    assert!(lost.is_empty(), "{lost:#?}");
}

#[test]
fn a_workspace_update_keeps_what_its_read_returned() {
    let lost = run(&RoundTrip {
        read: ("GET", "/workspaces/{workspace_id}"),
        write: ("PUT", "/workspaces/{workspace_id}"),
        path: format!("/workspaces/{SAMPLE_UUID}"),
        changed: "name",
        get: |op, id| op.workspaces().get(id),
        update: |op, id, w| {
            let update = WorkspaceUpdate {
                name: Some("renamed".into()),
                status: w.status,
                ..Default::default()
            };
            op.workspaces().update(id, &update).map(drop)
        },
    });
    assert!(lost.is_empty(), "{lost:#?}");
}

/// The known case against the sandbox's real state: a template created with every part of a
/// customization, read and renamed through the SDK, still has all of it.
#[test]
fn a_template_customization_survives_get_rename_update() {
    let sb = common::sandbox();
    let op = common::operator(&sb);
    let customization = json!({
        "stream_selection_mode": "whitelist",
        "stream_whitelist": ["users"],
        "stream_customizations": {"users": {"primary_key_fields": [["id"]], "cursor_field": ["updated_at"]}},
        "stream_mappers": {"users": [{"type": "hashing", "mapper_configuration":
            {"target_field": "email", "method": "SHA256", "field_name_suffix": "_hashed"}}]},
    });
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let token = {
        let mut r = agent
            .post(format!("{}/account/applications/token", sb.base_url()))
            .send_json(
                json!({"client_id": common::CLIENT_ID, "client_secret": common::CLIENT_SECRET}),
            )
            .unwrap();
        r.body_mut().read_json::<Value>().unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let raw = |method: &str, path: &str, body: Option<Value>| -> Value {
        let url = format!("{}{path}", sb.base_url());
        let req = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(body.map(|b| b.to_string()).unwrap_or_default())
            .unwrap();
        let mut resp = agent.run(req).unwrap();
        assert_eq!(resp.status(), 200);
        resp.body_mut().read_json().unwrap()
    };
    let created = raw(
        "POST",
        "/integrations/templates/sources",
        Some(json!({
            "actor_definition_id": airbyte_embedded_sandbox::catalog::SOURCE_TINY_DEFINITION_ID,
            "partial_default_config": {"seed": 3},
            "customization": customization,
        })),
    );
    let id = created["id"].as_str().unwrap();
    assert_eq!(
        created["customization"], customization,
        "the sandbox keeps it"
    );

    let t = op.source_templates().get(id).unwrap();
    op.source_templates()
        .update(
            id,
            &SourceTemplateUpdate {
                name: Some("renamed".into()),
                partial_default_config: t.partial_default_config,
                customization: t.customization,
                propagate: None,
            },
        )
        .unwrap();
    let after = raw(
        "GET",
        &format!("/integrations/templates/sources/{id}"),
        None,
    );
    assert_eq!(after["name"], "renamed");
    let mut lost = Vec::new();
    losses(
        "/customization",
        &customization,
        &after["customization"],
        &mut lost,
    );
    assert!(lost.is_empty(), "lost on get → rename → update: {lost:#?}");
}
