//! Rust SDK for the [Airbyte Embedded API](https://api.airbyte.ai/api/v1): operator and
//! end-user clients for tokens, source and connection templates, tags, workspaces, sources and
//! checks, files through a source, the API proxy and source search, with client-side
//! validation of connector configs.
//!
//! ```toml
//! [dependencies]
//! airbyte-embedded = { path = "core" }
//! ```
//!
//! Two clients, so a token cannot be used where it does not belong:
//! - [`OperatorClient`] (client credentials → operator token): source and connection
//!   templates, tags, the connector catalogue, workspaces, every workspace's sources, the
//!   2026 connectors ([`connectors`]) and OAuth app overrides ([`oauth_credentials`]), files
//!   through a source ([`files`]), the API proxy ([`proxy`]), source search, and minting
//!   scoped and widget tokens.
//! - [`EndUserClient`] (a scoped token): the source templates offered to one end user, their
//!   sources and checks.
//!
//! Calls are synchronous. Both clients are cheap to clone, `Send + Sync`, and share one
//! connection pool per client. Connector configs and specs stay raw JSON
//! (`serde_json::Map` / `Value`) end to end; every other model is typed and tolerant: unknown
//! fields are ignored, nullable fields are `Option`, and every enum keeps values it does not
//! know in an `Unknown(String)` variant.
//!
//! ```no_run
//! use airbyte_embedded::sources::SourceCreate;
//! use airbyte_embedded::workspaces::WorkspaceFilter;
//! use airbyte_embedded::{OperatorClient, TagFilter, WidgetTokenRequest};
//! use serde_json::json;
//!
//! let operator = OperatorClient::from_env()?;
//! let templates = operator.source_templates().list(&TagFilter::default())?;
//!
//! // A widget token for the end user's browser, bound to the page's origin.
//! let widget = operator.mint_widget_token(&WidgetTokenRequest::new("acme-corp", "https://app.example.com"))?;
//! println!("{}", widget.widget_url());
//!
//! // Acting as the end user: the operator client mints and refreshes the scoped token.
//! let end_user = operator.end_user_client("acme-corp")?;
//! let workspace_id = end_user.workspace_id()?;
//! let config = json!({"host": "db.example.com", "database": "app", "username": "u", "password": "p"});
//! let source = end_user.sources().create(&SourceCreate::new(
//!     &workspace_id,
//!     &templates[0].id,
//!     config.as_object().unwrap().clone(),
//! ))?;
//! println!("created {}", source.id);
//!
//! for workspace in operator.workspaces().iter(WorkspaceFilter::default()) {
//!     println!("{:?}", workspace?.name);
//! }
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! A scoped token received from elsewhere works too:
//! `EndUserClient::new(config, ScopedToken::new(token))` (see [`EndUserClient::new`]); such a
//! client cannot refresh it, so a 401 is final.
//!
//! # Guide
//!
//! - **Configuration** ([`config`]): base URL, organisation, region, the environment
//!   variables, timeouts, TLS roots and proxies, token routes.
//! - **Tokens** ([`auth`]): how the operator and scoped tokens are minted, cached and
//!   refreshed (after a 401, and after some 403s); decoding widget tokens; origin checks.
//! - **A fleet of processes** ([`token_store`]): one operator token and one scoped token per
//!   end user shared through a store (Redis with the `redis` feature), refreshed by one
//!   process.
//! - **Bulk operations** ([`bulk`]): minting, (de)activating and deleting many at once within
//!   the rate limit, each item's outcome its own; workspace sync against the operator's list
//!   of active customers.
//! - **Errors** ([`error`]): the variants a caller acts on, the error bodies the service sends,
//!   what error text never holds, header values checked on entry.
//! - **Sources and checks** ([`sources`]): validated writes, partial updates, waiting for a
//!   check.
//! - **Connectors** ([`connectors`], 2026): what each call replays, and how the SDK reads
//!   what the published document leaves open.
//! - **Validation** ([`validation`]): branch-aware messages, formats, secrets and the mask,
//!   defaults, partial configs, the spec cache, the form model. Offline.
//! - **Resilience** ([`retry`]): what is retried, creates whose outcome is unknown, rate
//!   limits and pacing.
//! - **Pagination** ([`pagination`]): the walk over workspaces and destinations, and when it
//!   stops; folder listings page with continuation tokens ([`files`]).
//! - **Files** ([`files`]): paths sent as one segment, file contents as a reader that never
//!   holds the whole file, and when a read is retried.
//! - **Logging and redaction** ([`logging`], [`redact`]): what the SDK logs, keeping the HTTP
//!   library's wire dumps out, the one redactor every error text passes through.
//! - **Testing** (below): the sandbox, fault injection, fuzzing.
//!
//! # The sandbox
//!
//! The crate `airbyte-embedded-sandbox` (in `tests/sandbox`) is a local server that serves the
//! whole contract from memory: HS256 JWTs with real expiry, two organisations (and one
//! credential pair belonging to both), workspaces created by token minting, cursor pagination
//! with absolute `next` links, a connector catalogue whose specs live in
//! `tests/fixtures/specs/`, templates, tags, sources with masked secrets, asynchronous checks,
//! rate-limit headers and 429s, both error-body shapes the service sends, and switchable
//! faults. Every example and test in this repository runs against it. Its crate docs describe
//! each route's behaviour; in short:
//!
//! ```sh
//! cargo run -p airbyte-embedded-sandbox -- --port 8765 --token-ttl 900 --rate-limit 1000 --error-style fastapi
//! ```
//!
//! It prints its URL and the seeded credentials. From Rust, `Sandbox::start` runs it on a
//! free loopback port:
//!
//! ```
//! use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, TagFilter};
//! use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
//! let config = ClientConfig::builder().base_url(sandbox.base_url()).build()?;
//! let operator = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET))?;
//! let templates = operator.source_templates().list(&TagFilter::default())?;
//! println!("{} source templates", templates.len());
//! sandbox.stop();
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```
//!
//! - **It shares no code with the SDK** (its library does not depend on this crate). Configs
//!   are validated as the service does: template defaults merged with the end user's config,
//!   then checked as plain JSON Schema draft-07 (no remote `$ref`s, no defaults filled in, no
//!   branch-aware messages); each problem is a 422 entry at the path the validator names,
//!   which for a `oneOf` is the property where this SDK names the field inside the chosen
//!   branch (the verdicts are the same). Secrets (`airbyte_secret`, or `airbyte_sensitive`)
//!   come back as `**********` from its own walk of the spec, that mask sent as a value is
//!   refused, and `user_config_spec` is the spec with what the template's defaults supply no
//!   longer required.
//! - **Error bodies** follow `--error-style` (`SandboxConfig::error_style`): `fastapi` (the
//!   default) answers 403 and 422 with `{"detail": ...}` as the service's documentation shows,
//!   `api-error` with the OpenAPI document's `{"message", "errors": [{"field", "message",
//!   "error_code"}]}`; 400, 429 and 500 are always `ApiErrorResponse`, 401, 404, 405 and 413
//!   always `{"detail"}`.
//! - **Checks** fail (`failure_type: config_error`) when any `host` value ends in `.invalid`
//!   or any value is `wrong-password` / `wrong-secret`, and succeed otherwise.
//! - **Tag selections** apply as the service applies them. A widget token's scoped token
//!   carries the widget's `selected_source_template_tags(_mode)` (mode `any` by default), and
//!   `GET /embedded/source-templates` with it lists only the matching templates; a token from
//!   `/embedded/scoped-token` sees them all. The source template lists refuse `tags[]` with a
//!   422 naming it: the contract's parameter is `tags`, repeated. Creating a source makes one
//!   connection per connection template matching the `SourceCreate`'s
//!   `selected_connection_template_tags(_mode)` (no tags: every template; Airbyte-hosted
//!   templates are skipped), to the workspace's destination from that template, listed to an
//!   operator token by `GET /integrations/destinations?workspace_id=` and
//!   `GET /integrations/destinations/{id}` ([`OperatorClient::destinations`]). Three global
//!   source templates (Postgres, Stripe, Sample Data), owned by no organisation, are listed to
//!   every operator and can be cloned.
//! - **Connectors (2026)**: `/integrations/connectors` ([`OperatorClient::connectors`])
//!   serves the sources under their new name (a connector is a source, listed by
//!   `/integrations/sources` too), made for the workspace named by `customer_name` (created
//!   when new) from the organisation's one template of the `connector_type` or
//!   `definition_id` (several: 400, pass `source_template_id`). Checks answer inline by the
//!   rule above, applied to the config, `credentials` and `environment`; executes act on a
//!   few seeded records per connector and entity, and answer `status: "error"` on a
//!   connector the check rule fails. `PUT /oauth/credentials` keeps one OAuth app per
//!   organisation and connector ([`OperatorClient::oauth_credentials`]); its delete answers
//!   204 whether or not one was set.
//! - **Files, the proxy and search** ([`OperatorClient::files`], [`OperatorClient::proxy`],
//!   [`OperatorClient::source_search`]): every source serves the same tree of files on two
//!   drives (`main`, `shared`), with contents derived from the source id: a README, four
//!   quarterly CSVs under `reports/2025`, notes on the shared drive, and
//!   `exports/large export.bin`, 50 MiB generated 64 KiB at a time as it is sent (never held
//!   whole). Listings page with opaque continuation tokens; `{path}` is one segment (`/` as
//!   `%2F`), the top level `/`. The proxy calls no upstream: `/status/{code}` answers that
//!   code, `/empty` a 204 without body, any other URL a 200 describing the request (header
//!   names only, never values). Search runs the documents' condition language over `users`
//!   and `purchases` records derived from the source (a Sample Data source has its `count` of
//!   users, at most 50).
//! - **Bounds**: a request body over 1 MiB (`--max-body-bytes`) gets 413 before it is read
//!   whole; the request log keeps the latest 1000 requests, each body cut to its first 64 KiB.
//! - **Admin routes** under `/_sandbox/` inject faults, revoke tokens and list recorded
//!   requests; `Sandbox` has the same controls as methods.
//! - **The widget**: a widget token's `widget_url` is a stand-in for Airbyte's embedded widget
//!   that the sandbox serves itself, outside `/api/v1`:
//!   `http://localhost:<port>/embedded-widget?workspaceId=…&allowedOrigin=…`, plain HTML and
//!   a script. Embedded in an iframe, it takes the scoped token from its page as Airbyte's
//!   widget library hands it over, refuses a page on another origin than the token's
//!   `allowed_origin`, and creates and checks a source through `/embedded/*`; the API answers
//!   CORS for that origin only. `examples/widget-app` embeds it and `scripts/test-widget`
//!   drives both in headless Chromium.
//! - **What it reproduces, and what it does not.** It serves the 2025 document's routes and
//!   the 2026 additions this SDK uses side by side, with no era switch: the token routes under
//!   both `/embedded/` and `/account/applications/`, `customer_name` accepted wherever
//!   `workspace_name` is, `mode` on templates. Contract tests (`tests/sandbox/tests/contract.rs`)
//!   hold every response it sends, on every route and status, to the published documents in
//!   `tests/fixtures/contract/`. Stream catalogs of templates and definitions are the
//!   connector's streams until changed, patched with JSON Patch (`json-patch`) and queried
//!   with JMESPath (`jmespath`); creating or deleting a definition's catalog answers 403 (an
//!   instance-admin call). It does not serve the documents' alias operations, the deprecated
//!   `GET /sonar/apis`, the connectors' OAuth initiation (in neither document), or
//!   destinations the service manages for Airbyte-hosted templates; checks and executes do
//!   not run a connector (the rule above decides); and it answers 500 only when a fault asks
//!   for it.
//!
//! # Testing against faults
//!
//! The sandbox injects faults per test (`Sandbox::inject_fault`, or `POST /_sandbox/faults` on
//! the binary): any status with any body and headers (`FaultAction::status(503)`,
//! `too_many_requests(Some(1))`, `html_page(502)`), `ResetBeforeResponse` (the connection
//! dropped before the handler runs), `ResetAfterCommit` (the handler commits, then the
//! connection is dropped), `Delay` (before handling), `DelayResponse` (after committing),
//! `TruncateBody`, `ResetDuringBody` (the head and the first bytes of the body, then the
//! connection dropped) and `ExpireToken`. `Sandbox::inventory()` lists the live resources by name,
//! to count duplicates. `cargo test -p airbyte-embedded --test faults -- --nocapture` runs the
//! quickstart story under 25 fault modes and prints, per mode, the faults injected, the calls
//! that recovered, the typed errors returned, the duplicates created and the panics (both
//! always 0).
//!
//! # Fuzzing
//!
//! The code that reads untrusted input (error bodies, token responses, widget tokens,
//! rate-limit headers, connector specs and validation, `next` links, values that become
//! headers) has `cargo fuzz` targets in `fuzz/`, each with a seed corpus.
//! `./scripts/fuzz-smoke` runs each briefly (20 000 inputs or 20 s); `fuzz/README.md` describes
//! longer runs.

#![forbid(unsafe_code)]

mod api;
pub mod auth;
pub mod bulk;
mod client;
mod client_options;
mod common;
pub mod config;
pub mod connector_spec;
pub mod connectors;
mod embedded_source_templates;
pub mod error;
pub mod files;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod http;
pub mod integrations;
pub mod logging;
pub mod oauth_credentials;
mod open_enum;
pub mod pagination;
pub mod proxy;
mod read_cache;
pub mod redact;
pub mod retry;
pub mod sources;
pub mod token_store;
pub mod tokens;
#[cfg(feature = "uniffi")]
pub mod uniffi_types;
#[doc(hidden)]
pub mod unparsed;
pub mod validation;
pub mod workspaces;

pub use auth::widget::{WidgetToken, validate_allowed_origin};
pub use auth::{ScopedToken, ScopedTokenProvider};
pub use client::{EndUserClient, OperatorClient};
pub use client_options::ClientOptions;
pub use common::{Deleted, TagFilter, TagsMode};
pub use config::{
    ClientConfig, ClientConfigBuilder, Credentials, REGION_EU, REGION_US, TokenRoutes,
};
pub use connector_spec::ConnectorSpec;
pub use embedded_source_templates::EmbeddedSourceTemplates;
pub use error::{Error, FieldError, RateLimit, Result};
pub use retry::{Pacing, RetryPolicy};
pub use sources::{Sources, WaitOptions, WriteOptions};
pub use tokens::{ScopedTokenInfo, ScopedTokenRequest, WidgetTokenRequest};
#[cfg(feature = "uniffi")]
#[doc(hidden)]
pub use uniffi_types::UniFfiTag;

/// The README's Rust examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
