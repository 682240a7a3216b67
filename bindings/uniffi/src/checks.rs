//! Connection checks: asynchronous jobs started for a config or a source and polled until
//! they finish (`…/sources/check`, `…/sources/{id}/check`, `…/sources/check/{id}/status`).

use crate::Result;
use crate::models::{CheckJob, CheckStatus, SourceCreate, SourceUpdate, WaitOptions, WriteOptions};
use crate::sources::{AsyncSources, Sources};
use crate::twin::twin;

twin! {
    impl Sources => AsyncSources {
        awaited {
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
                let source = source;
                let options = options.unwrap_or_default();
                self.with(|s| s.check_config(&source, &options))
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
                let update = update.unwrap_or_default();
                let options = options.unwrap_or_default();
                self.with(|s| s.check(&id, &update, &options))
            }

            /// Reads a check job's status. `GET …/sources/check/{id}/status`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` for an unknown job.
            pub fn check_status(&self, check_id: String) -> Result<CheckStatus> {
                self.with(|s| s.check_status(&check_id))
            }

            /// Polls a check job until it finishes (blocking the calling thread), pausing
            /// `initial_interval`, then 1.5 times longer each time up to `max_interval`. A
            /// finished job is returned as is, `Failed` included.
            ///
            /// # Errors
            /// `AirbyteError.Timeout` when the job has not finished within `timeout`; the errors
            /// of `check_status`.
            #[uniffi::method(default(options = None))]
            pub fn wait_for_check(
                &self,
                check_id: String,
                options: Option<WaitOptions>,
            ) -> Result<CheckStatus> {
                let options = options.unwrap_or_default();
                self.with(|s| s.wait_for_check(&check_id, &options))
            }
        }
    }
}
