//! The uniffi facade of the `airbyte-embedded` SDK: the library that the Python, Kotlin and
//! Swift packages load (`libairbyte_embedded`).
//!
//! The records, enums and the error (`AirbyteError`) are the core crate's own models, which
//! derive uniffi under its `uniffi` feature; this crate shares the core's library name, so
//! uniffi generates one module per language for both. What is declared here are the objects
//! (clients, area handles, page walks, tokens) and one-line delegations to the core, plus the
//! few foreign-only pieces: `close()`, the log hook and the validation functions over JSON
//! text. Connector configs and specs travel as JSON text, open enums keep values they do not
//! know in an `Unknown` case, and the logic (validation, retries, token refresh, pagination)
//! lives in the `airbyte-embedded` crate and is tested there.
//!
//! One module per API area, as in the core:
//! [`config`], [`operator`], [`end_user`], [`source_templates`], [`connection_templates`], [`tags`],
//! [`definitions`], [`sources`], [`checks`], [`workspaces`], [`connectors`],
//! [`oauth_credentials`], [`tokens`], [`validation`], [`logging`], [`files`], [`proxy`],
//! [`search`].

uniffi::setup_scaffolding!();

mod lifecycle;
mod models;
mod walk;

pub mod catalogs;
pub mod checks;
pub mod config;
pub mod connection_templates;
pub mod connectors;
pub mod definitions;
pub mod destinations;
pub mod end_user;
pub mod files;
pub mod logging;
pub mod oauth_credentials;
pub mod operator;
pub mod proxy;
pub mod search;
pub mod source_templates;
pub mod sources;
pub mod tags;
pub mod testing;
pub mod tokens;
pub mod validation;
pub mod workspaces;

pub use end_user::EndUserClient;
pub use models::*;
pub use operator::OperatorClient;

/// The result type of every fallible facade call.
pub type Result<T, E = AirbyteError> = std::result::Result<T, E>;
