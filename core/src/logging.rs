//! Keeping the wire out of a Rust program's log.
//!
//! The SDK logs through the `log` crate (targets `airbyte_embedded::…`). Every retry is
//! logged at `DEBUG` with the method, path, retry number, wait and failure kind (`retrying GET
//! /workspaces (retry 1 of 3) in 412 ms after HTTP 503`), as is every pacing pause and every
//! create not retried. These records never hold headers, bodies, a token, a client secret or
//! an `airbyte_secret` value.
//!
//! The HTTP library underneath is another matter: at `TRACE`, `ureq_proto` logs a hex dump of
//! every byte sent and received, 16 bytes a record, which together hold every
//! `Authorization: Bearer …` header and every token response. A program whose logger passes
//! `TRACE` records of every target therefore receives the tokens in pieces.
//!
//! [`WireFilter`] wraps any [`log::Log`] and drops those records (every `TRACE` record of
//! the `ureq_proto` crate) before the wrapped logger sees them; everything else passes
//! through unchanged. Install it in place of the program's logger (it needs the `log` crate
//! in your `Cargo.toml`, `log = "0.4"`, as any logger does):
//!
//! ```
//! use airbyte_embedded::logging::WireFilter;
//!
//! struct Stderr;
//! impl log::Log for Stderr {
//!     fn enabled(&self, _: &log::Metadata<'_>) -> bool { true }
//!     fn log(&self, r: &log::Record<'_>) { eprintln!("{} {} {}", r.level(), r.target(), r.args()) }
//!     fn flush(&self) {}
//! }
//!
//! // With env_logger: `WireFilter::install(env_logger::Builder::from_default_env().build(), level)`.
//! WireFilter::install(Stderr, log::LevelFilter::Trace).expect("no logger installed yet");
//! ```
//!
//! The C library and the Python, Kotlin and Swift packages need none of this: their log
//! hooks forward only the SDK's own records. `core/tests/redaction.rs` (and the C and Python
//! suites) check that no error, `Debug` output or SDK log record holds a token or a secret;
//! [`crate::redact`] is the redactor they rely on.

use log::{LevelFilter, Log, Metadata, Record, SetLoggerError};

/// The crate whose `TRACE` records are wire dumps.
const WIRE_DUMP_CRATE: &str = "ureq_proto";

/// A logger that passes every record to `L` except the HTTP library's wire dumps (every
/// `TRACE` record whose target is in the `ureq_proto` crate).
#[derive(Debug, Default, Clone, Copy)]
pub struct WireFilter<L>(L);

impl<L: Log> WireFilter<L> {
    /// Wraps `logger`.
    pub fn new(logger: L) -> Self {
        WireFilter(logger)
    }

    /// The wrapped logger.
    pub fn inner(&self) -> &L {
        &self.0
    }
}

/// Whether a record with `metadata` is a wire dump, which [`WireFilter`] drops.
pub fn is_wire_dump(metadata: &Metadata<'_>) -> bool {
    metadata.level() == log::Level::Trace
        && (metadata.target() == WIRE_DUMP_CRATE
            || metadata
                .target()
                .strip_prefix(WIRE_DUMP_CRATE)
                .is_some_and(|rest| rest.starts_with("::")))
}

impl<L: Log + 'static> WireFilter<L> {
    /// Installs `WireFilter::new(logger)` as the program's logger and sets the most verbose
    /// level passed on to `max_level`.
    ///
    /// # Errors
    /// [`SetLoggerError`] when a logger is installed already.
    pub fn install(logger: L, max_level: LevelFilter) -> Result<(), SetLoggerError> {
        log::set_boxed_logger(Box::new(WireFilter::new(logger)))?;
        log::set_max_level(max_level);
        Ok(())
    }
}

impl<L: Log> Log for WireFilter<L> {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        !is_wire_dump(metadata) && self.0.enabled(metadata)
    }

    fn log(&self, record: &Record<'_>) {
        if !is_wire_dump(record.metadata()) {
            self.0.log(record);
        }
    }

    fn flush(&self) {
        self.0.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(level: log::Level, target: &str) -> bool {
        is_wire_dump(&Metadata::builder().level(level).target(target).build())
    }

    #[test]
    fn only_the_wire_dumps_are_dropped() {
        assert!(meta(log::Level::Trace, "ureq_proto::util"));
        assert!(meta(log::Level::Trace, "ureq_proto"));
        assert!(!meta(log::Level::Debug, "ureq_proto::client"));
        assert!(!meta(log::Level::Trace, "ureq::run"));
        assert!(!meta(log::Level::Trace, "ureq_protocol"));
        assert!(!meta(log::Level::Trace, "airbyte_embedded::http"));
    }
}
