//! The operator client handle: creation, configuration, tokens, and end-user clients. Its API
//! areas (templates, tags, definitions, workspaces, sources) have their own files.

use std::ffi::c_char;

use airbyte_embedded::{Credentials, OperatorClient, ScopedTokenRequest, WidgetTokenRequest};

use crate::config::ConfigOptions;
use crate::end_user::airbyte_end_user_client;
use crate::error::FfiResult;
use crate::handle::{free_handle, handle_ref};
use crate::json::{json_arg, opt_json_arg};
use crate::out::Out;
use crate::panic::{call, guard};
use crate::status::airbyte_status;
use crate::strings::{opt_str_arg, str_arg};
use crate::views::{ConfigView, RateLimitView, WidgetTokenView};

/// An operator client (organisation-wide, authenticated with client credentials): source and
/// connection templates, tags, the connector catalogue, workspaces, every workspace's sources,
/// and minting scoped and widget tokens.
///
/// Opaque. Made by `airbyte_operator_client_new` or `airbyte_operator_client_from_env`,
/// released by `airbyte_operator_client_free`. Thread-safe: one handle may be used by many
/// threads at once (they share one connection pool and one token cache); only its
/// `airbyte_operator_client_free` must not race with other calls on it.
pub struct airbyte_operator_client {
    pub(crate) client: OperatorClient,
}

/// Borrows the operator client behind a handle argument.
///
/// # Safety
/// `ptr` is NULL or a live `airbyte_operator_client`.
pub(crate) unsafe fn operator<'a>(
    ptr: *const airbyte_operator_client,
) -> FfiResult<&'a OperatorClient> {
    // SAFETY: forwarded contract.
    Ok(&unsafe { handle_ref(ptr, "client") }?.client)
}

/// Creates an operator client. Sends nothing: the operator token is minted on first use
/// (`POST /account/applications/token`), cached, and refreshed near expiry or after a 401.
///
/// `config_json` is NULL (every default) or an object with any of: `base_url` (default
/// `"https://api.airbyte.ai/api/v1"`), `organization_id` (UUID sent as `X-Organization-Id`;
/// default not sent), `region_id` (UUID; default the service's, US), `connect_timeout_ms`
/// (default 10000), `read_timeout_ms` (30000), `request_timeout_ms` (60000),
/// `token_refresh_margin_ms` (60000), `token_routes` (`"embedded"`, the default, or
/// `"applications"`), `user_agent_suffix`, `allow_insecure_http` (default false: plain http
/// only on loopback), `retry` (`{"max_retries": 3, "initial_backoff_ms": 500,
/// "max_backoff_ms": 10000, "max_elapsed_ms": 120000, "jitter": true}`, any subset;
/// `{"max_retries": 0}` turns retrying off), `pacing` (default off; `{"below_remaining": 50,
/// "max_delay_ms": 5000}`, any subset, turns it on), `root_certificates_pem` (PEM text to
/// trust instead of the bundled roots), `dns_cache_ttl_ms` (30000: how long a host name's
/// addresses are reused; 0 looks the name up on every request), `proxy`
/// (`"http://host:port"`; default from `HTTPS_PROXY` and friends), `no_proxy` (default
/// false), `template_cache_ttl_ms` (default off; how long template lists and reads are
/// answered from the client's cache, kept in its token store, after they were read; writes
/// through the SDK invalidate them; 0 is refused), `token_store` (default this client's own
/// memory; `{"redis_url": "redis://host:6379/0"}` or `"rediss://…"`, with optional
/// `"timeout_ms"` (1000) and `"root_certificates_pem"`: a Redis store every process of a fleet
/// shares, so one of them mints each token; a store that fails never fails a call; a library
/// built without its `redis` feature refuses it as `AIRBYTE_STATUS_INVALID_ARGUMENT`), `env`
/// (default false; true fills `base_url` and `organization_id` from `AIRBYTE_API_URL` and
/// `AIRBYTE_ORGANIZATION_ID` where not given). Unknown fields are refused.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_operator_client_free`. The strings are copied; the caller keeps them.
///
/// Errors: `AIRBYTE_STATUS_INVALID_JSON` (`config_json`), `AIRBYTE_STATUS_INVALID_ARGUMENT`
/// (`base_url`, `organization_id`, `region_id`, a zero timeout, `root_certificates`, `proxy`,
/// `retry_policy`, `template_cache_ttl`, `redis_url`, `root_certificates_pem`, an empty
/// `client_id` or `client_secret`), NULL or non-UTF-8 arguments.
///
/// # Safety
/// `config_json`, `client_id` and `client_secret` are NULL or NUL-terminated strings; `out` is
/// NULL or points to a writable `airbyte_operator_client *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_client_new(
    config_json: *const c_char,
    client_id: *const c_char,
    client_secret: *const c_char,
    out: *mut *mut airbyte_operator_client,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, options, id, secret) = unsafe {
            (
                Out::new(out, "out")?,
                opt_json_arg::<ConfigOptions>(config_json, "config_json")?,
                str_arg(client_id, "client_id")?,
                str_arg(client_secret, "client_secret")?,
            )
        };
        let client = OperatorClient::new(options.build()?, Credentials::new(id, secret))?;
        out.boxed(airbyte_operator_client { client })
    })
}

/// Creates an operator client from the environment: `AIRBYTE_CLIENT_ID`,
/// `AIRBYTE_CLIENT_SECRET`, and optionally `AIRBYTE_API_URL` and `AIRBYTE_ORGANIZATION_ID`.
/// Sends nothing.
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_operator_client_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` naming `AIRBYTE_CLIENT_ID` when the credentials
/// are unset, or the variable holding an invalid value.
///
/// # Safety
/// `out` is NULL or points to a writable `airbyte_operator_client *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_client_from_env(
    out: *mut *mut airbyte_operator_client,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let out = unsafe { Out::new(out, "out") }?;
        let client = OperatorClient::from_env()?;
        out.boxed(airbyte_operator_client { client })
    })
}

/// Releases an operator client. NULL is a no-op. End-user clients and workspace pages made
/// from it stay usable (they hold their own references). Does not touch the last error.
///
/// # Safety
/// `client` is NULL or a live handle, not used by another thread during or after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_client_free(client: *mut airbyte_operator_client) {
    // SAFETY: the caller upholds this function's `# Safety` contract.
    guard(|| unsafe { free_handle(client) })
}

/// The client's effective configuration.
///
/// On success `*out_json` receives `{"base_url", "organization_id", "region_id",
/// "user_agent", "connect_timeout_ms", "read_timeout_ms", "request_timeout_ms", "retry":
/// {...}, "pacing": {...}|null}` (no secret, no proxy), owned by the caller: free it with
/// `airbyte_string_free`. Sends nothing.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_client_config(
    client: *const airbyte_operator_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, operator(client)?) };
        out.json(&ConfigView::from(client.config()))
    })
}

/// The rate-limit headers of the most recent response that carried any.
///
/// On success `*out_json` receives `{"limit", "remaining", "reset_unix_seconds",
/// "retry_after_ms"}` (each `null` when absent), or NULL when no response carried them yet.
/// Owned by the caller: free it with `airbyte_string_free`. Sends nothing.
///
/// # Safety
/// `client` is NULL or a live handle; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_client_last_rate_limit(
    client: *const airbyte_operator_client,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client) = unsafe { (Out::new(out_json, "out_json")?, operator(client)?) };
        match client.last_rate_limit() {
            Some(r) => out.json(&RateLimitView::from(&r)),
            None => out.none(),
        }
    })
}

/// Mints a new scoped token for an end user's workspace, creating the workspace if the name is
/// new (every call mints; see `airbyte_operator_scoped_token` for a cached one).
/// `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).
///
/// `region_id` is NULL (the client's region, else the service's default) or a region UUID.
/// On success `*out_token` receives the token text (a JWT; safe to hand to that end user, never
/// log it), owned by the caller: free it with `airbyte_string_free`. Read its claims with
/// `airbyte_scoped_token_claims`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (`workspace_name` empty, `region_id` not a UUID;
/// nothing sent), `AIRBYTE_STATUS_FORBIDDEN`, HTTP and transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_name` and `region_id` are NULL or
/// NUL-terminated strings; `out_token` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_mint_scoped_token(
    client: *const airbyte_operator_client,
    workspace_name: *const c_char,
    region_id: *const c_char,
    out_token: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name, region) = unsafe {
            (
                Out::new(out_token, "out_token")?,
                operator(client)?,
                str_arg(workspace_name, "workspace_name")?,
                opt_str_arg(region_id, "region_id")?,
            )
        };
        let request = ScopedTokenRequest {
            region_id: region.map(str::to_owned),
            ..ScopedTokenRequest::new(name)
        };
        out.string(client.mint_scoped_token(&request)?.expose().to_owned())
    })
}

/// A scoped token for `workspace_name` from the client's cache, minted when missing or near
/// expiry (concurrent callers for one workspace share one mint). Same route and errors as
/// `airbyte_operator_mint_scoped_token`.
///
/// On success `*out_token` receives the token text, owned by the caller: free it with
/// `airbyte_string_free`.
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_name` is NULL or a NUL-terminated string;
/// `out_token` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_scoped_token(
    client: *const airbyte_operator_client,
    workspace_name: *const c_char,
    out_token: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name) = unsafe {
            (
                Out::new(out_token, "out_token")?,
                operator(client)?,
                str_arg(workspace_name, "workspace_name")?,
            )
        };
        out.string(client.scoped_token(name)?.expose().to_owned())
    })
}

/// Mints a widget token for an end user's workspace, bound to one origin, and decodes it.
/// `POST /embedded/widget-token` (or `/account/applications/widget-token`).
///
/// `request_json`: `{"workspace_name", "allowed_origin", "region_id"?,
/// "selected_source_template_tags"?: [], "selected_source_template_tags_mode"?: "any"|"all",
/// "selected_connection_template_tags"?: [], "selected_connection_template_tags_mode"?}` (tag
/// modes default to `"any"`; empty tag lists select everything).
///
/// On success `*out_json` receives `{"token", "scoped_token", "widget_url"}` (secrets: do not
/// log), owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (`allowed_origin`, `workspace_name`, `region_id`;
/// nothing sent), `AIRBYTE_STATUS_VALIDATION`, `AIRBYTE_STATUS_INVALID_WIDGET_TOKEN` when the
/// answer does not decode, HTTP and transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `request_json` is NULL or a NUL-terminated string;
/// `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_mint_widget_token(
    client: *const airbyte_operator_client,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, request) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                json_arg::<WidgetTokenRequest>(request_json, "request_json")?,
            )
        };
        let token = client.mint_widget_token(&request)?;
        out.json(&WidgetTokenView::from(&token))
    })
}

/// An end-user client for `workspace_name` whose scoped token this operator client mints,
/// caches and re-mints near expiry or after a 401. Sends nothing (minting happens on first
/// use).
///
/// On success `*out` receives a new handle, owned by the caller: release it with
/// `airbyte_end_user_client_free` (before or after the operator client: it holds its own
/// reference).
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` for an empty `workspace_name`.
///
/// # Safety
/// `client` is NULL or a live handle; `workspace_name` is NULL or a NUL-terminated string;
/// `out` is NULL or points to a writable `airbyte_end_user_client *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_end_user_client(
    client: *const airbyte_operator_client,
    workspace_name: *const c_char,
    out: *mut *mut airbyte_end_user_client,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, name) = unsafe {
            (
                Out::new(out, "out")?,
                operator(client)?,
                str_arg(workspace_name, "workspace_name")?,
            )
        };
        out.boxed(airbyte_end_user_client {
            client: client.end_user_client(name)?,
        })
    })
}
