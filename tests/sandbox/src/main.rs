//! `airbyte-embedded-sandbox`: serves the Airbyte Embedded API contract on 127.0.0.1 until
//! killed (SIGINT or SIGTERM stop it cleanly).
//!
//! On start it prints `listening on http://127.0.0.1:PORT/api/v1` and the seeded credentials to
//! stdout. Test hooks are served under `/_sandbox/` (see the library docs).

#![forbid(unsafe_code)]

use std::io::Write;
use std::time::Duration;

use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, ErrorStyle, MULTI_CLIENT_ID, MULTI_CLIENT_SECRET, ORGANIZATION_ID,
    OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_ORGANIZATION_ID, Sandbox, SandboxConfig,
};
use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Command-line flags; every default matches `SandboxConfig::default()` except the port.
#[derive(Debug, Parser)]
#[command(
    name = "airbyte-embedded-sandbox",
    version,
    about = "A local Airbyte Embedded API for tests"
)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8765)]
    port: u16,
    /// Operator token lifetime, in seconds.
    #[arg(long = "token-ttl", default_value_t = 900)]
    token_ttl: u64,
    /// Scoped (and widget) token lifetime, in seconds.
    #[arg(long = "scoped-token-ttl", default_value_t = 1200)]
    scoped_token_ttl: u64,
    /// Requests allowed per organisation per rate-limit window.
    #[arg(long = "rate-limit", default_value_t = 1000)]
    rate_limit: u32,
    /// Length of the rate-limit window, in seconds.
    #[arg(long = "rate-limit-window-secs", default_value_t = 3600)]
    rate_limit_window_secs: u64,
    /// How long a connection check takes, in milliseconds.
    #[arg(long = "check-duration-ms", default_value_t = 600)]
    check_duration_ms: u64,
    /// The largest request body accepted, in bytes; longer ones get 413.
    #[arg(long = "max-body-bytes", default_value_t = airbyte_embedded_sandbox::MAX_REQUEST_BODY)]
    max_body_bytes: usize,
    /// Error bodies where the docs and the OpenAPI document disagree (403, 422): `fastapi`
    /// (`{"detail": ...}`) or `api-error` (`{"message", "errors": [...]}`).
    #[arg(long = "error-style", default_value_t = ErrorStyle::FastApi)]
    error_style: ErrorStyle,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let sandbox = Sandbox::start(SandboxConfig {
        port: args.port,
        operator_token_ttl: Duration::from_secs(args.token_ttl),
        scoped_token_ttl: Duration::from_secs(args.scoped_token_ttl),
        rate_limit_per_hour: args.rate_limit,
        rate_limit_window: Duration::from_secs(args.rate_limit_window_secs),
        check_duration: Duration::from_millis(args.check_duration_ms),
        max_request_body: args.max_body_bytes,
        error_style: args.error_style,
    })?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on {}", sandbox.base_url())?;
    writeln!(out, "client_id: {CLIENT_ID}")?;
    writeln!(out, "client_secret: {CLIENT_SECRET}")?;
    writeln!(out, "organization_id: {ORGANIZATION_ID}")?;
    writeln!(out, "other_client_id: {OTHER_CLIENT_ID}")?;
    writeln!(out, "other_client_secret: {OTHER_CLIENT_SECRET}")?;
    writeln!(out, "other_organization_id: {OTHER_ORGANIZATION_ID}")?;
    writeln!(out, "multi_client_id: {MULTI_CLIENT_ID}")?;
    writeln!(out, "multi_client_secret: {MULTI_CLIENT_SECRET}")?;
    out.flush()?;
    drop(out);
    wait_for_signal()?;
    sandbox.stop();
    Ok(())
}

/// Blocks until SIGINT (Ctrl-C) or, on Unix, SIGTERM.
fn wait_for_signal() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                r = tokio::signal::ctrl_c() => r,
                _ = term.recv() => Ok(()),
            }
        }
        #[cfg(not(unix))]
        {
            tokio::signal::ctrl_c().await
        }
    })
}
