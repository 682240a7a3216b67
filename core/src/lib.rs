//! Rust SDK for the Airbyte Embedded API.

pub mod error;
pub mod validation;

pub use error::{Error, FieldError, RateLimit, Result};
