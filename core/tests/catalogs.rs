//! Stream catalogs of source templates and source definitions against the sandbox: read,
//! query with JMESPath, patch with JSON Patch, add, change and remove streams, replace, delete.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::integrations::{
    CatalogType, PatchOp, SonarCatalog, SonarStream, SourceTemplateCreate,
};
use airbyte_embedded::{Error, OperatorClient};
use common::*;
use serde_json::json;

const POSTGRES: &str = "decd338e-5647-4c0b-adf4-da0e75f5a750";

fn template(op: &OperatorClient) -> String {
    op.source_templates()
        .create(&SourceTemplateCreate::new(
            POSTGRES,
            object(json!({"port": 5432})),
        ))
        .unwrap()
        .id
}

fn names(catalog: &SonarCatalog) -> Vec<&str> {
    catalog
        .streams
        .iter()
        .map(|s| s.name.as_deref().unwrap())
        .collect()
}

#[test]
fn a_template_catalog_is_read_queried_patched_and_its_streams_edited() {
    let sb = sandbox();
    let op = operator(&sb);
    let t = template(&op);
    let catalogs = op.template_catalogs();

    let read = catalogs.get(&t, false).unwrap();
    assert_eq!(read.source_template_id.as_deref(), Some(t.as_str()));
    let catalog = read.sonar_catalog.unwrap();
    assert_eq!(names(&catalog), ["customers", "orders", "users"]);
    assert_eq!(
        catalog.streams[0].primary_key_fields,
        Some(vec![vec!["id".to_owned()]])
    );

    assert_eq!(
        catalogs.query(&t, "streams[?suggested].name").unwrap(),
        json!(["customers"])
    );
    assert!(matches!(
        catalogs.query(&t, "streams[?"),
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        catalogs.query(&t, " "),
        Err(Error::InvalidArgument { argument, .. }) if argument == "query"
    ));

    let patched = catalogs
        .patch(
            &t,
            &[
                PatchOp::new("replace", "/streams/1/suggested", json!(true)),
                PatchOp::new("add", "/selected_streams", json!(["orders"])),
            ],
        )
        .unwrap();
    assert!(patched.streams[1].suggested);
    let only = catalogs.get(&t, true).unwrap().sonar_catalog.unwrap();
    assert_eq!(names(&only), ["orders"]);
    // A patch that does not apply changes nothing.
    assert!(matches!(
        catalogs.patch(&t, &[PatchOp::remove("/streams/9")]),
        Err(Error::Validation { .. })
    ));
    assert_eq!(
        catalogs.get(&t, false).unwrap().sonar_catalog.unwrap(),
        patched
    );

    let events = SonarStream {
        name: Some("events".into()),
        cursor_fields: Some(vec!["ts".into()]),
        other: object(json!({"x_custom": {"kept": true}})),
        ..SonarStream::default()
    };
    let added = catalogs.add_stream(&t, &events).unwrap();
    assert_eq!(added.other["x_custom"], json!({"kept": true}));
    assert!(matches!(
        catalogs.add_stream(&t, &events),
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        catalogs.add_stream(&t, &SonarStream::default()),
        Err(Error::InvalidArgument { argument, .. }) if argument == "stream.name"
    ));
    let changed = catalogs
        .patch_stream(
            &t,
            "events",
            &[PatchOp::new("add", "/description", json!("Clicks"))],
        )
        .unwrap();
    assert_eq!(changed.description.as_deref(), Some("Clicks"));
    assert!(matches!(
        catalogs.patch_stream(&t, "nope", &[]),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        catalogs.delete_stream(&t, "events").unwrap().stream_name,
        "events"
    );

    // Replace whole, then back to what the connector discovers.
    let one = SonarCatalog {
        streams: vec![SonarStream {
            name: Some("only".into()),
            ..SonarStream::default()
        }],
        ..SonarCatalog::default()
    };
    let id = catalogs.replace(&t, Some(&one)).unwrap();
    assert_eq!(id, read.id);
    assert_eq!(
        names(&catalogs.get(&t, false).unwrap().sonar_catalog.unwrap()),
        ["only"]
    );
    catalogs.replace(&t, None).unwrap();
    assert_eq!(
        names(&catalogs.get(&t, false).unwrap().sonar_catalog.unwrap()),
        ["customers", "orders", "users"]
    );

    catalogs.delete(&t).unwrap();
    assert!(matches!(
        catalogs.get(&t, false),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        catalogs.get("00000000-0000-4000-8000-00000000abcd", false),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_definition_catalog_is_read_queried_blessed_and_extended() {
    let sb = sandbox();
    let op = operator(&sb);
    let catalogs = op.definition_catalogs();
    let read = catalogs.get(POSTGRES, false).unwrap();
    assert_eq!(read.name.as_deref(), Some("Postgres"));
    assert_eq!(read.catalog_type, Some(CatalogType::Structured));
    assert!(!read.blessed);
    assert_eq!(
        catalogs.query(POSTGRES, "length(streams)").unwrap(),
        json!(3)
    );

    catalogs.patch(POSTGRES, &[], Some(true)).unwrap();
    assert!(catalogs.get(POSTGRES, false).unwrap().blessed);
    let patched = catalogs
        .patch(
            POSTGRES,
            &[PatchOp::new("replace", "/streams/0/is_metric", json!(true))],
            None,
        )
        .unwrap();
    assert!(patched.streams[0].is_metric);

    let stream = SonarStream {
        name: Some("audit_log".into()),
        ..SonarStream::default()
    };
    catalogs.add_stream(POSTGRES, &stream).unwrap();
    let changed = catalogs
        .patch_stream(
            POSTGRES,
            "audit_log",
            &[PatchOp::new("replace", "/suggested", json!(true))],
        )
        .unwrap();
    assert!(changed.suggested);
    assert!(matches!(
        catalogs.get("00000000-0000-4000-8000-00000000abcd", false),
        Err(Error::NotFound { .. })
    ));
}
