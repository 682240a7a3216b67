//! Shared set-up for the integration tests: a sandbox per test and clients pointed at it.
#![allow(dead_code)]

use std::time::Duration;

use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
pub use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, Fault, FaultAction, RecordedRequest, Sandbox, SandboxConfig,
};
use serde_json::{Map, Value};

/// A sandbox with default settings.
pub fn sandbox() -> Sandbox {
    sandbox_with(SandboxConfig::default())
}

/// A sandbox with `config`, checks finishing quickly.
pub fn sandbox_with(config: SandboxConfig) -> Sandbox {
    Sandbox::start(SandboxConfig {
        check_duration: Duration::from_millis(200),
        ..config
    })
    .expect("sandbox starts")
}

/// A client config pointed at `sandbox`.
pub fn config(sandbox: &Sandbox) -> ClientConfig {
    ClientConfig::builder()
        .base_url(sandbox.base_url())
        .build()
        .expect("config builds")
}

/// An operator client with the seeded credentials.
pub fn operator(sandbox: &Sandbox) -> OperatorClient {
    OperatorClient::new(config(sandbox), Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .expect("client")
}

/// `value` as a JSON object.
pub fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

/// A fault answering the next `count` requests under `path_prefix` with `status` and `body`.
pub fn respond(
    path_prefix: &str,
    count: u32,
    status: u16,
    content_type: &str,
    body: &str,
) -> Fault {
    Fault {
        method: None,
        path_prefix: Some(path_prefix.to_owned()),
        count,
        action: FaultAction::Respond {
            status,
            body: body.to_owned(),
            content_type: content_type.to_owned(),
            headers: Vec::new(),
        },
    }
}

/// The requests the sandbox saw whose path ends with `suffix`.
pub fn requests_to(sandbox: &Sandbox, suffix: &str) -> Vec<RecordedRequest> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(suffix))
        .collect()
}
