//! Rust benchmarks, against the sandbox binary running as a separate process on loopback:
//!
//! - **overhead**: the SDK against hand-written `ureq` + `serde_json::Value` calls to the same
//!   endpoints (the loopback floor, a 1 KB and a 50 KB template list, a 1 KB and a 50 KB
//!   source), interleaved, per-call p50/p99 and the client thread's CPU time per call;
//! - **concurrency**: one client shared by 1, 2, 4 and 8 threads against two independent
//!   clients, with the token requests each run caused, and a run across several token
//!   expiries;
//! - **fleet**: 20 workers serving page views alone and sharing one token store with the
//!   template cache, with the token and template-list requests each way caused;
//! - **memory**: the RSS of a process holding only a client, over 10,000 calls;
//! - **validation**: warm and first (compiling) validation per fixture spec.
//!
//! Writes the results as JSON (`--json PATH`, else stdout); `bench/report.py` turns them into
//! `bench/RESULTS.md`. Progress goes to stderr.
//!
//! `cargo run --release -p airbyte-embedded-bench --bin rust-bench -- [--reps N] [--calls N]
//! [--memory-calls N] [--expiry-secs S] [--validation-ms MS] [--sandbox PATH] [--json PATH]
//! [--only PART]` (`--only` runs one part: `overhead`, `concurrency`, `fleet`, `memory` or
//! `validation`; `--expiry-secs` is also the length of each fleet run).

#![forbid(unsafe_code)]

mod concurrency;
mod cpu;
mod error;
mod fleet;
mod memory;
mod overhead;
mod sandbox;
mod seed;
mod stats;
mod validation;

use std::path::PathBuf;
use std::process::ExitCode;

use airbyte_embedded::{ClientConfig, Credentials, OperatorClient};
use error::{BenchResult, Context};
use sandbox::SandboxProcess;
use serde_json::json;

struct Args {
    reps: usize,
    calls: usize,
    memory_calls: usize,
    expiry_secs: f64,
    validation_ms: u64,
    sandbox: PathBuf,
    json: Option<PathBuf>,
    /// Runs only this part (`overhead`, `concurrency`, `fleet`, `memory`, `validation`).
    only: Option<String>,
}

/// One part of the bench: its results as JSON.
type Part = fn(&Args) -> BenchResult<serde_json::Value>;

/// The parts of the bench, in the order they run.
const PARTS: [&str; 5] = ["overhead", "concurrency", "fleet", "memory", "validation"];

fn usage() -> ! {
    eprintln!(
        "usage: rust-bench [--reps N] [--calls N] [--memory-calls N] [--expiry-secs S] \
         [--validation-ms MS] [--sandbox PATH] [--json PATH] \
         [--only overhead|concurrency|fleet|memory|validation]"
    );
    std::process::exit(2);
}

fn args(raw: &[String]) -> Args {
    let mut a = Args {
        reps: 5,
        calls: 1000,
        memory_calls: 10_000,
        expiry_secs: 10.0,
        validation_ms: 300,
        sandbox: sandbox::default_binary(),
        json: None,
        only: None,
    };
    for pair in raw.chunks(2) {
        let [flag, value] = pair else { usage() };
        let number = || value.parse::<f64>().ok().filter(|v| *v > 0.0);
        match (flag.as_str(), number()) {
            ("--reps", Some(v)) => a.reps = v as usize,
            ("--calls", Some(v)) => a.calls = (v as usize).max(10),
            ("--memory-calls", Some(v)) => a.memory_calls = v as usize,
            ("--expiry-secs", Some(v)) => a.expiry_secs = v,
            ("--validation-ms", Some(v)) => a.validation_ms = v as u64,
            ("--sandbox", _) => a.sandbox = PathBuf::from(value),
            ("--json", _) => a.json = Some(PathBuf::from(value)),
            ("--only", _) if PARTS.contains(&value.as_str()) => a.only = Some(value.clone()),
            _ => usage(),
        }
    }
    a
}

fn operator(base: &str, id: &str, secret: &str) -> BenchResult<OperatorClient> {
    let config = ClientConfig::builder()
        .base_url(base)
        .build()
        .context("config")?;
    OperatorClient::new(config, Credentials::new(id, secret)).context("client")
}

fn sdk(sb: &SandboxProcess) -> BenchResult<OperatorClient> {
    operator(&sb.base_url, &sb.client_id, &sb.client_secret)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rust-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> BenchResult<()> {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.first().map(String::as_str) == Some("--memory-child") {
        return memory::memory_child(&raw[1..]);
    }
    let args = args(&raw);
    if !args.sandbox.exists() {
        eprintln!(
            "rust-bench: no sandbox binary at {} (cargo build --release -p airbyte-embedded-sandbox, or set AIRBYTE_SANDBOX_BIN / --sandbox)",
            args.sandbox.display()
        );
        std::process::exit(1);
    }
    let wanted = |part: &str| args.only.as_deref().is_none_or(|o| o == part);
    let mut result = json!({"reps": args.reps, "calls": args.calls});
    let parts: [(&str, Part); 5] = [
        ("overhead", overhead::overhead),
        ("concurrency", concurrency::concurrency),
        ("fleet", fleet::fleet),
        ("memory", memory::memory),
        ("validation", validation::validation),
    ];
    for (name, part) in parts {
        if wanted(name) {
            result[name] = part(&args)?;
        }
    }
    let text = serde_json::to_string_pretty(&result).context("json")?;
    match &args.json {
        Some(path) => std::fs::write(path, text).context("write --json")?,
        None => println!("{text}"),
    }
    Ok(())
}
