//! The HTTP transport: one `ureq::Agent` per client, request building, error mapping,
//! rate-limit bookkeeping, pacing and the retry loop (whose decisions come from
//! [`crate::retry::decide`]). Knows nothing about tokens beyond asking for one per attempt.
//!
//! - `call.rs`: what a request describes and the success response it gets (read whole, or its
//!   body left unread for the caller to stream);
//! - `transport.rs`: the agent and one attempt;
//! - `retry_loop.rs`: attempts until success or the retry policy says stop;
//! - `failure.rs`: what a failed attempt with no response means for retrying;
//! - `error_body.rs`: the error a non-success response gives;
//! - `rate_limit.rs`, `header.rs`, `url.rs`, `method.rs`, `resolver.rs`: rate-limit headers,
//!   header values, base URLs and path segments, methods, name resolution.

mod call;
pub(crate) mod error_body;
mod failure;
pub(crate) mod header;
mod method;
pub(crate) mod rate_limit;
mod resolver;
mod retry_loop;
mod transport;
pub(crate) mod url;

pub(crate) use call::{Call, Reply, Streamed, decode_token_body};
pub(crate) use failure::read_failure;
pub(crate) use method::Method;
pub(crate) use transport::Http;
