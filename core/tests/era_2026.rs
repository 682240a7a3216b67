//! The 2026 era of the service (the "Agent Engine API" document, 2026 spelling of the token
//! routes): its response bodies parse into the models with the new fields kept, 2025 bodies
//! still parse with those fields `None`, and a scoped token minted with `customer_name` works
//! on the `/account/applications/*` routes.
//!
//! The JSON bodies follow the schemas of `agent-engine-2026.json` (Airbyte's
//! `agent_engine_api_spec.json` @3cb33cd4): `SourceTemplateGetResponse`,
//! `SourceTemplateListItem`, `WorkspaceGetResponse`, `TokenResponse`,
//! `ScopedTokenInfoGetResponse`, `ConnectorSourceCheckConfigResponse` with `FailureReason`,
//! `ConnectorDefinitionSummarized` with `SupportLevel`.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use airbyte_embedded::integrations::{
    SourceConfigTemplateMode, SourceDefinitionSummary, SourceTemplate, SourceTemplateSummary,
    SupportLevel,
};
use airbyte_embedded::sources::{CheckState, CheckStatus, StreamDescriptor};
use airbyte_embedded::tokens::TokenResponse;
use airbyte_embedded::workspaces::{Workspace, WorkspaceUpdate};
use airbyte_embedded::{
    ClientConfig, Credentials, EndUserClient, OperatorClient, ScopedTokenInfo, ScopedTokenRequest,
    TokenRoutes, WidgetTokenRequest,
};
use common::*;
use serde_json::{Value, json};

const ORG: &str = "12345678-1234-1234-1234-123456789012";
const WS: &str = "a1b2c3d4-e5f6-7890-ab12-cd34ef567890";
const DEF: &str = "decd338e-5647-4c0b-adf4-da0e75f5a750";

fn parse<T: serde::de::DeserializeOwned>(body: Value) -> T {
    serde_json::from_value(body).expect("parses")
}

#[test]
fn source_template_2026_carries_mode() {
    let t: SourceTemplate = parse(json!({
        "id": "11111111-1111-1111-1111-111111111111", "name": "Postgres", "icon": null,
        "source_definition_id": DEF,
        "user_config_spec": {"connectionSpecification": {"type": "object", "properties": {}}},
        "partial_default_config": {"port": 5432}, "customization": null, "tags": ["crm"],
        "mode": "DIRECT", "created_at": "2026-02-01T10:00:00Z", "updated_at": null
    }));
    assert_eq!(t.mode, Some(SourceConfigTemplateMode::Direct));
    assert_eq!(t.source_definition_id.as_deref(), Some(DEF));
    for (wire, mode) in [
        ("REPLICATION", SourceConfigTemplateMode::Replication),
        ("MULTI", SourceConfigTemplateMode::Multi),
        (
            "STREAMING",
            SourceConfigTemplateMode::Unknown("STREAMING".into()),
        ),
    ] {
        let t: SourceTemplate = parse(json!({"id": "t", "mode": wire}));
        assert_eq!(t.mode, Some(mode.clone()));
        assert_eq!(serde_json::to_value(&mode).unwrap(), json!(wire));
    }
    let old: SourceTemplate = parse(json!({"id": "t", "source_definition_id": DEF}));
    assert_eq!(old.mode, None);
}

#[test]
fn source_template_list_item_2026_carries_org_definition_and_mode() {
    let t: SourceTemplateSummary = parse(json!({
        "id": "11111111-1111-1111-1111-111111111111", "name": "Postgres", "icon": null,
        "organization_id": ORG, "actor_definition_id": DEF, "tags": [],
        "customization": {"stream_selection_mode": "suggested", "stream_whitelist": null},
        "has_source_definition_catalog": false, "catalog_type": null,
        "mode": "REPLICATION", "created_at": null, "updated_at": null
    }));
    assert_eq!(t.organization_id.as_deref(), Some(ORG));
    assert_eq!(t.actor_definition_id.as_deref(), Some(DEF));
    assert_eq!(t.mode, Some(SourceConfigTemplateMode::Replication));
    // A global template: `organization_id: null`.
    let global: SourceTemplateSummary = parse(json!({
        "id": "g", "name": "Stripe", "icon": null, "organization_id": null,
        "actor_definition_id": DEF
    }));
    assert_eq!(global.organization_id, None);
    // A 2025 list item has none of the three.
    let old: SourceTemplateSummary = parse(json!({"id": "t", "name": "x", "icon": null}));
    assert_eq!(
        (old.organization_id, old.actor_definition_id, old.mode),
        (None, None, None)
    );
}

#[test]
fn workspace_2026_carries_tombstone_and_cache() {
    let w: Workspace = parse(json!({
        "id": WS, "name": "customer_acme_corp", "organization_id": ORG, "status": "active",
        "cache_enabled": true, "tombstone": false,
        "created_at": "2026-01-15T10:30:00Z", "updated_at": "2026-01-15T10:30:00Z"
    }));
    assert_eq!(w.cache_enabled, Some(true));
    assert_eq!(w.tombstone, Some(false));
    let old: Workspace = parse(json!({
        "id": WS, "name": "customer_acme_corp", "organization_id": ORG, "status": "active",
        "created_at": "2025-01-15T10:30:00Z", "updated_at": "2025-01-15T10:30:00Z"
    }));
    assert_eq!((old.cache_enabled, old.tombstone), (None, None));
    // The 2026 update body may carry `cache_enabled`; unset fields stay out.
    let update = WorkspaceUpdate {
        cache_enabled: Some(false),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"cache_enabled": false})
    );
}

#[test]
fn token_response_2026_carries_organization_id() {
    let t: TokenResponse = parse(json!({
        "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig", "token_type": "bearer",
        "expires_in": 900, "organization_id": ORG
    }));
    assert_eq!(t.organization_id.as_deref(), Some(ORG));
    assert_eq!(t.token_type.as_deref(), Some("bearer"));
    assert_eq!(t.expires_in, Some(900));
    assert!(!format!("{t:?}").contains("eyJ"), "Debug hides the token");
    let null_org: TokenResponse = parse(json!({
        "access_token": "a", "token_type": "bearer", "expires_in": 900, "organization_id": null
    }));
    assert_eq!(null_org.organization_id, None);
    let old: TokenResponse =
        parse(json!({"access_token": "a", "token_type": "bearer", "expires_in": 900}));
    assert_eq!(old.organization_id, None);
    assert_eq!(old.expose_access_token(), "a");
}

#[test]
fn scoped_token_info_2026_carries_customer_name() {
    let i: ScopedTokenInfo = parse(json!({
        "organization_id": ORG, "workspace_id": WS, "customer_name": "customer_acme_corp"
    }));
    assert_eq!(i.customer_name.as_deref(), Some("customer_acme_corp"));
    let old: ScopedTokenInfo = parse(json!({"organization_id": ORG, "workspace_id": WS}));
    assert_eq!(old.customer_name, None);
}

#[test]
fn support_level_none_and_unknown_parse() {
    for (wire, level) in [
        ("none", SupportLevel::None),
        ("certified", SupportLevel::Certified),
        ("community", SupportLevel::Community),
        ("archived", SupportLevel::Archived),
        ("beta", SupportLevel::Unknown("beta".into())),
    ] {
        let d: SourceDefinitionSummary = parse(json!({
            "sourceDefinitionId": DEF, "name": "Faker", "dockerRepository": "airbyte/source-faker",
            "iconUrl": null, "custom": false, "supportLevel": wire
        }));
        assert_eq!(d.support_level, Some(level));
    }
}

#[test]
fn check_failure_reason_2026_is_complete() {
    let s: CheckStatus = parse(json!({
        "id": "c1", "status": "failed", "error_message": "Could not connect",
        "failure_reason": {
            "timestamp": 1767225600000u64, "failure_origin": "source",
            "failure_type": "config_error", "external_message": "Could not connect",
            "internal_message": "java.net.ConnectException", "stacktrace": "at Foo.bar(Foo.java:1)",
            "retryable": false, "from_trace_message": true,
            "stream_descriptor": {"name": "users", "namespace": "public"}
        }
    }));
    assert_eq!(s.status, CheckState::Failed);
    let f = s.failure_reason.unwrap();
    assert_eq!(f.timestamp, Some(json!(1767225600000u64)));
    assert_eq!(f.failure_origin.as_deref(), Some("source"));
    assert_eq!(f.failure_type.as_deref(), Some("config_error"));
    assert_eq!(
        f.internal_message.as_deref(),
        Some("java.net.ConnectException")
    );
    assert_eq!(f.stacktrace.as_deref(), Some("at Foo.bar(Foo.java:1)"));
    assert_eq!(f.retryable, Some(false));
    assert_eq!(f.from_trace_message, Some(true));
    assert_eq!(
        f.stream_descriptor,
        Some(StreamDescriptor {
            name: Some("users".into()),
            namespace: Some("public".into()),
        })
    );
    // Only `timestamp` is required; every other field may be null or absent, and values
    // outside the spec's enums are kept as sent.
    let s: CheckStatus = parse(json!({
        "id": "c2", "status": "failed",
        "failure_reason": {"timestamp": 1, "failure_origin": "quantum", "stream_descriptor": null,
                           "stacktrace": null, "from_trace_message": null}
    }));
    let f = s.failure_reason.unwrap();
    assert_eq!(f.failure_origin.as_deref(), Some("quantum"));
    assert_eq!(
        (f.stacktrace, f.from_trace_message, f.stream_descriptor),
        (None, None, None)
    );
}

fn applications_operator(sb: &Sandbox) -> (ClientConfig, OperatorClient) {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .token_routes(TokenRoutes::Applications)
        .build()
        .unwrap();
    let op =
        OperatorClient::new(config.clone(), Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    (config, op)
}

fn body_of(r: &RecordedRequest) -> Value {
    serde_json::from_slice(&r.body).expect("a JSON body")
}

#[test]
fn a_scoped_token_minted_with_customer_name_works_on_the_applications_routes() {
    let sb = sandbox();
    let (config, op) = applications_operator(&sb);
    let token = op
        .mint_scoped_token(&ScopedTokenRequest::new("acme-2026").send_as_customer_name())
        .unwrap();
    let sent = requests_to(&sb, "/account/applications/scoped-token");
    assert_eq!(sent.len(), 1);
    assert_eq!(body_of(&sent[0]), json!({"customer_name": "acme-2026"}));

    let end_user = EndUserClient::new(config, token).unwrap();
    let info = end_user.token_info().unwrap();
    assert_eq!(
        requests_to(&sb, "/account/applications/scoped-token/info").len(),
        1
    );
    let ws = op
        .workspaces()
        .list_page(&Default::default(), None)
        .unwrap()
        .data
        .into_iter()
        .find(|w| w.name.as_deref() == Some("acme-2026"))
        .expect("the workspace was created under the customer name");
    assert_eq!(info.workspace_id, ws.id);
    // The same name under the 2025 key reaches the same workspace.
    let again = op
        .mint_scoped_token(&ScopedTokenRequest::new("acme-2026"))
        .unwrap();
    let info_again = EndUserClient::new(
        ClientConfig::builder()
            .base_url(sb.base_url())
            .token_routes(TokenRoutes::Applications)
            .build()
            .unwrap(),
        again,
    )
    .unwrap()
    .token_info()
    .unwrap();
    assert_eq!(info_again.workspace_id, info.workspace_id);
    // The end user's API works with the token.
    end_user
        .source_templates()
        .list(&Default::default())
        .unwrap();
}

#[test]
fn a_widget_token_minted_with_customer_name_works_on_the_applications_routes() {
    let sb = sandbox();
    let (_, op) = applications_operator(&sb);
    let widget = op
        .mint_widget_token(
            &WidgetTokenRequest::new("acme-2026", "http://localhost:3000").send_as_customer_name(),
        )
        .unwrap();
    assert!(!widget.expose_scoped_token().is_empty());
    let sent = requests_to(&sb, "/account/applications/widget-token");
    assert_eq!(sent.len(), 1);
    let body = body_of(&sent[0]);
    assert_eq!(body["customer_name"], "acme-2026");
    assert!(body.get("workspace_name").is_none());
}
