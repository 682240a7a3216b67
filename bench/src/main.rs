//! Rust benchmarks: the SDK against hand-written `ureq` + `serde_json::Value` calls to the same
//! sandbox endpoints, one client shared by several threads, and the memory of a client over
//! many calls. Prints a Markdown report on stdout.
//!
//! `cargo run --release -p airbyte-embedded-bench --bin rust-bench -- [--reps N] [--calls N]`
//! (the `bench/run` script runs it with the defaults and adds the other languages).

mod stats;

use std::sync::Arc;
use std::time::{Duration, Instant};

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{
    ClientConfig, Credentials, OperatorClient, TagFilter, TagsMode, WriteOptions,
};
use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
use serde_json::{Value, json};
use stats::{median_range, quantile, us};

struct Args {
    reps: usize,
    calls: usize,
}

fn args() -> Args {
    let mut a = Args {
        reps: 5,
        calls: 1000,
    };
    let raw: Vec<String> = std::env::args().skip(1).collect();
    for pair in raw.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse().ok());
        match (pair[0].as_str(), value) {
            ("--reps", Some(v)) => a.reps = v,
            ("--calls", Some(v)) => a.calls = v,
            _ => {
                eprintln!("usage: rust-bench [--reps N] [--calls N]");
                std::process::exit(2);
            }
        }
    }
    a
}

/// A hand-written client: one agent, the same headers the SDK sends, JSON into `Value`.
struct Raw {
    agent: ureq::Agent,
    auth: String,
}

impl Raw {
    fn new(base: &str) -> Raw {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let token: Value = agent
            .post(format!("{base}/account/applications/token"))
            .send_json(json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}))
            .expect("token")
            .body_mut()
            .read_json()
            .expect("token json");
        Raw {
            agent,
            auth: format!(
                "Bearer {}",
                token["access_token"].as_str().expect("access_token")
            ),
        }
    }

    fn get(&self, url: &str) -> Value {
        self.agent
            .get(url)
            .header("Authorization", &self.auth)
            .header("Accept", "application/json")
            .call()
            .expect("raw call")
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_json()
            .expect("raw json")
    }

    fn get_bytes(&self, url: &str) -> usize {
        self.agent
            .get(url)
            .header("Authorization", &self.auth)
            .call()
            .expect("raw call")
            .body_mut()
            .read_to_vec()
            .expect("raw body")
            .len()
    }
}

/// Per-call timings of `calls` runs of `f`.
fn sample(calls: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..calls)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

struct Row {
    name: String,
    size: usize,
    sdk_p50: Vec<f64>,
    raw_p50: Vec<f64>,
    sdk_p99: Vec<f64>,
    raw_p99: Vec<f64>,
}

fn compare(
    name: &str,
    size: usize,
    args: &Args,
    mut sdk: impl FnMut(),
    mut raw: impl FnMut(),
) -> Row {
    for _ in 0..args.calls / 10 {
        sdk();
        raw();
    }
    let mut row = Row {
        name: name.to_owned(),
        size,
        sdk_p50: vec![],
        raw_p50: vec![],
        sdk_p99: vec![],
        raw_p99: vec![],
    };
    for rep in 0..args.reps {
        // Interleave, alternating which side goes first.
        let (mut s, mut r) = if rep % 2 == 0 {
            let s = sample(args.calls, &mut sdk);
            (s, sample(args.calls, &mut raw))
        } else {
            let r = sample(args.calls, &mut raw);
            (sample(args.calls, &mut sdk), r)
        };
        row.sdk_p50.push(us(quantile(&mut s, 0.5)));
        row.raw_p50.push(us(quantile(&mut r, 0.5)));
        row.sdk_p99.push(us(quantile(&mut s, 0.99)));
        row.raw_p99.push(us(quantile(&mut r, 0.99)));
    }
    row
}

fn print_rows(rows: &[Row]) {
    println!(
        "| call | body | SDK p50 µs (range) | raw p50 µs (range) | SDK/raw p50 | SDK p99 µs | raw p99 µs |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        let (s, s_lo, s_hi) = median_range(&r.sdk_p50);
        let (w, w_lo, w_hi) = median_range(&r.raw_p50);
        let ratios: Vec<f64> = r
            .sdk_p50
            .iter()
            .zip(&r.raw_p50)
            .map(|(a, b)| a / b)
            .collect();
        let (ratio, lo, hi) = median_range(&ratios);
        println!(
            "| {} | {:.1} KB | {s:.1} ({s_lo:.1}–{s_hi:.1}) | {w:.1} ({w_lo:.1}–{w_hi:.1}) | **{ratio:.2}×** ({lo:.2}–{hi:.2}) | {:.1} | {:.1} |",
            r.name,
            r.size as f64 / 1024.0,
            median_range(&r.sdk_p99).0,
            median_range(&r.raw_p99).0,
        );
    }
}

fn operator(base: &str) -> OperatorClient {
    let config = ClientConfig::builder()
        .base_url(base)
        .build()
        .expect("config");
    OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).expect("client")
}

fn object(v: Value) -> serde_json::Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

/// Fills the sandbox: 4 templates tagged `small` (a list of about 1 KB) and enough others
/// for a list of about 50 KB; one source. Returns the source id.
fn seed(op: &OperatorClient) -> String {
    let pg = op
        .definitions()
        .list_sources(Some("postgres"))
        .expect("defs")[0]
        .source_definition_id
        .clone();
    op.tags().create("small").expect("tag");
    let mut first = None;
    for i in 0..190 {
        let t = op
            .source_templates()
            .create(
                &SourceTemplateCreate::new(&pg, object(json!({"port": 5432})))
                    .name(format!("Postgres template {i:03}")),
            )
            .expect("template");
        if i < 4 {
            op.source_templates()
                .add_tag(&t.id, "small")
                .expect("tag template");
        }
        first.get_or_insert(t.id);
    }
    let end_user = op.end_user_client("bench-corp").expect("end user");
    let ws = end_user.workspace_id().expect("workspace");
    let config =
        object(json!({"host": "db.example", "database": "app", "username": "u", "password": "p"}));
    end_user
        .sources()
        .create_with(
            &SourceCreate::new(ws, first.expect("a template"), config),
            &WriteOptions::unvalidated(),
        )
        .expect("source")
        .id
}

fn rust_overhead(sandbox: &Sandbox, args: &Args) {
    let base = sandbox.base_url();
    let op = operator(&base);
    let source_id = seed(&op);
    let raw = Raw::new(&base);
    let small = TagFilter::new(["small"], TagsMode::All);
    let small_url = format!("{base}/integrations/templates/sources?tags=small&tags_mode=all");
    let all_url = format!("{base}/integrations/templates/sources");
    let source_url = format!("{base}/integrations/sources/{source_id}");
    let stats_url = format!("{base}/workspaces/stats");

    let rows = vec![
        compare(
            "loopback floor: `GET /workspaces/stats`",
            raw.get_bytes(&stats_url),
            args,
            || {
                op.workspaces().stats().expect("stats");
            },
            || {
                raw.get(&stats_url);
            },
        ),
        compare(
            "list source templates",
            raw.get_bytes(&small_url),
            args,
            || {
                op.source_templates().list(&small).expect("list");
            },
            || {
                raw.get(&small_url);
            },
        ),
        compare(
            "list source templates",
            raw.get_bytes(&all_url),
            args,
            || {
                op.source_templates()
                    .list(&TagFilter::default())
                    .expect("list");
            },
            || {
                raw.get(&all_url);
            },
        ),
        compare(
            "get source",
            raw.get_bytes(&source_url),
            args,
            || {
                op.sources().get(&source_id).expect("get");
            },
            || {
                raw.get(&source_url);
            },
        ),
    ];
    println!("## Rust: SDK call vs hand-written ureq + serde_json::Value\n");
    println!(
        "{} repetitions of {} calls each, interleaved; keep-alive on both sides.\n",
        args.reps, args.calls
    );
    print_rows(&rows);
}

fn concurrency(args: &Args) {
    println!("\n## Rust: one client shared by threads\n");
    println!("| threads | calls/s (range) | token requests |");
    println!("|---:|---:|---:|");
    let per_thread = args.calls;
    let run = |threads: usize, clients: usize| -> (f64, u64) {
        let sandbox = Sandbox::start(SandboxConfig {
            rate_limit_per_hour: u32::MAX,
            ..Default::default()
        })
        .expect("sandbox");
        let base = sandbox.base_url();
        let ops: Vec<OperatorClient> = (0..clients).map(|_| operator(&base)).collect();
        let barrier = Arc::new(std::sync::Barrier::new(threads + 1));
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let op = ops[i % clients].clone();
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    barrier.wait();
                    for _ in 0..per_thread {
                        op.workspaces().stats().expect("stats");
                    }
                })
            })
            .collect();
        barrier.wait();
        let t = Instant::now();
        for h in handles {
            h.join().expect("thread");
        }
        let rate = (threads * per_thread) as f64 / t.elapsed().as_secs_f64();
        (rate, sandbox.token_requests())
    };
    for (label, threads, clients) in [
        ("1", 1, 1),
        ("2", 2, 1),
        ("4", 4, 1),
        ("8", 8, 1),
        ("2 independent clients", 2, 2),
    ] {
        let mut rates = Vec::new();
        let mut tokens = 0;
        for _ in 0..args.reps {
            let (rate, t) = run(threads, clients);
            rates.push(rate);
            tokens = t;
        }
        let (m, lo, hi) = median_range(&rates);
        println!("| {label} | {m:.0} ({lo:.0}–{hi:.0}) | {tokens} |");
    }
}

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn memory(sandbox: &Sandbox) {
    let op = operator(&sandbox.base_url());
    for _ in 0..1000 {
        op.workspaces().stats().expect("stats");
    }
    let before = rss_kib();
    for _ in 0..10_000 {
        op.workspaces().stats().expect("stats");
    }
    let after = rss_kib();
    println!("\n## Rust: resident memory over 10,000 calls\n");
    match (before, after) {
        (Some(b), Some(a)) => println!(
            "RSS after 1,000 warm-up calls: {:.1} MiB; after 10,000 more: {:.1} MiB (change {:+.2} MiB; the in-process sandbox is included).",
            b as f64 / 1024.0,
            a as f64 / 1024.0,
            (a as f64 - b as f64) / 1024.0
        ),
        _ => println!("RSS is not readable on this platform."),
    }
}

fn main() {
    let args = args();
    let sandbox = Sandbox::start(SandboxConfig {
        rate_limit_per_hour: u32::MAX,
        ..Default::default()
    })
    .expect("sandbox");
    rust_overhead(&sandbox, &args);
    concurrency(&args);
    memory(&sandbox);
}
