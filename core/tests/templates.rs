//! Source templates, connection templates, tags and definitions against the sandbox.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::integrations::{
    ConnectionTemplateCreate, ConnectionTemplateUpdate, Customization,
    NonBreakingChangesPreference, SourceTemplateCreate, SourceTemplateUpdate, StreamSelectionMode,
};
use airbyte_embedded::{Error, OperatorClient, TagFilter, TagsMode};
use common::*;
use serde_json::json;

const S3: &str = "4816b78f-1489-44c1-9060-4b19d5fa9362";

fn definition_id(op: &OperatorClient, name: &str) -> String {
    op.definitions().list_sources(Some(name)).unwrap()[0]
        .source_definition_id
        .clone()
}

fn s3_config() -> serde_json::Map<String, serde_json::Value> {
    object(json!({
        "s3_bucket_name": "bucket",
        "s3_bucket_path": "path",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIA",
        "secret_access_key": "very-secret-key",
        "format": {"format_type": "JSONL"}
    }))
}

#[test]
fn definitions_are_searchable_and_carry_specs() {
    let sb = sandbox();
    let op = operator(&sb);
    let all = op.definitions().list_sources(None).unwrap();
    assert!(all.len() >= 4);
    let pg = op.definitions().list_sources(Some("POSTGRES")).unwrap();
    assert_eq!(pg.len(), 1);
    let def = op
        .definitions()
        .get_source(&pg[0].source_definition_id)
        .unwrap();
    let spec = def.definition.spec.unwrap();
    assert!(
        spec.pointer("/connectionSpecification/properties/ssl_mode/oneOf")
            .is_some()
    );
    assert!(matches!(
        op.definitions()
            .get_source("00000000-0000-0000-0000-000000000000"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn source_templates_crud_clone_and_tags() {
    let sb = sandbox();
    let op = operator(&sb);
    let pg = definition_id(&op, "postgres");
    let t = op
        .source_templates()
        .create(
            &SourceTemplateCreate::new(
                &pg,
                object(json!({"port": 5433, "password": "pw-default"})),
            )
            .name("PG"),
        )
        .unwrap();
    assert_eq!(t.name.as_deref(), Some("PG"));
    assert_eq!(t.source_definition_id.as_deref(), Some(pg.as_str()));
    assert_eq!(t.partial_default_config["port"], 5433);
    assert_eq!(t.partial_default_config["password"], "**********");
    let required = t
        .user_config_spec
        .as_ref()
        .unwrap()
        .value()
        .pointer("/connectionSpecification/required")
        .unwrap();
    assert!(
        !required.as_array().unwrap().contains(&json!("port")),
        "defaults relax required: {required}"
    );

    let copy = op
        .source_templates()
        .clone_template(&t.id, Some("PG copy"))
        .unwrap();
    assert_ne!(copy.id, t.id);
    assert_eq!(copy.name.as_deref(), Some("PG copy"));

    let updated = op
        .source_templates()
        .update(
            &t.id,
            &SourceTemplateUpdate {
                name: Some("PG 2".into()),
                partial_default_config: object(json!({"port": 6543})),
                customization: Some(Customization {
                    stream_selection_mode: Some(StreamSelectionMode::All),
                    stream_whitelist: None,
                    ..Customization::default()
                }),
                propagate: None,
            },
        )
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("PG 2"));
    assert_eq!(updated.partial_default_config["port"], 6543);

    op.tags().create("crm").unwrap();
    op.tags().create("eu").unwrap();
    op.source_templates().add_tag(&t.id, "crm").unwrap();
    let tagged = op.source_templates().add_tag(&t.id, "eu").unwrap();
    assert_eq!(tagged.tags.len(), 2);
    op.source_templates().add_tag(&copy.id, "crm").unwrap();

    let any = op
        .source_templates()
        .list(&TagFilter::new(["crm", "eu"], TagsMode::Any))
        .unwrap();
    let all = op
        .source_templates()
        .list(&TagFilter::new(["crm", "eu"], TagsMode::All))
        .unwrap();
    assert_eq!(any.len(), 2);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, t.id);

    op.source_templates().remove_tag(&t.id, "eu").unwrap();
    assert_eq!(op.source_templates().get(&t.id).unwrap().tags, vec!["crm"]);
    assert!(matches!(
        op.source_templates().add_tag(&t.id, "no-such-tag"),
        Err(Error::NotFound { .. })
    ));

    let deleted = op.source_templates().delete(&copy.id).unwrap();
    assert_eq!(deleted.id.as_deref(), Some(copy.id.as_str()));
    assert!(matches!(
        op.source_templates().get(&copy.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn whitelist_without_streams_is_refused_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let mut create = SourceTemplateCreate::new("d", Default::default());
    create.customization = Some(Customization {
        stream_selection_mode: Some(StreamSelectionMode::Whitelist),
        stream_whitelist: None,
        ..Customization::default()
    });
    let err = op.source_templates().create(&create).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { argument, .. } if argument == "customization.stream_whitelist")
    );
    assert!(sb.requests().is_empty());
}

#[test]
fn connection_templates_crud_cron_and_tags() {
    let sb = sandbox();
    let op = operator(&sb);
    let ct = op.connection_templates();
    let c = ct
        .create(
            &ConnectionTemplateCreate::user_hosted("S3", S3, s3_config())
                .cron_expression("0 0 12 * * ?"),
        )
        .unwrap();
    assert_eq!(c.destination_name.as_deref(), Some("S3"));
    assert!(
        c.cron_expression
            .as_deref()
            .unwrap()
            .starts_with("0 0 12 * * ?")
    );
    assert_eq!(
        c.non_breaking_changes_preference,
        Some(NonBreakingChangesPreference::Ignore)
    );
    let config = c.destination_config.clone().unwrap();
    assert_eq!(config["secret_access_key"], "**********");
    assert_eq!(config["s3_bucket_name"], "bucket");

    let hosted = ct
        .create(&ConnectionTemplateCreate::airbyte_hosted())
        .unwrap();
    assert_eq!(ct.list(&TagFilter::default()).unwrap().len(), 2);

    let updated = ct
        .update(
            &c.id,
            &ConnectionTemplateUpdate {
                non_breaking_changes_preference: Some(NonBreakingChangesPreference::PropagateFully),
                sync_on_create: Some(false),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        updated.non_breaking_changes_preference,
        Some(NonBreakingChangesPreference::PropagateFully)
    );
    assert_eq!(updated.sync_on_create, Some(false));

    op.tags().create("warehouse").unwrap();
    assert_eq!(
        ct.add_tag(&c.id, "warehouse").unwrap().tags,
        vec!["warehouse"]
    );
    assert_eq!(
        ct.list(&TagFilter::new(["warehouse"], TagsMode::All))
            .unwrap()
            .len(),
        1
    );
    ct.remove_tag(&c.id, "warehouse").unwrap();
    assert!(ct.get(&c.id).unwrap().tags.is_empty());

    ct.delete(&hosted.id).unwrap();
    assert!(matches!(ct.get(&hosted.id), Err(Error::NotFound { .. })));
}

#[test]
fn cron_is_checked_by_shape_locally_and_described_by_the_service() {
    let sb = sandbox();
    let op = operator(&sb);
    let err = op
        .connection_templates()
        .create(&ConnectionTemplateCreate::airbyte_hosted().cron_expression("0 12 * * *"))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { argument, .. } if argument == "cron_expression")
    );
    assert!(sb.requests().is_empty());

    let good = op
        .connection_templates()
        .describe_cron("0 0 12 * * ?")
        .unwrap();
    assert!(good.is_valid);
    assert!(good.description.unwrap().contains("12"));
    let bad = op
        .connection_templates()
        .describe_cron("0 12 * * *")
        .unwrap();
    assert!(!bad.is_valid);
    let out_of_range = op
        .connection_templates()
        .describe_cron("0 0 25 * * ?")
        .unwrap();
    assert!(!out_of_range.is_valid);
}

#[test]
fn an_invalid_destination_config_is_a_validation_error() {
    let sb = sandbox();
    let op = operator(&sb);
    let mut config = s3_config();
    config.remove("s3_bucket_name");
    let err = op
        .connection_templates()
        .create(&ConnectionTemplateCreate::user_hosted("S3", S3, config))
        .unwrap_err();
    match err {
        Error::Validation {
            status: 422,
            field_errors,
            ..
        } => {
            assert!(!field_errors.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tags_rename_and_delete_propagate_to_templates() {
    let sb = sandbox();
    let op = operator(&sb);
    let pg = definition_id(&op, "postgres");
    let t = op
        .source_templates()
        .create(&SourceTemplateCreate::new(&pg, Default::default()))
        .unwrap();
    let c = op
        .connection_templates()
        .create(&ConnectionTemplateCreate::airbyte_hosted())
        .unwrap();
    let tag = op.tags().create("sales team").unwrap();
    assert_eq!(tag.name, "sales team");
    op.source_templates().add_tag(&t.id, "sales team").unwrap();
    op.connection_templates()
        .add_tag(&c.id, "sales team")
        .unwrap();

    let renamed = op.tags().rename("sales team", "revenue/ops").unwrap();
    assert_eq!(renamed.name, "revenue/ops");
    assert_eq!(
        op.source_templates().get(&t.id).unwrap().tags,
        vec!["revenue/ops"]
    );
    assert_eq!(
        op.connection_templates().get(&c.id).unwrap().tags,
        vec!["revenue/ops"]
    );
    assert_eq!(op.tags().list().unwrap().len(), 1);

    op.tags().delete("revenue/ops").unwrap();
    assert!(op.source_templates().get(&t.id).unwrap().tags.is_empty());
    assert!(
        op.connection_templates()
            .get(&c.id)
            .unwrap()
            .tags
            .is_empty()
    );
    assert!(op.tags().list().unwrap().is_empty());

    let err = op.tags().create(&"x".repeat(256)).unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument { argument, .. } if argument == "name"));
    op.tags().create("dup").unwrap();
    assert!(matches!(
        op.tags().create("dup"),
        Err(Error::Validation { .. })
    ));
}

#[test]
fn a_template_patch_carrying_the_mask_is_refused_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let api = definition_id(&op, "stripe");
    let t = op
        .source_templates()
        .create(&SourceTemplateCreate::new(
            api,
            object(json!({"client_secret": "sk_live_operator_default"})),
        ))
        .unwrap();
    let fetched = op.source_templates().get(&t.id).unwrap();
    sb.clear_requests();
    for defaults in [
        json!({"client_secret": "**********", "lookback_window_days": 3}),
        json!({"nested": {"list": ["ok", "**********"]}}),
    ] {
        let err = op
            .source_templates()
            .update(
                &t.id,
                &SourceTemplateUpdate {
                    name: None,
                    partial_default_config: object(defaults.clone()),
                    customization: None,
                    propagate: None,
                },
            )
            .unwrap_err();
        let path = if defaults.get("nested").is_some() {
            "/nested/list/1"
        } else {
            "/client_secret"
        };
        match &err {
            Error::InvalidConfig { errors, detail } => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                assert_eq!(errors[0].path, path);
                assert_eq!(errors[0].keyword, "airbyte_secret");
                assert!(detail.contains(path), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(
        sb.requests().iter().all(|r| r.method != "PATCH"),
        "nothing sent"
    );
    // A real value goes through.
    let mut defaults = fetched.partial_default_config.clone();
    defaults.insert("client_secret".into(), json!("sk_live_rotated"));
    op.source_templates()
        .update(
            &t.id,
            &SourceTemplateUpdate {
                name: None,
                partial_default_config: defaults,
                customization: None,
                propagate: None,
            },
        )
        .unwrap();
}

/// `result` is the refusal of an S3 connection template's config still holding the masks the
/// service returned for its two secrets, and no `method` request reached its route.
fn refused_for_the_s3_masks<T: std::fmt::Debug>(
    sb: &Sandbox,
    result: Result<T, Error>,
    method: &str,
) {
    match result {
        Err(Error::InvalidConfig { errors, .. }) => {
            assert_eq!(
                errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
                ["/access_key_id", "/secret_access_key"]
            );
            assert!(errors.iter().all(|e| e.keyword == "airbyte_secret"));
        }
        other => panic!("expected InvalidConfig, got {other:?}"),
    }
    assert!(
        requests_to(sb, "/integrations/templates/connections")
            .iter()
            .all(|r| r.method != method),
        "nothing sent"
    );
}

#[test]
fn a_connection_template_update_carrying_the_mask_is_refused_before_sending() {
    let sb = sandbox();
    let op = operator(&sb);
    let api = op.connection_templates();
    let t = api
        .create(&ConnectionTemplateCreate::user_hosted(
            "Lake",
            S3,
            s3_config(),
        ))
        .unwrap();
    // Read, edit, write back: the config read holds the masks in place of the secrets.
    let mut config = api.get(&t.id).unwrap().destination_config.unwrap();
    config.insert("s3_bucket_name".into(), json!("other-bucket"));
    sb.clear_requests();
    let update = ConnectionTemplateUpdate {
        destination_config: Some(config.clone()),
        ..ConnectionTemplateUpdate::default()
    };
    refused_for_the_s3_masks(&sb, api.update(&t.id, &update), "PATCH");
    // With the secrets given, the same edit goes through; other fields never carry a mask.
    config.insert("access_key_id".into(), json!("AKIA"));
    config.insert("secret_access_key".into(), json!("very-secret-key"));
    let updated = api
        .update(
            &t.id,
            &ConnectionTemplateUpdate {
                destination_config: Some(config),
                ..ConnectionTemplateUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(
        updated.destination_config.unwrap()["s3_bucket_name"],
        "other-bucket"
    );
    api.update(
        &t.id,
        &ConnectionTemplateUpdate {
            destination_name: Some("Lake 2".into()),
            ..ConnectionTemplateUpdate::default()
        },
    )
    .unwrap();
}

#[test]
fn a_connection_template_clones_with_its_secrets_given_again() {
    let sb = sandbox();
    let op = operator(&sb);
    let api = op.connection_templates();
    let original = api
        .create(
            &ConnectionTemplateCreate::user_hosted("Lake", S3, s3_config())
                .cron_expression("0 0 12 * * ?"),
        )
        .unwrap();
    let before = api.list(&TagFilter::default()).unwrap().len();

    // What the service returns has the secret masked: a copy without it is refused, unsent.
    sb.clear_requests();
    let refused = api.clone_template(&original.id, Some("Lake copy"), &serde_json::Map::new());
    refused_for_the_s3_masks(&sb, refused, "POST");

    let copy = api
        .clone_template(
            &original.id,
            Some("Lake copy"),
            &object(json!({"access_key_id": "AKIA", "secret_access_key": "very-secret-key"})),
        )
        .unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.destination_name.as_deref(), Some("Lake copy"));
    assert_eq!(copy.cron_expression, original.cron_expression);
    let (a, b) = (
        original.destination_config.unwrap(),
        copy.destination_config.unwrap(),
    );
    assert_eq!(a, b, "the same config, secrets masked alike");
    let sent = requests_to(&sb, "/integrations/templates/connections")
        .into_iter()
        .find(|r| r.method == "POST")
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&sent.body).unwrap();
    assert_eq!(body["destination_config"]["s3_bucket_name"], "bucket");
    assert_eq!(body["destination_config"]["format"]["format_type"], "JSONL");
    assert_eq!(api.list(&TagFilter::default()).unwrap().len(), before + 1);
}

#[test]
fn a_customization_with_typed_stream_keys_and_mappers_round_trips() {
    use airbyte_embedded::integrations::{HashingMethod, StreamCustomization, StreamMapper};
    use std::collections::HashMap;

    let sb = sandbox();
    let op = operator(&sb);
    let pg = definition_id(&op, "postgres");
    let customization = Customization {
        stream_selection_mode: Some(StreamSelectionMode::Whitelist),
        stream_whitelist: Some(vec!["users".into()]),
        stream_customizations: Some(HashMap::from([(
            "users".to_owned(),
            StreamCustomization {
                primary_key_fields: Some(vec![vec!["id".into()]]),
                cursor_field: Some(vec!["updated_at".into()]),
                ..StreamCustomization::default()
            },
        )])),
        stream_mappers: Some(HashMap::from([(
            "users".to_owned(),
            vec![
                StreamMapper::hashing("email", HashingMethod::Sha256),
                StreamMapper::rename("fname", "first_name"),
                StreamMapper::drop_field("ssn"),
                StreamMapper::keep_rows_where("region", "eu"),
                StreamMapper::encrypt("card", "-----BEGIN PUBLIC KEY-----"),
            ],
        )])),
        ..Customization::default()
    };
    let mut create = SourceTemplateCreate::new(pg, serde_json::Map::new());
    create.customization = Some(customization.clone());
    let created = op.source_templates().create(&create).unwrap();
    let read = op.source_templates().get(&created.id).unwrap();
    let back = read.customization.unwrap();
    assert_eq!(
        back.stream_customizations,
        customization.stream_customizations
    );
    assert_eq!(back.stream_mappers, customization.stream_mappers);
    let kinds: Vec<_> = back.stream_mappers.unwrap()["users"]
        .iter()
        .map(|m| m.kind().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        [
            "hashing",
            "field-renaming",
            "field-filtering",
            "row-filtering",
            "encryption"
        ]
    );

    // An empty field name is refused before anything is sent.
    let mut bad = create.clone();
    bad.customization = Some(Customization {
        stream_mappers: Some(HashMap::from([(
            "users".to_owned(),
            vec![StreamMapper::rename("fname", "")],
        )])),
        ..Customization::default()
    });
    assert!(matches!(
        op.source_templates().create(&bad),
        Err(Error::InvalidArgument { argument, .. }) if argument == "customization.stream_mappers.users"
    ));
}
