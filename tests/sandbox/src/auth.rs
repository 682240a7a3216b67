//! Tokens: minting and verifying HS256 JWTs, the `POST /account/applications/token` route, and
//! the extractors that admit operator or end-user (scoped) callers.

use std::collections::HashSet;

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::body::Body;
use crate::clock;
use crate::credentials::organizations_of;
use crate::errors::{ApiError, ApiResult, ErrorItem};
use crate::query::TagMode;
use crate::state::{AppState, Shared};

/// `typ` of operator (application) tokens.
pub(crate) const OPERATOR_TYP: &str = "io.airbyte.auth.application";
/// `typ` of scoped (embedded end-user) tokens.
pub(crate) const SCOPED_TYP: &str = "io.airbyte.auth.embedded_v1";
/// The path of the operator token route.
pub(crate) const TOKEN_PATH: &str = "/api/v1/account/applications/token";

/// The claims of both token kinds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Claims {
    pub sub: String,
    pub iat: u64,
    pub exp: u64,
    /// Unique per token, so two tokens minted in the same second differ.
    pub jti: String,
    pub organization_id: Uuid,
    pub typ: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    #[serde(
        rename = "io.airbyte.auth.workspace_scope",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workspace_scope: Option<WorkspaceScope>,
    /// A widget token's `selected_source_template_tags(_mode)`, carried by its scoped token so
    /// that the end user's template list applies it (absent when no tags were selected).
    #[serde(
        rename = "io.airbyte.sandbox.source_template_selection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_template_selection: Option<TemplateSelection>,
    /// A widget token's `allowed_origin`, carried by its scoped token so that the sandbox's
    /// widget page can tell a token minted for its embedding page from one minted for another
    /// (absent from plain scoped tokens).
    #[serde(
        rename = "io.airbyte.sandbox.allowed_origin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_origin: Option<String>,
}

/// A selection of templates by tag: `{"tags": [...], "mode": "any"|"all"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TemplateSelection {
    pub tags: Vec<String>,
    pub mode: TagMode,
}

/// `{"workspaceId": ...}` in a scoped token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct WorkspaceScope {
    #[serde(rename = "workspaceId")]
    pub workspace_id: Uuid,
}

/// The HS256 key, random per sandbox.
pub(crate) struct Jwt {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Jwt {
    /// A fresh random key.
    pub(crate) fn new() -> Jwt {
        let secret = [
            Uuid::new_v4().as_bytes().as_slice(),
            Uuid::new_v4().as_bytes(),
        ]
        .concat();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        Jwt {
            encoding: EncodingKey::from_secret(&secret),
            decoding: DecodingKey::from_secret(&secret),
            validation,
        }
    }

    /// Signs `claims`; a claim that does not serialise is a 500.
    pub(crate) fn sign(&self, claims: &Claims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|_| ApiError::internal("could not sign the token"))
    }

    /// The claims of a token with a valid signature (expiry is not checked here).
    pub(crate) fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

/// Operator tokens minted so far and those revoked.
#[derive(Debug, Default)]
pub(crate) struct OperatorTokens {
    live: Vec<String>,
    revoked: HashSet<String>,
}

impl OperatorTokens {
    /// Revokes every operator token minted so far.
    pub(crate) fn revoke_all(&mut self) {
        self.revoked.extend(self.live.drain(..));
    }
}

/// Who is calling: an operator (organisation-wide) or an end user (one workspace).
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub organization_id: Uuid,
    /// The workspace of a scoped token; `None` for an operator.
    pub workspace_scope: Option<Uuid>,
    /// The token's `sub`.
    pub subject: String,
    /// The source template selection of a scoped token that came from a widget token.
    pub source_template_selection: Option<TemplateSelection>,
}

/// Extractor admitting only operator tokens (403 for a scoped one).
pub(crate) struct Operator(pub Caller);

/// Extractor admitting only scoped end-user tokens (403 for an operator one).
pub(crate) struct EndUser(pub Caller);

/// The extractors of [`Operator`] and [`EndUser`], for handlers serving both audiences.
pub(crate) trait Audience:
    FromRequestParts<AppState, Rejection = ApiError> + Send + 'static
{
    /// The authenticated caller.
    fn caller(self) -> Caller;
}

impl Audience for Operator {
    fn caller(self) -> Caller {
        self.0
    }
}

impl Audience for EndUser {
    fn caller(self) -> Caller {
        self.0
    }
}

impl FromRequestParts<AppState> for Operator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let caller = authenticate(app, &parts.headers)?;
        if caller.workspace_scope.is_some() {
            return Err(ApiError::forbidden("Forbidden: operator token required"));
        }
        Ok(Operator(caller))
    }
}

impl FromRequestParts<AppState> for EndUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let caller = authenticate(app, &parts.headers)?;
        if caller.workspace_scope.is_none() {
            return Err(ApiError::forbidden("Forbidden: scoped token required"));
        }
        Ok(EndUser(caller))
    }
}

/// The bearer token of a request, if it has one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get("authorization")?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Verifies the bearer token (401s) and the `X-Organization-Id` header (400/403).
fn authenticate(app: &Shared, headers: &HeaderMap) -> Result<Caller, ApiError> {
    let token =
        bearer(headers).ok_or_else(|| ApiError::Unauthorized("Not authenticated".to_owned()))?;
    let claims = app
        .jwt
        .verify(token)
        .ok_or_else(|| ApiError::Unauthorized("Could not validate credentials".to_owned()))?;
    if clock::unix_secs() >= claims.exp {
        return Err(ApiError::Unauthorized("Token expired".to_owned()));
    }
    let workspace_scope = match claims.typ.as_str() {
        OPERATOR_TYP => {
            if app.lock().tokens.revoked.contains(&claims.jti) {
                return Err(ApiError::Unauthorized("Token has been revoked".to_owned()));
            }
            None
        }
        SCOPED_TYP => Some(
            claims
                .workspace_scope
                .as_ref()
                .ok_or_else(|| ApiError::Unauthorized("Could not validate credentials".to_owned()))?
                .workspace_id,
        ),
        _ => {
            return Err(ApiError::Unauthorized(
                "Could not validate credentials".to_owned(),
            ));
        }
    };
    organization_header(headers, &[claims.organization_id])?;
    Ok(Caller {
        organization_id: claims.organization_id,
        workspace_scope,
        subject: claims.sub,
        source_template_selection: claims.source_template_selection,
    })
}

/// Reads `X-Organization-Id`: `None` when absent; 400 when not a UUID; 403 when not one of
/// `allowed`.
fn organization_header(headers: &HeaderMap, allowed: &[Uuid]) -> Result<Option<Uuid>, ApiError> {
    let Some(raw) = headers.get("x-organization-id") else {
        return Ok(None);
    };
    let org = raw
        .to_str()
        .ok()
        .and_then(|s| Uuid::parse_str(s.trim()).ok())
        .ok_or_else(|| {
            ApiError::bad_request(
                "Invalid X-Organization-Id header",
                ErrorItem::new("X-Organization-Id", "must be a UUID", "invalid_uuid"),
            )
        })?;
    if !allowed.contains(&org) {
        return Err(ApiError::Forbidden {
            message: "Access denied to organization".to_owned(),
            errors: vec![ErrorItem::new(
                "X-Organization-Id",
                format!("no access to organization {org}"),
                "access_denied",
            )],
        });
    }
    Ok(Some(org))
}

/// Body of `POST /account/applications/token`.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenRequest {
    client_id: String,
    client_secret: String,
}

/// `POST /account/applications/token`: client credentials → an operator token.
pub(crate) async fn mint_operator_token(
    State(app): State<AppState>,
    headers: HeaderMap,
    Body(req): Body<TokenRequest>,
) -> ApiResult {
    let orgs = organizations_of(&req.client_id, &req.client_secret)
        .ok_or_else(|| ApiError::Unauthorized("Invalid client credentials".to_owned()))?;
    let org = match organization_header(&headers, &orgs)? {
        Some(org) => org,
        None if orgs.len() == 1 => orgs[0],
        None => {
            return Err(ApiError::bad_request(
                "These credentials belong to several organizations: choose one organization with the X-Organization-Id header",
                ErrorItem::new(
                    "X-Organization-Id",
                    "required when the client belongs to several organizations",
                    "organization_required",
                ),
            ));
        }
    };
    let ttl = app.config.operator_token_ttl.as_secs();
    let claims = new_claims(&req.client_id, org, OPERATOR_TYP, ttl);
    app.lock().tokens.live.push(claims.jti.clone());
    Ok(Json(json!({
        "access_token": app.jwt.sign(&claims)?,
        "token_type": "bearer",
        "expires_in": ttl,
        "organization_id": org,
    })))
}

/// A scoped token for `workspace_id`, minted on behalf of `caller`.
/// A widget token's scoped token also carries its source template `selection` and its
/// `allowed_origin`.
pub(crate) fn mint_scoped_token(
    app: &Shared,
    caller: &Caller,
    workspace_id: Uuid,
    selection: Option<TemplateSelection>,
    allowed_origin: Option<&str>,
) -> Result<String, ApiError> {
    let ttl = app.config.scoped_token_ttl.as_secs();
    let mut claims = new_claims(&caller.subject, caller.organization_id, SCOPED_TYP, ttl);
    claims.roles = Some(vec!["EMBEDDED_END_USER".to_owned()]);
    claims.workspace_scope = Some(WorkspaceScope { workspace_id });
    claims.source_template_selection = selection.filter(|s| !s.tags.is_empty());
    claims.allowed_origin = allowed_origin.map(str::to_owned);
    app.jwt.sign(&claims)
}

fn new_claims(sub: &str, org: Uuid, typ: &str, ttl_secs: u64) -> Claims {
    let now = clock::unix_secs();
    Claims {
        sub: sub.to_owned(),
        iat: now,
        exp: now + ttl_secs,
        jti: Uuid::new_v4().to_string(),
        organization_id: org,
        typ: typ.to_owned(),
        roles: None,
        workspace_scope: None,
        source_template_selection: None,
        allowed_origin: None,
    }
}

/// The organisation a request counts against for rate limiting: the organisation of its token
/// (signature valid, expiry ignored), or for token minting the organisation of its credentials.
pub(crate) fn organization_hint(
    app: &Shared,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<Uuid> {
    if let Some(claims) = bearer(headers).and_then(|t| app.jwt.verify(t)) {
        return Some(claims.organization_id);
    }
    if path != TOKEN_PATH {
        return None;
    }
    let creds: Value = serde_json::from_slice(body).ok()?;
    let orgs = organizations_of(
        creds["client_id"].as_str()?,
        creds["client_secret"].as_str()?,
    )?;
    match organization_header(headers, &orgs) {
        Ok(Some(org)) => Some(org),
        Ok(None) if orgs.len() == 1 => Some(orgs[0]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_differ() {
        let jwt = Jwt::new();
        let a = new_claims("me", Uuid::nil(), OPERATOR_TYP, 900);
        let b = new_claims("me", Uuid::nil(), OPERATOR_TYP, 900);
        let (ta, tb) = (jwt.sign(&a).unwrap(), jwt.sign(&b).unwrap());
        assert_ne!(ta, tb);
        let back = jwt.verify(&ta).unwrap();
        assert_eq!(back.exp, back.iat + 900);
        assert!(
            Jwt::new().verify(&ta).is_none(),
            "another key does not verify"
        );
        assert!(jwt.verify("garbage").is_none());
    }

    #[test]
    fn organization_header_rules() {
        let org = Uuid::new_v4();
        let mut headers = HeaderMap::new();
        assert_eq!(organization_header(&headers, &[org]).unwrap(), None);
        headers.insert("x-organization-id", "nope".parse().unwrap());
        assert!(matches!(
            organization_header(&headers, &[org]),
            Err(ApiError::BadRequest { .. })
        ));
        headers.insert(
            "x-organization-id",
            Uuid::new_v4().to_string().parse().unwrap(),
        );
        assert!(matches!(
            organization_header(&headers, &[org]),
            Err(ApiError::Forbidden { .. })
        ));
        headers.insert("x-organization-id", org.to_string().parse().unwrap());
        assert_eq!(organization_header(&headers, &[org]).unwrap(), Some(org));
    }
}
