//! An operator's first day past the templates, against the sandbox: the global source
//! templates and their clones, the destination definitions, and the destinations the service
//! made when an end user's source was created.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::integrations::{ConnectionTemplateCreate, DestinationFilter};
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{Error, OperatorClient, TagFilter};
use airbyte_embedded_sandbox::catalog::DESTINATION_S3_DEFINITION_ID;
use common::*;
use serde_json::json;

fn s3_config(bucket: &str) -> serde_json::Map<String, serde_json::Value> {
    object(json!({
        "s3_bucket_name": bucket,
        "s3_bucket_path": "data",
        "s3_bucket_region": "eu-west-1",
        "access_key_id": "AKIAEXAMPLE01",
        "secret_access_key": "s3-secret-key-value",
        "format": {"format_type": "CSV", "flattening": "No flattening"}
    }))
}

/// The id of workspace `name`, given one source made from a clone of the global Sample Data
/// template (so it gets one destination per connection template).
fn workspace_with_source(op: &OperatorClient, name: &str) -> String {
    let global = op.source_templates().list_global().unwrap();
    let sample = global
        .iter()
        .find(|t| t.name.as_deref() == Some("Sample Data (Airbyte)"))
        .unwrap();
    let template = op
        .source_templates()
        .clone_template(&sample.id, Some(&format!("sample for {name}")))
        .unwrap();
    let end_user = op.end_user_client(name).unwrap();
    let workspace = end_user.workspace_id().unwrap();
    end_user
        .sources()
        .create(&SourceCreate::new(
            &workspace,
            &template.id,
            object(json!({})),
        ))
        .unwrap();
    workspace
}

#[test]
fn global_templates_are_listed_to_every_organisation_and_clone_into_ones_own() {
    let sb = sandbox();
    let op = operator(&sb);
    let global = op.source_templates().list_global().unwrap();
    assert!(global.len() >= 2, "{global:?}");
    let own_before = op.source_templates().list(&TagFilter::default()).unwrap();
    assert!(
        own_before
            .iter()
            .all(|t| global.iter().all(|g| g.id != t.id)),
        "global templates are not the organisation's own"
    );
    let pg = global
        .iter()
        .find(|t| t.name.as_deref() == Some("Postgres (Airbyte)"))
        .unwrap();
    let clone = op
        .source_templates()
        .clone_template(&pg.id, Some("Postgres for our customers"))
        .unwrap();
    assert_ne!(clone.id, pg.id);
    assert_eq!(clone.name.as_deref(), Some("Postgres for our customers"));
    assert_eq!(clone.partial_default_config["port"], 5432);
    let own_after = op.source_templates().list(&TagFilter::default()).unwrap();
    assert_eq!(own_after.len(), own_before.len() + 1);
    assert!(own_after.iter().any(|t| t.id == clone.id));
    // The global list is unchanged by the clone.
    assert_eq!(op.source_templates().list_global().unwrap(), global);
}

#[test]
fn destination_definitions_list_by_id_and_read_with_their_spec() {
    let sb = sandbox();
    let op = operator(&sb);
    let all = op.definitions().list_destinations(&[]).unwrap();
    let s3 = all
        .iter()
        .find(|d| d.id == DESTINATION_S3_DEFINITION_ID)
        .unwrap();
    assert_eq!(s3.name.as_deref(), Some("S3"));
    let unknown = "00000000-0000-4000-8000-00000000abcd".to_owned();
    let some = op
        .definitions()
        .list_destinations(&[DESTINATION_S3_DEFINITION_ID.to_owned(), unknown])
        .unwrap();
    assert_eq!(some, vec![s3.clone()]);
    let sent = requests_to(&sb, "/integrations/definitions/destinations");
    let query = sent.last().unwrap().query.clone().unwrap_or_default();
    assert_eq!(
        query.matches("actorDefinitionIds=").count(),
        2,
        "the key repeats per id: {query}"
    );

    let full = op
        .definitions()
        .get_destination(DESTINATION_S3_DEFINITION_ID)
        .unwrap();
    assert_eq!(full.id, DESTINATION_S3_DEFINITION_ID);
    let spec = full.definition.spec.unwrap();
    assert!(
        spec["connectionSpecification"]["properties"]["secret_access_key"].is_object(),
        "{spec}"
    );
    assert!(matches!(
        op.definitions()
            .get_destination("00000000-0000-4000-8000-00000000abcd"),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        op.definitions().list_destinations(&[" ".into()]),
        Err(Error::InvalidArgument { argument, .. }) if argument == "ids"
    ));
}

#[test]
fn a_new_source_gets_the_destinations_of_the_connection_templates_masked() {
    let sb = sandbox();
    let op = operator(&sb);
    for bucket in ["lake-a", "lake-b", "lake-c"] {
        op.connection_templates()
            .create(&ConnectionTemplateCreate::user_hosted(
                format!("Data lake {bucket}"),
                DESTINATION_S3_DEFINITION_ID,
                s3_config(bucket),
            ))
            .unwrap();
    }
    let workspace = workspace_with_source(&op, "acme-corp");
    let other = workspace_with_source(&op, "globex");

    sb.clear_requests();
    let filter = DestinationFilter {
        limit: Some(2),
        ..DestinationFilter::new(&workspace)
    };
    let listed: Vec<_> = op
        .destinations()
        .iter(filter.clone())
        .map(Result::unwrap)
        .collect();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(
        requests_to(&sb, "/integrations/destinations").len(),
        2,
        "two pages of two"
    );
    let mut names: Vec<_> = listed.iter().map(|d| d.name.clone().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        ["Data lake lake-a", "Data lake lake-b", "Data lake lake-c"]
    );
    let first = op.destinations().list_page(&filter, None).unwrap();
    assert_eq!(first.data.len(), 2);
    assert!(first.next.is_some());

    let one = op.destinations().get(&listed[0].id).unwrap();
    assert_eq!(
        one.destination_definition_id.as_deref(),
        Some(DESTINATION_S3_DEFINITION_ID)
    );
    assert_eq!(one.destination_config["secret_access_key"], "**********");
    assert!(one.destination_config["s3_bucket_name"].is_string());
    assert!(
        !format!("{one:?}").contains("eu-west-1"),
        "Debug prints keys only"
    );

    let theirs: Vec<_> = op
        .destinations()
        .iter(DestinationFilter::new(&other))
        .map(Result::unwrap)
        .collect();
    assert_eq!(theirs.len(), 3);
    assert!(theirs.iter().all(|d| listed.iter().all(|l| l.id != d.id)));

    assert!(matches!(
        op.destinations().list_page(&DestinationFilter::new(""), None),
        Err(Error::InvalidArgument { argument, .. }) if argument == "workspace_id"
    ));
    assert!(matches!(
        op.destinations()
            .get("00000000-0000-4000-8000-00000000abcd"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_2026_use_global_flag_lists_the_same_global_templates() {
    let sb = sandbox();
    let op = operator(&sb);
    let by_route = op.source_templates().list_global().unwrap();
    let by_flag = op
        .source_templates()
        .list_with(&TagFilter::default(), true)
        .unwrap();
    assert_eq!(by_flag, by_route);
    let sent = requests_to(&sb, "/integrations/templates/sources");
    assert_eq!(
        sent.last().unwrap().query.as_deref(),
        Some("use_global=true")
    );
    assert_eq!(
        op.source_templates()
            .list_with(&TagFilter::default(), false)
            .unwrap(),
        op.source_templates().list(&TagFilter::default()).unwrap()
    );
}
