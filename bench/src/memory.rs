//! The RSS of a process holding only a client, over many calls.

use airbyte_embedded::{TagFilter, TagsMode};
use serde_json::{Value, json};

use crate::error::{BenchResult, Context};
use crate::sandbox::SandboxProcess;
use crate::seed::seed;
use crate::{Args, operator, sdk, usage};

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The memory run, in a process of its own (see `memory_child`), so that the RSS is that of a
/// client alone: no sandbox, no other section's allocations.
pub(crate) fn memory(args: &Args) -> BenchResult<Value> {
    eprintln!("== memory: a client's RSS over {} calls", args.memory_calls);
    let sb = SandboxProcess::start(&args.sandbox, &[]).context("sandbox")?;
    let op = sdk(&sb)?;
    let seeded = seed(&op)?;
    drop(op);
    let out = std::process::Command::new(std::env::current_exe().context("current exe")?)
        .args([
            "--memory-child",
            &sb.base_url,
            &sb.client_id,
            &sb.client_secret,
            &seeded.small_source,
            &args.memory_calls.to_string(),
        ])
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("memory child")?;
    if !out.status.success() {
        return Err(format!("the memory child failed ({})", out.status));
    }
    let result: Value = serde_json::from_slice(&out.stdout).context("memory child json")?;
    eprintln!("  {result}");
    Ok(result)
}

/// The child side of [`memory`]: a mix of calls (stats, 1 KB list, 1 KB source, 50 KB list),
/// RSS read before the client exists, after 1,000 warm-up calls, and every 1,000 calls after.
pub(crate) fn memory_child(raw: &[String]) -> BenchResult<()> {
    let [base, id, secret, source, calls] = raw else {
        usage()
    };
    let calls: usize = calls.parse().unwrap_or(10_000);
    let before_client = status_kib("VmRSS:");
    let op = operator(base, id, secret)?;
    let small = TagFilter::new(["small"], TagsMode::All);
    let all = TagFilter::default();
    let call = |i: usize| match i % 4 {
        0 => op.workspaces().stats().map(drop).context("stats"),
        1 => op.source_templates().list(&small).map(drop).context("list"),
        2 => op.sources().get(source).map(drop).context("get"),
        _ => op.source_templates().list(&all).map(drop).context("list"),
    };
    for i in 0..1000 {
        call(i)?;
    }
    let mut samples = vec![status_kib("VmRSS:")];
    let step = (calls / 10).max(1);
    for i in 0..calls {
        call(i)?;
        if (i + 1) % step == 0 {
            samples.push(status_kib("VmRSS:"));
        }
    }
    println!(
        "{}",
        json!({
            "calls": calls, "warmup_calls": 1000, "sample_every": step,
            "rss_before_client_kib": before_client, "rss_kib": samples,
            "peak_rss_kib": status_kib("VmHWM:"),
        })
    );
    Ok(())
}
