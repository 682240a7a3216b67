//! Contract test: every SDK response model parses what the published contract allows.
//!
//! For every route the SDK calls, instances are generated from the route's success schema in
//! each document that has the route (`tests/fixtures/contract/`, both eras; a top-level
//! `oneOf`/`anyOf` gives one set per branch), in five shapes: only the required fields; every
//! optional field present; every nullable field `null`; unknown extra fields in every object;
//! unknown values in every string enum. Each instance is served by the sandbox as a canned
//! response to the real SDK call (so private envelopes such as `{"data": [...]}` and the token
//! responses are covered too), and the call must succeed.
//!
//! Every generated instance but the unknown-enum ones is first checked against its schema, so
//! the generator cannot drift from the contract. Known failures go in [`ALLOWLIST`], each with
//! its reason; an entry that matches nothing fails the test.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../tests/sandbox/tests/contract/support.rs"]
mod support;

mod common;

use std::collections::BTreeSet;

use airbyte_embedded::connectors::{
    ConnectorAction, ConnectorCreate, ConnectorExecute, ConnectorFilter, ConnectorUpdate,
};
use airbyte_embedded::files::FolderQuery;
use airbyte_embedded::integrations::{
    Condition, ConnectionTemplateCreate, ConnectionTemplateUpdate, DestinationFilter,
    SearchRequest, SonarStream, SourceTemplateCreate, SourceTemplateUpdate,
};
use airbyte_embedded::oauth_credentials::OAuthCredentialsRequest;
use airbyte_embedded::proxy::{ProxyMethod, ProxyRequest};
use airbyte_embedded::sources::{SourceCreate, SourceUpdate};
use airbyte_embedded::workspaces::{WorkspaceFilter, WorkspaceUpdate};
use airbyte_embedded::{
    ClientConfig, Credentials, EndUserClient, OperatorClient, ScopedTokenRequest, TagFilter,
    TokenRoutes, WidgetTokenRequest, WriteOptions,
};
use base64::Engine;
use common::{CLIENT_ID, CLIENT_SECRET, Fault, FaultAction, Sandbox};
use serde_json::{Map, Value, json};
use support::{Allowed, Contract, Findings, SAMPLE_UUID, Variant};

/// Instances the SDK is known not to parse, with why (none today: a definitions list entry
/// without a `sourceDefinitionId`, which the contract allows, is left out of the list).
const ALLOWLIST: &[Allowed] = &[];

/// Published operations this SDK does not call, each with why.
const OUT_OF_SCOPE: &[(&str, &str)] = &[
    (
        "POST /api/v1/integrations/definitions/sources/{source_definition_id}/catalog",
        "needs an instance-admin token, which no SDK user holds (SERVICE-FACTS §2.2)",
    ),
    (
        "DELETE /api/v1/integrations/definitions/sources/{source_definition_id}/catalog",
        "needs an instance-admin token, which no SDK user holds (SERVICE-FACTS §2.2)",
    ),
    (
        "DELETE /api/v1/integrations/definitions/sources/{source_definition_id}/streams/{stream_name}",
        "needs an instance-admin token, which no SDK user holds (SERVICE-FACTS §2.2)",
    ),
];

/// Published operations in scope that this SDK does not call yet.
const NOT_COVERED: &[&str] = &[];

/// A stream the catalog calls can add.
fn named_stream() -> SonarStream {
    SonarStream {
        name: Some("s".into()),
        ..SonarStream::default()
    }
}

/// The clients the calls use, made (and their tokens minted) before any fault is injected.
struct Clients {
    base: String,
    op: OperatorClient,
    op26: OperatorClient,
    end_user: EndUserClient,
    end_user26: EndUserClient,
}

type Call = Box<dyn Fn(&Clients) -> airbyte_embedded::Result<()>>;

/// One SDK call and the route it decodes a response of.
struct Case {
    method: &'static str,
    /// The template, relative to `/api/v1`.
    template: &'static str,
    /// The concrete path the call requests, relative to `/api/v1` (the fault's prefix).
    path: String,
    call: Call,
}

fn case(
    method: &'static str,
    template: &'static str,
    path: impl Into<String>,
    call: impl Fn(&Clients) -> airbyte_embedded::Result<()> + 'static,
) -> Case {
    Case {
        method,
        template,
        path: path.into(),
        call: Box::new(call),
    }
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn connector_create() -> ConnectorCreate {
    ConnectorCreate::new("contract-models", "stripe").credentials(obj(json!({"api_key": "k"})))
}

fn source_create() -> SourceCreate {
    SourceCreate::new(SAMPLE_UUID, SAMPLE_UUID, obj(json!({"count": 1})))
}

/// The end user's or the operator's sources.
fn sources_of(c: &Clients, end_user: bool) -> airbyte_embedded::Sources<'_> {
    if end_user {
        c.end_user.sources()
    } else {
        c.op.sources()
    }
}

fn operator(sb: &Sandbox, routes: TokenRoutes) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(sb.base_url())
        .token_routes(routes)
        .build()
        .expect("config");
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).expect("client")
}

/// Every SDK call that decodes a response body, once per route.
fn cases() -> Vec<Case> {
    let id = SAMPLE_UUID;
    let unvalidated = WriteOptions::unvalidated;
    let mut cases = vec![
        // Tokens. The operator token is minted by the first call of a fresh client.
        case(
            "POST",
            "/account/applications/token",
            "/account/applications/token",
            |c| {
                let sb_base = c.base.clone();
                let config = ClientConfig::builder().base_url(sb_base).build()?;
                let fresh =
                    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET))?;
                fresh.tags().list().map(drop)
            },
        ),
        case(
            "POST",
            "/embedded/scoped-token",
            "/embedded/scoped-token",
            |c| {
                c.op.mint_scoped_token(&ScopedTokenRequest::new("contract-models-minted"))
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/embedded/widget-token",
            "/embedded/widget-token",
            |c| {
                c.op.mint_widget_token(&WidgetTokenRequest::new(
                    "contract-models",
                    "https://app.example.com",
                ))
                .map(drop)
            },
        ),
        case(
            "GET",
            "/embedded/scoped-token/info",
            "/embedded/scoped-token/info",
            |c| c.end_user.token_info().map(drop),
        ),
        case(
            "POST",
            "/account/applications/scoped-token",
            "/account/applications/scoped-token",
            |c| {
                c.op26
                    .mint_scoped_token(&ScopedTokenRequest::new("contract-models-minted"))
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/account/applications/widget-token",
            "/account/applications/widget-token",
            |c| {
                c.op26
                    .mint_widget_token(&WidgetTokenRequest::new(
                        "contract-models",
                        "https://app.example.com",
                    ))
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/account/applications/scoped-token/info",
            "/account/applications/scoped-token/info",
            |c| c.end_user26.token_info().map(drop),
        ),
        // Workspaces.
        case("GET", "/workspaces", "/workspaces", |c| {
            c.op.workspaces()
                .list_page(&WorkspaceFilter::default(), None)
                .map(drop)
        }),
        case("GET", "/workspaces/stats", "/workspaces/stats", |c| {
            c.op.workspaces().stats().map(drop)
        }),
        case(
            "GET",
            "/workspaces/{workspace_id}",
            format!("/workspaces/{id}"),
            move |c| c.op.workspaces().get(id).map(drop),
        ),
        case(
            "PUT",
            "/workspaces/{workspace_id}",
            format!("/workspaces/{id}"),
            move |c| {
                c.op.workspaces()
                    .update(
                        id,
                        &WorkspaceUpdate {
                            name: Some("n".into()),
                            ..Default::default()
                        },
                    )
                    .map(drop)
            },
        ),
        case(
            "DELETE",
            "/workspaces/{workspace_id}",
            format!("/workspaces/{id}"),
            move |c| c.op.workspaces().delete(id).map(drop),
        ),
        // Definitions.
        case(
            "GET",
            "/integrations/definitions/sources",
            "/integrations/definitions/sources",
            |c| c.op.definitions().list_sources(None).map(drop),
        ),
        case(
            "GET",
            "/integrations/definitions/sources/{id}",
            format!("/integrations/definitions/sources/{id}"),
            move |c| c.op.definitions().get_source(id).map(drop),
        ),
        case(
            "GET",
            "/integrations/definitions/destinations",
            "/integrations/definitions/destinations",
            move |c| {
                c.op.definitions()
                    .list_destinations(&[id.to_owned()])
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/definitions/destinations/{id}",
            format!("/integrations/definitions/destinations/{id}"),
            move |c| c.op.definitions().get_destination(id).map(drop),
        ),
        // Destinations.
        case(
            "GET",
            "/integrations/destinations",
            "/integrations/destinations",
            move |c| {
                c.op.destinations()
                    .list_page(&DestinationFilter::new(id), None)
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/destinations/{id}",
            format!("/integrations/destinations/{id}"),
            move |c| c.op.destinations().get(id).map(drop),
        ),
        // Stream catalogs.
        case(
            "GET",
            "/integrations/templates/sources/{source_template_id}/catalog",
            format!("/integrations/templates/sources/{id}/catalog"),
            move |c| c.op.template_catalogs().get(id, false).map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/sources/{source_template_id}/catalog",
            format!("/integrations/templates/sources/{id}/catalog"),
            move |c| c.op.template_catalogs().replace(id, None).map(drop),
        ),
        case(
            "PATCH",
            "/integrations/templates/sources/{source_template_id}/catalog",
            format!("/integrations/templates/sources/{id}/catalog"),
            move |c| c.op.template_catalogs().patch(id, &[]).map(drop),
        ),
        case(
            "DELETE",
            "/integrations/templates/sources/{source_template_id}/catalog",
            format!("/integrations/templates/sources/{id}/catalog"),
            move |c| c.op.template_catalogs().delete(id).map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/sources/{source_template_id}/catalog/query",
            format!("/integrations/templates/sources/{id}/catalog/query"),
            move |c| c.op.template_catalogs().query(id, "streams").map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/sources/{source_template_id}/streams",
            format!("/integrations/templates/sources/{id}/streams"),
            move |c| {
                c.op.template_catalogs()
                    .add_stream(id, &named_stream())
                    .map(drop)
            },
        ),
        case(
            "PATCH",
            "/integrations/templates/sources/{source_template_id}/streams/{stream_name}",
            format!("/integrations/templates/sources/{id}/streams/s"),
            move |c| {
                c.op.template_catalogs()
                    .patch_stream(id, "s", &[])
                    .map(drop)
            },
        ),
        case(
            "DELETE",
            "/integrations/templates/sources/{source_template_id}/streams/{stream_name}",
            format!("/integrations/templates/sources/{id}/streams/s"),
            move |c| c.op.template_catalogs().delete_stream(id, "s").map(drop),
        ),
        case(
            "GET",
            "/integrations/definitions/sources/{source_definition_id}/catalog",
            format!("/integrations/definitions/sources/{id}/catalog"),
            move |c| c.op.definition_catalogs().get(id, true).map(drop),
        ),
        case(
            "PATCH",
            "/integrations/definitions/sources/{source_definition_id}/catalog",
            format!("/integrations/definitions/sources/{id}/catalog"),
            move |c| {
                c.op.definition_catalogs()
                    .patch(id, &[], Some(true))
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/definitions/sources/{source_definition_id}/catalog/query",
            format!("/integrations/definitions/sources/{id}/catalog/query"),
            move |c| c.op.definition_catalogs().query(id, "streams").map(drop),
        ),
        case(
            "POST",
            "/integrations/definitions/sources/{source_definition_id}/streams",
            format!("/integrations/definitions/sources/{id}/streams"),
            move |c| {
                c.op.definition_catalogs()
                    .add_stream(id, &named_stream())
                    .map(drop)
            },
        ),
        case(
            "PATCH",
            "/integrations/definitions/sources/{source_definition_id}/streams/{stream_name}",
            format!("/integrations/definitions/sources/{id}/streams/s"),
            move |c| {
                c.op.definition_catalogs()
                    .patch_stream(id, "s", &[])
                    .map(drop)
            },
        ),
        // Tags.
        case(
            "GET",
            "/integrations/templates/tags",
            "/integrations/templates/tags",
            |c| c.op.tags().list().map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/tags",
            "/integrations/templates/tags",
            |c| c.op.tags().create("t").map(drop),
        ),
        case(
            "PUT",
            "/integrations/templates/tags/{name}",
            "/integrations/templates/tags/t",
            |c| c.op.tags().rename("t", "u").map(drop),
        ),
        case(
            "DELETE",
            "/integrations/templates/tags/{name}",
            "/integrations/templates/tags/t",
            |c| c.op.tags().delete("t").map(drop),
        ),
        // Source templates.
        case(
            "GET",
            "/integrations/templates/sources",
            "/integrations/templates/sources",
            |c| {
                c.op.source_templates()
                    .list(&TagFilter::default())
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/templates/sources/global",
            "/integrations/templates/sources/global",
            |c| c.op.source_templates().list_global().map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/sources",
            "/integrations/templates/sources",
            move |c| {
                c.op.source_templates()
                    .create(&SourceTemplateCreate::new(id, Map::new()))
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/templates/sources/{id}",
            format!("/integrations/templates/sources/{id}"),
            move |c| c.op.source_templates().get(id).map(drop),
        ),
        case(
            "PATCH",
            "/integrations/templates/sources/{id}",
            format!("/integrations/templates/sources/{id}"),
            move |c| {
                let update = SourceTemplateUpdate {
                    name: Some("n".into()),
                    partial_default_config: Map::new(),
                    customization: None,
                    propagate: None,
                };
                c.op.source_templates().update(id, &update).map(drop)
            },
        ),
        case(
            "DELETE",
            "/integrations/templates/sources/{id}",
            format!("/integrations/templates/sources/{id}"),
            move |c| c.op.source_templates().delete(id).map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/sources/{id}/tags",
            format!("/integrations/templates/sources/{id}/tags"),
            move |c| c.op.source_templates().add_tag(id, "t").map(drop),
        ),
        case(
            "DELETE",
            "/integrations/templates/sources/{id}/tags/{tag_name}",
            format!("/integrations/templates/sources/{id}/tags/t"),
            move |c| c.op.source_templates().remove_tag(id, "t").map(drop),
        ),
        case(
            "GET",
            "/embedded/source-templates",
            "/embedded/source-templates",
            |c| {
                c.end_user
                    .source_templates()
                    .list(&TagFilter::default())
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/embedded/source-templates/{id}",
            format!("/embedded/source-templates/{id}"),
            move |c| c.end_user.source_templates().get(id).map(drop),
        ),
        // Connection templates.
        case(
            "GET",
            "/integrations/templates/connections",
            "/integrations/templates/connections",
            |c| {
                c.op.connection_templates()
                    .list(&TagFilter::default())
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/templates/connections",
            "/integrations/templates/connections",
            |c| {
                c.op.connection_templates()
                    .create(&ConnectionTemplateCreate::airbyte_hosted())
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/templates/connections/cron/describe",
            "/integrations/templates/connections/cron/describe",
            |c| {
                c.op.connection_templates()
                    .describe_cron("0 0 12 * * ?")
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/templates/connections/{id}",
            format!("/integrations/templates/connections/{id}"),
            move |c| c.op.connection_templates().get(id).map(drop),
        ),
        case(
            "PATCH",
            "/integrations/templates/connections/{id}",
            format!("/integrations/templates/connections/{id}"),
            move |c| {
                let update = ConnectionTemplateUpdate {
                    sync_on_create: Some(true),
                    ..Default::default()
                };
                c.op.connection_templates().update(id, &update).map(drop)
            },
        ),
        case(
            "DELETE",
            "/integrations/templates/connections/{id}",
            format!("/integrations/templates/connections/{id}"),
            move |c| c.op.connection_templates().delete(id).map(drop),
        ),
        case(
            "POST",
            "/integrations/templates/connections/{id}/tags",
            format!("/integrations/templates/connections/{id}/tags"),
            move |c| c.op.connection_templates().add_tag(id, "t").map(drop),
        ),
        case(
            "DELETE",
            "/integrations/templates/connections/{id}/tags/{tag_name}",
            format!("/integrations/templates/connections/{id}/tags/t"),
            move |c| c.op.connection_templates().remove_tag(id, "t").map(drop),
        ),
        // Connectors (2026) and the organisation's OAuth apps.
        case(
            "GET",
            "/integrations/connectors",
            "/integrations/connectors",
            |c| {
                c.op.connectors()
                    .list(&ConnectorFilter::default())
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/connectors",
            "/integrations/connectors",
            |c| c.op.connectors().create(&connector_create()).map(drop),
        ),
        case(
            "POST",
            "/integrations/connectors/check",
            "/integrations/connectors/check",
            |c| {
                c.op.connectors()
                    .check_config(&connector_create())
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/integrations/connectors/{id}",
            format!("/integrations/connectors/{id}"),
            move |c| c.op.connectors().get(id).map(drop),
        ),
        case(
            "PUT",
            "/integrations/connectors/{id}",
            format!("/integrations/connectors/{id}"),
            move |c| {
                let update = ConnectorUpdate {
                    name: Some("n".into()),
                    replication_config: None,
                };
                c.op.connectors().update(id, &update).map(drop)
            },
        ),
        case(
            "DELETE",
            "/integrations/connectors/{id}",
            format!("/integrations/connectors/{id}"),
            move |c| c.op.connectors().delete(id).map(drop),
        ),
        case(
            "POST",
            "/integrations/connectors/{id}/check",
            format!("/integrations/connectors/{id}/check"),
            move |c| {
                c.op.connectors()
                    .check(id, &ConnectorUpdate::default())
                    .map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/connectors/{id}/execute",
            format!("/integrations/connectors/{id}/execute"),
            move |c| {
                c.op.connectors()
                    .execute(id, &ConnectorExecute::new("users", ConnectorAction::List))
                    .map(drop)
            },
        ),
        case("PUT", "/oauth/credentials", "/oauth/credentials", |c| {
            c.op.oauth_credentials()
                .set(&OAuthCredentialsRequest::for_connector_type(
                    "hubspot",
                    obj(json!({"client_id": "a"})),
                ))
                .map(drop)
        }),
        case(
            "DELETE",
            "/oauth/credentials/connector_type/{connector_type}",
            "/oauth/credentials/connector_type/hubspot",
            |c| c.op.oauth_credentials().delete("hubspot"),
        ),
    ];
    // Sources and checks, end user and operator.
    for prefix in ["/embedded/sources", "/integrations/sources"] {
        let end_user = prefix == "/embedded/sources";
        let t = move |e: &'static str, o: &'static str| if end_user { e } else { o };
        cases.push(case(
            "GET",
            t("/embedded/sources", "/integrations/sources"),
            prefix,
            move |c| sources_of(c, end_user).list(id).map(drop),
        ));
        cases.push(case(
            "POST",
            t("/embedded/sources", "/integrations/sources"),
            prefix,
            move |c| {
                sources_of(c, end_user)
                    .create_with(&source_create(), &unvalidated())
                    .map(drop)
            },
        ));
        cases.push(case(
            "POST",
            t("/embedded/sources/check", "/integrations/sources/check"),
            format!("{prefix}/check"),
            move |c| {
                sources_of(c, end_user)
                    .check_config(&source_create(), &unvalidated())
                    .map(drop)
            },
        ));
        cases.push(case(
            "GET",
            t(
                "/embedded/sources/check/{id}/status",
                "/integrations/sources/check/{id}/status",
            ),
            format!("{prefix}/check/{id}/status"),
            move |c| sources_of(c, end_user).check_status(id).map(drop),
        ));
        cases.push(case(
            "GET",
            t("/embedded/sources/{id}", "/integrations/sources/{id}"),
            format!("{prefix}/{id}"),
            move |c| sources_of(c, end_user).get(id).map(drop),
        ));
        cases.push(case(
            "PUT",
            t("/embedded/sources/{id}", "/integrations/sources/{id}"),
            format!("{prefix}/{id}"),
            move |c| {
                let update = SourceUpdate {
                    name: Some("n".into()),
                    source_config: None,
                };
                sources_of(c, end_user)
                    .update_with(id, &update, &unvalidated())
                    .map(drop)
            },
        ));
        cases.push(case(
            "DELETE",
            t("/embedded/sources/{id}", "/integrations/sources/{id}"),
            format!("{prefix}/{id}"),
            move |c| sources_of(c, end_user).delete(id).map(drop),
        ));
        cases.push(case(
            "POST",
            t(
                "/embedded/sources/{id}/check",
                "/integrations/sources/{id}/check",
            ),
            format!("{prefix}/{id}/check"),
            move |c| {
                sources_of(c, end_user)
                    .check(id, &SourceUpdate::default(), &unvalidated())
                    .map(drop)
            },
        ));
    }
    cases.extend(sonar_cases());
    cases
}

/// Files through a source, the API proxy and source search. A file's content is read to its
/// end (the documents' schema for it is empty: any body is a file's bytes).
fn sonar_cases() -> Vec<Case> {
    let id = SAMPLE_UUID;
    let read = |reader: airbyte_embedded::Result<airbyte_embedded::files::FileReader>| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut reader?, &mut bytes).map_err(|e| {
            airbyte_embedded::Error::Transport {
                detail: e.to_string(),
            }
        })?;
        Ok(())
    };
    vec![
        case(
            "GET",
            "/sonar/files/sources",
            "/sonar/files/sources",
            move |c| c.op.files().sources(id).map(drop),
        ),
        case(
            "GET",
            "/sonar/files/{source_id}/drives",
            format!("/sonar/files/{id}/drives"),
            move |c| c.op.files().drives(id).map(drop),
        ),
        case(
            "GET",
            "/sonar/files/{source_id}/list/{path}",
            format!("/sonar/files/{id}/list/docs"),
            move |c| {
                c.op.files()
                    .list_page(&FolderQuery::new(id, "docs"), None)
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/sonar/files/{source_id}/drives/{drive_id}/list/{path}",
            format!("/sonar/files/{id}/drives/d1/list/docs"),
            move |c| {
                c.op.files()
                    .list_page(&FolderQuery::new(id, "docs").on_drive("d1"), None)
                    .map(drop)
            },
        ),
        case(
            "GET",
            "/sonar/files/{source_id}/get/{path}",
            format!("/sonar/files/{id}/get/a.txt"),
            move |c| read(c.op.files().open(id, None, "a.txt")),
        ),
        case(
            "GET",
            "/sonar/files/{source_id}/drives/{drive_id}/get/{path}",
            format!("/sonar/files/{id}/drives/d1/get/a.txt"),
            move |c| read(c.op.files().open(id, Some("d1"), "a.txt")),
        ),
        case(
            "POST",
            "/sonar/apis/{source_id}/request",
            format!("/sonar/apis/{id}/request"),
            move |c| {
                let request = ProxyRequest::new(ProxyMethod::Get, "https://api.example.com/v1/x");
                c.op.proxy().request(id, &request).map(drop)
            },
        ),
        case(
            "POST",
            "/integrations/sources/{id}/search/{stream_name}",
            format!("/integrations/sources/{id}/search/users"),
            move |c| {
                let request = SearchRequest::new(Condition::eq("id", 1));
                c.op.source_search().search(id, "users", &request).map(drop)
            },
        ),
    ]
}

/// The schemas to generate from for `schema`: its branches when it is a `oneOf`/`anyOf` of
/// several non-null schemas, else itself.
fn top_branches<'a>(
    contract: &Contract,
    doc: &'a support::Document,
    schema: &'a Value,
) -> Vec<&'a Value> {
    let resolved = contract.resolve(doc, schema);
    let alts = resolved
        .get("oneOf")
        .or_else(|| resolved.get("anyOf"))
        .and_then(Value::as_array);
    match alts {
        Some(alts) if alts.len() > 1 => alts
            .iter()
            .filter(|a| contract.resolve(doc, a)["type"] != "null")
            .collect(),
        _ => vec![schema],
    }
}

/// Real token values where the SDK reads the token's content: a scoped JWT for the scoped-token
/// routes, a widget token wrapping one, an operator token for the token route.
struct Tokens {
    operator: String,
    scoped: String,
    widget: String,
}

fn mint_tokens(sb: &Sandbox) -> Tokens {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post = |path: &str, token: Option<&str>, body: Value| -> Value {
        let mut req = agent.post(format!("{}{path}", sb.base_url()));
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let mut resp = req.send_json(body).expect("sandbox answers");
        assert_eq!(resp.status(), 200, "{path}");
        resp.body_mut().read_json().expect("json")
    };
    let operator = post(
        "/account/applications/token",
        None,
        json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}),
    )["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let scoped = post(
        "/embedded/scoped-token",
        Some(&operator),
        json!({"workspace_name": "contract-models-minted"}),
    )["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let widget = base64::engine::general_purpose::STANDARD.encode(
        json!({"token": scoped, "widgetUrl": "https://app.airbyte.ai/embedded-widget?workspaceId=x"})
            .to_string(),
    );
    Tokens {
        operator,
        scoped,
        widget,
    }
}

/// Puts real token text where the route's body carries one (the SDK parses tokens; their
/// content is not what this test is about).
fn patch_tokens(template: &str, instance: &mut Value, tokens: &Tokens) {
    let Some(map) = instance.as_object_mut() else {
        return;
    };
    let (key, value) = match template {
        "/account/applications/token" => ("access_token", &tokens.operator),
        t if t.ends_with("/scoped-token") => ("token", &tokens.scoped),
        t if t.ends_with("/widget-token") => ("token", &tokens.widget),
        _ => return,
    };
    if map.contains_key(key) {
        map.insert(key.to_owned(), json!(value));
    }
}

#[test]
fn every_sdk_response_model_parses_what_the_contract_allows() {
    let contract = Contract::load();
    let sb = common::sandbox();
    let tokens = mint_tokens(&sb);
    let op = operator(&sb, TokenRoutes::Embedded);
    let op26 = operator(&sb, TokenRoutes::Applications);
    let end_user = op.end_user_client("contract-models").unwrap();
    let end_user26 = op26.end_user_client("contract-models").unwrap();
    // Mint every token now, so that a canned response meets only the call it is for.
    end_user.token_info().unwrap();
    end_user26.token_info().unwrap();
    op.tags().list().unwrap();
    op26.tags().list().unwrap();
    let clients = Clients {
        base: sb.base_url(),
        op,
        op26,
        end_user,
        end_user26,
    };

    let mut findings = Findings::default();
    let mut routes = BTreeSet::new();
    let mut schemas = 0;
    let mut instances = 0;
    let mut by_doc = [0usize; 2];
    for case in cases() {
        let full = format!("/api/v1{}", case.template);
        let mut found = false;
        for (d, name) in [support::SONAR, support::AGENT_ENGINE]
            .into_iter()
            .enumerate()
        {
            let Some(op) = contract.operation_in(name, case.method, &full) else {
                continue;
            };
            found = true;
            let doc = op.doc;
            routes.insert(op.key());
            let Some(schema) = op.response_schema(200) else {
                // A route answering 204 without a body: the call must take the empty answer.
                assert!(
                    op.response_schema(204).is_some(),
                    "{}: no 200 or 204 response",
                    op.key()
                );
                let fired = sb.faults_fired();
                sb.inject_fault(
                    Fault::new(FaultAction::Respond {
                        status: 204,
                        body: String::new(),
                        content_type: "application/json".into(),
                        headers: Vec::new(),
                    })
                    .on(case.method, &case.path),
                );
                let result = (case.call)(&clients);
                sb.clear_faults();
                assert_eq!(sb.faults_fired(), fired + 1, "{}: not requested", op.key());
                instances += 1;
                by_doc[d] += 1;
                if let Err(e) = result {
                    findings.add(
                        ALLOWLIST,
                        &op.key(),
                        204,
                        format!("{} (204): {e}", op.key()),
                    );
                }
                continue;
            };
            for branch in top_branches(&contract, doc, schema) {
                schemas += 1;
                for variant in Variant::ALL {
                    let mut instance = contract.generate(doc, branch, variant);
                    if variant != Variant::UnknownEnums {
                        let errors = contract.validate(doc, branch, &instance);
                        assert!(
                            errors.is_empty(),
                            "{} {name} {variant:?}: the generated instance does not match its schema: {errors:?}\n{instance}",
                            op.key()
                        );
                    }
                    patch_tokens(case.template, &mut instance, &tokens);
                    let fired = sb.faults_fired();
                    sb.inject_fault(
                        Fault::new(FaultAction::json(200, &instance)).on(case.method, &case.path),
                    );
                    let result = (case.call)(&clients);
                    sb.clear_faults();
                    assert_eq!(
                        sb.faults_fired(),
                        fired + 1,
                        "{} {variant:?}: the canned response was not requested",
                        op.key()
                    );
                    instances += 1;
                    by_doc[d] += 1;
                    if let Err(e) = result {
                        findings.add(
                            ALLOWLIST,
                            &op.key(),
                            200,
                            format!(
                                "{} ({name}, {variant:?}): {e}\n      instance: {instance}",
                                op.key()
                            ),
                        );
                    }
                }
            }
        }
        assert!(
            found,
            "{} {}: in neither document",
            case.method, case.template
        );
    }
    for (i, v) in &findings.allowed {
        println!("  allowed ({}): {v}", ALLOWLIST[*i].reason);
    }
    for v in &findings.unexpected {
        println!("  FAILURE: {v}");
    }
    println!(
        "contract models: {} routes, {schemas} response schemas × {} shapes = {instances} instances \
         ({} from {}, {} from {}) parsed by the SDK, {}",
        routes.len(),
        Variant::ALL.len(),
        by_doc[0],
        support::SONAR,
        by_doc[1],
        support::AGENT_ENGINE,
        findings
            .summary(ALLOWLIST)
            .replace("violations", "failures")
    );
    let stale = findings.unused(ALLOWLIST);
    assert!(
        stale.is_empty(),
        "allowlist entries that match nothing any more: {:?}",
        stale.iter().map(|a| a.contains).collect::<Vec<_>>()
    );
    assert!(
        findings.unexpected.is_empty(),
        "{} instances the SDK does not parse (see the output)",
        findings.unexpected.len()
    );
}

/// Every published operation (both documents, deprecated ones aside) is one the SDK calls (a
/// case above, whose canned response the call must request), or listed as out of scope with
/// its reason, or listed as not covered yet; no operation is in two places and no list entry
/// names an operation the documents do not have.
#[test]
fn every_published_operation_is_called_or_listed() {
    let contract = Contract::load();
    let mut published = BTreeSet::new();
    for name in [support::SONAR, support::AGENT_ENGINE] {
        for op in contract.operations_of(name) {
            if !op.deprecated() {
                published.insert(op.key());
            }
        }
    }
    let called: BTreeSet<String> = cases()
        .iter()
        .map(|c| format!("{} /api/v1{}", c.method, c.template))
        .collect();
    let out_of_scope: BTreeSet<String> =
        OUT_OF_SCOPE.iter().map(|(k, _)| (*k).to_owned()).collect();
    let not_covered: BTreeSet<String> = NOT_COVERED.iter().map(|k| (*k).to_owned()).collect();
    let mut problems = Vec::new();
    for key in &published {
        let places = [&called, &out_of_scope, &not_covered]
            .iter()
            .filter(|set| set.contains(key))
            .count();
        match places {
            0 => problems.push(format!("{key}: neither called nor listed")),
            1 => {}
            _ => problems.push(format!(
                "{key}: in more than one place (a stale list entry?)"
            )),
        }
    }
    for key in called.iter().chain(&out_of_scope).chain(&not_covered) {
        if !published.contains(key) {
            problems.push(format!("{key}: not a published, non-deprecated operation"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    println!(
        "published operations: {}; called by the SDK: {}; out of scope: {}; not covered yet: {}",
        published.len(),
        called.len(),
        out_of_scope.len(),
        not_covered.len()
    );
}
