//! The shared helpers: a tiny HTTP client for the sandbox, a sandbox with quick checks, and
//! JWT claims.

use std::time::Duration;

use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
use serde_json::{Value, json};

pub(crate) use crate::reply::Reply;

/// A tiny HTTP client for the sandbox.
pub(crate) struct Client {
    pub(crate) agent: ureq::Agent,
    pub(crate) base: String,
}

impl Client {
    pub(crate) fn new(sandbox: &Sandbox) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Client {
            agent,
            base: sandbox.base_url(),
        }
    }

    /// `method` on `url` (absolute, or relative to the base URL) with optional token, headers
    /// and raw body.
    pub(crate) fn raw(
        &self,
        method: &str,
        url: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<(&str, String)>,
    ) -> Reply {
        let url = if url.starts_with("http") {
            url.to_owned()
        } else {
            format!("{}{url}", self.base)
        };
        let mut builder = ureq::http::Request::builder().method(method).uri(url);
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let (content_type, body) = body.unwrap_or(("application/json", String::new()));
        if !body.is_empty() {
            builder = builder.header("content-type", content_type);
        }
        let response = self
            .agent
            .run(builder.body(body).unwrap())
            .expect("the sandbox answers");
        Reply::read(response)
    }

    pub(crate) fn call(
        &self,
        method: &str,
        url: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        self.raw(
            method,
            url,
            token,
            &[],
            body.map(|b| ("application/json", b.to_string())),
        )
    }

    pub(crate) fn token_for(&self, client_id: &str, secret: &str) -> String {
        let reply = self.call(
            "POST",
            "/account/applications/token",
            None,
            Some(json!({"client_id": client_id, "client_secret": secret})),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["access_token"].as_str().unwrap().to_owned()
    }

    pub(crate) fn operator_token(&self) -> String {
        self.token_for(CLIENT_ID, CLIENT_SECRET)
    }

    pub(crate) fn scoped_token(&self, operator: &str, workspace: &str) -> String {
        let reply = self.call(
            "POST",
            "/embedded/scoped-token",
            Some(operator),
            Some(json!({"workspace_name": workspace})),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["token"].as_str().unwrap().to_owned()
    }
}

pub(crate) fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig {
        check_duration: Duration::from_millis(100),
        ..Default::default()
    })
    .unwrap()
}

/// The claims of a JWT, read without verifying (as clients do).
pub(crate) fn claims(token: &str) -> Value {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap()
}
