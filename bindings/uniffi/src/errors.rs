//! The text and the HTTP status of an `AirbyteError`, for the packages, whose generated
//! exceptions print their fields instead: Kotlin's `message` (scripts/kotlin-error-messages)
//! and Swift's `localizedDescription` (bindings/swift/Sources/AirbyteEmbedded/AirbyteError.swift)
//! are the text; Kotlin's `httpStatus` (Errors.kt) is the status.

use crate::AirbyteError;

/// The error's text as the Rust `Display` writes it: what went wrong, the HTTP status, the
/// service's message with its field errors, and the rate-limit numbers
/// (`rate limited (HTTP 429): Too many requests; retry after 7 s; 0 of 1000 requests left`).
/// Never holds a token or an `airbyte_secret` value. Python's `str(e)` is this. No network
/// call; never fails.
#[uniffi::export]
pub fn error_text(error: AirbyteError) -> String {
    error.to_string()
}

/// The HTTP status of the response the error came from (`404`), or `None` when it came from
/// none (a transport error, a timeout, a refused argument, an `OutcomeUnknown` after a broken
/// connection): the core's `Error::status()`, whichever the kind. No network call; never
/// fails.
#[uniffi::export]
pub fn error_status(error: AirbyteError) -> Option<i32> {
    error.status()
}
