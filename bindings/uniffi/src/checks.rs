//! Connection checks: asynchronous jobs started for a config or a source and polled until
//! they finish (`…/sources/check`, `…/sources/{id}/check`, `…/sources/check/{id}/status`).

use std::time::Duration;

use airbyte_embedded::sources as cs;

use crate::Result;
use crate::common::{conv, open_enum, value_text};
use crate::sources::{SourceCreate, SourceUpdate, Sources, WriteOptions, write_options};

/// A started check job: `{id}`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckJob {
    /// Check job id, for `Sources.check_status` and `Sources.wait_for_check`.
    pub id: String,
}

impl From<cs::CheckJob> for CheckJob {
    fn from(j: cs::CheckJob) -> Self {
        CheckJob { id: j.id }
    }
}

open_enum! {
    /// Where a check job stands. `Pending` and `Running` are the only unfinished states; an
    /// unknown value counts as finished.
    pub enum CheckState mirrors cs::CheckState {
        /// Queued (`pending`).
        Pending,
        /// Running (`running`).
        Running,
        /// Stopped before an answer (`cancelled`).
        Cancelled,
        /// Finished: the connector refused the config (`failed`: credentials rejected, host
        /// unreachable…).
        Failed,
        /// Finished: the config works (`succeeded`).
        Succeeded,
    }
}

/// Why a check failed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FailureReason {
    /// When it failed, as the service sent it: ISO-8601 text, or the JSON text of a number
    /// (milliseconds since the epoch).
    pub timestamp: Option<String>,
    /// Which side failed: `source`, `destination`, `replication`, `normalization`, `dbt`,
    /// `persistence`, `airbyte_platform`, `unknown`, or a newer value, as sent.
    pub failure_origin: Option<String>,
    /// The kind of failure: `config_error`, `transient_error`, `system_error`,
    /// `destination_timeout`, `heartbeat_timeout`, `manual_cancellation`, `refresh_schema`, or
    /// a newer value, as sent.
    pub failure_type: Option<String>,
    /// A message for the end user.
    pub external_message: Option<String>,
    /// A message for the operator.
    pub internal_message: Option<String>,
    /// Whether running the check again may help.
    pub retryable: Option<bool>,
    /// The connector's stack trace, for the operator (may be long).
    #[uniffi(default)]
    pub stacktrace: Option<String>,
    /// Whether the failure came from a trace message the connector emitted.
    #[uniffi(default)]
    pub from_trace_message: Option<bool>,
    /// The stream the failure concerns, when it concerns one.
    #[uniffi(default)]
    pub stream_descriptor: Option<StreamDescriptor>,
}

/// A stream named in a `FailureReason`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StreamDescriptor {
    /// Stream name.
    pub name: Option<String>,
    /// Stream namespace.
    #[uniffi(default)]
    pub namespace: Option<String>,
}

impl From<cs::StreamDescriptor> for StreamDescriptor {
    fn from(d: cs::StreamDescriptor) -> Self {
        StreamDescriptor {
            name: d.name,
            namespace: d.namespace,
        }
    }
}

impl From<cs::FailureReason> for FailureReason {
    fn from(f: cs::FailureReason) -> Self {
        FailureReason {
            timestamp: f.timestamp.map(|t| match t {
                serde_json::Value::String(s) => s,
                other => value_text(&other),
            }),
            failure_origin: f.failure_origin,
            failure_type: f.failure_type,
            external_message: f.external_message,
            internal_message: f.internal_message,
            retryable: f.retryable,
            stacktrace: f.stacktrace,
            from_trace_message: f.from_trace_message,
            stream_descriptor: f.stream_descriptor.map(Into::into),
        }
    }
}

/// A check job's status. `status: Failed` is a normal answer (the config does not work), not
/// an error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckStatus {
    /// Check job id.
    pub id: String,
    /// Where the job stands.
    pub status: CheckState,
    /// The failure message, when failed.
    pub error_message: Option<String>,
    /// Details of the failure, when failed.
    pub failure_reason: Option<FailureReason>,
    /// A friendlier explanation, when the service has one, as JSON text (a string or an
    /// object).
    pub enhanced_error_message: Option<String>,
}

impl From<cs::CheckStatus> for CheckStatus {
    fn from(s: cs::CheckStatus) -> Self {
        CheckStatus {
            id: s.id,
            status: s.status.into(),
            error_message: s.error_message,
            failure_reason: s.failure_reason.map(Into::into),
            enhanced_error_message: s.enhanced_error_message.as_ref().map(value_text),
        }
    }
}

/// How `Sources.wait_for_check` polls. Durations in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct WaitOptions {
    /// The most time spent waiting, all polls included. Defaults to 120 000 (2 minutes).
    #[uniffi(default = 120000)]
    pub timeout_ms: u64,
    /// The first pause between polls. Defaults to 250; each pause is 1.5 times the one
    /// before.
    #[uniffi(default = 250)]
    pub initial_interval_ms: u64,
    /// The longest pause between polls. Defaults to 5 000.
    #[uniffi(default = 5000)]
    pub max_interval_ms: u64,
}

/// The core's wait options: `o`, or the defaults.
fn wait_options(o: Option<WaitOptions>) -> cs::WaitOptions {
    {
        match o {
            None => cs::WaitOptions::default(),
            Some(o) => cs::WaitOptions {
                timeout: Duration::from_millis(o.timeout_ms),
                initial_interval: Duration::from_millis(o.initial_interval_ms),
                max_interval: Duration::from_millis(o.max_interval_ms),
            },
        }
    }
}

#[uniffi::export]
impl Sources {
    /// Starts a check of a config before any source exists (validated first, as
    /// `create`). `POST …/sources/check` → a `CheckJob`.
    ///
    /// # Errors
    /// As `create`.
    #[uniffi::method(default(options = None))]
    pub fn check_config(
        &self,
        source: SourceCreate,
        options: Option<WriteOptions>,
    ) -> Result<CheckJob> {
        let source = source.into_core()?;
        let options = write_options(options);
        self.with(|s| conv(s.check_config(&source, &options)))
    }

    /// Starts a check of an existing source, optionally with a changed config (validated
    /// first; an empty `SourceUpdate()` checks the stored config).
    /// `POST …/sources/{id}/check` → a `CheckJob`.
    ///
    /// # Errors
    /// As `update`.
    #[uniffi::method(default(update = None, options = None))]
    pub fn check(
        &self,
        id: String,
        update: Option<SourceUpdate>,
        options: Option<WriteOptions>,
    ) -> Result<CheckJob> {
        let update = update.unwrap_or_default().into_core()?;
        let options = write_options(options);
        self.with(|s| conv(s.check(&id, &update, &options)))
    }

    /// Reads a check job's status. `GET …/sources/check/{id}/status`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` for an unknown job.
    pub fn check_status(&self, check_id: String) -> Result<CheckStatus> {
        self.with(|s| conv(s.check_status(&check_id)))
    }

    /// Polls a check job until it finishes (blocking the calling thread), pausing
    /// `initial_interval_ms`, then 1.5 times longer each time up to `max_interval_ms`. A
    /// finished job is returned as is, `Failed` included.
    ///
    /// # Errors
    /// `AirbyteError.Timeout` when the job has not finished within `timeout_ms`; the errors
    /// of `check_status`.
    #[uniffi::method(default(options = None))]
    pub fn wait_for_check(
        &self,
        check_id: String,
        options: Option<WaitOptions>,
    ) -> Result<CheckStatus> {
        let options = wait_options(options);
        self.with(|s| conv(s.wait_for_check(&check_id, &options)))
    }
}
