//! The SDK against hand-written `ureq` + `serde_json::Value` calls to the same endpoints,
//! interleaved: per-call p50/p99, the client thread's CPU time per call, and the SDK layer's
//! own work.

use std::time::{Duration, Instant};

use airbyte_embedded::{TagFilter, TagsMode};
use serde_json::{Value, json};

use crate::cpu::{ThreadCpuClock, thread_cpu_ns};
use crate::error::{BenchResult, Context};
use crate::sandbox::SandboxProcess;
use crate::seed::seed;
use crate::stats::{median, quantile, us};
use crate::{Args, operator, sdk};

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

pub(crate) fn overhead(args: &Args) -> BenchResult<Value> {
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
    // The same server by name, as a deployment reaches `api.airbyte.ai`, against raw ureq by
    // IP: what a name costs the SDK (its cache answers all but the first lookup per TTL).
    let named_base = base.replace("127.0.0.1", "localhost");
    let named_op = operator(&named_base, &sb.client_id, &sb.client_secret)?;

    let rows = vec![
        compare(
            "loopback floor: GET /workspaces/stats",
            raw.body_len(&stats_url)?,
            args,
            || op.workspaces().stats().map(drop).context("stats"),
            || raw.get(&stats_url).map(drop),
        )?,
        compare(
            "loopback floor by name: SDK GET http://localhost:…/workspaces/stats, raw by IP",
            raw.body_len(&stats_url)?,
            args,
            || named_op.workspaces().stats().map(drop).context("stats"),
            || raw.get(&stats_url).map(drop),
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
