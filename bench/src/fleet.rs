//! A simulated fleet: 20 workers (one client each, standing for 20 backend processes) serving
//! page views for 10 end users for a while, each view getting the user's scoped token and
//! listing source templates; once with each worker on its own (its own memory store, no
//! template cache), once sharing one token store with the template cache on. The sandbox
//! counts the operator-token, scoped-token and template-list requests.
//!
//! The shared store is a `RedisTokenStore` on a `redis-server` started here (each worker its
//! own connection, as separate processes would have) when `redis-server` is installed, else
//! one `MemoryTokenStore` shared by the workers (the same sealing, keys and locks, without the
//! network). Time is compressed: tokens live `TOKEN_TTL_SECS` on the sandbox (refreshed every
//! `REFRESH_SECS`), the cache keeps lists `CACHE_TTL_SECS`; `bench/report.py` scales the
//! counts to an hour at the service's lifetimes (operator tokens 15 min, scoped 20 min) and a
//! 60 s cache.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use airbyte_embedded::token_store::{MemoryTokenStore, RedisTokenStore, TokenStore};
use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, TagFilter};
use serde_json::{Value, json};

use crate::Args;
use crate::error::{BenchResult, Context};
use crate::sandbox::SandboxProcess;

const WORKERS: usize = 20;
const END_USERS: usize = 10;
/// Each worker serves one page view per this many milliseconds.
const VIEW_EVERY_MS: u64 = 100;
/// Token lifetimes on the sandbox; the SDK refreshes a quarter early, so every 3 s.
const TOKEN_TTL_SECS: u64 = 4;
const REFRESH_SECS: f64 = 3.0;
/// The template cache's lifetime in the shared run.
const CACHE_TTL_SECS: f64 = 1.0;

const SCOPED_ROUTE: &str = "POST /api/v1/embedded/scoped-token";
const LIST_ROUTE: &str = "GET /api/v1/integrations/templates/sources";

/// A `redis-server` on a free loopback port, killed when dropped.
struct Redis {
    child: Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl Redis {
    /// `None` when `redis-server` is not installed or does not answer within 10 s.
    fn start() -> Option<Redis> {
        let port = TcpListener::bind(("127.0.0.1", 0))
            .and_then(|l| l.local_addr())
            .ok()?
            .port();
        let dir = std::env::temp_dir().join(format!("rust-bench-redis-{port}"));
        std::fs::create_dir_all(&dir).ok()?;
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no", "--loglevel", "warning"])
            .arg("--dir")
            .arg(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let redis = Redis { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !redis.answers() {
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(redis)
    }

    fn answers(&self) -> bool {
        let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let mut reply = [0u8; 7];
        s.write_all(b"PING\r\n").is_ok()
            && s.read_exact(&mut reply).is_ok()
            && &reply == b"+PONG\r\n"
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Where the shared run's workers keep their tokens.
enum Shared {
    Redis(Redis),
    Memory(Arc<MemoryTokenStore>),
}

impl Shared {
    fn store(&self) -> BenchResult<Arc<dyn TokenStore>> {
        Ok(match self {
            Shared::Redis(r) => Arc::new(RedisTokenStore::open(&r.url()).context("redis store")?),
            Shared::Memory(m) => Arc::clone(m) as Arc<dyn TokenStore>,
        })
    }

    fn label(&self) -> &'static str {
        match self {
            Shared::Redis(_) => "redis",
            Shared::Memory(_) => "memory",
        }
    }
}

/// The three counts of one run.
fn counts(sb: &SandboxProcess, before: &Value) -> BenchResult<(u64, u64, u64)> {
    let after = sb.stats()?;
    let route = |stats: &Value, r: &str| stats["requests_by_route"][r].as_u64().unwrap_or(0);
    Ok((
        after["token_requests"].as_u64().unwrap_or(0)
            - before["token_requests"].as_u64().unwrap_or(0),
        route(&after, SCOPED_ROUTE) - route(before, SCOPED_ROUTE),
        route(&after, LIST_ROUTE) - route(before, LIST_ROUTE),
    ))
}

/// One run of `duration`: the workers serve page views together. `shared`: one store and the
/// template cache; `None`: each worker alone. Returns the counts and the page views served.
fn run(sb: &SandboxProcess, shared: Option<&Shared>, duration: Duration) -> BenchResult<Value> {
    let before = sb.stats()?;
    let clients: Vec<OperatorClient> = (0..WORKERS)
        .map(|_| {
            let mut b = ClientConfig::builder().base_url(&sb.base_url);
            if let Some(shared) = shared {
                b = b
                    .token_store(shared.store()?)
                    .template_cache_ttl(Duration::from_secs_f64(CACHE_TTL_SECS));
            }
            let config = b.build().context("config")?;
            OperatorClient::new(config, Credentials::new(&sb.client_id, &sb.client_secret))
                .context("client")
        })
        .collect::<BenchResult<_>>()?;
    let barrier = Arc::new(Barrier::new(WORKERS + 1));
    let handles: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(w, op)| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || -> BenchResult<u64> {
                barrier.wait();
                let start = Instant::now();
                let mut views = 0u64;
                while start.elapsed() < duration {
                    let user = format!("fleet-customer-{}", (w + views as usize) % END_USERS);
                    op.scoped_token(&user).context("scoped token")?;
                    op.source_templates()
                        .list(&TagFilter::default())
                        .context("list templates")?;
                    views += 1;
                    let next = Duration::from_millis(VIEW_EVERY_MS * views);
                    if let Some(wait) = next.checked_sub(start.elapsed()) {
                        std::thread::sleep(wait);
                    }
                }
                Ok(views)
            })
        })
        .collect();
    barrier.wait();
    let t = Instant::now();
    let mut views = 0;
    for h in handles {
        views += h
            .join()
            .map_err(|_| "a fleet worker panicked".to_owned())??;
    }
    let elapsed = t.elapsed().as_secs_f64();
    let (operator, scoped, lists) = counts(sb, &before)?;
    eprintln!(
        "  {}: {views} page views in {elapsed:.1} s; {operator} operator-token, {scoped} \
         scoped-token, {lists} template-list requests",
        shared.map_or("each worker alone", |s| s.label())
    );
    Ok(json!({
        "elapsed_s": elapsed, "page_views": views,
        "operator_token_requests": operator, "scoped_token_requests": scoped,
        "template_list_requests": lists,
    }))
}

pub(crate) fn fleet(args: &Args) -> BenchResult<Value> {
    eprintln!("== fleet: {WORKERS} workers, {END_USERS} end users");
    let ttl = TOKEN_TTL_SECS.to_string();
    let sb = SandboxProcess::start(
        &args.sandbox,
        &["--token-ttl", &ttl, "--scoped-token-ttl", &ttl],
    )
    .context("sandbox")?;
    let shared = match Redis::start() {
        Some(r) => Shared::Redis(r),
        None => Shared::Memory(Arc::new(MemoryTokenStore::new())),
    };
    let duration = Duration::from_secs_f64(args.expiry_secs);
    let alone = run(&sb, None, duration)?;
    let together = run(&sb, Some(&shared), duration)?;
    Ok(json!({
        "workers": WORKERS, "end_users": END_USERS, "view_every_ms": VIEW_EVERY_MS,
        "token_ttl_s": TOKEN_TTL_SECS, "refresh_every_s": REFRESH_SECS,
        "cache_ttl_s": CACHE_TTL_SECS, "store": shared.label(),
        "alone": alone, "shared": together,
    }))
}
