//! The sandbox over HTTP, one module per API area: tokens, workspaces (pagination), faults,
//! rate limits, error shapes, sources and checks, template selection, the admin routes.

mod support;

mod admin;
mod errors;
mod faults;
mod rate_limits;
mod sources;
mod templates;
mod tokens;
mod workspaces;
