//! A local server that serves the Airbyte Embedded API contract (the service's published
//! OpenAPI documents in `tests/fixtures/contract/`, with that directory's supplement), so the
//! SDK's tests and examples run without the real service. Test infrastructure: not shipped.
//!
//! ```
//! use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
//! assert!(sandbox.base_url().starts_with("http://127.0.0.1:"));
//! assert!(sandbox.base_url().ends_with("/api/v1"));
//! // Point the SDK at `sandbox.base_url()` with CLIENT_ID / CLIENT_SECRET.
//! # let _ = (CLIENT_ID, CLIENT_SECRET);
//! sandbox.stop();
//! ```
//!
//! # What it serves
//!
//! Every route of the contract under `http://127.0.0.1:<port>/api/v1`: token minting
//! (operator, scoped, widget), workspaces (paginated with absolute `next` links), source
//! definitions, source and connection templates, tags, sources (end user and operator),
//! asynchronous checks, the 2026 connectors and OAuth apps (below), and for operators the
//! files of a source ([`files`]: two drives, a paginated folder listing, contents streamed as
//! they are generated, one file of 50 MiB), the API proxy (answered as an upstream would, see
//! `routes/proxy.rs`) and source search over synced records derived from the source (see
//! `records.rs`). State lives in memory and starts with two organisations and no workspaces;
//! workspaces appear when a scoped or widget token is minted for a new name.
//! Beside the contract, on the same port, it serves a stand-in for Airbyte's embedded widget
//! (below) and the admin routes of the test hooks.
//!
//! - **Credentials**: [`CLIENT_ID`]/[`CLIENT_SECRET`] belong to [`ORGANIZATION_ID`],
//!   [`OTHER_CLIENT_ID`]/[`OTHER_CLIENT_SECRET`] to [`OTHER_ORGANIZATION_ID`], and
//!   [`MULTI_CLIENT_ID`]/[`MULTI_CLIENT_SECRET`] to both (minting needs `X-Organization-Id`).
//! - **Tokens** are HS256 JWTs signed with a random per-sandbox key, each with a unique `jti`.
//!   Operator tokens live [`SandboxConfig::operator_token_ttl`], scoped ones
//!   [`SandboxConfig::scoped_token_ttl`]. A token is expired once the current Unix second
//!   reaches its `exp`. The scoped token inside a widget token also carries the widget
//!   token's tag selection and `allowed_origin`, as the sandbox's own claims
//!   `io.airbyte.sandbox.source_template_selection` and `io.airbyte.sandbox.allowed_origin`.
//! - **The widget**: a widget token's `widgetUrl` is
//!   `http://localhost:<port>/embedded-widget?workspaceId=…&allowedOrigin=…` (the real URL's
//!   query), a page the sandbox serves outside `/api/v1` and outside the request pipeline (not
//!   recorded, never faulted, not rate limited): plain HTML and a script
//!   (`tests/sandbox/widget/`). Embedded in an iframe, it speaks the protocol of Airbyte's
//!   widget library: it asks its embedding page for the scoped token (`"auth_token_request"`,
//!   answered with `{scopedAuthToken}`) and refuses to run when that page's origin, as the
//!   browser reports it, is not the token's `allowed_origin`. Then it lists the templates the
//!   token's tags allow, renders the chosen one's `user_config_spec` as a form (secrets as
//!   password inputs), creates the source, runs its check and shows the outcome, posting the
//!   real widget's `end_user_action_result` events to the page. `localhost` and `127.0.0.1`
//!   are different origins to a browser, as `app.airbyte.ai` and `api.airbyte.ai` are, so the
//!   page calls the API cross-origin: `/api/v1` answers CORS preflights from the widget origin
//!   and adds `Access-Control-Allow-Origin` for it (no other origin, no credentials mode);
//!   requests without that `Origin` are served as before. A malformed widget URL gets a 400
//!   page. `examples/widget-app` embeds it, and `scripts/test-widget` drives both in Chromium.
//! - **Catalogue**: see [`catalog`] for the definition ids and their connector specs.
//! - **Rate limits**: every `/api/v1` response but a 413 carries `X-RateLimit-Limit`,
//!   `X-RateLimit-Remaining` and `X-RateLimit-Reset`. Requests count per organisation (the
//!   organisation of the bearer token, or of the credentials when minting); requests whose
//!   organisation cannot be told share one anonymous bucket. Each bucket has a fixed window that
//!   starts at its first request. Over the limit: 429 with `Retry-After`.
//! - **Errors** use the service's two documented shapes, `{"detail": ...}` (FastAPI, as the
//!   documentation shows) and `{"message", "errors": [{"field", "message", "error_code"}]}`
//!   (`ApiErrorResponse`, as the OpenAPI document has it). They disagree for 403 and 422;
//!   [`SandboxConfig::error_style`] picks one ([`ErrorStyle`] has the table).
//! - **Tag filters** of the template lists (`GET /integrations/templates/sources`,
//!   `GET /embedded/source-templates`, `GET /integrations/templates/connections`) are the
//!   contract's `tags`, repeated (`?tags=a&tags=b`), and `tags_mode` (`all`, the default, or
//!   `any`). The `tags[]` spelling, which the service ignores, gets a 422 at `query.tags[]` on
//!   every one of them, so a client that sends it fails instead of silently listing everything.
//! - **Validation** of connector configs is the service's own kind, done with the sandbox's own
//!   code (it shares none with the SDK): the template defaults merged with the end user's
//!   config, validated as plain JSON Schema draft-07 (`jsonschema`, no remote `$ref`s, no
//!   defaults filled in), each problem a 422 entry at the path the validator names. Secrets
//!   (`airbyte_secret`/`airbyte_sensitive` in the spec) come back as `**********` in every
//!   response, and that mask sent as a value is refused.
//!
//! # Checks
//!
//! `POST .../sources/check` and `POST .../sources/{id}/check` start a job that is `pending` for
//! the first half of [`SandboxConfig::check_duration`], `running` for the second half, then
//! terminal. The outcome is deterministic: the check **fails** (`status: "failed"`,
//! `failure_reason.failure_type: "config_error"`, `retryable: false`) when the config (template
//! defaults merged with the source config) contains a string under a key named `host`, at any
//! depth, that ends with `.invalid`, or any string value equal to `wrong-password` or
//! `wrong-secret`. Otherwise it **succeeds**.
//!
//! # Connectors and OAuth apps (2026)
//!
//! `/integrations/connectors` serves the sources under their Agent Engine name (operator
//! token): a connector is a source, listed by `/integrations/sources` too. A create names the
//! workspace by `customer_name` (made when new) and the organisation's source template by
//! `source_template_id`, or by `definition_id` / `connector_type` (a connector name such as
//! `"stripe"`) when the organisation has exactly one template of it (none: 404; several:
//! 400). `replication_config` is merged over the template defaults and validated like a
//! source config; `credentials`, `environment` and `server_side_oauth_secret_id` are kept and
//! never returned. Checks answer inline, `succeeded` or `failed` by the rule above applied to
//! the config and those fields. `…/{id}/execute` keeps a few seeded records per entity and
//! connector (`list`, `get`, the searches, `create`, `update`, `delete`; other actions and
//! entities are 400s); on a connector the check rule fails it answers `status: "error"`.
//! `PUT /oauth/credentials` keeps one OAuth app per organisation and connector (never
//! returning its `configuration`); `DELETE /oauth/credentials/connector_type/{name}` answers
//! 204 whether or not there was one. `…/connectors/oauth/initiate` is in neither published
//! document and is not served.
//!
//! # Limits
//!
//! The sandbox bounds what one client can make it hold, so a long run or a flood of large
//! bodies cannot grow its memory without end:
//!
//! - **Request bodies** over [`SandboxConfig::max_request_body`] (default [`MAX_REQUEST_BODY`],
//!   1 MiB; the binary's `--max-body-bytes`) get 413 `{"detail": "Request body too large: the
//!   sandbox accepts at most N bytes"}` with `Connection: close`. A `Content-Length` over the
//!   limit is refused before any of the body is read; a chunked body is read until it passes
//!   the limit, then refused. Nothing past the limit is kept: after the 413 the sandbox reads
//!   the rest and throws it away (up to 64 MiB in all, for up to 10 s, then it closes the
//!   connection), so a client that writes its whole body before it reads the response still
//!   gets the 413. A refused request is recorded without its body, but matches no fault and is
//!   not rate limited. (The SDK's largest legitimate bodies, connector configs, are tens of
//!   KB.)
//! - **The request log** keeps the most recent [`MAX_RECORDED_REQUESTS`] (1000) requests, and
//!   of each body its first [`MAX_RECORDED_BODY`] (64 KiB) bytes;
//!   [`RecordedRequest::body_len`] tells the whole length. Handlers always see the whole body.
//!   [`Sandbox::clear_requests`] frees the log's memory.
//!
//! # Test hooks
//!
//! [`Sandbox`] records recent requests ([`Sandbox::requests`]), counts token requests, revokes
//! operator tokens and injects [`Fault`]s ([`FaultAction`]: canned responses, the sandbox's own
//! 500, delays, expired tokens, truncated bodies, connections dropped before, after or during
//! the response body). The binary exposes the
//! same hooks over HTTP:
//!
//! | route | effect |
//! |---|---|
//! | `POST /_sandbox/faults` | body: a [`Fault`] as JSON |
//! | `DELETE /_sandbox/faults` | [`Sandbox::clear_faults`] |
//! | `POST /_sandbox/revoke-operator-tokens` | [`Sandbox::revoke_operator_tokens`] |
//! | `GET /_sandbox/stats` | `{"token_requests": n, "requests": n, "requests_recorded": n, "requests_by_route": {"GET /api/v1/workspaces": n, …}, "faults_fired": n, "rate_limited": n}` (`requests`: [`Sandbox::requests_received`]; `requests_recorded`: how many the log holds; `requests_by_route`: every request since the log was cleared, per method and path without query; `rate_limited`: [`Sandbox::rate_limited_responses`]) |
//! | `GET /_sandbox/inventory` | [`Sandbox::inventory`] as JSON |
//! | `GET /_sandbox/requests` | `[{"method", "path", "query", "headers": [[k, v]], "body", "body_len", "body_truncated"}]` (body as UTF-8 lossy text, at most [`MAX_RECORDED_BODY`] bytes) |
//! | `DELETE /_sandbox/requests` | [`Sandbox::clear_requests`] |
//! | `GET /_sandbox/credentials` | the seeded credentials, organisation ids and base URL |
//!
//! Admin routes are not recorded, never match faults and are not rate limited.

#![forbid(unsafe_code)]

mod auth;
mod body;
pub mod catalog;
mod catalogs;
mod checks;
mod clock;
mod cors;
mod credentials;
mod cron;
mod errors;
mod execute;
mod faults;
pub mod files;
pub mod global_templates;
mod inventory;
mod masking;
mod models;
mod objects;
mod origin;
mod pagination;
mod pipeline;
mod query;
mod ratelimit;
mod recording;
mod records;
mod routes;
mod server;
mod spec;
mod state;
mod store;
mod validate;

use std::sync::Arc;
use std::time::Duration;

pub use credentials::{
    CLIENT_ID, CLIENT_SECRET, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET, ORGANIZATION_ID,
    OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_ORGANIZATION_ID,
};
pub use errors::ErrorStyle;
pub use faults::{Fault, FaultAction};
pub use inventory::Inventory;
pub use recording::{MAX_RECORDED_BODY, MAX_RECORDED_REQUESTS, RecordedRequest};

/// The default largest request body the sandbox accepts (1 MiB, 1 048 576 bytes); see
/// [`SandboxConfig::max_request_body`]. The largest bodies the SDK's tests send (connector
/// configs, a connector spec's worth of fields) are tens of KB.
pub const MAX_REQUEST_BODY: usize = body::MAX_REQUEST_BODY;

use crate::server::ServerThread;
use crate::state::Shared;

/// How a [`Sandbox`] behaves. Build one with `SandboxConfig { port: 0, ..Default::default() }`.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// TCP port on 127.0.0.1 (the sandbox never binds other interfaces); 0 picks a free port.
    /// Defaults to 0.
    pub port: u16,
    /// Lifetime of operator tokens (`expires_in` and JWT `exp`), whole seconds. Defaults to
    /// 900 s (15 min).
    pub operator_token_ttl: Duration,
    /// Lifetime of scoped and widget tokens, whole seconds. Defaults to 1200 s (20 min).
    pub scoped_token_ttl: Duration,
    /// Requests allowed per organisation per window. Defaults to 1000.
    pub rate_limit_per_hour: u32,
    /// Length of the fixed rate-limit window, whole seconds (at least 1). Defaults to 1 hour;
    /// shorten it to test waiting for `Retry-After`.
    pub rate_limit_window: Duration,
    /// How long a check takes: `pending` for the first half, `running` for the second, then
    /// terminal. Defaults to 600 ms.
    pub check_duration: Duration,
    /// The largest request body accepted, in bytes; a longer one gets 413 before it is read
    /// whole (see the crate docs, "Limits"). Defaults to [`MAX_REQUEST_BODY`] (1 MiB).
    pub max_request_body: usize,
    /// Which error body shape answers where the service's documentation and its OpenAPI
    /// document disagree (403 and 422; see [`ErrorStyle`]). Defaults to
    /// [`ErrorStyle::FastApi`]; the binary's `--error-style`.
    pub error_style: ErrorStyle,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            operator_token_ttl: Duration::from_secs(900),
            scoped_token_ttl: Duration::from_secs(1200),
            rate_limit_per_hour: 1000,
            rate_limit_window: Duration::from_secs(3600),
            check_duration: Duration::from_millis(600),
            max_request_body: MAX_REQUEST_BODY,
            error_style: ErrorStyle::FastApi,
        }
    }
}

/// A running sandbox server. Stops on [`Sandbox::stop`] or when dropped.
pub struct Sandbox {
    shared: Arc<Shared>,
    port: u16,
    server: ServerThread,
}

impl Sandbox {
    /// Binds 127.0.0.1:`config.port` and serves from a background thread with its own tokio
    /// runtime. Returns once the socket is listening.
    ///
    /// # Errors
    /// The port cannot be bound (in use, no permission) or the runtime cannot start.
    pub fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", config.port))?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared::new(
            config,
            format!("http://127.0.0.1:{port}/api/v1"),
        ));
        let app = errors::styled(routes::app(shared.clone()), shared.clone());
        let server = ServerThread::spawn(listener, app)?;
        Ok(Sandbox {
            shared,
            port,
            server,
        })
    }

    /// `http://127.0.0.1:<port>/api/v1`, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The port the sandbox listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// How many `POST /api/v1/account/applications/token` requests arrived so far, successful
    /// or not (faulted ones included). Not reset by [`Sandbox::clear_requests`].
    pub fn token_requests(&self) -> u64 {
        self.shared.lock().token_requests
    }

    /// How many requests the rate limit refused with 429 so far (injected 429 faults not
    /// included). Not reset by [`Sandbox::clear_requests`].
    pub fn rate_limited_responses(&self) -> u64 {
        self.shared.lock().rate_limited
    }

    /// The most recent requests received (admin routes excepted), oldest first: at most
    /// [`MAX_RECORDED_REQUESTS`], each body cut to [`MAX_RECORDED_BODY`] bytes (see
    /// [`RecordedRequest::body_len`]).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.iter().cloned().collect()
    }

    /// How many requests arrived (admin routes excepted) since the log was last cleared,
    /// including those [`Sandbox::requests`] no longer holds.
    pub fn requests_received(&self) -> u64 {
        self.shared.lock().requests.received()
    }

    /// Forgets the recorded requests and frees the memory they held; also resets
    /// [`Sandbox::requests_received`].
    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }

    /// Makes every operator token minted so far invalid (401 `{"detail": "Token has been
    /// revoked"}`); tokens minted afterwards work. Scoped tokens are not affected.
    pub fn revoke_operator_tokens(&self) {
        self.shared.lock().tokens.revoke_all();
    }

    /// Adds a fault after those already injected (see [`Fault`]).
    pub fn inject_fault(&self, fault: Fault) {
        self.shared.lock().faults.push(fault);
    }

    /// Removes every injected fault.
    pub fn clear_faults(&self) {
        self.shared.lock().faults.clear();
    }

    /// How many requests an injected fault has affected so far (each request a fault
    /// matched counts once; faults removed by [`Sandbox::clear_faults`] still count).
    pub fn faults_fired(&self) -> u64 {
        self.shared.lock().faults.fired()
    }

    /// The names of every live resource, to count duplicates after a run (see
    /// [`Inventory::duplicates`]).
    pub fn inventory(&self) -> Inventory {
        Inventory::of(&self.shared.lock().store)
    }

    /// Stops the server gracefully: it stops accepting, lets in-flight requests finish (at
    /// most 2 s) and joins its thread. Dropping the sandbox does the same.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.server.stop();
    }
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Sandbox>();
    }
}
