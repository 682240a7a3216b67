//! One client shared by 1, 2, 4 and 8 threads against independent clients, with the token
//! requests each run caused; 8 threads on one client against 2 clients × 4 in finely interleaved
//! blocks (with a control: the same configuration on both sides); and a run across several
//! token expiries.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use airbyte_embedded::OperatorClient;
use serde_json::{Value, json};

use crate::error::{BenchResult, Context};
use crate::sandbox::SandboxProcess;
use crate::stats::median;
use crate::{Args, sdk};

/// Operator tokens live this long in the expiry run; the SDK refreshes a quarter before
/// (margin = min(60 s, lifetime / 4)), so every 3 s.
const EXPIRY_TTL_SECS: u64 = 4;
const EXPIRY_REFRESH_SECS: f64 = 3.0;

/// Blocks per side in each repetition of the paired comparison.
const PAIRED_BLOCKS: usize = 8;

/// `threads` threads, spread over `clients` new clients, each making `per_thread` calls.
/// Returns calls/s and the token requests the run caused.
fn threaded_run(
    sb: &SandboxProcess,
    threads: usize,
    clients: usize,
    per_thread: usize,
) -> BenchResult<(f64, u64)> {
    let tokens_before = sb.token_requests()?;
    let ops: Vec<OperatorClient> = (0..clients).map(|_| sdk(sb)).collect::<BenchResult<_>>()?;
    let rate = threads_on(&ops, threads, per_thread)?;
    Ok((rate, sb.token_requests()? - tokens_before))
}

/// `threads` threads spread over `ops`, each making `per_thread` calls: calls/s.
fn threads_on(ops: &[OperatorClient], threads: usize, per_thread: usize) -> BenchResult<f64> {
    let barrier = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let op = ops[i % ops.len()].clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || -> BenchResult<()> {
                barrier.wait();
                for _ in 0..per_thread {
                    op.workspaces().stats().context("stats")?;
                }
                Ok(())
            })
        })
        .collect();
    barrier.wait();
    let t = Instant::now();
    for h in handles {
        joined(h)??;
    }
    Ok((threads * per_thread) as f64 / t.elapsed().as_secs_f64())
}

/// 8 threads on `a` over 8 threads on `b`: [`PAIRED_BLOCKS`] blocks of each side alternating
/// (A B B A A B B A…, `per_block` calls per thread per block) after a short warm-up of each, so
/// that the machine's changing load hits both sides alike; the ratio of the two rates, each over
/// its blocks' calls and time.
fn paired(a: &[OperatorClient], b: &[OperatorClient], per_block: usize) -> BenchResult<f64> {
    threads_on(a, 8, per_block / 10 + 1)?;
    threads_on(b, 8, per_block / 10 + 1)?;
    let (mut a_secs, mut b_secs) = (0.0, 0.0);
    let calls = (8 * per_block) as f64;
    for block in 0..2 * PAIRED_BLOCKS {
        if (block + block / 2) % 2 == 0 {
            a_secs += calls / threads_on(a, 8, per_block)?;
        } else {
            b_secs += calls / threads_on(b, 8, per_block)?;
        }
    }
    Ok(b_secs / a_secs)
}

/// Per repetition, on clients built for it: 8 threads on one shared client over 8 threads on 2
/// independent clients (4 each), and the control: the same shared configuration on both sides
/// (two clients, 8 threads each), whose spread is what the machine's noise alone gives.
fn paired_runs(sb: &SandboxProcess, args: &Args) -> BenchResult<Value> {
    let per_block = (args.calls / PAIRED_BLOCKS).max(10);
    let (mut ratios, mut control) = (Vec::new(), Vec::new());
    for _ in 0..args.reps {
        let shared = [sdk(sb)?];
        let split = [sdk(sb)?, sdk(sb)?];
        let other = [sdk(sb)?];
        ratios.push(paired(&shared, &split, per_block)?);
        control.push(paired(&shared, &other, per_block)?);
    }
    eprintln!(
        "  8 threads on 1 client / on 2 clients, paired blocks: {:.2} (control {:.2})",
        median(&ratios),
        median(&control)
    );
    Ok(json!({
        "blocks_per_side": PAIRED_BLOCKS, "calls_per_thread_per_block": per_block,
        "ratios": ratios, "control": control,
    }))
}

/// A bench thread's result; an error when it panicked.
fn joined<T>(handle: std::thread::JoinHandle<T>) -> BenchResult<T> {
    handle
        .join()
        .map_err(|_| "a bench thread panicked".to_owned())
}

pub(crate) fn concurrency(args: &Args) -> BenchResult<Value> {
    eprintln!("== concurrency: one client shared by threads");
    let sb = SandboxProcess::start(&args.sandbox, &[]).context("sandbox")?;
    let configs: [(&str, usize, usize); 6] = [
        ("1 thread, 1 client", 1, 1),
        ("2 threads, 1 shared client", 2, 1),
        ("4 threads, 1 shared client", 4, 1),
        ("8 threads, 1 shared client", 8, 1),
        ("8 threads, 2 independent clients (4 each)", 8, 2),
        ("2 threads, 2 independent clients", 2, 2),
    ];
    // Warm the server and the loopback path once.
    threaded_run(&sb, 2, 2, args.calls / 10)?;
    let mut rates = vec![Vec::new(); configs.len()];
    let mut tokens = vec![Vec::new(); configs.len()];
    for rep in 0..args.reps {
        // Interleaved: every configuration once per repetition, rotating the order.
        for k in 0..configs.len() {
            let i = (k + rep) % configs.len();
            let (_, threads, clients) = configs[i];
            let (rate, t) = threaded_run(&sb, threads, clients, args.calls)?;
            rates[i].push(rate);
            tokens[i].push(t);
        }
    }
    let paired = paired_runs(&sb, args)?;
    let rows: Vec<Value> = configs
        .iter()
        .enumerate()
        .map(|(i, (label, threads, clients))| {
            eprintln!("  {label}: {:.0} calls/s", median(&rates[i]));
            json!({
                "label": label, "threads": threads, "clients": clients,
                "calls_per_thread": args.calls,
                "calls_per_s": rates[i], "token_requests": tokens[i],
            })
        })
        .collect();
    drop(sb);

    // Token expiry: 8 threads on one client for `expiry_secs`, tokens living 4 s.
    let ttl = EXPIRY_TTL_SECS.to_string();
    let sb = SandboxProcess::start(&args.sandbox, &["--token-ttl", &ttl]).context("sandbox")?;
    let op = sdk(&sb)?;
    let threads = 8;
    let duration = Duration::from_secs_f64(args.expiry_secs);
    let barrier = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let op = op.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let start = Instant::now();
                let (mut calls, mut errors) = (0u64, 0u64);
                while start.elapsed() < duration {
                    match op.workspaces().stats() {
                        Ok(_) => calls += 1,
                        Err(_) => errors += 1,
                    }
                }
                (calls, errors)
            })
        })
        .collect();
    barrier.wait();
    let t = Instant::now();
    let (mut calls, mut errors) = (0, 0);
    for h in handles {
        let (c, e) = joined(h)?;
        calls += c;
        errors += e;
    }
    let elapsed = t.elapsed().as_secs_f64();
    let token_requests = sb.token_requests()?;
    let expected = (elapsed / EXPIRY_REFRESH_SECS).floor() as u64 + 1;
    eprintln!("  expiry: {token_requests} token requests in {elapsed:.1} s (expected {expected})");
    Ok(json!({
        "runs": rows,
        "paired": paired,
        "expiry": {
            "threads": threads, "token_ttl_s": EXPIRY_TTL_SECS,
            "refresh_every_s": EXPIRY_REFRESH_SECS, "elapsed_s": elapsed,
            "calls": calls, "errors": errors,
            "token_requests": token_requests, "expected_token_requests": expected,
        },
    }))
}
