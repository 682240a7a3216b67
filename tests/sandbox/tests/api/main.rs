//! The sandbox over HTTP, one module per API area: tokens, workspaces (pagination), faults,
//! rate limits, error shapes, sources and checks, template selection, the 2026 connectors and
//! OAuth apps, the admin routes, the widget page and CORS.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/reply.rs"]
mod reply;
mod support;

mod admin;
mod connectors;
mod errors;
mod faults;
mod files;
mod rate_limits;
mod sources;
mod templates;
mod tokens;
mod widget;
mod workspaces;
