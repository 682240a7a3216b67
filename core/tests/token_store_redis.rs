//! A fleet on one Redis token store, with real parts: a `redis-server` on loopback started
//! here, the sandbox, and 8 worker processes (this test binary run again as
//! `fleet_worker`), which call the sandbox together at the start of each phase. Operator and
//! scoped tokens live 3 s on the sandbox (refreshed after 1.5 to 2.25 s), phases are 3 s
//! apart, so every phase finds the tokens expired: across the 8 processes the sandbox must
//! count exactly one operator-token request and one scoped-token request per phase, and one
//! template-list request in all (the template cache lives in the same store). With Redis
//! stopped mid-run, every call still succeeds, each process caching on its own.
//!
//! Needs the `redis` feature (`cargo test -p airbyte-embedded --features redis --test
//! token_store_redis`) and `redis-server` (Debian: `apt-get install redis-server`); without
//! it the tests print why and pass, unless `CI` is set.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod redis_server;

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use airbyte_embedded::token_store::{RedisTokenStore, TokenStore};
use airbyte_embedded::{ClientConfig, Credentials, OperatorClient, TagFilter};
use common::*;
use redis_server::RedisServer;

const WORKERS: usize = 8;
const PHASES: u64 = 4;
const PERIOD: Duration = Duration::from_secs(3);
const TOKEN_TTL: Duration = Duration::from_secs(3);
/// Calls each worker makes per phase.
const CALLS: u64 = 4;
const WORKSPACE: &str = "Fleet Customer Co";

/// Each of this binary's tests starts 8 processes: one test at a time.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// Sleeps until the Unix time `at_ms`.
fn sleep_until(at_ms: u64) {
    let now = unix_ms();
    if at_ms > now {
        std::thread::sleep(Duration::from_millis(at_ms - now));
    }
}

fn sandbox_for_fleet() -> Sandbox {
    sandbox_with(SandboxConfig {
        operator_token_ttl: TOKEN_TTL,
        scoped_token_ttl: TOKEN_TTL,
        ..SandboxConfig::default()
    })
}

fn scoped_mints(sb: &Sandbox) -> u64 {
    requests_to(sb, "/embedded/scoped-token")
        .iter()
        .filter(|r| r.method == "POST")
        .count() as u64
}

/// When phase `k` of a run starting at `start_ms` begins.
fn phase_ms(start_ms: u64, k: u64) -> u64 {
    start_ms + k * PERIOD.as_millis() as u64
}

/// Starts the workers, phase 0 beginning at `start_ms` (time enough for them to start).
fn spawn_fleet(sb: &Sandbox, redis: &RedisServer, start_ms: u64) -> Vec<Child> {
    let exe = std::env::current_exe().unwrap();
    (0..WORKERS)
        .map(|i| {
            Command::new(&exe)
                .args(["fleet_worker", "--exact", "--ignored", "--nocapture"])
                .args(["--test-threads", "1"])
                .env("FLEET_WORKER", i.to_string())
                .env("FLEET_SANDBOX_URL", sb.base_url())
                .env("FLEET_REDIS_URL", redis.url())
                .env("FLEET_START_MS", start_ms.to_string())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect()
}

/// What one worker reported.
#[derive(Debug)]
struct Report {
    ok: u64,
    errors: Vec<String>,
    warnings: Vec<String>,
    infos: Vec<String>,
}

fn collect(children: Vec<Child>) -> Vec<Report> {
    children
        .into_iter()
        .enumerate()
        .map(|(i, child)| {
            let out = child.wait_with_output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            assert!(
                out.status.success(),
                "worker {i} failed: {}\n{stdout}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            let mut report = Report {
                ok: 0,
                errors: Vec::new(),
                warnings: Vec::new(),
                infos: Vec::new(),
            };
            let mut finished = false;
            // libtest prints `test fleet_worker ... ` before the worker's first line.
            for line in stdout
                .lines()
                .filter_map(|l| l.find("FLEET ").map(|at| &l[at..]))
            {
                if let Some(n) = line.strip_prefix("FLEET ok ") {
                    report.ok = n.parse().unwrap();
                    finished = true;
                } else if let Some(e) = line.strip_prefix("FLEET error ") {
                    report.errors.push(e.to_owned());
                } else if let Some(w) = line.strip_prefix("FLEET log WARN ") {
                    report.warnings.push(w.to_owned());
                } else if let Some(w) = line.strip_prefix("FLEET log INFO ") {
                    report.infos.push(w.to_owned());
                }
            }
            assert!(finished, "worker {i} did not report:\n{stdout}");
            report
        })
        .collect()
}

/// The sandbox's operator-token and scoped-token counts, read in the middle of each phase
/// (after its calls), as increments per phase. `after_phase(k)` runs once phase `k` is read.
fn counts_per_phase(
    sb: &Sandbox,
    start_ms: u64,
    mut after_phase: impl FnMut(u64),
) -> (Vec<u64>, Vec<u64>) {
    let (mut operator, mut scoped) = (Vec::new(), Vec::new());
    let (mut last_op, mut last_scoped) = (0, 0);
    for k in 0..PHASES {
        sleep_until(phase_ms(start_ms, k) + PERIOD.as_millis() as u64 / 2);
        let (op, sc) = (sb.token_requests(), scoped_mints(sb));
        operator.push(op - last_op);
        scoped.push(sc - last_scoped);
        (last_op, last_scoped) = (op, sc);
        after_phase(k);
    }
    (operator, scoped)
}

#[test]
fn eight_processes_on_one_redis_store_mint_one_token_per_expiry() {
    let _serial = one_at_a_time();
    let Some(redis) = RedisServer::start("eight_processes_on_one_redis_store") else {
        return;
    };
    let sb = sandbox_for_fleet();
    let start_ms = unix_ms() + 1500;
    let fleet = spawn_fleet(&sb, &redis, start_ms);
    let (operator, scoped) = counts_per_phase(&sb, start_ms, |_| {});
    let reports = collect(fleet);

    for (i, r) in reports.iter().enumerate() {
        assert_eq!(r.errors, Vec::<String>::new(), "worker {i}");
        assert_eq!(r.ok, PHASES * CALLS, "worker {i}: {r:?}");
        assert_eq!(r.warnings, Vec::<String>::new(), "worker {i}");
    }
    // Phase 0 finds no token anywhere; phases 1.. find it expired. One request each time,
    // across all 8 processes.
    assert_eq!(
        operator,
        vec![1; PHASES as usize],
        "operator-token requests per phase"
    );
    assert_eq!(
        scoped,
        vec![1; PHASES as usize],
        "scoped-token requests per phase"
    );
    assert_eq!(sb.token_requests(), PHASES);
    // The template list, cached in the same store for a minute, was read once by the fleet.
    let lists = requests_to(&sb, "/integrations/templates/sources");
    assert_eq!(lists.len(), 1, "template-list requests");
}

#[test]
fn with_redis_stopped_mid_run_every_call_succeeds_on_local_caching() {
    let _serial = one_at_a_time();
    let Some(mut redis) = RedisServer::start("with_redis_stopped_mid_run") else {
        return;
    };
    let sb = sandbox_for_fleet();
    let start_ms = unix_ms() + 1500;
    let fleet = spawn_fleet(&sb, &redis, start_ms);
    // Redis goes away after phase 1's calls, half a period before phase 2.
    let (operator, scoped) = counts_per_phase(&sb, start_ms, |k| {
        if k == 1 {
            redis.stop();
            assert!(!redis.answers());
        }
    });
    let reports = collect(fleet);

    for (i, r) in reports.iter().enumerate() {
        assert_eq!(r.errors, Vec::<String>::new(), "worker {i}");
        assert_eq!(r.ok, PHASES * CALLS, "worker {i}: {r:?}");
        assert_eq!(r.warnings.len(), 1, "worker {i}: {:?}", r.warnings);
        assert!(
            r.warnings[0].contains("token store unavailable")
                && r.warnings[0].contains("cached in this process only"),
            "worker {i}: {}",
            r.warnings[0]
        );
        for text in r.warnings.iter().chain(&r.infos) {
            for secret in [CLIENT_SECRET, CLIENT_ID, "eyJ", WORKSPACE] {
                assert!(!text.contains(secret), "worker {i} logged {secret}: {text}");
            }
        }
    }
    // Shared while Redis ran; then each process mints once per expiry for itself, not once
    // per call.
    let per_process = WORKERS as u64;
    assert_eq!(
        operator,
        vec![1, 1, per_process, per_process],
        "operator-token requests"
    );
    assert_eq!(
        scoped,
        vec![1, 1, per_process, per_process],
        "scoped-token requests"
    );
}

#[test]
fn the_redis_store_locks_once_and_deletes_only_what_it_names() {
    let _serial = one_at_a_time();
    let Some(redis) = RedisServer::start("the_redis_store_locks_once") else {
        return;
    };
    let store = RedisTokenStore::open(&redis.url()).unwrap();
    let minute = Duration::from_secs(60);
    assert_eq!(store.get("t").unwrap(), None);
    store.put("t", "v1.first", minute).unwrap();
    store.put("t", "v1.second", minute).unwrap();
    assert_eq!(store.get("t").unwrap().as_deref(), Some("v1.second"));
    assert!(!store.remove_if("t", "v1.first").unwrap());
    assert!(store.remove_if("t", "v1.second").unwrap());
    assert_eq!(store.get("t").unwrap(), None);

    store.put("short", "v", Duration::from_millis(50)).unwrap();
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(store.get("short").unwrap(), None);

    // A second store object stands for another process.
    let other = RedisTokenStore::open(&redis.url()).unwrap();
    assert!(store.try_lock("l", "owner-a", minute).unwrap());
    assert!(!other.try_lock("l", "owner-b", minute).unwrap());
    other.unlock("l", "owner-b").unwrap(); // not b's lock: it stays
    assert!(!other.try_lock("l", "owner-b", minute).unwrap());
    store.unlock("l", "owner-a").unwrap();
    assert!(
        other
            .try_lock("l", "owner-b", Duration::from_millis(50))
            .unwrap()
    );
    std::thread::sleep(Duration::from_millis(150));
    assert!(
        store.try_lock("l", "owner-c", minute).unwrap(),
        "an expired lock is free"
    );
}

/// One process of the fleet: `PHASES` phases of `CALLS` calls, then `FLEET ok <n>`, a line
/// per failed call and one per `WARN`/`INFO` record of the SDK.
#[test]
#[ignore = "a worker process of the fleet tests above, started by them"]
fn fleet_worker() {
    let Ok(index) = std::env::var("FLEET_WORKER") else {
        panic!("fleet_worker is started by the fleet tests of this file, not on its own");
    };
    let var = |name: &str| std::env::var(name).unwrap();
    capture_logs();
    let store = RedisTokenStore::open(&var("FLEET_REDIS_URL"))
        .unwrap()
        .timeout(Duration::from_millis(300));
    let config = ClientConfig::builder()
        .base_url(var("FLEET_SANDBOX_URL"))
        .token_store(Arc::new(store) as Arc<dyn TokenStore>)
        .template_cache_ttl(Duration::from_secs(60))
        .build()
        .unwrap();
    let op = OperatorClient::new(config, Credentials::new(CLIENT_ID, CLIENT_SECRET)).unwrap();
    let end_user = op.end_user_client(WORKSPACE).unwrap();
    let start_ms: u64 = var("FLEET_START_MS").parse().unwrap();
    let mut ok = 0;
    for k in 0..PHASES {
        sleep_until(phase_ms(start_ms, k));
        let results = [
            op.tags().list().map(|_| ()),
            op.scoped_token(WORKSPACE).map(|_| ()),
            end_user.token_info().map(|_| ()),
            op.source_templates()
                .list(&TagFilter::default())
                .map(|_| ()),
        ];
        for r in results {
            match r {
                Ok(()) => ok += 1,
                Err(e) => println!("FLEET error worker {index} phase {k}: {e}"),
            }
        }
    }
    for (level, text) in records().lock().unwrap().iter() {
        println!("FLEET log {level} {text}");
    }
    println!("FLEET ok {ok}");
}

/// The SDK's `WARN` and `INFO` records in this process.
fn records() -> &'static Mutex<Vec<(log::Level, String)>> {
    static RECORDS: OnceLock<Mutex<Vec<(log::Level, String)>>> = OnceLock::new();
    RECORDS.get_or_init(|| Mutex::new(Vec::new()))
}

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("airbyte_embedded")
    }
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            records()
                .lock()
                .unwrap()
                .push((record.level(), record.args().to_string()));
        }
    }
    fn flush(&self) {}
}

fn capture_logs() {
    log::set_boxed_logger(Box::new(Capture)).unwrap();
    log::set_max_level(log::LevelFilter::Info);
}
