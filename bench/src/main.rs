//! Rust benchmarks, against the sandbox binary running as a separate process on loopback:
//!
//! - **overhead**: the SDK against hand-written `ureq` + `serde_json::Value` calls to the same
//!   endpoints (the loopback floor, a 1 KB and a 50 KB template list, a 1 KB and a 50 KB
//!   source), interleaved, per-call p50/p99 and the client thread's CPU time per call;
//! - **concurrency**: one client shared by 1, 2, 4 and 8 threads against two independent
//!   clients, with the token requests each run caused, and a run across several token
//!   expiries;
//! - **memory**: the RSS of a process holding only a client, over 10,000 calls;
//! - **validation**: warm and first (compiling) validation per fixture spec.
//!
//! Writes the results as JSON (`--json PATH`, else stdout); `bench/report.py` turns them into
//! `bench/RESULTS.md`. Progress goes to stderr.
//!
//! `cargo run --release -p airbyte-embedded-bench --bin rust-bench -- [--reps N] [--calls N]
//! [--memory-calls N] [--expiry-secs S] [--validation-ms MS] [--sandbox PATH] [--json PATH]`

#![forbid(unsafe_code)]

mod sandbox;
mod stats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::validation::{
    Spec, ValidationOptions, clear_spec_cache, validate_source_config,
};
use airbyte_embedded::{
    ClientConfig, Credentials, OperatorClient, TagFilter, TagsMode, WriteOptions,
};
use sandbox::SandboxProcess;
use serde_json::{Map, Value, json};
use stats::{median, quantile, us};

/// Operator tokens live this long in the expiry run; the SDK refreshes a quarter before
/// (margin = min(60 s, lifetime / 4)), so every 3 s.
const EXPIRY_TTL_SECS: u64 = 4;
const EXPIRY_REFRESH_SECS: f64 = 3.0;

/// A failed step, in words: the bench stops and prints it.
type BenchResult<T> = Result<T, String>;

/// Names the step a failure came from: `response.context("token request")?`.
trait Context<T> {
    fn context(self, what: &str) -> BenchResult<T>;
}

impl<T, E: std::fmt::Display> Context<T> for Result<T, E> {
    fn context(self, what: &str) -> BenchResult<T> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

impl<T> Context<T> for Option<T> {
    fn context(self, what: &str) -> BenchResult<T> {
        self.ok_or_else(|| format!("{what}: missing"))
    }
}

struct Args {
    reps: usize,
    calls: usize,
    memory_calls: usize,
    expiry_secs: f64,
    validation_ms: u64,
    sandbox: PathBuf,
    json: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: rust-bench [--reps N] [--calls N] [--memory-calls N] [--expiry-secs S] \
         [--validation-ms MS] [--sandbox PATH] [--json PATH]"
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

/// CPU time this thread has run (user + system), from the scheduler's own accounting
/// (nanosecond resolution; Linux only).
fn thread_cpu_ns() -> Option<u64> {
    parse_schedstat(&std::fs::read_to_string("/proc/thread-self/schedstat").ok()?)
}

fn parse_schedstat(text: &str) -> Option<u64> {
    text.split_whitespace().next()?.parse().ok()
}

/// [`thread_cpu_ns`] cheap enough to read around every call: the file stays open and each read
/// is one `pread`. Must be used on the thread that opened it.
struct ThreadCpuClock {
    file: std::fs::File,
    buf: [u8; 128],
}

impl ThreadCpuClock {
    fn open() -> Option<ThreadCpuClock> {
        let file = std::fs::File::open("/proc/thread-self/schedstat").ok()?;
        let mut clock = ThreadCpuClock {
            file,
            buf: [0; 128],
        };
        clock.now_ns().map(|_| clock)
    }

    fn now_ns(&mut self) -> Option<u64> {
        use std::os::unix::fs::FileExt;
        let n = self.file.read_at(&mut self.buf, 0).ok()?;
        parse_schedstat(std::str::from_utf8(&self.buf[..n]).ok()?)
    }
}

/// A hand-written client: one agent, the same headers the SDK sends, JSON into `Value`.
struct Raw {
    agent: ureq::Agent,
    auth: String,
}

impl Raw {
    fn new(sb: &SandboxProcess) -> BenchResult<Raw> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let token: Value = agent
            .post(format!("{}/account/applications/token", sb.base_url))
            .send_json(json!({"client_id": sb.client_id, "client_secret": sb.client_secret}))
            .context("token")?
            .body_mut()
            .read_json()
            .context("token json")?;
        Ok(Raw {
            agent,
            auth: format!(
                "Bearer {}",
                token["access_token"].as_str().context("access_token")?
            ),
        })
    }

    /// What a user would write: send, check the status, decode the body into a `Value`.
    fn get(&self, url: &str) -> BenchResult<Value> {
        let mut response = self
            .agent
            .get(url)
            .header("Authorization", &self.auth)
            .header("Accept", "application/json")
            .call()
            .context("raw call")?;
        if !response.status().is_success() {
            return Err(format!("{url}: {}", response.status()));
        }
        response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_json()
            .context("raw json")
    }

    fn body_len(&self, url: &str) -> BenchResult<usize> {
        Ok(self
            .agent
            .get(url)
            .header("Authorization", &self.auth)
            .call()
            .context("raw call")?
            .body_mut()
            .read_to_vec()
            .context("raw body")?
            .len())
    }
}

/// Per-call timings of `calls` runs of `f`, and the thread's CPU time per call in µs.
fn sample(
    calls: usize,
    mut f: impl FnMut() -> BenchResult<()>,
) -> BenchResult<(Vec<Duration>, Option<f64>)> {
    let cpu_before = thread_cpu_ns();
    let times = (0..calls)
        .map(|_| {
            let t = Instant::now();
            f()?;
            Ok(t.elapsed())
        })
        .collect::<BenchResult<_>>()?;
    let cpu = match (cpu_before, thread_cpu_ns()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e3 / calls as f64),
        _ => None,
    };
    Ok((times, cpu))
}

/// One side of a comparison over the repetitions.
#[derive(Default)]
struct Side {
    p50: Vec<f64>,
    p99: Vec<f64>,
    cpu: Vec<f64>,
}

impl Side {
    fn push(&mut self, (mut times, cpu): (Vec<Duration>, Option<f64>)) {
        self.p50.push(us(quantile(&mut times, 0.5)));
        self.p99.push(us(quantile(&mut times, 0.99)));
        if let Some(c) = cpu {
            self.cpu.push(c);
        }
    }

    fn json(&self) -> Value {
        json!({"p50_us": self.p50, "p99_us": self.p99, "cpu_us": self.cpu})
    }
}

fn compare(
    name: &str,
    bytes: usize,
    args: &Args,
    mut sdk: impl FnMut() -> BenchResult<()>,
    mut raw: impl FnMut() -> BenchResult<()>,
) -> BenchResult<Value> {
    for _ in 0..args.calls / 10 {
        sdk()?;
        raw()?;
    }
    let (mut s, mut r) = (Side::default(), Side::default());
    for rep in 0..args.reps {
        // Interleave, alternating which side goes first.
        if rep % 2 == 0 {
            s.push(sample(args.calls, &mut sdk)?);
            r.push(sample(args.calls, &mut raw)?);
        } else {
            r.push(sample(args.calls, &mut raw)?);
            s.push(sample(args.calls, &mut sdk)?);
        }
    }
    eprintln!(
        "  {name} ({bytes} B): SDK p50 {:.1} µs, raw p50 {:.1} µs",
        median(&s.p50),
        median(&r.p50)
    );
    Ok(json!({"name": name, "bytes": bytes, "sdk": s.json(), "raw": r.json()}))
}

/// The SDK's own work per call, finely interleaved: many short blocks of the floor call, SDK
/// and raw alternating, with each call's wall time and client-thread CPU time; per pair of
/// blocks, the difference of the medians (a median per block, so that a preempted call or a
/// burst of load cannot move it). Returns those per-pair differences.
fn sdk_layer(
    args: &Args,
    mut sdk: impl FnMut() -> BenchResult<()>,
    mut raw: impl FnMut() -> BenchResult<()>,
) -> BenchResult<Value> {
    let blocks = (args.reps * 100).max(20);
    let calls = (args.calls / 50).max(10);
    let mut clock = ThreadCpuClock::open();
    let mut block_medians =
        |f: &mut dyn FnMut() -> BenchResult<()>| -> BenchResult<(f64, Option<f64>)> {
            let (mut wall, mut cpu) = (Vec::with_capacity(calls), Vec::with_capacity(calls));
            for _ in 0..calls {
                let c0 = clock.as_mut().and_then(ThreadCpuClock::now_ns);
                let t = Instant::now();
                f()?;
                wall.push(us(t.elapsed()));
                let c1 = clock.as_mut().and_then(ThreadCpuClock::now_ns);
                if let (Some(a), Some(b)) = (c0, c1) {
                    cpu.push(b.saturating_sub(a) as f64 / 1e3);
                }
            }
            Ok((median(&wall), (!cpu.is_empty()).then(|| median(&cpu))))
        };
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for block in 0..blocks {
        let (s, r) = if block % 2 == 0 {
            let s = block_medians(&mut sdk)?;
            (s, block_medians(&mut raw)?)
        } else {
            let r = block_medians(&mut raw)?;
            (block_medians(&mut sdk)?, r)
        };
        if let (Some(sc), Some(rc)) = (s.1, r.1) {
            cpu.push(sc - rc);
        }
        wall.push(s.0 - r.0);
    }
    eprintln!(
        "  SDK-layer work: {:+.1} µs CPU, {:+.1} µs wall p50 ({blocks} block pairs of {calls} calls)",
        median(&cpu),
        median(&wall)
    );
    Ok(json!({
        "blocks": blocks, "calls_per_block": calls,
        "cpu_delta_us": cpu, "wall_p50_delta_us": wall,
    }))
}

fn object(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

/// The ids [`seed`] created.
struct Seeded {
    small_source: String,
    large_source: String,
}

/// Fills the sandbox: 4 templates tagged `small` (a list of about 1 KB) and enough others for
/// a list of about 50 KB; a source with a small config and one whose config lists 3,300
/// schemas (about 50 KB).
fn seed(op: &OperatorClient) -> BenchResult<Seeded> {
    let pg = op
        .definitions()
        .list_sources(Some("postgres"))
        .context("defs")?[0]
        .source_definition_id
        .clone();
    op.tags().create("small").context("tag")?;
    let mut first = None;
    for i in 0..190 {
        let t = op
            .source_templates()
            .create(
                &SourceTemplateCreate::new(&pg, object(json!({"port": 5432})))
                    .name(format!("Postgres template {i:03}")),
            )
            .context("template")?;
        if i < 4 {
            op.source_templates()
                .add_tag(&t.id, "small")
                .context("tag template")?;
        }
        first.get_or_insert(t.id);
    }
    let template = first.context("a template")?;
    let end_user = op.end_user_client("bench-corp").context("end user")?;
    let ws = end_user.workspace_id().context("workspace")?;
    let create = |config: Value| -> BenchResult<String> {
        Ok(end_user
            .sources()
            .create_with(
                &SourceCreate::new(&ws, &template, object(config)),
                &WriteOptions::unvalidated(),
            )
            .context("source")?
            .id)
    };
    let schemas: Vec<String> = (0..3300).map(|i| format!("schema_{i:05}")).collect();
    Ok(Seeded {
        small_source: create(
            json!({"host": "db.example", "database": "app", "username": "u", "password": "p"}),
        )?,
        large_source: create(json!({
            "host": "db.example", "database": "app", "username": "u", "password": "p",
            "schemas": schemas,
        }))?,
    })
}

fn overhead(args: &Args) -> BenchResult<Value> {
    eprintln!("== overhead: SDK vs ureq + serde_json::Value");
    let sb = SandboxProcess::start(&args.sandbox, &[]).context("sandbox")?;
    let base = sb.base_url.clone();
    let op = sdk(&sb)?;
    let seeded = seed(&op)?;
    let raw = Raw::new(&sb)?;
    let small = TagFilter::new(["small"], TagsMode::All);
    let small_url = format!("{base}/integrations/templates/sources?tags=small&tags_mode=all");
    let all_url = format!("{base}/integrations/templates/sources");
    let source_url = format!("{base}/integrations/sources/{}", seeded.small_source);
    let large_url = format!("{base}/integrations/sources/{}", seeded.large_source);
    let stats_url = format!("{base}/workspaces/stats");
    // The same server by name: what a deployment does (`api.airbyte.ai`), where the SDK's
    // resolver looks the name up on every request.
    let named_base = base.replace("127.0.0.1", "localhost");
    let named_op = operator(&named_base, &sb.client_id, &sb.client_secret)?;
    let named_url = format!("{named_base}/workspaces/stats");

    let rows = vec![
        compare(
            "loopback floor: GET /workspaces/stats",
            raw.body_len(&stats_url)?,
            args,
            || op.workspaces().stats().map(drop).context("stats"),
            || raw.get(&stats_url).map(drop),
        )?,
        compare(
            "loopback floor by name: GET http://localhost:…/workspaces/stats",
            raw.body_len(&named_url)?,
            args,
            || named_op.workspaces().stats().map(drop).context("stats"),
            || raw.get(&named_url).map(drop),
        )?,
        compare(
            "list source templates",
            raw.body_len(&small_url)?,
            args,
            || op.source_templates().list(&small).map(drop).context("list"),
            || raw.get(&small_url).map(drop),
        )?,
        compare(
            "list source templates",
            raw.body_len(&all_url)?,
            args,
            || {
                op.source_templates()
                    .list(&TagFilter::default())
                    .map(drop)
                    .context("list")
            },
            || raw.get(&all_url).map(drop),
        )?,
        compare(
            "get source",
            raw.body_len(&source_url)?,
            args,
            || {
                op.sources()
                    .get(&seeded.small_source)
                    .map(drop)
                    .context("get")
            },
            || raw.get(&source_url).map(drop),
        )?,
        compare(
            "get source",
            raw.body_len(&large_url)?,
            args,
            || {
                op.sources()
                    .get(&seeded.large_source)
                    .map(drop)
                    .context("get")
            },
            || raw.get(&large_url).map(drop),
        )?,
    ];
    let layer = sdk_layer(
        args,
        || op.workspaces().stats().map(drop).context("stats"),
        || raw.get(&stats_url).map(drop),
    )?;
    Ok(json!({"rows": rows, "sdk_layer": layer}))
}

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
    let barrier = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let op = ops[i % clients].clone();
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
    let rate = (threads * per_thread) as f64 / t.elapsed().as_secs_f64();
    Ok((rate, sb.token_requests()? - tokens_before))
}

/// A bench thread's result; an error when it panicked.
fn joined<T>(handle: std::thread::JoinHandle<T>) -> BenchResult<T> {
    handle
        .join()
        .map_err(|_| "a bench thread panicked".to_owned())
}

fn concurrency(args: &Args) -> BenchResult<Value> {
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
        "expiry": {
            "threads": threads, "token_ttl_s": EXPIRY_TTL_SECS,
            "refresh_every_s": EXPIRY_REFRESH_SECS, "elapsed_s": elapsed,
            "calls": calls, "errors": errors,
            "token_requests": token_requests, "expected_token_requests": expected,
        },
    }))
}

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
fn memory(args: &Args) -> BenchResult<Value> {
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
fn memory_child(raw: &[String]) -> BenchResult<()> {
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

/// Runs `f` repeatedly for about `budget`; the mean time per run in µs.
fn time_per_run(budget: Duration, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs: u32 = 0;
    while start.elapsed() < budget / 10 {
        f();
        runs += 1;
    }
    let runs = (runs * 10).max(10);
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    us(start.elapsed()) / f64::from(runs)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The cases measured for a fixture spec, as `(case name, defaults, config)`: the first valid
/// case without options, and for the Postgres spec also the valid case with the longest config
/// (a CDC `oneOf` branch), as `python_bench.py` picks them.
type Case = (String, Map<String, Value>, Map<String, Value>);

fn valid_cases(name: &str) -> Vec<Case> {
    let Ok(text) = std::fs::read_to_string(fixtures().join("cases").join(format!("{name}.json")))
    else {
        return vec![];
    };
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    let valid: Vec<&Value> = cases
        .iter()
        .filter(|c| c["valid"] == Value::Bool(true) && c.get("options").is_none())
        .collect();
    let mut picked: Vec<&Value> = valid.first().copied().into_iter().collect();
    if name == "source-postgres"
        && let Some(longest) = valid
            .iter()
            .max_by_key(|c| c["source_config"].to_string().len())
        && !std::ptr::eq(*longest, picked[0])
    {
        picked.push(longest);
    }
    picked
        .into_iter()
        .filter_map(|c| {
            Some((
                c["name"].as_str()?.to_owned(),
                c["partial_default_config"].as_object()?.clone(),
                c["source_config"].as_object()?.clone(),
            ))
        })
        .collect()
}

fn validation(args: &Args) -> BenchResult<Value> {
    eprintln!("== validation per fixture spec");
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("specs"))
        .context("tests/fixtures/specs")?
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "json" {
                return None;
            }
            Some(path.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let budget = Duration::from_millis(args.validation_ms);
    let options = ValidationOptions::default();
    let mut rows = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(fixtures().join("specs").join(format!("{name}.json")))
            .context("spec")?;
        let spec: Value = serde_json::from_str(&text).context("spec json")?;
        for (case, defaults, config) in valid_cases(&name) {
            validate_source_config(&spec, &defaults, &config, &options).context("a valid case")?;
            let held = Spec::load(&spec).context("spec")?;
            let mut warm = Vec::new();
            let mut held_us = Vec::new();
            let mut first = Vec::new();
            for _ in 0..args.reps {
                warm.push(time_per_run(budget, || {
                    std::hint::black_box(validate_source_config(
                        std::hint::black_box(&spec),
                        &defaults,
                        &config,
                        &options,
                    ))
                    .ok();
                }));
                held_us.push(time_per_run(budget, || {
                    std::hint::black_box(held.validate(&defaults, &config, &options)).ok();
                }));
                // The first validation of a spec: cache cleared, so it compiles.
                let mut cold: Vec<f64> = (0..20)
                    .map(|_| {
                        clear_spec_cache();
                        let t = Instant::now();
                        std::hint::black_box(validate_source_config(
                            &spec, &defaults, &config, &options,
                        ))
                        .ok();
                        us(t.elapsed())
                    })
                    .collect();
                cold.sort_by(f64::total_cmp);
                first.push(cold[cold.len() / 2]);
            }
            eprintln!(
                "  {name} ({case}): warm {:.2} µs, first {:.0} µs",
                median(&warm),
                median(&first)
            );
            rows.push(json!({
                "spec": name, "case": case, "bytes": text.len(),
                "warm_us": warm, "held_us": held_us, "first_us": first,
            }));
        }
    }
    Ok(json!(rows))
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
        return memory_child(&raw[1..]);
    }
    let args = args(&raw);
    if !args.sandbox.exists() {
        eprintln!(
            "rust-bench: no sandbox binary at {} (cargo build --release -p airbyte-embedded-sandbox, or set AIRBYTE_SANDBOX_BIN / --sandbox)",
            args.sandbox.display()
        );
        std::process::exit(1);
    }
    let result = json!({
        "reps": args.reps,
        "calls": args.calls,
        "overhead": overhead(&args)?,
        "concurrency": concurrency(&args)?,
        "memory": memory(&args)?,
        "validation": validation(&args)?,
    });
    let text = serde_json::to_string_pretty(&result).context("json")?;
    match &args.json {
        Some(path) => std::fs::write(path, text).context("write --json")?,
        None => println!("{text}"),
    }
    Ok(())
}
