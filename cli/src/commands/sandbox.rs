//! `sandbox`: the local sandbox server, run in this process until it is interrupted.

use std::io::Write;
use std::time::Duration;

use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, ORGANIZATION_ID, Sandbox, SandboxConfig};

use crate::args::SandboxArgs;
use crate::failure::{Failure, Outcome};
use crate::output::Output;

/// Starts the sandbox, prints its URL and seeded credentials as shell exports, and serves until
/// the process is interrupted (Ctrl-C or SIGTERM end it; its state lives in memory only).
pub fn run(args: &SandboxArgs, out: &Output) -> Outcome {
    let sandbox = Sandbox::start(SandboxConfig {
        port: args.port,
        operator_token_ttl: Duration::from_secs(args.token_ttl),
        scoped_token_ttl: Duration::from_secs(args.scoped_token_ttl),
        rate_limit_per_hour: args.rate_limit,
        rate_limit_window: Duration::from_secs(args.rate_limit_window_secs),
        check_duration: Duration::from_millis(args.check_duration_ms),
        max_request_body: args.max_body_bytes,
        error_style: args.error_style,
    })
    .map_err(|e| Failure::usage(format!("could not start the sandbox: {e}")))?;
    let url = sandbox.base_url();
    if out.json {
        out.print_json(&serde_json::json!({
            "api_url": url,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "organization_id": ORGANIZATION_ID,
        }))?;
    } else {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "# sandbox listening on {url} (Ctrl-C stops it)")?;
        writeln!(stdout, "export AIRBYTE_API_URL={url}")?;
        writeln!(stdout, "export AIRBYTE_CLIENT_ID={CLIENT_ID}")?;
        writeln!(stdout, "export AIRBYTE_CLIENT_SECRET={CLIENT_SECRET}")?;
        writeln!(stdout, "export AIRBYTE_ORGANIZATION_ID={ORGANIZATION_ID}")?;
    }
    std::io::stdout().flush()?;
    loop {
        std::thread::park();
    }
}
