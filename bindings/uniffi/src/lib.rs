//! The uniffi facade of the `airbyte-embedded` SDK: the library that the Python, Kotlin and
//! Swift packages load (`libairbyte_embedded`).
//!
//! The records, enums and the error (`AirbyteError`) are the core crate's own models, which
//! derive uniffi under its `uniffi` feature; this crate shares the core's library name, so
//! uniffi generates one module per language for both. What is declared here are the objects
//! (clients, area handles, page walks, tokens) and one-line delegations to the core, plus the
//! few foreign-only pieces: `close()`, the log hook and the validation functions. Connector
//! configs, specs and form models are each language's own JSON values (the custom types
//! `JsonObject` and `JsonValue`, JSON text on the wire), open enums keep values they do not
//! know in an `Unknown` case, and the logic (validation, retries, token refresh, pagination)
//! lives in the `airbyte-embedded` crate and is tested there.
//!
//! Every object that makes network calls has an async twin (`AsyncOperatorClient`,
//! `AsyncEndUserClient`, `AsyncWorkspaces`, `AsyncWorkspacePages`, …): the same methods, each
//! network call a Python coroutine, a Kotlin `suspend` function or a Swift `async throws`
//! function, run on a bounded thread pool. Each method is declared once, with its twin, by
//! `twin!` (in [`twin`], which says why twins, and how cancellation works).
//!
//! One module per API area, as in the core:
//! [`config`], [`operator`], [`end_user`], [`source_templates`], [`connection_templates`], [`tags`],
//! [`definitions`], [`sources`], [`checks`], [`workspaces`], [`connectors`],
//! [`oauth_credentials`], [`tokens`], [`token_store`], [`bulk`], [`validation`], [`logging`],
//! [`files`], [`proxy`], [`search`]; the error's text in [`errors`]; the async twins' machinery
//! in [`twin`].

uniffi::setup_scaffolding!();

mod direct;
mod lifecycle;
mod models;
pub mod twin;
mod walk;

pub mod bulk;
pub mod catalogs;
pub mod checks;
pub mod config;
pub mod connection_templates;
pub mod connectors;
pub mod definitions;
pub mod destinations;
pub mod end_user;
pub mod errors;
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
pub mod token_provider;
pub mod token_store;
pub mod tokens;
pub mod validation;
pub mod workspaces;

pub use end_user::{AsyncEndUserClient, EndUserClient};
pub use models::*;
pub use operator::{AsyncOperatorClient, OperatorClient};

/// The result type of every fallible facade call.
pub type Result<T, E = AirbyteError> = std::result::Result<T, E>;

/// A core `u64` (a byte count, a Unix time) as the foreign languages' signed 64-bit integer,
/// `i64::MAX` past it (no file or date here reaches it).
pub(crate) fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
