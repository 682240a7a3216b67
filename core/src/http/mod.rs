//! The HTTP transport: the client's `ureq::Agent`s, request building, error mapping,
//! rate-limit bookkeeping, pacing and the retry loop (whose decisions come from
//! [`crate::retry::decide`]). Knows nothing about tokens beyond asking for one per attempt.
//!
//! - `call.rs`: what a request describes and the success response it gets (read whole, or its
//!   body left unread for the caller to stream);
//! - `transport.rs`: one attempt; `agents.rs`: the ureq agents it sends through (one per thread
//!   slot, so that threads sharing a client do not queue on one connection pool);
//! - `retry_loop.rs`: attempts until success or the retry policy says stop;
//! - `failure.rs`: what a failed attempt with no response means for retrying;
//! - `error_body.rs`: the error a non-success response gives;
//! - `resolver.rs`, `host_cache.rs`: name resolution, each host's addresses kept for the
//!   client's `dns_cache_ttl` and dropped when connecting fails;
//! - `rate_limit.rs`, `header.rs`, `url.rs`, `method.rs`: rate-limit headers, header values,
//!   base URLs and path segments, methods.

mod agents;
mod call;
pub(crate) mod error_body;
mod failure;
pub(crate) mod header;
mod host_cache;
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
