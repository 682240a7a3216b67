//! Client configuration: the same settings, defaults and environment variables as the Rust
//! `ClientConfig` builder.

use crate::models::{
    BulkOptions, ClientConfig, Pacing, RetryPolicy, TagFilter, ValidationOptions, WaitOptions,
    WorkspaceFilter, WriteOptions,
};
use airbyte_embedded as core;

use crate::Result;

/// The default configuration with `base_url` and `organization_id` read from
/// `AIRBYTE_API_URL` and `AIRBYTE_ORGANIZATION_ID` where those are set and not empty (the
/// Rust `ClientConfig::builder().env()`). Adjust the result and pass it to a client.
///
/// # Errors
/// `AirbyteError.InvalidArgument` when either variable holds an invalid value.
#[uniffi::export]
pub fn client_config_from_env() -> Result<ClientConfig> {
    let built = ClientConfig::default().build_with_env()?;
    Ok(ClientConfig {
        base_url: Some(built.base_url().to_owned()),
        organization_id: built.organization_id().map(str::to_owned),
        ..ClientConfig::default()
    })
}

/// The core's `Default` of every record that has one. Records whose fields are all
/// defaulted in the foreign languages (`ValidationOptions()`, `WriteOptions()`, …) build the
/// same values; records with durations (`RetryPolicy`, `Pacing`, `WaitOptions`) have no
/// foreign field defaults, so start from these and change what differs (Python
/// `retry = defaults().retry_policy; retry.max_retries = 5`, Kotlin
/// `defaults().retryPolicy.copy(maxRetries = 5)`, Swift `var p = defaults().retryPolicy`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Defaults {
    /// `ClientConfig()`: every setting at the SDK default.
    pub client_config: ClientConfig,
    /// Up to 3 retries from 500 ms, each wait at most 10 s, all within 120 s, with jitter.
    pub retry_policy: RetryPolicy,
    /// Pacing from 50 requests left, pauses of at most 5 s (used when pacing is turned on).
    pub pacing: Pacing,
    /// Check polling: 120 s in all, from 250 ms up to 5 s between polls.
    pub wait_options: WaitOptions,
    /// Validate before writing, strictly.
    pub write_options: WriteOptions,
    /// Strict validation: dates asserted, no coercion, masked secrets refused, required
    /// defaults injected.
    pub validation_options: ValidationOptions,
    /// No tag filtering.
    pub tag_filter: TagFilter,
    /// Every workspace, the service's page size.
    pub workspace_filter: WorkspaceFilter,
    /// Bulk calls: 4 items in flight, 5 attempts per item refused with 429, pauses of at
    /// most 60 s.
    pub bulk_options: BulkOptions,
}

/// The core's defaults (see [`Defaults`]).
#[uniffi::export]
pub fn defaults() -> Defaults {
    Defaults {
        client_config: ClientConfig::default(),
        retry_policy: RetryPolicy::default(),
        pacing: Pacing::default(),
        wait_options: WaitOptions::default(),
        write_options: WriteOptions::default(),
        validation_options: ValidationOptions::default(),
        tag_filter: TagFilter::default(),
        workspace_filter: WorkspaceFilter::default(),
        bulk_options: BulkOptions::default(),
    }
}

/// The production base URL, `https://api.airbyte.ai/api/v1`.
#[uniffi::export]
pub fn default_base_url() -> String {
    core::config::DEFAULT_BASE_URL.to_owned()
}

/// The US region id (the service's default region).
#[uniffi::export]
pub fn region_us() -> String {
    core::REGION_US.to_owned()
}

/// The EU region id.
#[uniffi::export]
pub fn region_eu() -> String {
    core::REGION_EU.to_owned()
}
