//! The token endpoints: minting the operator token from client credentials, minting scoped
//! and widget tokens, and reading what a scoped token reaches. Every mint is replay-safe: it
//! creates nothing a second call could duplicate (a workspace is created once, by name).
//! Caching and refreshing the tokens is the business of [`crate::auth`].

use serde::Serialize;

use super::{ScopedTokenInfo, ScopedTokenRequest, TokenBody, TokenResponse, WidgetTokenRequest};
use crate::api::Api;
use crate::auth::ScopedToken;
use crate::auth::widget::{WidgetToken, validate_allowed_origin};
use crate::config::{ClientConfig, Credentials, check_uuid};
use crate::http::header::{self, Allowed};
use crate::http::{Call, Http, Method};
use crate::retry::Replay;
use crate::{Error, Result};

#[derive(Serialize)]
struct TokenRequest<'a> {
    client_id: &'a str,
    client_secret: &'a str,
}

/// Mints an operator token: `POST /account/applications/token` with the client credentials,
/// sent without a bearer token under the client's retry policy.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `credentials` when they cannot be serialised; the
/// transport's errors; [`Error::Decode`] as [`decode_token_response`].
pub(crate) fn mint_operator_token(http: &Http, credentials: &Credentials) -> Result<TokenResponse> {
    let body = serde_json::to_vec(&TokenRequest {
        client_id: &credentials.client_id,
        client_secret: credentials.secret(),
    })
    .map_err(|e| Error::invalid_argument("credentials", e.to_string()))?;
    let mut call = Call::new(
        Method::Post,
        http.url("account/applications/token"),
        &[],
        Some(&body),
        // Minting creates nothing: a replay returns another token.
        Replay::Safe,
    );
    call.returns_tokens = true;
    let reply = http.send(&call, None)?;
    decode_token_response(&reply.body, reply.status)
}

/// The operator token response `{"access_token": str, "expires_in": int?}` from a 2xx `body`.
///
/// # Errors
/// [`Error::Decode`] as [`crate::http::decode_token_body`], or naming `access_token` as
/// [`check_received_token`] does; neither quotes the body.
pub(crate) fn decode_token_response(body: &[u8], status: i32) -> Result<TokenResponse> {
    let minted: TokenResponse = crate::http::decode_token_body(body, status)?;
    check_received_token(
        "the token response's `access_token`",
        minted.expose_access_token(),
        status,
    )?;
    Ok(minted)
}

/// Checks a token the service sent before it is kept: non-empty, and only bytes a header
/// value can carry (it is sent back as `Authorization: Bearer …`).
///
/// # Errors
/// [`Error::Decode`] naming `what` (`` the token response's `access_token` ``) and the
/// offending byte (never the token).
pub(crate) fn check_received_token(what: &str, token: &str, status: i32) -> Result<()> {
    let problem = if token.is_empty() {
        Some(String::from("is empty"))
    } else {
        header::first_invalid(token, Allowed::Word)
            .map(|(at, byte)| header::describe(at, byte, Allowed::Word))
    };
    match problem {
        None => Ok(()),
        Some(why) => Err(Error::Decode {
            status,
            detail: format!("{what} {why}"),
        }),
    }
}

/// `{prefix}/{route}` under the configured [`crate::TokenRoutes`].
fn token_path(config: &ClientConfig, route: &str) -> String {
    format!("{}/{route}", config.token_routes.prefix())
}

/// The request's region, else the client config's, checked to be a UUID.
fn with_region(config: &ClientConfig, region_id: &Option<String>) -> Result<Option<String>> {
    match region_id.as_ref().or(config.region_id.as_ref()) {
        Some(r) => check_uuid("region_id", r).map(|()| Some(r.clone())),
        None => Ok(None),
    }
}

/// Mints a scoped token: `POST /embedded/scoped-token` (or
/// `/account/applications/scoped-token`). See [`crate::OperatorClient::mint_scoped_token`].
///
/// # Errors
/// As [`crate::OperatorClient::mint_scoped_token`].
pub(crate) fn mint_scoped(api: &Api, request: &ScopedTokenRequest) -> Result<ScopedToken> {
    if request.workspace_name.trim().is_empty() {
        return Err(Error::invalid_argument(
            "workspace_name",
            "must not be empty",
        ));
    }
    let config = api.http.config();
    let body = ScopedTokenRequest {
        region_id: with_region(config, &request.region_id)?,
        ..request.clone()
    };
    let (minted, status): (TokenBody, i32) = api.post_for_token(
        &token_path(config, "scoped-token"),
        &body,
        // The workspace is created once, by name: a replay returns another token for it.
        Replay::Safe,
    )?;
    check_received_token("the token response's `token`", &minted.token, status)?;
    Ok(ScopedToken::new(minted.token))
}

/// Mints a widget token and decodes it: `POST /embedded/widget-token` (or
/// `/account/applications/widget-token`). See [`crate::OperatorClient::mint_widget_token`].
///
/// # Errors
/// As [`crate::OperatorClient::mint_widget_token`].
pub(crate) fn mint_widget(api: &Api, request: &WidgetTokenRequest) -> Result<WidgetToken> {
    if request.workspace_name.trim().is_empty() {
        return Err(Error::invalid_argument(
            "workspace_name",
            "must not be empty",
        ));
    }
    validate_allowed_origin(&request.allowed_origin)?;
    let config = api.http.config();
    let body = WidgetTokenRequest {
        region_id: with_region(config, &request.region_id)?,
        ..request.clone()
    };
    let (minted, status): (TokenBody, i32) = api.post_for_token(
        &token_path(config, "widget-token"),
        &body,
        // The workspace is created once, by name: a replay returns another token for it.
        Replay::Safe,
    )?;
    check_received_token("the token response's `token`", &minted.token, status)?;
    let widget = WidgetToken::decode(&minted.token)?;
    check_received_token(
        "the scoped token inside the widget token",
        widget.expose_scoped_token(),
        status,
    )?;
    Ok(widget)
}

/// What the token of `api` reaches: `GET /embedded/scoped-token/info` (or
/// `/account/applications/scoped-token/info`).
///
/// # Errors
/// As [`crate::EndUserClient::token_info`].
pub(crate) fn token_info(api: &Api) -> Result<ScopedTokenInfo> {
    api.get(&token_path(api.http.config(), "scoped-token/info"), &[])
}
