//! The uniffi facade of the `airbyte-embedded` SDK: the library that the Python, Kotlin and
//! Swift packages load (`libairbyte_embedded`).
//!
//! Everything here only converts: records mirror the core's models, connector configs and
//! specs travel as JSON text, open enums keep values they do not know in an `Unknown { raw }`
//! case, and every error becomes one [`AirbyteError`]. The logic (validation, retries, token
//! refresh, pagination) lives in the `airbyte-embedded` crate and is tested there.
//!
//! One module per API area, as in the core:
//! [`config`], [`errors`], [`operator`], [`end_user`], [`templates`], [`connections`],
//! [`tags`], [`definitions`], [`sources`], [`checks`], [`workspaces`], [`tokens`],
//! [`validation`], [`logging`].

uniffi::setup_scaffolding!();

mod common;
mod lifecycle;
mod redact;

pub mod checks;
pub mod config;
pub mod connections;
pub mod definitions;
pub mod end_user;
pub mod errors;
pub mod logging;
pub mod operator;
pub mod sources;
pub mod tags;
pub mod templates;
pub mod testing;
pub mod tokens;
pub mod validation;
pub mod workspaces;

pub use common::{Deleted, TagFilter, TagsMode};
pub use config::{ClientConfig, Pacing, RetryPolicy, TokenRoutes};
pub use end_user::EndUserClient;
pub use errors::{AirbyteError, ConfigError, FieldError, RateLimit};
pub use operator::OperatorClient;

/// The result type of every fallible facade call.
pub type Result<T, E = AirbyteError> = std::result::Result<T, E>;
