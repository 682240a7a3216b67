//! Rust SDK for the Airbyte Embedded API (`https://api.airbyte.ai/api/v1`).
//!
//! Two clients, so a token cannot be used where it does not belong:
//! - [`OperatorClient`] (client credentials → operator token): source and connection
//!   templates, tags, the connector catalogue, workspaces, every workspace's sources, and
//!   minting scoped and widget tokens.
//! - [`EndUserClient`] (a scoped token): the source templates offered to one end user, their
//!   sources and checks.
//!
//! Calls are synchronous and thread-safe. Connector configs and specs stay raw JSON
//! (`serde_json::Map` / `Value`) end to end; every other model is typed and tolerant: unknown
//! fields are ignored, nullable fields are `Option`, and every enum keeps values it does not
//! know in an `Unknown(String)` variant.
//!
//! ```no_run
//! use airbyte_embedded::{OperatorClient, TagFilter};
//!
//! let operator = OperatorClient::from_env()?;
//! for template in operator.source_templates().list(&TagFilter::default())? {
//!     println!("{} {:?}", template.id, template.name);
//! }
//! let end_user = operator.end_user_client("acme-corp")?;
//! println!("workspace {}", end_user.workspace_id()?);
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

#![forbid(unsafe_code)]

mod api;
pub mod auth;
mod client;
mod common;
pub mod config;
mod embedded;
pub mod error;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod http;
pub mod integrations;
pub mod logging;
mod open_enum;
pub mod redact;
pub mod retry;
pub mod sources;
pub mod tokens;
pub mod validation;
pub mod workspaces;

pub use auth::ScopedToken;
pub use auth::widget::{WidgetToken, validate_allowed_origin};
pub use client::{EndUserClient, OperatorClient};
pub use common::{Deleted, TagFilter, TagsMode};
pub use config::{
    ClientConfig, ClientConfigBuilder, Credentials, REGION_EU, REGION_US, TokenRoutes,
};
pub use embedded::EmbeddedSourceTemplates;
pub use error::{Error, FieldError, RateLimit, Result};
pub use retry::{Pacing, RetryPolicy};
pub use sources::{Sources, WaitOptions, WriteOptions};
pub use tokens::{ScopedTokenInfo, ScopedTokenRequest, WidgetTokenRequest};

/// The README's Rust examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
