//! Cost of config validation per fixture spec: warm-cache validation (through the free
//! function, which hashes the spec to find it in the cache), validation with a held `Spec`,
//! an invalid config (error translation included), and the cold compile of the spec.
//!
//! `cargo bench -p airbyte-embedded --bench validation` (a plain `main`, not a test).
//! Each fixture spec in `tests/fixtures/specs/` is measured with the first valid and the first
//! invalid config of its `tests/fixtures/cases/` file.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use airbyte_embedded::validation::{
    Spec, ValidationOptions, clear_spec_cache, merge_config, validate_source_config,
};
use serde_json::{Map, Value};

/// Runs `f` repeatedly for about `budget` and returns the mean time per run.
fn time_per_run(budget: Duration, mut f: impl FnMut()) -> Duration {
    // Warm up (and find how many runs fit in about a tenth of the budget).
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
    start.elapsed() / runs
}

fn micros(d: Duration) -> String {
    format!("{:>9.2}", d.as_secs_f64() * 1e6)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

struct Config {
    defaults: Map<String, Value>,
    user: Map<String, Value>,
    options: ValidationOptions,
}

fn pick(cases: &[Value], valid: bool) -> Option<Config> {
    let case = cases
        .iter()
        .find(|c| c["valid"] == Value::Bool(valid) && c.get("options").is_none())?;
    Some(Config {
        defaults: case["partial_default_config"].as_object()?.clone(),
        user: case["source_config"].as_object()?.clone(),
        options: ValidationOptions::default(),
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let budget = Duration::from_millis(
        std::env::var("BENCH_MILLIS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(400),
    );
    let mut names: Vec<String> = fs::read_dir(fixtures().join("specs"))?
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "json" {
                return None;
            }
            Some(path.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();

    println!("validation cost per call, microseconds (mean; {budget:?} per measurement)");
    println!(
        "{:<18} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "spec", "bytes", "warm ok", "held ok", "yes/no", "warm err", "cold"
    );
    for name in names {
        let spec_text = fs::read_to_string(fixtures().join("specs").join(format!("{name}.json")))?;
        let spec: Value = serde_json::from_str(&spec_text)?;
        let cases: Vec<Value> =
            fs::read_to_string(fixtures().join("cases").join(format!("{name}.json")))
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default();
        let (Some(ok), Some(bad)) = (pick(&cases, true), pick(&cases, false)) else {
            println!("{name:<18} (no valid and invalid case without options; skipped)");
            continue;
        };
        assert!(validate_source_config(&spec, &ok.defaults, &ok.user, &ok.options).is_ok());
        assert!(validate_source_config(&spec, &bad.defaults, &bad.user, &bad.options).is_err());

        let warm_ok = time_per_run(budget, || {
            black_box(validate_source_config(
                black_box(&spec),
                &ok.defaults,
                &ok.user,
                &ok.options,
            ))
            .ok();
        });
        let held = Spec::load(&spec)?;
        let held_ok = time_per_run(budget, || {
            black_box(held.validate(&ok.defaults, &ok.user, &ok.options)).ok();
        });
        // The yes/no answer from JSON text, as a request body arrives: parsing included.
        let merged = serde_json::to_string(&merge_config(&spec, &ok.defaults, &ok.user))?;
        assert!(held.is_valid_text(&merged)?);
        let yes_no = time_per_run(budget, || {
            black_box(held.is_valid_text(black_box(&merged))).ok();
        });
        let warm_err = time_per_run(budget, || {
            black_box(validate_source_config(
                black_box(&spec),
                &bad.defaults,
                &bad.user,
                &bad.options,
            ))
            .ok();
        });
        let cold = time_per_run(budget, || {
            black_box(Spec::compile(black_box(&spec))).ok();
        });
        println!(
            "{name:<18} {:>7} {} {} {} {} {}",
            spec_text.len(),
            micros(warm_ok),
            micros(held_ok),
            micros(yes_no),
            micros(warm_err),
            micros(cold)
        );
    }
    // The first validation after a cache clear pays the compile.
    clear_spec_cache();
    println!(
        "\nwarm ok: validate_source_config with the spec cached (includes hashing the spec);\n\
         held ok: Spec::validate on a held Spec (no hashing);\n\
         yes/no: Spec::is_valid_text on a held Spec, the merged config as JSON text (parsing included);\n\
         warm err: an invalid config, errors translated;\n\
         cold: Spec::compile (what the first validation of a spec costs on top)."
    );
    Ok(())
}
