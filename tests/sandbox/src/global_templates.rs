//! The Airbyte-maintained (global) source templates: owned by no organisation, listed to any
//! operator by `GET /integrations/templates/sources/global` and cloned into the caller's
//! organisation by `POST /integrations/templates/sources` with `original_source_template_id`
//! (SERVICE-FACTS §5.2). They cannot be changed, tagged or deleted.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::catalog::{
    SOURCE_API_DEFINITION_ID, SOURCE_POSTGRES_DEFINITION_ID, SOURCE_TINY_DEFINITION_ID,
};
use crate::models::SourceTemplate;

/// The global Postgres template (`ssl_mode` defaults to `require`, port 5432).
pub const GLOBAL_POSTGRES_TEMPLATE_ID: &str = "0c6b3a52-3f0e-4a53-9a37-5a1f2c9b7e01";
/// The global Stripe template (no defaults).
pub const GLOBAL_STRIPE_TEMPLATE_ID: &str = "0c6b3a52-3f0e-4a53-9a37-5a1f2c9b7e02";
/// The global Sample Data template (100 records).
pub const GLOBAL_SAMPLE_DATA_TEMPLATE_ID: &str = "0c6b3a52-3f0e-4a53-9a37-5a1f2c9b7e03";

/// The organisation id global templates carry in the store: no organisation's.
const NO_ORGANIZATION: Uuid = Uuid::nil();

/// When the global templates were published (their `created_at` and `updated_at`).
const PUBLISHED: &str = "2025-06-01T00:00:00Z";

fn template(id: &str, definition_id: &str, name: &str, defaults: Value) -> SourceTemplate {
    let object = |v: Value| match v {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    SourceTemplate {
        id: parse(id),
        organization_id: NO_ORGANIZATION,
        definition_id: parse(definition_id),
        name: name.to_owned(),
        partial_default_config: object(defaults),
        customization: Value::Null,
        tag_ids: Vec::new(),
        created_at: PUBLISHED.to_owned(),
        updated_at: PUBLISHED.to_owned(),
        deleted: false,
    }
}

/// Parses one of this module's (or the catalogue's) UUID constants; the `ids_parse` test
/// covers each.
fn parse(id: &str) -> Uuid {
    Uuid::parse_str(id).unwrap_or_default()
}

/// Every global template, in listing order.
pub(crate) fn all() -> &'static [SourceTemplate] {
    static TEMPLATES: OnceLock<Vec<SourceTemplate>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        vec![
            template(
                GLOBAL_POSTGRES_TEMPLATE_ID,
                SOURCE_POSTGRES_DEFINITION_ID,
                "Postgres (Airbyte)",
                json!({"port": 5432, "ssl_mode": {"mode": "require"}}),
            ),
            template(
                GLOBAL_STRIPE_TEMPLATE_ID,
                SOURCE_API_DEFINITION_ID,
                "Stripe (Airbyte)",
                json!({}),
            ),
            template(
                GLOBAL_SAMPLE_DATA_TEMPLATE_ID,
                SOURCE_TINY_DEFINITION_ID,
                "Sample Data (Airbyte)",
                json!({"count": 100}),
            ),
        ]
    })
}

/// The global template `id`.
pub(crate) fn find(id: Uuid) -> Option<&'static SourceTemplate> {
    all().iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse() {
        for t in all() {
            assert!(!t.id.is_nil() && !t.definition_id.is_nil(), "{}", t.name);
        }
        assert_eq!(all().len(), 3);
    }
}
