//! The connector catalogue: four source definitions and one destination definition, each with a
//! realistic `ConnectorSpecification` from `tests/fixtures/specs/`.

use std::sync::OnceLock;

use serde_json::{Value, json};
use uuid::Uuid;

/// Definition id of "Sample Data" (`tests/fixtures/specs/source-tiny.json`): one required
/// integer `count` (1..=1000) and an optional `seed`.
pub const SOURCE_TINY_DEFINITION_ID: &str = "dfd88b22-b603-4c3d-aad7-3701784586b1";
/// Definition id of "Postgres" (`source-postgres.json`): host/port/database/username, a secret
/// password, and `oneOf` blocks for `ssl_mode`, `replication_method` and `tunnel_method`.
pub const SOURCE_POSTGRES_DEFINITION_ID: &str = "decd338e-5647-4c0b-adf4-da0e75f5a750";
/// Definition id of "Stripe" (`source-api.json`): `account_id`, secret `client_secret`, and a
/// patterned `start_date`.
pub const SOURCE_API_DEFINITION_ID: &str = "e094cb9a-26de-4645-8761-65c0c425d1de";
/// Definition id of "HubSpot" (`source-oauth.json`): `credentials` is a `oneOf` told apart by a
/// single-value `option_title` enum; the spec carries `advanced_auth`.
pub const SOURCE_OAUTH_DEFINITION_ID: &str = "36c891d9-4bd9-43ac-bad2-10e12756272c";
/// Definition id of the "S3" destination (`destination-s3.json`), for connection templates.
pub const DESTINATION_S3_DEFINITION_ID: &str = "4816b78f-1489-44c1-9060-4b19d5fa9362";

/// `tests/fixtures/specs/source-tiny.json`.
pub const SOURCE_TINY_SPEC: &str = include_str!("../../fixtures/specs/source-tiny.json");
/// `tests/fixtures/specs/source-postgres.json`.
pub const SOURCE_POSTGRES_SPEC: &str = include_str!("../../fixtures/specs/source-postgres.json");
/// `tests/fixtures/specs/source-api.json`.
pub const SOURCE_API_SPEC: &str = include_str!("../../fixtures/specs/source-api.json");
/// `tests/fixtures/specs/source-oauth.json`.
pub const SOURCE_OAUTH_SPEC: &str = include_str!("../../fixtures/specs/source-oauth.json");
/// `tests/fixtures/specs/destination-s3.json`.
pub const DESTINATION_S3_SPEC: &str = include_str!("../../fixtures/specs/destination-s3.json");

/// Whether a definition is a source or a destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DefinitionKind {
    Source,
    Destination,
}

/// One connector definition.
#[derive(Debug)]
pub(crate) struct Definition {
    pub id: &'static str,
    pub kind: DefinitionKind,
    pub name: &'static str,
    pub docker_repository: &'static str,
    pub docker_image_tag: &'static str,
    pub support_level: &'static str,
    /// The streams the connector discovers (a source's catalog; none for a destination).
    pub streams: &'static [&'static str],
    spec_json: &'static str,
    spec: OnceLock<Value>,
}

impl Definition {
    /// The `ConnectorSpecification`.
    pub(crate) fn spec(&self) -> &Value {
        // The specs are fixtures of this crate, every one parsed by the
        // `every_spec_is_a_draft_07_connector_specification` test.
        self.spec.get_or_init(|| {
            serde_json::from_str(self.spec_json)
                .unwrap_or_else(|e| unreachable!("the spec of {} is not JSON: {e}", self.name))
        })
    }

    /// The icon URL (`https://connectors.airbyte.com/files/metadata/airbyte/<repo>/latest/icon.svg`).
    pub(crate) fn icon_url(&self) -> String {
        let repo = self.docker_repository.trim_start_matches("airbyte/");
        format!("https://connectors.airbyte.com/files/metadata/airbyte/{repo}/latest/icon.svg")
    }

    /// The `{sourceDefinitionId, name, iconUrl, supportLevel}` list entry.
    pub(crate) fn summary_json(&self) -> Value {
        json!({
            "sourceDefinitionId": self.id,
            "name": self.name,
            "iconUrl": self.icon_url(),
            "supportLevel": self.support_level,
        })
    }

    /// The `{id, name, icon}` destination list entry.
    pub(crate) fn destination_summary_json(&self) -> Value {
        json!({"id": self.id, "name": self.name, "icon": self.icon_url()})
    }

    /// The `{id, definition: {name, spec, dockerRepository, dockerImageTag}}` detail.
    pub(crate) fn detail_json(&self) -> Value {
        json!({
            "id": self.id,
            "definition": {
                "name": self.name,
                "spec": self.spec(),
                "dockerRepository": self.docker_repository,
                "dockerImageTag": self.docker_image_tag,
                "iconUrl": self.icon_url(),
                "supportLevel": self.support_level,
            },
        })
    }
}

const fn definition(
    id: &'static str,
    kind: DefinitionKind,
    name: &'static str,
    (docker_repository, docker_image_tag): (&'static str, &'static str),
    support_level: &'static str,
    streams: &'static [&'static str],
    spec_json: &'static str,
) -> Definition {
    Definition {
        id,
        kind,
        name,
        docker_repository,
        docker_image_tag,
        support_level,
        streams,
        spec_json,
        spec: OnceLock::new(),
    }
}

static DEFINITIONS: [Definition; 5] = [
    definition(
        SOURCE_TINY_DEFINITION_ID,
        DefinitionKind::Source,
        "Sample Data",
        ("airbyte/source-faker", "6.2.21"),
        "community",
        &["users", "products", "purchases"],
        SOURCE_TINY_SPEC,
    ),
    definition(
        SOURCE_POSTGRES_DEFINITION_ID,
        DefinitionKind::Source,
        "Postgres",
        ("airbyte/source-postgres", "3.7.0"),
        "certified",
        &["customers", "orders", "users"],
        SOURCE_POSTGRES_SPEC,
    ),
    definition(
        SOURCE_API_DEFINITION_ID,
        DefinitionKind::Source,
        "Stripe",
        ("airbyte/source-stripe", "5.15.0"),
        "certified",
        &["charges", "customers", "invoices"],
        SOURCE_API_SPEC,
    ),
    definition(
        SOURCE_OAUTH_DEFINITION_ID,
        DefinitionKind::Source,
        "HubSpot",
        ("airbyte/source-hubspot", "5.8.0"),
        "certified",
        &["companies", "contacts", "deals"],
        SOURCE_OAUTH_SPEC,
    ),
    definition(
        DESTINATION_S3_DEFINITION_ID,
        DefinitionKind::Destination,
        "S3",
        ("airbyte/destination-s3", "1.9.0"),
        "certified",
        &[],
        DESTINATION_S3_SPEC,
    ),
];

/// Every definition of `kind`, in catalogue order.
pub(crate) fn definitions(kind: DefinitionKind) -> impl Iterator<Item = &'static Definition> {
    DEFINITIONS.iter().filter(move |d| d.kind == kind)
}

/// The definition of `kind` with `id`.
pub(crate) fn find(kind: DefinitionKind, id: Uuid) -> Option<&'static Definition> {
    definitions(kind).find(|d| Uuid::parse_str(d.id).is_ok_and(|d_id| d_id == id))
}

/// The definition a connector name names (the 2026 `connector_type`: `"hubspot"`,
/// `"Sample Data"`): its name, or its docker repository without `airbyte/source-` /
/// `airbyte/destination-` (`"faker"`), compared case-insensitively with spaces, `-` and `_`
/// ignored; of `kind` when given.
pub(crate) fn find_by_name(
    kind: Option<DefinitionKind>,
    name: &str,
) -> Option<&'static Definition> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = key(name);
    DEFINITIONS
        .iter()
        .filter(|d| kind.is_none_or(|k| d.kind == k))
        .find(|d| {
            let repo = d
                .docker_repository
                .trim_start_matches("airbyte/source-")
                .trim_start_matches("airbyte/destination-");
            !wanted.is_empty() && (key(d.name) == wanted || key(repo) == wanted)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_is_a_draft_07_connector_specification() {
        for d in &DEFINITIONS {
            let spec = d.spec();
            assert!(spec["documentationUrl"].is_string(), "{}", d.name);
            assert_eq!(
                spec["connectionSpecification"]["$schema"],
                "http://json-schema.org/draft-07/schema#"
            );
            assert!(Uuid::parse_str(d.id).is_ok());
        }
    }

    #[test]
    fn lookup_respects_kind() {
        let dest = Uuid::parse_str(DESTINATION_S3_DEFINITION_ID).unwrap();
        assert!(find(DefinitionKind::Destination, dest).is_some());
        assert!(find(DefinitionKind::Source, dest).is_none());
        assert_eq!(definitions(DefinitionKind::Source).count(), 4);
    }

    #[test]
    fn connector_names_ignore_case_spaces_and_dashes() {
        let hubspot = find_by_name(Some(DefinitionKind::Source), "hubspot").unwrap();
        assert_eq!(hubspot.id, SOURCE_OAUTH_DEFINITION_ID);
        assert_eq!(
            find_by_name(None, "sample-data").unwrap().id,
            SOURCE_TINY_DEFINITION_ID
        );
        assert_eq!(
            find_by_name(None, "FAKER").unwrap().id,
            SOURCE_TINY_DEFINITION_ID
        );
        assert_eq!(
            find_by_name(None, "s3").unwrap().id,
            DESTINATION_S3_DEFINITION_ID
        );
        assert!(find_by_name(Some(DefinitionKind::Source), "s3").is_none());
        assert!(find_by_name(None, "").is_none());
        assert!(find_by_name(None, "mysql").is_none());
    }
}
