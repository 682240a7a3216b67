//! The logger hook: the host registers a [`Logger`] and receives the SDK's log records
//! (the core never logs a secret or a token; only the SDK's own records are forwarded, not
//! those of the HTTP and TLS libraries underneath).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Once, RwLock};

/// How severe a log record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, uniffi::Enum)]
pub enum LogLevel {
    /// Something failed.
    Error,
    /// Something looks wrong.
    Warn,
    /// Progress worth knowing.
    Info,
    /// Each request and token mint (method, path, status, size, time).
    Debug,
    /// Finer detail.
    Trace,
}

impl From<log::Level> for LogLevel {
    fn from(l: log::Level) -> Self {
        match l {
            log::Level::Error => LogLevel::Error,
            log::Level::Warn => LogLevel::Warn,
            log::Level::Info => LogLevel::Info,
            log::Level::Debug => LogLevel::Debug,
            log::Level::Trace => LogLevel::Trace,
        }
    }
}

impl From<LogLevel> for log::LevelFilter {
    fn from(l: LogLevel) -> Self {
        match l {
            LogLevel::Error => log::LevelFilter::Error,
            LogLevel::Warn => log::LevelFilter::Warn,
            LogLevel::Info => log::LevelFilter::Info,
            LogLevel::Debug => log::LevelFilter::Debug,
            LogLevel::Trace => log::LevelFilter::Trace,
        }
    }
}

/// One log record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LogRecord {
    /// Severity.
    pub level: LogLevel,
    /// Where it comes from: a Rust module path such as `airbyte_embedded::http`.
    pub target: String,
    /// The formatted message (secrets already redacted).
    pub message: String,
}

/// Receives the SDK's log records; implemented by the host (Python, Kotlin, Swift) and
/// registered with `set_logger`. Called on whichever thread made the SDK call, so it must be
/// thread-safe; it should return quickly. Whatever it raises is ignored.
#[uniffi::export(with_foreign)]
pub trait Logger: Send + Sync {
    /// Handles one record.
    fn log(&self, record: LogRecord);
}

static LOGGER: RwLock<Option<Arc<dyn Logger>>> = RwLock::new(None);
static INSTALL: Once = Once::new();

/// The prefix of the targets forwarded: the core SDK's own modules.
const SDK_TARGET: &str = "airbyte_embedded";

struct Forwarder;

impl log::Log for Forwarder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level() && metadata.target().starts_with(SDK_TARGET)
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let logger = LOGGER.read().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some(logger) = logger {
            let record = LogRecord {
                level: record.level().into(),
                target: record.target().to_owned(),
                message: record.args().to_string(),
            };
            // A host logger that fails must not fail the SDK call that logged.
            let _ = catch_unwind(AssertUnwindSafe(|| logger.log(record)));
        }
    }

    fn flush(&self) {}
}

static FORWARDER: Forwarder = Forwarder;

/// Registers `logger` to receive the SDK's records up to `max_level` (replacing any logger
/// registered before). The first call installs the forwarding `log` logger for the process;
/// if the host process already installed another Rust logger, records go there instead.
#[uniffi::export]
pub fn set_logger(logger: Arc<dyn Logger>, max_level: LogLevel) {
    INSTALL.call_once(|| {
        let _ = log::set_logger(&FORWARDER);
    });
    *LOGGER.write().unwrap_or_else(|p| p.into_inner()) = Some(logger);
    log::set_max_level(max_level.into());
}

/// Stops forwarding log records (the registered logger is dropped).
#[uniffi::export]
pub fn clear_logger() {
    *LOGGER.write().unwrap_or_else(|p| p.into_inner()) = None;
    log::set_max_level(log::LevelFilter::Off);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Collect(Mutex<Vec<LogRecord>>);

    impl Logger for Collect {
        fn log(&self, record: LogRecord) {
            self.0.lock().unwrap().push(record);
        }
    }

    #[test]
    fn forwards_sdk_records_up_to_the_level() {
        let sink = Arc::new(Collect(Mutex::new(Vec::new())));
        set_logger(sink.clone(), LogLevel::Info);
        log::info!(target: "airbyte_embedded::http", "GET /workspaces -> 200");
        log::debug!(target: "airbyte_embedded::http", "too fine");
        log::info!(target: "ureq::unit", "not ours");
        clear_logger();
        log::error!(target: "airbyte_embedded", "after clearing");
        let got = sink.0.lock().unwrap().clone();
        assert_eq!(
            got,
            vec![LogRecord {
                level: LogLevel::Info,
                target: "airbyte_embedded::http".into(),
                message: "GET /workspaces -> 200".into(),
            }]
        );
    }
}
